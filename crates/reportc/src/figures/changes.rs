//! A change verb that governs a percentage across its object: "精简各类政务服务事项申报材料
//! 60%以上" is a cut of at least 60%, "降低企业用电成本15%" a fall of 15% — not levels of 60%
//! and 15%. (A verb right before its number, "同比提高2.8个百分点", is read in `figures`.)
//!
//! The verb must open the figure's clause (after subjects), with no other figure and no link
//! to a level (达到, 为, 至, 到, 是, 占) between, and the figure must not run on into 的 ("60%的
//! 行政区域" is a share).

use report_model::Direction;

use crate::numbers::starts_with_at;

/// Verbs that state a change of their object, with its direction.
pub const GOVERNING: &[(&str, Direction)] = &[
    ("精简", Direction::Down),
    ("压缩", Direction::Down),
    ("降低", Direction::Down),
    ("减少", Direction::Down),
    ("缩短", Direction::Down),
    ("节约", Direction::Down),
    ("节省", Direction::Down),
    ("提高", Direction::Up),
    ("提升", Direction::Up),
    ("增加", Direction::Up),
];

/// Words between the verb and the figure that make the figure a level.
const LEVEL_LINKS: &[&str] = &["达到", "达", "为", "至", "到", "是", "占", "率", "在"];

/// The governing verb of the percentage at `fig_start..fig_end` in the clause from
/// `clause_start`: (verb start, direction).
pub fn governing(
    chars: &[char],
    clause_start: usize,
    fig_start: usize,
    fig_end: usize,
    other_figs_between: bool,
) -> Option<(usize, Direction)> {
    if other_figs_between || chars.get(fig_end) == Some(&'的') {
        return None;
    }
    // The verb within the first few chars of the clause (subjects such as 全区 before it).
    let lo = clause_start;
    let hi = (clause_start + 6).min(fig_start);
    let (at, dir, len) = (lo..hi).find_map(|k| {
        GOVERNING
            .iter()
            .find(|(w, _)| starts_with_at(chars, k, w))
            .map(|&(w, d)| (k, d, w.chars().count()))
    })?;
    let object = chars.get(at + len..fig_start)?;
    if object.len() < 2 || object.len() > 24 {
        return None;
    }
    if (0..object.len()).any(|k| LEVEL_LINKS.iter().any(|w| starts_with_at(object, k, w))) {
        return None;
    }
    Some((at, dir))
}
