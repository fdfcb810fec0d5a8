//! Text → title, metadata and a flat list of headings and paragraphs.
//!
//! The genre: a title line, a "日期:… 来源:…" line, portal boilerplate (分享/字号, the 主办/ICP
//! footer), then headings `一、` (level 1), `（一）`/`(一)` (2), `1.`/`1、` (3), `（1）` (4) and
//! paragraphs. Paragraphs are one per line, or, when the file separates paragraphs with blank
//! lines, the consecutive lines of one block (hard-wrapped text) joined.

use crate::numbers::{is_cjk, is_cn_numeral_char, is_digit, parse_cn_numeral};

/// A heading as published.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.
    pub level: u8,
    /// The numbering without punctuation ("二", "1").
    pub number: String,
    /// The numbering's value (2 for "二").
    pub value: u32,
    /// The heading text without numbering.
    pub title: String,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Heading(Heading),
    Para(String),
}

/// Hints from outside the text (the HTML page's `<title>` and `<meta>`).
#[derive(Debug, Default, Clone)]
pub struct Hints {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
}

#[derive(Debug, Default)]
pub struct Segmented {
    pub title: Option<String>,
    pub published: Option<String>,
    pub source: Option<String>,
    pub blocks: Vec<Block>,
    pub warnings: Vec<String>,
    /// The text ends in the middle of a sentence.
    pub truncated: bool,
}

/// Sentence-ending punctuation.
#[inline(always)]
pub fn is_terminator(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '!' | '?')
}

fn trim(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace())
}

/// Portal chrome that is dropped wherever it appears.
fn is_boilerplate(line: &str) -> bool {
    // Chrome lines are short: long lines are body text (and are not scanned, for speed).
    if line.len() > 320 {
        return false;
    }
    let n = line.chars().count();
    let starts = |p: &[&str]| p.iter().any(|w| line.starts_with(w));
    (n <= 60
        && starts(&[
            "分享",
            "字号",
            "【字体",
            "【打印",
            "【关闭",
            "【收藏",
            "【大",
            "扫一扫",
            "当前位置",
            "您当前的位置",
            "您现在的位置",
            "浏览次数",
            "阅读次数",
            "访问次数",
            "点击数",
            "点击次数",
            "打印本页",
            "关闭窗口",
        ]))
        || (n <= 8 && starts(&["打印", "关闭", "收藏", "返回顶部", "【"]))
        || (n <= 80
            && line.starts_with("首页")
            && (line.contains('>') || line.contains('＞') || line.contains('»')))
}

/// The site footer and what follows the article: once the body has started, the rest of the
/// page is dropped from here.
fn is_footer(line: &str) -> bool {
    if line.len() > 600 {
        return false;
    }
    let starts = |p: &[&str]| p.iter().any(|w| line.starts_with(w));
    starts(&[
        "主办:",
        "主办：",
        "承办:",
        "承办：",
        "协办:",
        "协办：",
        "版权所有",
        "Copyright",
        "copyright",
        "©",
        "技术支持:",
        "技术支持：",
        "网站标识码",
        "上一篇",
        "下一篇",
        "相关链接",
        "相关阅读",
        "相关文章",
        "联系我们",
        "网站地图",
    ]) || (!line.ends_with('。')
        && !line.contains('。')
        && (line.contains("ICP备") || line.contains("公网安备") || line.contains("网站标识码")))
}

/// Keys of the "日期:2020-01-10    来源:区信息中心" line.
const DATE_KEYS: &[&str] = &["发布日期", "发布时间", "成文日期", "日期", "时间"];
const SOURCE_KEYS: &[&str] = &["信息来源", "文章来源", "发布机构", "来源"];
const OTHER_KEYS: &[&str] = &[
    "作者",
    "编辑",
    "责任编辑",
    "浏览次数",
    "点击数",
    "阅读数",
    "字号",
];

/// Position and key length of the first `key` + colon in `line`.
fn find_key(line: &str, keys: &[&str]) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize)> = None;
    for k in keys {
        for colon in [':', '：'] {
            let pat = format!("{k}{colon}");
            if let Some(p) = line.find(&pat) {
                if best.is_none_or(|(bp, _)| p < bp) {
                    best = Some((p, pat.len()));
                }
            }
        }
    }
    best
}

