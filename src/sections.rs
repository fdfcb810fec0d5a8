//! The report text as an accordion (WAI-ARIA accordion pattern): every section is a heading
//! holding a toggle button, its panel is `hidden="until-found"` when closed so the browser's
//! find-in-page can still open it, and figures in the text are marked and linked.

use leptos::prelude::*;
use report_model::{Paragraph, Section};
use report_view::labels::status_label;
use report_view::marks::{paragraph_runs, Run};
use report_view::FIGURE_PREFIX;

use crate::page::PageState;

#[component]
pub fn SectionTree() -> impl IntoView {
    let state = expect_context::<PageState>();
    let sections = state.report.with_value(|r| r.sections.clone());
    let all_ids: Vec<String> = state
        .report
        .with_value(|r| r.sections_flat().iter().map(|s| s.id.clone()).collect());
    let total = all_ids.len();
    let all_open = move || state.open.with(|o| o.len() >= total);
    let toggle_all = move |_| {
        if all_open() {
            state.open.update(|o| o.clear());
        } else {
            state.open.update(|o| o.extend(all_ids.iter().cloned()));
        }
    };
    view! {
        <section class="report-text" aria-labelledby="report-text-title">
            <h2 id="report-text-title" class="visually-hidden">"报告全文"</h2>
            <div class="accordion-controls">
                <button type="button" class="secondary" id="toggle-all" on:click=toggle_all
                    aria-expanded=move || if all_open() { "true" } else { "false" }>
                    {move || if all_open() { "收起全部" } else { "展开全部" }}
                </button>
            </div>
            {sections.into_iter().map(|s| view! { <SectionItem section=s/> }).collect_view()}
        </section>
    }
}

/// One section: heading with toggle, then its paragraphs and sub-sections in a panel.
#[component]
fn SectionItem(section: Section) -> AnyView {
    let state = expect_context::<PageState>();
    let id = section.id.clone();
    let button_id = format!("btn-{id}");
    let panel_id = format!("panel-{id}");
    let count = section.indicator_count();
    let open = {
        let id = id.clone();
        Memo::new(move |_| state.is_open(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| state.set_open(&id, !open.get_untracked())
    };
    // Find-in-page found text in the closed panel: open it so the match shows.
    let on_found = {
        let id = id.clone();
        move |_: web_sys::Event| state.set_open(&id, true)
    };
    let is_target = {
        let id = id.clone();
        move || state.target.with(|t| t.as_deref() == Some(id.as_str()))
    };
    let button = view! {
        <button type="button" class="section-toggle" id=button_id.clone()
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=panel_id.clone() on:click=toggle>
            <span class="section-title">{section.numbered_title()}</span>
            {(count > 0).then(|| view! { <span class="section-count">{format!("{count} 项指标")}</span> })}
        </button>
    };
    // Heading level follows the report's outline: 一、 → h2 … （1） → h5.
    let heading = match section.level {
        1 => view! { <h2 class="section-heading">{button}</h2> }.into_any(),
        2 => view! { <h3 class="section-heading">{button}</h3> }.into_any(),
        3 => view! { <h4 class="section-heading">{button}</h4> }.into_any(),
        _ => view! { <h5 class="section-heading">{button}</h5> }.into_any(),
    };
    let paragraphs = section
        .paragraphs
        .into_iter()
        .map(|p| view! { <ParagraphText paragraph=p/> })
        .collect_view();
    let children = section
        .children
        .into_iter()
        .map(|c| view! { <SectionItem section=c/> })
        .collect_view();
    view! {
        <section class="report-section" id=id class:is-target=is_target>
            {heading}
            <div class="section-panel" id=panel_id.clone() aria-labelledby=button_id
                hidden=move || (!open.get()).then_some("until-found")
                on:beforematch=on_found>
                {paragraphs}
                {children}
            </div>
        </section>
    }
    .into_any()
}

/// A paragraph, its lead sentence in bold, its figures marked and linked to their rows.
#[component]
fn ParagraphText(paragraph: Paragraph) -> impl IntoView {
    let state = expect_context::<PageState>();
    let runs = paragraph_runs(&paragraph);
    let id = paragraph.id.clone();
    let is_target = move || state.target.with(|t| t.as_deref() == Some(id.as_str()));
    let indicators = paragraph.indicators;
    view! {
        <p class="paragraph" id=paragraph.id.clone() class:is-target=is_target>
            {runs.into_iter().map(|run| {
                let indicator = run
                    .figure
                    .as_ref()
                    .and_then(|f| indicators.iter().find(|i| &i.id == f))
                    .cloned();
                view! { <TextRun run indicator/> }
            }).collect_view()}
        </p>
    }
}

/// A run of paragraph text: plain, part of a highlighted sentence, or a marked figure.
#[component]
fn TextRun(run: Run, indicator: Option<report_model::Indicator>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let sentence_of = run.sentence_of.clone();
    // The sentence is highlighted when a deep link names one of its indicators' figures.
    let highlighted = move || {
        state.target.with(|t| {
            t.as_deref()
                .and_then(|t| t.strip_prefix(FIGURE_PREFIX))
                .is_some_and(|t| sentence_of.iter().any(|s| s == t))
        })
    };
    let class = if run.headline {
        "run paragraph-headline"
    } else {
        "run"
    };
    let body = match indicator {
        Some(ind) => view! { <FigureMark text=run.text indicator=ind/> }.into_any(),
        None => run.text.into_any(),
    };
    view! { <span class=class class:is-target-sentence=highlighted>{body}</span> }
}

/// A figure in the text: a link to its table row that shows the indicator on hover or focus
/// (dismissed with Escape, as WCAG 1.4.13 asks).
#[component]
fn FigureMark(text: String, indicator: report_model::Indicator) -> impl IntoView {
    let state = expect_context::<PageState>();
    let id = indicator.id.clone();
    let tip_id = format!("tip-{id}");
    let shown = {
        let id = id.clone();
        move || state.tip.with(|t| t.as_deref() == Some(id.as_str()))
    };
    let show = {
        let id = id.clone();
        move || state.tip.set(Some(id.clone()))
    };
    let show2 = show.clone();
    let hide = move || state.tip.set(None);
    let mut details = Vec::new();
    if let Some(v) = &indicator.value {
        details.push(format!("数值：{}", v.display()));
    }
    if let Some(b) = &indicator.baseline {
        details.push(format!("基期：{}", b.display()));
    }
    if let Some(c) = &indicator.change {
        details.push(format!("变化：{}", c.raw));
    }
    if let Some(t) = &indicator.target {
        details.push(format!("目标：{}", t.raw));
    }
    details.push(format!("状态：{}", status_label(indicator.status)));
    view! {
        <span class="figure-wrap" on:mouseenter=move |_| show() on:mouseleave=move |_| hide()>
            <a class="figure" id=format!("{FIGURE_PREFIX}{id}") href=format!("#{id}")
                aria-describedby=tip_id.clone()
                on:focus=move |_| show2() on:blur=move |_| hide()
                on:keydown=move |ev| if ev.key() == "Escape" { hide() }>
                {text}
            </a>
            <span class="figure-tip" role="tooltip" id=tip_id hidden=move || !shown()>
                <strong>{indicator.name.clone()}</strong>
                {details.into_iter().map(|d| view! { <span class="tip-line">{d}</span> }).collect_view()}
                <span class="tip-line tip-hint">"点击查看指标表中的这一行"</span>
            </span>
        </span>
    }
}
