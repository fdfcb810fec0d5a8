//! The indicator table's rows: one flat, display-ready record per indicator.
//!
//! Rows are built once when the report loads; filtering and sorting then work on indices into
//! the row list (see [`visible_rows`](crate::visible_rows)). Every display string is the published `raw` text joined
//! with its published `unit`, never a re-formatted number.

use report_model::{Change, Direction, Indicator, IndicatorKind, Report, Section, Status};

use crate::char_set::CharSet;
use crate::figure_text::{
    change_text, completion_of, completion_text, figure_details, figure_text, measure_text,
    qualifier_words,
};
use crate::normalize::normalize;

/// One indicator, flattened for the table, the filters and the export. Every text field comes
/// from [`crate::figure_text`], so a figure reads the same in every place the page shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    /// The indicator's id, also its HTML id and URL fragment.
    pub id: String,
    /// Short name as published ("新增大树种植").
    pub name: String,
    /// The section the indicator sits in (the enclosing section in the tree).
    pub section_id: String,
    /// That section's heading with its numbering, as printed ("（一）高质量发展").
    pub section_title: String,
    /// Position of that section in depth-first published order; the `Section` sort key.
    pub section_index: usize,
    /// The top-level section (一、二、…) holding the indicator.
    pub top_section_id: String,
    /// What the figure is (a level, a share, a change …).
    pub kind: IndicatorKind,
    /// The progress the text states; `Unstated` when it says none.
    pub status: Status,
    /// The words the status was read from ("有所滞后"); `None` when unstated.
    pub status_basis: Option<String>,
    /// Curation category, when set.
    pub category: Option<String>,
    /// The indicator's main figure as shown in the 数值 column and the exports
    /// ([`figure_text`](crate::figure_text::figure_text)): "约 6593.69亩", "↓ 降低 14%",
    /// "第四"; empty for qualitative items.
    pub figure: String,
    /// The value's number exactly as published ("8.6万", "2000余"); empty for qualitative items.
    pub value_raw: String,
    /// The value's unit as published ("个"); empty when none.
    pub value_unit: String,
    /// The value with its unit and qualifiers ("约 6593.69亩", "60%以上"); empty when none.
    pub value_text: String,
    /// The value's qualifier words as published ("约", "以上"), joined by "、"; empty if none.
    pub value_qualifiers: String,
    /// The value as a number, for sorting, bars and the CSV's numeric column only; `None` if
    /// absent or not finite.
    pub value_number: Option<f64>,
    /// The baseline with its unit and qualifiers ("80%").
    pub baseline_text: Option<String>,
    /// The baseline's unit as published ("%").
    pub baseline_unit: Option<String>,
    /// The baseline as a number, for sorting and bar markers only.
    pub baseline_number: Option<f64>,
    /// The change against a comparison period, when the sentence states one.
    pub change: Option<ChangeView>,
    /// Percent of target reached, as a number, for sorting and bars only. Only for a
    /// [`IndicatorKind::Completion`] (see `completion_of`).
    pub completion: Option<f64>,
    /// Percent of target reached as published, without unit or qualifiers ("114.59").
    pub completion_raw: Option<String>,
    /// Percent of target reached as published, with its unit and qualifiers ("114.59%").
    pub completion_text: Option<String>,
    /// The whole completion phrase as published ("完成总目标的114.59%").
    pub completion_phrase: Option<String>,
    /// The stated target level ("1.2万人"), when the text gives one.
    pub goal_text: Option<String>,
    /// The goal's number, for sorting and bars; `None` if not finite.
    pub goal_number: Option<f64>,
    /// The tooltip lines ([`figure_details`](crate::figure_details)).
    pub details: Vec<String>,
    /// The source sentence as published: the source's char range of its paragraph (or heading).
    pub sentence: String,
    /// The paragraph holding the sentence; `None` when the source is a section heading.
    pub paragraph_id: Option<String>,
    /// Where "查看原文" leads: the figure marked in the text ("fig-i-…") when it has a mark of
    /// its own, else its paragraph (a figure shared by several indicators, e.g. "均居全市第一"
    /// for three ranks, is marked once), else its section (a heading-level item).
    pub source_fragment: String,
    /// Normalized name, sentence and section heading, built once so that typing in the search
    /// box does not re-normalize every row on every keystroke.
    search_text: String,
    /// Which characters occur in `search_text` (see [`CharSet`]): lets the filter skip most
    /// non-matching rows without scanning their text.
    search_chars: CharSet,
    /// Where the normalized name ends in `search_text` (it comes first): a match there ranks
    /// the row above rows matched only by their sentence or section.
    search_name_end: usize,
    /// Position of `name` among all rows' names (equal names, equal rank), computed once so that
    /// sorting by name compares integers, not strings. `None` for a blank name.
    name_rank: Option<u32>,
}

