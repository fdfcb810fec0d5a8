//! Status only from what the text states, with the words it was read from.
//!
//! * Lagging: the clause calls the item behind (滞后, 未完成, 未达到, 仍有差距 …).
//! * Exceeded: the clause says 超额, or the figure is over 100% of a stated target.
//! * Met: the clause says the target was met (全部达标, 按期完成, 完成年度目标 …), or the
//!   figure is exactly 100% of a stated target.
//! * Otherwise unstated: a completion rate under 100% is not "behind" unless the text says so,
//!   and a share of 100% is not "met".

use report_model::{Status, TargetCompletion};

use super::token::{at, is_clause_delim, Token};
use crate::numbers::starts_with_at;

/// Words that call an item behind. ("未能" alone: "未能按期开工".)
pub const LAGGING: &[&str] = &[
    "未能完成",
    "未能达到",
    "未完成",
    "未达到",
    "未达标",
    "未达",
    "未能",
    "未按期",
    "滞后",
    "落后于",
    "仍有差距",
    "存在差距",
    "差距较大",
    "进展缓慢",
    "进度偏慢",
];

/// Words that say a target was exceeded.
const EXCEEDED: &[&str] = &[
    "超额完成",
    "超额实现",
    "超额",
    "超过目标",
    "超出目标",
    "超目标",
];

/// Words that say a target was met. Checked after [`LAGGING`], so "未完成年度目标" is not met.
const MET: &[&str] = &[
    "全部达标",
    "全面达标",
    "如期完成",
    "按期完成",
    "按时完成",
    "全面完成",
    "顺利完成",
    "完成年度目标",
    "完成全年目标",
    "完成年度任务",
    "完成全年任务",
    "完成目标任务",
    "达到年度目标",
    "实现年度目标",
    "达到预期目标",
    "完成既定目标",
    "达到目标",
    "目标全部完成",
];

/// Modifiers kept with a status word in its basis ("进度有所滞后").
const MODIFIERS: &[&str] = &[
    "进度", "进展", "有所", "相对", "较为", "明显", "仍然", "仍", "严重", "略有", "均", "全部",
];

/// The first of `words` at any position of `clause`: (start, word). A word that runs on into
/// 率 names a rate ("按期完成率100%"), not a status.
fn find_word(clause: &[char], words: &[&'static str]) -> Option<(usize, &'static str)> {
    (0..clause.len()).find_map(|k| {
        // Only chars that start a status word are looked up (most are not).
        let c = clause.get(k).copied()?;
        if !matches!(
            c,
            '未' | '滞'
                | '落'
                | '仍'
                | '存'
                | '差'
                | '进'
                | '超'
                | '全'
                | '如'
                | '按'
                | '顺'
                | '完'
                | '达'
                | '实'
                | '目'
        ) {
            return None;
        }
        words
            .iter()
            .find(|w| {
                starts_with_at(clause, k, w) && clause.get(k + w.chars().count()) != Some(&'率')
            })
            .map(|w| (k, *w))
    })
}

/// `word` at `start` with the modifiers right before it.
fn basis(clause: &[char], start: usize, word: &str) -> String {
    let mut s = start;
    for _ in 0..3 {
        let found = MODIFIERS.iter().find(|m| {
            let n = m.chars().count();
            s >= n && starts_with_at(clause, s - n, m)
        });
        match found {
            Some(m) => s -= m.chars().count(),
            None => break,
        }
    }
    let mut out: String = clause.get(s..start).unwrap_or(&[]).iter().collect();
    out.push_str(word);
    out
}

/// The status a clause states, with its words.
pub fn stated(clause: &[char]) -> Option<(Status, String)> {
    if !clause.iter().any(|c| {
        matches!(
            c,
            '滞' | '未' | '落' | '差' | '进' | '超' | '达' | '完' | '目'
        )
    }) {
        return None;
    }
    if let Some((k, w)) = find_word(clause, LAGGING) {
        return Some((Status::Lagging, basis(clause, k, w)));
    }
    if let Some((k, w)) = find_word(clause, EXCEEDED) {
        return Some((Status::Exceeded, basis(clause, k, w)));
    }
    if let Some((k, w)) = find_word(clause, MET) {
        return Some((Status::Met, basis(clause, k, w)));
    }
    None
}

/// Does the clause mention a lagging item?
pub fn mentions_lagging(s: &[char]) -> bool {
    find_word(s, LAGGING).is_some()
}

/// Status from a stated target completion: over 100% exceeded, exactly 100% met; below 100%
/// the number alone states nothing.
pub fn from_target(t: &TargetCompletion) -> Option<(Status, String)> {
    let p = t.percent.number;
    if p > 100.0 {
        Some((Status::Exceeded, t.raw.clone()))
    } else if p >= 100.0 {
        Some((Status::Met, t.raw.clone()))
    } else {
        None
    }
}

/// Combines what the number and the words say: a completion over 100% cannot be behind, so
/// the number wins over a contradicting word; otherwise the words win.
pub fn combine(
    target: Option<(Status, String)>,
    words: Option<(Status, String)>,
) -> (Status, Option<String>) {
    match (target, words) {
        (Some((Status::Exceeded, b)), _) => (Status::Exceeded, Some(b)),
        (_, Some((s, b))) => (s, Some(b)),
        (Some((s, b)), None) => (s, Some(b)),
        (None, None) => (Status::Unstated, None),
    }
}

/// The status the figure's clause states, or a figure-less clause right after it
/// ("道路大修86.15公里，超额完成年度任务").
pub fn stated_for(
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
    if let Some(s) = stated(chars.get(lo..hi).unwrap_or(&[])) {
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
    stated(chars.get(ce + 1..ne).unwrap_or(&[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str) -> Option<(Status, String)> {
        let c: Vec<char> = s.chars().collect();
        stated(&c)
    }

    #[test]
    fn every_status_word_starts_with_a_looked_up_char() {
        for w in LAGGING.iter().chain(EXCEEDED).chain(MET) {
            let c: Vec<char> = w.chars().collect();
            assert!(find_word(&c, &[w]).is_some(), "{w}");
        }
    }

    #[test]
    fn words_state_the_status() {
        assert_eq!(
            st("2项任务进度有所滞后"),
            Some((Status::Lagging, "进度有所滞后".into()))
        );
        assert_eq!(
            st("2项任务未完成年度目标"),
            Some((Status::Lagging, "未完成".into()))
        );
        assert_eq!(
            st("12个专项指标全部达标"),
            Some((Status::Met, "全部达标".into()))
        );
        assert_eq!(
            st("超额完成年度任务"),
            Some((Status::Exceeded, "超额完成".into()))
        );
        assert_eq!(st("完成率95.56%"), None);
        assert_eq!(st("已达到验收标准"), None);
    }
}
