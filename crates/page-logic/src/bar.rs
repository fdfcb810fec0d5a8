//! Progress-bar maths, for a `role="progressbar"` that is honest to sighted and screen-reader
//! users alike.
//!
//! **One column, one scale.** Every completion bar of the table is drawn on the same track
//! (equal widths in CSS) against the same maximum, [`completion_scale`]: the same percent is the
//! same length in every row, and 247.17 % is drawn longer than 160.6 %, which is longer than
//! 114.59 %. The track runs past 100 % when a row does, with a mark where 100 % of the target
//! is; a bar past 100 % is marked as over target (`overflow`). Only a value past the whole
//! scale is cut at the track's end (`clipped`), and what is *said* — the `aria-valuetext` — is
//! always the true published figure.
//!
//! Share bars (a rate such as "森林覆盖率33%") sit in the 数值 column on their own 0–100 track
//! of the same width. Only [`IndicatorKind::Completion`] figures get completion bars: a share
//! such as "完成率95.56%" of tasks is not the completion of a target.

use report_model::IndicatorKind;

use crate::rows::IndicatorRow;

/// Everything a bar element needs.
#[derive(Debug, Clone, PartialEq)]
pub struct BarView {
    /// CSS width of the fill, 0..=100 (percent of the track).
    pub fill_percent: f64,
    /// The value is over 100 % of its target (or of the whole, for a share): marked visibly.
    pub overflow: bool,
    /// The value is past the end of the track's scale: the fill is cut at the track's end.
    pub clipped: bool,
    /// `aria-valuenow`: the value clamped to `aria_valuemin..=aria_valuemax`, as ARIA requires.
    pub aria_valuenow: f64,
    /// `aria-valuemin`: where the bar starts (0).
    pub aria_valuemin: f64,
    /// `aria-valuemax`: where the bar ends (100, or the scale's top).
    pub aria_valuemax: f64,
    /// `aria-valuetext`: the published figure in words ("完成全年目标的247.17%"). Screen readers
    /// read this instead of `aria-valuenow`, so the clamping above is never heard.
    pub aria_valuetext: String,
    /// Where to draw a baseline marker, 0..=100 percent of the track.
    pub baseline_percent: Option<f64>,
    /// Where 100 % of the target sits on the track, 0..=100 percent of the track, when the track
    /// runs past 100 % (completion bars on a scale above 100).
    pub target_percent: Option<f64>,
}

/// The completion scale is rounded up to a multiple of this many percent.
pub const COMPLETION_SCALE_STEP: f64 = 50.0;
/// The completion scale never runs past this: one absurd figure must not flatten every other
/// bar to a sliver. A bar past it is cut at the track's end and marked.
pub const COMPLETION_SCALE_MAX: f64 = 500.0;

/// The one scale (the track's maximum, in percent) of the completion column: the largest
/// completion among `rows` rounded up to a multiple of `COMPLETION_SCALE_STEP`, at least 100
/// and at most `COMPLETION_SCALE_MAX`. Computed over all rows (not only the ones a filter
/// shows) so that a bar keeps its length while the reader filters.
pub fn completion_scale(rows: &[IndicatorRow]) -> f64 {
    let max = rows
        .iter()
        .filter(|r| r.kind == IndicatorKind::Completion)
        .filter_map(|r| r.completion)
        .filter(|p| p.is_finite())
        .fold(100.0_f64, f64::max);
    ((max / COMPLETION_SCALE_STEP).ceil() * COMPLETION_SCALE_STEP)
        .clamp(100.0, COMPLETION_SCALE_MAX)
}

/// A bar on a 0..`max` track. `None` for a non-finite value or a non-positive maximum.
fn scaled_bar(
    value: f64,
    max: f64,
    valuetext: String,
    baseline: Option<f64>,
    target: Option<f64>,
) -> Option<BarView> {
    if !value.is_finite() || !max.is_finite() || max <= 0.0 {
        return None;
    }
    let clamped = on_scale(value, max);
    let on_track = |x: f64| on_scale(x, max) / max * 100.0;
    Some(BarView {
        fill_percent: on_track(value),
        overflow: value > 100.0,
        clipped: value > max,
        aria_valuenow: clamped,
        aria_valuemin: 0.0,
        aria_valuemax: max,
        aria_valuetext: valuetext,
        baseline_percent: baseline.filter(|b| b.is_finite()).map(on_track),
        target_percent: target.filter(|t| t.is_finite() && *t < max).map(on_track),
    })
}

/// `x` limited to 0..=`max`, for a finite `x` and a positive `max`: what `x.clamp(0.0, max)`
/// returns there, without clamp's check of its bounds, whose panic message formats floats
/// (core's float formatter, some 12 KB of the page's wasm).
fn on_scale(x: f64, max: f64) -> f64 {
    x.max(0.0).min(max)
}

/// A 0–100 bar for a percent `value`. `value` and `baseline` must come from published numbers;
/// non-finite ones give `None` / no marker.
pub(crate) fn percent_bar(value: f64, valuetext: String, baseline: Option<f64>) -> Option<BarView> {
    scaled_bar(value, 100.0, valuetext, baseline, None)
}

/// The bar for a target completion on the column's `scale` ([`completion_scale`]), or `None`
/// when the row is not a [`IndicatorKind::Completion`] with a target.
///
/// Its text is the published completion phrase ("完成全年目标的201.28%") when that phrase holds
/// the published percent, else "完成目标的" + the published percent ("完成目标的201.28%").
pub fn completion_bar(row: &IndicatorRow, scale: f64) -> Option<BarView> {
    if row.kind != IndicatorKind::Completion {
        return None;
    }
    let percent = row.completion?;
    let shown = row.completion_text.as_deref()?;
    let raw = row.completion_raw.as_deref().unwrap_or_default();
    let text = match row.completion_phrase.as_deref() {
        Some(p) if !p.trim().is_empty() && !raw.is_empty() && p.contains(raw) => p.to_string(),
        _ => format!("完成目标的{shown}"),
    };
    scaled_bar(percent, scale.max(100.0), text, None, Some(100.0))
}

