//! Regressions found by fuzzing (`fuzz/`, see docs/fuzzing.md), one test per bug.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.
use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

/// `fuzz blowup`: "officials said several hundred " repeated to 1 MB is one sentence with
/// 32,000 cues and no punctuation. Each cue's content ran to the sentence end, so time and
/// output grew with cues × words (out of memory past 2 GB). A content phrase now stops
/// after at most 500 words.
#[test]
fn a_sentence_of_many_cues_and_no_punctuation_gives_bounded_contents() {
    let text = "officials said several hundred ".repeat(3_000);
    let mut doc = Document::new(DocumentMeta::default(), [text.trim_end()]);
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    assert!(
        doc.attributions.len() > 1_000,
        "{} attributions",
        doc.attributions.len()
    );
    for attribution in &doc.attributions {
        for content in &attribution.content {
            // 500 words of at most 8 bytes and a space each.
            assert!(content.text.len() <= 4_500, "{} bytes", content.text.len());
        }
    }
}
