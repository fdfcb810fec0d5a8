//! Transfer size of each file of a build: raw, gzip -9 and brotli -q 11 (measured by
//! `crates/precompress`, the same the benchmark records and serves).

use std::path::Path;

pub use precompress::measure;

use crate::process::Result;

/// Prints a Markdown table of the sizes in `dir`.
pub fn print(dir: &Path) -> Result {
    let sizes = measure(dir)?;
    println!("| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|");
    for s in &sizes {
        println!("| {} | {} | {} | {} |", s.name, s.raw, s.gzip, s.brotli);
    }
    // What every visit downloads before the report: the page, its loader, styles and code.
    let shell = |s: &&precompress::FileSize| {
        s.name == "index.html" || [".js", ".wasm", ".css"].iter().any(|e| s.name.ends_with(e))
    };
    let total =
        |f: fn(&precompress::FileSize) -> usize| sizes.iter().filter(shell).map(f).sum::<usize>();
    println!(
        "| **app shell (index.html, JS, wasm, CSS)** | {} | {} | {} |",
        total(|s| s.raw),
        total(|s| s.gzip),
        total(|s| s.brotli)
    );
    Ok(())
}
