//! The release build under test (`$E2E_DIST`, else `dist/`) and the files the tests read from
//! it: the report it serves and the name of its wasm.

use std::path::{Path, PathBuf};

/// The release build under test: `$E2E_DIST`, else `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no release build at {}: run `cargo xtask test` (it builds dist/ first)",
        dir.display()
    );
    dir
}

/// The report the release build serves (`dist/report.json`), for looking up generated ids.
pub fn served_report() -> serde_json::Value {
    let path = dist_dir().join("report.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The file name of the release build's wasm (`data-wasm="./report-page-….wasm"` in its
/// index.html), e.g. to make it fail to load.
pub fn built_wasm_name() -> String {
    let path = dist_dir().join("index.html");
    let page = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    page.split("data-wasm=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|name| name.trim_start_matches("./").to_string())
        .unwrap_or_else(|| panic!("{} names no wasm file", path.display()))
}
