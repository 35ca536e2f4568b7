//! Pushing stores into a throwaway PostgreSQL cluster: the same rows on both sides, re-push
//! adds nothing, two stores merge, an interrupted push is completed by a rerun, and a
//! store of another schema version is refused.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::Path;

use common::{Cluster, copy, sample, store};
use rusqlite::Connection;
use tally_pg::{PgError, PushOptions, PushStats, push};

const KURSK: &str = "synthetic/syn-01-kursk-losses-top-1000.md";
const SEOUL: &str = "synthetic/syn-02-seoul-estimate.md";
const AID_A: &str = "synthetic/syn-03a-aid-package-ledger.md";
const AID_B: &str = "synthetic/syn-03b-aid-package-courier.md";
const FLOOD: &str = "synthetic/syn-04-displaced-flood.md";
const OPEL: &str = "wikinews/gm-opel-jobs.md";

fn options(schema: &str) -> PushOptions {
    PushOptions {
        schema: schema.to_owned(),
        batch: 2,
        fail_in_batch: None,
    }
}

fn run(
    db: &Path,
    client: &mut postgres::Client,
    options: &PushOptions,
) -> Result<PushStats, PgError> {
    push(db, client, options, &mut |_, _| {})
}

/// Rows that name no store-local id: documents with their publisher, text and cluster
/// (by its first document's id), claim carriers with their claim, figures with theirs,
/// source chains. The same SQL runs on SQLite and PostgreSQL.
const JOINED: &[&str] = &[
    "SELECT d.id, coalesce(p.name, ''), coalesce(t.title, ''), CAST(length(t.body) AS TEXT), c.id
     FROM documents d LEFT JOIN sources p ON p.id = d.publisher_id
     JOIN document_text t ON t.pk = d.pk JOIN documents c ON c.pk = d.cluster_id",
    "SELECT d.id, c.key, c.claimant_name, c.content, coalesce(c.said_date, ''), i.id, i.evidence,
         f.id
     FROM claim_instances i JOIN claims c ON c.pk = i.claim_pk JOIN documents d ON d.pk = i.doc_pk
     JOIN documents f ON f.pk = c.first_doc_pk",
    "SELECT d.id, f.id, f.raw, coalesce(c.key, ''), coalesce(f.date, '')
     FROM figures f JOIN documents d ON d.pk = f.doc_pk LEFT JOIN claims c ON c.pk = f.claim_pk",
    "SELECT d.id, CAST(s.position AS TEXT), n.name
     FROM source_chain s JOIN documents d ON d.pk = s.doc_pk JOIN sources n ON n.id = s.source_id",
    "SELECT d.id, e.id, e.kind, e.name, e.mentions FROM entities e JOIN documents d ON d.pk = e.doc_pk",
    "SELECT d.id, encode(m.signature, 'hex') FROM minhash m JOIN documents d ON d.pk = m.doc_pk",
    "SELECT path, record, code, message FROM errors",
];

fn sqlite_rows(db: &Path, sql: &str) -> Vec<Vec<String>> {
    let conn = Connection::open(db).unwrap();
    // SQLite has no encode(); hex() gives the same digits in capitals.
    let sql = sql.replace("encode(m.signature, 'hex')", "lower(hex(m.signature))");
    let mut st = conn.prepare(&sql).unwrap();
    let n = st.column_count();
    let mut rows: Vec<Vec<String>> = st
        .query_map([], |r| (0..n).map(|i| r.get::<_, String>(i)).collect())
        .unwrap()
        .map(Result::unwrap)
        .collect();
    rows.sort();
    rows
}

fn pg_rows(client: &mut postgres::Client, schema: &str, sql: &str) -> Vec<Vec<String>> {
    client
        .batch_execute(&format!("SET search_path = {schema}"))
        .unwrap();
    let mut rows: Vec<Vec<String>> = client
        .query(sql, &[])
        .unwrap()
        .iter()
        .map(|r| (0..r.len()).map(|i| r.get::<_, String>(i)).collect())
        .collect();
    rows.sort();
    rows
}

