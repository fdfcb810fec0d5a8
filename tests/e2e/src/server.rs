//! [`StaticServer`]: a directory served under a URL prefix on loopback, as a portal would
//! serve `dist/`, with canned responses in place of some files ([`Override`]) and responses
//! held back until a [`Gate`] opens (to look at the page before the app starts).

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::thread;

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