/// The bar for a share given in percent (kind `Share`, unit "%"), on a 0–100 track, with a
/// marker at the baseline when the baseline is a percent too ("由80%提升至85.8%": fill 85.8,
/// marker 80). Its text is the published value with its qualifiers, and the baseline when there
/// is one ("85.8%，基期80%"). `None` for other rows: a bar for "37814亩" would have no meaningful
/// maximum.
pub fn rate_bar(row: &IndicatorRow) -> Option<BarView> {
    if row.kind != IndicatorKind::Share || !is_percent(&row.value_unit) {
        return None;
    }
    let value = row.value_number?;
    let baseline = match (&row.baseline_text, &row.baseline_unit) {
        (Some(shown), Some(unit)) if is_percent(unit) => {
            row.baseline_number.map(|b| (b, shown.as_str()))
        }
        _ => None,
    };
    let text = match baseline {
        Some((_, shown)) => format!("{}，基期{shown}", row.value_text),
        None => row.value_text.clone(),
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

    fn all() -> Vec<IndicatorRow> {
        rows(&fixture::report())
    }

    fn row(id: &str) -> IndicatorRow {
        all()
            .into_iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    #[test]
    fn one_scale_for_the_whole_completion_column() {
        let rows = all();
        // 247.17 is the largest: the track runs to 250.
        assert_eq!(completion_scale(&rows), 250.0);
        let scale = completion_scale(&rows);
        let fill = |id: &str| {
            completion_bar(&row(id), scale)
                .unwrap_or_else(|| panic!("{id} has a completion"))
                .fill_percent
        };
        let (trees, jobs, nh3) = (fill("i-trees"), fill("i-jobs"), fill("i-nh3"));
        assert!(trees < jobs && jobs < nh3, "{trees} {jobs} {nh3}");
        // Length is proportional to the percent: the same percent, the same length.
        for (id, pct) in [("i-trees", 114.59), ("i-jobs", 160.6), ("i-nh3", 247.17)] {
            assert!((fill(id) - pct / 250.0 * 100.0).abs() < 1e-9, "{id}");
        }
        let mut twin = row("i-cod");
        twin.completion = Some(114.59);
        assert_eq!(
            completion_bar(&twin, scale).map(|b| b.fill_percent),
            Some(trees)
        );
        // The 100 % mark sits at 40 % of a 250 % track.
        let bar = completion_bar(&row("i-nh3"), scale).unwrap_or_else(|| panic!("nh3"));
        assert_eq!(bar.target_percent, Some(40.0));
        assert!(bar.overflow && !bar.clipped);
        assert_eq!(bar.aria_valuenow, 247.17);
        assert_eq!((bar.aria_valuemin, bar.aria_valuemax), (0.0, 250.0));
        assert_eq!(bar.aria_valuetext, "完成全年目标的247.17%");
    }

    #[test]
    fn the_scale_is_at_least_100_and_at_most_the_cap() {
        let mut rows = all();
        assert_eq!(completion_scale(&rows[..1]), 100.0);
        for r in &mut rows {
            if r.completion.is_some() {
                r.completion = Some(80.0);
            }
        }
        assert_eq!(completion_scale(&rows), 100.0);
        let t = rows
            .iter()
            .position(|r| r.id == "i-trees")
            .unwrap_or_default();
        let bar = completion_bar(&rows[t], 100.0);
        let bar = bar.unwrap_or_else(|| panic!("{} has a completion", rows[t].id));
        assert_eq!((bar.fill_percent, bar.target_percent), (80.0, None));
        assert!(!bar.overflow);
        rows[t].completion = Some(20_000.0);
        assert_eq!(completion_scale(&rows), COMPLETION_SCALE_MAX);
        let bar = completion_bar(&rows[t], COMPLETION_SCALE_MAX).unwrap_or_else(|| panic!("bar"));
        assert_eq!(bar.fill_percent, 100.0);
        assert!(bar.clipped && bar.overflow);
        assert_eq!(bar.aria_valuenow, COMPLETION_SCALE_MAX);
        rows[t].completion = Some(f64::NAN);
        assert_eq!(completion_bar(&rows[t], 100.0), None);
    }

    #[test]
    fn only_completions_get_completion_bars() {
        // The share of tasks done is no completion of a target, even with a target attached.
        let mut rate = row("i-rate");
        assert_eq!(completion_bar(&rate, 250.0), None);
        rate.completion = Some(95.56);
        rate.completion_text = Some("95.56%".into());
        assert_eq!(completion_bar(&rate, 250.0), None);
        assert_eq!(completion_bar(&row("i-posts"), 250.0), None);
        // It is a share bar, 0–100.
        let bar = rate_bar(&row("i-rate")).unwrap_or_else(|| panic!("a share bar"));
        assert_eq!(bar.fill_percent, 95.56);
        assert!(!bar.overflow);
    }

    #[test]
    fn a_completion_without_a_usable_phrase_falls_back_to_the_raw_percent() {
        let mut r = row("i-cod");
        r.completion_phrase = Some("超额完成".into());
        let bar = completion_bar(&r, 250.0).unwrap_or_else(|| panic!("cod has a target"));
        assert_eq!(bar.aria_valuetext, "完成目标的201.28%");
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
        // Not a share, or not in percent: no bar.
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
