//! All of the report page's logic that does not touch the DOM.
//!
//! The Leptos components stay thin: they call into this crate for the indicator table's rows,
//! search, filtering and sorting, the URL state, the Chinese UI text, progress-bar maths, the
//! headline figures and the CSV / text export. Keeping it here means it is unit-tested natively
//! with `cargo test -p report-view`, without a browser.
//!
//! Two rules hold throughout:
//!
//! * **Published figures are shown as published, with their meaning.** Every figure the page
//!   displays is built in [`figure_text`] from the report's own `raw` string, `unit` and
//!   qualifier words ("约", "以上", "最高"); parsed `f64`s are used only to sort, to size bars
//!   and for the CSV's numeric columns (through [`numtext`], never the float formatter). A re-formatted float ("114.58999") would be the worst possible bug.
//! * **No panics on any input.** Report data and URLs are untrusted; nothing here unwraps them.

pub mod bar;
pub mod counts;
pub mod csv;
pub mod figure_text;
pub mod filter;
pub mod fingerprint;
pub mod headings;
pub mod labels;
pub mod locate;
pub mod marks;
pub mod normalize;
pub mod numtext;
pub mod page_meta;
pub mod progressive;
pub mod rows;
pub mod summary;
pub mod url_state;

#[cfg(test)]
pub(crate) mod fixture;

pub use bar::{completion_bar, completion_scale, rate_bar, BarView};
pub use counts::{indicator_counts, section_of_indicator};
pub use csv::{rows_to_csv, rows_to_text};
pub use filter::{next_sort, visible_rows, Filter, SortDir, SortKey};
pub use fingerprint::report_fingerprint;
pub use headings::heading_level;
pub use locate::{locate, Location, Target, FIGURE_PREFIX};
pub use normalize::normalize;
pub use page_meta::page_description;
pub use progressive::{fill_plan, FillPlan};
pub use rows::{
    rows, section_label, section_options, ChangeUnit, ChangeView, IndicatorRow, SectionOption,
};
pub use summary::{headline, Headline, HeadlineFigure};
pub use url_state::{fragment_id, ViewState};
