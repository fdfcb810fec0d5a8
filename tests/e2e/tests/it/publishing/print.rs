//! Print: every section open, the whole table, no control, the rows behind 显示更多 rendered.

use std::collections::HashMap;

use base64::Engine as _;
use e2e::page;
use e2e::{
    all_indicators, dist_dir, save_artifact, screenshot_full_page, served_report, Override,
    Session, StaticServer,
};
use serde_json::Value;

use super::{chromium_only, open, COLOUR_JS, PREFIX};

#[tokio::test(flavor = "current_thread")]
async fn printed_every_section_is_open_the_whole_table_shows_and_no_control_does() {
    if !chromium_only("print") {
        return;
    }
    // An A4 page less its margins is 703 CSS px wide; the window adds a 15 px scrollbar.
    let (server, s) = open(718, 1000, "").await;
    assert_eq!(
        s.js("return document.documentElement.clientWidth").await,
        Value::from(703)
    );
    // Close a top-level section on screen: on paper it is open all the same.
    s.click(&page::section_button("s-1")).await;
    // On screen, closed panels take no room (and stay findable: no `display: none`).
    let closed_on_screen = s
        .js(
            r#"return [...document.querySelectorAll('.section-panel[hidden]')].map(p =>
            [p.getBoundingClientRect().height, getComputedStyle(p).contentVisibility])"#,
        )
        .await;
    let closed_on_screen = closed_on_screen.as_array().cloned().unwrap_or_default();
    assert!(!closed_on_screen.is_empty());
    for p in &closed_on_screen {
        assert_eq!(p, &serde_json::json!([0, "hidden"]), "a closed panel shows");
    }
    let total = all_indicators(&served_report()).len();
    s.emulate_media("print", &[]).await;
    assert_eq!(
        s.js("return matchMedia('print').matches").await,
        Value::Bool(true)
    );

    // Sections: every panel displayed, closed ones included, none empty.
    let panels = s
        .js(
            r#"return [...document.querySelectorAll('.section-panel')].filter(p => {
            const c = getComputedStyle(p);
            return c.display === 'none' || c.contentVisibility !== 'visible'
                || p.getBoundingClientRect().height < 10;
        }).map(p => p.id)"#,
        )
        .await;
    assert_eq!(panels, serde_json::json!([]), "panels not printed");
    let closed = s
        .js("return document.querySelectorAll('.section-panel[hidden]').length")
        .await;
    assert!(
        closed.as_u64().unwrap_or(0) > 0,
        "some panels are closed on screen"
    );

    // No controls: buttons (except those carrying a heading or a column name, shown as text),
    // filters, the page tools, the sort menu.
    let controls = s
        .js(r#"return [...document.querySelectorAll('button, select, input, textarea, .filters, .page-tools, .accordion-controls')]
            .filter(e => !e.matches('.section-toggle, .sort-button') && e.getClientRects().length > 0)
            .map(e => e.tagName + ' ' + e.textContent.slice(0, 20))"#)
        .await;
    assert_eq!(controls, serde_json::json!([]), "controls printed");
    let markers = s
        .js(
            r#"return [getComputedStyle(document.querySelector('.toggle-glyph')).display,
                       getComputedStyle(document.querySelector('.sort-glyph')).display]"#,
        )
        .await;
    assert_eq!(markers, serde_json::json!(["none", "none"]));

    // The whole table: every row rendered, nothing clipped sideways, rows kept whole.
    let table = s
        .js(r#"const rows = [...document.querySelectorAll('.indicator-table tbody tr')];
            const t = document.querySelector('.indicator-table').getBoundingClientRect();
            return [rows.length,
                    rows.filter(r => r.getClientRects().length > 0 && getComputedStyle(r).visibility === 'visible').length,
                    rows.filter(r => getComputedStyle(r).breakInside === 'avoid').length,
                    getComputedStyle(document.querySelector('.table-wrap')).overflowX,
                    t.right <= document.documentElement.clientWidth + 1]"#)
        .await;
    assert_eq!(
        table,
        serde_json::json!([total, total, total, "visible", true])
    );

    // Bars readable in greyscale: a dark fill on a white, outlined track, printed as is; lagging
    // ones striped.
    let bars = s
        .js(&format!(
            r#"{COLOUR_JS}
            return [...document.querySelectorAll('.bar')].map(bar => {{
                const fill = getComputedStyle(bar.querySelector('.bar-fill'));
                const track = getComputedStyle(bar.querySelector('.bar-track'));
                const exact = (fill.printColorAdjust || fill.webkitPrintColorAdjust) === 'exact';
                const lagging = bar.classList.contains('bar-lagging');
                const fc = lagging ? [34 / 255, 34 / 255, 34 / 255, 1] : parse(fill.backgroundColor);
                const striped = !lagging || fill.backgroundImage.includes('rgb(34, 34, 34)');
                return [contrast(fc, parse(track.backgroundColor)) >= 3, exact, striped,
                        track.borderTopStyle === 'solid'];
            }})"#
        ))
        .await;
    let bars = bars.as_array().cloned().unwrap_or_default();
    assert!(bars.len() > 5, "{bars:?}");
    for b in &bars {
        assert_eq!(b, &serde_json::json!([true, true, true, true]));
    }

    // The page's address (with the view's query) is printed once, with the filters in force;
    // each row prints its fragment beside it, not a full address.
    let context = s
        .js("const p = document.querySelector('.print-context');
             return [getComputedStyle(p).display, p.textContent]")
        .await;
    assert_eq!(context[0], "block", "{context}");
    let context_text = context[1].as_str().unwrap_or_default();
    assert!(context_text.contains(&server.url("")), "{context_text}");
    let fragments = s
        .js("return [...document.querySelectorAll('.indicator-table tbody tr')].map(r => {
                 const f = r.querySelector('.row-fragment');
                 return f && getComputedStyle(f).display !== 'none' && f.textContent === '#' + r.id; })")
        .await;
    assert!(
        fragments
            .as_array()
            .is_some_and(|f| !f.is_empty() && f.iter().all(|x| x == true)),
        "{fragments}"
    );
    let source_links = s
        .js("return [...document.querySelectorAll('.row-actions a')].filter(a => a.getClientRects().length).length")
        .await;
    assert_eq!(source_links, Value::from(0));
    // Black on white, whatever the screen scheme.
    let ink = s
        .js("const c = getComputedStyle(document.body); return [c.color, c.backgroundColor]")
        .await;
    assert_eq!(
        ink,
        serde_json::json!(["rgb(0, 0, 0)", "rgb(255, 255, 255)"])
    );

    // For people to look at: the printed layout as one picture, and the real print as a PDF.
    screenshot_full_page(&s, "print-full").await;
    let pdf = s
        .cdp(
            "Page.printToPDF",
            serde_json::json!({ "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": true }),
        )
        .await;
    let pdf = base64::engine::general_purpose::STANDARD
        .decode(pdf["data"].as_str().unwrap_or_default())
        .expect("PDF as base64");
    assert!(pdf.starts_with(b"%PDF"));
    save_artifact("print.pdf", &pdf);
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn printing_renders_the_rows_hidden_behind_show_more() {
    // A report with more indicators than one rendered page (PAGE_SIZE = 200).
    let mut report = served_report();
    let extra: Vec<Value> = (0..260)
        .map(|n| {
            serde_json::json!({
                "id": format!("i-extra-{n:03}"),
                "name": format!("附加指标{n}"),
                "section_id": "s-3",
                "kind": "qualitative",
                "status": "unstated",
                "source": { "start": 0, "end": 4 }
            })
        })
        .collect();
    report["sections"][2]["indicators"] = Value::from(extra);
    let total = all_indicators(&report).len();
    let server = StaticServer::with_overrides(
        dist_dir(),
        PREFIX,
        HashMap::from([(
            "report.json".to_string(),
            Override::new(200, "application/json", report.to_string()),
        )]),
    );
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url("")).await.expect("open page");
    s.wait_for(page::ROWS).await;
    let rows = page::ROW_COUNT;
    assert_eq!(s.js(rows).await, Value::from(200));
    assert_eq!(s.texts(page::SHOW_MORE).await.len(), 1);
    // What the browser fires before it lays the page out for printing.
    s.js("window.dispatchEvent(new Event('beforeprint')); return 1")
        .await;
    s.eventually(rows, Value::from(total)).await;
    assert!(s.texts(page::SHOW_MORE).await.is_empty());
    s.close().await;
}
