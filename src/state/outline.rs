//! The report text's outline: which sections are open, and which section bodies are built
//! (a large report's bodies are built chunk by chunk after the first paint).

use std::collections::{HashMap, HashSet, VecDeque};
use std::time::Duration;

use leptos::prelude::*;
use page_logic::{fill_plan, CHUNK_CHARS, FIRST_CHUNK_CHARS};
use report_model::Report;

use crate::browser;
use crate::render_mode::Render;

/// Open sections, and the progressive building of section bodies.
#[derive(Clone, Copy)]
pub struct Outline {
    /// Ids of the open sections.
    open: RwSignal<HashSet<String>>,
    /// Whether each section's body (paragraphs and sub-section headings) is built.
    built: StoredValue<HashMap<String, RwSignal<bool>>>,
    /// The bodies still to build, chunk by chunk (all but the smallest reports).
    pending: StoredValue<VecDeque<Vec<String>>>,
    /// The text is long: the open sections built after the first paint (off screen then)
    /// skip layout while off screen.
    pub large: bool,
}

impl Outline {
    /// Every section open. The bodies in the plan's first chunk (or all, for a small report,
    /// or for report.html) are built with the first render; the rest by [`Self::build_pending`].
    pub fn new(report: &Report, render: Render) -> Self {
        let open: HashSet<String> = report.sections.iter().map(|s| s.id.clone()).collect();
        let plan = fill_plan(report, &open, FIRST_CHUNK_CHARS, CHUNK_CHARS);
        let everything = render == Render::Full;
        let mut pending: VecDeque<Vec<String>> = if everything {
            VecDeque::new()
        } else {
            plan.chunks.into()
        };
        let first: HashSet<String> = pending
            .pop_front()
            .unwrap_or_default()
            .into_iter()
            .collect();
        let built = report
            .sections_flat()
            .iter()
            .map(|s| {
                let now = everything || plan.eager || first.contains(&s.id);
                (s.id.clone(), RwSignal::new(now))
            })
            .collect();
        Outline {
            open: RwSignal::new(open),
            built: StoredValue::new(built),
            pending: StoredValue::new(pending),
            large: plan.large,
        }
    }

    pub fn is_open(&self, id: &str) -> bool {
        self.open.with(|o| o.contains(id))
    }

    pub fn set_open(&self, id: &str, open: bool) {
        self.open.update(|o| {
            if open {
                o.insert(id.to_string());
            } else {
                o.remove(id);
            }
        });
    }

    /// Opens the sections `ids` (building their bodies first).
    pub fn open_sections<'a>(&self, ids: impl IntoIterator<Item = &'a String> + Clone) {
        self.build_bodies(ids.clone());
        self.open.update(|o| o.extend(ids.into_iter().cloned()));
    }

    /// Whether at least `total` sections are open (all of them, for the report's count).
    pub fn all_open(&self, total: usize) -> bool {
        self.open.with(|o| o.len() >= total)
    }

    /// "展开全部": every section in `ids` open (their bodies are built as they show).
    pub fn open_every<'a>(&self, ids: impl IntoIterator<Item = &'a String>) {
        self.open.update(|o| o.extend(ids.into_iter().cloned()));
    }

    /// "收起全部".
    pub fn close_all(&self) {
        self.open.update(|o| o.clear());
    }

    /// The signal saying whether section `id`'s body is built.
    pub fn body_built(&self, id: &str) -> RwSignal<bool> {
        self.built
            .with_value(|b| b.get(id).copied())
            .unwrap_or_else(|| RwSignal::new(true))
    }

    /// Builds the bodies of `ids` now (e.g. the sections a deep link opens).
    fn build_bodies<'a>(&self, ids: impl IntoIterator<Item = &'a String>) {
        for id in ids {
            let built = self.body_built(id);
            if !built.get_untracked() {
                built.set(true);
            }
        }
    }

    /// Builds every body now (printing needs the whole text).
    pub fn build_all_bodies(&self) {
        let pending: Vec<Vec<String>> = self
            .pending
            .try_update_value(|p| p.drain(..).collect())
            .unwrap_or_default();
        self.build_bodies(pending.iter().flatten());
    }

    /// Builds the next chunk of bodies, then yields to the browser (input, painting) and goes
    /// on until none is left.
    pub fn build_pending(self) {
        let Some(chunk) = self.pending.try_update_value(VecDeque::pop_front).flatten() else {
            // After the effects that build the last chunk.
            browser::after_frame(|| browser::mark("report-complete"));
            return;
        };
        self.build_bodies(&chunk);
        set_timeout(move || self.build_pending(), Duration::ZERO);
    }
}
