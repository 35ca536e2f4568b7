//! The rows the Spark job writes equal what `tally ingest` + `tally export` store: the
//! bundled samples, plus a syndicated copy and a repeated document, go through both the
//! store and [`Ledger`], and every table must match cell for cell (documents without the
//! cluster id, which the Spark job computes in its second stage).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use serde_json::{Map, Value};
use tally_core::Document;
use tally_extract::{Pipeline, PipelineConfig};
use tally_ingest::IngestOptions;
use tally_py::rows::{
    CLAIM_COLUMNS, CLUSTER_COLUMN, Cell, ColumnType, DOCUMENT_COLUMNS, DocumentRows,
    FIGURE_COLUMNS, Ledger,
};
use tally_store::{ExportFormat, ExportTable, Prepared, Store};

fn samples() -> Vec<Document> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
    let mut docs = Vec::new();
    for path in tally_ingest::expand(&[root]) {
        let path = path.unwrap();
        let name = path.to_string_lossy();
        if name.contains("/tools/") || name.ends_with("NOTICE.md") {
            continue;
        }
        for record in tally_ingest::read(&path, &IngestOptions::default()).unwrap() {
            let mut doc = record.unwrap();
            pipeline.run(&mut doc).unwrap();
            docs.push(doc);
        }
    }
    assert!(docs.len() >= 8, "samples went missing: {}", docs.len());
    // A syndicated copy of the first article (same text, another outlet) and the second
    // article again (same id: the store skips it).
    let mut copy = docs[0].clone();
    copy.meta.url = Some("https://copy.example/story".to_owned());
    copy.meta.publisher = Some("Copy Daily".to_owned());
    copy.refresh_id();
    for claim in &mut copy.claims {
        claim.document_id.clone_from(&copy.id);
    }
    let again = docs[1].clone();
    docs.push(copy);
    docs.push(again);
    docs
}

fn exported(store: &Store, table: ExportTable) -> Vec<Value> {
    let mut out = Vec::new();
    store
        .export(table, ExportFormat::Jsonl, &mut out, "memory")
        .unwrap();
    String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn header(store: &Store, table: ExportTable) -> Vec<String> {
    let mut out = Vec::new();
    store
        .export(table, ExportFormat::Csv, &mut out, "memory")
        .unwrap();
    let text = String::from_utf8(out).unwrap();
    let first = text.lines().next().unwrap_or_default();
    first.split(',').map(str::to_owned).collect()
}

fn objects(rows: &[Vec<Cell>], columns: &[(&str, ColumnType)]) -> Vec<Value> {
    rows.iter()
        .map(|row| {
            let mut object = Map::new();
            for (cell, (name, ty)) in row.iter().zip(columns) {
                object.insert((*name).to_owned(), cell.to_json(*ty));
            }
            Value::Object(object)
        })
        .collect()
}

fn without_cluster(mut rows: Vec<Value>) -> Vec<Value> {
    for row in &mut rows {
        if let Value::Object(o) = row {
            o.remove("cluster_id");
        }
    }
    rows
}

fn sorted(mut rows: Vec<Value>) -> Vec<Value> {
    rows.sort_by_key(Value::to_string);
    rows
}

#[test]
fn ledger_rows_equal_store_export() {
    let docs = samples();
    let mut store = Store::open_in_memory().unwrap();
    let prepared: Vec<Prepared> = docs.iter().cloned().map(Prepared::new).collect();
    // Two batches, as a real ingest writes them.
    store.write(&prepared[..4], &[]).unwrap();
    store.write(&prepared[4..], &[]).unwrap();
    let mut ledger = Ledger::default();
    for doc in &docs {
        ledger.add(DocumentRows::of(doc));
    }

    for (table, columns) in [
        (ExportTable::Documents, DOCUMENT_COLUMNS),
        (ExportTable::Claims, CLAIM_COLUMNS),
        (ExportTable::Figures, FIGURE_COLUMNS),
    ] {
        let names: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
        assert_eq!(header(&store, table), names, "column order of {table:?}");
    }

    let documents = exported(&store, ExportTable::Documents);
    assert_eq!(
        documents.len(),
        docs.len() - 1,
        "the repeated document is skipped"
    );
    assert_eq!(
        without_cluster(objects(ledger.documents(), DOCUMENT_COLUMNS)),
        without_cluster(documents)
    );

    let claims = exported(&store, ExportTable::Claims);
    assert!(
        claims.iter().any(|c| c["carriers"] == 2),
        "the syndicated copy's claims have two carriers"
    );
    assert_eq!(objects(&ledger.claims(), CLAIM_COLUMNS), claims);

    let figures = exported(&store, ExportTable::Figures);
    assert!(!figures.is_empty());
    assert_eq!(
        sorted(objects(&ledger.figures(), FIGURE_COLUMNS)),
        sorted(figures)
    );
}

#[test]
fn rows_of_a_document_without_claims_have_no_claim_columns() {
    let doc = Document::new(
        tally_core::DocumentMeta::default(),
        ["Short text without figures."],
    );
    let rows = DocumentRows::of(&doc);
    assert!(rows.claims.is_empty() && rows.figures.is_empty());
    assert_eq!(rows.document[CLUSTER_COLUMN], Cell::Null);
    assert_eq!(rows.document.len(), DOCUMENT_COLUMNS.len());
}
