//! The build's transfer sizes: from `--sizes` (what `cargo xtask bench` measured), else
//! measured here with the same crate.

use std::fs;

use precompress::FileSize;
use serde_json::Value;

use crate::args::Args;
use crate::Res;

/// Every file of the build with its raw, gzip and brotli sizes.
pub fn read(args: &Args) -> Res<Vec<FileSize>> {
    let Some(path) = &args.sizes else {
        return precompress::measure(&args.dist);
    };
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let v: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(parse(&v))
}

/// sizes.json's `files`: `[{"name", "raw", "gzip", "brotli"}]`.
fn parse(v: &Value) -> Vec<FileSize> {
    let size = |f: &Value, key: &str| f[key].as_u64().unwrap_or(0) as usize;
    v["files"]
        .as_array()
        .map(|files| {
            files
                .iter()
                .map(|f| FileSize {
                    name: f["name"].as_str().unwrap_or_default().to_string(),
                    raw: size(f, "raw"),
                    gzip: size(f, "gzip"),
                    brotli: size(f, "brotli"),
                })
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_files_xtask_wrote() {
        let v: Value = serde_json::from_str(
            r#"{"files": [{"name": "index.html", "raw": 90000, "gzip": 30000, "brotli": 22000}]}"#,
        )
        .expect("json");
        assert_eq!(
            parse(&v),
            [FileSize {
                name: "index.html".into(),
                raw: 90000,
                gzip: 30000,
                brotli: 22000
            }]
        );
    }
}
