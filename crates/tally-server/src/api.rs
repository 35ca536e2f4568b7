//! The read endpoints. Each parses its parameters strictly, runs one store query on the
//! blocking pool, and answers JSON; nothing here needs the token.

use axum::Json;
use axum::extract::{Path, State};
use tally_store::browse::{
    ClaimDetail, ClaimFilter, ClaimPage, DocumentFilter, DocumentPage, DocumentView, EntityPage,
    NameFilter, SpeakerPage, TimelineOptions,
};
use tally_store::{SearchScope, TimelineQuery};

use crate::error::ErrorBody;
use crate::model::{Health, SearchHit, SourceCount, Sources, Timeline};
use crate::params::{
    ApiQuery, ClaimParams, DocumentParams, EntityParams, SearchParams, SourceParams, SpeakerParams,
    TimelineOptionParams, TimelineParams, page, text,
};
use crate::{ApiError, AppState};

/// Ids are hex hashes; anything longer or stranger is refused before it reaches SQL.
fn check_id(id: &str, what: &str) -> Result<(), ApiError> {
    if id.is_empty() || id.len() > 128 || !id.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(ApiError::BadRequest(format!(
            "invalid {what} id {id:?}: expected letters and digits"
        )));
    }
    Ok(())
}

/// Liveness and what the database holds.
#[utoipa::path(get, path = "/api/health", tag = "meta",
    responses((status = 200, description = "The server is up", body = Health)))]
pub async fn health(State(state): State<AppState>) -> Result<Json<Health>, ApiError> {
    let counts = state.read(|store| Ok(store.counts()?)).await?;
    Ok(Json(Health {
        status: "ok".to_owned(),
        version: env!("CARGO_PKG_VERSION").to_owned(),
        documents: counts.documents,
        claims: counts.claims,
        figures: counts.figures,
        clusters: counts.clusters,
        errors: counts.errors,
    }))
}

/// Claims, filtered and paged; with `q`, best matches first.
#[utoipa::path(get, path = "/api/claims", tag = "claims", params(ClaimParams),
    responses(
        (status = 200, description = "A page of claims", body = ClaimPage),
        (status = 400, description = "A bad parameter", body = ErrorBody)))]
pub async fn claims(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<ClaimParams>,
) -> Result<Json<ClaimPage>, ApiError> {
    let filter = ClaimFilter {
        q: text(p.q, "q")?,
        speaker: text(p.speaker, "speaker")?,
        entity: text(p.entity, "entity")?,
        measure: text(p.measure, "measure")?,
        place: text(p.place, "place")?,
        since: text(p.since, "since")?,
        until: text(p.until, "until")?,
        kind: text(p.kind, "kind")?,
        anonymous: p.anonymous,
        document: text(p.document, "document")?,
        limit: page(p.limit)?,
        offset: p.offset.unwrap_or(0),
    };
    if let Some(id) = &filter.document {
        check_id(id, "document")?;
    }
    Ok(Json(
        state.read(move |store| Ok(store.claims(&filter)?)).await?,
    ))
}

/// One claim with every document carrying it.
#[utoipa::path(get, path = "/api/claims/{id}", tag = "claims",
    params(("id" = String, Path, description = "The claim id (from a claim list)")),
    responses(
        (status = 200, description = "The claim", body = ClaimDetail),
        (status = 400, description = "A malformed id", body = ErrorBody),
        (status = 404, description = "No such claim", body = ErrorBody)))]
pub async fn claim(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ClaimDetail>, ApiError> {
    check_id(&id, "claim")?;
    let found = state
        .read({
            let id = id.clone();
            move |store| Ok(store.claim(&id)?)
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no claim {id}")))
}

/// Documents, filtered and paged.
#[utoipa::path(get, path = "/api/documents", tag = "documents", params(DocumentParams),
    responses(
        (status = 200, description = "A page of documents", body = DocumentPage),
        (status = 400, description = "A bad parameter", body = ErrorBody)))]
pub async fn documents(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<DocumentParams>,
) -> Result<Json<DocumentPage>, ApiError> {
    let filter = DocumentFilter {
        q: text(p.q, "q")?,
        source: text(p.source, "source")?,
        since: text(p.since, "since")?,
        until: text(p.until, "until")?,
        limit: page(p.limit)?,
        offset: p.offset.unwrap_or(0),
    };
    Ok(Json(
        state
            .read(move |store| Ok(store.documents(&filter)?))
            .await?,
    ))
}

/// One document with every annotation and its claims.
#[utoipa::path(get, path = "/api/documents/{id}", tag = "documents",
    params(("id" = String, Path, description = "The document id")),
    responses(
        (status = 200, description = "The document", body = DocumentView),
        (status = 400, description = "A malformed id", body = ErrorBody),
        (status = 404, description = "No such document", body = ErrorBody)))]
pub async fn document(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<DocumentView>, ApiError> {
    check_id(&id, "document")?;
    let found = state
        .read({
            let id = id.clone();
            move |store| Ok(store.document_view(&id)?)
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::NotFound(format!("no document {id}")))
}

/// Claimants across documents, most claims first.
#[utoipa::path(get, path = "/api/speakers", tag = "claims", params(SpeakerParams),
    responses(
        (status = 200, description = "A page of speakers", body = SpeakerPage),
        (status = 400, description = "A bad parameter", body = ErrorBody)))]
