//! Building a very large report's text in chunks.
//!
//! A 10 000-indicator report is some 200 000 DOM nodes of text: building them all before the
//! first paint takes seconds. The page instead builds a section's body (its paragraphs and the
//! headings of its sub-sections) chunk by chunk, the open sections first, so the first screen
//! paints at once and the rest follows between frames (until every body exists, so the
//! browser's find-in-page and printing see the whole text). Small reports, the usual case, are
//! built in one go: [`FillPlan::eager`].

use std::collections::HashSet;

use report_model::{Report, Section};

/// Reports with at most this much paragraph text (in characters) are built in one go. The
/// seed report (about 13 000) is not: on a slow phone its closed sections' text is worth
/// building after the first paint.
pub const EAGER_CHARS: usize = 4_000;

/// Reports with more paragraph text than this are large: the page lets the browser skip the
/// layout of their open sections while off screen (`content-visibility: auto`).
pub const LARGE_CHARS: usize = 60_000;

/// How much text the first chunk, built with the first render, may hold: more than a screenful
/// (a section built later while on screen would push what is below it).
pub const FIRST_CHUNK_CHARS: usize = 6_000;

/// How much text goes into one chunk. A chunk takes a few milliseconds to build, so typing and
/// scrolling stay responsive while the rest of the text is built.
pub const CHUNK_CHARS: usize = 2_500;

/// The sections whose bodies to build, chunk by chunk, in the order to build them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FillPlan {
    /// Small report: build every body at once; `chunks` is empty.
    pub eager: bool,
    /// More than `LARGE_CHARS` of text.
    pub large: bool,
    /// Section ids, chunk by chunk. The first chunk is built with the page's first render.
    pub chunks: Vec<Vec<String>>,
}

/// Plans the build of `report`'s section bodies, given the sections open at first.
///
/// Sections whose body shows (it and its ancestors are open) come first, in document order,
/// then the closed ones, also in document order. Every section appears exactly once. A section
/// with more text than a chunk's budget gets a chunk of its own.
pub fn fill_plan(
    report: &Report,
    open: &HashSet<String>,
    first_chars: usize,
    chunk_chars: usize,
) -> FillPlan {
    let mut shown = Vec::new();
    let mut closed = Vec::new();
    for s in &report.sections {
        walk(s, true, open, &mut shown, &mut closed);
    }
    let total: usize = shown.iter().chain(&closed).map(|(_, n)| n).sum();
    if total <= EAGER_CHARS {
        return FillPlan {
            eager: true,
            large: false,
            chunks: Vec::new(),
        };
    }
    let mut chunks: Vec<Vec<String>> = Vec::new();
    let mut current = Vec::new();
    let mut size = 0;
    for (id, chars) in shown.into_iter().chain(closed) {
        let budget = if chunks.is_empty() {
            first_chars
        } else {
            chunk_chars
        };
        if !current.is_empty() && size + chars > budget {
            chunks.push(std::mem::take(&mut current));
            size = 0;
        }
        current.push(id);
        size += chars;
    }
    if !current.is_empty() {
        chunks.push(current);
    }
    FillPlan {
        eager: false,
        large: total > LARGE_CHARS,
        chunks,
    }
}

