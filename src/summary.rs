//! The report's own summary at the top: tasks, on target, completion rate, lagging, special
//! indicators. Every figure comes from the JSON and links to its source indicator.

use leptos::prelude::*;
use page_logic::SummaryFigureView;

use crate::state::ReportData;
use crate::widgets::ProgressBar;

#[component]
pub fn SummaryFigures() -> impl IntoView {
    let report = expect_context::<ReportData>().report;
    let h = report.with_value(|r| page_logic::summary_figures(r));
    let any = h.tasks_total.is_some()
        || h.completion_rate.is_some()
        || h.lagging.is_some()
        || !h.lagging_items.is_empty();
    if !any {
        return None;
    }
    let bar = h.completion_bar().map(|bar| {
        let shown = h
            .completion_rate
            .as_ref()
            .map(|f| f.display.clone())
            .unwrap_or_default();
        view! {
            <div class="summary-bar">
                <ProgressBar bar shown label="任务完成率"/>
            </div>
        }
    });
    let lagging = (!h.lagging_items.is_empty()).then(|| {
        view! {
            <p class="summary-lagging">
                <span class="status status-lagging">"进度滞后"</span> " "
                {h.lagging_items.iter().enumerate().map(|(k, (id, name))| view! {
                    {(k > 0).then_some("、")}
                    <a href=format!("#{id}")>{name.clone()}</a>
                }).collect_view()}
            </p>
        }
    });
    Some(view! {
        <section class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">"总体情况"</h2>
            <dl class="summary-list">
                <Figure label="市政府绩效任务" figure=h.tasks_total.clone()/>
                <Figure label="完成年初既定目标" figure=h.on_target.clone()/>
                <Figure label="完成率" figure=h.completion_rate.clone()/>
                <Figure label="进度滞后" figure=h.lagging.clone()/>
                <Figure label="市级专项指标" figure=h.special_indicators.clone()/>
            </dl>
            {bar}
            {lagging}
        </section>
    })
}

/// One summary figure; nothing when the report does not state it.
#[component]
fn Figure(label: &'static str, figure: Option<SummaryFigureView>) -> impl IntoView {
    figure.map(|f| {
        view! {
            <div class="summary-figure">
                <dt>{label}</dt>
                <dd><a href=format!("#{}", f.indicator_id) class="summary-link">{f.display}</a></dd>
            </div>
        }
    })
}
