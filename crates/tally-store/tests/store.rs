//! The store end to end: idempotent writes, syndication clusters and claim carriers,
//! timelines with contradictions and revisions, search, exports and the errors table.
#![allow(clippy::unwrap_used)]

mod common;

use common::{claim, doc, figure, words};
use tally_core::Document;
use tally_store::{
    ErrorRecord, ExportFormat, ExportTable, Flag, Prepared, SearchScope, Store, TimelineQuery,
};

fn prepared(docs: &[Document]) -> Vec<Prepared> {
    docs.iter().cloned().map(Prepared::new).collect()
}

/// The seed's story as carried by three outlets (one with an extra closing paragraph), plus
/// an unrelated story.
fn syndicated() -> Vec<Document> {
    let lead = "North Korean forces have suffered several hundred casualties in Kursk, a senior U.S. military official said Tuesday.";
    let body = words(300, 1);
    let mut out = Vec::new();
    for (i, (host, publisher)) in [
        ("themoscowtimes.com", "The Moscow Times"),
        ("france24.com", "France 24"),
        ("barrons.com", "Barron's"),
    ]
    .iter()
    .enumerate()
    {
        let extra = if i == 2 { words(30, 99) } else { String::new() };
        let mut d = doc(
            &format!("https://{host}/story"),
            publisher,
            Some("AFP"),
            "2024-12-18",
            &[lead, &body, &extra],
        );
        let f = figure(
            &mut d,
            "several hundred",
            Some(300.0),
            Some(900.0),
            false,
            ("North Korean forces", "KP"),
            Some(("Kursk", "place:kursk")),
        );
        claim(
            &mut d,
            "a senior U.S. military official",
            "North Korean forces have suffered several hundred casualties in Kursk",
            "2024-12-17",
            vec![f],
        );
        out.push(d);
    }
    out.push(doc(
        "https://example.org/other",
        "Example News",
        None,
        "2024-12-18",
        &["An unrelated story about harvests.", &words(300, 2)],
    ));
    out
}

#[test]
fn reingesting_the_same_documents_adds_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    let docs = syndicated();
    let first = store.write(&prepared(&docs), &[]).unwrap();
    assert_eq!((first.inserted, first.skipped), (4, 0));
    let before = store.counts().unwrap();
    let again = store.write(&prepared(&docs), &[]).unwrap();
    assert_eq!((again.inserted, again.skipped, again.claims), (0, 4, 0));
    assert_eq!(store.counts().unwrap(), before);
}

#[test]
fn syndicated_copies_cluster_and_their_claim_is_stored_once_with_all_carriers() {
    let mut store = Store::open_in_memory().unwrap();
    store.write(&prepared(&syndicated()), &[]).unwrap();
    let counts = store.counts().unwrap();
    assert_eq!(counts.documents, 4);
    assert_eq!(counts.claims, 1, "one statement, however many copies");
    assert_eq!(counts.claim_carriers, 3);
    assert_eq!(counts.clusters, 1);
    let clusters = store.sources(2, 10, 10).unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].size, 3);
    assert_eq!(clusters[0].agencies, ["AFP"]);
    assert_eq!(
        clusters[0].publishers,
        ["Barron's", "France 24", "The Moscow Times"]
    );
    let counts = store.source_counts().unwrap();
    let afp = counts.iter().find(|s| s.name == "AFP").unwrap();
    assert_eq!((afp.published, afp.originated), (0, 3));
}

#[test]
fn a_copy_written_in_a_later_session_finds_the_stored_claim() {
    // Each session builds the writer's filter of stored keys from the file: a claim key
    // missing from it would be inserted again (and refused as a duplicate key).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    for copy in syndicated().into_iter().take(3) {
        let mut store = Store::open(&path).unwrap();
        store.write(&prepared(&[copy]), &[]).unwrap();
    }
    let counts = Store::open(&path).unwrap().counts().unwrap();
    assert_eq!((counts.claims, counts.claim_carriers), (1, 3));
    assert_eq!(counts.clusters, 1);
}

/// The three copies of `syndicated()` with the claim said on these dates.
fn copies_said(dates: [&str; 3]) -> Vec<Document> {
    let mut copies = syndicated();
    copies.truncate(3);
    for (copy, date) in copies.iter_mut().zip(dates) {
        for claim in &mut copy.claims {
            if let Some(said) = claim.said_at.as_mut() {
                said.date = date.to_owned();
            }
        }
    }
    copies
}

