//! Ranks: "排名第四", "位列第二", "居全市第一", "均居全市第一".
//!
//! A rank is a figure of its own (kind `Rank`): `raw` is the ordinal as published ("第四"),
//! `number` its value, `unit` the 名/位 printed after it. Its name says what is ranked:
//! * the clause's own subject ("综合示范创建全市总分排名第四" → "综合示范创建全市总分排名");
//! * none ("…279场，居全市第一"): the figure the clause follows, plus the scope
//!   ("组织开展各类招聘活动全市排名");
//! * 均 ("…1010万平方米，…1243.6公顷，均居全市第一"): one rank for each figure it covers, so
//!   that every ranked figure reads alone in a table row and sorts by rank.

use report_model::{IndicatorKind, Measure};

use super::extracted::{Context, Extracted};
use crate::numbers::{digit_value, ends_with_at, is_cn_numeral_char, is_digit, parse_cn_numeral};

/// Verbs before an ordinal that make it a rank (longest first).
const VERBS: &[&str] = &[
    "排名", "排在", "名列", "位列", "位居", "位于", "列", "居", "排",
];

/// Scope words that may stand between the verb and the ordinal ("居全市第一").
const SCOPES: &[&str] = &[
    "全国",
    "全省",
    "全市",
    "全区",
    "各区",
    "城区",
    "同类",
    "全系统",
    "中心城区",
];

/// The ordinal at `k` (the 第): its text, value and end.
fn ordinal(chars: &[char], k: usize) -> Option<(String, f64, usize)> {
    let mut e = k + 1;
    let cn = chars.get(e).is_some_and(|&c| is_cn_numeral_char(c));
    while chars.get(e).is_some_and(|&c| {
        if cn {
            is_cn_numeral_char(c)
        } else {
            is_digit(c)
        }
    }) {
        e += 1;
    }
    if e == k + 1 || e - k > 5 {
        return None;
    }
    let digits: String = chars.get(k + 1..e)?.iter().collect();
    let n = if cn {
        parse_cn_numeral(&digits)?
    } else {
        digits.chars().try_fold(0u32, |acc, c| {
            acc.checked_mul(10)?.checked_add(digit_value(c)?)
        })?
    };
    Some((format!("第{digits}"), f64::from(n), e))
}

/// Rank indicators of one sentence, to add to the sentence's `figures` (`out[base..]`).
pub fn extract(
    chars: &[char],
    clause_start_of: &dyn Fn(usize) -> usize,
    ctx: &Context,
    figures: &[Extracted],
) -> Vec<Extracted> {
    let mut found = Vec::new();
    if !chars.contains(&'第') {
        return found;
    }
    for k in (0..chars.len()).filter(|&k| chars.get(k) == Some(&'第')) {
        let Some((raw, number, end)) = ordinal(chars, k) else {
            continue;
        };
        // Verb (and scope) right before 第.
        let mut p = k;
        let mut scope = "";
        if let Some(s) = SCOPES.iter().find(|s| ends_with_at(chars, p, s).is_some()) {
            p -= s.chars().count();
            scope = s;
        }
        let Some(verb) = VERBS.iter().find(|v| ends_with_at(chars, p, v).is_some()) else {
            continue;
        };
        let verb_start = p - verb.chars().count();
        let unit = match chars.get(end) {
            Some('名') => "名",
            Some('位') => "位",
            _ => "",
        };
        let cs = clause_start_of(verb_start);
        let mut subject_end = verb_start;
        let each = ends_with_at(chars, subject_end, "均").is_some();
        if each {
            subject_end -= 1;
        }
        let subject: String = chars.get(cs..subject_end).unwrap_or(&[]).iter().collect();
        let subject = clean_subject(&subject, ctx);
        let ranked = |name: String| {
            let value = Measure {
                raw: raw.clone(),
                number,
                unit: unit.to_string(),
                qualifiers: Vec::new(),
            };
            let span = (k, end + unit.chars().count());
            Extracted::figure(name, IndicatorKind::Rank, Some(value), span)
        };
        let suffix = format!("{scope}排名");
        let before: Vec<&Extracted> = figures
            .iter()
            .filter(|f| f.span.1 <= verb_start && f.kind != IndicatorKind::Rank)
            .collect();
        if each && subject.is_empty() && !before.is_empty() {
            // 均: every figure since the last rank of the sentence.
            let since = found.last().map_or(0, |r: &Extracted| r.span.1).max(
                figures
                    .iter()
                    .filter(|f| f.kind == IndicatorKind::Rank && f.span.1 <= verb_start)
                    .map(|f| f.span.1)
                    .max()
                    .unwrap_or(0),
            );
            for f in before.iter().filter(|f| f.span.0 >= since) {
                found.push(ranked(format!("{}{suffix}", f.name)));
            }
        } else if !subject.is_empty() {
            let name = if subject.ends_with("排名") {
                subject
            } else {
                format!("{subject}排名")
            };
            found.push(ranked(name));
        } else if let Some(f) = before.last() {
            found.push(ranked(format!("{}{suffix}", f.name)));
        } else {
            found.push(ranked(suffix));
        }
    }
    found
}

/// The subject of a rank clause: subjects and time words dropped, "在…中" unwrapped.
fn clean_subject(s: &str, ctx: &Context) -> String {
    let mut t = s.trim_matches(|c: char| c.is_whitespace() || "，,；;、".contains(c));
    for w in ["目前", "当前", "其中"] {
        t = t.strip_prefix(w).unwrap_or(t);
    }
    for d in &ctx.district {
        t = t.strip_prefix(d.as_str()).unwrap_or(t);
    }
    for w in ["我区", "我市", "本区", "在"] {
        t = t.strip_prefix(w).unwrap_or(t);
    }
    let t = t.strip_suffix('中').unwrap_or(t);
    let t = t.strip_suffix("考评").map_or(t, |_| t);
    if t.chars().count() < 2 {
        String::new()
    } else {
        t.to_string()
    }
}
