//! All of the report page's logic that does not touch the DOM.
//!
//! The Leptos components stay thin: they call into this crate for the indicator table's rows,
//! search, filtering and sorting, the URL state, the Chinese UI text, progress-bar maths, the
//! summary figures and the CSV / text export. Keeping it here means it is unit-tested natively
//! with `cargo test -p page-logic`, without a browser. Everything public is at the crate root.
//!
//! Two rules hold throughout:
//!
//! * **Published figures are shown as published, with their meaning.** Every figure the page
//!   displays is built by [`figure_text()`] and its siblings from the report's own `raw` string,
//!   `unit` and qualifier words ("约", "以上", "最高"); parsed `f64`s are used only to sort, to
//!   size bars and for the CSV's numeric columns (through [`shortest`] and [`fixed`], never the
//!   float formatter). A re-formatted float ("114.58999") would be the worst possible bug.
//! * **No panics on any input.** Report data and URLs are untrusted; nothing here unwraps them.
//!
//! ```
//! use page_logic::{rows, visible_rows, Filter, SortDir, SortKey, ViewState};
//!
//! let json = r#"{"schema_version": "2.0", "meta": {"title": "报告", "lang": "zh-CN"},
//!   "sections": [{"id": "s-1", "level": 1, "number": "一", "title": "总体情况",
//!     "paragraphs": [{"id": "p-1-1", "text": "全年新增大树种植37814亩。", "indicators": [
//!       {"id": "i-1", "name": "新增大树种植", "section_id": "s-1", "kind": "level",
//!        "value": {"raw": "37814", "number": 37814.0, "unit": "亩"},
//!        "status": "unstated", "source": {"paragraph_id": "p-1-1", "start": 0, "end": 13}}]}],
//!     "children": [], "indicators": []}]}"#;
//! let report: report_model::Report = serde_json::from_str(json).expect("a report");
//!
//! // One row per indicator, every text as published.
//! let rows = rows(&report);
//! assert_eq!(rows[0].figure, "37814亩");
//!
//! // The view in the address bar: a search, sorted by value.
//! let state = ViewState::from_query("?q=大树&sort=value&dir=desc");
//! assert_eq!(state.filter.query, "大树");
//! let shown = visible_rows(&rows, &state.filter, state.sort, state.dir);
//! assert_eq!(shown, vec![0]);
//! assert!(visible_rows(&rows, &Filter { query: "浓度".into(), ..Filter::default() },
//!     SortKey::Published, SortDir::Asc).is_empty());
//! ```
//!
//! # Modules
//!
//! Leaves first; each module uses only those above it.
//!
//! * `normalize` (search folding), `char_set` (the search's quick test), `numtext` (numbers as
//!   text), `figure_text` (figures, changes, kinds and statuses as text), `headings`,
//!   `progressive` (filling a long report in chunks), `locate` (deep links), `marks` (a
//!   paragraph's runs: figures, sentences, lead sentence), `page_meta`, `embed_param` (embed
//!   mode's `embed=1`), `fingerprint` (which report.json a first paint was rendered from);
//! * `rows` (one [`IndicatorRow`] per indicator) → `bar` (progress bars), `csv` (export),
//!   `summary` (the summary figures), `search_marks` (what a search matched);
//! * `sort` (columns, directions, orders) → `filter` ([`Filter`], [`visible_rows`]) →
//!   `labels` (UI text), `active_filters` (the filters in force, in words), `url_state`
//!   ([`ViewState`]: the view in the address bar).
#![deny(missing_docs)]

mod active_filters;
mod bar;
mod char_set;
mod csv;
mod embed_param;
mod figure_text;
mod filter;
mod fingerprint;
mod headings;
mod labels;
mod locate;
mod marks;
mod normalize;
mod numtext;
mod page_meta;
mod progressive;
mod rows;
mod search_marks;
mod sort;
mod summary;
mod url_state;

#[cfg(test)]
mod fixture;

pub use active_filters::{active_filters, filter_summary, menu_filter_count};
pub use bar::{completion_bar, completion_scale, rate_bar, BarView};
pub use csv::{rows_to_csv, rows_to_text};
pub use embed_param::{is_embed_query, with_embed};
pub use figure_text::{figure_details, figure_text, kind_label, status_label};
pub use filter::{kind_options, status_options, visible_rows, Filter};
pub use fingerprint::report_fingerprint;
pub use headings::heading_level;
pub use labels::{
    result_count_announcement, sort_announcement, sort_key_label, with_count, ALL_KINDS,
    ALL_SECTIONS, ALL_STATUSES,
};
pub use locate::{locate, Location, Target, FIGURE_PREFIX};
pub use marks::{paragraph_runs, Run};
pub use numtext::{fixed, shortest};
pub use page_meta::page_description;
pub use progressive::{fill_plan, FillPlan, CHUNK_CHARS, FIRST_CHUNK_CHARS};
pub use rows::{rows, section_options, ChangeUnit, ChangeView, IndicatorRow, SectionOption};
pub use search_marks::{mark_matches, name_matches, sentence_context, Segment};
pub use sort::{next_sort, SortDir, SortKey};
pub use summary::{summary_figures, SummaryFigureView, SummaryFigures};
pub use url_state::{
    fragment_id, kind_from_token, kind_token, status_from_token, status_token, ViewState,
};