/// Sorts `s` and its descendants into shown / closed, with the size of each one's own body:
/// its paragraphs' text, plus a little for each sub-section heading it holds.
fn walk(
    s: &Section,
    parent_shown: bool,
    open: &HashSet<String>,
    shown: &mut Vec<(String, usize)>,
    closed: &mut Vec<(String, usize)>,
) {
    let is_shown = parent_shown && open.contains(&s.id);
    let chars = s
        .paragraphs
        .iter()
        .map(|p| p.text.chars().count())
        .sum::<usize>()
        + 20 * s.children.len();
    let list = if is_shown { &mut *shown } else { &mut *closed };
    list.push((s.id.clone(), chars));
    for c in &s.children {
        walk(c, is_shown, open, shown, closed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture::{paragraph, report, section};

    fn ids(plan: &FillPlan) -> Vec<String> {
        plan.chunks.iter().flatten().cloned().collect()
    }

    /// A report of `n` top-level sections, each with one sub-section; every section holds one
    /// paragraph of `chars` characters.
    fn big(n: usize, chars: usize) -> Report {
        let mut r = report();
        r.sections = (1..=n)
            .map(|i| {
                let id = format!("s-{i}");
                let mut s = section(&id, 1, "一", "标题");
                let mut child = section(&format!("{id}-1"), 2, "一", "小标题");
                child.paragraphs = vec![paragraph(
                    &child.id,
                    &format!("p-{i}-1-1"),
                    &"字".repeat(chars),
                    vec![],
                )];
                s.paragraphs = vec![paragraph(
                    &id,
                    &format!("p-{i}-1"),
                    &"字".repeat(chars),
                    vec![],
                )];
                s.children = vec![child];
                s
            })
            .collect();
        r
    }

    fn top_level(r: &Report) -> HashSet<String> {
        r.sections.iter().map(|s| s.id.clone()).collect()
    }

    #[test]
    fn a_small_report_is_built_at_once() {
        let r = big(2, 500);
        let plan = fill_plan(&r, &top_level(&r), CHUNK_CHARS, CHUNK_CHARS);
        assert!(plan.eager);
        assert!(plan.chunks.is_empty());
    }

    #[test]
    fn open_sections_come_first_then_the_closed_ones_in_document_order() {
        let r = big(40, 1_000);
        let plan = fill_plan(&r, &top_level(&r), CHUNK_CHARS, CHUNK_CHARS);
        assert!(!plan.eager);
        assert!(plan.large);
        let order = ids(&plan);
        let mut expected: Vec<String> = (1..=40).map(|i| format!("s-{i}")).collect();
        expected.extend((1..=40).map(|i| format!("s-{i}-1")));
        assert_eq!(order, expected);
    }

    #[test]
    fn a_section_under_a_closed_parent_counts_as_closed() {
        let r = big(40, 1_000);
        // s-1-1 "open" but its parent s-1 is closed: its body does not show.
        let open: HashSet<String> = ["s-1-1".to_string(), "s-2".to_string()].into();
        let order = ids(&fill_plan(&r, &open, CHUNK_CHARS, CHUNK_CHARS));
        assert_eq!(order[0], "s-2");
        assert_eq!(order[1], "s-1");
        assert_eq!(order[2], "s-1-1");
    }

    #[test]
    fn chunks_keep_to_the_budget_and_a_big_section_gets_one_of_its_own() {
        let r = big(40, 1_000);
        let plan = fill_plan(&r, &top_level(&r), 2_500, 2_500);
        // Each body is 1 000 characters (+20 for a sub-section heading): two fit in a chunk.
        assert!(
            plan.chunks.iter().all(|c| c.len() == 2),
            "{:?}",
            plan.chunks
        );
        let r = big(10, 9_000);
        let plan = fill_plan(&r, &top_level(&r), 2_500, 2_500);
        assert!(plan.large);
        assert!(plan.chunks.iter().all(|c| c.len() == 1));
        assert_eq!(plan.chunks.len(), 20);
    }

    #[test]
    fn a_report_the_size_of_the_seed_is_built_in_chunks_but_is_not_large() {
        let r = big(6, 1_000);
        let plan = fill_plan(&r, &top_level(&r), CHUNK_CHARS, CHUNK_CHARS);
        assert!(!plan.eager && !plan.large);
    }

    #[test]
    fn the_first_chunk_has_its_own_budget() {
        let r = big(40, 1_000);
        let plan = fill_plan(&r, &top_level(&r), 6_000, 2_500);
        assert_eq!(plan.chunks[0].len(), 5);
        assert!(plan.chunks[1..].iter().all(|c| c.len() <= 2));
    }

    #[test]
    fn every_section_is_planned_exactly_once() {
        let r = big(50, 700);
        let plan = fill_plan(&r, &HashSet::new(), CHUNK_CHARS, CHUNK_CHARS);
        let mut order = ids(&plan);
        let n = order.len();
        order.sort();
        order.dedup();
        assert_eq!(order.len(), n);
        assert_eq!(n, r.sections_flat().len());
    }
}
