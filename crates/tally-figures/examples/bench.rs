//! Throughput of the figures extractor on real news, in MB per CPU-second (per core).
//!
//! ```text
//! cargo run --release -p tally-figures --example bench -- \
//!     ../shared/eval/reuters21578/reuters21578-sample1000.jsonl [--mb 20]
//! ```
//!
//! Reads the `body`/`text` field of each JSONL record, segments every document once (not
//! timed), then times the anchor scan alone, the recognizer alone and the full figures
//! extractor over the same documents, repeating the corpus until `--mb` megabytes (default
//! 20) have been processed. `ONLY_ANCHORS=1` stops after the anchor scan (for profiling it).

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::Instant;

/// CPU seconds this process has used (user + system), from /proc on Linux; wall-clock
/// elsewhere. Throughput per CPU-second is throughput per core, whatever else runs.
fn cpu_seconds(wall: Instant) -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces) start after the last ')'.
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or(Vec::new(), |(_, rest)| rest.split_whitespace().collect());
    let ticks = |i: usize| fields.get(i).and_then(|v| v.parse::<f64>().ok());
    match (ticks(11), ticks(12)) {
        // utime and stime, in clock ticks of 1/100 s on Linux.
        (Some(u), Some(s)) => (u + s) / 100.0,
        _ => wall.elapsed().as_secs_f64(),
    }
}

use tally_core::{Document, DocumentMeta, Extractor};
use tally_figures::FigureExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args
        .first()
        .ok_or("usage: bench FILE.jsonl [--mb N]")?
        .clone();
    let target_mb: f64 = args
        .iter()
        .position(|a| a == "--mb")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(20.0);
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(&path)?.lines() {
        let record: serde_json::Value = serde_json::from_str(line)?;
        let text = record
            .get("body")
            .or_else(|| record.get("text"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or("");
        if text.trim().is_empty() {
            continue;
        }
        let paragraphs: Vec<&str> = text.split("\n\n").collect();
        let mut doc = Document::new(DocumentMeta::default(), paragraphs);
        tally_text::Segmenter.run(&mut doc)?;
        docs.push(doc);
    }
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    #[allow(clippy::cast_precision_loss)]
    let corpus_mb = bytes as f64 / 1e6;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let rounds = (target_mb / corpus_mb).ceil().max(1.0) as usize;
    let extractor = FigureExtractor::new()?;

    // ONLY_FIGURES=1 skips the anchor-scan and recognizer-alone rounds, for profiling the
    // extractor.
    let recognizer_rounds = if std::env::var("ONLY_FIGURES").is_ok() {
        0
    } else {
        rounds
    };
    let wall = Instant::now();
    let start = cpu_seconds(wall);
    let mut anchors = 0usize;
    for _ in 0..recognizer_rounds {
        for d in &docs {
            anchors += extractor.recognizer().count_anchors(&d.body);
        }
    }
    let anchor_s = cpu_seconds(wall) - start;
    #[allow(clippy::cast_precision_loss)]
    let total = corpus_mb * rounds as f64;
    println!(
        "anchors: {:.1} MB/s ({} per round)",
        total / anchor_s,
        anchors / rounds
    );
    if std::env::var("ONLY_ANCHORS").is_ok() {
        return Ok(());
    }

    let start = cpu_seconds(wall);
    let mut amounts = 0usize;
    for _ in 0..recognizer_rounds {
        for d in &docs {
            amounts += extractor.recognizer().recognize(&d.body).len();
        }
    }
    let recognize_s = cpu_seconds(wall) - start;

    let start = cpu_seconds(wall);
    let mut figures = 0usize;
    for _ in 0..rounds {
        for d in &docs {
            figures += extractor.figures(d).len();
        }
    }
    let figures_s = cpu_seconds(wall) - start;

    #[allow(clippy::cast_precision_loss)]
    let total_mb = corpus_mb * rounds as f64;
    println!(
        "{} docs, {:.2} MB x {rounds} rounds = {:.1} MB",
        docs.len(),
        corpus_mb,
        total_mb
    );
    println!(
        "recognizer: {:.1} MB/s ({} amounts per round)",
        total_mb / recognize_s,
        amounts / rounds
    );
    println!(
        "figures extractor (recognize + filter + attach): {:.1} MB/s ({} figures per round)",
        total_mb / figures_s,
        figures / rounds
    );
    Ok(())
}
