//! The indicator table: filters and sort kept in the URL, sortable headers with `aria-sort`,
//! a live-region announcement of each change, rows that become cards on a phone.

mod empty_result;
mod filters;
mod row;
mod share_link;
mod sort_header;

use leptos::prelude::*;
use page_logic::result_count_announcement;
use page_logic::{completion_scale, filter_summary, SortKey};

use crate::state::{Announcements, BrowserState, ReportData, TableView};
use empty_result::EmptyResult;
use filters::Filters;
use row::IndicatorRowView;
use sort_header::SortHeader;

#[component]
pub fn IndicatorTable() -> impl IntoView {
    let data = expect_context::<ReportData>();
    let table = expect_context::<TableView>();
    let announce = expect_context::<Announcements>().announce;
    let BrowserState { live, page_url } = expect_context::<BrowserState>();
    let rows = data.rows.get_value();
    let total = rows.len();
    // One scale for the whole 目标完成 column, over all rows: a bar keeps its length while the
    // reader filters.
    let scale = completion_scale(&rows);
    let visible = {
        let rows = rows.clone();
        Memo::new(move |_| table.view.with(|v| v.visible_rows(&rows)))
    };
    let shown = move || {
        let limit = table.rows_limit();
        visible.with(|v| v.iter().copied().take(limit).collect::<Vec<usize>>())
    };
    // Announce the result count when the filter changes (not on first render).
    // Nor when the take-over of the first paint applies the URL's filter: the reader did not.
    Effect::new(move |prev: Option<(usize, bool)>| {
        let n = visible.with(Vec::len);
        let live = live.get();
        if prev.is_some_and(|(p, was_live)| was_live && p != n) {
            announce.set(result_count_announcement(n, total));
        }
        (n, live)
    });
    let more = move || {
        let remaining = visible.with(Vec::len).saturating_sub(table.rows_limit());
        (remaining > 0 && !table.is_capped()).then(|| {
            view! {
                <button type="button" class="secondary more-rows"
                    on:click=move |_| table.show_more()>
                    {format!("显示更多（还有 {remaining} 项）")}
                </button>
            }
        })
    };
    let sections = data.sections.get_value();
    // Printed once above the rows, which then print only their fragment ("#i-…").
    let page_address = move || {
        let query = table.view.with(|v| v.to_query());
        format!("{}{query}", page_url.get())
    };
    view! {
        <section class="indicators" aria-labelledby="indicators-title"
            id=crate::skip_links::INDICATORS_ID tabindex="-1">
            <h2 id="indicators-title">"指标一览"</h2>
            <Filters/>
            <p class="result-count" id="result-count" tabindex="-1">
                {move || result_count_announcement(visible.with(Vec::len), total)}
            </p>
            <p class="print-only print-context">
                {move || table.view.with(|v| filter_summary(&v.filter, &sections))}
                "　本页地址："{move || page_address()}
            </p>
            <EmptyResult visible/>
            <div class="table-wrap" class:is-empty=move || visible.with(Vec::is_empty)>
                <table class="indicator-table" aria-describedby="result-count">
                    <caption class="visually-hidden">"报告中的全部量化指标，可筛选和排序"</caption>
                    <thead>
                        <tr>
                            <SortHeader key=SortKey::Name/>
                            <SortHeader key=SortKey::Section/>
                            <SortHeader key=SortKey::Value/>
                            <SortHeader key=SortKey::Baseline/>
                            <SortHeader key=SortKey::Change/>
                            <SortHeader key=SortKey::Completion/>
                            <SortHeader key=SortKey::Status/>
                            <th scope="col">"来源"</th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=shown key=|i| *i let:i>
                            <IndicatorRowView row=rows[i].clone() scale/>
                        </For>
                    </tbody>
                </table>
            </div>
            {more}
        </section>
    }
}
