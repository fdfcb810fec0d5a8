//! [`Session`]: a WebDriver server (chromedriver or geckodriver) in its own process group and a
//! headless browser session on it, with the helpers the tests act and read through (wait for an
//! element or the app, click, run a script, poll until a script gives a value).

use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

use crate::capabilities::capabilities;
use crate::Browser;

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

impl Session {
    /// Starts the driver and a headless browser with a `width`×`height` window.
    pub async fn start(width: u32, height: u32) -> Self {
        Self::start_with(width, height, SessionOptions::default()).await
    }

    /// [`start`](Self::start) with more settings (e.g. a download directory).
    pub async fn start_with(width: u32, height: u32, options: SessionOptions) -> Self {
        let browser = Browser::from_env();
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
        let caps = capabilities(browser, width, height, &options);
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
            .unwrap_or_else(|e| panic!("cannot open a {browser:?} session: {e}"));
        Session { client, driver }
    }

    /// Ends the browser session and the driver.
    pub async fn close(mut self) {
        let _ = self.client.clone().close().await;
        end_process_group(&mut self.driver);
    }

    /// Waits (up to 30 s) for an element matching `css` and returns it.
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

    /// The visible text of every element matching `css`.
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
