//! The report's data model: what `reportc` writes to `report.json` and what the page reads.
//!
//! Everything here is plain data with serde derives, shared by the converter (native) and the
//! page (wasm). Published figures are kept as the exact published string (`raw`) beside the
//! parsed number, so the page never has to re-format a number it shows.
//!
//! The types follow the file: a [`Report`] has [`Meta`], an optional [`Summary`] and a tree of
//! [`Section`]s; sections and [`Paragraph`]s hold [`Indicator`]s, each with its figures
//! ([`Measure`], [`Change`], [`TargetCompletion`]), a [`Status`] and its [`SourceRef`].
//! [`validate`] checks the rules the types cannot express (ids, ranges, summary links).
//!
//! ```
//! use report_model::{validate, Report, SCHEMA_VERSION};
//!
//! let json = r#"{"schema_version": "2.0", "meta": {"title": "报告", "lang": "zh-CN"},
//!   "sections": [{"id": "s-1", "level": 1, "number": "一", "title": "总体情况",
//!     "paragraphs": [{"id": "p-1-1", "text": "全年新增大树种植37814亩。", "indicators": [
//!       {"id": "i-1", "name": "新增大树种植", "section_id": "s-1", "kind": "level",
//!        "value": {"raw": "37814", "number": 37814.0, "unit": "亩"},
//!        "status": "unstated", "source": {"paragraph_id": "p-1-1", "start": 0, "end": 13}}]}],
//!     "children": [], "indicators": []}]}"#;
//! let report: Report = serde_json::from_str(json).expect("a report");
//! assert_eq!(report.schema_version, SCHEMA_VERSION);
//! assert_eq!(report.indicators()[0].value.as_ref().map(|v| v.raw.as_str()), Some("37814"));
//! assert!(validate(&report).is_empty());
//!
//! // An indicator pointing at a section that does not hold it is a problem, located by path.
//! let mut bad = report.clone();
//! bad.sections[0].paragraphs[0].indicators[0].section_id = "s-9".into();
//! let problems = validate(&bad);
//! assert_eq!(problems[0].path, "sections[0].paragraphs[0].indicators[0].section_id");
//! ```

#![deny(missing_docs)]

use serde::{Deserialize, Serialize};

mod validate;
pub use validate::{is_html_id, validate, Problem};

/// Bumped when a reader of an older version could misread the file. 2.0: figures carry their
/// qualifiers, kinds are roles (level, share, change, completion, rank), status only from the
/// text, and sources are char ranges without a copy of the sentence.
pub const SCHEMA_VERSION: &str = "2.0";

/// The `schema_version` of a report file this version reads, or why not, in a sentence for the
/// publisher. Read before the rest of the file, so that an old file gets this message rather
/// than a complaint about a field.
pub fn check_schema_version(found: &str) -> Result<(), String> {
    if found == SCHEMA_VERSION {
        return Ok(());
    }
    Err(format!(
        "报告数据的格式版本为 {found}，本程序读取 {SCHEMA_VERSION} 版：请用同一版本的 reportc 重新生成 report.json（reportc convert）"
    ))
}

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    /// [`SCHEMA_VERSION`] when written by this version.
    pub schema_version: String,
    /// Title, date, publisher, year, language.
    pub meta: Meta,
    /// The report's own summary figures ("45项任务中43项…"), when it states them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<Summary>,
    /// Top-level sections (一、二、三、…) in published order.
    pub sections: Vec<Section>,
}

/// Report metadata, as published on the page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// The report's title as published ("通州区2019年度绩效管理工作报告").
    pub title: String,
    /// Publication date, `YYYY-MM-DD`, when the text gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// Publisher / source line ("区信息中心").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The year the report covers (2019 for "2019年度…报告").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<u16>,
    /// Language tag of the text.
    pub lang: String,
}

