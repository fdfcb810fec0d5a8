//! Step 1 of a sentence's figures: every number (Arabic digits, counted Chinese numerals,
//! "百分百") with its multiplier, qualifiers and unit, and why it is not a figure when it is
//! not (dates, ordinals, codes, list numbering, attributes, ratios …).

use std::borrow::Cow;

use report_model::Qualifier;

use super::cn_numerals;
use super::qualifiers;
use super::token::{at, before, is_clause_delim, is_dash, Skip, Token};
use crate::numbers::{
    ends_with_any, is_cjk, is_cn_numeral_char, is_digit, is_point, match_multiplier, match_unit,
    parse_raw, starts_with_at, string_of, UnitClass,
};

/// Finds the numbers of a sentence.
#[cfg(test)]
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(chars, &mut out);
    out
}

/// `tokenize` into `out` (cleared first), a buffer reused from sentence to sentence.
pub fn tokenize_into(chars: &[char], out: &mut Vec<Token>) {
    out.clear();
    let n = chars.len();
    // Depth inside 《》〔〕【】[]: numbers there belong to titles and document numbers.
    let mut depth: u16 = 0;
    // Depth inside “”: a Chinese numeral there names a slogan ("三公开").
    let mut quotes: u16 = 0;
    let mut i = 0;
    while i < n {
        let c = at(chars, i).unwrap_or(' ');
        // "百分百" / "百分之百": 100 percent, written out.
        if c == '百' {
            if let Some(word) = ["百分之百", "百分百"]
                .into_iter()
                .find(|w| starts_with_at(chars, i, w))
            {
                let len = word.chars().count();
                out.push(Token {
                    start: i,
                    num_end: i + len,
                    end: i + len,
                    raw: word.to_string(),
                    unit: Cow::Borrowed(""),
                    class: Some(UnitClass::Percent),
                    number: 100.0,
                    skip: None,
                    qualifiers: Vec::new(),
                });
                i += len;
                continue;
            }
        }
        if (is_cn_numeral_char(c) || c == '两') && depth == 0 && quotes == 0 {
            if let Some(tok) = cn_numerals::read(chars, i) {
                i = tok.end;
                out.push(tok);
                continue;
            }
        }
        match c {
            '“' | '‘' => quotes = quotes.saturating_add(1),
            '”' | '’' => quotes = quotes.saturating_sub(1),
            _ => {}
        }
        if !is_digit(c) {
            match c {
                '《' | '〔' | '【' | '[' | '〈' => depth = depth.saturating_add(1),
                '》' | '〕' | '】' | ']' | '〉' => depth = depth.saturating_sub(1),
                _ => {}
            }
            i += 1;
            continue;
        }
        let tok = read_number(chars, i, depth > 0, out);
        i = tok.end.max(tok.num_end).max(i + 1);
        out.push(tok);
    }
    for t in out.iter_mut().filter(|t| t.skip.is_none()) {
        t.qualifiers = qualifiers_of(chars, t);
    }
}

/// The qualifiers of a figure, searched back to the start of its clause.
fn qualifiers_of(chars: &[char], t: &Token) -> Vec<Qualifier> {
    let lo = t.start.saturating_sub(MAX_CLAUSE_LOOKBACK);
    let clause_start = (lo..t.start)
        .rev()
        .find(|&k| at(chars, k).is_some_and(is_clause_delim))
        .map_or(lo, |k| k + 1);
    let period = matches!(t.class, Some(UnitClass::Duration))
        || matches!(&*t.unit, "年" | "个月" | "月" | "天" | "日");
    qualifiers::read(chars, t.start, t.end, clause_start, &t.raw, period)
}

/// How far back a clause-wide qualifier (预计) is looked for, in chars.
const MAX_CLAUSE_LOOKBACK: usize = 60;

