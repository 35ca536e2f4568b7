//! The checked-in `openapi.json` is what the code generates. After changing the API, run
//! `UPDATE_OPENAPI=1 cargo test -p tally-server --test openapi` and commit the file.
#![allow(clippy::unwrap_used)]

#[test]
fn openapi_json_is_current() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/openapi.json");
    let generated = tally_server::openapi_json();
    if std::env::var_os("UPDATE_OPENAPI").is_some() {
        std::fs::write(path, &generated).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        stored == generated,
        "openapi.json is out of date: run `UPDATE_OPENAPI=1 cargo test -p tally-server --test openapi`"
    );
    let doc: serde_json::Value = serde_json::from_str(&generated).unwrap();
    for path in [
        "/api/claims",
        "/api/claims/{id}",
        "/api/documents",
        "/api/documents/{id}",
        "/api/speakers",
        "/api/entities",
        "/api/timeline",
        "/api/sources",
        "/api/health",
        "/api/ingest",
    ] {
        assert!(doc["paths"][path].is_object(), "{path} is not described");
    }
    assert!(doc["components"]["schemas"]["ClaimCard"].is_object());
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}
