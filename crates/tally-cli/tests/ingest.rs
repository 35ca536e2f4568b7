//! `tally ingest` end to end over every input format and the bad inputs the issue lists:
//! each bad record is named, the batch goes on, nothing stored is lost, and a rerun adds
//! nothing. Then `search`, `timeline`, `sources` and `export` on the result.

use std::path::Path;

mod common;
use common::{gzip, run_into_closed_pipe, scratch, stderr, tally};

const PAGE: &str = r#"<!doctype html><html lang="en"><head><title>Kursk</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Casualties in Kursk","datePublished":"2024-12-18","author":{"name":"AFP"},"publisher":{"name":"The Moscow Times"}}</script>
</head><body><article><p>North Korean forces have suffered several hundred casualties fighting against Ukrainian troops in Russia's Kursk region, a senior U.S. military official said Tuesday.</p>
<p>Pyongyang has sent thousands of troops to reinforce Russia's war effort, including to the Kursk border region.</p></article></body></html>"#;

fn warc_record(id: usize, html: &str, declared: Option<usize>) -> Vec<u8> {
    let content = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{html}");
    let mut out = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{id}>\r\nWARC-Target-URI: https://site{id}.example/story\r\nContent-Length: {}\r\n\r\n",
        declared.unwrap_or(content.len())
    )
    .into_bytes();
    out.extend(content.as_bytes());
    out.extend(b"\r\n\r\n");
    out
}

fn corpus(dir: &Path) {
    std::fs::create_dir_all(dir.join("in/nested")).expect("dir");
    std::fs::write(dir.join("in/page.html"), PAGE).expect("write");
    std::fs::write(
        dir.join("in/dump.jsonl"),
        "{\"url\":\"https://a.example/1\",\"title\":\"Cocoa\",\"published\":\"1987-02-26\",\"text\":\"Showers continued throughout the week in the Bahia cocoa zone.\"}\n\
         {broken json\n\
         {\"url\":\"https://a.example/2\",\"text\":\"Café owners in Kyiv said prices rose.\"}\n",
    )
    .expect("write");
    let mut warc = warc_record(1, PAGE, Some(50));
    warc.extend(warc_record(
        2,
        &PAGE.replace("several hundred", "dozens of"),
        None,
    ));
    warc.extend(warc_record(
        3,
        &PAGE.replace("several hundred", "scores of"),
        None,
    ));
    let gz = gzip(&warc);
    std::fs::write(dir.join("in/nested/crawl.warc.gz"), &gz).expect("write");
    std::fs::write(dir.join("in/nested/truncated.warc.gz"), &gz[..gz.len() / 2]).expect("write");
    std::fs::write(
        dir.join("in/feed.rss"),
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example Wire</title>\
         <item><title>Aid</title><link>https://wire.example/aid</link><pubDate>Tue, 17 Dec 2024 08:00:00 GMT</pubDate>\
         <description>The ministry said 3,000 soldiers were killed or wounded.</description></item></channel></rss>",
    )
    .expect("write");
    // Invalid UTF-8 in a plain text file.
    std::fs::write(
        dir.join("in/latin1.txt"),
        b"Officials in Bogot\xe1 said the talks would resume.\n",
    )
    .expect("write");
}

#[test]
fn ingests_every_format_reports_bad_records_and_reruns_add_nothing() {
    let dir = scratch("formats");
    corpus(&dir);
    let db = dir.join("t.db");
    let (db_s, input) = (
        db.to_string_lossy().into_owned(),
        dir.join("in").to_string_lossy().into_owned(),
    );
    let out = tally(&["ingest", &input, "--db", &db_s]);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "some records failed: {err}");
    assert!(err.contains("dump.jsonl: line 2: invalid JSON"), "{err}");
    assert!(
        err.contains("crawl.warc.gz: record 1 <urn:uuid:1>"),
        "{err}"
    );
    assert!(err.contains("truncated.warc.gz: record"), "{err}");
    assert!(
        err.contains("warning[I006]"),
        "invalid UTF-8 is a warning: {err}"
    );
    assert!(err.contains("tally: ingested"), "{err}");

    let count = |sql: &str| rusqlite_count(&db, sql);
    let docs = count("SELECT count(*) FROM documents");
    // page.html, 2 JSONL lines, 2 good WARC records, at least 0 from the truncated copy,
    // 1 feed item, latin1.txt.
    assert!(docs >= 7, "{docs} documents");
    assert!(count("SELECT count(*) FROM errors") >= 3);
    let formats = count("SELECT count(DISTINCT origin_format) FROM documents");
    assert_eq!(formats, 5, "html, jsonl, warc, feed, text");

    let again = tally(&["ingest", &input, "--db", &db_s]);
    assert!(stderr(&again).contains("(0 new"), "{}", stderr(&again));
    assert_eq!(count("SELECT count(*) FROM documents"), docs);

    let search = tally(&["search", "kursk", "--db", &db_s, "--json"]);
    assert!(search.status.success());
    assert!(String::from_utf8_lossy(&search.stdout).lines().count() >= 2);
    let sources = tally(&["sources", "--db", &db_s]);
    let text = String::from_utf8_lossy(&sources.stdout);
    assert!(
        text.contains("cluster"),
        "the page and its WARC copies cluster: {text}"
    );
    let timeline = tally(&["timeline", "--measure", "casualties", "--db", &db_s]);
    assert!(timeline.status.success(), "{}", stderr(&timeline));
    for (format, table) in [
        ("jsonl", "documents"),
        ("csv", "figures"),
        ("parquet", "claims"),
    ] {
        let file = dir.join(format!("out.{format}"));
        let out = tally(&[
            "export",
            "--format",
            format,
            "--table",
            table,
            "--db",
            &db_s,
            "-o",
            &file.to_string_lossy(),
        ]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(std::fs::metadata(&file).expect("written").len() > 0);
    }
    let missing = tally(&[
        "search",
        "x",
        "--db",
        &dir.join("none.db").to_string_lossy(),
    ]);
    assert!(stderr(&missing).contains("no database at"));
    let _ = std::fs::remove_dir_all(&dir);
}

