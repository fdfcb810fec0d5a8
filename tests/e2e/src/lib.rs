//! Harness for the browser tests: a static file server on loopback and a WebDriver session.
//!
//! The same test bodies run in Chromium (default) and, with `E2E_BROWSER=firefox`, in Firefox.

use std::collections::HashMap;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

pub use fantoccini;

/// The release build under test: `$E2E_DIST`, else `dist/` at the workspace root.
pub fn dist_dir() -> PathBuf {
    let dir = std::env::var_os("E2E_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no release build at {}: run `cargo xtask test` (it builds dist/ first)",
        dir.display()
    );
    dir
}

/// A file served in place of (or beside) the files on disk.
#[derive(Clone)]
pub struct Override {
    pub status: u16,
    pub content_type: String,
    pub body: Vec<u8>,
    /// Held back until this turns true (see [`Override::held`]).
    gate: Option<tokio::sync::watch::Receiver<bool>>,
}

impl Override {
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Self {
        Self {
            status,
            content_type: content_type.into(),
            body: body.into(),
            gate: None,
        }
    }

    /// This response, held back until the returned gate opens (e.g. the wasm, to look at the
    /// first paint before the app starts).
    pub fn held(mut self) -> (Self, Gate) {
        let (open, gate) = tokio::sync::watch::channel(false);
        self.gate = Some(gate);
        (self, Gate(open))
    }
}

/// Releases a held [`Override`] (and every request for it after that).
pub struct Gate(tokio::sync::watch::Sender<bool>);

impl Gate {
    pub fn open(&self) {
        let _ = self.0.send(true);
    }
}

/// Serves a directory under a URL prefix (e.g. `/portal/report/`) on 127.0.0.1, with
/// `tower-http`'s `ServeDir` on its own runtime thread; stops when dropped.
pub struct StaticServer {
    origin: String,
    prefix: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    requests: Arc<Mutex<Vec<String>>>,
}

impl StaticServer {
    pub fn start(dir: PathBuf, prefix: &str) -> Self {
        Self::with_overrides(dir, prefix, HashMap::new())
    }

