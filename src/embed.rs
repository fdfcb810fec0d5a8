//! Embed mode (`?embed=1`): the page inside a portal's iframe, without its own chrome, telling
//! the host page its height so the iframe can be sized to fit (see README, "Embedding").

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `type` of the message posted to the host page.
pub const HEIGHT_MESSAGE: &str = "gov-report:height";

/// Whether the page was opened with `embed=1` in its query.
pub fn is_embed() -> bool {
    let query = crate::browser::query();
    query
        .trim_start_matches('?')
        .split('&')
        .any(|p| p == "embed=1")
}

/// Turns embed mode on when asked for: marks `<html>` and reports the height on every resize.
pub fn start() {
    if !is_embed() {
        return;
    }
    crate::browser::set_root_class("embed", true);
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    post_height();
    let callback = Closure::<dyn FnMut()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
    }
    // The observer lives as long as the page.
    callback.forget();
}

/// Posts `{type: "gov-report:height", height}` to the parent window.
fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    let height = root.get_bounding_client_rect().height().ceil();
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    if let Ok(Some(parent)) = window.parent() {
        if parent != window {
            let _ = parent.post_message(&message, "*");
        }
    }
}
