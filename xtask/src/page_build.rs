//! The release page: Trunk's build, the CSP hash of the inlined stylesheet, then the first
//! paint and report.html rendered by the app's own components.

use std::fs;
use std::path::Path;

use crate::csp;
use crate::process::{root, run, Result};
use crate::sizes;

pub fn build_release() -> Result {
    build_page(&root().join("dist"))?;
    sizes::print(&root().join("dist"))
}

/// The release page in `dist`: Trunk's build, then the app's components rendered natively
/// (`render`, src/bin/render.rs) for the report it serves: the first paint inlined into its
/// index.html, which the app takes over in place, and the no-JavaScript page report.html.
pub fn build_page(dist: &Path) -> Result {
    let dist_arg = dist.to_string_lossy().into_owned();
    run("trunk", &["build", "--release", "--dist", &dist_arg])?;
    // The stylesheet is inlined (no request before the first paint): let the policy allow it.
    let index = dist.join("index.html");
    let html = fs::read_to_string(&index).map_err(|e| format!("{}: {e}", index.display()))?;
    let (html, policy) = csp::allow_inline_styles(&html)?;
    fs::write(&index, html).map_err(|e| format!("{}: {e}", index.display()))?;
    // For the portal's `Content-Security-Policy` header (add `frame-ancestors` there).
    let header = dist.join("csp-header.txt");
    fs::write(&header, format!("{policy}\n")).map_err(|e| format!("{}: {e}", header.display()))?;
    render_page(dist)
}

/// `render DIST`: the report's first paint into DIST/index.html and DIST/report.html, from
/// DIST/report.json (also what a publisher runs after replacing report.json).
pub fn render_page(dist: &Path) -> Result {
    let dist_arg = dist.to_string_lossy().into_owned();
    run(
        "cargo",
        &[
            "run",
            "--quiet",
            "-p",
            "report-page",
            "--features",
            "ssr",
            "--bin",
            "render",
            "--",
            &dist_arg,
        ],
    )
}
