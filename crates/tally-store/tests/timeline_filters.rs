//! The timeline's agent filter (who did the harm) and its place filter's fallback to the
//! document's dateline for figures that name no place.
#![allow(clippy::unwrap_used)]

mod common;

use common::{agent, claim, doc, figure};
use tally_core::Document;
use tally_store::{Prepared, Store, Timeline, TimelineQuery};

/// "Russian drones and missiles ... killing at least 12" (agent RU) and "Ukraine lost 40"
/// (no agent).
fn kharkiv() -> Document {
    let lead = "Russian drones and missiles struck Kharkiv overnight, killing at least 12 people, the regional governor said.";
    let mut d = doc(
        "https://example.org/kharkiv",
        "Example News",
        None,
        "2025-05-02",
        &[lead, "Ukraine lost 40 soldiers in the east last week."],
    );
    let f = figure(
        &mut d,
        "at least 12",
        Some(12.0),
        None,
        true,
        ("people", "local:people"),
        None,
    );
    agent(&mut d, 0, "Russian drones and missiles", "RU");
    claim(
        &mut d,
        "the regional governor",
        "killing at least 12 people",
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

/// A story filed from Gaza whose toll names no place, one whose toll does ("in Gaza"), and
/// one with neither a dateline nor a place.
fn gaza() -> Vec<Document> {
    let mut filed = doc(
        "https://example.org/gaza-1",
        "Example News",
        Some("AP"),
        "2025-03-18",
        &[
            "GAZA CITY (AP) \u{2014} Israeli strikes killed at least 30 people overnight, the health ministry said.",
        ],
    );
    figure(
        &mut filed,
        "at least 30",
        Some(30.0),
        None,
        true,
        ("people", "local:people"),
        None,
    );
    let mut placed = doc(
        "https://example.org/gaza-2",
        "Other News",
        None,
        "2025-03-19",
        &["Officials said 50 people were killed in Gaza on Wednesday."],
    );
    figure(
        &mut placed,
        "50",
        Some(50.0),
        Some(50.0),
        false,
        ("people", "local:people"),
        Some(("Gaza", "place:gaza")),
    );
    let mut elsewhere = doc(
        "https://example.org/other",
        "Other News",
        None,
        "2025-03-19",
        &["Officials said 7 people were killed in the blast on Wednesday."],
    );
    figure(
        &mut elsewhere,
        "7",
        Some(7.0),
        Some(7.0),
        false,
        ("people", "local:people"),
        None,
    );
    vec![filed, placed, elsewhere]
}

fn store_of(docs: Vec<Document>) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let prepared: Vec<Prepared> = docs.into_iter().map(Prepared::new).collect();
    store.write(&prepared, &[]).unwrap();
    store
}

fn timeline(store: &Store, place: Option<&str>, agent: Option<&str>) -> Timeline {
    store
        .timeline(&TimelineQuery {
            measure: "casualties".to_owned(),
            place: place.map(str::to_owned),
            agent: agent.map(str::to_owned),
            ..TimelineQuery::default()
        })
        .unwrap()
}

fn raws(t: &Timeline) -> Vec<&str> {
    t.estimates.iter().map(|e| e.raw.as_str()).collect()
}

#[test]
fn the_agent_filter_keeps_the_figures_it_names() {
    let store = store_of(vec![kharkiv()]);
    let mut all = raws(&timeline(&store, None, None)).join("|");
    all = all.replace("40|at least 12", "at least 12|40");
    assert_eq!(all, "at least 12|40");
    // Words of the phrase, any case; or the linked entity's id.
    for agent in ["Russia", "russian drones", "RU"] {
        let t = timeline(&store, None, Some(agent));
        assert_eq!(raws(&t), ["at least 12"], "{agent}");
        assert_eq!(t.agent.as_deref(), Some(agent));
    }
    // A figure without an agent is never "by" anyone.
    assert!(timeline(&store, None, Some("Ukraine")).estimates.is_empty());
    assert!(timeline(&store, None, Some("UA")).estimates.is_empty());
    // The JSON names the filter only when one was given.
    let json = serde_json::to_value(timeline(&store, None, Some("RU"))).unwrap();
    assert_eq!(json["agent"], "RU");
    let json = serde_json::to_value(timeline(&store, None, None)).unwrap();
    assert!(json.get("agent").is_none());
}

#[test]
fn a_figure_without_a_place_is_found_by_its_dateline() {
    let store = store_of(gaza());
    let t = timeline(&store, Some("Gaza"), None);
    assert_eq!(raws(&t), ["at least 30", "50"]);
    // Marked: the place came from the dateline, not from the figure.
    assert_eq!(t.estimates[0].dateline.as_deref(), Some("GAZA CITY"));
    assert_eq!(t.estimates[0].place, None);
    assert_eq!(t.estimates[1].dateline, None);
    assert_eq!(t.estimates[1].place.as_deref(), Some("Gaza"));
    let json = serde_json::to_value(&t).unwrap();
    assert_eq!(json["estimates"][0]["dateline"], "GAZA CITY");
    assert!(json["estimates"][1].get("dateline").is_none());
    // Without a place filter nothing says "dateline"; an entity-id place does not use it.
    let all = timeline(&store, None, None);
    assert_eq!(all.estimates.len(), 3);
    assert!(all.estimates.iter().all(|e| e.dateline.is_none()));
    assert_eq!(raws(&timeline(&store, Some("place:gaza"), None)), ["50"]);
    // A dateline elsewhere is not Gaza.
    assert!(timeline(&store, Some("Rafah"), None).estimates.is_empty());
}

#[test]
fn an_upgraded_store_gets_its_documents_datelines() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    {
        let mut store = Store::open(&path).unwrap();
        let prepared: Vec<Prepared> = gaza().into_iter().map(Prepared::new).collect();
        store.write(&prepared, &[]).unwrap();
        // Back to version 7, before the column existed.
        store
            .connection()
            .execute_batch("ALTER TABLE documents DROP COLUMN dateline; PRAGMA user_version = 7;")
            .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let datelines: Vec<Option<String>> = store
        .connection()
        .prepare("SELECT dateline FROM documents ORDER BY pk")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(datelines, [Some("GAZA CITY".to_owned()), None, None]);
    assert_eq!(
        raws(&timeline(&store, Some("gaza"), None)),
        ["at least 30", "50"]
    );
}
