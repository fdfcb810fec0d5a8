//! The machine the figures were measured on: date, cores, memory, browser, load average.

use std::fs;
use std::process::Command;

use serde_json::{json, Value};

/// The machine as bench.json records it, with a one-line `summary`.
pub fn describe() -> Value {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem_kib: u64 = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0);
    let mem_gib = (mem_kib as f64 / 1024.0 / 1024.0).round();
    let date = output_of("date", &[]);
    let chromium = output_of("/usr/bin/chromium", &["--version"]);
    let loadavg = load_average();
    json!({
        "date": date,
        "cores": cores,
        "memory_gib": mem_gib,
        "chromium": chromium,
        "loadavg_start": loadavg,
        "summary": format!("{date}; {cores} cores, {mem_gib} GiB; {chromium}; load average {loadavg}"),
    })
}

/// The 1, 5 and 15 minute load averages ("0.71 0.85 1.02"): other work on the machine.
pub fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// What a program prints, trimmed; empty when it cannot run.
fn output_of(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}
