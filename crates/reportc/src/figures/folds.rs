//! Done/total folding for completion rates: in "45任务中,有43能够完成…,完成率95.56%" the 45 and
//! the 43 are not figures of their own but the rate's total and done counts.

use super::roles::Role;
use super::token::{is_clause_delim, Token};
use crate::numbers::string_of;

/// The folds of a sentence. (The per-figure lists stay empty, unallocated, when there is
/// nothing to record: a missing entry reads as "no".)
#[derive(Default)]
pub struct Folds {
    /// Figures folded into a rate (not indicators of their own), by figure index.
    consumed: Vec<bool>,
    /// For a rate: the figure indices of its done and total counts, and the noun before 中.
    folds: Vec<Option<(usize, usize, String)>>,
}

impl Folds {
    /// Is figure `i` folded into a rate?
    pub fn consumed(&self, i: usize) -> bool {
        self.consumed.get(i).copied().unwrap_or(false)
    }

    /// The done and total figures folded into rate `i`, and the noun of what is counted.
    pub fn of(&self, i: usize) -> Option<&(usize, usize, String)> {
        self.folds.get(i).and_then(Option::as_ref)
    }
}

/// The folds of the completion rates among `figs`.
pub fn fold_counts(
    chars: &[char],
    figs: &[&Token],
    roles: &[Role],
    clause_of: &dyn Fn(usize) -> usize,
) -> Folds {
    if !roles
        .iter()
        .any(|r| matches!(r, Role::CompletionRate { .. }))
    {
        return Folds::default();
    }
    let mut consumed = vec![false; figs.len()];
    let mut folds: Vec<Option<(usize, usize, String)>> = vec![None; figs.len()];
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
    Folds { consumed, folds }
}