fn tables(db: &Path) -> Vec<String> {
    let conn = Connection::open(db).unwrap();
    let mut st = conn
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'
             AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts_%' ORDER BY name",
        )
        .unwrap();
    // The store's derived tables (its speakers counts) are not mirrored.
    st.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .filter(|name: &String| !tally_pg::sqlite::DERIVED.contains(&name.as_str()))
        .collect()
}

fn count_sqlite(db: &Path, table: &str) -> i64 {
    Connection::open(db)
        .unwrap()
        .query_row(&format!("SELECT count(*) FROM \"{table}\""), [], |r| {
            r.get(0)
        })
        .unwrap()
}

fn count_pg(client: &mut postgres::Client, schema: &str, table: &str) -> i64 {
    client
        .query_one(
            &format!("SELECT count(*) FROM \"{schema}\".\"{table}\""),
            &[],
        )
        .unwrap()
        .get(0)
}

/// Every table has the store's row count, and every joined row is the same.
/// The definition of `table`'s primary key index in PostgreSQL.
fn primary_key(client: &mut postgres::Client, table: &str) -> String {
    client
        .query_one(
            "SELECT pg_get_indexdef(indexrelid) FROM pg_index
             WHERE indrelid = $1::text::regclass AND indisprimary",
            &[&table],
        )
        .unwrap()
        .get(0)
}

fn assert_mirrors(db: &Path, client: &mut postgres::Client, schema: &str) {
    for table in tables(db) {
        assert_eq!(
            count_pg(client, schema, &table),
            count_sqlite(db, &table),
            "rows of {table}"
        );
    }
    for sql in JOINED {
        assert_eq!(pg_rows(client, schema, sql), sqlite_rows(db, sql), "{sql}");
    }
}

