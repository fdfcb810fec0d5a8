//! A paragraph's text cut into runs, so the page can mark each indicator's figure in place and
//! highlight the sentence a deep link points at, while rendering every character as text.

use report_model::{Indicator, Paragraph};

/// A stretch of paragraph text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Run {
    /// The text, exactly as published.
    pub text: String,
    /// The indicator whose figure this run is, if it is one.
    pub figure: Option<String>,
    /// Indicators whose source sentence covers this run (for highlighting the sentence).
    pub sentence_of: Vec<String>,
    /// The run is (part of) the paragraph's lead sentence.
    pub lead: bool,
}

/// Cuts `p.text` into runs. Concatenating the runs' text gives `p.text` back exactly; ranges
/// that fall outside the text or inside one another are ignored rather than trusted.
pub fn paragraph_runs(p: &Paragraph) -> Vec<Run> {
    let chars: Vec<char> = p.text.chars().collect();
    let n = chars.len();
    // Per-char annotations: which figure, which sentences, lead sentence or not.
    let figure = figure_owners(p, &chars);
    let mut sentences: Vec<Vec<usize>> = vec![Vec::new(); n];
    let lead_len = p
        .lead
        .as_deref()
        .filter(|h| p.text.starts_with(h))
        .map(|h| h.chars().count())
        .unwrap_or(0);
    for (k, ind) in p.indicators.iter().enumerate() {
        if let Some((start, end)) = sentence_range(ind, n) {
            for s in &mut sentences[start..end] {
                s.push(k);
            }
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < n {
        let key = (figure[i], &sentences[i], i < lead_len);
        let mut j = i + 1;
        while j < n && (figure[j], &sentences[j], j < lead_len) == key {
            j += 1;
        }
        runs.push(Run {
            text: chars[i..j].iter().collect(),
            figure: figure[i].map(|k| p.indicators[k].id.clone()),
            sentence_of: sentences[i]
                .iter()
                .map(|&k| p.indicators[k].id.clone())
                .collect(),
            lead: i < lead_len,
        });
        i = j;
    }
    runs
}

/// Whether each of `p`'s indicators has its figure marked in the text (in indicator order):
/// a figure several indicators share, such as "均居全市第一" for three ranks, is marked once,
/// for the first of them. The same assignment as [`paragraph_runs`], without building runs.
pub fn figures_marked(p: &Paragraph) -> Vec<bool> {
    let chars: Vec<char> = p.text.chars().collect();
    let mut marked = vec![false; p.indicators.len()];
    for k in figure_owners(p, &chars).into_iter().flatten() {
        marked[k] = true;
    }
    marked
}

/// The indicator (by index) whose figure each char of the text is, if any.
fn figure_owners(p: &Paragraph, chars: &[char]) -> Vec<Option<usize>> {
    let mut figure: Vec<Option<usize>> = vec![None; chars.len()];
    for (k, ind) in p.indicators.iter().enumerate() {
        let Some((start, end)) = sentence_range(ind, chars.len()) else {
            continue;
        };
        if let Some((fs, fe)) = figure_range(chars, start, end, ind, &figure) {
            for f in &mut figure[fs..fe] {
                *f = Some(k);
            }
        }
    }
    figure
}

/// The indicator's source sentence as a char range of a text of `n` chars, if it fits.
fn sentence_range(ind: &Indicator, n: usize) -> Option<(usize, usize)> {
    let (start, end) = (ind.source.start as usize, ind.source.end as usize);
    (start < end && end <= n).then_some((start, end))
}

/// Char range of the indicator's published figure (raw + unit, else raw) within its sentence:
/// the first occurrence not already marked as another indicator's figure.
fn figure_range(
    chars: &[char],
    start: usize,
    end: usize,
    ind: &Indicator,
    taken: &[Option<usize>],
) -> Option<(usize, usize)> {
    let value = ind.value.as_ref()?;
    let with_unit: Vec<char> = value.display().chars().collect();
    let raw: Vec<char> = value.raw.chars().collect();
    [with_unit, raw].into_iter().find_map(|needle| {
        let len = needle.len();
        if len == 0 || len > end - start {
            return None;
        }
        (start..=end - len)
            .find(|&at| {
                chars[at..at + len] == needle[..] && taken[at..at + len].iter().all(Option::is_none)
            })
            .map(|at| (at, at + len))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;
    use report_model::IndicatorKind;

    #[test]
    fn a_figure_shared_by_several_indicators_is_marked_for_the_first_only() {
        let text = "拆除违法建设1010万平方米,销账1017.7万平方米,均居全市第一。";
        let rank = |id: &str| {
            fixture::value(
                fixture::ind(id, id, IndicatorKind::Rank, text),
                fixture::m("第一", 1.0, ""),
            )
        };
        let p = fixture::paragraph("s-1", "p-1-1", text, vec![rank("i-a"), rank("i-b")]);
        assert_eq!(figures_marked(&p), vec![true, false]);
        let marked: Vec<String> = paragraph_runs(&p)
            .into_iter()
            .filter_map(|r| r.figure)
            .collect();
        assert_eq!(marked, vec!["i-a".to_string()]);
    }

    #[test]
    fn runs_give_back_the_text_exactly_and_mark_each_figure_once() {
        let report = fixture::report();
        for s in report.sections_flat() {
            for p in &s.paragraphs {
                let runs = paragraph_runs(p);
                let joined: String = runs.iter().map(|r| r.text.as_str()).collect();
                assert_eq!(joined, p.text);
                for ind in p.indicators.iter().filter(|i| i.value.is_some()) {
                    let figures: Vec<&Run> = runs
                        .iter()
                        .filter(|r| r.figure.as_deref() == Some(ind.id.as_str()))
                        .collect();
                    assert_eq!(
                        figures.len(),
                        1,
                        "{} marked {} times",
                        ind.id,
                        figures.len()
                    );
                    let v = ind.value.as_ref().map(|v| v.display()).unwrap_or_default();
                    assert!(
                        v.starts_with(&figures[0].text),
                        "{v} vs {}",
                        figures[0].text
                    );
                    assert!(figures[0].sentence_of.contains(&ind.id));
                }
            }
        }
    }

    #[test]
    fn the_same_figure_twice_in_a_sentence_marks_each_occurrence_for_its_own_indicator() {
        let mut p = fixture::report().sections_flat()[0].paragraphs[0].clone();
        let text = "甲率达到60%,乙率达到60%。";
        p.text = text.into();
        p.lead = None;
        let template = p.indicators[0].clone();
        p.indicators = ["甲", "乙"]
            .iter()
            .map(|name| {
                let mut i = template.clone();
                i.id = format!("i-{name}");
                i.value = Some(fixture::m("60", 60.0, "%"));
                i.source.start = 0;
                i.source.end = text.chars().count() as u32;
                i
            })
            .collect();
        let runs = paragraph_runs(&p);
        let marked: Vec<(&str, &str)> = runs
            .iter()
            .filter_map(|r| r.figure.as_deref().map(|f| (f, r.text.as_str())))
            .collect();
        assert_eq!(marked, vec![("i-甲", "60%"), ("i-乙", "60%")]);
    }

    #[test]
    fn hostile_ranges_are_ignored_not_trusted() {
        let mut p = fixture::report().sections_flat()[0].paragraphs[0].clone();
        for i in &mut p.indicators {
            i.source.start = 5;
            i.source.end = 1_000_000;
        }
        let runs = paragraph_runs(&p);
        let joined: String = runs.iter().map(|r| r.text.as_str()).collect();
        assert_eq!(joined, p.text);
        assert!(runs.iter().all(|r| r.figure.is_none()));
    }
}
