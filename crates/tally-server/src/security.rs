//! Middleware every response passes through: a query-size limit, per-request timeouts,
//! and headers that keep a browser from running anything the page did not ship.
//!
//! The Content-Security-Policy allows scripts and styles only from this server, so even
//! text that slipped into markup could not run; the page never puts article text into
//! markup anyway (it builds the DOM with `textContent`).

use std::time::Duration;

use axum::extract::{Request, State};
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::{ApiError, AppState};

const CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Adds the security headers to every response.
pub async fn headers(request: Request, next: Next) -> Response {
    let mut response = next.run(request).await;
    let h = response.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    response
}

/// Refuses query strings over the limit (414) before any handler parses them.
pub async fn query_limit(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let max = state.limits().max_query_bytes;
    if request.uri().query().is_some_and(|q| q.len() > max) {
        return ApiError::UriTooLong(max).into_response();
    }
    next.run(request).await
}

/// Answers 503 with a JSON error when a read takes longer than the read timeout.
pub async fn read_timeout(State(state): State<AppState>, request: Request, next: Next) -> Response {
    with_timeout(state.limits().read_timeout, request, next).await
}

/// Answers 503 with a JSON error when an ingest takes longer than the ingest timeout.
pub async fn ingest_timeout(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    with_timeout(state.limits().ingest_timeout, request, next).await
}

async fn with_timeout(limit: Duration, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        // The query keeps running on the blocking pool until it finishes; the client is
        // answered now. SQLite reads are bounded by the page limits, so that is short.
        Err(_) => ApiError::Timeout(limit.as_secs()).into_response(),
    }
}
