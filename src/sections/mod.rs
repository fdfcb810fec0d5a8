//! The report text as an accordion (WAI-ARIA accordion pattern): every section is a heading
//! holding a toggle button, its panel is `hidden="until-found"` when closed so the browser's
//! find-in-page can still open it, and figures in the text are marked and linked.

mod figure_mark;
mod paragraph;
mod section_item;

use leptos::prelude::*;

use crate::state::{Outline, ReportData};
use section_item::SectionItem;

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
