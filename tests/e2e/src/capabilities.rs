//! What a session asks the browser for: headless, its window size (an emulated phone below
//! Chromium's 500 px minimum), Chinese as the page language, downloads without asking, the
//! console log (Chromium), and the [`SessionOptions`] of one test.

use crate::{Browser, SessionOptions};

/// The WebDriver capabilities of a `width`×`height` session of `browser`.
pub(crate) fn capabilities(
    browser: Browser,
    width: u32,
    height: u32,
    options: &SessionOptions,
) -> serde_json::Map<String, serde_json::Value> {
    let download_dir = options
        .download_dir
        .as_ref()
        .map(|d| d.to_string_lossy().into_owned());
    let mut caps = serde_json::Map::new();
    if let Some(strategy) = options.page_load_strategy {
        caps.insert("pageLoadStrategy".into(), strategy.into());
    }
    match browser {
        Browser::Chromium => {
            // Console messages (CSP violations among them) for `browser_log`.
            caps.insert(
                "goog:loggingPrefs".into(),
                serde_json::json!({ "browser": "ALL" }),
            );
            caps.insert(
                "goog:chromeOptions".into(),
                serde_json::json!({
                    "binary": "/usr/bin/chromium",
                    "args": [
                        "--headless=new", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                        "--lang=zh-CN", format!("--window-size={width},{height}")
                    ],
                    "prefs": match &download_dir {
                        Some(dir) => serde_json::json!({
                            "download.default_directory": dir,
                            "download.prompt_for_download": false,
                            "download.directory_upgrade": true,
                            "safebrowsing.enabled": false
                        }),
                        None => serde_json::json!({}),
                    }
                }),
            );
            if let Some(args) = caps
                .get_mut("goog:chromeOptions")
                .and_then(|o| o["args"].as_array_mut())
            {
                args.extend(options.chromium_args.iter().map(|a| a.as_str().into()));
            }
            // Headless Chromium will not make a window narrower than 500 px: emulate the
            // phone's viewport instead, as its DevTools device mode does.
            if width < 500 {
                if let Some(opts) = caps.get_mut("goog:chromeOptions") {
                    opts["mobileEmulation"] = serde_json::json!({
                        "deviceMetrics": { "width": width, "height": height, "pixelRatio": 2, "touch": true }
                    });
                }
            }
        }
        Browser::Firefox => {
            caps.insert(
                "moz:firefoxOptions".into(),
                serde_json::json!({
                    "args": ["-headless", format!("--width={width}"), format!("--height={height}")],
                    "prefs": match &download_dir {
                        Some(dir) => serde_json::json!({
                            "intl.accept_languages": "zh-CN",
                            "browser.download.folderList": 2,
                            "browser.download.dir": dir,
                            "browser.download.useDownloadDir": true,
                            "browser.helperApps.neverAsk.saveToDisk": "text/csv"
                        }),
                        None => serde_json::json!({ "intl.accept_languages": "zh-CN" }),
                    }
                }),
            );
        }
    }
    caps
}
