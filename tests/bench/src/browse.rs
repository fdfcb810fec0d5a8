//! The browser phase: every load, interaction and memory reading, in the order that gives
//! the app and the static page the same conditions.

use std::collections::BTreeMap;
use std::time::Duration;

use e2e::fantoccini::wd::TimeoutConfiguration;
use serde_json::Value;

use crate::environment::load_average;
use crate::format::ms;
use crate::page_load::{load, ready_of};
use crate::profile::Profile;
use crate::{interactions, long_tasks, memory, Res};

/// The pages to load.
pub struct Urls {
    pub app: String,
    pub static_page: String,
    pub big: String,
}

/// How many samples of each kind.
pub struct Plan {
    pub loads: usize,
    pub big_loads: usize,
    pub keys: usize,
    pub toggles: usize,
}

/// Everything measured in the browser.
pub struct BrowserResults {
    /// "app/mobile", "static/mobile-devtools", "big/unthrottled", …: one value per load.
    pub loads: BTreeMap<String, Vec<Value>>,
    pub memory: BTreeMap<String, Value>,
    pub keys: BTreeMap<String, Vec<Value>>,
    pub toggles: BTreeMap<String, Vec<Value>>,
    /// The long-task observer's check: a known busy task, as it reported it.
    pub long_task_probe: Value,
    pub loadavg_end: String,
}

/// The seed report's app and static page alternately under each profile, then interaction
/// and memory unthrottled on the seed and on the 10k report.
pub async fn browse(s: &e2e::Session, urls: &Urls, plan: &Plan) -> Res<BrowserResults> {
    s.client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(60)),
            Some(Duration::from_secs(120)),
            Some(Duration::from_secs(0)),
        ))
        .await
        .map_err(|e| format!("timeouts: {e}"))?;
    long_tasks::install(s).await;
    let mut out = BrowserResults {
        loads: BTreeMap::new(),
        memory: BTreeMap::new(),
        keys: BTreeMap::new(),
        toggles: BTreeMap::new(),
        long_task_probe: Value::Null,
        loadavg_end: String::new(),
    };
    // The observer must see a known long task on the app's own page before its figures count.
    load(s, &urls.app, true, Profile::Unthrottled).await?;
    out.long_task_probe = long_tasks::probe(s).await?;
    // App and static page alternately, so that both see the same noise. The older 150 ms
    // series first, as before; the DevTools-applied profile after.
    for profile in [
        Profile::Mobile,
        Profile::Unthrottled,
        Profile::MobileDevtools,
    ] {
        for i in 0..plan.loads {
            for (kind, url, app) in [
                ("app", &urls.app, true),
                ("static", &urls.static_page, false),
            ] {
                let v = load(s, url, app, profile).await?;
                let late = long_tasks::after_fcp(&v).map(|(longest, n)| {
                    format!(", {n} long tasks after FCP (longest {longest:.0} ms)")
                });
                eprintln!(
                    "bench: {kind}/{} load {}: ready {} ms, LCP {} ms, CLS {}{}",
                    profile.key(),
                    i + 1,
                    ms(ready_of(&v, app)),
                    ms(v["lcp"].as_f64()),
                    v["cls"],
                    late.unwrap_or_default()
                );
                out.loads
                    .entry(format!("{kind}/{}", profile.key()))
                    .or_default()
                    .push(v);
            }
        }
    }
    load(s, &urls.app, true, Profile::Unthrottled).await?;
    out.memory.insert("seed".into(), memory::measure(s).await?);
    let seed = interactions::measure(s, "seed", plan.keys, plan.toggles).await?;
    out.keys.insert("seed".into(), seed.keys);
    out.toggles.insert("seed".into(), seed.toggles);
    for i in 0..plan.big_loads {
        let v = load(s, &urls.big, true, Profile::Unthrottled).await?;
        eprintln!(
            "bench: 10k load {}: ready {} ms, LCP {} ms",
            i + 1,
            ms(v["ready"].as_f64()),
            ms(v["lcp"].as_f64())
        );
        out.loads
            .entry("big/unthrottled".into())
            .or_default()
            .push(v);
    }
    out.memory.insert("big".into(), memory::measure(s).await?);
    let big = interactions::measure(s, "big", plan.keys, plan.toggles).await?;
    out.keys.insert("big".into(), big.keys);
    out.toggles.insert("big".into(), big.toggles);
    out.loadavg_end = load_average();
    Ok(out)
}