#[test]
fn push_mirrors_a_store_and_a_rerun_adds_nothing() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    let kursk = sample(KURSK);
    store(
        &db,
        vec![
            kursk.clone(),
            sample(SEOUL),
            copy(kursk, "The Courier"),
            sample(OPEL),
        ],
    );
    let mut client = cluster.client();
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!((stats.documents, stats.inserted, stats.skipped), (4, 4, 0));
    assert!(stats.total_rows() > 50, "{stats:?}");
    assert_mirrors(&db, &mut client, "tally");
    // The syndicated copy shares its cluster and its claims with the original.
    let clusters: i64 = client
        .query_one(
            "SELECT count(DISTINCT cluster_id) FROM tally.documents",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(clusters, 3);

    let again = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!(
        (again.inserted, again.skipped, again.total_rows()),
        (0, 4, 0)
    );
    assert_mirrors(&db, &mut client, "tally");

    // Full-text search through the view named after the store's FTS5 table.
    let hits: Vec<String> = client
        .query(
            "SELECT d.url FROM tally.documents_fts f JOIN tally.documents d ON d.pk = f.rowid
             WHERE f.fts @@ websearch_to_tsquery('simple', 'Opel')",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert_eq!(hits.len(), 1, "{hits:?}");
    assert!(hits[0].contains("opel"), "{hits:?}");
    let claims: i64 = client
        .query_one(
            "SELECT count(*) FROM tally.claims_fts WHERE fts @@ websearch_to_tsquery('simple', 'wounded')",
            &[],
        )
        .unwrap()
        .get(0);
    assert!(claims >= 1);
    // The plan uses the GIN index.
    client.batch_execute("SET enable_seqscan = off").unwrap();
    let plan: Vec<String> = client
        .query(
            "EXPLAIN SELECT rowid FROM tally.documents_fts WHERE fts @@ websearch_to_tsquery('simple', 'Opel')",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| r.get(0))
        .collect();
    assert!(plan.join("\n").contains("documents_fts"), "{plan:?}");
}

/// PostgreSQL holds the union of the stores: documents, claims and sources once each by
/// natural key, and every joined row of every store, with the claims right (clusters and
/// first documents differ by store, so they are compared without them).
fn assert_merged(stores: &[&Path], client: &mut postgres::Client, schema: &str) {
    let union = |sql: &str| {
        let mut union: Vec<Vec<String>> =
            stores.iter().flat_map(|db| sqlite_rows(db, sql)).collect();
        union.sort();
        union.dedup();
        union
    };
    for (table, key) in [("documents", "id"), ("claims", "key"), ("sources", "name")] {
        let sql = format!("SELECT {key} FROM {table}");
        assert_eq!(pg_rows(client, schema, &sql), union(&sql), "{table}");
    }
    for sql in &JOINED[1..] {
        let sql = sql
            .replace(",\n         f.id\n", "\n")
            .replace("\n     JOIN documents f ON f.pk = c.first_doc_pk", "");
        assert_eq!(pg_rows(client, schema, &sql), union(&sql), "{sql}");
    }
}

#[test]
fn concurrent_pushes_of_overlapping_stores_merge() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    store(
        &a,
        vec![
            sample(KURSK),
            sample(AID_A),
            sample(SEOUL),
            sample(AID_B),
            sample(OPEL),
        ],
    );
    store(
        &b,
        vec![
            sample(AID_B),
            sample(OPEL),
            sample(SEOUL),
            copy(sample(KURSK), "The Courier"),
            sample(FLOOD),
            sample(KURSK),
        ],
    );
    // Batches of one document, so the two pushes interleave row by row.
    let one = PushOptions {
        batch: 1,
        ..options("tally")
    };
    std::thread::scope(|scope| {
        let pushes: Vec<_> = [&a, &b]
            .into_iter()
            .map(|db| {
                let (url, one) = (cluster.url(), one.clone());
                scope.spawn(move || {
                    let mut client = postgres::Client::connect(&url, postgres::NoTls).unwrap();
                    run(db, &mut client, &one).unwrap()
                })
            })
            .collect();
        for push in pushes {
            push.join().unwrap();
        }
    });
    let mut client = cluster.client();
    assert_merged(&[&a, &b], &mut client, "tally");
    // Store b clusters the Kursk story with its copy; store a has the story alone. Both
    // copies end in one cluster whichever push came first.
    let copies: i64 = client
        .query_one(
            "SELECT count(*) FROM tally.documents d JOIN tally.documents k ON k.cluster_id = d.cluster_id
             WHERE d.url LIKE '%north-korean-losses-kursk'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(copies, 2);
}

#[test]
fn two_stores_merge_and_a_grown_store_adds_only_its_new_rows() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    // Both stores hold the Kursk story (one of them also a copy of it) and the aid ledger.
    store(&a, vec![sample(KURSK), sample(AID_A), sample(SEOUL)]);
    store(
        &b,
        vec![
            sample(FLOOD),
            copy(sample(KURSK), "The Courier"),
            sample(AID_A),
            sample(KURSK),
        ],
    );
    let mut client = cluster.client();
    run(&a, &mut client, &options("shared")).unwrap();
    // The second store is pushed by a role that may only read and write rows: the tables
    // exist, so the push creates nothing.
    client
        .batch_execute(
            "CREATE ROLE writer LOGIN;
             GRANT USAGE ON SCHEMA shared TO writer;
             GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA shared TO writer;
             GRANT USAGE ON ALL SEQUENCES IN SCHEMA shared TO writer;",
        )
        .unwrap();
    let mut writer = postgres::Client::connect(
        &cluster.url().replace("user=tally", "user=writer"),
        postgres::NoTls,
    )
    .unwrap();
    // Store b ingested the two shared documents later: its copies replace store a's.
    let stats = run(&b, &mut writer, &options("shared")).unwrap();
    assert_eq!((stats.inserted, stats.replaced, stats.skipped), (2, 2, 0));
    assert_merged(&[&a, &b], &mut client, "shared");
    // The copy from store b joined the original's cluster from store a.
    let clusters: Vec<String> = pg_rows(
        &mut client,
        "shared",
        "SELECT CAST(count(*) AS TEXT) FROM documents GROUP BY cluster_id",
    )
    .into_iter()
    .flatten()
    .collect();
    assert_eq!(clusters, ["1", "1", "1", "2"]);

    // The store grows: a push adds the new document only.
    let before = count_pg(&mut client, "shared", "claim_instances");
    let mut grown = tally_store::Store::open(&a).unwrap();
    common::add(&mut grown, vec![sample(OPEL)]);
    drop(grown);
    let stats = run(&a, &mut client, &options("shared")).unwrap();
    // Store a's copies of the shared documents are older than PostgreSQL's: kept.
    assert_eq!((stats.inserted, stats.replaced, stats.skipped), (1, 0, 3));
    let added = count_pg(&mut client, "shared", "claim_instances") - before;
    let opel: i64 = Connection::open(&a)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM claim_instances i JOIN documents d ON d.pk = i.doc_pk
             WHERE d.url LIKE '%opel%'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(added, opel);
}

