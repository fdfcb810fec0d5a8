//! One sentence → its figures → indicators (the pipeline's `figures` stage).
//!
//! 1. [`tokenize`](tokenize::tokenize_into) finds every Arabic number (and "百分百") with its multiplier, qualifier and
//!    unit, and marks the ones that are not figures: dates ("2019年", "1-12月", "12月31日"),
//!    ordinals ("第3"), codes and names ("PM2.5", "5A级", "1+X+N", "12345市民热线", anything
//!    in 《》), list numbering ("1." at a clause start, "(2)"), attributes ("500米服务半径",
//!    "24小时活力街区"), ratios, fractions, range starts and unit-less numbers of 5+ digits.
//! 2. [`roles`] gives each remaining figure a role from the words before it: a plain value, the start of
//!    "由A提升至B" (a baseline), a change ("同比提高2.8个百分点", "涨幅99.52%"), the completion
//!    of a target ("完成全年目标的201.28%", "占全年任务的167%"), or a completion rate
//!    ("完成率95.56%", with "45任务中,有43" folded in as done/total).
//! 3. Changes and target completions are attached to the figure they qualify: the last value
//!    of the same or the previous clause, when the phrase opens its clause. Otherwise they are
//!    indicators of their own.//!
//! This module holds step 3 (assembly); the readers it calls are its submodules, each a leaf
//! or depending only on the ones listed before it:
//!
//! * [`token`]: the [`Token`](token::Token) type and char helpers; [`extracted`]: the
//!   [`Extracted`] indicator and the [`Context`] (both leaves);
//! * [`qualifiers`], [`cn_numerals`] → [`tokenize`] (step 1);
//! * [`goals`], [`changes`] → [`roles`] (step 2);
//! * [`naming`] (names from the words around a figure) → [`respectively`] (分别 groups);
//! * [`ranks`] (排名第四), [`status`] (what the words say of progress).

mod changes;
mod cn_numerals;
mod extracted;
mod goals;
mod naming;
mod qualifiers;
mod ranks;
mod respectively;
mod roles;
mod status;
mod token;
mod tokenize;

#[cfg(test)]
mod tests;

use report_model::{Change, Direction, IndicatorKind, Measure, Status, TargetCompletion};

pub use extracted::{Context, Extracted};
pub use naming::lagging_name;
pub use status::{mentions_lagging, stated};

use roles::{roles, Role};
use token::{at, is_clause_delim, Skip, Token};
#[cfg(test)]
use tokenize::tokenize;
use tokenize::tokenize_into;
use crate::numbers::{ends_with_any, is_digit, starts_with_at, string_of};

/// Extracts the indicators of one sentence. `at_text_end` means the sentence is the last
/// one of a truncated text: a unit-less figure touching its end is dropped (it may be cut).
pub fn extract(chars: &[char], ctx: &Context, at_text_end: bool) -> (Vec<Extracted>, Vec<String>) {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    extract_into(
        chars,
        ctx,
        at_text_end,
        &mut out,
        &mut warnings,
        &mut Scratch::default(),
    );
    (out, warnings)
}

/// Buffers that [`extract_into`] reuses from sentence to sentence (the builder keeps one for
/// the whole text): a sentence's numbers, clause delimiters and figure roles.
#[derive(Default)]
pub struct Scratch {
    tokens: Vec<Token>,
    delims: Vec<usize>,
    roles: Vec<Role>,
}

