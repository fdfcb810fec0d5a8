//! What the words around a number say about it: "约6593.69亩" (about), "60%以上" (at least),
//! "2000余人次" (more than, inside the number), "预计为46微克/立方米" (an estimate),
//! "上升至最高71.07%" (a peak, not the level at the end).
//!
//! A qualifier is read only from the text: the word next to the number (link words such as
//! 为/达到 may stand between), or 预计/预估 earlier in the same clause, which makes every figure
//! of the clause an estimate ("预计实现…排放下降5.6%").

use report_model::{Qualifier, QualifierKind, QualifierPlace};

use crate::numbers::{ends_with_at, starts_with_at};

/// Words printed right before a number (longest first where one contains another).
const BEFORE: &[(&str, QualifierKind)] = &[
    ("大约", QualifierKind::Approximate),
    ("约", QualifierKind::Approximate),
    ("将近", QualifierKind::Approximate),
    ("接近", QualifierKind::Approximate),
    ("近", QualifierKind::Approximate),
    ("不少于", QualifierKind::AtLeast),
    ("不低于", QualifierKind::AtLeast),
    ("至少", QualifierKind::AtLeast),
    ("超过", QualifierKind::MoreThan),
    ("逾", QualifierKind::MoreThan),
    ("不超过", QualifierKind::AtMost),
    ("不高于", QualifierKind::AtMost),
    ("至多", QualifierKind::AtMost),
    ("低于", QualifierKind::LessThan),
    ("不足", QualifierKind::LessThan),
    ("不到", QualifierKind::LessThan),
    ("高于", QualifierKind::MoreThan),
    ("最高", QualifierKind::Peak),
    ("峰值", QualifierKind::Peak),
    ("最低", QualifierKind::Lowest),
    ("预计", QualifierKind::Estimate),
    ("预估", QualifierKind::Estimate),
];

/// Words printed right after the number and unit.
const AFTER: &[(&str, QualifierKind)] = &[
    ("以上", QualifierKind::AtLeast),
    ("以下", QualifierKind::AtMost),
    ("以内", QualifierKind::AtMost),
    ("之内", QualifierKind::AtMost),
    ("左右", QualifierKind::Approximate),
    ("上下", QualifierKind::Approximate),
];

/// Link words that may stand between a qualifier and its number ("预计为", "最高达").
const LINKS: &[&str] = &["达到", "为", "达", "是", "了", "在"];

/// Clause-wide estimate words.
const ESTIMATE: &[&str] = &["预计", "预估"];

/// The qualifiers of the number at `start..raw_end` (its unit ends at `end`), in text order.
/// `clause_start` bounds the search for 预计; `raw` is the number as published (余/多 inside
/// it are qualifiers `within`); `period` tells a unit of time, where 近 means "the last" (近3年).
pub fn read(
    chars: &[char],
    start: usize,
    end: usize,
    clause_start: usize,
    raw: &str,
    period: bool,
) -> Vec<Qualifier> {
    let mut out = Vec::new();
    // Before: words (and links) right before the number, nearest last.
    let mut k = start;
    let mut before: Vec<Qualifier> = Vec::new();
    for _ in 0..4 {
        // Most numbers have no qualifier: look the words up only after a char that ends one.
        let last = k.checked_sub(1).and_then(|j| chars.get(j)).copied();
        if !last.is_some_and(|c| "约近于少过逾多高值低计估足到为达是了在".contains(c))
        {
            break;
        }
        let mut p = k;
        for l in LINKS {
            if let Some(n) = ends_with_at(chars, p, l) {
                if p - n >= clause_start {
                    p -= n;
                    break;
                }
            }
        }
        let hit = BEFORE.iter().find_map(|&(w, kind)| {
            ends_with_at(chars, p, w)
                .filter(|&n| p - n >= clause_start)
                .map(|n| (w, kind, n))
        });
        let Some((w, kind, n)) = hit else { break };
        // 近 before a period is "the last" (近3年), and 最近/附近/就近 are not qualifiers.
        let after_near = p - n;
        if w == "近"
            && (period
                || after_near
                    .checked_sub(1)
                    .and_then(|j| chars.get(j))
                    .is_some_and(|c| matches!(c, '最' | '附' | '就' | '临')))
        {
            break;
        }
        before.push(Qualifier {
            kind,
            word: w.to_string(),
            place: QualifierPlace::Before,
        });
        k = p - n;
    }
    // 预计 earlier in the clause, not already read next to the number.
    if !before.iter().any(|q| q.kind == QualifierKind::Estimate) {
        let lo = clause_start.min(k);
        let has_yu = chars.get(lo..k).is_some_and(|c| c.contains(&'预'));
        if let Some(w) = (lo..k)
            .filter(|_| has_yu)
            .find_map(|j| ESTIMATE.iter().find(|w| starts_with_at(chars, j, w)))
        {
            before.push(Qualifier {
                kind: QualifierKind::Estimate,
                word: w.to_string(),
                place: QualifierPlace::Before,
            });
        }
    }
    before.reverse();
    out.append(&mut before);
    // Within: 余/多 kept in the published number.
    for (w, kind) in [
        ("余", QualifierKind::MoreThan),
        ("多", QualifierKind::MoreThan),
    ] {
        if raw.contains(w) {
            out.push(Qualifier {
                kind,
                word: w.to_string(),
                place: QualifierPlace::Within,
            });
        }
    }
    // After the unit.
    if let Some(&(w, kind)) = AFTER.iter().find(|(w, _)| starts_with_at(chars, end, w)) {
        out.push(Qualifier {
            kind,
            word: w.to_string(),
            place: QualifierPlace::After,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str, num: &str, unit: &str) -> Vec<(QualifierKind, String, QualifierPlace)> {
        let chars: Vec<char> = s.chars().collect();
        let fig = format!("{num}{unit}");
        let b = s.find(&fig).unwrap_or(0);
        let start = s[..b].chars().count();
        let end = start + fig.chars().count();
        read(&chars, start, end, 0, num, false)
            .into_iter()
            .map(|q| (q.kind, q.word, q.place))
            .collect()
    }

    #[test]
    fn words_before_after_and_within() {
        use QualifierKind::*;
        use QualifierPlace::*;
        assert_eq!(
            q("完成了约6593.69亩的大树栽植", "6593.69", "亩"),
            vec![(Approximate, "约".into(), Before)]
        );
        assert_eq!(
            q("申报材料60%以上", "60", "%"),
            vec![(AtLeast, "以上".into(), After)]
        );
        assert_eq!(
            q("培训2000余人次", "2000余", "人次"),
            vec![(MoreThan, "余".into(), Within)]
        );
        assert_eq!(
            q("浓度预计为46微克/立方米", "46", "微克/立方米"),
            vec![(Estimate, "预计".into(), Before)]
        );
        assert_eq!(
            q("预计实现万元地区生产总值二氧化碳排放下降5.6%", "5.6", "%"),
            vec![(Estimate, "预计".into(), Before)]
        );
        assert_eq!(
            q("由35.62%上升至最高71.07%", "71.07", "%"),
            vec![(Peak, "最高".into(), Before)]
        );
        assert!(q("最近3个月", "3", "个月").is_empty());
        assert!(q("建设小微绿地13处", "13", "处").is_empty());
    }
}
