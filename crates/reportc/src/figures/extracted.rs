//! What the figure readers produce and share: an indicator read from a sentence
//! ([`Extracted`]) and the report-wide [`Context`] they read with.

use report_model::{Change, IndicatorKind, Measure, Status, TargetCompletion};

/// An indicator read from a sentence, before ids and locations are assigned.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub name: String,
    pub kind: IndicatorKind,
    pub value: Option<Measure>,
    pub baseline: Option<Measure>,
    pub change: Option<Change>,
    pub target: Option<TargetCompletion>,
    /// A stated target level ("距离90%的目标").
    pub goal: Option<Measure>,
    pub status: Status,
    /// The words the status was read from; `None` iff unstated.
    pub status_basis: Option<String>,
    /// For the report summary: the "done" and "total" counts as published.
    pub done: Option<Measure>,
    pub total: Option<Measure>,
    /// Start and end of the figure in the sentence (chars).
    pub span: (usize, usize),
}

impl Extracted {
    /// A figure of `kind` named `name` at `span`, with nothing else said about it yet (no
    /// baseline, change, target or goal; status unstated): the start of every reading, which
    /// then sets what its sentence states.
    pub fn figure(
        name: String,
        kind: IndicatorKind,
        value: Option<Measure>,
        span: (usize, usize),
    ) -> Self {
        Extracted {
            name,
            kind,
            value,
            baseline: None,
            change: None,
            target: None,
            goal: None,
            status: Status::Unstated,
            status_basis: None,
            done: None,
            total: None,
            span,
        }
    }

    /// The figure's published text for the id hash, in two parts: raw + unit of `value`
    /// (the figure's own measure), empty for qualitative items. (Kept as parts, not as a
    /// concatenated copy.)
    pub fn figure_text(&self) -> (&str, &str) {
        self.value
            .as_ref()
            .map_or(("", ""), |v| (v.raw.as_str(), v.unit.as_str()))
    }
}

/// Context shared by all sentences of a report.
#[derive(Debug, Default, Clone)]
pub struct Context {
    /// The district the report is about ("通州区"): dropped from the start of names.
    pub district: Vec<String>,
}
