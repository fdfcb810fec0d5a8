//! Counts in Chinese numerals: "参加区政府常务会议两次", "完成三项改革".
//!
//! A Chinese numeral is a figure only as a count: followed by a counter (次, 项, 个, 家 …),
//! not 二 alone (二次污染 is secondary pollution), not 一 alone (一批, 一次性, 一窗受理 are words), not an ordinal (第三), not in quotes
//! ("三公开"), not running into another numeral ("三位一体"), not a slogan ("四个意识").
//! `raw` keeps the published numeral; `number` is its value.

use std::borrow::Cow;

use super::token::Token;
use crate::numbers::{is_cn_numeral_char, match_unit, parse_cn_numeral, starts_with_at, UnitClass};

/// Slogans made of a numeral and a counter.
const SLOGANS: &[&str] = &[
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "四个全面",
    "四个中心",
    "两个责任",
    "两个大局",
    "两个一百年",
    "三个代表",
    "五个一",
];

/// Counters after which a Chinese numeral is a count.
fn is_count_unit(u: &str) -> bool {
    matches!(
        u,
        "次" | "项"
            | "个"
            | "家"
            | "名"
            | "场"
            | "件"
            | "篇"
            | "所"
            | "座"
            | "条"
            | "处"
            | "轮"
            | "批次"
            | "人次"
            | "户"
            | "支"
            | "期次"
    )
}

/// A numeral char of a count ("两" counts too, unlike in headings).
fn is_cn_digit(c: char) -> bool {
    is_cn_numeral_char(c) || c == '两'
}

/// The count at `i` (a Chinese numeral char), if it is one.
pub fn read(chars: &[char], i: usize) -> Option<Token> {
    let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
    if prev.is_some_and(|c| is_cn_digit(c) || c == '第' || c == '周' || c == '星') {
        return None;
    }
    let mut e = i;
    while chars.get(e).is_some_and(|&c| is_cn_digit(c)) && e - i < 6 {
        e += 1;
    }
    // 一 alone is a word (一批, 一次性); 二 alone is "secondary" (二次污染): counts say 两.
    // (Checked on the chars, before anything is allocated: 一 is everywhere.)
    let first = chars.get(i).copied()?;
    if (e - i == 1 && matches!(first, '一' | '二')) || matches!(first, '百' | '千' | '零' | '〇')
    {
        return None;
    }
    let mut raw_end = e;
    if matches!(chars.get(e), Some('余' | '多')) {
        raw_end += 1;
    }
    let (unit, len, class) = match_unit(chars, raw_end)?;
    if !matches!(class, UnitClass::Counter) || !is_count_unit(unit) {
        return None;
    }
    let digits: String = chars.get(i..e)?.iter().collect();
    let end = raw_end + len;
    // "三位一体", "一对一": numerals on both sides are a word.
    if chars.get(end).is_some_and(|&c| is_cn_digit(c)) {
        return None;
    }
    if SLOGANS.iter().any(|s| starts_with_at(chars, i, s)) {
        return None;
    }
    let number = f64::from(parse_cn_numeral(&digits)?);
    Some(Token {
        start: i,
        num_end: e,
        end,
        raw: chars.get(i..raw_end)?.iter().collect(),
        unit: Cow::Borrowed(unit),
        class: Some(class),
        number,
        skip: None,
        qualifiers: Vec::new(),
    })
}
