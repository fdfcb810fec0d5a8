#![recursion_limit = "256"]
//! The report page: one set of Leptos components that renders a report everywhere.
//!
//! * In the browser (`hydrate`, what Trunk builds), [`start`] takes over the page the build
//!   rendered into index.html in place (Leptos hydration), or renders it afresh when it cannot.
//! * Natively (`ssr`), [`render`] renders the same components to HTML: the first paint inlined
//!   in index.html and the no-JavaScript page report.html (`src/bin/render.rs`).

mod app;
mod browser;
mod deep_link;
// Started in the browser only.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod embed;
mod fetch;
mod js_deserializer;
mod page;
mod print;
mod render_mode;
mod sections;
mod skip_links;
mod state;
mod summary;
mod table;
mod toolbar;
mod widgets;

#[cfg(feature = "ssr")]
pub mod render;

pub use app::{start, App, Load};
pub use render_mode::Render;
