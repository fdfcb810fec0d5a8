//! The report's summary figures (`Report::summary`: tasks, on target, completion rate,
//! lagging, special indicators), read from the indicators of the sections titled 总体情况 &
//! co., or else of the first section.

use report_model::{IndicatorKind, Measure, Status, Summary, SummaryFigure};

use crate::figures::Extracted;

/// Headings whose sections hold the summary figures.
pub const SUMMARY_KEYS: &[&str] = &["总体", "概况", "基本情况", "总述", "综述"];

/// What the summary needs to know about an indicator beyond the model.
pub struct Noted {
    /// The section node it is in.
    pub node: usize,
    /// Its id.
    pub id: String,
    /// What it was read as.
    pub ex: Extracted,
}

/// The indicators kept for the summary: only the first that can be each of its figures.
#[derive(Default)]
pub struct SummaryNotes {
    noted: Vec<Noted>,
    /// Which of [`summary_roles`] an indicator of `noted` already has.
    seen: [bool; 4],
}

impl SummaryNotes {
    /// Could the summary use this indicator? Only the first indicator that can be each of
    /// the summary's figures matters (see [`summary`]): the others are not kept (in the
    /// benchmark text, whose 总体情况 section repeats, that saves a copy of thousands).
    pub fn wants(&self, ex: &Extracted) -> bool {
        summary_roles(ex)
            .iter()
            .zip(self.seen)
            .any(|(&can, seen)| can && !seen)
    }

    /// Keeps `n` if the summary may want it.
    pub fn note(&mut self, n: Noted) {
        if !self.wants(&n.ex) {
            return;
        }
        for (seen, can) in self.seen.iter_mut().zip(summary_roles(&n.ex)) {
            *seen |= can;
        }
        self.noted.push(n);
    }

    /// The kept indicators, in document order.
    pub fn into_noted(self) -> Vec<Noted> {
        self.noted
    }
}

/// Which figures of the summary an indicator can be, in the order: the completion (rate,
/// done, total), the total of tasks, the lagging tasks, the special indicators. The summary
/// takes the first indicator of each.
fn summary_roles(ex: &Extracted) -> [bool; 4] {
    let unit_is = |units: &[&str]| {
        ex.value
            .as_ref()
            .is_some_and(|v| units.contains(&v.unit.as_str()))
    };
    [
        // A rate of tasks done is a share (not completion of a target) but still the summary's.
        matches!(ex.kind, IndicatorKind::Completion | IndicatorKind::Share)
            && (ex.done.is_some() || ex.name.contains("完成率")),
        ex.kind == IndicatorKind::Level
            && ex.status != Status::Lagging
            && unit_is(&["项"])
            && ex.name.contains("任务"),
        ex.kind == IndicatorKind::Level && ex.status == Status::Lagging && unit_is(&["项", ""]),
        ex.kind == IndicatorKind::Level && unit_is(&["个", "项"]) && ex.name.contains("指标"),
    ]
}

/// The summary from the indicators of the sections titled 总体情况/概况/… (and their
/// sub-sections), or else of the first section.
pub fn summary(pool: &[&Noted]) -> Option<Summary> {
    let fig = |m: &Measure, id: &str| SummaryFigure {
        value: m.clone(),
        indicator_id: id.to_string(),
    };
    let first = |role: usize| {
        pool.iter()
            .find(|n| summary_roles(&n.ex).get(role).copied().unwrap_or(false))
    };
    let completion = first(0);
    let tasks_total = first(1)
        .and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)))
        .or_else(|| completion.and_then(|n| n.ex.total.as_ref().map(|t| fig(t, &n.id))));
    let tasks_on_target = completion.and_then(|n| n.ex.done.as_ref().map(|d| fig(d, &n.id)));
    let completion_rate = completion.and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)));
    let tasks_lagging = first(2).and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)));
    let special_indicators = first(3).and_then(|n| n.ex.value.as_ref().map(|v| fig(v, &n.id)));
    let s = Summary {
        tasks_total,
        tasks_on_target,
        completion_rate,
        tasks_lagging,
        special_indicators,
    };
    let empty = s.tasks_total.is_none()
        && s.tasks_on_target.is_none()
        && s.completion_rate.is_none()
        && s.tasks_lagging.is_none()
        && s.special_indicators.is_none();
    (!empty).then_some(s)
}
