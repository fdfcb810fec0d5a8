//! One sentence → its figures → indicators (the pipeline's `figures` stage).
//!
//! 1. [`tokenize`](tokenize::tokenize_into) finds every Arabic number (and "百分百") with its multiplier, qualifier and
//!    unit, and marks the ones that are not figures: dates ("2019年", "1-12月", "12月31日"),
//!    ordinals ("第3"), codes and names ("PM2.5", "5A级", "1+X+N", "12345市民热线", anything
//!    in 《》), list numbering ("1." at a clause start, "(2)"), attributes ("500米服务半径",
//!    "24小时活力街区"), ratios, fractions, range starts and unit-less numbers of 5+ digits.
//! 2. [`roles()`] gives each remaining figure a role from the words before it: a plain value, the start of
//!    "由A提升至B" (a baseline), a change ("同比提高2.8个百分点", "涨幅99.52%"), the completion
//!    of a target ("完成全年目标的201.28%", "占全年任务的167%"), or a completion rate
//!    ("完成率95.56%", with "45任务中,有43" folded in as done/total).
//! 3. Changes and target completions are attached to the figure they qualify: the last value
//!    of the same or the previous clause, when the phrase opens its clause. Otherwise they are
//!    indicators of their own.
//!
//! This module holds step 3 ([`extract_into`] and its `Assembly`); the readers it calls are its
//! submodules, each a leaf or depending only on the ones listed before it:
//!
//! * [`token`]: the `Token` type and char helpers; [`extracted`]: the
//!   [`Extracted`] indicator and the [`Context`] (both leaves);
//! * [`qualifiers`], [`cn_numerals`] → [`tokenize`] (step 1);
//! * [`goals`], [`changes`] → [`mod@roles`] (step 2);
//! * [`naming`] (names from the words around a figure) → [`respectively`] (分别 groups);
//! * [`ranks`] (排名第四), [`status`] (what the words say of progress);
//! * [`clauses`], [`folds`] (done/total of a completion rate), [`attach`] (which figure a
//!   change or target qualifies), used by step 3.

mod attach;
mod changes;
mod clauses;
mod cn_numerals;
mod extracted;
mod folds;
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

use crate::numbers::{ends_with_any, is_digit};
use clauses::Clauses;
use roles::{roles, Role};
use token::{at, is_clause_delim, Token};
#[cfg(test)]
use tokenize::tokenize;
use tokenize::tokenize_into;

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

