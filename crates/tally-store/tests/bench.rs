//! Query latency and database size at 100k documents. Not part of the default test run:
//!
//! ```sh
//! cargo test --release -p tally-store --test bench -- --ignored --nocapture
//! ```
//!
//! Documents are built from real newswire text (Reuters-21578 sample and MUC-3 under
//! `../shared/eval/`, read at run time and never stored in the repository), each with
//! figures and a claim, so FTS5 sees a realistic vocabulary and timelines a realistic mix.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::time::{Duration, Instant};

use tally_core::{
    Argument, Claim, ClaimKind, Claimant, ClaimantKind, Document, DocumentMeta, Figure, Measure,
    Published, SaidAt, SaidAtBasis,
};
use tally_store::{Prepared, SearchScope, Store, TimelineQuery};

/// Documents loaded; `TALLY_BENCH_DOCS` overrides (for profiling a smaller run).
fn docs() -> usize {
    std::env::var("TALLY_BENCH_DOCS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000)
}
const SUBJECTS: &[&str] = &["KP", "RU", "UA", "US", "SV", "CO", "PE", "GT", "NI", "HN"];
const PLACES: &[&str] = &[
    "Kursk",
    "Donetsk",
    "Kharkiv",
    "San Salvador",
    "Bogota",
    "Lima",
    "Medellin",
    "Managua",
];
/// Who did the harm, named in every other lead (a figure's agent).
const AGENTS: &[&str] = &["Russian drones", "rebel forces", "an air strike"];

fn texts() -> Option<Vec<String>> {
    let eval = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval");
    let mut out = Vec::new();
    for (file, field) in [
        ("reuters21578/reuters21578-sample1000.jsonl", "body"),
        ("muc3/muc3-plaintext.jsonl", "text"),
    ] {
        let text = std::fs::read_to_string(eval.join(file)).ok()?;
        for line in text.lines() {
            let v: serde_json::Value = serde_json::from_str(line).ok()?;
            if let Some(t) = v[field].as_str().filter(|t| t.len() > 200) {
                out.push(t.to_owned());
            }
        }
    }
    Some(out)
}

fn document(i: usize, texts: &[String]) -> Document {
    let date = format!("2024-{:02}-{:02}", 1 + (i / 28) % 12, 1 + i % 28);
    let a = &texts[i % texts.len()];
    let b = &texts[(i * 7 + 3) % texts.len()];
    let agent = i.is_multiple_of(2).then(|| AGENTS[(i / 2) % AGENTS.len()]);
    let lead = format!(
        "Officials said {} people were killed{} in {} on day {i}.",
        10 + i % 500,
        agent.map(|a| format!(" by {a}")).unwrap_or_default(),
        PLACES[i % PLACES.len()]
    );
    let meta = DocumentMeta {
        url: Some(format!("https://outlet{}.example/{i}", i % 300)),
        title: Some(
            a.lines()
                .next()
                .unwrap_or("story")
                .chars()
                .take(80)
                .collect(),
        ),
        publisher: Some(format!("Outlet {}", i % 300)),
        agency: i.is_multiple_of(3).then(|| "Reuters".to_owned()),
        published: Some(Published::parse_iso(&date).unwrap()),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, [lead.as_str(), a.as_str(), b.as_str()]);
    let raw = format!("{}", 10 + i % 500);
    let start = doc.body.find(&raw).unwrap();
    let span = doc.span(start, start + raw.len()).unwrap();
    let place = PLACES[i % PLACES.len()];
    let place_at = doc.body.find(place).unwrap();
    let measures = [
        Measure::Killed,
        Measure::Casualties,
        Measure::Wounded,
        Measure::Troops,
        Measure::Money,
    ];
    let value = (10 + i % 500) as f64;
    doc.figures.push(Figure {
        id: "F1".into(),
        span: span.clone(),
        raw: raw.clone(),
        low: Some(value),
        best: Some(value),
        high: Some(value),
        unit: None,
        approx: false,
        open_low: false,
        open_high: false,
        measure: measures[i % measures.len()],
        noun: Some("people".into()),
        subject: Some(Argument {
            span: span.clone(),
            entity_id: Some(SUBJECTS[(i / 5) % SUBJECTS.len()].into()),
        }),
        subject_inherited: false,
        agent: agent.map(|a| {
            let at = doc.body.find(a).unwrap();
            Argument {
                span: doc.span(at, at + a.len()).unwrap(),
                entity_id: a.starts_with("Russian").then(|| "RU".into()),
            }
        }),
        place: Some(Argument {
            span: doc.span(place_at, place_at + place.len()).unwrap(),
            entity_id: None,
        }),
        hedges: vec![],
        convention: "default".into(),
    });
    let sentence = doc.span(0, lead.len()).unwrap();
    doc.claims.push(Claim {
        id: "C1".into(),
        document_id: doc.id.clone(),
        claimant: Claimant {
            kind: ClaimantKind::Speaker,
            speaker_id: Some("S1".into()),
            name: format!("official {}", i % 40),
            anonymous: true,
        },
        kind: ClaimKind::Indirect,
        cue: None,
        said_at: Some(SaidAt {
            date,
            basis: SaidAtBasis::PublicationDate,
            time_id: None,
        }),
        about_times: vec![],
        evidence: vec![sentence.clone()],
        content: sentence.text,
        figures: vec!["F1".into()],
        entities: vec![],
        conditions: vec![],
        attributions: vec![],
        rules: vec![],
    });
    doc
}

/// This thread's CPU time so far (`CLOCK_THREAD_CPUTIME_ID`, nanosecond resolution; Linux's
/// `/proc/thread-self/schedstat` only advances at scheduler ticks, 4 ms here, too coarse
/// for one query). On a shared machine a query's wall time includes waiting for a core;
/// its CPU time does not, so both are reported.
#[cfg(unix)]
fn thread_cpu() -> Option<Duration> {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Some(Duration::new(
        u64::try_from(t.tv_sec).ok()?,
        u32::try_from(t.tv_nsec).ok()?,
    ))
}

#[cfg(not(unix))]
fn thread_cpu() -> Option<Duration> {
    None
}

/// Wall and CPU time of `f`.
fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration, Option<Duration>) {
    let cpu = thread_cpu();
    let t = Instant::now();
    let value = f();
    let wall = t.elapsed();
    let cpu = cpu.zip(thread_cpu()).map(|(a, b)| b.saturating_sub(a));
    (value, wall, cpu)
}

