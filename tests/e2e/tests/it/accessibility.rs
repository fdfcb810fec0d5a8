//! An axe-core audit (WCAG 2.1 A and AA rules) of every view of the page, and the strict
//! Content-Security-Policy: no view may trigger a violation.

use std::collections::HashMap;
use std::path::Path;

use e2e::page;
use e2e::{
    built_wasm_name, dist_dir, indicator_id_by_value, served_report, Override, Session,
    StaticServer,
};
use serde_json::Value;

/// axe-core, installed by `cargo xtask setup` from the npm registry.
fn axe_source() -> String {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../.tools/node_modules/axe-core/axe.min.js");
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run `cargo xtask setup`)", path.display()))
}

/// Runs axe on the current page and fails with every violation found.
async fn audit(s: &Session, view: &str) {
    // WebDriver scripts run outside the page's CSP, so axe can be injected here.
    s.js(&format!("{}; return 1", axe_source())).await;
    let violations = s
        .client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
              .then(r => done(r.violations.map(v => ({
                  id: v.id, impact: v.impact,
                  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' :: ' + n.failureSummary) }))))
              .catch(e => done([{ id: 'axe-error', nodes: [String(e)] }]));"#,
            vec![],
        )
        .await
        .expect("axe ran");
    let list = violations.as_array().cloned().unwrap_or_default();
    assert!(
        list.is_empty(),
        "{view}: {} axe violation(s):\n{}",
        list.len(),
        serde_json::to_string_pretty(&violations).unwrap_or_default()
    );
}

async fn no_csp_violations(s: &Session, view: &str) {
    let v = s.js("return window.cspViolations || null").await;
    assert_eq!(v, Value::Array(vec![]), "{view}: CSP violations");
}

#[tokio::test(flavor = "current_thread")]
async fn every_view_passes_axe_and_the_csp() {
    let report = served_report();
    let server = StaticServer::start(dist_dir(), "/report/");
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for(page::ROWS).await;
    s.wait_for_app().await;
    audit(&s, "default view").await;

    s.click(page::TOGGLE_ALL).await;
    audit(&s, "all sections open").await;

    // A figure's tooltip showing.
    let id = indicator_id_by_value(&report, "37814", "亩");
    s.js(&format!(
        "document.getElementById('fig-{id}').focus(); return 1"
    ))
    .await;
    audit(&s, "figure tooltip").await;

    // Filtered and sorted table.
    s.wait_for(page::STATUS_MENU)
        .await
        .select_by_value("exceeded")
        .await
        .expect("filter");
    s.click("th:nth-child(6) .sort-button").await;
    audit(&s, "filtered and sorted table").await;

    // A filter that matches nothing.
    s.wait_for(page::SEARCH)
        .await
        .send_keys("没有这样的指标")
        .await
        .expect("type");
    audit(&s, "empty result").await;
    no_csp_violations(&s, "desktop views").await;

    // A deep link and a deep link to nothing.
    s.client
        .goto(&server.url(&format!("#{id}")))
        .await
        .expect("deep link");
    s.client.refresh().await.expect("reload");
    s.wait_for("tr.is-target").await;
    audit(&s, "deep-linked row").await;
    s.client
        .goto(&server.url("?x#i-nothing"))
        .await
        .expect("bad link");
    s.wait_for(page::NOTICE).await;
    audit(&s, "unknown deep link notice").await;
    no_csp_violations(&s, "deep links").await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_phone_layout_passes_axe() {
    let server = StaticServer::start(dist_dir(), "/");
    let s = Session::start(375, 812).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for(page::ROWS).await;
    s.wait_for_app().await;
    audit(&s, "375 px").await;
    s.click(page::LARGE_FONT).await;
    audit(&s, "375 px, large font").await;
    no_csp_violations(&s, "phone").await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_error_view_passes_axe() {
    let overrides = HashMap::from([(
        "report.json".to_string(),
        Override::new(500, "text/plain", "broken"),
    )]);
    let server = StaticServer::with_overrides(dist_dir(), "/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for("[role=alert]").await;
    audit(&s, "load error").await;
    no_csp_violations(&s, "load error").await;
    s.close().await;
}

/// The report's static rendering, as a browser that cannot run the app shows it (and as
/// everyone sees it before the app starts).
#[tokio::test(flavor = "current_thread")]
async fn the_static_rendering_passes_axe_and_the_csp() {
    let overrides = HashMap::from([(built_wasm_name(), Override::new(404, "text/plain", "gone"))]);
    let server = StaticServer::with_overrides(dist_dir(), "/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for(page::BOOT_ERROR_SHOWN).await;
    audit(&s, "static rendering").await;
    no_csp_violations(&s, "static rendering").await;
    s.close().await;
}
