//! The indicator table's view: filter and sort (mirrored in the URL query), and how many of
//! the matching rows are rendered.

use std::time::Duration;

use leptos::prelude::*;
use page_logic::ViewState;
use report_model::Report;

use crate::browser;
use crate::render_mode::Render;

/// How many table rows are rendered at first; "显示更多" adds as many again. Keeps the DOM small
/// for very large reports while the table stays a real, accessible `<table>`.
pub const PAGE_SIZE: usize = 200;

/// How many rows are rendered in the first frame and while the reader types (more than a
/// screenful); the rest of the page follows once it is painted / typing pauses.
const CAPPED_ROWS: usize = 20;

/// The pause in typing after which the whole page of rows is rendered.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// Filter and sort, and the rendered range of the matching rows.
#[derive(Clone, Copy)]
pub struct TableView {
    /// Filter and sort, mirrored in the URL query.
    pub view: RwSignal<ViewState>,
    /// How many of the matching rows are rendered.
    pub limit: RwSignal<usize>,
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

    /// Shows `view` without recording it (the URL already does: back/forward, the take-over).
    pub fn show(&self, view: ViewState) {
        if view != self.view.get_untracked() {
            self.view.set(view);
        }
    }

    /// Changes the filter or sort and records it in the URL. Typing replaces the history entry
    /// made by the previous keystroke; every other change adds an entry.
    pub fn update(&self, typing: bool, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.view.get_untracked();
        change(&mut next);
        if next == self.view.get_untracked() {
            return;
        }
        let push = !(typing && self.typing_entry.get_untracked());
        self.typing_entry.set(typing);
        self.limit.set(PAGE_SIZE);
        if typing {
            self.cap_rows_while_typing();
        }
        browser::set_query(&next.to_query(), push);
        self.view.set(next);
    }

    /// Caps the rendered rows until typing pauses for [`TYPING_PAUSE`].
    fn cap_rows_while_typing(&self) {
        if let Some(timer) = self.uncap_timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        self.rows_capped.set(true);
        let capped = self.rows_capped;
        let timer = set_timeout_with_handle(move || capped.set(false), TYPING_PAUSE).ok();
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

    /// Makes sure the row at `index` of `rows` is rendered: clears a filter that hides it (and
    /// says so in `announce`) and extends the rendered range to reach it.
    pub fn reveal(
        &self,
        rows: &[page_logic::IndicatorRow],
        index: usize,
        announce: impl FnOnce(String),
    ) {
        self.uncap();
        let mut shown = self.view.with_untracked(|v| v.visible_rows(rows));
        if !shown.contains(&index) {
            self.update(false, |v| v.filter = Default::default());
            announce("已清除筛选条件，以显示链接指向的指标".into());
            shown = self.view.with_untracked(|v| v.visible_rows(rows));
        }
        if let Some(pos) = shown.iter().position(|&i| i == index) {
            if pos >= self.limit.get_untracked() {
                self.limit.set(pos + 1);
            }
        }
    }
}
