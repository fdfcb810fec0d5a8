//! The README's first command, run as a newcomer runs it: `cargo xtask serve` builds the page
//! and serves exactly what `cargo xtask build` deploys (CSP hash of the inlined stylesheet,
//! the report's first paint), and stops cleanly on Ctrl-C.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

use e2e::page;
use e2e::Session;

/// The command's child process group, ended (SIGKILL) if the test fails before its Ctrl-C.
struct Serving {
    child: Child,
    address: String,
    lines: mpsc::Receiver<String>,
}

impl Drop for Serving {
    fn drop(&mut self) {
        signal_group(&self.child, "KILL");
        let _ = self.child.wait();
    }
}

fn signal_group(child: &Child, signal: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{signal}"), "--", &format!("-{}", child.id())])
        .status();
}

fn workspace_root() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
}

/// Starts `cargo xtask serve --port 0` and waits for the address it prints.
fn start_serving() -> Serving {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let mut child = Command::new(cargo)
        .args(["xtask", "serve", "--port", "0"])
        .current_dir(workspace_root())
        .process_group(0)
        .stdout(Stdio::piped())
        .spawn()
        .expect("start `cargo xtask serve`");
    let stdout = child.stdout.take().expect("piped stdout");
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines().map_while(Result::ok) {
            println!("serve: {line}");
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut serving = Serving {
        child,
        address: String::new(),
        lines,
    };
    // A cold machine builds the whole page first; `cargo xtask test` has built it already.
    loop {
        let line = serving
            .lines
            .recv_timeout(Duration::from_secs(1200))
            .expect("`cargo xtask serve` printed no address");
        if let Some(at) = line.find("http://") {
            let url = line[at..].split_whitespace().next().unwrap_or_default();
            serving.address = url.trim_end_matches('/').to_string();
            break;
        }
    }
    serving
}

/// The body of a GET of `path` from `origin` ("http://127.0.0.1:1234").
fn http_get(origin: &str, path: &str) -> Vec<u8> {
    let host = origin.trim_start_matches("http://");
    let mut stream = TcpStream::connect(host).expect("connect to the served page");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("request");
    let mut response = Vec::new();
    stream.read_to_end(&mut response).expect("response");
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP response");
    let head = String::from_utf8_lossy(&response[..split]).to_string();
    assert!(head.starts_with("HTTP/1.1 200"), "GET {path}: {head}");
    assert!(
        !head
            .to_ascii_lowercase()
            .contains("transfer-encoding: chunked"),
        "static files have a length"
    );
    response[split + 4..].to_vec()
}

#[tokio::test(flavor = "current_thread")]
async fn the_serve_command_serves_the_deployed_page_and_stops_on_ctrl_c() {
    let serving = start_serving();
    let origin = serving.address.clone();

    // Byte for byte what the build put in dist/, and that holds the report's first paint.
    let served = http_get(&origin, "/");
    let dist = workspace_root().join("dist");
    let built = std::fs::read(dist.join("index.html")).expect("dist/index.html");
    assert!(
        served == built,
        "the served index.html is not dist/index.html"
    );
    let page = String::from_utf8(served).expect("utf-8 index.html");
    let json = String::from_utf8(http_get(&origin, "/report.json")).expect("utf-8 report.json");
    let report = report_page::render::parse_report(&json).expect("the served report.json parses");
    assert!(
        page.contains(&report_page::render::first_paint(&report, &json)),
        "the served index.html lacks the report's first paint"
    );
    assert!(
        page.contains("'sha256-"),
        "the CSP lacks the stylesheet's hash"
    );

    let s = Session::start(1280, 900).await;
    s.client.goto(&format!("{origin}/")).await.expect("open");
    // The app started: it took over the first paint.
    s.wait_for(page::ROWS).await;
    s.wait_for_app().await;
    // The inlined stylesheet applies: the body's margin is 0, not the browser's 8px.
    let style = s
        .js("const b = getComputedStyle(document.body);
             return [b.marginTop, document.styleSheets.length > 0]")
        .await;
    assert_eq!(style, serde_json::json!(["0px", true]));
    let log = s.browser_log().await;
    let violations: Vec<&String> = log
        .iter()
        .filter(|m| m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
        .collect();
    assert!(violations.is_empty(), "CSP violations: {violations:?}");
    s.close().await;

    // Ctrl-C: the server says so and exits with success.
    signal_group(&serving.child, "INT");
    let mut serving = serving;
    let status = wait_with_limit(&mut serving.child, Duration::from_secs(20));
    assert!(status.success(), "serve exited with {status} on Ctrl-C");
    // The rest of its output, up to the end of the stream.
    let mut rest = Vec::new();
    while let Ok(line) = serving.lines.recv_timeout(Duration::from_secs(5)) {
        rest.push(line);
    }
    assert!(rest.iter().any(|l| l == "stopped"), "{rest:?}");
}

fn wait_with_limit(child: &mut Child, limit: Duration) -> std::process::ExitStatus {
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for serve") {
            return status;
        }
        assert!(
            start.elapsed() < limit,
            "serve did not stop within {limit:?}"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}
