//! The app's components rendered to HTML natively (`ssr`): the first paint the build inlines
//! into index.html, which the browser takes over in place, and the no-JavaScript page
//! report.html. There is no second renderer: what the reader sees before the app starts, and
//! without JavaScript, is the app's own view.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use report_model::Report;

use crate::app::{App, Load};
use crate::render_mode::Render;

/// The markers in the built `index.html` between which [`inline_into_page`] puts `#app`.
pub const INLINE_START: &str = "<!-- report:start -->";
pub const INLINE_END: &str = "<!-- report:end -->";

/// The app's stylesheet, inlined into report.html (index.html gets it from Trunk).
const STYLE: &str = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/style/main.css"));

/// Parses a report.json and checks it as the page would (schema version, then the model's
/// rules); the error is one line.
pub fn parse_report(text: &str) -> Result<Report, String> {
    #[derive(serde::Deserialize)]
    struct VersionOnly {
        schema_version: Option<String>,
    }
    if let Ok(VersionOnly {
        schema_version: Some(v),
    }) = serde_json::from_str::<VersionOnly>(text)
    {
        report_model::check_schema_version(&v)?;
    }
    let report: Report =
        serde_json::from_str(text).map_err(|e| format!("invalid report JSON: {e}"))?;
    let problems = report_model::validate(&report);
    if let Some(p) = problems.first() {
        return Err(format!(
            "the report is invalid ({} problem(s)); first: {p}",
            problems.len()
        ));
    }
    Ok(report)
}

/// The reactive system's executor for a one-shot render: nothing that is spawned (the
/// effects' tasks, which do not run on a server) needs to run.
struct DropAll;

