//! Publishing the page (issue 5): embedded in a portal's iframe from another origin, the report
//! source fixed by the deployer, CSV download and copy-as-text, print, the large-font (适老化)
//! mode, dark mode and forced colours.
//!
//! Media emulation (print, `prefers-color-scheme`, `forced-colors`) goes through Chromium's
//! DevTools protocol; those tests are skipped under `E2E_BROWSER=firefox`.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use base64::Engine as _;
use e2e::fantoccini::key::Key;
use e2e::{
    all_indicators, dist_dir, downloaded_csv, fresh_download_dir, indicator_id_by_value, parse_csv,
    save_artifact, screenshot, screenshot_full_page, served_report, Browser, Override, Session,
    SessionOptions, StaticServer,
};
use serde_json::Value;

const TITLE: &str = "通州区2019年度绩效管理工作报告";
const PREFIX: &str = "/portal/report/";
/// The frame address in the README's host snippet, replaced by the test server's.
const SNIPPET_SRC: &str = "https://report.example.gov.cn/portal/report/?embed=1";

fn chromium_only(test: &str) -> bool {
    let chromium = Browser::from_env() == Browser::Chromium;
    if !chromium {
        eprintln!("{test}: skipped, media emulation needs Chromium's DevTools protocol");
    }
    chromium
}

async fn open(width: u32, height: u32, path: &str) -> (StaticServer, Session) {
    e2e::open_built(PREFIX, width, height, path).await
}

/// Colour arithmetic for the contrast checks, evaluated in the page: `parse` reads a computed
/// colour (`rgb()`, `rgba()` or `color(srgb …)`), `bgOf` composites the backgrounds from the root
/// down to an element, `contrast` is the WCAG 2 ratio.
const COLOUR_JS: &str = r#"
const parse = c => {
  let m = c.match(/^rgba?\(([^)]+)\)$/);
  if (m) {
    const p = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    return [p[0] / 255, p[1] / 255, p[2] / 255, p.length > 3 ? p[3] : 1];
  }
  m = c.match(/^color\(srgb ([^)]+)\)$/);
  if (m) {
    const p = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  }
  return null;
};
const over = (top, bottom) => [0, 1, 2].map(i => top[i] * top[3] + bottom[i] * (1 - top[3])).concat([1]);
const bgOf = el => {
  const chain = [];
  for (let e = el; e; e = e.parentElement) chain.unshift(e);
  let c = [1, 1, 1, 1];
  for (const e of chain) {
    const b = parse(getComputedStyle(e).backgroundColor);
    if (b && b[3] > 0) c = over(b, c);
  }
  return c;
};
const lum = c => {
  const f = v => v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
  return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]);
};
const contrast = (a, b) => {
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};
const rendered = el => el.getClientRects().length > 0 && getComputedStyle(el).visibility === 'visible';
const textContrast = el => {
  const b = bgOf(el);
  return contrast(over(parse(getComputedStyle(el).color), b), b);
};
"#;

// ---------------------------------------------------------------------------------------------
// Embedding

/// The host snippet as the README documents it (the first `html` block under "## Embedding").
fn readme_host_snippet() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let section = readme
        .split_once("## Embedding")
        .map(|(_, rest)| rest)
        .expect("README has an \"## Embedding\" section");
    let block = section
        .split_once("```html\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block.to_string())
        .expect("an html block in \"## Embedding\"");
    assert!(block.contains(SNIPPET_SRC), "{block}");
    block
}

/// A portal page on its own loopback origin that frames `frame_src` with the README's snippet.
fn portal(frame_src: &str) -> StaticServer {
    let snippet = readme_host_snippet().replace(SNIPPET_SRC, frame_src);
    let page = format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>门户网站</title>\
         </head><body><header><h1>区政府门户网站</h1><p>政务公开 · 绩效管理</p></header>\
         <main>{snippet}</main><footer>门户页脚</footer></body></html>"
    );
    let overrides = HashMap::from([(
        "host.html".to_string(),
        Override::new(200, "text/html; charset=utf-8", page),
    )]);
    StaticServer::with_overrides(dist_dir(), "/", overrides)
}

