//! The two ways a test opens the page: the release build as it is ([`open_built`], or
//! [`open_built_with`] a session's options), or with another report.json in place of its own
//! ([`open_with_report`]); both return once the app has started. [`error_message_for`] is what
//! the page says of a report.json it cannot show.

use crate::{dist_dir, Override, Session, SessionOptions, StaticServer};

/// The release build served under `prefix` ("/gov/report/"), open at `path` (e.g. a query or
/// `#fragment`) in a `width`×`height` browser, once the app has taken the first paint over.
pub async fn open_built(
    prefix: &str,
    width: u32,
    height: u32,
    path: &str,
) -> (StaticServer, Session) {
    open_built_with(prefix, width, height, path, SessionOptions::default()).await
}

/// [`open_built`] in a session started with `options` (e.g. a download directory).
pub async fn open_built_with(
    prefix: &str,
    width: u32,
    height: u32,
    path: &str,
    options: SessionOptions,
) -> (StaticServer, Session) {
    let server = StaticServer::start(dist_dir(), prefix);
    let s = Session::start_with(width, height, options).await;
    s.client.goto(&server.url(path)).await.expect("open page");
    s.wait_for(crate::page::ROWS).await;
    s.wait_for_app().await;
    (server, s)
}

/// The release build served at `/` with `body` in place of its report.json, open at
/// `path` (e.g. a `#fragment`) in a 1280 × 900 browser.
pub async fn open_with_report(body: Vec<u8>, path: &str) -> (StaticServer, Session) {
    let overrides = std::collections::HashMap::from([(
        "report.json".to_string(),
        Override::new(200, "application/json", body),
    )]);
    let server = StaticServer::with_overrides(dist_dir(), "/", overrides);
    let s = Session::start(1280, 900).await;
    s.client.goto(&server.url(path)).await.expect("open");
    // The first paint is the built report's: wait until the app has rendered this one instead
    // (or taken the first paint over, when it is the same file).
    s.eventually(
        "const app = document.getElementById('app');
         return !!app && (app.dataset.render === 'client'
             || performance.getEntriesByName('report-ready').length > 0)",
        serde_json::Value::Bool(true),
    )
    .await;
    (server, s)
}

/// The message the page's error panel shows for `body` as its report.json (the session is
/// closed after reading it).
pub async fn error_message_for(body: Vec<u8>) -> String {
    let (_server, s) = open_with_report(body, "").await;
    let text = s
        .wait_for(crate::page::ERROR_MESSAGE)
        .await
        .text()
        .await
        .unwrap_or_default();
    s.close().await;
    text
}