fn said_dates(store: &Store) -> Vec<String> {
    let conn = store.connection();
    let mut st = conn
        .prepare("SELECT said_date FROM claims ORDER BY pk")
        .unwrap();
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

#[test]
fn a_claim_keeps_its_earliest_said_date_over_connections() {
    // The writer remembers the claims it stored; a claim another connection updated in
    // between must be read again, or the third copy's date would replace an earlier one.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let [first, second, third]: [Document; 3] =
        copies_said(["2024-12-17", "2024-12-10", "2024-12-14"])
            .try_into()
            .unwrap();
    let mut one = Store::open(&path).unwrap();
    let mut other = Store::open(&path).unwrap();
    one.write(&prepared(&[first]), &[]).unwrap();
    other.write(&prepared(&[second]), &[]).unwrap();
    one.write(&prepared(&[third]), &[]).unwrap();
    assert_eq!(said_dates(&one), ["2024-12-10"]);
    let counts = one.counts().unwrap();
    assert_eq!((counts.claims, counts.claim_carriers), (1, 3));
}

#[test]
fn a_claim_keeps_its_earliest_said_date_in_one_session() {
    let mut store = Store::open_in_memory().unwrap();
    let copies = copies_said(["2024-12-17", "2024-12-10", "2024-12-14"]);
    for copy in copies {
        store.write(&prepared(&[copy]), &[]).unwrap();
    }
    assert_eq!(said_dates(&store), ["2024-12-10"]);
}

#[test]
fn clustering_needs_real_similarity_and_exact_copies_always_join() {
    let mut store = Store::open_in_memory().unwrap();
    let (a, b) = (words(200, 5), words(200, 6));
    let d1 = doc("https://a.example/1", "A", None, "2024-01-01", &[&a]);
    let d2 = doc("https://b.example/2", "B", None, "2024-01-01", &[&b]);
    store.write(&prepared(&[d1, d2]), &[]).unwrap();
    assert_eq!(store.sources(2, 10, 10).unwrap().len(), 0);
    // Half of one and half of the other is similar to neither at 0.6 ...
    let both = doc("https://c.example/3", "C", None, "2024-01-01", &[&a, &b]);
    store.write(&prepared(&[both]), &[]).unwrap();
    // ... so nothing merges: clustering is conservative.
    assert_eq!(store.counts().unwrap().clusters, 0);
    // Exact copies always join, whatever the url.
    let copy = doc("https://d.example/4", "D", None, "2024-01-02", &[&a]);
    store.write(&prepared(&[copy]), &[]).unwrap();
    let clusters = store.sources(2, 10, 10).unwrap();
    assert_eq!(clusters.len(), 1);
    assert_eq!(clusters[0].publishers, ["A", "D"]);
}

fn timeline_store() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let mut docs = syndicated();
    let mut later = doc(
        "https://kyivindependent.com/x",
        "The Kyiv Independent",
        None,
        "2024-12-20",
        &[
            "Ukraine's military intelligence said more than 1,000 North Korean soldiers were killed or wounded in Kursk.",
        ],
    );
    let f = figure(
        &mut later,
        "more than 1,000",
        Some(1000.0),
        None,
        true,
        ("North Korean soldiers", "KP"),
        Some(("Kursk", "place:kursk")),
    );
    claim(
        &mut later,
        "Ukraine's military intelligence",
        "more than 1,000 North Korean soldiers were killed or wounded in Kursk",
        "2024-12-20",
        vec![f],
    );
    docs.push(later);
    let mut revised = doc(
        "https://afp.com/y",
        "AFP",
        Some("AFP"),
        "2025-01-10",
        &[
            "A senior U.S. military official now puts North Korean casualties at 1,000 to 1,200 in Kursk.",
        ],
    );
    let f = figure(
        &mut revised,
        "1,000 to 1,200",
        Some(1000.0),
        Some(1200.0),
        false,
        ("North Korean casualties", "KP"),
        Some(("Kursk", "place:kursk")),
    );
    claim(
        &mut revised,
        "a senior U.S. military official",
        "North Korean casualties at 1,000 to 1,200 in Kursk",
        "2025-01-09",
        vec![f],
    );
    docs.push(revised);
    store.write(&prepared(&docs), &[]).unwrap();
    store
}