fn rusqlite_count(db: &Path, sql: &str) -> i64 {
    let store = tally_store::Store::open_read_only(db).expect("db opens");
    store
        .connection()
        .query_row(sql, [], |r| r.get(0))
        .expect("query")
}

/// `--replace` re-extracts documents already stored (a pipeline upgrade): the rerun skips
/// neither the finished input nor its documents, and the store keeps one copy of each.
#[test]
fn replace_re_extracts_stored_documents() {
    let dir = scratch("replace");
    let page = dir.join("page.html");
    std::fs::write(&page, PAGE).expect("write");
    let db = dir.join("t.db");
    let (db_arg, page_arg) = (db.to_str().unwrap_or(""), page.to_str().unwrap_or(""));
    let first = tally(&["ingest", "--db", db_arg, page_arg]);
    assert!(first.status.success(), "{}", stderr(&first));
    let rerun = tally(&["ingest", "--db", db_arg, page_arg]);
    assert!(
        stderr(&rerun).contains("1 input skipped as done"),
        "{}",
        stderr(&rerun)
    );
    let replaced = tally(&["ingest", "--replace", "--db", db_arg, page_arg]);
    let log = stderr(&replaced);
    assert!(replaced.status.success(), "{log}");
    assert!(
        log.contains("1 replaced") && log.contains("0 inputs skipped"),
        "{log}"
    );
    assert_eq!(rusqlite_count(&db, "SELECT count(*) FROM documents"), 1);
    let _ = std::fs::remove_dir_all(&dir);
}

/// `tally export | head -1`: a reader that stops early is not an export failure.
#[test]
fn export_into_a_closed_pipe_succeeds() {
    let dir = scratch("export-pipe");
    let line = |i: usize| {
        let text = format!("Officials said {i} people were evacuated from the valley. ").repeat(20);
        format!(
            "{{\"url\":\"https://a.example/{i}\",\"published\":\"2024-12-18\",\"text\":\"{text}\"}}\n"
        )
    };
    let dump = dir.join("dump.jsonl");
    std::fs::write(&dump, (0..150).map(line).collect::<String>()).expect("write");
    let db = dir.join("t.db");
    let (db_arg, dump_arg) = (db.to_str().unwrap_or(""), dump.to_str().unwrap_or(""));
    assert!(
        tally(&["ingest", "-q", "--db", db_arg, dump_arg])
            .status
            .success()
    );
    let out = run_into_closed_pipe(&[
        "export",
        "--db",
        db_arg,
        "--table",
        "documents",
        "--format",
        "jsonl",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A user upgrades tally and asks last month's database (schema version 3) for a timeline:
/// the query commands upgrade the file on open, say so once, and answer.
#[test]
fn query_commands_upgrade_an_older_database() {
    let dir = scratch("upgrade");
    std::fs::write(dir.join("page.html"), PAGE).expect("write");
    let db = dir.join("t.db");
    let db_s = db.to_string_lossy().into_owned();
    let out = tally(&[
        "ingest",
        &dir.join("page.html").to_string_lossy(),
        "--db",
        &db_s,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    // Back to version 3: migrations 8, 6, 5 and 4 undone (7 has no SQL).
    tally_store::Store::open(&db)
        .expect("db opens")
        .connection()
        .execute_batch(
            "ALTER TABLE documents DROP COLUMN dateline;
             DROP TABLE claims_fts;
             CREATE VIRTUAL TABLE claims_fts USING fts5(
                 content, claimant_name, content = 'claims', content_rowid = 'pk',
                 tokenize = 'unicode61 remove_diacritics 2');
             INSERT INTO claims_fts (claims_fts) VALUES ('rebuild');
             ALTER TABLE claims DROP COLUMN names;
             DROP INDEX figures_timeline;
             CREATE INDEX figures_timeline ON figures(
                 measure, subject_entity, date, place_entity, place_text, subject_text,
                 claim_pk, low, best, high, open_high, unit, raw, hedges);
             ALTER TABLE figures DROP COLUMN agent_entity;
             ALTER TABLE figures DROP COLUMN agent_text;
             PRAGMA user_version = 3;",
        )
        .expect("downgrade");
    let timeline = || tally(&["timeline", "--measure", "casualties", "--db", &db_s]);
    let first = timeline();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains(&format!(
            "upgraded {db_s} from store schema version 3 to {}",
            tally_store::schema::SCHEMA_VERSION
        )),
        "{}",
        stderr(&first)
    );
    assert!(String::from_utf8_lossy(&first.stdout).contains("several hundred"));
    let second = timeline();
    assert_eq!(first.stdout, second.stdout);
    assert!(!stderr(&second).contains("upgraded"), "said once");
    for args in [
        &["search", "Kursk"][..],
        &["sources"],
        &["export", "--table", "figures"],
    ] {
        let out = tally(&[args, &["--db", &db_s]].concat());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert!(!out.stdout.is_empty(), "{args:?}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
