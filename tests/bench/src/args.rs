//! The command line: where the build and the outputs are, and how many samples to take.

use std::path::{Path, PathBuf};

use crate::Res;

/// What to measure, and where.
pub struct Args {
    /// The release build (`--dist`; else `$E2E_DIST` or `dist/`, like the browser tests).
    pub dist: PathBuf,
    /// Where bench.json and bench.md go.
    pub out: PathBuf,
    /// The sizes `cargo xtask bench` measured; else measured here.
    pub sizes: Option<PathBuf>,
    /// Scratch space for the served copies of the build.
    pub work: PathBuf,
    /// The published report text the converter's throughput is measured on.
    pub seed_text: PathBuf,
    /// The static page as the build's `render` wrote it (report.html); else rendered here.
    pub static_html: Option<PathBuf>,
    /// Loads of the app and of the static page, each, per throttling profile.
    pub loads: usize,
    /// Loads of the 10k report.
    pub big_loads: usize,
    /// Filter keystrokes timed on each report.
    pub keys: usize,
    /// 展开全部 / 收起全部 clicks timed on each report.
    pub toggles: usize,
}

const USAGE: &str = "usage: bench [--dist DIR] [--out DIR] [--sizes FILE] [--work DIR] \
    [--seed-text FILE] [--static-html FILE] [--loads N] [--big-loads N] [--keys N] [--toggles N]";

impl Args {
    /// From the process's arguments.
    pub fn parse() -> Res<Args> {
        Self::from(std::env::args().skip(1))
    }

    fn from(mut it: impl Iterator<Item = String>) -> Res<Args> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut a = Args {
            dist: PathBuf::new(),
            out: root.join("bench-results"),
            sizes: None,
            work: root.join("target/bench-work"),
            seed_text: root.join("reports/tongzhou-2019-performance-report.txt"),
            static_html: None,
            loads: 10,
            big_loads: 5,
            keys: 50,
            toggles: 10,
        };
        let mut dist = None;
        while let Some(flag) = it.next() {
            let mut value = || it.next().ok_or(format!("{flag} needs a value"));
            let count = |v: String| v.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
            match flag.as_str() {
                "--dist" => dist = Some(PathBuf::from(value()?)),
                "--out" => a.out = PathBuf::from(value()?),
                "--sizes" => a.sizes = Some(PathBuf::from(value()?)),
                "--work" => a.work = PathBuf::from(value()?),
                "--seed-text" => a.seed_text = PathBuf::from(value()?),
                "--static-html" => a.static_html = Some(PathBuf::from(value()?)),
                "--loads" => a.loads = count(value()?)?.clamp(1, 50),
                "--big-loads" => a.big_loads = count(value()?)?.clamp(1, 20),
                "--keys" => a.keys = count(value()?)?.clamp(1, 200),
                "--toggles" => a.toggles = count(value()?)?.clamp(2, 50),
                "-h" | "--help" => return Err(USAGE.into()),
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        // `$E2E_DIST` (or dist/) when no --dist is given, like the browser tests.
        a.dist = dist.unwrap_or_else(e2e::dist_dir);
        Ok(a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Res<Args> {
        Args::from(args.iter().map(|s| s.to_string()))
    }

    #[test]
    fn counts_are_kept_within_their_limits() {
        let a = parse(&[
            "--dist",
            "/d",
            "--loads",
            "0",
            "--keys",
            "999",
            "--toggles",
            "1",
        ])
        .expect("parses");
        assert_eq!(a.dist, PathBuf::from("/d"));
        assert_eq!((a.loads, a.keys, a.toggles, a.big_loads), (1, 200, 2, 5));
    }

    #[test]
    fn unknown_flags_and_missing_values_are_errors() {
        assert!(parse(&["--dist", "/d", "--fast"])
            .err()
            .is_some_and(|e| e.contains("--fast")));
        assert!(parse(&["--dist", "/d", "--loads"])
            .err()
            .is_some_and(|e| e.contains("needs a value")));
        assert!(parse(&["--dist", "/d", "--loads", "many"]).is_err());
    }
}