/// Is this a metadata line ("日期:… 来源:…")? Returns (date, source) when it is.
fn parse_meta_line(line: &str) -> Option<(Option<String>, Option<String>)> {
    if line.chars().count() > 160 {
        return None;
    }
    let all: Vec<&str> = DATE_KEYS
        .iter()
        .chain(SOURCE_KEYS)
        .chain(OTHER_KEYS)
        .copied()
        .collect();
    let (first, _) = find_key(line, &all)?;
    if first != 0 {
        return None;
    }
    let value_after = |keys: &[&str]| -> Option<String> {
        let (p, klen) = find_key(line, keys)?;
        let rest = line.get(p + klen..)?;
        // Up to the next key, or a run of two spaces, or a separator.
        let mut end = rest.len();
        if let Some((q, _)) = find_key(rest, &all) {
            end = end.min(q);
        }
        for sep in ["  ", "\t", "　", "|", "丨", "｜"] {
            if let Some(q) = rest.find(sep) {
                end = end.min(q);
            }
        }
        let v = trim(rest.get(..end)?);
        (!v.is_empty()).then(|| v.to_string())
    };
    let date = value_after(DATE_KEYS).and_then(|v| parse_date(&v));
    let source = value_after(SOURCE_KEYS);
    Some((date, source))
}

/// The first date in `s` as `YYYY-MM-DD` ("2020-01-10", "2020/1/10", "2020年1月10日").
pub fn parse_date(s: &str) -> Option<String> {
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(d) = date_at(&chars, i) {
            return Some(d);
        }
        i += 1;
    }
    None
}

fn read_int(chars: &[char], at: usize, max_len: usize) -> Option<(u32, usize)> {
    let mut v: u32 = 0;
    let mut n = 0;
    while let Some(&c) = chars.get(at + n) {
        let Some(d) = crate::numbers::digit_value(c) else {
            break;
        };
        if n >= max_len {
            return None;
        }
        v = v * 10 + d;
        n += 1;
    }
    (n > 0).then_some((v, n))
}

fn date_at(chars: &[char], at: usize) -> Option<String> {
    if at > 0 && chars.get(at - 1).is_some_and(|&c| is_digit(c)) {
        return None;
    }
    let (y, n) = read_int(chars, at, 4)?;
    if n != 4 || !(1900..=2100).contains(&y) {
        return None;
    }
    let mut p = at + n;
    let sep = *chars.get(p)?;
    if !matches!(sep, '-' | '/' | '.' | '年' | '－') {
        return None;
    }
    p += 1;
    let (m, n) = read_int(chars, p, 2)?;
    p += n;
    let sep2 = *chars.get(p)?;
    let ok = if sep == '年' {
        sep2 == '月'
    } else {
        sep2 == sep
    };
    if !ok {
        return None;
    }
    p += 1;
    let (d, _) = read_int(chars, p, 2)?;
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then(|| format!("{y:04}-{m:02}-{d:02}"))
}

/// The year a title covers: the first "19xx年"/"20xx年" in it.
pub fn year_of_title(title: &str) -> Option<u16> {
    let chars: Vec<char> = title.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some((y, n)) = read_int(&chars, i, 4) {
            if n == 4
                && (1900..=2100).contains(&y)
                && chars.get(i + 4) == Some(&'年')
                && (i == 0 || !chars.get(i - 1).is_some_and(|&c| is_digit(c)))
            {
                return u16::try_from(y).ok();
            }
            i += n;
        } else {
            i += 1;
        }
    }
    None
}