/// Could the sentence hold a figure? (A digit, 百分百, an ordinal or a counted numeral.)
fn may_hold_figures(chars: &[char]) -> bool {
    chars.iter().any(|&c| {
        is_digit(c)
            || matches!(
                c,
                '百' | '第' | '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    })
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
    if !may_hold_figures(chars) {
        return;
    }
    // Step 1: the numbers.
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
    let clauses = Clauses::new(chars, tokens, &mut scratch.delims);
    let clause_start_of = |p: usize| clauses.start_of(p);
    let clause_of = |p: usize| clauses.index_of(p);
    // Step 2: the roles; 分别 groups: each member named by its own noun, with the role of the
    // group's first figure; each figure of the clause after qualifies its own member.
    roles(chars, &figs, &clause_start_of, &mut scratch.roles);
    let groups = respectively::groups(chars, &figs, &clause_start_of, ctx);
    let grouped = respectively::apply(&groups, &scratch.roles);
    let roles: &[Role] = grouped.as_ref().map_or(&scratch.roles, |g| &g.roles);
    // Step 3: the indicators.
    let folds = folds::fold_counts(chars, &figs, roles, &clause_of);
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
    let mut asm = Assembly {
        chars,
        ctx,
        tokens,
        figs: &figs,
        clause_start_of: &clause_start_of,
        clause_of: &clause_of,
        base,
        last: None,
    };
    asm.figures(out, roles, grouped.as_ref(), &folds, status_figs);
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

/// Step 3 for one sentence: its figures, with their roles, → indicators in `out[base..]`.
struct Assembly<'s> {
    chars: &'s [char],
    ctx: &'s Context,
    tokens: &'s [Token],
    figs: &'s [&'s Token],
    clause_start_of: &'s dyn Fn(usize) -> usize,
    clause_of: &'s dyn Fn(usize) -> usize,
    /// Where this sentence's indicators start in `out`.
    base: usize,
    /// Index in `out` of the indicator a following change/target may qualify, and the end of
    /// its figure.
    last: Option<(usize, usize)>,
}

/// What a figure brings besides its token and role.
struct FigureContext {
    /// Its own noun, in a 分别 group.
    own_name: Option<String>,
    /// The indicator it must qualify (a 分别 follower), and the figure's start.
    forced: Option<(usize, usize)>,
    /// What its clause says of its status.
    stated: Option<(Status, String)>,
}

impl Assembly<'_> {
    /// All figures, in order.
    fn figures(
        &mut self,
        out: &mut Vec<Extracted>,
        roles: &[Role],
        grouped: Option<&respectively::Grouped>,
        folds: &folds::Folds,
        status_figs: &[&Token],
    ) {
        let figs = self.figs;
        let base = self.base;
        out.reserve(figs.len());
        // Where each figure's indicator went in `out` (for 分别 pairs).
        let mut out_index_of: Vec<Option<usize>> = vec![None; grouped.map_or(0, |_| figs.len())];
        // "由A提升至B": A is B's baseline, and B's name ends before 由.
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
            if folds.consumed(i) {
                continue;
            }
            let role = roles.get(i).cloned().unwrap_or(Role::Value);
            let own_name = grouped.and_then(|g| g.names.get(i).cloned().flatten());
            // A figure of the clause after a 分别 group qualifies its own member.
            let forced = grouped
                .and_then(|g| g.attach_to.get(i).copied().flatten())
                .and_then(|m| out_index_of.get(m).copied().flatten())
                .map(|idx| (idx, tok.start));
            if let Some(slot) = out_index_of.get_mut(i) {
                *slot = Some(out.len());
            }
            // What the figure's clause (or a figure-less clause right after it) says of its
            // status.
            let fc = FigureContext {
                own_name,
                forced,
                stated: status::stated_for(self.chars, tok, status_figs, self.clause_start_of),
            };
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
                        self.chars,
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
                    let baseline = baseline_for.get(i).cloned().flatten();
                    self.value(out, i, tok, fc, name_end, baseline);
                }
                Role::Change {
                    phrase_start,
                    basis,
                    direction,
                } => self.change(out, tok, fc, phrase_start, basis, direction),
                Role::Target { phrase_start } => self.target(out, tok, fc, phrase_start),
                Role::CompletionRate { phrase_start } => {
                    self.completion_rate(out, tok, fc, phrase_start, folds.of(i))
                }
            }
        }
        if let (Some(g), Some(e)) = (pending_goal, out.get_mut(base..).and_then(|m| m.last_mut())) {
            if e.goal.is_none() {
                e.goal = Some(g);
            }
        }
    }

    /// Where the name of a figure or phrase at `p` may start.
    fn name_floor(&self, p: usize) -> usize {
        naming::name_floor(self.chars, self.tokens, (self.clause_start_of)(p), p).min(p)
    }

    /// The published phrase from `phrase_start` to the end of `tok`.
    fn phrase(&self, phrase_start: usize, tok: &Token) -> String {
        self.chars
            .get(phrase_start..tok.end)
            .unwrap_or(&[])
            .iter()
            .collect()
    }

    /// A value (figure `i`): a level or a share of its own.
    fn value(
        &mut self,
        out: &mut Vec<Extracted>,
        i: usize,
        tok: &Token,
        fc: FigureContext,
        name_end: usize,
        baseline: Option<Measure>,
    ) {
        let chars = self.chars;
        let floor = self.name_floor(name_end);
        let prev_name = out
            .get(self.base..)
            .and_then(<[Extracted]>::last)
            .map(|e| e.name.as_str());
        let name = fc.own_name.unwrap_or_else(|| {
            let stop = self
                .figs
                .get(i + 1)
                .map_or(chars.len(), |n| n.start)
                .min(chars.len());
            let n = naming::value_name(
                chars,
                floor,
                name_end,
                tok,
                self.tokens,
                self.ctx,
                prev_name,
            );
            naming::specific_name(chars, tok, n, prev_name, stop)
        });
        let kind = if tok.is_percent() {
            IndicatorKind::Share
        } else {
            IndicatorKind::Level
        };
        let (status, status_basis) = status::combine(None, fc.stated);
        out.push(Extracted {
            baseline,
            status,
            status_basis,
            ..Extracted::figure(name, kind, Some(tok.measure()), (tok.start, tok.end))
        });
        self.last = Some((out.len() - 1, tok.end));
    }

    /// A change: of the figure it qualifies, or an indicator of its own.
    fn change(
        &mut self,
        out: &mut Vec<Extracted>,
        tok: &Token,
        fc: FigureContext,
        phrase_start: usize,
        basis: String,
        direction: Option<Direction>,
    ) {
        let chars = self.chars;
        let raw = self.phrase(phrase_start, tok);
        let forced = fc.forced;
        let attach_to = forced.or(self.last).filter(|&(idx, fig_end)| {
            forced.is_some()
                || out.get(idx).is_some_and(|e| e.change.is_none())
                    && attach::qualifies(chars, fig_end, phrase_start, self.clause_of)
        });
        if let Some((idx, _)) = attach_to {
            if let Some(e) = out.get_mut(idx) {
                let direction = direction
                    .unwrap_or_else(|| attach::improve_direction(&e.name, e.value.as_ref()));
                e.change = Some(Change {
                    raw,
                    basis,
                    direction,
                    amount: tok.measure(),
                });
            }
            // A target phrase may follow: "…,同比提高2.1个百分点,完成目标的105%".
            self.last = Some((idx, tok.end));
            return;
        }
        let floor = self.name_floor(phrase_start);
        let mut name = fc
            .own_name
            .unwrap_or_else(|| naming::plain_name(chars, floor, phrase_start, self.ctx));
        // "全区压缩审批时限50%以上": the verb and its object name the change.
        if name.is_empty() || naming::is_weak(&name, self.ctx) {
            name = naming::phrase_name(&raw, &tok.raw, &tok.unit);
        }
        let direction = direction.unwrap_or_else(|| attach::improve_direction(&name, None));
        let (status, status_basis) = status::combine(None, fc.stated);
        out.push(Extracted {
            change: Some(Change {
                raw,
                basis,
                direction,
                amount: tok.measure(),
            }),
            status,
            status_basis,
            ..Extracted::figure(
                name,
                IndicatorKind::Change,
                Some(tok.measure()),
                (tok.start, tok.end),
            )
        });
        self.last = Some((out.len() - 1, tok.end));
    }

    /// The completion of a target: of the figure it qualifies, or an indicator of its own.
    fn target(
        &mut self,
        out: &mut Vec<Extracted>,
        tok: &Token,
        fc: FigureContext,
        phrase_start: usize,
    ) {
        let chars = self.chars;
        let raw = self.phrase(phrase_start, tok);
        let target = TargetCompletion {
            raw: raw.clone(),
            percent: tok.measure(),
            done: None,
            total: None,
        };
        let forced = fc.forced;
        let attach_to = forced.or(self.last).filter(|&(idx, fig_end)| {
            forced.is_some()
                || out
                    .get(idx)
                    .is_some_and(|e| e.target.is_none() && e.kind != IndicatorKind::Completion)
                    && attach::qualifies(chars, fig_end, phrase_start, self.clause_of)
        });
        if let Some((idx, _)) = attach_to {
            if let Some(e) = out.get_mut(idx) {
                let words = fc
                    .stated
                    .or_else(|| e.status_basis.clone().map(|b| (e.status, b)));
                (e.status, e.status_basis) = status::combine(status::from_target(&target), words);
                e.kind = IndicatorKind::Completion;
                e.target = Some(target);
            }
            // A change phrase may follow: "…,完成全年目标的112.3%,同比提高2.1个百分点".
            self.last = Some((idx, tok.end));
            return;
        }
        let floor = self.name_floor(phrase_start);
        let mut name = fc
            .own_name
            .unwrap_or_else(|| naming::plain_name(chars, floor, phrase_start, self.ctx));
        if name.is_empty() {
            name = naming::phrase_name(&raw, &tok.raw, &tok.unit);
        }
        let (status, status_basis) = status::combine(status::from_target(&target), fc.stated);
        out.push(Extracted {
            status,
            status_basis,
            target: Some(target),
            ..Extracted::figure(
                name,
                IndicatorKind::Completion,
                Some(tok.measure()),
                (tok.start, tok.end),
            )
        });
        self.last = Some((out.len() - 1, tok.end));
    }

    /// A completion rate, with the done and total counts folded into it.
    fn completion_rate(
        &mut self,
        out: &mut Vec<Extracted>,
        tok: &Token,
        fc: FigureContext,
        phrase_start: usize,
        fold: Option<&(usize, usize, String)>,
    ) {
        let chars = self.chars;
        let raw = self.phrase(phrase_start, tok);
        let (done_tok, total_tok, noun) = match fold {
            Some((d, t, noun)) => (
                self.figs.get(*d).copied(),
                self.figs.get(*t).copied(),
                noun.as_str(),
            ),
            None => (None, None, ""),
        };
        let target = TargetCompletion {
            raw,
            percent: tok.measure(),
            done: done_tok.map(|t| t.number as u32),
            total: total_tok.map(|t| t.number as u32),
        };
        let floor = self.name_floor(tok.start);
        let mut name = naming::plain_name(chars, floor, tok.start, self.ctx);
        if name.is_empty() {
            name = "完成率".to_string();
        }
        let noun = naming::clean_noun(noun);
        if !noun.is_empty() && !name.starts_with(&noun) && name.chars().count() <= 4 {
            name = format!("{noun}{name}");
        }
        // A rate of items done ("45项任务中43项…完成率95.56%") is a share of the tasks, not
        // completion of a stated target: only 目标/预算/计划 in its name make it one.
        let of_target =
            ["目标", "预算", "计划"].iter().any(|w| name.contains(w)) && done_tok.is_none();
        let (kind, target) = if of_target {
            (IndicatorKind::Completion, Some(target))
        } else {
            (IndicatorKind::Share, None)
        };
        let (status, status_basis) =
            status::combine(target.as_ref().and_then(status::from_target), fc.stated);
        out.push(Extracted {
            status,
            status_basis,
            target,
            done: done_tok.map(|t| t.measure()),
            total: total_tok.map(|t| t.measure()),
            ..Extracted::figure(name, kind, Some(tok.measure()), (tok.start, tok.end))
        });
        self.last = Some((out.len() - 1, tok.end));
    }
}
