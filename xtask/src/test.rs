//! `cargo xtask test`: format, lint, native tests, the release build, the browser tests in
//! Chromium and Firefox, then the audit by tools no one here wrote.

use crate::page_build::build_release;
use crate::process::{root, run, run_env, Result};
use crate::{audit, tree_rules};

pub fn test() -> Result {
    run("cargo", &["fmt", "--all", "--check"])?;
    tree_rules::check()?;
    // The app is a wasm program: lint it for its real target; the rest natively.
    clippy(&["--workspace", "--exclude", "report-page", "--all-targets"])?;
    clippy(&[
        "-p",
        "report-page",
        "--features",
        "hydrate",
        "--target",
        "wasm32-unknown-unknown",
    ])?;
    // And natively, as the build step renders it.
    clippy(&["-p", "report-page", "--features", "ssr", "--all-targets"])?;
    run(
        "cargo",
        &[
            "test",
            "--workspace",
            "--exclude",
            "report-page",
            "--exclude",
            "e2e",
        ],
    )?;
    // The app's native tests: its rendering (feature ssr).
    run(
        "cargo",
        &["test", "-p", "report-page", "--features", "ssr", "--lib"],
    )?;
    build_release()?;
    let dist = root().join("dist");
    let dist = dist.to_string_lossy();
    // One browser at a time: two cores cannot run several Chromiums without timeouts.
    run_env(
        "cargo",
        &["test", "-p", "e2e", "--", "--test-threads=1"],
        &[("E2E_DIST", &dist)],
    )?;
    // The same test bodies in Firefox: these subjects (module filters on the one test binary,
    // tests/e2e/tests/it). Headless Firefox will not make a viewport narrower than 500 px, so
    // the phone tests (`on_a_phone`) run in Chromium only.
    run_env(
        "cargo",
        &[
            "test",
            "-p",
            "e2e",
            "--test",
            "it",
            "--",
            "--test-threads=1",
            "--skip",
            "on_a_phone",
            "skeleton::",
            "interactive::",
            "hostile::",
            "first_paint::",
            "take_over::",
            "large::",
            "usability::",
            "meaning::",
        ],
        &[("E2E_DIST", &dist), ("E2E_BROWSER", "firefox")],
    )?;
    audit::audit(&root().join("dist"))
}

/// `cargo clippy <scope> -- -D warnings`: every lint is an error.
fn clippy(scope: &[&str]) -> Result {
    let mut args = vec!["clippy"];
    args.extend_from_slice(scope);
    args.extend_from_slice(&["--", "-D", "warnings"]);
    run("cargo", &args)
}
