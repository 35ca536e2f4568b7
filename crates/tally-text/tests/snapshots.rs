//! Golden snapshots: each paragraph printed with carets under every sentence (S1, S2, ...)
//! or quotation (Q1, ...), for the seed article and for hard-case paragraphs.
//!
//! Review changes with `cargo insta review` (or `INSTA_UPDATE=always cargo test`).

use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use tally_core::{Document, DocumentMeta, Extractor};
use tally_text::{QuoteMarks, Segmenter, quotations, token_text};

/// Shows line breaks and tabs as one visible character each, so carets stay aligned.
fn visible(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\n' => '⏎',
            '\t' => '→',
            c => c,
        })
        .collect()
}

/// Prints each paragraph, then one caret line per labelled range inside it.
fn render(doc: &Document, ranges: &[(Range<usize>, String)]) -> String {
    let mut out = String::new();
    for (i, p) in doc.paragraphs.iter().enumerate() {
        let _ = writeln!(out, "¶{}", i + 1);
        let _ = writeln!(out, "{}", visible(&p.text));
        for (range, label) in ranges {
            let start = range.start.max(p.start);
            let end = range.end.min(p.end);
            if start >= end {
                continue;
            }
            let pad = doc.body[p.start..start].chars().count();
            let width = doc.body[start..end].chars().count();
            let _ = writeln!(out, "{}{} {label}", " ".repeat(pad), "^".repeat(width));
        }
    }
    out
}

fn sentences(doc: &Document) -> String {
    let ranges: Vec<_> = doc
        .sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (s.range(), format!("S{}", i + 1)))
        .collect();
    render(doc, &ranges)
}

fn quotes(doc: &Document) -> String {
    let ranges: Vec<_> = quotations(doc)
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let marks = match q.marks {
                QuoteMarks::Double => "double",
                QuoteMarks::Single => "single",
            };
            let closed = if q.is_closed() { "" } else { ", unclosed" };
            (
                q.range(),
                format!("Q{} {marks}, depth {}{closed}", i + 1, q.depth),
            )
        })
        .collect();
    render(doc, &ranges)
}

fn segmented(paragraphs: &[&str]) -> Document {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    Segmenter.run(&mut doc).expect("segmenter never fails");
    doc
}

/// The seed article through the real ingest, or `None` (with the reason printed) when the
/// shared seeds folder is absent.
fn seed() -> Option<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_03ebcc81c39aff76.txt");
    if !path.exists() {
        println!("skipped: seed article not found at {}", path.display());
        return None;
    }
    let mut records = tally_ingest::read(&path, &tally_ingest::IngestOptions::default())
        .expect("seed article reads");
    let mut doc = records.next().expect("one document").expect("seed parses");
    Segmenter.run(&mut doc).expect("segmenter never fails");
    Some(doc)
}

#[test]
fn seed_sentences() {
    let Some(doc) = seed() else { return };
    insta::assert_snapshot!(sentences(&doc));
}

#[test]
fn seed_quotations() {
    let Some(doc) = seed() else { return };
    insta::assert_snapshot!(quotes(&doc));
}

const HARD: &[&str] = &[
    "Lt. Col. John Smith of the U.S. Army met Kim J. Un on Dec. 18 at 5 p.m. in St. Louis. He left at 6 p.m. The talks, e.g. on aid, cost $5.6bn, or 1,200 times more.",
    r#"This "would include everything from... light wounds up to being KIA [killed in action]," the official said. "Why?" he asked. He said "no." Then he left."#,
    r#""These are not battle-hardened troops. They haven't been in combat before," the official said, adding that this was "likely."#,
    "“We will fight on. We will not yield,” he said. ‘Several Hundred’ is the estimate. Back in the ’90s, rock ’n’ roll ruled.",
    "BOGOTA, 24 OCT 88 (REUTER) -- GEN. MAXIMILIANO AGUILAR SAID TODAY THAT 12 SOLDIERS WERE KILLED. THE U.S. EMBASSY DID NOT COMMENT... MR. LOPEZ AGREED.",
    r#""We will fight in the fields. We will fight in the streets."#,
    r#""We will never surrender," he said. Write to press@example.org or see https://example.org/x."#,
];

#[test]
fn hard_case_sentences() {
    insta::assert_snapshot!(sentences(&segmented(HARD)));
}

#[test]
fn hard_case_quotations() {
    insta::assert_snapshot!(quotes(&segmented(HARD)));
}

#[test]
fn hard_case_tokens() {
    let doc = segmented(&[HARD[0], HARD[3]]);
    let mut out = String::new();
    for t in &doc.tokens {
        let kind = format!("{:?}", t.kind).to_lowercase();
        let _ = writeln!(out, "{:<16} {kind}", token_text(&doc, t));
    }
    insta::assert_snapshot!(out);
}
