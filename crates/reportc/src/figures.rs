//! One sentence → its figures → indicators.
//!
//! 1. [`tokenize`] finds every Arabic number (and "百分百") with its multiplier, qualifier and
//!    unit, and marks the ones that are not figures: dates ("2019年", "1-12月", "12月31日"),
//!    ordinals ("第3"), codes and names ("PM2.5", "5A级", "1+X+N", "12345市民热线", anything
//!    in 《》), list numbering ("1." at a clause start, "(2)"), attributes ("500米服务半径",
//!    "24小时活力街区"), ratios, fractions, range starts and unit-less numbers of 5+ digits.
//! 2. Each remaining figure gets a role from the words before it: a plain value, the start of
//!    "由A提升至B" (a baseline), a change ("同比提高2.8个百分点", "涨幅99.52%"), the completion
//!    of a target ("完成全年目标的201.28%", "占全年任务的167%"), or a completion rate
//!    ("完成率95.56%", with "45任务中,有43" folded in as done/total).
//! 3. Changes and target completions are attached to the figure they qualify: the last value
//!    of the same or the previous clause, when the phrase opens its clause. Otherwise they are
//!    indicators of their own.

use std::borrow::Cow;

use report_model::{
    Change, Direction, IndicatorKind, Measure, Qualifier, Status, TargetCompletion,
};

use crate::changes;
use crate::cn_numerals;
use crate::goals;
use crate::naming;
use crate::numbers::{
    ends_with_any, ends_with_at, is_cjk, is_cn_numeral_char, is_digit, is_point, match_multiplier,
    match_unit, parse_raw, starts_with_at, string_of, UnitClass,
};
use crate::qualifiers;
use crate::ranks;
use crate::respectively;
use crate::status;

/// Why a number is not a figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Skip {
    /// A year, month or day; names start after it ("2019年全区…").
    Date,
    /// Anything else that is not a figure.
    Other,
}

/// A number found in a sentence.
#[derive(Debug, Clone)]
pub struct Token {
    /// First char (the sign if any).
    pub start: usize,
    /// End of the digits.
    pub num_end: usize,
    /// End of the unit (or of `raw` when there is none).
    pub end: usize,
    pub raw: String,
    /// Borrowed from the unit table except for 万/亿 + unit ("万平方米"): no allocation for
    /// most numbers.
    pub unit: Cow<'static, str>,
    pub class: Option<UnitClass>,
    pub number: f64,
    pub skip: Option<Skip>,
    /// What the words around the number say about it (see [`crate::qualifiers`]); read for
    /// figures only.
    pub qualifiers: Vec<Qualifier>,
}

impl Token {
    pub fn measure(&self) -> Measure {
        Measure {
            raw: self.raw.clone(),
            number: self.number,
            unit: self.unit.to_string(),
            qualifiers: self.qualifiers.clone(),
        }
    }

    fn is_percent(&self) -> bool {
        matches!(self.class, Some(UnitClass::Percent)) || self.raw.starts_with("百分")
    }

    fn is_integer(&self) -> bool {
        !self.raw.chars().any(is_point) && self.number.fract() == 0.0 && self.number >= 0.0
    }
}

#[inline(always)]
fn is_clause_delim(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?'
    )
}

#[inline(always)]
fn at(chars: &[char], i: usize) -> Option<char> {
    chars.get(i).copied()
}

#[inline(always)]
fn before(chars: &[char], i: usize) -> Option<char> {
    i.checked_sub(1).and_then(|j| chars.get(j)).copied()
}

#[inline(always)]
fn is_dash(c: char) -> bool {
    matches!(c, '-' | '－' | '—' | '–' | '~' | '～' | '至' | '到')
}

/// Finds the numbers of a sentence.
pub fn tokenize(chars: &[char]) -> Vec<Token> {
    let mut out = Vec::new();
    tokenize_into(chars, &mut out);
    out
}

