//! What a render is for: the first paint, report.html, the take-over, or a fresh render.

/// What a render is for. The first paint and the browser's take-over of it render the same
/// state, node for node; what depends on the browser (the URL's filters and fragment, the
/// page's address, the stored large-font choice) is applied after the take-over.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Render {
    /// Natively, the first paint inlined in index.html: the state the browser takes over.
    FirstPaint,
    /// Natively, report.html: every body and every row, for a page that has no script.
    Full,
    /// In the browser, taking over the first paint (Leptos hydration).
    Hydrate,
    /// In the browser, from nothing (no first paint, or one made from another report).
    Client,
}

impl Render {
    /// A render in the browser.
    pub fn in_browser(self) -> bool {
        matches!(self, Render::Hydrate | Render::Client)
    }
}
