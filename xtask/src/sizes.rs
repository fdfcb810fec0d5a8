//! Transfer size of each file of a build: raw, gzip -9 and brotli -q 11.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::Result;

/// Sizes of one file, in bytes.
pub struct FileSize {
    pub name: String,
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

/// Every file under `dir`, sorted by name.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>> {
    let mut files = Vec::new();
    collect(dir, &mut files)?;
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let name = path
                .strip_prefix(dir)
                .unwrap_or(&path)
                .to_string_lossy()
                .into_owned();
            Ok(FileSize {
                name,
                raw: bytes.len(),
                gzip: gzip(&bytes)?,
                brotli: brotli(&bytes)?,
            })
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> Result<usize> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(enc.finish().map_err(|e| e.to_string())?.len())
}

fn brotli(bytes: &[u8]) -> Result<usize> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out.len())
}

/// Prints a Markdown table of the sizes in `dir`.
pub fn print(dir: &Path) -> Result {
    let sizes = measure(dir)?;
    println!("| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|");
    for s in &sizes {
        println!("| {} | {} | {} | {} |", s.name, s.raw, s.gzip, s.brotli);
    }
    // What every visit downloads before the report: the page, its loader, styles and code.
    let shell = |s: &&FileSize| {
        s.name == "index.html" || [".js", ".wasm", ".css"].iter().any(|e| s.name.ends_with(e))
    };
    let total = |f: fn(&FileSize) -> usize| sizes.iter().filter(shell).map(f).sum::<usize>();
    println!(
        "| **app shell (index.html, JS, wasm, CSS)** | {} | {} | {} |",
        total(|s| s.raw),
        total(|s| s.gzip),
        total(|s| s.brotli)
    );
    Ok(())
}
