//! Short indicator names from the words around a figure.
//!
//! The name is built from the text between the start of the figure's clause (or the previous
//! figure or date in it) and the figure — "我区全年新增大树种植37814亩" → "新增大树种植" — with
//! subjects, time words and link verbs trimmed (我区, 全区, 全年, 共, 达到, 为, 约 …). For a
//! counter the thing counted usually follows the figure ("整合7个环境监测监管系统"), so the
//! noun after it is used too; "总面积约34838亩的潮白河生态景观带" gives "潮白河生态景观带总面积".

use super::extracted::{Context, Extracted};
use super::token::{Skip, Token};
use crate::numbers::{is_digit, starts_with_at, string_of, UnitClass};

/// Longest name kept, in chars (the end of a long phrase is kept: it holds the noun).
const MAX_NAME: usize = 24;
/// Longest noun taken from after a figure.
const MAX_POST: usize = 12;

/// Subjects, time words and weak verbs dropped from the start of a name.
const LEADING: &[&str] = &[
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
const GENERIC: &[&str] = &[
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
const POST_STOP: &[&str] = &[
    "已经", "已", "均", "全部", "得到", "得以", "实现", "完成", "达到", "开展", "进行", "参加",
    "参与", "联合", "共同", "被", "将", "有所", "能够", "可以", "正在", "并", "获得", "位居",
    "位列", "同比", "环比", "较", "占", "都", "也", "还", "正式", "到达", "未", "仍", "进入",
    "进度", "滞后",
];

/// First chars of [`POST_STOP`], to skip the word list for most chars.
const POST_STOP_FIRST: &[char] = &[
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
fn word_table(words: &'static [&'static str], by_last: bool) -> &'static WordTable {
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

fn strip_edges(s: &str) -> &str {
    s.trim_matches(|c: char| is_delim(c) || c.is_whitespace())
}

/// Removes leading subjects and trailing link words; tells whether it ended in 的. (A slice
/// of `s`: the caller copies what it keeps.)
fn clean<'a>(s: &'a str, ctx: &Context) -> (&'a str, bool) {
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
fn post_noun(chars: &[char], from: usize, tokens: &[Token]) -> (String, bool) {
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

fn cap(s: String) -> String {
    let n = s.chars().count();
    if n <= MAX_NAME {
        s
    } else {
        s.chars().skip(n - MAX_NAME).collect()
    }
}

/// `a` followed by `b`, allocated once (without `format!`).
fn join(a: &str, b: &str) -> String {
    let mut s = String::with_capacity(a.len() + b.len());
    s.push_str(a);
    s.push_str(b);
    s
}

/// Where the name of a figure (or phrase) at `p` may start: after the previous figure or date
/// in its clause (which starts at `clause_start`). After a figure, an enumeration starts a new
/// name at 、 ("报告2篇、决定47个"), and "264个部门、机构开展营商环境政策培训2000余人次" one
/// after the verb.
pub fn name_floor(chars: &[char], tokens: &[Token], clause_start: usize, p: usize) -> usize {
    let mut f = clause_start;
    let mut prev_fig = false;
    for e in tokens
        .iter()
        .filter(|t| t.skip != Some(Skip::Other))
        .map(|t| t.end)
    {
        if e <= p && e > f {
            f = e;
            prev_fig = true;
        }
    }
    if prev_fig {
        if let Some(k) = (f..p).rev().find(|&k| chars.get(k) == Some(&'、')) {
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
}

/// The name of a figure that is a value ("新增大树种植", "环境监测监管系统").
pub fn value_name(
    chars: &[char],
    floor: usize,
    name_end: usize,
    tok: &Token,
    tokens: &[Token],
    ctx: &Context,
    prev_name: Option<&str>,
) -> String {
    let raw_pre: String = string_of(chars.get(floor..name_end).unwrap_or(&[]));
    let (mut pre, ends_de) = clean(&raw_pre, ctx);
    // A subject or verb alone ("全区1634个审批服务事项") adds nothing to the noun after it.
    // (LEADING looked up by first char, as in `clean`.)
    let weak = pre.chars().next().is_some_and(|first| {
        word_table(LEADING, false)
            .get(&first)
            .is_some_and(|words| words.contains(&pre))
    }) || ctx.district.iter().any(|d| d == pre);
    // The noun after the figure, unless the name was cut before "由A提升至B".
    let (post, had_de) = if name_end == tok.start {
        post_noun(chars, tok.end, tokens)
    } else {
        (String::new(), false)
    };
    if weak && !post.is_empty() {
        pre = "";
    }
    let post_n = post.chars().count();
    let pre_n = pre.chars().count();
    let generic = GENERIC.contains(&pre);
    let name = if post.is_empty() {
        match prev_name {
            Some(p) if generic && !p.is_empty() => join(&subject_of(p), pre),
            _ => pre.to_string(),
        }
    } else {
        match tok.class {
            Some(UnitClass::Percent) => {
                if had_de || ends_de || pre.is_empty() {
                    post
                } else if post_n <= 6 {
                    join(pre, &post)
                } else {
                    pre.to_string()
                }
            }
            Some(UnitClass::Measure | UnitClass::MeasureAttr) => {
                if generic {
                    join(&post, pre)
                } else if ends_de || pre.is_empty() {
                    post
                } else if had_de || post_n <= 6 {
                    join(pre, &post)
                } else {
                    pre.to_string()
                }
            }
            _ => {
                if ends_de || pre.is_empty() {
                    post
                } else if pre.ends_with('等') || pre_n <= 8 {
                    join(pre, &post)
                } else {
                    post
                }
            }
        }
    };
    let name = if name.is_empty() {
        // Nothing usable: the raw words before the figure, or a neutral label.
        let raw = strip_edges(&raw_pre);
        if raw.is_empty() {
            "未命名指标".to_string()
        } else {
            raw.to_string()
        }
    } else {
        name
    };
    cap(name)
}

/// A name from the words before a phrase ("三年滑动平均浓度下降16.4%" → "三年滑动平均浓度").
pub fn plain_name(chars: &[char], floor: usize, end: usize, ctx: &Context) -> String {
    let raw: String = string_of(chars.get(floor..end).unwrap_or(&[]));
    cap(clean(&raw, ctx).0.to_string())
}

/// Names that say nothing alone: the thing counted without what it did or what it is of.
const BARE: &[&str] = &[
    "单位",
    "部门",
    "机构",
    "企业",
    "决定",
    "任务",
    "项目",
    "事项",
    "人员",
    "占比",
    "比重",
    "比例",
    "任务进度",
    "进度",
    "情况",
    "数量",
];

/// Verbs that open the predicate after a counted noun ("264个部门、机构开展…").
const PREDICATE_VERBS: &[&str] = &[
    "开展", "进行", "参加", "参与", "联合", "实施", "组织", "采取", "完成", "涉及",
];

/// Words dropped from a predicate that becomes part of a name.
const PREDICATE_FILLERS: &[&str] = &[
    "采取", "开展", "进行", "实施", "有所", "相对", "已经", "已", "均", "全部", "共同",
];

/// A bare generic name ("单位", "部门", "决定", "任务进度", "占比") made specific by the
/// sentence: shares take the figure before ("高新技术企业占比"); an item of an enumeration
/// takes the modifiers of the first item ("公开复议报告2篇、决定47个" → "公开复议决定"); a
/// counted noun takes its predicate ("14家单位联合采取“双随机”抽查" → "联合抽查单位",
/// "52个部门的行政执法衔接工作" → "行政执法衔接部门", "2项任务进度有所滞后" → "进度滞后任务").
pub fn specific_name(
    chars: &[char],
    tok: &Token,
    name: String,
    prev_name: Option<&str>,
    stop: usize,
) -> String {
    let share = name.starts_with('占') && ["比重", "比例", "比"].iter().any(|w| name.ends_with(w));
    if !BARE.contains(&name.as_str()) && !share {
        return name;
    }
    let prev = prev_name.filter(|p| p.chars().count() >= 4 && !BARE.contains(p));
    if ["占比", "比重", "比例"].iter().any(|w| name.ends_with(w)) {
        // "…总数达到1.2万家，占全市比重超过40%": the share of the thing counted before.
        return prev.map_or(name.clone(), |p| join(&subject_of(p), &name));
    }
    let name_len = name.chars().count();
    let name_start = tok.start.saturating_sub(name_len);
    let enumerated = string_of(chars.get(name_start..tok.start).unwrap_or(&[])) == name
        && name_start > 0
        && chars.get(name_start - 1) == Some(&'、');
    if enumerated {
        if let Some(p) = prev {
            let keep: String = p.chars().take(p.chars().count() - 2).collect();
            return join(&keep, &name);
        }
    }
    // The noun after the figure, then its predicate up to the clause end or next figure.
    let head = name
        .strip_suffix("进度")
        .or_else(|| name.strip_suffix("情况"))
        .filter(|h| !h.is_empty())
        .unwrap_or(&name)
        .to_string();
    let mut k = tok.end;
    if chars.get(k) == Some(&'的') {
        k += 1;
    }
    if !starts_with_at(chars, k, &head) {
        return name;
    }
    k += head.chars().count();
    let mut noun = head;
    // "部门、机构开展…": a short enumerated noun goes with the first.
    if chars.get(k) == Some(&'、') {
        let run = (k + 1..(k + 5).min(stop))
            .find(|&j| PREDICATE_VERBS.iter().any(|v| starts_with_at(chars, j, v)));
        if let Some(j) = run {
            noun.push_str(&string_of(chars.get(k..j).unwrap_or(&[])));
            k = j;
        }
    }
    let mut pred = String::new();
    let mut quoted = false;
    for &c in chars.get(k..stop.max(k)).unwrap_or(&[]) {
        match c {
            '“' | '《' => quoted = true,
            '”' | '》' => quoted = false,
            '、' | '，' | ',' | '；' | '。' => break,
            _ if !quoted => pred.push(c),
            _ => {}
        }
    }
    let mut p: &str = pred.strip_prefix('的').unwrap_or(&pred);
    for w in ["工作", "方式", "任务"] {
        p = p.strip_suffix(w).unwrap_or(p);
    }
    let mut p = p.to_string();
    for w in PREDICATE_FILLERS {
        p = p.replace(w, "");
    }
    if p.chars().count() < 2 || p.chars().count() > 14 {
        return name;
    }
    cap(join(&p, &noun))
}

/// What a name counts, without 新增 or a trailing 总数 ("新增国家高新技术企业总数" →
/// "国家高新技术企业"): a total or a share is of all of them, not of the new ones.
fn subject_of(name: &str) -> String {
    let s = name.strip_prefix("新增").unwrap_or(name);
    let s = ["总数", "总量", "总额"]
        .iter()
        .find_map(|w| s.strip_suffix(w))
        .unwrap_or(s);
    s.to_string()
}

/// Is `name` only a subject or weak verb ("全区", "我区"), no name on its own?
pub fn is_weak(name: &str, ctx: &Context) -> bool {
    LEADING.contains(&name) || ctx.district.iter().any(|d| d == name)
}

/// A noun phrase cleaned of subjects and link words ("我区全社会固定资产投资" →
/// "全社会固定资产投资").
pub fn clean_phrase(s: &str, ctx: &Context) -> String {
    cap(clean(s, ctx).0.to_string())
}

/// A name from the phrase itself ("完成全年目标的120%" → "完成全年目标").
pub fn phrase_name(raw: &str, num_raw: &str, unit: &str) -> String {
    let figure = format!("{num_raw}{unit}");
    let s = raw.replace(&figure, "");
    let s = s.trim_end_matches('的');
    let s = strip_edges(s);
    if s.is_empty() {
        "未命名指标".to_string()
    } else {
        cap(s.to_string())
    }
}

/// A noun cleaned of punctuation ("任务").
pub fn clean_noun(s: &str) -> String {
    strip_edges(s).to_string()
}

/// Two indicators of one sentence with the same name: add the unit to tell them apart.
pub fn disambiguate(items: &mut [Extracted]) {
    // (Most sentences have one figure: nothing to compare, nothing to allocate.)
    if items.len() < 2 {
        return;
    }
    // Which names are shared, decided on the names as they were (before any unit is added),
    // without copying them.
    let dups: Vec<bool> = items
        .iter()
        .enumerate()
        .map(|(i, e)| {
            items
                .iter()
                .enumerate()
                .any(|(j, o)| j != i && o.name == e.name)
        })
        .collect();
    for (e, dup) in items.iter_mut().zip(dups) {
        if dup {
            if let Some(v) = &e.value {
                if !v.unit.is_empty() {
                    e.name = format!("{}（{}）", e.name, v.unit);
                }
            }
        }
    }
}

/// The name of a lagging item from its heading ("总消费增速进展相对滞后" → "总消费增速").
pub fn lagging_name(title: &str) -> String {
    let t = strip_edges(title).trim_end_matches(['。', '！']);
    let mut cut = t.len();
    for w in super::status::LAGGING {
        if let Some(p) = t.find(w) {
            cut = cut.min(p);
        }
    }
    let mut head = t.get(..cut).unwrap_or(t).to_string();
    for _ in 0..4 {
        let before = head.clone();
        for w in [
            "进展", "进度", "工作", "相对", "有所", "较为", "明显", "仍然", "仍", "较", "略",
            "存在", "部分",
        ] {
            if let Some(r) = head.strip_suffix(w) {
                if !r.is_empty() {
                    head = r.to_string();
                }
            }
        }
        if head == before {
            break;
        }
    }
    let head = strip_edges(&head).to_string();
    if head.is_empty() {
        cap(t.to_string())
    } else {
        cap(head)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    #[test]
    fn stop_word_first_chars_are_complete() {
        for w in POST_STOP {
            let first = w.chars().next().unwrap_or(' ');
            assert!(POST_STOP_FIRST.contains(&first), "{w}");
        }
    }

    fn names(s: &str) -> Vec<String> {
        let c: Vec<char> = s.chars().collect();
        let ctx = Context {
            district: vec!["通州区".into()],
        };
        extract(&c, &ctx, false)
            .0
            .into_iter()
            .map(|e| e.name)
            .collect()
    }

    #[test]
    fn names_read_well() {
        assert_eq!(
            names("我区共促进城乡劳动力就业19275人,完成年度目标的160.6%。"),
            vec!["城乡劳动力就业"]
        );
        assert_eq!(
            names("整合7个环境监测监管系统。"),
            vec!["整合环境监测监管系统"]
        );
        assert_eq!(
            names("建设小微绿地、城市公园13处,面积3087.2亩。"),
            vec!["小微绿地、城市公园", "小微绿地、城市公园面积"]
        );
        assert_eq!(
            names("形成总面积约34838亩的潮白河生态景观带。"),
            vec!["潮白河生态景观带总面积"]
        );
        assert_eq!(
            names("公开复议报告2篇、决定47个、典型案例16件。"),
            vec!["公开复议报告", "公开复议决定", "典型案例"]
        );
        assert_eq!(names("通州区全年接诉15.4万件。"), vec!["接诉"]);
        assert_eq!(
            names("全区共完成6万余处约330万平米的村内拆违任务。"),
            vec!["村内拆违任务（处）", "村内拆违任务（万平米）"]
        );
        assert_eq!(names("登记时限压缩到2个小时。"), vec!["登记时限"]);
        assert_eq!(
            names("完成全区范围60%的垃圾分类示范片区建设。"),
            vec!["垃圾分类示范片区建设"]
        );
    }

    #[test]
    fn lagging_names() {
        assert_eq!(lagging_name("总消费增速进展相对滞后"), "总消费增速");
        assert_eq!(lagging_name("辖区降尘量控制进度相对滞后"), "辖区降尘量控制");
        assert_eq!(lagging_name("滞后"), "滞后");
    }
}