/// The report's summary counts, each pointing at the indicator it was read from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Summary {
    /// Total tasks ("45项市政府绩效任务").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_total: Option<SummaryFigure>,
    /// Tasks on target ("有43能够完成年初既定目标").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_on_target: Option<SummaryFigure>,
    /// Completion rate ("完成率95.56%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completion_rate: Option<SummaryFigure>,
    /// Tasks lagging ("2项任务进度有所滞后").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tasks_lagging: Option<SummaryFigure>,
    /// Special indicators ("7个市级专项指标").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub special_indicators: Option<SummaryFigure>,
}

/// One summary figure: its value and the indicator that carries its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SummaryFigure {
    /// The figure as published.
    pub value: Measure,
    /// The indicator whose source sentence states it.
    pub indicator_id: String,
}

/// A section at any level: 一、 (level 1), （一） (2), 1. (3), （1） (4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, unique in the report, usable as an HTML id ("s-2-1").
    pub id: String,
    /// 1 for 一、, 2 for （一）, 3 for 1., 4 for （1）.
    pub level: u8,
    /// The numbering as published, without punctuation ("二", "一", "1").
    pub number: String,
    /// The heading as published, without its numbering ("主要做法和工作成效").
    pub title: String,
    /// Paragraphs directly under this heading, in order.
    #[serde(default)]
    pub paragraphs: Vec<Paragraph>,
    /// Sub-sections, in order.
    #[serde(default)]
    pub children: Vec<Section>,
    /// Indicators read from the heading itself (e.g. "1.总消费增速进展相对滞后").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
}

/// One paragraph of body text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Paragraph {
    /// Stable id, unique in the report, usable as an HTML id ("p-2-1-1").
    pub id: String,
    /// The paragraph's lead sentence, when it opens with one ("绿化造林面积持续增加。").
    /// (Named `headline` in report.json, where the name is kept for readers of schema 2.0.)
    #[serde(rename = "headline", default, skip_serializing_if = "Option::is_none")]
    pub lead: Option<String>,
    /// The paragraph's full text exactly as published (lead sentence included).
    pub text: String,
    /// Every quantitative figure in this paragraph, in text order.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

/// One quantitative figure (or a named lagging item) and what the sentence says about it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Stable id, derived from the source text, usable as an HTML id and URL fragment.
    pub id: String,
    /// What is measured, readable on its own (in a CSV row or a shared link card):
    /// "新增大树种植", "营商环境政策培训部门、机构", never a bare "部门" or "单位".
    pub name: String,
    /// Id of the section that holds the indicator.
    pub section_id: String,
    /// The figure's role in its sentence.
    pub kind: IndicatorKind,
    /// The figure itself: the level, the share, the rank, or for a [`IndicatorKind::Change`]
    /// the amount of the change (the same measure as `change.amount`). `None` only for
    /// qualitative items such as lagging tasks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Measure>,
    /// Where the value started ("由80%提升至85.8%" → 80%).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Measure>,
    /// Change against a comparison period ("同比提高2.8个百分点").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    /// Completion of a target ("完成全年目标的201.28%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<TargetCompletion>,
    /// The target level itself when the text states one ("年度目标为1.2万人" → 1.2万人).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<Measure>,
    /// Only what the text states: [`Status::Unstated`] unless the sentence calls the item
    /// behind, done or exceeded, or the figure is over 100% of a stated target.
    pub status: Status,
    /// The words the status was read from ("有所滞后", "超额完成", "完成全年目标的201.28%");
    /// `None` exactly when `status` is [`Status::Unstated`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_basis: Option<String>,
    /// Free-form category set by curation ("生态环境").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Where the figure is published: a char range of its paragraph or heading.
    pub source: SourceRef,
}

