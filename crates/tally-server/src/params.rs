//! Query parameters: one struct per endpoint, parsed strictly (unknown names and malformed
//! values are a 400 with a JSON error naming them), with empty values treated as absent so
//! a form that sends `speaker=` means "any speaker".

use axum::extract::{FromRequestParts, Query};
use axum::http::request::Parts;
use serde::Deserialize;
use serde::de::DeserializeOwned;
use utoipa::IntoParams;

use crate::ApiError;

/// Query parameters, rejected with a JSON 400 instead of axum's plain-text one.
#[derive(Debug)]
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        // Empty values mean "not given": drop them before parsing so `limit=` or
        // `anonymous=` is not a type error.
        let query = parts.uri.query().unwrap_or("");
        let kept: Vec<&str> = query
            .split('&')
            .filter(|pair| !pair.is_empty() && !pair.ends_with('='))
            .collect();
        let uri: axum::http::Uri = format!("/?{}", kept.join("&"))
            .parse()
            .map_err(|e| ApiError::BadRequest(format!("malformed query string: {e}")))?;
        Query::<T>::try_from_uri(&uri)
            .map(|Query(v)| ApiQuery(v))
            .map_err(|e| ApiError::BadRequest(format!("bad query parameter: {}", e.body_text())))
    }
}

/// Filters and page of `GET /api/claims`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct ClaimParams {
    /// Full-text query: the claim's words or claimant, a figure's measure or noun
    /// ("casualties"), or the text of a document carrying it (best matches first).
    pub q: Option<String>,
    /// Words of the claimant's name or descriptor ("official"), or of the names an article
    /// writes them under ("Zelenskyy" for Volodymyr Zelensky).
    pub speaker: Option<String>,
    /// An entity id (`KP`) or canonical name the claim mentions or is about.
    pub entity: Option<String>,
    /// A measure one of its figures counts (`casualties`, `killed`, `money`, ...).
    pub measure: Option<String>,
    /// A place: entity id or words ("Kursk").
    pub place: Option<String>,
    /// Said on or after, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Said on or before, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// `direct`, `indirect`, `mixed` or `reporter`.
    pub kind: Option<String>,
    /// `true`: only claims of anonymous speakers; `false`: only of named ones. Either
    /// leaves out the reporter's own voice and claims whose speaker was not found.
    pub anonymous: Option<bool>,
    /// Only claims carried by this document id.
    pub document: Option<String>,
    /// Page size, 1 to 200 (default 20).
    pub limit: Option<u32>,
    /// Claims to skip (default 0).
    pub offset: Option<u32>,
}

/// Filters and page of `GET /api/documents`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct DocumentParams {
    /// Full-text query over titles and bodies.
    pub q: Option<String>,
    /// Words of the publisher's or agency's name.
    pub source: Option<String>,
    /// Published on or after, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Published on or before, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Page size, 1 to 200 (default 20).
    pub limit: Option<u32>,
    /// Documents to skip.
    pub offset: Option<u32>,
}

/// Filters and page of `GET /api/speakers`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SpeakerParams {
    /// Words of the name or descriptor, or of a name an article writes them under.
    pub q: Option<String>,
    /// `true`: only anonymous speakers; `false`: only named ones. Either leaves out the
    /// reporter's own voice (agency, publisher) and claimants not found (`unknown`).
    pub anonymous: Option<bool>,
    /// Page size, 1 to 200 (default 20).
    pub limit: Option<u32>,
    /// Rows to skip.
    pub offset: Option<u32>,
}

/// Filters and page of `GET /api/entities`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct EntityParams {
    /// Words of the name, or an exact id.
    pub q: Option<String>,
    /// `person`, `organization`, `country`, `place` or `group`.
    #[serde(rename = "type")]
    #[param(rename = "type")]
    pub kind: Option<String>,
    /// Page size, 1 to 200 (default 20).
    pub limit: Option<u32>,
    /// Rows to skip.
    pub offset: Option<u32>,
}

/// `GET /api/timeline`: one (measure, subject, place).
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineParams {
    /// The measure (`casualties`, `killed`, ...). Required.
    pub measure: Option<String>,
    /// Subject: an entity id (`KP`) or words of the subject phrase.
    pub subject: Option<String>,
    /// Place: an entity id or words ("Kursk"). Words also match a figure with no place
    /// whose article's dateline names them (the estimate's `dateline`).
    pub place: Option<String>,
    /// Who did the harm: an entity id (`RU`) or words of the agent phrase ("Russia");
    /// figures that name no agent are left out.
    pub agent: Option<String>,
    /// Earliest date, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Latest date, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Largest gap in days between two estimates compared for contradictions (default 7).
    pub window: Option<u32>,
}

/// `GET /api/timeline/options`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct TimelineOptionParams {
    /// A measure, to list its subjects and places.
    pub measure: Option<String>,
}

/// `GET /api/sources`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SourceParams {
    /// Smallest cluster listed (default 2: only stories carried more than once).
    pub min_size: Option<u32>,
    /// Most clusters (1 to 200, default 20).
    pub limit: Option<u32>,
    /// Most members listed per cluster (default 20).
    pub members: Option<u32>,
}

/// `GET /api/search`.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct SearchParams {
    /// The query (FTS5 syntax or plain words). Required.
    pub q: Option<String>,
    /// `documents`, `claims` or `both` (default).
    pub scope: Option<String>,
    /// Most hits (1 to 200, default 20).
    pub limit: Option<u32>,
}

/// `POST /api/ingest`: metadata for a raw body.
#[derive(Debug, Default, Deserialize, IntoParams)]
#[serde(deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct IngestParams {
    /// The body's format when the content type does not say: `markdown`, `text`, `html`,
    /// `jsonl`.
    pub format: Option<String>,
    /// The article's url (fills a missing one; also names the publisher).
    pub url: Option<String>,
    /// Publication date or date-time, `YYYY-MM-DD` or RFC 3339.
    pub published: Option<String>,
}

/// A page size in 1..=200 (default 20).
pub fn page(limit: Option<u32>) -> Result<u32, ApiError> {
    match limit {
        None => Ok(20),
        Some(n @ 1..=200) => Ok(n),
        Some(n) => Err(ApiError::BadRequest(format!(
            "invalid limit {n}: expected 1 to 200"
        ))),
    }
}

/// Trims a text parameter; blank means absent. Overlong values are refused rather than
/// searched: nobody types a 1,000-character speaker name.
pub fn text(value: Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    let Some(value) = value else { return Ok(None) };
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    if value.chars().count() > 500 {
        return Err(ApiError::BadRequest(format!(
            "invalid {name}: longer than 500 characters"
        )));
    }
    Ok(Some(value.to_owned()))
}
