//! What a portal's web server sends when it serves a static site precompressed: each file as
//! gzip -9 and as brotli -q 11 (the `.gz` and `.br` beside it), and the three transfer sizes
//! of every file of a build.
//!
//! `cargo xtask build` prints the sizes of `dist/`; the benchmark (`tests/bench`) records them
//! and serves the compressed files. One place for both, so the sizes it reports are the bytes
//! it serves.
//!
//! ```
//! let text = "绩效管理".repeat(100);
//! let br = precompress::brotli(text.as_bytes()).expect("brotli");
//! assert!(br.len() < text.len() / 10);
//! ```

#![deny(missing_docs)]

mod encode;
mod sizes;

pub use encode::{brotli, gzip};
pub use sizes::{files_under, measure, name_under, FileSize};
