//! The first paint: the release build's index.html carries the report's static rendering
//! (`reportc inline`), which the browser shows before the app has started, which is the whole
//! page for a browser that cannot run the app, and which the app replaces once it is ready.

use std::collections::{HashMap, HashSet};

use e2e::{
    all_indicators, all_paragraphs, built_wasm_name, dist_dir, served_report, Override, Session,
    StaticServer,
};
use serde_json::Value;

#[test]
fn the_built_page_holds_the_static_rendering_of_the_report_it_serves() {
    let json = std::fs::read_to_string(dist_dir().join("report.json")).expect("report.json");
    let report = reportc::parse_report_json(&json).expect("parses");
    let page = std::fs::read_to_string(dist_dir().join("index.html")).expect("index.html");
    assert!(page.contains(&reportc::render_html_body(&report)));
    assert!(page.contains(&format!("<title>{}</title>", report.meta.title)));
    // Still the app's page: its loader and policy are there.
    assert!(page.contains("boot.js") && page.contains("Content-Security-Policy"));
}

#[tokio::test(flavor = "current_thread")]
async fn when_the_app_cannot_start_the_reader_still_has_the_whole_report() {
    let report = served_report();
    let overrides = HashMap::from([(built_wasm_name(), Override::new(404, "text/plain", "gone"))]);
    let server = StaticServer::with_overrides(dist_dir(), "/portal/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for("#boot-error:not([hidden])").await;
    e2e::screenshot(&s, "static-rendering").await;
    assert_eq!(
        s.texts("#report h1").await,
        vec![report["meta"]["title"]
            .as_str()
            .unwrap_or_default()
            .to_string()]
    );
    let counts = s
        .js(
            "return [document.querySelectorAll('#report p[id^=p-]').length,
                     document.querySelectorAll('#report tbody tr').length]",
        )
        .await;
    assert_eq!(
        counts,
        Value::from(vec![
            all_paragraphs(&report).len(),
            all_indicators(&report).len()
        ])
    );
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_takes_the_static_renderings_place() {
    let server = StaticServer::start(dist_dir(), "/portal/");
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for(".indicator-table tbody tr").await;
    let left = s
        .js("return document.querySelectorAll('#report, .loading-note').length")
        .await;
    assert_eq!(left, Value::from(0));
    // One element per id: deep links and aria references stay unambiguous.
    let ids: Vec<String> = serde_json::from_value(
        s.js("return [...document.querySelectorAll('[id]')].map(e => e.id)")
            .await,
    )
    .unwrap_or_default();
    let unique: HashSet<&String> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len());
    s.close().await;
}
