//! Chromium-only commands, through chromedriver's extension endpoints: the console log
//! ([`Session::browser_log`]), a DevTools protocol command ([`Session::cdp`]) and media
//! emulation built on it ([`Session::emulate_media`]).

use crate::{Browser, Session};

/// A chromedriver extension command: a JSON `POST` to `session/{id}/<path>`, e.g.
/// `goog/cdp/execute` (a Chrome DevTools Protocol command) or `se/log` (the console log).
#[derive(Debug)]
struct ChromedriverPost {
    path: &'static str,
    body: serde_json::Value,
}

impl fantoccini::wd::WebDriverCompatibleCommand for ChromedriverPost {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/{}",
            session_id.unwrap_or_default(),
            self.path
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (axum::http::Method, Option<String>) {
        (axum::http::Method::POST, Some(self.body.to_string()))
    }
}

impl Session {
    /// The console messages Chromium logged since the last call, one string each ("SEVERE
    /// http://…/ 0:0 Refused to apply inline style …"). Chromium only.
    pub async fn browser_log(&self) -> Vec<String> {
        let entries = self
            .client
            // The console messages since the last call; the session asks for them with
            // `goog:loggingPrefs`.
            .issue_cmd(ChromedriverPost {
                path: "se/log",
                body: serde_json::json!({ "type": "browser" }),
            })
            .await
            .unwrap_or_else(|e| panic!("cannot read the browser log: {e}"));
        entries
            .as_array()
            .map(|list| {
                list.iter()
                    .map(|e| {
                        format!(
                            "{} {}",
                            e["level"].as_str().unwrap_or_default(),
                            e["message"].as_str().unwrap_or_default()
                        )
                    })
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Sends a Chrome DevTools Protocol command to the current tab and returns its result.
    /// Chromium only (chromedriver's `goog/cdp/execute`).
    pub async fn cdp(&self, cmd: &str, params: serde_json::Value) -> serde_json::Value {
        assert_eq!(
            Browser::from_env(),
            Browser::Chromium,
            "CDP command {cmd} needs Chromium"
        );
        self.client
            .issue_cmd(ChromedriverPost {
                path: "goog/cdp/execute",
                body: serde_json::json!({ "cmd": cmd, "params": params }),
            })
            .await
            .unwrap_or_else(|e| panic!("CDP {cmd} failed: {e}"))
    }

    /// Emulates a CSS media type (`"print"`, or `""` for the screen) and media features such as
    /// `("prefers-color-scheme", "dark")` or `("forced-colors", "active")`. Chromium only.
    pub async fn emulate_media(&self, media: &str, features: &[(&str, &str)]) {
        let features: Vec<serde_json::Value> = features
            .iter()
            .map(|(name, value)| serde_json::json!({ "name": name, "value": value }))
            .collect();
        self.cdp(
            "Emulation.setEmulatedMedia",
            serde_json::json!({ "media": media, "features": features }),
        )
        .await;
    }
}
