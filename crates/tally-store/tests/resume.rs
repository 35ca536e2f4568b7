//! A real `kill -9` in the middle of an ingest: the database stays consistent and a rerun
//! completes it without duplicates.
//!
//! The test re-runs its own binary as the child process (selected by an environment
//! variable), lets it commit some batches, kills it with SIGKILL, then checks and resumes.
#![allow(clippy::unwrap_used)]

mod common;

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tally_core::{Document, DocumentMeta, Origin};
use tally_store::Store;
use tally_store::ingest::{IngestConfig, Record, ingest};

const CHILD_ENV: &str = "TALLY_STORE_RESUME_CHILD_DB";
const TOTAL: usize = 3000;

fn records() -> impl Iterator<Item = Record> {
    (0..TOTAL).map(|i| {
        let meta = DocumentMeta {
            url: Some(format!("https://example.org/{i}")),
            origin: Some(Origin {
                path: "gen.jsonl".into(),
                record: Some(format!("line {}", i + 1)),
                format: "jsonl".into(),
            }),
            ..DocumentMeta::default()
        };
        let text = common::words(120, i as u64);
        Record::Document(Box::new(Document::new(meta, [format!("Story {i}."), text])))
    })
}

fn run(db: &std::path::Path, slow: bool) -> tally_store::ingest::IngestTotals {
    let mut store = Store::open(db).unwrap();
    // Transactions of three batches: a kill lands inside one that has written some.
    let config = IngestConfig {
        batch_documents: 50,
        commit_documents: 150,
        ..IngestConfig::default()
    };
    ingest(
        &mut store,
        records(),
        |docs: &mut [Document]| {
            if slow {
                std::thread::sleep(Duration::from_millis(2) * docs.len() as u32);
            }
            // A claim per story by one of a few claimants (two differing in case only),
            // some claims shared by many stories: the speakers counts have work to do.
            for (n, doc) in docs.iter_mut().enumerate() {
                let who = ["Jane Roe", "JANE ROE", "an official", "the ministry"][n % 4];
                common::claim(doc, who, "Story", "2024-01-01", vec![]);
                if n % 5 == 0 {
                    let own = doc.body[..doc.body.find('.').unwrap()].to_owned();
                    common::claim(doc, who, &own, "2024-01-02", vec![]);
                }
            }
            vec![Ok(()); docs.len()]
        },
        &config,
        |_| {},
    )
    .unwrap()
}

#[test]
fn kill_9_mid_ingest_leaves_a_consistent_database_and_a_rerun_completes_it() {
    if let Some(db) = std::env::var_os(CHILD_ENV) {
        run(std::path::Path::new(&db), true);
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("tally.db");
    // Create the schema first so the parent can poll while the child writes.
    drop(Store::open(&db).unwrap());
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "kill_9_mid_ingest_leaves_a_consistent_database_and_a_rerun_completes_it",
            "--exact",
            "--nocapture",
        ])
        .env(CHILD_ENV, &db)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let reader = Store::open_read_only(&db).unwrap();
    let started = Instant::now();
    loop {
        let n = reader.counts().unwrap().documents;
        if n >= 300 {
            break;
        }
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "child stored only {n} documents"
        );
        assert!(
            child.try_wait().unwrap().is_none(),
            "child finished before it could be killed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // Child::kill sends SIGKILL on Unix: no destructor, no rollback, no checkpoint.
    child.kill().unwrap();
    child.wait().unwrap();
    drop(reader);

    let store = Store::open(&db).unwrap();
    let conn = store.connection();
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(check, "ok");
    conn.execute(
        "INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')",
        [],
    )
    .unwrap();
    let stored = store.counts().unwrap().documents;
    assert!(
        stored >= 300 && (stored as usize) < TOTAL,
        "killed mid-way: {stored}"
    );
    assert_eq!(stored % 150, 0, "only whole transactions are committed");
    let orphans: i64 = conn
        .query_row(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_text t WHERE t.pk = d.pk)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(orphans, 0, "every stored document has its text");
    assert_counts_whole(conn);
    drop(store);

    let totals = run(&db, false);
    assert_eq!(totals.stats.skipped, stored);
    assert_eq!(totals.stats.inserted as usize, TOTAL - stored as usize);
    let store = Store::open(&db).unwrap();
    assert_eq!(store.counts().unwrap().documents as usize, TOTAL);
    assert_counts_whole(store.connection());
    // A third run adds nothing.
    drop(store);
    let totals = run(&db, false);
    assert_eq!(
        (totals.stats.inserted, totals.stats.skipped as usize),
        (0, TOTAL)
    );
}

/// The speakers counts kept by the writer equal a refill from the rows: a kill
/// takes back the counts of the transaction it interrupted with its rows.
fn assert_counts_whole(conn: &rusqlite::Connection) {
    let diff: i64 = conn
        .query_row(
            "SELECT count(*) FROM (SELECT * FROM speaker_counts EXCEPT SELECT * FROM speaker_counts_rows
             UNION ALL SELECT * FROM speaker_counts_rows EXCEPT SELECT * FROM speaker_counts)",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let kept: i64 = conn
        .query_row("SELECT count(*) FROM speaker_counts", [], |r| r.get(0))
        .unwrap();
    assert!(kept > 0);
    assert_eq!(diff, 0, "speaker counts differ from the rows");
}
