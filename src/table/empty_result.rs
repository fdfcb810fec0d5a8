//! The indicator table's empty result.

use leptos::prelude::*;
use page_logic::{active_filters, Filter};

use crate::browser;
use crate::state::{ReportData, TableView};

/// What an empty result says: that nothing matches, which filters are in force, and one button
/// that clears them all.
#[component]
pub(super) fn EmptyResult(visible: Memo<Vec<usize>>) -> impl IntoView {
    let data = expect_context::<ReportData>();
    let table = expect_context::<TableView>();
    let sections = data.sections.get_value();
    let clear = move |_| {
        table.update(false, |v| v.filter = Filter::default());
        browser::focus_by_id("filter-q");
    };
    move || {
        visible.with(Vec::is_empty).then(|| {
            let active = table.view.with(|v| active_filters(&v.filter, &sections));
            view! {
                <div class="empty-result">
                    <p class="empty-title">"没有符合条件的指标。"</p>
                    {(!active.is_empty()).then(|| view! {
                        <p>"当前筛选："{active.join("；")}</p>
                    })}
                    <button type="button" id="clear-filters" on:click=clear>"清除全部筛选"</button>
                </div>
            }
        })
    }
}
