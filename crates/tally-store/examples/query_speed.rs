//! Repeats one timeline or search query on an existing database and prints its latency,
//! for profiling a query in isolation (`perf record` around this binary).
//!
//! ```sh
//! cargo run --release -p tally-store --example query_speed -- DB timeline killed RU [PLACE]
//! cargo run --release -p tally-store --example query_speed -- DB search "government said"
//! ```

use std::path::Path;
use std::time::{Duration, Instant};

use tally_store::{SearchScope, Store, TimelineQuery};

/// This thread's CPU time: a shared, loaded machine inflates wall time, not this.
fn thread_cpu() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [db, kind, rest @ ..] = args.as_slice() else {
        return Err(
            "usage: query_speed DB (timeline MEASURE [SUBJECT [PLACE]] | search QUERY)".into(),
        );
    };
    let store = Store::open_read_only(Path::new(db))?;
    let rounds = 200;
    let mut times: Vec<Duration> = Vec::with_capacity(rounds);
    let cpu_start = thread_cpu();
    let mut size = 0;
    for _ in 0..rounds {
        let t = Instant::now();
        size = match kind.as_str() {
            "timeline" => {
                let query = TimelineQuery {
                    measure: rest.first().cloned().unwrap_or_else(|| "killed".to_owned()),
                    subject: rest.get(1).cloned(),
                    place: rest.get(2).cloned(),
                    ..TimelineQuery::default()
                };
                store.timeline(&query)?.estimates.len()
            }
            "search" => store
                .search(
                    rest.first().map_or("said", String::as_str),
                    SearchScope::Both,
                    20,
                )?
                .len(),
            other => return Err(format!("unknown query kind {other:?}").into()),
        };
        times.push(t.elapsed());
    }
    times.sort();
    // The kernel accounts CPU time in scheduler ticks (4 ms here), so only the total over
    // every round is meaningful.
    let cpu = (thread_cpu() - cpu_start) / rounds as u32;
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{kind} {rest:?}: {size} results; wall min {:.2} ms, median {:.2} ms, max {:.2} ms; \
         CPU mean {:.2} ms",
        ms(times[0]),
        ms(times[rounds / 2]),
        ms(times[rounds - 1]),
        ms(cpu)
    );
    Ok(())
}
