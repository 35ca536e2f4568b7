//! The store's own cost: how fast [`Store::write`] stores documents the pipeline has
//! already annotated, with no reading or extraction in the way.
//!
//! ```sh
//! tally extract CORPUS --format jsonl > /tmp/docs.jsonl
//! cargo run --release -p tally-store --example write_speed -- /tmp/docs.jsonl [BATCH [DB]]
//! ```
//!
//! With DB, the database is written there and kept (to compare two builds' rows).
//!
//! Prints documents/s and body MB/s of the writer alone (thread CPU time and wall time),
//! and the database size. Compare with `tally bench` on the same corpus: the store should
//! add at most a fifth to the pipeline's cost.

use std::io::BufRead;
use std::time::Instant;

use tally_core::Document;
use tally_store::{Prepared, Store};

fn thread_cpu_seconds() -> f64 {
    // /proc/thread-self/schedstat: nanoseconds on the CPU, then waiting, then slices.
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .ok_or("usage: write_speed DOCS.jsonl [BATCH [DB]]")?;
    let batch: usize = args.next().map_or(Ok(512), |b| b.parse())?;
    let keep = args.next().map(std::path::PathBuf::from);
    let file = std::io::BufReader::new(std::fs::File::open(&input)?);
    let mut prepared = Vec::new();
    let mut bytes = 0usize;
    for line in file.lines() {
        let mut doc: Document = serde_json::from_str(&line?)?;
        // Tokens are not stored; dropping them keeps the example's memory down.
        doc.tokens = Vec::new();
        bytes += doc.body.len();
        prepared.push(Prepared::new(doc));
    }
    let dir = std::env::temp_dir().join(format!("tally-write-speed-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let path = keep.clone().unwrap_or_else(|| dir.join("speed.db"));
    let mut store = Store::open(&path)?;
    let (wall, cpu) = (Instant::now(), thread_cpu_seconds());
    for chunk in prepared.chunks(batch.max(1)) {
        store.write(chunk, &[])?;
    }
    let (wall, cpu) = (wall.elapsed().as_secs_f64(), thread_cpu_seconds() - cpu);
    store
        .connection()
        .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?;
    let size = std::fs::metadata(&path)?.len() as f64;
    let n = prepared.len() as f64;
    println!(
        "{} documents, {:.1} MB of body, batches of {batch}",
        prepared.len(),
        bytes as f64 / 1e6
    );
    println!(
        "writer: {cpu:.2} s CPU ({:.1} MB/s, {:.0} docs/s per core), {wall:.2} s wall",
        bytes as f64 / 1e6 / cpu,
        n / cpu
    );
    println!(
        "database: {:.1} MB, {:.2} MB per 1,000 documents",
        size / 1e6,
        size / 1e6 / (n / 1000.0)
    );
    std::fs::remove_dir_all(&dir)?;
    Ok(())
}
