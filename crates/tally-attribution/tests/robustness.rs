//! Property tests: no panic, valid spans and bounded output on any input, including soups
//! of quotation marks, apostrophes and cue words.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.
use proptest::prelude::*;
use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

fn run(paragraphs: &[String]) -> Document {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc
}

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\"".to_owned()),
        Just("\u{201C}".to_owned()),
        Just("\u{201D}".to_owned()),
        Just("'".to_owned()),
        Just("\u{2018}".to_owned()),
        Just("\u{2019}".to_owned()),
        Just(" said ".to_owned()),
        Just(" according to ".to_owned()),
        Just(", adding that ".to_owned()),
        Just(" the official ".to_owned()),
        Just(" he ".to_owned()),
        Just(" and claimed ".to_owned()),
        Just(", who ".to_owned()),
        Just(" told reporters ".to_owned()),
        Just(" on condition of anonymity".to_owned()),
        Just(", ".to_owned()),
        Just(". ".to_owned()),
        Just(": ".to_owned()),
        Just(" \u{2014} ".to_owned()),
        Just("Smith".to_owned()),
        Just("U.S.".to_owned()),
        Just(" A senior ".to_owned()),
        "[a-zA-Z\u{e9}\u{4e2d} ]{0,8}",
    ]
}

fn soup() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::collection::vec(piece(), 0..30).prop_map(|v| v.concat()),
        1..5,
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn quote_soups_never_panic_and_spans_round_trip(paragraphs in soup()) {
        let doc = run(&paragraphs);
        for a in &doc.attributions {
            prop_assert!(a.cue.check(&doc.body).is_ok());
            prop_assert!(!a.content.is_empty());
            for c in &a.content {
                prop_assert!(c.check(&doc.body).is_ok());
                // Content never runs past the paragraph it starts in.
                let p = doc.paragraph_at(c.start);
                prop_assert!(p.is_some() && p == doc.paragraph_at(c.end.saturating_sub(1)));
            }
            if let Some(s) = &a.source {
                prop_assert!(s.check(&doc.body).is_ok());
            }
            if let Some(id) = &a.speaker_id {
                prop_assert!(doc.speakers.iter().any(|s| &s.id == id));
            }
        }
        for s in &doc.speakers {
            for m in &s.mentions {
                prop_assert!(m.check(&doc.body).is_ok());
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        let doc = run(&[text]);
        prop_assert!(doc.attributions.len() <= doc.body.len());
    }
}