    /// `overrides` maps a path relative to the prefix ("report.json") to a canned response.
    pub fn with_overrides(
        dir: PathBuf,
        prefix: &str,
        overrides: HashMap<String, Override>,
    ) -> Self {
        use axum::response::IntoResponse;

        let prefix = format!("/{}", prefix.trim_matches('/'));
        let prefix = if prefix == "/" { prefix } else { prefix + "/" };
        let mut site = axum::Router::new();
        for (path, o) in overrides {
            let handler = move || {
                let o = o.clone();
                async move {
                    if let Some(mut gate) = o.gate.clone() {
                        let _ = gate.wait_for(|open| *open).await;
                    }
                    let status = axum::http::StatusCode::from_u16(o.status)
                        .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR);
                    (status, [("content-type", o.content_type)], o.body).into_response()
                }
            };
            site = site.route(&format!("/{path}"), axum::routing::get(handler));
        }
        let site = site.fallback_service(tower_http::services::ServeDir::new(dir));
        let app = if prefix == "/" {
            site
        } else {
            axum::Router::new().nest_service(prefix.trim_end_matches('/'), site)
        };
        // Every request's path and query, in arrival order (see `requests`).
        let requests = Arc::new(Mutex::new(Vec::new()));
        let log = requests.clone();
        let app = app.layer(axum::middleware::from_fn(
            move |req: axum::extract::Request, next: axum::middleware::Next| {
                if let Ok(mut log) = log.lock() {
                    log.push(req.uri().to_string());
                }
                next.run(req)
            },
        ));
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let port = listener.local_addr().expect("local addr").port();
        listener.set_nonblocking(true).expect("nonblocking");
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_multi_thread()
                .worker_threads(2)
                .enable_all()
                .build()
                .expect("server runtime");
            rt.block_on(async move {
                let listener = tokio::net::TcpListener::from_std(listener).expect("listener");
                let _ = axum::serve(listener, app)
                    .with_graceful_shutdown(async {
                        let _ = stopped.await;
                    })
                    .await;
            });
        });
        Self {
            origin: format!("http://127.0.0.1:{port}"),
            prefix,
            stop: Some(stop),
            requests,
        }
    }

    /// Absolute URL of `path` under the prefix.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}{}", self.origin, self.prefix, path)
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// The path and query of every request served so far, in arrival order.
    pub fn requests(&self) -> Vec<String> {
        self.requests.lock().map(|r| r.clone()).unwrap_or_default()
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Which browser the tests drive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Browser {
    Chromium,
    Firefox,
}

impl Browser {
    /// From `E2E_BROWSER` (`chromium`, the default, or `firefox`).
    pub fn from_env() -> Self {
        match std::env::var("E2E_BROWSER").as_deref() {
            Ok("firefox") => Browser::Firefox,
            _ => Browser::Chromium,
        }
    }
}

/// A running WebDriver server and a browser session on it; both end on `close`/drop.
pub struct Session {
    pub client: Client,
    driver: Child,
}

/// Settings of a browser session beyond its window size.
#[derive(Clone, Debug, Default)]
pub struct SessionOptions {
    /// Where downloads are saved, without asking (absolute path).
    pub download_dir: Option<PathBuf>,
    /// WebDriver's `pageLoadStrategy` (`"none"`: `goto` returns at once, e.g. while a held
    /// response keeps the page loading); the driver's default (`"normal"`) if absent.
    pub page_load_strategy: Option<&'static str>,
    /// More Chromium command-line switches (e.g. `--blink-settings=scriptEnabled=false`).
    pub chromium_args: Vec<String>,
}

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
    /// Starts the driver and a headless browser with a `width`×`height` window.
    pub async fn start(width: u32, height: u32) -> Self {
        Self::start_with(width, height, SessionOptions::default()).await
    }

    /// [`start`](Self::start) with more settings (e.g. a download directory).
    pub async fn start_with(width: u32, height: u32, options: SessionOptions) -> Self {
        let browser = Browser::from_env();
        let download_dir = options
            .download_dir
            .as_ref()
            .map(|d| d.to_string_lossy().into_owned());
        let port = free_port();
        let (program, args) = match browser {
            Browser::Chromium => {
                let mut args = vec![format!("--port={port}")];
                if let Ok(log) = std::env::var("E2E_DRIVER_LOG") {
                    args.push("--verbose".into());
                    args.push(format!("--log-path={log}-{port}.log"));
                }
                ("chromedriver", args)
            }
            Browser::Firefox => ("geckodriver", vec![format!("--port={port}")]),
        };
        // Its own process group, so that the browsers it starts can be ended with it even
        // when a failing test never reaches `close`.
        use std::os::unix::process::CommandExt;
        let driver = Command::new(program)
            .args(&args)
            .process_group(0)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {program} (run `cargo xtask setup`): {e}"));
        wait_for_port(port, Duration::from_secs(30));
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
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("cannot open a {browser:?} session: {e}"));
        Session { client, driver }
    }

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

    /// Ends the browser session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        end_process_group(&mut self.driver);
    }

    /// Waits (up to 20 s) for an element matching `css` and returns it.
    pub async fn wait_for(&self, css: &str) -> fantoccini::elements::Element {
        match self
            .client
            .wait()
            .at_most(Duration::from_secs(30))
            .for_element(Locator::Css(css))
            .await
        {
            Ok(e) => e,
            Err(e) => {
                let url = self.client.current_url().await.map(|u| u.to_string());
                let body = self
                    .client
                    .execute(
                        "return [document.getElementById('app')?.innerHTML.slice(0, 300),
                            performance.getEntriesByType('resource').map(e => e.name.split('/').pop() + ' ' + Math.round(e.responseEnd))]",
                        vec![],
                    )
                    .await;
                panic!("no element {css:?} appeared: {e}\nurl: {url:?}\npage text: {body:?}")
            }
        }
    }

    /// The visible text of every element matching `css`.
    /// Waits until the app has started on the page: its first frame after taking over the
    /// first paint (or rendering afresh) has run, so the URL's filter and fragment apply.
    pub async fn wait_for_app(&self) {
        self.eventually(
            "return performance.getEntriesByName('report-ready').length > 0",
            serde_json::Value::Bool(true),
        )
        .await;
        // The frames after it (a deep link's scroll, the rows past the first frame's).
        tokio::time::sleep(Duration::from_millis(200)).await;
    }

    pub async fn texts(&self, css: &str) -> Vec<String> {
        let mut out = Vec::new();
        let elements = self
            .client
            .find_all(Locator::Css(css))
            .await
            .unwrap_or_default();
        for e in elements {
            out.push(e.text().await.unwrap_or_default());
        }
        out
    }

    /// Waits for `css` and clicks it.
    pub async fn click(&self, css: &str) {
        self.wait_for(css).await.click().await.expect("click");
    }

    /// Polls a script until it returns `expected` (up to 10 s), for effects that land after a
    /// frame or a network round trip.
    pub async fn eventually(&self, script: &str, expected: serde_json::Value) {
        let mut last = serde_json::Value::Null;
        for _ in 0..100 {
            last = self.js(script).await;
            if last == expected {
                return;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("{script} gave {last}, expected {expected}");
    }

    /// An attribute as the DOM has it (WebDriver's own call reports boolean attributes as
    /// "true"); waits for the element first.
    pub async fn attr(&self, css: &str, name: &str) -> Option<String> {
        self.wait_for(css).await;
        let v = self
            .client
            .execute(
                "const e = document.querySelector(arguments[0]); return e ? e.getAttribute(arguments[1]) : null",
                vec![serde_json::Value::from(css), serde_json::Value::from(name)],
            )
            .await
            .expect("read attribute");
        v.as_str().map(str::to_string)
    }

    /// The text of the first element matching `css` (a paragraph) as the page has it, less its
    /// hidden figure tooltips: what a reader sees, to compare with the report's text. Null when
    /// there is no such element.
    pub async fn paragraph_text(&self, css: &str) -> serde_json::Value {
        self.client
            .execute(
                "const p = document.querySelector(arguments[0]);
                 if (!p) return null;
                 const c = p.cloneNode(true);
                 c.querySelectorAll('.figure-tip').forEach(t => t.remove());
                 return c.textContent;",
                vec![serde_json::Value::from(css)],
            )
            .await
            .expect("read paragraph text")
    }

    /// Runs a script and returns its JSON result.
    pub async fn js(&self, script: &str) -> serde_json::Value {
        self.client
            .execute(script, vec![])
            .await
            .unwrap_or_else(|e| panic!("script failed: {e}\n{script}"))
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

impl Drop for Session {
    fn drop(&mut self) {
        end_process_group(&mut self.driver);
    }
}

/// Ends the driver and everything in its process group (the browser and its helpers).
fn end_process_group(driver: &mut Child) {
    let group = format!("-{}", driver.id());
    let _ = Command::new("kill")
        .args(["-KILL", "--", &group])
        .stderr(Stdio::null())
        .status();
    let _ = driver.kill();
    let _ = driver.wait();
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free loopback port")
}

fn wait_for_port(port: u16, limit: Duration) {
    let start = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            start.elapsed() < limit,
            "WebDriver did not listen on port {port}"
        );
        thread::sleep(Duration::from_millis(100));
    }
}

/// The release build served under `prefix` ("/gov/report/"), open at `path` (e.g. a query or
/// `#fragment`) in a `width`×`height` browser, once the app has taken the first paint over.
pub async fn open_built(
    prefix: &str,
    width: u32,
    height: u32,
    path: &str,
) -> (StaticServer, Session) {
    let server = StaticServer::start(dist_dir(), prefix);
    let s = Session::start(width, height).await;
    s.client.goto(&server.url(path)).await.expect("open page");
    s.wait_for(".indicator-table tbody tr").await;
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

/// The report the release build serves (`dist/report.json`), for looking up generated ids.
pub fn served_report() -> serde_json::Value {
    let path = dist_dir().join("report.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

/// The file name of the release build's wasm (`data-wasm="./report-page-….wasm"` in its
/// index.html), e.g. to make it fail to load.
pub fn built_wasm_name() -> String {
    let path = dist_dir().join("index.html");
    let page = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    page.split("data-wasm=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .map(|name| name.trim_start_matches("./").to_string())
        .unwrap_or_else(|| panic!("{} names no wasm file", path.display()))
}

/// Every indicator object of a report, depth first in published order.
pub fn all_indicators(report: &serde_json::Value) -> Vec<serde_json::Value> {
    fn walk(s: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
        let list = |v: &serde_json::Value| v.as_array().cloned().unwrap_or_default();
        out.extend(list(&s["indicators"]));
        for p in list(&s["paragraphs"]) {
            out.extend(list(&p["indicators"]));
        }
        for c in list(&s["children"]) {
            walk(&c, out);
        }
    }
    let mut out = Vec::new();
    for s in report["sections"].as_array().cloned().unwrap_or_default() {
        walk(&s, &mut out);
    }
    out
}

/// Every paragraph object of a report, depth first in published order.
pub fn all_paragraphs(report: &serde_json::Value) -> Vec<serde_json::Value> {
    fn walk(s: &serde_json::Value, out: &mut Vec<serde_json::Value>) {
        out.extend(s["paragraphs"].as_array().cloned().unwrap_or_default());
        for c in s["children"].as_array().into_iter().flatten() {
            walk(c, out);
        }
    }
    let mut out = Vec::new();
    for s in report["sections"].as_array().into_iter().flatten() {
        walk(s, &mut out);
    }
    out
}

/// The id of the indicator whose value is published as `raw` + `unit` ("37814" + "亩").
pub fn indicator_id_by_value(report: &serde_json::Value, raw: &str, unit: &str) -> String {
    all_indicators(report)
        .into_iter()
        .find(|i| i["value"]["raw"] == raw && i["value"]["unit"] == unit)
        .and_then(|i| i["id"].as_str().map(str::to_string))
        .unwrap_or_else(|| panic!("no indicator with value {raw}{unit}"))
}

/// Saves a PNG screenshot under `target/screenshots/` (for people to look at).
pub async fn screenshot(session: &Session, name: &str) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    if let Ok(png) = session.client.screenshot().await {
        let _ = std::fs::write(dir.join(format!("{name}.png")), png);
    }
}

/// Saves a PNG of the whole page (not only the window) under `target/screenshots/`, with the
/// media emulation in force (e.g. print): the window is made as tall as the page for the shot.
/// Chromium only.
pub async fn screenshot_full_page(session: &Session, name: &str) {
    use base64::Engine as _;
    let width = session
        .js("return innerWidth")
        .await
        .as_f64()
        .unwrap_or(1280.0);
    let mut height = 0.0;
    // Without a scrollbar the page may reflow to another height: measure until it settles.
    for _ in 0..3 {
        let h = session
            .js("return document.documentElement.scrollHeight")
            .await
            .as_f64()
            .unwrap_or(900.0);
        if h == height {
            break;
        }
        height = h;
        session
            .cdp(
                "Emulation.setDeviceMetricsOverride",
                serde_json::json!({
                    "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false
                }),
            )
            .await;
        tokio::time::sleep(Duration::from_millis(300)).await;
    }
    let shot = session
        .cdp(
            "Page.captureScreenshot",
            serde_json::json!({ "format": "png" }),
        )
        .await;
    session
        .cdp(
            "Emulation.clearDeviceMetricsOverride",
            serde_json::json!({}),
        )
        .await;
    let data = shot["data"].as_str().unwrap_or_default();
    let png = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap_or_else(|e| panic!("screenshot is not base64: {e}"));
    save_artifact(&format!("{name}.png"), &png);
}

/// Saves a file for people to look at under `target/screenshots/`.
pub fn save_artifact(file: &str, bytes: &[u8]) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/screenshots");
    let _ = std::fs::create_dir_all(&dir);
    std::fs::write(dir.join(file), bytes).unwrap_or_else(|e| panic!("cannot save {file}: {e}"));
}

// ---------------------------------------------------------------------------------------------
// Downloads and CSV

/// A small RFC 4180 reader: records of fields, CRLF or LF record ends, quoted fields with
/// doubled quotes.
pub fn parse_csv(s: &str) -> Vec<Vec<String>> {
    let mut records = Vec::new();
    let mut record = Vec::new();
    let mut field = String::new();
    let mut chars = s.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                _ => field.push(c),
            }
            continue;
        }
        match c {
            '"' if field.is_empty() => quoted = true,
            ',' => record.push(std::mem::take(&mut field)),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' => {
                record.push(std::mem::take(&mut field));
                records.push(std::mem::take(&mut record));
            }
            _ => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quote");
    if !field.is_empty() || !record.is_empty() {
        record.push(field);
        records.push(record);
    }
    records
}

/// An empty directory for one test's downloads (absolute, as browsers want it).
pub fn fresh_download_dir(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../target/e2e-downloads")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("download dir");
    dir.canonicalize().expect("absolute download dir")
}

/// Waits (up to 20 s) for a finished `.csv` download in `dir`.
pub async fn downloaded_csv(dir: &Path) -> (String, Vec<u8>) {
    for _ in 0..200 {
        let done = std::fs::read_dir(dir)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "csv"));
        if let Some(path) = done {
            tokio::time::sleep(Duration::from_millis(300)).await;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            return (name, std::fs::read(&path).expect("read download"));
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("no CSV appeared in {}", dir.display());
}
