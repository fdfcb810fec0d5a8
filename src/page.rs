//! The loaded report page: it makes the page's state, provides each concern as its own
//! context, keeps it in step with the browser (back/forward, the fragment, printing, the
//! take-over's browser state), and composes the page's parts.

use std::sync::Arc;
use std::time::Duration;

use leptos::prelude::*;
use report_model::Report;

use crate::browser;
use crate::deep_link::DeepLink;
use crate::print;
use crate::render_mode::Render;
use crate::sections::SectionTree;
use crate::skip_links::SkipLinks;
use crate::state::{
    url_view, Announcements, BrowserState, FigureTip, LinkTarget, Outline, ReportData, TableView,
};
use crate::summary::SummaryFigures;
use crate::table::IndicatorTable;
use crate::toolbar::Toolbar;

/// The whole page for a loaded report.
#[component]
pub fn ReportPage(report: Arc<Report>, render: Render) -> impl IntoView {
    browser::set_title(&report.meta.title);
    let outline = Outline::new(&report, render);
    let table = TableView::new(&report, render);
    let browser_state = BrowserState::new(render);
    let announcements = Announcements::new();
    let target = LinkTarget::new();
    let meta = report.meta.clone();
    let data = ReportData::new(report);
    provide_context(data);
    provide_context(outline);
    provide_context(table);
    provide_context(browser_state);
    provide_context(announcements);
    provide_context(target);
    provide_context(FigureTip::new());
    let link = DeepLink::new(data, outline, table, target, announcements);

    // Back/forward: restore the filter and sort the URL records, and follow its fragment.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        table.restore(data.report.with_value(|r| url_view(r)));
        link.follow();
    });
    print::show_everything_when_printed(table, outline);
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| link.follow());
    on_cleanup(move || {
        popstate.remove();
        hashchange.remove();
    });
    // After the first render (or the take-over) is in the DOM.
    browser::after_frame(move || {
        if render == Render::Hydrate {
            apply_browser_state(data, table, browser_state);
        }
        browser::mark("report-ready");
        link.follow();
        // After this frame is painted: the rest of the table, and of the text.
        set_timeout(
            move || {
                table.uncap();
                outline.build_pending();
            },
            Duration::ZERO,
        );
    });

    view! {
        <SkipLinks/>
        <header class="report-header">
            <h1>{meta.title}</h1>
            <p class="report-meta">
                {meta.published.map(|d| view! {
                    <span>"发布日期：" <time datetime=d.clone()>{d.clone()}</time></span>
                })}
                {meta.source.map(|s| view! { <span class="report-source">"来源：" {s}</span> })}
            </p>
        </header>
        <Toolbar/>
        <PageNotice/>
        <p class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">
            {move || announcements.announce.get()}
        </p>
        <main class="report-body">
            <SummaryFigures/>
            <SectionTree/>
            <IndicatorTable/>
        </main>
    }
}

/// After the take-over of the first paint: the browser's state, which the first paint could
/// not know (the page's address, the URL's filter and sort; the fragment follows). The
/// result count is announced only for changes made once the page is live, so applying the
/// URL's view is not announced.
fn apply_browser_state(data: ReportData, table: TableView, browser_state: BrowserState) {
    browser_state.page_url.set(browser::page_url());
    table.restore(data.report.with_value(|r| url_view(r)));
    browser_state.live.set(true);
}

/// A dismissable notice, e.g. for a deep link to an id the report does not have.
#[component]
fn PageNotice() -> impl IntoView {
    let notice = expect_context::<Announcements>().notice;
    move || {
        notice.get().map(|text| {
            view! {
                <div class="notice page-notice" role="status">
                    <p>{text}</p>
                    <button type="button" class="secondary" on:click=move |_| notice.set(None)>
                        "知道了"
                    </button>
                </div>
            }
        })
    }
}
