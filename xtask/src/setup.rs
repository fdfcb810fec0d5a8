//! `cargo xtask setup`: installs the tools the build and the tests need, each only when it is
//! missing or at the wrong version. Every tool is built or installed from a registry, never
//! downloaded as a prebuilt binary.

use std::fs;
use std::path::Path;
use std::process::Command;
use std::time::Instant;

use crate::process::{root, run, run_env, tool_version, tools_dir, Result};

/// trunk 0.22 needs rustc 1.96; the machines have 1.95.
const TRUNK_VERSION: &str = "0.21.14";
/// npm packages: wasm-opt from `binaryen` (a 4-second install instead of a ~15-minute C++
/// build of the `wasm-opt` crate; must match `wasm_opt` in Trunk.toml), and axe-core for the
/// browser tests' accessibility audit.
/// Lighthouse 12.2.3 is the last release for Node 20; pa11y uses puppeteer, whose browser
/// download is skipped (`PUPPETEER_SKIP_DOWNLOAD`): it drives Debian's chromium.
const NPM_TOOLS: &[(&str, &str)] = &[
    ("binaryen", "124.0.0"),
    ("axe-core", "4.14.1"),
    ("lighthouse", "12.2.3"),
    ("pa11y", "9.1.1"),
    // The W3C Nu HTML checker (runs on Debian's Java).
    ("vnu-jar", "26.9.27"),
];
/// Debian packages for the browser tests and for legible Chinese screenshots.
const APT_PACKAGES: &[&str] = &[
    "chromium",
    "chromium-driver",
    "firefox-esr",
    "fonts-noto-cjk",
    "default-jre-headless",
];
/// geckodriver drives Firefox; it is built from crates.io.
const GECKODRIVER_VERSION: &str = "0.37.1";

pub fn setup() -> Result {
    let started = Instant::now();
    wasm_target()?;
    let wasm_bindgen = wasm_bindgen_version()?;
    // The downloads (Debian packages, npm) wait on the network, the builds on the CPU: run the
    // downloads beside the builds rather than after them.
    let downloads = std::thread::spawn(|| npm_tools().and_then(|()| browser()));
    cargo_install("trunk", "trunk", TRUNK_VERSION, true)?;
    // wasm-bindgen-cli's own lock file names a crate the registry lacks: install unlocked.
    cargo_install("wasm-bindgen-cli", "wasm-bindgen", &wasm_bindgen, false)?;
    cargo_install("geckodriver", "geckodriver", GECKODRIVER_VERSION, true)?;
    downloads
        .join()
        .map_err(|_| "the package downloads stopped unexpectedly".to_string())??;
    eprintln!(
        "setup: tools ready in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

fn wasm_target() -> Result {
    let out = Command::new("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map_err(|e| format!("cannot run rustup: {e}"))?;
    if String::from_utf8_lossy(&out.stdout)
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(());
    }
    run("rustup", &["target", "add", "wasm32-unknown-unknown"])
}

/// The wasm-bindgen version in Cargo.lock: the CLI must match it exactly.
fn wasm_bindgen_version() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|l| l.trim().strip_prefix("version = "))
            {
                return Ok(v.trim_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".into())
}

fn cargo_install(krate: &str, bin: &str, version: &str, locked: bool) -> Result {
    let wanted = format!("{bin} {version}");
    if tool_version(bin).as_deref() == Some(wanted.as_str()) {
        return Ok(());
    }
    let mut args = vec!["install", krate, "--version", version, "--force"];
    if locked {
        args.push("--locked");
    }
    // Tools are built once per machine: build them for build speed, not peak speed, and in one
    // target directory so that the crates they share (tokio, serde, clap, ...) compile once.
    let shared = root().join("target").join("tools");
    let shared = shared.to_string_lossy().into_owned();
    run_env(
        "cargo",
        &args,
        &[
            ("CARGO_TARGET_DIR", &shared),
            ("CARGO_PROFILE_RELEASE_LTO", "false"),
            ("CARGO_PROFILE_RELEASE_CODEGEN_UNITS", "16"),
            ("CARGO_PROFILE_RELEASE_OPT_LEVEL", "2"),
            ("CARGO_PROFILE_RELEASE_DEBUG", "false"),
            ("CARGO_PROFILE_RELEASE_INCREMENTAL", "false"),
        ],
    )
}

/// npm packages installed into `.tools/`: each skipped when its package.json has the version.
fn npm_tools() -> Result {
    let missing: Vec<String> = NPM_TOOLS
        .iter()
        .filter(|(name, version)| npm_version(name).as_deref() != Some(*version))
        .map(|(name, version)| format!("{name}@{version}"))
        .collect();
    if missing.is_empty() {
        return Ok(());
    }
    fs::create_dir_all(tools_dir()).map_err(|e| format!("cannot create .tools: {e}"))?;
    let prefix = tools_dir().to_string_lossy().into_owned();
    let mut args = vec![
        "install",
        "--prefix",
        &prefix,
        "--no-audit",
        "--no-fund",
        "--no-save",
    ];
    // Install all pinned packages together: npm removes what a --no-save install does not name.
    let all: Vec<String> = NPM_TOOLS.iter().map(|(n, v)| format!("{n}@{v}")).collect();
    args.extend(all.iter().map(String::as_str));
    // Nothing may download a prebuilt browser at install time.
    run_env("npm", &args, &[("PUPPETEER_SKIP_DOWNLOAD", "1")])
}

/// The version in `.tools/node_modules/<name>/package.json`, if installed.
fn npm_version(name: &str) -> Option<String> {
    let text = fs::read_to_string(
        tools_dir()
            .join("node_modules")
            .join(name)
            .join("package.json"),
    )
    .ok()?;
    let at = text.find("\"version\"")?;
    let rest = &text[at + "\"version\"".len()..];
    let start = rest.find('"')? + 1;
    let end = start + rest[start..].find('"')?;
    Some(rest[start..end].to_string())
}

fn browser() -> Result {
    let missing = [
        "/usr/bin/chromium",
        "/usr/bin/chromedriver",
        "/usr/bin/firefox-esr",
    ]
    .iter()
    .any(|p| !Path::new(p).exists())
        || tool_version("java").is_none() && !java_runs()
        || !Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists();
    if !missing {
        return Ok(());
    }
    run("apt-get", &["update", "-q"])?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(APT_PACKAGES);
    run_env("apt-get", &args, &[("DEBIAN_FRONTEND", "noninteractive")])
}

/// `java -version` (it prints to stderr, so `tool_version` cannot tell).
fn java_runs() -> bool {
    Command::new("java")
        .arg("-version")
        .output()
        .is_ok_and(|o| o.status.success())
}
