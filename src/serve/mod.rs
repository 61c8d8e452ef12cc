//! `newsearch serve`: the index (embedded, or on a cluster) over HTTP, read-only — a web page to search it, and a JSON API whose answers are the documents the command line prints with `--json`.
//!
//! Without JavaScript, the page still answers a search (`page.rs`).
//!
//! Bounded everywhere: connections (`connections.rs`), request heads and bodies, the time a
//! query may take and how many run at once (`api.rs`), the size of what a request may ask
//! for (`params.rs`) and of an answer.

mod api;
mod api_error;
mod archive;
mod assets;
mod connections;
mod page;
mod params;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::http::{header, StatusCode, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use crate::engine::Engine;
use crate::error::{Error, Result};

use api::ApiState;
use api_error::ApiError;
use archive::Archive;

pub(crate) use params::parse_duration;

/// The API takes no request body: anything larger than this is refused (413).
const MAX_REQUEST_BODY: usize = 16 << 10;

/// Where the server listens and the bounds on its work.
#[derive(Debug, Clone)]
pub(crate) struct ServeOptions {
    pub addr: SocketAddr,
    /// Queries running at once.
    pub max_queries: usize,
    /// A request's time budget, waiting for its turn included.
    pub query_timeout: Duration,
    /// Connections open at once.
    pub max_connections: usize,
}

/// The server once it listens: what the startup line says.
#[derive(Debug, Clone)]
pub(crate) struct Listening {
    /// The address bound (port 0 resolved to the port chosen).
    pub addr: SocketAddr,
    /// How many articles the index holds now.
    pub articles: u64,
}

/// Serves the engine's articles until the process is stopped. The index is opened and the
/// address bound first (an error then is returned), then `on_listening` is told where.
pub(crate) fn serve(
    engine: &Engine,
    options: &ServeOptions,
    on_listening: impl FnOnce(&Listening),
) -> Result<()> {
    let archive = Archive::open(engine, options.query_timeout)?;
    let articles = archive.searcher().stats()?.articles;
    let listen_error = |source| Error::Listen {
        addr: options.addr,
        source,
    };
    let listener = std::net::TcpListener::bind(options.addr).map_err(listen_error)?;
    listener.set_nonblocking(true).map_err(listen_error)?;
    let addr = listener.local_addr().map_err(listen_error)?;
    on_listening(&Listening { addr, articles });

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        // As much stack as the command line's main thread: a query is parsed and built
        // recursively on the thread that runs it.
        .thread_stack_size(8 << 20)
        .build()
        .map_err(listen_error)?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::from_std(listener).map_err(listen_error)?;
        let state = ApiState {
            archive: Arc::new(archive),
            queries: Arc::new(Semaphore::new(options.max_queries)),
            budget: options.query_timeout,
        };
        connections::serve_connections(listener, router(state), options.max_connections).await;
        Ok(())
    })
}

/// The page, the API and the bounds every request goes through.
fn router(state: ApiState) -> Router {
    // A last guard behind the API's own budget (which answers first, with its reason).
    let backstop = state.budget + Duration::from_secs(5);
    Router::new()
        .merge(api::routes())
        .merge(assets::routes())
        .merge(page::routes())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
        .layer(RequestBodyLimitLayer::new(MAX_REQUEST_BODY))
        .layer(middleware::from_fn(refuse_announced_body))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            backstop,
        ))
}

/// A body announced over the bound is refused at once, with a JSON reason like every other
/// error (the body limit behind it catches bodies that do not announce their length).
async fn refuse_announced_body(request: Request, next: Next) -> Response {
    let announced = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|length| length.to_str().ok()?.parse::<u64>().ok());
    if announced.is_some_and(|length| length > MAX_REQUEST_BODY as u64) {
        return ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!(
                "the request has a body of {} bytes: the server is read-only and takes none over {} KiB",
                announced.unwrap_or_default(),
                MAX_REQUEST_BODY >> 10
            ),
        )
        .into_response();
    }
    next.run(request).await
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        format!(
            "nothing at {}: the API is /api/search, /api/articles/ID, /api/articles/ID/similar and /api/stats",
            uri.path()
        ),
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "the server is read-only: use GET",
    )
}