pub async fn speakers(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SpeakerParams>,
) -> Result<Json<SpeakerPage>, ApiError> {
    let filter = NameFilter {
        q: text(p.q, "q")?,
        anonymous: p.anonymous,
        kind: None,
        limit: page(p.limit)?,
        offset: p.offset.unwrap_or(0),
    };
    Ok(Json(
        state
            .read(move |store| Ok(store.speakers(&filter)?))
            .await?,
    ))
}

/// Entities across documents, most documents first.
#[utoipa::path(get, path = "/api/entities", tag = "documents", params(EntityParams),
    responses(
        (status = 200, description = "A page of entities", body = EntityPage),
        (status = 400, description = "A bad parameter", body = ErrorBody)))]
pub async fn entities(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<EntityParams>,
) -> Result<Json<EntityPage>, ApiError> {
    let filter = NameFilter {
        q: text(p.q, "q")?,
        anonymous: None,
        kind: text(p.kind, "type")?,
        limit: page(p.limit)?,
        offset: p.offset.unwrap_or(0),
    };
    Ok(Json(
        state
            .read(move |store| Ok(store.entities(&filter)?))
            .await?,
    ))
}

/// Estimates of one measure (for a subject and place) over time, contradictions flagged.
#[utoipa::path(get, path = "/api/timeline", tag = "timeline", params(TimelineParams),
    responses(
        (status = 200, description = "The timeline", body = Timeline),
        (status = 400, description = "A missing or bad parameter", body = ErrorBody)))]
pub async fn timeline(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<TimelineParams>,
) -> Result<Json<Timeline>, ApiError> {
    let measure = text(p.measure, "measure")?
        .ok_or_else(|| ApiError::BadRequest("missing parameter measure".to_owned()))?;
    let window = p.window.unwrap_or(7);
    if window > 3660 {
        return Err(ApiError::BadRequest(format!(
            "invalid window {window}: expected at most 3660 days"
        )));
    }
    let query = TimelineQuery {
        measure,
        subject: text(p.subject, "subject")?,
        place: text(p.place, "place")?,
        agent: text(p.agent, "agent")?,
        since: text(p.since, "since")?,
        until: text(p.until, "until")?,
        window_days: i64::from(window),
        // A chart shows a few hundred points at most; the store's pair scan is quadratic.
        limit: 2_000,
    };
    let timeline = state.read(move |store| Ok(store.timeline(&query)?)).await?;
    Ok(Json(timeline.into()))
}

/// The measures, subjects and places timelines can be drawn for.
#[utoipa::path(get, path = "/api/timeline/options", tag = "timeline",
    params(TimelineOptionParams),
    responses(
        (status = 200, description = "The choices", body = TimelineOptions),
        (status = 400, description = "A bad parameter", body = ErrorBody)))]
pub async fn timeline_options(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<TimelineOptionParams>,
) -> Result<Json<TimelineOptions>, ApiError> {
    let measure = text(p.measure, "measure")?;
    Ok(Json(
        state
            .read(move |store| Ok(store.timeline_options(measure.as_deref())?))
            .await?,
    ))
}

/// Sources and syndication clusters.
#[utoipa::path(get, path = "/api/sources", tag = "documents", params(SourceParams),
    responses(
        (status = 200, description = "Sources and clusters", body = Sources),
        (status = 400, description = "A bad parameter", body = ErrorBody)))]
pub async fn sources(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SourceParams>,
) -> Result<Json<Sources>, ApiError> {
    let limit = page(p.limit)? as usize;
    let members = page(p.members)? as usize;
    let min_size = u64::from(p.min_size.unwrap_or(2));
    let sources = state
        .read(move |store| {
            let sources = store
                .source_counts()?
                .into_iter()
                .map(|s| SourceCount {
                    name: s.name,
                    published: s.published,
                    originated: s.originated,
                })
                .collect();
            let clusters = store
                .sources(min_size, limit, members)?
                .into_iter()
                .map(Into::into)
                .collect();
            Ok(Sources { sources, clusters })
        })
        .await?;
    Ok(Json(sources))
}

/// Full-text search over documents and claims.
#[utoipa::path(get, path = "/api/search", tag = "documents", params(SearchParams),
    responses(
        (status = 200, description = "Hits, best first", body = Vec<SearchHit>),
        (status = 400, description = "A missing or bad parameter", body = ErrorBody)))]
pub async fn search(
    State(state): State<AppState>,
    ApiQuery(p): ApiQuery<SearchParams>,
) -> Result<Json<Vec<SearchHit>>, ApiError> {
    let q =
        text(p.q, "q")?.ok_or_else(|| ApiError::BadRequest("missing parameter q".to_owned()))?;
    let scope = match p.scope.as_deref() {
        None | Some("both") => SearchScope::Both,
        Some("documents") => SearchScope::Documents,
        Some("claims") => SearchScope::Claims,
        Some(other) => {
            return Err(ApiError::BadRequest(format!(
                "invalid scope {other:?}: expected documents, claims or both"
            )));
        }
    };
    let limit = page(p.limit)? as usize;
    let hits = state
        .read(move |store| Ok(store.search(&q, scope, limit)?))
        .await?;
    Ok(Json(hits.into_iter().map(Into::into).collect()))
}

/// Unknown API paths: a JSON 404 rather than an empty body.
pub async fn not_found(uri: axum::http::Uri) -> ApiError {
    ApiError::NotFound(format!("no endpoint {}", uri.path()))
}

/// A known path with the wrong method: a JSON 405.
pub async fn method_not_allowed(method: axum::http::Method, uri: axum::http::Uri) -> ApiError {
    ApiError::MethodNotAllowed(format!("{} does not answer {method}", uri.path()))
}
