//! Every indicator of the seed and of the genre excerpts against its hand-checked listing
//! (see `common::expected_from_listing` for the file format).

use crate::common::*;

#[test]
fn seed_listing() {
    assert_listing(
        &convert_valid(seed_text().as_bytes()).report,
        "seed_listing",
        include_str!("../seed_listing.txt"),
    );
}

#[test]
fn district_performance_report_listing() {
    let c = convert_valid(include_str!("../haidian-2022-performance-excerpt.txt").as_bytes());
    assert_listing(
        &c.report,
        "haidian-2022-performance-listing",
        include_str!("../haidian-2022-performance-listing.txt"),
    );
}

#[test]
fn work_report_progress_notice_listing() {
    let c = convert_valid(include_str!("../fengtai-2023-progress-notice-excerpt.txt").as_bytes());
    assert_listing(
        &c.report,
        "fengtai-2023-progress-notice-listing",
        include_str!("../fengtai-2023-progress-notice-listing.txt"),
    );
}

#[test]
fn department_spending_evaluation_listing() {
    let c =
        convert_valid(include_str!("../education-2022-spending-evaluation-excerpt.txt").as_bytes());
    assert_listing(
        &c.report,
        "education-2022-spending-evaluation-listing",
        include_str!("../education-2022-spending-evaluation-listing.txt"),
    );
}
