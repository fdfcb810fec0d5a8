//! The loaded report page: its shared state, the URL it keeps in sync, and deep links.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use page_logic::progressive::{fill_plan, CHUNK_CHARS, FIRST_CHUNK_CHARS};
use page_logic::{fragment_id, locate, IndicatorRow, Target, ViewState, FIGURE_PREFIX};
use report_model::Report;

use crate::app::Render;
use crate::browser;
use crate::sections::SectionTree;
use crate::skip_links::SkipLinks;
use crate::summary::SummaryFigures;
use crate::table::IndicatorTable;
use crate::toolbar::Toolbar;

/// How many table rows are rendered at first; "显示更多" adds as many again. Keeps the DOM small
/// for very large reports while the table stays a real, accessible `<table>`.
pub const PAGE_SIZE: usize = 200;

/// How many rows are rendered in the first frame and while the reader types (more than a
/// screenful); the rest of the page follows once it is painted / typing pauses.
const CAPPED_ROWS: usize = 20;

/// The pause in typing after which the whole page of rows is rendered.
const TYPING_PAUSE: Duration = Duration::from_millis(300);

/// State shared by the page's components (provided as context; all fields are `Copy` handles).
#[derive(Clone, Copy)]
pub struct PageState {
    pub report: StoredValue<Arc<Report>>,
    pub rows: StoredValue<Arc<Vec<IndicatorRow>>>,
    /// Filter and sort, mirrored in the URL query.
    pub view: RwSignal<ViewState>,
    /// Ids of the open sections.
    pub open: RwSignal<HashSet<String>>,
    /// The element a deep link points at (highlighted).
    pub target: RwSignal<Option<String>>,
    /// Text for the polite live region.
    pub announce: RwSignal<String>,
    /// A notice above the report (e.g. a deep link to nothing).
    pub notice: RwSignal<Option<String>>,
    /// How many of the matching rows are rendered.
    pub limit: RwSignal<usize>,
    /// Only the first [`CAPPED_ROWS`] matching rows are rendered: until the first frame is
    /// painted (the summary and text show sooner) and while the reader types (each keystroke
    /// repaints the visible rows at once rather than a whole page of them).
    pub rows_capped: RwSignal<bool>,
    /// The timer that lifts `rows_capped` when typing pauses.
    uncap_timer: StoredValue<Option<TimeoutHandle>>,
    /// The indicator whose figure tooltip is showing.
    pub tip: RwSignal<Option<String>>,
    /// Per-id views of `target` and `tip`, so that a change wakes the two elements it concerns
    /// rather than every paragraph, figure and row of the report.
    target_sel: StoredValue<Selector<String>>,
    target_figure_sel: StoredValue<Selector<String>>,
    tip_sel: StoredValue<Selector<String>>,
    /// Whether each section's body (paragraphs and sub-section headings) is built.
    built: StoredValue<HashMap<String, RwSignal<bool>>>,
    /// The bodies still to build, chunk by chunk (all but the smallest reports).
    pending: StoredValue<VecDeque<Vec<String>>>,
    /// The text is long: the open sections built after the first paint (off screen then)
    /// skip layout while off screen.
    pub large: bool,
    /// The current history entry was made by typing in the search box: further typing replaces
    /// it, so one "back" undoes a whole search rather than one character.
    typing_entry: RwSignal<bool>,
    /// What this render is for (the first paint, report.html, the take-over, a fresh render).
    pub render: Render,
    /// The browser's state is applied: at once in a fresh render, after the take-over when
    /// hydrating, never natively. What shows it (the large-font button's state) waits for it.
    pub live: RwSignal<bool>,
    /// The page's own address without query or fragment (the base of the links the page hands
    /// out); "" until the browser's state is applied, so that links are `#id` in static HTML.
    pub page_url: RwSignal<String>,
}

