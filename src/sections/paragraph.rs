//! A paragraph of the report text: its lead sentence, the sentences a deep link highlights,
//! and its figures marked.

use leptos::prelude::*;
use page_logic::{paragraph_runs, Run};
use report_model::Paragraph;

use crate::state::LinkTarget;

use super::figure_mark::FigureMark;

/// A paragraph, its lead sentence in bold, its figures marked and linked to their rows.
#[component]
pub(super) fn ParagraphText(paragraph: Paragraph) -> impl IntoView {
    let target = expect_context::<LinkTarget>();
    let runs = paragraph_runs(&paragraph);
    let id = paragraph.id.clone();
    let is_target = move || target.is(&id);
    let indicators = paragraph.indicators;
    view! {
        <p class="paragraph" id=paragraph.id.clone() class:is-target=is_target>
            {runs.into_iter().map(|run| {
                let indicator = run
                    .figure
                    .as_ref()
                    .and_then(|f| indicators.iter().find(|i| &i.id == f))
                    .cloned();
                text_run(target, run, indicator)
            }).collect_view()}
        </p>
    }
}

/// A run of paragraph text: plain text, or a span when it is part of the lead sentence, of an
/// indicator's sentence (highlighted by a deep link to the figure) or a marked figure. Plain
/// text stays a bare text node: a large report has tens of thousands of runs.
fn text_run(target: LinkTarget, run: Run, indicator: Option<report_model::Indicator>) -> AnyView {
    if indicator.is_none() && run.sentence_of.is_empty() && !run.lead {
        return run.text.into_any();
    }
    let class = if run.lead {
        "run paragraph-lead"
    } else {
        "run"
    };
    let body = match indicator {
        Some(ind) => view! { <FigureMark text=run.text indicator=ind/> }.into_any(),
        None => run.text.into_any(),
    };
    if run.sentence_of.is_empty() {
        return view! { <span class=class>{body}</span> }.into_any();
    }
    let sentence_of = run.sentence_of;
    let highlighted = move || sentence_of.iter().any(|s| target.is_figure_of(s));
    view! { <span class=class class:is-target-sentence=highlighted>{body}</span> }.into_any()
}
