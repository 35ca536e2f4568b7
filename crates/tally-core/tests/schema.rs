//! The checked-in JSON Schemas of the document (with every layer) and of the claim must
//! match the types. After changing a type, regenerate them with
//! `UPDATE_SCHEMA=1 cargo test -p tally-core --test schema`.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

fn check(name: &str, schema: &schemars::Schema) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/schema")
        .join(name);
    let generated = serde_json::to_string_pretty(schema).unwrap() + "\n";
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == generated,
        "{} is out of date; run `UPDATE_SCHEMA=1 cargo test -p tally-core --test schema`",
        path.display()
    );
}

#[test]
fn document_schema_is_current() {
    check(
        "document.schema.json",
        &schemars::schema_for!(tally_core::Document),
    );
}

#[test]
fn claim_schema_is_current() {
    check(
        "claim.schema.json",
        &schemars::schema_for!(tally_core::Claim),
    );
}
