//! Running the tools: the workspace root, the tool PATH, and commands that fail with their
//! command line.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Every task's result: an error is one line for stderr.
pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

pub fn tools_dir() -> PathBuf {
    root().join(".tools")
}

/// PATH with cargo's bin dir and our npm tools first, so trunk finds the pinned versions.
pub fn tool_path() -> OsString {
    let mut dirs = vec![tools_dir().join("node_modules/.bin"), cargo_bin_dir()];
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

pub fn cargo_bin_dir() -> PathBuf {
    let cargo_home = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from("/root/.cargo"));
    cargo_home.join("bin")
}

/// Runs a command in the workspace root with the tool PATH; fails with its command line.
pub fn run(program: &str, args: &[&str]) -> Result {
    run_env(program, args, &[])
}

pub fn run_env(program: &str, args: &[&str], envs: &[(&str, &str)]) -> Result {
    eprintln!("$ {program} {}", args.join(" "));
    // Each step's time, so that a slow `cargo xtask test` shows where its minutes went.
    let started = std::time::Instant::now();
    let status = Command::new(program)
        .args(args)
        .envs(envs.iter().copied())
        .env("PATH", tool_path())
        .current_dir(root())
        .status()
        .map_err(|e| format!("cannot start {program}: {e}"))?;
    eprintln!(
        "  ({program} took {:.1} s)",
        started.elapsed().as_secs_f64()
    );
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{program} {}` failed ({status})", args.join(" ")))
    }
}

/// The first line a tool prints for `--version`, or None when it is not installed.
pub fn tool_version(program: &str) -> Option<String> {
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
