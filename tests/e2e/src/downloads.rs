//! Downloads: an empty directory per test for the browser to save into, and waiting for the
//! finished file there.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// An empty directory for one test's downloads (absolute, as browsers want it).
pub fn fresh_download_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/e2e-downloads")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("download dir");
    dir.canonicalize().expect("absolute download dir")
}

/// Waits (up to 20 s) for a finished `.csv` download in `dir`.
pub async fn downloaded_csv(dir: &Path) -> (String, Vec<u8>) {
    for _ in 0..200 {
        let done = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "csv"));
        if let Some(path) = done {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return (name, std::fs::read(&path).expect("read download"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no CSV appeared in {}", dir.display());
}
