//! Checks a `Report` beyond what its types enforce, with a JSON path for every problem.

use std::collections::HashSet;
use std::fmt;

use crate::{
    Indicator, IndicatorKind, Measure, QualifierPlace, Report, Section, Status, SCHEMA_VERSION,
};

/// One thing wrong with a report, located by a JSON path such as
/// `sections[1].children[0].paragraphs[3].indicators[2].value.number`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where: a JSON path into the report.
    pub path: String,
    /// What is wrong, in a sentence.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Every problem found in `report`, in document order; empty when it is valid.
pub fn validate(report: &Report) -> Vec<Problem> {
    let mut v = Validator::default();
    v.report(report);
    v.problems
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    ids: HashSet<String>,
    indicator_ids: HashSet<String>,
}

impl Validator {
    fn push(&mut self, path: &str, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_string(),
            message: message.into(),
        });
    }

    fn report(&mut self, r: &Report) {
        if r.schema_version != SCHEMA_VERSION {
            self.push(
                "schema_version",
                format!(
                    "is {:?}, this reader understands {:?}",
                    r.schema_version, SCHEMA_VERSION
                ),
            );
        }
        if r.meta.title.trim().is_empty() {
            self.push("meta.title", "is empty");
        }
        if let Some(d) = &r.meta.published {
            if !is_iso_date(d) {
                self.push("meta.published", format!("{d:?} is not a YYYY-MM-DD date"));
            }
        }
        if r.sections.is_empty() {
            self.push("sections", "has no sections");
        }
        for (i, s) in r.sections.iter().enumerate() {
            self.section(s, &format!("sections[{i}]"), 0);
        }
        if let Some(sum) = &r.summary {
            let figures = [
                ("tasks_total", &sum.tasks_total),
                ("tasks_on_target", &sum.tasks_on_target),
                ("completion_rate", &sum.completion_rate),
                ("tasks_lagging", &sum.tasks_lagging),
                ("special_indicators", &sum.special_indicators),
            ];
            for (name, fig) in figures {
                if let Some(fig) = fig {
                    let path = format!("summary.{name}");
                    self.measure(&fig.value, &format!("{path}.value"));
                    if !self.indicator_ids.contains(&fig.indicator_id) {
                        self.push(
                            &format!("{path}.indicator_id"),
                            format!("{:?} names no indicator", fig.indicator_id),
                        );
                    }
                }
            }
        }
    }

    fn id(&mut self, id: &str, path: &str) {
        if !is_html_id(id) {
            self.push(
                path,
                format!("{id:?} is not a valid id (ASCII letter, then letters, digits, - or _)"),
            );
        }
        if !self.ids.insert(id.to_string()) {
            self.push(path, format!("{id:?} is used more than once"));
        }
    }

    fn section(&mut self, s: &Section, path: &str, parent_level: u8) {
        self.id(&s.id, &format!("{path}.id"));
        if !(1..=6).contains(&s.level) {
            self.push(&format!("{path}.level"), format!("{} is not 1..6", s.level));
        } else if s.level <= parent_level {
            self.push(
                &format!("{path}.level"),
                format!(
                    "{} is not deeper than its parent's {}",
                    s.level, parent_level
                ),
            );
        }
        if s.title.trim().is_empty() {
            self.push(&format!("{path}.title"), "is empty");
        }
        let title_len = s.title.chars().count();
        for (k, ind) in s.indicators.iter().enumerate() {
            let ip = format!("{path}.indicators[{k}]");
            self.indicator(ind, &ip, &s.id, None, title_len);
        }
        for (j, p) in s.paragraphs.iter().enumerate() {
            let pp = format!("{path}.paragraphs[{j}]");
            self.id(&p.id, &format!("{pp}.id"));
            if p.text.trim().is_empty() {
                self.push(&format!("{pp}.text"), "is empty");
            }
            if let Some(h) = &p.lead {
                if !p.text.starts_with(h.as_str()) {
                    self.push(
                        &format!("{pp}.headline"),
                        "is not the start of the paragraph's text",
                    );
                }
            }
            let len = p.text.chars().count();
            for (k, ind) in p.indicators.iter().enumerate() {
                let ip = format!("{pp}.indicators[{k}]");
                self.indicator(ind, &ip, &s.id, Some(&p.id), len);
            }
        }
        for (i, c) in s.children.iter().enumerate() {
            self.section(c, &format!("{path}.children[{i}]"), s.level);
        }
    }

    fn indicator(
        &mut self,
        ind: &Indicator,
        path: &str,
        section_id: &str,
        paragraph_id: Option<&str>,
        text_len: usize,
    ) {
        self.id(&ind.id, &format!("{path}.id"));
        self.indicator_ids.insert(ind.id.clone());
        if ind.name.trim().is_empty() {
            self.push(&format!("{path}.name"), "is empty");
        }
        if ind.section_id != section_id {
            self.push(
                &format!("{path}.section_id"),
                format!(
                    "{:?} is not the enclosing section {section_id:?}",
                    ind.section_id
                ),
            );
        }
        match (&ind.value, ind.kind) {
            (None, IndicatorKind::Qualitative) => {}
            (None, _) => self.push(
                &format!("{path}.value"),
                "is missing (only a qualitative indicator may have no value)",
            ),
            (Some(m), _) => self.measure(m, &format!("{path}.value")),
        }
        if let Some(b) = &ind.baseline {
            self.measure(b, &format!("{path}.baseline"));
        }
        if let Some(c) = &ind.change {
            self.measure(&c.amount, &format!("{path}.change.amount"));
            if !c.raw.contains(c.amount.raw.as_str()) {
                self.push(
                    &format!("{path}.change.raw"),
                    format!("{:?} does not contain the amount {:?}", c.raw, c.amount.raw),
                );
            }
        }
        if let Some(t) = &ind.target {
            let tp = format!("{path}.target");
            self.measure(&t.percent, &format!("{tp}.percent"));
            if let (Some(done), Some(total)) = (t.done, t.total) {
                if done > total {
                    self.push(&tp, format!("done {done} is more than total {total}"));
                }
            }
            // Lagging is only what the text says; but a figure over 100% of its target that is
            // called lagging, or one under 100% called exceeded, contradicts its own number.
            let n = t.percent.number;
            let contradicts = match ind.status {
                Status::Lagging => n > 100.0,
                Status::Exceeded => n <= 100.0,
                _ => false,
            };
            if contradicts {
                self.push(
                    &format!("{path}.status"),
                    format!(
                        "{:?} contradicts target completion {}%",
                        ind.status, t.percent.raw
                    ),
                );
            }
        }
        if let Some(g) = &ind.goal {
            self.measure(g, &format!("{path}.goal"));
        }
        match (ind.status, &ind.status_basis) {
            (Status::Unstated, Some(_)) => self.push(
                &format!("{path}.status_basis"),
                "is given but the status is unstated",
            ),
            (Status::Unstated, None) => {}
            (_, None) => self.push(
                &format!("{path}.status_basis"),
                "is missing: a stated status names the words it was read from",
            ),
            (_, Some(b)) if b.trim().is_empty() => {
                self.push(&format!("{path}.status_basis"), "is empty")
            }
            _ => {}
        }
        if ind.kind == IndicatorKind::Change && ind.change.is_none() {
            self.push(
                &format!("{path}.change"),
                "is missing: a change indicator says which way it changed",
            );
        }
        let sp = format!("{path}.source");
        if ind.source.paragraph_id.as_deref() != paragraph_id {
            self.push(
                &format!("{sp}.paragraph_id"),
                format!(
                    "{:?} is not the enclosing paragraph {paragraph_id:?}",
                    ind.source.paragraph_id
                ),
            );
        }
        let (start, end) = (ind.source.start as usize, ind.source.end as usize);
        if start >= end || end > text_len {
            self.push(
                &sp,
                format!("range {start}..{end} is outside the text (0..{text_len})"),
            );
        }
    }

    fn measure(&mut self, m: &Measure, path: &str) {
        if m.raw.trim().is_empty() {
            self.push(&format!("{path}.raw"), "is empty");
        }
        for (i, q) in m.qualifiers.iter().enumerate() {
            let qp = format!("{path}.qualifiers[{i}]");
            if q.word.trim().is_empty() {
                self.push(&format!("{qp}.word"), "is empty");
            } else if q.place == QualifierPlace::Within && !m.raw.contains(q.word.as_str()) {
                self.push(
                    &format!("{qp}.word"),
                    format!("{:?} is not inside the number {:?}", q.word, m.raw),
                );
            }
        }
        if !m.number.is_finite() {
            self.push(
                &format!("{path}.number"),
                format!("{} is not a finite number", m.number),
            );
        }
    }
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && digits(5..7) && digits(8..10)) {
        return false;
    }
    let month: u32 = s[5..7].parse().unwrap_or(0);
    let day: u32 = s[8..10].parse().unwrap_or(0);
    (1..=12).contains(&month) && (1..=31).contains(&day)
}

