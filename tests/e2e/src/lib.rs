//! Harness for the browser tests: a static file server on loopback and a WebDriver session.
//!
//! The same test bodies run in Chromium (default) and, with `E2E_BROWSER=firefox`, in Firefox.
//! The tests themselves are one binary, `tests/it/main.rs`; the benchmark (the `bench` crate, `tests/bench`)
//! uses the same harness. Every item is reachable at the crate root (`e2e::Session`,
//! `e2e::open_built`, ...); the modules only say where each one is written:
//!
//! | module | what |
//! |---|---|
//! | `dist` | the release build under test (`dist/`) and what the tests read from it |
//! | `server` | [`StaticServer`]: `dist/` under a URL prefix, with canned or held responses |
//! | `browser` | [`Browser`]: which browser `E2E_BROWSER` asks for |
//! | `capabilities` | what a session asks the browser for (headless, window, downloads) |
//! | `session` | [`Session`]: a driver process and its browser, and the helpers tests use |
//! | `chromedriver` | Chromium-only commands: console log, DevTools protocol, media emulation |
//! | `open` | [`open_built`], [`open_with_report`]: server and session on a page, app started |
//! | `report_json` | walking a report.json (indicators, paragraphs, ids by value) |
//! | `artifacts` | screenshots and files saved for people under `target/screenshots/` |
//! | `csv` | [`parse_csv`], a small RFC 4180 reader |
//! | `downloads` | a download directory per test and waiting for the browser's file |
//! | [`page`] | the page's selectors the tests share (public module: `e2e::page::ROWS`) |

mod artifacts;
mod browser;
mod capabilities;
mod chromedriver;
mod csv;
mod dist;
mod downloads;
mod open;
pub mod page;
mod report_json;
mod server;
mod session;

pub use fantoccini;

pub use artifacts::{save_artifact, screenshot, screenshot_full_page};
pub use browser::Browser;
pub use csv::parse_csv;
pub use dist::{built_wasm_name, dist_dir, served_report};
pub use downloads::{downloaded_csv, fresh_download_dir};
pub use open::{error_message_for, open_built, open_built_with, open_with_report};
pub use report_json::{all_indicators, all_paragraphs, indicator_id_by_value};
pub use server::{Gate, Override, StaticServer};
pub use session::{Session, SessionOptions};
