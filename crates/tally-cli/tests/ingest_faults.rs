//! `tally ingest` on the bad inputs not covered by `tests/ingest.rs` (truncated
//! gzip, a WARC record of the wrong length, invalid UTF-8 in plain text): invalid UTF-8 in
//! every other format, a gzip bomb, a 100 MB JSON line and a huge XML entity. Each is named
//! in the log and in the `errors` table or warned about (or, the entity, left unexpanded),
//! and the rest of the batch is stored.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::{gzip, scratch, stderr, tally};

/// The first column of `sql`'s rows, as text.
fn query(db: &Path, sql: &str) -> Vec<String> {
    let store = tally_store::Store::open_read_only(db).expect("db opens");
    let mut st = store.connection().prepare(sql).expect("prepares");
    st.query_map([], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows")
}

/// "Bogotá" in Latin-1: one byte (0xE1) that is no UTF-8.
const LATIN1_PLACE: &[u8] = b"Bogot\xe1";

fn with_latin1(template: &str) -> Vec<u8> {
    let mut out = Vec::new();
    for (i, part) in template.split("{place}").enumerate() {
        if i > 0 {
            out.extend(LATIN1_PLACE);
        }
        out.extend(part.as_bytes());
    }
    out
}

/// A sentence of its own for each file: two files with one text are one document.
fn sentence(killed: u32) -> String {
    format!("Officials in {{place}} said {killed} people were killed in the attack on Tuesday.")
}

fn warc_gz(html: &[u8]) -> Vec<u8> {
    let mut content = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".to_vec();
    content.extend(html);
    let mut record = format!(
        "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:7>\r\nWARC-Target-URI: https://crawl.example/story\r\nContent-Length: {}\r\n\r\n",
        content.len()
    )
    .into_bytes();
    record.extend(content);
    record.extend(b"\r\n\r\n");
    gzip(&record)
}

/// Every format with a Latin-1 byte in its text: each is decoded with replacement
/// characters and a warning naming the file (and line, or byte of a feed), and the
/// document is stored. A feed whose XML declaration names ISO-8859-1 is decoded in it, with
/// no replacement and no warning.
#[test]
fn invalid_utf8_in_every_format_is_named_and_the_batch_goes_on() {
    let dir = scratch("utf8");
    let input = dir.join("in");
    std::fs::create_dir_all(&input).expect("dir");
    let page = with_latin1(&format!(
        "<!doctype html><html><head><title>{{place}}</title></head><body><article><p>{}</p></article></body></html>",
        sentence(40)
    ));
    let files: [(&str, Vec<u8>); 7] = [
        ("page.html", page),
        (
            "dump.jsonl",
            with_latin1(&format!(
                "{{\"url\":\"https://a.example/1\",\"text\":\"{}\"}}\n",
                sentence(42)
            )),
        ),
        // Another story than the page's: a copy of it would be stored once.
        (
            "crawl.warc.gz",
            warc_gz(&with_latin1(&format!(
                "<!doctype html><html><body><article><p>{}</p></article></body></html>",
                sentence(41)
            ))),
        ),
        (
            "note.md",
            with_latin1(&format!("# {{place}}\n\n{}\n", sentence(43))),
        ),
        (
            "wire.rss",
            with_latin1(&format!(
                "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>{{place}}</title><link>https://wire.example/rss</link><description>{}</description></item></channel></rss>",
                sentence(44)
            )),
        ),
        (
            "wire.atom",
            with_latin1(&format!(
                "<?xml version=\"1.0\" encoding=\"utf-8\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Wire</title><entry><title>{{place}}</title><link href=\"https://wire.example/atom\"/><id>urn:x</id><updated>2024-12-17T08:00:00Z</updated><content type=\"text\">{}</content></entry></feed>",
                sentence(45)
            )),
        ),
        (
            "latin1.rss",
            with_latin1(&format!(
                "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Wire</title><item><title>{{place}}</title><link>https://wire.example/latin1</link><description>{}</description></item></channel></rss>",
                sentence(46)
            )),
        ),
    ];
    for (name, bytes) in &files {
        std::fs::write(input.join(name), bytes).expect("write");
    }
    let db = dir.join("t.db");
    let out = tally(&[
        "ingest",
        &input.to_string_lossy(),
        "--db",
        &db.to_string_lossy(),
    ]);
    let log = stderr(&out);
    assert!(out.status.success(), "{log}");
    for name in [
        "page.html",
        "dump.jsonl: line 1",
        "note.md",
        "wire.rss: invalid UTF-8 at byte 86",
        "wire.atom: invalid UTF-8 at byte 118",
    ] {
        assert!(
            log.contains(&format!("warning[I006]: {}", input.join(name).display())),
            "{name}: {log}"
        );
    }
    assert!(
        log.contains("crawl.warc.gz") && log.contains("I006"),
        "{log}"
    );
    let formats = query(
        &db,
        "SELECT d.origin_format FROM documents d JOIN document_text t ON t.pk = d.pk
         WHERE instr(t.body, char(65533)) > 0 ORDER BY d.origin_format",
    );
    assert_eq!(
        formats,
        ["feed", "feed", "html", "jsonl", "markdown", "warc"]
    );
    assert!(!log.contains("latin1.rss"), "{log}");
    let titles = query(
        &db,
        "SELECT title FROM documents WHERE url = 'https://wire.example/latin1'",
    );
    assert_eq!(titles, ["Bogotá"]);
    let errors = query(&db, "SELECT path FROM errors");
    assert!(errors.is_empty(), "{errors:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A gzip bomb (96 MiB of spaces in about 100 KB) and a JSON line of 100 MB on standard
/// input: each is an error naming its input and line, what came before it is stored, and
/// the line after the oversized one is read.
#[test]
fn a_gzip_bomb_and_a_100_mb_line_are_errors_and_the_rest_is_stored() {
    let dir = scratch("bomb");
    let line = |i: usize, place: &str| {
        format!(
            "{{\"url\":\"https://a.example/{i}\",\"text\":\"Officials in {place} said {i} people were hurt.\"}}\n"
        )
    };
    let mut bomb = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    bomb.write_all(line(1, "Lima").as_bytes())
        .expect("in memory");
    let spaces = vec![b' '; 1 << 20];
    for _ in 0..96 {
        bomb.write_all(&spaces).expect("in memory");
    }
    std::fs::write(dir.join("bomb.jsonl.gz"), bomb.finish().expect("in memory")).expect("write");
    std::fs::write(dir.join("ok.jsonl"), line(2, "Quito")).expect("write");

    let db = dir.join("t.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_tally"))
        .args(["ingest", "-", &dir.to_string_lossy(), "--db"])
        .arg(&db)
        .stdin(Stdio::piped())
        .stderr(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .expect("tally runs");
    let mut stdin = child.stdin.take().expect("piped");
    let writer = std::thread::spawn(move || -> std::io::Result<()> {
        stdin.write_all(line(3, "Cusco").as_bytes())?;
        stdin.write_all(b"{\"text\":\"")?;
        let chunk = vec![b'a'; 1 << 20];
        for _ in 0..100 {
            stdin.write_all(&chunk)?;
        }
        stdin.write_all(b"\"}\n")?;
        stdin.write_all(line(4, "Arequipa").as_bytes())
    });
    let out = child.wait_with_output().expect("tally ends");
    writer
        .join()
        .expect("writer")
        .expect("tally reads all of stdin");
    let log = stderr(&out);
    assert_eq!(out.status.code(), Some(3), "{log}");
    assert!(
        log.contains("-: line 2: 104857612 bytes is more than"),
        "{log}"
    );
    assert!(
        log.contains("bomb.jsonl.gz: line 2: gzip expands past") && log.contains("bomb"),
        "{log}"
    );
    let urls = query(&db, "SELECT url FROM documents ORDER BY url");
    let want = [1, 2, 3, 4].map(|i| format!("https://a.example/{i}"));
    assert_eq!(urls, want, "{log}");
    let errors = query(&db, "SELECT record FROM errors ORDER BY path");
    assert_eq!(errors, ["line 2", "line 2"], "{log}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A feed whose DTD declares an 8 MiB entity, referenced 100 times in an item's title: the
/// entity is never expanded (800 MiB if it were), the item is stored with the references
/// as written, and the rest of the item is read.
#[test]
fn a_huge_xml_entity_is_not_expanded() {
    let dir = scratch("entity");
    let feed = dir.join("huge.rss");
    let big = "A".repeat(8 << 20);
    let refs = "&big;".repeat(100);
    std::fs::write(
        &feed,
        format!(
            "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"{big}\">]>\n\
             <rss version=\"2.0\"><channel><title>Wire</title><item><title>{refs}</title>\
             <link>https://wire.example/x</link><description>Officials in Lima said 12 people \
             were hurt in the blast on Monday.</description></item></channel></rss>"
        ),
    )
    .expect("write");
    let db = dir.join("t.db");
    let out = tally(&[
        "ingest",
        &feed.to_string_lossy(),
        "--db",
        &db.to_string_lossy(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let titles = query(&db, "SELECT title FROM documents");
    assert_eq!(titles, [refs], "stored unexpanded");
    let urls = query(&db, "SELECT url FROM documents");
    assert_eq!(urls, ["https://wire.example/x"]);
    let _ = std::fs::remove_dir_all(&dir);
}
