//! A database written by schema version 1 moves to the current schema without losing
//! anything a query reads: bodies, paragraph and sentence spans, mentions, evidence, the
//! full-text index.
#![allow(clippy::unwrap_used)]

use rusqlite::Connection;
use tally_store::schema::{MIGRATIONS, migrate};
use tally_store::{SearchScope, Store};

/// One version-1 document as the version-1 writer stored it: two paragraphs, three
/// sentences, an entity with two mentions, a claim with two evidence spans, a figure.
const V1_ROWS: &str = "
INSERT INTO sources (id, name) VALUES (1, 'The Moscow Times'), (2, 'AFP');
INSERT INTO documents (pk, id, content_hash, url, title, publisher_id, agency_id, published,
    published_date, meta_json, layers, diagnostics, body, cluster_id, ingested_at)
VALUES (1, 'doc1', 'hash1', 'https://themoscowtimes.com/x', 'Casualties in Kursk', 1, 2,
    '2024-12-18', '2024-12-18', '{\"source_chain\":[\"AFP\",\"The Moscow Times\"]}',
    '[\"sentences\"]', '[]',
    'North Korean forces suffered several hundred casualties. Kursk was hit.

The official said so.', 1, 'now');
INSERT INTO documents_fts (rowid, title, body) SELECT pk, title, body FROM documents;
INSERT INTO source_chain VALUES (1, 0, 2), (1, 1, 1);
INSERT INTO paragraphs VALUES (1, 0, 0, 70), (1, 1, 72, 93);
INSERT INTO sentences VALUES (1, 0, 0, 56), (1, 1, 57, 70), (1, 2, 72, 93);
INSERT INTO entities VALUES (1, 'KP', 'country', 'North Korea', NULL);
INSERT INTO mentions VALUES (1, 'KP', 0, 12), (1, 'KP', 200, 205);
INSERT INTO claims (pk, key, claimant_kind, claimant_name, claimant_anonymous, kind, content,
    said_date, first_doc_pk)
VALUES (1, 'key1', 'speaker', 'the official', 1, 'indirect',
    'North Korean forces suffered several hundred casualties.', '2024-12-17', 1);
INSERT INTO claims_fts (rowid, content, claimant_name) VALUES
    (1, 'North Korean forces suffered several hundred casualties.', 'the official');
INSERT INTO claim_instances (claim_pk, doc_pk, id, about_times, figures, entities, conditions,
    attributions, rules)
VALUES (1, 1, 'C1', '[]', '[\"F1\"]', '[\"KP\"]', '[]', '[]', '[]');
INSERT INTO evidence VALUES (1, 'C1', 1, 72, 93), (1, 'C1', 0, 0, 56);
INSERT INTO figures (doc_pk, id, start, end, raw, low, high, approx, open_low, open_high,
    measure, subject_text, subject_entity, hedges, convention, claim_pk, date)
VALUES (1, 'F1', 28, 43, 'several hundred', 300, 900, 0, 0, 0, 'casualties',
    'North Korean forces', 'KP', '[]', 'default', 1, '2024-12-17');
";

#[test]
fn a_version_1_database_migrates_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(migrate(&mut conn, "v1", &MIGRATIONS[..1]).unwrap(), [1]);
        conn.execute_batch(V1_ROWS).unwrap();
    }
    // Opening for writing migrates.
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, tally_store::schema::SCHEMA_VERSION);
    let (body, paragraphs, sentences, meta): (String, String, String, String) = conn
        .query_row(
            "SELECT body, paragraphs, sentences, meta_json FROM document_text WHERE pk = 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .unwrap();
    assert!(body.starts_with("North Korean forces"));
    assert_eq!(paragraphs, "[[0,70],[72,93]]");
    assert_eq!(sentences, "[[0,56],[57,70],[72,93]]");
    assert!(meta.contains("source_chain"));
    let mentions: String = conn
        .query_row("SELECT mentions FROM entities WHERE id = 'KP'", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(mentions, "[[0,12],[200,205]]");
    let evidence: String = conn
        .query_row("SELECT evidence FROM claim_instances", [], |r| r.get(0))
        .unwrap();
    assert_eq!(evidence, "[[0,56],[72,93]]", "in evidence order");
    for gone in ["paragraphs", "sentences", "mentions", "evidence"] {
        let n: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
                [gone],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "{gone} is dropped");
    }
    assert_intact(conn);
    conn.execute(
        "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    // The full-text index was rebuilt over the moved text; claims kept theirs.
    let hits = store.search("kursk", SearchScope::Documents, 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert!(hits[0].snippet.contains("[Kursk]"));
    assert_eq!(
        store
            .search("\"several hundred\"", SearchScope::Claims, 10)
            .unwrap()
            .len(),
        1
    );
    // The browse queries read the moved columns.
    let view = store.document_view("doc1").unwrap().unwrap();
    assert_eq!(view.passages.len(), 2);
    assert_eq!(view.source_chain, ["AFP", "The Moscow Times"]);
    assert!(
        view.marks
            .iter()
            .any(|m| m.kind == "entity" && m.start == 0)
    );
    let claim = store.claim("key1").unwrap().unwrap();
    let evidence: Vec<(usize, usize)> = claim
        .claim
        .marks
        .iter()
        .filter(|m| m.kind == "evidence")
        .map(|m| (m.start, m.end))
        .collect();
    assert_eq!(evidence, [(0, 56), (72, 93)]);
    let timeline = store
        .timeline(&tally_store::TimelineQuery {
            measure: "casualties".to_owned(),
            subject: Some("KP".to_owned()),
            ..tally_store::TimelineQuery::default()
        })
        .unwrap();
    assert_eq!(timeline.estimates.len(), 1);
    assert_eq!(timeline.estimates[0].claimant, "the official");
}

/// Version-2 carriers: one claim in three documents (inserted out of document order, as a
/// corpus of wire copies does) and a second claim in the first document.
const V2_CARRIERS: &str = "
INSERT INTO documents (pk, id, content_hash, cluster_id, ingested_at) VALUES
    (1, 'd1', 'h1', 1, 'now'), (2, 'd2', 'h2', 2, 'now'), (3, 'd3', 'h3', 3, 'now');
INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json, layers, diagnostics)
    SELECT pk, NULL, 'text', '[[0,4]]', '[[0,4]]', '{}', '[]', '[]' FROM documents;
INSERT INTO claims (pk, key, claimant_kind, claimant_name, claimant_anonymous, kind, content,
    said_date, first_doc_pk) VALUES
    (1, 'k1', 'speaker', 'the official', 1, 'indirect', 'It was over.', NULL, 1),
    (2, 'k2', 'speaker', 'the minister', 0, 'direct', 'We won.', NULL, 1);
INSERT INTO claim_instances (claim_pk, doc_pk, id, speaker_id, said_date, about_times, figures,
    entities, conditions, attributions, rules, evidence) VALUES
    (1, 3, 'C1', 'S1', '2024-01-03', '[]', '[]', '[]', '[]', '[]', '[]', '[[0,4]]'),
    (2, 1, 'C2', 'S2', NULL, '[]', '[]', '[]', '[]', '[]', '[]', '[[0,2]]'),
    (1, 1, 'C1', 'S1', '2024-01-01', '[]', '[]', '[]', '[]', '[]', '[]', '[[0,4]]'),
    (1, 2, 'C7', NULL, NULL, '[]', '[\"F1\"]', '[\"KP\"]', '[]', '[\"A1\"]', '[\"r\"]', '[[1,3]]');
";

#[test]
fn a_version_2_database_keeps_its_carriers_in_document_order() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v2.db");
    let dump = |conn: &Connection, sql: &str| -> Vec<String> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([], |r| {
            let mut cols = Vec::new();
            for i in 0..r.as_ref().column_count() {
                let v: rusqlite::types::Value = r.get(i)?;
                cols.push(format!("{v:?}"));
            }
            Ok(cols.join("|"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    let all = "SELECT claim_pk, doc_pk, id, speaker_id, cue_start, cue_end, said_date, said_basis,
        said_time_id, about_times, figures, entities, conditions, attributions, rules, evidence
        FROM claim_instances ORDER BY claim_pk, doc_pk, id";
    let before = {
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(migrate(&mut conn, "v2", &MIGRATIONS[..2]).unwrap(), [1, 2]);
        conn.execute_batch(V2_CARRIERS).unwrap();
        dump(&conn, all)
    };
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    assert_eq!(dump(conn, all), before, "every carrier and column kept");
    // A claim's carriers come from the new index in the old key's order (the export's
    // carrier list is built in scan order).
    let plan = dump(
        conn,
        "EXPLAIN QUERY PLAN SELECT doc_pk, id FROM claim_instances WHERE claim_pk = 1",
    );
    assert!(
        plan.iter().any(|p| p.contains("claim_instances_claim")),
        "{plan:?}"
    );
    assert_eq!(
        dump(
            conn,
            "SELECT doc_pk, id FROM claim_instances WHERE claim_pk = 1"
        ),
        [
            "Integer(1)|Text(\"C1\")",
            "Integer(2)|Text(\"C7\")",
            "Integer(3)|Text(\"C1\")"
        ]
    );
    // The table itself is in document order (a scan of it, not of the covering index), and
    // a repeated carrier is still ignored.
    assert_eq!(
        dump(
            conn,
            "SELECT doc_pk, claim_pk, evidence FROM claim_instances NOT INDEXED"
        ),
        [
            "Integer(1)|Integer(1)|Text(\"[[0,4]]\")",
            "Integer(1)|Integer(2)|Text(\"[[0,2]]\")",
            "Integer(2)|Integer(1)|Text(\"[[1,3]]\")",
            "Integer(3)|Integer(1)|Text(\"[[0,4]]\")"
        ]
    );
    let ignored = conn
        .execute(
            "INSERT OR IGNORE INTO claim_instances (claim_pk, doc_pk, id, about_times, figures,
                 entities, conditions, attributions, rules, evidence)
             VALUES (1, 2, 'C7', '[]', '[]', '[]', '[]', '[]', '[]', '[]')",
            [],
        )
        .unwrap();
    assert_eq!(ignored, 0);
    assert_intact(conn);
    let n: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name IN ('claim_instances_doc', 'claim_instances_v3')",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(n, 0, "the old index and the build table are gone");
    // The claim's card reads its carriers through the new index.
    let claim = store.claim("k1").unwrap().unwrap();
    let carriers: Vec<&str> = claim.carriers.iter().map(|c| c.claim_id.as_str()).collect();
    assert_eq!(carriers, ["C1", "C7", "C1"]);
}

/// A version-3 figure row, as the version-3 writer stored it (no agent columns).
const V3_FIGURE: &str = "
INSERT INTO documents (pk, id, content_hash, cluster_id, ingested_at)
    VALUES (1, 'd1', 'h1', 1, 'now');
INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json, layers, diagnostics)
    VALUES (1, NULL, 'Russian drones and missiles struck Kharkiv, killing at least 12 people.',
        '[[0,71]]', '[[0,71]]', '{}', '[]', '[]');
INSERT INTO figures (doc_pk, id, start, end, raw, low, approx, open_low, open_high, measure,
    subject_text, subject_entity, place_text, place_entity, hedges, convention, date)
VALUES (1, 'F1', 53, 64, 'at least 12', 12, 0, 0, 1, 'deaths', 'people', NULL, 'Kharkiv',
    'place:kharkiv', '[]', 'default', '2025-05-02');
";

#[test]
fn a_version_3_database_gains_empty_agent_columns_and_exports_them() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v3.db");
    let columns = "doc_pk, id, start, end, raw, low, best, high, unit, approx, open_low,
        open_high, measure, noun, subject_text, subject_entity, place_text, place_entity,
        hedges, convention, claim_pk, date";
    let dump = |conn: &Connection| -> Vec<rusqlite::types::Value> {
        conn.query_row(&format!("SELECT {columns} FROM figures"), [], |r| {
            (0..22).map(|i| r.get(i)).collect()
        })
        .unwrap()
    };
    let before = {
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate(&mut conn, "v3", &MIGRATIONS[..3]).unwrap(),
            [1, 2, 3]
        );
        conn.execute_batch(V3_FIGURE).unwrap();
        dump(&conn)
    };
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, tally_store::schema::SCHEMA_VERSION);
    assert_eq!(dump(conn), before, "every old column kept");
    let agent: (Option<String>, Option<String>) = conn
        .query_row("SELECT agent_text, agent_entity FROM figures", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(agent, (None, None), "an old row's agent is unknown");
    assert_intact(conn);
    // The export reads the new columns from the upgraded file: NULL, next to the old ones.
    let mut out = Vec::new();
    store
        .export(
            tally_store::ExportTable::Figures,
            tally_store::ExportFormat::Jsonl,
            &mut out,
            "v3",
        )
        .unwrap();
    let row: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(row["place_entity"], "place:kharkiv");
    assert!(row["agent"].is_null() && row["agent_entity"].is_null());
}

