//! A row's "复制链接": its deep link, copied, or shown to copy by hand.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::browser;

/// The row's one share action: copies the indicator's deep link and says so. Where the browser
/// offers no clipboard (plain HTTP, some in-app browsers) the link is shown, selected, to copy
/// by hand. Printed, the row shows its fragment; the page's address is printed once above.
#[component]
pub(super) fn ShareLink(id: String, name: String) -> impl IntoView {
    let field_id = format!("share-{id}");
    let copied = RwSignal::new(None::<Result<(), String>>);
    // The page's address is the browser's: read when the reader asks, never while rendering
    // (the first paint is rendered without a browser, and the take-over must match it).
    let url = RwSignal::new(String::new());
    let copy = {
        let (id, field_id) = (id.clone(), field_id.clone());
        move |_| {
            let link = format!("{}#{id}", browser::page_url());
            url.set(link.clone());
            let field_id = field_id.clone();
            spawn_local(async move {
                let url = link;
                let result = browser::copy_text(&url).await;
                let failed = result.is_err();
                copied.set(Some(result));
                if failed {
                    request_animation_frame(move || browser::focus_and_select(&field_id));
                }
            });
        }
    };
    let status = move || match copied.get() {
        None => String::new(),
        Some(Ok(())) => "已复制链接".into(),
        Some(Err(e)) => format!("{e}，请手动复制下方链接"),
    };
    let label = format!("：{name}");
    let fallback = move || {
        matches!(copied.get(), Some(Err(_))).then(|| {
            view! {
                <input type="text" class="share-fallback" readonly id=field_id.clone()
                    aria-label=format!("{name}的链接") prop:value=move || url.get()/>
            }
        })
    };
    view! {
        <button type="button" class="link-button share-link" on:click=copy>
            "复制链接"<span class="visually-hidden">{label}</span>
        </button>
        <span class="row-fragment" aria-hidden="true">{format!("#{id}")}</span>
        <span class="copy-status" role="status">{status}</span>
        {fallback}
    }
}
