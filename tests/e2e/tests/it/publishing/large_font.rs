//! The large-font (适老化) mode: large, roomy, remembered, and it fits a phone.

use std::time::Duration;

use e2e::page;
use e2e::{screenshot, Browser};
use serde_json::Value;

use super::open;

#[tokio::test(flavor = "current_thread")]
async fn large_font_mode_is_large_roomy_remembered_and_fits_a_phone() {
    let (_server, s) = open(375, 812, "").await;
    let button = page::LARGE_FONT;
    assert_eq!(
        s.js("return document.getElementById('large-font').getAttribute('aria-pressed')")
            .await,
        Value::from("false")
    );
    s.click(button).await;
    let state = "return [document.documentElement.classList.contains('large-font'),
                         document.getElementById('large-font').getAttribute('aria-pressed'),
                         localStorage.getItem('report-page:large-font')]";
    s.eventually(state, serde_json::json!([true, "true", "1"]))
        .await;
    // All the text, not only the paragraphs.
    s.click(page::TOGGLE_ALL).await;

    // Every rendered text at least 18pt (24px), lines at least 1.3 apart.
    let small = s
        .js(r#"const bad = [];
            const walk = document.createTreeWalker(document.getElementById('app'), NodeFilter.SHOW_TEXT);
            while (walk.nextNode()) {
                const t = walk.currentNode;
                const el = t.parentElement;
                if (!t.textContent.trim() || el.closest('.visually-hidden, [hidden], option, thead')) continue;
                if (!el.getClientRects().length) continue;
                const c = getComputedStyle(el);
                const size = parseFloat(c.fontSize);
                const line = c.lineHeight === 'normal' ? 1.2 * size : parseFloat(c.lineHeight);
                if (size < 24 || line < 1.3 * size)
                    bad.push(`${el.tagName}.${el.className} ${size}/${c.lineHeight} ${t.textContent.slice(0, 12)}`);
            }
            return bad.slice(0, 20)"#)
        .await;
    assert_eq!(small, serde_json::json!([]), "text smaller than 24px");
    let body = s
        .js("const c = getComputedStyle(document.querySelector('p.paragraph')); return [parseFloat(c.fontSize), parseFloat(c.lineHeight) / parseFloat(c.fontSize)]")
        .await;
    assert!(body[0].as_f64().unwrap_or(0.0) >= 24.0, "{body}");
    assert!(body[1].as_f64().unwrap_or(0.0) >= 1.3, "{body}");

    // Tap targets at least 44×44 px: every button, menu, field and row link.
    let small_targets = s
        .js(r#"return [...document.querySelectorAll('button, select, input, .row-actions a')]
            .filter(e => e.getClientRects().length && !e.closest('.visually-hidden, thead'))
            .map(e => [e.tagName + ' ' + (e.id || e.className) + ' ' + e.textContent.slice(0, 8), e.getBoundingClientRect()])
            .filter(([, r]) => r.width < 44 || r.height < 44)
            .map(([n, r]) => `${n} ${Math.round(r.width)}×${Math.round(r.height)}`).slice(0, 20)"#)
        .await;
    assert_eq!(small_targets, serde_json::json!([]), "small tap targets");

    // Nothing scrolls sideways at 375 px, everything open.
    let sideways = s
        .js(r#"const d = document.documentElement;
            const wide = [...document.querySelectorAll('#app *')].filter(e => e.getBoundingClientRect().right > d.clientWidth + 1 && !e.closest('.visually-hidden, thead'))
                .map(e => e.tagName + '.' + e.className).slice(0, 10);
            return [d.scrollWidth > d.clientWidth, wide]"#)
        .await;
    assert_eq!(sideways, serde_json::json!([false, []]), "sideways scroll");
    s.js("window.scrollTo(0, 0); return 1").await;
    s.click(page::TOGGLE_ALL).await;
    s.js("window.scrollTo(0, 0); return 1").await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    screenshot(&s, "large-font-375").await;
    if Browser::from_env() == Browser::Chromium {
        s.js("document.querySelector('.indicator-table tbody .bar-overflow').closest('tr').scrollIntoView(); return 1")
            .await;
        screenshot(&s, "large-font-375-table").await;
    }

    // Remembered: a later visit starts in large-font mode.
    s.client.refresh().await.expect("reload");
    s.wait_for(page::ROWS).await;
    s.eventually(state, serde_json::json!([true, "true", "1"]))
        .await;
    // And switched off again.
    s.click(button).await;
    s.eventually(state, serde_json::json!([false, "false", "0"]))
        .await;
    let size = s
        .js("return parseFloat(getComputedStyle(document.querySelector('p.paragraph')).fontSize)")
        .await;
    assert_eq!(size.as_f64(), Some(16.0));
    s.close().await;
}