#[test]
fn timeline_orders_estimates_counts_copies_once_and_flags_contradiction_and_revision() {
    let store = timeline_store();
    let query = TimelineQuery {
        measure: "casualties".into(),
        subject: Some("KP".into()),
        place: Some("Kursk".into()),
        ..TimelineQuery::default()
    };
    let t = store.timeline(&query).unwrap();
    let raws: Vec<&str> = t.estimates.iter().map(|e| e.raw.as_str()).collect();
    assert_eq!(
        raws,
        ["several hundred", "more than 1,000", "1,000 to 1,200"]
    );
    let first = &t.estimates[0];
    assert_eq!(first.date.as_deref(), Some("2024-12-17"));
    assert_eq!(
        first.carriers.len(),
        3,
        "three outlets carried it; one estimate"
    );
    assert_eq!(first.claimant, "a senior U.S. military official");
    // 300-900 and 1,000+ do not overlap, three days apart: a contradiction.
    assert!(first.flags.contains(&Flag::Contradiction { with: 1 }));
    // The same official's later, different figure: a revision (and 23 days is outside the
    // contradiction window).
    assert_eq!(t.estimates[2].flags, [Flag::Revision { of: 0 }]);
    // Since filters by date.
    let since = store
        .timeline(&TimelineQuery {
            since: Some("2024-12-19".into()),
            ..query.clone()
        })
        .unwrap();
    assert_eq!(since.estimates.len(), 2);
    // Words work where ids are unknown.
    let by_words = store
        .timeline(&TimelineQuery {
            subject: Some("north korean".into()),
            place: None,
            ..query
        })
        .unwrap();
    assert_eq!(by_words.estimates.len(), 3);
}

#[test]
fn timeline_rejects_unknown_measure_and_bad_date() {
    let store = Store::open_in_memory().unwrap();
    let err = store
        .timeline(&TimelineQuery {
            measure: "vibes".into(),
            ..TimelineQuery::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), "S004");
    assert!(err.to_string().contains("\"vibes\""));
    let err = store
        .timeline(&TimelineQuery {
            since: Some("last week".into()),
            ..TimelineQuery::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("last week"));
}

#[test]
fn search_finds_documents_and_claims_and_survives_bad_syntax() {
    let store = timeline_store();
    let hits = store.search("kursk", SearchScope::Documents, 10).unwrap();
    assert_eq!(hits.len(), 5);
    assert!(hits[0].snippet.contains("[Kursk]"));
    let claims = store
        .search("\"several hundred\"", SearchScope::Claims, 10)
        .unwrap();
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].carriers, 3);
    assert_eq!(
        claims[0].claimant.as_deref(),
        Some("a senior U.S. military official")
    );
    // Unbalanced quotes and operators are searched as words, not a syntax error.
    assert!(
        !store
            .search("\"kursk (", SearchScope::Both, 10)
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store
            .search("  ", SearchScope::Both, 10)
            .unwrap_err()
            .code(),
        "S004"
    );
}

/// Search ranks only the `RANK_WINDOW` most recent matches, and equal scores rank the
/// older document first, for word and prefix queries alike.
#[test]
fn search_ranks_the_most_recent_window_and_breaks_ties_by_age() {
    let mut store = Store::open_in_memory().unwrap();
    // Five old stories that would rank first (the word three times in a short text), then a
    // window's worth of stories that all score the same (one mention, the same length).
    let old = ["alpha", "bravo", "charlie", "delta", "echo"].map(|w| {
        doc(
            &format!("https://old.example/{w}"),
            "Old Outlet",
            None,
            "2024-01-01",
            &[&format!("Zebra zebra zebra {w}.")],
        )
    });
    store.write(&prepared(&old), &[]).unwrap();
    let mut ids = Vec::new();
    for chunk in (0..tally_store::RANK_WINDOW)
        .collect::<Vec<_>>()
        .chunks(500)
    {
        let docs: Vec<Document> = chunk
            .iter()
            .map(|i| {
                doc(
                    &format!("https://new.example/{i}"),
                    "New Outlet",
                    None,
                    "2024-02-01",
                    &[&format!(
                        "Keepers counted {} birds, {} fish and a zebra at the park on day {i}.",
                        i * 7 + 1000,
                        i * 3 + 5000
                    )],
                )
            })
            .collect();
        ids.extend(docs.iter().map(|d| d.id.clone()));
        store.write(&prepared(&docs), &[]).unwrap();
    }
    let hits = store.search("zebra", SearchScope::Documents, 5).unwrap();
    let found: Vec<&str> = hits.iter().map(|h| h.document_id.as_str()).collect();
    let oldest_in_window: Vec<&str> = ids[..5].iter().map(String::as_str).collect();
    assert_eq!(found, oldest_in_window);
    assert!(hits.iter().all(|h| h.score == hits[0].score));
    // A prefix query ranks its window in one statement, with the same rule.
    let prefixed = store.search("zebr*", SearchScope::Documents, 5).unwrap();
    let found: Vec<&str> = prefixed.iter().map(|h| h.document_id.as_str()).collect();
    assert_eq!(found, oldest_in_window);
}

