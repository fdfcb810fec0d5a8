//! What the page tells the reader: the polite live region, and a notice above the report.

use leptos::prelude::*;

/// Text for the page's polite live region, and a dismissable notice (e.g. a deep link to an
/// id the report does not have).
#[derive(Clone, Copy)]
pub struct Announcements {
    pub announce: RwSignal<String>,
    pub notice: RwSignal<Option<String>>,
}

impl Announcements {
    pub fn new() -> Self {
        Announcements {
            announce: RwSignal::new(String::new()),
            notice: RwSignal::new(None),
        }
    }
}
