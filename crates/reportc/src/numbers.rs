//! Numbers as the genre publishes them: Arabic digits (ASCII or full-width), 万/亿
//! multipliers, 余/多 qualifiers, Chinese numerals in headings, and the table of units.
//!
//! # The multiplier rule
//!
//! `万`, `亿` (and the rarer `千`, `百万`, `千万`, `万亿`) written after a number are handled in
//! one of two ways, decided by what follows them:
//!
//! * before a **measure unit** (平方米, 平米, 平方公里, 公顷, 亩, 公里, 米, 吨, 千克, 元, 美元,
//!   千瓦时, 立方米 …, see [`UnitClass::Measure`]) the multiplier is part of the unit, because
//!   the genre reports such amounts in that compound unit: "1010万平方米" → raw `1010`,
//!   unit `万平方米`, number 1010; "54.2万平米" → `54.2` + `万平米`; "3.5亿元" → `3.5` + `亿元`.
//! * before anything else (a counter such as 个, 件, 人, 人次, 条, 处 …, or no unit at all) it is
//!   a multiplier and stays in `raw`: "8.6万个" → raw `8.6万`, unit `个`, number 86000;
//!   "15.4万件" → `15.4万` + `件` = 154000.
//! * a qualifier between the multiplier and a measure unit keeps the multiplier in `raw`
//!   so that `raw` + `unit` stays a verbatim substring: "500万余元" → raw `500万余`, unit `元`.
//!
//! In every case `number == parse(raw)`, where [`parse_raw`] applies the multiplier found in
//! `raw`, and `raw` followed by `unit` is a verbatim substring of the published sentence.

/// A `String` of `chars`, allocated once at its exact size.
pub fn string_of(chars: &[char]) -> String {
    let mut s = String::with_capacity(chars.iter().map(|c| c.len_utf8()).sum());
    s.extend(chars);
    s
}

/// An ASCII or full-width decimal digit.
#[inline(always)]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// The value of an ASCII or full-width digit.
#[inline(always)]
pub fn digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        c.to_digit(10)
    } else if ('０'..='９').contains(&c) {
        Some(c as u32 - '０' as u32)
    } else {
        None
    }
}

/// A decimal point as the genre writes it.
#[inline(always)]
pub fn is_point(c: char) -> bool {
    c == '.' || c == '．'
}