#[test]
fn exports_every_table_in_every_format() {
    let store = timeline_store();
    for table in [
        ExportTable::Claims,
        ExportTable::Figures,
        ExportTable::Documents,
    ] {
        let mut out = Vec::new();
        let rows = store
            .export(table, ExportFormat::Jsonl, &mut out, "mem")
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count() as u64, rows);
        for line in text.lines() {
            let _: serde_json::Value = serde_json::from_str(line).unwrap();
        }
        let mut csv = Vec::new();
        let csv_rows = store
            .export(table, ExportFormat::Csv, &mut csv, "mem")
            .unwrap();
        assert_eq!(csv_rows, rows);
        let mut pq = Vec::new();
        let pq_rows = store
            .export(table, ExportFormat::Parquet, &mut pq, "mem")
            .unwrap();
        assert_eq!(pq_rows, rows);
        assert!(pq.starts_with(b"PAR1") && pq.ends_with(b"PAR1"));
    }
    let mut out = Vec::new();
    store
        .export(ExportTable::Claims, ExportFormat::Jsonl, &mut out, "mem")
        .unwrap();
    let first: serde_json::Value =
        serde_json::from_str(String::from_utf8(out).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!(first["carriers"], 3);
    assert_eq!(first["publishers"].as_array().unwrap().len(), 3);
    let mut csv = Vec::new();
    store
        .export(ExportTable::Figures, ExportFormat::Csv, &mut csv, "mem")
        .unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("document_id,figure_id,measure,raw,"));
    assert!(csv.contains("\"more than 1,000\""), "commas are quoted");
}

/// JSONL keys come in the table's column order, the order of the CSV header and the
/// Parquet schema, so the three formats read alike.
#[test]
fn jsonl_keys_follow_column_order() {
    let store = timeline_store();
    for table in [
        ExportTable::Claims,
        ExportTable::Figures,
        ExportTable::Documents,
    ] {
        let mut csv = Vec::new();
        store
            .export(table, ExportFormat::Csv, &mut csv, "mem")
            .unwrap();
        let csv = String::from_utf8(csv).unwrap();
        let header: Vec<&str> = csv.lines().next().unwrap().split(',').collect();
        let mut out = Vec::new();
        store
            .export(table, ExportFormat::Jsonl, &mut out, "mem")
            .unwrap();
        let line = String::from_utf8(out).unwrap();
        let line = line.lines().next().unwrap();
        let mut at = 0;
        for key in &header {
            let quoted = format!("\"{key}\":");
            let found = line[at..].find(&quoted).map(|i| i + at);
            assert!(found.is_some(), "{key} after byte {at} in {line}");
            at = found.unwrap() + quoted.len();
        }
    }
}

#[test]
fn parquet_export_reads_back() {
    use parquet::file::reader::{FileReader, SerializedFileReader};
    let store = timeline_store();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("figures.parquet");
    let mut file = std::fs::File::create(&path).unwrap();
    let rows = store
        .export(
            ExportTable::Figures,
            ExportFormat::Parquet,
            &mut file,
            "figures.parquet",
        )
        .unwrap();
    let reader = SerializedFileReader::new(std::fs::File::open(&path).unwrap()).unwrap();
    assert_eq!(reader.metadata().file_metadata().num_rows() as u64, rows);
    let names: Vec<String> = reader
        .metadata()
        .file_metadata()
        .schema_descr()
        .columns()
        .iter()
        .map(|c| c.name().to_owned())
        .collect();
    assert!(names.contains(&"low".to_owned()) && names.contains(&"claimant".to_owned()));
}

#[test]
fn error_records_are_stored_once_with_their_reason() {
    let mut store = Store::open_in_memory().unwrap();
    let err = ErrorRecord {
        path: "crawl.warc.gz".into(),
        record: "record 7 <urn:uuid:1>".into(),
        code: "I005".into(),
        message: "truncated gzip member".into(),
    };
    assert_eq!(
        store.write(&[], std::slice::from_ref(&err)).unwrap().errors,
        1
    );
    assert_eq!(
        store.write(&[], &[err]).unwrap().errors,
        0,
        "a rerun does not duplicate it"
    );
    let (path, message): (String, String) = store
        .connection()
        .query_row("SELECT path, message FROM errors", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap();
    assert_eq!(
        (path.as_str(), message.as_str()),
        ("crawl.warc.gz", "truncated gzip member")
    );
}

#[test]
fn replace_mode_rewrites_annotations_without_duplicates() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let docs = syndicated();
    let mut plain = docs.clone();
    for d in &mut plain {
        d.figures.clear();
        d.claims.clear();
    }
    Store::open(&path)
        .unwrap()
        .write(&prepared(&plain), &[])
        .unwrap();
    let options = tally_store::StoreOptions {
        on_existing: tally_store::OnExisting::Replace,
        ..Default::default()
    };
    let mut store = Store::open_with(&path, options).unwrap();
    let stats = store.write(&prepared(&docs), &[]).unwrap();
    assert_eq!(stats.replaced, 4);
    let counts = store.counts().unwrap();
    assert_eq!(
        (
            counts.documents,
            counts.claims,
            counts.claim_carriers,
            counts.figures
        ),
        (4, 1, 3, 3)
    );
    assert_eq!(
        store
            .search("kursk", SearchScope::Documents, 10)
            .unwrap()
            .len(),
        3
    );
}

