//! Following a deep link (`#id` in the page's address) to the element it names.

use leptos::prelude::*;
use page_logic::{fragment_id, locate, Target};

use crate::browser;
use crate::state::{Announcements, LinkTarget, Outline, ReportData, TableView};

/// What following a link changes: the outline opens, the table shows the row, the target is
/// highlighted, and a link to nothing gets a notice.
#[derive(Clone, Copy)]
pub struct DeepLink {
    data: ReportData,
    outline: Outline,
    table: TableView,
    target: LinkTarget,
    announcements: Announcements,
}

impl DeepLink {
    pub fn new(
        data: ReportData,
        outline: Outline,
        table: TableView,
        target: LinkTarget,
        announcements: Announcements,
    ) -> Self {
        DeepLink {
            data,
            outline,
            table,
            target,
            announcements,
        }
    }

    /// Shows the element named by `location.hash`: opens the sections holding it, makes its
    /// table row visible, highlights it, scrolls to it and moves focus there.
    pub fn follow(&self) {
        let hash = browser::hash();
        if hash.is_empty() || hash == "#" {
            return;
        }
        let notice = self.announcements.notice;
        let Some(id) = fragment_id(&hash) else {
            notice.set(Some("链接中的位置无效，已显示完整报告。".into()));
            return;
        };
        let Some(location) = self.data.report.with_value(|r| locate(r, &id)) else {
            notice.set(Some(format!(
                "未找到链接指向的内容（#{id}），可能已更新或链接有误。已显示完整报告。"
            )));
            return;
        };
        notice.set(None);
        self.outline.open_sections(&location.open_sections);
        if let Target::Indicator { id } = &location.target {
            self.reveal_row(id);
        }
        self.target.set(id.clone());
        let focus_id = match &location.target {
            Target::Section { id } => format!("btn-{id}"),
            _ => id,
        };
        // After the opened sections and rows are in the DOM.
        browser::after_frame(move || {
            browser::scroll_to_and_focus(&focus_id);
        });
    }

    /// Makes sure the row of indicator `id` is rendered, clearing a filter that hides it.
    fn reveal_row(&self, id: &str) {
        let rows = self.data.rows.get_value();
        let Some(index) = rows.iter().position(|r| r.id == id) else {
            return;
        };
        if self.table.reveal(&rows, index) {
            self.announcements
                .announce
                .set("已清除筛选条件，以显示链接指向的指标".into());
        }
    }
}
