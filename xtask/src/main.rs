//! The project's task runner: `cargo xtask <task>`.
//!
//! It owns the tool set-up so that a fresh Debian machine (root, package registries only) needs
//! nothing but the two README commands. Every tool is built or installed from a registry, never
//! downloaded as a prebuilt binary, and each step is skipped when the right version is present.

use std::env;
use std::ffi::OsString;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;

mod audit;
mod bench;
mod csp;
mod lighthouse;
mod serve;
mod sizes;
mod wasm_crates;

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

type Result<T = ()> = std::result::Result<T, String>;

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let task = args.first().map(String::as_str).unwrap_or("help");
    let started = Instant::now();
    let result = match task {
        "setup" => setup(),
        "build" => setup().and_then(|()| build_release()),
        "serve" => serve::Options::parse(&args[1..]).and_then(|options| {
            setup()?;
            build_release()?;
            serve::serve(&root().join("dist"), &options)
        }),
        "test" => setup().and_then(|()| test()),
        // An optional directory, e.g. another build's `--dist`.
        "audit" => audit::audit(&root().join("dist")),
        "sizes" => sizes::print(
            &args
                .get(1)
                .map_or_else(|| root().join("dist"), PathBuf::from),
        ),
        "bench" => bench::bench(&args[1..]),
        // twiggy's sizes by crate, of cargo's wasm (it keeps the names) or the one given.
        "wasm-crates" => wasm_crates::print(&args.get(1).map_or_else(
            || root().join("target/wasm32-unknown-unknown/release/report-page.wasm"),
            PathBuf::from,
        )),
        // Re-renders the first paint and report.html for the report.json in dist/ (or the
        // directory given): publishing a new report needs no rebuild of the wasm.
        "render" => render_page(
            &args
                .get(1)
                .map_or_else(|| root().join("dist"), PathBuf::from),
        ),
        "help" | "--help" | "-h" => {
            print_help();
            Ok(())
        }
        other => Err(format!("unknown task {other:?}; run `cargo xtask help`")),
    };
    match result {
        Ok(()) => {
            eprintln!(
                "xtask {task}: done in {:.1} s",
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask {task}: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn print_help() {
    println!(
        "cargo xtask <task>\n\n  setup   install the tools (skips what is already there)\n  build   release build of the page into dist/\n  serve   build the page into dist/ (as `build` does) and serve it on http://127.0.0.1:8080\n          [--port N (0: any free port)] [--address A]; Ctrl-C stops\n  test    format, lint, native tests, release build, browser tests\n  audit   Lighthouse (accessibility, best practices, SEO) and pa11y on dist/\n  render  re-render the first paint (index.html) and report.html for dist/report.json [DIR]\n  sizes   raw / gzip / brotli size of each file in dist/ (or the directory given)\n  bench   performance benchmark (sizes, load times, 10k report, converter) into bench-results/\n  wasm-crates  the wasm's bytes by crate (twiggy) [WASM, default cargo's release wasm]"
    );
}

/// The workspace root (the parent of this crate).
fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

pub(crate) fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// PATH with cargo's bin dir and our npm tools first, so trunk finds the pinned versions.
pub(crate) fn tool_path() -> OsString {
    let mut dirs = vec![tools_dir().join("node_modules/.bin"), cargo_bin_dir()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

fn cargo_bin_dir() -> PathBuf {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"));
    cargo_home.join("bin")
}

/// Runs a command in the workspace root with the tool PATH; fails with its command line.
fn run(program: &str, args: &[&str]) -> Result {
    run_env(program, args, &[])
}

fn run_env(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result {
    eprintln!("$ {program} {}", args.join(" "));
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .env("PATH", tool_path())
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The first line a tool prints for `--version`, or None when it is not installed.
fn tool_version(program: &str) -> Option<String> {
    let out = Command::new(program)
        .arg("--version")
        .env("PATH", tool_path())
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8_lossy(&out.stdout);
    text.lines().next().map(|l| l.trim().to_string())
}

fn setup() -> Result {
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

fn build_release() -> Result {
    build_page(&root().join("dist"))?;
    sizes::print(&root().join("dist"))
}

/// The release page in `dist`: Trunk's build, then the app's components rendered natively
/// (`render`, src/bin/render.rs) for the report it serves: the first paint inlined into its
/// index.html, which the app takes over in place, and the no-JavaScript page report.html.
fn build_page(dist: &Path) -> Result {
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
pub(crate) fn render_page(dist: &Path) -> Result {
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

fn test() -> Result {
    run("cargo", &["fmt", "--all", "--check"])?;
    // The app is a wasm program: lint it for its real target; the rest natively.
    run(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--exclude",
            "report-page",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "report-page",
            "--features",
            "hydrate",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    )?;
    // And natively, as the build step renders it.
    run(
        "cargo",
        &[
            "clippy",
            "-p",
            "report-page",
            "--features",
            "ssr",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    )?;
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
    // The same test bodies in Firefox. Headless Firefox will not make a viewport narrower than
    // 500 px, so the 375 px phone test runs in Chromium only.
    run_env(
        "cargo",
        &[
            "test",
            "-p",
            "e2e",
            "--test",
            "skeleton",
            "--test",
            "interactive",
            "--test",
            "hostile",
            "--test",
            "first_paint",
            "--test",
            "take_over",
            "--test",
            "large",
            "--test",
            "usability",
            "--test",
            "meaning",
            "--",
            "--test-threads=1",
            "--skip",
            "on_a_phone",
        ],
        &[("E2E_DIST", &dist), ("E2E_BROWSER", "firefox")],
    )?;
    audit::audit(&root().join("dist"))
}
