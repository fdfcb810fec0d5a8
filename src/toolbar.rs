//! The page tools: CSV download and "copy as text" of the rows shown, and the large-font
//! (适老化) mode, remembered across visits.

use leptos::prelude::*;
use leptos::task::spawn_local;
use page_logic::{rows_to_csv, rows_to_text, IndicatorRow};

use crate::browser;
use crate::state::{Announcements, BrowserState, ReportData, TableView};

const LARGE_FONT_KEY: &str = "report-page:large-font";
const FALLBACK_ID: &str = "copy-fallback-text";

/// Whether the reader turned large-font mode on in an earlier visit.
fn large_font_stored() -> bool {
    browser::stored(LARGE_FONT_KEY).as_deref() == Some("1")
}

/// Applies a remembered large-font mode before anything renders, so the loading skeleton is
/// already the size the page will be.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn apply_stored_large_font() {
    browser::set_root_class("large-font", large_font_stored());
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let data = expect_context::<ReportData>();
    let table = expect_context::<TableView>();
    let announce = expect_context::<Announcements>().announce;
    let live = expect_context::<BrowserState>().live;
    // The rows the table shows (the filter and sort), all of them, not only the rendered page.
    let shown_rows = move || -> Vec<IndicatorRow> {
        let rows = data.rows.get_value();
        table
            .view
            .with_untracked(|v| v.visible_rows(&rows))
            .into_iter()
            .filter_map(|i| rows.get(i).cloned())
            .collect()
    };
    // The page itself with the view shown: never `embed=1` (a copied or exported link opens the
    // full page, not the portal's frame) and nothing the view state does not know.
    let page_link = move || {
        let query = table.view.with_untracked(|v| v.to_query());
        format!("{}{query}", browser::page_url())
    };
    let download = move |_| {
        let rows = shown_rows();
        let refs: Vec<&IndicatorRow> = rows.iter().collect();
        let csv = data
            .report
            .with_value(|r| rows_to_csv(&r.meta, &page_link(), &refs));
        let name = data
            .report
            .with_value(|r| format!("{}-指标.csv", r.meta.title));
        match browser::download(&name, "text/csv;charset=utf-8", &csv) {
            Ok(()) => announce.set(format!("已生成表格文件，共 {} 项指标", rows.len())),
            Err(e) => announce.set(format!("{e}，请改用“复制为文本”")),
        }
    };
    let copied_text = RwSignal::new(None::<String>);
    let copy_status = RwSignal::new(String::new());
    let copy = move |_| {
        let rows = shown_rows();
        let refs: Vec<&IndicatorRow> = rows.iter().collect();
        let text = data
            .report
            .with_value(|r| rows_to_text(&r.meta, &page_link(), &refs));
        spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => {
                    copy_status.set(format!("已复制 {} 项指标", rows.len()));
                    copied_text.set(None);
                }
                Err(e) => {
                    // In-app browsers often refuse: show the text, selected, to copy by hand.
                    copy_status.set(format!("{e}，请手动复制下方文本"));
                    copied_text.set(Some(text));
                    request_animation_frame(|| browser::focus_and_select(FALLBACK_ID));
                }
            }
        });
    };

    // The stored choice (nothing natively); the button shows it once the browser's state is
    // applied, so that the take-over of the first paint matches it.
    let large = RwSignal::new(large_font_stored());
    let pressed = move || live.get() && large.get();
    Effect::new(move |_| browser::set_root_class("large-font", large.get()));
    let toggle_large = move |_| {
        let on = !large.get_untracked();
        large.set(on);
        browser::store(LARGE_FONT_KEY, if on { "1" } else { "0" });
    };

    view! {
        <div class="page-tools" role="group" aria-label="页面工具">
            <button type="button" class="secondary" id="download-csv" on:click=download>
                "下载表格（CSV）"
            </button>
            <button type="button" class="secondary" id="copy-text" on:click=copy>
                "复制为文本"
            </button>
            <button type="button" class="secondary" id="large-font"
                aria-pressed=move || if pressed() { "true" } else { "false" }
                on:click=toggle_large>
                "大字模式"
            </button>
            <span class="copy-status" role="status">{move || copy_status.get()}</span>
        </div>
        {move || copied_text.get().map(|text| view! {
            <label class="copy-fallback">"指标文本（全选后复制）"
                <textarea readonly rows="8" id=FALLBACK_ID prop:value=text></textarea>
            </label>
        })}
    }
}