/// The role a figure plays in its sentence; drives the page's "kind" filter and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// A level: an amount, count or concentration at a point in time ("37814亩", "279场",
    /// "46微克/立方米").
    Level,
    /// A rate or share of a whole ("森林覆盖率达到33%", "进驻率90.64%", "完成率95.56%" of
    /// tasks): not completion of a target.
    Share,
    /// A change stated on its own ("同比改善16.7%", "申报材料精简60%以上"): `value` is the size
    /// of the change and `change` says which way.
    Change,
    /// Completion of a stated target ("完成总目标的114.59%").
    Completion,
    /// A rank or place ("排名第四", "居全市第一"): `value.raw` is the ordinal as published.
    Rank,
    /// A named item without a figure (a lagging task).
    Qualitative,
}

impl IndicatorKind {
    /// Every kind, in the order the page offers them.
    pub const ALL: [IndicatorKind; 6] = [
        IndicatorKind::Level,
        IndicatorKind::Share,
        IndicatorKind::Change,
        IndicatorKind::Completion,
        IndicatorKind::Rank,
        IndicatorKind::Qualitative,
    ];
}

/// A published number with its unit and what the text says about its exactness.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The number exactly as published, with any 万/亿 multiplier kept ("8.6万", "37814",
    /// "2000余", "95.56", "两", "第四").
    pub raw: String,
    /// The number `raw` stands for, multiplier applied ("8.6万" → 86000, "两" → 2,
    /// "第四" → 4). For sorting, bars and the CSV's numeric column: the page shows `raw`.
    pub number: f64,
    /// Unit as published ("%", "亩", "万平方米", "微克/立方米", "个百分点"); empty if none.
    pub unit: String,
    /// What the text says about the number: "约", "预计", "最高", "以上", "余" … in text order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifiers: Vec<Qualifier>,
}

/// A word that changes what a number means ("约6593.69亩", "60%以上", "最高71.07%").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Qualifier {
    /// What the word says of the figure.
    pub kind: QualifierKind,
    /// The word as published ("约", "近", "以上", "余", "预计", "最高").
    pub word: String,
    /// Where the word stands relative to the number and unit.
    pub place: QualifierPlace,
}

/// What a qualifier says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QualifierKind {
    /// 约, 近, 左右, 大约: about.
    Approximate,
    /// 以上, 不少于, 至少: at least.
    AtLeast,
    /// 余, 多, 超过: more than.
    MoreThan,
    /// 以下, 不超过, 以内, 至多: at most.
    AtMost,
    /// 低于, 不足, 不到: less than (the strict bound; the counterpart of `MoreThan`).
    LessThan,
    /// 预计, 预估: an estimate, not yet a final figure.
    Estimate,
    /// 最高, 峰值: the highest value reached, not the level at the end.
    Peak,
    /// 最低: the lowest value reached.
    Lowest,
}

/// Where a qualifier's word is printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum QualifierPlace {
    /// Before the number ("约 6593.69亩").
    Before,
    /// After the number and unit ("60%以上").
    After,
    /// Already inside `raw` ("2000余"): shown as part of the number, never added twice.
    Within,
}

/// A change against a comparison period or a start value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// The phrase as published ("同比提高2.8个百分点").
    pub raw: String,
    /// What it is compared with, as published ("同比", "较年初"); empty if unstated.
    pub basis: String,
    /// Up or down, as the words say.
    pub direction: Direction,
    /// The size of the change. Its unit tells percentage points ("个百分点") from percent ("%").
    pub amount: Measure,
}

/// Which way a change goes, as the text says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// 提高, 增长, 上升, 增加 …
    Up,
    /// 下降, 降低, 减少, 改善 (of a pollutant) …
    Down,
}

/// Completion of a target, as the sentence states it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TargetCompletion {
    /// The phrase as published ("完成全年目标的201.28%").
    pub raw: String,
    /// Percent of target reached, as published ("201.28") and parsed.
    pub percent: Measure,
    /// Items done, when the text counts them ("45项任务中43项" → 43).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done: Option<u32>,
    /// Items in all ("45项任务中43项" → 45).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<u32>,
}

