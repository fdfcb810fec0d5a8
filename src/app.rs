//! The page's root component and its load state.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use report_model::Report;
use wasm_bindgen::JsCast;

use crate::fetch::{load_report, report_src};
use crate::page::ReportPage;

/// Where loading the report stands.
#[derive(Clone)]
enum Load {
    Loading,
    Failed(String),
    Ready(Arc<Report>),
}

/// Starts the app in `#app`. The report's static rendering, when the build put one there
/// (`reportc inline`), stays on screen until the report is loaded: it is what the reader sees
/// (and the largest paint) while the app starts.
pub fn mount() {
    let Some(root) = document().get_element_by_id("app") else {
        leptos::mount::mount_to_body(App);
        return;
    };
    if !crate::browser::has_static_report() {
        root.set_inner_html("");
    }
    leptos::mount::mount_to(root.unchecked_into(), App).forget();
}

#[component]
fn App() -> impl IntoView {
    crate::browser::mark("app-start");
    let load = RwSignal::new(Load::Loading);
    let start = move || {
        load.set(Load::Loading);
        spawn_local(async move {
            let src = report_src();
            let loaded = load_report(&src).await;
            crate::browser::mark("report-parsed");
            load.set(match loaded {
                Ok(r) => Load::Ready(Arc::new(r)),
                Err(e) => Load::Failed(e),
            });
        });
    };
    start();
    // Read once: the static report is removed for good when the report arrives.
    let static_report = crate::browser::has_static_report();
    move || {
        let state = load.get();
        if !matches!(state, Load::Loading) {
            // The app's own page (or message) takes the static rendering's place, in one frame.
            crate::browser::remove_static_report();
        }
        match state {
            Load::Loading if static_report => ().into_any(),
            Load::Loading => view! { <LoadingSkeleton/> }.into_any(),
            Load::Failed(message) => view! { <LoadError message retry=start/> }.into_any(),
            Load::Ready(report) => view! { <ReportPage report/> }.into_any(),
        }
    }
}

#[component]
fn LoadingSkeleton() -> impl IntoView {
    view! {
        // Reserves the space of what is coming, so nothing jumps when the report arrives.
        <div class="skeleton" aria-busy="true">
            <p class="visually-hidden" role="status">"正在加载报告…"</p>
            <div class="skeleton-block skeleton-title"></div>
            <div class="skeleton-block skeleton-meta"></div>
            <div class="skeleton-block skeleton-headline"></div>
            <div class="skeleton-block skeleton-section"></div>
            <div class="skeleton-block skeleton-section"></div>
            <div class="skeleton-block skeleton-section"></div>
            <div class="skeleton-block skeleton-table"></div>
        </div>
    }
}

#[component]
fn LoadError(message: String, retry: impl Fn() + Copy + 'static) -> impl IntoView {
    view! {
        <div class="notice notice-error" role="alert">
            <h1>"报告暂时无法显示"</h1>
            <p class="error-message">{message}</p>
            <button type="button" on:click=move |_| retry()>"重试"</button>
        </div>
    }
}
