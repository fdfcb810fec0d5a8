//! The page's root component and its load state.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use report_model::{Report, Section};
use wasm_bindgen::JsCast;

use crate::fetch::{load_report, report_src};

/// Where loading the report stands.
#[derive(Clone)]
enum Load {
    Loading,
    Failed(String),
    Ready(Arc<Report>),
}

/// Replaces the static placeholder in `#app` with the app.
pub fn mount() {
    let Some(root) = document().get_element_by_id("app") else {
        leptos::mount::mount_to_body(App);
        return;
    };
    root.set_inner_html("");
    leptos::mount::mount_to(root.unchecked_into(), App).forget();
}

#[component]
fn App() -> impl IntoView {
    let load = RwSignal::new(Load::Loading);
    let start = move || {
        load.set(Load::Loading);
        spawn_local(async move {
            let src = report_src();
            load.set(match load_report(&src).await {
                Ok(r) => Load::Ready(Arc::new(r)),
                Err(e) => Load::Failed(e),
            });
        });
    };
    start();
    move || match load.get() {
        Load::Loading => view! { <LoadingSkeleton/> }.into_any(),
        Load::Failed(message) => view! { <LoadError message retry=start/> }.into_any(),
        Load::Ready(report) => view! { <ReportView report/> }.into_any(),
    }
}

#[component]
fn LoadingSkeleton() -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p class="loading-note" role="status">"正在加载报告…"</p>
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

#[component]
fn ReportView(report: Arc<Report>) -> impl IntoView {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        doc.set_title(&report.meta.title);
    }
    let meta = report.meta.clone();
    view! {
        <header class="report-header">
            <h1>{meta.title}</h1>
            <p class="report-meta">
                {meta.published.map(|d| view! { "发布日期：" <time datetime=d.clone()>{d.clone()}</time> })}
                {meta.source.map(|s| view! { <span class="report-source">"来源：" {s}</span> })}
            </p>
        </header>
        <main class="report-body">
            {report.sections.iter().map(|s| view! { <SectionOutline section=s.clone()/> }).collect_view()}
        </main>
    }
}

#[component]
fn SectionOutline(section: Section) -> impl IntoView {
    view! {
        <section class="report-section" id=section.id.clone()>
            <h2>{section.numbered_title()}</h2>
        </section>
    }
}