/// Reads the number starting at `i` (a digit) and decides whether it is a figure.
fn read_number(chars: &[char], i: usize, in_brackets: bool, prev: &[Token]) -> Token {
    let mut j = i;
    while at(chars, j).is_some_and(is_digit) {
        j += 1;
    }
    let int_len = j - i;
    // Thousands separators: "1,234,567" (ASCII comma, groups of exactly three digits).
    let mut grouped = false;
    if int_len <= 3 {
        while at(chars, j) == Some(',')
            && (1..=3).all(|k| at(chars, j + k).is_some_and(is_digit))
            && !at(chars, j + 4).is_some_and(is_digit)
        {
            j += 4;
            grouped = true;
        }
    }
    let mut decimal = false;
    if at(chars, j).is_some_and(is_point) && at(chars, j + 1).is_some_and(is_digit) {
        j += 1;
        while at(chars, j).is_some_and(is_digit) {
            j += 1;
        }
        decimal = true;
    }
    let num_end = j;
    // A sign only where the text calls for a number ("增速为-2.1%").
    let mut start = i;
    if let Some(s) = before(chars, i) {
        if matches!(s, '-' | '－' | '−') {
            let b2 = i.checked_sub(2).and_then(|k| chars.get(k)).copied();
            let sign_ok = match b2 {
                None => true,
                Some(b) => matches!(
                    b,
                    '为' | '达' | '至' | '到' | '是' | '：' | ':' | '（' | '(' | '长' | '速'
                ),
            };
            if sign_ok {
                start = i - 1;
            }
        }
    }
    let first_digit = at(chars, i).unwrap_or('1');

    // Multiplier, qualifier and unit.
    let mut k = num_end;
    let mut qual_before = false;
    if matches!(at(chars, k), Some('余' | '多')) && match_unit(chars, k).is_none() {
        k += 1;
        qual_before = true;
    }
    let mut raw_end = k;
    let mut unit = Cow::Borrowed("");
    let mut class = None;
    let mut end = k;
    if let Some((u, len, cl)) = match_unit(chars, k) {
        unit = Cow::Borrowed(u);
        class = Some(cl);
        end = k + len;
    } else if let Some((m, mlen)) = match_multiplier(chars, k) {
        let mut k2 = k + mlen;
        let mut qual_after = false;
        if matches!(at(chars, k2), Some('余' | '多')) {
            k2 += 1;
            qual_after = true;
        }
        match match_unit(chars, k2) {
            Some((u, len, cl @ UnitClass::Measure)) if !qual_after => {
                // 万/亿 before a measure unit: part of the unit ("1010万平方米").
                unit = Cow::Owned(format!("{m}{u}"));
                class = Some(cl);
                end = k2 + len;
            }
            Some((u, len, cl)) => {
                raw_end = k2;
                unit = Cow::Borrowed(u);
                class = Some(cl);
                end = k2 + len;
            }
            None => {
                raw_end = k2;
                end = k2;
            }
        }
    }
    let raw: String = string_of(chars.get(start..raw_end).unwrap_or(&[]));
    let number = parse_raw(&raw).unwrap_or(f64::NAN);
    let mut tok = Token {
        start,
        num_end,
        end,
        raw,
        unit,
        class,
        number,
        skip: None,
        qualifiers: Vec::new(),
    };
    tok.skip = skip_reason(
        chars,
        &tok,
        first_digit,
        int_len,
        grouped || decimal,
        qual_before,
        in_brackets,
        prev,
    );
    if tok.skip == Some(Skip::Date) {
        // The date's own suffix is not a unit: "2019年度", "12月份", "10日".
        let mut e = num_end;
        for suffix in ["年度", "年", "月份", "月", "日", "号"] {
            if starts_with_at(chars, e, suffix) {
                e += suffix.chars().count();
                break;
            }
        }
        tok.end = e;
    }
    tok
}

