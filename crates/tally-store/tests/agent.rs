//! A figure's agent (who did the harm a loss figure counts) is stored by ingest and read
//! back by every export format, the claim card the server serves and the timeline.
#![allow(clippy::unwrap_used)]

mod common;

use common::{agent, claim, doc, figure};
use tally_core::Document;
use tally_store::{ExportFormat, ExportTable, Prepared, Store};

const LEAD: &str = "Russian drones and missiles struck Kharkiv overnight, killing at least 12 people, the regional governor said.";

/// The lead's death toll with its agent, and a second figure without one.
fn story() -> Document {
    let mut d = doc(
        "https://example.org/kharkiv",
        "Example News",
        None,
        "2025-05-02",
        &[LEAD, "Ukraine lost 40 soldiers in the east last week."],
    );
    let f = figure(
        &mut d,
        "at least 12",
        Some(12.0),
        None,
        true,
        ("people", "local:people"),
        Some(("Kharkiv", "place:kharkiv")),
    );
    agent(&mut d, 0, "Russian drones and missiles", "RU");
    claim(
        &mut d,
        "the regional governor",
        "Russian drones and missiles struck Kharkiv overnight, killing at least 12 people",
        "2025-05-02",
        vec![f],
    );
    figure(
        &mut d,
        "40",
        Some(40.0),
        Some(40.0),
        false,
        ("Ukraine", "UA"),
        None,
    );
    d
}

fn stored() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store.write(&[Prepared::new(story())], &[]).unwrap();
    store
}

fn export(store: &Store, format: ExportFormat) -> Vec<u8> {
    let mut out = Vec::new();
    store
        .export(ExportTable::Figures, format, &mut out, "mem")
        .unwrap();
    out
}

#[test]
fn ingest_then_export_finds_the_agent() {
    let store = stored();
    let jsonl = String::from_utf8(export(&store, ExportFormat::Jsonl)).unwrap();
    let rows: Vec<serde_json::Value> = jsonl
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[0]["raw"], "at least 12");
    assert_eq!(rows[0]["agent"], "Russian drones and missiles");
    assert_eq!(rows[0]["agent_entity"], "RU");
    assert_eq!(rows[0]["subject"], "people", "the agent is not the subject");
    assert_eq!(rows[1]["raw"], "40");
    assert!(rows[1]["agent"].is_null() && rows[1]["agent_entity"].is_null());

    let csv = String::from_utf8(export(&store, ExportFormat::Csv)).unwrap();
    let mut lines = csv.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let at = header.iter().position(|h| *h == "agent").unwrap();
    assert_eq!(header[at - 1], "place_entity");
    assert_eq!(header[at + 1], "agent_entity");
    let first = lines.next().unwrap();
    assert!(
        first.contains(",Russian drones and missiles,RU,"),
        "{first}"
    );
}

#[cfg(feature = "parquet")]
#[test]
fn parquet_export_has_the_agent() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    use parquet::record::RowAccessor;
    let store = stored();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.parquet");
    std::fs::write(&path, export(&store, ExportFormat::Parquet)).unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    let names: Vec<String> = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_owned())
        .collect();
    let at = names.iter().position(|n| n == "agent").unwrap();
    assert_eq!(names[at + 1], "agent_entity");
    let rows: Vec<_> = reader
        .get_row_iter(None)
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows[0].get_string(at).unwrap(),
        "Russian drones and missiles"
    );
    assert_eq!(rows[0].get_string(at + 1).unwrap(), "RU");
}

#[test]
fn the_claim_card_shows_the_agent() {
    let store = stored();
    let mut out = Vec::new();
    store
        .export(ExportTable::Claims, ExportFormat::Jsonl, &mut out, "mem")
        .unwrap();
    let row: serde_json::Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().next().unwrap()).unwrap();
    let card = store
        .claim(row["claim_key"].as_str().unwrap())
        .unwrap()
        .unwrap();
    let f = &card.claim.figures[0];
    assert_eq!(f.agent.as_deref(), Some("Russian drones and missiles"));
    assert_eq!(f.agent_entity.as_deref(), Some("RU"));
    let json = serde_json::to_value(f).unwrap();
    assert_eq!(json["agent_entity"], "RU");
}

#[test]
fn the_timeline_json_has_the_agent() {
    let store = stored();
    let timeline = store
        .timeline(&tally_store::TimelineQuery {
            measure: "casualties".to_owned(),
            ..tally_store::TimelineQuery::default()
        })
        .unwrap();
    let json = serde_json::to_value(&timeline).unwrap();
    let estimates = json["estimates"].as_array().unwrap();
    assert_eq!(estimates.len(), 2);
    let toll = estimates
        .iter()
        .find(|e| e["raw"] == "at least 12")
        .unwrap();
    assert_eq!(toll["agent"], "Russian drones and missiles");
    assert_eq!(toll["agent_entity"], "RU");
    assert_eq!(toll["subject"], "people", "the agent is not the subject");
    let other = estimates.iter().find(|e| e["raw"] == "40").unwrap();
    assert!(other["agent"].is_null() && other["agent_entity"].is_null());
}
