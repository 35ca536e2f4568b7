//! The OpenAPI description, generated from the handlers' annotations and the response
//! types. `openapi.json` in this crate is the checked-in copy; a test fails when it drifts
//! (regenerate with `UPDATE_OPENAPI=1 cargo test -p tally-server --test openapi`).

use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
use utoipa::{Modify, OpenApi};

use crate::{api, ingest};

#[derive(OpenApi)]
#[openapi(
    info(
        title = "tally",
        description = "A sourced, queryable ledger of claims from news articles: who said what, how they were sourced, which figures (as ranges), about what and where, and when. Reads need no token; POST /api/ingest needs the bearer token `tally serve` prints.",
        license(name = "MIT OR Apache-2.0")
    ),
    paths(
        api::health,
        api::claims,
        api::claim,
        api::documents,
        api::document,
        api::speakers,
        api::entities,
        api::timeline,
        api::timeline_options,
        api::sources,
        api::search,
        ingest::ingest,
    ),
    modifiers(&BearerAuth),
    tags(
        (name = "claims", description = "The ledger: claims, claimants, evidence"),
        (name = "documents", description = "Articles, entities, sources, search"),
        (name = "timeline", description = "Estimates over time, contradictions flagged"),
        (name = "ingest", description = "Adding articles (needs the token)"),
        (name = "meta", description = "Health"),
    )
)]
struct ApiDoc;

struct BearerAuth;

impl Modify for BearerAuth {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "bearer",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

/// The OpenAPI document as pretty JSON (what `GET /openapi.json` serves).
#[must_use]
pub fn openapi_json() -> String {
    let mut doc = ApiDoc::openapi();
    // The version is the crate's, not utoipa's default, so the file changes only when
    // the API or the release does.
    env!("CARGO_PKG_VERSION").clone_into(&mut doc.info.version);
    doc.to_pretty_json().unwrap_or_else(|e| {
        format!("{{\"error\": \"cannot serialize the OpenAPI document: {e}\"}}")
    })
}
