//! One row of the indicator table (a card on a phone).

use leptos::prelude::*;
use page_logic::kind_label;
use page_logic::{completion_bar, rate_bar, ChangeUnit, IndicatorRow};
use page_logic::{mark_matches, name_matches, sentence_context, Segment};
use report_model::{IndicatorKind, Status};

use crate::state::{LinkTarget, TableView};
use crate::widgets::{ProgressBar, StatusBadge};

use super::share_link::ShareLink;

/// One indicator. The row's id is the indicator id, so `…#<id>` links land on it. Every figure
/// text comes from `page_logic::figure_text` (through the row), with its qualifier words.
#[component]
pub(super) fn IndicatorRowView(row: IndicatorRow, scale: f64) -> impl IntoView {
    let table = expect_context::<TableView>();
    let target = expect_context::<LinkTarget>();
    let id = row.id.clone();
    let is_target = {
        let id = id.clone();
        move || target.is(&id)
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
            table
                .view
                .with(|v| marked(mark_matches(&name, &v.filter.query)))
        }
    };
    let match_context = {
        let (name, sentence) = (row.name.clone(), row.sentence.clone());
        move || {
            table.view.with(|v| {
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
