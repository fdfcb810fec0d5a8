//! The page tools: CSV download and "copy as text" of the rows shown, and the large-font
//! (适老化) mode, remembered across visits.

use leptos::prelude::*;
use leptos::task::spawn_local;
use report_view::{rows_to_csv, rows_to_text, IndicatorRow};

use crate::browser;
use crate::page::PageState;

const LARGE_FONT_KEY: &str = "report-page:large-font";

#[component]
pub fn PageTools() -> impl IntoView {
    let state = expect_context::<PageState>();
    // The rows the table shows (the filter and sort), all of them, not only the rendered page.
    let shown_rows = move || -> Vec<IndicatorRow> {
        let rows = state.rows.get_value();
        state
            .view
            .with_untracked(|v| v.visible_rows(&rows))
            .into_iter()
            .filter_map(|i| rows.get(i).cloned())
            .collect()
    };
    let page_link = move || format!("{}{}", browser::page_url(), browser::query());
    let download = move |_| {
        let rows = shown_rows();
        let refs: Vec<&IndicatorRow> = rows.iter().collect();
        let csv = state
            .report
            .with_value(|r| rows_to_csv(&r.meta, &page_link(), &refs));
        let name = state
            .report
            .with_value(|r| format!("{}-指标.csv", r.meta.title));
        if let Err(e) = browser::download(&name, "text/csv;charset=utf-8", &csv) {
            state.announce.set(format!("{e}，请改用“复制为文本”"));
        }
    };
    let copied_text = RwSignal::new(None::<String>);
    let copy_status = RwSignal::new(String::new());
    let copy = move |_| {
        let rows = shown_rows();
        let refs: Vec<&IndicatorRow> = rows.iter().collect();
        let text = state
            .report
            .with_value(|r| rows_to_text(&r.meta, &page_link(), &refs));
        spawn_local(async move {
            match browser::copy_text(&text).await {
                Ok(()) => {
                    copy_status.set(format!("已复制 {} 项指标", rows.len()));
                    copied_text.set(None);
                }
                Err(e) => {
                    // In-app browsers often refuse: show the text to copy by hand.
                    copy_status.set(format!("{e}，请手动复制下方文本"));
                    copied_text.set(Some(text));
                }
            }
        });
    };
    let large = RwSignal::new(browser::stored(LARGE_FONT_KEY).as_deref() == Some("1"));
    Effect::new(move |_| {
        let on = large.get();
        browser::set_root_class("large-font", on);
        browser::store(LARGE_FONT_KEY, if on { "1" } else { "0" });
    });
    view! {
        <div class="page-tools" role="group" aria-label="页面工具">
            <button type="button" class="secondary" id="download-csv" on:click=download>
                "下载表格（CSV）"
            </button>
            <button type="button" class="secondary" id="copy-text" on:click=copy>
                "复制为文本"
            </button>
            <button type="button" class="secondary" id="large-font"
                aria-pressed=move || if large.get() { "true" } else { "false" }
                on:click=move |_| large.update(|l| *l = !*l)>
                "大字模式"
            </button>
            <span class="copy-status" role="status">{move || copy_status.get()}</span>
        </div>
        {move || copied_text.get().map(|text| view! {
            <label class="copy-fallback">"指标文本（全选后复制）"
                <textarea readonly rows="8" id="copy-fallback-text">{text}</textarea>
            </label>
        })}
    }
}
