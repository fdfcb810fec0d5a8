//! The run's results as bench.md (the summary table with budgets, where the time goes, the
//! files) and bench.json (every sample, the same figures, the Markdown).

use std::collections::BTreeMap;

use serde_json::{json, Value};

use crate::format::kib;
use crate::page_load::ready_of;
use crate::profile::{Profile, MOBILE, MOBILE_DEVTOOLS};
use crate::resources::{is_json, is_wasm, resource_column};
use crate::results::{Report, Row};
use crate::stats::{column, ratio, Stats};
use crate::{long_tasks, summary, timeline};

impl Report {
    /// Which encoding the browser received for a file: compares the bytes on the wire with
    /// the precompressed files.
    fn encoding(&self, site: &str, file_pick: fn(&str) -> bool, load_key: &str) -> String {
        let encoded = Stats::of(&resource_column(self.loads(load_key), file_pick, "encoded"));
        let Some(encoded) = encoded else {
            return "?".into();
        };
        let sizes = self
            .served
            .iter()
            .find(|(k, _)| k.strip_prefix(&format!("{site}/")).is_some_and(file_pick))
            .map(|(_, v)| *v);
        let Some((raw, gz, br)) = sizes else {
            return format!("{} on the wire", kib(encoded.median));
        };
        let near = |size: f64| (encoded.median - size).abs() < 1.0;
        if near(br) {
            format!("brotli, {}", kib(br))
        } else if near(gz) {
            format!("gzip, {}", kib(gz))
        } else if near(raw) {
            format!("uncompressed, {}", kib(raw))
        } else {
            format!("{} on the wire", kib(encoded.median))
        }
    }

    /// bench.json and bench.md.
    pub fn render(&self) -> (Value, String) {
        let rows = summary::rows(self);

        let mut md = String::new();
        md.push_str(&format!(
            "## Benchmark, {}\n\n{} cores, {} GiB, {}; load average {} at start, {} at end; {:.0} s.\n\
             Cold cache every load; files served precompressed (wasm as {}, report.json as {}).\n\
             Mobile = Lighthouse throttling: {}, 412×823 screen.\n\
             Mobile, DevTools-applied = the throttling Lighthouse's DevTools mode applies (mobileSlow4G): {}, same screen; \
             long tasks from a PerformanceObserver installed before navigation (check: a {:.0} ms busy task seen as {:.0} ms).\n\n",
            self.env["date"].as_str().unwrap_or_default(),
            self.env["cores"],
            self.env["memory_gib"],
            self.env["chromium"].as_str().unwrap_or_default(),
            self.env["loadavg_start"].as_str().unwrap_or_default(),
            self.browser.loadavg_end,
            self.seconds,
            self.encoding("seed", is_wasm, "app/mobile"),
            self.encoding("seed", is_json, "app/mobile"),
            MOBILE.label,
            MOBILE_DEVTOOLS.label,
            self.browser.long_task_probe["busy_ms"].as_f64().unwrap_or(f64::NAN),
            self.browser.long_task_probe["seen_ms"].as_f64().unwrap_or(f64::NAN),
        ));
        md.push_str("| measure | result | budget | |\n|---|---|---|---|\n");
        for r in &rows {
            let status = match r.met {
                Some(true) => "met",
                Some(false) => "**missed**",
                None => "",
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                r.measure, r.result, r.budget, status
            ));
        }

        let (timeline_md, timeline_json) = timeline::render(self);
        md.push_str(&timeline_md);
        let lcp_el = |k: &str| {
            self.loads(k)
                .last()
                .and_then(|l| l["lcp_element"].as_str().map(str::to_string))
                .unwrap_or_default()
        };
        md.push_str(&format!(
            "\nLCP element: page `{}` (mobile), `{}` (unthrottled); static page `{}`.\n",
            lcp_el("app/mobile"),
            lcp_el("app/unthrottled"),
            lcp_el("static/mobile")
        ));

