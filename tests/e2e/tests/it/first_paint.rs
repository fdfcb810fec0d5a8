//! The first paint: the release build's index.html carries the app's own view of the report
//! (its components rendered natively by the build's `render` step), which the browser shows
//! before the app has started, which is the whole page for a browser that cannot run the app,
//! and which the app takes over in place (see take_over.rs).

use std::collections::{HashMap, HashSet};

use e2e::page;
use e2e::{
    all_indicators, all_paragraphs, built_wasm_name, dist_dir, served_report, Override, Session,
    StaticServer,
};
use serde_json::Value;

#[test]
fn the_built_page_holds_the_apps_first_paint_of_the_report_it_serves() {
    let json = std::fs::read_to_string(dist_dir().join("report.json")).expect("report.json");
    let report = report_page::render::parse_report(&json).expect("parses");
    let page = std::fs::read_to_string(dist_dir().join("index.html")).expect("index.html");
    assert!(page.contains(&report_page::render::first_paint(&report, &json)));
    assert!(page.contains(&format!("<title>{}</title>", report.meta.title)));
    // Still the app's page: its loader and policy are there.
    assert!(page.contains("boot.js") && page.contains("Content-Security-Policy"));
    // And report.html is the same components with every body and row.
    let html = std::fs::read_to_string(dist_dir().join("report.html")).expect("report.html");
    assert_eq!(html, report_page::render::document(&report));
}

#[tokio::test(flavor = "current_thread")]
async fn when_the_app_cannot_start_the_reader_still_has_the_whole_report() {
    let report = served_report();
    let overrides = HashMap::from([(built_wasm_name(), Override::new(404, "text/plain", "gone"))]);
    let server = StaticServer::with_overrides(dist_dir(), "/portal/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for(page::BOOT_ERROR_SHOWN).await;
    e2e::screenshot(&s, "static-rendering").await;
    assert_eq!(
        s.texts("#app h1").await,
        vec![report["meta"]["title"]
            .as_str()
            .unwrap_or_default()
            .to_string()]
    );
    let counts = s
        .js(
            "return [document.querySelectorAll('#app p.paragraph[id^=p-]').length,
                     document.querySelectorAll('#app .indicator-table tbody tr').length]",
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
async fn the_app_keeps_the_first_paint_and_leaves_no_duplicate_id() {
    let server = StaticServer::start(dist_dir(), "/portal/");
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.eventually(
        "return performance.getEntriesByName('report-ready').length > 0",
        Value::Bool(true),
    )
    .await;
    let state = s
        .js("return [document.getElementById('app').dataset.render,
                     document.querySelectorAll('.loading-note, #app > #app').length]")
        .await;
    assert_eq!(state, serde_json::json!(["hydrate", 0]));
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

/// Headings, section titles and counts, summary labels and column headers, as shown.
const LABELS: &str = "return [...document.querySelectorAll(
    '#app :is(h1, h2, h3, h4, h5, h6, dt, th, .section-count)'
)].map(e => e.textContent)";

#[tokio::test(flavor = "current_thread")]
async fn the_apps_own_view_and_report_html_come_from_the_same_components() {
    // The served report re-serialised: the same report but another file, so the app renders
    // it afresh in the browser rather than taking over the first paint.
    let json = serde_json::to_vec_pretty(&served_report()).unwrap_or_default();
    let overrides = HashMap::from([(
        "report.json".to_string(),
        Override::new(200, "application/json", json),
    )]);
    let server = StaticServer::with_overrides(dist_dir(), "/portal/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.eventually(
        "return document.getElementById('app').dataset.render === 'client'
             && document.querySelectorAll('.indicator-table tbody tr').length > 0",
        Value::Bool(true),
    )
    .await;
    let app = s.js(LABELS).await;
    s.client
        .goto(&server.url("report.html"))
        .await
        .expect("report.html");
    s.wait_for("#app .indicator-table").await;
    let page = s.js(LABELS).await;
    assert!(app.as_array().is_some_and(|a| a.len() > 20), "{app}");
    assert_eq!(app, page);
    s.close().await;
}
