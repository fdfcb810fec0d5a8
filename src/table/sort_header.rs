//! Sorting the indicator table: the column headers' sort buttons (`aria-sort`).

use leptos::prelude::*;
use page_logic::{next_sort, SortDir, SortKey};
use page_logic::{sort_announcement, sort_key_label};

use crate::state::{Announcements, TableView};

/// Sorts by `key` in `dir`, recorded in the URL, and says so.
pub(super) fn sort_to(table: TableView, announce: RwSignal<String>, key: SortKey, dir: SortDir) {
    table.update(false, |v| {
        v.sort = key;
        v.dir = dir;
    });
    announce.set(sort_announcement(key, dir));
}

/// A column header with a sort button; `aria-sort` only on the sorted column.
#[component]
pub(super) fn SortHeader(key: SortKey) -> impl IntoView {
    let table = expect_context::<TableView>();
    let announce = expect_context::<Announcements>().announce;
    let aria_sort = move || {
        table
            .view
            .with(|v| (v.sort == key).then(|| v.dir.aria_sort()))
    };
    let click = move |_| {
        let current = table.view.with_untracked(|v| (v.sort, v.dir));
        let (k, d) = next_sort(current, key);
        sort_to(table, announce, k, d);
    };
    view! {
        <th scope="col" aria-sort=aria_sort>
            // The arrow is decoration: the sorted state is the header's aria-sort.
            <button type="button" class="sort-button" on:click=click>
                {sort_key_label(key)}<span class="sort-glyph" aria-hidden="true"></span>
            </button>
        </th>
    }
}