        // Files.
        let (shell_raw, shell_gz, shell_br) = self.shell();
        md.push_str("\n| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n");
        for f in &self.sizes {
            md.push_str(&format!(
                "| {} | {:.0} | {:.0} | {:.0} |\n",
                f.name, f.raw, f.gzip, f.brotli
            ));
        }
        md.push_str(&format!(
            "| **app shell (index.html, JS, wasm, CSS)** | {shell_raw:.0} | {shell_gz:.0} | {shell_br:.0} |\n"
        ));
        if let Some((raw, gz, br)) = self.served.get("big/report.json") {
            md.push_str(&format!(
                "| report.json of the 10k report | {raw:.0} | {gz:.0} | {br:.0} |\n"
            ));
        }

        let json = self.json(&rows, timeline_json, &md);
        (json, md)
    }

    fn json(&self, rows: &[Row], timeline: Value, md: &str) -> Value {
        let mut series = serde_json::Map::new();
        for (k, loads) in &self.browser.loads {
            let app = !k.starts_with("static");
            let ready: Vec<f64> = loads.iter().filter_map(|l| ready_of(l, app)).collect();
            series.insert(
                k.clone(),
                json!({
                    "ready_ms": Stats::json(Stats::of(&ready)),
                    "fcp_ms": Stats::json(Stats::of(&column(loads, "fcp"))),
                    "lcp_ms": Stats::json(Stats::of(&column(loads, "lcp"))),
                    "cls": Stats::json(Stats::of(&column(loads, "cls"))),
                    "loads": loads,
                }),
            );
        }
        let interaction = |m: &BTreeMap<String, Vec<Value>>, key: &str| -> Value {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        json!({ "stats_ms": Stats::json(Stats::of(&column(v, key))), "samples": v }),
                    )
                })
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        let late_tasks = |key: &str| -> Value {
            let late = self.late_tasks(key);
            let longest: Vec<f64> = late.iter().map(|(l, _)| *l).collect();
            let over: Vec<f64> = late.iter().map(|(_, n)| *n as f64).collect();
            json!({
                "longest_after_fcp_ms": Stats::json(Stats::of(&longest)),
                "over_50_ms_after_fcp": Stats::json(Stats::of(&over)),
                "per_load": late.iter().map(|(l, n)| json!({ "longest_ms": l, "over_50_ms": n })).collect::<Vec<_>>(),
            })
        };
        let devtools = Profile::MobileDevtools.key();
        let (app_key, static_key) = (format!("app/{devtools}"), format!("static/{devtools}"));
        let (shell_raw, shell_gz, shell_br) = self.shell();
        json!({
            "environment": self.env,
            "loadavg_end": self.browser.loadavg_end,
            "seconds": self.seconds,
            "throttling": Profile::Mobile.json(),
            "throttling_devtools": Profile::MobileDevtools.json(),
            "sizes": self.sizes.iter().map(|f| json!({
                "name": f.name, "raw": f.raw as f64, "gzip": f.gzip as f64, "brotli": f.brotli as f64
            })).collect::<Vec<_>>(),
            "app_shell": { "raw": shell_raw, "gzip": shell_gz, "brotli": shell_br },
            "served": self.served.iter().map(|(k, (raw, gz, br))| (k.clone(), json!({ "raw": raw, "gzip": gz, "brotli": br }))).collect::<serde_json::Map<_, _>>(),
            "converter": self.converter,
            "big_report": self.big,
            "loads": series,
            "filter_usable_devtools": {
                "app_ready_ms": Stats::json(self.ready(&app_key)),
                "static_ready_ms": Stats::json(self.ready(&static_key)),
                "ratio": ratio(self.ready(&app_key), self.ready(&static_key)),
                "budget_ratio": summary::BUDGET_READY_RATIO,
            },
            "long_tasks": {
                "probe": self.browser.long_task_probe,
                "budget_ms": long_tasks::BUDGET_MS,
                app_key.as_str(): late_tasks(&app_key),
                static_key.as_str(): late_tasks(&static_key),
            },
            "timeline_ms": timeline,
            "keystroke_to_paint": interaction(&self.browser.keys, "ms"),
            "toggle_all_to_paint": interaction(&self.browser.toggles, "ms"),
            "memory": self.browser.memory,
            "budgets": rows.iter().filter(|r| r.met.is_some()).map(|r| json!({
                "measure": r.measure, "result": r.result, "budget": r.budget, "met": r.met
            })).collect::<Vec<_>>(),
            "markdown": md,
        })
    }
}