/// A version-4 database (agents stored, but not in the timeline's index) gets the index
/// rebuilt with the agent: its timeline shows who did the harm, read from the index alone.
#[test]
fn a_version_4_database_shows_its_agents_on_the_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v4.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate(&mut conn, "v4", &MIGRATIONS[..4]).unwrap(),
            [1, 2, 3, 4]
        );
        conn.execute_batch(V3_FIGURE).unwrap();
        conn.execute_batch(
            "UPDATE figures SET measure = 'killed',
                 agent_text = 'Russian drones and missiles', agent_entity = 'RU'",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, tally_store::schema::SCHEMA_VERSION);
    let index = timeline_index(conn);
    assert!(index.contains("agent_text, agent_entity"), "{index}");
    assert_intact(conn);
    let timeline = store
        .timeline(&tally_store::TimelineQuery {
            measure: "killed".to_owned(),
            place: Some("place:kharkiv".to_owned()),
            ..tally_store::TimelineQuery::default()
        })
        .unwrap();
    let [estimate] = timeline.estimates.as_slice() else {
        panic!("{timeline:?}")
    };
    assert_eq!(estimate.raw, "at least 12");
    assert_eq!(
        estimate.agent.as_deref(),
        Some("Russian drones and missiles")
    );
    assert_eq!(estimate.agent_entity.as_deref(), Some("RU"));
    assert_timeline_covers(conn, "raw, agent_text, agent_entity");
}

