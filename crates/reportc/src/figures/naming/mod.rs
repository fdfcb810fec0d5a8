//! Short indicator names from the words around a figure.
//!
//! The name is built from the text between the start of the figure's clause (or the previous
//! figure or date in it) and the figure — "我区全年新增大树种植37814亩" → "新增大树种植" — with
//! subjects, time words and link verbs trimmed (我区, 全区, 全年, 共, 达到, 为, 约 …). For a
//! counter the thing counted usually follows the figure ("整合7个环境监测监管系统"), so the
//! noun after it is used too; "总面积约34838亩的潮白河生态景观带" gives "潮白河生态景观带总面积".

use super::extracted::{Context, Extracted};
use super::token::{Skip, Token};
use crate::numbers::{starts_with_at, string_of, UnitClass};

mod words;

use words::{cap, clean, join, post_noun, strip_edges, word_table, GENERIC, LEADING};

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
    use super::words::{POST_STOP, POST_STOP_FIRST};
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
