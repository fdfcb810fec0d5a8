//! What residents, journalists and keyboard readers ran into (issue 12): each a browser test.

use e2e::{dist_dir, Session, StaticServer};
use serde_json::Value;

async fn open_page(width: u32, height: u32) -> (StaticServer, Session) {
    let server = StaticServer::start(dist_dir(), "/report/");
    let s = Session::start(width, height).await;
    s.client.goto(&server.url("")).await.expect("open");
    s.wait_for(".indicator-table tbody tr").await;
    (server, s)
}

/// The id (or tag) and text of the focused element.
async fn focused(s: &Session) -> Value {
    s.js("const e = document.activeElement;
          return [e.id || e.tagName.toLowerCase(), (e.textContent || '').trim().slice(0, 20)]")
        .await
}

async fn press(s: &Session, key: &str) {
    s.client
        .active_element()
        .await
        .expect("a focused element")
        .send_keys(key)
        .await
        .expect("key press");
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

#[tokio::test(flavor = "current_thread")]
async fn the_first_tab_reaches_skip_links_to_the_text_and_the_table() {
    let (_server, s) = open_page(1280, 900).await;
    s.js("document.activeElement.blur(); window.scrollTo(0, 0); return 1")
        .await;
    s.client
        .find(fantoccini::Locator::Css("body"))
        .await
        .expect("body")
        .send_keys(TAB)
        .await
        .expect("tab");
    assert_eq!(focused(&s).await[1], "跳到正文");
    // Visible while focused: inside the viewport, not clipped away.
    let shown = s
        .js("const r = document.activeElement.getBoundingClientRect();
             return r.top >= 0 && r.height >= 44 && r.width > 40")
        .await;
    assert_eq!(shown, Value::Bool(true));
    press(&s, TAB).await;
    assert_eq!(focused(&s).await[1], "跳到指标一览");
    press(&s, ENTER).await;
    assert_eq!(focused(&s).await[0], "indicators");
    // The next Tab goes on inside the table's section (its search box), and no deep-link
    // notice appeared: a skip link is not a link to an indicator.
    press(&s, TAB).await;
    assert_eq!(focused(&s).await[0], "filter-q");
    let notice = s
        .js("return document.querySelectorAll('.page-notice').length")
        .await;
    assert_eq!(notice, Value::from(0));
    // And the other one.
    s.js("document.querySelector('.skip-links a').focus(); return 1")
        .await;
    press(&s, ENTER).await;
    assert_eq!(focused(&s).await[0], "report-text");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn without_a_clipboard_api_copying_falls_back_to_a_selected_text_box() {
    let (_server, s) = open_page(1280, 900).await;
    // Plain HTTP on a real host, or a webview: `navigator.clipboard` is undefined.
    s.js("window.__errors = [];
          window.addEventListener('error', e => window.__errors.push(String(e.message)));
          window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));
          Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
          return navigator.clipboard === undefined")
        .await;
    s.click("#copy-text").await;
    s.wait_for("#copy-fallback-text").await;
    let state = s
        .js("const t = document.getElementById('copy-fallback-text');
             return [document.activeElement === t, t.selectionEnd - t.selectionStart === t.value.length,
                     t.value.length > 100,
                     document.querySelector('.page-tools .copy-status').textContent,
                     window.__errors]")
        .await;
    assert_eq!(state[0], Value::Bool(true), "{state}");
    assert_eq!(state[1], Value::Bool(true), "{state}");
    assert_eq!(state[2], Value::Bool(true), "{state}");
    assert!(
        state[3].as_str().unwrap_or_default().contains("手动复制"),
        "{state}"
    );
    assert_eq!(state[4], Value::Array(vec![]), "uncaught: {state}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn enter_in_the_search_box_takes_the_reader_to_the_results() {
    let (server, s) = open_page(1280, 900).await;
    let all = s
        .js("return document.querySelectorAll('.indicator-table tbody tr').length")
        .await;
    s.client
        .find(fantoccini::Locator::Css("#filter-q"))
        .await
        .expect("search box")
        .send_keys("森林覆盖率")
        .await
        .expect("type");
    press(&s, ENTER).await;
    // The page did not reload or navigate (the form is not sent anywhere) ...
    assert!(s
        .client
        .current_url()
        .await
        .map(|u| u.as_str().starts_with(&server.url("")))
        .unwrap_or(false));
    // ... the rows are filtered and focus is on the result count, which says how many.
    s.eventually(
        "return document.activeElement.id",
        Value::from("result-count"),
    )
    .await;
    let shown = s
        .js("return document.querySelectorAll('.indicator-table tbody tr').length")
        .await;
    assert!(
        shown.as_u64() < all.as_u64() && shown.as_u64() > Some(0),
        "{all} → {shown}"
    );
    s.close().await;
}
