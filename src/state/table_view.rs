//! The indicator table's view: filter and sort (mirrored in the URL query), and how many of
//! the matching rows are rendered.

use std::time::Duration;

use leptos::prelude::*;
use page_logic::{IndicatorRow, ViewState};
use report_model::Report;

use crate::browser;
use crate::render_mode::Render;

/// How many table rows are rendered at first; "显示更多" adds as many again. Keeps the DOM small
/// for very large reports while the table stays a real, accessible `<table>`.
const PAGE_SIZE: usize = TableView::PAGE_SIZE;

/// How many rows are rendered in the first frame and while the reader types (more than a
/// screenful); the rest of the page follows once it is painted / typing pauses.
const CAPPED_ROWS: usize = 20;

/// The pause in typing after which the whole page of rows is rendered.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// What a view change did to the browser's history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// The view was already this one.
    Nothing,
    /// A new history entry ("back" returns to the view before).
    NewEntry,
    /// The current entry, replaced (typing on).
    SameEntry,
}

/// Filter and sort, and the rendered range of the matching rows.
#[derive(Clone, Copy)]
pub struct TableView {
    /// Filter and sort, mirrored in the URL query.
    pub view: RwSignal<ViewState>,
    /// How many of the matching rows are rendered.
    limit: RwSignal<usize>,
    /// Only the first [`CAPPED_ROWS`] matching rows are rendered: until the first frame is
    /// painted (the summary and text show sooner) and while the reader types (each keystroke
    /// repaints the visible rows at once rather than a whole page of them).
    rows_capped: RwSignal<bool>,
    /// The timer that lifts `rows_capped` when typing pauses.
    uncap_timer: StoredValue<Option<TimeoutHandle>>,
    /// The current history entry was made by typing in the search box: further typing replaces
    /// it, so one "back" undoes a whole search rather than one character.
    typing_entry: RwSignal<bool>,
}

/// The filter and sort the URL's query records, for this report.
pub fn url_view(report: &Report) -> ViewState {
    let mut view = ViewState::from_query(&browser::query());
    view.forget_unknown_section(report);
    view
}

impl TableView {
    /// How many matching rows a page of the table has.
    pub const PAGE_SIZE: usize = 200;

    pub fn new(report: &Report, render: Render) -> Self {
        // The URL's filters only in a fresh render: the first paint (and so the take-over of
        // it) shows the report unfiltered, and the take-over applies them afterwards.
        let client = render == Render::Client;
        let view = if client {
            url_view(report)
        } else {
            ViewState::default()
        };
        TableView {
            view: RwSignal::new(view),
            // report.html has no "显示更多": every row. The first paint (and its take-over) has
            // a whole page of rows, painted before the app starts; only a fresh render caps
            // them for its first frame.
            limit: RwSignal::new(if render == Render::Full {
                usize::MAX
            } else {
                PAGE_SIZE
            }),
            rows_capped: RwSignal::new(client),
            uncap_timer: StoredValue::new(None),
            typing_entry: RwSignal::new(false),
        }
    }

    /// Shows `view`, which the URL already records (back/forward, the take-over): nothing is
    /// recorded, and the next keystroke starts a history entry of its own.
    pub fn restore(&self, view: ViewState) {
        self.typing_entry.set(false);
        if view != self.view.get_untracked() {
            self.view.set(view);
        }
    }

    /// Changes the filter or sort and records it in the URL. Typing replaces the history entry
    /// made by the previous keystroke; every other change adds an entry.
    pub fn update(&self, typing: bool, change: impl FnOnce(&mut ViewState)) -> Recorded {
        let mut next = self.view.get_untracked();
        change(&mut next);
        if next == self.view.get_untracked() {
            return Recorded::Nothing;
        }
        let push = !(typing && self.typing_entry.get_untracked());
        self.typing_entry.set(typing);
        self.limit.set(PAGE_SIZE);
        if typing {
            self.cap_rows_while_typing();
        }
        browser::set_query(&next.to_query(), push);
        self.view.set(next);
        if push {
            Recorded::NewEntry
        } else {
            Recorded::SameEntry
        }
    }

