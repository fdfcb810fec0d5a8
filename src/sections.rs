//! The report text as an accordion (WAI-ARIA accordion pattern): every section is a heading
//! holding a toggle button, its panel is `hidden="until-found"` when closed so the browser's
//! find-in-page can still open it, and figures in the text are marked and linked.

use std::sync::Arc;

use leptos::prelude::*;
use page_logic::FIGURE_PREFIX;
use page_logic::{paragraph_runs, Run};
use report_model::{Paragraph, Report, Section};

use crate::state::{FigureTip, LinkTarget, Outline, ReportData};

#[component]
pub fn SectionTree() -> impl IntoView {
    let report = expect_context::<ReportData>().report;
    let outline = expect_context::<Outline>();
    let top_level = report.with_value(|r| r.sections.len());
    let all_open = move || outline.all_open();
    let toggle_all = move |_| outline.set_all(!outline.all_open());
    view! {
        <section class="report-text" class:report-large=outline.large aria-labelledby="report-text-title"
            id=crate::skip_links::REPORT_TEXT_ID tabindex="-1">
            <h2 id="report-text-title" class="visually-hidden">"报告全文"</h2>
            <div class="accordion-controls">
                <button type="button" class="secondary" id="toggle-all" on:click=toggle_all
                    aria-expanded=move || if all_open() { "true" } else { "false" }>
                    {move || if all_open() { "收起全部" } else { "展开全部" }}
                </button>
            </div>
            {(0..top_level).map(|i| view! { <SectionItem path=vec![i]/> }).collect_view()}
        </section>
    }
}

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
fn SectionItem(path: Vec<usize>) -> AnyView {
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

/// A paragraph, its lead sentence in bold, its figures marked and linked to their rows.
#[component]
fn ParagraphText(paragraph: Paragraph) -> impl IntoView {
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

/// A figure in the text: a link to its table row that shows the indicator on hover or focus
/// (dismissed with Escape, as WCAG 1.4.13 asks).
#[component]
fn FigureMark(text: String, indicator: report_model::Indicator) -> impl IntoView {
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
    // thousands of these tooltips. The lines are made in `page_logic::figure_text`, with the
    // figure's qualifier words, a change with its direction, a completion only for a completion.
    let details = page_logic::details(&indicator);
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