impl PageState {
    fn new(report: Arc<Report>, render: Render) -> Self {
        let rows = Arc::new(page_logic::rows(&report));
        // The URL's filters only in a fresh render: the first paint (and so the take-over of
        // it) shows the report unfiltered, and the take-over applies them afterwards.
        let client = render == Render::Client;
        let view = if client {
            Self::view_from_url(&report)
        } else {
            ViewState::default()
        };
        let open: HashSet<String> = report.sections.iter().map(|s| s.id.clone()).collect();
        let target = RwSignal::new(None::<String>);
        let tip = RwSignal::new(None::<String>);
        let target_id = move || target.get().unwrap_or_default();
        let target_figure = move || {
            target.with(|t| {
                t.as_deref()
                    .and_then(|t| t.strip_prefix(FIGURE_PREFIX))
                    .unwrap_or_default()
                    .to_string()
            })
        };
        // Bodies in the plan's first chunk (or all, for a small report) are built with the
        // first render; the rest by `build_pending`.
        let plan = fill_plan(&report, &open, FIRST_CHUNK_CHARS, CHUNK_CHARS);
        let mut pending: VecDeque<Vec<String>> = if render == Render::Full {
            VecDeque::new()
        } else {
            plan.chunks.into()
        };
        let first: HashSet<String> = pending
            .pop_front()
            .unwrap_or_default()
            .into_iter()
            .collect();
        let built = report
            .sections_flat()
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    RwSignal::new(render == Render::Full || plan.eager || first.contains(&s.id)),
                )
            })
            .collect();
        PageState {
            report: StoredValue::new(report),
            rows: StoredValue::new(rows),
            view: RwSignal::new(view),
            open: RwSignal::new(open),
            target,
            announce: RwSignal::new(String::new()),
            notice: RwSignal::new(None),
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
            tip,
            target_sel: StoredValue::new(Selector::new(target_id)),
            target_figure_sel: StoredValue::new(Selector::new(target_figure)),
            tip_sel: StoredValue::new(Selector::new(move || tip.get().unwrap_or_default())),
            built: StoredValue::new(built),
            pending: StoredValue::new(pending),
            large: plan.large,
            typing_entry: RwSignal::new(false),
            render,
            live: RwSignal::new(client),
            page_url: RwSignal::new(if client {
                browser::page_url()
            } else {
                String::new()
            }),
        }
    }

    /// The filter and sort the URL's query records, for this report.
    fn view_from_url(report: &Report) -> ViewState {
        let mut view = ViewState::from_query(&browser::query());
        view.forget_unknown_section(report);
        view
    }

    /// After the take-over of the first paint: the browser's state, which the first paint
    /// could not know (the page's address, the URL's filter and sort; the fragment follows).
    fn apply_browser_state(&self) {
        self.page_url.set(browser::page_url());
        let view = self.report.with_value(|r| Self::view_from_url(r));
        if view != self.view.get_untracked() {
            self.view.set(view);
        }
        self.live.set(true);
    }

    /// Changes the filter or sort and records it in the URL. Typing replaces the history entry
    /// made by the previous keystroke; every other change adds an entry.
    pub fn update_view(&self, typing: bool, change: impl FnOnce(&mut ViewState)) {
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

    /// Whether `id` is the deep link's target (tracked for this id only).
    pub fn is_target(&self, id: &String) -> bool {
        self.target_sel.with_value(|s| s.selected(id))
    }

    /// Whether the deep link names the figure of indicator `id` (tracked for this id only).
    pub fn is_target_figure(&self, id: &String) -> bool {
        self.target_figure_sel.with_value(|s| s.selected(id))
    }

    /// Whether the tooltip of indicator `id`'s figure is showing (tracked for this id only).
    pub fn is_tip_shown(&self, id: &String) -> bool {
        self.tip_sel.with_value(|s| s.selected(id))
    }

    /// The signal saying whether section `id`'s body is built.
    pub fn body_built(&self, id: &str) -> RwSignal<bool> {
        self.built
            .with_value(|b| b.get(id).copied())
            .unwrap_or_else(|| RwSignal::new(true))
    }

    /// Builds the bodies of `ids` now (e.g. the sections a deep link opens).
    pub fn build_bodies<'a>(&self, ids: impl IntoIterator<Item = &'a String>) {
        for id in ids {
            let built = self.body_built(id);
            if !built.get_untracked() {
                built.set(true);
            }
        }
    }

    /// Builds every body now (printing needs the whole text).
    pub fn build_all_bodies(&self) {
        let pending: Vec<Vec<String>> = self
            .pending
            .try_update_value(|p| p.drain(..).collect())
            .unwrap_or_default();
        self.build_bodies(pending.iter().flatten());
    }

    /// Builds the next chunk of bodies, then yields to the browser (input, painting) and goes
    /// on until none is left.
    pub fn build_pending(self) {
        let Some(chunk) = self.pending.try_update_value(VecDeque::pop_front).flatten() else {
            // After the effects that build the last chunk.
            browser::after_frame(|| browser::mark("report-complete"));
            return;
        };
        self.build_bodies(&chunk);
        set_timeout(move || self.build_pending(), Duration::ZERO);
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

    /// How many matching rows to render now.
    pub fn rows_limit(&self) -> usize {
        let limit = self.limit.get();
        if self.rows_capped.get() {
            limit.min(CAPPED_ROWS)
        } else {
            limit
        }
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.with(|o| o.contains(id))
    }

    pub fn set_open(&self, id: &str, open: bool) {
        self.open.update(|o| {
            if open {
                o.insert(id.to_string());
            } else {
                o.remove(id);
            }
        });
    }

    /// Shows the element named by `location.hash`: opens the sections holding it, makes its
    /// table row visible, highlights it, scrolls to it and moves focus there.
    pub fn follow_hash(&self) {
        let hash = browser::hash();
        if hash.is_empty() || hash == "#" {
            return;
        }
        let Some(id) = fragment_id(&hash) else {
            self.notice
                .set(Some("链接中的位置无效，已显示完整报告。".into()));
            return;
        };
        let found = self.report.with_value(|r| locate(r, &id));
        let Some(location) = found else {
            self.notice.set(Some(format!(
                "未找到链接指向的内容（#{id}），可能已更新或链接有误。已显示完整报告。"
            )));
            return;
        };
        self.notice.set(None);
        self.build_bodies(&location.open_sections);
        self.open
            .update(|o| o.extend(location.open_sections.iter().cloned()));
        if let Target::Indicator { id } = &location.target {
            self.reveal_row(id);
        }
        self.target.set(Some(id.clone()));
        let focus_id = match &location.target {
            Target::Section { id } => format!("btn-{id}"),
            _ => id,
        };
        // After the opened sections and rows are in the DOM.
        browser::after_frame(move || {
            browser::scroll_to_and_focus(&focus_id);
        });
    }

    /// Makes sure the row of indicator `id` is rendered: clears a filter that hides it and
    /// extends the rendered range to reach it.
    fn reveal_row(&self, id: &str) {
        let rows = self.rows.get_value();
        let Some(index) = rows.iter().position(|r| r.id == id) else {
            return;
        };
        self.rows_capped.set(false);
        let mut shown = self.view.with_untracked(|v| v.visible_rows(&rows));
        if !shown.contains(&index) {
            self.update_view(false, |v| v.filter = Default::default());
            self.announce
                .set("已清除筛选条件，以显示链接指向的指标".into());
            shown = self.view.with_untracked(|v| v.visible_rows(&rows));
        }
        if let Some(pos) = shown.iter().position(|&i| i == index) {
            if pos >= self.limit.get_untracked() {
                self.limit.set(pos + 1);
            }
        }
    }
}

