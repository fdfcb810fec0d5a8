//! The element a deep link points at, highlighted.

use leptos::prelude::*;
use leptos::reactive::computed::Selector;
use page_logic::FIGURE_PREFIX;

/// The deep link's target id, with per-id views of it, so that a change wakes the two
/// elements it concerns rather than every paragraph, figure and row of the report.
#[derive(Clone, Copy)]
pub struct LinkTarget {
    target: RwSignal<Option<String>>,
    is_id: StoredValue<Selector<String>>,
    is_figure_of: StoredValue<Selector<String>>,
}

impl LinkTarget {
    pub fn new() -> Self {
        let target = RwSignal::new(None::<String>);
        let id = move || target.get().unwrap_or_default();
        let figure_of = move || {
            target.with(|t| {
                t.as_deref()
                    .and_then(|t| t.strip_prefix(FIGURE_PREFIX))
                    .unwrap_or_default()
                    .to_string()
            })
        };
        LinkTarget {
            target,
            is_id: StoredValue::new(Selector::new(id)),
            is_figure_of: StoredValue::new(Selector::new(figure_of)),
        }
    }

    /// Makes `id` the deep link's target.
    pub fn set(&self, id: String) {
        self.target.set(Some(id));
    }

    /// Whether `id` is the deep link's target (tracked for this id only).
    pub fn is(&self, id: &String) -> bool {
        self.is_id.with_value(|s| s.selected(id))
    }

    /// Whether the deep link names the figure of indicator `id` (tracked for this id only).
    pub fn is_figure_of(&self, id: &String) -> bool {
        self.is_figure_of.with_value(|s| s.selected(id))
    }
}
