//! The web page: its files are inside the binary and served as they are (no build step, nothing fetched from elsewhere).

use axum::http::header;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// The page (sent by `page.rs`, with a search's results in it when it has one).
pub(crate) const INDEX_HTML: &str = include_str!("assets/index.html");

/// The page's style and scripts.
const FILES: &[(&str, &str, &str)] = &[
    (
        "/assets/style.css",
        "text/css; charset=utf-8",
        include_str!("assets/style.css"),
    ),
    (
        "/assets/app.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/app.js"),
    ),
    (
        "/assets/timeline.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/timeline.js"),
    ),
    (
        "/assets/render.js",
        "text/javascript; charset=utf-8",
        include_str!("assets/render.js"),
    ),
];

/// Scripts, styles and requests come from this server only, and no inline script runs: if
/// corpus text ever reached the page as markup, the browser still would not run it.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// A route per file.
pub(crate) fn routes<S: Clone + Send + Sync + 'static>() -> Router<S> {
    FILES
        .iter()
        .fold(Router::new(), |router, &(path, content_type, text)| {
            router.route(path, get(move || async move { file(content_type, text) }))
        })
}

/// The page, as HTML, with the headers of the page's files.
pub(crate) fn page_file(html: String) -> Response {
    let mut response = file("text/html; charset=utf-8", "");
    *response.body_mut() = html.into();
    response
}

fn file(content_type: &'static str, text: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
            (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
            // Links to an article's source must not tell its site what was searched.
            (header::REFERRER_POLICY, "no-referrer"),
        ],
        text,
    )
        .into_response()
}