/// A version-8 database (nouns stored, but not in the timeline's index) gets the index
/// rebuilt with the noun: one story's "nine" children killed no longer contradicts its "at
/// least 12" people, and the timeline still reads the index alone.
#[test]
fn a_version_8_database_compares_counted_nouns_within_a_story() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v8.db");
    {
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate(&mut conn, "v8", &MIGRATIONS[..8]).unwrap(),
            [1, 2, 3, 4, 5, 6, 7, 8]
        );
        conn.execute_batch(V3_FIGURE).unwrap();
        conn.execute_batch(
            "UPDATE figures SET measure = 'killed', noun = 'people';
             INSERT INTO figures (doc_pk, id, start, end, raw, low, high, approx, open_low,
                 open_high, measure, noun, place_text, place_entity, hedges, convention, date)
             VALUES (1, 'F2', 0, 4, 'nine', 9, 9, 0, 0, 0, 'killed', 'Children', 'Kharkiv',
                 'place:kharkiv', '[]', 'default', '2025-05-02');",
        )
        .unwrap();
    }
    let store = Store::open(&path).unwrap();
    let conn = store.connection();
    let index = timeline_index(conn);
    assert!(index.contains("agent_entity, noun)"), "{index}");
    assert_intact(conn);
    let query = |noun: &str| {
        conn.execute("UPDATE figures SET noun = ?1 WHERE id = 'F2'", [noun])
            .unwrap();
        let timeline = store
            .timeline(&tally_store::TimelineQuery {
                measure: "killed".to_owned(),
                ..tally_store::TimelineQuery::default()
            })
            .unwrap();
        let mut raws: Vec<&str> = timeline.estimates.iter().map(|e| e.raw.as_str()).collect();
        raws.sort_unstable();
        assert_eq!(raws, ["at least 12", "nine"]);
        timeline
            .estimates
            .iter()
            .map(|e| e.flags.len())
            .sum::<usize>()
    };
    assert_eq!(
        query("Children"),
        0,
        "children are a part of the people killed"
    );
    assert_eq!(
        query("PEOPLE"),
        2,
        "the same noun, case-folded, still contradicts"
    );
    assert_timeline_covers(conn, "raw, agent_text, noun");
}

