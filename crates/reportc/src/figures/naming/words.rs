//! The word lists of naming and the trimming they do: subjects and time words dropped from the
//! start of a candidate name, link words from its end, the noun read after a figure, brackets
//! balanced, long names capped.

use crate::figures::extracted::Context;
use crate::figures::token::Token;
use crate::numbers::{is_digit, starts_with_at};

/// Longest name kept, in chars (the end of a long phrase is kept: it holds the noun).
const MAX_NAME: usize = 24;
/// Longest noun taken from after a figure.
const MAX_POST: usize = 12;

/// Subjects, time words and weak verbs dropped from the start of a name.
pub(super) const LEADING: &[&str] = &[
    "截至目前",
    "截止目前",
    "经测算",
    "经统计",
    "据统计",
    "我区",
    "全区",
    "本区",
    "我市",
    "全市",
    "本市",
    "我县",
    "全县",
    "本县",
    "全镇",
    "全乡",
    "全街道",
    "全年度",
    "全年",
    "年内",
    "今年",
    "当年",
    "本年度",
    "本年",
    "年度",
    "目前",
    "其中",
    "此外",
    "另外",
    "同时",
    "并且",
    "以及",
    "并",
    "且",
    "和",
    "及",
    "与",
    "共计",
    "合计",
    "总计",
    "累计",
    "共",
    "已经",
    "已",
    "均",
    "预计",
    "初步",
    "先后",
    "全面",
    "进一步",
    "实现了",
    "实现",
    "完成了",
    "完成",
    "促进",
    "推动",
    "带动",
    "帮助",
    "形成了",
    "形成",
    "建设",
    "通过",
    "对",
    "向",
    "由",
    "在",
    "为",
    "将",
    "有",
];

/// Link words dropped from the end of a name.
const TRAILING: &[&str] = &[
    "预计达到",
    "预计为",
    "预计",
    "分别为",
    "分别",
    "已达到",
    "已达",
    "已有",
    "共有",
    "达到了",
    "达到",
    "达",
    "约为",
    "为",
    "是",
    "约",
    "共计",
    "共",
    "累计",
    "合计",
    "总计",
    "超过",
    "突破",
    "逾",
    "近",
    "有",
    "了",
    "高达",
    "仅",
    "已",
    "就",
    "均",
    "总数为",
    "完成",
    "控制在",
    "保持在",
];

/// Names that only make sense with the thing they measure ("面积3087.2亩").
pub(super) const GENERIC: &[&str] = &[
    "面积",
    "总面积",
    "占地面积",
    "建筑面积",
    "数量",
    "总量",
    "总数",
    "规模",
    "长度",
    "总长度",
    "里程",
    "总里程",
    "金额",
    "总额",
    "总金额",
    "人数",
    "户数",
    "个数",
];

/// Where a noun after a figure stops.
pub(super) const POST_STOP: &[&str] = &[
    "已经", "已", "均", "全部", "得到", "得以", "实现", "完成", "达到", "开展", "进行", "参加",
    "参与", "联合", "共同", "被", "将", "有所", "能够", "可以", "正在", "并", "获得", "位居",
    "位列", "同比", "环比", "较", "占", "都", "也", "还", "正式", "到达", "未", "仍", "进入",
    "进度", "滞后",
];

/// First chars of [`POST_STOP`], to skip the word list for most chars.
pub(super) const POST_STOP_FIRST: &[char] = &[
    '已', '均', '全', '得', '实', '完', '达', '开', '进', '参', '联', '共', '被', '将', '有', '能',
    '可', '正', '并', '获', '位', '同', '环', '较', '占', '都', '也', '还', '到', '未', '仍', '滞',
];

type WordTable = std::collections::HashMap<
    char,
    Vec<&'static str>,
    std::hash::BuildHasherDefault<crate::ids::FnvHasher>,
>;

/// `words` by first char (or last char, `by_last`), in list order: most of the list is
/// skipped for any given name.
pub(super) fn word_table(words: &'static [&'static str], by_last: bool) -> &'static WordTable {
    static LEAD: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    static TRAIL: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    let cell = if by_last { &TRAIL } else { &LEAD };
    cell.get_or_init(|| {
        let mut t = WordTable::default();
        for w in words {
            let key = if by_last {
                w.chars().next_back()
            } else {
                w.chars().next()
            };
            if let Some(k) = key {
                t.entry(k).or_default().push(w);
            }
        }
        t
    })
}

/// `strip_prefix` with an inlined byte loop (the words are a few bytes long).
#[inline(always)]
fn strip_prefix_fast<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let (sb, wb) = (s.as_bytes(), w.as_bytes());
    if sb.len() < wb.len() || !sb.iter().zip(wb).all(|(a, b)| a == b) {
        return None;
    }
    s.get(wb.len()..)
}

#[inline(always)]
fn strip_suffix_fast<'a>(s: &'a str, w: &str) -> Option<&'a str> {
    let (sb, wb) = (s.as_bytes(), w.as_bytes());
    if sb.len() < wb.len() || !sb.iter().rev().zip(wb.iter().rev()).all(|(a, b)| a == b) {
        return None;
    }
    s.get(..sb.len() - wb.len())
}

