//! Interaction on a loaded page, each timed to the next paint: filter keystrokes and
//! 展开全部 / 收起全部.

use std::time::Duration;

use serde_json::{json, Value};

use crate::script::run_async;
use crate::stats::{column, Stats};
use crate::Res;

/// One filter keystroke: set the box's value, fire `input`, and time to the next paint
/// (the task after the next animation frame).
const KEYSTROKE: &str = r#"
const [q, done] = arguments;
const input = document.getElementById('filter-q');
if (!input) { done({ error: 'no #filter-q' }); return; }
const t0 = performance.now();
input.value = q;
input.dispatchEvent(new Event('input', { bubbles: true }));
const t1 = performance.now();
requestAnimationFrame(() => {
  const t2 = performance.now();
  setTimeout(() => done({
    ms: performance.now() - t0, handler: t1 - t0, to_frame: t2 - t0,
    rows: document.querySelectorAll('.indicator-table tbody tr').length,
  }), 0);
});
"#;

/// One click on "展开全部 / 收起全部", timed to the next paint.
const TOGGLE: &str = r#"
const done = arguments[arguments.length - 1];
const b = document.getElementById('toggle-all');
if (!b) { done({ error: 'no #toggle-all' }); return; }
const expanding = b.getAttribute('aria-expanded') !== 'true';
const t0 = performance.now();
b.click();
const t1 = performance.now();
requestAnimationFrame(() => setTimeout(() => done({
  ms: performance.now() - t0, handler: t1 - t0, expanding,
  open: document.querySelectorAll('.section-toggle[aria-expanded=true]').length,
}), 0));
"#;

/// Every keystroke's and every click's timing on one page.
pub struct Timed {
    pub keys: Vec<Value>,
    pub toggles: Vec<Value>,
}

/// `keys` keystrokes, then `toggles` clicks on the current page (`name` for the log).
pub async fn measure(s: &e2e::Session, name: &str, keys: usize, toggles: usize) -> Res<Timed> {
    let mut timed = Timed {
        keys: Vec::new(),
        toggles: Vec::new(),
    };
    for q in keystroke_values(keys) {
        let v = run_async(s, KEYSTROKE, vec![Value::from(q.clone())]).await?;
        if v.get("error").is_some() {
            return Err(format!("{name}: keystroke: {v}"));
        }
        timed.keys.push(json!({ "q": q, "ms": v["ms"], "handler": v["handler"], "to_frame": v["to_frame"], "rows": v["rows"] }));
    }
    let st = Stats::of(&column(&timed.keys, "ms"));
    eprintln!(
        "bench: {name}: {} keystrokes, median {:.1} ms, p95 {:.1} ms",
        timed.keys.len(),
        st.map(|s| s.median).unwrap_or(f64::NAN),
        st.map(|s| s.p95).unwrap_or(f64::NAN)
    );
    for _ in 0..toggles {
        let v = run_async(s, TOGGLE, vec![]).await?;
        if v.get("error").is_some() {
            return Err(format!("{name}: toggle: {v}"));
        }
        timed.toggles.push(v);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(timed)
}

/// The filter box's values for `n` keystrokes: words typed one character at a time, then
/// deleted one at a time.
fn keystroke_values(n: usize) -> Vec<String> {
    const TERMS: &[&str] = &[
        "垃圾分类",
        "完成率",
        "绿化",
        "12345",
        "亩",
        "万元",
        "污水处理",
        "养老服务",
    ];
    let mut out = Vec::new();
    for term in TERMS.iter().cycle().take(n) {
        let chars: Vec<char> = term.chars().collect();
        for i in (1..=chars.len()).chain((0..chars.len()).rev()) {
            out.push(chars[..i].iter().collect());
        }
        if out.len() >= n {
            break;
        }
    }
    out.truncate(n);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_typed_then_deleted_one_character_at_a_time() {
        let v = keystroke_values(10);
        assert_eq!(
            v,
            [
                "垃",
                "垃圾",
                "垃圾分",
                "垃圾分类",
                "垃圾分",
                "垃圾",
                "垃",
                "",
                "完",
                "完成"
            ]
        );
        assert_eq!(keystroke_values(50).len(), 50);
    }
}
