//! `tally bench`: every stage the pipeline lists is timed, the numbers add up, and a bad
//! input is counted without stopping the run.
#![allow(clippy::unwrap_used)]

use std::process::{Command, Output};

fn tally(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(args)
        .output()
        .expect("tally runs")
}

fn report(out: &Output) -> serde_json::Value {
    assert!(
        out.status.success() || out.status.code() == Some(3),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn one_thread_times_every_pipeline_stage() {
    let r = report(&tally(&["bench", "--min-mb", "0.1", "--json"]));
    assert!(r["bytes"].as_u64().unwrap() >= 100_000);
    assert_eq!(r["failed"], 0);
    let stages: Vec<&str> = r["stages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    for name in r["pipeline"].as_array().unwrap() {
        assert!(stages.contains(&name.as_str().unwrap()), "{name} not timed");
    }
    for name in ["ingest", "ingest+segment", "full pipeline", "json output"] {
        assert!(stages.contains(&name), "{name} missing");
    }
    // The full pipeline is ingest plus every extractor.
    let seconds = |n: &str| {
        r["stages"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == n)
            .unwrap()["seconds"]
            .as_f64()
            .unwrap()
    };
    let parts: f64 = std::iter::once("ingest")
        .chain(
            r["pipeline"]
                .as_array()
                .unwrap()
                .iter()
                .map(|n| n.as_str().unwrap()),
        )
        .map(seconds)
        .sum();
    assert!((parts - seconds("full pipeline")).abs() < 1e-6);
    assert!(r["peak_rss_mb"].as_f64().unwrap() > 0.0);
}

#[test]
fn threads_process_the_same_documents() {
    let one = report(&tally(&["bench", "--min-mb", "0.05", "--json"]));
    let two = report(&tally(&[
        "bench",
        "--min-mb",
        "0.05",
        "--threads",
        "2",
        "--json",
    ]));
    assert_eq!(one["docs"], two["docs"]);
    assert_eq!(one["bytes"], two["bytes"]);
    assert_eq!(one["annotations"], two["annotations"]);
}

#[test]
fn a_missing_input_is_counted_and_the_rest_measured() {
    let dir = std::env::temp_dir().join(format!("tally-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("a.jsonl");
    std::fs::write(
        &good,
        "{\"published\": \"2024-12-18\", \"text\": \"The official said 300 troops arrived on Tuesday.\"}\n",
    )
    .unwrap();
    let out = tally(&[
        "bench",
        good.to_str().unwrap(),
        dir.join("missing.jsonl").to_str().unwrap(),
        "--json",
    ]);
    assert_eq!(out.status.code(), Some(3));
    let r = report(&out);
    assert_eq!(r["docs"], 1);
    assert_eq!(r["failed"], 1);
    let _ = std::fs::remove_dir_all(&dir);
}
