//! Hostile and malformed report files: markup in the text stays text, broken ranges and ids do
//! not break the page, and files that cannot be read get a clear message.

use e2e::page;
use e2e::{error_message_for, open_with_report, served_report};
use serde_json::{json, Value};

const MARKUP: &str = "<img src=x onerror=\"window.pwned=1\"><script>window.pwned=1</script>";

#[tokio::test(flavor = "current_thread")]
async fn markup_in_the_report_is_shown_as_text_and_never_runs() {
    let mut r = served_report();
    r["meta"]["title"] = Value::from(format!("标题{MARKUP}"));
    r["sections"][0]["title"] = Value::from(format!("章节{MARKUP}"));
    let p = &mut r["sections"][0]["paragraphs"][0];
    let text = format!("{MARKUP}{}", p["text"].as_str().unwrap_or_default());
    p["text"] = Value::from(text);
    p["headline"] = Value::Null;
    // The ranges now point 80-odd chars early: the page must cope, not trust them.
    p["indicators"][0]["name"] = Value::from(format!("指标{MARKUP}"));
    p["indicators"][0]["id"] = Value::from("\"><img src=x onerror=window.pwned=1>");
    let (_server, s) = open_with_report(serde_json::to_vec(&r).unwrap_or_default(), "").await;
    s.wait_for(page::ROWS).await;
    let h1 = s.texts(page::TITLE).await.join("");
    assert_eq!(h1, format!("标题{MARKUP}"));
    let injected = s
        .js("return [document.querySelectorAll('main img, main script').length, window.pwned || 0]")
        .await;
    assert_eq!(injected, json!([0, 0]));
    // The paragraph's text, markup and all, is on screen as characters.
    let text = s.paragraph_text("p.paragraph").await;
    assert!(
        text.as_str().is_some_and(|t| t.starts_with(MARKUP)),
        "{text}"
    );
    s.close().await;
}

async fn shows_error(body: &[u8], expected: &str) {
    let text = error_message_for(body.to_vec()).await;
    assert!(text.contains(expected), "{text:?} lacks {expected:?}");
}

#[tokio::test(flavor = "current_thread")]
async fn unreadable_files_get_a_clear_message() {
    // Not JSON at all, binary, empty, truncated, the wrong version, too deeply nested.
    shows_error(b"<html>portal error page</html>", "格式有误").await;
    shows_error(&[0xff, 0xfe, 0x00, 0x01, 0x02], "").await;
    shows_error(b"", "格式有误").await;
    let full = serde_json::to_vec(&served_report()).unwrap_or_default();
    shows_error(&full[..full.len() / 2], "格式有误").await;
    let mut old = served_report();
    old["schema_version"] = Value::from("0.1");
    shows_error(&serde_json::to_vec(&old).unwrap_or_default(), "版本").await;
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    shows_error(deep.as_bytes(), "格式有误").await;
}