#[test]
fn an_interrupted_push_leaves_whole_documents_and_a_rerun_completes_it() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    store(
        &db,
        vec![
            sample(KURSK),
            sample(SEOUL),
            sample(AID_A),
            sample(AID_B),
            sample(FLOOD),
        ],
    );
    let mut client = cluster.client();
    let failing = PushOptions {
        fail_in_batch: Some(1),
        ..options("tally")
    };
    let err = run(&db, &mut client, &failing).unwrap_err();
    assert!(matches!(err, PgError::Injected(1)), "{err}");
    // The first batch is in, whole: two documents, each with its text and its claims.
    assert_eq!(count_pg(&mut client, "tally", "documents"), 2);
    let orphans: i64 = client
        .query_one(
            "SELECT count(*) FROM tally.documents d
             WHERE NOT EXISTS (SELECT 1 FROM tally.document_text t WHERE t.pk = d.pk)
                OR NOT EXISTS (SELECT 1 FROM tally.claim_instances i WHERE i.doc_pk = d.pk)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(orphans, 0);
    let dangling: i64 = client
        .query_one(
            "SELECT count(*) FROM tally.claim_instances i
             WHERE NOT EXISTS (SELECT 1 FROM tally.documents d WHERE d.pk = i.doc_pk)
                OR NOT EXISTS (SELECT 1 FROM tally.claims c WHERE c.pk = i.claim_pk)",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(dangling, 0);

    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!((stats.inserted, stats.skipped), (3, 2));
    assert_mirrors(&db, &mut client, "tally");
}

#[test]
fn a_store_of_another_schema_version_is_refused() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    store(&db, vec![sample(SEOUL)]);
    let mut client = cluster.client();
    run(&db, &mut client, &options("tally")).unwrap();
    // A mirror of a newer tally: this store's rows would lack what its tables hold.
    let version = tally_store::schema::SCHEMA_VERSION;
    let newer = version + 1;
    client
        .batch_execute(&format!(
            "UPDATE tally.tally_meta SET value = '{newer}' WHERE key = 'schema_version'"
        ))
        .unwrap();
    let err = run(&db, &mut client, &options("tally")).unwrap_err();
    assert!(
        matches!(err, PgError::VersionMismatch { found, .. } if found == newer),
        "{err}"
    );
    let message = err.to_string();
    assert!(
        message.contains(&format!("schema version {newer}"))
            && message.contains(&format!("version {version}")),
        "{message}"
    );
    // Another schema of the same database takes it.
    run(&db, &mut client, &options("tally_v")).unwrap();
    assert_mirrors(&db, &mut client, "tally_v");
}

#[test]
fn a_file_that_is_no_store_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("other.db");
    Connection::open(&db)
        .unwrap()
        .execute_batch("CREATE TABLE notes (x TEXT)")
        .unwrap();
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let mut client = cluster.client();
    let err = run(&db, &mut client, &options("tally")).unwrap_err();
    assert!(err.to_string().contains("is not a tally store"), "{err}");
}

