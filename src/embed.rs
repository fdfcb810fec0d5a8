//! Embed mode (`?embed=1`): the page inside a portal's iframe, without its own chrome, telling
//! the host page its height so the iframe can be sized to fit (see README, "Embedding").
//!
//! The only message sent is `{type: "gov-report:height", height}` (CSS pixels, a whole number),
//! posted to the parent window whenever the page's height changes. It carries nothing but the
//! height, so it goes to any parent (`"*"`); the host checks the message's origin.

use std::cell::Cell;

use leptos::prelude::window_event_listener_untyped;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The `type` of the message posted to the host page.
const HEIGHT_MESSAGE: &str = "gov-report:height";

thread_local! {
    /// The height last posted, so that an unchanged height is not posted again.
    static LAST_HEIGHT: Cell<f64> = const { Cell::new(-1.0) };
    /// The reader has used the page (pointer, key, wheel): stop re-aligning a deep link's target.
    static INTERACTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the page was opened with `embed=1` in its query.
fn is_embed() -> bool {
    page_logic::is_embed_query(&crate::browser::query())
}

/// Turns embed mode on when asked for: marks `<html>` and reports the height on every resize.
pub fn start() {
    if !is_embed() {
        return;
    }
    crate::browser::set_root_class("embed", true);
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    post_height();
    // The content grows or shrinks (sections opened, filter applied, fonts loaded, width changed).
    let callback = Closure::<dyn FnMut()>::new(post_height);
    if let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) {
        observer.observe(&root);
        // The observer and its callback live as long as the page.
        std::mem::forget(observer);
    }
    callback.forget();
    // The host resized the frame (usually in answer to our message): a deep link's target was
    // scrolled into view while the frame was still small, so bring it into view again, now in
    // the host page's viewport. Only until the reader does something.
    let _ = window_event_listener_untyped("resize", |_| {
        post_height();
        keep_target_in_view();
    });
    for name in ["pointerdown", "keydown", "wheel", "touchstart"] {
        let _ = window_event_listener_untyped(name, |_| INTERACTED.with(|i| i.set(true)));
    }
}

/// Posts `{type: "gov-report:height", height}` to the parent window, if the height changed.
fn post_height() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Some(root) = window.document().and_then(|d| d.document_element()) else {
        return;
    };
    // The root box is as tall as the content (not the frame), so the frame can shrink too.
    let height = root.get_bounding_client_rect().height().ceil();
    if !height.is_finite() || LAST_HEIGHT.with(|h| h.get() == height) {
        return;
    }
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
    if parent.post_message(&message, "*").is_ok() {
        LAST_HEIGHT.with(|h| h.set(height));
    }
}

/// Scrolls the element the URL's fragment names back into view, unless the reader has taken over.
fn keep_target_in_view() {
    if INTERACTED.with(Cell::get) {
        return;
    }
    if let Some(id) = page_logic::fragment_id(&crate::browser::hash()) {
        crate::browser::scroll_into_view(&id);
    }
}
