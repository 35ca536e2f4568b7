//! `POST /api/ingest`: add articles to the ledger. Needs the bearer token.
//!
//! Bodies, by `Content-Type` (or `?format=`):
//! - `application/json`: one article object, or an array of them, with the fields of a
//!   JSONL record (`url`, `title`, `published`, `text` or `html`, ...);
//! - `application/x-ndjson` / `application/jsonl`: JSON Lines, one article per line;
//! - `text/html`: a saved page (main text by readability, metadata from JSON-LD and meta tags);
//! - `text/markdown`, `text/plain`: one article, as `tally extract` reads files.
//!
//! Each article is extracted with the server's pipeline and stored in one transaction; an
//! article already stored is skipped. A record that cannot be read is reported in the
//! answer and the others are stored.

use std::io::Write;

use axum::Json;
use axum::body::Bytes;
use axum::extract::State;
use axum::extract::rejection::BytesRejection;
use axum::http::{HeaderMap, StatusCode, header};
use tally_core::{Document, Published, PublishedSource};
use tally_extract::Pipeline;
use tally_ingest::{Format, IngestOptions};
use tally_store::{ErrorRecord, Prepared};

use crate::error::ErrorBody;
use crate::model::{IngestFailure, IngestReport};
use crate::params::{ApiQuery, IngestParams};
use crate::{ApiError, AppState};

/// The origin path recorded on documents that came through the API.
const ORIGIN: &str = "POST /api/ingest";

/// The diagnostic code of a document an extractor failed on.
const EXTRACT_FAILED: &str = "E001";

/// Adds articles. Needs `Authorization: Bearer TOKEN`.
#[utoipa::path(post, path = "/api/ingest", tag = "ingest", params(IngestParams),
    request_body(
        description = "An article object or array of them (JSON), JSON Lines, an HTML page, Markdown or plain text",
        content(
            (serde_json::Value = "application/json"),
            (String = "application/x-ndjson"),
            (String = "text/html"),
            (String = "text/markdown"),
            (String = "text/plain"))),
    responses(
        (status = 200, description = "What was stored", body = IngestReport),
        (status = 400, description = "An unreadable body or bad parameter", body = ErrorBody),
        (status = 401, description = "Missing or wrong token", body = ErrorBody),
        (status = 413, description = "Body over the limit", body = ErrorBody),
        (status = 415, description = "A content type ingest does not read", body = ErrorBody)),
    security(("bearer" = [])))]
pub async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    ApiQuery(p): ApiQuery<IngestParams>,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<IngestReport>, ApiError> {
    authorize(&state, &headers)?;
    let body = body.map_err(|e| {
        if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::PayloadTooLarge(state.limits().max_body_bytes)
        } else {
            ApiError::BadRequest(format!("cannot read the body: {}", e.body_text()))
        }
    })?;
    if body.iter().all(u8::is_ascii_whitespace) {
        return Err(ApiError::BadRequest("the body is empty".to_owned()));
    }
    let kind = body_kind(&headers, p.format.as_deref())?;
    let mut options = IngestOptions {
        url: p.url.filter(|u| !u.trim().is_empty()),
        ..IngestOptions::default()
    };
    if let Some(value) = p.published.filter(|v| !v.trim().is_empty()) {
        let mut published = Published::parse_iso(&value)
            .map_err(|e| ApiError::BadRequest(format!("invalid published: {e}")))?;
        published.source = PublishedSource::User;
        options.published = Some(published);
    }
    state
        .write(move |pipeline, writer| {
            let (documents, mut errors) = read_body(&body, kind, &options)?;
            let (ids, prepared) = extract(pipeline, documents, &mut errors);
            let stats = writer
                .lock()
                .map_err(|_| ApiError::Internal("the writer is poisoned".to_owned()))?
                .write(&prepared, &errors)?;
            Ok(Json(IngestReport {
                documents: ids.len() as u64,
                inserted: stats.inserted,
                skipped: stats.skipped,
                claims: stats.claims,
                ids,
                errors: errors
                    .into_iter()
                    .map(|e| IngestFailure {
                        record: e.record,
                        code: e.code,
                        message: e.message,
                    })
                    .collect(),
            }))
        })
        .await
}

/// Runs the pipeline over `documents`: their ids, and those it annotated ready to store.
/// A document an extractor fails on is added to `errors` with the code the CLI, the store
/// and the Python bindings use (`docs/diagnostics.md`), and the others go on.
fn extract(
    pipeline: &Pipeline,
    documents: Vec<Document>,
    errors: &mut Vec<ErrorRecord>,
) -> (Vec<String>, Vec<Prepared>) {
    let mut ids = Vec::with_capacity(documents.len());
    let mut prepared = Vec::with_capacity(documents.len());
    for mut doc in documents {
        ids.push(doc.id.clone());
        match pipeline.run(&mut doc) {
            Ok(()) => prepared.push(Prepared::new(doc)),
            Err(e) => errors.push(ErrorRecord {
                path: ORIGIN.to_owned(),
                record: format!("document {}", doc.id),
                code: EXTRACT_FAILED.to_owned(),
                message: e.to_string(),
            }),
        }
    }
    (ids, prepared)
}

fn authorize(state: &AppState, headers: &HeaderMap) -> Result<(), ApiError> {
    let given = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(token) if state.token().matches(token) => Ok(()),
        _ => Err(ApiError::Unauthorized),
    }
}

/// What the body holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum BodyKind {
    /// One JSON object or an array of them.
    Json,
    /// One article in a format `tally_ingest` reads from memory, or JSON Lines.
    Format(Format),
}

