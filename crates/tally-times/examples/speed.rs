//! Times the `times` extractor alone over a JSONL corpus (`{"body": ...}` or `{"text": ...}`
//! per line), for profiling; `tally bench` is the pipeline-wide benchmark.
//!
//! `cargo run --release -p tally-times --example speed -- corpus.jsonl [repeats]`

use std::time::Instant;

use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
use tally_times::TimeExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: speed CORPUS.jsonl [REPEATS]")?;
    let repeats: usize = args.next().map_or(Ok(5), |r| r.parse())?;
    let published = Published::date("1987-03-01".parse()?, PublishedSource::Metadata);
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(&path)?.lines() {
        let value: serde_json::Value = serde_json::from_str(line)?;
        let text = value["body"]
            .as_str()
            .or(value["text"].as_str())
            .unwrap_or("");
        let meta = DocumentMeta {
            published: Some(published.clone()),
            ..DocumentMeta::default()
        };
        let mut doc = Document::new(meta, text.split("\n\n"));
        tally_text::Segmenter.run(&mut doc)?;
        docs.push(doc);
    }
    let bytes: usize = docs.iter().map(|d| d.body.len()).sum();
    let extractor = TimeExtractor::new()?;
    let mut found = 0;
    let start = Instant::now();
    let cpu_start = cpu_seconds();
    for _ in 0..repeats {
        for doc in &docs {
            found += extractor.find(doc).len();
        }
    }
    let wall = start.elapsed().as_secs_f64();
    // CPU time of this thread, so other work on the machine does not count.
    let secs = cpu_seconds().map_or(wall, |end| end - cpu_start.unwrap_or(0.0));
    #[allow(clippy::cast_precision_loss)]
    let mb = (bytes * repeats) as f64 / 1e6;
    println!(
        "{} docs, {mb:.1} MB in {secs:.3} s of CPU ({wall:.3} s wall): {:.1} MB/s per core, {found} times",
        docs.len(),
        mb / secs
    );
    Ok(())
}

/// User plus system CPU seconds of the calling thread (Linux), from `/proc`.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name in parentheses; utime and stime are the 14th and 15th.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    // Clock ticks are 100 per second on Linux.
    Some((utime + stime) / 100.0)
}
