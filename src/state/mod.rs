//! The page's state, one context per concern. The report page (`page.rs`) creates each and
//! provides it; a component takes (`expect_context`) only the ones it uses. Every type here is
//! a `Copy` bundle of reactive handles.

mod announcements;
mod browser_state;
mod figure_tip;
mod link_target;
mod outline;
mod report_data;
mod table_view;

pub use announcements::Announcements;
pub use browser_state::BrowserState;
pub use figure_tip::FigureTip;
pub use link_target::LinkTarget;
pub use outline::Outline;
pub use report_data::ReportData;
pub use table_view::{url_view, TableView};
