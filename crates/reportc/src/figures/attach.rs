//! Where a change or target phrase goes: the figure it qualifies ([`qualifies`]), and which
//! way 改善 points ([`improve_direction`]).

use report_model::{Direction, Measure};

use super::token::is_clause_delim;
use crate::numbers::is_digit;

/// Does a phrase starting at `phrase_start` qualify the figure ending at `fig_end`? Yes when
/// it follows in the same clause (at most a few chars later), or opens the next clause.
pub fn qualifies(
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
pub fn improve_direction(name: &str, value: Option<&Measure>) -> Direction {
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
