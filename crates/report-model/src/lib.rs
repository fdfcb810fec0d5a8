//! The report's data model: what `reportc` writes to `report.json` and what the page reads.
//!
//! Everything here is plain data with serde derives, shared by the converter (native) and the
//! page (wasm). Published figures are kept as the exact published string (`raw`) beside the
//! parsed number, so the page never has to re-format a number it shows.

use serde::{Deserialize, Serialize};

mod validate;
pub use validate::{is_html_id, validate, Problem};

/// Bumped when a reader of an older version could misread the file.
pub const SCHEMA_VERSION: &str = "1.0";

/// A whole report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Report {
    pub schema_version: String,
    pub meta: Meta,
    /// The report's own headline figures ("45项任务中43项…"), when it states them.
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

/// The report's headline counts, each pointing at the indicator it was read from.
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

/// One headline figure: its value and the indicator that carries its source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SummaryFigure {
    pub value: Measure,
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
    /// The lead sentence when the paragraph opens with one ("绿化造林面积持续增加。").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline: Option<String>,
    /// The paragraph's full text exactly as published (headline included).
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
    /// Short name ("新增大树种植").
    pub name: String,
    /// Id of the section that holds the indicator.
    pub section_id: String,
    pub kind: IndicatorKind,
    /// The figure itself. `None` only for qualitative items such as lagging tasks.
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
    pub status: Status,
    /// Free-form category set by curation ("生态环境").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    pub source: SourceRef,
}

/// What sort of figure an indicator is; drives the page's "kind" filter and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum IndicatorKind {
    /// An amount or count ("37814亩", "279场").
    Quantity,
    /// A rate or share ("覆盖率达到33%").
    Rate,
    /// Completion of a target ("完成总目标的114.59%").
    Completion,
    /// A change on its own ("同比改善16.7%", "降低14%").
    Change,
    /// A named item without a figure (a lagging task).
    Qualitative,
}

/// A published number with its unit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The number exactly as published, with any 万/亿 multiplier and qualifiers kept
    /// ("8.6万", "37814", "2000余", "95.56").
    pub raw: String,
    /// The number `raw` stands for, multiplier applied ("8.6万" → 86000). For sorting and bars
    /// only: the page always shows `raw`.
    pub number: f64,
    /// Unit as published ("%", "亩", "万平方米", "微克/立方米", "个百分点"); empty if none.
    pub unit: String,
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
    pub direction: Direction,
    /// The size of the change. Its unit tells percentage points ("个百分点") from percent ("%").
    pub amount: Measure,
}

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

/// How an indicator stands against its target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Over 100% of target.
    Exceeded,
    /// Target met (100%, or the text says it is done).
    Met,
    /// Behind target (the report says 滞后, or under 100%).
    Lagging,
    /// No target is stated.
    NoTarget,
}

/// Where an indicator comes from: a sentence of a paragraph, or a section heading.
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
    /// The sentence itself, equal to that char range of the text.
    pub sentence: String,
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
    /// The figure as published with its unit ("8.6万个", "85.8%").
    pub fn display(&self) -> String {
        format!("{}{}", self.raw, self.unit)
    }
}
