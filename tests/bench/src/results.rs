//! Everything the run measured, and the figures the tables read from it.

use std::collections::BTreeMap;

use precompress::FileSize;
use serde_json::Value;

use crate::browse::BrowserResults;
use crate::long_tasks;
use crate::page_load::ready_of;
use crate::stats::{column, Stats};

/// Everything the run measured.
pub struct Report {
    pub env: Value,
    pub sizes: Vec<FileSize>,
    pub converter: Value,
    pub big: Value,
    pub served: BTreeMap<String, (f64, f64, f64)>,
    pub browser: BrowserResults,
    pub seconds: f64,
}

/// One line of the summary table.
pub struct Row {
    pub measure: String,
    pub result: String,
    pub budget: String,
    /// Met or missed, for a row with a budget.
    pub met: Option<bool>,
}

impl Report {
    /// The loads of one series ("app/mobile").
    pub fn loads(&self, key: &str) -> &[Value] {
        self.browser
            .loads
            .get(key)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// A series' ready times ([`ready_of`]).
    pub fn ready(&self, key: &str) -> Option<Stats> {
        let app = !key.starts_with("static");
        let v: Vec<f64> = self
            .loads(key)
            .iter()
            .filter_map(|l| ready_of(l, app))
            .collect();
        Stats::of(&v)
    }

    /// One figure of every load of a series.
    pub fn metric(&self, key: &str, field: &str) -> Option<Stats> {
        Stats::of(&column(self.loads(key), field))
    }

    /// Per load of a series: the longest task after FCP, and how many over 50 ms.
    pub fn late_tasks(&self, key: &str) -> Vec<(f64, usize)> {
        self.loads(key)
            .iter()
            .filter_map(long_tasks::after_fcp)
            .collect()
    }

    /// The app shell (what the page needs to start; not the report, nor the no-JS
    /// report.html): raw, gzip and brotli bytes.
    pub fn shell(&self) -> (f64, f64, f64) {
        let shell: Vec<&FileSize> = self
            .sizes
            .iter()
            .filter(|f| {
                f.name == "index.html"
                    || [".js", ".wasm", ".css"].iter().any(|e| f.name.ends_with(e))
            })
            .collect();
        let sum = |f: fn(&FileSize) -> usize| shell.iter().map(|s| f(s) as f64).sum::<f64>();
        (sum(|f| f.raw), sum(|f| f.gzip), sum(|f| f.brotli))
    }
}
