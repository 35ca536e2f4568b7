//! Robustness: no panic and spans that slice the body, on any input.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use proptest::prelude::*;
use tally_core::{Document, DocumentMeta, Extractor};
use tally_entities::EntityExtractor;

fn check(paragraphs: &[String]) {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    EntityExtractor::new().unwrap().run(&mut doc).unwrap();
    let mut all = Vec::new();
    for e in &doc.entities {
        assert!(!e.mentions.is_empty());
        for m in &e.mentions {
            m.check(&doc.body).unwrap();
            all.push((m.start, m.end));
        }
    }
    all.sort_unstable();
    for pair in all.windows(2) {
        assert!(pair[0].1 <= pair[1].0, "mentions overlap: {pair:?}");
    }
}

proptest! {
    #[test]
    fn any_text(paragraphs in prop::collection::vec("\\PC{0,120}", 0..4)) {
        check(&paragraphs);
    }

    #[test]
    fn name_like_text(paragraphs in prop::collection::vec(
        "((the|The|U\\.S\\.|Mr\\.|President|North|Korea|Russia's|Ukrainians|of|Bank|Inc\\.|Ministry|KIM|JONG|, a|, 49,|spokesman|'s|’s|\\.|\"|–|ÉCOLE|Zoë) ){0,30}", 0..4)) {
        check(&paragraphs);
    }
}

#[test]
fn long_input_is_linear_enough() {
    let paragraph =
        "President Joe Biden met North Korean envoys in Moscow, Mr. Smith of Acme Inc. said. ";
    let text = paragraph.repeat(20_000);
    let started = std::time::Instant::now();
    check(&[text]);
    assert!(
        started.elapsed().as_secs() < 20,
        "took {:?}",
        started.elapsed()
    );
}
