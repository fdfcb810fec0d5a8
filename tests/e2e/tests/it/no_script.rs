//! The page without JavaScript on a phone: index.html's first paint and report.html are the
//! app's own components and stylesheet, so a 375 px screen gets the app's phone layout: no
//! sideways scroll, every column of the table reachable, names readable. Chromium only (scripts
//! off by a Blink setting; headless Firefox has no 375 px viewport).

use e2e::{dist_dir, served_report, Session, SessionOptions, StaticServer};
use serde_json::Value;

/// [scrollWidth, innerWidth, cells out of reach, narrowest name in characters, rows, headings
/// skipping a level].
const PHONE: &str = r#"
const reachable = (el) => {
  const r = el.getBoundingClientRect();
  if (r.left >= -1 && r.right <= innerWidth + 1) return true;
  for (let a = el.parentElement; a; a = a.parentElement) {
    const o = getComputedStyle(a).overflowX;
    if ((o === 'auto' || o === 'scroll') && a.scrollWidth > a.clientWidth) return true;
  }
  return false;
};
const rows = [...document.querySelectorAll('#app .indicator-table tbody tr')];
const out = [];
let narrowest = Infinity;
for (const tr of rows) {
  for (const td of tr.cells) {
    if (getComputedStyle(td).display === 'none' || !td.textContent.trim()) continue;
    if (!reachable(td)) out.push(tr.id + ' ' + (td.dataset.label || td.cellIndex));
  }
  const name = tr.querySelector('.cell-name strong');
  if (name) {
    const size = parseFloat(getComputedStyle(name).fontSize);
    const chars = Math.min(4, [...name.textContent].length);
    narrowest = Math.min(narrowest, name.getBoundingClientRect().width / size / chars * 4);
  }
}
let last = 1, skips = [];
for (const h of document.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
  const level = Number(h.tagName[1]);
  if (level > last + 1) skips.push(h.textContent);
  last = level;
}
return [document.documentElement.scrollWidth, innerWidth, out.slice(0, 10), narrowest, rows.length, skips];
"#;

async fn check(path: &str) {
    let report = served_report();
    let server = StaticServer::start(dist_dir(), "/portal/");
    let options = SessionOptions {
        chromium_args: vec!["--blink-settings=scriptEnabled=false".into()],
        ..SessionOptions::default()
    };
    let s = Session::start_with(375, 800, options).await;
    s.client.goto(&server.url(path)).await.expect("open");
    s.wait_for("#app .indicator-table tbody tr").await;
    let scripts_ran = s.js("return window.cspViolations !== undefined").await;
    assert_eq!(scripts_ran, Value::Bool(false), "the page's scripts ran");
    let r = s.js(PHONE).await;
    let (scroll, width) = (r[0].as_f64().unwrap_or(0.0), r[1].as_f64().unwrap_or(0.0));
    assert!(width > 300.0 && width < 400.0, "{r}");
    assert!(scroll <= width, "sideways scroll: {r}");
    assert_eq!(r[2], Value::Array(vec![]), "cells out of reach: {r}");
    // (Sub-pixel rounding of a 4-character name.)
    assert!(
        r[3].as_f64().unwrap_or(0.0) >= 3.95,
        "a name narrower than 4 characters: {r}"
    );
    assert_eq!(
        r[4].as_u64().unwrap_or(0) as usize,
        e2e::all_indicators(&report).len()
    );
    assert_eq!(r[5], Value::Array(vec![]), "heading levels skipped: {r}");
    // Last: the full-page screenshot changes the viewport.
    e2e::screenshot_full_page(&s, &format!("no-script-375-{}", path.replace('.', "-"))).await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_first_paint_without_javascript_is_a_real_page_on_a_phone() {
    check("").await;
}

#[tokio::test(flavor = "current_thread")]
async fn report_html_is_a_real_page_on_a_phone() {
    check("report.html").await;
}