    /// "显示更多": another page of rows.
    pub fn show_more(&self) {
        self.limit.update(|l| *l += PAGE_SIZE);
    }

    /// Caps the rendered rows until typing pauses for [`TYPING_PAUSE`].
    fn cap_rows_while_typing(&self) {
        if let Some(timer) = self.uncap_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.rows_capped.set(true);
        let capped = self.rows_capped;
        let timer = browser::after_delay(TYPING_PAUSE, move || capped.set(false));
        self.uncap_timer.set_value(timer);
    }

    /// Renders the whole page of matching rows (after the first frame, or for a deep link).
    pub fn uncap(&self) {
        self.rows_capped.set(false);
    }

    /// Renders every matching row (printing).
    pub fn render_all(&self) {
        self.uncap();
        self.limit.set(usize::MAX);
    }

    /// Whether only a first few rows are rendered for now.
    pub fn is_capped(&self) -> bool {
        self.rows_capped.get()
    }

    /// How many matching rows to render now.
    pub fn rows_limit(&self) -> usize {
        let limit = self.limit.get();
        if self.rows_capped.get() {
            limit.min(CAPPED_ROWS)
        } else {
            limit
        }
    }

    /// Makes sure the row at `index` of `rows` is rendered: clears a filter that hides it and
    /// extends the rendered range to reach it. True when a filter was cleared.
    pub fn reveal(&self, rows: &[IndicatorRow], index: usize) -> bool {
        self.uncap();
        let mut shown = self.view.with_untracked(|v| v.visible_rows(rows));
        let cleared = !shown.contains(&index);
        if cleared {
            self.update(false, |v| v.filter = Default::default());
            shown = self.view.with_untracked(|v| v.visible_rows(rows));
        }
        if let Some(pos) = shown.iter().position(|&i| i == index) {
            if pos >= self.limit.get_untracked() {
                self.limit.set(pos + 1);
            }
        }
        cleared
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table() -> TableView {
        let report = page_logic_fixture();
        TableView::new(&report, Render::FirstPaint)
    }

    fn page_logic_fixture() -> Report {
        serde_json::from_str(
            r#"{"schema_version": "2.0", "meta": {"title": "报告", "lang": "zh-CN"}, "sections": []}"#,
        )
        .expect("a report")
    }

    #[test]
    fn typing_makes_one_history_entry_and_other_changes_one_each() {
        let t = table();
        assert_eq!(
            t.update(true, |v| v.filter.query = "a".into()),
            Recorded::NewEntry
        );
        assert_eq!(
            t.update(true, |v| v.filter.query = "ab".into()),
            Recorded::SameEntry
        );
        assert_eq!(
            t.update(true, |v| v.filter.query = "ab".into()),
            Recorded::Nothing
        );
        assert_eq!(
            t.update(false, |v| v.filter.query.clear()),
            Recorded::NewEntry
        );
        assert_eq!(
            t.update(true, |v| v.filter.query = "c".into()),
            Recorded::NewEntry
        );
    }

    #[test]
    fn typing_after_back_starts_its_own_entry() {
        // Type "ab", go back (the URL restores the unfiltered view), type "c": the entry gone
        // back to must stay in the history, so "c" is a new entry.
        let t = table();
        t.update(true, |v| v.filter.query = "ab".into());
        t.restore(ViewState::default());
        assert_eq!(
            t.update(true, |v| v.filter.query = "c".into()),
            Recorded::NewEntry
        );
    }

    #[test]
    fn a_view_change_shows_the_first_page_of_rows_again() {
        let t = table();
        t.show_more();
        assert_eq!(t.rows_limit(), 2 * PAGE_SIZE);
        t.update(false, |v| v.filter.query = "x".into());
        t.uncap();
        assert_eq!(t.rows_limit(), PAGE_SIZE);
    }
}
