//! One section of the report text: its heading with the toggle button, and its panel.

use std::sync::Arc;

use leptos::prelude::*;
use report_model::{Report, Section};

use crate::state::{LinkTarget, Outline, ReportData};

use super::paragraph::ParagraphText;

/// The section at `path` (indices from the top level down), if there is one.
fn section_at<'a>(report: &'a Report, path: &[usize]) -> Option<&'a Section> {
    let (first, rest) = path.split_first()?;
    let mut section = report.sections.get(*first)?;
    for &i in rest {
        section = section.children.get(i)?;
    }
    Some(section)
}

/// What a section's heading shows.
struct SectionHead {
    id: String,
    title: String,
    count: usize,
}

/// One section: heading with toggle, then its paragraphs and sub-sections in a panel. The
/// section is addressed by its path in the report, so nothing is copied until it is shown; the
/// panel's contents are built when [`Outline::body_built`] says so.
#[component]
pub(super) fn SectionItem(path: Vec<usize>) -> AnyView {
    let report = expect_context::<ReportData>().report;
    let outline = expect_context::<Outline>();
    let target = expect_context::<LinkTarget>();
    let head = report.with_value(|r| {
        section_at(r, &path).map(|s| SectionHead {
            id: s.id.clone(),
            title: s.numbered_title(),
            count: s.indicator_count(),
        })
    });
    let Some(SectionHead { id, title, count }) = head else {
        return ().into_any();
    };
    let button_id = format!("btn-{id}");
    let panel_id = format!("panel-{id}");
    let open = outline.open_signal(&id);
    let toggle = {
        let id = id.clone();
        move |_| outline.set_open(&id, !open.get_untracked())
    };
    // Find-in-page found text in the closed panel: open it so the match shows.
    let on_found = {
        let id = id.clone();
        move |_: web_sys::Event| outline.set_open(&id, true)
    };
    let is_target = {
        let id = id.clone();
        move || target.is(&id)
    };
    let built = outline.body_built(&id);
    // Built after the first paint: off screen then, so it may skip layout while off screen.
    let deferred = !built.get_untracked();
    let depth = path.len().saturating_sub(1);
    let body = move || built.get().then(|| section_body(report, &path));
    let button = view! {
        <button type="button" class="section-toggle" id=button_id
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=panel_id.clone() on:click=toggle>
            // "+"/"−" is decoration: the state is aria-expanded.
            <span class="toggle-glyph" aria-hidden="true"></span>
            <span class="section-title">{title}</span>
            {(count > 0).then(|| view! { <span class="section-count">{format!("{count} 项指标")}</span> })}
        </button>
    };
    // The level follows the section's depth in the tree (page_logic::heading_level).
    let heading = match page_logic::heading_level(depth) {
        2 => view! { <h2 class="section-heading">{button}</h2> }.into_any(),
        3 => view! { <h3 class="section-heading">{button}</h3> }.into_any(),
        4 => view! { <h4 class="section-heading">{button}</h4> }.into_any(),
        5 => view! { <h5 class="section-heading">{button}</h5> }.into_any(),
        _ => view! { <h6 class="section-heading">{button}</h6> }.into_any(),
    };
    view! {
        <section class="report-section" id=id class:is-target=is_target>
            {heading}
            <div class="section-panel" class:deferred-panel=deferred id=panel_id.clone()
                hidden=move || (!open.get()).then_some("until-found")
                on:beforematch=on_found>
                {body}
            </div>
        </section>
    }
    .into_any()
}

/// A section's paragraphs and its sub-sections.
fn section_body(report: StoredValue<Arc<Report>>, path: &[usize]) -> Option<impl IntoView> {
    report.with_value(|r| {
        let s = section_at(r, path)?;
        let paragraphs = s
            .paragraphs
            .iter()
            .map(|p| view! { <ParagraphText paragraph=p.clone()/> })
            .collect_view();
        let children = (0..s.children.len())
            .map(|i| {
                let mut child = path.to_vec();
                child.push(i);
                view! { <SectionItem path=child/> }
            })
            .collect_view();
        Some((paragraphs, children))
    })
}
