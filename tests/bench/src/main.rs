//! The performance benchmark of issues 6 and 11. Run it with `cargo xtask bench`, which builds
//! the release page into `target/bench-dist/`, measures its file sizes and then runs this binary
//! (in release) with `--dist target/bench-dist --sizes bench-results/sizes.json`.
//!
//! It measures, in one run:
//!
//! * page-ready time (navigation start → the app's `report-ready` mark), LCP and CLS of the app
//!   and of the static page of the same report (the build's report.html), cold cache, in three
//!   profiles ([`profile`]): Lighthouse's mobile numbers as its simulation uses them (150 ms),
//!   the throttling Lighthouse's DevTools mode applies (562.5 ms, 1.47 Mbit/s), and
//!   unthrottled; in headless Chromium through chromedriver's DevTools endpoint;
//! * every long task (a `PerformanceObserver` installed before navigation, [`long_tasks`]);
//! * a 10 000-indicator report (`reportc::synthetic_report_text(200, 10_000, 1)`): first render,
//!   filter keystroke → paint, expand/collapse all → paint, memory after load;
//! * converter throughput on the seed text repeated to 10 MB.
//!
//! Files are served precompressed (brotli -q 11 / gzip -9, as a portal's web server would send
//! them) on loopback. Results go to `bench-results/bench.json` and `bench-results/bench.md`;
//! the Markdown is also printed.

use std::fs;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::{Duration, Instant};

mod args;
mod browse;
mod converter;
mod environment;
mod format;
mod interactions;
mod long_tasks;
mod memory;
mod page_load;
mod profile;
mod report;
mod resources;
mod results;
mod script;
mod site_server;
mod sites;
mod sizes;
mod stats;
mod summary;
mod timeline;

use args::Args;
use browse::{Plan, Urls};
use results::Report;
use site_server::SiteServer;

/// The benchmark's errors: what failed, for the person running it.
type Res<T = ()> = Result<T, String>;

/// The whole browser phase must end within this (then the browser is closed regardless).
const BROWSER_PHASE_LIMIT: Duration = Duration::from_secs(900);

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
    // DevTools commands, CPU throttling and `performance.memory` are Chromium's.
    if e2e::Browser::from_env() != e2e::Browser::Chromium {
        return Err("the benchmark drives Chromium: unset E2E_BROWSER".into());
    }
    let env = environment::describe();
    eprintln!("bench: {}", env["summary"].as_str().unwrap_or_default());

    // 1. Transfer sizes (measured by `cargo xtask bench`, or here).
    let sizes = sizes::read(&args)?;

    // 2. Converter throughput, before the browser so that nothing competes for the CPU.
    let converter = converter::throughput(&args.seed_text)?;

    // 3. The sites to serve: the release build, the static page, the 10k report.
    let sites = sites::prepare(&args)?;
    let seed_server = SiteServer::start(&sites.seed).await?;
    let static_server = SiteServer::start(&sites.static_dir).await?;
    let big_server = SiteServer::start(&sites.big).await?;
    let urls = Urls {
        app: seed_server.url(""),
        static_page: static_server.url("static.html"),
        big: big_server.url(""),
    };

    // 4. The browser, in a task of its own: a panic or a hang there still closes the browser.
    let session = Arc::new(e2e::Session::start(1350, 940).await);
    let plan = Plan {
        loads: args.loads,
        big_loads: args.big_loads,
        keys: args.keys,
        toggles: args.toggles,
    };
    let browsing = session.clone();
    let task = tokio::spawn(async move { browse::browse(&browsing, &urls, &plan).await });
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
    // The aborted task may still hold its handle for a moment: then dropping ends the driver.
    if let Ok(session) = Arc::try_unwrap(session) {
        session.close().await;
    }
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
    let json = serde_json::to_string_pretty(&json).map_err(|e| format!("bench.json: {e}"))?;
    write("bench.json", &json)?;
    write("bench.md", &markdown)?;
    println!("{markdown}");
    eprintln!(
        "bench: wrote {} and bench.md in {:.0} s",
        args.out.join("bench.json").display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}
