//! What residents, journalists and keyboard readers ran into (issue 12): each a browser test.

use e2e::page;
use e2e::{Session, StaticServer};
use serde_json::Value;

async fn open_page(width: u32, height: u32) -> (StaticServer, Session) {
    e2e::open_built("/report/", width, height, "").await
}

/// The id (or tag) and text of the focused element.
async fn focused(s: &Session) -> Value {
    s.js("const e = document.activeElement;
          return [e.id || e.tagName.toLowerCase(), (e.textContent || '').trim().slice(0, 20)]")
        .await
}

async fn press(s: &Session, key: &str) {
    s.client
        .active_element()
        .await
        .expect("a focused element")
        .send_keys(key)
        .await
        .expect("key press");
}

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";

#[tokio::test(flavor = "current_thread")]
async fn the_first_tab_reaches_skip_links_to_the_text_and_the_table() {
    let (_server, s) = open_page(1280, 900).await;
    s.js("document.activeElement.blur(); window.scrollTo(0, 0); return 1")
        .await;
    s.client
        .find(fantoccini::Locator::Css("body"))
        .await
        .expect("body")
        .send_keys(TAB)
        .await
        .expect("tab");
    assert_eq!(focused(&s).await[1], "跳到正文");
    // Visible while focused: inside the viewport, not clipped away.
    let shown = s
        .js("const r = document.activeElement.getBoundingClientRect();
             return r.top >= 0 && r.height >= 44 && r.width > 40")
        .await;
    assert_eq!(shown, Value::Bool(true));
    press(&s, TAB).await;
    assert_eq!(focused(&s).await[1], "跳到指标一览");
    press(&s, ENTER).await;
    assert_eq!(focused(&s).await[0], "indicators");
    // The next Tab goes on inside the table's section (its search box), and no deep-link
    // notice appeared: a skip link is not a link to an indicator.
    press(&s, TAB).await;
    assert_eq!(focused(&s).await[0], "filter-q");
    let notice = s
        .js("return document.querySelectorAll('.page-notice').length")
        .await;
    assert_eq!(notice, Value::from(0));
    // And the other one.
    s.js("document.querySelector('.skip-links a').focus(); return 1")
        .await;
    press(&s, ENTER).await;
    assert_eq!(focused(&s).await[0], "report-text");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn without_a_clipboard_api_copying_falls_back_to_a_selected_text_box() {
    let (_server, s) = open_page(1280, 900).await;
    // Plain HTTP on a real host, or a webview: `navigator.clipboard` is undefined.
    s.js("window.__errors = [];
          window.addEventListener('error', e => window.__errors.push(String(e.message)));
          window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));
          Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
          return navigator.clipboard === undefined")
        .await;
    s.click(page::COPY_TEXT).await;
    s.wait_for(page::COPY_FALLBACK).await;
    let state = s
        .js("const t = document.getElementById('copy-fallback-text');
             return [document.activeElement === t, t.selectionEnd - t.selectionStart === t.value.length,
                     t.value.length > 100,
                     document.querySelector('.page-tools .copy-status').textContent,
                     window.__errors]")
        .await;
    assert_eq!(state[0], Value::Bool(true), "{state}");
    assert_eq!(state[1], Value::Bool(true), "{state}");
    assert_eq!(state[2], Value::Bool(true), "{state}");
    assert!(
        state[3].as_str().unwrap_or_default().contains("手动复制"),
        "{state}"
    );
    assert_eq!(state[4], Value::Array(vec![]), "uncaught: {state}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn enter_in_the_search_box_takes_the_reader_to_the_results() {
    let (server, s) = open_page(1280, 900).await;
    let all = s.js(page::ROW_COUNT).await;
    s.client
        .find(fantoccini::Locator::Css(page::SEARCH))
        .await
        .expect("search box")
        .send_keys("森林覆盖率")
        .await
        .expect("type");
    press(&s, ENTER).await;
    // The page did not reload or navigate (the form is not sent anywhere) ...
    assert!(s
        .client
        .current_url()
        .await
        .map(|u| u.as_str().starts_with(&server.url("")))
        .unwrap_or(false));
    // ... the rows are filtered and focus is on the result count, which says how many.
    s.eventually(
        "return document.activeElement.id",
        Value::from("result-count"),
    )
    .await;
    let shown = s.js(page::ROW_COUNT).await;
    assert!(
        shown.as_u64() < all.as_u64() && shown.as_u64() > Some(0),
        "{all} → {shown}"
    );
    s.close().await;
}

async fn type_query(s: &Session, text: &str) {
    let field = s
        .client
        .find(fantoccini::Locator::Css(page::SEARCH))
        .await
        .expect("search box");
    field.clear().await.expect("clear");
    field.send_keys(text).await.expect("type");
}

/// The rows' names as shown (first `n`).
async fn row_names(s: &Session, n: usize) -> Vec<String> {
    let v = s
        .js(&format!(
            "return [...document.querySelectorAll('.indicator-table tbody tr .cell-name strong')].slice(0, {n}).map(e => e.textContent)"
        ))
        .await;
    serde_json::from_value(v).unwrap_or_default()
}

#[tokio::test(flavor = "current_thread")]
async fn a_search_ranks_name_matches_first_and_shows_what_matched() {
    let (_server, s) = open_page(1280, 900).await;
    type_query(&s, "完成率").await;
    s.eventually(
        "return [...document.querySelectorAll('.indicator-table tbody tr')].length < 20",
        Value::Bool(true),
    )
    .await;
    // Every row named for the word comes before every row found only by its sentence.
    let flags = s
        .js(
            "return [...document.querySelectorAll('.indicator-table tbody tr .cell-name strong')]
                 .map(e => e.textContent.includes('完成率'))",
        )
        .await;
    let flags: Vec<bool> = serde_json::from_value(flags).unwrap_or_default();
    assert!(flags.first() == Some(&true), "{flags:?}");
    let first_other = flags.iter().position(|f| !f).unwrap_or(flags.len());
    assert!(flags[first_other..].iter().all(|f| !f), "{flags:?}");
    // The matched words are marked, as text (no markup from the report).
    let marks = s
        .js("return [...document.querySelectorAll('.cell-name strong mark')].map(m => m.textContent)")
        .await;
    let marks: Vec<String> = serde_json::from_value(marks).unwrap_or_default();
    assert!(
        !marks.is_empty() && marks.iter().all(|m| m == "完成率"),
        "{marks:?}"
    );

    // A row found by its sentence says why: the words around the match, marked.
    type_query(&s, "垃圾分类").await;
    s.eventually(
        "return [...document.querySelectorAll('.indicator-table tbody tr')].some(r => r.textContent.includes('再生资源回收站'))",
        Value::Bool(true),
    )
    .await;
    let why = s
        .js("const r = [...document.querySelectorAll('.indicator-table tbody tr')].find(r => r.textContent.includes('再生资源回收站'));
             const c = r.querySelector('.match-context');
             return c ? [c.textContent, c.querySelector('mark')?.textContent] : null")
        .await;
    assert!(
        why[0]
            .as_str()
            .is_some_and(|t| t.starts_with("原文：") && t.contains("垃圾分类")),
        "{why}"
    );
    assert_eq!(why[1], "垃圾分类");
    let first = row_names(&s, 1).await;
    assert!(first[0].contains("垃圾分类"), "{first:?}");
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn an_empty_result_says_so_names_the_filters_and_clears_them() {
    let (_server, s) = open_page(1280, 900).await;
    let all = s.js(page::ROW_COUNT).await;
    s.js("const k = document.getElementById('filter-kind');
          k.value = 'rank'; k.dispatchEvent(new Event('change', { bubbles: true })); return 1")
        .await;
    type_query(&s, "森林覆盖率").await;
    s.wait_for(".empty-result").await;
    let text = s
        .js("return document.querySelector('.empty-result').textContent")
        .await;
    let text = text.as_str().unwrap_or_default();
    assert!(text.contains("没有符合条件的指标"), "{text}");
    assert!(
        text.contains("搜索“森林覆盖率”") && text.contains("类型："),
        "{text}"
    );
    // The empty table's headers are not shown alone.
    let table_shown = s
        .js("return document.querySelector('.table-wrap').getClientRects().length > 0")
        .await;
    assert_eq!(table_shown, Value::Bool(false));
    s.click("#clear-filters").await;
    s.eventually(page::ROW_COUNT, all).await;
    let cleared = s
        .js("return [document.getElementById('filter-q').value, document.getElementById('filter-kind').value, location.search, document.activeElement.id]")
        .await;
    assert_eq!(cleared, serde_json::json!(["", "", "", "filter-q"]));
    // Every status and kind offered gives rows: none that can only give an empty table.
    let options = s
        .js(
            "return [...document.querySelectorAll('#filter-status option, #filter-kind option')]
                 .filter(o => o.value).map(o => o.textContent)",
        )
        .await;
    let options: Vec<String> = serde_json::from_value(options).unwrap_or_default();
    assert!(!options.is_empty());
    for o in &options {
        let n: usize = o
            .rsplit('（')
            .next()
            .and_then(|c| c.trim_end_matches('）').parse().ok())
            .unwrap_or(0);
        assert!(n > 0, "{o}");
    }
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn controls_have_names_with_their_indicator_and_no_decorative_glyphs() {
    let (_server, s) = open_page(1280, 900).await;
    // Accessible names as the browser computes them for links and buttons (text content of
    // non-hidden descendants; CSS-generated glyphs inside aria-hidden spans are not part of it).
    let names = s
        .js("const name = e => [...e.childNodes].map(n => n.nodeType === 3 ? n.textContent
                 : (n.getAttribute && n.getAttribute('aria-hidden') === 'true') ? ''
                 : n.textContent).join('').trim();
             const rows = [...document.querySelectorAll('.indicator-table tbody tr')];
             return {
               source: rows.map(r => name(r.querySelector('.row-actions a'))),
               share: rows.map(r => name(r.querySelector('.share-link'))),
               sort: [...document.querySelectorAll('.sort-button')].map(name),
               toggles: [...document.querySelectorAll('.section-toggle')].map(name),
               glyphs: [...document.querySelectorAll('.sort-glyph, .toggle-glyph')].every(g => g.getAttribute('aria-hidden') === 'true'),
               before: getComputedStyle(document.querySelector('.section-toggle'), '::before').content,
               after: getComputedStyle(document.querySelector('.sort-button'), '::after').content,
             }")
        .await;
    let list =
        |k: &str| -> Vec<String> { serde_json::from_value(names[k].clone()).unwrap_or_default() };
    let (source, share) = (list("source"), list("share"));
    assert!(!source.is_empty());
    let unique = |v: &[String]| v.iter().collect::<std::collections::HashSet<_>>().len();
    // Named with their indicator: "查看原文：新增大树种植", never 92 times the same name.
    assert!(
        source
            .iter()
            .all(|n| n.starts_with("查看原文：") && n.len() > "查看原文：".len()),
        "{source:?}"
    );
    assert!(
        share.iter().all(|n| n.starts_with("复制链接：")),
        "{share:?}"
    );
    assert!(unique(&source) * 10 >= source.len() * 9, "{source:?}");
    for n in list("sort").iter().chain(list("toggles").iter()) {
        assert!(!n.contains(['⇅', '▲', '▼', '+', '−']), "{n}");
    }
    assert_eq!(names["glyphs"], Value::Bool(true));
    assert_eq!(names["before"], "none");
    assert_eq!(names["after"], "none");
    // Every "查看原文" leads somewhere: its fragment names an element of the page (a figure
    // shared by several indicators leads to its paragraph).
    s.click(page::TOGGLE_ALL).await;
    let dangling = s
        .js("return [...document.querySelectorAll('.row-actions a')].map(a => a.getAttribute('href').slice(1))
                 .filter(id => !document.getElementById(id))")
        .await;
    assert_eq!(dangling, Value::Array(vec![]), "links to nothing");
    // Only one share control per row: no second "链接".
    let per_row = s
        .js(
            "return [...document.querySelectorAll('.indicator-table tbody tr')].every(r =>
                 r.querySelectorAll('.row-actions a, .row-actions button').length === 2)",
        )
        .await;
    assert_eq!(per_row, Value::Bool(true));
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_rows_share_action_works_without_a_clipboard() {
    let (_server, s) = open_page(1280, 900).await;
    s.js("window.__errors = [];
          window.addEventListener('error', e => window.__errors.push(String(e.message)));
          window.addEventListener('unhandledrejection', e => window.__errors.push(String(e.reason)));
          Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined, configurable: true });
          return 1")
        .await;
    s.click(".indicator-table tbody tr .share-link").await;
    s.wait_for(".indicator-table tbody tr .share-fallback")
        .await;
    let state = s
        .js(
            "const r = document.querySelector('.indicator-table tbody tr');
             const f = r.querySelector('.share-fallback');
             return [f.value.endsWith('#' + r.id), document.activeElement === f,
                     f.selectionEnd - f.selectionStart === f.value.length,
                     r.querySelector('.copy-status').textContent, window.__errors]",
        )
        .await;
    assert_eq!(state[0], Value::Bool(true), "{state}");
    assert_eq!(state[1], Value::Bool(true), "{state}");
    assert_eq!(state[2], Value::Bool(true), "{state}");
    assert!(
        state[3].as_str().is_some_and(|t| t.contains("手动复制")),
        "{state}"
    );
    assert_eq!(state[4], Value::Array(vec![]), "{state}");
    // With a clipboard, it copies and says so.
    s.js("Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => ({ writeText: t => { window.__copied = t; return Promise.resolve(); } }), configurable: true }); return 1")
        .await;
    s.click(".indicator-table tbody tr:nth-child(2) .share-link")
        .await;
    s.eventually(
        "return document.querySelector('.indicator-table tbody tr:nth-child(2) .copy-status').textContent",
        Value::from("已复制链接"),
    )
    .await;
    s.close().await;
}

/// Layout facts of the indicator list at the current width.
async fn layout(s: &Session) -> Value {
    s.js("const d = document.documentElement;
          const fs = parseFloat(getComputedStyle(document.querySelector('.cell-name strong')).fontSize);
          const shown = e => e.getClientRects().length > 0;
          return {
            sideways: d.scrollWidth - d.clientWidth,
            narrowNames: [...document.querySelectorAll('.cell-name')].filter(e => e.getBoundingClientRect().width < 4 * fs).length,
            // Cut: sticking out of its cell or the screen, or (for a box) clipping its own text.
            cutFigures: [...document.querySelectorAll('.bar-value, .figure-text, .status')].filter(e => {
                const r = e.getBoundingClientRect(), cell = (e.closest('td') || e.parentElement).getBoundingClientRect();
                const boxed = getComputedStyle(e).display !== 'inline';
                return r.right > cell.right + 1 || r.right > d.clientWidth || (boxed && e.scrollWidth > e.clientWidth + 1);
            }).map(e => e.textContent),
            tableOverflow: document.querySelector('.indicator-table').getBoundingClientRect().width
                - document.querySelector('.table-wrap').getBoundingClientRect().width,
            smallTaps: [...document.querySelectorAll('.row-actions a, .row-actions button, .filter-toggle, .search-submit, #filter-q, a.figure')]
                .filter(shown).filter(e => { const r = e.getBoundingClientRect();
                    // A figure inside a sentence is an inline target: tall enough, as wide as its text.
                    return r.height < 44 || (r.width < 44 && !e.matches('a.figure')); }).length,
            coarse: matchMedia('(pointer: coarse)').matches,
          }")
        .await
}

async fn assert_fits(s: &Session, view: &str) -> Value {
    let l = layout(s).await;
    assert_eq!(l["sideways"], 0, "{view}: the page scrolls sideways: {l}");
    assert_eq!(
        l["narrowNames"], 0,
        "{view}: names narrower than four characters: {l}"
    );
    assert_eq!(
        l["cutFigures"],
        Value::Array(vec![]),
        "{view}: figures cut: {l}"
    );
    assert!(
        l["tableOverflow"].as_f64().unwrap_or(1.0) <= 1.0,
        "{view}: the table overflows its box: {l}"
    );
    if l["coarse"] == true {
        assert_eq!(l["smallTaps"], 0, "{view}: tap targets under 44 px: {l}");
    }
    l
}

#[tokio::test(flavor = "current_thread")]
async fn every_width_fits_without_sideways_scrolling_or_cut_figures() {
    let narrow = e2e::Browser::from_env() == e2e::Browser::Chromium;
    let widths: &[(u32, bool)] = if narrow {
        &[
            (320, false),
            (375, false),
            (375, true),
            (800, false),
            (1280, false),
            (1280, true),
        ]
    } else {
        // Headless Firefox will not go below 500 px.
        &[(800, false), (1280, false), (1280, true)]
    };
    for &(width, large) in widths {
        let (_server, s) = open_page(width, 800).await;
        if large {
            s.click(page::LARGE_FONT).await;
            s.eventually(
                "return document.documentElement.classList.contains('large-font')",
                Value::Bool(true),
            )
            .await;
        }
        let view = format!("{width} px{}", if large { ", large font" } else { "" });
        let l = assert_fits(&s, &view).await;
        if width < 500 {
            assert_eq!(
                l["coarse"],
                Value::Bool(true),
                "phones are touch screens here"
            );
        }
        s.close().await;
    }
}

#[tokio::test(flavor = "current_thread")]
async fn on_a_phone_the_menus_wait_behind_one_filter_control_that_counts_them() {
    if e2e::Browser::from_env() != e2e::Browser::Chromium {
        return; // a phone width: Chromium's mobile emulation only
    }
    let (_server, s) = open_page(375, 812).await;
    let visible =
        "return ['filter-q', 'filter-section', 'filter-status', 'filter-kind', 'sort-mobile']
                       .map(id => document.getElementById(id).getClientRects().length > 0)";
    assert_eq!(
        s.js(visible).await,
        serde_json::json!([true, false, false, false, false])
    );
    let toggle = "return [document.querySelector('.filter-toggle').textContent,
                          document.querySelector('.filter-toggle').getAttribute('aria-expanded')]";
    assert_eq!(s.js(toggle).await, serde_json::json!(["筛选", "false"]));
    s.click(page::FILTER_TOGGLE).await;
    assert_eq!(
        s.js(visible).await,
        serde_json::json!([true, true, true, true, true])
    );
    s.js("const k = document.getElementById('filter-status');
          k.value = 'lagging'; k.dispatchEvent(new Event('change', { bubbles: true })); return 1")
        .await;
    s.eventually(
        "return document.querySelector('.filter-toggle').textContent",
        Value::from("筛选（已选 1 项）"),
    )
    .await;
    s.click(page::FILTER_TOGGLE).await;
    assert_eq!(
        s.js(toggle).await,
        serde_json::json!(["筛选（已选 1 项）", "false"])
    );
    // The first row is on the first screen below the search box, not screens further down.
    let first = s
        .js("document.getElementById('indicators').scrollIntoView();
             return document.querySelector('.indicator-table tbody tr').getBoundingClientRect().top < innerHeight / 2")
        .await;
    assert_eq!(first, Value::Bool(true));
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_filtered_printout_says_which_filters_and_prints_the_address_once() {
    if e2e::Browser::from_env() != e2e::Browser::Chromium {
        return; // print media emulation is a DevTools command
    }
    let (server, s) = open_page(718, 1000).await;
    s.js("const k = document.getElementById('filter-status');
          k.value = 'lagging'; k.dispatchEvent(new Event('change', { bubbles: true })); return 1")
        .await;
    s.eventually("return location.search", Value::from("?status=lagging"))
        .await;
    s.emulate_media("print", &[]).await;
    let printed = s
        .js("const p = document.querySelector('.print-context');
             const rows = [...document.querySelectorAll('.indicator-table tbody tr')];
             const line = parseFloat(getComputedStyle(document.querySelector('.indicator-table th')).lineHeight) || 20;
             return [getComputedStyle(p).display, p.textContent,
                     rows.map(r => r.querySelector('.row-fragment').textContent === '#' + r.id),
                     [...document.querySelectorAll('.indicator-table thead th')].filter(th => th.getBoundingClientRect().height > 2.5 * line).map(th => th.textContent),
                     document.body.innerText.split(location.origin).length - 1]")
        .await;
    assert_eq!(printed[0], "block", "{printed}");
    let context = printed[1].as_str().unwrap_or_default();
    assert!(context.contains("筛选：状态：滞后"), "{context}");
    assert!(
        context.contains(&server.url("?status=lagging")),
        "{context}"
    );
    let fragments: Vec<bool> = serde_json::from_value(printed[2].clone()).unwrap_or_default();
    assert!(
        !fragments.is_empty() && fragments.iter().all(|f| *f),
        "{printed}"
    );
    assert_eq!(
        printed[3],
        Value::Array(vec![]),
        "headers broken per character: {printed}"
    );
    // The page's address is printed once, not once per row.
    assert_eq!(printed[4], 1, "{printed}");
    s.close().await;
}
