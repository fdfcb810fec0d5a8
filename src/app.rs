//! The page's root component, its load state, and how the app starts in the browser.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use report_model::Report;

use crate::fetch::{load_report, report_src};
use crate::page::ReportPage;
use crate::render_mode::Render;

/// Where loading the report stands.
#[derive(Clone)]
pub enum Load {
    Loading,
    Failed(String),
    Ready(Arc<Report>),
}

/// The attribute on `#app` saying how the page is to start: `hydrate` (the build rendered
/// the report there) or `client` (render afresh; boot.js sets it when a take-over failed).
#[cfg(target_arch = "wasm32")]
const RENDER_ATTR: &str = "data-render";
/// The attribute on `#app` with the fingerprint of the report.json it was rendered from.
#[cfg(target_arch = "wasm32")]
const REPORT_ATTR: &str = "data-report";

/// Starts the app in the browser.
pub fn start() {
    if !crate::browser::in_browser() {
        eprintln!("report-page runs in the browser; the build step is `render` (feature ssr)");
        return;
    }
    start_in_browser();
}

#[cfg(target_arch = "wasm32")]
fn start_in_browser() {
    use wasm_bindgen::JsCast;
    set_panic_hook();
    crate::toolbar::apply_stored_large_font();
    let Some(root) = crate::browser::document().and_then(|d| d.get_element_by_id("app")) else {
        leptos::mount::mount_to_body(|| view! { <App load=Load::Loading render=Render::Client/> });
        crate::embed::start();
        return;
    };
    let root: web_sys::HtmlElement = root.unchecked_into();
    let rendered = root
        .get_attribute(RENDER_ATTR)
        .filter(|m| m == "hydrate")
        .and(root.get_attribute(REPORT_ATTR));
    match rendered {
        #[cfg(feature = "hydrate")]
        Some(expected) => wasm_bindgen_futures::spawn_local(async move {
            take_over(root, expected).await;
        }),
        _ => mount_fresh(root, Load::Loading),
    }
}

/// Fetches the report; when it is the one the page was rendered from, takes the rendered page
/// over in place; otherwise renders afresh (with the report, or the error, just loaded).
#[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
async fn take_over(root: web_sys::HtmlElement, expected: String) {
    let loaded = crate::fetch::load_report_with(&report_src(), true).await;
    crate::browser::mark("report-parsed");
    match loaded {
        Ok((report, Some(print))) if print == expected => {
            let report = Arc::new(report);
            leptos::mount::hydrate_from(root, move || {
                view! { <App load=Load::Ready(report) render=Render::Hydrate/> }
            })
            .forget();
            crate::embed::start();
        }
        Ok((report, _)) => {
            web_sys::console::info_1(
                &"report page: report.json is not the report this page was rendered from; \
                  rendering it afresh (run the build's `render` step after publishing a report)"
                    .into(),
            );
            mount_fresh(root, Load::Ready(Arc::new(report)));
        }
        Err(message) => mount_fresh(root, Load::Failed(message)),
    }
}

/// Clears `#app` (the rendered page, or the loading note) and renders the app into it.
#[cfg(target_arch = "wasm32")]
fn mount_fresh(root: web_sys::HtmlElement, load: Load) {
    let _ = root.set_attribute(RENDER_ATTR, "client");
    root.set_inner_html("");
    leptos::mount::mount_to(root, move || view! { <App load render=Render::Client/> }).forget();
    crate::embed::start();
}

/// Panics reach the console with their message, and boot.js hears of them: a panic while
/// taking over the rendered page (a hydration mismatch) makes it start a fresh instance that
/// renders the page afresh. `panic = "abort"` then stops this instance.
#[cfg(target_arch = "wasm32")]
fn set_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(w) = web_sys::window() {
            if let Ok(event) = web_sys::Event::new("report-page:panic") {
                let _ = w.dispatch_event(&event);
            }
        }
    }));
}

#[cfg(not(target_arch = "wasm32"))]
fn start_in_browser() {}

/// The whole app: the report page, or while it loads a skeleton, or the error.
#[component]
pub fn App(load: Load, render: Render) -> impl IntoView {
    crate::browser::mark("app-start");
    let fetch_now = matches!(load, Load::Loading);
    let load = RwSignal::new(load);
    let start = move || {
        load.set(Load::Loading);
        spawn_local(async move {
            let loaded = load_report(&report_src()).await;
            crate::browser::mark("report-parsed");
            load.set(match loaded {
                Ok(r) => Load::Ready(Arc::new(r)),
                Err(e) => Load::Failed(e),
            });
        });
    };
    if fetch_now && render.in_browser() {
        start();
    }
    move || match load.get() {
        Load::Loading => view! { <LoadingSkeleton/> }.into_any(),
        Load::Failed(message) => view! { <LoadError message retry=start/> }.into_any(),
        Load::Ready(report) => view! { <ReportPage report render/> }.into_any(),
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
            <div class="skeleton-block skeleton-summary"></div>
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
