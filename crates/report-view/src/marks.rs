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
    /// The run is the paragraph's lead sentence (its headline).
    pub headline: bool,
}

/// Cuts `p.text` into runs. Concatenating the runs' text gives `p.text` back exactly; ranges
/// that fall outside the text or inside one another are ignored rather than trusted.
pub fn paragraph_runs(p: &Paragraph) -> Vec<Run> {
    let chars: Vec<char> = p.text.chars().collect();
    let n = chars.len();
    // Per-char annotations: which figure, which sentences, headline or not.
    let mut figure: Vec<Option<usize>> = vec![None; n];
    let mut sentences: Vec<Vec<usize>> = vec![Vec::new(); n];
    let headline_len = p
        .headline
        .as_deref()
        .filter(|h| p.text.starts_with(h))
        .map(|h| h.chars().count())
        .unwrap_or(0);
    for (k, ind) in p.indicators.iter().enumerate() {
        let (start, end) = (ind.source.start as usize, ind.source.end as usize);
        if start >= end || end > n {
            continue;
        }
        for s in &mut sentences[start..end] {
            s.push(k);
        }
        if let Some((fs, fe)) = figure_range(&chars, start, end, ind, &figure) {
            for f in &mut figure[fs..fe] {
                *f = Some(k);
            }
        }
    }
    let mut runs: Vec<Run> = Vec::new();
    let mut i = 0;
    while i < n {
        let key = (figure[i], &sentences[i], i < headline_len);
        let mut j = i + 1;
        while j < n && (figure[j], &sentences[j], j < headline_len) == key {
            j += 1;
        }
        runs.push(Run {
            text: chars[i..j].iter().collect(),
            figure: figure[i].map(|k| p.indicators[k].id.clone()),
            sentence_of: sentences[i]
                .iter()
                .map(|&k| p.indicators[k].id.clone())
                .collect(),
            headline: i < headline_len,
        });
        i = j;
    }
    runs
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
