//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::PathBuf;

use reportc::report_model::{Indicator, Report};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn seed_path() -> PathBuf {
    root().join("reports/tongzhou-2019-performance-report.txt")
}

pub fn seed_text() -> String {
    std::fs::read_to_string(seed_path()).expect("the seed report is readable")
}

pub fn convert(bytes: &[u8]) -> reportc::Conversion {
    match reportc::convert_bytes(bytes, &Default::default()) {
        Ok(c) => c,
        Err(e) => panic!("conversion failed: {e}"),
    }
}

pub fn seed_report() -> Report {
    convert(seed_text().as_bytes()).report
}

/// Converts and asserts the result is valid.
pub fn convert_valid(bytes: &[u8]) -> reportc::Conversion {
    let c = convert(bytes);
    let problems = reportc::report_model::validate(&c.report);
    assert!(problems.is_empty(), "invalid report: {problems:#?}");
    c
}

/// The one indicator whose value is `raw` + `unit`.
pub fn by_value<'a>(r: &'a Report, raw: &str, unit: &str) -> &'a Indicator {
    let found: Vec<&Indicator> = r
        .indicators()
        .into_iter()
        .filter(|i| {
            i.value
                .as_ref()
                .is_some_and(|v| v.raw == raw && v.unit == unit)
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "indicators with value {raw}{unit}: {found:#?}"
    );
    found[0]
}

/// An independent reading of a published number: digits, one decimal point, thousands
/// commas, 万/亿 multipliers, 余/多 qualifiers, 百分百.
pub fn independent_parse(raw: &str) -> f64 {
    if raw == "百分百" || raw == "百分之百" {
        return 100.0;
    }
    // Chinese numerals ("两", "三", "第四", "十二"): an independent table, not the converter's.
    let cn: String = raw.trim_start_matches('第').to_string();
    if !cn.is_empty() && cn.chars().all(|c| "零一二两三四五六七八九十百".contains(c)) {
        let digit = |c: char| "零一二三四五六七八九".find(c).map(|b| (b / 3) as f64);
        let mut total = 0.0;
        let mut cur = 0.0;
        for c in cn.chars() {
            match c {
                '两' => cur = 2.0,
                '十' => {
                    total += if cur == 0.0 { 10.0 } else { cur * 10.0 };
                    cur = 0.0;
                }
                '百' => {
                    total += cur * 100.0;
                    cur = 0.0;
                }
                c => cur = digit(c).unwrap(),
            }
        }
        return total + cur;
    }
    let mut int = String::new();
    let mut mult = 1.0f64;
    for c in raw.chars() {
        match c {
            '0'..='9' | '.' | '-' => int.push(c),
            '０'..='９' => int.push(char::from_digit(c as u32 - '０' as u32, 10).unwrap()),
            '．' => int.push('.'),
            '－' | '−' => int.push('-'),
            ',' => {}
            '万' => mult *= 1e4,
            '亿' => mult *= 1e8,
            '千' => mult *= 1e3,
            '百' => mult *= 1e2,
            '余' | '多' => {}
            other => panic!("unexpected {other:?} in raw {raw:?}"),
        }
    }
    int.parse::<f64>().unwrap() * mult
}

/// The sentence an indicator was read from, sliced from its paragraph (or heading).
pub fn sentence_of(r: &Report, ind: &Indicator) -> String {
    for s in r.sections_flat() {
        let text = match &ind.source.paragraph_id {
            Some(pid) => match s.paragraphs.iter().find(|p| &p.id == pid) {
                Some(p) => p.text.as_str(),
                None => continue,
            },
            None if s.id == ind.section_id => s.title.as_str(),
            None => continue,
        };
        return ind.source.slice(text).unwrap_or_default().to_string();
    }
    String::new()
}

/// Checks the exact-copy invariant of every indicator: the figure as published is in its
/// sentence, and the number is what the published string says.
pub fn assert_exact_copies(r: &Report) {
    for ind in r.indicators() {
        let Some(v) = &ind.value else { continue };
        let sentence = sentence_of(r, ind);
        let shown = format!("{}{}", v.raw, v.unit);
        assert!(
            sentence.contains(&shown),
            "{}: {shown:?} is not in {:?}",
            ind.id,
            sentence
        );
        let expected = independent_parse(&v.raw);
        assert!(
            (v.number - expected).abs() <= expected.abs() * 1e-12,
            "{}: number {} but raw {:?} says {expected}",
            ind.id,
            v.number,
            v.raw
        );
        for m in [
            ind.baseline.as_ref(),
            ind.change.as_ref().map(|c| &c.amount),
            ind.target.as_ref().map(|t| &t.percent),
        ]
        .into_iter()
        .flatten()
        {
            let shown = format!("{}{}", m.raw, m.unit);
            assert!(
                sentence.contains(&shown),
                "{}: {shown:?} not in sentence",
                ind.id
            );
            assert_eq!(m.number, independent_parse(&m.raw), "{}: {m:?}", ind.id);
        }
    }
}

