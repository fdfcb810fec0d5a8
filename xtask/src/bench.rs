//! `cargo xtask bench`: the performance benchmark of issue 6.
//!
//! Sets up the tools, builds the release page into `target/bench-dist/` (not `dist/`, which
//! other tasks rebuild), writes its transfer sizes to `bench-results/sizes.json`, then runs the
//! browser and converter benchmark (`tests/e2e/src/bin/bench.rs`, built in release), which
//! writes `bench-results/bench.json` and `bench-results/bench.md` and prints the Markdown.

use std::fs;

use super::{build_page, root, run, run_env, setup, sizes, Result};

pub fn bench(extra: &[String]) -> Result {
    setup()?;
    let dist = root().join("target/bench-dist");
    let dist_arg = dist.to_string_lossy().into_owned();
    build_page(&dist)?;

    let out = root().join("bench-results");
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let files = sizes::measure(&dist)?;
    let mut json = String::from("{\n  \"files\": [\n");
    for (i, f) in files.iter().enumerate() {
        let comma = if i + 1 < files.len() { "," } else { "" };
        json.push_str(&format!(
            "    {{\"name\": {:?}, \"raw\": {}, \"gzip\": {}, \"brotli\": {}}}{comma}\n",
            f.name, f.raw, f.gzip, f.brotli
        ));
    }
    json.push_str("  ]\n}\n");
    let sizes_file = out.join("sizes.json");
    fs::write(&sizes_file, json).map_err(|e| format!("{}: {e}", sizes_file.display()))?;

    // The converter's static, script-free rendering of the served report, to compare with.
    let static_html = root().join("target/bench-static.html");
    let static_arg = static_html.to_string_lossy().into_owned();
    let report_arg = dist.join("report.json").to_string_lossy().into_owned();
    run(
        "cargo",
        &[
            "run",
            "--release",
            "--quiet",
            "-p",
            "reportc",
            "--",
            "html",
            &report_arg,
            "-o",
            &static_arg,
        ],
    )?;

    let sizes_arg = sizes_file.to_string_lossy().into_owned();
    let out_arg = out.to_string_lossy().into_owned();
    let mut args = vec![
        "run",
        "--release",
        "-p",
        "e2e",
        "--bin",
        "bench",
        "--",
        "--dist",
        &dist_arg,
        "--sizes",
        &sizes_arg,
        "--static-html",
        &static_arg,
        "--out",
        &out_arg,
    ];
    args.extend(extra.iter().map(String::as_str));
    run_env("cargo", &args, &[("E2E_DIST", &dist_arg)])
}