/// [`tokenize`] into `out` (cleared first), a buffer reused from sentence to sentence.
fn tokenize_into(chars: &[char], out: &mut Vec<Token>) {
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
pub(crate) enum Role {
    Value,
    /// A stated target level, the goal of a neighbouring indicator.
    Goal,
    /// Start of "由A提升至B": the baseline of the token at this index.
    BaselineOf(usize),
    Change {
        phrase_start: usize,
        basis: String,
        direction: Option<Direction>,
    },
    Target {
        phrase_start: usize,
    },
    CompletionRate {
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
fn roles(
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

/// An indicator read from a sentence, before ids and locations are assigned.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub name: String,
    pub kind: IndicatorKind,
    pub value: Option<Measure>,
    pub baseline: Option<Measure>,
    pub change: Option<Change>,
    pub target: Option<TargetCompletion>,
    /// A stated target level ("距离90%的目标").
    pub goal: Option<Measure>,
    pub status: Status,
    /// The words the status was read from; `None` iff unstated.
    pub status_basis: Option<String>,
    /// For the report summary: the "done" and "total" counts as published.
    pub done: Option<Measure>,
    pub total: Option<Measure>,
    /// Start and end of the figure in the sentence (chars).
    pub span: (usize, usize),
}

impl Extracted {
    /// The figure's published text for the id hash, in two parts: raw + unit of `value`
    /// (the figure's own measure), empty for qualitative items. (Kept as parts, not as a
    /// concatenated copy.)
    pub fn figure_text(&self) -> (&str, &str) {
        self.value
            .as_ref()
            .map_or(("", ""), |v| (v.raw.as_str(), v.unit.as_str()))
    }
}

pub use crate::status::{mentions_lagging, LAGGING};

/// Context shared by all sentences of a report.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// The district the report is about ("通州区"): dropped from the start of names.
    pub district: Vec<String>,
}

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
    if !chars.iter().any(|&c| {
        is_digit(c)
            || matches!(
                c,
                '百' | '第' | '两' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            )
    }) {
        return;
    }
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
    // Clause delimiters, ignoring those inside a number ("1,234").
    let delims = &mut scratch.delims;
    delims.clear();
    delims.extend(
        chars
            .iter()
            .enumerate()
            .filter(|&(k, &c)| {
                is_clause_delim(c) && !tokens.iter().any(|t| t.start <= k && k < t.end)
            })
            .map(|(k, _)| k),
    );
    let delims = &*delims;
    // Start of the clause holding position `p`, and the clause's index.
    let clause_start_of = |p: usize| -> usize {
        delims
            .iter()
            .take_while(|&&d| d < p)
            .last()
            .map_or(0, |&d| d + 1)
    };
    let clause_of = |p: usize| -> usize { delims.iter().take_while(|&&d| d < p).count() };
    roles(chars, &figs, &clause_start_of, &mut scratch.roles);
    // 分别 groups: each member named by its own noun, with the role of the group's first
    // figure; each figure of the clause after qualifies its own member.
    let groups = respectively::groups(chars, &figs, &clause_start_of, ctx);
    let mut grouped_roles;
    let mut name_override: Vec<Option<String>> = Vec::new();
    let mut attach_to_fig: Vec<Option<usize>> = Vec::new();
    let roles: &[Role] = if groups.is_empty() {
        &scratch.roles
    } else {
        grouped_roles = scratch.roles.clone();
        name_override = vec![None; figs.len()];
        attach_to_fig = vec![None; figs.len()];
        for g in &groups {
            let lead = g
                .members
                .first()
                .and_then(|&m| grouped_roles.get(m))
                .cloned();
            for (k, (&m, noun)) in g.members.iter().zip(&g.nouns).enumerate() {
                if let (true, Some(r), Some(slot)) = (k > 0, &lead, grouped_roles.get_mut(m)) {
                    if !matches!(r, Role::Value | Role::BaselineOf(_)) {
                        *slot = r.clone();
                    }
                }
                if let Some(slot) = name_override.get_mut(m) {
                    *slot = Some(noun.clone());
                }
            }
            let lead = g
                .follow
                .first()
                .and_then(|&f| grouped_roles.get(f))
                .cloned();
            for (k, (&f, &m)) in g.follow.iter().zip(&g.members).enumerate() {
                if let (true, Some(r), Some(slot)) = (k > 0, &lead, grouped_roles.get_mut(f)) {
                    *slot = r.clone();
                }
                if let Some(slot) = attach_to_fig.get_mut(f) {
                    *slot = Some(m);
                }
            }
        }
        &grouped_roles
    };
    // Where each figure's indicator went in `out` (for 分别 pairs).
    let mut out_index_of: Vec<Option<usize>> =
        vec![None; if groups.is_empty() { 0 } else { figs.len() }];

    // Where names may start: after the previous figure or date in the clause.
    let cuts = || {
        tokens
            .iter()
            .filter(|t| t.skip != Some(Skip::Other))
            .map(|t| t.end)
    };
    let name_floor = |p: usize, enum_cut: bool| -> usize {
        let cs = clause_start_of(p);
        let mut f = cs;
        let mut prev_fig = false;
        for e in cuts() {
            if e <= p && e > f {
                f = e;
                prev_fig = true;
            }
        }
        // "报告2篇、决定47个": after a figure, an enumeration starts a new name at 、,
        // and "264个部门、机构开展营商环境政策培训2000余人次" one after the verb.
        if enum_cut && prev_fig {
            if let Some(k) = (f..p).rev().find(|&k| at(chars, k) == Some('、')) {
                f = k + 1;
            }
            for verb in ["开展", "进行", "举办", "组织"] {
                let hit = (f..p).rev().find(|&k| starts_with_at(chars, k, verb));
                if let Some(k) = hit {
                    if p >= k + 2 + 2 {
                        f = k + 2;
                        break;
                    }
                }
            }
        }
        f
    };

    // Done/total folding for completion rates: "45任务中,有43能够完成…,完成率95.56%".
    // (The per-figure lists stay empty, unallocated, when there is nothing to record: a
    // missing entry reads as "no".)
    let any_rate = roles
        .iter()
        .any(|r| matches!(r, Role::CompletionRate { .. }));
    let mut consumed = if any_rate {
        vec![false; figs.len()]
    } else {
        Vec::new()
    };
    let mut folds: Vec<Option<(usize, usize, String)>> = if any_rate {
        vec![None; figs.len()]
    } else {
        Vec::new()
    };
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

    out.reserve(figs.len());
    // Index in `out` of the indicator a following change/target may qualify, and the end of
    // its figure.
    let mut last: Option<(usize, usize)> = None;
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
        if consumed.get(i).copied().unwrap_or(false) {
            continue;
        }
        let role = roles.get(i).cloned().unwrap_or(Role::Value);
        let own_name = name_override.get(i).cloned().flatten();
        // A figure of the clause after a 分别 group qualifies its own member.
        let forced = attach_to_fig
            .get(i)
            .copied()
            .flatten()
            .and_then(|m| out_index_of.get(m).copied().flatten())
            .map(|idx| (idx, tok.start));
        if let Some(slot) = out_index_of.get_mut(i) {
            *slot = Some(out.len());
        }
        // What the figure's clause (or a figure-less clause right after it) says of its status.
        let stated = stated_status(chars, tok, status_figs, &clause_start_of);
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
                    chars,
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
                let floor = name_floor(name_end, true).min(name_end);
                let prev_name = out
                    .get(base..)
                    .and_then(<[Extracted]>::last)
                    .map(|e| e.name.as_str());
                let name = own_name.unwrap_or_else(|| {
                    let stop = figs
                        .get(i + 1)
                        .map_or(chars.len(), |n| n.start)
                        .min(chars.len());
                    let n = naming::value_name(chars, floor, name_end, tok, tokens, ctx, prev_name);
                    naming::specific_name(chars, tok, n, prev_name, stop)
                });
                let baseline = baseline_for.get(i).cloned().flatten();
                let kind = if tok.is_percent() {
                    IndicatorKind::Share
                } else {
                    IndicatorKind::Level
                };
                let (status, status_basis) = status::combine(None, stated.clone());
                out.push(Extracted {
                    name,
                    kind,
                    value: Some(tok.measure()),
                    baseline,
                    change: None,
                    target: None,
                    goal: None,
                    status,
                    status_basis,
                    done: None,
                    total: None,
                    span: (tok.start, tok.end),
                });
                last = Some((out.len() - 1, tok.end));
            }
            Role::Change {
                phrase_start,
                basis,
                direction,
            } => {
                let raw: String = chars
                    .get(phrase_start..tok.end)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let attach_to = forced.or(last).filter(|&(idx, fig_end)| {
                    forced.is_some()
                        || out.get(idx).is_some_and(|e| e.change.is_none())
                            && qualifies(chars, fig_end, phrase_start, &clause_of)
                });
                if let Some((idx, _)) = attach_to {
                    if let Some(e) = out.get_mut(idx) {
                        let direction = direction
                            .unwrap_or_else(|| improve_direction(&e.name, e.value.as_ref()));
                        e.change = Some(Change {
                            raw,
                            basis,
                            direction,
                            amount: tok.measure(),
                        });
                    }
                    // A target phrase may follow: "…,同比提高2.1个百分点,完成目标的105%".
                    last = Some((idx, tok.end));
                } else {
                    let floor = name_floor(phrase_start, true).min(phrase_start);
                    let mut name = own_name
                        .clone()
                        .unwrap_or_else(|| naming::plain_name(chars, floor, phrase_start, ctx));
                    // "全区压缩审批时限50%以上": the verb and its object name the change.
                    if name.is_empty() || naming::is_weak(&name, ctx) {
                        name = naming::phrase_name(&raw, &tok.raw, &tok.unit);
                    }
                    let direction = direction.unwrap_or_else(|| improve_direction(&name, None));
                    let (status, status_basis) = status::combine(None, stated.clone());
                    out.push(Extracted {
                        name,
                        kind: IndicatorKind::Change,
                        value: Some(tok.measure()),
                        baseline: None,
                        change: Some(Change {
                            raw,
                            basis,
                            direction,
                            amount: tok.measure(),
                        }),
                        target: None,
                        goal: None,
                        status,
                        status_basis,
                        done: None,
                        total: None,
                        span: (tok.start, tok.end),
                    });
                    last = Some((out.len() - 1, tok.end));
                }
            }
            Role::Target { phrase_start } => {
                let raw: String = chars
                    .get(phrase_start..tok.end)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let target = TargetCompletion {
                    raw: raw.clone(),
                    percent: tok.measure(),
                    done: None,
                    total: None,
                };
                let attach_to = forced.or(last).filter(|&(idx, fig_end)| {
                    forced.is_some()
                        || out.get(idx).is_some_and(|e| {
                            e.target.is_none() && e.kind != IndicatorKind::Completion
                        }) && qualifies(chars, fig_end, phrase_start, &clause_of)
                });
                if let Some((idx, _)) = attach_to {
                    if let Some(e) = out.get_mut(idx) {
                        let words = stated
                            .clone()
                            .or_else(|| e.status_basis.clone().map(|b| (e.status, b)));
                        (e.status, e.status_basis) =
                            status::combine(status::from_target(&target), words);
                        e.kind = IndicatorKind::Completion;
                        e.target = Some(target);
                    }
                    // A change phrase may follow: "…,完成全年目标的112.3%,同比提高2.1个百分点".
                    last = Some((idx, tok.end));
                } else {
                    let floor = name_floor(phrase_start, true).min(phrase_start);
                    let mut name = own_name
                        .clone()
                        .unwrap_or_else(|| naming::plain_name(chars, floor, phrase_start, ctx));
                    if name.is_empty() {
                        name = naming::phrase_name(&raw, &tok.raw, &tok.unit);
                    }
                    let (status, status_basis) =
                        status::combine(status::from_target(&target), stated.clone());
                    out.push(Extracted {
                        name,
                        kind: IndicatorKind::Completion,
                        value: Some(tok.measure()),
                        baseline: None,
                        change: None,
                        status,
                        status_basis,
                        target: Some(target),
                        goal: None,
                        done: None,
                        total: None,
                        span: (tok.start, tok.end),
                    });
                    last = Some((out.len() - 1, tok.end));
                }
            }
            Role::CompletionRate { phrase_start } => {
                let raw: String = chars
                    .get(phrase_start..tok.end)
                    .unwrap_or(&[])
                    .iter()
                    .collect();
                let fold = folds.get(i).cloned().flatten();
                let (done_tok, total_tok, noun) = match &fold {
                    Some((d, t, noun)) => {
                        (figs.get(*d).copied(), figs.get(*t).copied(), noun.clone())
                    }
                    None => (None, None, String::new()),
                };
                let target = TargetCompletion {
                    raw,
                    percent: tok.measure(),
                    done: done_tok.map(|t| t.number as u32),
                    total: total_tok.map(|t| t.number as u32),
                };
                let floor = name_floor(tok.start, true).min(tok.start);
                let mut name = naming::plain_name(chars, floor, tok.start, ctx);
                if name.is_empty() {
                    name = "完成率".to_string();
                }
                let noun = naming::clean_noun(&noun);
                if !noun.is_empty() && !name.starts_with(&noun) && name.chars().count() <= 4 {
                    name = format!("{noun}{name}");
                }
                // A rate of items done ("45项任务中43项…完成率95.56%") is a share of the tasks,
                // not completion of a stated target: only 目标/预算/计划 in its name make it one.
                let of_target =
                    ["目标", "预算", "计划"].iter().any(|w| name.contains(w)) && done_tok.is_none();
                let (kind, target) = if of_target {
                    (IndicatorKind::Completion, Some(target))
                } else {
                    (IndicatorKind::Share, None)
                };
                let (status, status_basis) = status::combine(
                    target.as_ref().and_then(status::from_target),
                    stated.clone(),
                );
                out.push(Extracted {
                    name,
                    kind,
                    value: Some(tok.measure()),
                    baseline: None,
                    change: None,
                    status,
                    status_basis,
                    target,
                    goal: None,
                    done: done_tok.map(|t| t.measure()),
                    total: total_tok.map(|t| t.measure()),
                    span: (tok.start, tok.end),
                });
                last = Some((out.len() - 1, tok.end));
            }
        }
    }
    if let (Some(g), Some(e)) = (pending_goal, out.get_mut(base..).and_then(|m| m.last_mut())) {
        if e.goal.is_none() {
            e.goal = Some(g);
        }
    }
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

