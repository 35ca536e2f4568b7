//! Segmenter throughput, single thread: reads JSONL files (a `text` or `body` field per
//! line, paragraphs at blank lines), then times only the segmenter over all documents,
//! repeated until at least `MIN_SECONDS` have passed. Time is this thread's CPU time
//! (`/proc/thread-self/schedstat`), so other load on the machine does not count: the
//! figure is per core.
//!
//! `cargo run --release -p tally-text --example throughput -- FILE.jsonl...`

use std::time::Instant;

use tally_core::{Document, DocumentMeta, Extractor};
use tally_text::Segmenter;

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
            docs.push(Document::new(DocumentMeta::default(), text.split("\n\n")));
        }
    }
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let (mut rounds, mut tokens) = (0usize, 0usize);
    let started = Instant::now();
    let cpu_start = cpu_seconds();
    while started.elapsed().as_secs_f64() < MIN_SECONDS {
        for doc in &mut docs {
            Segmenter.run(doc)?;
            tokens += doc.tokens.len() + doc.sentences.len();
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
        "{} docs, {:.1} MB, {rounds} rounds, {seconds:.2} s: {mbps:.1} MB/s per core, {} tokens and sentences per round",
        docs.len(),
        bytes as f64 / 1e6,
        tokens / rounds.max(1)
    );
    Ok(())
}
