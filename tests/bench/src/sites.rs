//! The three sites the browser loads, prepared under `--work`: the release build (seed
//! report), its static page, and the build with a 10 000-indicator report published into it;
//! every file beside its `.br` and `.gz`.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::Instant;

use precompress::{files_under, name_under};
use serde_json::{json, Value};

use crate::args::Args;
use crate::Res;

/// Where the sites are, and what was made for them.
pub struct Sites {
    pub seed: PathBuf,
    pub static_dir: PathBuf,
    pub big: PathBuf,
    /// The 10k report: its text, sections, indicators, JSON size and the time to make it.
    pub big_info: Value,
    /// Raw, gzip and brotli size of what is served, by "site/file", to tell which encoding
    /// the browser got.
    pub served: BTreeMap<String, (f64, f64, f64)>,
}

/// Copies of the release build (the seed report, and the 10k report) and the static page,
/// each file beside its `.br` and `.gz`.
pub fn prepare(args: &Args) -> Res<Sites> {
    let work = &args.work;
    if work.exists() {
        fs::remove_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    }
    let seed = work.join("seed");
    let static_dir = work.join("static");
    let big = work.join("big");
    for d in [&seed, &static_dir, &big] {
        fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    copy_files(&args.dist, &seed)?;
    copy_files(&args.dist, &big)?;
    write_static_page(args, &seed, &static_dir.join("static.html"))?;
    let big_info = publish_big_report(&big)?;

    let mut served = BTreeMap::new();
    for (site, dir) in [("seed", &seed), ("static", &static_dir), ("big", &big)] {
        for path in files_under(dir)? {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let gz = precompress::gzip(&bytes)?;
            let br = precompress::brotli(&bytes)?;
            served.insert(
                format!("{site}/{}", name_under(dir, &path)),
                (bytes.len() as f64, gz.len() as f64, br.len() as f64),
            );
            let with_ext = |ext: &str| {
                let mut p = path.clone().into_os_string();
                p.push(ext);
                PathBuf::from(p)
            };
            write(&with_ext(".gz"), &gz)?;
            write(&with_ext(".br"), &br)?;
        }
    }
    Ok(Sites {
        seed,
        static_dir,
        big,
        big_info,
        served,
    })
}

/// The static, script-free page of the seed report: the build's report.html, or the same
/// components rendered here.
fn write_static_page(args: &Args, seed: &Path, page: &Path) -> Res {
    if let Some(path) = &args.static_html {
        fs::copy(path, page).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(());
    }
    let json = fs::read_to_string(seed.join("report.json"))
        .map_err(|e| format!("the build has no report.json: {e}"))?;
    let report = report_page::render::parse_report(&json)?;
    write(page, report_page::render::document(&report).as_bytes())
}

/// The 10k report, made by the library's conversion and published into `big` as a deployer
/// would: report.json, the page's first paint of it, and its report.html.
fn publish_big_report(big: &Path) -> Res<Value> {
    let t = Instant::now();
    let text = reportc::synthetic_report_text(200, 10_000, 1);
    let made = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let conv = reportc::convert_bytes(text.as_bytes(), &Default::default())
        .map_err(|e| format!("converting the synthetic report: {e}"))?;
    let convert_s = t.elapsed().as_secs_f64();
    let big_json = reportc::to_json(&conv.report);
    let report = &conv.report;
    let info = json!({
        "text_bytes": text.len(),
        "sections": report.sections_flat().len(),
        "indicators": report.indicators().len(),
        "json_bytes": big_json.len(),
        "generate_s": made,
        "convert_s": convert_s,
    });
    write(&big.join("report.json"), big_json.as_bytes())?;
    let page_path = big.join("index.html");
    let page =
        fs::read_to_string(&page_path).map_err(|e| format!("{}: {e}", page_path.display()))?;
    let page = report_page::render::inline_into_page(&page, report, &big_json)?;
    write(&page_path, page.as_bytes())?;
    write(
        &big.join("report.html"),
        report_page::render::document(report).as_bytes(),
    )?;
    eprintln!(
        "bench: 10k report: {} sections, {} indicators, {} bytes of JSON",
        info["sections"], info["indicators"], info["json_bytes"]
    );
    Ok(info)
}

fn copy_files(from: &Path, to: &Path) -> Res {
    for path in files_under(from)? {
        let target = to.join(name_under(from, &path));
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

fn write(path: &Path, bytes: &[u8]) -> Res {
    fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}
