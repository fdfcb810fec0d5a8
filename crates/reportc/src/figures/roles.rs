//! Step 2 of a sentence's figures: the role of each figure, from the words before it — a
//! value, a stated goal, the baseline of "由A提升至B", a change, the completion of a target or
//! a completion rate.

use report_model::Direction;

use super::changes;
use super::goals;
use super::token::{at, before, is_clause_delim, Token};
use crate::numbers::{ends_with_any, ends_with_at, is_digit, string_of, UnitClass};

/// Words before a change amount, with the direction they mean.
const CHANGE_VERBS: &[(&str, Option<Direction>)] = &[
    ("提高", Some(Direction::Up)),
    ("提升", Some(Direction::Up)),
    ("增长率", Some(Direction::Up)),
    ("增长", Some(Direction::Up)),
    ("增加", Some(Direction::Up)),
    ("上升", Some(Direction::Up)),
    ("上涨", Some(Direction::Up)),
    ("攀升", Some(Direction::Up)),
    ("增幅", Some(Direction::Up)),
    ("涨幅", Some(Direction::Up)),
    ("增速", Some(Direction::Up)),
    ("扩大", Some(Direction::Up)),
    ("下降", Some(Direction::Down)),
    ("降低", Some(Direction::Down)),
    ("减少", Some(Direction::Down)),
    ("下滑", Some(Direction::Down)),
    ("回落", Some(Direction::Down)),
    ("降幅", Some(Direction::Down)),
    ("减幅", Some(Direction::Down)),
    ("缩减", Some(Direction::Down)),
    ("缩短", Some(Direction::Down)),
    ("缩小", Some(Direction::Down)),
    // 改善: down for a pollutant, up otherwise (decided with the indicator's name).
    ("改善", None),
];

/// One-character verbs, only right after 同比/环比 ("同比增5%").
const SHORT_VERBS: &[(&str, Direction)] = &[
    ("增", Direction::Up),
    ("升", Direction::Up),
    ("涨", Direction::Up),
    ("降", Direction::Down),
    ("减", Direction::Down),
];

/// Figure roles.
#[derive(Debug, Clone)]
pub enum Role {
    /// A figure of its own (a level or a share).
    Value,
    /// A stated target level, the goal of a neighbouring indicator.
    Goal,
    /// Start of "由A提升至B": the baseline of the token at this index.
    BaselineOf(usize),
    /// A change amount ("同比提高2.8个百分点"), its phrase starting at `phrase_start`.
    Change {
        /// Where the change phrase starts (its basis or verb).
        phrase_start: usize,
        /// 同比, 较上年 … as published; empty when unstated.
        basis: String,
        /// `None` for 改善 (decided with the indicator's name).
        direction: Option<Direction>,
    },
    /// The completion of a target ("完成全年目标的201.28%").
    Target {
        /// Where the phrase starts (its verb).
        phrase_start: usize,
    },
    /// A completion rate ("完成率95.56%").
    CompletionRate {
        /// Where the phrase starts (完成率 & co).
        phrase_start: usize,
    },
}

/// Strips filler words right before a number ("了", "约", "达到" …); returns the new end.
fn strip_fillers(chars: &[char], mut end: usize, floor: usize, words: &[&str]) -> usize {
    for _ in 0..3 {
        match ends_with_any(chars, end, words) {
            Some(n) if end - n >= floor => end -= n,
            _ => break,
        }
    }
    end
}

/// The change phrase ending right before `tok`, if any.
fn change_role(chars: &[char], tok: &Token, clause_start: usize) -> Option<Role> {
    let mut end = strip_fillers(
        chars,
        tok.start,
        clause_start,
        &["了", "约", "近", "达到", "达", "超过", "逾"],
    );
    // "增幅为5%": 为 only after a noun of change.
    if let Some(n) = ends_with_at(chars, end, "为") {
        if ends_with_any(
            chars,
            end - n,
            &["增幅", "涨幅", "降幅", "减幅", "增速", "增长率"],
        )
        .is_some()
        {
            end -= n;
        }
    }
    let mut verb: Option<(usize, Option<Direction>)> = None;
    for &(w, d) in CHANGE_VERBS {
        if let Some(n) = ends_with_at(chars, end, w) {
            if end - n >= clause_start && verb.is_none_or(|(len, _)| n > len) {
                verb = Some((n, d));
            }
        }
    }
    let (direction, basis_end) = match verb {
        Some((n, d)) => (d, end - n),
        None => {
            // 同比增5%
            let (w, d) = SHORT_VERBS
                .iter()
                .find(|(w, _)| ends_with_at(chars, end, w).is_some())?;
            let n = w.chars().count();
            ends_with_any(chars, end - n, &["同比", "环比"])?;
            (Some(*d), end - n)
        }
    };
    // Basis: 同比/环比 right before, or 较…/比… a few chars before.
    let mut phrase_start = basis_end;
    let mut basis = String::new();
    if let Some(n) = ends_with_any(chars, basis_end, &["同比", "环比"]) {
        if basis_end - n >= clause_start {
            phrase_start = basis_end - n;
            basis = chars
                .get(phrase_start..basis_end)
                .unwrap_or(&[])
                .iter()
                .collect();
        }
    } else {
        let lo = basis_end.saturating_sub(10).max(clause_start);
        for k in (lo..basis_end).rev() {
            let c = at(chars, k).unwrap_or(' ');
            if c == '较' || c == '比' {
                let nx = at(chars, k + 1);
                let ok = nx.is_some_and(|x| {
                    matches!(x, '上' | '去' | '年' | '前' | '同' | '本') || is_digit(x)
                });
                let bad_before = c == '比'
                    && before(chars, k).is_some_and(|b| {
                        matches!(b, '占' | '对' | '相' | '评' | '类' | '无' | '分' | '好')
                    });
                if ok && !bad_before {
                    phrase_start = k;
                    basis = string_of(chars.get(k..basis_end).unwrap_or(&[]));
                }
                break;
            }
            // Digits may be a year in the basis ("较2020年"); a clause break ends the search.
            if is_clause_delim(c) {
                break;
            }
        }
    }
    Some(Role::Change {
        phrase_start,
        basis,
        direction,
    })
}

