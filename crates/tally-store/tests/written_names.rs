//! Claims are found by the names their articles write, not only the canonical claimant
//! name they are stored under: `tally search Zelenskyy` finds what Zelensky said.
#![allow(clippy::unwrap_used)]

mod common;

use common::{claim, doc};
use rusqlite::Connection;
use tally_core::{Document, Speaker};
use tally_store::schema::{MIGRATIONS, migrate};
use tally_store::{OnExisting, Prepared, SearchScope, Store, StoreOptions};

/// A story quoting Zelensky, written `spelling` ("Zelenskyy", "Zelenskiy") with his title.
fn story(url: &str, publisher: &str, spelling: &str) -> Document {
    let lead = format!("President Volodymyr {spelling} said Ukraine needed more air defence.");
    let mut d = doc(
        url,
        publisher,
        None,
        "2025-05-02",
        &[&lead, "It was a long night."],
    );
    claim(
        &mut d,
        "Volodymyr Zelensky",
        "Ukraine needed more air defence",
        "2025-05-02",
        vec![],
    );
    let mention = format!("President Volodymyr {spelling}");
    let at = d.body.find(&mention).unwrap();
    let span = d.span(at, at + mention.len()).unwrap();
    d.speakers.push(Speaker {
        id: "S1".to_owned(),
        mentions: vec![span],
        named: true,
        name: Some("Volodymyr Zelensky".to_owned()),
        entity_id: Some("person:volodymyr-zelensky".to_owned()),
        descriptor: None,
        role: Some("President".to_owned()),
        affiliation: None,
        affiliation_basis: None,
        affiliation_evidence: None,
        seniority: None,
        anonymous: false,
        group: false,
        conditions: vec![],
    });
    // The helper's claimant is anonymous when the name starts with an "a".
    d.claims[0].claimant.anonymous = false;
    d
}

fn claims_found(store: &Store, query: &str) -> Vec<String> {
    store
        .search(query, SearchScope::Claims, 20)
        .unwrap()
        .into_iter()
        .map(|h| format!("{}: {}", h.claimant.unwrap_or_default(), h.snippet))
        .collect()
}

fn fts_ok(conn: &Connection) {
    conn.execute_batch("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
        .unwrap();
}

#[test]
fn a_claim_is_found_by_its_written_name_and_its_canonical_one() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(
            &[Prepared::new(story(
                "https://a.example/1",
                "Kyiv Independent",
                "Zelenskyy",
            ))],
            &[],
        )
        .unwrap();
    for query in [
        "Zelenskyy",
        "Zelensky",
        "\"President Zelenskyy\"",
        "zelenskyy defence",
    ] {
        let found = claims_found(&store, query);
        assert_eq!(found.len(), 1, "{query}: {found:?}");
        assert!(found[0].starts_with("Volodymyr Zelensky: "), "{found:?}");
    }
    assert!(claims_found(&store, "Zelenskiy").is_empty());
    let names: Option<String> = store
        .connection()
        .query_row("SELECT names FROM claims", [], |r| r.get(0))
        .unwrap();
    assert_eq!(names.as_deref(), Some("President Zelenskyy"));
    fts_ok(store.connection());
}

/// A syndicated copy that writes the name otherwise adds its spelling to the claim they
/// share, in a later batch or the same one.
#[test]
fn copies_add_their_spellings_to_the_shared_claim() {
    let first = story("https://a.example/1", "Kyiv Independent", "Zelenskyy");
    let second = story("https://b.example/1", "Reuters", "Zelenskiy");
    let third = story("https://c.example/1", "Le Monde", "Zelensky");
    let mut store = Store::open_in_memory().unwrap();
    store.write(&[Prepared::new(first.clone())], &[]).unwrap();
    store
        .write(&[Prepared::new(second), Prepared::new(third)], &[])
        .unwrap();
    let (claims, names): (i64, String) = store
        .connection()
        .query_row("SELECT count(*), names FROM claims", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(claims, 1, "one claim, three carriers");
    assert_eq!(names, "President Zelenskyy Zelenskiy");
    for query in ["Zelenskyy", "Zelenskiy", "Zelensky"] {
        assert_eq!(claims_found(&store, query).len(), 1, "{query}");
    }
    fts_ok(store.connection());
}

/// Replacing documents (after a pipeline upgrade) in the batch that also renamed their
/// claim leaves the index consistent.
#[test]
fn replacing_a_renamed_claim_keeps_the_index_consistent() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let first = story("https://a.example/1", "Kyiv Independent", "Zelenskyy");
    let second = story("https://b.example/1", "Reuters", "Zelenskiy");
    Store::open(&path)
        .unwrap()
        .write(&[Prepared::new(first.clone())], &[])
        .unwrap();
    let mut store = Store::open_with(
        &path,
        StoreOptions {
            on_existing: OnExisting::Replace,
            ..StoreOptions::default()
        },
    )
    .unwrap();
    // The second copy renames the claim; then the first, which stored it, is replaced.
    store
        .write(&[Prepared::new(second), Prepared::new(first)], &[])
        .unwrap();
    fts_ok(store.connection());
    for query in ["Zelenskyy", "Zelenskiy"] {
        assert_eq!(claims_found(&store, query).len(), 1, "{query}");
    }
}

