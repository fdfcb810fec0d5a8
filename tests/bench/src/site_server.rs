//! A static server on loopback that sends a file's `.br` (or `.gz`) when the browser accepts
//! it, like a portal's web server with precompressed files.
//!
//! The browser tests' `e2e::StaticServer` serves files as they are on disk (its overrides and
//! held responses are for tests), so the compressed transfer this benchmark measures needs
//! `ServeDir`'s precompressed mode here.

use std::path::Path;

use crate::Res;

/// Serves one directory at `/`; stops when dropped.
pub struct SiteServer {
    origin: String,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl SiteServer {
    /// Listens on a free loopback port, on the current runtime.
    pub async fn start(dir: &Path) -> Res<SiteServer> {
        let files = tower_http::services::ServeDir::new(dir)
            .precompressed_br()
            .precompressed_gzip();
        let app = axum::Router::new().fallback_service(files);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .map_err(|e| format!("bind loopback: {e}"))?;
        let port = listener
            .local_addr()
            .map_err(|e| format!("loopback port: {e}"))?
            .port();
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(SiteServer {
            origin: format!("http://127.0.0.1:{port}"),
            stop: Some(stop),
        })
    }

    /// Absolute URL of `path` on this site.
    pub fn url(&self, path: &str) -> String {
        format!("{}/{path}", self.origin)
    }
}

impl Drop for SiteServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}
