//! The app takes over the first paint in place: the build renders the report with the app's
//! own components into index.html, and the app, once started, hydrates those very nodes. The
//! reader who scrolled, selected or focused something before the app arrived keeps it. When it
//! cannot take over (report.json is not the one the page was rendered from, or the rendering
//! does not match the app), the page is rendered afresh, never left half-working.

use std::collections::HashMap;
use std::time::Duration;

use e2e::page;
use e2e::{
    all_indicators, all_paragraphs, built_wasm_name, dist_dir, served_report, Gate, Override,
    Session, SessionOptions, StaticServer,
};
use serde_json::Value;

/// The server with the wasm held back until the gate opens.
fn held_wasm_server(extra: HashMap<String, Override>) -> (StaticServer, Gate) {
    let wasm = built_wasm_name();
    let bytes = std::fs::read(dist_dir().join(&wasm)).expect("the built wasm");
    let (held, gate) = Override::new(200, "application/wasm", bytes).held();
    let mut overrides = extra;
    overrides.insert(wasm, held);
    (
        StaticServer::with_overrides(dist_dir(), "/portal/", overrides),
        gate,
    )
}

async fn session() -> Session {
    let options = SessionOptions {
        // The held wasm keeps the page loading: do not wait for it.
        page_load_strategy: Some("none"),
        ..SessionOptions::default()
    };
    Session::start_with(1280, 900, options).await
}

/// Every visible label: headings, section titles and counts, summary labels, column headers,
/// buttons, the result count.
const LABELS: &str = "return [...document.querySelectorAll(
    '#app :is(h1, h2, h3, h4, h5, h6, dt, dd, th, button, .section-count, .result-count, .report-meta, label)'
)].map(e => e.innerText)";

/// Waits until the app has started on the page (its first frame after the take-over or render).
async fn wait_for_app(s: &Session) {
    s.eventually(
        "return performance.getEntriesByName('report-ready').length > 0",
        Value::Bool(true),
    )
    .await;
    // The frame after it: the browser's state is applied, deep links followed.
    tokio::time::sleep(Duration::from_millis(300)).await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_app_takes_over_the_painted_page_without_moving_the_reader() {
    let (server, gate) = held_wasm_server(HashMap::new());
    let s = session().await;
    s.client.goto(&server.url("")).await.expect("open");
    // The first paint, with the app held back.
    s.wait_for("#app[data-render=hydrate] .paragraph").await;
    let paragraphs = s
        .js("return document.querySelectorAll('#app .paragraph').length")
        .await
        .as_u64()
        .unwrap_or_default();
    assert!(paragraphs > 10, "{paragraphs}");
    // The reader scrolls to a paragraph deep in the report, selects some of it and focuses a
    // link; the nodes are marked to tell them from copies.
    let before = s
        .js(
            "const ps = [...document.querySelectorAll('#app .paragraph')];
             const p = ps[Math.floor(ps.length * 3 / 4)];
             window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - 200);
             const text = document.createTreeWalker(p, NodeFilter.SHOW_TEXT).nextNode();
             window.__reader = {p, text, link: document.querySelector('.summary-link')};
             p.__mark = 'first paint';
             const range = document.createRange();
             range.setStart(text, 0);
             range.setEnd(text, Math.min(4, text.length));
             getSelection().removeAllRanges();
             getSelection().addRange(range);
             window.__reader.link.focus({preventScroll: true});
             return [p.id, p.getBoundingClientRect().top, getSelection().toString(), window.scrollY,
                     document.documentElement.scrollHeight, innerHeight, document.readyState];",
        )
        .await;
    let id = before[0].as_str().unwrap_or_default().to_string();
    let top = before[1].as_f64().unwrap_or_default();
    assert!(before[3].as_f64().unwrap_or_default() > 500.0, "{before}");
    let labels = s.js(LABELS).await;
    assert_eq!(
        s.js("return performance.getEntriesByName('report-ready').length")
            .await,
        Value::from(0),
        "the app started before the gate opened"
    );

    gate.open();
    wait_for_app(&s).await;
    e2e::screenshot(&s, "take-over").await;

    let after = s
        .js(&format!(
            "const r = window.__reader;
             const p = document.getElementById('{id}');
             return [p === r.p, p.__mark === 'first paint', r.p.isConnected,
                     r.text.isConnected && p.contains(r.text),
                     p.getBoundingClientRect().top, getSelection().toString(),
                     document.activeElement === r.link,
                     document.getElementById('app').dataset.render];"
        ))
        .await;
    assert_eq!(
        after[0],
        Value::Bool(true),
        "a copy of the paragraph: {after}"
    );
    assert_eq!(after[1], Value::Bool(true), "{after}");
    assert_eq!(after[2], Value::Bool(true), "{after}");
    assert_eq!(
        after[3],
        Value::Bool(true),
        "its text node was replaced: {after}"
    );
    let moved = (after[4].as_f64().unwrap_or_default() - top).abs();
    assert!(
        moved <= 50.0,
        "the paragraph moved {moved} px: {before} → {after}"
    );
    assert_eq!(after[5], before[2], "the selection changed");
    assert_eq!(after[6], Value::Bool(true), "focus moved");
    assert_eq!(after[7], Value::from("hydrate"), "rendered afresh");
    assert_eq!(s.js(LABELS).await, labels, "a visible label changed");

    // The nodes are the app's now: a section closes, the table sorts, the link is the page's.
    s.click(&page::section_button("s-1")).await;
    s.eventually(
        "return document.getElementById('panel-s-1').hidden !== false",
        Value::Bool(true),
    )
    .await;
    s.click(".indicator-table th:nth-child(3) .sort-button")
        .await;
    s.eventually(
        "return document.querySelector('.indicator-table th:nth-child(3)').hasAttribute('aria-sort')",
        Value::Bool(true),
    )
    .await;
    // A row's share action copies the page's own address (the clipboard stubbed to read it).
    let link = s
        .js("return new Promise(done => {
                 navigator.clipboard.writeText = t => { done(t); return Promise.resolve(); };
                 document.querySelector('.indicator-table tbody tr .share-link').click(); })")
        .await;
    let link = link.as_str().unwrap_or_default();
    assert!(link.starts_with(&server.url("")), "{link}");
    let violations = s.js("return window.cspViolations").await;
    assert_eq!(violations, Value::Array(vec![]));
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_url_state_is_applied_after_the_take_over() {
    let report = served_report();
    let row = all_indicators(&report)
        .last()
        .and_then(|i| i["id"].as_str().map(str::to_string))
        .unwrap_or_default();
    let (server, gate) = held_wasm_server(HashMap::new());
    let s = session().await;
    s.client
        .goto(&server.url(&format!("?status=lagging#{row}")))
        .await
        .expect("open");
    s.wait_for("#app[data-render=hydrate] .paragraph").await;
    let rows_before = s.js(page::ROW_COUNT).await;
    assert_eq!(rows_before, Value::from(all_indicators(&report).len()));
    gate.open();
    wait_for_app(&s).await;
    // The filter from the query, then the deep link (which clears a filter hiding its row).
    s.eventually(
        &format!("return document.activeElement && document.activeElement.id === '{row}'"),
        Value::Bool(true),
    )
    .await;
    assert_eq!(
        s.js("return document.getElementById('app').dataset.render")
            .await,
        Value::from("hydrate")
    );
    s.close().await;
}

