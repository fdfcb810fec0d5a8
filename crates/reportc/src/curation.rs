//! Hand corrections applied after conversion, from a TOML file:
//!
//! ```toml
//! [[indicator]]
//! id = "i-0123456789"          # match by id …
//! rename = "新增大树种植面积"
//! category = "生态环境"
//!
//! [[indicator]]
//! sentence_contains = "化学需氧量减排"   # … or by a piece of the source sentence
//! value = "1006.4"                       # and the value as published (raw, or raw + unit)
//! set_id = "i-cod"
//! status = "exceeded"                    # exceeded | met | lagging | unstated
//!
//! [[indicator]]
//! sentence_contains = "热线"
//! value = "12345"
//! drop = true                            # a false positive
//! ```
//!
//! Every entry must match at least one indicator; one that matches nothing is reported as a
//! warning (the converted text changed, or the entry has a typo) and never silently ignored.

use serde::Deserialize;

use report_model::{Indicator, Report, Section, Status};

use crate::ids::is_html_id;
use crate::Error;

/// `status_basis` of a status set by a curation file rather than read from the text.
pub const CURATED_BASIS: &str = "发布方校订";

/// A curation file.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Curation {
    /// The corrections, in file order (`[[indicator]]` tables).
    #[serde(default, rename = "indicator")]
    pub indicators: Vec<CurationEntry>,
}

/// One correction.
#[derive(Debug, Clone, Default, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct CurationEntry {
    /// Match: the indicator's id (as converted).
    pub id: Option<String>,
    /// Match: a piece of the source sentence …
    pub sentence_contains: Option<String>,
    /// … and the value as published (`raw` or `raw` + unit).
    pub value: Option<String>,
    /// New name.
    pub rename: Option<String>,
    /// New id (must be a valid HTML id, unique in the report).
    pub set_id: Option<String>,
    /// Category.
    pub category: Option<String>,
    /// New status.
    pub status: Option<Status>,
    /// Remove the indicator (a false positive).
    #[serde(default)]
    pub drop: bool,
}

impl CurationEntry {
    fn describe(&self, n: usize) -> String {
        match (&self.id, &self.sentence_contains, &self.value) {
            (Some(id), _, _) => format!("curation entry {n} (id {id:?})"),
            (None, Some(s), Some(v)) => {
                format!("curation entry {n} (sentence contains {s:?}, value {v:?})")
            }
            (None, Some(s), None) => format!("curation entry {n} (sentence contains {s:?})"),
            _ => format!("curation entry {n}"),
        }
    }

    /// `text` is what the indicator's source range is sliced from (its paragraph's text or
    /// its heading's title).
    fn matches(&self, ind: &Indicator, text: &str) -> bool {
        if let Some(id) = &self.id {
            if *id != ind.id {
                return false;
            }
        }
        if let Some(s) = &self.sentence_contains {
            let sentence = ind.source.slice(text).unwrap_or_default();
            if !sentence.contains(s.as_str()) {
                return false;
            }
        }
        if let Some(v) = &self.value {
            let ok = ind
                .value
                .as_ref()
                .is_some_and(|m| m.raw == *v || format!("{}{}", m.raw, m.unit) == *v);
            if !ok {
                return false;
            }
        }
        true
    }
}