impl IndicatorRow {
    /// The text searched by [`crate::Filter`]: normalized name, sentence and section heading,
    /// separated by single spaces (a normalized query term never holds a space, so a term cannot
    /// match across two fields).
    pub fn search_text(&self) -> &str {
        &self.search_text
    }

    /// The normalized name, the first part of [`search_text`](Self::search_text).
    pub fn search_name(&self) -> &str {
        self.search_text
            .get(..self.search_name_end)
            .unwrap_or_default()
    }

    /// Whether the row's text may contain `term`: `false` means it certainly does not.
    pub(crate) fn may_contain(&self, term: &CharSet) -> bool {
        self.search_chars.covers(term)
    }

    /// This row's name's rank among all names of its row list, by `Ord` on `str` (Unicode code
    /// point order); `None` for a blank name. Set by [`rows()`].
    pub fn name_rank(&self) -> Option<u32> {
        self.name_rank
    }
}

/// What a change is measured in. Percentage points and percent are different things
/// ("提高2.8个百分点" of a rate vs "增长14%" of an amount) and must never be shown alike.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeUnit {
    /// "个百分点" / "百分点".
    PercentagePoints,
    /// "%" (or full-width "％").
    Percent,
    /// Anything else, as published (possibly empty).
    Other(String),
}

impl ChangeUnit {
    /// Classifies a published unit string.
    pub fn from_unit(unit: &str) -> Self {
        match unit.trim() {
            "个百分点" | "百分点" => ChangeUnit::PercentagePoints,
            "%" | "％" => ChangeUnit::Percent,
            other => ChangeUnit::Other(other.to_string()),
        }
    }
}

/// A change, ready to show.
#[derive(Debug, Clone, PartialEq)]
pub struct ChangeView {
    /// The whole phrase as published ("同比提高2.8个百分点"): the CSV's 变化 cell.
    pub phrase: String,
    /// The comparison as published ("同比", "较年初"); empty if unstated.
    pub basis: String,
    /// Up or down, as the text says.
    pub direction: Direction,
    /// What the amount is measured in (points are not percent).
    pub unit: ChangeUnit,
    /// The amount's unit as published ("个百分点", "%").
    pub amount_unit: String,
    /// The change as the page shows it, direction in words (`change_text`):
    /// "↑ 同比提高 2.8个百分点", "↓ 精简 60%以上".
    pub text: String,
    /// The change as a signed number (down is negative), for sorting and the CSV only. If the
    /// published amount already carries a sign, it is taken as published. Percentage points
    /// and percent are sorted on one scale: the column is "how much it moved".
    pub signed_number: Option<f64>,
}

impl ChangeView {
    /// Builds the view of a published change.
    pub fn from_change(c: &Change) -> Self {
        let amount = &c.amount;
        let already_signed = amount
            .raw
            .trim_start()
            .starts_with(['+', '-', '\u{2212}', '＋', '－']);
        let signed_number = finite(amount.number).map(|n| match (already_signed, c.direction) {
            (true, _) | (false, Direction::Up) => n,
            (false, Direction::Down) => -n,
        });
        ChangeView {
            phrase: c.raw.clone(),
            basis: c.basis.clone(),
            direction: c.direction,
            unit: ChangeUnit::from_unit(&amount.unit),
            amount_unit: amount.unit.clone(),
            text: change_text(c),
            signed_number,
        }
    }
}

/// One entry of the section filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionOption {
    /// The section's id (the filter's value).
    pub id: String,
    /// Heading with its numbering ("（一）高质量发展").
    pub label: String,
    /// 0 for top-level sections, 1 for their children, …; for indenting the option.
    pub depth: usize,
    /// Indicators in the section and all its sub-sections.
    pub indicator_count: usize,
}

