//! `tally claims` and `tally demo`: the ledger for people and for machines.
#![allow(clippy::unwrap_used)]

mod common;
use common::{run_into_closed_pipe, tally};

fn sample(name: &str) -> String {
    format!("{}/../../samples/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn claims_csv_has_a_header_and_one_row_per_claim() {
    let path = sample("synthetic/syn-02-seoul-estimate.md");
    let out = tally(&["claims", "--format", "csv", &path]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "document_id");
    assert!(header.iter().any(|h| h == "claimant") && header.iter().any(|h| h == "evidence"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(!rows.is_empty());
    for row in &rows {
        assert_eq!(row.len(), header.len());
        assert!(
            !row[2].is_empty(),
            "every claim has a claimant, even if unknown"
        );
    }
    let json = tally(&["claims", "--format", "json", &path]);
    let claims: Vec<serde_json::Value> = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(claims.len(), rows.len());
    assert_eq!(claims[0]["document"]["publisher"], "The Valley Courier");
    assert!(
        claims
            .iter()
            .all(|c| c["evidence"].as_array().is_some_and(|e| !e.is_empty()))
    );
}

#[test]
fn claims_jsonl_evidence_points_into_the_document() {
    let path = sample("synthetic/syn-01-kursk-losses-top-1000.md");
    let doc: serde_json::Value =
        serde_json::from_slice(&tally(&["extract", &path]).stdout).unwrap();
    let body = doc["body"].as_str().unwrap();
    let out = tally(&["claims", "--format", "jsonl", &path]);
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(!lines.is_empty());
    for claim in lines {
        for e in claim["evidence"].as_array().unwrap() {
            let (start, end) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(&body[start..end], e["text"].as_str().unwrap());
        }
    }
}

#[test]
fn demo_prints_the_ledger_of_every_sample() {
    let out = tally(&["demo"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Ukraine says North Korean losses in Kursk top 1,000 in a week"));
    assert!(text.contains("Automaker GM to cut 10,000 jobs at Opel"));
    assert!(text.contains("Claimant"), "a claim table is shown");
    assert!(
        text.contains("■ Timeline:"),
        "a timeline across the samples is shown"
    );
    let syndication = text
        .split("■ Syndicated copies")
        .nth(1)
        .expect("a syndication section");
    assert!(
        syndication.contains("2 copies"),
        "the two AFP copies are one story: {syndication}"
    );
    let jsonl = tally(&["demo", "--jsonl"]);
    assert_eq!(String::from_utf8_lossy(&jsonl.stdout).lines().count(), 10);
}

/// `tally claims --format csv DIR | head -1`: a reader that stops early is success, not
/// "error: Broken pipe" (the CSV writer wraps the pipe's error in its own type).
#[test]
fn claims_csv_into_a_closed_pipe_succeeds() {
    // Eight copies of the samples: more rows than a pipe's buffer holds.
    let samples = sample("");
    let mut args = vec!["claims", "--format", "csv"];
    args.extend([samples.as_str(); 8]);
    let out = run_into_closed_pipe(&args);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
