//! Files saved for people to look at, under `target/screenshots/`: window and whole-page
//! screenshots, and any other artifact a test wants to keep (a CSV, a printout).

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::Session;

/// Saves a PNG screenshot under `target/screenshots/` (for people to look at).
pub async fn screenshot(session: &Session, name: &str) {
    let dir = screenshots_dir();
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(png) = session.client.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

/// Saves a PNG of the whole page (not only the window) under `target/screenshots/`, with the
/// media emulation in force (e.g. print): the window is made as tall as the page for the shot.
/// Chromium only.
pub async fn screenshot_full_page(session: &Session, name: &str) {
    use base64::Engine as _;
    let width = session
        .js("return innerWidth")
        .await
        .as_f64()
        .unwrap_or(1280.0);
    let mut height = 0.0;
    // Without a scrollbar the page may reflow to another height: measure until it settles.
    for _ in 0..3 {
        let h = session
            .js("return document.documentElement.scrollHeight")
            .await
            .as_f64()
            .unwrap_or(900.0);
        if h == height {
            break;
        }
        height = h;
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false
                }),
            )
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let shot = session
        .cdp(
            "Page.captureScreenshot",
            serde_json::json!({ "format": "png" }),
        )
        .await;
    session
        .cdp(
            "Emulation.clearDeviceMetricsOverride",
            serde_json::json!({}),
        )
        .await;
    let data = shot["data"].as_str().unwrap_or_default();
    let png = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap_or_else(|e| panic!("screenshot is not base64: {e}"));
    save_artifact(&format!("{name}.png"), &png);
}

/// Saves a file for people to look at under `target/screenshots/`.
pub fn save_artifact(file: &str, bytes: &[u8]) {
    let dir = screenshots_dir();
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(dir.join(file), bytes).unwrap_or_else(|e| panic!("cannot save {file}: {e}"));
}

/// `target/screenshots/` at the workspace root.
fn screenshots_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots")
}
