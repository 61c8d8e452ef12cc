//! The API's errors: a status and a JSON body `{"error": message}` (with `column` for a query that cannot be read).

use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use serde::Serialize;

use crate::error::Error;

/// An answer that is not a result.
#[derive(Debug)]
pub(crate) struct ApiError {
    pub(crate) status: StatusCode,
    pub(crate) message: String,
    /// Where a query cannot be read: 1-based, in characters, as the command line says.
    pub(crate) column: Option<usize>,
}

/// The JSON body of an error.
#[derive(Serialize)]
struct ErrorBody<'a> {
    error: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<usize>,
}

impl ApiError {
    pub(crate) fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            column: None,
        }
    }

    pub(crate) fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let status = match &error {
            Error::InvalidQuery { .. } | Error::InvalidDate { .. } | Error::InvalidOption(_) => {
                StatusCode::BAD_REQUEST
            }
            Error::NoArticle { .. } => StatusCode::NOT_FOUND,
            // The cluster behind the server failed: a gateway's upstream error.
            Error::Cluster { .. } => StatusCode::BAD_GATEWAY,
            _ => StatusCode::INTERNAL_SERVER_ERROR,
        };
        // The command line's message; for a query, its first line (the query and a caret
        // under the column follow it on a terminal; here the column is a field).
        let message = error.to_string();
        let message = message.lines().next().unwrap_or_default().to_string();
        let column = match error {
            Error::InvalidQuery { column, .. } => Some(column),
            _ => None,
        };
        ApiError {
            status,
            message,
            column,
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = serde_json::to_string(&ErrorBody {
            error: &self.message,
            column: self.column,
        })
        .unwrap_or_default();
        let mut response = (
            self.status,
            [
                (header::CONTENT_TYPE, "application/json"),
                (header::CACHE_CONTROL, "no-store"),
            ],
            body + "\n",
        )
            .into_response();
        if self.status == StatusCode::SERVICE_UNAVAILABLE {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, header::HeaderValue::from_static("1"));
        }
        response
    }
}
