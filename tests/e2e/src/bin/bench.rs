//! The performance benchmark of issue 6. Run it with `cargo xtask bench`, which builds the
//! release page into `target/bench-dist/`, measures its file sizes and then runs this binary
//! (in release) with `--dist target/bench-dist --sizes bench-results/sizes.json`.
//!
//! It measures, in one run:
//!
//! * page-ready time (navigation start → the app's `report-ready` mark), LCP and CLS of the app
//!   and of the converter's static HTML rendering of the same report, cold cache, under
//!   Lighthouse's mobile throttling and unthrottled, in headless Chromium driven through
//!   chromedriver's DevTools endpoint (`goog/cdp/execute`);
//! * a 10 000-indicator report (`reportc::synthetic_report_text(200, 10_000, 1)`): first render,
//!   filter keystroke → paint, expand/collapse all → paint, memory after load;
//! * converter throughput on the seed text repeated to 10 MB.
//!
//! Files are served precompressed (brotli -q 11 / gzip -9, as a portal's web server would send
//! them) by a small server on loopback. Results go to `bench-results/bench.json` and
//! `bench-results/bench.md`; the Markdown is also printed.

use std::collections::BTreeMap;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::{Duration, Instant};

use e2e::fantoccini::wd::{TimeoutConfiguration, WebDriverCompatibleCommand};
use e2e::fantoccini::Client;
use e2e::Session;
use serde_json::{json, Value};

type Res<T = ()> = Result<T, String>;

/// Lighthouse's mobile profile: 150 ms RTT, 1.6 Mbit/s down, 750 kbit/s up, CPU × 4,
/// a 412 × 823 phone screen.
const MOBILE_LATENCY_MS: u32 = 150;
const MOBILE_DOWN_BYTES_PER_S: u32 = 204_800;
const MOBILE_UP_BYTES_PER_S: u32 = 96_000;
const MOBILE_CPU_SLOWDOWN: u32 = 4;

/// Budgets of issue 11 (issue 6's where issue 11 sets none).
const BUDGET_WASM_BR: f64 = 80.0 * 1024.0;
const BUDGET_SHELL_BR: f64 = 100.0 * 1024.0;
/// The filter usable within this multiple of the static page's ready time (mobile).
const BUDGET_READY_RATIO: f64 = 2.0;
const BUDGET_LCP_RATIO: f64 = 1.2;
const BUDGET_INTERACTIVE_MS: f64 = 2500.0;
const BUDGET_CLS: f64 = 0.02;
const BUDGET_BIG_FIRST_RENDER_MS: f64 = 500.0;
const BUDGET_KEY_MEDIAN_MS: f64 = 16.0;
const BUDGET_KEY_P95_MS: f64 = 50.0;
const BUDGET_TOGGLE_MS: f64 = 16.0;
const BUDGET_CONVERTER_MB_S: f64 = 20.0;

/// The whole browser phase must end within this (then the browser is closed regardless).
const BROWSER_PHASE_LIMIT: Duration = Duration::from_secs(540);

struct Args {
    dist: PathBuf,
    out: PathBuf,
    sizes: Option<PathBuf>,
    work: PathBuf,
    seed_text: PathBuf,
    /// The static page as the build's `render` wrote it (report.html); else rendered here.
    static_html: Option<PathBuf>,
    loads: usize,
    big_loads: usize,
    keys: usize,
    toggles: usize,
}

impl Args {
    fn parse() -> Res<Args> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let mut a = Args {
            dist: PathBuf::new(),
            out: root.join("bench-results"),
            sizes: None,
            work: root.join("target/bench-work"),
            seed_text: root.join("reports/tongzhou-2019-performance-report.txt"),
            static_html: None,
            loads: 10,
            big_loads: 5,
            keys: 50,
            toggles: 10,
        };
        let mut dist = None;
        let mut it = std::env::args().skip(1);
        while let Some(flag) = it.next() {
            let mut value = || it.next().ok_or(format!("{flag} needs a value"));
            let count = |v: String| v.parse::<usize>().map_err(|e| format!("{flag}: {e}"));
            match flag.as_str() {
                "--dist" => dist = Some(PathBuf::from(value()?)),
                "--out" => a.out = PathBuf::from(value()?),
                "--sizes" => a.sizes = Some(PathBuf::from(value()?)),
                "--work" => a.work = PathBuf::from(value()?),
                "--seed-text" => a.seed_text = PathBuf::from(value()?),
                "--static-html" => a.static_html = Some(PathBuf::from(value()?)),
                "--loads" => a.loads = count(value()?)?.clamp(1, 50),
                "--big-loads" => a.big_loads = count(value()?)?.clamp(1, 20),
                "--keys" => a.keys = count(value()?)?.clamp(1, 200),
                "--toggles" => a.toggles = count(value()?)?.clamp(2, 50),
                "-h" | "--help" => {
                    return Err(
                        "usage: bench [--dist DIR] [--out DIR] [--sizes FILE] [--work DIR] \
                        [--seed-text FILE] [--static-html FILE] [--loads N] [--big-loads N] [--keys N] [--toggles N]"
                            .into(),
                    )
                }
                other => return Err(format!("unknown argument {other:?}")),
            }
        }
        // `$E2E_DIST` (or dist/) when no --dist is given, like the browser tests.
        a.dist = dist.unwrap_or_else(e2e::dist_dir);
        Ok(a)
    }
}

