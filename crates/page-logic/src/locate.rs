//! Where a deep link points: which element, and which collapsed sections must open to show it.

use report_model::{Report, Section};

/// What an element id in a deep link names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// An indicator's row in the table (`#i-…`).
    Indicator {
        /// The indicator's id.
        id: String,
    },
    /// An indicator's figure inside the report text (`#fig-i-…`).
    Figure {
        /// The indicator's id (without the prefix).
        indicator_id: String,
    },
    /// A section heading (`#s-2-1`).
    Section {
        /// The section's id.
        id: String,
    },
    /// A paragraph (`#p-2-1-3`).
    Paragraph {
        /// The paragraph's id.
        id: String,
    },
}

/// Prefix of the element id that marks an indicator's figure in the text.
pub const FIGURE_PREFIX: &str = "fig-";

/// A resolved deep link: the target and the sections to open, outermost first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// What the id names.
    pub target: Target,
    /// The ids of the sections holding it, outermost first (each must be open to show it).
    pub open_sections: Vec<String>,
}

/// Resolves element `id` against `report`; `None` when nothing in the report has that id.
pub fn locate(report: &Report, id: &str) -> Option<Location> {
    let (indicator_id, figure) = match id.strip_prefix(FIGURE_PREFIX) {
        Some(rest) => (rest, true),
        None => (id, false),
    };
    let mut path = Vec::new();
    for s in &report.sections {
        if let Some(target) = find(s, id, indicator_id, figure, &mut path) {
            return Some(Location {
                target,
                open_sections: path,
            });
        }
    }
    None
}

fn find(
    s: &Section,
    id: &str,
    indicator_id: &str,
    figure: bool,
    path: &mut Vec<String>,
) -> Option<Target> {
    path.push(s.id.clone());
    if !figure && s.id == id {
        return Some(Target::Section { id: id.to_string() });
    }
    let holds_indicator = s
        .indicators
        .iter()
        .chain(s.paragraphs.iter().flat_map(|p| p.indicators.iter()))
        .any(|i| i.id == indicator_id);
    if holds_indicator {
        return Some(if figure {
            Target::Figure {
                indicator_id: indicator_id.to_string(),
            }
        } else {
            Target::Indicator { id: id.to_string() }
        });
    }
    if !figure && s.paragraphs.iter().any(|p| p.id == id) {
        return Some(Target::Paragraph { id: id.to_string() });
    }
    for c in &s.children {
        if let Some(t) = find(c, id, indicator_id, figure, path) {
            return Some(t);
        }
    }
    path.pop();
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixture;

    /// The sections holding indicator `id`, outermost first; `None` when `id` is no indicator.
    fn indicator_chain(r: &Report, id: &str) -> Option<Vec<String>> {
        locate(r, id)
            .filter(|l| matches!(l.target, Target::Indicator { .. }))
            .map(|l| l.open_sections)
    }

    #[test]
    fn chains_lead_from_the_top() {
        let r = fixture::report();
        assert_eq!(
            indicator_chain(&r, "i-nh3"),
            Some(vec!["s-2".to_string(), "s-2-1".to_string()])
        );
        assert_eq!(
            indicator_chain(&r, "i-dust"),
            Some(vec!["s-3".to_string(), "s-3-2".to_string()])
        );
        assert_eq!(
            indicator_chain(&r, "i-tasks"),
            Some(vec!["s-1".to_string()])
        );
        assert_eq!(indicator_chain(&r, "i-none"), None);
        assert_eq!(indicator_chain(&r, "s-2"), None);
    }

    #[test]
    fn every_kind_of_id_resolves_with_the_sections_to_open() {
        let report = fixture::report();
        let flat = report.sections_flat();
        let deep = flat
            .iter()
            .find(|s| s.level >= 2 && !s.paragraphs.is_empty())
            .expect("fixture has a sub-section with paragraphs");
        let parent: Vec<String> = report
            .sections
            .iter()
            .filter(|s| s.children.iter().any(|c| c.id == deep.id))
            .map(|s| s.id.clone())
            .collect();
        let chain = [parent.clone(), vec![deep.id.clone()]].concat();
        let paragraph = &deep.paragraphs[0];
        let indicator = &paragraph.indicators[0];

        let at = |id: &str| locate(&report, id).expect("found");
        assert_eq!(
            at(&indicator.id),
            Location {
                target: Target::Indicator {
                    id: indicator.id.clone()
                },
                open_sections: chain.clone()
            }
        );
        assert_eq!(
            at(&format!("fig-{}", indicator.id)).target,
            Target::Figure {
                indicator_id: indicator.id.clone()
            }
        );
        assert_eq!(at(&paragraph.id).open_sections, chain);
        assert_eq!(
            at(&deep.id),
            Location {
                target: Target::Section {
                    id: deep.id.clone()
                },
                open_sections: chain
            }
        );
    }

    #[test]
    fn unknown_ids_and_figures_of_sections_are_not_found() {
        let report = fixture::report();
        assert_eq!(locate(&report, "i-nothing"), None);
        assert_eq!(locate(&report, "fig-s-1"), None);
        assert_eq!(locate(&report, ""), None);
    }
}