/// The whole page for a loaded report.
#[component]
pub fn ReportPage(report: Arc<Report>, render: Render) -> impl IntoView {
    browser::set_title(&report.meta.title);
    let state = PageState::new(report.clone(), render);
    provide_context(state);

    // Back/forward: restore the filter and sort the URL records, and follow its fragment.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        let mut view = ViewState::from_query(&browser::query());
        state.report.with_value(|r| view.forget_unknown_section(r));
        state.view.set(view);
        state.follow_hash();
    });
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| state.follow_hash());
    on_cleanup(move || {
        popstate.remove();
        hashchange.remove();
    });
    // After the first render (or the take-over) is in the DOM.
    browser::after_frame(move || {
        if state.render == Render::Hydrate {
            state.apply_browser_state();
        }
        browser::mark("report-ready");
        state.follow_hash();
        // After this frame is painted: the rest of the table, and of the text.
        set_timeout(
            move || {
                state.rows_capped.set(false);
                state.build_pending();
            },
            Duration::ZERO,
        );
    });

    let meta = report.meta.clone();
    view! {
        <SkipLinks/>
        <header class="report-header">
            <h1>{meta.title}</h1>
            <p class="report-meta">
                {meta.published.map(|d| view! {
                    <span>"发布日期：" <time datetime=d.clone()>{d.clone()}</time></span>
                })}
                {meta.source.map(|s| view! { <span class="report-source">"来源：" {s}</span> })}
            </p>
        </header>
        <Toolbar/>
        <PageNotice/>
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || state.announce.get()}
        </p>
        <main class="report-body">
            <SummaryFigures/>
            <SectionTree/>
            <IndicatorTable/>
        </main>
    }
}

/// A dismissable notice, e.g. for a deep link to an id the report does not have.
#[component]
fn PageNotice() -> impl IntoView {
    let state = expect_context::<PageState>();
    move || {
        state.notice.get().map(|text| {
            view! {
                <div class="notice page-notice" role="status">
                    <p>{text}</p>
                    <button type="button" class="secondary" on:click=move |_| state.notice.set(None)>
                        "知道了"
                    </button>
                </div>
            }
        })
    }
}
