//! Runs one of the benchmark's in-page probes: an asynchronous script that ends by calling
//! its last argument with a JSON result.

use serde_json::Value;

use crate::Res;

/// WebDriver's `execute/async`, with the probe's failure as an error.
pub async fn run_async(s: &e2e::Session, js: &str, args: Vec<Value>) -> Res<Value> {
    s.client
        .execute_async(js, args)
        .await
        .map_err(|e| format!("script failed: {e}"))
}
