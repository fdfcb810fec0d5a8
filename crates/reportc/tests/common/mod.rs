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

/// Checks the exact-copy invariant of every indicator: the figure as published is in its
/// sentence, and the number is what the published string says.
pub fn assert_exact_copies(r: &Report) {
    for ind in r.indicators() {
        let Some(v) = &ind.value else { continue };
        let shown = format!("{}{}", v.raw, v.unit);
        assert!(
            ind.source.sentence.contains(&shown),
            "{}: {shown:?} is not in {:?}",
            ind.id,
            ind.source.sentence
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
                ind.source.sentence.contains(&shown),
                "{}: {shown:?} not in sentence",
                ind.id
            );
            assert_eq!(m.number, independent_parse(&m.raw), "{}: {m:?}", ind.id);
        }
    }
}
