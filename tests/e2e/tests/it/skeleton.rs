//! The walking skeleton: the release page loads report.json under a sub-path and shows the
//! report's title, metadata and top-level headings; a failed load shows a message, not a blank.

use std::collections::HashMap;

use e2e::page;
use e2e::{dist_dir, Override, Session, StaticServer};

/// Typed from the published report, not read from our JSON: the page must match the source.
const TITLE: &str = "通州区2019年度绩效管理工作报告";
const TOP_LEVEL_HEADINGS: [&str; 3] = [
    "一、总体情况",
    "二、主要做法和工作成效",
    "三、存在问题及改进措施",
];

#[tokio::test(flavor = "current_thread")]
async fn page_shows_title_metadata_and_every_top_level_heading_under_a_sub_path() {
    let server = StaticServer::start(dist_dir(), "/portal/reports/2019/");
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open page");
    s.wait_for(page::TITLE).await;
    let errors = s
        .js("return [...document.querySelectorAll('.notice-error')].filter(e => !e.hidden).length")
        .await;
    assert_eq!(errors, serde_json::Value::from(0), "page shows an error");
    assert_eq!(s.texts(page::TITLE).await, vec![TITLE]);
    let meta = s.texts(page::META).await.join(" ");
    assert!(meta.contains("2020-01-10"), "date missing: {meta}");
    assert!(meta.contains("区信息中心"), "source missing: {meta}");
    let headings = s.texts(".report-body h2").await;
    for h in TOP_LEVEL_HEADINGS {
        assert!(
            headings.iter().any(|t| t.contains(h)),
            "{h} not in {headings:?}"
        );
    }
    let title = s.client.title().await.expect("document title");
    assert_eq!(title, TITLE);
    let lang = s.js("return document.documentElement.lang").await;
    assert_eq!(lang, "zh-CN");
    s.close().await;
}

async fn error_shown_for(report: Override, expected: &str) {
    let overrides = HashMap::from([("report.json".to_string(), report)]);
    let server = StaticServer::with_overrides(dist_dir(), "/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open page");
    let alert = s.wait_for(page::ERROR_MESSAGE).await;
    let text = alert.text().await.unwrap_or_default();
    assert!(
        text.contains(expected),
        "{text:?} does not say {expected:?}"
    );
    assert_eq!(s.texts("[role=alert] button").await, vec!["重试"]);
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_missing_report_shows_an_error_with_a_retry_button() {
    error_shown_for(Override::new(404, "text/plain", "gone"), "404").await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_malformed_report_shows_an_error_not_a_blank_page() {
    error_shown_for(
        Override::new(
            200,
            "application/json",
            "{\"schema_version\": \"1.0\", \"meta\": ",
        ),
        "格式有误",
    )
    .await;
}
