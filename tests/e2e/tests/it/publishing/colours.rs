//! Dark mode and forced colours: readable text, badges and links; bars, statuses and focus
//! stay visible.

use e2e::fantoccini::key::Key;
use e2e::page;
use e2e::{indicator_id_by_value, screenshot, served_report, Session};
use serde_json::Value;

use super::{chromium_only, open, COLOUR_JS};

/// The lowest text contrast for each selector (over its rendered elements), and the selectors
/// with nothing rendered.
async fn contrasts(s: &Session, selectors: &[&str]) -> Vec<(String, f64)> {
    let list = serde_json::to_string(selectors).unwrap_or_default();
    let result = s
        .js(&format!(
            r#"{COLOUR_JS}
            return {list}.map(sel => {{
                const els = [...document.querySelectorAll(sel)].filter(rendered).slice(0, 40);
                return [sel, els.length ? Math.min(...els.map(textContrast)) : -1];
            }})"#
        ))
        .await;
    result
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            (
                r[0].as_str().unwrap_or_default().to_string(),
                r[1].as_f64().unwrap_or(0.0),
            )
        })
        .collect()
}

/// Body text, muted text, status badges, links and buttons: every one at least 4.5:1.
const TEXT_SELECTORS: [&str; 22] = [
    "p.paragraph",
    ".report-meta span",
    ".section-title",
    ".section-count",
    ".summary-figure dt",
    ".summary-figure dd a",
    ".indicator-table td",
    ".indicator-table tr.is-target td",
    ".sort-button",
    ".kind",
    ".status-exceeded",
    ".status-lagging",
    ".status-unstated",
    ".share-link",
    ".row-actions a",
    ".link-button",
    "button.secondary",
    ".filters label",
    ".result-count",
    "a.figure",
    ".bar-value",
    ".bar-overflow-mark",
];

#[tokio::test(flavor = "current_thread")]
async fn dark_mode_follows_the_system_with_readable_text_badges_and_links() {
    if !chromium_only("dark mode") {
        return;
    }
    let id = indicator_id_by_value(&served_report(), "46", "微克/立方米");
    let (_server, s) = open(1280, 900, &format!("#{id}")).await;
    s.eventually("return document.activeElement.id", Value::from(id.clone()))
        .await;
    s.click(page::TOGGLE_ALL).await;

    for scheme in ["light", "dark"] {
        s.emulate_media("", &[("prefers-color-scheme", scheme)])
            .await;
        assert_eq!(
            s.js(&format!(
                "return matchMedia('(prefers-color-scheme: {scheme})').matches"
            ))
            .await,
            Value::Bool(true)
        );
        let background = s
            .js(&format!(
                "{COLOUR_JS} return lum(bgOf(document.querySelector('p.paragraph')))"
            ))
            .await
            .as_f64()
            .unwrap_or(-1.0);
        if scheme == "dark" {
            assert!(
                background < 0.05,
                "dark background has luminance {background}"
            );
        } else {
            assert!(
                background > 0.9,
                "light background has luminance {background}"
            );
        }
        for (sel, ratio) in contrasts(&s, &TEXT_SELECTORS).await {
            assert!(ratio >= 4.5, "{scheme}: {sel} has contrast {ratio:.2}");
        }
        // Primary buttons: the error page's retry is the only one; check its colours directly.
        let primary = s
            .js(&format!(
                r#"{COLOUR_JS}
                const b = document.createElement('button'); b.textContent = '重试';
                document.getElementById('app').append(b);
                const r = textContrast(b); b.remove(); return r"#
            ))
            .await
            .as_f64()
            .unwrap_or(0.0);
        assert!(primary >= 4.5, "{scheme}: primary button {primary:.2}");
    }
    screenshot(&s, "dark-1280").await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn in_forced_colours_bars_statuses_and_focus_stay_visible() {
    if !chromium_only("forced colours") {
        return;
    }
    let id = indicator_id_by_value(&served_report(), "46", "微克/立方米");
    let (_server, s) = open(1280, 900, &format!("#{id}")).await;
    s.eventually("return document.activeElement.id", Value::from(id.clone()))
        .await;
    s.emulate_media("", &[("forced-colors", "active")]).await;
    assert_eq!(
        s.js("return matchMedia('(forced-colors: active)').matches")
            .await,
        Value::Bool(true)
    );

    // Bars: the fill stands out from its track, which keeps an outline.
    let bars = s
        .js(&format!(
            r#"{COLOUR_JS}
            return [...document.querySelectorAll('.bar')].map(bar => {{
                const fill = getComputedStyle(bar.querySelector('.bar-fill'));
                const track = getComputedStyle(bar.querySelector('.bar-track'));
                const t = bgOf(bar.querySelector('.bar-track'));
                const f = over(parse(fill.backgroundColor), t);
                return [fill.backgroundColor !== 'rgba(0, 0, 0, 0)' && contrast(f, t) >= 3,
                        track.borderTopStyle === 'solid' && contrast(parse(track.borderTopColor), t) >= 3];
            }})"#
        ))
        .await;
    let bars = bars.as_array().cloned().unwrap_or_default();
    assert!(bars.len() > 5);
    for b in &bars {
        assert_eq!(b, &serde_json::json!([true, true]), "a bar is lost");
    }

    // Status: its text, inside a visible border.
    let statuses = s
        .js(&format!(
            r#"{COLOUR_JS}
            return [...document.querySelectorAll('.status')].filter(rendered).map(e => {{
                const c = getComputedStyle(e);
                const bg = bgOf(e);
                return [e.textContent.trim().length > 1, c.borderTopStyle === 'solid',
                        parseFloat(c.borderTopWidth) >= 1, contrast(parse(c.borderTopColor), bg) >= 3,
                        textContrast(e) >= 4.5];
            }})"#
        ))
        .await;
    let statuses = statuses.as_array().cloned().unwrap_or_default();
    assert!(statuses.len() > 5);
    for st in &statuses {
        assert_eq!(st, &serde_json::json!([true, true, true, true, true]));
    }

    // The deep-linked row keeps its outline (its background is gone in this mode).
    let target = s
        .js(&format!(
            r#"{COLOUR_JS}
            const c = getComputedStyle(document.getElementById('{id}'));
            return [c.outlineStyle, parseFloat(c.outlineWidth) >= 2,
                    contrast(parse(c.outlineColor), bgOf(document.body)) >= 3]"#
        ))
        .await;
    assert_eq!(target, serde_json::json!(["solid", true, true]));

    // Keyboard focus: a solid outline of a system colour that stands out.
    s.wait_for(page::DOWNLOAD_CSV)
        .await
        .send_keys(&Key::Shift.to_string())
        .await
        .expect("key");
    s.js("document.getElementById('download-csv').focus(); return 1")
        .await;
    s.client
        .active_element()
        .await
        .expect("focus")
        .send_keys(&Key::Tab.to_string())
        .await
        .expect("tab");
    let focus = s
        .js(&format!(
            r#"{COLOUR_JS}
            const e = document.activeElement, c = getComputedStyle(e);
            return [e.id, e.matches(':focus-visible'), c.outlineStyle, parseFloat(c.outlineWidth) >= 2,
                    contrast(parse(c.outlineColor), bgOf(e)) >= 3]"#
        ))
        .await;
    assert_eq!(
        focus,
        serde_json::json!(["copy-text", true, "solid", true, true])
    );
    screenshot(&s, "forced-colors-1280").await;
    s.close().await;
}
