//! A claim's stored day (schema version 11): the first day of its earliest said-at value,
//! else its first document's publication date; kept by the writer and filled by the
//! migration, and the claims list's order and date filters.
#![allow(clippy::unwrap_used)]

mod common;

use common::{claim, doc};
use tally_core::Document;
use tally_store::browse::ClaimFilter;
use tally_store::{OnExisting, Prepared, Store, StoreOptions};

const SAID: &str = "The ministry said 40 soldiers were killed near Kursk.";

fn story(url: &str, published: &str, claimant: &str, said: &str) -> Document {
    let mut d = doc(
        url,
        "Outlet",
        None,
        published,
        &[&format!("{SAID} Officials gave no further details.")],
    );
    claim(&mut d, claimant, SAID, said, vec![]);
    d
}

fn write(store: &mut Store, docs: Vec<Document>) {
    let prepared: Vec<Prepared> = docs.into_iter().map(Prepared::new).collect();
    store.write(&prepared, &[]).unwrap();
}

/// Every claim's (claimant, day), by pk.
fn days(store: &Store) -> Vec<(String, Option<String>)> {
    let conn = store.connection();
    let mut st = conn
        .prepare("SELECT claimant_name, day FROM claims ORDER BY pk")
        .unwrap();
    st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Claims whose stored day is not the one their said-at date and first document give.
fn stale(store: &Store) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT count(*) FROM claims c JOIN documents d ON d.pk = c.first_doc_pk
             WHERE c.day IS NOT coalesce(tally_first_day(c.said_date), d.published_date)",
            [],
            |r| r.get(0),
        )
        .unwrap()
}

fn listed(store: &Store, filter: ClaimFilter) -> (u64, Vec<String>) {
    let page = store.claims(&filter).unwrap();
    let names = page
        .claims
        .iter()
        .map(|c| c.claimant.name.clone())
        .collect();
    (page.total, names)
}

fn three_claims(store: &mut Store) {
    write(
        store,
        vec![
            story(
                "https://a.example/1",
                "2024-12-18",
                "the minister",
                "2024-Q4",
            ),
            story(
                "https://b.example/1",
                "2024-12-20",
                "a spokesman",
                "PRESENT_REF",
            ),
        ],
    );
    // A later copy said the minister's claim earlier, in a later transaction.
    write(
        store,
        vec![
            story(
                "https://c.example/1",
                "2024-12-19",
                "the minister",
                "2024-12-10",
            ),
            story(
                "https://d.example/1",
                "2024-11-03",
                "the governor",
                "2024-11-02",
            ),
        ],
    );
}

#[test]
fn claims_are_listed_by_their_stored_day() {
    let mut store = Store::open_in_memory().unwrap();
    three_claims(&mut store);
    assert_eq!(
        days(&store),
        [
            ("the minister".to_owned(), Some("2024-12-10".to_owned())),
            ("a spokesman".to_owned(), Some("2024-12-20".to_owned())),
            ("the governor".to_owned(), Some("2024-11-02".to_owned())),
        ]
    );
    assert_eq!(stale(&store), 0);
    let all = ClaimFilter::default();
    assert_eq!(
        listed(&store, all.clone()),
        (
            3,
            vec![
                "a spokesman".into(),
                "the minister".into(),
                "the governor".into()
            ]
        )
    );
    // A page that stops before the end still reports every claim.
    let first = ClaimFilter {
        limit: 1,
        ..all.clone()
    };
    assert_eq!(listed(&store, first), (3, vec!["a spokesman".into()]));
    let past = ClaimFilter {
        offset: 5,
        ..all.clone()
    };
    assert_eq!(listed(&store, past), (3, vec![]));
    let until = ClaimFilter {
        until: Some("2024-12-15".into()),
        ..all.clone()
    };
    assert_eq!(
        listed(&store, until),
        (2, vec!["the minister".into(), "the governor".into()])
    );
    // The minister's claim covers 2024-12-10 only now; "2024-Q4" no longer counts.
    let since = ClaimFilter {
        since: Some("2024-12-11".into()),
        ..all
    };
    assert_eq!(listed(&store, since), (1, vec!["a spokesman".into()]));
}

#[test]
fn a_replaced_document_moves_the_day_of_the_claims_it_leads() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.db");
    let mut store = Store::open(&path).unwrap();
    write(
        &mut store,
        vec![
            story(
                "https://b.example/1",
                "2024-12-20",
                "a spokesman",
                "PRESENT_REF",
            ),
            story(
                "https://e.example/1",
                "2024-12-22",
                "a spokesman",
                "PRESENT_REF",
            ),
        ],
    );
    assert_eq!(days(&store)[0].1.as_deref(), Some("2024-12-20"));
    drop(store);
    let options = StoreOptions {
        on_existing: OnExisting::Replace,
        ..StoreOptions::default()
    };
    let mut store = Store::open_with(&path, options).unwrap();
    // The same story, its date corrected: the claim survives (the copy carries it).
    write(
        &mut store,
        vec![story(
            "https://b.example/1",
            "2024-12-05",
            "a spokesman",
            "PRESENT_REF",
        )],
    );
    assert_eq!(
        days(&store),
        [("a spokesman".to_owned(), Some("2024-12-05".to_owned()))]
    );
    assert_eq!(stale(&store), 0);
}

#[test]
fn a_version_10_store_gets_its_claims_days_and_index() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v10.db");
    let written = {
        let mut store = Store::open(&path).unwrap();
        three_claims(&mut store);
        let written = days(&store);
        // Back to version 10: the same tables without the column and its index.
        store
            .connection()
            .execute_batch(
                "DROP INDEX claims_day; ALTER TABLE claims DROP COLUMN day;
                 PRAGMA user_version = 10;",
            )
            .unwrap();
        written
    };
    let store = Store::open(&path).unwrap();
    let version: i64 = store
        .connection()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, tally_store::schema::SCHEMA_VERSION);
    assert_eq!(days(&store), written);
    let index: String = store
        .connection()
        .query_row(
            "SELECT sql FROM sqlite_master WHERE name = 'claims_day'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(index.contains("day DESC"), "{index}");
    assert_eq!(
        listed(&store, ClaimFilter::default()).1,
        ["a spokesman", "the minister", "the governor"]
    );
}