#[test]
fn inputs_are_skipped_only_when_done_and_unchanged() {
    let store = Store::open_in_memory().unwrap();
    use tally_store::InputStatus::{Done, Interrupted, New};
    assert_eq!(store.input_status("a.jsonl", 10, 5).unwrap(), New);
    store.begin_input("a.jsonl", 10, 5).unwrap();
    assert_eq!(store.input_status("a.jsonl", 10, 5).unwrap(), Interrupted);
    store.finish_input("a.jsonl", 3, 0).unwrap();
    assert_eq!(store.input_status("a.jsonl", 10, 5).unwrap(), Done);
    assert_eq!(
        store.input_status("a.jsonl", 11, 5).unwrap(),
        New,
        "changed since"
    );
}

#[test]
fn every_reference_holds_after_writes_and_replacements() {
    // Foreign keys are not enforced on the writer (see `configure`); the writer keeps
    // them by construction, and SQLite can still check them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("fk.db");
    let mut store = Store::open(&path).unwrap();
    store.write(&prepared(&syndicated()), &[]).unwrap();
    drop(store);
    let options = tally_store::StoreOptions {
        on_existing: tally_store::OnExisting::Replace,
        ..Default::default()
    };
    let mut store = Store::open_with(&path, options).unwrap();
    let mut docs = syndicated();
    docs[0].claims.clear();
    store.write(&prepared(&docs), &[]).unwrap();
    let conn = store.connection();
    let violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(violations, 0);
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute(
        "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    // The replaced copy dropped its claim; the two others still carry it.
    assert_eq!(store.counts().unwrap().claim_carriers, 2);
}

#[test]
fn a_document_repeated_in_one_batch_replaces_its_first_copy() {
    // The full-text rows are written at the end of a batch: a repeat in the same batch
    // replaces a copy with no index row yet ("database disk image is malformed" before).
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("repeat.db");
    let docs = syndicated();
    let options = tally_store::StoreOptions {
        on_existing: tally_store::OnExisting::Replace,
        ..Default::default()
    };
    let mut store = Store::open_with(&path, options).unwrap();
    let stats = store
        .write(
            &prepared(&[docs[0].clone(), docs[1].clone(), docs[0].clone()]),
            &[],
        )
        .unwrap();
    assert_eq!((stats.inserted, stats.replaced), (2, 1));
    let conn = store.connection();
    for table in ["documents_fts", "claims_fts"] {
        conn.execute(
            &format!("INSERT INTO {table}({table}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap();
    }
    let indexed: i64 = conn
        .query_row("SELECT count(*) FROM documents_fts", [], |r| r.get(0))
        .unwrap();
    assert_eq!(indexed, 2);
    assert!(
        !store
            .search("kursk", SearchScope::Documents, 10)
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_replaced_document_sees_the_carriers_written_before_it_in_its_batch() {
    // The writer defers carriers, entities and figures to the end of a batch. A replaced
    // document deletes its claims that no other document carries, so the carriers of
    // documents earlier in the same batch must be stored by then.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mixed.db");
    let docs = syndicated();
    Store::open(&path)
        .unwrap()
        .write(&prepared(&docs[..1]), &[])
        .unwrap();
    let options = tally_store::StoreOptions {
        on_existing: tally_store::OnExisting::Replace,
        ..Default::default()
    };
    let mut store = Store::open_with(&path, options).unwrap();
    let mut replaced = docs[0].clone();
    replaced.claims.clear();
    // A new copy carrying the claim first stored with docs[0], then docs[0] without it.
    let stats = store
        .write(&prepared(&[docs[1].clone(), replaced]), &[])
        .unwrap();
    assert_eq!((stats.inserted, stats.replaced, stats.claims), (1, 1, 1));
    let counts = store.counts().unwrap();
    assert_eq!((counts.claims, counts.claim_carriers), (1, 1));
    let conn = store.connection();
    let violations: i64 = conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(violations, 0, "the surviving carrier names a stored claim");
    conn.execute(
        "INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    assert_eq!(
        store
            .search("kursk", SearchScope::Claims, 10)
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn batches_written_with_a_later_commit_share_one_transaction() {
    use tally_store::Commit;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("later.db");
    let mut store = Store::open(&path).unwrap();
    let reader = Store::open_read_only(&path).unwrap();
    let docs = syndicated();
    store
        .write_batch_then(&prepared(&docs[..2]), &[], &[], Commit::Later)
        .unwrap();
    store
        .write_batch_then(&prepared(&docs[2..3]), &[], &[], Commit::Later)
        .unwrap();
    assert_eq!(
        reader.counts().unwrap().documents,
        0,
        "nothing committed yet"
    );
    // The open transaction sees its own rows: a repeated document is skipped.
    let again = store
        .write_batch_then(&prepared(&docs[..1]), &[], &[], Commit::Later)
        .unwrap();
    assert_eq!(again.skipped, 1);
    store.commit().unwrap();
    store.commit().unwrap();
    let counts = reader.counts().unwrap();
    assert_eq!(
        (counts.documents, counts.claims, counts.claim_carriers),
        (3, 1, 3)
    );
    // A plain write commits at once.
    store.write(&prepared(&docs[3..]), &[]).unwrap();
    assert_eq!(reader.counts().unwrap().documents, 4);
}

#[test]
fn an_input_is_done_exactly_when_the_batch_with_its_end_is_stored() {
    use tally_store::InputMark;
    use tally_store::InputStatus::{Done, Interrupted};
    let mut store = Store::open_in_memory().unwrap();
    let docs = syndicated();
    let started = InputMark::Started {
        path: "a.jsonl".into(),
        size: 10,
        mtime_ns: 5,
    };
    store
        .write_batch(&prepared(&docs[..2]), &[], &[started])
        .unwrap();
    assert_eq!(store.input_status("a.jsonl", 10, 5).unwrap(), Interrupted);
    let finished = InputMark::Finished {
        path: "a.jsonl".into(),
        documents: 4,
        errors: 0,
    };
    // The last records and the end mark share a transaction, with the next input's start.
    let next = InputMark::Started {
        path: "b.jsonl".into(),
        size: 1,
        mtime_ns: 1,
    };
    store
        .write_batch(&prepared(&docs[2..]), &[], &[finished, next])
        .unwrap();
    assert_eq!(store.input_status("a.jsonl", 10, 5).unwrap(), Done);
    assert_eq!(store.input_status("b.jsonl", 1, 1).unwrap(), Interrupted);
    let documents: i64 = store
        .connection()
        .query_row(
            "SELECT documents FROM inputs WHERE path = 'a.jsonl'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(documents, 4);
}

/// Live FTS5 segments of a full-text table: leaf rowids carry the segment id above bit 37
/// (FTS5's `FTS5_DATA_*` layout); rowid 10 is the structure record, 1 the averages.
fn fts_segments(store: &Store, table: &str) -> i64 {
    store
        .connection()
        .query_row(
            &format!("SELECT count(DISTINCT rowid >> 37) FROM {table}_data WHERE rowid > 10"),
            [],
            |r| r.get(0),
        )
        .unwrap()
}

#[test]
fn a_batch_adds_one_full_text_segment_per_table() {
    let mut store = Store::open_in_memory().unwrap();
    // Without automatic merges every flush stays a segment of its own, so the count is the
    // number of flushes: FTS5 flushes whenever a rowid is lower than the last one written.
    store
        .connection()
        .execute_batch(
            "INSERT INTO documents_fts (documents_fts, rank) VALUES ('automerge', 0);
             INSERT INTO claims_fts (claims_fts, rank) VALUES ('automerge', 0);",
        )
        .unwrap();
    let docs: Vec<Document> = (0..100)
        .map(|i| {
            let body = words(60, i);
            let mut d = doc(
                &format!("https://example.com/{i}"),
                "Reuters",
                None,
                "2024-12-18",
                &[&body],
            );
            let evidence: String = body.split(' ').take(8).collect::<Vec<_>>().join(" ");
            claim(&mut d, "an official", &evidence, "2024-12-17", vec![]);
            d
        })
        .collect();
    let stats = store.write(&prepared(&docs), &[]).unwrap();
    assert_eq!(stats.inserted, 100);
    let claims: i64 = store
        .connection()
        .query_row("SELECT count(*) FROM claims", [], |r| r.get(0))
        .unwrap();
    assert!(claims > 50, "{claims} distinct claims");
    assert_eq!(fts_segments(&store, "documents_fts"), 1);
    assert_eq!(fts_segments(&store, "claims_fts"), 1);
    assert_eq!(
        store
            .search("official", SearchScope::Claims, 200)
            .unwrap()
            .len() as i64,
        claims
    );
}

#[test]
fn every_hit_gets_the_snippet_of_its_own_row() {
    let store = timeline_store();
    // Documents and claims share rowid numbers; each hit's snippet comes from its own index
    // and row, and is the one FTS5 makes for that row.
    for (query, scope) in [
        ("kursk", SearchScope::Both),
        ("casualt*", SearchScope::Both),
        ("\"several hundred\"", SearchScope::Both),
        ("kursk", SearchScope::Documents),
        ("hundred", SearchScope::Claims),
    ] {
        let hits = store.search(query, scope, 3).unwrap();
        assert!(!hits.is_empty(), "{query}");
        for hit in &hits {
            let (table, column, tokens, join) = if hit.kind == "claim" {
                (
                    "claims_fts",
                    0,
                    24,
                    "claims c ON c.pk = f.rowid JOIN documents d ON d.pk = c.first_doc_pk",
                )
            } else {
                ("documents_fts", 1, 16, "documents d ON d.pk = f.rowid")
            };
            let expected: Vec<String> = store
                .connection()
                .prepare(&format!(
                    "SELECT snippet({table}, {column}, '[', ']', '…', {tokens}) FROM {table} f
                     JOIN {join} WHERE {table} MATCH ?1 AND d.id = ?2"
                ))
                .unwrap()
                .query_map([query, hit.document_id.as_str()], |r| r.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            assert!(
                expected.contains(&hit.snippet),
                "{query}: {:?} not among {expected:?}",
                hit.snippet
            );
            assert!(hit.snippet.contains('['), "{query}: {}", hit.snippet);
        }
    }
}

#[test]
fn timeline_puts_undated_figures_last_and_the_limit_takes_dated_ones_first() {
    let story = |url: &str, date: Option<&str>, raw: &str| {
        let text = format!("North Korean forces suffered {raw} casualties.");
        let mut d = match date {
            Some(date) => doc(url, "Reuters", None, date, &[&text]),
            None => Document::new(
                tally_core::DocumentMeta {
                    url: Some(url.to_owned()),
                    ..tally_core::DocumentMeta::default()
                },
                [text.as_str()],
            ),
        };
        figure(
            &mut d,
            raw,
            Some(1.0),
            Some(1.0),
            false,
            ("North Korean forces", "KP"),
            None,
        );
        d
    };
    let mut store = Store::open_in_memory().unwrap();
    let docs = [
        story("https://a.example/1", None, "500"),
        story("https://a.example/2", Some("2024-12-18"), "300"),
        story("https://a.example/3", Some("2024-12-10"), "100"),
    ];
    store.write(&prepared(&docs), &[]).unwrap();
    let dates = |limit: usize, since: Option<&str>| -> Vec<(Option<String>, String)> {
        store
            .timeline(&TimelineQuery {
                measure: "casualties".to_owned(),
                subject: Some("KP".to_owned()),
                since: since.map(str::to_owned),
                limit,
                ..TimelineQuery::default()
            })
            .unwrap()
            .estimates
            .into_iter()
            .map(|e| (e.date, e.raw))
            .collect()
    };
    let d = |date: Option<&str>, raw: &str| (date.map(str::to_owned), raw.to_owned());
    assert_eq!(
        dates(100, None),
        [
            d(Some("2024-12-10"), "100"),
            d(Some("2024-12-18"), "300"),
            d(None, "500")
        ]
    );
    assert_eq!(
        dates(2, None),
        [d(Some("2024-12-10"), "100"), d(Some("2024-12-18"), "300")]
    );
    assert_eq!(
        dates(100, Some("2024-12-11")),
        [d(Some("2024-12-18"), "300")]
    );
}

/// The document list: newest first, undated last, same dates by storage order; pages keep
/// that order; the total counts every match, also past the last page; filters narrow both.
#[test]
fn document_list_pages_newest_first_with_undated_last() {
    use tally_store::browse::DocumentFilter;
    let store_dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&store_dir.path().join("t.db")).unwrap();
    let dates = [
        "2024-03-01",
        "2024-05-09",
        "",
        "2024-05-09",
        "2023-12-31",
        "2024-06-02",
    ];
    let docs: Vec<Document> = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            let publisher = if i % 2 == 0 { "Even Times" } else { "Odd Post" };
            let mut d = doc(
                &format!("https://example.org/{i}"),
                publisher,
                None,
                if date.is_empty() { "2024-01-01" } else { date },
                &[&words(40, i as u64 + 7)],
            );
            if date.is_empty() {
                d.meta.published = None;
            }
            d
        })
        .collect();
    store.write(&prepared(&docs), &[]).unwrap();
    let list = |filter: DocumentFilter| {
        let page = store.documents(&filter).unwrap();
        let urls: Vec<String> = page
            .documents
            .iter()
            .map(|d| {
                d.document
                    .url
                    .clone()
                    .unwrap()
                    .replace("https://example.org/", "")
            })
            .collect();
        (page.total, urls.join(" "))
    };
    let all = DocumentFilter::default();
    assert_eq!(list(all.clone()), (6, "5 1 3 0 4 2".to_owned()));
    let page = |offset, limit| DocumentFilter {
        offset,
        limit,
        ..all.clone()
    };
    assert_eq!(list(page(2, 3)), (6, "3 0 4".to_owned()));
    assert_eq!(list(page(9, 3)), (6, String::new()));
    let odd = DocumentFilter {
        source: Some("odd".into()),
        ..all.clone()
    };
    assert_eq!(list(odd), (3, "5 1 3".to_owned()));
    let range = DocumentFilter {
        since: Some("2024-01-01".into()),
        until: Some("2024-04".into()),
        ..all
    };
    assert_eq!(list(range), (1, "0".to_owned()));
}

/// The kept speaker counts against a refill from the rows, and the counted list against
/// the grouping the name filter still runs (an empty filter matches every claimant).
fn assert_speaker_counts_agree(store: &Store) {
    let conn = store.connection();
    let rows = |sql: &str| -> Vec<String> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([], |r| {
            Ok((0..9)
                .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
    };
    assert_eq!(
        rows("SELECT * FROM speaker_counts ORDER BY 1, 2, 3"),
        rows("SELECT * FROM speaker_counts_rows ORDER BY 1, 2, 3")
    );
    let stale: i64 = conn
        .query_row("SELECT count(*) FROM speaker_counts_stale", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(stale, 0);
    // Schema 13: the writer counts, no trigger runs per carrier.
    let triggers: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger'
                 AND tbl_name = 'claim_instances'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(triggers, 0);
    let key = |s: &tally_store::browse::SpeakerSummary| {
        (
            s.name.clone(),
            s.kind.clone(),
            s.anonymous,
            s.role.clone(),
            s.affiliation.clone(),
            s.claims,
            s.documents,
        )
    };
    for anonymous in [None, Some(true), Some(false)] {
        let filter = |q: Option<&str>| tally_store::browse::NameFilter {
            q: q.map(str::to_owned),
            anonymous,
            limit: 100,
            ..Default::default()
        };
        let counted = store.speakers(&filter(None)).unwrap();
        let grouped = store.speakers(&filter(Some(""))).unwrap();
        assert_eq!(counted.total, grouped.total, "{anonymous:?}");
        let mut counted: Vec<_> = counted.speakers.iter().map(key).collect();
        let mut grouped: Vec<_> = grouped.speakers.iter().map(key).collect();
        counted.sort();
        grouped.sort();
        assert_eq!(counted, grouped, "{anonymous:?}");
    }
}

#[test]
fn speaker_counts_follow_writes_and_replacements() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("speakers.db");
    let mut docs = syndicated();
    // Claimants differing in case only are one speaker; an anonymous one stands apart.
    claim(
        &mut docs[3],
        "Jane Roe",
        "An unrelated story",
        "2024-12-20",
        vec![],
    );
    claim(
        &mut docs[3],
        "JANE ROE",
        "about harvests",
        "2024-12-21",
        vec![],
    );
    claim(
        &mut docs[1],
        "an official",
        "North Korean forces",
        "2024-12-22",
        vec![],
    );
    let mut store = Store::open(&path).unwrap();
    store.write(&prepared(&docs), &[]).unwrap();
    assert_speaker_counts_agree(&store);
    let before = store
        .speakers(&tally_store::browse::NameFilter::default())
        .unwrap();
    assert!(before.total >= 3, "{before:?}");
    drop(store);
    let options = tally_store::StoreOptions {
        on_existing: tally_store::OnExisting::Replace,
        ..Default::default()
    };
    // Replaced: one copy loses its claims, another its second claimant's spelling.
    let mut store = Store::open_with(&path, options).unwrap();
    docs[0].claims.clear();
    docs[3].claims.pop();
    store.write(&prepared(&docs), &[]).unwrap();
    assert_speaker_counts_agree(&store);
    // And back, in one batch with a new document.
    let mut docs = syndicated();
    let story = words(300, 7);
    let mut extra = doc(
        "https://example.org/extra",
        "Example News",
        None,
        "2024-12-19",
        &[&story],
    );
    let said: String = story
        .split_whitespace()
        .take(5)
        .collect::<Vec<_>>()
        .join(" ");
    claim(&mut extra, "jane roe", &said, "2024-12-19", vec![]);
    docs.push(extra);
    store.write(&prepared(&docs), &[]).unwrap();
    assert_speaker_counts_agree(&store);
}
