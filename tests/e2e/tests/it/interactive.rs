//! The interactive page in a real browser: accordion, figure marks, summary figures, indicator table
//! (filter, sort, URL state, history), progress bars, deep links and the phone layout.

use e2e::fantoccini::key::Key;
use e2e::page;
use e2e::{
    all_indicators, all_paragraphs, indicator_id_by_value, screenshot, served_report, Session,
    StaticServer,
};
use serde_json::Value;

async fn open(width: u32, height: u32, path: &str) -> (StaticServer, Session) {
    e2e::open_built("/gov/report/", width, height, path).await
}

#[tokio::test(flavor = "current_thread")]
async fn sections_follow_the_accordion_pattern_and_expand_all() {
    let (_server, s) = open(1280, 900, "").await;
    // Heading levels follow the tree without gaps: 一、 in h2, （一） in h3, and 1. directly
    // under 三、 in h3 too.
    assert!(s
        .texts("h2.section-heading .section-title")
        .await
        .contains(&"一、总体情况".to_string()));
    assert!(s
        .texts("h3.section-heading .section-title")
        .await
        .contains(&"（一）高质量发展".to_string()));
    let h3 = s.texts("h3.section-heading .section-title").await;
    assert!(
        h3.iter().any(|t| t.contains("总消费增速进展相对滞后")),
        "{h3:?}"
    );
    let h4 = s
        .js("return document.querySelectorAll('h4, h5, h6').length")
        .await;
    assert_eq!(
        h4,
        serde_json::Value::from(0),
        "the seed is two levels deep"
    );

    // Every toggle controls an existing panel, and aria-expanded matches the panel's state.
    let ok = s
        .js(
            r#"return [...document.querySelectorAll('.section-toggle')].every(b => {
            const p = document.getElementById(b.getAttribute('aria-controls'));
            return p && (b.getAttribute('aria-expanded') === 'true') === !p.hasAttribute('hidden');
        })"#,
        )
        .await;
    assert_eq!(ok, Value::Bool(true));

    // A closed sub-section opens and closes with its button; closed content stays findable.
    let (button, panel) = (page::section_button("s-2-1"), page::section_panel("s-2-1"));
    assert_eq!(
        s.attr(&button, "aria-expanded").await.as_deref(),
        Some("false")
    );
    assert_eq!(
        s.attr(&panel, "hidden").await.as_deref(),
        Some("until-found")
    );
    s.click(&button).await;
    assert_eq!(
        s.attr(&button, "aria-expanded").await.as_deref(),
        Some("true")
    );
    assert_eq!(s.attr(&panel, "hidden").await, None);
    // Keyboard: Enter on the focused button closes it again.
    s.wait_for(&button)
        .await
        .send_keys(&Key::Enter.to_string())
        .await
        .expect("enter");
    assert_eq!(
        s.attr(&button, "aria-expanded").await.as_deref(),
        Some("false")
    );

    // Find-in-page fires `beforematch` on the closed panel: it opens.
    s.js(
        "document.getElementById('panel-s-2-2').dispatchEvent(new Event('beforematch')); return 1",
    )
    .await;
    assert_eq!(
        s.attr(&page::section_button("s-2-2"), "aria-expanded")
            .await
            .as_deref(),
        Some("true")
    );

    // 展开全部 opens every section and flips to 收起全部.
    assert_eq!(s.texts(page::TOGGLE_ALL).await, vec!["展开全部"]);
    s.click(page::TOGGLE_ALL).await;
    assert_eq!(s.texts(page::TOGGLE_ALL).await, vec!["收起全部"]);
    let closed = s
        .js("return document.querySelectorAll('.section-panel[hidden]').length")
        .await;
    assert_eq!(closed, Value::from(0));
    s.click(page::TOGGLE_ALL).await;
    let closed = s
        .js("return document.querySelectorAll('.section-panel[hidden]').length")
        .await;
    let total = s
        .js("return document.querySelectorAll('.section-panel').length")
        .await;
    assert_eq!(closed, total);
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn every_paragraph_is_on_the_page_and_section_counts_match_the_json() {
    let report = served_report();
    let (_server, s) = open(1280, 900, "").await;
    // Closed sections' text is built in the tasks after the first paint.
    s.eventually(
        "return document.querySelectorAll('p.paragraph').length",
        Value::from(all_paragraphs(&report).len()),
    )
    .await;
    // The text is rendered exactly: the paragraph, less its (hidden) figure tooltips, is the
    // JSON text character for character.
    let first = &report["sections"][0]["paragraphs"][0]["text"];
    let text = s.paragraph_text("p.paragraph").await;
    assert_eq!(&text, first);
    // 二、's header counts the indicators of all its sub-sections.
    let in_s2: usize = all_indicators(&report)
        .iter()
        .filter(|i| {
            i["section_id"]
                .as_str()
                .is_some_and(|id| id.starts_with("s-2-") || id == "s-2")
        })
        .count();
    let label = s.texts("#btn-s-2 .section-count").await;
    assert_eq!(label, vec![format!("{in_s2} 项指标")]);
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn summary_figures_come_from_the_report() {
    let (_server, s) = open(1280, 900, "").await;
    let figures = s.texts(".summary-figure dd").await;
    // As published: "有43能够完成" carries no unit.
    for f in ["45项", "43", "95.56%", "2项", "7个"] {
        assert!(figures.iter().any(|t| t == f), "{f} not in {figures:?}");
    }
    let bar = ".summary [role=progressbar]";
    assert_eq!(s.attr(bar, "aria-valuenow").await.as_deref(), Some("95.56"));
    assert!(s
        .attr(bar, "aria-valuetext")
        .await
        .unwrap_or_default()
        .contains("95.56%"));
    let lagging = s.texts(".summary-lagging a").await;
    assert_eq!(lagging.len(), 2, "{lagging:?}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_figure_in_the_text_shows_its_indicator_and_links_to_its_row() {
    let report = served_report();
    let id = indicator_id_by_value(&report, "37814", "亩");
    let (_server, s) = open(1280, 900, "").await;
    s.click(&page::section_button("s-2-1")).await;
    let figure = s.wait_for(&page::figure_mark(&id)).await;
    assert_eq!(figure.text().await.unwrap_or_default(), "37814亩");
    // Focus shows the tooltip; Escape hides it.
    s.js(&format!(
        "document.getElementById('fig-{id}').focus(); return 1"
    ))
    .await;
    let tip = page::figure_tip(&id);
    assert_eq!(s.attr(&tip, "hidden").await, None);
    let tip_text = s.texts(&tip).await.join("");
    assert!(
        tip_text.contains("新增大树种植") && tip_text.contains("114.59%"),
        "{tip_text}"
    );
    figure
        .send_keys(&Key::Escape.to_string())
        .await
        .expect("escape");
    assert!(s.attr(&tip, "hidden").await.is_some());
    // Clicking jumps to the row, which is highlighted and focused.
    figure.click().await.expect("click figure");
    s.eventually("return document.activeElement.id", Value::from(id.clone()))
        .await;
    let class = s
        .attr(&format!("tr[id='{id}']"), "class")
        .await
        .unwrap_or_default();
    assert!(class.contains("is-target"), "{class}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn the_table_lists_every_indicator_with_published_values() {
    let report = served_report();
    let indicators = all_indicators(&report);
    let (_server, s) = open(1280, 900, "").await;
    // The first frame renders the first rows; the rest follow right after it is painted.
    s.eventually(page::ROW_COUNT, Value::from(indicators.len()))
        .await;
    // Each row shows its value exactly as published, with its qualifier words.
    for i in &indicators {
        let (Some(raw), Some(unit)) = (i["value"]["raw"].as_str(), i["value"]["unit"].as_str())
        else {
            continue;
        };
        let id = i["id"].as_str().unwrap_or_default();
        let cell = s
            .texts(&format!("tr[id='{id}'] td:nth-child(3) .figure-text"))
            .await
            .join("");
        assert!(
            cell.contains(&format!("{raw}{unit}")),
            "{id}: {cell:?} vs {raw}{unit}"
        );
        for q in i["value"]["qualifiers"].as_array().into_iter().flatten() {
            let word = q["word"].as_str().unwrap_or_default();
            assert!(cell.contains(word), "{id}: {cell:?} lacks {word}");
        }
    }
    // Percentage points and percent are shown differently, each with its direction in words.
    let forest = indicator_id_by_value(&report, "33", "%");
    let change = s.texts(&format!("tr[id='{forest}'] .change-pp")).await;
    assert_eq!(change, vec!["↑ 同比提高 2.8个百分点"]);
    let pm25 = indicator_id_by_value(&report, "46", "微克/立方米");
    let change = s.texts(&format!("tr[id='{pm25}'] .change-pct")).await;
    assert_eq!(
        change.join("").replace('\n', " "),
        "↓ 同比改善 16.7%（下降）"
    );
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn full_width_search_sorting_and_the_url_state_survive_reload_and_back() {
    let (_server, s) = open(1280, 900, "").await;
    // Full-width digits and punctuation find the half-width figure.
    let q = s.wait_for(page::SEARCH).await;
    q.send_keys("９５．５６％").await.expect("type");
    // Search covers name and source sentence: every indicator of that sentence matches.
    // The sentence is the source's char range of its paragraph.
    let report = served_report();
    let texts: std::collections::HashMap<String, String> = all_paragraphs(&report)
        .iter()
        .map(|p| {
            let id = p["id"].as_str().unwrap_or_default().to_string();
            (id, p["text"].as_str().unwrap_or_default().to_string())
        })
        .collect();
    let sentence = |i: &Value| -> String {
        let text = i["source"]["paragraph_id"]
            .as_str()
            .and_then(|p| texts.get(p))
            .cloned()
            .unwrap_or_default();
        let (start, end) = (
            i["source"]["start"].as_u64().unwrap_or(0) as usize,
            i["source"]["end"].as_u64().unwrap_or(0) as usize,
        );
        text.chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect()
    };
    let matching = all_indicators(&report)
        .iter()
        .filter(|i| {
            sentence(i).contains("95.56%")
                || i["name"].as_str().is_some_and(|t| t.contains("95.56%"))
        })
        .count();
    assert!(matching >= 1);
    s.eventually(page::ROW_COUNT, Value::from(matching)).await;
    let values = s
        .texts(".indicator-table tbody tr td:nth-child(3) .figure-text")
        .await;
    assert!(values.iter().any(|v| v == "95.56%"), "{values:?}");
    let url = s.client.current_url().await.expect("url");
    assert!(url.query().unwrap_or("").contains("q="), "{url}");
    q.clear().await.expect("clear");
    q.send_keys(" ").await.expect("type");

    // Sort by completion: click twice → ascending then descending? Its default is descending.
    s.click("th:nth-child(6) .sort-button").await;
    let sort = s.attr("th:nth-child(6)", "aria-sort").await;
    assert_eq!(sort.as_deref(), Some("descending"));
    let others = s
        .js("return document.querySelectorAll('th[aria-sort]').length")
        .await;
    assert_eq!(others, Value::from(1));
    let first = s
        .texts(".indicator-table tbody tr:first-child td:nth-child(6)")
        .await
        .join("");
    assert!(first.contains("247.17%"), "{first}");
    s.eventually(
        "return document.querySelector('[aria-live=polite]').textContent",
        Value::from("按目标完成降序排列"),
    )
    .await;
    let url = s.client.current_url().await.expect("url");
    let query = url.query().unwrap_or("").to_string();
    assert!(
        query.contains("sort=completion") && query.contains("dir=desc"),
        "{query}"
    );

    // Filter by status in the same view, then reload: both survive.
    s.wait_for(page::STATUS_MENU)
        .await
        .select_by_value("lagging")
        .await
        .expect("select");
    s.eventually(
        "return location.search.includes('status=lagging')",
        Value::Bool(true),
    )
    .await;
    s.client.refresh().await.expect("reload");
    s.wait_for(page::ROWS).await;
    // The first paint is unfiltered; the app applies the URL's state once it has taken over.
    s.wait_for_app().await;
    assert_eq!(
        s.attr("th:nth-child(6)", "aria-sort").await.as_deref(),
        Some("descending")
    );
    let statuses = s.texts(".indicator-table tbody td:nth-child(7)").await;
    assert!(
        !statuses.is_empty() && statuses.iter().all(|t| t.contains("滞后")),
        "{statuses:?}"
    );
    let selected = s
        .js("return document.getElementById('filter-status').value")
        .await;
    assert_eq!(selected, Value::from("lagging"));

    // Back steps to the view before the status filter; again to before the sort.
    s.client.back().await.expect("back");
    s.eventually(
        "return document.getElementById('filter-status').value",
        Value::from(""),
    )
    .await;
    assert_eq!(
        s.attr("th:nth-child(6)", "aria-sort").await.as_deref(),
        Some("descending")
    );
    s.client.back().await.expect("back");
    s.eventually(
        "return document.querySelectorAll('th[aria-sort]').length",
        Value::from(0),
    )
    .await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn bars_show_results_over_100_percent_honestly_and_mark_the_baseline() {
    let report = served_report();
    let nh3 = indicator_id_by_value(&report, "148.3", "吨");
    let (_server, s) = open(1280, 900, "").await;
    // One scale for the column: the track runs to 250 %, past the largest completion.
    let bar = format!("tr[id='{nh3}'] [role=progressbar]");
    assert_eq!(
        s.attr(&bar, "aria-valuenow").await.as_deref(),
        Some("247.17")
    );
    assert_eq!(s.attr(&bar, "aria-valuemax").await.as_deref(), Some("250"));
    let target = s
        .js(&format!(
            "const m = document.querySelector(\"tr[id='{nh3}'] .bar-target\"); return m ? [...m.classList].find(c => c.startsWith('x-')) : null"
        ))
        .await;
    // Marks sit in 1 % steps of the track (classes, not style attributes: the page is painted
    // before any script runs, under a policy without 'unsafe-inline').
    assert_eq!(target, Value::from("x-40"));
    let text = s.attr(&bar, "aria-valuetext").await.unwrap_or_default();
    assert!(text.contains("247.17%"), "{text}");
    let mark = s.texts(&format!("tr[id='{nh3}'] .bar-overflow-mark")).await;
    assert_eq!(mark, vec!["超100%"]);
    let shown = s.texts(&format!("tr[id='{nh3}'] .bar-value")).await;
    assert_eq!(shown, vec!["247.17%"]);

    let park = indicator_id_by_value(&report, "85.8", "%");
    let baseline = s
        .js(&format!(
            "const m = document.querySelector(\"tr[id='{park}'] .bar-baseline\"); return m ? [...m.classList].find(c => c.startsWith('x-')) : null"
        ))
        .await;
    assert_eq!(baseline, Value::from("x-80"));
    assert_eq!(
        s.texts(&format!("tr[id='{park}'] .baseline")).await,
        vec!["80% → 85.8%"]
    );
    // Lagging items say so in text, not only colour.
    let lagging = s.texts(page::LAGGING_STATUSES).await;
    assert!(
        lagging.len() >= 2 && lagging.iter().all(|t| t.contains("滞后")),
        "{lagging:?}"
    );
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_opens_the_section_scrolls_highlights_and_focuses_its_row() {
    let report = served_report();
    let id = indicator_id_by_value(&report, "46", "微克/立方米");
    let (_server, s) = open(1280, 900, &format!("#{id}")).await;
    s.eventually("return document.activeElement.id", Value::from(id.clone()))
        .await;
    let class = s
        .attr(&format!("tr[id='{id}']"), "class")
        .await
        .unwrap_or_default();
    assert!(class.contains("is-target"), "{class}");
    // The closed section holding it is open.
    assert_eq!(
        s.attr(&page::section_button("s-2-1"), "aria-expanded")
            .await
            .as_deref(),
        Some("true")
    );
    let in_view = s
        .js(&format!(
            "const r = document.getElementById('{id}').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight"
        ))
        .await;
    assert_eq!(in_view, Value::Bool(true));
    // Every row's share action copies a link to itself.
    let href = s
        .js(&format!(
            "return new Promise(done => {{
                 navigator.clipboard.writeText = t => {{ done(t); return Promise.resolve(); }};
                 document.querySelector(\"tr[id='{id}'] .share-link\").click(); }})"
        ))
        .await;
    let href = href.as_str().unwrap_or_default();
    assert!(href.ends_with(&format!("/gov/report/#{id}")), "{href}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_to_the_source_sentence_opens_and_highlights_it() {
    let report = served_report();
    let id = indicator_id_by_value(&report, "1006.4", "吨");
    let (_server, s) = open(1280, 900, &page::figure_mark(&id)).await;
    s.eventually(
        "return document.activeElement.id",
        Value::from(format!("fig-{id}")),
    )
    .await;
    assert_eq!(
        s.attr(&page::section_button("s-2-1"), "aria-expanded")
            .await
            .as_deref(),
        Some("true")
    );
    let sentence = s.texts(page::TARGET_SENTENCE).await.join("");
    assert!(sentence.contains("化学需氧量减排1006.4吨"), "{sentence}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_to_an_unknown_id_shows_a_notice() {
    let (server, s) = open(1280, 900, "#i-doesnotexist").await;
    let notice = s
        .wait_for(page::NOTICE)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(
        notice.contains("未找到") && notice.contains("i-doesnotexist"),
        "{notice}"
    );
    // The rest of the page works.
    assert!(!s.texts(page::ROWS).await.is_empty());
    // A fragment that is not an id at all is refused, never used as markup or a selector.
    s.client
        .goto(&server.url("?x=1#%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"))
        .await
        .expect("navigate");
    let notice = s
        .wait_for(page::NOTICE)
        .await
        .text()
        .await
        .unwrap_or_default();
    assert!(notice.contains("无效"), "{notice}");
    assert_eq!(
        s.js("return document.querySelectorAll('img').length").await,
        Value::from(0)
    );
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_phone_rows_become_cards_and_nothing_scrolls_sideways() {
    let (_server, s) = open(375, 812, "").await;
    assert_eq!(s.js("return innerWidth").await, Value::from(375));
    let sideways = s
        .js("return document.documentElement.scrollWidth > document.documentElement.clientWidth")
        .await;
    assert_eq!(sideways, Value::Bool(false));
    let display = s
        .js("return getComputedStyle(document.querySelector('.indicator-table tbody tr')).display")
        .await;
    assert_eq!(display, Value::from("block"));
    // The sort is still reachable without the hidden headers, behind the 筛选 control.
    s.click(page::FILTER_TOGGLE).await;
    let sort_visible = s
        .js("return document.getElementById('sort-mobile').offsetParent !== null")
        .await;
    assert_eq!(sort_visible, Value::Bool(true));
    screenshot(&s, "phone-375").await;
    s.js("document.querySelector('.indicators').scrollIntoView(); return 1")
        .await;
    screenshot(&s, "phone-375-table").await;
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn desktop_screenshot() {
    let (_server, s) = open(1280, 900, "").await;
    screenshot(&s, "desktop-1280").await;
    s.close().await;
}
