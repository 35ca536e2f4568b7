//! Errors: [`ServerError`] for starting the server, [`ApiError`] for one request (always a
//! JSON body, never a panic).

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use tally_store::StoreError;

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServerError {
    /// The database could not be opened or migrated.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The extraction pipeline could not be built (a bad gazetteer or conventions file).
    #[error("cannot build the extraction pipeline: {0}")]
    Pipeline(#[from] tally_extract::PipelineError),
    /// Listening or starting the runtime failed.
    #[error("cannot listen on {addr}: {source}")]
    Listen {
        /// The address.
        addr: String,
        /// The cause.
        source: std::io::Error,
    },
    /// No usable ingest token.
    #[error("ingest token: {0}")]
    Token(String),
}

/// The JSON body of every error response: `{"error": {"status": 400, "code": ..., "message": ...}}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// What went wrong.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct ErrorDetail {
    /// The HTTP status.
    pub status: u16,
    /// A stable code: `bad_request`, `not_found`, `method_not_allowed`, `unauthorized`, `payload_too_large`,
    /// `uri_too_long`, `timeout`, `unsupported_media_type`, `internal`.
    pub code: String,
    /// A sentence naming the bad value.
    pub message: String,
}

/// Why one request failed.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter is malformed or out of range.
    #[error("{0}")]
    BadRequest(String),
    /// No such claim, document or route.
    #[error("{0}")]
    NotFound(String),
    /// The path exists but not with this method.
    #[error("{0}")]
    MethodNotAllowed(String),
    /// Missing or wrong bearer token.
    #[error(
        "this endpoint needs `Authorization: Bearer TOKEN` with the token `tally serve` printed (or TALLY_TOKEN)"
    )]
    Unauthorized,
    /// The body is over the limit.
    #[error("request body is over the {0}-byte limit")]
    PayloadTooLarge(usize),
    /// The query string is over the limit.
    #[error("query string is over the {0}-byte limit")]
    UriTooLong(usize),
    /// The body's content type is not one ingest reads.
    #[error("{0}")]
    UnsupportedMediaType(String),
    /// The request took too long.
    #[error("the request took longer than {0} seconds")]
    Timeout(u64),
    /// Something failed on the server's side.
    #[error("{0}")]
    Internal(String),
}

impl ApiError {
    fn status_and_code(&self) -> (StatusCode, &'static str) {
        match self {
            ApiError::BadRequest(_) => (StatusCode::BAD_REQUEST, "bad_request"),
            ApiError::NotFound(_) => (StatusCode::NOT_FOUND, "not_found"),
            ApiError::MethodNotAllowed(_) => (StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed"),
            ApiError::Unauthorized => (StatusCode::UNAUTHORIZED, "unauthorized"),
            ApiError::PayloadTooLarge(_) => (StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large"),
            ApiError::UriTooLong(_) => (StatusCode::URI_TOO_LONG, "uri_too_long"),
            ApiError::UnsupportedMediaType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type")
            }
            ApiError::Timeout(_) => (StatusCode::SERVICE_UNAVAILABLE, "timeout"),
            ApiError::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
        }
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::InvalidArgument { .. } => ApiError::BadRequest(e.to_string()),
            other => ApiError::Internal(format!("{} ({})", other, other.code())),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let body = ErrorBody {
            error: ErrorDetail {
                status: status.as_u16(),
                code: code.to_owned(),
                message: self.to_string(),
            },
        };
        let mut response = (status, Json(body)).into_response();
        if matches!(self, ApiError::Unauthorized) {
            response
                .headers_mut()
                .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
        }
        response
    }
}