/// Recognises a heading line; returns the heading and any text run on after it.
pub fn parse_heading(line: &str) -> Option<(Heading, Option<String>)> {
    let c0 = line.chars().next()?;
    if !(matches!(c0, '(' | '（' | '第') || is_cn_numeral_char(c0) || is_digit(c0)) {
        return None;
    }
    // A heading is short; only its first few hundred chars matter.
    let chars: Vec<char> = line.chars().take(400).collect();
    let first = *chars.first()?;
    let (level, number, body_start): (u8, String, usize) = if first == '(' || first == '（' {
        let close = chars.iter().take(8).position(|&c| c == ')' || c == '）')?;
        let inner: String = chars.get(1..close)?.iter().collect();
        if inner.is_empty() {
            return None;
        }
        let level = if inner.chars().all(is_cn_numeral_char) {
            2
        } else if inner.chars().all(is_digit) && inner.chars().count() <= 2 {
            4
        } else {
            return None;
        };
        let mut start = close + 1;
        if matches!(chars.get(start), Some('、' | '.' | '．')) {
            start += 1;
        }
        (level, inner, start)
    } else if first == '第' {
        let n = chars
            .iter()
            .skip(1)
            .take_while(|&&c| is_cn_numeral_char(c))
            .count();
        let after = 1 + n;
        let unit_len = if chars.get(after) == Some(&'部') && chars.get(after + 1) == Some(&'分') {
            2
        } else if chars.get(after) == Some(&'章') {
            1
        } else {
            return None;
        };
        if n == 0 {
            return None;
        }
        let mut start = after + unit_len;
        if matches!(
            chars.get(start),
            Some('、' | '：' | ':' | '.' | '．' | ' ' | '　')
        ) {
            start += 1;
        }
        (1, chars.get(1..after)?.iter().collect(), start)
    } else if is_cn_numeral_char(first) {
        let n = chars.iter().take_while(|&&c| is_cn_numeral_char(c)).count();
        if n > 6 || !matches!(chars.get(n), Some('、' | '．')) {
            return None;
        }
        (1, chars.get(..n)?.iter().collect(), n + 1)
    } else if is_digit(first) {
        let n = chars.iter().take_while(|&&c| is_digit(c)).count();
        if n > 2 || !matches!(chars.get(n), Some('.' | '．' | '、')) {
            return None;
        }
        if chars
            .get(n + 1)
            .is_some_and(|&c| is_digit(c) || c == '%' || c == '％')
        {
            return None;
        }
        (3, chars.get(..n)?.iter().collect(), n + 1)
    } else {
        return None;
    };
    let value = if number.chars().all(is_digit) {
        crate::numbers::parse_raw(&number).map(|v| v as u32)?
    } else {
        parse_cn_numeral(&number)?
    };
    if value == 0 {
        return None;
    }
    let rest: String = chars.get(body_start..).unwrap_or(&[]).iter().collect();
    let rest = trim(&rest);
    if rest.is_empty() {
        return None;
    }
    let rc: Vec<char> = rest.chars().collect();
    let split = rc
        .iter()
        .position(|&c| is_terminator(c) || c == '：' || c == ':' || c == '；' || c == ';');
    let (title, inline) = match split {
        Some(k) if k + 1 < rc.len() => {
            if k == 0 || k > 40 {
                return None;
            }
            let title: String = rc.get(..k)?.iter().collect();
            let inline: String = rc.get(k + 1..)?.iter().collect();
            let inline = trim(&inline).to_string();
            (title, (!inline.is_empty()).then_some(inline))
        }
        Some(k) => {
            if k == 0 || k > 60 {
                return None;
            }
            (rc.get(..k)?.iter().collect(), None)
        }
        None => {
            if rc.len() > 60 {
                return None;
            }
            (rest.to_string(), None)
        }
    };
    let title = trim(&title).to_string();
    if title.is_empty() || !title.chars().any(|c| is_cjk(c) || c.is_alphanumeric()) {
        return None;
    }
    Some((
        Heading {
            level,
            number,
            value,
            title,
        },
        inline,
    ))
}

enum Line<'a> {
    Blank,
    Drop,
    Footer,
    Heading(Heading, Option<String>),
    Text(&'a str),
}