/// "完成全年目标的201.28%", "占全年任务的167%": the phrase start.
fn target_role(chars: &[char], tok: &Token, clause_start: usize) -> Option<Role> {
    if !tok.is_percent() {
        return None;
    }
    let mut end = strip_fillers(chars, tok.start, clause_start, &["约", "了", "达到", "达"]);
    if let Some(n) = ends_with_at(chars, end, "的") {
        end -= n;
    }
    // Completion rate: "完成率95.56%", "目标完成率达到100%".
    let rate_end = strip_fillers(
        chars,
        tok.start,
        clause_start,
        &["达到", "达", "为", "是", "了", "约"],
    );
    if let Some(n) = ends_with_any(chars, rate_end, &["完成率", "完成进度", "完成度", "执行率"])
    {
        if rate_end - n >= clause_start {
            return Some(Role::CompletionRate {
                phrase_start: rate_end - n,
            });
        }
    }
    let tn = ends_with_any(
        chars,
        end,
        &[
            "目标任务",
            "计划任务",
            "任务量",
            "目标值",
            "目标",
            "预算",
            "任务",
            "计划",
            "进度",
        ],
    )?;
    let word_start = end - tn;
    // The verb within 8 chars before, in the clause, with no digit between.
    let lo = word_start.saturating_sub(8).max(clause_start);
    let mut k = word_start;
    while k > lo {
        for verb in ["超额完成", "完成", "达到", "实现", "占", "为", "是", "达"] {
            if let Some(n) = ends_with_at(chars, k, verb) {
                if k - n >= clause_start {
                    return Some(Role::Target {
                        phrase_start: k - n,
                    });
                }
            }
        }
        let c = before(chars, k).unwrap_or(' ');
        if is_digit(c) || is_clause_delim(c) {
            return None;
        }
        k -= 1;
    }
    None
}

/// Role of every figure (skipped tokens are not figures), into `out` (a reused buffer).
pub fn roles(
    chars: &[char],
    figs: &[&Token],
    clause_start_of: &dyn Fn(usize) -> usize,
    out: &mut Vec<Role>,
) {
    out.clear();
    out.extend(figs.iter().map(|_| Role::Value));
    for (i, t) in figs.iter().enumerate() {
        let cs = clause_start_of(t.start);
        if goals::is_goal(chars, t.start, t.end) {
            if let Some(slot) = out.get_mut(i) {
                *slot = Role::Goal;
            }
            continue;
        }
        if let Some(r) = target_role(chars, t, cs) {
            if let Some(slot) = out.get_mut(i) {
                *slot = r;
            }
            continue;
        }
        if let Some(r) = change_role(chars, t, cs) {
            if let Some(slot) = out.get_mut(i) {
                *slot = r;
            }
            continue;
        }
        if t.is_percent() || matches!(t.class, Some(UnitClass::Points)) {
            let between = i > 0 && figs.get(i - 1).is_some_and(|p| p.start >= cs);
            if let Some((at, d)) = changes::governing(chars, cs, t.start, t.end, between) {
                if let Some(slot) = out.get_mut(i) {
                    *slot = Role::Change {
                        phrase_start: at,
                        basis: String::new(),
                        direction: Some(d),
                    };
                }
                continue;
            }
        }
        // Baseline: "由A提升至B".
        if ends_with_any(
            chars,
            t.start,
            &["由", "从", "由原来的", "从原来的", "由原", "从原"],
        )
        .is_some()
        {
            if let Some(next) = figs.get(i + 1) {
                let between: String = string_of(chars.get(t.end..next.start).unwrap_or(&[]));
                if is_rise_to(&between) && next.start.saturating_sub(t.end) <= 10 {
                    if let Some(slot) = out.get_mut(i) {
                        *slot = Role::BaselineOf(i + 1);
                    }
                }
            }
        }
    }
}

/// "提升至", "上升至最高", "降到", "增加到约" …
fn is_rise_to(s: &str) -> bool {
    let mut rest = s;
    for v in [
        "提升", "提高", "上升", "增加", "增长", "下降", "降低", "减少", "缩短", "压缩", "扩大",
        "缩小", "升", "降", "增", "减",
    ] {
        if let Some(r) = rest.strip_prefix(v) {
            rest = r;
            break;
        }
    }
    let Some(r) = rest
        .strip_prefix('至')
        .or_else(|| rest.strip_prefix('到'))
        .or_else(|| rest.strip_prefix('为'))
    else {
        return false;
    };
    let mut r = r.strip_prefix('了').unwrap_or(r);
    for q in ["最高", "最低", "约", "近"] {
        if let Some(x) = r.strip_prefix(q) {
            r = x;
        }
    }
    r.is_empty()
}