/// Parses a published number with an optional multiplier and qualifier:
/// "37814", "95.56", "8.6万", "2000余", "6万余", "20余万", "1,234", "－3.5", "百分百".
///
/// The multiplier is applied by moving the decimal point in the digit string before the one
/// and only float conversion, so "8.6万" is exactly 86000 (not 85999.99999999999).
pub fn parse_raw(raw: &str) -> Option<f64> {
    if raw == "百分百" || raw == "百分之百" {
        return Some(100.0);
    }
    // The ASCII text to parse is at most one byte per char of `raw`, plus "e" and the
    // exponent: on the stack for any usual number (this runs for every number of the text).
    let need = raw.len() + 16;
    let mut stack = [0u8; 64];
    let mut heap = Vec::new();
    let buf: &mut [u8] = if need <= stack.len() {
        &mut stack
    } else {
        heap.resize(need, 0);
        &mut heap
    };
    let len = ascii_number(raw, buf)?;
    std::str::from_utf8(buf.get(..len)?)
        .ok()?
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

/// Writes the number of [`parse_raw`] as ASCII ("8.6e4" for "8.6万") into `out`, which has
/// room for `raw.len() + 16` bytes; returns its length.
fn ascii_number(raw: &str, out: &mut [u8]) -> Option<usize> {
    let mut len = 0;
    let mut push = |len: &mut usize, b: u8| -> Option<()> {
        *out.get_mut(*len)? = b;
        *len += 1;
        Some(())
    };
    let mut seen_digit = false;
    let mut exponent: i32 = 0;
    let mut in_number = true;
    for c in raw.chars() {
        if in_number {
            if let Some(d) = digit_value(c) {
                push(&mut len, b'0' + u8::try_from(d).ok()?)?;
                seen_digit = true;
                continue;
            }
            if is_point(c) && seen_digit {
                push(&mut len, b'.')?;
                continue;
            }
            if (c == ',' || c == '，') && seen_digit {
                continue;
            }
            if matches!(c, '-' | '－' | '−') && !seen_digit && len == 0 {
                push(&mut len, b'-')?;
                continue;
            }
            in_number = false;
        }
        // After the digits: qualifiers and multipliers only.
        match c {
            '余' | '多' => {}
            '万' => exponent += 4,
            '亿' => exponent += 8,
            '千' => exponent += 3,
            '百' => exponent += 2,
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    if exponent != 0 {
        push(&mut len, b'e')?;
        // The exponent is positive: at most 8 per char of `raw`.
        let mut digits = [0u8; 12];
        let mut k = digits.len();
        let mut e = exponent.unsigned_abs();
        loop {
            k -= 1;
            *digits.get_mut(k)? = b'0' + (e % 10) as u8;
            e /= 10;
            if e == 0 {
                break;
            }
        }
        for &d in digits.get(k..)? {
            push(&mut len, d)?;
        }
    }
    Some(len)
}

/// The value of a Chinese numeral as used in headings ("三", "十二", "一百零五"), up to 9999.
pub fn parse_cn_numeral(s: &str) -> Option<u32> {
    if s.is_empty() || s.chars().count() > 8 {
        return None;
    }
    let mut total: u32 = 0;
    let mut current: Option<u32> = None;
    for c in s.chars() {
        let d = match c {
            '零' | '〇' => Some(0),
            '一' => Some(1),
            '二' | '两' => Some(2),
            '三' => Some(3),
            '四' => Some(4),
            '五' => Some(5),
            '六' => Some(6),
            '七' => Some(7),
            '八' => Some(8),
            '九' => Some(9),
            _ => None,
        };
        if let Some(d) = d {
            current = Some(current.unwrap_or(0).checked_mul(10)?.checked_add(d)?);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            _ => return None,
        };
        let n = current.take().unwrap_or(1);
        total = total.checked_add(n.checked_mul(unit)?)?;
    }
    total = total.checked_add(current.unwrap_or(0))?;
    if total == 0 || total > 9999 {
        None
    } else {
        Some(total)
    }
}

/// A Chinese numeral for `n` in 1..=9999 ("十一", "一百零五"); decimal digits otherwise.
pub fn to_cn_numeral(n: u32) -> String {
    const D: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    if n == 0 || n > 9999 {
        return n.to_string();
    }
    let digit = |k: u32| D.get(k as usize).copied().unwrap_or('零');
    let parts = [
        (n / 1000, '千'),
        ((n / 100) % 10, '百'),
        ((n / 10) % 10, '十'),
    ];
    let mut out = String::new();
    let mut pending_zero = false;
    for (d, unit) in parts {
        if d == 0 {
            if !out.is_empty() {
                pending_zero = true;
            }
            continue;
        }
        if pending_zero {
            out.push('零');
            pending_zero = false;
        }
        if !(unit == '十' && d == 1 && out.is_empty()) {
            out.push(digit(d));
        }
        out.push(unit);
    }
    let ones = n % 10;
    if ones != 0 {
        if pending_zero {
            out.push('零');
        }
        out.push(digit(ones));
    }
    out
}

/// Is `c` a Chinese numeral character (as used in headings and ordinals)?
#[inline(always)]
pub fn is_cn_numeral_char(c: char) -> bool {
    matches!(
        c,
        '零' | '〇'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '百'
            | '千'
    )
}

/// How a unit behaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    /// Percent ("%", "％", "‰").
    Percent,
    /// Percentage points ("个百分点").
    Points,
    /// A physical or money measure; a preceding 万/亿 belongs to the unit.
    Measure,
    /// A measure that also names things ("500米服务半径"): a figure only when the text does not
    /// run on into a noun.
    MeasureAttr,
    /// A counter (个, 件, 人次 …): a preceding 万/亿 is a multiplier kept in `raw`.
    Counter,
    /// A duration ("2个小时", "5天"): like [`UnitClass::MeasureAttr`], "24小时活力街区" is a name.
    Duration,
    /// "倍".
    Times,
}

/// Units the genre uses after a number. Matched longest first.
const UNITS: &[(&str, UnitClass)] = &[
    ("个百分点", UnitClass::Points),
    ("百分点", UnitClass::Points),
    ("%", UnitClass::Percent),
    ("％", UnitClass::Percent),
    ("‰", UnitClass::Percent),
    ("微克/立方米", UnitClass::Measure),
    ("毫克/立方米", UnitClass::Measure),
    ("微克每立方米", UnitClass::Measure),
    ("毫克/升", UnitClass::Measure),
    ("μg/m³", UnitClass::Measure),
    ("μg/m3", UnitClass::Measure),
    ("ug/m3", UnitClass::Measure),
    ("mg/m3", UnitClass::Measure),
    ("平方公里", UnitClass::Measure),
    ("平方千米", UnitClass::Measure),
    ("平方米", UnitClass::Measure),
    ("平米", UnitClass::Measure),
    ("立方米", UnitClass::Measure),
    ("立方", UnitClass::Measure),
    ("公顷", UnitClass::Measure),
    ("亩", UnitClass::Measure),
    ("公里", UnitClass::MeasureAttr),
    ("千米", UnitClass::MeasureAttr),
    ("米", UnitClass::MeasureAttr),
    ("吨", UnitClass::Measure),
    ("千克", UnitClass::Measure),
    ("公斤", UnitClass::Measure),
    ("克", UnitClass::Measure),
    ("美元", UnitClass::Measure),
    ("欧元", UnitClass::Measure),
    ("元", UnitClass::Measure),
    ("千瓦时", UnitClass::Measure),
    ("千瓦", UnitClass::Measure),
    ("兆瓦", UnitClass::Measure),
    ("千伏安", UnitClass::Measure),
    ("升", UnitClass::Measure),
    ("个工作日", UnitClass::Duration),
    ("工作日", UnitClass::Duration),
    ("个小时", UnitClass::Duration),
    ("小时", UnitClass::Duration),
    ("分钟", UnitClass::Duration),
    ("个月", UnitClass::Duration),
    ("秒", UnitClass::Duration),
    ("天", UnitClass::Duration),
    ("日", UnitClass::Duration),
    ("周", UnitClass::Duration),
    ("年", UnitClass::Duration),
    ("岁", UnitClass::Duration),
    ("倍", UnitClass::Times),
    ("人次", UnitClass::Counter),
    ("户次", UnitClass::Counter),
    ("车次", UnitClass::Counter),
    ("辆次", UnitClass::Counter),
    ("架次", UnitClass::Counter),
    ("件次", UnitClass::Counter),
    ("家次", UnitClass::Counter),
    ("批次", UnitClass::Counter),
    ("个", UnitClass::Counter),
    ("件", UnitClass::Counter),
    ("人", UnitClass::Counter),
    ("名", UnitClass::Counter),
    ("位", UnitClass::Counter),
    ("处", UnitClass::Counter),
    ("家", UnitClass::Counter),
    ("项", UnitClass::Counter),
    ("座", UnitClass::Counter),
    ("场", UnitClass::Counter),
    ("次", UnitClass::Counter),
    ("条", UnitClass::Counter),
    ("篇", UnitClass::Counter),
    ("所", UnitClass::Counter),
    ("户", UnitClass::Counter),
    ("辆", UnitClass::Counter),
    ("台", UnitClass::Counter),
    ("套", UnitClass::Counter),
    ("间", UnitClass::Counter),
    ("栋", UnitClass::Counter),
    ("幢", UnitClass::Counter),
    ("棵", UnitClass::Counter),
    ("株", UnitClass::Counter),
    ("只", UnitClass::Counter),
    ("头", UnitClass::Counter),
    ("批", UnitClass::Counter),
    ("宗", UnitClass::Counter),
    ("起", UnitClass::Counter),
    ("例", UnitClass::Counter),
    ("张", UnitClass::Counter),
    ("份", UnitClass::Counter),
    ("本", UnitClass::Counter),
    ("部", UnitClass::Counter),
    ("册", UnitClass::Counter),
    ("支", UnitClass::Counter),
    ("根", UnitClass::Counter),
    ("盏", UnitClass::Counter),
    ("块", UnitClass::Counter),
    ("段", UnitClass::Counter),
    ("片", UnitClass::Counter),
    ("类", UnitClass::Counter),
    ("组", UnitClass::Counter),
    ("队", UnitClass::Counter),
    ("种", UnitClass::Counter),
    ("门", UnitClass::Counter),
    ("节", UnitClass::Counter),
    ("趟", UnitClass::Counter),
    ("轮", UnitClass::Counter),
    ("笔", UnitClass::Counter),
    ("床", UnitClass::Counter),
    ("艘", UnitClass::Counter),
    ("架", UnitClass::Counter),
    ("层", UnitClass::Counter),
    ("分", UnitClass::Counter),
];

/// Units by first char, each list longest first.
type UnitIndex = std::collections::HashMap<
    char,
    Vec<(Vec<char>, &'static str, UnitClass)>,
    std::hash::BuildHasherDefault<crate::ids::FnvHasher>,
>;

fn unit_index() -> &'static UnitIndex {
    static INDEX: std::sync::OnceLock<UnitIndex> = std::sync::OnceLock::new();
    INDEX.get_or_init(|| {
        let mut m: UnitIndex = UnitIndex::default();
        for &(unit, class) in UNITS {
            let cs: Vec<char> = unit.chars().collect();
            if let Some(&first) = cs.first() {
                m.entry(first).or_default().push((cs, unit, class));
            }
        }
        for list in m.values_mut() {
            list.sort_by_key(|(cs, _, _)| std::cmp::Reverse(cs.len()));
        }
        m
    })
}

/// The unit that starts at `chars[at..]`, longest first: (unit, its length in chars, class).
pub fn match_unit(chars: &[char], at: usize) -> Option<(&'static str, usize, UnitClass)> {
    let rest = chars.get(at..)?;
    let first = rest.first()?;
    let list = unit_index().get(first)?;
    list.iter()
        .find(|(cs, _, _)| rest.starts_with(cs))
        .map(|(cs, unit, class)| (*unit, cs.len(), *class))
}

/// Multipliers written after a number, longest first.
const MULTIPLIERS: &[&str] = &["万亿", "千万", "百万", "万", "亿", "千"];

/// The multiplier that starts at `chars[at..]`: (text, length in chars).
pub fn match_multiplier(chars: &[char], at: usize) -> Option<(&'static str, usize)> {
    let rest = chars.get(at..)?;
    MULTIPLIERS.iter().find_map(|m| {
        let n = m.chars().count();
        (rest.len() >= n && m.chars().zip(rest.iter()).all(|(a, &b)| a == b)).then_some((*m, n))
    })
}

/// The first byte of `c` in UTF-8.
#[inline(always)]
fn first_utf8_byte(c: char) -> u8 {
    let c = c as u32;
    (match c {
        0..=0x7f => c,
        0x80..=0x7ff => 0xc0 | (c >> 6),
        0x800..=0xffff => 0xe0 | (c >> 12),
        _ => 0xf0 | (c >> 18),
    }) as u8
}

/// The last byte of `c` in UTF-8.
#[inline(always)]
fn last_utf8_byte(c: char) -> u8 {
    let c = c as u32;
    if c < 0x80 {
        c as u8
    } else {
        0x80 | (c & 0x3f) as u8
    }
}

/// Does `chars[at..]` start with `word`?
#[inline(always)]
pub fn starts_with_at(chars: &[char], at: usize, word: &str) -> bool {
    match chars.get(at..) {
        Some(rest) => {
            // Most calls fail on the first char: compare one byte before decoding `word`.
            if let (Some(&c), Some(&w)) = (rest.first(), word.as_bytes().first()) {
                if first_utf8_byte(c) != w {
                    return false;
                }
            }
            let mut it = rest.iter();
            word.chars().all(|w| it.next() == Some(&w))
        }
        None => false,
    }
}

/// Does `chars[..end]` end with `word`? Returns the word's length in chars.
#[inline(always)]
pub fn ends_with_at(chars: &[char], end: usize, word: &str) -> Option<usize> {
    // One backwards pass that fails fast (most calls fail on the last char).
    if end > chars.len() || word.is_empty() {
        return None;
    }
    // The last char, compared by its last byte before `word` is decoded.
    let last = *chars.get(end.checked_sub(1)?)?;
    if word.as_bytes().last() != Some(&last_utf8_byte(last)) {
        return None;
    }
    let mut k = end;
    for wc in word.chars().rev() {
        k = k.checked_sub(1)?;
        if chars.get(k) != Some(&wc) {
            return None;
        }
    }
    Some(end - k)
}

/// The longest of `words` that `chars[..end]` ends with, as its length in chars.
pub fn ends_with_any(chars: &[char], end: usize, words: &[&str]) -> Option<usize> {
    words
        .iter()
        .filter_map(|w| ends_with_at(chars, end, w))
        .max()
}

/// A CJK ideograph (the body text of the genre).
#[inline(always)]
pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_published_numbers_exactly() {
        assert_eq!(parse_raw("37814"), Some(37814.0));
        assert_eq!(parse_raw("95.56"), Some(95.56));
        assert_eq!(parse_raw("8.6万"), Some(86000.0));
        assert_eq!(parse_raw("15.4万"), Some(154000.0));
        assert_eq!(parse_raw("2.8万"), Some(28000.0));
        assert_eq!(parse_raw("2000余"), Some(2000.0));
        assert_eq!(parse_raw("6万余"), Some(60000.0));
        assert_eq!(parse_raw("20余万"), Some(200000.0));
        assert_eq!(parse_raw("1,234"), Some(1234.0));
        assert_eq!(parse_raw("１２.５"), Some(12.5));
        assert_eq!(parse_raw("1.5亿"), Some(150_000_000.0));
        assert_eq!(parse_raw("－3.5"), Some(-3.5));
        assert_eq!(parse_raw("百分百"), Some(100.0));
        assert_eq!(parse_raw("abc"), None);
        assert_eq!(parse_raw(""), None);
        assert_eq!(parse_raw("万"), None);
        // Longer than the stack buffer.
        let long = "9".repeat(80);
        assert_eq!(parse_raw(&long), long.parse::<f64>().ok());
        assert_eq!(
            parse_raw(&format!("{long}万亿")),
            format!("{long}e12").parse().ok()
        );
    }

    #[test]
    fn chinese_numerals_round_trip() {
        for n in 1..=2100 {
            let s = to_cn_numeral(n);
            assert_eq!(parse_cn_numeral(&s), Some(n), "{n} {s}");
        }
        assert_eq!(to_cn_numeral(10), "十");
        assert_eq!(to_cn_numeral(105), "一百零五");
        assert_eq!(to_cn_numeral(110), "一百一十");
        assert_eq!(parse_cn_numeral("十二"), Some(12));
        assert_eq!(parse_cn_numeral("是"), None);
        assert_eq!(parse_cn_numeral("零"), None);
    }

    #[test]
    fn utf8_edge_bytes() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10_ffffu32).filter_map(char::from_u32) {
            let b = c.encode_utf8(&mut buf).as_bytes();
            assert_eq!(Some(&first_utf8_byte(c)), b.first());
            assert_eq!(Some(&last_utf8_byte(c)), b.last());
        }
        let c: Vec<char> = "同比提高2.8个百分点".chars().collect();
        assert!(starts_with_at(&c, 2, "提高"));
        assert!(!starts_with_at(&c, 2, "提升"));
        assert!(starts_with_at(&c, 2, ""));
        assert!(!starts_with_at(&c, 20, "提"));
        assert_eq!(ends_with_at(&c, 4, "提高"), Some(2));
        assert_eq!(ends_with_at(&c, 4, "同比提高"), Some(4));
        assert_eq!(ends_with_at(&c, 4, "上提高"), None);
        assert_eq!(ends_with_at(&c, 4, "升高"), None);
        assert_eq!(ends_with_at(&c, 0, "高"), None);
    }

    #[test]
    fn longest_unit_wins() {
        let c: Vec<char> = "个百分点".chars().collect();
        assert_eq!(match_unit(&c, 0).map(|u| u.0), Some("个百分点"));
        let c: Vec<char> = "个小时".chars().collect();
        assert_eq!(match_unit(&c, 0).map(|u| u.0), Some("个小时"));
        let c: Vec<char> = "平方米".chars().collect();
        assert_eq!(match_unit(&c, 0).map(|u| u.0), Some("平方米"));
        assert_eq!(match_unit(&c, 5), None);
    }
}
