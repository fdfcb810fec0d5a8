//! Synthetic reports of the genre, for benchmarks: realistic enough to convert as expected.

use crate::common::*;

#[test]
fn ten_thousand_indicators() {
    let text = reportc::synthetic_report_text(200, 10_000, 1);
    let c = convert_valid(text.as_bytes());
    let n = c.report.indicators().len();
    assert!((9_700..=10_300).contains(&n), "{n} indicators");
    assert_eq!(c.report.sections_flat().len(), 200);
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_exact_copies(&c.report);
}

#[test]
fn deterministic_per_seed() {
    assert_eq!(
        reportc::synthetic_report_text(8, 100, 7),
        reportc::synthetic_report_text(8, 100, 7)
    );
    assert_ne!(
        reportc::synthetic_report_text(8, 100, 7),
        reportc::synthetic_report_text(8, 100, 8)
    );
    let small = reportc::synthetic_report_text(1, 1, 0);
    let c = convert_valid(small.as_bytes());
    assert_eq!(c.report.indicators().len(), 1);
    let none = reportc::synthetic_report_text(3, 0, 0);
    assert_eq!(convert_valid(none.as_bytes()).report.indicators().len(), 0);
}
