//! How figures are written in bench.md: KiB, seconds and milliseconds with their ranges.

use serde_json::Value;

use crate::stats::Stats;

pub fn kib(bytes: f64) -> String {
    format!("{:.1} KiB", bytes / 1024.0)
}

/// "1.48 s (1.47–1.55)": median (min–max) of milliseconds, in seconds.
pub fn secs_range(s: Option<Stats>) -> String {
    match s {
        Some(s) => format!(
            "{:.2} s ({:.2}–{:.2})",
            s.median / 1e3,
            s.min / 1e3,
            s.max / 1e3
        ),
        None => "n/a".into(),
    }
}

/// "134 ms (129–143)": median (min–max).
pub fn ms_range(s: Option<Stats>) -> String {
    match s {
        Some(s) => format!("{:.0} ms ({:.0}–{:.0})", s.median, s.min, s.max),
        None => "n/a".into(),
    }
}

/// Whole milliseconds for the progress log, "–" for none.
pub fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into())
}

/// A number as JSON, whole numbers without a fraction (150, not 150.0; 562.5 stays).
pub fn number(x: f64) -> Value {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        Value::from(x as i64)
    } else {
        Value::from(x)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_in_seconds_and_milliseconds() {
        let s = Stats::of(&[1470.0, 1480.0, 1550.0]);
        assert_eq!(secs_range(s), "1.48 s (1.47–1.55)");
        assert_eq!(ms_range(s), "1480 ms (1470–1550)");
        assert_eq!(secs_range(None), "n/a");
        assert_eq!(kib(2048.0), "2.0 KiB");
        assert_eq!(number(150.0).to_string(), "150");
        assert_eq!(number(562.5).to_string(), "562.5");
    }
}