/// A section heading with its numbering as Chinese documents print it, by level:
/// "一、总体情况", "（一）高质量发展", "1.总消费增速进展相对滞后", "（1）…". Levels past 4 (rare)
/// get "number title". A section without a number shows its title alone.
pub(crate) fn section_label(s: &Section) -> String {
    let number = s.number.trim();
    let title = s.title.trim();
    if number.is_empty() {
        return title.to_string();
    }
    match s.level {
        1 => format!("{number}、{title}"),
        2 | 4 => format!("（{number}）{title}"),
        3 => format!("{number}.{title}"),
        _ => format!("{number} {title}"),
    }
}

/// Every indicator of the report as a row, in published order (the order of
/// [`Report::indicators`]: a section's heading indicators, then its paragraphs', then its
/// sub-sections').
pub fn rows(report: &Report) -> Vec<IndicatorRow> {
    let mut out = Vec::new();
    let mut section_index = 0;
    for top in &report.sections {
        collect(top, &top.id, &mut section_index, &mut out);
    }
    rank_names(&mut out);
    out
}

/// Sets every row's `name_rank`: one string sort at load instead of one per click.
fn rank_names(rows: &mut [IndicatorRow]) {
    let mut order: Vec<usize> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| !r.name.trim().is_empty())
        .map(|(i, _)| i)
        .collect();
    // Ties by position: the order a stable sort gives, with the one sort algorithm the page
    // already ships (`sort_unstable`, elsewhere) instead of a second one in the wasm.
    order.sort_unstable_by(|&a, &b| rows[a].name.cmp(&rows[b].name).then(a.cmp(&b)));
    let mut rank = 0u32;
    let mut prev: Option<usize> = None;
    for &i in &order {
        if let Some(p) = prev {
            if rows[p].name != rows[i].name {
                rank = rank.saturating_add(1);
            }
        }
        rows[i].name_rank = Some(rank);
        prev = Some(i);
    }
}

fn collect(s: &Section, top_id: &str, section_index: &mut usize, out: &mut Vec<IndicatorRow>) {
    let ctx = SectionCtx {
        id: &s.id,
        label: section_label(s),
        index: *section_index,
        top_id,
    };
    *section_index += 1;
    for ind in &s.indicators {
        out.push(row(ind, &ctx, &s.title));
    }
    for p in &s.paragraphs {
        // The indicators whose figure the text marks (one mark per stretch of text).
        let marked = crate::marks::figures_marked(p);
        for (ind, marked) in p.indicators.iter().zip(marked) {
            let mut r = row(ind, &ctx, &p.text);
            if !marked {
                r.source_fragment = p.id.clone();
            }
            out.push(r);
        }
    }
    for child in &s.children {
        collect(child, top_id, section_index, out);
    }
}

/// The enclosing section of an indicator, as the walk knows it.
struct SectionCtx<'a> {
    id: &'a str,
    label: String,
    index: usize,
    top_id: &'a str,
}

fn row(ind: &Indicator, ctx: &SectionCtx<'_>, source_text: &str) -> IndicatorRow {
    let value = ind.value.as_ref();
    let baseline = ind.baseline.as_ref();
    let target = completion_of(ind);
    let sentence = ind
        .source
        .slice(source_text)
        .unwrap_or_default()
        .to_string();
    let search_name = normalize(&ind.name);
    let search_name_end = search_name.len();
    let search_text = format!(
        "{search_name} {} {}",
        normalize(&sentence),
        normalize(&ctx.label)
    );
    IndicatorRow {
        id: ind.id.clone(),
        name: ind.name.clone(),
        // The walk's section rather than `ind.section_id`: they agree in a valid report, and the
        // tree is what the page renders.
        section_id: ctx.id.to_string(),
        section_title: ctx.label.clone(),
        section_index: ctx.index,
        top_section_id: ctx.top_id.to_string(),
        kind: ind.kind,
        status: ind.status,
        status_basis: ind.status_basis.clone(),
        category: ind.category.clone(),
        figure: figure_text(ind),
        value_raw: value.map(|m| m.raw.clone()).unwrap_or_default(),
        value_unit: value.map(|m| m.unit.clone()).unwrap_or_default(),
        value_text: value.map(measure_text).unwrap_or_default(),
        value_qualifiers: value.map(qualifier_words).unwrap_or_default(),
        value_number: value.and_then(|m| finite(m.number)),
        baseline_text: baseline.map(measure_text),
        baseline_unit: baseline.map(|m| m.unit.clone()),
        baseline_number: baseline.and_then(|m| finite(m.number)),
        change: ind.change.as_ref().map(ChangeView::from_change),
        completion: target.and_then(|t| finite(t.percent.number)),
        completion_raw: target.map(|t| t.percent.raw.clone()),
        completion_text: target.map(completion_text),
        completion_phrase: target.map(|t| t.raw.clone()),
        goal_text: ind.goal.as_ref().map(measure_text),
        goal_number: ind.goal.as_ref().and_then(|m| finite(m.number)),
        details: figure_details(ind),
        sentence,
        paragraph_id: ind.source.paragraph_id.clone(),
        source_fragment: match &ind.source.paragraph_id {
            Some(_) => format!("{}{}", crate::locate::FIGURE_PREFIX, ind.id),
            None => ind.section_id.clone(),
        },
        search_chars: CharSet::of(&search_text),
        search_name_end,
        search_text,
        name_rank: None,
    }
}

