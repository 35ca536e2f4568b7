//! Attribution throughput in MB/s on one core: `cargo bench -p tally-attribution`.
//!
//! Reads political news (PolNeAR train texts from `../shared/eval/` when present, which are
//! dense with quotes and reporting verbs; otherwise a built-in paragraph), or the `text`
//! fields of a JSONL corpus named by `TALLY_BENCH_JSONL` (such as the bench corpus's
//! `originals.jsonl`: short wire stories), repeats it to at least 30 MB, segments every
//! document (not timed), then times the attribution extractor alone over the whole corpus
//! three times and reports the best run.

use std::path::Path;
use std::time::Instant;

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

const TARGET_BYTES: usize = 30 << 20;
const FALLBACK: &str = "North Korean forces have suffered \"several hundred\" casualties \
fighting against Ukrainian troops in Russia's Kursk region, a senior U.S. military official \
said Tuesday. \"These are not battle-hardened troops. They haven't been in combat before,\" \
the official said, adding that this was likely contributing to the casualties.";

fn main() {
    let articles = corpus();
    let mut docs = Vec::new();
    let mut total = 0;
    'fill: loop {
        for article in &articles {
            let mut doc = Document::new(DocumentMeta::default(), article.split("\n\n"));
            if let Err(e) = tally_text::Segmenter.run(&mut doc) {
                eprintln!("segmenter failed: {e}");
                return;
            }
            total += doc.body.len();
            docs.push(doc);
            if total >= TARGET_BYTES {
                break 'fill;
            }
        }
    }
    let mb = total as f64 / 1e6;
    println!("corpus: {} documents, {mb:.1} MB", docs.len());
    let attributor = match Attributor::new() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("attributor failed to load: {e}");
            return;
        }
    };
    let mut best = f64::MAX;
    let mut best_cpu = f64::MAX;
    let mut found = 0;
    for _ in 0..3 {
        let cpu = thread_cpu_seconds();
        let start = Instant::now();
        found = 0;
        for doc in &mut docs {
            if let Err(e) = attributor.run(doc) {
                eprintln!("attribution failed: {e}");
                return;
            }
            found += doc.attributions.len();
        }
        best = best.min(start.elapsed().as_secs_f64());
        if let (Some(a), Some(b)) = (cpu, thread_cpu_seconds()) {
            best_cpu = best_cpu.min(b - a);
        }
    }
    println!(
        "attribution: {:.0} MB/s per core by wall clock ({best:.2} s; {found} attributions)",
        mb / best
    );
    if best_cpu < f64::MAX {
        // On a shared machine the wall clock counts time other processes held the core.
        println!(
            "attribution: {:.0} MB/s per core by thread CPU time ({best_cpu:.2} s)",
            mb / best_cpu
        );
    }
}

/// This thread's CPU time in seconds, from Linux's `/proc/thread-self/schedstat` (whose
/// first field is nanoseconds on the CPU); `None` elsewhere.
fn thread_cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

/// Articles of real news text: the JSONL corpus named by `TALLY_BENCH_JSONL`, else PolNeAR
/// when the shared eval folder is there.
fn corpus() -> Vec<String> {
    if let Ok(path) = std::env::var("TALLY_BENCH_JSONL") {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        let articles: Vec<String> = text
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
            .filter(|t| !t.is_empty())
            .collect();
        if articles.is_empty() {
            eprintln!("no articles with a text field in {path}");
        } else {
            return articles;
        }
    }
    let dir =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/polnear/data/train/text");
    let mut articles = Vec::new();
    match std::fs::read_dir(&dir) {
        Ok(entries) => {
            let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            paths.sort();
            for path in paths {
                if let Ok(text) = std::fs::read_to_string(&path) {
                    articles.push(text);
                }
            }
        }
        Err(_) => eprintln!("skipping PolNeAR: not found under {}", dir.display()),
    }
    if articles.is_empty() {
        articles.push(FALLBACK.to_owned());
    }
    articles
}
