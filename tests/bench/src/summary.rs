//! The summary table: each measure with its result and, where issue 11 (or issue 6) sets
//! one, its budget and whether it was met.

use serde_json::Value;

use crate::format::{kib, ms_range, secs_range};
use crate::long_tasks;
use crate::resources::{is_json, is_wasm};
use crate::results::{Report, Row};
use crate::stats::{column, ratio, Stats};

const BUDGET_WASM_BR: f64 = 80.0 * 1024.0;
const BUDGET_SHELL_BR: f64 = 100.0 * 1024.0;
/// The filter usable within this multiple of the static page's ready time (mobile).
pub const BUDGET_READY_RATIO: f64 = 2.0;
const BUDGET_LCP_RATIO: f64 = 1.2;
const BUDGET_INTERACTIVE_MS: f64 = 2500.0;
const BUDGET_CLS: f64 = 0.02;
const BUDGET_BIG_FIRST_RENDER_MS: f64 = 500.0;
const BUDGET_KEY_MEDIAN_MS: f64 = 16.0;
const BUDGET_KEY_P95_MS: f64 = 50.0;
const BUDGET_TOGGLE_MS: f64 = 16.0;
const BUDGET_CONVERTER_MB_S: f64 = 20.0;

/// How the DevTools-applied profile's rows are labelled.
const DEVTOOLS: &str = "mobile, DevTools-applied throttling (562.5 ms, 1.47 Mbit/s, 4× CPU)";

/// Every row, in table order.
pub fn rows(r: &Report) -> Vec<Row> {
    let mut rows = Vec::new();
    let mut row = |measure: &str, result: String, budget: &str, met: Option<bool>| {
        rows.push(Row {
            measure: measure.into(),
            result,
            budget: budget.into(),
            met,
        })
    };
    sizes(r, &mut row);
    mobile(r, &mut row);
    devtools(r, &mut row);
    unthrottled_and_cls(r, &mut row);
    big_and_interaction(r, &mut row);
    rows
}

type AddRow<'a> = dyn FnMut(&str, String, &str, Option<bool>) + 'a;

fn times(x: Option<f64>) -> String {
    x.map(|r| format!("{r:.2}×")).unwrap_or("n/a".into())
}

fn sizes(r: &Report, row: &mut AddRow) {
    let file = |pick: fn(&str) -> bool| r.sizes.iter().find(|f| pick(&f.name));
    let (shell_raw, shell_gz, shell_br) = r.shell();
    if let Some(w) = file(is_wasm) {
        let (raw, gz, br) = (w.raw as f64, w.gzip as f64, w.brotli as f64);
        row(
            "wasm, brotli -q 11 (gzip -9, raw)",
            format!("{} ({}, {})", kib(br), kib(gz), kib(raw)),
            "≤ 80 KiB",
            Some(br <= BUDGET_WASM_BR),
        );
    }
    row(
        "app shell: HTML+JS+wasm+CSS, brotli (gzip, raw)",
        format!("{} ({}, {})", kib(shell_br), kib(shell_gz), kib(shell_raw)),
        "≤ 100 KiB",
        Some(shell_br <= BUDGET_SHELL_BR),
    );
    if let Some(j) = file(is_json) {
        row(
            "report.json (seed), brotli (gzip, raw)",
            format!(
                "{} ({}, {})",
                kib(j.brotli as f64),
                kib(j.gzip as f64),
                kib(j.raw as f64)
            ),
            "",
            None,
        );
    }
}

