//! The real seed story, read from `../shared/seeds/` when it exists (skipped with a printed
//! reason otherwise: the story is not ours to redistribute).
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use tally_ingest::{IngestOptions, read};

fn seed() -> Option<PathBuf> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/seeds/000_03ebcc81c39aff76.txt");
    if path.exists() {
        Some(path)
    } else {
        eprintln!("skipped: the seed story is not at {}", path.display());
        None
    }
}

#[test]
fn seed_metadata_and_body() {
    let Some(path) = seed() else { return };
    let doc = read(&path, &IngestOptions::default())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    let meta = &doc.meta;
    assert_eq!(
        meta.title.as_deref(),
        Some("'Several Hundred' North Korean Casualties in Russia's Kursk – U.S. Official")
    );
    assert_eq!(meta.publisher.as_deref(), Some("The Moscow Times"));
    assert_eq!(meta.agency.as_deref(), Some("AFP"));
    assert_eq!(meta.byline.as_deref(), Some("AFP"));
    assert_eq!(meta.source_chain, ["AFP", "The Moscow Times"]);
    assert_eq!(meta.published.as_ref().unwrap().value(), "2024-12-18");
    assert_eq!(meta.photo_credits, ["KCNA VIA KNS / AFP"]);
    assert_eq!(meta.related.len(), 1);
    assert!(
        meta.related[0]
            .title
            .starts_with("Moscow Waging 'Intense' Counteroffensive")
    );
    assert!(meta.url.as_deref().unwrap().ends_with("us-official-a87380"));
    assert_eq!(meta.language.as_deref(), Some("en"));

    assert_eq!(doc.paragraphs.len(), 12);
    assert!(
        doc.body
            .starts_with("North Korean forces have suffered \"several hundred\"")
    );
    assert!(
        doc.body
            .ends_with("the official said on condition of anonymity.")
    );
    assert!(
        doc.body.contains("the remaining $5.6 billion"),
        "Markdown escapes are undone"
    );
    for banned in [
        "Related article",
        "Original url",
        "KCNA VIA KNS",
        "By AFP",
        "December 18, 2024",
    ] {
        assert!(
            !doc.body.contains(banned),
            "{banned:?} leaked into the body"
        );
    }
    for paragraph in &doc.paragraphs {
        assert_eq!(&doc.body[paragraph.range()], paragraph.text);
    }
}