/// Safe as an HTML id, a CSS selector and a URL fragment without escaping.
pub fn is_html_id(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        && s.len() <= 64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::*;

    fn measure(raw: &str, number: f64, unit: &str) -> Measure {
        Measure {
            raw: raw.into(),
            number,
            unit: unit.into(),
            qualifiers: vec![],
        }
    }

    fn sample() -> Report {
        let text = "绿化造林面积持续增加。全年新增大树种植37814亩,完成总目标的114.59%。";
        let sentence = "全年新增大树种植37814亩,完成总目标的114.59%。";
        let start = text
            .find(sentence)
            .map(|b| text[..b].chars().count())
            .unwrap_or(0) as u32;
        Report {
            schema_version: SCHEMA_VERSION.into(),
            meta: Meta {
                title: "通州区2019年度绩效管理工作报告".into(),
                published: Some("2020-01-10".into()),
                source: Some("区信息中心".into()),
                year: Some(2019),
                lang: "zh-CN".into(),
            },
            summary: None,
            sections: vec![Section {
                id: "s-1".into(),
                level: 1,
                number: "一".into(),
                title: "总体情况".into(),
                paragraphs: vec![Paragraph {
                    id: "p-1-1".into(),
                    lead: Some("绿化造林面积持续增加。".into()),
                    text: text.into(),
                    indicators: vec![Indicator {
                        id: "i-abc".into(),
                        name: "新增大树种植".into(),
                        section_id: "s-1".into(),
                        kind: IndicatorKind::Completion,
                        value: Some(measure("37814", 37814.0, "亩")),
                        baseline: None,
                        change: None,
                        target: Some(TargetCompletion {
                            raw: "完成总目标的114.59%".into(),
                            percent: measure("114.59", 114.59, "%"),
                            done: None,
                            total: None,
                        }),
                        goal: None,
                        status: Status::Exceeded,
                        status_basis: Some("完成总目标的114.59%".into()),
                        category: None,
                        source: SourceRef {
                            paragraph_id: Some("p-1-1".into()),
                            start,
                            end: start + sentence.chars().count() as u32,
                        },
                    }],
                }],
                children: vec![],
                indicators: vec![],
            }],
        }
    }

    fn paths(r: &Report) -> Vec<String> {
        validate(r).into_iter().map(|p| p.path).collect()
    }

    #[test]
    fn a_consistent_report_has_no_problems() {
        assert_eq!(validate(&sample()), vec![]);
    }

    #[test]
    fn a_bad_value_is_reported_with_its_full_path() {
        let mut r = sample();
        if let Some(v) = r.sections[0].paragraphs[0].indicators[0].value.as_mut() {
            v.number = f64::NAN;
        }
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].value.number"]
        );
    }

    #[test]
    fn a_source_range_outside_the_text_is_reported() {
        let mut r = sample();
        r.sections[0].paragraphs[0].indicators[0].source.end = 10_000;
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].source"]
        );
    }

    #[test]
    fn a_stated_status_names_its_words_and_an_unstated_one_none() {
        let mut r = sample();
        r.sections[0].paragraphs[0].indicators[0].status_basis = None;
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].status_basis"]
        );
        let ind = &mut r.sections[0].paragraphs[0].indicators[0];
        ind.status = Status::Unstated;
        ind.status_basis = Some("滞后".into());
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].status_basis"]
        );
    }

    #[test]
    fn a_qualifier_inside_the_number_must_be_there() {
        let mut r = sample();
        if let Some(v) = r.sections[0].paragraphs[0].indicators[0].value.as_mut() {
            v.qualifiers.push(Qualifier {
                kind: QualifierKind::MoreThan,
                word: "余".into(),
                place: QualifierPlace::Within,
            });
        }
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].value.qualifiers[0].word"]
        );
        if let Some(v) = r.sections[0].paragraphs[0].indicators[0].value.as_mut() {
            v.raw = "37814余".into();
        }
        assert_eq!(paths(&r), Vec::<String>::new());
    }

    #[test]
    fn duplicate_and_unsafe_ids_are_reported() {
        let mut r = sample();
        r.sections[0].paragraphs[0].id = "s-1".into();
        r.sections[0].paragraphs[0].indicators[0]
            .source
            .paragraph_id = Some("s-1".into());
        r.sections[0].paragraphs[0].indicators[0].id = "<img onerror>".into();
        let problems = validate(&r);
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].message.contains("more than once"));
        assert!(problems[1].message.contains("not a valid id"));
    }

    #[test]
    fn status_that_contradicts_the_completion_is_reported() {
        let mut r = sample();
        r.sections[0].paragraphs[0].indicators[0].status = Status::Lagging;
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].status"]
        );
    }

    #[test]
    fn only_qualitative_indicators_may_lack_a_value() {
        let mut r = sample();
        r.sections[0].paragraphs[0].indicators[0].value = None;
        assert_eq!(
            paths(&r),
            vec!["sections[0].paragraphs[0].indicators[0].value"]
        );
        r.sections[0].paragraphs[0].indicators[0].kind = IndicatorKind::Qualitative;
        assert_eq!(paths(&r), Vec::<String>::new());
    }

    #[test]
    fn wrong_schema_version_date_and_nesting_are_reported() {
        let mut r = sample();
        r.schema_version = "9".into();
        r.meta.published = Some("2020-13-10".into());
        let child = Section {
            id: "s-1-1".into(),
            level: 1,
            number: "一".into(),
            title: "x".into(),
            paragraphs: vec![],
            children: vec![],
            indicators: vec![],
        };
        r.sections[0].children.push(child);
        assert_eq!(
            paths(&r),
            vec![
                "schema_version",
                "meta.published",
                "sections[0].children[0].level"
            ]
        );
    }
}
