//! Lighthouse 12 (npm `lighthouse@12.2.3`, the last release for Node 20) on Debian's chromium:
//! one run, its JSON report. Its defaults are the mobile profile with simulated throttling
//! (150 ms RTT, 1.6 Mbit/s, 4× CPU), which is what both the audit and the benchmark want.

use std::path::Path;
use std::process::Command;

use crate::process::{tool_path, tools_dir, Result};

/// Chromium as root in a container, without the background connections this machine refuses.
pub const CHROMIUM_FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-dev-shm-usage",
];

/// Runs Lighthouse on `url` for `categories`, writes its report to `out` and returns it.
pub fn run(url: &str, categories: &[&str], out: &Path) -> Result<serde_json::Value> {
    let out_arg = out.to_string_lossy().into_owned();
    let cli = tools_dir().join("node_modules/lighthouse/cli/index.js");
    let flags = format!("--chrome-flags={}", CHROMIUM_FLAGS.join(" "));
    let categories = format!("--only-categories={}", categories.join(","));
    eprintln!("$ lighthouse {url} {categories}");
    let status = Command::new("node")
        .arg(&cli)
        .args([url, &categories, &flags, "--output=json", "--quiet"])
        .arg(format!("--output-path={out_arg}"))
        .env("PATH", tool_path())
        .env("CHROME_PATH", "/usr/bin/chromium")
        .status()
        .map_err(|e| format!("cannot start lighthouse: {e}"))?;
    if !status.success() {
        return Err(format!("lighthouse failed on {url} ({status})"));
    }
    let text = std::fs::read_to_string(out).map_err(|e| format!("{out_arg}: {e}"))?;
    serde_json::from_str(&text).map_err(|e| format!("{out_arg}: {e}"))
}

/// A category's score as Lighthouse prints it (0–100).
pub fn score(report: &serde_json::Value, category: &str) -> f64 {
    report["categories"][category]["score"]
        .as_f64()
        .unwrap_or(0.0)
        * 100.0
}

/// An audit's numeric value (milliseconds for the timing metrics).
pub fn metric(report: &serde_json::Value, audit: &str) -> f64 {
    report["audits"][audit]["numericValue"]
        .as_f64()
        .unwrap_or(f64::NAN)
}