fn body_kind(headers: &HeaderMap, format: Option<&str>) -> Result<BodyKind, ApiError> {
    if let Some(name) = format.filter(|f| !f.is_empty()) {
        return match name {
            "json" => Ok(BodyKind::Json),
            "markdown" | "text" | "html" | "jsonl" => Format::from_name(name)
                .map(BodyKind::Format)
                .ok_or_else(|| ApiError::BadRequest(format!("invalid format {name:?}"))),
            other => Err(ApiError::BadRequest(format!(
                "invalid format {other:?}: expected json, jsonl, html, markdown or text"
            ))),
        };
    }
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    match content_type.as_str() {
        "application/json" => Ok(BodyKind::Json),
        "application/x-ndjson" | "application/jsonl" | "application/jsonlines" => {
            Ok(BodyKind::Format(Format::Jsonl))
        }
        "text/html" | "application/xhtml+xml" => Ok(BodyKind::Format(Format::Html)),
        "text/markdown" | "text/x-markdown" => Ok(BodyKind::Format(Format::Markdown)),
        "text/plain" | "" => Ok(BodyKind::Format(Format::Text)),
        other => Err(ApiError::UnsupportedMediaType(format!(
            "content type {other:?} is not one ingest reads: send application/json, \
             application/x-ndjson, text/html, text/markdown or text/plain (or set ?format=)"
        ))),
    }
}

/// Reads the body into documents and per-record errors.
fn read_body(
    body: &[u8],
    kind: BodyKind,
    options: &IngestOptions,
) -> Result<(Vec<Document>, Vec<ErrorRecord>), ApiError> {
    match kind {
        BodyKind::Json => {
            let value: serde_json::Value = serde_json::from_slice(body)
                .map_err(|e| ApiError::BadRequest(format!("the body is not JSON: {e}")))?;
            let items = match value {
                serde_json::Value::Array(items) => items,
                object @ serde_json::Value::Object(_) => vec![object],
                _ => {
                    return Err(ApiError::BadRequest(
                        "expected an article object or an array of them".to_owned(),
                    ));
                }
            };
            let mut lines = Vec::with_capacity(body.len() + items.len());
            for item in &items {
                // serde_json writes one line per value: strings escape their newlines.
                serde_json::to_writer(&mut lines, item)
                    .map_err(|e| ApiError::Internal(e.to_string()))?;
                lines.push(b'\n');
            }
            read_jsonl(&lines, options)
        }
        BodyKind::Format(Format::Jsonl) => read_jsonl(body, options),
        BodyKind::Format(format) => {
            let text = String::from_utf8_lossy(body);
            let doc = tally_ingest::parse_str(&text, format, ORIGIN, options)
                .map_err(|e| ApiError::BadRequest(format!("{} ({})", e, e.code())))?;
            Ok((vec![doc], Vec::new()))
        }
    }
}

/// JSON Lines go through the same reader as `tally ingest` files, so records are read
/// (and rejected) exactly as from disk. The reader takes a path, so the lines are written
/// to a private temporary file first.
fn read_jsonl(
    lines: &[u8],
    options: &IngestOptions,
) -> Result<(Vec<Document>, Vec<ErrorRecord>), ApiError> {
    let temp = |e: std::io::Error| ApiError::Internal(format!("temporary file: {e}"));
    let dir = tempfile::tempdir().map_err(temp)?;
    let path = dir.path().join("body.jsonl");
    std::fs::File::create(&path)
        .and_then(|mut f| f.write_all(lines))
        .map_err(temp)?;
    let options = IngestOptions {
        format: Some(Format::Jsonl),
        ..options.clone()
    };
    let records = tally_ingest::read(&path, &options)
        .map_err(|e| ApiError::BadRequest(format!("{} ({})", e, e.code())))?;
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    for record in records {
        match record {
            Ok(mut doc) => {
                if let Some(origin) = &mut doc.meta.origin {
                    ORIGIN.clone_into(&mut origin.path);
                }
                documents.push(doc);
            }
            Err(e) => errors.push(ErrorRecord {
                path: ORIGIN.to_owned(),
                record: match &e {
                    tally_ingest::IngestError::Record { record, .. } => record.clone(),
                    _ => String::new(),
                },
                code: e.code().to_owned(),
                message: match &e {
                    tally_ingest::IngestError::Record { message, .. } => message.clone(),
                    other => other.to_string(),
                },
            }),
        }
    }
    Ok((documents, errors))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{DocumentMeta, ExtractError, Extractor, Layer};

    /// Fails on documents whose body mentions "fail".
    struct Picky;

    impl Extractor for Picky {
        fn name(&self) -> &'static str {
            "picky"
        }
        fn requires(&self) -> &'static [Layer] {
            &[]
        }
        fn provides(&self) -> &'static [Layer] {
            &[]
        }
        fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
            if doc.body.contains("fail") {
                return Err(ExtractError::Data {
                    what: "test",
                    source_name: "picky".to_owned(),
                    message: "refused".to_owned(),
                });
            }
            Ok(())
        }
    }

    #[test]
    fn an_extractor_failure_is_recorded_as_e001_and_the_rest_go_on() {
        let pipeline = Pipeline::new(vec![Box::new(Picky)]).unwrap();
        let docs: Vec<Document> = ["Officials said it would fail.", "Officials said 3 died."]
            .into_iter()
            .map(|text| Document::new(DocumentMeta::default(), [text]))
            .collect();
        let failed = docs[0].id.clone();
        let mut errors = Vec::new();
        let (ids, prepared) = extract(&pipeline, docs, &mut errors);
        assert_eq!(ids.len(), 2);
        assert_eq!(prepared.len(), 1);
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].code, "E001");
        assert_eq!(errors[0].record, format!("document {failed}"));
        assert!(
            errors[0].message.contains("refused"),
            "{}",
            errors[0].message
        );
    }
}
