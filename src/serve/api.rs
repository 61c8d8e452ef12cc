//! The JSON API: search, one article, similar articles, stats — each answer the document the command line prints with `--json`.

use std::sync::Arc;
use std::time::Duration;

use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde::Serialize;
use tokio::sync::Semaphore;

use crate::engine::ArticleSearch;
use crate::error::Error;

use super::api_error::ApiError;
use super::archive::Archive;
use super::params;

/// The largest answer: larger ones (an absurdly long article) are refused rather than sent.
pub(crate) const MAX_RESPONSE_BYTES: usize = 16 << 20;

/// What every request shares: the index and the bounds on the work it is given.
#[derive(Clone)]
pub(crate) struct ApiState {
    pub(crate) archive: Arc<Archive>,
    /// One permit per query running; the others wait for one within their budget.
    pub(crate) queries: Arc<Semaphore>,
    /// A request's time budget, waiting for a permit included.
    pub(crate) budget: Duration,
}

/// The `/api/…` routes.
pub(crate) fn routes() -> Router<ApiState> {
    Router::new()
        .route("/api/search", get(search))
        .route("/api/articles/{id}", get(article))
        .route("/api/articles/{id}/similar", get(similar))
        .route("/api/stats", get(stats))
        .layer(middleware::from_fn(refuse_broken_text))
}

/// A query string whose percent-escapes are not UTF-8 text is refused (400): decoding would
/// otherwise replace the broken bytes and search for something the client never sent.
async fn refuse_broken_text(request: Request, next: Next) -> Response {
    let query = request.uri().query().unwrap_or_default();
    if percent_encoding::percent_decode(query.as_bytes())
        .decode_utf8()
        .is_err()
    {
        return ApiError::bad_request(
            "the query string is not UTF-8 text once its %-escapes are decoded",
        )
        .into_response();
    }
    next.run(request).await
}

/// The query string's pairs, in order (a name may repeat).
pub(crate) type Pairs = Result<Query<Vec<(String, String)>>, QueryRejection>;

pub(crate) fn pairs(query: Pairs) -> Result<Vec<(String, String)>, ApiError> {
    query
        .map(|Query(pairs)| pairs)
        .map_err(|rejection| ApiError::bad_request(rejection.body_text()))
}

/// `GET /api/search?q=…&<options of newsearch query>`: `query --json`.
async fn search(State(state): State<ApiState>, query: Pairs) -> Result<Response, ApiError> {
    let (budget, pairs) = params::take_budget(pairs(query)?, state.budget)?;
    let request = params::search(&pairs)?;
    state
        .run(budget, move |searcher| json(&searcher.search(&request)?))
        .await
}

/// `GET /api/articles/{id}?q=…`: `show ID --json [--query …]`.
async fn article(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    query: Pairs,
) -> Result<Response, ApiError> {
    let (budget, pairs) = params::take_budget(pairs(query)?, state.budget)?;
    let marked = params::article(&pairs)?;
    state
        .run(budget, move |searcher| {
            let mut article = searcher
                .article(&id)?
                .ok_or(Error::NoArticle { id: id.clone() })?;
            if let Some(query) = marked {
                searcher.mark_query(&mut article, &query)?;
            }
            json(&article)
        })
        .await
}

/// `GET /api/articles/{id}/similar?limit=…&offset=…&no-collapse=…`: `similar ID --json`.
async fn similar(
    State(state): State<ApiState>,
    Path(id): Path<String>,
    query: Pairs,
) -> Result<Response, ApiError> {
    let (budget, pairs) = params::take_budget(pairs(query)?, state.budget)?;
    let request = params::similar(&id, &pairs)?;
    state
        .run(budget, move |searcher| {
            let results = searcher
                .similar(&id, &request)?
                .ok_or(Error::NoArticle { id: id.clone() })?;
            json(&results)
        })
        .await
}

/// `GET /api/stats`: `stats --json`.
async fn stats(State(state): State<ApiState>, query: Pairs) -> Result<Response, ApiError> {
    let (budget, pairs) = params::take_budget(pairs(query)?, state.budget)?;
    if let Some((name, _)) = pairs.first() {
        return Err(ApiError::bad_request(format!(
            "unknown parameter {name:?}: stats take none"
        )));
    }
    state.run(budget, |searcher| json(&searcher.stats()?)).await
}

/// The answer as `--json` prints it: one line of JSON.
fn json(value: &impl Serialize) -> Result<Response, ApiError> {
    let mut body = serde_json::to_vec(value)
        .map_err(|error| ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, error.to_string()))?;
    if body.len() > MAX_RESPONSE_BYTES {
        return Err(ApiError::new(
            StatusCode::INTERNAL_SERVER_ERROR,
            format!(
                "the answer would be {} MiB, over the server's limit of {} MiB",
                body.len() >> 20,
                MAX_RESPONSE_BYTES >> 20
            ),
        ));
    }
    body.push(b'\n');
    Ok((
        [
            (header::CONTENT_TYPE, "application/json"),
            (header::CACHE_CONTROL, "no-store"),
        ],
        body,
    )
        .into_response())
}

impl ApiState {
    /// Runs `work` on the index's last commit, on a blocking thread (never on the runtime's:
    /// the embedded engine computes and the cluster's client waits on HTTP), once a query
    /// permit is free, within `budget`. Over budget the request gets a 503 at once; the
    /// work itself cannot be stopped midway, so it finishes (a cluster's calls give up after
    /// the server's budget) and keeps its permit until then: runaway queries still count
    /// against the limit on concurrent queries.
    pub(crate) async fn run<T>(&self, budget: Duration, work: T) -> Result<Response, ApiError>
    where
        T: FnOnce(&dyn ArticleSearch) -> Result<Response, ApiError> + Send + 'static,
    {
        let archive = Arc::clone(&self.archive);
        let queries = Arc::clone(&self.queries);
        let attempt = async move {
            let permit = queries.acquire_owned().await;
            tokio::task::spawn_blocking(move || {
                let _permit = permit;
                work(archive.searcher().as_ref())
            })
            .await
        };
        match tokio::time::timeout(budget, attempt).await {
            Ok(Ok(answer)) => answer,
            Ok(Err(_panicked)) => Err(ApiError::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                "the request failed inside the server (a bug: please report it with the request)",
            )),
            Err(_elapsed) => Err(ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                format!(
                    "no answer within the time budget of {} ms (the server is busy or the query costly): try again, or narrow the query",
                    budget.as_millis()
                ),
            )),
        }
    }
}