pub(crate) fn finite(x: f64) -> Option<f64> {
    x.is_finite().then_some(x)
}

/// The options of the section filter: every section, depth first, with its depth for indenting
/// and its indicator count (sub-sections included).
pub fn section_options(report: &Report) -> Vec<SectionOption> {
    fn walk(s: &Section, depth: usize, out: &mut Vec<SectionOption>) {
        out.push(SectionOption {
            id: s.id.clone(),
            label: section_label(s),
            depth,
            indicator_count: s.indicator_count(),
        });
        for c in &s.children {
            walk(c, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    for s in &report.sections {
        walk(s, 0, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn counts_include_sub_sections() {
        // The section options' counts are `Section::indicator_count`, sub-sections included.
        let report = fixture::report();
        let c: std::collections::HashMap<String, usize> = report
            .sections_flat()
            .into_iter()
            .map(|s| (s.id.clone(), s.indicator_count()))
            .collect();
        assert_eq!(c.get("s-1"), Some(&5));
        assert_eq!(c.get("s-2"), Some(&10));
        assert_eq!(c.get("s-2-1"), Some(&8));
        assert_eq!(c.get("s-2-2"), Some(&2));
        assert_eq!(c.get("s-3"), Some(&2));
        assert_eq!(c.get("s-3-1"), Some(&1));
        assert_eq!(c.len(), 7);
        for s in report.sections_flat() {
            assert_eq!(c.get(&s.id), Some(&s.indicator_count()));
        }
    }

    fn by_id<'a>(rows: &'a [IndicatorRow], id: &str) -> &'a IndicatorRow {
        rows.iter()
            .find(|r| r.id == id)
            .unwrap_or_else(|| panic!("no row {id}"))
    }

    #[test]
    fn rows_follow_published_order() {
        let report = fixture::report();
        let ids: Vec<String> = rows(&report).into_iter().map(|r| r.id).collect();
        let expected: Vec<String> = report.indicators().iter().map(|i| i.id.clone()).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn displays_are_the_published_strings() {
        let rows = rows(&fixture::report());
        let trees = by_id(&rows, "i-trees");
        assert_eq!(trees.figure, "37814亩");
        assert_eq!(trees.value_text, "37814亩");
        assert_eq!(trees.value_number, Some(37814.0));
        assert_eq!(trees.completion_text.as_deref(), Some("114.59%"));
        assert_eq!(
            trees.completion_phrase.as_deref(),
            Some("完成总目标的114.59%")
        );
        assert_eq!(trees.section_title, "（一）高质量发展");
        assert_eq!(trees.section_id, "s-2-1");
        assert_eq!(trees.top_section_id, "s-2");
        assert_eq!(trees.sentence, fixture::sentence_of("i-trees"));
        assert!(trees.sentence.starts_with("我区全年新增大树种植37814亩"));

        let jobs = by_id(&rows, "i-posts");
        assert_eq!(jobs.value_text, "8.6万个");
        assert_eq!(jobs.value_raw, "8.6万");
        assert_eq!(jobs.value_number, Some(86000.0));

        let pm = by_id(&rows, "i-pm25");
        assert_eq!(pm.figure, "预计 46微克/立方米");
        assert_eq!(pm.value_qualifiers, "预计");

        let park = by_id(&rows, "i-park");
        assert_eq!(park.baseline_text.as_deref(), Some("80%"));
        assert_eq!(park.baseline_number, Some(80.0));

        // A share of tasks has no completion, whatever a file says.
        let rate = by_id(&rows, "i-rate");
        assert_eq!(rate.completion, None);
        assert_eq!(rate.status, Status::Unstated);

        let lag = by_id(&rows, "i-consume");
        assert_eq!(lag.figure, "");
        assert_eq!(lag.value_number, None);
        assert_eq!(lag.paragraph_id, None);
        assert_eq!(lag.section_title, "1.总消费增速进展相对滞后");
        assert_eq!(lag.sentence, "总消费增速进展相对滞后");
    }

    #[test]
    fn changes_read_with_their_direction_and_keep_the_published_digits() {
        let rows = rows(&fixture::report());
        let forest = by_id(&rows, "i-forest").change.clone();
        let forest = forest.unwrap_or_else(|| panic!("forest has a change"));
        assert_eq!(forest.unit, ChangeUnit::PercentagePoints);
        assert_eq!(forest.text, "↑ 同比提高 2.8个百分点");
        assert_eq!(forest.phrase, "同比提高2.8个百分点");
        assert_eq!(forest.signed_number, Some(2.8));

        let pm = by_id(&rows, "i-pm25").change.clone();
        let pm = pm.unwrap_or_else(|| panic!("pm2.5 has a change"));
        assert_eq!(pm.unit, ChangeUnit::Percent);
        assert_eq!(pm.text, "↓ 同比改善 16.7%（下降）");
        assert_eq!(pm.signed_number, Some(-16.7));
    }

    #[test]
    fn a_change_that_is_already_signed_is_not_signed_twice() {
        let c = Change {
            raw: "增长-3%".into(),
            basis: String::new(),
            direction: Direction::Up,
            amount: fixture::m("-3", -3.0, "%"),
        };
        let v = ChangeView::from_change(&c);
        assert_eq!(v.signed_number, Some(-3.0));
        assert_eq!(v.text, "↑ 增长 -3%");
        let d = Change {
            direction: Direction::Down,
            ..c
        };
        assert_eq!(ChangeView::from_change(&d).signed_number, Some(-3.0));
        assert_eq!(ChangeUnit::from_unit("吨"), ChangeUnit::Other("吨".into()));
    }

    #[test]
    fn a_source_range_outside_its_text_gives_an_empty_sentence() {
        let mut report = fixture::report();
        report.sections[0].paragraphs[0].indicators[0].source.end = 100_000;
        let rows = rows(&report);
        assert_eq!(rows[0].sentence, "");
    }

    #[test]
    fn non_finite_numbers_are_treated_as_missing() {
        let mut report = fixture::report();
        for s in &mut report.sections {
            for c in &mut s.children {
                for p in &mut c.paragraphs {
                    for i in &mut p.indicators {
                        if let Some(v) = &mut i.value {
                            v.number = f64::NAN;
                        }
                    }
                }
            }
        }
        let rows = rows(&report);
        assert_eq!(by_id(&rows, "i-trees").value_number, None);
        assert_eq!(by_id(&rows, "i-trees").figure, "37814亩");
    }

    #[test]
    fn search_text_holds_name_sentence_and_section() {
        let rows = rows(&fixture::report());
        let t = by_id(&rows, "i-trees").search_text();
        assert!(t.contains("新增大树种植"));
        assert!(t.contains("完成总目标的114.59%"));
        assert!(t.contains("(一)高质量发展"));
    }

    #[test]
    fn section_labels_follow_the_printed_numbering() {
        let opts = section_options(&fixture::report());
        let labels: Vec<(&str, &str, usize)> = opts
            .iter()
            .map(|o| (o.id.as_str(), o.label.as_str(), o.depth))
            .collect();
        assert_eq!(
            labels,
            vec![
                ("s-1", "一、总体情况", 0),
                ("s-2", "二、主要做法和工作成效", 0),
                ("s-2-1", "（一）高质量发展", 1),
                ("s-2-2", "（二）高效率落实", 1),
                ("s-3", "三、存在问题及改进措施", 0),
                ("s-3-1", "1.总消费增速进展相对滞后", 1),
                ("s-3-2", "2.辖区降尘量控制进度相对滞后", 1),
            ]
        );
        let s2 = opts
            .iter()
            .find(|o| o.id == "s-2")
            .map(|o| o.indicator_count);
        assert_eq!(s2, Some(10));
    }
}
