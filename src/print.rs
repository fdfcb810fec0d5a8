//! Printing shows the whole report: every matching row, not only the first page, and all of
//! a large report's text, even the part not built yet.

use leptos::prelude::*;

use crate::state::{Outline, TableView};

/// Before the browser prints: every matching row, every section body.
pub fn show_everything_when_printed(table: TableView, outline: Outline) {
    let before_print = window_event_listener_untyped("beforeprint", move |_| {
        table.render_all();
        outline.build_all_bodies();
    });
    on_cleanup(move || before_print.remove());
}
