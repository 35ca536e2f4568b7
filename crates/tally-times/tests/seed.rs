//! The seed article's times (see `example-seed.json`), when the shared seed is present.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
use tally_times::TimeExtractor;

#[test]
fn seed_times() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seeds/000_03ebcc81c39aff76.txt"
    );
    let Ok(text) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {path} is absent");
        return;
    };
    let meta = DocumentMeta {
        published: Some(Published::date(
            "2024-12-18".parse().unwrap(),
            PublishedSource::Metadata,
        )),
        ..DocumentMeta::default()
    };
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let mut doc = Document::new(meta, paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    TimeExtractor::new().unwrap().run(&mut doc).unwrap();
    let found: Vec<(String, String)> = doc
        .times
        .iter()
        .map(|t| (t.raw.clone(), t.value.clone()))
        .collect();
    for t in &doc.times {
        eprintln!("{:?} {:?} {} {:?}", t.raw, t.kind, t.value, t.modifier);
    }
    for (raw, value) in [
        ("December 18, 2024", "2024-12-18"),
        ("Tuesday", "2024-12-17"),
        ("earlier this year", "2024"),
        ("over several days", "PXD"),
        ("February 2022", "2022-02"),
        ("June", "2024-06"),
        ("earlier this month", "2024-12"),
        ("next month", "2025-01"),
        ("within hours", "PTXH"),
    ] {
        assert!(
            found.iter().any(|(r, v)| r == raw && v == value),
            "{raw} -> {value} missing from {found:?}"
        );
    }
}
