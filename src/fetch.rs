//! Loading the report: one fetch helper, every failure turned into a message for the page.

use gloo_net::http::Request;
use report_model::Report;

/// The report URL the deployer set in `<meta name="report-src">`, resolved against the page.
/// Only a same-origin URL is accepted, and no URL parameter can change it: the page must never
/// show another origin's content under the government's domain.
pub fn report_src() -> String {
    let from_meta = web_sys::window()
        .and_then(|w| w.document())
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
    let resp = Request::get(url)
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
    let text = resp
        .text()
        .await
        .map_err(|e| format!("报告数据读取中断（{url}）：{e}"))?;
    let report: Report =
        serde_json::from_str(&text).map_err(|e| format!("报告数据格式有误（{url}）：{e}"))?;
    if report.schema_version != report_model::SCHEMA_VERSION {
        return Err(format!(
            "报告数据版本 {} 与本页面（{}）不兼容",
            report.schema_version,
            report_model::SCHEMA_VERSION
        ));
    }
    Ok(report)
}
