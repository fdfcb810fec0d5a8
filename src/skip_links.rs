//! "跳到正文" / "跳到指标一览": the first things a keyboard reader reaches, so that the tools
//! and the summary figures can be passed over in one key press.

use leptos::prelude::*;

use crate::browser;

/// The skip links' targets: the report text and the indicator table (each a `tabindex=-1`
/// landmark, so it can take focus).
pub const REPORT_TEXT_ID: &str = "report-text";
pub const INDICATORS_ID: &str = "indicators";

#[component]
pub fn SkipLinks() -> impl IntoView {
    // Handled here rather than by the browser: the page reads `#…` as a deep link to an
    // indicator or section, and a skip link is not one.
    let skip = |id: &'static str| {
        move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            browser::skip_to(id);
        }
    };
    view! {
        <nav class="skip-links" aria-label="跳转">
            <a href=format!("#{REPORT_TEXT_ID}") on:click=skip(REPORT_TEXT_ID)>"跳到正文"</a>
            <a href=format!("#{INDICATORS_ID}") on:click=skip(INDICATORS_ID)>"跳到指标一览"</a>
        </nav>
    }
}
