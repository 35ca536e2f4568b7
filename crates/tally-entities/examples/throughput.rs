//! Entity-extractor throughput, single thread: reads JSONL files (a `text` or `body` field
//! per line), segments every document first (not timed), then times only the entity
//! extractor over all of them, repeated until at least `MIN_SECONDS` have passed. Time is
//! this thread's CPU time (`/proc/thread-self/schedstat`), so other load on the machine
//! does not count: the figure is per core.
//!
//! `cargo run --release -p tally-entities --example throughput -- FILE.jsonl...`
//! (`TALLY_ROUNDS=N` runs exactly N rounds instead).

use std::time::Instant;

use tally_core::{Document, DocumentMeta, Extractor};
use tally_entities::EntityExtractor;

const MIN_SECONDS: f64 = 3.0;

/// This thread's CPU time in seconds, when the kernel reports it.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut docs = Vec::new();
    for path in std::env::args().skip(1) {
        for line in std::fs::read_to_string(&path)?.lines() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let Some(text) = value
                .get("text")
                .or_else(|| value.get("body"))
                .and_then(|t| t.as_str())
            else {
                continue;
            };
            let mut doc = Document::new(DocumentMeta::default(), text.split("\n\n"));
            tally_text::Segmenter.run(&mut doc)?;
            docs.push(doc);
        }
    }
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let extractor = EntityExtractor::new()?;
    let (mut rounds, mut mentions) = (0usize, 0usize);
    let started = Instant::now();
    let cpu_start = cpu_seconds();
    // A fixed number of rounds (`TALLY_ROUNDS=3`) makes instruction counts comparable
    // between builds (`valgrind --tool=callgrind`), where the time limit would not.
    let fixed_rounds: Option<usize> = std::env::var("TALLY_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok());
    while fixed_rounds.map_or(started.elapsed().as_secs_f64() < MIN_SECONDS, |r| {
        rounds < r
    }) {
        for doc in &docs {
            mentions += extractor
                .extract(doc)
                .iter()
                .map(|e| e.mentions.len())
                .sum::<usize>();
        }
        rounds += 1;
    }
    let seconds = cpu_seconds().zip(cpu_start).map_or_else(
        || started.elapsed().as_secs_f64(),
        |(end, start)| end - start,
    );
    #[allow(clippy::cast_precision_loss)]
    let mbps = (bytes * rounds) as f64 / 1e6 / seconds;
    println!(
        "{} docs, {:.1} MB, {rounds} rounds, {:.2} s: {mbps:.1} MB/s per core, {} mentions per round",
        docs.len(),
        bytes as f64 / 1e6,
        seconds,
        mentions / rounds.max(1)
    );
    Ok(())
}
