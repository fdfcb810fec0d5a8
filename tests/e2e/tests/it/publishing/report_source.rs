//! The report source is fixed by the deployer: no URL parameter loads a report from another
//! origin.

use std::collections::HashMap;

use e2e::page;
use e2e::{dist_dir, served_report, Override, Session, StaticServer};
use serde_json::Value;

use super::{PREFIX, TITLE};

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
            s.wait_for(page::ROWS).await;
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