/// How an indicator stands, as far as the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// The text says the target was exceeded (超额), or the figure is over 100% of a stated
    /// target.
    Exceeded,
    /// The text says the target was met (100% of it, or 完成/实现 the stated target).
    Met,
    /// The text calls the item behind (滞后, 未完成, 未达到 …). Never inferred from a number.
    Lagging,
    /// The text states no status for this figure.
    Unstated,
}

impl Status {
    /// Every status, in the order the page offers them.
    pub const ALL: [Status; 4] = [
        Status::Exceeded,
        Status::Met,
        Status::Lagging,
        Status::Unstated,
    ];
}

/// Where an indicator comes from: a sentence of a paragraph, or a section heading. The
/// sentence itself is the char range of that text (no copy: the page slices it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// The paragraph holding the sentence; `None` when the source is the section heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph_id: Option<String>,
    /// Start of the sentence, in Unicode scalar values (chars) from the start of the
    /// paragraph's `text` (or the section's `title`).
    pub start: u32,
    /// End (exclusive) of the sentence, in chars.
    pub end: u32,
}

impl SourceRef {
    /// The sentence: chars `start..end` of `text` (the paragraph's text or the section's
    /// title), or `None` when the range does not fit the text.
    pub fn slice<'t>(&self, text: &'t str) -> Option<&'t str> {
        let (start, end) = (self.start as usize, self.end as usize);
        if start >= end {
            return None;
        }
        let mut bounds = text.char_indices().map(|(b, _)| b).chain([text.len()]);
        let from = bounds.nth(start)?;
        let to = bounds.nth(end - start - 1)?;
        text.get(from..to)
    }
}

impl Report {
    /// Every section, depth first, in published order.
    pub fn sections_flat(&self) -> Vec<&Section> {
        fn walk<'a>(s: &'a Section, out: &mut Vec<&'a Section>) {
            out.push(s);
            for c in &s.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        for s in &self.sections {
            walk(s, &mut out);
        }
        out
    }

    /// Every indicator, in published order (a heading's before its paragraphs').
    pub fn indicators(&self) -> Vec<&Indicator> {
        self.sections_flat()
            .into_iter()
            .flat_map(|s| {
                s.indicators
                    .iter()
                    .chain(s.paragraphs.iter().flat_map(|p| p.indicators.iter()))
            })
            .collect()
    }
}

impl Section {
    /// The heading as printed: "一、总体情况", "（一）高质量发展", "1. 总消费增速…".
    pub fn numbered_title(&self) -> String {
        match self.level {
            1 => format!("{}、{}", self.number, self.title),
            3 => format!("{}. {}", self.number, self.title),
            _ => format!("（{}）{}", self.number, self.title),
        }
    }

    /// Indicators in this section and all its sub-sections.
    pub fn indicator_count(&self) -> usize {
        self.indicators.len()
            + self
                .paragraphs
                .iter()
                .map(|p| p.indicators.len())
                .sum::<usize>()
            + self
                .children
                .iter()
                .map(Section::indicator_count)
                .sum::<usize>()
    }
}

impl Measure {
    /// The number and unit as published, without qualifiers ("8.6万个", "85.8%"). The page's
    /// own display (with qualifier words) is made in `page-logic`.
    pub fn display(&self) -> String {
        format!("{}{}", self.raw, self.unit)
    }
}

#[cfg(test)]
mod source_tests {
    use super::SourceRef;

    #[test]
    fn slice_counts_chars_not_bytes() {
        let text = "绿化造林。完成率95.56%。";
        let s = |start, end| SourceRef {
            paragraph_id: None,
            start,
            end,
        };
        assert_eq!(s(5, 15).slice(text), Some("完成率95.56%。"));
        assert_eq!(s(0, 5).slice(text), Some("绿化造林。"));
        assert_eq!(s(5, 16).slice(text), None);
        assert_eq!(s(3, 3).slice(text), None);
    }
}