/// Each claim's (key, said_date, day), as text.
fn claim_days(db: &Path) -> Vec<Vec<String>> {
    sqlite_rows(
        db,
        "SELECT key, coalesce(said_date, ''), coalesce(day, '') FROM claims",
    )
}

#[test]
fn a_claims_day_goes_with_its_earliest_said_date_across_stores() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    // Two copies of one story in two stores: the same claims, each with its own carrier.
    store(&a, vec![sample(KURSK)]);
    store(&b, vec![copy(sample(KURSK), "The Courier")]);
    let keys: Vec<String> = claim_days(&a).into_iter().map(|r| r[0].clone()).collect();
    assert!(keys.len() >= 2, "{keys:?}");
    // Store b dates one claim earlier (its day follows), and has another undated with an
    // early publication day, which must not win: the day is not a minimum of its own.
    let conn = Connection::open(&b).unwrap();
    conn.execute(
        "UPDATE claims SET said_date = '2001-02-03T10:00', day = '2001-02-03' WHERE key = ?1",
        [&keys[0]],
    )
    .unwrap();
    conn.execute(
        "UPDATE claims SET said_date = NULL, day = '1999-01-01' WHERE key = ?1",
        [&keys[1]],
    )
    .unwrap();
    drop(conn);
    let want = |keys: &[String]| {
        let (a, b) = (claim_days(&a), claim_days(&b));
        let mut want: Vec<Vec<String>> = a
            .into_iter()
            .map(|row| {
                if row[0] == keys[0] {
                    b.iter().find(|r| r[0] == keys[0]).unwrap().clone()
                } else {
                    row
                }
            })
            .collect();
        want.sort();
        want
    };
    let sql = "SELECT key, coalesce(said_date, ''), coalesce(day, '') FROM claims";
    let mut client = cluster.client();
    // Either order of pushes ends the same.
    for (schema, order) in [("ab", [&a, &b]), ("ba", [&b, &a])] {
        for db in order {
            run(db, &mut client, &options(schema)).unwrap();
        }
        assert_eq!(pg_rows(&mut client, schema, sql), want(&keys), "{schema}");
    }
}

#[test]
fn a_document_re_extracted_in_the_store_is_replaced() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("a.db");
    // The Kursk story first stored without annotations (as an older pipeline might have).
    let mut plain = tally_store::Store::open(&db).unwrap();
    plain
        .write(&[tally_store::Prepared::new(sample(KURSK))], &[])
        .unwrap();
    common::add(&mut plain, vec![sample(SEOUL)]);
    drop(plain);
    let mut client = cluster.client();
    run(&db, &mut client, &options("tally")).unwrap();
    assert_mirrors(&db, &mut client, "tally");

    let replace = tally_store::StoreOptions {
        on_existing: tally_store::OnExisting::Replace,
        ..tally_store::StoreOptions::default()
    };
    // Re-extracted: PostgreSQL takes the new rows (claims, figures, entities ...).
    let mut store = tally_store::Store::open_with(&db, replace.clone()).unwrap();
    common::add(&mut store, vec![sample(KURSK)]);
    drop(store);
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!((stats.inserted, stats.replaced, stats.skipped), (0, 1, 1));
    assert_mirrors(&db, &mut client, "tally");
    // And back: the claims only it carried go, as they do in the store.
    let mut store = tally_store::Store::open_with(&db, replace).unwrap();
    store
        .write(&[tally_store::Prepared::new(sample(KURSK))], &[])
        .unwrap();
    drop(store);
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!(stats.replaced, 1);
    assert_mirrors(&db, &mut client, "tally");
    // Nothing newer: nothing replaced.
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!((stats.replaced, stats.total_rows()), (0, 0));
}

