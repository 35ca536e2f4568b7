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

/// A database of the synthetic samples, made by `tally ingest`, in a directory of its own.
fn synthetic_db(name: &str) -> (std::path::PathBuf, String) {
    let dir = common::scratch(name);
    let db = dir.join("news.db");
    let db_arg = db.to_string_lossy().into_owned();
    let out = tally(&["ingest", "--db", &db_arg, &sample("synthetic")]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    (dir, db_arg)
}

fn jsonl(out: &std::process::Output) -> Vec<serde_json::Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn claims_db_lists_stored_claims_by_measure_claimant_and_sourcing() {
    let (dir, db) = synthetic_db("claims-db");
    let all = jsonl(&tally(&[
        "claims", "--db", &db, "--format", "jsonl", "--limit", "1000",
    ]));
    let killed = tally(&[
        "claims",
        "--db",
        &db,
        "--measure",
        "killed",
        "--format",
        "jsonl",
    ]);
    assert_eq!(killed.status.code(), Some(0), "{}", common::stderr(&killed));
    let killed = jsonl(&killed);
    assert!(!killed.is_empty() && killed.len() < all.len());
    for card in &killed {
        let measures = card["figures"].as_array().unwrap();
        assert!(measures.iter().any(|f| f["measure"] == "killed"), "{card}");
    }
    let anonymous = jsonl(&tally(&[
        "claims",
        "--db",
        &db,
        "--anonymous",
        "--format",
        "jsonl",
        "--limit",
        "1000",
    ]));
    assert!(!anonymous.is_empty());
    assert!(anonymous.iter().all(|c| c["claimant"]["anonymous"] == true));
    let named = jsonl(&tally(&[
        "claims", "--db", &db, "--named", "--format", "jsonl", "--limit", "1000",
    ]));
    assert!(named.iter().all(|c| c["claimant"]["anonymous"] == false));
    assert_eq!(anonymous.len() + named.len(), all.len());
    let hnatenko = jsonl(&tally(&[
        "claims",
        "--db",
        &db,
        "--speaker",
        "hnatenko",
        "--format",
        "jsonl",
    ]));
    assert!(!hnatenko.is_empty());
    assert!(
        hnatenko
            .iter()
            .all(|c| c["claimant"]["name"] == "Petro Hnatenko")
    );
    // Dates bound what was said, inclusive, and a month stands for all its days.
    let december = jsonl(&tally(&[
        "claims",
        "--db",
        &db,
        "--since",
        "2024-12-24",
        "--until",
        "2024-12",
        "--format",
        "jsonl",
        "--limit",
        "1000",
    ]));
    assert!(!december.is_empty());
    for c in &december {
        let said = c["said_date"]
            .as_str()
            .unwrap_or_else(|| c["document"]["published"].as_str().unwrap());
        assert!(("2024-12-24".."2024-12-32").contains(&said), "{said}");
    }
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn claims_db_table_and_csv_are_for_people_and_spreadsheets() {
    let (dir, db) = synthetic_db("claims-db-table");
    let table = tally(&[
        "claims",
        "--db",
        &db,
        "--measure",
        "casualties",
        "--limit",
        "2",
    ]);
    assert_eq!(table.status.code(), Some(0));
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("Claimant") && text.contains("Carried by"),
        "{text}"
    );
    assert!(text.contains("casualties"), "{text}");
    // More match than were shown: said on stderr, with how to get the rest.
    assert!(
        common::stderr(&table).contains("2 of "),
        "{}",
        common::stderr(&table)
    );
    let csv_out = tally(&["claims", "--db", &db, "--format", "csv", "--limit", "1000"]);
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(&header[0], "claim_key");
    let anonymous = header
        .iter()
        .position(|h| h == "claimant_anonymous")
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(
        rows.iter()
            .all(|r| r.len() == header.len() && !r[1].is_empty())
    );
    for value in ["1", "0"] {
        assert!(rows.iter().any(|r| &r[anonymous] == value), "{value}");
    }
    assert!(
        common::stderr(&csv_out).is_empty(),
        "all shown: nothing to say"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn claims_query_flags_without_db_or_bad_values_are_usage_errors() {
    let path = sample("synthetic/syn-02-seoul-estimate.md");
    let out = tally(&["claims", "--measure", "killed", &path]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        common::stderr(&out).contains("--db"),
        "{}",
        common::stderr(&out)
    );
    let out = tally(&["claims", "--db", "x.db", &path]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "articles or a database, not both"
    );
    let (dir, db) = synthetic_db("claims-db-usage");
    for bad in [["--measure", "bogus"], ["--since", "2024-13-01"]] {
        let out = tally(&["claims", "--db", &db, bad[0], bad[1]]);
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
        assert!(
            common::stderr(&out).contains(bad[1]),
            "{}",
            common::stderr(&out)
        );
    }
    let out = tally(&["claims", "--db", &dir.join("none.db").to_string_lossy()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(common::stderr(&out).contains("tally ingest"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn a_table_shows_an_articles_escape_sequences_instead_of_sending_them() {
    let dir = common::scratch("escapes");
    let path = dir.join("esc.txt");
    std::fs::write(
        &path,
        "Title \u{1b}]0;pwned\u{7} here\n\nOfficials said 12 people \u{1b}[2J were killed in Kharkiv on Monday.\n",
    )
    .unwrap();
    let path = path.to_string_lossy().into_owned();
    let table = tally(&["claims", &path]);
    assert_eq!(table.status.code(), Some(0));
    assert!(!table.stdout.contains(&0x1b) && !table.stdout.contains(&0x07));
    let text = String::from_utf8_lossy(&table.stdout);
    assert!(
        text.contains("Title \u{FFFD}]0;pwned\u{FFFD} here"),
        "{text}"
    );
    // Machines get the text as it was, escaped by JSON.
    let json = tally(&["claims", "--format", "jsonl", &path]);
    assert!(String::from_utf8_lossy(&json.stdout).contains("\\u001b[2J"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn claims_db_anonymous_and_named_keep_speakers_only() {
    let dir = common::scratch("claims-db-speakers");
    let article = dir.join("strike.md");
    // A wire story's own voice (agency), a quote whose speaker is not found (unknown), a
    // named and an anonymous speaker.
    std::fs::write(
        &article,
        "# Strike hits city\n\n\
         KYIV (Reuters) - Twelve people were killed in a missile strike on Kyiv on Monday.\n\n\
         \"We will rebuild every house,\" he said.\n\n\
         Mayor Vitali Klitschko said 30 people were wounded.\n\n\
         A senior official, who spoke on condition of anonymity, said five missiles were fired.\n",
    )
    .unwrap();
    let db = dir.join("news.db").to_string_lossy().into_owned();
    let out = tally(&["ingest", "--db", &db, &article.to_string_lossy()]);
    assert_eq!(out.status.code(), Some(0), "{}", common::stderr(&out));
    let claims = |flag: &str| {
        let mut args = vec!["claims", "--db", &db, "--format", "jsonl"];
        args.extend((!flag.is_empty()).then_some(flag));
        let mut names: Vec<(String, String)> = jsonl(&tally(&args))
            .iter()
            .map(|c| {
                let kind = c["claimant"]["kind"].as_str().unwrap().to_owned();
                (kind, c["claimant"]["name"].as_str().unwrap().to_owned())
            })
            .collect();
        names.sort();
        names
    };
    let kinds: Vec<String> = claims("").into_iter().map(|(kind, _)| kind).collect();
    for kind in ["agency", "unknown", "speaker"] {
        assert!(kinds.iter().any(|k| k == kind), "{kind} in {kinds:?}");
    }
    let speaker = |name: &str| ("speaker".to_owned(), name.to_owned());
    assert_eq!(claims("--anonymous"), [speaker("A senior official")]);
    assert_eq!(claims("--named"), [speaker("Vitali Klitschko")]);
}
