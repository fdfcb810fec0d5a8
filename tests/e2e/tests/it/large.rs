//! A very large report (the benchmark's 10 000 indicators in 200 sections): its text is built
//! chunk by chunk after the first paint, and nothing is lost on the way: every paragraph ends up
//! on the page, a deep link into text not built yet lands, and printing gets the whole text.

use e2e::page;
use e2e::{all_paragraphs, open_with_report, Session, StaticServer};
use serde_json::Value;

/// The synthetic report the benchmark uses, converted by our own converter.
fn large_report() -> Value {
    let text = reportc::synthetic_report_text(200, 10_000, 1);
    let converted = reportc::convert_bytes(text.as_bytes(), &Default::default()).expect("convert");
    serde_json::from_str(&reportc::to_json(&converted.report)).expect("json")
}

async fn open(report: &Value, fragment: &str) -> (StaticServer, Session) {
    open_with_report(serde_json::to_vec(report).unwrap_or_default(), fragment).await
}

/// Every paragraph of the report, depth first: (id, text).
fn paragraphs(report: &Value) -> Vec<(String, String)> {
    all_paragraphs(report)
        .iter()
        .map(|p| {
            (
                p["id"].as_str().unwrap_or_default().into(),
                p["text"].as_str().unwrap_or_default().into(),
            )
        })
        .collect()
}

#[tokio::test(flavor = "current_thread")]
async fn a_large_report_paints_first_then_builds_all_of_its_text() {
    let report = large_report();
    let paragraphs = paragraphs(&report);
    assert!(paragraphs.len() > 1_000, "{}", paragraphs.len());
    let (_server, s) = open(&report, "").await;
    s.wait_for(".report-text.report-large .paragraph").await;
    // The first screen shows before the whole text is built…
    let at_first = s
        .js("return document.querySelectorAll('.paragraph').length")
        .await
        .as_u64()
        .unwrap_or_default() as usize;
    assert!(at_first < paragraphs.len(), "{at_first}");
    // …and the rest follows without anything to do.
    let mut built = 0;
    for _ in 0..600 {
        built = s
            .js("return document.querySelectorAll('.paragraph').length")
            .await
            .as_u64()
            .unwrap_or_default() as usize;
        if built == paragraphs.len() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(built, paragraphs.len());
    // Character for character, in a closed section near the end as at the start.
    for (id, text) in [&paragraphs[0], &paragraphs[paragraphs.len() - 1]] {
        let shown = s.paragraph_text(&format!("[id='{id}']")).await;
        assert_eq!(shown, Value::from(text.clone()), "{id}");
    }
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn a_deep_link_into_text_not_built_yet_lands_on_its_sentence() {
    let report = large_report();
    // The last indicator with a paragraph: in the last section, built last.
    let last = paragraphs(&report).len();
    assert!(last > 0);
    let id = e2e::all_indicators(&report)
        .iter()
        .rev()
        .find(|i| i["source"]["paragraph_id"].is_string())
        .and_then(|i| i["id"].as_str().map(str::to_string))
        .expect("an indicator in a paragraph");
    let (_server, s) = open(&report, &page::figure_mark(&id)).await;
    s.eventually(
        "return document.activeElement.id",
        Value::from(format!("fig-{id}")),
    )
    .await;
    let sentence = s.texts(page::TARGET_SENTENCE).await.join("");
    assert!(!sentence.is_empty());
    let in_view = s
        .js(&format!(
            "const r = document.getElementById('fig-{id}').getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight"
        ))
        .await;
    assert_eq!(in_view, Value::Bool(true));
    s.close().await;
}

#[tokio::test(flavor = "current_thread")]
async fn printing_a_large_report_builds_all_of_its_text_at_once() {
    let report = large_report();
    let count = paragraphs(&report).len();
    let (_server, s) = open(&report, "").await;
    s.wait_for(".report-text.report-large .paragraph").await;
    let built = s
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             window.dispatchEvent(new Event('beforeprint'));
             requestAnimationFrame(() => done(document.querySelectorAll('.paragraph').length));",
            vec![],
        )
        .await
        .expect("script");
    assert_eq!(built, Value::from(count));
    s.close().await;
}