/// Does a phrase starting at `phrase_start` qualify the figure ending at `fig_end`? Yes when
/// it follows in the same clause (at most a few chars later), or opens the next clause.
fn qualifies(
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
fn improve_direction(name: &str, value: Option<&Measure>) -> Direction {
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

/// The status the figure's clause states, or a figure-less clause right after it
/// ("道路大修86.15公里，超额完成年度任务").
fn stated_status(
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
    if let Some(s) = status::stated(chars.get(lo..hi).unwrap_or(&[])) {
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
    status::stated(chars.get(ce + 1..ne).unwrap_or(&[]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn figs(s: &str) -> Vec<(String, String)> {
        let c: Vec<char> = s.chars().collect();
        tokenize(&c)
            .into_iter()
            .filter(|t| t.skip.is_none())
            .map(|t| (t.raw, t.unit.into_owned()))
            .collect()
    }

    fn ex(s: &str) -> Vec<Extracted> {
        let c: Vec<char> = s.chars().collect();
        extract(&c, &Context::default(), false).0
    }

    #[test]
    fn numbers_units_and_multipliers() {
        assert_eq!(
            figs("提供岗位8.6万个,达成意向2.8万人次。"),
            vec![
                ("8.6万".into(), "个".into()),
                ("2.8万".into(), "人次".into())
            ]
        );
        assert_eq!(
            figs("拆除违法建设1010万平方米"),
            vec![("1010".into(), "万平方米".into())]
        );
        assert_eq!(
            figs("完成6万余处约330万平米"),
            vec![
                ("6万余".into(), "处".into()),
                ("330".into(), "万平米".into())
            ]
        );
        assert_eq!(
            figs("培训2000余人次"),
            vec![("2000余".into(), "人次".into())]
        );
        assert_eq!(
            figs("浓度为46微克/立方米"),
            vec![("46".into(), "微克/立方米".into())]
        );
        assert_eq!(
            figs("提高2.8个百分点"),
            vec![("2.8".into(), "个百分点".into())]
        );
        assert_eq!(
            figs("实现百分百就业"),
            vec![("百分百".into(), String::new())]
        );
        assert_eq!(figs("压缩到2个小时。"), vec![("2".into(), "个小时".into())]);
        assert_eq!(figs("投资1,234万元"), vec![("1,234".into(), "万元".into())]);
    }

    #[test]
    fn non_figures_are_skipped() {
        assert!(figs("2019年是元年").is_empty());
        assert!(figs("1-12月细颗粒物").is_empty());
        assert!(figs("12月31日前").is_empty());
        assert!(figs("区级12345市民热线").is_empty());
        assert!(figs("形成“1+X+N”体系").is_empty());
        assert!(figs("依托大运河5A级景区").is_empty());
        assert!(figs("PM2.5浓度").is_empty());
        assert!(figs("《2020年通州区重要民生实事项目》").is_empty());
        assert!(figs("打造一批24小时活力街区").is_empty());
        assert!(figs("公园500米服务半径").is_empty());
        assert!(figs("排名第4位").is_empty());
        assert!(figs("一是;1.完善机制;(2)规范").is_empty());
        assert!(figs("政府网站标识码:1101120001").is_empty());
        assert!(figs("2020-01-10发布").is_empty());
        assert!(figs("10:30召开").is_empty());
        assert_eq!(
            figs("完成率95.56%2项任务"),
            vec![("95.56".into(), "%".into()), ("2".into(), "项".into())]
        );
    }

    #[test]
    fn target_attaches_to_the_preceding_figure() {
        let e = ex("我区全年新增大树种植37814亩,完成总目标的114.59%,全区森林覆盖率达到33%,同比提高2.8个百分点。");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name, "新增大树种植");
        assert_eq!(e[0].value.as_ref().map(|m| m.raw.as_str()), Some("37814"));
        assert_eq!(
            e[0].target.as_ref().map(|t| t.raw.as_str()),
            Some("完成总目标的114.59%")
        );
        assert_eq!(e[0].status, Status::Exceeded);
        assert_eq!(e[1].name, "森林覆盖率");
        let c = e[1].change.as_ref();
        assert_eq!(c.map(|c| c.raw.as_str()), Some("同比提高2.8个百分点"));
        assert_eq!(c.map(|c| c.basis.as_str()), Some("同比"));
        assert_eq!(c.map(|c| c.direction), Some(Direction::Up));
    }

    #[test]
    fn baseline_and_change() {
        let e = ex("市民诉求解决率由35.62%上升至最高71.07%,涨幅99.52%;满意率由58.79%上升至最高83.28%,涨幅41.66%。");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name, "市民诉求解决率");
        assert_eq!(
            e[0].baseline.as_ref().map(|m| m.raw.as_str()),
            Some("35.62")
        );
        assert_eq!(e[0].value.as_ref().map(|m| m.raw.as_str()), Some("71.07"));
        assert_eq!(
            e[0].change.as_ref().map(|c| c.raw.as_str()),
            Some("涨幅99.52%")
        );
        assert_eq!(e[1].name, "满意率");
    }

    #[test]
    fn standalone_change_and_improvement() {
        let e = ex("细颗粒物浓度预计为46微克/立方米,同比改善16.7%,三年滑动平均浓度下降16.4%。");
        assert_eq!(e.len(), 2);
        assert_eq!(e[0].name, "细颗粒物浓度");
        assert_eq!(
            e[0].change.as_ref().map(|c| c.direction),
            Some(Direction::Down)
        );
        assert_eq!(e[1].kind, IndicatorKind::Change);
        assert_eq!(e[1].name, "三年滑动平均浓度");
        let e = ex("月接诉量较年初增长90.89%。");
        assert_eq!(
            e[0].change.as_ref().map(|c| c.basis.as_str()),
            Some("较年初")
        );
        assert_eq!(e[0].name, "月接诉量");
    }

    #[test]
    fn done_and_total_fold_into_the_completion_rate() {
        let e = ex("总体来看,45任务中,有43能够完成年初既定目标,完成率95.56%2项任务进度有所滞后,7个专项指标完成情况良好。");
        assert_eq!(e.len(), 3, "{e:#?}");
        // A share of the tasks done (for the summary), not completion of a stated target.
        assert_eq!(e[0].kind, IndicatorKind::Share);
        assert!(e[0].target.is_none());
        assert_eq!(e[0].status, Status::Unstated);
        assert_eq!(e[0].done.as_ref().map(|m| m.raw.as_str()), Some("43"));
        assert_eq!(e[0].total.as_ref().map(|m| m.raw.as_str()), Some("45"));
        assert_eq!(e[0].name, "任务完成率");
        assert_eq!(e[1].status, Status::Lagging);
        assert_eq!(e[2].status, Status::Unstated);
    }
}