#[test]
fn a_store_of_an_older_schema_version_pushes_its_own_tables() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("v2.db");
    let mut conn = Connection::open(&db).unwrap();
    tally_store::schema::migrate(&mut conn, "v2", &tally_store::schema::MIGRATIONS[..2]).unwrap();
    conn.execute_batch(
        "INSERT INTO sources (id, name) VALUES (7, 'AFP');
         INSERT INTO documents (pk, id, content_hash, publisher_id, cluster_id, ingested_at)
             VALUES (1, 'd1', 'h1', 7, 1, '2026-01-01T00:00:00.000Z');
         INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json, layers,
             diagnostics)
             VALUES (1, 'Kursk', 'North Korean troops in Kursk.', '[[0,29]]', '[[0,29]]', '{}',
             '[]', '[]');
         INSERT INTO claims (pk, key, claimant_kind, claimant_name, claimant_anonymous, kind,
             content, said_date, first_doc_pk)
             VALUES (5, 'k1', 'outlet', 'AFP', 0, 'reporter', 'North Korean troops in Kursk.',
             NULL, 1);
         INSERT INTO claim_instances (claim_pk, doc_pk, id, about_times, figures, entities,
             conditions, attributions, rules, evidence)
             VALUES (5, 1, 'C1', '[]', '[]', '[]', '[]', '[]', '[]', '[[0,29]]');
         -- Tables a later schema might add: one keyed (pushed as it is), one without any
         -- key (left out: a second push could not tell its rows from the first's).
         CREATE TABLE notes (topic TEXT PRIMARY KEY, weight REAL, seen INTEGER);
         INSERT INTO notes VALUES ('kursk', 0.5, 3), ('seoul', NULL, 1);
         CREATE TABLE scratch (x);
         INSERT INTO scratch VALUES ('a');",
    )
    .unwrap();
    let mut client = cluster.client();
    let stats = run(&db, &mut client, &options("old")).unwrap();
    assert_eq!((stats.version, stats.inserted), (2, 1));
    assert_eq!(stats.unkeyed, ["scratch"]);
    assert_eq!(stats.rows_of("notes"), 2);
    conn.execute_batch("DROP TABLE scratch").unwrap();
    drop(conn);
    assert_mirrors(&db, &mut client, "old");
    let weight: Option<f64> = client
        .query_one("SELECT weight FROM old.notes WHERE topic = 'kursk'", &[])
        .unwrap()
        .get(0);
    assert_eq!(weight, Some(0.5));
    // Version 2 keyed carriers by claim: PostgreSQL has that key.
    let key = primary_key(&mut client, "old.claim_instances");
    assert!(key.contains("(claim_pk, doc_pk, id)"), "{key}");
    // A current store upgrades that mirror in place: version 3 keyed carriers by document,
    // 4 added the figures' agent, 6 the claims' names to their full-text index.
    let current = dir.path().join("current.db");
    store(&current, vec![sample(SEOUL)]);
    let stats = run(&current, &mut client, &options("old")).unwrap();
    assert_eq!((stats.upgraded_from, stats.inserted), (Some(2), 1));
    let key = primary_key(&mut client, "old.claim_instances");
    assert!(key.contains("(doc_pk, claim_pk, id)"), "{key}");
    let found: i64 = client
        .query_one(
            "SELECT count(*) FROM old.claims_fts v JOIN old.claims c ON c.pk = v.rowid
             WHERE c.key = 'k1' AND v.names IS NULL AND v.fts @@ to_tsquery('simple', 'kursk')",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        found, 1,
        "the view has the new column and finds the old claim"
    );
    assert_eq!(count_pg(&mut client, "old", "documents"), 2);
    let version: String = client
        .query_one(
            "SELECT value FROM old.tally_meta WHERE key = 'schema_version'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(version, tally_store::schema::SCHEMA_VERSION.to_string());
}