/// A version-3 file, as last month's tally left it, with one Kharkiv death toll.
fn version_3_file(dir: &std::path::Path) -> std::path::PathBuf {
    let path = dir.join("v3.db");
    let mut conn = Connection::open(&path).unwrap();
    conn.execute_batch("PRAGMA journal_mode = WAL").unwrap();
    migrate(&mut conn, "v3", &MIGRATIONS[..3]).unwrap();
    conn.execute_batch(V3_FIGURE).unwrap();
    conn.execute_batch("UPDATE figures SET measure = 'killed'")
        .unwrap();
    path
}

fn file_version(path: &std::path::Path) -> i64 {
    Connection::open(path)
        .unwrap()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap()
}

/// `tally timeline` (any query command) on a version-3 file upgrades it in place and
/// answers; the second open has nothing to do.
#[test]
fn opening_an_older_writable_file_for_queries_upgrades_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_3_file(dir.path());
    let (store, upgraded) = Store::open_for_queries(&path).unwrap();
    assert_eq!(
        upgraded,
        Some(tally_store::Upgraded {
            from: 3,
            to: tally_store::schema::SCHEMA_VERSION
        })
    );
    let timeline = store
        .timeline(&tally_store::TimelineQuery {
            measure: "killed".to_owned(),
            place: Some("Kharkiv".to_owned()),
            ..tally_store::TimelineQuery::default()
        })
        .unwrap();
    assert_eq!(timeline.estimates.len(), 1);
    assert_eq!(timeline.estimates[0].raw, "at least 12");
    assert_eq!(timeline.estimates[0].agent, None, "never extracted");
    drop(store);
    assert_eq!(file_version(&path), tally_store::schema::SCHEMA_VERSION);
    let (_, again) = Store::open_for_queries(&path).unwrap();
    assert_eq!(again, None);
}

