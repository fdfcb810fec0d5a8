//! The integration tests of `reportc`: one test binary (it links once), one module per
//! subject. The helpers are in `tests/common` (shared with `tests/html_render.rs`, the static
//! page's tests, which stay apart while the renderer is removed); the input texts and the
//! hand-checked listings are beside them in `tests/`.

#[path = "../common/mod.rs"]
mod common;

mod cli;
mod curation;
mod genre;
mod inputs;
mod listings;
mod regen;
mod robustness;
mod schema_valid;
mod seed;
mod synthetic;
