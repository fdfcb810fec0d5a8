//! `cargo xtask serve`: the page exactly as `cargo xtask build` makes it, served from `dist/`.
//!
//! Trunk's own server would rebuild `dist/` without the steps that follow Trunk (the CSP hash
//! of the inlined stylesheet, the report's first paint): a different page from the one that is
//! deployed. So this builds with the full pipeline and then serves the finished directory.
//! There is no watching: after an edit, stop and run it again (the build is incremental).

use std::net::SocketAddr;
use std::path::Path;

use axum::http::{header, HeaderValue};
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

/// Where to listen: `--address` (default 127.0.0.1) and `--port` (default 8080; 0 picks a free
/// port, which is then printed).
pub struct Options {
    pub address: String,
    pub port: u16,
}

impl Options {
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut options = Options {
            address: "127.0.0.1".into(),
            port: 8080,
        };
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let mut value = |name: &str| {
                args.next()
                    .cloned()
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match arg.as_str() {
                "--address" => options.address = value("--address")?,
                "--port" => {
                    let port = value("--port")?;
                    options.port = port
                        .parse()
                        .map_err(|_| format!("--port {port:?} is not a port number"))?;
                }
                other => return Err(format!("serve: unknown option {other:?}")),
            }
        }
        Ok(options)
    }
}

/// The router that serves `dist` as it is.
fn site(dist: &Path) -> axum::Router {
    axum::Router::new()
        .fallback_service(ServeDir::new(dist))
        // Compressed as a portal's web server sends it (brotli or gzip, as the browser asks):
        // what Lighthouse and a phone on a slow network measure.
        .layer(tower_http::compression::CompressionLayer::new())
        // A developer's reload must see the new build, never a cached one.
        .layer(SetResponseHeaderLayer::overriding(
            header::CACHE_CONTROL,
            HeaderValue::from_static("no-cache"),
        ))
}

/// Serves `dist` until Ctrl-C (SIGINT) or SIGTERM.
pub fn serve(dist: &Path, options: &Options) -> Result<(), String> {
    let app = site(dist);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the server runtime: {e}"))?;
    runtime.block_on(async {
        let wanted = format!("{}:{}", options.address, options.port);
        let listener = tokio::net::TcpListener::bind(&wanted)
            .await
            .map_err(|e| format!("cannot listen on {wanted}: {e}"))?;
        let bound: SocketAddr = listener
            .local_addr()
            .map_err(|e| format!("cannot read the bound address: {e}"))?;
        println!(
            "serving {} on http://{bound}/ (Ctrl-C stops)",
            dist.display()
        );
        axum::serve(listener, app)
            .with_graceful_shutdown(stop_signal())
            .await
            .map_err(|e| format!("server: {e}"))?;
        println!("stopped");
        Ok(())
    })
}

/// `dist` served on a free loopback port from a background thread, for the audits; the
/// server lives as long as the process.
pub fn in_background(dist: &Path) -> Result<String, String> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")
        .map_err(|e| format!("cannot listen on loopback: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    listener
        .set_nonblocking(true)
        .map_err(|e| format!("cannot configure the listener: {e}"))?;
    let app = site(dist);
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build();
        if let Ok(runtime) = runtime {
            runtime.block_on(async move {
                if let Ok(listener) = tokio::net::TcpListener::from_std(listener) {
                    let _ = axum::serve(listener, app).await;
                }
            });
        }
    });
    Ok(format!("http://{bound}/"))
}

/// Resolves on Ctrl-C or SIGTERM (a process manager's or a test's stop).
async fn stop_signal() {
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        () = terminate => {}
    }
}