impl any_spawner::CustomExecutor for DropAll {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The app's view of `report` as HTML: what goes inside `#app`.
pub fn render_app(report: &Report, render: Render) -> String {
    assert!(
        !render.in_browser(),
        "a native render is the first paint or report.html"
    );
    // Already set (a second render in this process) is fine.
    let _ = any_spawner::Executor::init_custom_executor(DropAll);
    let report = Arc::new(report.clone());
    // A server's shared context: the components know they are not in a browser.
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    let html = owner.with(move || {
        view! { <App load=Load::Ready(report) render/> }
            .into_view()
            .to_html()
    });
    owner.unset();
    // Tachys' placeholders, `<!>`, are empty comments to the HTML parser but a parse error to
    // the validator: the same empty comment node, written validly.
    html.replace("<!>", "<!---->")
}

/// The first paint: `#app` holding the app's first view of the report, marked for the
/// take-over with the fingerprint of `text`, the report.json it was rendered from.
pub fn first_paint(report: &Report, text: &str) -> String {
    format!(
        "<div id=\"app\" data-render=\"hydrate\" data-report=\"{}\">{}</div>",
        page_logic::report_fingerprint(text),
        render_app(report, Render::FirstPaint)
    )
}

/// Puts the first paint of `report` (parsed from `text`) into `page`, the built index.html,
/// between [`INLINE_START`] and [`INLINE_END`] (replacing what was there), and its title and
/// description into the head. Running it again with another report swaps the rendering.
pub fn inline_into_page(page: &str, report: &Report, text: &str) -> Result<String, String> {
    let (Some(start), Some(end)) = (page.find(INLINE_START), page.find(INLINE_END)) else {
        return Err(format!(
            "the page has no {INLINE_START} … {INLINE_END} markers to put the report between"
        ));
    };
    let body_start = start + INLINE_START.len();
    if end < body_start {
        return Err(format!("{INLINE_END} comes before {INLINE_START}"));
    }
    let mut out = String::with_capacity(page.len() + 256 * 1024);
    out.push_str(&page[..body_start]);
    out.push_str(&first_paint(report, text));
    out.push_str(&page[end..]);
    Ok(with_head(out, report))
}

/// The no-JavaScript page: the app's view with every section body and every row, the app's
/// stylesheet, no script.
pub fn document(report: &Report) -> String {
    let page = format!(
        "<!DOCTYPE html>\n<html lang=\"zh-CN\" class=\"static-page\">\n<head>\n\
         <meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <title></title>\n<meta name=\"description\" content=\"\">\n\
         <link rel=\"icon\" href=\"data:,\">\n<style>\n{STYLE}</style>\n</head>\n<body>\n\
         <div id=\"app\">{}</div>\n</body>\n</html>\n",
        render_app(report, Render::Full)
    );
    with_head(page, report)
}

/// `page` with the report's title and description in its head.
fn with_head(mut page: String, report: &Report) -> String {
    if let (Some(t0), Some(t1)) = (page.find("<title>"), page.find("</title>")) {
        if t0 < t1 {
            page.replace_range(t0 + "<title>".len()..t1, &escape(&report.meta.title));
        }
    }
    const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
    if let Some(d0) = page.find(DESCRIPTION).map(|i| i + DESCRIPTION.len()) {
        if let Some(len) = page[d0..].find('"') {
            page.replace_range(d0..d0 + len, &escape(&page_logic::page_description(report)));
        }
    }
    page
}

/// Escapes text for HTML element content and quoted attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seed_text() -> &'static str {
        include_str!("../public/report.json")
    }

    fn seed() -> Report {
        parse_report(seed_text()).expect("the published report parses")
    }

    fn page() -> String {
        format!("<html><head><title>x</title></head><body>{INLINE_START}<div id=\"app\"></div>{INLINE_END}</body></html>")
    }

    #[test]
    fn inlining_replaces_what_is_between_the_markers_and_sets_the_title() {
        let report = seed();
        let once = inline_into_page(&page(), &report, seed_text()).expect("inline");
        assert!(once.contains(&first_paint(&report, seed_text())));
        assert!(once.contains(&format!("<title>{}</title>", escape(&report.meta.title))));
        assert!(once.ends_with(&format!("{INLINE_END}</body></html>")));
        assert_eq!(
            inline_into_page(&once, &report, seed_text()).as_deref(),
            Ok(once.as_str())
        );
        assert!(inline_into_page("<html></html>", &report, seed_text()).is_err());
    }

    #[test]
    fn the_first_paint_and_report_html_are_the_same_view() {
        let report = seed();
        let first = render_app(&report, Render::FirstPaint);
        let full = document(&report);
        for s in report.sections_flat() {
            let title = escape(&s.numbered_title());
            assert!(first.contains(&title) && full.contains(&title), "{title}");
        }
        for p in report.sections_flat().iter().flat_map(|s| &s.paragraphs) {
            let id = format!("id=\"{}\"", p.id);
            assert!(first.contains(&id) && full.contains(&id), "{id}");
        }
        for i in report.indicators() {
            let id = format!("<tr id=\"{}\"", i.id);
            assert!(first.contains(&id) && full.contains(&id), "{id}");
        }
        // No style attribute: both run under a policy without 'unsafe-inline' for styles.
        assert!(!first.contains(" style=") && !full.contains(" style="));
        assert!(!full.contains("<script"));
    }

    #[test]
    fn a_very_large_reports_first_paint_is_the_apps_first_frame() {
        let text = reportc::synthetic_report_text(200, 10_000, 1);
        let report = reportc::convert_bytes(text.as_bytes(), &Default::default())
            .expect("convert")
            .report;
        let json = reportc::to_json(&report);
        let first = first_paint(&report, &json);
        let paragraphs = report
            .sections_flat()
            .iter()
            .map(|s| s.paragraphs.len())
            .sum::<usize>();
        let painted = first.matches("class=\"paragraph\"").count();
        // The first chunk of the text and a page of rows: what the app's first frame builds,
        // so that it hydrates them.
        assert!(
            painted > 0 && painted < paragraphs,
            "{painted} of {paragraphs}"
        );
        let rows = first.split("<tbody>").nth(1).unwrap_or_default();
        let rows = rows.split("</tbody>").next().unwrap_or_default();
        assert_eq!(
            rows.matches("<tr ").count(),
            crate::state::TableView::PAGE_SIZE.min(report.indicators().len()),
            "{} indicators, {} rows in report.html",
            report.indicators().len(),
            render_app(&report, Render::Full).matches("<tr id=").count()
        );
        // Every top-level section's heading (sub-sections are in the bodies still to build).
        let toggles = first.matches("class=\"section-toggle\"").count();
        assert!(toggles >= report.sections.len(), "{toggles}");
        assert!(first.len() < 1024 * 1024, "{} bytes", first.len());
        // report.html has it all.
        let full = render_app(&report, Render::Full);
        assert_eq!(full.matches("class=\"paragraph\"").count(), paragraphs);
    }

    #[test]
    fn report_text_stays_text() {
        let mut report = seed();
        report.meta.title = "<script>alert(1)</script>".into();
        let page = document(&report);
        assert!(!page.contains("<script>alert"));
        assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    }
}