fn main() -> ExitCode {
    let args = match Args::parse() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("bench: {e}");
            return ExitCode::FAILURE;
        }
    };
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("bench: no runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match rt.block_on(run(args)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("bench: error: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(args: Args) -> Res {
    let started = Instant::now();
    let env = environment();
    eprintln!("bench: {}", env["summary"].as_str().unwrap_or_default());

    // 1. Transfer sizes (measured by `cargo xtask bench` with xtask/src/sizes.rs).
    let sizes = read_sizes(&args)?;

    // 2. Converter throughput, before the browser so that nothing competes for the CPU.
    let converter = converter_throughput(&args.seed_text)?;

    // 3. The sites to serve: the release build, the static page, the 10k report.
    let sites = prepare(&args)?;
    let seed_server = Server::start(&sites.seed).await?;
    let static_server = Server::start(&sites.static_dir).await?;
    let big_server = Server::start(&sites.big).await?;
    let urls = Urls {
        app: seed_server.url(""),
        static_page: static_server.url("static.html"),
        big: big_server.url(""),
    };

    // 4. The browser.
    let session = Session::start(1350, 940).await;
    let client = session.client.clone();
    let plan = Plan {
        loads: args.loads,
        big_loads: args.big_loads,
        keys: args.keys,
        toggles: args.toggles,
    };
    let task = tokio::spawn(async move { browse(&client, &urls, &plan).await });
    let abort = task.abort_handle();
    let outcome = match tokio::time::timeout(BROWSER_PHASE_LIMIT, task).await {
        Ok(Ok(r)) => r,
        Ok(Err(e)) => Err(format!("the browser phase failed: {e}")),
        Err(_) => {
            abort.abort();
            Err(format!(
                "the browser phase took more than {} s",
                BROWSER_PHASE_LIMIT.as_secs()
            ))
        }
    };
    session.close().await;
    drop((seed_server, static_server, big_server));
    let browser = outcome?;

    // 5. Report.
    let report = Report {
        env,
        sizes,
        converter,
        big: sites.big_info,
        served: sites.served,
        browser,
        seconds: started.elapsed().as_secs_f64(),
    };
    let (json, markdown) = report.render();
    fs::create_dir_all(&args.out).map_err(|e| format!("{}: {e}", args.out.display()))?;
    let write = |name: &str, text: &str| {
        let path = args.out.join(name);
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))
    };
    write(
        "bench.json",
        &serde_json::to_string_pretty(&json).unwrap_or_default(),
    )?;
    write("bench.md", &markdown)?;
    println!("{markdown}");
    eprintln!(
        "bench: wrote {} and bench.md in {:.0} s",
        args.out.join("bench.json").display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// Environment, sizes, converter

fn command_line(program: &str, args: &[&str]) -> String {
    Command::new(program)
        .args(args)
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_default()
}

fn environment() -> Value {
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem_kib: u64 = fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .find(|l| l.starts_with("MemTotal:"))
                .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        })
        .unwrap_or(0);
    let mem_gib = (mem_kib as f64 / 1024.0 / 1024.0).round();
    let date = command_line("date", &[]);
    let chromium = command_line("/usr/bin/chromium", &["--version"]);
    let loadavg = load_average();
    json!({
        "date": date,
        "cores": cores,
        "memory_gib": mem_gib,
        "chromium": chromium,
        "loadavg_start": loadavg,
        "summary": format!("{date}; {cores} cores, {mem_gib} GiB; {chromium}; load average {loadavg}"),
    })
}

fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// One file's transfer sizes.
#[derive(Clone)]
struct FileSize {
    name: String,
    raw: f64,
    gzip: f64,
    brotli: f64,
}

