//! The few browser facilities the page needs, wrapped so that components never unwrap a
//! JavaScript result: each failure is ignored or returned as a message.
//!
//! Natively (the build step renders the components to HTML, `ssr`) there is no browser: every
//! helper then does nothing and answers as a page with no query, fragment or storage would.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Whether this is the browser (not the native render).
pub const fn in_browser() -> bool {
    cfg!(target_arch = "wasm32")
}

fn window() -> Option<web_sys::Window> {
    if in_browser() {
        web_sys::window()
    } else {
        None
    }
}

/// Runs `f` before the next repaint (nothing natively).
pub fn after_frame(f: impl FnOnce() + 'static) {
    if in_browser() {
        leptos::prelude::request_animation_frame(f);
    }
}

/// Runs `f` once `delay` has passed, with a handle to cancel it (nothing natively).
pub fn after_delay(
    delay: std::time::Duration,
    f: impl FnOnce() + 'static,
) -> Option<leptos::prelude::TimeoutHandle> {
    if in_browser() {
        leptos::prelude::set_timeout_with_handle(f, delay).ok()
    } else {
        None
    }
}

/// Sets the document's title (the tab, bookmarks).
pub fn set_title(title: &str) {
    if let Some(doc) = document() {
        doc.set_title(title);
    }
}

pub fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// `location.search` ("?q=…"), or "".
pub fn query() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// `location.hash` ("#i-…"), or "".
pub fn hash() -> String {
    window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default()
}

/// The page's own address without query or fragment: the base for copied deep links.
pub fn page_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// Puts the view's `view_query` ("" or "?…") in the address bar, with embed mode's `embed=1`,
/// keeping the fragment. `push` adds a history entry (the back button returns to the previous
/// view); otherwise the current one is replaced.
pub fn set_query(view_query: &str, push: bool) {
    let Some(w) = window() else { return };
    let Ok(history) = w.history() else { return };
    let path = w.location().pathname().unwrap_or_default();
    // Embed mode is not part of the view state but must survive every change of it.
    let query = page_logic::with_embed(view_query, page_logic::is_embed_query(&query()));
    let url = format!("{path}{query}{}", hash());
    let state = wasm_bindgen::JsValue::NULL;
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

/// Scrolls the element with `id` to the middle of the view and moves keyboard focus to it.
/// Returns false when there is no such element.
pub fn scroll_to_and_focus(id: &str) -> bool {
    scroll_and_focus(id, web_sys::ScrollLogicalPosition::Center)
}

/// Moves keyboard focus to the landmark with `id` and scrolls its start into view (a skip
/// link's jump). The landmark carries `tabindex="-1"` so that it can take focus.
pub fn skip_to(id: &str) {
    scroll_and_focus(id, web_sys::ScrollLogicalPosition::Start);
}

/// Scrolls the element with `id` to `block` of the view, then focuses it without scrolling
/// again; false when there is no such element.
fn scroll_and_focus(id: &str, block: web_sys::ScrollLogicalPosition) -> bool {
    let Some(el) = element_by_id(id) else {
        return false;
    };
    scroll(&el, block);
    if let Ok(html) = el.dyn_into::<web_sys::HtmlElement>() {
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = html.focus_with_options(&focus);
    }
    true
}

fn scroll(el: &web_sys::Element, block: web_sys::ScrollLogicalPosition) {
    let opts = web_sys::ScrollIntoViewOptions::new();
    opts.set_block(block);
    el.scroll_into_view_with_scroll_into_view_options(&opts);
}

fn element_by_id(id: &str) -> Option<web_sys::Element> {
    window()?.document()?.get_element_by_id(id)
}

/// Copies `text` to the clipboard. Fails where the browser refuses (insecure context, some
/// in-app browsers): the caller then shows the text to copy by hand.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let w = window().ok_or("页面不可用")?;
    // `navigator.clipboard` is undefined outside secure contexts (plain HTTP on any host but
    // localhost) and in some in-app browsers: calling it would throw, so look first.
    let navigator = w.navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null())
        .ok_or("此浏览器不提供剪贴板")?;
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .filter(|f| f.is_function());
    if write.is_none() {
        return Err("此浏览器不提供剪贴板".to_string());
    }
    JsFuture::from(clipboard.write_text(text))
        .await
        .map(|_| ())
        .map_err(|_| "浏览器拒绝写入剪贴板".to_string())
}

/// Records a performance mark (for the benchmark's page-ready time).
pub fn mark(name: &str) {
    if let Some(p) = window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |_| "浏览器不允许下载文件".to_string();
    let document = window().and_then(|w| w.document()).ok_or("页面不可用")?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "浏览器不允许下载文件".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// A value from localStorage; `None` where storage is blocked.
pub fn stored(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Saves a value in localStorage; silently does nothing where storage is blocked.
pub fn store(key: &str, value: &str) {
    if let Some(s) = window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(key, value);
    }
}

/// Adds or removes a class on `<html>` (page-wide modes such as large font or embed).
pub fn set_root_class(class: &str, on: bool) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    let list = root.class_list();
    let _ = if on {
        list.add_1(class)
    } else {
        list.remove_1(class)
    };
}

/// Scrolls the element with `id` to the middle of the view (the host page's view too, when the
/// page is embedded), without moving focus. Returns false when there is no such element.
pub fn scroll_into_view(id: &str) -> bool {
    let Some(el) = element_by_id(id) else {
        return false;
    };
    scroll(&el, web_sys::ScrollLogicalPosition::Center);
    true
}

/// Moves keyboard focus to the element with `id`, if there is one.
pub fn focus_by_id(id: &str) {
    if let Some(html) = element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = html.focus();
    }
}

/// Moves focus to the text field with `id` and selects all its text (for copying by hand).
pub fn focus_and_select(id: &str) {
    let Some(field) = element_by_id(id) else {
        return;
    };
    if let Ok(html) = field.clone().dyn_into::<web_sys::HtmlElement>() {
        let _ = html.focus();
    }
    // `select()` exists on <textarea> and <input>; called through JS to need no extra bindings.
    if let Ok(select) = js_sys::Reflect::get(&field, &"select".into()) {
        if let Ok(select) = select.dyn_into::<js_sys::Function>() {
            let _ = select.call0(&field);
        }
    }
}
