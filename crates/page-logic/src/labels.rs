//! The page's Chinese UI text, in one place so that wording stays consistent and is tested.

use crate::sort::{SortDir, SortKey};

/// Option text for "no section filter".
pub const ALL_SECTIONS: &str = "全部章节";
/// Option text for "no status filter".
pub const ALL_STATUSES: &str = "全部状态";
/// Option text for "no kind filter".
pub const ALL_KINDS: &str = "全部类型";

/// A filter option's text with the number of rows it gives: "比率（12）".
pub fn with_count(label: &str, count: usize) -> String {
    format!("{label}（{count}）")
}

/// A sortable column's header text (the same words as the CSV header where they overlap).
pub fn sort_key_label(k: SortKey) -> &'static str {
    match k {
        SortKey::Published => "原文顺序",
        SortKey::Name => "指标",
        SortKey::Section => "章节",
        SortKey::Value => "数值",
        SortKey::Baseline => "基期",
        SortKey::Change => "变化",
        SortKey::Completion => "目标完成",
        SortKey::Status => "状态",
    }
}

/// 升序 / 降序.
pub(crate) fn dir_label(d: SortDir) -> &'static str {
    match d {
        SortDir::Asc => "升序",
        SortDir::Desc => "降序",
    }
}

/// What a screen reader hears after the sort changes (for an `aria-live` region):
/// "按目标完成降序排列", "按名称升序排列", "按原文顺序排列" (published order, ascending) or
/// "按原文倒序排列" (published order reversed).
pub fn sort_announcement(key: SortKey, dir: SortDir) -> String {
    match (key, dir) {
        (SortKey::Published, SortDir::Asc) => "按原文顺序排列".to_string(),
        (SortKey::Published, SortDir::Desc) => "按原文倒序排列".to_string(),
        // "指标" is the column header; "名称" is what one says when announcing the sort.
        (SortKey::Name, d) => format!("按名称{}排列", dir_label(d)),
        (k, d) => format!("按{}{}排列", sort_key_label(k), dir_label(d)),
    }
}

/// What a screen reader hears after the filter changes: "显示 12 / 58 项指标". One fixed
/// pattern for every count, so that the announcement is predictable.
pub fn result_count_announcement(shown: usize, total: usize) -> String {
    format!("显示 {shown} / {total} 项指标")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure_text::{kind_label, status_label};
    use report_model::{IndicatorKind, Status};

    #[test]
    fn announcements() {
        assert_eq!(
            sort_announcement(SortKey::Completion, SortDir::Desc),
            "按目标完成降序排列"
        );
        assert_eq!(
            sort_announcement(SortKey::Name, SortDir::Asc),
            "按名称升序排列"
        );
        assert_eq!(
            sort_announcement(SortKey::Published, SortDir::Asc),
            "按原文顺序排列"
        );
        assert_eq!(
            sort_announcement(SortKey::Published, SortDir::Desc),
            "按原文倒序排列"
        );
        assert_eq!(
            sort_announcement(SortKey::Value, SortDir::Asc),
            "按数值升序排列"
        );
        assert_eq!(result_count_announcement(12, 58), "显示 12 / 58 项指标");
    }

    #[test]
    fn labels_are_distinct() {
        let mut s: Vec<&str> = Status::ALL.into_iter().map(status_label).collect();
        s.dedup();
        assert_eq!(s.len(), 4);
        let mut k: Vec<&str> = SortKey::ALL.into_iter().map(sort_key_label).collect();
        k.sort_unstable();
        k.dedup();
        assert_eq!(k.len(), SortKey::ALL.len());
        assert_eq!(kind_label(IndicatorKind::Completion), "目标完成");
        assert_eq!(with_count("比率", 12), "比率（12）");
    }
}
