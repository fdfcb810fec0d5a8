//! Audits by tools no one here wrote, against the release build: Lighthouse's accessibility,
//! best-practices and SEO categories (each must score 100) and pa11y with HTML_CodeSniffer at
//! WCAG 2 AA (no error allowed), on the app page and on the page without JavaScript; and the
//! W3C Nu HTML checker on both files as built (no error allowed).

use std::path::Path;
use std::process::Command;

use crate::lighthouse::{self, CHROMIUM_FLAGS};
use crate::process::{root, tool_path, tools_dir, Result};

/// The categories that must score 100 (performance belongs to `cargo xtask bench`).
const CATEGORIES: &[&str] = &["accessibility", "best-practices", "seo"];

pub fn audit(dist: &Path) -> Result {
    let origin = crate::serve::in_background(dist)?;
    let mut failures = nu_html_checker(dist)?;
    for page in ["", "report.html"] {
        let url = format!("{origin}{page}");
        failures.extend(lighthouse(&url, page)?);
        failures.extend(pa11y(&url)?);
    }
    if failures.is_empty() {
        eprintln!("audit: Nu HTML checker, Lighthouse 100/100/100 and pa11y clean on both pages");
        Ok(())
    } else {
        Err(format!("audit failed:\n  {}", failures.join("\n  ")))
    }
}

/// Lighthouse's scores for `url`; a failure per category under 100, naming its failed audits.
fn lighthouse(url: &str, page: &str) -> Result<Vec<String>> {
    let name = if page.is_empty() { "index" } else { "report" };
    let out = root().join(format!("target/lighthouse-{name}.json"));
    let out_arg = out.to_string_lossy().into_owned();
    let report = lighthouse::run(url, CATEGORIES, &out)?;
    let mut failures = Vec::new();
    for category in CATEGORIES {
        let c = &report["categories"][category];
        let score = lighthouse::score(&report, category);
        eprintln!("lighthouse {url}: {category} {score:.0}");
        if score < 100.0 {
            let failed: Vec<String> = c["auditRefs"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r["id"].as_str())
                .filter(|id| {
                    let a = &report["audits"][id];
                    a["score"].as_f64().is_some_and(|s| s < 1.0)
                        && a["scoreDisplayMode"] != "informative"
                })
                .map(str::to_string)
                .collect();
            failures.push(format!(
                "lighthouse {category} {score:.0} on {url}: {} (details in {out_arg})",
                failed.join(", ")
            ));
        }
    }
    Ok(failures)
}

/// pa11y's errors on `url` (HTML_CodeSniffer, WCAG2AA), one line each.
fn pa11y(url: &str) -> Result<Vec<String>> {
    let config = serde_json::json!({
        "chromeLaunchConfig": { "executablePath": "/usr/bin/chromium", "args": CHROMIUM_FLAGS },
        "standard": "WCAG2AA",
        "runners": ["htmlcs"],
        "timeout": 60000,
        // The app replaces the first paint once the report is loaded: audit the app's view.
        "wait": 2000
    });
    let config_path = root().join("target/pa11y.json");
    std::fs::write(&config_path, config.to_string())
        .map_err(|e| format!("{}: {e}", config_path.display()))?;
    eprintln!("$ pa11y {url}");
    let out = Command::new(tools_dir().join("node_modules/.bin/pa11y"))
        .arg("--config")
        .arg(&config_path)
        .args(["--reporter", "json", url])
        .env("PATH", tool_path())
        .output()
        .map_err(|e| format!("cannot start pa11y: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    let issues: serde_json::Value = serde_json::from_str(text.trim()).map_err(|e| {
        format!(
            "pa11y gave no report on {url} ({e}): {}",
            String::from_utf8_lossy(&out.stderr)
        )
    })?;
    let failures: Vec<String> = issues
        .as_array()
        .into_iter()
        .flatten()
        .filter(|i| i["type"] == "error")
        .map(|i| {
            format!(
                "pa11y {url}: {} ({} at {})",
                i["message"].as_str().unwrap_or_default(),
                i["code"].as_str().unwrap_or_default(),
                i["selector"].as_str().unwrap_or_default()
            )
        })
        .collect();
    eprintln!("pa11y {url}: {} errors", failures.len());
    Ok(failures)
}

/// The Nu HTML checker's errors in index.html and report.html, one line each.
fn nu_html_checker(dist: &Path) -> Result<Vec<String>> {
    let jar = tools_dir().join("node_modules/vnu-jar/build/dist/vnu.jar");
    eprintln!("$ java -jar vnu.jar --errors-only index.html report.html");
    let out = Command::new("java")
        .arg("-jar")
        .arg(&jar)
        .args(["--errors-only", "--format", "json"])
        .arg(dist.join("index.html"))
        .arg(dist.join("report.html"))
        .output()
        .map_err(|e| format!("cannot start java (run `cargo xtask setup`): {e}"))?;
    // The checker writes its JSON report to stderr.
    let text = String::from_utf8_lossy(&out.stderr);
    let report: serde_json::Value = serde_json::from_str(text.trim())
        .map_err(|e| format!("the Nu HTML checker gave no report ({e}): {text}"))?;
    let failures: Vec<String> = report["messages"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|m| {
            format!(
                "Nu HTML checker {}:{}: {}",
                m["url"]
                    .as_str()
                    .unwrap_or_default()
                    .rsplit('/')
                    .next()
                    .unwrap_or_default(),
                m["lastLine"],
                m["message"].as_str().unwrap_or_default()
            )
        })
        .collect();
    eprintln!("Nu HTML checker: {} errors", failures.len());
    Ok(failures)
}
