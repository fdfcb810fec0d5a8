//! Where a search matched, shown to the reader: the matched words of a row's name marked, and
//! for a row found by its sentence, the words around the match (so that "垃圾分类" finding
//! "设置再生资源回收站 540座" says why). Segments of plain text: the page renders them as text
//! nodes and `<mark>` elements, never as HTML.

use crate::normalize::{fold_for_search, query_terms};

/// A piece of text and whether it is part of a match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The text, as published.
    pub text: String,
    /// Whether it matched the search (shown in `<mark>`).
    pub matched: bool,
}

/// `text` cut into segments, the parts that match a term of `query` marked (after the same
/// folding as the filter: "９５．５６％" marks "95.56%"). No query: one unmarked segment.
pub fn mark_matches(text: &str, query: &str) -> Vec<Segment> {
    let marked = matched_chars(text, &query_terms(query));
    segments(text, &marked)
}

/// For a row whose name does not match but whose sentence does: up to `radius` characters
/// either side of the first match in `sentence`, with "…" where it was cut. `None` when the
/// sentence does not match either.
pub fn sentence_context(sentence: &str, query: &str, radius: usize) -> Option<Vec<Segment>> {
    let terms = query_terms(query);
    let marked = matched_chars(sentence, &terms);
    let first = marked.iter().position(|m| *m)?;
    // Around the first match only: a sentence with matches far apart stays one short line.
    let last = first + marked[first..].iter().take_while(|m| **m).count() - 1;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    let from = first.saturating_sub(radius);
    let to = (last + 1 + radius).min(chars.len());
    let start = chars.get(from).map_or(0, |c| c.0);
    let end = chars.get(to).map_or(sentence.len(), |c| c.0);
    let mut out = Vec::new();
    if from > 0 {
        out.push(Segment {
            text: "…".into(),
            matched: false,
        });
    }
    out.extend(segments(&sentence[start..end], &marked[from..to]));
    if to < chars.len() {
        out.push(Segment {
            text: "…".into(),
            matched: false,
        });
    }
    Some(out)
}

/// Whether every term of `query` occurs in `name` (folded as the filter folds): such rows are
/// listed before rows found only by their sentence.
pub fn name_matches(name: &str, query: &str) -> bool {
    let terms = query_terms(query);
    let folded: String = name.chars().map(fold_for_search).collect();
    !terms.is_empty() && terms.iter().all(|t| folded.contains(t.as_str()))
}

/// For each char of `text`, whether it is inside an occurrence of one of `terms`.
fn matched_chars(text: &str, terms: &[String]) -> Vec<bool> {
    // One folded char per original char, so that positions map back one to one (the terms hold
    // no whitespace, so folding whitespace to a space rather than collapsing it changes nothing).
    let folded: Vec<char> = text.chars().map(fold_for_search).collect();
    let mut marked = vec![false; folded.len()];
    for term in terms {
        let t: Vec<char> = term.chars().collect();
        if t.is_empty() || t.len() > folded.len() {
            continue;
        }
        for i in 0..=folded.len() - t.len() {
            if folded[i..i + t.len()] == t[..] {
                marked[i..i + t.len()].iter_mut().for_each(|m| *m = true);
            }
        }
    }
    marked
}

fn segments(text: &str, marked: &[bool]) -> Vec<Segment> {
    let mut out: Vec<Segment> = Vec::new();
    for (c, m) in text.chars().zip(marked.iter().copied()) {
        match out.last_mut() {
            Some(last) if last.matched == m => last.text.push(c),
            _ => out.push(Segment {
                text: c.to_string(),
                matched: m,
            }),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| {
                if s.matched {
                    format!("[{}]", s.text)
                } else {
                    s.text.clone()
                }
            })
            .collect()
    }

    #[test]
    fn marks_every_occurrence_of_every_term_after_folding() {
        assert_eq!(
            shown(&mark_matches("任务完成率95.56%", "完成率 ９５．５６")),
            "任务[完成率95.56]%"
        );
        assert_eq!(shown(&mark_matches("减排减排", "减排")), "[减排减排]");
        assert_eq!(shown(&mark_matches("森林覆盖率", "")), "森林覆盖率");
        assert_eq!(shown(&mark_matches("PM2.5浓度", "pm2.5")), "[PM2.5]浓度");
    }

    #[test]
    fn a_sentence_match_is_shown_in_its_context() {
        let sentence = "完成全区范围60%的垃圾分类示范片区建设,设置再生资源回收站540座,建筑垃圾资源化利用水平不断上升。";
        let context = sentence_context(sentence, "垃圾分类", 4).map(|s| shown(&s));
        assert_eq!(context.as_deref(), Some("…60%的[垃圾分类]示范片区…"));
        assert_eq!(sentence_context(sentence, "不存在", 4), None);
        // At the start: no leading ellipsis.
        let context = sentence_context(sentence, "完成", 2).map(|s| shown(&s));
        assert_eq!(context.as_deref(), Some("[完成]全区…"));
    }

    #[test]
    fn name_matches_need_every_term() {
        assert!(name_matches("任务完成率", "完成率"));
        assert!(!name_matches("设置再生资源回收站", "垃圾分类"));
        assert!(!name_matches("任务完成率", "完成率 森林"));
        assert!(!name_matches("任务完成率", " "));
    }
}
