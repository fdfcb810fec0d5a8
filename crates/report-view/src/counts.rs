//! Per-section indicator counts and the section chain of an indicator.

use std::collections::HashMap;

use report_model::{Report, Section};

/// Indicators per section id, each count including all sub-sections (for "高质量发展 (8)"
/// badges). Computed in one pass over the tree.
pub fn indicator_counts(report: &Report) -> HashMap<String, usize> {
    fn walk(s: &Section, out: &mut HashMap<String, usize>) -> usize {
        let own = s.indicators.len()
            + s.paragraphs
                .iter()
                .map(|p| p.indicators.len())
                .sum::<usize>();
        let total = own + s.children.iter().map(|c| walk(c, out)).sum::<usize>();
        out.insert(s.id.clone(), total);
        total
    }
    let mut out = HashMap::new();
    for s in &report.sections {
        walk(s, &mut out);
    }
    out
}

/// The ids of the sections holding indicator `id`, outermost first (["s-2", "s-2-1"]), so that
/// a deep link can open every collapsed section on the way. `None` if no indicator has that id.
pub fn section_of_indicator(report: &Report, id: &str) -> Option<Vec<String>> {
    fn walk(s: &Section, id: &str, path: &mut Vec<String>) -> bool {
        path.push(s.id.clone());
        let here = s
            .indicators
            .iter()
            .chain(s.paragraphs.iter().flat_map(|p| p.indicators.iter()))
            .any(|i| i.id == id);
        if here || s.children.iter().any(|c| walk(c, id, path)) {
            return true;
        }
        path.pop();
        false
    }
    let mut path = Vec::new();
    report
        .sections
        .iter()
        .any(|s| walk(s, id, &mut path))
        .then_some(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    #[test]
    fn counts_include_sub_sections() {
        let c = indicator_counts(&fixture::report());
        assert_eq!(c.get("s-1"), Some(&5));
        assert_eq!(c.get("s-2"), Some(&10));
        assert_eq!(c.get("s-2-1"), Some(&8));
        assert_eq!(c.get("s-2-2"), Some(&2));
        assert_eq!(c.get("s-3"), Some(&2));
        assert_eq!(c.get("s-3-1"), Some(&1));
        assert_eq!(c.len(), 7);
        let report = fixture::report();
        for s in report.sections_flat() {
            assert_eq!(c.get(&s.id), Some(&s.indicator_count()));
        }
    }

    #[test]
    fn chains_lead_from_the_top() {
        let r = fixture::report();
        assert_eq!(
            section_of_indicator(&r, "i-nh3"),
            Some(vec!["s-2".to_string(), "s-2-1".to_string()])
        );
        assert_eq!(
            section_of_indicator(&r, "i-dust"),
            Some(vec!["s-3".to_string(), "s-3-2".to_string()])
        );
        assert_eq!(
            section_of_indicator(&r, "i-tasks"),
            Some(vec!["s-1".to_string()])
        );
        assert_eq!(section_of_indicator(&r, "i-none"), None);
        assert_eq!(section_of_indicator(&r, "s-2"), None);
    }
}