/// A version-5 database: its claims index is rebuilt with the names column, and its old
/// claims get the names their stored speaker mentions write (migration 7), so last
/// month's claims are found by the article's spelling without re-ingesting.
#[test]
fn a_version_5_database_rebuilds_its_claims_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v5.db");
    let copy = story("https://b.example/1", "Reuters", "Zelenskyy");
    let key = tally_store::claim_key(&copy.claims[0]);
    {
        let mut conn = Connection::open(&path).unwrap();
        assert_eq!(
            migrate(&mut conn, "v5", &MIGRATIONS[..5]).unwrap(),
            [1, 2, 3, 4, 5]
        );
        // The claim row comes after its carrier below.
        conn.execute_batch("PRAGMA foreign_keys = OFF").unwrap();
        conn.execute_batch(
            "INSERT INTO documents (pk, id, content_hash, cluster_id, ingested_at)
                 VALUES (1, 'd1', 'h1', 1, 'now');
             INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json,
                 layers, diagnostics)
                 VALUES (1, NULL, 'President Volodymyr Zelenskyy said Ukraine needed more air defence.',
                     '[[0,67]]', '[[0,67]]', '{}', '[]', '[]');
             INSERT INTO documents_fts (rowid, title, body) SELECT pk, title, body FROM document_text;
             INSERT INTO claims_fts (rowid, content, claimant_name)
                 VALUES (1, 'Ukraine needed more air defence', 'Volodymyr Zelensky');
             INSERT INTO claim_instances (claim_pk, doc_pk, id, speaker_id, about_times, figures,
                 entities, conditions, attributions, rules, evidence)
                 VALUES (1, 1, 'C1', 'S1', '[]', '[]', '[]', '[]', '[]', '[]', '[]');
             INSERT INTO speakers (doc_pk, id, named, name, anonymous, grp, conditions, mentions)
                 VALUES (1, 'S1', 1, 'Volodymyr Zelensky', 0, 0, '[]', '[[0,29]]');",
        )
        .unwrap();
        conn.execute(
            "INSERT INTO claims (pk, key, claimant_kind, claimant_name, claimant_anonymous, kind,
                 content, said_date, first_doc_pk)
                 VALUES (1, ?1, 'speaker', 'Volodymyr Zelensky', 0, 'indirect',
                     'Ukraine needed more air defence', '2025-05-02', 1)",
            [&key],
        )
        .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let columns: Vec<String> = store
        .connection()
        .prepare("SELECT name FROM pragma_table_info('claims_fts')")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(columns, ["content", "claimant_name", "names"]);
    fts_ok(store.connection());
    assert_eq!(claims_found(&store, "defence").len(), 1);
    assert_eq!(claims_found(&store, "Zelensky").len(), 1);
    assert_eq!(
        claims_found(&store, "Zelenskyy").len(),
        1,
        "filled on upgrade"
    );
    assert_eq!(claims_found(&store, "\"President Zelenskyy\"").len(), 1);
    // A copy ingested now has the same spelling: nothing to add.
    store.write(&[Prepared::new(copy)], &[]).unwrap();
    fts_ok(store.connection());
    assert_eq!(claims_found(&store, "Zelenskyy").len(), 1);
    let (claims, names): (i64, String) = store
        .connection()
        .query_row("SELECT count(*), max(names) FROM claims", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!((claims, names.as_str()), (1, "President Zelenskyy"));
}

/// The claims and speakers filters of the API match the written names too.
#[test]
fn the_speaker_filters_match_written_names() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .write(
            &[Prepared::new(story(
                "https://a.example/1",
                "Kyiv Independent",
                "Zelenskyy",
            ))],
            &[],
        )
        .unwrap();
    let claims = |speaker: &str| {
        store
            .claims(&tally_store::browse::ClaimFilter {
                speaker: Some(speaker.to_owned()),
                ..Default::default()
            })
            .unwrap()
            .total
    };
    assert_eq!(claims("Zelenskyy"), 1);
    assert_eq!(claims("zelensky"), 1);
    assert_eq!(claims("Zelenskiy"), 0);
    let speakers = store
        .speakers(&tally_store::browse::NameFilter {
            q: Some("Zelenskyy".to_owned()),
            limit: 20,
            ..Default::default()
        })
        .unwrap();
    let names: Vec<&str> = speakers.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Volodymyr Zelensky"]);
}

/// The upgrade's backfill gives the names ingest gives: a store ingested now, its names
/// erased and its version set back to 6, gets the same names back on open.
#[test]
fn the_backfill_gives_the_names_ingest_gives() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let names = |conn: &Connection| -> Vec<(i64, Option<String>)> {
        conn.prepare("SELECT pk, names FROM claims ORDER BY pk")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    let mut other = story("https://d.example/1", "AP", "Zelenskyy");
    other.claims[0].content = "It was a long night".to_owned();
    let ingested = {
        let mut store = Store::open(&path).unwrap();
        store
            .write(
                &[
                    Prepared::new(story(
                        "https://a.example/1",
                        "Kyiv Independent",
                        "Zelenskyy",
                    )),
                    Prepared::new(other),
                ],
                &[],
            )
            .unwrap();
        store
            .write(
                &[
                    Prepared::new(story("https://b.example/1", "Reuters", "Zelenskiy")),
                    Prepared::new(story("https://c.example/1", "Le Monde", "Zelensky")),
                ],
                &[],
            )
            .unwrap();
        let ingested = names(store.connection());
        store
            .connection()
            // Back to version 6: no names, and no column of a later version.
            .execute_batch(
                "UPDATE claims SET names = NULL; ALTER TABLE documents DROP COLUMN dateline;
                 PRAGMA user_version = 6;",
            )
            .unwrap();
        ingested
    };
    assert_eq!(
        ingested,
        [
            (1, Some("President Zelenskyy Zelenskiy".to_owned())),
            (2, Some("President Zelenskyy".to_owned())),
        ]
    );
    let store = Store::open(&path).unwrap();
    assert_eq!(names(store.connection()), ingested);
    fts_ok(store.connection());
    assert_eq!(claims_found(&store, "Zelenskiy").len(), 1);
    assert_eq!(claims_found(&store, "\"President Zelenskyy\"").len(), 2);
}
