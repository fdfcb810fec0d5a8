//! The loaded report, its indicator table rows and its section list, made once when the
//! report arrives.

use std::sync::Arc;

use leptos::prelude::*;
use page_logic::{IndicatorRow, SectionOption};
use report_model::Report;

/// The report as loaded, one table row per indicator (in published order), and the sections
/// as the section menu and the filter summaries name them.
#[derive(Clone, Copy)]
pub struct ReportData {
    pub report: StoredValue<Arc<Report>>,
    pub rows: StoredValue<Arc<Vec<IndicatorRow>>>,
    pub sections: StoredValue<Arc<Vec<SectionOption>>>,
}

impl ReportData {
    pub fn new(report: Arc<Report>) -> Self {
        let rows = Arc::new(page_logic::rows(&report));
        let sections = Arc::new(page_logic::section_options(&report));
        ReportData {
            report: StoredValue::new(report),
            rows: StoredValue::new(rows),
            sections: StoredValue::new(sections),
        }
    }
}
