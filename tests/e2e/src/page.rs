//! The page as the tests see it: the selectors more than one test uses, in one place, named by
//! what they pick out on the page. A selector one test alone uses stays in that test, beside the
//! assertion that explains it.

/// The rows of the indicator table (on a phone: its cards).
pub const ROWS: &str = ".indicator-table tbody tr";

/// A script that returns how many rows the table shows (for [`crate::Session::js`] and
/// [`crate::Session::eventually`]).
pub const ROW_COUNT: &str = "return document.querySelectorAll('.indicator-table tbody tr').length";

/// The indicator table's lagging status badges.
pub const LAGGING_STATUSES: &str = ".indicator-table .status-lagging";

/// The table's “显示更多” button (the rows past the first screen).
pub const SHOW_MORE: &str = ".more-rows";

/// The table's search box.
pub const SEARCH: &str = "#filter-q";

/// The status filter menu (完成, 滞后, …).
pub const STATUS_MENU: &str = "#filter-status";

/// The kind filter menu.
pub const KIND_MENU: &str = "#filter-kind";

/// On a phone: the one control the filter menus wait behind.
pub const FILTER_TOGGLE: &str = ".filter-toggle";

/// “展开全部” / “收起全部”: opens or closes every section.
pub const TOGGLE_ALL: &str = "#toggle-all";

/// The page tool “复制为文本”.
pub const COPY_TEXT: &str = "#copy-text";

/// The selected text box offered when the page cannot write to the clipboard.
pub const COPY_FALLBACK: &str = "#copy-fallback-text";

/// The page tool “下载表格（CSV）”.
pub const DOWNLOAD_CSV: &str = "#download-csv";

/// The large-font (适老化) switch.
pub const LARGE_FONT: &str = "#large-font";

/// The report's title.
pub const TITLE: &str = ".report-header h1";

/// The report's date and source line.
pub const META: &str = ".report-meta";

/// The dismissable notice (e.g. a deep link to an id the report does not have).
pub const NOTICE: &str = ".page-notice";

/// The error panel's message (report.json missing or unreadable).
pub const ERROR_MESSAGE: &str = "[role=alert] .error-message";

/// boot.js's message when the app cannot start, once shown.
pub const BOOT_ERROR_SHOWN: &str = "#boot-error:not([hidden])";

/// The source sentence a deep link to a figure highlights.
pub const TARGET_SENTENCE: &str = ".is-target-sentence";

/// The button that opens or closes section `id` (`"s-2-1"`).
pub fn section_button(id: &str) -> String {
    format!("#btn-{id}")
}

/// The panel of section `id` (`"s-2-1"`).
pub fn section_panel(id: &str) -> String {
    format!("#panel-{id}")
}

/// The mark of figure `id` in the text (also its deep-link fragment).
pub fn figure_mark(id: &str) -> String {
    format!("#fig-{id}")
}

/// The tooltip of figure `id`'s mark.
pub fn figure_tip(id: &str) -> String {
    format!("#tip-{id}")
}