/// Sizes from `--sizes` (written by `cargo xtask bench` with xtask's sizes module), else
/// measured here with the same settings.
fn read_sizes(args: &Args) -> Res<Vec<FileSize>> {
    let parse = |v: &Value| -> Vec<FileSize> {
        v["files"]
            .as_array()
            .map(|files| {
                files
                    .iter()
                    .map(|f| FileSize {
                        name: f["name"].as_str().unwrap_or_default().to_string(),
                        raw: f["raw"].as_f64().unwrap_or(0.0),
                        gzip: f["gzip"].as_f64().unwrap_or(0.0),
                        brotli: f["brotli"].as_f64().unwrap_or(0.0),
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(path) = &args.sizes {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        let v: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        return Ok(parse(&v));
    }
    let mut out = Vec::new();
    for path in files_under(&args.dist)? {
        let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        out.push(FileSize {
            name: rel_name(&args.dist, &path),
            raw: bytes.len() as f64,
            gzip: gzip(&bytes)?.len() as f64,
            brotli: brotli(&bytes)?.len() as f64,
        });
    }
    Ok(out)
}

fn rel_name(dir: &Path, path: &Path) -> String {
    path.strip_prefix(dir)
        .unwrap_or(path)
        .to_string_lossy()
        .into_owned()
}

fn files_under(dir: &Path) -> Res<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in fs::read_dir(&d).map_err(|e| format!("{}: {e}", d.display()))? {
            let path = entry.map_err(|e| e.to_string())?.path();
            if path.is_dir() {
                pending.push(path);
            } else {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn gzip(bytes: &[u8]) -> Res<Vec<u8>> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).map_err(|e| e.to_string())?;
    enc.finish().map_err(|e| e.to_string())
}

fn brotli(bytes: &[u8]) -> Res<Vec<u8>> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| e.to_string())?;
    Ok(out)
}

/// Converter throughput on the seed repeated to 10 MB (its header once, then its body from
/// "一、" to the footer again and again), with the library as the release build compiles it.
fn converter_throughput(seed_path: &Path) -> Res<Value> {
    let seed =
        fs::read_to_string(seed_path).map_err(|e| format!("{}: {e}", seed_path.display()))?;
    let start = seed.find("一、").unwrap_or(0);
    let end = seed
        .rfind("主办")
        .filter(|&e| e > start)
        .unwrap_or(seed.len());
    let body = &seed[start..end];
    if body.is_empty() {
        return Err(format!("{}: empty report text", seed_path.display()));
    }
    let mut text = seed[..start].to_string();
    while text.len() < 10_000_000 {
        text.push_str(body);
    }
    let mb = text.len() as f64 / 1e6;
    let mut secs = Vec::new();
    let mut indicators = 0;
    let budget = Instant::now();
    // Three runs (fewer if a run is slow); the median counts.
    for run in 0..3 {
        if run > 0 && budget.elapsed() > Duration::from_secs(30) {
            break;
        }
        let t = Instant::now();
        let conv = reportc::convert_bytes(text.as_bytes(), &Default::default())
            .map_err(|e| format!("converting the 10 MB text: {e}"))?;
        secs.push(t.elapsed().as_secs_f64());
        indicators = conv.report.indicators().len();
    }
    let s = Stats::of(&secs).ok_or("no converter run")?;
    let mb_s = mb / s.median;
    eprintln!(
        "bench: converter {mb:.1} MB in {:.0} ms (median of {}): {mb_s:.1} MB/s, {indicators} indicators",
        s.median * 1e3,
        s.n
    );
    Ok(json!({
        "input_mb": mb,
        "runs_s": secs,
        "median_s": s.median,
        "mb_per_s": mb_s,
        "indicators": indicators,
    }))
}

// ---------------------------------------------------------------------------------------------
// The sites

struct Sites {
    seed: PathBuf,
    static_dir: PathBuf,
    big: PathBuf,
    big_info: Value,
    /// Precompressed sizes of what is served, by site and file, to tell which encoding the
    /// browser got.
    served: BTreeMap<String, (f64, f64, f64)>,
}

/// Copies of the release build (the seed report, and the 10k report) and the static page,
/// each file beside its `.br` and `.gz`.
fn prepare(args: &Args) -> Res<Sites> {
    let work = &args.work;
    if work.exists() {
        fs::remove_dir_all(work).map_err(|e| format!("{}: {e}", work.display()))?;
    }
    let seed = work.join("seed");
    let static_dir = work.join("static");
    let big = work.join("big");
    for d in [&seed, &static_dir, &big] {
        fs::create_dir_all(d).map_err(|e| format!("{}: {e}", d.display()))?;
    }
    copy_files(&args.dist, &seed)?;
    copy_files(&args.dist, &big)?;

    // The static, script-free page of the same report: the build's report.html, or the same
    // components rendered here.
    let static_page = static_dir.join("static.html");
    match &args.static_html {
        Some(path) => {
            fs::copy(path, &static_page).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        None => {
            let json = fs::read_to_string(seed.join("report.json"))
                .map_err(|e| format!("the build has no report.json: {e}"))?;
            let report = report_page::render::parse_report(&json)?;
            fs::write(&static_page, report_page::render::document(&report))
                .map_err(|e| e.to_string())?;
        }
    }

    // The 10k report, through the library's conversion.
    let t = Instant::now();
    let text = reportc::synthetic_report_text(200, 10_000, 1);
    let made = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let conv = reportc::convert_bytes(text.as_bytes(), &Default::default())
        .map_err(|e| format!("converting the synthetic report: {e}"))?;
    let convert_s = t.elapsed().as_secs_f64();
    let big_json = reportc::to_json(&conv.report);
    let big_report = &conv.report;
    let big_info = json!({
        "text_bytes": text.len(),
        "sections": big_report.sections_flat().len(),
        "indicators": big_report.indicators().len(),
        "json_bytes": big_json.len(),
        "generate_s": made,
        "convert_s": convert_s,
    });
    fs::write(big.join("report.json"), &big_json).map_err(|e| e.to_string())?;
    // As a deployer would publish it: the page's static rendering is of this report.
    let page_path = big.join("index.html");
    let page = fs::read_to_string(&page_path).map_err(|e| e.to_string())?;
    let page = report_page::render::inline_into_page(&page, big_report, &big_json)?;
    fs::write(&page_path, page).map_err(|e| e.to_string())?;
    fs::write(
        big.join("report.html"),
        report_page::render::document(big_report),
    )
    .map_err(|e| e.to_string())?;
    eprintln!(
        "bench: 10k report: {} sections, {} indicators, {} bytes of JSON",
        big_info["sections"], big_info["indicators"], big_info["json_bytes"]
    );

    let mut served = BTreeMap::new();
    for (site, dir) in [("seed", &seed), ("static", &static_dir), ("big", &big)] {
        for path in files_under(dir)? {
            let bytes = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let gz = gzip(&bytes)?;
            let br = brotli(&bytes)?;
            let name = rel_name(dir, &path);
            served.insert(
                format!("{site}/{name}"),
                (bytes.len() as f64, gz.len() as f64, br.len() as f64),
            );
            let with_ext = |ext: &str| {
                let mut p = path.clone().into_os_string();
                p.push(ext);
                PathBuf::from(p)
            };
            fs::write(with_ext(".gz"), gz).map_err(|e| e.to_string())?;
            fs::write(with_ext(".br"), br).map_err(|e| e.to_string())?;
        }
    }
    Ok(Sites {
        seed,
        static_dir,
        big,
        big_info,
        served,
    })
}

fn copy_files(from: &Path, to: &Path) -> Res {
    for path in files_under(from)? {
        let target = to.join(rel_name(from, &path));
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent).map_err(|e| e.to_string())?;
        }
        fs::copy(&path, &target).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// A static server on loopback that sends the `.br` (or `.gz`) file when the browser accepts
/// it, like a portal's web server with precompressed assets; stops when dropped.
struct Server {
    origin: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Server {
    async fn start(dir: &Path) -> Res<Server> {
        let files = tower_http::services::ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip();
        let app = axum::Router::new().fallback_service(files);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("bind loopback: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(Server {
            origin: format!("http://127.0.0.1:{port}"),
            stop: Some(stop),
        })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.origin)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// DevTools through chromedriver

/// `POST /session/{id}/goog/cdp/execute {"cmd", "params"}`: one DevTools command on the
/// session's page.
#[derive(Debug)]
struct Cdp {
    cmd: &'static str,
    params: Value,
}

impl WebDriverCompatibleCommand for Cdp {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/goog/cdp/execute",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        let body = json!({ "cmd": self.cmd, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}

async fn cdp(c: &Client, cmd: &'static str, params: Value) -> Res<Value> {
    c.issue_cmd(Cdp { cmd, params })
        .await
        .map_err(|e| format!("DevTools {cmd}: {e}"))
}

async fn script(c: &Client, js: &str, args: Vec<Value>) -> Res<Value> {
    c.execute_async(js, args)
        .await
        .map_err(|e| format!("script failed: {e}"))
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Profile {
    /// Lighthouse mobile throttling and a phone screen.
    Mobile,
    /// The machine as it is, desktop window.
    Unthrottled,
}

impl Profile {
    fn key(self) -> &'static str {
        match self {
            Profile::Mobile => "mobile",
            Profile::Unthrottled => "unthrottled",
        }
    }
}

/// Cold cache and the profile's network, CPU and screen. Applied before every load.
async fn apply(c: &Client, p: Profile) -> Res {
    cdp(c, "Network.enable", json!({})).await?;
    cdp(
        c,
        "Network.setCacheDisabled",
        json!({ "cacheDisabled": true }),
    )
    .await?;
    cdp(c, "Network.clearBrowserCache", json!({})).await?;
    match p {
        Profile::Mobile => {
            cdp(
                c,
                "Network.emulateNetworkConditions",
                json!({
                    "offline": false,
                    "latency": MOBILE_LATENCY_MS,
                    "downloadThroughput": MOBILE_DOWN_BYTES_PER_S,
                    "uploadThroughput": MOBILE_UP_BYTES_PER_S,
                }),
            )
            .await?;
            cdp(
                c,
                "Emulation.setCPUThrottlingRate",
                json!({ "rate": MOBILE_CPU_SLOWDOWN }),
            )
            .await?;
            cdp(
                c,
                "Emulation.setDeviceMetricsOverride",
                json!({ "width": 412, "height": 823, "deviceScaleFactor": 1.75, "mobile": true }),
            )
            .await?;
        }
        Profile::Unthrottled => {
            cdp(
                c,
                "Network.emulateNetworkConditions",
                json!({ "offline": false, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1 }),
            )
            .await?;
            cdp(c, "Emulation.setCPUThrottlingRate", json!({ "rate": 1 })).await?;
            cdp(c, "Emulation.clearDeviceMetricsOverride", json!({})).await?;
        }
    }
    Ok(())
}

/// Waits (up to 45 s) for the app's `report-ready` mark.
const WAIT_READY: &str = r#"
const done = arguments[arguments.length - 1];
const t = performance.now();
(function poll() {
  if (performance.getEntriesByName('report-ready').length) done(true);
  else if (document.getElementById('boot-error') && !document.getElementById('boot-error').hidden) done('boot-error');
  else if (document.querySelector('.notice-error[role=alert] .error-message')) done(document.querySelector('.error-message').textContent);
  else if (performance.now() - t > 45000) done(false);
  else setTimeout(poll, 20);
})();
"#;

/// Waits (up to 60 s) for the app's `report-complete` mark (a large report's whole text is
/// built, after the first render) and returns its time after navigation start.
const WAIT_COMPLETE: &str = r#"
const done = arguments[arguments.length - 1];
const t = performance.now();
(function poll() {
  const m = performance.getEntriesByName('report-complete')[0];
  if (m) done(m.startTime);
  else if (performance.now() - t > 60000) done(null);
  else setTimeout(poll, 20);
})();
"#;

/// After two frames: navigation and paint timing, the app's marks, resource timing, and LCP
/// and CLS read with buffered PerformanceObservers (nothing is injected before the load).
const COLLECT: &str = r#"
const done = arguments[arguments.length - 1];
let lcp = null;
const shifts = [];
const lo = new PerformanceObserver((l) => { for (const e of l.getEntries()) lcp = e; });
lo.observe({ type: 'largest-contentful-paint', buffered: true });
const so = new PerformanceObserver((l) => { for (const e of l.getEntries()) shifts.push(e); });
so.observe({ type: 'layout-shift', buffered: true });
requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => {
  lo.disconnect();
  so.disconnect();
  // CLS: the largest session window (shifts less than 1 s apart, window at most 5 s).
  let cls = 0, win = 0, first = 0, last = -1e9;
  for (const s of shifts) {
    if (s.hadRecentInput) continue;
    if (s.startTime - last < 1000 && s.startTime - first < 5000) win += s.value;
    else { win = s.value; first = s.startTime; }
    last = s.startTime;
    cls = Math.max(cls, win);
  }
  const nav = performance.getEntriesByType('navigation')[0] || {};
  const mark = (n) => { const m = performance.getEntriesByName(n)[0]; return m ? m.startTime : null; };
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const el = lcp && lcp.element;
  done({
    ready: mark('report-ready'),
    app_start: mark('app-start'),
    parsed: mark('report-parsed'),
    fcp: fcp ? fcp.startTime : null,
    load: nav.loadEventEnd || null,
    dcl: nav.domContentLoadedEventEnd || null,
    html_end: nav.responseEnd || null,
    html_encoded: nav.encodedBodySize || null,
    lcp: lcp ? lcp.startTime : null,
    lcp_size: lcp ? lcp.size : null,
    lcp_element: el ? el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ')[0] : '') : null,
    cls,
    shifts: shifts.length,
    // What moved, for finding the cause: the first nodes of each shift, when and by how much.
    shift_sources: shifts.slice(0, 10).map((s) => ({
      at: Math.round(s.startTime), value: s.value,
      nodes: (s.sources || []).slice(0, 3).map((src) => {
        const n = src.node;
        const name = n ? (n.nodeName.toLowerCase() + (n.id ? '#' + n.id : '') + (n.className ? '.' + String(n.className).split(' ')[0] : '')) : '?';
        return name + ' ' + Math.round(src.previousRect.y) + '→' + Math.round(src.currentRect.y);
      }),
    })),
    rows: document.querySelectorAll('.indicator-table tbody tr').length,
    resources: performance.getEntriesByType('resource').map((e) => ({
      name: e.name.split('/').pop().split('?')[0],
      start: e.startTime, response_start: e.responseStart, end: e.responseEnd,
      transfer: e.transferSize, encoded: e.encodedBodySize, decoded: e.decodedBodySize,
    })),
  });
}, 100)));
"#;

/// Memory of the loaded app: the wasm-bindgen module's `WebAssembly.Memory` (its init function
/// returns the instance's exports once initialised) and Chromium's `performance.memory`.
const PAGE_MEMORY: &str = r#"
const done = arguments[arguments.length - 1];
const tag = document.querySelector('script[data-js]');
const heap = performance.memory ? performance.memory.usedJSHeapSize : null;
if (!tag) { done({ error: 'no script[data-js]', heap }); return; }
import(new URL(tag.dataset.js, document.baseURI).href)
  .then((m) => m.default())
  .then((w) => done({ wasm: w.memory.buffer.byteLength, heap }),
        (e) => done({ error: String(e), heap }));
"#;

/// One filter keystroke: set the box's value, fire `input`, and time to the next paint
/// (the task after the next animation frame).
const KEYSTROKE: &str = r#"
const [q, done] = arguments;
const input = document.getElementById('filter-q');
if (!input) { done({ error: 'no #filter-q' }); return; }
const t0 = performance.now();
input.value = q;
input.dispatchEvent(new Event('input', { bubbles: true }));
const t1 = performance.now();
requestAnimationFrame(() => {
  const t2 = performance.now();
  setTimeout(() => done({
    ms: performance.now() - t0, handler: t1 - t0, to_frame: t2 - t0,
    rows: document.querySelectorAll('.indicator-table tbody tr').length,
  }), 0);
});
"#;

/// One click on "展开全部 / 收起全部", timed to the next paint.
const TOGGLE: &str = r#"
const done = arguments[arguments.length - 1];
const b = document.getElementById('toggle-all');
if (!b) { done({ error: 'no #toggle-all' }); return; }
const expanding = b.getAttribute('aria-expanded') !== 'true';
const t0 = performance.now();
b.click();
const t1 = performance.now();
requestAnimationFrame(() => setTimeout(() => done({
  ms: performance.now() - t0, handler: t1 - t0, expanding,
  open: document.querySelectorAll('.section-toggle[aria-expanded=true]').length,
}), 0));
"#;

struct Urls {
    app: String,
    static_page: String,
    big: String,
}

struct Plan {
    loads: usize,
    big_loads: usize,
    keys: usize,
    toggles: usize,
}

/// Everything measured in the browser.
struct BrowserResults {
    /// "app/mobile", "static/unthrottled", "big/unthrottled", …: one value per load.
    loads: BTreeMap<String, Vec<Value>>,
    memory: BTreeMap<String, Value>,
    keys: BTreeMap<String, Vec<Value>>,
    toggles: BTreeMap<String, Vec<Value>>,
    loadavg_end: String,
}

/// One cold load of `url`; for the app, waits for its `report-ready` mark.
async fn load(c: &Client, url: &str, app: bool, profile: Profile) -> Res<Value> {
    c.goto("about:blank")
        .await
        .map_err(|e| format!("about:blank: {e}"))?;
    apply(c, profile).await?;
    c.goto(url).await.map_err(|e| format!("{url}: {e}"))?;
    if app {
        let ready = script(c, WAIT_READY, vec![]).await?;
        if ready != Value::Bool(true) {
            return Err(format!("{url}: the page did not become ready: {ready}"));
        }
    }
    let mut v = script(c, COLLECT, vec![]).await?;
    if !v.is_object() {
        return Err(format!("{url}: timing script returned {v}"));
    }
    if app {
        // Measure the rest (memory, typing) on a page that has finished building.
        v["complete"] = script(c, WAIT_COMPLETE, vec![]).await?;
    }
    Ok(v)
}

async fn memory(c: &Client) -> Res<Value> {
    cdp(c, "HeapProfiler.collectGarbage", json!({})).await?;
    let heap = cdp(c, "Runtime.getHeapUsage", json!({})).await?;
    let dom = cdp(c, "Memory.getDOMCounters", json!({})).await?;
    let page = script(c, PAGE_MEMORY, vec![]).await?;
    Ok(json!({
        "js_heap_used": heap["usedSize"],
        "js_heap_total": heap["totalSize"],
        "wasm_memory": page["wasm"],
        "wasm_error": page["error"],
        "performance_memory_used": page["heap"],
        "dom_nodes": dom["nodes"],
        "js_event_listeners": dom["jsEventListeners"],
    }))
}

/// The filter box's values for `n` keystrokes: words typed one character at a time, then
/// deleted one at a time.
fn keystroke_values(n: usize) -> Vec<String> {
    const TERMS: &[&str] = &[
        "垃圾分类",
        "完成率",
        "绿化",
        "12345",
        "亩",
        "万元",
        "污水处理",
        "养老服务",
    ];
    let mut out = Vec::new();
    for term in TERMS.iter().cycle().take(n) {
        let chars: Vec<char> = term.chars().collect();
        for i in (1..=chars.len()).chain((0..chars.len()).rev()) {
            out.push(chars[..i].iter().collect());
        }
        if out.len() >= n {
            break;
        }
    }
    out.truncate(n);
    out
}

async fn interactions(c: &Client, name: &str, plan: &Plan, out: &mut BrowserResults) -> Res<()> {
    let mut keys = Vec::new();
    for q in keystroke_values(plan.keys) {
        let v = script(c, KEYSTROKE, vec![Value::from(q.clone())]).await?;
        if v.get("error").is_some() {
            return Err(format!("{name}: keystroke: {v}"));
        }
        keys.push(json!({ "q": q, "ms": v["ms"], "handler": v["handler"], "to_frame": v["to_frame"], "rows": v["rows"] }));
    }
    let s = Stats::of(&column(&keys, "ms"));
    eprintln!(
        "bench: {name}: {} keystrokes, median {:.1} ms, p95 {:.1} ms",
        keys.len(),
        s.map(|s| s.median).unwrap_or(f64::NAN),
        s.map(|s| s.p95).unwrap_or(f64::NAN)
    );
    out.keys.insert(name.into(), keys);
    let mut toggles = Vec::new();
    for _ in 0..plan.toggles {
        let v = script(c, TOGGLE, vec![]).await?;
        if v.get("error").is_some() {
            return Err(format!("{name}: toggle: {v}"));
        }
        toggles.push(v);
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    out.toggles.insert(name.into(), toggles);
    Ok(())
}

async fn browse(c: &Client, urls: &Urls, plan: &Plan) -> Res<BrowserResults> {
    c.update_timeouts(TimeoutConfiguration::new(
        Some(Duration::from_secs(60)),
        Some(Duration::from_secs(120)),
        Some(Duration::from_secs(0)),
    ))
    .await
    .map_err(|e| format!("timeouts: {e}"))?;
    let mut out = BrowserResults {
        loads: BTreeMap::new(),
        memory: BTreeMap::new(),
        keys: BTreeMap::new(),
        toggles: BTreeMap::new(),
        loadavg_end: String::new(),
    };
    // The seed report, app and static page alternately, so that both see the same noise.
    for profile in [Profile::Mobile, Profile::Unthrottled] {
        for i in 0..plan.loads {
            for (kind, url, app) in [
                ("app", &urls.app, true),
                ("static", &urls.static_page, false),
            ] {
                let v = load(c, url, app, profile).await?;
                eprintln!(
                    "bench: {kind}/{} load {}: ready {} ms, LCP {} ms, CLS {}",
                    profile.key(),
                    i + 1,
                    ms(ready_of(&v, app)),
                    ms(v["lcp"].as_f64()),
                    v["cls"]
                );
                out.loads
                    .entry(format!("{kind}/{}", profile.key()))
                    .or_default()
                    .push(v);
            }
        }
    }
    // Interaction and memory, unthrottled: the seed, then the 10k report.
    load(c, &urls.app, true, Profile::Unthrottled).await?;
    out.memory.insert("seed".into(), memory(c).await?);
    interactions(c, "seed", plan, &mut out).await?;
    for i in 0..plan.big_loads {
        let v = load(c, &urls.big, true, Profile::Unthrottled).await?;
        eprintln!(
            "bench: 10k load {}: ready {} ms, LCP {} ms",
            i + 1,
            ms(v["ready"].as_f64()),
            ms(v["lcp"].as_f64())
        );
        out.loads
            .entry("big/unthrottled".into())
            .or_default()
            .push(v);
    }
    out.memory.insert("big".into(), memory(c).await?);
    interactions(c, "big", plan, &mut out).await?;
    out.loadavg_end = load_average();
    Ok(out)
}

fn ready_of(v: &Value, app: bool) -> Option<f64> {
    if app {
        v["ready"].as_f64()
    } else {
        // The static page is ready when it is loaded and painted.
        match (v["load"].as_f64(), v["fcp"].as_f64()) {
            (Some(l), Some(f)) => Some(l.max(f)),
            (l, f) => l.or(f),
        }
    }
}

fn ms(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.0}")).unwrap_or_else(|| "–".into())
}

// ---------------------------------------------------------------------------------------------
// Statistics and the report

#[derive(Clone, Copy, Debug)]
struct Stats {
    n: usize,
    median: f64,
    min: f64,
    max: f64,
    p10: f64,
    p90: f64,
    p95: f64,
}

impl Stats {
    fn of(values: &[f64]) -> Option<Stats> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        // Nearest rank.
        let pct = |p: f64| v[((p / 100.0 * n as f64).ceil() as usize).clamp(1, n) - 1];
        Some(Stats {
            n,
            median,
            min: v[0],
            max: v[n - 1],
            p10: pct(10.0),
            p90: pct(90.0),
            p95: pct(95.0),
        })
    }

    fn json(s: Option<Stats>) -> Value {
        match s {
            Some(s) => json!({
                "n": s.n, "median": s.median, "min": s.min, "max": s.max,
                "p10": s.p10, "p90": s.p90, "p95": s.p95,
            }),
            None => Value::Null,
        }
    }
}

fn column(rows: &[Value], key: &str) -> Vec<f64> {
    rows.iter().filter_map(|r| r[key].as_f64()).collect()
}

/// The latest `responseEnd` of the resources whose name passes `pick`, per load.
fn resource_column(loads: &[Value], pick: fn(&str) -> bool, field: &str) -> Vec<f64> {
    loads
        .iter()
        .filter_map(|l| {
            l["resources"]
                .as_array()?
                .iter()
                .filter(|r| pick(r["name"].as_str().unwrap_or_default()))
                .filter_map(|r| r[field].as_f64())
                .reduce(f64::max)
        })
        .collect()
}

fn is_wasm(n: &str) -> bool {
    n.ends_with(".wasm")
}
fn is_glue(n: &str) -> bool {
    n.starts_with("report-page") && n.ends_with(".js")
}
fn is_json(n: &str) -> bool {
    n == "report.json"
}
fn is_boot(n: &str) -> bool {
    n == "boot.js"
}
fn is_css(n: &str) -> bool {
    n.ends_with(".css")
}

/// Extracts one figure from each load.
type Column = Box<dyn Fn(&[Value]) -> Vec<f64>>;

struct Report {
    env: Value,
    sizes: Vec<FileSize>,
    converter: Value,
    big: Value,
    served: BTreeMap<String, (f64, f64, f64)>,
    browser: BrowserResults,
    seconds: f64,
}

/// One line of the summary table.
struct Row {
    measure: String,
    result: String,
    budget: String,
    met: Option<bool>,
}

fn kib(bytes: f64) -> String {
    format!("{:.1} KiB", bytes / 1024.0)
}

fn secs_range(s: Option<Stats>) -> String {
    match s {
        Some(s) => format!(
            "{:.2} s ({:.2}–{:.2})",
            s.median / 1e3,
            s.min / 1e3,
            s.max / 1e3
        ),
        None => "n/a".into(),
    }
}

fn ms_range(s: Option<Stats>) -> String {
    match s {
        Some(s) => format!("{:.0} ms ({:.0}–{:.0})", s.median, s.min, s.max),
        None => "n/a".into(),
    }
}

impl Report {
    fn loads(&self, key: &str) -> &[Value] {
        self.browser
            .loads
            .get(key)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    fn ready(&self, key: &str) -> Option<Stats> {
        let app = !key.starts_with("static");
        let v: Vec<f64> = self
            .loads(key)
            .iter()
            .filter_map(|l| ready_of(l, app))
            .collect();
        Stats::of(&v)
    }

    fn metric(&self, key: &str, field: &str) -> Option<Stats> {
        Stats::of(&column(self.loads(key), field))
    }

    /// Which encoding the browser received for a file: compares the bytes on the wire with
    /// the precompressed files.
    fn encoding(&self, site: &str, file_pick: fn(&str) -> bool, load_key: &str) -> String {
        let encoded = Stats::of(&resource_column(self.loads(load_key), file_pick, "encoded"));
        let Some(encoded) = encoded else {
            return "?".into();
        };
        let sizes = self
            .served
            .iter()
            .find(|(k, _)| k.strip_prefix(&format!("{site}/")).is_some_and(file_pick))
            .map(|(_, v)| *v);
        let Some((raw, gz, br)) = sizes else {
            return format!("{} on the wire", kib(encoded.median));
        };
        let near = |size: f64| (encoded.median - size).abs() < 1.0;
        if near(br) {
            format!("brotli, {}", kib(br))
        } else if near(gz) {
            format!("gzip, {}", kib(gz))
        } else if near(raw) {
            format!("uncompressed, {}", kib(raw))
        } else {
            format!("{} on the wire", kib(encoded.median))
        }
    }

    fn render(&self) -> (Value, String) {
        let mut rows: Vec<Row> = Vec::new();
        let mut row = |measure: &str, result: String, budget: &str, met: Option<bool>| {
            rows.push(Row {
                measure: measure.into(),
                result,
                budget: budget.into(),
                met,
            })
        };

        // Sizes.
        let file = |pick: fn(&str) -> bool| self.sizes.iter().find(|f| pick(&f.name)).cloned();
        let shell: Vec<&FileSize> = self
            .sizes
            .iter()
            // What the page needs to start; not the report, nor the no-JS report.html.
            .filter(|f| {
                f.name == "index.html"
                    || [".js", ".wasm", ".css"].iter().any(|e| f.name.ends_with(e))
            })
            .collect();
        let shell_br: f64 = shell.iter().map(|f| f.brotli).sum();
        let shell_gz: f64 = shell.iter().map(|f| f.gzip).sum();
        let shell_raw: f64 = shell.iter().map(|f| f.raw).sum();
        if let Some(w) = file(is_wasm) {
            row(
                "wasm, brotli -q 11 (gzip -9, raw)",
                format!("{} ({}, {})", kib(w.brotli), kib(w.gzip), kib(w.raw)),
                "≤ 80 KiB",
                Some(w.brotli <= BUDGET_WASM_BR),
            );
        }
        row(
            "app shell: HTML+JS+wasm+CSS, brotli (gzip, raw)",
            format!("{} ({}, {})", kib(shell_br), kib(shell_gz), kib(shell_raw)),
            "≤ 100 KiB",
            Some(shell_br <= BUDGET_SHELL_BR),
        );
        if let Some(j) = file(is_json) {
            row(
                "report.json (seed), brotli (gzip, raw)",
                format!("{} ({}, {})", kib(j.brotli), kib(j.gzip), kib(j.raw)),
                "",
                None,
            );
        }

        // Loads.
        let app_m = self.ready("app/mobile");
        let static_m = self.ready("static/mobile");
        let app_u = self.ready("app/unthrottled");
        let static_u = self.ready("static/unthrottled");
        let ratio = |a: Option<Stats>, b: Option<Stats>| match (a, b) {
            (Some(a), Some(b)) if b.median > 0.0 => Some(a.median / b.median),
            _ => None,
        };
        row(
            "mobile: page ready = interactive (report-ready), median (min–max)",
            secs_range(app_m),
            "≤ 2.5 s",
            app_m.map(|s| s.median <= BUDGET_INTERACTIVE_MS),
        );
        row(
            "mobile: static page ready = loaded and painted (max(load event, FCP))",
            secs_range(static_m),
            "",
            None,
        );
        let secs = |s: Option<Stats>| {
            s.map(|s| format!("{:.2} s", s.median / 1e3))
                .unwrap_or("n/a".into())
        };
        row(
            "mobile: static page load event / FCP, median",
            format!(
                "{} / {}",
                secs(self.metric("static/mobile", "load")),
                secs(self.metric("static/mobile", "fcp"))
            ),
            "",
            None,
        );
        row(
            "mobile: ratio page / static",
            ratio(app_m, static_m)
                .map(|r| format!("{r:.2}×"))
                .unwrap_or("n/a".into()),
            "≤ 2.0×",
            ratio(app_m, static_m).map(|r| r <= BUDGET_READY_RATIO),
        );
        let lcp_app_m = self.metric("app/mobile", "lcp");
        let lcp_static_m = self.metric("static/mobile", "lcp");
        let lcp_ratio = ratio(lcp_app_m, lcp_static_m);
        row(
            "mobile: LCP page (static)",
            format!("{} ({})", secs_range(lcp_app_m), secs_range(lcp_static_m)),
            "page ≤ 1.2 × static",
            lcp_ratio.map(|r| r <= BUDGET_LCP_RATIO),
        );
        row(
            "mobile: LCP ratio page / static",
            lcp_ratio
                .map(|r| format!("{r:.2}×"))
                .unwrap_or("n/a".into()),
            "≤ 1.2×",
            lcp_ratio.map(|r| r <= BUDGET_LCP_RATIO),
        );
        row(
            "unthrottled: page ready (static), median (min–max)",
            format!("{} ({})", ms_range(app_u), ms_range(static_u)),
            "",
            None,
        );
        row(
            "unthrottled: ratio page / static",
            ratio(app_u, static_u)
                .map(|r| format!("{r:.2}×"))
                .unwrap_or("n/a".into()),
            "",
            None,
        );
        let lcp_app_u = self.metric("app/unthrottled", "lcp");
        let lcp_static_u = self.metric("static/unthrottled", "lcp");
        row(
            "unthrottled: LCP page (static)",
            format!("{} ({})", ms_range(lcp_app_u), ms_range(lcp_static_u)),
            "",
            None,
        );
        let cls_app: Vec<f64> = ["app/mobile", "app/unthrottled", "big/unthrottled"]
            .iter()
            .flat_map(|k| column(self.loads(k), "cls"))
            .collect();
        let cls_static: Vec<f64> = ["static/mobile", "static/unthrottled"]
            .iter()
            .flat_map(|k| column(self.loads(k), "cls"))
            .collect();
        let cls_app_s = Stats::of(&cls_app);
        let cls_static_s = Stats::of(&cls_static);
        row(
            "CLS page, worst of all loads (static)",
            format!(
                "{} ({})",
                cls_app_s
                    .map(|s| format!("{:.3}", s.max))
                    .unwrap_or("n/a".into()),
                cls_static_s
                    .map(|s| format!("{:.3}", s.max))
                    .unwrap_or("n/a".into())
            ),
            "≤ 0.02",
            cls_app_s.map(|s| s.max <= BUDGET_CLS),
        );

        // 10k.
        let big_ready = self.ready("big/unthrottled");
        row(
            &format!(
                "10k report ({} indicators, {} sections): first render, unthrottled",
                self.big["indicators"], self.big["sections"]
            ),
            ms_range(big_ready),
            "≤ 0.5 s",
            big_ready.map(|s| s.median <= BUDGET_BIG_FIRST_RENDER_MS),
        );
        let big_complete = self.metric("big/unthrottled", "complete");
        row(
            "10k report: whole text built (after the first render, in chunks between frames)",
            ms_range(big_complete),
            "",
            None,
        );
        for (name, label) in [("big", "10k report"), ("seed", "seed report")] {
            let keys = self
                .browser
                .keys
                .get(name)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let s = Stats::of(&column(keys, "ms"));
            let budgeted = name == "big";
            row(
                &format!(
                    "{label}: filter keystroke → paint, median / p95 ({} keys)",
                    keys.len()
                ),
                s.map(|s| format!("{:.1} / {:.1} ms", s.median, s.p95))
                    .unwrap_or("n/a".into()),
                if budgeted { "≤ 16 / ≤ 50 ms" } else { "" },
                if budgeted {
                    s.map(|s| s.median <= BUDGET_KEY_MEDIAN_MS && s.p95 <= BUDGET_KEY_P95_MS)
                } else {
                    None
                },
            );
            let toggles = self
                .browser
                .toggles
                .get(name)
                .map(Vec::as_slice)
                .unwrap_or_default();
            let pick = |expanding: bool| -> Vec<f64> {
                toggles
                    .iter()
                    .filter(|t| t["expanding"].as_bool() == Some(expanding))
                    .filter_map(|t| t["ms"].as_f64())
                    .collect()
            };
            let (e, c) = (Stats::of(&pick(true)), Stats::of(&pick(false)));
            let worst = match (e, c) {
                (Some(e), Some(c)) => Some(e.median.max(c.median)),
                _ => None,
            };
            row(
                &format!("{label}: expand all / collapse all → paint, median"),
                format!(
                    "{} / {} ms",
                    e.map(|s| format!("{:.1}", s.median))
                        .unwrap_or("n/a".into()),
                    c.map(|s| format!("{:.1}", s.median))
                        .unwrap_or("n/a".into())
                ),
                if budgeted { "≤ 16 ms" } else { "" },
                if budgeted {
                    worst.map(|w| w <= BUDGET_TOGGLE_MS)
                } else {
                    None
                },
            );
        }
        for (name, label) in [("seed", "seed report"), ("big", "10k report")] {
            if let Some(m) = self.browser.memory.get(name) {
                let mib = |v: &Value| {
                    v.as_f64()
                        .map(|b| format!("{:.1} MiB", b / 1048576.0))
                        .unwrap_or("n/a".into())
                };
                row(
                    &format!(
                        "{label}: memory after load: JS heap (after GC) / wasm memory / DOM nodes"
                    ),
                    format!(
                        "{} / {} / {}",
                        mib(&m["js_heap_used"]),
                        mib(&m["wasm_memory"]),
                        m["dom_nodes"]
                    ),
                    "",
                    None,
                );
            }
        }
        let mb_s = self.converter["mb_per_s"].as_f64();
        row(
            &format!(
                "converter throughput, seed × {:.0} MB",
                self.converter["input_mb"].as_f64().unwrap_or(0.0)
            ),
            mb_s.map(|v| format!("{v:.1} MB/s")).unwrap_or("n/a".into()),
            "≥ 20 MB/s",
            mb_s.map(|v| v >= BUDGET_CONVERTER_MB_S),
        );

        // Markdown.
        let mut md = String::new();
        md.push_str(&format!(
            "## Benchmark, {}\n\n{} cores, {} GiB, {}; load average {} at start, {} at end; {:.0} s.\n\
             Cold cache every load; files served precompressed (wasm as {}, report.json as {}).\n\
             Mobile = Lighthouse throttling: {MOBILE_LATENCY_MS} ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed {MOBILE_CPU_SLOWDOWN}×, 412×823 screen.\n\n",
            self.env["date"].as_str().unwrap_or_default(),
            self.env["cores"],
            self.env["memory_gib"],
            self.env["chromium"].as_str().unwrap_or_default(),
            self.env["loadavg_start"].as_str().unwrap_or_default(),
            self.browser.loadavg_end,
            self.seconds,
            self.encoding("seed", is_wasm, "app/mobile"),
            self.encoding("seed", is_json, "app/mobile"),
        ));
        md.push_str("| measure | result | budget | |\n|---|---|---|---|\n");
        for r in &rows {
            let status = match r.met {
                Some(true) => "met",
                Some(false) => "**missed**",
                None => "",
            };
            md.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                r.measure, r.result, r.budget, status
            ));
        }

        // Where the time goes.
        md.push_str(
            "\nWhere the time goes (median ms after navigation start):\n\n\
             | step | mobile | unthrottled | 10k, unthrottled |\n|---|---:|---:|---:|\n",
        );
        let keys = ["app/mobile", "app/unthrottled", "big/unthrottled"];
        let mut timeline = serde_json::Map::new();
        let steps: [(&str, &str, Column); 10] = [
            (
                "index.html received",
                "html_end",
                Box::new(|l| column(l, "html_end")),
            ),
            (
                "CSS received",
                "css_end",
                Box::new(|l| resource_column(l, is_css, "end")),
            ),
            (
                "boot.js received",
                "boot_end",
                Box::new(|l| resource_column(l, is_boot, "end")),
            ),
            (
                "JS glue received",
                "glue_end",
                Box::new(|l| resource_column(l, is_glue, "end")),
            ),
            (
                "wasm received",
                "wasm_end",
                Box::new(|l| resource_column(l, is_wasm, "end")),
            ),
            (
                "report.json received",
                "json_end",
                Box::new(|l| resource_column(l, is_json, "end")),
            ),
            (
                "app started (wasm compiled, instantiated; `app-start`)",
                "app_start",
                Box::new(|l| column(l, "app_start")),
            ),
            (
                "report fetched and parsed (`report-parsed`)",
                "parsed",
                Box::new(|l| column(l, "parsed")),
            ),
            (
                "report rendered (`report-ready`)",
                "ready",
                Box::new(|l| column(l, "ready")),
            ),
            (
                "largest contentful paint",
                "lcp",
                Box::new(|l| column(l, "lcp")),
            ),
        ];
        for (label, key, f) in &steps {
            let mut cells = Vec::new();
            let mut per = serde_json::Map::new();
            for k in keys {
                let s = Stats::of(&f(self.loads(k)));
                cells.push(s.map(|s| format!("{:.0}", s.median)).unwrap_or("–".into()));
                per.insert(k.into(), Stats::json(s));
            }
            timeline.insert((*key).into(), Value::Object(per));
            md.push_str(&format!("| {label} | {} |\n", cells.join(" | ")));
        }
        let lcp_el = |k: &str| {
            self.loads(k)
                .last()
                .and_then(|l| l["lcp_element"].as_str().map(str::to_string))
                .unwrap_or_default()
        };
        md.push_str(&format!(
            "\nLCP element: page `{}` (mobile), `{}` (unthrottled); static page `{}`.\n",
            lcp_el("app/mobile"),
            lcp_el("app/unthrottled"),
            lcp_el("static/mobile")
        ));

        // Files.
        md.push_str("\n| file | raw | gzip -9 | brotli -q 11 |\n|---|---:|---:|---:|\n");
        for f in &self.sizes {
            md.push_str(&format!(
                "| {} | {:.0} | {:.0} | {:.0} |\n",
                f.name, f.raw, f.gzip, f.brotli
            ));
        }
        md.push_str(&format!(
            "| **app shell (index.html, JS, wasm, CSS)** | {shell_raw:.0} | {shell_gz:.0} | {shell_br:.0} |\n"
        ));
        if let Some((raw, gz, br)) = self.served.get("big/report.json") {
            md.push_str(&format!(
                "| report.json of the 10k report | {raw:.0} | {gz:.0} | {br:.0} |\n"
            ));
        }

        // JSON.
        let mut series = serde_json::Map::new();
        for (k, loads) in &self.browser.loads {
            let app = !k.starts_with("static");
            let ready: Vec<f64> = loads.iter().filter_map(|l| ready_of(l, app)).collect();
            series.insert(
                k.clone(),
                json!({
                    "ready_ms": Stats::json(Stats::of(&ready)),
                    "fcp_ms": Stats::json(Stats::of(&column(loads, "fcp"))),
                    "lcp_ms": Stats::json(Stats::of(&column(loads, "lcp"))),
                    "cls": Stats::json(Stats::of(&column(loads, "cls"))),
                    "loads": loads,
                }),
            );
        }
        let interaction = |m: &BTreeMap<String, Vec<Value>>, key: &str| -> Value {
            m.iter()
                .map(|(k, v)| {
                    (
                        k.clone(),
                        json!({ "stats_ms": Stats::json(Stats::of(&column(v, key))), "samples": v }),
                    )
                })
                .collect::<serde_json::Map<_, _>>()
                .into()
        };
        let json = json!({
            "environment": self.env,
            "loadavg_end": self.browser.loadavg_end,
            "seconds": self.seconds,
            "throttling": {
                "latency_ms": MOBILE_LATENCY_MS,
                "download_bytes_per_s": MOBILE_DOWN_BYTES_PER_S,
                "upload_bytes_per_s": MOBILE_UP_BYTES_PER_S,
                "cpu_slowdown": MOBILE_CPU_SLOWDOWN,
                "screen": "412x823 @1.75, mobile",
            },
            "sizes": self.sizes.iter().map(|f| json!({
                "name": f.name, "raw": f.raw, "gzip": f.gzip, "brotli": f.brotli
            })).collect::<Vec<_>>(),
            "app_shell": { "raw": shell_raw, "gzip": shell_gz, "brotli": shell_br },
            "served": self.served.iter().map(|(k, (raw, gz, br))| (k.clone(), json!({ "raw": raw, "gzip": gz, "brotli": br }))).collect::<serde_json::Map<_, _>>(),
            "converter": self.converter,
            "big_report": self.big,
            "loads": series,
            "timeline_ms": timeline,
            "keystroke_to_paint": interaction(&self.browser.keys, "ms"),
            "toggle_all_to_paint": interaction(&self.browser.toggles, "ms"),
            "memory": self.browser.memory,
            "budgets": rows.iter().filter(|r| r.met.is_some()).map(|r| json!({
                "measure": r.measure, "result": r.result, "budget": r.budget, "met": r.met
            })).collect::<Vec<_>>(),
            "markdown": md,
        });
        (json, md)
    }
}
