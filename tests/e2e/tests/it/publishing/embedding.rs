//! Embedded in a portal's iframe from another origin: the README's host snippet sizes the
//! frame to the content, links handed out point at the page itself, a deep link in the frame
//! address lands on its row.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use e2e::page;
use e2e::{
    dist_dir, indicator_id_by_value, screenshot, served_report, Override, Session, StaticServer,
};
use serde_json::Value;

use super::{PREFIX, TITLE};

/// The frame address in the README's host snippet, replaced by the test server's.
const SNIPPET_SRC: &str = "https://report.example.gov.cn/portal/report/?embed=1";

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
    s.wait_for(page::ROWS).await;

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
    let meta = s.texts(page::META).await.join(" ");
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
    s.click(page::TOGGLE_ALL).await;
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
    let rows = s.js(page::ROW_COUNT).await;
    assert_eq!(Value::from(hrefs.len()), rows);
    let page = report.url("");
    for h in &hrefs {
        let id = h
            .strip_prefix(&format!("{page}#"))
            .unwrap_or_else(|| panic!("{h} is not a link to {page}"));
        assert!(id.starts_with("i-") && !h.contains("embed"), "{h}");
    }

    // A filter change keeps embed=1 in the frame's URL; the frame shrinks with the table.
    s.wait_for(page::STATUS_MENU)
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
    s.click(page::COPY_TEXT).await;
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
    s.wait_for(page::ROWS).await;
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
