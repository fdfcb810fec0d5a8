//! The report page: a client-side Leptos app that renders `report.json`.

mod app;
mod browser;
mod embed;
mod fetch;
mod headline;
mod page;
mod sections;
mod skip_links;
mod table;
mod tools;
mod widgets;

fn main() {
    // Panics go to the browser console with their message (panic = "abort" keeps it).
    console_error_panic_hook::set_once();
    tools::apply_stored_large_font();
    embed::start();
    app::mount();
}
