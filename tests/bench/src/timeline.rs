//! Where the time goes: the median time after navigation start of each step of the app's
//! load (files received, the app's marks, LCP), per series.

use serde_json::Value;

use crate::resources::{is_boot, is_css, is_glue, is_json, is_wasm, resource_column};
use crate::results::Report;
use crate::stats::{column, Stats};

/// Extracts one figure from each load.
type Column = Box<dyn Fn(&[Value]) -> Vec<f64>>;

/// The series, as columns.
const SERIES: [(&str, &str); 4] = [
    ("app/mobile", "mobile"),
    ("app/unthrottled", "unthrottled"),
    ("big/unthrottled", "10k, unthrottled"),
    ("app/mobile-devtools", "mobile, DevTools-applied"),
];

/// The table for bench.md, and its figures (every statistic) for bench.json.
pub fn render(report: &Report) -> (String, Value) {
    let mut md =
        String::from("\nWhere the time goes (median ms after navigation start):\n\n| step |");
    for (_, label) in SERIES {
        md.push_str(&format!(" {label} |"));
    }
    md.push_str("\n|---|");
    md.push_str(&"---:|".repeat(SERIES.len()));
    md.push('\n');
    let mut timeline = serde_json::Map::new();
    for (label, key, f) in steps() {
        let mut cells = Vec::new();
        let mut per = serde_json::Map::new();
        for (k, _) in SERIES {
            let s = Stats::of(&f(report.loads(k)));
            cells.push(s.map(|s| format!("{:.0}", s.median)).unwrap_or("–".into()));
            per.insert(k.into(), Stats::json(s));
        }
        timeline.insert(key.into(), Value::Object(per));
        md.push_str(&format!("| {label} | {} |\n", cells.join(" | ")));
    }
    (md, Value::Object(timeline))
}

/// Each step: its label, its bench.json key, and how to read it from a load.
fn steps() -> [(&'static str, &'static str, Column); 10] {
    [
        (
            "index.html received",
            "html_end",
            Box::new(|l| column(l, "html_end")),
        ),
        (
            "CSS received",
            "css_end",
            Box::new(|l| resource_column(l, is_css, "end")),
        ),
        (
            "boot.js received",
            "boot_end",
            Box::new(|l| resource_column(l, is_boot, "end")),
        ),
        (
            "JS glue received",
            "glue_end",
            Box::new(|l| resource_column(l, is_glue, "end")),
        ),
        (
            "wasm received",
            "wasm_end",
            Box::new(|l| resource_column(l, is_wasm, "end")),
        ),
        (
            "report.json received",
            "json_end",
            Box::new(|l| resource_column(l, is_json, "end")),
        ),
        (
            "app started (wasm compiled, instantiated; `app-start`)",
            "app_start",
            Box::new(|l| column(l, "app_start")),
        ),
        (
            "report fetched and parsed (`report-parsed`)",
            "parsed",
            Box::new(|l| column(l, "parsed")),
        ),
        (
            "report rendered (`report-ready`)",
            "ready",
            Box::new(|l| column(l, "ready")),
        ),
        (
            "largest contentful paint",
            "lcp",
            Box::new(|l| column(l, "lcp")),
        ),
    ]
}
