//! `render [DIST]`: renders DIST/report.json (default `dist`) with the app's own components
//! into DIST/index.html's first paint (between its `<!-- report:start -->` and
//! `<!-- report:end -->` markers) and into DIST/report.html, the page without JavaScript.
//! The build runs it after Trunk; a publisher runs it after replacing report.json (README,
//! "Publishing a new report"): no rebuild of the wasm is needed.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))
}

/// Writes through a temporary file and a rename: a reader never gets half a page.
fn write(path: &Path, text: &str) -> Result<(), String> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".render-tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, text)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            format!("cannot write {}: {e}", path.display())
        })
}

fn run(dist: &Path) -> Result<(), String> {
    let json = dist.join("report.json");
    let text = read(&json)?;
    let report =
        report_page::render::parse_report(&text).map_err(|e| format!("{}: {e}", json.display()))?;
    let index = dist.join("index.html");
    let page = report_page::render::inline_into_page(&read(&index)?, &report, &text)
        .map_err(|e| format!("{}: {e}", index.display()))?;
    write(&index, &page)?;
    write(
        &dist.join("report.html"),
        &report_page::render::document(&report),
    )?;
    eprintln!(
        "render: {} and report.html rendered from {}",
        index.display(),
        json.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "-h" || a == "--help") || args.len() > 1 {
        eprintln!("usage: render [DIST]   (default: dist)");
        return if args.len() > 1 {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        };
    }
    let dist = PathBuf::from(args.first().map_or("dist", String::as_str));
    match run(&dist) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("render: error: {e}");
            ExitCode::FAILURE
        }
    }
}