/// A measure as a reader sees it: qualifier words where the text prints them, then the kinds
/// of its qualifiers ("约6593.69亩 (approximate)", "2000余人次 (more_than)").
pub fn shown_measure(m: &reportc::report_model::Measure) -> String {
    use reportc::report_model::QualifierPlace;
    let mut s = String::new();
    for q in m
        .qualifiers
        .iter()
        .filter(|q| q.place == QualifierPlace::Before)
    {
        s.push_str(&q.word);
    }
    s.push_str(&m.raw);
    s.push_str(&m.unit);
    for q in m
        .qualifiers
        .iter()
        .filter(|q| q.place == QualifierPlace::After)
    {
        s.push_str(&q.word);
    }
    if !m.qualifiers.is_empty() {
        let kinds: Vec<String> = m
            .qualifiers
            .iter()
            .map(|q| {
                serde_json::to_value(q.kind)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
                    .unwrap_or_default()
            })
            .collect();
        s.push_str(&format!(" ({})", kinds.join(",")));
    }
    s
}

fn snake<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One line per indicator: section | name | value | kind | status «basis» [| change …]
/// [| from …] [| target …] [| goal …].
pub fn listing_line(i: &Indicator) -> String {
    let value = i
        .value
        .as_ref()
        .map_or_else(|| "—".to_string(), shown_measure);
    let mut s = format!(
        "{} | {} | {} | {} | {}",
        i.section_id,
        i.name,
        value,
        snake(i.kind),
        snake(i.status)
    );
    if let Some(b) = &i.status_basis {
        s.push_str(&format!(" «{b}»"));
    }
    if let Some(c) = &i.change {
        let dir = match c.direction {
            reportc::report_model::Direction::Up => "up",
            reportc::report_model::Direction::Down => "down",
        };
        let basis = if c.basis.is_empty() {
            String::new()
        } else {
            format!("{} ", c.basis)
        };
        s.push_str(&format!(
            " | change {basis}{dir} {}",
            shown_measure(&c.amount)
        ));
    }
    if let Some(b) = &i.baseline {
        s.push_str(&format!(" | from {}", shown_measure(b)));
    }
    if let Some(t) = &i.target {
        s.push_str(&format!(" | target {}", shown_measure(&t.percent)));
    }
    if let Some(g) = &i.goal {
        s.push_str(&format!(" | goal {}", shown_measure(g)));
    }
    s
}

/// What the test expects from a hand-checked listing file. Every line is the correct reading
/// of one indicator, checked against the text; where the converter is known to differ, the
/// next line says what it gives instead (`KNOWN: <line>`, or `KNOWN: (missing)`), and
/// `EXTRA: <line>` is an indicator it gives that the text does not have. `#` starts a comment.
/// The test compares against this, so any change in the converter's reading shows up, and
/// the gaps stay written down beside the truth.
pub fn expected_from_listing(file: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let lines: Vec<&str> = file
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .collect();
    let mut k = 0;
    while k < lines.len() {
        let l = lines[k];
        if let Some(extra) = l.strip_prefix("EXTRA: ") {
            out.push(extra.to_string());
            k += 1;
            continue;
        }
        match lines.get(k + 1).and_then(|n| n.strip_prefix("KNOWN: ")) {
            Some("(missing)") => k += 2,
            Some(known) => {
                out.push(known.to_string());
                k += 2;
            }
            None => {
                out.push(l.to_string());
                k += 1;
            }
        }
    }
    out
}

/// Compares a report's indicators with a hand-checked listing; on a difference writes the
/// actual listing next to it (`<name>.actual.txt`) and fails with the first differences.
pub fn assert_listing(r: &Report, file_name: &str, expected_file: &str) {
    let got: Vec<String> = r.indicators().into_iter().map(listing_line).collect();
    let want = expected_from_listing(expected_file);
    if got == want {
        return;
    }
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(format!("{file_name}.actual.txt"));
    let _ = std::fs::write(&path, got.join("\n") + "\n");
    let mut diffs = Vec::new();
    for k in 0..got.len().max(want.len()) {
        let (g, w) = (got.get(k), want.get(k));
        if g != w {
            diffs.push(format!(
                "line {}:\n  want {}\n  got  {}",
                k + 1,
                w.map_or("(none)", String::as_str),
                g.map_or("(none)", String::as_str)
            ));
        }
        if diffs.len() >= 8 {
            break;
        }
    }
    panic!(
        "{file_name}: {} indicators, {} expected; actual listing in {}\n{}",
        got.len(),
        want.len(),
        path.display(),
        diffs.join("\n")
    );
}
