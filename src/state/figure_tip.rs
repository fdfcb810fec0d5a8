//! Which figure's tooltip shows in the report text.

use leptos::prelude::*;
use leptos::reactive::computed::Selector;

/// The indicator whose figure tooltip is showing, with a per-id view of it (a change wakes
/// the two tooltips it concerns, not the thousands of a large report).
#[derive(Clone, Copy)]
pub struct FigureTip {
    shown: RwSignal<Option<String>>,
    is_shown: StoredValue<Selector<String>>,
}

impl FigureTip {
    pub fn new() -> Self {
        let shown = RwSignal::new(None::<String>);
        FigureTip {
            shown,
            is_shown: StoredValue::new(Selector::new(move || shown.get().unwrap_or_default())),
        }
    }

    /// Whether the tooltip of indicator `id`'s figure is showing (tracked for this id only).
    pub fn is_shown(&self, id: &String) -> bool {
        self.is_shown.with_value(|s| s.selected(id))
    }

    pub fn show(&self, id: String) {
        self.shown.set(Some(id));
    }

    pub fn hide(&self) {
        self.shown.set(None);
    }
}