#[allow(clippy::too_many_arguments)]
fn skip_reason(
    chars: &[char],
    t: &Token,
    first_digit: char,
    int_len: usize,
    fractional_or_grouped: bool,
    qualified: bool,
    in_brackets: bool,
    prev: &[Token],
) -> Option<Skip> {
    if !t.number.is_finite() {
        return Some(Skip::Other);
    }
    let next = at(chars, t.num_end);
    let next2 = at(chars, t.num_end + 1);
    let prev_c = before(chars, t.start);
    let plain_int = !fractional_or_grouped && !qualified;
    let value = t.number;

    // Dates and times.
    if plain_int && int_len == 4 && (1900.0..=2100.0).contains(&value) {
        if next == Some('年') || (next == Some(' ') && next2 == Some('年')) {
            return Some(Skip::Date);
        }
        if next.is_some_and(|c| matches!(c, '-' | '/' | '.' | '－' | '—' | '~' | '～' | '至'))
            && next2.is_some_and(is_digit)
        {
            return Some(Skip::Date);
        }
    }
    if plain_int && (1.0..=12.0).contains(&value) {
        if next == Some('月') {
            return Some(Skip::Date);
        }
        // Month ranges: "1-12月", "1至6月".
        if next.is_some_and(is_dash) {
            let mut k = t.num_end + 1;
            let mut m = 0;
            while at(chars, k).is_some_and(is_digit) {
                k += 1;
                m += 1;
            }
            if (1..=2).contains(&m) && at(chars, k) == Some('月') {
                return Some(Skip::Date);
            }
        }
    }
    if plain_int
        && (1.0..=31.0).contains(&value)
        && matches!(next, Some('日' | '号'))
        && prev_c == Some('月')
    {
        return Some(Skip::Date);
    }
    // Times of day and quarters.
    if plain_int && matches!(next, Some(':' | '：')) && next2.is_some_and(is_digit) {
        return Some(Skip::Other);
    }
    if plain_int
        && prev_c.is_some_and(|c| matches!(c, ':' | '：'))
        && before(chars, t.start.saturating_sub(1)).is_some_and(is_digit)
    {
        return Some(Skip::Other);
    }
    // (The word list is only read when the next char can start one of its words.)
    if t.unit.is_empty()
        && matches!(
            next,
            Some('季' | '周' | '号' | '届' | '级' | '期' | '时' | '点' | '路' | '楼' | '版' | '热')
        )
    {
        for word in [
            "季度", "周年", "号线", "号", "届", "级", "期", "时", "点", "路", "楼", "版", "热线",
        ] {
            if starts_with_at(chars, t.num_end, word) {
                return Some(Skip::Other);
            }
        }
    }
    // Ordinals.
    if prev_c == Some('第') {
        return Some(Skip::Other);
    }
    // Numbers in names and references: "世界500强", "全国前10名", "详见附件1", "见表2".
    if next == Some('强') && t.unit.is_empty() {
        return Some(Skip::Other);
    }
    if prev_c == Some('前') && (t.unit.is_empty() || matches!(&*t.unit, "名" | "位")) {
        return Some(Skip::Other);
    }
    // The scale of a score ("19.2分（满分20分）") is not a figure either.
    if ends_with_any(chars, t.start, &["满分", "满分为"]).is_some() {
        return Some(Skip::Other);
    }
    if t.unit.is_empty() && ends_with_any(chars, t.start, &["附件", "附表", "表", "图"]).is_some()
    {
        return Some(Skip::Other);
    }
    // Codes and names: next to Latin letters or +, inside 《》〔〕.
    let latin = |c: Option<char>| {
        c.is_some_and(|c| {
            c.is_ascii_alphabetic() || matches!(c, '+' | '＋' | '#' | '_' | '×' | '*' | '@' | '&')
        })
    };
    if latin(prev_c) {
        return Some(Skip::Other);
    }
    if t.unit.is_empty() && latin(at(chars, t.end)) {
        return Some(Skip::Other);
    }
    if in_brackets {
        return Some(Skip::Other);
    }
    // Fractions and ratios: "1/3", "1:1".
    if matches!(next, Some('/' | '／')) && next2.is_some_and(is_digit) {
        return Some(Skip::Other);
    }
    if prev_c.is_some_and(|c| matches!(c, '/' | '／'))
        && before(chars, t.start.saturating_sub(1)).is_some_and(is_digit)
    {
        return Some(Skip::Other);
    }
    // Codes with leading zeros ("010"), long bare integers (phone numbers, hotlines, ids).
    if int_len > 1 && matches!(first_digit, '0' | '０') && !fractional_or_grouped {
        return Some(Skip::Other);
    }
    if plain_int && int_len >= 5 && t.unit.is_empty() && t.raw.chars().all(is_digit) {
        return Some(Skip::Other);
    }
    // List numbering: "1." or "2、" opening a clause, "(3)".
    if plain_int && int_len <= 2 && t.unit.is_empty() {
        let opens = prev_c.is_none_or(|c| is_clause_delim(c) || c.is_whitespace() || c == '、');
        let numbering =
            matches!(next, Some('.' | '．' | '、' | ')' | '）')) && !next2.is_some_and(is_digit);
        if opens && numbering {
            return Some(Skip::Other);
        }
        if matches!(prev_c, Some('(' | '（')) && matches!(next, Some(')' | '）')) {
            return Some(Skip::Other);
        }
    }
    // Range starts ("3-5年"): the range's end carries the unit.
    if t.unit.is_empty()
        && t.raw.chars().all(|c| is_digit(c) || is_point(c))
        && next.is_some_and(|c| matches!(c, '-' | '－' | '—' | '–' | '~' | '～'))
        && next2.is_some_and(is_digit)
    {
        return Some(Skip::Other);
    }
    // A range's end right after a skipped start is a figure only with a unit.
    if prev_c.is_some_and(|c| matches!(c, '-' | '－' | '—' | '–' | '~' | '～'))
        && prev
            .last()
            .is_some_and(|p| p.end + 1 == t.start && p.skip.is_some())
        && t.unit.is_empty()
    {
        return Some(Skip::Other);
    }
    // Attributes: a length or duration running on into a noun ("500米服务半径").
    if matches!(t.class, Some(UnitClass::MeasureAttr | UnitClass::Duration)) {
        let mut k = t.end;
        for w in ["以上", "以下", "以内", "之内", "左右", "内"] {
            if starts_with_at(chars, k, w) {
                k += w.chars().count();
                break;
            }
        }
        if at(chars, k).is_some_and(|c| {
            is_cjk(c) && !matches!(c, '的' | '之' | '和' | '及' | '或' | '等' | '与')
        }) {
            return Some(Skip::Other);
        }
    }
    // "年" alone after a small number is a duration only before punctuation (handled above);
    // a bare "N年" after 近/连续 is still a figure.
    None
}