#[inline(always)]
fn is_delim(c: char) -> bool {
    matches!(
        c,
        '，' | ',' | '；' | ';' | '：' | ':' | '。' | '！' | '？' | '!' | '?' | '、'
    ) || c.is_whitespace()
}

pub(super) fn strip_edges(s: &str) -> &str {
    s.trim_matches(|c: char| is_delim(c) || c.is_whitespace())
}

/// Removes leading subjects and trailing link words; tells whether it ended in 的. (A slice
/// of `s`: the caller copies what it keeps.)
pub(super) fn clean<'a>(s: &'a str, ctx: &Context) -> (&'a str, bool) {
    const PARTICLE_VERBS: &[&str] = &[
        "压缩",
        "缩短",
        "降低",
        "降",
        "提高",
        "提升",
        "增加",
        "增长",
        "减少",
        "下降",
        "上升",
        "控制在",
        "控制",
    ];
    let mut s: &'a str = strip_edges(s);
    let mut ends_de = false;
    for _ in 0..8 {
        let before = s;
        // Leading words, keeping at least two chars of name and suffix nouns whole.
        let first = s.chars().next().unwrap_or(' ');
        let leading = word_table(LEADING, false)
            .get(&first)
            .map_or(&[][..], Vec::as_slice);
        let candidates = ctx
            .district
            .iter()
            .map(String::as_str)
            .chain(leading.iter().copied());
        for w in candidates {
            if let Some(rest) = strip_prefix_fast(s, w) {
                let suffix_noun = rest.starts_with(['率', '量', '度', '数', '额', '值', '比'])
                    || rest.starts_with("范围");
                if rest.chars().nth(1).is_some() && !suffix_noun {
                    s = strip_edges(rest);
                    break;
                }
            }
        }
        if let Some(rest) = s.strip_suffix('的') {
            s = rest;
            ends_de = true;
        }
        let last = s.chars().next_back().unwrap_or(' ');
        let trailing = word_table(TRAILING, true)
            .get(&last)
            .map_or(&[][..], Vec::as_slice);
        for w in trailing {
            if let Some(rest) = strip_suffix_fast(s, w) {
                if !rest.is_empty() {
                    s = strip_edges(rest);
                    break;
                }
            }
        }
        // "压缩到", "提升至": the verb goes with its particle.
        if let Some(rest) = s.strip_suffix('到').or_else(|| s.strip_suffix('至')) {
            if let Some(r2) = PARTICLE_VERBS.iter().find_map(|v| rest.strip_suffix(v)) {
                if !r2.is_empty() {
                    s = r2;
                }
            }
        }
        if s.len() == before.len() {
            break;
        }
    }
    // A lone preposition or verb is no name ("由", "对").
    if s.chars().nth(1).is_none() {
        s = "";
    }
    (s, ends_de)
}

/// The noun right after a figure ("7个环境监测监管系统" → "环境监测监管系统"), skipping a
/// second figure in between ("6万余处约330万平米的村内拆违任务"). Tells whether 的 preceded it.
pub(super) fn post_noun(chars: &[char], from: usize, tokens: &[Token]) -> (String, bool) {
    let mut k = from;
    for w in ["以上", "以下", "左右", "以内", "之内"] {
        if starts_with_at(chars, k, w) {
            k += w.chars().count();
            break;
        }
    }
    let mut had_de = false;
    if chars.get(k) == Some(&'的') {
        k += 1;
        had_de = true;
    }
    // Skip one more figure ("约330万平米的").
    let mut probe = k;
    if matches!(chars.get(probe), Some('约' | '近' | '共')) {
        probe += 1;
    }
    if let Some(t) = tokens.iter().find(|t| t.start == probe) {
        k = t.end;
        if chars.get(k) == Some(&'的') {
            k += 1;
            had_de = true;
        }
    }
    // At most MAX_POST chars: allocated once.
    let mut out = String::with_capacity(MAX_POST * 4);
    let mut n = 0;
    while let Some(&c) = chars.get(k) {
        if is_delim(c) || is_digit(c) || n >= MAX_POST || (c == '的' && n > 0) {
            break;
        }
        if POST_STOP_FIRST.contains(&c) && POST_STOP.iter().any(|w| starts_with_at(chars, k, w)) {
            break;
        }
        if c == '中' && chars.get(k + 1).is_none_or(|&x| is_delim(x)) {
            break;
        }
        out.push(c);
        n += 1;
        k += 1;
    }
    (balanced(out), had_de)
}

/// Cuts an unclosed bracket off the end ("生态绿带(与朝阳" → "生态绿带").
fn balanced(mut s: String) -> String {
    let mut depth = 0i32;
    let mut open_at = None;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    open_at = Some(i);
                }
                depth += 1;
            }
            ')' | '）' => depth -= 1,
            _ => {}
        }
    }
    match (depth, open_at) {
        (d, Some(i)) if d > 0 => {
            if s.is_char_boundary(i) {
                s.truncate(i);
            } else {
                s.clear();
            }
            s
        }
        _ => s,
    }
}

pub(super) fn cap(s: String) -> String {
    let n = s.chars().count();
    if n <= MAX_NAME {
        s
    } else {
        s.chars().skip(n - MAX_NAME).collect()
    }
}

/// `a` followed by `b`, allocated once (without `format!`).
pub(super) fn join(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}