/// Splits text into title, metadata and blocks.
pub fn segment(text: &str, hints: &Hints) -> Segmented {
    let mut seg = Segmented::default();
    let lines: Vec<Line> = text
        .split('\n')
        .map(|raw| {
            let l = trim(raw);
            if l.is_empty() {
                Line::Blank
            } else if is_footer(l) {
                Line::Footer
            } else if is_boilerplate(l) {
                Line::Drop
            } else if let Some((h, inline)) = parse_heading(l) {
                Line::Heading(h, inline)
            } else {
                Line::Text(l)
            }
        })
        .collect();

    // Paragraphs separated by blank lines? Then a block's consecutive lines are one paragraph.
    let nonblank = lines.iter().filter(|l| !matches!(l, Line::Blank)).count();
    let followed_by_blank = lines
        .windows(2)
        .filter(|w| !matches!(w[0], Line::Blank) && matches!(w[1], Line::Blank))
        .count();
    let join_mode = nonblank > 2 && followed_by_blank * 2 >= nonblank;

    // The header: everything before the first heading (at most the first 40 lines).
    let first_heading = lines.iter().position(|l| matches!(l, Line::Heading(..)));
    let header_end = first_heading.unwrap_or(lines.len()).min(
        lines
            .iter()
            .enumerate()
            .filter(|(_, l)| matches!(l, Line::Text(_)))
            .nth(40)
            .map_or(lines.len(), |(i, _)| i),
    );
    let mut meta_idx = None;
    for (i, l) in lines.iter().enumerate().take(header_end) {
        if let Line::Text(t) = l {
            if let Some((date, source)) = parse_meta_line(t) {
                if seg.published.is_none() {
                    seg.published = date;
                }
                if seg.source.is_none() {
                    seg.source = source;
                }
                meta_idx.get_or_insert(i);
            }
        }
    }
    // Metadata lines among the header's (computed once: the body loop below consumes `lines`).
    let meta_lines: Vec<bool> = lines
        .iter()
        .take(header_end)
        .map(|l| matches!(l, Line::Text(t) if parse_meta_line(t).is_some()))
        .collect();
    let is_meta =
        |i: usize| -> bool { i < header_end && meta_lines.get(i).copied().unwrap_or(false) };
    // Title: the last text line before the metadata line, or else the first short text line.
    let mut title_idx = None;
    if let Some(m) = meta_idx {
        title_idx = (0..m)
            .rev()
            .find(|&i| matches!(lines.get(i), Some(Line::Text(_))) && !is_meta(i));
    }
    if title_idx.is_none() {
        let cand =
            (0..header_end).find(|&i| matches!(lines.get(i), Some(Line::Text(_))) && !is_meta(i));
        if let Some(i) = cand {
            if let Some(Line::Text(t)) = lines.get(i) {
                let n = t.chars().count();
                let ends = t
                    .chars()
                    .last()
                    .is_some_and(|c| is_terminator(c) || matches!(c, '；' | ';' | '，' | ','));
                let wordy = t
                    .chars()
                    .filter(|&c| is_cjk(c) || c.is_alphanumeric())
                    .nth(1)
                    .is_some();
                if n <= 80 && !ends && !t.contains('。') && wordy {
                    title_idx = Some(i);
                }
            }
        }
    }
    if let Some(i) = title_idx {
        if let Some(Line::Text(t)) = lines.get(i) {
            seg.title = Some(t.to_string());
        }
    }
    // Lines before the title (and before the metadata line) are page chrome.
    let body_start = match (title_idx, meta_idx) {
        (Some(t), Some(m)) => t.max(m) + 1,
        (Some(t), None) => t + 1,
        (None, Some(m)) => m + 1,
        (None, None) => 0,
    };
    let dropped_before = (0..body_start.min(lines.len()))
        .filter(|&i| {
            matches!(lines.get(i), Some(Line::Text(_))) && Some(i) != title_idx && !is_meta(i)
        })
        .count();
    if dropped_before > 0 {
        seg.warnings.push(format!(
            "dropped {dropped_before} line(s) before the title (page navigation?)"
        ));
    }

    // Body.
    let mut current: Option<String> = None;
    let mut seen_body = false;
    let flush = |current: &mut Option<String>, blocks: &mut Vec<Block>| {
        if let Some(p) = current.take() {
            blocks.push(Block::Para(p));
        }
    };
    for (i, line) in lines.into_iter().enumerate().skip(body_start) {
        match line {
            Line::Blank => flush(&mut current, &mut seg.blocks),
            Line::Drop => flush(&mut current, &mut seg.blocks),
            Line::Footer => {
                flush(&mut current, &mut seg.blocks);
                if seen_body {
                    break;
                }
            }
            Line::Heading(h, inline) => {
                flush(&mut current, &mut seg.blocks);
                seg.blocks.push(Block::Heading(h));
                if let Some(t) = inline {
                    seg.blocks.push(Block::Para(t));
                }
                seen_body = true;
            }
            Line::Text(t) => {
                if is_meta(i) {
                    flush(&mut current, &mut seg.blocks);
                    continue;
                }
                seen_body = true;
                match current.as_mut() {
                    Some(p) if join_mode => {
                        let a = p.chars().last().is_some_and(|c| c.is_ascii_alphanumeric());
                        let b = t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric());
                        if a && b {
                            p.push(' ');
                        }
                        p.push_str(t);
                    }
                    _ => {
                        flush(&mut current, &mut seg.blocks);
                        current = Some(t.to_string());
                    }
                }
            }
        }
    }
    flush(&mut current, &mut seg.blocks);

    // Fall back on the page's own metadata. A "title" line that is only the site's name (it
    // is in the page title, but not in its article part) gives way to the page title.
    if let (Some(t), Some(full)) = (seg.title.as_deref(), hints.title.as_deref()) {
        let main = site_suffix_removed(full);
        if !main.is_empty() && t != main && full.contains(t) && !main.contains(t) {
            seg.warnings.push(format!(
                "the line before the date ({t:?}) looks like the site name; using the page title {main:?}"
            ));
            seg.title = Some(main);
        }
    }
    if seg.title.is_none() {
        if let Some(t) = hints
            .title
            .as_deref()
            .map(site_suffix_removed)
            .filter(|t| !t.is_empty())
        {
            seg.warnings.push(format!(
                "no title line in the text; using the page title {t:?}"
            ));
            seg.title = Some(t);
        }
    }
    if seg.published.is_none() {
        seg.published = hints.published.as_deref().and_then(parse_date);
    }
    if seg.source.is_none() {
        seg.source = hints.source.clone();
    }
    if let Some(Block::Para(last)) = seg.blocks.last() {
        let end = last.chars().last();
        let closed = end.is_some_and(|c| {
            is_terminator(c)
                || matches!(c, '…' | '”' | '’' | '」' | '』' | '）' | ')' | '】' | '》')
        });
        if !closed {
            seg.truncated = true;
            seg.warnings.push(
                "the text ends in the middle of a sentence; the file may be truncated".into(),
            );
        }
    }
    seg
}

