//! The loaded report and its indicator table rows, made once when the report arrives.

use std::sync::Arc;

use leptos::prelude::*;
use page_logic::IndicatorRow;
use report_model::Report;

/// The report as loaded, and one table row per indicator (in published order).
#[derive(Clone, Copy)]
pub struct ReportData {
    pub report: StoredValue<Arc<Report>>,
    pub rows: StoredValue<Arc<Vec<IndicatorRow>>>,
}

impl ReportData {
    pub fn new(report: Arc<Report>) -> Self {
        let rows = Arc::new(page_logic::rows(&report));
        ReportData {
            report: StoredValue::new(report),
            rows: StoredValue::new(rows),
        }
    }
}
