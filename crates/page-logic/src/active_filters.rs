//! The filters in force, in words: for the empty-result message, the phone's "筛选（2）"
//! control and the printout, so that a filtered list never looks like the whole report.

use crate::figure_text::{kind_label, status_label};
use crate::filter::Filter;
use crate::rows::SectionOption;

/// One phrase per active filter, in the order of the controls: "搜索“垃圾分类”",
/// "章节：（二）高效率落实", "状态：滞后", "类型：比率". Empty when nothing is filtered.
pub fn active_filters(filter: &Filter, sections: &[SectionOption]) -> Vec<String> {
    let mut out = Vec::new();
    let query = filter.query.trim();
    if !query.is_empty() {
        out.push(format!("搜索“{query}”"));
    }
    if let Some(id) = &filter.section {
        let label = sections
            .iter()
            .find(|s| &s.id == id)
            .map_or(id.as_str(), |s| s.label.as_str());
        out.push(format!("章节：{label}"));
    }
    if let Some(s) = filter.status {
        out.push(format!("状态：{}", status_label(s)));
    }
    if let Some(k) = filter.kind {
        out.push(format!("类型：{}", kind_label(k)));
    }
    out
}

/// How many of the menus (section, status, kind) narrow the list: the count on the phone's
/// "筛选" control, which hides those menus (the search box stays visible).
pub fn menu_filter_count(filter: &Filter) -> usize {
    usize::from(filter.section.is_some())
        + usize::from(filter.status.is_some())
        + usize::from(filter.kind.is_some())
}

/// The printout's line about the list: "筛选：状态：滞后；类型：比率" or "全部指标".
pub fn filter_summary(filter: &Filter, sections: &[SectionOption]) -> String {
    let active = active_filters(filter, sections);
    if active.is_empty() {
        "全部指标".to_string()
    } else {
        format!("筛选：{}", active.join("；"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_model::{IndicatorKind, Status};

    fn sections() -> Vec<SectionOption> {
        vec![SectionOption {
            id: "s-2-2".into(),
            label: "（二）高效率落实".into(),
            depth: 1,
            indicator_count: 3,
        }]
    }

    #[test]
    fn each_active_filter_in_words() {
        let f = Filter {
            query: " 垃圾分类 ".into(),
            section: Some("s-2-2".into()),
            status: Some(Status::Lagging),
            kind: Some(IndicatorKind::Share),
        };
        assert_eq!(
            active_filters(&f, &sections()),
            vec![
                "搜索“垃圾分类”".to_string(),
                "章节：（二）高效率落实".into(),
                "状态：滞后".into(),
                "类型：比率".into(),
            ]
        );
        assert_eq!(menu_filter_count(&f), 3);
        assert!(filter_summary(&f, &sections()).starts_with("筛选：搜索“垃圾分类”；章节"));
    }

    #[test]
    fn nothing_filtered() {
        let f = Filter::default();
        assert!(active_filters(&f, &sections()).is_empty());
        assert_eq!(menu_filter_count(&f), 0);
        assert_eq!(filter_summary(&f, &sections()), "全部指标");
    }
}
