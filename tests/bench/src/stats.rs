//! Summary statistics of a series of samples: median, range and nearest-rank percentiles.

use serde_json::{json, Value};

/// A series' summary; `None` for an empty series (see [`Stats::of`]).
#[derive(Clone, Copy, Debug)]
pub struct Stats {
    pub n: usize,
    pub median: f64,
    pub min: f64,
    pub max: f64,
    pub p10: f64,
    pub p90: f64,
    pub p95: f64,
}

impl Stats {
    /// The finite values' summary, or `None` when there is none.
    pub fn of(values: &[f64]) -> Option<Stats> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        // Nearest rank.
        let pct = |p: f64| v[((p / 100.0 * n as f64).ceil() as usize).clamp(1, n) - 1];
        Some(Stats {
            n,
            median,
            min: v[0],
            max: v[n - 1],
            p10: pct(10.0),
            p90: pct(90.0),
            p95: pct(95.0),
        })
    }

    /// As bench.json records it (`null` for no samples).
    pub fn json(s: Option<Stats>) -> Value {
        match s {
            Some(s) => json!({
                "n": s.n, "median": s.median, "min": s.min, "max": s.max,
                "p10": s.p10, "p90": s.p90, "p95": s.p95,
            }),
            None => Value::Null,
        }
    }
}

/// One numeric field of every sample that has it.
pub fn column(rows: &[Value], key: &str) -> Vec<f64> {
    rows.iter().filter_map(|r| r[key].as_f64()).collect()
}

/// `a`'s median over `b`'s.
pub fn ratio(a: Option<Stats>, b: Option<Stats>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) if b.median > 0.0 => Some(a.median / b.median),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_range_and_nearest_rank_percentiles() {
        let v: Vec<f64> = (1..=20).map(f64::from).collect();
        let s = Stats::of(&v).expect("samples");
        assert_eq!((s.n, s.median, s.min, s.max), (20, 10.5, 1.0, 20.0));
        assert_eq!((s.p10, s.p90, s.p95), (2.0, 18.0, 19.0));
        let odd = Stats::of(&[3.0, f64::NAN, 1.0, 2.0]).expect("samples");
        assert_eq!((odd.n, odd.median), (3, 2.0));
        assert!(Stats::of(&[f64::INFINITY]).is_none());
    }

    #[test]
    fn ratio_of_medians_needs_both() {
        let a = Stats::of(&[3.0]);
        let b = Stats::of(&[1.5]);
        assert_eq!(ratio(a, b), Some(2.0));
        assert_eq!(ratio(a, None), None);
        assert_eq!(ratio(a, Stats::of(&[0.0])), None);
    }
}
