//! Progress-bar maths, for a `role="progressbar"` (or `<meter>`) that is honest to sighted and
//! screen-reader users alike.
//!
//! The bar's *width* is clamped to 0–100 % so it fits its track, but what is *said* — the
//! `aria-valuetext` — is always the true published figure: a bar full to the edge must not let
//! anyone believe 247.17 % is 100 %. `overflow` lets the page mark such bars visibly too.

use report_model::IndicatorKind;

use crate::rows::IndicatorRow;

/// Everything a bar element needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    /// CSS width of the fill, 0..=100 (percent of the track).
    pub fill_percent: f64,
    /// The true value is above the track's maximum (the fill is cut at 100).
    pub overflow: bool,
    /// `aria-valuenow`: the value clamped to `aria_valuemin..=aria_valuemax`, as ARIA requires.
    pub aria_valuenow: f64,
    pub aria_valuemin: f64,
    pub aria_valuemax: f64,
    /// `aria-valuetext`: the published figure in words ("完成全年目标的247.17%"). Screen readers
    /// read this instead of `aria-valuenow`, so the clamping above is never heard.
    pub aria_valuetext: String,
    /// Where to draw a baseline marker, 0..=100 percent of the track.
    pub baseline_percent: Option<f64>,
}

/// A 0–100 bar for a percent `value`. `value` and `baseline` must come from published numbers;
/// non-finite ones give `None` / no marker.
pub fn percent_bar(value: f64, valuetext: String, baseline: Option<f64>) -> Option<BarView> {
    if !value.is_finite() {
        return None;
    }
    let clamped = value.clamp(0.0, 100.0);
    Some(BarView {
        fill_percent: clamped,
        overflow: value > 100.0,
        aria_valuenow: clamped,
        aria_valuemin: 0.0,
        aria_valuemax: 100.0,
        aria_valuetext: valuetext,
        baseline_percent: baseline
            .filter(|b| b.is_finite())
            .map(|b| b.clamp(0.0, 100.0)),
    })
}

/// The bar for a target completion (max 100 %), or `None` when the row has no target.
///
/// Its text is the published completion phrase ("完成全年目标的201.28%") when that phrase holds
/// the published percent, else "完成目标的" + the published percent ("完成目标的201.28%").
pub fn completion_bar(row: &IndicatorRow) -> Option<BarView> {
    let percent = row.completion?;
    let display = row.completion_display.as_deref()?;
    let raw = row.completion_raw.as_deref().unwrap_or_default();
    let text = match row.completion_phrase.as_deref() {
        Some(p) if !p.trim().is_empty() && !raw.is_empty() && p.contains(raw) => p.to_string(),
        _ => format!("完成目标的{display}"),
    };
    percent_bar(percent, text, None)
}

/// The bar for a rate given in percent (kind `Rate`, unit "%"), on a 0–100 track, with a marker
/// at the baseline when the baseline is a percent too ("由80%提升至85.8%": fill 85.8, marker
/// 80). Its text is the published value, and the baseline when there is one ("85.8%，基期80%").
/// `None` for other rows: a bar for "37814亩" would have no meaningful maximum.
pub fn rate_bar(row: &IndicatorRow) -> Option<BarView> {
    if row.kind != IndicatorKind::Rate || !is_percent(&row.value_unit) {
        return None;
    }
    let value = row.value_number?;
    let baseline = match (&row.baseline_display, &row.baseline_unit) {
        (Some(shown), Some(unit)) if is_percent(unit) => {
            row.baseline_number.map(|b| (b, shown.as_str()))
        }
        _ => None,
    };
    let text = match baseline {
        Some((_, shown)) => format!("{}，基期{shown}", row.value_display),
        None => row.value_display.clone(),
    };
    percent_bar(value, text, baseline.map(|(b, _)| b))
}

fn is_percent(unit: &str) -> bool {
    matches!(unit.trim(), "%" | "％")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{fixture, rows};

    fn row(id: &str) -> IndicatorRow {
        rows(&fixture::report())
            .into_iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    #[test]
    fn an_overfull_completion_is_clamped_but_told_truly() {
        let bar = completion_bar(&row("i-cod")).unwrap_or_else(|| panic!("cod has a target"));
        assert_eq!(bar.fill_percent, 100.0);
        assert!(bar.overflow);
        assert_eq!(bar.aria_valuenow, 100.0);
        assert_eq!((bar.aria_valuemin, bar.aria_valuemax), (0.0, 100.0));
        assert_eq!(bar.aria_valuetext, "完成全年目标的201.28%");
        assert_eq!(bar.baseline_percent, None);
    }

    #[test]
    fn a_completion_without_a_usable_phrase_falls_back_to_the_raw_percent() {
        let mut r = row("i-cod");
        r.completion_phrase = Some("超额完成".into());
        let bar = completion_bar(&r).unwrap_or_else(|| panic!("cod has a target"));
        assert_eq!(bar.aria_valuetext, "完成目标的201.28%");

        let rate = completion_bar(&row("i-rate")).unwrap_or_else(|| panic!("rate has a target"));
        assert_eq!(rate.fill_percent, 95.56);
        assert!(!rate.overflow);
        assert_eq!(rate.aria_valuetext, "完成率95.56%");
        assert_eq!(completion_bar(&row("i-posts")), None);
    }

    #[test]
    fn a_rate_bar_marks_its_baseline() {
        let bar = rate_bar(&row("i-park")).unwrap_or_else(|| panic!("park is a rate"));
        assert_eq!(bar.fill_percent, 85.8);
        assert_eq!(bar.baseline_percent, Some(80.0));
        assert_eq!(bar.aria_valuetext, "85.8%，基期80%");
        assert!(!bar.overflow);

        let forest = rate_bar(&row("i-forest")).unwrap_or_else(|| panic!("forest is a rate"));
        assert_eq!(forest.aria_valuetext, "33%");
        assert_eq!(forest.baseline_percent, None);
        // Not a rate, or not in percent: no bar.
        assert_eq!(rate_bar(&row("i-trees")), None);
        let mut odd = row("i-park");
        odd.value_unit = "人".into();
        assert_eq!(rate_bar(&odd), None);
    }

    #[test]
    fn out_of_range_values_are_clamped() {
        let bar = percent_bar(-5.0, "x".into(), Some(140.0)).unwrap_or_else(|| panic!("finite"));
        assert_eq!(bar.fill_percent, 0.0);
        assert_eq!(bar.aria_valuenow, 0.0);
        assert_eq!(bar.baseline_percent, Some(100.0));
        assert!(!bar.overflow);
        assert_eq!(percent_bar(f64::NAN, "x".into(), None), None);
        assert_eq!(
            percent_bar(5.0, "x".into(), Some(f64::INFINITY)).and_then(|b| b.baseline_percent),
            None
        );
    }
}