/// The older mobile series (Lighthouse's simulated numbers, 150 ms).
fn mobile(r: &Report, row: &mut AddRow) {
    let app_m = r.ready("app/mobile");
    let static_m = r.ready("static/mobile");
    row(
        "mobile: page ready = interactive (report-ready), median (min–max)",
        secs_range(app_m),
        "≤ 2.5 s",
        app_m.map(|s| s.median <= BUDGET_INTERACTIVE_MS),
    );
    row(
        "mobile: static page ready = loaded and painted (max(load event, FCP))",
        secs_range(static_m),
        "",
        None,
    );
    let secs = |s: Option<Stats>| {
        s.map(|s| format!("{:.2} s", s.median / 1e3))
            .unwrap_or("n/a".into())
    };
    row(
        "mobile: static page load event / FCP, median",
        format!(
            "{} / {}",
            secs(r.metric("static/mobile", "load")),
            secs(r.metric("static/mobile", "fcp"))
        ),
        "",
        None,
    );
    row(
        "mobile: ratio page / static",
        times(ratio(app_m, static_m)),
        "≤ 2.0×",
        ratio(app_m, static_m).map(|r| r <= BUDGET_READY_RATIO),
    );
    let lcp_app_m = r.metric("app/mobile", "lcp");
    let lcp_static_m = r.metric("static/mobile", "lcp");
    let lcp_ratio = ratio(lcp_app_m, lcp_static_m);
    row(
        "mobile: LCP page (static)",
        format!("{} ({})", secs_range(lcp_app_m), secs_range(lcp_static_m)),
        "page ≤ 1.2 × static",
        lcp_ratio.map(|r| r <= BUDGET_LCP_RATIO),
    );
    row(
        "mobile: LCP ratio page / static",
        times(lcp_ratio),
        "≤ 1.2×",
        lcp_ratio.map(|r| r <= BUDGET_LCP_RATIO),
    );
}

/// Issue 11's budget as it states it: under the throttling Lighthouse's DevTools mode
/// applies, the filter usable within 2× the static page's ready time, and no long task
/// after the first paint.
fn devtools(r: &Report, row: &mut AddRow) {
    let app = r.ready("app/mobile-devtools");
    let static_page = r.ready("static/mobile-devtools");
    row(
        &format!("{DEVTOOLS}: filter usable (report-ready), median (min–max)"),
        secs_range(app),
        "",
        None,
    );
    row(
        &format!("{DEVTOOLS}: static page ready (max(load event, FCP)), median (min–max)"),
        secs_range(static_page),
        "",
        None,
    );
    row(
        &format!("{DEVTOOLS}: ratio filter usable / static page ready"),
        times(ratio(app, static_page)),
        "≤ 2.0×",
        ratio(app, static_page).map(|x| x <= BUDGET_READY_RATIO),
    );
    let late = r.late_tasks("app/mobile-devtools");
    let longest = Stats::of(&late.iter().map(|(l, _)| *l).collect::<Vec<_>>());
    let over = Stats::of(&late.iter().map(|(_, n)| *n as f64).collect::<Vec<_>>());
    let static_longest = Stats::of(
        &r.late_tasks("static/mobile-devtools")
            .iter()
            .map(|(l, _)| *l)
            .collect::<Vec<_>>(),
    );
    let longest_text = |s: Option<Stats>| match s {
        Some(s) if s.max == 0.0 => "none over 50 ms".into(),
        Some(s) => ms_range(Some(s)),
        None => "n/a".into(),
    };
    row(
        &format!(
            "{DEVTOOLS}: page's longest task after FCP (static page's), median (min–max) of {} loads; 0 = none over 50 ms",
            late.len()
        ),
        format!("{} ({})", longest_text(longest), longest_text(static_longest)),
        "≤ 50 ms",
        longest.map(|s| s.max <= long_tasks::BUDGET_MS),
    );
    row(
        &format!("{DEVTOOLS}: page's tasks over 50 ms after FCP, per load, median (min–max)"),
        over.map(|s| format!("{:.0} ({:.0}–{:.0})", s.median, s.min, s.max))
            .unwrap_or("n/a".into()),
        "0",
        over.map(|s| s.max == 0.0),
    );
}

fn unthrottled_and_cls(r: &Report, row: &mut AddRow) {
    let app_u = r.ready("app/unthrottled");
    let static_u = r.ready("static/unthrottled");
    row(
        "unthrottled: page ready (static), median (min–max)",
        format!("{} ({})", ms_range(app_u), ms_range(static_u)),
        "",
        None,
    );
    row(
        "unthrottled: ratio page / static",
        times(ratio(app_u, static_u)),
        "",
        None,
    );
    let lcp_app_u = r.metric("app/unthrottled", "lcp");
    let lcp_static_u = r.metric("static/unthrottled", "lcp");
    row(
        "unthrottled: LCP page (static)",
        format!("{} ({})", ms_range(lcp_app_u), ms_range(lcp_static_u)),
        "",
        None,
    );
    let worst = |keys: &[&str]| {
        let all: Vec<f64> = keys
            .iter()
            .flat_map(|k| column(r.loads(k), "cls"))
            .collect();
        Stats::of(&all)
    };
    let cls_app = worst(&[
        "app/mobile",
        "app/unthrottled",
        "app/mobile-devtools",
        "big/unthrottled",
    ]);
    let cls_static = worst(&[
        "static/mobile",
        "static/unthrottled",
        "static/mobile-devtools",
    ]);
    let max = |s: Option<Stats>| s.map(|s| format!("{:.3}", s.max)).unwrap_or("n/a".into());
    row(
        "CLS page, worst of all loads (static)",
        format!("{} ({})", max(cls_app), max(cls_static)),
        "≤ 0.02",
        cls_app.map(|s| s.max <= BUDGET_CLS),
    );
}