/// A write-protected version-3 file is left as it is, and the message says what to do.
#[test]
fn an_older_write_protected_file_is_refused_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_3_file(dir.path());
    let mut permissions = std::fs::metadata(&path).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&path, permissions).unwrap();
    let err = Store::open_read_only(&path).unwrap_err();
    assert_eq!(err.code(), "S006");
    let message = err.to_string();
    for words in [
        "schema version 3",
        "write-protected",
        "make the file writable",
        "run any tally command on it once",
    ] {
        assert!(message.contains(words), "{words:?} not in {message}");
    }
    assert_eq!(file_version(&path), 3, "left unchanged");
}

/// Two commands opening the same old file at once: one upgrades it, the other finds the
/// steps done instead of failing on a column that already exists.
#[test]
fn two_upgrades_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = version_3_file(dir.path());
    let opened: Vec<_> = std::thread::scope(|s| {
        let a = s.spawn(|| Store::open_for_queries(&path).map(|(_, u)| u));
        let b = s.spawn(|| Store::open_for_queries(&path).map(|(_, u)| u));
        [a.join().unwrap(), b.join().unwrap()]
    })
    .into_iter()
    .collect();
    assert!(opened.iter().all(Result::is_ok), "{opened:?}");
    assert_eq!(file_version(&path), tally_store::schema::SCHEMA_VERSION);
}

/// SQLite finds nothing wrong with the file.
fn assert_intact(conn: &Connection) {
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
}

/// The SQL that made the timeline's covering index.
fn timeline_index(conn: &Connection) -> String {
    conn.query_row(
        "SELECT sql FROM sqlite_schema WHERE name = 'figures_timeline'",
        [],
        |r| r.get(0),
    )
    .unwrap()
}

/// The timeline's query reading `columns` is still a covering-index scan: its plan never
/// reads the figures table itself.
fn assert_timeline_covers(conn: &Connection, columns: &str) {
    let sql = format!(
        "EXPLAIN QUERY PLAN SELECT {columns} FROM figures
         WHERE measure = 'killed' AND subject_entity = 'RU' ORDER BY date"
    );
    let plan: Vec<String> = conn
        .prepare(&sql)
        .unwrap()
        .query_map([], |r| r.get::<_, String>(3))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(
        plan.iter()
            .any(|p| p.contains("USING COVERING INDEX figures_timeline")),
        "{plan:?}"
    );
}
