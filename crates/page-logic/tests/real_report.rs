//! Checks against the real converted report the page ships, `public/report.json`.

use page_logic::{
    completion_bar, completion_scale, locate, rate_bar, rows, rows_to_csv, rows_to_text,
    section_options, summary_figures, visible_rows, Filter, SortDir, SortKey, Target, ViewState,
};

#[test]
fn the_shipped_report() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../public/report.json");
    let json = match std::fs::read_to_string(path) {
        Ok(j) => j,
        Err(e) => panic!("{path}: {e} (generate it with `cargo run -p reportc -- convert`)"),
    };
    let version: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    if let Err(e) =
        report_model::check_schema_version(version["schema_version"].as_str().unwrap_or(""))
    {
        panic!("{path}: {e}");
    }
    let report: report_model::Report = match serde_json::from_str(&json) {
        Ok(r) => r,
        Err(e) => panic!("{path} does not parse: {e}"),
    };
    let rows = rows(&report);
    let indicators = report.indicators();
    assert_eq!(rows.len(), indicators.len());
    for (row, ind) in rows.iter().zip(&indicators) {
        assert_eq!(row.id, ind.id);
        // Displays are the published strings with every qualifier word, never re-formatted
        // numbers.
        if let Some(v) = &ind.value {
            assert!(row.value_text.contains(&v.raw), "{}", row.id);
            assert!(row.value_text.contains(&v.unit), "{}", row.id);
            for q in &v.qualifiers {
                assert!(row.value_text.contains(&q.word), "{}: {}", row.id, q.word);
                assert_eq!(
                    row.value_text.matches(q.word.as_str()).count(),
                    v.display().matches(q.word.as_str()).count().max(1),
                    "{}: {} once",
                    row.id,
                    q.word
                );
            }
        }
        if let Some(c) = &row.change {
            let amount = ind.change.as_ref().map(|c| c.amount.raw.as_str());
            assert!(c.text.contains(amount.unwrap_or("?")), "{}", row.id);
            assert!(c.text.starts_with(['↑', '↓']), "{}", row.id);
        }
        if ind.kind == report_model::IndicatorKind::Change {
            assert!(
                row.figure.starts_with(['↑', '↓']),
                "{}: {}",
                row.id,
                row.figure
            );
        }
        // Every source sentence is found in its paragraph or heading.
        assert!(!row.sentence.is_empty(), "{}", row.id);
        let chain = locate(&report, &row.id)
            .filter(|l| matches!(l.target, Target::Indicator { .. }))
            .map(|l| l.open_sections);
        assert_eq!(chain.as_ref().and_then(|c| c.last()), Some(&row.section_id));
        let bar = completion_bar(row, completion_scale(&rows));
        assert_eq!(
            bar.is_some(),
            ind.kind == report_model::IndicatorKind::Completion && ind.target.is_some(),
            "{}",
            row.id
        );
        let _ = rate_bar(row);
    }
    assert_eq!(
        report
            .sections
            .iter()
            .map(|s| s.indicator_count())
            .sum::<usize>(),
        rows.len()
    );
    assert!(!section_options(&report).is_empty());
    let _ = summary_figures(&report);
    for key in SortKey::ALL {
        for dir in [SortDir::Asc, SortDir::Desc] {
            assert_eq!(
                visible_rows(&rows, &Filter::default(), key, dir).len(),
                rows.len()
            );
        }
    }
    let state = ViewState::from_query("?q=完成&sort=completion&dir=desc");
    let shown: Vec<_> = state
        .visible_rows(&rows)
        .into_iter()
        .map(|i| &rows[i])
        .collect();
    let csv = rows_to_csv(&report.meta, "https://example.org/", &shown);
    assert!(csv.starts_with('\u{feff}'));
    let _ = rows_to_text(&report.meta, "https://example.org/", &shown);
}