fn percentile(times: &mut [Duration], p: f64) -> Duration {
    times.sort();
    times[((times.len() as f64 - 1.0) * p).round() as usize]
}

#[test]
#[ignore = "benchmark: builds a 100k-document database (about a minute in release)"]
fn queries_at_100k_documents() {
    let Some(texts) = texts() else {
        eprintln!("skipped: ../shared/eval (Reuters-21578, MUC-3) not found");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // TALLY_BENCH_DB keeps the database (and reuses it when it exists), for profiling
    // queries without loading again.
    let path = std::env::var_os("TALLY_BENCH_DB")
        .map_or_else(|| dir.path().join("bench.db"), std::path::PathBuf::from);
    let reuse = path.exists();
    let mut store = Store::open(&path).unwrap();
    let started = Instant::now();
    for chunk in (0..if reuse { 0 } else { docs() })
        .collect::<Vec<_>>()
        .chunks(1000)
    {
        let batch: Vec<Prepared> = chunk
            .iter()
            .map(|&i| Prepared::new(document(i, &texts)))
            .collect();
        store.write(&batch, &[]).unwrap();
    }
    let load = started.elapsed();
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;")
        .unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    let counts = store.counts().unwrap();
    println!(
        "loaded {} documents, {} claims, {} figures, {} clusters in {:.1}s ({:.0} docs/s, single writer, no extraction)",
        counts.documents,
        counts.claims,
        counts.figures,
        counts.clusters,
        load.as_secs_f64(),
        docs() as f64 / load.as_secs_f64()
    );
    println!(
        "database: {:.1} MB, {:.2} MB per 1,000 documents",
        size as f64 / 1e6,
        size as f64 / 1e6 / (docs() as f64 / 1000.0)
    );

    // Queries run on a read-only connection, as `tally search` and `tally timeline` do.
    drop(store);
    let store = Store::open_read_only(&path).unwrap();
    let queries = [
        "oil",
        "bank",
        "killed",
        "president",
        "\"interest rates\"",
        "trade AND deficit",
        "cocoa",
        "terrorists",
        "guerrillas",
        "army",
        "coffee prices",
        "dollar",
        "salvador",
        "exports",
        "mln dlrs",
        "kursk",
        "bomb*",
        "government said",
        "wheat",
        "strike",
    ];
    let mut search_times = Vec::new();
    let mut search_cpu = Vec::new();
    for round in 0..10 {
        for q in queries {
            let scope = if round % 2 == 0 {
                SearchScope::Both
            } else {
                SearchScope::Documents
            };
            let (hits, wall, cpu) = timed(|| store.search(q, scope, 20).unwrap());
            search_times.push(wall);
            search_cpu.extend(cpu);
            if std::env::var_os("TALLY_BENCH_VERBOSE").is_some() {
                println!(
                    "{:.2} ms ({:.2} ms CPU) search {q:?} {scope:?}",
                    wall.as_secs_f64() * 1000.0,
                    cpu.unwrap_or_default().as_secs_f64() * 1000.0
                );
            }
            assert!(
                round > 0 || !hits.is_empty() || q == "kursk",
                "{q} found nothing"
            );
        }
    }
    let mut timeline_times = Vec::new();
    let mut timeline_cpu = Vec::new();
    let mut sizes = Vec::new();
    for round in 0..20 {
        for (m, measure) in ["killed", "casualties", "wounded", "troops"]
            .iter()
            .enumerate()
        {
            let query = TimelineQuery {
                measure: (*measure).to_owned(),
                subject: Some(SUBJECTS[(round + m) % SUBJECTS.len()].to_owned()),
                place: (round % 2 == 0).then(|| PLACES[(round + m) % PLACES.len()].to_owned()),
                since: (round % 3 == 0).then(|| "2024-06-01".to_owned()),
                ..TimelineQuery::default()
            };
            let (timeline, wall, cpu) = timed(|| store.timeline(&query).unwrap());
            timeline_times.push(wall);
            timeline_cpu.extend(cpu);
            if std::env::var_os("TALLY_BENCH_VERBOSE").is_some() {
                println!(
                    "{:.2} ms ({:.2} ms CPU) {} estimates: {query:?}",
                    wall.as_secs_f64() * 1000.0,
                    cpu.unwrap_or_default().as_secs_f64() * 1000.0,
                    timeline.estimates.len()
                );
            }
            sizes.push(timeline.estimates.len());
        }
    }
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    let cpu = |times: &mut Vec<Duration>| {
        if times.is_empty() {
            String::new()
        } else {
            format!(
                "; CPU p50 {:.2} ms, p99 {:.2} ms",
                ms(percentile(times, 0.5)),
                ms(percentile(times, 0.99))
            )
        }
    };
    println!(
        "search ({} queries): p50 {:.2} ms, p99 {:.2} ms{}",
        search_times.len(),
        ms(percentile(&mut search_times, 0.5)),
        ms(percentile(&mut search_times, 0.99)),
        cpu(&mut search_cpu)
    );
    sizes.sort_unstable();
    println!(
        "timeline ({} queries, median {} estimates): p50 {:.2} ms, p99 {:.2} ms{}",
        timeline_times.len(),
        sizes[sizes.len() / 2],
        ms(percentile(&mut timeline_times, 0.5)),
        ms(percentile(&mut timeline_times, 0.99)),
        cpu(&mut timeline_cpu)
    );
}