/// "报告标题_某区人民政府" → "报告标题".
fn site_suffix_removed(t: &str) -> String {
    let mut s = trim(t);
    for sep in ["_", "|", "｜", " - ", " — ", "——"] {
        if let Some(p) = s.find(sep) {
            if p > 0 {
                s = trim(s.get(..p).unwrap_or(s));
            }
        }
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(line: &str) -> Option<(u8, String, u32, String, Option<String>)> {
        parse_heading(line).map(|(h, i)| (h.level, h.number, h.value, h.title, i))
    }

    #[test]
    fn headings_of_every_level() {
        assert_eq!(
            h("一、总体情况"),
            Some((1, "一".into(), 1, "总体情况".into(), None))
        );
        assert_eq!(h("(一)高质量发展").map(|x| (x.0, x.2)), Some((2, 1)));
        assert_eq!(h("（十二）其他").map(|x| (x.0, x.2)), Some((2, 12)));
        assert_eq!(
            h("1.总消费增速进展相对滞后").map(|x| (x.0, x.3)),
            Some((3, "总消费增速进展相对滞后".into()))
        );
        assert_eq!(h("（3）小项").map(|x| (x.0, x.2)), Some((4, 3)));
        assert_eq!(
            h("第二部分 工作成效").map(|x| (x.0, x.2, x.3)),
            Some((1, 2, "工作成效".into()))
        );
        assert_eq!(
            h("2.完善机制。建立了制度。"),
            Some((
                3,
                "2".into(),
                2,
                "完善机制".into(),
                Some("建立了制度。".into())
            ))
        );
        assert_eq!(h("1.5万人参加"), None);
        assert_eq!(h("2019年是元年"), None);
        assert_eq!(h("一是完善领导机构"), None);
        assert_eq!(h("三年来,我区"), None);
        assert_eq!(h("一、"), None);
    }

    #[test]
    fn meta_line_and_dates() {
        assert_eq!(
            parse_meta_line("日期:2020-01-10    来源:区信息中心"),
            Some((Some("2020-01-10".into()), Some("区信息中心".into())))
        );
        assert_eq!(
            parse_meta_line("发布时间：2020年1月9日 10:00 来源：某区政府办"),
            Some((Some("2020-01-09".into()), Some("某区政府办".into())))
        );
        assert_eq!(parse_date("2020/13/01"), None);
        assert_eq!(year_of_title("通州区2019年度绩效管理工作报告"), Some(2019));
    }

    #[test]
    fn boilerplate_title_and_blocks() {
        let t = "首页 > 政务公开\n\n某区2020年度报告\n\n日期:2021-01-05 来源:区政府办\n\n分享:\n字号:  \n\n前言段落。\n\n一、总体情况\n\n正文\n第二行。\n\n主办:某区人民政府 京ICP备123号\n\n尾部垃圾";
        let s = segment(t, &Hints::default());
        assert_eq!(s.title.as_deref(), Some("某区2020年度报告"));
        assert_eq!(s.published.as_deref(), Some("2021-01-05"));
        assert_eq!(s.source.as_deref(), Some("区政府办"));
        assert_eq!(s.blocks.len(), 3);
        assert_eq!(s.blocks[2], Block::Para("正文第二行。".into()));
        assert!(!s.truncated);
    }
}
