//! Loading the report: one fetch helper, every failure turned into a message for the page.
//!
//! The browser parses the JSON (`JSON.parse`), and [`crate::js_deserializer`] reads the resulting JavaScript value
//! into the typed [`Report`] with the model's own serde rules: the page ships no JSON parser.

use report_model::{check_schema_version, Report};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse(text)`, on a string that stays in JavaScript.
    #[wasm_bindgen(catch, js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// The report URL the deployer set in `<meta name="report-src">`, resolved against the page.
/// Only a same-origin URL is accepted, and no URL parameter can change it: the page must never
/// show another origin's content under the government's domain.
pub fn report_src() -> String {
    let from_meta = crate::browser::document()
        .and_then(|d| d.query_selector("meta[name=report-src]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .and_then(|s| same_origin_url(&s));
    from_meta.unwrap_or_else(|| "report.json".to_string())
}

/// `src` resolved against the page's address, if it stays on the page's origin. Resolving
/// (rather than inspecting the string) catches `//host`, `/\host`, `http:host` and the like.
fn same_origin_url(src: &str) -> Option<String> {
    let location = web_sys::window()?.location();
    let page = location.href().ok()?;
    let url = web_sys::Url::new_with_base(src, &page).ok()?;
    (url.origin() == location.origin().ok()?).then(|| url.href())
}

/// Fetches and parses the report; the error is a sentence for a person.
pub async fn load_report(url: &str) -> Result<Report, String> {
    load_report_with(url, false).await.map(|(report, _)| report)
}

/// Fetches and parses the report and, when asked, fingerprints its text
/// ([`page_logic::report_fingerprint`], as the build does) to compare it with the rendering
/// the page came with. Only then is the text copied into the wasm.
pub async fn load_report_with(
    url: &str,
    fingerprint: bool,
) -> Result<(Report, Option<String>), String> {
    let resp = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("无法获取报告数据（{url}）：{e}"))?;
    if !resp.ok() {
        return Err(format!(
            "无法获取报告数据（{url}）：服务器返回 {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    // The body stays a JavaScript string: JSON.parse reads it where it is, no copy into wasm.
    let text = match web_sys::Response::from(resp).text() {
        Ok(p) => JsFuture::from(p).await,
        Err(e) => Err(e),
    }
    .map_err(|e| format!("报告数据读取中断（{url}）：{}", js_text(&e)))?;
    let print = fingerprint
        .then(|| text.as_string())
        .flatten()
        .map(|t| page_logic::report_fingerprint(&t));
    let value =
        json_parse(&text).map_err(|e| format!("报告数据格式有误（{url}）：{}", js_message(&e)))?;
    // The version first: an older (or newer) file gets the publisher's message, not a complaint
    // about a field this version does not know.
    let version = schema_version(&value)
        .ok_or_else(|| format!("报告数据格式有误（{url}）：不是带 schema_version 的报告对象"))?;
    check_schema_version(&version).map_err(|e| format!("{e}（{url}）"))?;
    let report: Report = crate::js_deserializer::from_value(value)
        .map_err(|e| format!("报告数据格式有误（{url}）：{}", e.0))?;
    Ok((report, print))
}

/// The `schema_version` of a parsed report, as text; `None` when the value is not an object
/// or has no such string (then it is no report at all, old or new).
fn schema_version(value: &JsValue) -> Option<String> {
    if !value.is_object() || js_sys::Array::is_array(value) {
        return None;
    }
    js_sys::Reflect::get(value, &JsValue::from_str("schema_version"))
        .ok()
        .and_then(|v| v.as_string())
}

/// `value.toString()`: "TypeError: Failed to fetch" for an error.
fn js_text(value: &JsValue) -> String {
    if let Some(s) = value.as_string() {
        return s;
    }
    value.unchecked_ref::<js_sys::Object>().to_string().into()
}

/// An exception's message ("Unexpected token '<', "<html>port"... is not valid JSON").
fn js_message(value: &JsValue) -> String {
    match value.dyn_ref::<js_sys::Error>() {
        Some(e) => e.message().into(),
        None => js_text(value),
    }
}
