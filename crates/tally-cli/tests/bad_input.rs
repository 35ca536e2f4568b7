//! `tally extract` on bad input: each bad input gets a clear message naming the file and a
//! stable code, scripts get reliable exit codes, and the other inputs are still processed.
#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;

mod common;
use common::{run_into_closed_pipe, scratch, tally};

const PARTIAL: i32 = 3;

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.display().to_string()
}

fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

const ARTICLE: &str =
    "Troops sent to Kursk\n\nPyongyang has sent thousands of troops, an official said.\n";

#[test]
fn missing_file_is_named_and_the_rest_still_runs() {
    let dir = scratch("missing");
    let good = write(&dir, "good.txt", ARTICLE.as_bytes());
    let missing = dir.join("nope.md").display().to_string();
    let out = tally(&["extract", "--format", "jsonl", &missing, &good]);
    assert_eq!(out.status.code(), Some(PARTIAL));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[I001]") && stderr.contains(&missing),
        "{stderr}"
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    assert!(stdout.contains("thousands of troops"));
    // As pretty JSON, several inputs give an array even when only one of them was read.
    let out = tally(&["extract", &missing, &good]);
    assert_eq!(out.status.code(), Some(PARTIAL));
    let docs = stdout_json(&out);
    assert_eq!(docs.as_array().map(Vec::len), Some(1), "{docs}");
    // One input gives its document itself.
    assert!(stdout_json(&tally(&["extract", &good])).is_object());
}

#[test]
fn empty_file_is_an_error_with_its_name() {
    let dir = scratch("empty");
    let empty = write(&dir, "empty.md", b"  \n\n");
    let out = tally(&["extract", &empty]);
    assert_eq!(out.status.code(), Some(PARTIAL));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[I003]") && stderr.contains("empty.md"),
        "{stderr}"
    );
}

#[test]
fn metadata_only_file_is_empty() {
    let dir = scratch("meta-only");
    let path = write(
        &dir,
        "meta.md",
        b"# Just a title\n\nBy [AFP](#)\n\nOriginal url:\n\n<https://x.example/a>\n",
    );
    let out = tally(&["extract", &path]);
    assert_eq!(out.status.code(), Some(PARTIAL));
    assert!(String::from_utf8_lossy(&out.stderr).contains("I003"));
}

#[test]
fn invalid_utf8_is_decoded_lossily_with_a_warning() {
    let dir = scratch("utf8");
    let path = write(
        &dir,
        "latin1.txt",
        b"Caf\xe9 owners said 12 people were hurt in the blast on Tuesday night.\n",
    );
    let out = tally(&["extract", &path]);
    assert_eq!(out.status.code(), Some(0));
    let doc = stdout_json(&out);
    assert!(
        doc["body"]
            .as_str()
            .unwrap()
            .starts_with("Caf\u{FFFD} owners")
    );
    assert_eq!(doc["diagnostics"][0]["code"], "I006");
    assert!(
        doc["diagnostics"][0]["message"]
            .as_str()
            .unwrap()
            .contains("byte 3")
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("warning[I006]") && stderr.contains("latin1.txt"),
        "{stderr}"
    );
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let dir = scratch("huge");
    let path = dir.join("huge.txt");
    // A sparse 500 MB file: no disk is used, and tally must refuse it from its size alone.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(500 << 20)
        .unwrap();
    let path = path.display().to_string();
    let out = tally(&["extract", &path]);
    assert_eq!(out.status.code(), Some(PARTIAL));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("error[I004]")
            && stderr.contains("huge.txt")
            && stderr.contains("--max-doc-bytes"),
        "{stderr}"
    );
}

#[test]
fn directories_are_walked_recursively() {
    let dir = scratch("walk");
    std::fs::create_dir_all(dir.join("nested")).unwrap();
    write(&dir, "a.txt", ARTICLE.as_bytes());
    write(
        &dir.join("nested"),
        "b.md",
        b"# Second\n\nThe ministry said 40 people were killed.\n",
    );
    write(&dir, ".hidden.md", b"# Hidden\n\nNot read.\n");
    write(&dir, "convert.py", b"print('not an article')\n");
    write(&dir, "photo.png", b"\x89PNG not an article");
    let out = tally(&["extract", "--format", "jsonl", &dir.display().to_string()]);
    assert_eq!(out.status.code(), Some(0));
    let titles: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["title"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(titles, ["Troops sent to Kursk", "Second"]);
}

#[test]
fn flags_fill_and_override_metadata() {
    let dir = scratch("flags");
    let path = write(&dir, "story.txt", ARTICLE.as_bytes());
    let out = tally(&[
        "extract",
        "--published",
        "2024-12-18",
        "--url",
        "https://www.themoscowtimes.com/x",
        &path,
    ]);
    assert_eq!(out.status.code(), Some(0));
    let doc = stdout_json(&out);
    assert_eq!(doc["published"]["value"], "2024-12-18");
    assert_eq!(doc["published"]["source"], "user");
    assert_eq!(doc["publisher"], "The Moscow Times");
    // A value clap cannot check is bad usage like one it can (`--input-format docx`).
    let bad = tally(&["extract", "--published", "last tuesday", &path]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"last tuesday\""));
}

#[test]
fn a_directory_without_articles_is_said_to_have_none() {
    let dir = scratch("no-articles");
    write(&dir, "convert.py", b"print('not an article')\n");
    let out = tally(&["extract", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no articles in") && err.contains(".md"),
        "{err}"
    );
    // `tally ingest` says it too, for each such directory among its inputs.
    let db = dir.join("t.db");
    let out = tally(&[
        "ingest",
        "--db",
        db.to_str().unwrap(),
        dir.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(0));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: no articles in") && err.contains(".md"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    assert_eq!(tally(&["extract", "--nope", "x"]).status.code(), Some(2));
}

#[test]
fn out_of_range_query_numbers_are_usage_errors() {
    // Rejected before any database is opened, as the API rejects them (400).
    for args in [
        ["timeline", "--measure", "killed", "--window=-1"],
        ["timeline", "--measure", "killed", "--window=99999"],
        ["sources", "--limit", "0", "--json"],
    ] {
        let out = tally(&args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn a_short_tally_token_is_a_usage_error_before_serving() {
    let dir = scratch("short-token");
    let db = dir.join("t.db");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(["serve", "--port", "0", "--db", db.to_str().unwrap()])
        .env("TALLY_TOKEN", "short")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("TALLY_TOKEN is not a usable ingest token") && err.contains("16 characters"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn unknown_eval_suite_or_wrong_arguments_are_usage_errors() {
    let unknown = tally(&["eval", "nosuch", "x"]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("tally eval --help"));
    assert_eq!(tally(&["eval", "seed", "x"]).status.code(), Some(2));
}

#[test]
fn closed_pipe_is_not_an_error() {
    let dir = scratch("pipe");
    let paths: Vec<String> = (0..200)
        .map(|i| write(&dir, &format!("{i:03}.txt"), ARTICLE.as_bytes()))
        .collect();
    let mut args = vec![
        "extract".to_owned(),
        "--format".to_owned(),
        "jsonl".to_owned(),
    ];
    args.extend(paths);
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