/// [`extract`], appending to `out` and `warnings`: the builder collects a whole paragraph's
/// figures in one reused buffer, then allocates its indicator list once at its final size.
pub fn extract_into(
    chars: &[char],
    ctx: &Context,
    at_text_end: bool,
    out: &mut Vec<Extracted>,
    warnings: &mut Vec<String>,
    scratch: &mut Scratch,
) {
    // This sentence's figures are `out[base..]`.
    let base = out.len();
    if !chars.iter().any(|&c| {
        is_digit(c)
            || matches!(
                c,
                '百' | '第' | '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    }) {
        return;
    }
    tokenize_into(chars, &mut scratch.tokens);
    let tokens = &scratch.tokens;
    let mut figs: Vec<&Token> = tokens.iter().filter(|t| t.skip.is_none()).collect();
    if at_text_end {
        if let Some(last) = figs.last() {
            if last.end >= chars.len() && last.unit.is_empty() {
                warnings.push(format!(
                    "dropped the figure {:?} at the very end of the truncated text",
                    last.raw
                ));
                figs.pop();
            }
        }
    }
    if figs.is_empty() {
        // A rank in Chinese numerals may stand alone ("在全市…考核中位列第二").
        if chars.contains(&'第') {
            let clause_start_of = |p: usize| -> usize {
                (0..p)
                    .rev()
                    .find(|&k| at(chars, k).is_some_and(is_clause_delim))
                    .map_or(0, |k| k + 1)
            };
            out.extend(ranks::extract(chars, &clause_start_of, ctx, &[]));
        }
        return;
    }
    // Clause delimiters, ignoring those inside a number ("1,234").
    let delims = &mut scratch.delims;
    delims.clear();
    delims.extend(
        chars
            .iter()
            .enumerate()
            .filter(|&(k, &c)| {
                is_clause_delim(c) && !tokens.iter().any(|t| t.start <= k && k < t.end)
            })
            .map(|(k, _)| k),
    );
    let delims = &*delims;
    // Start of the clause holding position `p`, and the clause's index.
    let clause_start_of = |p: usize| -> usize {
        delims
            .iter()
            .take_while(|&&d| d < p)
            .last()
            .map_or(0, |&d| d + 1)
    };
    let clause_of = |p: usize| -> usize { delims.iter().take_while(|&&d| d < p).count() };
    roles(chars, &figs, &clause_start_of, &mut scratch.roles);
    // 分别 groups: each member named by its own noun, with the role of the group's first
    // figure; each figure of the clause after qualifies its own member.
    let groups = respectively::groups(chars, &figs, &clause_start_of, ctx);
    let mut grouped_roles;
    let mut name_override: Vec<Option<String>> = Vec::new();
    let mut attach_to_fig: Vec<Option<usize>> = Vec::new();
    let roles: &[Role] = if groups.is_empty() {
        &scratch.roles
    } else {
        grouped_roles = scratch.roles.clone();
        name_override = vec![None; figs.len()];
        attach_to_fig = vec![None; figs.len()];
        for g in &groups {
            let lead = g
                .members
                .first()
                .and_then(|&m| grouped_roles.get(m))
                .cloned();
            for (k, (&m, noun)) in g.members.iter().zip(&g.nouns).enumerate() {
                if let (true, Some(r), Some(slot)) = (k > 0, &lead, grouped_roles.get_mut(m)) {
                    if !matches!(r, Role::Value | Role::BaselineOf(_)) {
                        *slot = r.clone();
                    }
                }
                if let Some(slot) = name_override.get_mut(m) {
                    *slot = Some(noun.clone());
                }
            }
            let lead = g
                .follow
                .first()
                .and_then(|&f| grouped_roles.get(f))
                .cloned();
            for (k, (&f, &m)) in g.follow.iter().zip(&g.members).enumerate() {
                if let (true, Some(r), Some(slot)) = (k > 0, &lead, grouped_roles.get_mut(f)) {
                    *slot = r.clone();
                }
                if let Some(slot) = attach_to_fig.get_mut(f) {
                    *slot = Some(m);
                }
            }
        }
        &grouped_roles
    };
    // Where each figure's indicator went in `out` (for 分别 pairs).
    let mut out_index_of: Vec<Option<usize>> =
        vec![None; if groups.is_empty() { 0 } else { figs.len() }];

    // Where names may start: after the previous figure or date in the clause.
    let cuts = || {
        tokens
            .iter()
            .filter(|t| t.skip != Some(Skip::Other))
            .map(|t| t.end)
    };
    let name_floor = |p: usize, enum_cut: bool| -> usize {
        let cs = clause_start_of(p);
        let mut f = cs;
        let mut prev_fig = false;
        for e in cuts() {
            if e <= p && e > f {
                f = e;
                prev_fig = true;
            }
        }
        // "报告2篇、决定47个": after a figure, an enumeration starts a new name at 、,
        // and "264个部门、机构开展营商环境政策培训2000余人次" one after the verb.
        if enum_cut && prev_fig {
            if let Some(k) = (f..p).rev().find(|&k| at(chars, k) == Some('、')) {
                f = k + 1;
            }
            for verb in ["开展", "进行", "举办", "组织"] {
                let hit = (f..p).rev().find(|&k| starts_with_at(chars, k, verb));
                if let Some(k) = hit {
                    if p >= k + 2 + 2 {
                        f = k + 2;
                        break;
                    }
                }
            }
        }
        f
    };

    // Done/total folding for completion rates: "45任务中,有43能够完成…,完成率95.56%".
    // (The per-figure lists stay empty, unallocated, when there is nothing to record: a
    // missing entry reads as "no".)
    let any_rate = roles
        .iter()
        .any(|r| matches!(r, Role::CompletionRate { .. }));
    let mut consumed = if any_rate {
        vec![false; figs.len()]
    } else {
        Vec::new()
    };
    let mut folds: Vec<Option<(usize, usize, String)>> = if any_rate {
        vec![None; figs.len()]
    } else {
        Vec::new()
    };
    for (r, role) in roles.iter().enumerate() {
        if !matches!(role, Role::CompletionRate { .. }) {
            continue;
        }
        let Some(rtok) = figs.get(r) else { continue };
        let countable = |t: &Token| {
            t.is_integer()
                && t.number <= f64::from(u32::MAX)
                && matches!(&*t.unit, "" | "项" | "个" | "件" | "条")
        };
        let d = r.checked_sub(1);
        let tt = r.checked_sub(2);
        let (Some(d), Some(tt)) = (d, tt) else {
            continue;
        };
        let (Some(dtok), Some(ttok)) = (figs.get(d), figs.get(tt)) else {
            continue;
        };
        if !matches!(roles.get(d), Some(Role::Value)) || !matches!(roles.get(tt), Some(Role::Value))
        {
            continue;
        }
        if !countable(dtok) || !countable(ttok) || dtok.number > ttok.number {
            continue;
        }
        if clause_of(rtok.start).saturating_sub(clause_of(dtok.start)) > 1 {
            continue;
        }
        let between: Vec<char> = chars.get(ttok.end..dtok.start).unwrap_or(&[]).to_vec();
        let Some(zhong) = between.iter().position(|&c| c == '中') else {
            continue;
        };
        // "45任务中", "62项市政府绩效任务中": a short noun, no clause break before 中.
        if zhong > 12 || between.iter().take(zhong).any(|&c| is_clause_delim(c)) {
            continue;
        }
        let noun: String = string_of(between.get(..zhong).unwrap_or(&[]));
        if let Some(x) = consumed.get_mut(d) {
            *x = true;
        }
        if let Some(x) = consumed.get_mut(tt) {
            *x = true;
        }
        if let Some(x) = folds.get_mut(r) {
            *x = Some((d, tt, noun));
        }
    }

    out.reserve(figs.len());
    // Index in `out` of the indicator a following change/target may qualify, and the end of
    // its figure.
    let mut last: Option<(usize, usize)> = None;
    let any_baseline = roles.iter().any(|r| matches!(r, Role::BaselineOf(_)));
    let mut baseline_for: Vec<Option<Measure>> = if any_baseline {
        vec![None; figs.len()]
    } else {
        Vec::new()
    };
    let mut name_end_for: Vec<Option<usize>> = if any_baseline {
        vec![None; figs.len()]
    } else {
        Vec::new()
    };

    let mut pending_goal: Option<Measure> = None;
    // Goals are not figures of their own: "…为86%，距离92%的目标仍有差距" states the 86%'s status.
    let status_figs_owned: Vec<&Token>;
    let status_figs: &[&Token] = if roles.iter().any(|r| matches!(r, Role::Goal)) {
        status_figs_owned = figs
            .iter()
            .zip(roles.iter())
            .filter(|(_, r)| !matches!(r, Role::Goal))
            .map(|(t, _)| *t)
            .collect();
        &status_figs_owned
    } else {
        &figs
    };
    for (i, tok) in figs.iter().enumerate() {
        if let (Some(g), Some(e)) = (
            pending_goal.as_ref(),
            out.get_mut(base..).and_then(|m| m.last_mut()),
        ) {
            if e.goal.is_none() {
                e.goal = Some(g.clone());
                pending_goal = None;
            }
        }
        if consumed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let role = roles.get(i).cloned().unwrap_or(Role::Value);
        let own_name = name_override.get(i).cloned().flatten();
        // A figure of the clause after a 分别 group qualifies its own member.
        let forced = attach_to_fig
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| out_index_of.get(m).copied().flatten())
            .map(|idx| (idx, tok.start));
        if let Some(slot) = out_index_of.get_mut(i) {
            *slot = Some(out.len());
        }
        // What the figure's clause (or a figure-less clause right after it) says of its status.
        let stated = stated_status(chars, tok, status_figs, &clause_start_of);
        match role {
            Role::Goal => {
                // The goal of the indicator before it in the sentence, or else of the next.
                match out.get_mut(base..).and_then(|m| m.last_mut()) {
                    Some(e) if e.goal.is_none() => e.goal = Some(tok.measure()),
                    _ => pending_goal = Some(tok.measure()),
                }
            }
            Role::BaselineOf(b) => {
                if let Some(slot) = baseline_for.get_mut(b) {
                    *slot = Some(tok.measure());
                }
                // The name of B ends before "由".
                let from = ends_with_any(
                    chars,
                    tok.start,
                    &["由原来的", "从原来的", "由原", "从原", "由", "从"],
                )
                .unwrap_or(0);
                if let Some(slot) = name_end_for.get_mut(b) {
                    *slot = Some(tok.start - from);
                }
            }
            Role::Value => {
                let name_end = name_end_for.get(i).copied().flatten().unwrap_or(tok.start);
                let floor = name_floor(name_end, true).min(name_end);
                let prev_name = out
                    .get(base..)
                    .and_then(<[Extracted]>::last)
                    .map(|e| e.name.as_str());
                let name = own_name.unwrap_or_else(|| {
                    let stop = figs
                        .get(i + 1)
                        .map_or(chars.len(), |n| n.start)
                        .min(chars.len());
                    let n = naming::value_name(chars, floor, name_end, tok, tokens, ctx, prev_name);
                    naming::specific_name(chars, tok, n, prev_name, stop)
                });
                let baseline = baseline_for.get(i).cloned().flatten();
                let kind = if tok.is_percent() {
                    IndicatorKind::Share
                } else {
                    IndicatorKind::Level
                };
                let (status, status_basis) = status::combine(None, stated.clone());
                out.push(Extracted {
                    name,
                    kind,
                    value: Some(tok.measure()),
                    baseline,
                    change: None,
                    target: None,
                    goal: None,
                    status,
                    status_basis,
                    done: None,
                    total: None,
                    span: (tok.start, tok.end),
                });
                last = Some((out.len() - 1, tok.end));
            }
            Role::Change {
                phrase_start,
                basis,
                direction,
            } => {
                let raw: String = chars
                    .get(phrase_start..tok.end)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let attach_to = forced.or(last).filter(|&(idx, fig_end)| {
                    forced.is_some()
                        || out.get(idx).is_some_and(|e| e.change.is_none())
                            && qualifies(chars, fig_end, phrase_start, &clause_of)
                });
                if let Some((idx, _)) = attach_to {
                    if let Some(e) = out.get_mut(idx) {
                        let direction = direction
                            .unwrap_or_else(|| improve_direction(&e.name, e.value.as_ref()));
                        e.change = Some(Change {
                            raw,
                            basis,
                            direction,
                            amount: tok.measure(),
                        });
                    }
                    // A target phrase may follow: "…,同比提高2.1个百分点,完成目标的105%".
                    last = Some((idx, tok.end));
                } else {
                    let floor = name_floor(phrase_start, true).min(phrase_start);
                    let mut name = own_name
                        .clone()
                        .unwrap_or_else(|| naming::plain_name(chars, floor, phrase_start, ctx));
                    // "全区压缩审批时限50%以上": the verb and its object name the change.
                    if name.is_empty() || naming::is_weak(&name, ctx) {
                        name = naming::phrase_name(&raw, &tok.raw, &tok.unit);
                    }
                    let direction = direction.unwrap_or_else(|| improve_direction(&name, None));
                    let (status, status_basis) = status::combine(None, stated.clone());
                    out.push(Extracted {
                        name,
                        kind: IndicatorKind::Change,
                        value: Some(tok.measure()),
                        baseline: None,
                        change: Some(Change {
                            raw,
                            basis,
                            direction,
                            amount: tok.measure(),
                        }),
                        target: None,
                        goal: None,
                        status,
                        status_basis,
                        done: None,
                        total: None,
                        span: (tok.start, tok.end),
                    });
                    last = Some((out.len() - 1, tok.end));
                }
            }
            Role::Target { phrase_start } => {
                let raw: String = chars
                    .get(phrase_start..tok.end)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let target = TargetCompletion {
                    raw: raw.clone(),
                    percent: tok.measure(),
                    done: None,
                    total: None,
                };
                let attach_to = forced.or(last).filter(|&(idx, fig_end)| {
                    forced.is_some()
                        || out.get(idx).is_some_and(|e| {
                            e.target.is_none() && e.kind != IndicatorKind::Completion
                        }) && qualifies(chars, fig_end, phrase_start, &clause_of)
                });
                if let Some((idx, _)) = attach_to {
                    if let Some(e) = out.get_mut(idx) {
                        let words = stated
                            .clone()
                            .or_else(|| e.status_basis.clone().map(|b| (e.status, b)));
                        (e.status, e.status_basis) =
                            status::combine(status::from_target(&target), words);
                        e.kind = IndicatorKind::Completion;
                        e.target = Some(target);
                    }
                    // A change phrase may follow: "…,完成全年目标的112.3%,同比提高2.1个百分点".
                    last = Some((idx, tok.end));
                } else {
                    let floor = name_floor(phrase_start, true).min(phrase_start);
                    let mut name = own_name
                        .clone()
                        .unwrap_or_else(|| naming::plain_name(chars, floor, phrase_start, ctx));
                    if name.is_empty() {
                        name = naming::phrase_name(&raw, &tok.raw, &tok.unit);
                    }
                    let (status, status_basis) =
                        status::combine(status::from_target(&target), stated.clone());
                    out.push(Extracted {
                        name,
                        kind: IndicatorKind::Completion,
                        value: Some(tok.measure()),
                        baseline: None,
                        change: None,
                        status,
                        status_basis,
                        target: Some(target),
                        goal: None,
                        done: None,
                        total: None,
                        span: (tok.start, tok.end),
                    });
                    last = Some((out.len() - 1, tok.end));
                }
            }
            Role::CompletionRate { phrase_start } => {
                let raw: String = chars
                    .get(phrase_start..tok.end)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let fold = folds.get(i).cloned().flatten();
                let (done_tok, total_tok, noun) = match &fold {
                    Some((d, t, noun)) => {
                        (figs.get(*d).copied(), figs.get(*t).copied(), noun.clone())
                    }
                    None => (None, None, String::new()),
                };
                let target = TargetCompletion {
                    raw,
                    percent: tok.measure(),
                    done: done_tok.map(|t| t.number as u32),
                    total: total_tok.map(|t| t.number as u32),
                };
                let floor = name_floor(tok.start, true).min(tok.start);
                let mut name = naming::plain_name(chars, floor, tok.start, ctx);
                if name.is_empty() {
                    name = "完成率".to_string();
                }
                let noun = naming::clean_noun(&noun);
                if !noun.is_empty() && !name.starts_with(&noun) && name.chars().count() <= 4 {
                    name = format!("{noun}{name}");
                }
                // A rate of items done ("45项任务中43项…完成率95.56%") is a share of the tasks,
                // not completion of a stated target: only 目标/预算/计划 in its name make it one.
                let of_target =
                    ["目标", "预算", "计划"].iter().any(|w| name.contains(w)) && done_tok.is_none();
                let (kind, target) = if of_target {
                    (IndicatorKind::Completion, Some(target))
                } else {
                    (IndicatorKind::Share, None)
                };
                let (status, status_basis) = status::combine(
                    target.as_ref().and_then(status::from_target),
                    stated.clone(),
                );
                out.push(Extracted {
                    name,
                    kind,
                    value: Some(tok.measure()),
                    baseline: None,
                    change: None,
                    status,
                    status_basis,
                    target,
                    goal: None,
                    done: done_tok.map(|t| t.measure()),
                    total: total_tok.map(|t| t.measure()),
                    span: (tok.start, tok.end),
                });
                last = Some((out.len() - 1, tok.end));
            }
        }
    }
    if let (Some(g), Some(e)) = (pending_goal, out.get_mut(base..).and_then(|m| m.last_mut())) {
        if e.goal.is_none() {
            e.goal = Some(g);
        }
    }
    // Ranks ("排名第四", "均居全市第一"), in text order with the other figures.
    let ranks = ranks::extract(chars, &clause_start_of, ctx, out.get(base..).unwrap_or(&[]));
    if !ranks.is_empty() {
        out.extend(ranks);
        if let Some(mine) = out.get_mut(base..) {
            mine.sort_by_key(|e| e.span.0);
        }
    }
    if let Some(mine) = out.get_mut(base..) {
        naming::disambiguate(mine);
    }
}

/// Does a phrase starting at `phrase_start` qualify the figure ending at `fig_end`? Yes when
/// it follows in the same clause (at most a few chars later), or opens the next clause.
fn qualifies(
    chars: &[char],
    fig_end: usize,
    phrase_start: usize,
    clause_of: &dyn Fn(usize) -> usize,
) -> bool {
    if phrase_start < fig_end {
        return false;
    }
    let between = chars.get(fig_end..phrase_start).unwrap_or(&[]);
    if between.iter().any(|&c| is_digit(c)) {
        return false;
    }
    let clauses = clause_of(phrase_start).saturating_sub(clause_of(fig_end));
    match clauses {
        0 => between.len() <= 4,
        1 => {
            // The phrase must open its clause (connectives aside).
            let last_delim = between
                .iter()
                .rposition(|&c| is_clause_delim(c))
                .map_or(0, |k| k + 1);
            let lead: String = between
                .get(last_delim..)
                .unwrap_or(&[])
                .iter()
                .filter(|c| !c.is_whitespace())
                .collect();
            matches!(
                lead.as_str(),
                "" | "并" | "且" | "其中" | "并且" | "分别" | "均"
            )
        }
        _ => false,
    }
}

/// 改善 means a fall for a pollutant concentration, a rise otherwise.
fn improve_direction(name: &str, value: Option<&Measure>) -> Direction {
    let pollutant = [
        "浓度", "排放", "PM", "降尘", "污染", "噪声", "能耗", "投诉", "时间", "时限",
    ]
    .iter()
    .any(|w| name.contains(w))
        || value.is_some_and(|m| m.unit.contains("克/") || m.unit.contains("g/m"));
    if pollutant {
        Direction::Down
    } else {
        Direction::Up
    }
}

/// The status the figure's clause states, or a figure-less clause right after it
/// ("道路大修86.15公里，超额完成年度任务").
fn stated_status(
    chars: &[char],
    tok: &Token,
    figs: &[&Token],
    clause_start_of: &dyn Fn(usize) -> usize,
) -> Option<(Status, String)> {
    let clause_end = |from: usize| {
        (from..chars.len())
            .find(|&k| at(chars, k).is_some_and(is_clause_delim))
            .unwrap_or(chars.len())
    };
    let cs = clause_start_of(tok.start);
    let ce = clause_end(tok.end);
    // Words between the neighbouring figures of the clause are this figure's
    // ("完成率95.56%2项任务进度有所滞后": the 滞后 is the 2项's).
    let lo = figs
        .iter()
        .filter(|f| f.end <= tok.start && f.end > cs)
        .map(|f| f.end)
        .max()
        .unwrap_or(cs);
    let hi = figs
        .iter()
        .filter(|f| f.start >= tok.end && f.start < ce)
        .map(|f| f.start)
        .min()
        .unwrap_or(ce);
    if let Some(s) = status::stated(chars.get(lo..hi).unwrap_or(&[])) {
        return Some(s);
    }
    // The next clause, when it holds no figure and this figure ends its own clause.
    let no_fig_after_in_clause = !figs.iter().any(|f| f.start > tok.end && f.start < ce);
    if !no_fig_after_in_clause || ce >= chars.len() || at(chars, ce) == Some('。') {
        return None;
    }
    let ne = clause_end(ce + 1);
    if figs.iter().any(|f| f.start > ce && f.start < ne) {
        return None;
    }
    status::stated(chars.get(ce + 1..ne).unwrap_or(&[]))
}
