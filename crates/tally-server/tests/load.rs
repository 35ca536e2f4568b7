//! A bounded load test: 10,000 claims queries over loopback on keep-alive connections,
//! reporting requests/s and latency percentiles. Not in the default run:
//!
//! ```sh
//! cargo test --release -p tally-server --test load -- --ignored --nocapture
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::io::{BufReader, Write};
use std::net::TcpStream;
use std::time::{Duration, Instant};

const REQUESTS: usize = 10_000;
const CONNECTIONS: usize = 8;

#[test]
#[ignore = "load test: run with --ignored (and --release for real numbers)"]
fn claims_query_under_load() {
    let dir = tempfile::tempdir().unwrap();
    let server = common::start(&dir.path().join("tally.db"));
    let addr = server.addr();
    common::ingest_samples(addr);
    let targets = [
        "/api/claims?q=casualties&limit=20",
        "/api/claims?anonymous=true&measure=killed&limit=20",
        "/api/claims?speaker=official&since=2024-12-01&limit=20",
    ];
    let started = Instant::now();
    let workers: Vec<_> = (0..CONNECTIONS)
        .map(|w| {
            std::thread::spawn(move || {
                let stream = TcpStream::connect(addr).unwrap();
                stream.set_nodelay(true).unwrap();
                stream
                    .set_read_timeout(Some(Duration::from_secs(30)))
                    .unwrap();
                let mut writer = stream.try_clone().unwrap();
                let mut reader = BufReader::new(stream);
                let mut latencies = Vec::with_capacity(REQUESTS / CONNECTIONS);
                for i in 0..REQUESTS / CONNECTIONS {
                    let target = targets[(w + i) % targets.len()];
                    let t = Instant::now();
                    write!(writer, "GET {target} HTTP/1.1\r\nHost: {addr}\r\n\r\n").unwrap();
                    let r = common::read_response(&mut reader).expect("a response");
                    latencies.push(t.elapsed());
                    assert_eq!(r.status, 200, "{}", r.text());
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> = workers
        .into_iter()
        .flat_map(|w| w.join().unwrap())
        .collect();
    let elapsed = started.elapsed();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 * p) as usize).min(latencies.len() - 1)];
    eprintln!(
        "load: {} claims queries on {CONNECTIONS} keep-alive connections in {:.2}s: {:.0} requests/s; \
         latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        latencies.len(),
        elapsed.as_secs_f64(),
        latencies.len() as f64 / elapsed.as_secs_f64(),
        pct(0.50).as_secs_f64() * 1e3,
        pct(0.99).as_secs_f64() * 1e3,
        latencies[latencies.len() - 1].as_secs_f64() * 1e3,
    );
    assert_eq!(latencies.len(), REQUESTS);
    server.stop();
}
