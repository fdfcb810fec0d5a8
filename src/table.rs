//! The indicator table: filters and sort kept in the URL, sortable headers with `aria-sort`,
//! a live-region announcement of each change, rows that become cards on a phone.

use leptos::prelude::*;
use leptos::task::spawn_local;
use page_logic::active_filters::{active_filters, filter_summary, menu_filter_count};
use page_logic::filter::{kind_options, status_options};
use page_logic::labels::{
    kind_label, result_count_announcement, sort_announcement, sort_key_label, status_label,
    with_count, ALL_KINDS, ALL_SECTIONS, ALL_STATUSES,
};
use page_logic::search_marks::{mark_matches, name_matches, sentence_context, Segment};
use page_logic::url_state::{kind_from_token, kind_token, status_from_token, status_token};
use page_logic::{
    completion_bar, completion_scale, next_sort, rate_bar, ChangeUnit, Filter, IndicatorRow,
    SortDir, SortKey, ViewState,
};
use report_model::{IndicatorKind, Status};

use crate::browser;
use crate::page::{PageState, PAGE_SIZE};
use crate::widgets::{ProgressBar, StatusBadge};

#[component]
pub fn IndicatorTable() -> impl IntoView {
    let state = expect_context::<PageState>();
    let rows = state.rows.get_value();
    let total = rows.len();
    // One scale for the whole 目标完成 column, over all rows: a bar keeps its length while the
    // reader filters.
    let scale = completion_scale(&rows);
    let visible = {
        let rows = rows.clone();
        Memo::new(move |_| state.view.with(|v| v.visible_rows(&rows)))
    };
    let shown = move || {
        let limit = state.rows_limit();
        visible.with(|v| v.iter().copied().take(limit).collect::<Vec<usize>>())
    };
    // Announce the result count when the filter changes (not on first render).
    // Nor when the take-over of the first paint applies the URL's filter: the reader did not.
    Effect::new(move |prev: Option<(usize, bool)>| {
        let n = visible.with(Vec::len);
        let live = state.live.get();
        if prev.is_some_and(|(p, was_live)| was_live && p != n) {
            state.announce.set(result_count_announcement(n, total));
        }
        (n, live)
    });
    let more = move || {
        let remaining = visible.with(Vec::len).saturating_sub(state.rows_limit());
        (remaining > 0 && !state.rows_capped.get()).then(|| {
            view! {
                <button type="button" class="secondary more-rows"
                    on:click=move |_| state.limit.update(|l| *l += PAGE_SIZE)>
                    {format!("显示更多（还有 {remaining} 项）")}
                </button>
            }
        })
    };
    let sections = state.report.with_value(|r| page_logic::section_options(r));
    // Printed once above the rows, which then print only their fragment ("#i-…").
    let page_address = move || {
        let query = state.view.with(|v| v.to_query());
        format!("{}{query}", state.page_url.get())
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
                {move || state.view.with(|v| filter_summary(&v.filter, &sections))}
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

/// What an empty result says: that nothing matches, which filters are in force, and one button
/// that clears them all.
#[component]
fn EmptyResult(visible: Memo<Vec<usize>>) -> impl IntoView {
    let state = expect_context::<PageState>();
    let sections = state.report.with_value(|r| page_logic::section_options(r));
    let clear = move |_| {
        state.update_view(false, |v| v.filter = Filter::default());
        browser::focus_by_id("filter-q");
    };
    move || {
        visible.with(Vec::is_empty).then(|| {
            let active = state.view.with(|v| active_filters(&v.filter, &sections));
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

/// Search box, section / status / kind menus, and (on phones, where headers are hidden) a sort
/// menu. Each writes the URL query.
#[component]
fn Filters() -> impl IntoView {
    let state = expect_context::<PageState>();
    let sections = state.report.with_value(|r| page_logic::section_options(r));
    let rows = state.rows.get_value();
    let (kind_now, status_now) = state
        .view
        .with_untracked(|v| (v.filter.kind, v.filter.status));
    // Each option with the rows it gives; none that gives no row (unless a link chose it).
    let kinds: Vec<(IndicatorKind, usize)> = kind_options(&rows, kind_now);
    let statuses: Vec<(Status, usize)> = status_options(&rows, status_now);
    let on_query = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        state.update_view(true, |v| v.filter.query = value);
    };
    let on_section = move |value: String| {
        state.update_view(false, |v| {
            v.filter.section = (!value.is_empty()).then_some(value)
        });
    };
    let on_status = move |value: String| {
        state.update_view(false, |v| v.filter.status = status_from_token(&value));
    };
    let on_kind = move |value: String| {
        state.update_view(false, |v| v.filter.kind = kind_from_token(&value));
    };
    let on_sort = move |value: String| {
        let (key, dir) = match value.split_once(':') {
            Some((k, d)) => (
                SortKey::from_token(k).unwrap_or_default(),
                SortDir::from_token(d).unwrap_or_default(),
            ),
            None => (SortKey::Published, SortDir::Asc),
        };
        sort_to(state, key, dir);
    };
    let panel_open = RwSignal::new(false);
    let value_of = |f: fn(&ViewState) -> String| Signal::derive(move || state.view.with(f));
    let all = |label: &str| (String::new(), label.to_string());
    let section_options = std::iter::once(all(ALL_SECTIONS))
        .chain(sections.into_iter().map(|s| {
            let indent = "\u{3000}".repeat(s.depth);
            (s.id, format!("{indent}{}", s.label))
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
                    prop:value=move || state.view.with(|v| v.filter.query.clone())
                    on:input=on_query/>
            </label>
            <button type="submit" class="secondary search-submit">"查看结果"</button>
            // On a phone the menus wait behind one control that says how many are in force;
            // on wider screens the control is hidden and the menus always shown.
            <button type="button" class="secondary filter-toggle" aria-controls="filter-panel"
                aria-expanded=move || if panel_open.get() { "true" } else { "false" }
                on:click=move |_| panel_open.update(|o| *o = !*o)>
                {move || {
                    let n = state.view.with(|v| menu_filter_count(&v.filter));
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

fn sort_to(state: PageState, key: SortKey, dir: SortDir) {
    state.update_view(false, |v| {
        v.sort = key;
        v.dir = dir;
    });
    state.announce.set(sort_announcement(key, dir));
}

/// A column header with a sort button; `aria-sort` only on the sorted column.
#[component]
fn SortHeader(key: SortKey) -> impl IntoView {
    let state = expect_context::<PageState>();
    let aria_sort = move || {
        state
            .view
            .with(|v| (v.sort == key).then(|| v.dir.aria_sort()))
    };
    let click = move |_| {
        let current = state.view.with_untracked(|v| (v.sort, v.dir));
        let (k, d) = next_sort(current, key);
        sort_to(state, k, d);
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

/// One indicator. The row's id is the indicator id, so `…#<id>` links land on it. Every figure
/// text comes from `page_logic::figure_text` (through the row), with its qualifier words.
#[component]
fn IndicatorRowView(row: IndicatorRow, scale: f64) -> impl IntoView {
    let state = expect_context::<PageState>();
    let id = row.id.clone();
    let is_target = {
        let id = id.clone();
        move || state.is_target(&id)
    };
    // The lagging look only for what the text calls lagging.
    let lagging = row.status == Status::Lagging;
    let completion = completion_bar(&row, scale).map(|bar| {
        let shown = row.completion_text.clone().unwrap_or_default();
        let label = format!("{}：目标完成", row.name);
        view! { <ProgressBar bar shown lagging label/> }
    });
    let rate = rate_bar(&row).map(|bar| {
        let shown = row.value_text.clone();
        let label = format!("{}：{}", row.name, kind_label(row.kind));
        view! { <ProgressBar bar shown lagging label/> }
    });
    let baseline = row.baseline_text.clone().map(|b| {
        view! { <span class="baseline">{b}" → "{row.value_text.clone()}</span> }
    });
    // A change indicator's change is its figure (the 数值 column): not shown twice.
    let change = row
        .change
        .clone()
        .filter(|_| row.kind != IndicatorKind::Change)
        .map(|c| {
            // Percentage points and percent are different things: different class and wording.
            let (class, hint) = match c.unit {
                ChangeUnit::PercentagePoints => ("change-pp", "（百分点）"),
                ChangeUnit::Percent => ("change-pct", "（百分比）"),
                ChangeUnit::Other(_) => ("change-other", ""),
            };
            view! {
                <span class=class title=c.phrase.clone()>{c.text.clone()}</span>
                <span class="visually-hidden">{hint}{c.phrase.clone()}</span>
            }
        });
    let figure_title = row.change.as_ref().map(|c| c.phrase.clone());
    // What the search matched: the name's words marked, or, for a row found by its sentence,
    // the words around the match.
    let marked_name = {
        let name = row.name.clone();
        move || {
            state
                .view
                .with(|v| marked(mark_matches(&name, &v.filter.query)))
        }
    };
    let match_context = {
        let (name, sentence) = (row.name.clone(), row.sentence.clone());
        move || {
            state.view.with(|v| {
                let q = &v.filter.query;
                if q.trim().is_empty() || name_matches(&name, q) {
                    return None;
                }
                sentence_context(&sentence, q, CONTEXT_CHARS).map(|segments| {
                    view! { <span class="match-context">"原文："{marked(segments)}</span> }
                })
            })
        }
    };
    // Empty cells are left out of the phone cards rather than shown as bare labels.
    let (no_baseline, no_change, no_completion) =
        (baseline.is_none(), change.is_none(), completion.is_none());
    let source_href = format!("#{}", row.source_fragment);
    view! {
        <tr id=id.clone() tabindex="-1" class:is-target=is_target class:row-lagging=lagging>
            <td class="cell-name" data-label="指标">
                <strong>{marked_name}</strong>
                " "<span class="kind">{kind_label(row.kind)}</span>
                {match_context}
            </td>
            <td data-label="章节">{row.section_title.clone()}</td>
            <td class="num cell-value" data-label="数值">
                // One grid item beside the card's label: the figure, and its bar under it.
                <div class="value-body">
                    <span class="figure-text" title=figure_title>{row.figure.clone()}</span>{rate}
                </div>
            </td>
            <td class="num" class:cell-empty=no_baseline data-label="基期→数值">{baseline}</td>
            <td class="num" class:cell-empty=no_change data-label="变化">{change}</td>
            <td class="cell-completion" class:cell-empty=no_completion data-label="目标完成">{completion}</td>
            <td data-label="状态"><StatusBadge status=row.status/></td>
            <td data-label="来源">
                <div class="row-actions">
                    <a href=source_href title=row.sentence.clone()>
                        "查看原文"<span class="visually-hidden">{format!("：{}", row.name)}</span>
                    </a>
                    <ShareLink id=id.clone() name=row.name.clone()/>
                </div>
            </td>
        </tr>
    }
}

/// Characters of the sentence shown either side of a search match.
const CONTEXT_CHARS: usize = 12;

/// Search segments as text, the matched ones in `<mark>`.
fn marked(segments: Vec<Segment>) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.matched {
                view! { <mark>{s.text}</mark> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}

/// The row's one share action: copies the indicator's deep link and says so. Where the browser
/// offers no clipboard (plain HTTP, some in-app browsers) the link is shown, selected, to copy
/// by hand. Printed, the row shows its fragment; the page's address is printed once above.
#[component]
fn ShareLink(id: String, name: String) -> impl IntoView {
    let field_id = format!("share-{id}");
    let copied = RwSignal::new(None::<Result<(), String>>);
    // The page's address is the browser's: read when the reader asks, never while rendering
    // (the first paint is rendered without a browser, and the take-over must match it).
    let url = RwSignal::new(String::new());
    let copy = {
        let (id, field_id) = (id.clone(), field_id.clone());
        move |_| {
            let link = format!("{}#{id}", browser::page_url());
            url.set(link.clone());
            let field_id = field_id.clone();
            spawn_local(async move {
                let url = link;
                let result = browser::copy_text(&url).await;
                let failed = result.is_err();
                copied.set(Some(result));
                if failed {
                    request_animation_frame(move || browser::focus_and_select(&field_id));
                }
            });
        }
    };
    let status = move || match copied.get() {
        None => String::new(),
        Some(Ok(())) => "已复制链接".into(),
        Some(Err(e)) => format!("{e}，请手动复制下方链接"),
    };
    let label = format!("：{name}");
    let fallback = move || {
        matches!(copied.get(), Some(Err(_))).then(|| {
            view! {
                <input type="text" class="share-fallback" readonly id=field_id.clone()
                    aria-label=format!("{name}的链接") prop:value=move || url.get()/>
            }
        })
    };
    view! {
        <button type="button" class="link-button share-link" on:click=copy>
            "复制链接"<span class="visually-hidden">{label}</span>
        </button>
        <span class="row-fragment" aria-hidden="true">{format!("#{id}")}</span>
        <span class="copy-status" role="status">{status}</span>
        {fallback}
    }
}
