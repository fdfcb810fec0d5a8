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
    /// Whether each section is open, a signal each: opening or closing one section, or all,
    /// wakes only the views of the sections that change (not a check in every section).
    open: StoredValue<HashMap<String, RwSignal<bool>>>,
    /// How many sections are open (whether 展开全部 has anything left to open).
    open_count: RwSignal<usize>,
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
        let flat = report.sections_flat();
        let built = flat
            .iter()
            .map(|s| {
                let now = everything || plan.eager || first.contains(&s.id);
                (s.id.clone(), RwSignal::new(now))
            })
            .collect();
        let open_signals: HashMap<String, RwSignal<bool>> = flat
            .iter()
            .map(|s| (s.id.clone(), RwSignal::new(open.contains(&s.id))))
            .collect();
        let open_count = open_signals.values().filter(|o| o.get_untracked()).count();
        Outline {
            open: StoredValue::new(open_signals),
            open_count: RwSignal::new(open_count),
            built: StoredValue::new(built),
            pending: StoredValue::new(pending),
            large: plan.large,
        }
    }

    /// Whether section `id` is open, to read (it changes through [`Self::set_open`], which
    /// keeps the count).
    pub fn open_signal(&self, id: &str) -> ReadSignal<bool> {
        self.open
            .with_value(|o| o.get(id).copied())
            .unwrap_or_else(|| RwSignal::new(false))
            .read_only()
    }

    /// Whether every section is open (tracked).
    pub fn all_open(&self) -> bool {
        let total = self.open.with_value(HashMap::len);
        self.open_count.get() >= total
    }

    pub fn set_open(&self, id: &str, open: bool) {
        let Some(signal) = self.open.with_value(|o| o.get(id).copied()) else {
            return;
        };
        if signal.get_untracked() != open {
            signal.set(open);
            self.open_count
                .update(|n| *n = if open { *n + 1 } else { n.saturating_sub(1) });
        }
    }

    /// Opens or closes every section (展开全部 / 收起全部): only the sections that change are
    /// written, and the count once.
    pub fn set_all(&self, open: bool) {
        let signals: Vec<RwSignal<bool>> = self.open.with_value(|o| o.values().copied().collect());
        for signal in &signals {
            if signal.get_untracked() != open {
                signal.set(open);
            }
        }
        self.open_count.set(if open { signals.len() } else { 0 });
    }

    /// Opens the sections `ids` (building their bodies first).
    pub fn open_sections<'a>(&self, ids: impl IntoIterator<Item = &'a String> + Clone) {
        self.build_bodies(ids.clone());
        for id in ids {
            self.set_open(id, true);
        }
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
