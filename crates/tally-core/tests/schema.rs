//! The checked-in JSON Schema of the document (and with it every layer and the claim) must
//! match the types. After changing a type, regenerate it with
//! `UPDATE_SCHEMA=1 cargo test -p tally-core --test schema`.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

fn schema_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema/document.schema.json")
}

#[test]
fn document_schema_is_current() {
    let schema = schemars::schema_for!(tally_core::Document);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = schema_path();
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
