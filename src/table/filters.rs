//! The indicator table's search form: search box, menus, and the phone's filter disclosure.

use leptos::prelude::*;
use page_logic::{kind_from_token, kind_token, status_from_token, status_token};
use page_logic::{
    kind_label, sort_announcement, status_label, with_count, ALL_KINDS, ALL_SECTIONS, ALL_STATUSES,
};
use page_logic::{kind_options, status_options};
use page_logic::{menu_filter_count, SortDir, SortKey, ViewState};
use report_model::{IndicatorKind, Status};

use crate::browser;
use crate::state::{Announcements, ReportData, TableView};

use super::sort_header::sort_to;

/// Search box, section / status / kind menus, and (on phones, where headers are hidden) a sort
/// menu. Each writes the URL query.
#[component]
pub(super) fn Filters() -> impl IntoView {
    let data = expect_context::<ReportData>();
    let table = expect_context::<TableView>();
    let announce = expect_context::<Announcements>().announce;
    let sections = data.sections.get_value();
    let rows = data.rows.get_value();
    let (kind_now, status_now) = table
        .view
        .with_untracked(|v| (v.filter.kind, v.filter.status));
    // Each option with the rows it gives; none that gives no row (unless a link chose it).
    let kinds: Vec<(IndicatorKind, usize)> = kind_options(&rows, kind_now);
    let statuses: Vec<(Status, usize)> = status_options(&rows, status_now);
    let on_query = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        table.update(true, |v| v.filter.query = value);
    };
    let on_section = move |value: String| {
        table.update(false, |v| {
            v.filter.section = (!value.is_empty()).then_some(value)
        });
    };
    let on_status = move |value: String| {
        table.update(false, |v| v.filter.status = status_from_token(&value));
    };
    let on_kind = move |value: String| {
        table.update(false, |v| v.filter.kind = kind_from_token(&value));
    };
    let on_sort = move |value: String| {
        let (key, dir) = match value.split_once(':') {
            Some((k, d)) => (
                SortKey::from_token(k).unwrap_or_default(),
                SortDir::from_token(d).unwrap_or_default(),
            ),
            None => (SortKey::Published, SortDir::Asc),
        };
        sort_to(table, announce, key, dir);
    };
    let panel_open = RwSignal::new(false);
    let value_of = |f: fn(&ViewState) -> String| Signal::derive(move || table.view.with(f));
    let all = |label: &str| (String::new(), label.to_string());
    let section_options = std::iter::once(all(ALL_SECTIONS))
        .chain(sections.iter().map(|s| {
            let indent = "\u{3000}".repeat(s.depth);
            (s.id.clone(), format!("{indent}{}", s.label))
        }))
        .collect();
    let status_menu = std::iter::once(all(ALL_STATUSES))
        .chain(
            statuses
                .into_iter()
                .map(|(s, n)| (status_token(s).into(), with_count(status_label(s), n))),
        )
        .collect();
    let kind_menu = std::iter::once(all(ALL_KINDS))
        .chain(
            kinds
                .into_iter()
                .map(|(k, n)| (kind_token(k).into(), with_count(kind_label(k), n))),
        )
        .collect();
    let sort_options = SortKey::ALL
        .into_iter()
        .flat_map(|k| [SortDir::Asc, SortDir::Desc].map(move |d| (k, d)))
        .filter(|(k, d)| *k != SortKey::Published || *d == SortDir::Asc)
        .map(|(k, d)| {
            (
                format!("{}:{}", k.token(), d.token()),
                sort_announcement(k, d),
            )
        })
        .collect();
    view! {
        // The filter applies as one types; Enter (or the button) takes the reader to the
        // results, as a search form does, and closes a phone's keyboard.
        <form class="filters" role="search"
            on:submit=|ev| { ev.prevent_default(); browser::skip_to("result-count"); }>
            <label>"搜索指标或原文"
                <input type="search" id="filter-q" autocomplete="off" enterkeyhint="search"
                    prop:value=move || table.view.with(|v| v.filter.query.clone())
                    on:input=on_query/>
            </label>
            <button type="submit" class="secondary search-submit">"查看结果"</button>
            // On a phone the menus wait behind one control that says how many are in force;
            // on wider screens the control is hidden and the menus always shown.
            <button type="button" class="secondary filter-toggle" aria-controls="filter-panel"
                aria-expanded=move || if panel_open.get() { "true" } else { "false" }
                on:click=move |_| panel_open.update(|o| *o = !*o)>
                {move || {
                    let n = table.view.with(|v| menu_filter_count(&v.filter));
                    if n == 0 { "筛选".to_string() } else { format!("筛选（已选 {n} 项）") }
                }}
            </button>
            <div class="filter-panel" id="filter-panel" class:is-open=move || panel_open.get()>
            <Menu label="章节" id="filter-section" options=section_options
                value=value_of(|v| v.filter.section.clone().unwrap_or_default()) on_pick=on_section/>
            <Menu label="状态" id="filter-status" options=status_menu
                value=value_of(|v| v.filter.status.map(status_token).unwrap_or_default().into())
                on_pick=on_status/>
            <Menu label="类型" id="filter-kind" options=kind_menu
                value=value_of(|v| v.filter.kind.map(kind_token).unwrap_or_default().into())
                on_pick=on_kind/>
            // Phones hide the column headers; this menu keeps sorting reachable there.
            <Menu label="排序" id="sort-mobile" class="sort-mobile" options=sort_options
                value=value_of(|v| format!("{}:{}", v.sort.token(), v.dir.token()))
                on_pick=on_sort/>
            </div>
        </form>
    }
}

/// A labelled menu whose value mirrors part of the view state; `on_pick` gets the chosen value.
#[component]
fn Menu(
    label: &'static str,
    id: &'static str,
    #[prop(optional)] class: &'static str,
    options: Vec<(String, String)>,
    value: Signal<String>,
    on_pick: impl Fn(String) + 'static,
) -> impl IntoView {
    view! {
        <label class=class>{label}
            <select id=id on:change=move |ev| on_pick(event_target_value(&ev)) prop:value=value>
                {options.into_iter().map(|(v, l)| view! { <option value=v>{l}</option> }).collect_view()}
            </select>
        </label>
    }
}
