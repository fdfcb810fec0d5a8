//! Memory of the loaded app: DevTools' JS heap after a GC and DOM counters, the wasm
//! instance's linear memory, and Chromium's `performance.memory`.

use serde_json::{json, Value};

use crate::script::run_async;
use crate::Res;

/// The wasm-bindgen module's `WebAssembly.Memory` (its init function returns the instance's
/// exports once initialised) and `performance.memory`.
const PAGE_MEMORY: &str = r#"
const done = arguments[arguments.length - 1];
const tag = document.querySelector('script[data-js]');
const heap = performance.memory ? performance.memory.usedJSHeapSize : null;
if (!tag) { done({ error: 'no script[data-js]', heap }); return; }
import(new URL(tag.dataset.js, document.baseURI).href)
  .then((m) => m.default())
  .then((w) => done({ wasm: w.memory.buffer.byteLength, heap }),
        (e) => done({ error: String(e), heap }));
"#;

/// The current page's memory, as bench.json records it.
pub async fn measure(s: &e2e::Session) -> Res<Value> {
    s.cdp("HeapProfiler.collectGarbage", json!({})).await;
    let heap = s.cdp("Runtime.getHeapUsage", json!({})).await;
    let dom = s.cdp("Memory.getDOMCounters", json!({})).await;
    let page = run_async(s, PAGE_MEMORY, vec![]).await?;
    Ok(json!({
        "js_heap_used": heap["usedSize"],
        "js_heap_total": heap["totalSize"],
        "wasm_memory": page["wasm"],
        "wasm_error": page["error"],
        "performance_memory_used": page["heap"],
        "dom_nodes": dom["nodes"],
        "js_event_listeners": dom["jsEventListeners"],
    }))
}