fn big_and_interaction(r: &Report, row: &mut AddRow) {
    let big_ready = r.ready("big/unthrottled");
    row(
        &format!(
            "10k report ({} indicators, {} sections): first render, unthrottled",
            r.big["indicators"], r.big["sections"]
        ),
        ms_range(big_ready),
        "≤ 0.5 s",
        big_ready.map(|s| s.median <= BUDGET_BIG_FIRST_RENDER_MS),
    );
    row(
        "10k report: whole text built (after the first render, in chunks between frames)",
        ms_range(r.metric("big/unthrottled", "complete")),
        "",
        None,
    );
    for (name, label) in [("big", "10k report"), ("seed", "seed report")] {
        let budgeted = name == "big";
        let keys = r
            .browser
            .keys
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let s = Stats::of(&column(keys, "ms"));
        row(
            &format!(
                "{label}: filter keystroke → paint, median / p95 ({} keys)",
                keys.len()
            ),
            s.map(|s| format!("{:.1} / {:.1} ms", s.median, s.p95))
                .unwrap_or("n/a".into()),
            if budgeted { "≤ 16 / ≤ 50 ms" } else { "" },
            s.filter(|_| budgeted)
                .map(|s| s.median <= BUDGET_KEY_MEDIAN_MS && s.p95 <= BUDGET_KEY_P95_MS),
        );
        let toggles = r
            .browser
            .toggles
            .get(name)
            .map(Vec::as_slice)
            .unwrap_or_default();
        let pick = |expanding: bool| -> Vec<f64> {
            toggles
                .iter()
                .filter(|t| t["expanding"].as_bool() == Some(expanding))
                .filter_map(|t| t["ms"].as_f64())
                .collect()
        };
        let (e, c) = (Stats::of(&pick(true)), Stats::of(&pick(false)));
        let worst = match (e, c) {
            (Some(e), Some(c)) => Some(e.median.max(c.median)),
            _ => None,
        };
        let median = |s: Option<Stats>| {
            s.map(|s| format!("{:.1}", s.median))
                .unwrap_or("n/a".into())
        };
        row(
            &format!("{label}: expand all / collapse all → paint, median"),
            format!("{} / {} ms", median(e), median(c)),
            if budgeted { "≤ 16 ms" } else { "" },
            worst.filter(|_| budgeted).map(|w| w <= BUDGET_TOGGLE_MS),
        );
    }
    for (name, label) in [("seed", "seed report"), ("big", "10k report")] {
        if let Some(m) = r.browser.memory.get(name) {
            let mib = |v: &Value| {
                v.as_f64()
                    .map(|b| format!("{:.1} MiB", b / 1048576.0))
                    .unwrap_or("n/a".into())
            };
            row(
                &format!(
                    "{label}: memory after load: JS heap (after GC) / wasm memory / DOM nodes"
                ),
                format!(
                    "{} / {} / {}",
                    mib(&m["js_heap_used"]),
                    mib(&m["wasm_memory"]),
                    m["dom_nodes"]
                ),
                "",
                None,
            );
        }
    }
    let mb_s = r.converter["mb_per_s"].as_f64();
    row(
        &format!(
            "converter throughput, seed × {:.0} MB",
            r.converter["input_mb"].as_f64().unwrap_or(0.0)
        ),
        mb_s.map(|v| format!("{v:.1} MB/s")).unwrap_or("n/a".into()),
        "≥ 20 MB/s",
        mb_s.map(|v| v >= BUDGET_CONVERTER_MB_S),
    );
}
