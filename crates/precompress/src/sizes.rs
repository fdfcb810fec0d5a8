//! The transfer sizes of every file under a directory: raw, gzip -9 and brotli -q 11.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{brotli, gzip};

/// Sizes of one file, in bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileSize {
    /// The path under the measured directory (`index.html`, `report-page-….wasm`).
    pub name: String,
    /// As on disk.
    pub raw: usize,
    /// gzip -9.
    pub gzip: usize,
    /// brotli -q 11.
    pub brotli: usize,
}

/// Every file under `dir`, sorted by name.
pub fn measure(dir: &Path) -> Result<Vec<FileSize>, String> {
    files_under(dir)?
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            Ok(FileSize {
                name: name_under(dir, &path),
                raw: bytes.len(),
                gzip: gzip(&bytes)?.len(),
                brotli: brotli(&bytes)?.len(),
            })
        })
        .collect()
}

/// Every file under `dir` and its subdirectories, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| format!("{}: {e}", d.display()))?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// `path`'s name relative to `dir` (the whole path when it is not under `dir`).
pub fn name_under(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_every_file_under_a_directory_by_its_relative_name() {
        let dir = std::env::temp_dir().join(format!("precompress-sizes-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(dir.join("sub")).expect("make dirs");
        let page = "<p>通州区</p>".repeat(200);
        fs::write(dir.join("index.html"), &page).expect("write");
        fs::write(dir.join("sub/a.txt"), "a").expect("write");
        let sizes = measure(&dir).expect("measure");
        let _ = fs::remove_dir_all(&dir);
        let names: Vec<&str> = sizes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["index.html", "sub/a.txt"]);
        assert_eq!(sizes[0].raw, page.len());
        assert!(sizes[0].brotli < sizes[0].gzip && sizes[0].gzip < sizes[0].raw / 10);
        assert_eq!(sizes[1].raw, 1);
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_it() {
        let err = measure(Path::new("/no/such/dir")).expect_err("no dir");
        assert!(err.contains("/no/such/dir"), "{err}");
    }
}
