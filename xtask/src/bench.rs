//! `cargo xtask bench`: the performance benchmark of issues 6 and 11.
//!
//! Sets up the tools, builds the release page into `target/bench-dist/` (not `dist/`, which
//! other tasks rebuild), writes its transfer sizes to `bench-results/sizes.json`, then runs the
//! browser and converter benchmark (the `bench` crate, `tests/bench`, built in release), which
//! writes `bench-results/bench.json` and `bench-results/bench.md` and prints the Markdown.

use std::fs;
use std::path::Path;

use crate::page_build::build_page;
use crate::process::{root, run_env, Result};
use crate::setup::setup;
use crate::{lighthouse, serve, sizes};

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

    // The static, script-free page of the served report (the build's report.html), to
    // compare with.
    let static_html = dist.join("report.html");
    let static_arg = static_html.to_string_lossy().into_owned();

    let sizes_arg = sizes_file.to_string_lossy().into_owned();
    let out_arg = out.to_string_lossy().into_owned();
    let mut args = vec![
        "run",
        "--release",
        "-p",
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
    run_env("cargo", &args, &[("E2E_DIST", &dist_arg)])?;
    lighthouse_mobile(&dist, &out)
}

/// Lighthouse's mobile profile (simulated throttling) on the served release build, median of
/// three runs: the four category scores, LCP, TBT and TTI, appended to `bench.md`.
fn lighthouse_mobile(dist: &Path, out: &Path) -> Result {
    const RUNS: usize = 3;
    const CATEGORIES: &[&str] = &["performance", "accessibility", "best-practices", "seo"];
    let origin = serve::in_background(dist)?;
    let mut runs = Vec::new();
    for i in 0..RUNS {
        let file = root().join(format!("target/lighthouse-bench-{i}.json"));
        runs.push(lighthouse::run(&origin, CATEGORIES, &file)?);
    }
    let median = |values: Vec<f64>| -> (f64, f64, f64) {
        let mut v = values;
        v.sort_by(f64::total_cmp);
        (v[v.len() / 2], v[0], v[v.len() - 1])
    };
    let mut md = format!(
        "\n## Lighthouse 12 mobile (simulated throttling), median of {RUNS} (range)\n\n| measure | result | budget | |\n|---|---|---|---|\n"
    );
    for category in CATEGORIES {
        let (m, lo, hi) = median(
            runs.iter()
                .map(|r| lighthouse::score(r, category))
                .collect(),
        );
        let budget = if *category == "performance" {
            95.0
        } else {
            100.0
        };
        let met = if m >= budget { "met" } else { "MISSED" };
        md.push_str(&format!(
            "| {category} score | {m:.0} ({lo:.0}–{hi:.0}) | ≥ {budget:.0} | {met} |\n"
        ));
    }
    for (audit, label) in [
        ("largest-contentful-paint", "LCP"),
        ("total-blocking-time", "TBT"),
        ("interactive", "TTI"),
    ] {
        let (m, lo, hi) = median(runs.iter().map(|r| lighthouse::metric(r, audit)).collect());
        md.push_str(&format!(
            "| {label} | {:.2} s ({:.2}–{:.2}) | | |\n",
            m / 1000.0,
            lo / 1000.0,
            hi / 1000.0
        ));
    }
    print!("{md}");
    let file = out.join("bench.md");
    let mut text = fs::read_to_string(&file).unwrap_or_default();
    text.push_str(&md);
    fs::write(&file, text).map_err(|e| format!("{}: {e}", file.display()))
}
