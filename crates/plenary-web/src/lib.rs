#![doc = include_str!("../README.md")]

mod api;
mod csrf;
mod error;
mod forms;
mod pages;
pub mod routes;
mod templates;
mod visit;

use std::sync::Arc;

use axum::Router;
use plenary_app::App;

pub use api::openapi_json;
pub use api::review::synthesis_json_pretty;
pub use error::WebError;

/// Settings of the web layer.
#[derive(Debug, Clone)]
pub struct WebConfig {
    /// Mark cookies `Secure` (set when served over HTTPS).
    pub secure_cookies: bool,
    /// The largest request body accepted, in bytes.
    pub max_body_bytes: usize,
}

impl Default for WebConfig {
    fn default() -> WebConfig {
        WebConfig {
            secure_cookies: false,
            max_body_bytes: 64 * 1024,
        }
    }
}

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub app: App,
    pub config: WebConfig,
    templates: Arc<templates::Templates>,
}

impl AppState {
    pub fn new(app: App, config: WebConfig) -> AppState {
        AppState {
            app,
            config,
            templates: Arc::new(templates::Templates::load()),
        }
    }
}

/// The whole application as an axum router.
pub fn router(state: AppState) -> Router {
    routes::build(state)
}

/// Serves `router` on `listener` until `shutdown` completes.
pub async fn serve(
    listener: tokio::net::TcpListener,
    state: AppState,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let service = router(state).into_make_service_with_connect_info::<std::net::SocketAddr>();
    axum::serve(listener, service)
        .with_graceful_shutdown(shutdown)
        .await
}
