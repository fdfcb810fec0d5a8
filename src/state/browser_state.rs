//! What only the browser knows: the page's address, and whether its state is applied.

use leptos::prelude::*;

use crate::browser;
use crate::render_mode::Render;

/// The browser's state, which the first paint could not know.
#[derive(Clone, Copy)]
pub struct BrowserState {
    /// The browser's state is applied: at once in a fresh render, after the take-over when
    /// hydrating, never natively. What shows it (the large-font button's state) waits for it.
    pub live: RwSignal<bool>,
    /// The page's own address without query or fragment (the base of the links the page hands
    /// out); "" until the browser's state is applied, so that links are `#id` in static HTML.
    pub page_url: RwSignal<String>,
}

impl BrowserState {
    pub fn new(render: Render) -> Self {
        let client = render == Render::Client;
        BrowserState {
            live: RwSignal::new(client),
            page_url: RwSignal::new(if client {
                browser::page_url()
            } else {
                String::new()
            }),
        }
    }
}
