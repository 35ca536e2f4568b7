//! The query plan and time of every statement the read API runs, on a kept database (the
//! 100k-document bench store of `tests/bench.rs`, or any ingested one). Not part of the
//! default test run:
//!
//! ```sh
//! TALLY_PLANS_DB=/tmp/q100k.db cargo test --release -p tally-store --lib plans -- --ignored --nocapture
//! ```
//!
//! Each distinct statement is printed once with its `EXPLAIN QUERY PLAN` (for the values
//! it was first run with: with STAT4 statistics the plan can depend on them), its runs and
//! its slowest run as SQLite's profile reports it. A full scan of a large table or a
//! temporary B-tree for an `ORDER BY` in a per-request query is what to look for.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use rusqlite::trace::{TraceEvent, TraceEventCodes};

use crate::browse::{ClaimFilter, DocumentFilter, NameFilter};
use crate::{SearchScope, Store, TimelineQuery};

#[derive(Default)]
struct Seen {
    /// Expanded SQL of the first run, runs, slowest run.
    statements: BTreeMap<String, (String, u32, Duration)>,
}

/// Runs every read the CLI and the server offer, with typical arguments.
fn exercise(store: &Store) -> Result<Vec<serde_json::Value>, crate::StoreError> {
    let mut out = Vec::new();
    let mut keep = |v: serde_json::Value| out.push(v);
    for scope in [
        SearchScope::Both,
        SearchScope::Documents,
        SearchScope::Claims,
    ] {
        for q in ["killed", "bomb*", "\"interest rates\"", "government said"] {
            keep(serde_json::json!(store.search(q, scope, 20)?));
        }
    }
    for (subject, place, agent, since) in [
        (Some("RU"), None, None, None),
        (Some("RU"), Some("Kursk"), None, Some("2024-06-01")),
        (None, None, Some("rebel forces"), None),
        (None, Some("Lima"), None, None),
    ] {
        let timeline = store.timeline(&TimelineQuery {
            measure: "killed".to_owned(),
            subject: subject.map(str::to_owned),
            place: place.map(str::to_owned),
            agent: agent.map(str::to_owned),
            since: since.map(str::to_owned),
            ..TimelineQuery::default()
        })?;
        keep(serde_json::json!(timeline));
    }
    keep(serde_json::json!(store.timeline_options(None)?));
    keep(serde_json::json!(store.timeline_options(Some("killed"))?));
    keep(serde_json::json!(store.sources(2, 20, 5)?));
    keep(serde_json::json!(store.source_counts()?));
    keep(serde_json::json!(format!("{:?}", store.counts()?)));
    let claims = [
        ClaimFilter::default(),
        ClaimFilter {
            q: Some("killed".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            speaker: Some("official 3".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            entity: Some("RU".into()),
            measure: Some("killed".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            place: Some("Kursk".into()),
            since: Some("2024-03-01".into()),
            until: Some("2024-04-01".into()),
            ..ClaimFilter::default()
        },
        ClaimFilter {
            kind: Some("indirect".into()),
            anonymous: Some(true),
            offset: 400,
            ..ClaimFilter::default()
        },
    ];
    let mut some_claim = None;
    let mut some_document = None;
    for mut filter in claims {
        filter.limit = 20;
        let (page, cpu) = least_cpu(|| store.claims(&filter));
        println!("{:.2} ms CPU, least of 5: claims {filter:?}", cpu * 1000.0);
        let page = page?;
        keep(serde_json::json!(page));
        if let Some(c) = page.claims.first() {
            some_claim.get_or_insert_with(|| c.id.clone());
            some_document.get_or_insert_with(|| c.document.id.clone());
        }
    }
    if let Some(id) = some_claim {
        keep(serde_json::json!(store.claim(&id)?));
    }
    if let Some(id) = some_document {
        keep(serde_json::json!(store.document_view(&id)?));
    }
    let document_filters = [
        DocumentFilter::default(),
        DocumentFilter {
            q: Some("oil".into()),
            ..DocumentFilter::default()
        },
        DocumentFilter {
            source: Some("Outlet 7".into()),
            since: Some("2024-03-01".into()),
            until: Some("2024-04-01".into()),
            ..DocumentFilter::default()
        },
        DocumentFilter {
            offset: 340,
            ..DocumentFilter::default()
        },
        DocumentFilter {
            until: Some("2024-05".into()),
            offset: 20,
            ..DocumentFilter::default()
        },
        DocumentFilter {
            q: Some("killed".into()),
            source: Some("reuters".into()),
            offset: 60,
            ..DocumentFilter::default()
        },
        DocumentFilter {
            source: Some("Outlet 12".into()),
            offset: 100_000,
            ..DocumentFilter::default()
        },
    ];
    for filter in document_filters {
        let filter = DocumentFilter {
            limit: 20,
            ..filter
        };
        let (page, cpu) = least_cpu(|| store.documents(&filter));
        println!(
            "{:.2} ms CPU, least of 5: documents {filter:?}",
            cpu * 1000.0
        );
        keep(serde_json::json!(page?));
    }
    for filter in [
        NameFilter::default(),
        NameFilter {
            q: Some("official".into()),
            ..NameFilter::default()
        },
    ] {
        let filter = NameFilter {
            limit: 20,
            ..filter
        };
        let (speakers, cpu) = least_cpu(|| store.speakers(&filter));
        println!(
            "{:.2} ms CPU, least of 5: speakers {filter:?}",
            cpu * 1000.0
        );
        keep(serde_json::json!(speakers?));
        keep(serde_json::json!(store.entities(&filter)?));
    }
    Ok(out)
}

/// `f`'s result and its least thread CPU time in seconds over five runs.
fn least_cpu<T>(mut f: impl FnMut() -> T) -> (T, f64) {
    let cpu = || {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
    };
    let mut least = f64::MAX;
    let mut value = None;
    for _ in 0..5 {
        let start = cpu();
        value = Some(f());
        least = least.min(cpu() - start);
    }
    (value.expect("five runs"), least)
}

#[test]
#[ignore = "needs a kept database: TALLY_PLANS_DB"]
fn every_read_statement_plan() {
    let Some(path) = std::env::var_os("TALLY_PLANS_DB") else {
        return;
    };
    let mut store = Store::open_read_only(std::path::Path::new(&path)).expect("open");
    // Once untraced first: the times below are of warm caches.
    exercise(&store).expect("reads");
    let seen = Arc::new(Mutex::new(Seen::default()));
    let log = Arc::clone(&seen);
    store
        .conn
        .trace_v2(
            TraceEventCodes::SQLITE_TRACE_PROFILE,
            Some(move |event: TraceEvent<'_>| {
                if let TraceEvent::Profile(st, took) = event {
                    let mut seen = log.lock().expect("lock");
                    let expanded = st.expanded_sql().unwrap_or_default();
                    let entry = seen.statements.entry(st.sql().into_owned()).or_insert((
                        expanded,
                        0,
                        Duration::ZERO,
                    ));
                    entry.1 += 1;
                    entry.2 = entry.2.max(took);
                }
            }),
        )
        .expect("trace");
    let results = exercise(&store).expect("reads");
    store
        .conn
        .trace_v2(TraceEventCodes::empty(), None::<fn(TraceEvent<'_>)>)
        .expect("untrace");
    // The results, one JSON line per read, to compare two builds.
    if let Some(out) = std::env::var_os("TALLY_PLANS_OUT") {
        let lines: Vec<String> = results.iter().map(ToString::to_string).collect();
        std::fs::write(out, lines.join("\n") + "\n").expect("write results");
    }
    let seen = seen.lock().expect("lock");
    let mut rows: Vec<_> = seen.statements.iter().collect();
    rows.sort_by_key(|(_, (_, _, slowest))| std::cmp::Reverse(*slowest));
    for (sql, (expanded, runs, slowest)) in rows {
        println!(
            "==== {:.2} ms slowest, {runs} runs\n{}",
            slowest.as_secs_f64() * 1000.0,
            sql.split_whitespace().collect::<Vec<_>>().join(" ")
        );
        if expanded
            .trim_start()
            .to_ascii_uppercase()
            .starts_with("SELECT")
            || expanded
                .trim_start()
                .to_ascii_uppercase()
                .starts_with("WITH")
        {
            let plan = store
                .conn
                .prepare(&format!("EXPLAIN QUERY PLAN {expanded}"))
                .and_then(|mut st| {
                    st.query_map([], |r| {
                        Ok(format!(
                            "{} {}",
                            r.get::<_, i64>(1)?,
                            r.get::<_, String>(3)?
                        ))
                    })?
                    .collect::<Result<Vec<_>, _>>()
                });
            match plan {
                Ok(lines) => lines.iter().for_each(|l| println!("    {l}")),
                Err(e) => println!("    (no plan: {e})"),
            }
        }
    }
}