/// A store at version 7 with one document whose dateline (a column of version 8) names
/// Gaza City once the store is upgraded.
fn store_at_v7(db: &Path) {
    let mut conn = Connection::open(db).unwrap();
    tally_store::schema::migrate(&mut conn, "v7", &tally_store::schema::MIGRATIONS[..7]).unwrap();
    conn.execute_batch(
        "INSERT INTO sources (id, name) VALUES (7, 'AP');
         INSERT INTO documents (pk, id, content_hash, publisher_id, cluster_id, ingested_at)
             VALUES (1, 'd1', 'h1', 7, 1, '2026-01-01T00:00:00.000Z');
         INSERT INTO document_text (pk, title, body, paragraphs, sentences, meta_json, layers,
             diagnostics)
             VALUES (1, 'Gaza', 'GAZA CITY (AP) — Israeli strikes killed at least 30 people.',
             '[[0,60]]', '[[0,60]]', '{}', '[]', '[]');
         INSERT INTO claims (pk, key, claimant_kind, claimant_name, claimant_anonymous, kind,
             content, said_date, first_doc_pk)
             VALUES (5, 'k1', 'outlet', 'AP', 0, 'reporter',
             'Israeli strikes killed at least 30 people.', NULL, 1);
         INSERT INTO claim_instances (claim_pk, doc_pk, id, about_times, figures, entities,
             conditions, attributions, rules, evidence)
             VALUES (5, 1, 'C1', '[]', '[\"F1\"]', '[]', '[]', '[]', '[]', '[[18,60]]');
         INSERT INTO figures (doc_pk, id, start, end, raw, low, high, approx, open_low,
             open_high, measure, noun, hedges, convention, claim_pk)
             VALUES (1, 'F1', 43, 54, 'at least 30', 30, NULL, 0, 0, 1, 'killed', 'people',
             '[\"at least\"]', 'default', 5);",
    )
    .unwrap();
}

#[test]
fn a_mirror_of_an_older_schema_version_is_upgraded_in_place() {
    let Some(cluster) = Cluster::start() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("news.db");
    store_at_v7(&db);
    let mut client = cluster.client();
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!(
        (stats.version, stats.upgraded_from, stats.inserted),
        (7, None, 1)
    );
    let old = dir.path().join("old.db");
    std::fs::copy(&db, &old).unwrap();
    // The store is upgraded by the newer tally (its dateline filled from the text), and a
    // second store of that version carries a new document.
    let mut conn = Connection::open(&db).unwrap();
    tally_store::schema::migrate(&mut conn, "news", tally_store::schema::MIGRATIONS).unwrap();
    drop(conn);
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    let version = tally_store::schema::SCHEMA_VERSION;
    assert_eq!(
        (stats.version, stats.upgraded_from),
        (version, Some(7)),
        "{stats:?}"
    );
    // The document pushed at version 7 is replaced by the store's copy, with its dateline.
    assert_eq!((stats.inserted, stats.replaced, stats.skipped), (0, 1, 0));
    let dateline: Option<String> = client
        .query_one("SELECT dateline FROM tally.documents WHERE id = 'd1'", &[])
        .unwrap()
        .get(0);
    assert_eq!(dateline.as_deref(), Some("GAZA CITY"));
    assert_mirrors(&db, &mut client, "tally");
    // Once: a rerun adds nothing and replaces nothing.
    let stats = run(&db, &mut client, &options("tally")).unwrap();
    assert_eq!(
        (
            stats.upgraded_from,
            stats.inserted,
            stats.replaced,
            stats.skipped
        ),
        (None, 0, 0, 1)
    );
    assert_eq!(stats.total_rows(), 0);
    assert_mirrors(&db, &mut client, "tally");
    let grown = dir.path().join("grown.db");
    store(&grown, vec![sample(SEOUL), sample(FLOOD)]);
    let stats = run(&grown, &mut client, &options("tally")).unwrap();
    assert_eq!((stats.upgraded_from, stats.inserted), (None, 2));
    // A store still at version 7 is now refused: its rows would lack the dateline.
    let err = run(&old, &mut client, &options("tally")).unwrap_err();
    assert!(
        matches!(err, PgError::VersionMismatch { found, store: 7, .. } if found == version),
        "{err}"
    );
}
