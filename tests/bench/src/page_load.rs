//! One cold load of a page and what it measures: navigation and paint timing, the app's
//! marks, resource timing, LCP and CLS, and the long tasks the observer recorded.

use serde_json::Value;

use crate::long_tasks;
use crate::profile::{self, Profile};
use crate::script::run_async;
use crate::Res;

/// Waits (up to 45 s) for the app's `report-ready` mark.
const WAIT_READY: &str = r#"
const done = arguments[arguments.length - 1];
const t = performance.now();
(function poll() {
  if (performance.getEntriesByName('report-ready').length) done(true);
  else if (document.getElementById('boot-error') && !document.getElementById('boot-error').hidden) done('boot-error');
  else if (document.querySelector('.notice-error[role=alert] .error-message')) done(document.querySelector('.error-message').textContent);
  else if (performance.now() - t > 45000) done(false);
  else setTimeout(poll, 20);
})();
"#;

/// Waits (up to 60 s) for the app's `report-complete` mark (a large report's whole text is
/// built, after the first render) and returns its time after navigation start.
const WAIT_COMPLETE: &str = r#"
const done = arguments[arguments.length - 1];
const t = performance.now();
(function poll() {
  const m = performance.getEntriesByName('report-complete')[0];
  if (m) done(m.startTime);
  else if (performance.now() - t > 60000) done(null);
  else setTimeout(poll, 20);
})();
"#;

/// After two frames: navigation and paint timing, the app's marks, resource timing, LCP and
/// CLS read with buffered PerformanceObservers, and the long tasks so far (`null` when the
/// observer installed before navigation is missing).
const COLLECT: &str = r#"
const done = arguments[arguments.length - 1];
let lcp = null;
const shifts = [];
const lo = new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp = e; });
lo.observe({ type: 'largest-contentful-paint', buffered: true });
const so = new PerformanceObserver((l) => { for (const e of l.getEntries()) shifts.push(e); });
so.observe({ type: 'layout-shift', buffered: true });
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  lo.disconnect();
  so.disconnect();
  // CLS: the largest session window (shifts less than 1 s apart, window at most 5 s).
  let cls = 0, win = 0, first = 0, last = -1e9;
  for (const s of shifts) {
    if (s.hadRecentInput) continue;
    if (s.startTime - last < 1000 && s.startTime - first < 5000) win += s.value;
    else { win = s.value; first = s.startTime; }
    last = s.startTime;
    cls = Math.max(cls, win);
  }
  const nav = performance.getEntriesByType('navigation')[0] || {};
  const mark = (n) => { const m = performance.getEntriesByName(n)[0]; return m ? m.startTime : null; };
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const el = lcp && lcp.element;
  done({
    ready: mark('report-ready'),
    app_start: mark('app-start'),
    parsed: mark('report-parsed'),
    fcp: fcp ? fcp.startTime : null,
    load: nav.loadEventEnd || null,
    dcl: nav.domContentLoadedEventEnd || null,
    html_end: nav.responseEnd || null,
    html_encoded: nav.encodedBodySize || null,
    lcp: lcp ? lcp.startTime : null,
    lcp_size: lcp ? lcp.size : null,
    lcp_element: el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ')[0] : '') : null,
    cls,
    shifts: shifts.length,
    // What moved, for finding the cause: the first nodes of each shift, when and by how much.
    shift_sources: shifts.slice(0, 10).map((s) => ({
      at: Math.round(s.startTime), value: s.value,
      nodes: (s.sources || []).slice(0, 3).map((src) => {
        const n = src.node;
        const name = n ? (n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ')[0] : '')) : '?';
        return name + ' ' + Math.round(src.previousRect.y) + '→' + Math.round(src.currentRect.y);
      }),
    })),
    rows: document.querySelectorAll('.indicator-table tbody tr').length,
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: e.name.split('/').pop().split('?')[0],
      start: e.startTime, response_start: e.responseStart, end: e.responseEnd,
      transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
    })),
    long_tasks: Array.isArray(window.__benchLongTasks) ? window.__benchLongTasks.slice() : null,
  });
}, 100)));
"#;

/// One cold load of `url` under `profile`; for the app, waits for its `report-ready` mark and
/// then for its whole text. Under the DevTools profile it also waits for the main thread to
/// settle, so `long_tasks` holds every long task of the load.
pub async fn load(s: &e2e::Session, url: &str, app: bool, profile: Profile) -> Res<Value> {
    s.client
        .goto("about:blank")
        .await
        .map_err(|e| format!("about:blank: {e}"))?;
    profile::apply(s, profile).await;
    s.client
        .goto(url)
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if app {
        let ready = run_async(s, WAIT_READY, vec![]).await?;
        if ready != Value::Bool(true) {
            return Err(format!("{url}: the page did not become ready: {ready}"));
        }
    }
    let mut v = run_async(s, COLLECT, vec![]).await?;
    if !v.is_object() {
        return Err(format!("{url}: timing script returned {v}"));
    }
    if v["long_tasks"].is_null() {
        return Err(format!("{url}: the long-task observer was not installed"));
    }
    if app {
        // Measure the rest (memory, typing) on a page that has finished building.
        v["complete"] = run_async(s, WAIT_COMPLETE, vec![]).await?;
    }
    if profile == Profile::MobileDevtools {
        v["long_tasks"] = long_tasks::settled(s).await?;
    }
    Ok(v)
}

/// A load's ready time: the app's `report-ready` mark (its filter is usable then); the static
/// page's load event or first contentful paint, whichever is later (loaded and painted).
pub fn ready_of(v: &Value, app: bool) -> Option<f64> {
    if app {
        v["ready"].as_f64()
    } else {
        match (v["load"].as_f64(), v["fcp"].as_f64()) {
            (Some(l), Some(f)) => Some(l.max(f)),
            (l, f) => l.or(f),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_static_page_is_ready_when_loaded_and_painted() {
        let v = json!({ "ready": 900.0, "load": 470.0, "fcp": 280.0 });
        assert_eq!(ready_of(&v, true), Some(900.0));
        assert_eq!(ready_of(&v, false), Some(470.0));
        assert_eq!(ready_of(&json!({ "fcp": 280.0 }), false), Some(280.0));
        assert_eq!(ready_of(&json!({ "load": 470.0 }), true), None);
    }
}
