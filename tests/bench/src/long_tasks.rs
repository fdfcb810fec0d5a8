//! Long tasks (main-thread tasks over 50 ms), seen by a buffered `PerformanceObserver` that
//! DevTools installs in every document before the page's own scripts run
//! (`Page.addScriptToEvaluateOnNewDocument`), and a probe that proves it sees them.
//!
//! The observer only ever reports tasks over 50 ms, so a load with none reports an empty
//! list: the probe ([`probe`]) and the check in `page_load` (the list exists on every load)
//! keep that from being an observer that silently saw nothing.

use serde_json::{json, Value};

use crate::script::run_async;
use crate::Res;

/// The budget: no task after the first contentful paint longer than this.
pub const BUDGET_MS: f64 = 50.0;

/// The busy task the probe runs, and the least of it the observer must report.
const PROBE_BUSY_MS: f64 = 120.0;
const PROBE_SEEN_AT_LEAST_MS: f64 = 100.0;

/// Installed before navigation: every long task's start and duration into
/// `window.__benchLongTasks` (and why not, into `window.__benchLongTaskError`).
const OBSERVER: &str = r#"
(() => {
  const tasks = [];
  Object.defineProperty(window, '__benchLongTasks', { value: tasks });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        tasks.push({ start: e.startTime, duration: e.duration, name: e.name });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) {
    window.__benchLongTaskError = String(e);
  }
})();
"#;

/// Waits until no long task has been reported for a second (at most 20 s), then returns them
/// all: the tasks that build the rest of the page after it is ready count too.
const SETTLED: &str = r#"
const done = arguments[arguments.length - 1];
const tasks = window.__benchLongTasks;
if (!Array.isArray(tasks)) { done(null); return; }
const t = performance.now();
let seen = tasks.length, quietSince = performance.now();
(function poll() {
  if (tasks.length !== seen) { seen = tasks.length; quietSince = performance.now(); }
  if (performance.now() - quietSince >= 1000 || performance.now() - t > 20000) done(tasks.slice());
  else setTimeout(poll, 100);
})();
"#;

/// Runs a busy task of `arguments[0]` ms in a task of its own and returns what the observer
/// reported from then on (waiting up to 3 s for the report).
const PROBE: &str = r#"
const [busy, done] = arguments;
const tasks = window.__benchLongTasks;
const supported = PerformanceObserver.supportedEntryTypes.includes('longtask');
if (!Array.isArray(tasks)) { done({ supported, error: String(window.__benchLongTaskError || 'no observer') }); return; }
const t0 = performance.now();
setTimeout(() => {
  const t = performance.now();
  while (performance.now() - t < busy) {}
  (function poll() {
    const seen = tasks.filter((e) => e.start + e.duration >= t0);
    if (seen.some((e) => e.duration >= busy * 0.8) || performance.now() - t0 > 3000) done({ supported, seen });
    else setTimeout(poll, 50);
  })();
}, 0);
"#;

/// Makes DevTools install the observer in every document the tab opens from now on.
pub async fn install(s: &e2e::Session) {
    s.cdp("Page.enable", json!({})).await;
    s.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": OBSERVER }),
    )
    .await;
}

/// Every long task of the current page, once the main thread has been quiet for a second.
pub async fn settled(s: &e2e::Session) -> Res<Value> {
    let tasks = run_async(s, SETTLED, vec![]).await?;
    if tasks.is_array() {
        Ok(tasks)
    } else {
        Err("the long-task observer was not installed".into())
    }
}

/// A 120 ms busy task on the current page (the app, with its Content-Security-Policy) must
/// be reported as a long task of at least 100 ms, or the long-task figures mean nothing.
pub async fn probe(s: &e2e::Session) -> Res<Value> {
    let v = run_async(s, PROBE, vec![Value::from(PROBE_BUSY_MS)]).await?;
    let longest = v["seen"].as_array().and_then(|seen| {
        seen.iter()
            .filter_map(|e| e["duration"].as_f64())
            .reduce(f64::max)
    });
    match longest {
        Some(ms) if ms >= PROBE_SEEN_AT_LEAST_MS => {
            eprintln!(
                "bench: long-task probe: a {PROBE_BUSY_MS:.0} ms busy task seen as {ms:.0} ms"
            );
            Ok(json!({ "busy_ms": PROBE_BUSY_MS, "seen_ms": ms, "supported": v["supported"] }))
        }
        _ => Err(format!(
            "the long-task observer did not report a {PROBE_BUSY_MS:.0} ms busy task: {v}"
        )),
    }
}

/// A load's long tasks after its first contentful paint (every task still running at or
/// starting after it): the longest (0 when there is none, i.e. none over 50 ms) and how many.
pub fn after_fcp(load: &Value) -> Option<(f64, usize)> {
    let fcp = load["fcp"].as_f64()?;
    let tasks = load["long_tasks"].as_array()?;
    let late: Vec<f64> = tasks
        .iter()
        .filter_map(|t| Some((t["start"].as_f64()?, t["duration"].as_f64()?)))
        .filter(|(start, duration)| start + duration > fcp)
        .map(|(_, duration)| duration)
        .collect();
    let longest = late.iter().copied().fold(0.0, f64::max);
    let over = late.iter().filter(|&&d| d > BUDGET_MS).count();
    Some((longest, over))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_tasks_running_after_first_paint_count() {
        let load = json!({
            "fcp": 1000.0,
            "long_tasks": [
                { "start": 200.0, "duration": 300.0 },
                { "start": 950.0, "duration": 80.0 },
                { "start": 1500.0, "duration": 120.0 },
                { "start": 2500.0, "duration": 51.0 },
            ],
        });
        assert_eq!(after_fcp(&load), Some((120.0, 3)));
        let quiet = json!({ "fcp": 1000.0, "long_tasks": [{ "start": 100.0, "duration": 400.0 }] });
        assert_eq!(after_fcp(&quiet), Some((0.0, 0)));
        assert_eq!(after_fcp(&json!({ "fcp": 1000.0 })), None);
        assert_eq!(after_fcp(&json!({ "long_tasks": [] })), None);
    }
}
