//! The summary figures at the top of the page, all read from `report.summary` (nothing is
//! typed into the page: another year's report brings its own figures).

use std::collections::HashSet;

use report_model::{Report, Status, SummaryFigure};

use crate::bar::{percent_bar, BarView};
use crate::figure_text::measure_text;
use crate::rows::finite;

/// One summary figure, as published, with the indicator it was read from (to link to its
/// sentence).
#[derive(Debug, Clone, PartialEq)]
pub struct SummaryFigureView {
    /// The number as published ("45", "95.56").
    pub raw: String,
    /// The unit as published ("项", "%"); may be empty.
    pub unit: String,
    /// The figure with its unit and qualifiers ("45项", "95.56%", "约 2000人").
    pub display: String,
    /// For bars only; `None` if not finite.
    pub number: Option<f64>,
    /// The indicator carrying the figure's source sentence.
    pub indicator_id: String,
}

impl SummaryFigureView {
    fn from_summary(f: &SummaryFigure) -> Self {
        SummaryFigureView {
            raw: f.value.raw.clone(),
            unit: f.value.unit.clone(),
            display: measure_text(&f.value),
            number: finite(f.value.number),
            indicator_id: f.indicator_id.clone(),
        }
    }
}

/// The report's summary figures: how many tasks, how many on target, the completion rate, the lagging
/// ones. Every field is `None` / empty when the report does not state it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SummaryFigures {
    /// "45项" (市政府绩效任务).
    pub tasks_total: Option<SummaryFigureView>,
    /// "43" tasks on target.
    pub on_target: Option<SummaryFigureView>,
    /// "95.56%".
    pub completion_rate: Option<SummaryFigureView>,
    /// The completion rate as a number, when its unit is percent; for the completion bar.
    pub completion_percent: Option<f64>,
    /// "2项" lagging.
    pub lagging: Option<SummaryFigureView>,
    /// "7个" special indicators.
    pub special_indicators: Option<SummaryFigureView>,
    /// `(id, name)` of every indicator whose status is `Lagging`, in published order — except
    /// those the summary's own figures point at (e.g. a "完成率95.56%" indicator marked lagging
    /// is the summary's rate, not a lagging task).
    pub lagging_items: Vec<(String, String)>,
}

impl SummaryFigures {
    /// A bar for the completion rate ("完成率95.56%" → fill 95.56), if it is a percent.
    pub fn completion_bar(&self) -> Option<BarView> {
        let rate = self.completion_rate.as_ref()?;
        percent_bar(
            self.completion_percent?,
            format!("完成率{}", rate.display),
            None,
        )
    }
}

/// The summary figures of `report`, from `report.summary` and the lagging indicators.
pub fn summary_figures(report: &Report) -> SummaryFigures {
    let mut h = SummaryFigures::default();
    let mut summary_ids = HashSet::new();
    if let Some(s) = &report.summary {
        let fig = |f: &Option<SummaryFigure>| f.as_ref().map(SummaryFigureView::from_summary);
        h.tasks_total = fig(&s.tasks_total);
        h.on_target = fig(&s.tasks_on_target);
        h.completion_rate = fig(&s.completion_rate);
        h.lagging = fig(&s.tasks_lagging);
        h.special_indicators = fig(&s.special_indicators);
        summary_ids.extend(
            [
                &s.tasks_total,
                &s.tasks_on_target,
                &s.completion_rate,
                &s.tasks_lagging,
                &s.special_indicators,
            ]
            .into_iter()
            .flatten()
            .map(|f| f.indicator_id.as_str()),
        );
    }
    h.completion_percent = h
        .completion_rate
        .as_ref()
        .filter(|f| matches!(f.unit.trim(), "%" | "％"))
        .and_then(|f| f.number);
    h.lagging_items = report
        .indicators()
        .into_iter()
        .filter(|i| i.status == Status::Lagging && !summary_ids.contains(i.id.as_str()))
        .map(|i| (i.id.clone(), i.name.clone()))
        .collect();
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn the_summary_figures_come_from_the_summary() {
        let h = summary_figures(&fixture::report());
        let show = |f: &Option<SummaryFigureView>| f.as_ref().map(|f| f.display.clone());
        assert_eq!(show(&h.tasks_total).as_deref(), Some("45项"));
        assert_eq!(show(&h.on_target).as_deref(), Some("43"));
        assert_eq!(show(&h.completion_rate).as_deref(), Some("95.56%"));
        assert_eq!(show(&h.lagging).as_deref(), Some("2项"));
        assert_eq!(show(&h.special_indicators).as_deref(), Some("7个"));
        assert_eq!(h.completion_percent, Some(95.56));
        assert_eq!(
            h.tasks_total.as_ref().map(|f| f.indicator_id.as_str()),
            Some("i-tasks")
        );
        assert_eq!(
            h.lagging_items,
            vec![
                ("i-consume".to_string(), "总消费增速".to_string()),
                ("i-dust".to_string(), "辖区降尘量控制".to_string()),
            ]
        );
        let bar = h.completion_bar().unwrap_or_else(|| panic!("a rate bar"));
        assert_eq!(bar.aria_valuetext, "完成率95.56%");
        assert_eq!(bar.fill_percent, 95.56);
    }

    #[test]
    fn summary_indicators_are_not_lagging_items() {
        let mut r = fixture::report();
        for s in &mut r.sections {
            for p in &mut s.paragraphs {
                for i in &mut p.indicators {
                    if i.id == "i-rate" {
                        i.status = Status::Lagging;
                    }
                }
            }
        }
        assert_eq!(summary_figures(&r).lagging_items.len(), 2);
    }

    #[test]
    fn no_summary_gives_no_summary_figures_but_the_lagging_items() {
        let mut r = fixture::report();
        r.summary = None;
        let h = summary_figures(&r);
        assert_eq!(h.tasks_total, None);
        assert_eq!(h.completion_percent, None);
        assert_eq!(h.completion_bar(), None);
        // Without the summary, the "2项任务进度有所滞后" figure is a lagging item itself.
        assert_eq!(h.lagging_items.len(), 3);
    }
}
