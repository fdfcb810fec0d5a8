//! A figure in the report text, marked, linked to its table row, with its tooltip.

use leptos::prelude::*;
use page_logic::FIGURE_PREFIX;

use crate::state::FigureTip;

/// A figure in the text: a link to its table row that shows the indicator on hover or focus
/// (dismissed with Escape, as WCAG 1.4.13 asks).
#[component]
pub(super) fn FigureMark(text: String, indicator: report_model::Indicator) -> impl IntoView {
    let tip = expect_context::<FigureTip>();
    let id = indicator.id.clone();
    let tip_id = format!("tip-{id}");
    let shown = {
        let id = id.clone();
        move || tip.is_shown(&id)
    };
    let show = {
        let id = id.clone();
        move || tip.show(id.clone())
    };
    let show2 = show.clone();
    let hide = move || tip.hide();
    // One text node, a line per detail (`white-space: pre-line`): a large report has
    // thousands of these tooltips. The lines are made by `page_logic::figure_details`, with the
    // figure's qualifier words, a change with its direction, a completion only for a completion.
    let details = page_logic::figure_details(&indicator);
    view! {
        <span class="figure-wrap" on:mouseenter=move |_| show() on:mouseleave=move |_| hide()>
            <a class="figure" id=format!("{FIGURE_PREFIX}{id}") href=format!("#{id}")
                aria-describedby=tip_id.clone()
                on:focus=move |_| show2() on:blur=move |_| hide()
                on:keydown=move |ev| if ev.key() == "Escape" { hide() }>
                {text}
            </a>
            <span class="figure-tip" role="tooltip" id=tip_id hidden=move || !shown()>
                <strong>{indicator.name}</strong>
                {details.join("\n")}
                <span class="tip-line tip-hint">"点击查看指标表中的这一行"</span>
            </span>
        </span>
    }
}
