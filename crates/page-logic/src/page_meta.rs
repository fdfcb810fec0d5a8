//! What the page says about itself in its `<head>`: the description search engines and link
//! previews show (the same words in the app's page and the page without JavaScript).

use report_model::Report;

/// "通州区2019年度绩效管理工作报告（2020-01-10，区信息中心）全文，附 92 项指标的一览：数值、变化与
/// 目标完成情况。"
pub fn page_description(report: &Report) -> String {
    let m = &report.meta;
    let about: Vec<&str> = [m.published.as_deref(), m.source.as_deref()]
        .into_iter()
        .flatten()
        .collect();
    let about = if about.is_empty() {
        String::new()
    } else {
        format!("（{}）", about.join("，"))
    };
    let count: usize = report.sections.iter().map(|s| s.indicator_count()).sum();
    format!(
        "{}{about}全文，附 {count} 项指标的一览：数值、变化与目标完成情况。",
        m.title
    )
}

#[cfg(test)]
mod tests {
    use super::page_description;

    #[test]
    fn names_the_report_its_date_source_and_indicator_count() {
        let mut r = crate::fixture::report();
        let text = page_description(&r);
        assert!(text.starts_with(&r.meta.title), "{text}");
        assert!(text.contains("项指标的一览"), "{text}");
        r.meta.published = None;
        r.meta.source = None;
        assert!(!page_description(&r).contains('（'));
    }
}