impl Curation {
    /// Parses and checks a curation file.
    pub fn from_toml(text: &str) -> Result<Curation, Error> {
        let c: Curation =
            toml::from_str(text).map_err(|e| Error::Curation(one_line(&e.to_string())))?;
        for (i, e) in c.indicators.iter().enumerate() {
            let n = i + 1;
            if e.id.is_none() && e.sentence_contains.is_none() {
                return Err(Error::Curation(format!(
                    "entry {n} needs `id` or `sentence_contains` to say which indicator it is about"
                )));
            }
            if e.rename.is_none()
                && e.set_id.is_none()
                && e.category.is_none()
                && e.status.is_none()
                && !e.drop
            {
                return Err(Error::Curation(format!(
                    "entry {n} changes nothing (give rename, set_id, category, status or drop)"
                )));
            }
            if let Some(id) = &e.set_id {
                if !is_html_id(id) {
                    return Err(Error::Curation(format!(
                        "entry {n}: set_id {id:?} is not a valid id (ASCII letter, then letters, digits, - or _)"
                    )));
                }
            }
            if e.rename.as_deref().is_some_and(|r| r.trim().is_empty()) {
                return Err(Error::Curation(format!("entry {n}: rename is empty")));
            }
        }
        Ok(c)
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every indicator list with the text its sources slice (the heading's title or the
/// paragraph's text).
fn for_each_indicator(sections: &mut [Section], f: &mut dyn FnMut(&str, &mut Vec<Indicator>)) {
    for s in sections {
        f(&s.title, &mut s.indicators);
        for p in &mut s.paragraphs {
            f(&p.text, &mut p.indicators);
        }
        for_each_indicator(&mut s.children, f);
    }
}

/// Applies `curation` to `report`; returns warnings (entries that matched nothing, ids that
/// could not be set, summary figures whose indicator was dropped).
pub fn apply(report: &mut Report, curation: &Curation) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut hits = vec![0usize; curation.indicators.len()];
    let mut all_ids: std::collections::HashSet<String> = Default::default();
    for_each_indicator(&mut report.sections, &mut |_, inds| {
        all_ids.extend(inds.iter().map(|i| i.id.clone()));
    });
    let mut renamed_ids: Vec<(String, String)> = Vec::new();
    let mut dropped: Vec<String> = Vec::new();

    // First count matches, so that set_id on an ambiguous match can be refused.
    for_each_indicator(&mut report.sections, &mut |text, inds| {
        for ind in inds.iter() {
            for (k, e) in curation.indicators.iter().enumerate() {
                if e.matches(ind, text) {
                    if let Some(h) = hits.get_mut(k) {
                        *h += 1;
                    }
                }
            }
        }
    });
    for (k, e) in curation.indicators.iter().enumerate() {
        let n = hits.get(k).copied().unwrap_or(0);
        if n == 0 {
            warnings.push(format!("{} matched no indicator", e.describe(k + 1)));
        } else if n > 1 && e.set_id.is_some() {
            warnings.push(format!(
                "{} matched {n} indicators; set_id needs exactly one, so the id was not changed",
                e.describe(k + 1)
            ));
        } else if n > 1 {
            warnings.push(format!(
                "{} matched {n} indicators; applied to all",
                e.describe(k + 1)
            ));
        }
    }
    let mut new_ids_taken: Vec<String> = Vec::new();
    for_each_indicator(&mut report.sections, &mut |text, inds| {
        inds.retain_mut(|ind| {
            let mut keep = true;
            for (k, e) in curation.indicators.iter().enumerate() {
                if !e.matches(ind, text) {
                    continue;
                }
                if e.drop {
                    keep = false;
                }
                if let Some(r) = &e.rename {
                    ind.name = r.clone();
                }
                if let Some(c) = &e.category {
                    ind.category = Some(c.clone());
                }
                if let Some(s) = e.status {
                    // The publisher's call has no words in the text: its basis says so.
                    ind.status_basis = match s {
                        Status::Unstated => None,
                        _ => Some(CURATED_BASIS.to_string()),
                    };
                    ind.status = s;
                }
                if let Some(new_id) = &e.set_id {
                    if hits.get(k).copied() == Some(1) {
                        if all_ids.contains(new_id) || new_ids_taken.contains(new_id) {
                            warnings.push(format!(
                                "{}: id {new_id:?} is already used; the id was not changed",
                                e.describe(k + 1)
                            ));
                        } else {
                            renamed_ids.push((ind.id.clone(), new_id.clone()));
                            new_ids_taken.push(new_id.clone());
                            ind.id = new_id.clone();
                        }
                    }
                }
            }
            if !keep {
                dropped.push(ind.id.clone());
            }
            keep
        });
    });
    if let Some(sum) = report.summary.as_mut() {
        let slots = [
            ("tasks_total", &mut sum.tasks_total),
            ("tasks_on_target", &mut sum.tasks_on_target),
            ("completion_rate", &mut sum.completion_rate),
            ("tasks_lagging", &mut sum.tasks_lagging),
            ("special_indicators", &mut sum.special_indicators),
        ];
        for (name, slot) in slots {
            let Some(fig) = slot.as_mut() else { continue };
            if let Some((_, new)) = renamed_ids.iter().find(|(old, _)| *old == fig.indicator_id) {
                fig.indicator_id = new.clone();
            }
            if dropped.contains(&fig.indicator_id) {
                warnings.push(format!(
                    "summary.{name} pointed at dropped indicator {:?}; it was removed from the summary",
                    fig.indicator_id
                ));
                *slot = None;
            }
        }
        let empty = sum.tasks_total.is_none()
            && sum.tasks_on_target.is_none()
            && sum.completion_rate.is_none()
            && sum.tasks_lagging.is_none()
            && sum.special_indicators.is_none();
        if empty {
            report.summary = None;
        }
    }
    warnings
}
