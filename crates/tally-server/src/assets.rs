//! The web page, embedded in the binary: one HTML file, one stylesheet, one script. No
//! CDN, no build step: the machine serving it may have no internet, and neither may the
//! reader's.

use axum::extract::Path;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::ApiError;

const INDEX: &str = include_str!("../assets/index.html");
const STYLE: &str = include_str!("../assets/app.css");
const SCRIPT: &str = include_str!("../assets/app.js");
const ICON: &str = include_str!("../assets/icon.svg");

fn respond(body: &'static str, content_type: &'static str) -> Response {
    let mut response = body.into_response();
    let h = response.headers_mut();
    h.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

/// `GET /`: the page.
pub async fn index() -> Response {
    respond(INDEX, "text/html; charset=utf-8")
}

/// `GET /assets/{file}`.
pub async fn asset(Path(file): Path<String>) -> Response {
    match file.as_str() {
        "app.css" => respond(STYLE, "text/css; charset=utf-8"),
        "app.js" => respond(SCRIPT, "text/javascript; charset=utf-8"),
        "icon.svg" => respond(ICON, "image/svg+xml"),
        other => ApiError::NotFound(format!("no asset {other}")).into_response(),
    }
}
