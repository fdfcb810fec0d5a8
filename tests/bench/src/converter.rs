//! The converter's throughput: the seed report repeated to 10 MB through
//! `reportc::convert_bytes`, as the release build compiles the library (`opt-level = 3`).

use std::fs;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::stats::Stats;
use crate::Res;

/// The input size the throughput is measured on.
const INPUT_BYTES: usize = 10_000_000;

/// Converts the seed's header once, then its body (from "一、" to the footer) again and again
/// to 10 MB: three runs (fewer if a run is slow), the median counts.
pub fn throughput(seed_path: &Path) -> Res<Value> {
    let seed =
        fs::read_to_string(seed_path).map_err(|e| format!("{}: {e}", seed_path.display()))?;
    let text = repeated_to(&seed, INPUT_BYTES)
        .ok_or_else(|| format!("{}: empty report text", seed_path.display()))?;
    let mb = text.len() as f64 / 1e6;
    let mut secs = Vec::new();
    let mut indicators = 0;
    let budget = Instant::now();
    for run in 0..3 {
        if run > 0 && budget.elapsed() > Duration::from_secs(30) {
            break;
        }
        let t = Instant::now();
        let conv = reportc::convert_bytes(text.as_bytes(), &Default::default())
            .map_err(|e| format!("converting the 10 MB text: {e}"))?;
        secs.push(t.elapsed().as_secs_f64());
        indicators = conv.report.indicators().len();
    }
    let s = Stats::of(&secs).ok_or("no converter run")?;
    let mb_s = mb / s.median;
    eprintln!(
        "bench: converter {mb:.1} MB in {:.0} ms (median of {}): {mb_s:.1} MB/s, {indicators} indicators",
        s.median * 1e3,
        s.n
    );
    Ok(json!({
        "input_mb": mb,
        "runs_s": secs,
        "median_s": s.median,
        "mb_per_s": mb_s,
        "indicators": indicators,
    }))
}

/// The seed's header, then its body repeated until the text is at least `bytes` long; `None`
/// when the body is empty.
fn repeated_to(seed: &str, bytes: usize) -> Option<String> {
    let start = seed.find("一、").unwrap_or(0);
    let end = seed
        .rfind("主办")
        .filter(|&e| e > start)
        .unwrap_or(seed.len());
    let body = &seed[start..end];
    if body.is_empty() {
        return None;
    }
    let mut text = seed[..start].to_string();
    while text.len() < bytes {
        text.push_str(body);
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_the_body_between_header_and_footer() {
        let seed = "标题\n一、正文。\n主办：某单位";
        let text = repeated_to(seed, 60).expect("a body");
        assert!(text.starts_with("标题\n一、正文。\n一、正文。"), "{text}");
        assert!(text.len() >= 60 && !text.contains("主办"));
        assert_eq!(repeated_to("", 10), None);
    }
}