/// The height of the iframe's viewport in the portal page (inside its border), in CSS px.
async fn frame_height(s: &Session) -> f64 {
    s.js("return document.getElementById('gov-report').clientHeight")
        .await
        .as_f64()
        .unwrap_or(0.0)
}

/// Inside the frame: the height of the page's content.
async fn content_height(s: &Session) -> f64 {
    s.js("return Math.ceil(document.documentElement.getBoundingClientRect().height)")
        .await
        .as_f64()
        .unwrap_or(0.0)
}

/// In the portal page: waits until the iframe is `height` tall (±1 px).
async fn frame_becomes(s: &Session, height: f64) {
    let mut last = 0.0;
    for _ in 0..100 {
        last = frame_height(s).await;
        if (last - height).abs() <= 1.0 {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the iframe stayed {last}px tall, its content is {height}px");
}

#[tokio::test(flavor = "current_thread")]
async fn embedded_in_a_portal_the_frame_follows_the_content_and_links_point_at_the_page() {
    let report = StaticServer::start(dist_dir(), PREFIX);
    let host = portal(&report.url("?embed=1"));
    assert_ne!(report.origin(), host.origin());
    let s = Session::start(1280, 900).await;
    s.client.goto(&host.url("host.html")).await.expect("portal");
    let frame = s.wait_for("iframe#gov-report").await;
    frame.enter_frame().await.expect("enter frame");
    s.wait_for(".indicator-table tbody tr").await;

    // Embed mode: no page chrome, but the title is still the page's heading for screen readers.
    assert_eq!(
        s.js("return document.documentElement.classList.contains('embed')")
            .await,
        Value::Bool(true)
    );
    let h1 = s
        .js(r#"const h = document.querySelector('h1'); const c = getComputedStyle(h);
               const r = h.getBoundingClientRect();
               return [document.querySelectorAll('h1').length, h.textContent, c.display,
                       c.visibility, h.getAttribute('aria-hidden'), r.width <= 1 && r.height <= 1]"#)
        .await;
    assert_eq!(
        h1,
        serde_json::json!([1, TITLE, "block", "visible", null, true])
    );
    let meta = s.texts(".report-meta").await.join(" ");
    assert!(
        meta.contains("2020-01-10") && meta.contains("区信息中心"),
        "{meta}"
    );
    let app_padding = s
        .js("return getComputedStyle(document.getElementById('app')).maxWidth")
        .await;
    assert_eq!(app_padding, Value::from("none"));

    // The frame is as tall as the report.
    let before = content_height(&s).await;
    assert!(before > 1500.0, "{before}");
    s.client.enter_parent_frame().await.expect("back to portal");
    frame_becomes(&s, before).await;

    // Open every section inside the frame: the frame grows with it.
    s.wait_for("iframe#gov-report")
        .await
        .enter_frame()
        .await
        .expect("enter frame");
    s.click("#toggle-all").await;
    s.eventually(
        "return document.querySelectorAll('.section-panel[hidden]').length",
        Value::from(0),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let opened = content_height(&s).await;
    assert!(opened > before + 500.0, "{before} → {opened}");
    s.client.enter_parent_frame().await.expect("back to portal");
    frame_becomes(&s, opened).await;
    // No inner scrolling left: the portal page scrolls, not the frame.
    let portal_scrolls = s
        .js("return document.documentElement.scrollHeight > innerHeight")
        .await;
    assert_eq!(portal_scrolls, Value::Bool(true));

    // Row links name the page itself, never the portal and never embed mode.
    s.wait_for("iframe#gov-report")
        .await
        .enter_frame()
        .await
        .expect("enter frame");
    // Every row's share action copies its own link (the clipboard is stubbed to read it).
    let hrefs = s
        .js("const copied = [];
             navigator.clipboard.writeText = t => { copied.push(t); return Promise.resolve(); };
             document.querySelectorAll('.share-link').forEach(b => b.click());
             return new Promise(done => setTimeout(() => done(copied), 300))")
        .await;
    let hrefs: Vec<String> = hrefs
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|h| h.as_str().map(str::to_string))
        .collect();
    let rows = s
        .js("return document.querySelectorAll('.indicator-table tbody tr').length")
        .await;
    assert_eq!(Value::from(hrefs.len()), rows);
    let page = report.url("");
    for h in &hrefs {
        let id = h
            .strip_prefix(&format!("{page}#"))
            .unwrap_or_else(|| panic!("{h} is not a link to {page}"));
        assert!(id.starts_with("i-") && !h.contains("embed"), "{h}");
    }

    // A filter change keeps embed=1 in the frame's URL; the frame shrinks with the table.
    s.wait_for("#filter-status")
        .await
        .select_by_value("lagging")
        .await
        .expect("filter");
    s.eventually("return new URLSearchParams(location.search).get('status') + ' ' + new URLSearchParams(location.search).get('embed')",
        Value::from("lagging 1"),
    )
    .await;
    // The link in "复制为文本" is the page with the filter, without embed=1.
    s.js("window.__copied = null;
          navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
          return 1")
        .await;
    s.click("#copy-text").await;
    s.eventually("return window.__copied !== null", Value::Bool(true))
        .await;
    let text = s.js("return window.__copied").await;
    let text = text.as_str().unwrap_or_default();
    assert!(
        text.contains(&format!("链接：{}\n", report.url("?status=lagging"))),
        "{text}"
    );
    assert!(!text.contains("embed"), "{text}");
    tokio::time::sleep(Duration::from_millis(300)).await;
    let filtered = content_height(&s).await;
    assert!(filtered < opened, "{opened} → {filtered}");
    s.client.enter_parent_frame().await.expect("back to portal");
    frame_becomes(&s, filtered).await;
    screenshot(&s, "embed-portal").await;

    // The portal page never loaded anything from the report's origin itself, and the report
    // server saw only the frame's requests.
    assert!(host.requests().iter().all(|r| !r.contains("report.json")));
    assert!(report
        .requests()
        .iter()
        .any(|r| r.starts_with("/portal/report/?embed=1")));
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_in_the_frame_address_lands_on_its_row() {
    let report = served_report();
    // In 二、(一), a sub-section closed by default.
    let id = indicator_id_by_value(&report, "46", "微克/立方米");
    let server = StaticServer::start(dist_dir(), PREFIX);
    let host = portal(&server.url(&format!("?embed=1#{id}")));
    let s = Session::start(1280, 900).await;
    s.client.goto(&host.url("host.html")).await.expect("portal");
    s.wait_for("iframe#gov-report")
        .await
        .enter_frame()
        .await
        .expect("enter frame");
    s.wait_for(".indicator-table tbody tr").await;
    s.eventually("return document.activeElement.id", Value::from(id.clone()))
        .await;
    let state = s
        .js(&format!(
            "return [document.getElementById('{id}').classList.contains('is-target'),
                     document.getElementById('btn-s-2-1').getAttribute('aria-expanded')]"
        ))
        .await;
    assert_eq!(state, serde_json::json!([true, "true"]));
    let height = content_height(&s).await;
    // Where the row is inside the frame.
    let row = s
        .js(&format!(
            "const r = document.getElementById('{id}').getBoundingClientRect(); return [r.top, r.bottom]"
        ))
        .await;
    s.client.enter_parent_frame().await.expect("back to portal");
    frame_becomes(&s, height).await;
    // Once the portal has sized the frame, the row is in the portal's viewport.
    let top = row[0].as_f64().unwrap_or(-1.0);
    let bottom = row[1].as_f64().unwrap_or(-1.0);
    let mut seen = Value::Null;
    for _ in 0..50 {
        seen = s
            .js(&format!(
                "const e = document.getElementById('gov-report'), f = e.getBoundingClientRect();
                 return [f.top + e.clientTop + {top}, f.top + e.clientTop + {bottom}, innerHeight]"
            ))
            .await;
        let (t, b, h) = (
            seen[0].as_f64().unwrap_or(-1.0),
            seen[1].as_f64().unwrap_or(-1.0),
            seen[2].as_f64().unwrap_or(0.0),
        );
        if t >= 0.0 && b <= h {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (t, b, h) = (
        seen[0].as_f64().unwrap_or(-1.0),
        seen[1].as_f64().unwrap_or(-1.0),
        seen[2].as_f64().unwrap_or(0.0),
    );
    assert!(
        t >= 0.0 && b <= h,
        "row at {t}..{b} of the portal's {h}px view"
    );
    screenshot(&s, "embed-deep-link").await;
    s.close().await;
}

// ---------------------------------------------------------------------------------------------
// The report source

#[tokio::test(flavor = "current_thread")]
async fn url_parameters_never_load_a_report_from_another_origin() {
    // Another origin offering a forged report: if the page ever fetched it, the title would show.
    let mut forged = served_report();
    forged["meta"]["title"] = Value::from("伪造的报告");
    let evil = StaticServer::with_overrides(
        dist_dir(),
        "/",
        HashMap::from([(
            "evil.json".to_string(),
            Override::new(200, "application/json", forged.to_string()),
        )]),
    );
    let server = StaticServer::start(dist_dir(), PREFIX);
    let s = Session::start(1280, 900).await;
    let absolute = evil.url("evil.json");
    let scheme_relative = absolute.trim_start_matches("http:").to_string();
    for (name, value) in [
        ("src", absolute.as_str()),
        ("report", absolute.as_str()),
        ("report-src", absolute.as_str()),
        ("url", absolute.as_str()),
        ("data", scheme_relative.as_str()),
        ("json", absolute.as_str()),
        ("file", scheme_relative.as_str()),
    ] {
        for embed in ["", "embed=1&"] {
            let page = server.url(&format!("?{embed}{name}={value}"));
            s.client.goto(&page).await.expect("open page");
            s.wait_for(".indicator-table tbody tr").await;
            let h1 = s
                .js("return document.querySelector('h1').textContent")
                .await;
            assert_eq!(h1, Value::from(TITLE), "{page}");
            let foreign = s
                .js("return performance.getEntriesByType('resource')
                        .map(e => e.name).filter(n => new URL(n).origin !== location.origin)")
                .await;
            assert_eq!(foreign, serde_json::json!([]), "{page}");
        }
    }
    assert_eq!(evil.requests(), Vec::<String>::new());
    assert!(server
        .requests()
        .iter()
        .all(|r| !r.contains("evil") || r.starts_with("/portal/report/?")));
    s.close().await;
}

// ---------------------------------------------------------------------------------------------
// CSV and text

/// The rows the table shows: id, name, figure as shown (with its qualifiers), status label.
async fn rows_on_screen(s: &Session) -> Vec<[String; 4]> {
    let rows = s
        .js(
            r#"return [...document.querySelectorAll('.indicator-table tbody tr')].map(tr => {
            const td = tr.querySelectorAll('td');
            return [tr.id, tr.querySelector('.cell-name strong').textContent,
                    td[2].querySelector('.figure-text').textContent.trim(), td[6].textContent];
        })"#,
        )
        .await;
    rows.as_array()
        .into_iter()
        .flatten()
        .map(|r| {
            let f = |i: usize| r[i].as_str().unwrap_or_default().to_string();
            [f(0), f(1), f(2), f(3)]
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn the_csv_download_holds_the_rows_shown_with_the_reports_provenance() {
    let dir = fresh_download_dir("csv");
    let server = StaticServer::start(dist_dir(), PREFIX);
    let options = SessionOptions {
        download_dir: Some(dir.clone()),
        ..SessionOptions::default()
    };
    let s = Session::start_with(1280, 900, options).await;
    s.client.goto(&server.url("")).await.expect("open page");
    s.wait_for(".indicator-table tbody tr").await;
    s.wait_for("#filter-status")
        .await
        .select_by_value("exceeded")
        .await
        .expect("filter");
    s.eventually("return location.search", Value::from("?status=exceeded"))
        .await;
    let shown = rows_on_screen(&s).await;
    let total = all_indicators(&served_report()).len();
    assert!(shown.len() >= 3 && shown.len() < total, "{}", shown.len());
    s.click("#download-csv").await;
    let (name, bytes) = downloaded_csv(&dir).await;
    assert_eq!(name, format!("{TITLE}-指标.csv"));
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "no UTF-8 BOM");
    let text = String::from_utf8(bytes[3..].to_vec()).expect("UTF-8");
    let records = parse_csv(&text);
    let link = server.url("?status=exceeded");
    // The header first (Excel's filter, csv.DictReader and pandas name the columns from it),
    // the rows, a blank line, then the report's provenance as notes under the table.
    let header = &records[0];
    assert_eq!(header.len(), 21, "{header:?}");
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column {name}"))
    };
    let (c_name, c_value, c_number, c_unit) =
        (col("指标"), col("数值"), col("数值（数字）"), col("单位"));
    let (c_pct, c_status, c_link) = (col("目标完成（%）"), col("状态"), col("链接"));
    let blank = records
        .iter()
        .position(|r| r.len() == 1 && r[0].is_empty())
        .expect("a blank line before the notes");
    let rows = &records[1..blank];
    let notes = &records[blank + 1..];
    assert_eq!(notes[0], ["报告标题", TITLE]);
    assert_eq!(notes[1], ["来源", "区信息中心"]);
    assert_eq!(notes[2], ["发布日期", "2020-01-10"]);
    assert_eq!(notes[3], ["链接", link.as_str()]);
    assert_eq!(notes[4][0], "说明");
    assert_eq!(rows.len(), shown.len());
    for (csv, [id, name, value, status]) in rows.iter().zip(&shown) {
        assert_eq!(csv.len(), header.len(), "{csv:?}");
        assert_eq!(&csv[c_name], name);
        // The figure as the table shows it, qualifier words and all.
        assert_eq!(&csv[c_value], value, "{name}");
        assert_eq!(&csv[c_status], status);
        assert_eq!(csv[c_link], format!("{link}#{id}"));
    }
    // Published figures stay as published ("114.59", not re-formatted), and the numeric
    // columns are plain numbers.
    let trees = rows
        .iter()
        .find(|r| r[c_value] == "37814亩")
        .expect("新增大树种植 is exceeded");
    assert_eq!(
        (
            trees[c_number].as_str(),
            trees[c_unit].as_str(),
            trees[c_pct].as_str()
        ),
        ("37814", "亩", "114.59")
    );
    let announced = s
        .js("return document.querySelector('[aria-live=polite]').textContent")
        .await;
    assert_eq!(
        announced,
        Value::from(format!("已生成表格文件，共 {} 项指标", shown.len()))
    );
    s.close().await;
    let _ = std::fs::remove_dir_all(&dir);
}

/// Checks "复制为文本" output against the rows shown.
fn assert_text_lists(text: &str, rows: &[[String; 4]], link: &str) {
    assert!(
        text.starts_with(&format!(
            "{TITLE}\n来源：区信息中心\n发布日期：2020-01-10\n链接：{link}\n"
        )),
        "{text}"
    );
    for (n, [id, name, value, _]) in rows.iter().enumerate() {
        let head = format!("\n{}. {name}：{value}", n + 1);
        assert!(text.contains(&head), "{head:?} not in {text}");
        assert!(text.contains(&format!("链接：{link}#{id}\n")), "{id}");
    }
    assert!(!text.contains(&format!("\n{}. ", rows.len() + 1)));
}

#[tokio::test(flavor = "current_thread")]
async fn copy_as_text_lists_the_rows_shown_or_offers_them_to_copy_by_hand() {
    let (server, s) = open(1280, 900, "?status=lagging").await;
    let shown = rows_on_screen(&s).await;
    assert!(!shown.is_empty());
    let link = server.url("?status=lagging");

    // Whatever headless Chromium does with the real clipboard: either it is written, or the
    // text is shown, selected, in a read-only field.
    s.click("#copy-text").await;
    let mut outcome = Value::Null;
    for _ in 0..50 {
        outcome = s
            .js("const t = document.getElementById('copy-fallback-text');
                 return t ? ['fallback', t.value] : [document.querySelector('.page-tools .copy-status').textContent]")
            .await;
        if outcome[0] == "fallback" || outcome[0].as_str().is_some_and(|t| t.starts_with("已复制"))
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    if outcome[0] == "fallback" {
        eprintln!("clipboard refused: the fallback field is shown");
        assert_text_lists(outcome[1].as_str().unwrap_or_default(), &shown, &link);
    } else {
        eprintln!("clipboard written: {outcome}");
        assert_eq!(
            outcome[0],
            Value::from(format!("已复制 {} 项指标", shown.len()))
        );
        // Read it back (Chromium: reading needs a permission, granted here).
        if Browser::from_env() == Browser::Chromium {
            s.cdp(
                "Browser.grantPermissions",
                serde_json::json!({
                    "origin": server.origin(),
                    "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]
                }),
            )
            .await;
            let copied = s.js("return navigator.clipboard.readText()").await;
            assert_text_lists(copied.as_str().unwrap_or_default(), &shown, &link);
        }
    }

    // Both paths, made certain by stubbing the clipboard. Refused: the field appears with the
    // text, focused and selected, and the status says what to do.
    s.js("navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); return 1")
        .await;
    s.click("#copy-text").await;
    s.wait_for("#copy-fallback-text").await;
    let field = s
        .js("const t = document.getElementById('copy-fallback-text');
             return [t.value, t.readOnly, document.activeElement === t,
                     t.selectionStart === 0 && t.selectionEnd === t.value.length,
                     t.closest('label').textContent.startsWith('指标文本'),
                     document.querySelector('.page-tools .copy-status').textContent]")
        .await;
    assert_text_lists(field[0].as_str().unwrap_or_default(), &shown, &link);
    assert_eq!(field[1], Value::Bool(true));
    // Focus moves in the frame after the field appears.
    s.eventually(
        "const t = document.getElementById('copy-fallback-text');
         return document.activeElement === t && t.selectionStart === 0
             && t.selectionEnd === t.value.length",
        Value::Bool(true),
    )
    .await;
    assert_eq!(field[4], Value::Bool(true));
    assert!(
        field[5].as_str().unwrap_or_default().contains("请手动复制"),
        "{field}"
    );
    // Written: the status counts the rows and the field goes away.
    s.js("window.__copied = null;
          navigator.clipboard.writeText = t => { window.__copied = t; return Promise.resolve(); };
          return 1")
        .await;
    s.click("#copy-text").await;
    s.eventually(
        "return document.querySelector('.page-tools .copy-status').textContent",
        Value::from(format!("已复制 {} 项指标", shown.len())),
    )
    .await;
    let copied = s.js("return window.__copied").await;
    assert_text_lists(copied.as_str().unwrap_or_default(), &shown, &link);
    assert_eq!(
        s.js("return document.getElementById('copy-fallback-text')")
            .await,
        Value::Null
    );
    s.close().await;
}

// ---------------------------------------------------------------------------------------------
// Print

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
    s.click("#btn-s-1").await;
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
    s.wait_for(".indicator-table tbody tr").await;
    let rows = "return document.querySelectorAll('.indicator-table tbody tr').length";
    assert_eq!(s.js(rows).await, Value::from(200));
    assert_eq!(s.texts(".more-rows").await.len(), 1);
    // What the browser fires before it lays the page out for printing.
    s.js("window.dispatchEvent(new Event('beforeprint')); return 1")
        .await;
    s.eventually(rows, Value::from(total)).await;
    assert!(s.texts(".more-rows").await.is_empty());
    s.close().await;
}

// ---------------------------------------------------------------------------------------------
// Large font (适老化)

#[tokio::test(flavor = "current_thread")]
async fn large_font_mode_is_large_roomy_remembered_and_fits_a_phone() {
    let (_server, s) = open(375, 812, "").await;
    let button = "#large-font";
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
    s.click("#toggle-all").await;

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
    s.click("#toggle-all").await;
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
    s.wait_for(".indicator-table tbody tr").await;
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

// ---------------------------------------------------------------------------------------------
// Dark mode and forced colours

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
    s.click("#toggle-all").await;

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
    s.wait_for("#download-csv")
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