/// The seed report, re-serialised: the same report, but not the file the page was rendered
/// from (a publisher replaced report.json without rendering again).
fn swapped_report(title: &str) -> Vec<u8> {
    let mut report = served_report();
    report["meta"]["title"] = Value::from(title);
    serde_json::to_vec_pretty(&report).unwrap_or_default()
}

#[tokio::test(flavor = "current_thread")]
async fn another_report_json_is_rendered_afresh() {
    let report = served_report();
    let overrides = HashMap::from([(
        "report.json".to_string(),
        Override::new(200, "application/json", swapped_report("新换的报告")),
    )]);
    let server = StaticServer::with_overrides(dist_dir(), "/portal/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.eventually(
        "return document.getElementById('app').dataset.render",
        Value::from("client"),
    )
    .await;
    s.eventually(
        "return document.querySelector('#app h1') && document.querySelector('#app h1').innerText",
        Value::from("新换的报告"),
    )
    .await;
    s.wait_for(page::ROWS).await;
    let counts = s
        .js("return [document.querySelectorAll('#app h1').length,
                     document.querySelectorAll('#app .paragraph').length]")
        .await;
    assert_eq!(counts, Value::from(vec![1, all_paragraphs(&report).len()]));
    if e2e::Browser::from_env() == e2e::Browser::Chromium {
        let log = s.browser_log().await.join("\n");
        assert!(log.contains("rendering it afresh"), "{log}");
    }
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_rendering_the_app_cannot_take_over_is_rendered_afresh() {
    let report = served_report();
    // The first paint without its placeholders: the app's hydration finds other nodes where it
    // expects them and stops (a panic, then the instance traps).
    let page = std::fs::read_to_string(dist_dir().join("index.html")).expect("index.html");
    let broken = page.replace("<!---->", "");
    assert_ne!(broken, page);
    let overrides = HashMap::from([(
        "index.html".to_string(),
        Override::new(200, "text/html", broken),
    )]);
    let server = StaticServer::with_overrides(dist_dir(), "/portal/", overrides);
    let s = Session::start(1280, 900).await;
    s.client
        .goto(&server.url("index.html"))
        .await
        .expect("open");
    s.eventually(
        "return document.getElementById('app').dataset.render",
        Value::from("client"),
    )
    .await;
    s.wait_for(page::ROWS).await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let state = s
        .js("return [document.querySelectorAll('#app h1').length,
                     document.querySelectorAll('#app .paragraph').length,
                     document.getElementById('boot-error').hidden]")
        .await;
    assert_eq!(
        state,
        Value::from(vec![
            Value::from(1),
            Value::from(all_paragraphs(&report).len()),
            Value::Bool(true)
        ])
    );
    // The fresh page works.
    s.click(&page::section_button("s-1")).await;
    s.eventually(
        "return document.getElementById('panel-s-1').hidden !== false",
        Value::Bool(true),
    )
    .await;
    if e2e::Browser::from_env() == e2e::Browser::Chromium {
        let log = s.browser_log().await.join("\n");
        assert!(log.contains("rendering it afresh"), "{log}");
    }
    s.close().await;
}
