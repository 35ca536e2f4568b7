//! Robustness: on any paragraphs (quote-mark soups, multi-byte text, stray punctuation)
//! the segmenter and the quote finder never panic, and every span they produce is sound.

use proptest::prelude::*;
use tally_core::{Document, DocumentMeta, Extractor, Span};
use tally_text::{Segmenter, quotations};

/// Text built from pieces that stress the rules: quote marks of every kind, abbreviations,
/// terminals, multi-byte letters and spaces.
fn tricky_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("\"".to_owned()),
        Just("'".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("‘".to_owned()),
        Just("’".to_owned()),
        Just("«".to_owned()),
        Just("»".to_owned()),
        Just("„".to_owned()),
        Just("''".to_owned()),
        Just("``".to_owned()),
        Just("`".to_owned()),
        Just(". ".to_owned()),
        Just("...".to_owned()),
        Just("…".to_owned()),
        Just("? ".to_owned()),
        Just("U.S. ".to_owned()),
        Just("Gen. ".to_owned()),
        Just("No.".to_owned()),
        Just("J. ".to_owned()),
        Just("5.6".to_owned()),
        Just("1,200".to_owned()),
        Just("'90s".to_owned()),
        Just("haven't".to_owned()),
        Just("https://x.org/a. ".to_owned()),
        Just("a@b.cd".to_owned()),
        Just(" ".to_owned()),
        Just("\n".to_owned()),
        Just("\u{a0}".to_owned()),
        Just("Київ".to_owned()),
        Just("é\u{301}".to_owned()),
        Just("[x]".to_owned()),
        "[A-Za-z]{1,6}",
        "\\PC{1,3}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.concat())
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(prop_oneof![tricky_text(), "\\PC{0,60}"], 1..5)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn segmentation_invariants(paragraphs in paragraphs()) {
        let mut doc = Document::new(DocumentMeta::default(), &paragraphs);
        Segmenter.run(&mut doc).unwrap();
        let body = &doc.body;

        // Sentences round-trip, lie inside paragraphs, in order, without overlap.
        let mut last_end = 0;
        for s in &doc.sentences {
            prop_assert!(s.check(body).is_ok(), "bad sentence span {s:?}");
            prop_assert!(!s.is_empty());
            prop_assert!(s.start >= last_end, "sentences out of order or overlapping");
            last_end = s.end;
            let p = doc.paragraph_at(s.start).expect("sentence start in a paragraph");
            prop_assert!(doc.paragraphs[p].contains(s), "sentence crosses a paragraph");
            prop_assert!(!s.text.starts_with(char::is_whitespace));
            prop_assert!(!s.text.ends_with(char::is_whitespace));
        }

        // Every non-space character of every paragraph is in a sentence.
        for p in &doc.paragraphs {
            for (i, c) in p.text.char_indices() {
                if !c.is_whitespace() {
                    let at = p.start + i;
                    prop_assert!(doc.sentence_at(at).is_some(), "{c:?} at {at} in no sentence");
                }
            }
        }

        // Tokens are sound, ordered, inside sentences, and cover every non-space character.
        let mut last_end = 0;
        for t in &doc.tokens {
            let text = body.get(t.range());
            prop_assert!(text.is_some_and(|x| !x.is_empty()), "bad token {t:?}");
            prop_assert!(t.start >= last_end);
            last_end = t.end;
            let s = doc.sentence_at(t.start).expect("token in a sentence");
            prop_assert!(doc.sentences[s].end >= t.end, "token crosses a sentence end");
        }
        let covered: usize = doc.tokens.iter().map(|t| t.end - t.start).sum();
        let non_space: usize = doc
            .paragraphs
            .iter()
            .flat_map(|p| p.text.chars())
            .filter(|c| !c.is_whitespace())
            .map(char::len_utf8)
            .sum();
        prop_assert_eq!(covered, non_space);
    }

    /// Paragraph spans that ingest would never produce (overlapping, reversed, out of
    /// bounds, inside a character) are skipped, never trusted.
    #[test]
    fn bad_paragraph_spans_do_not_panic(
        body in tricky_text(),
        ranges in prop::collection::vec((0usize..200, 0usize..200), 0..6),
    ) {
        let mut doc = Document::new(DocumentMeta::default(), [body.as_str()]);
        doc.paragraphs = ranges
            .iter()
            .map(|&(start, end)| Span { start, end, text: String::new() })
            .collect();
        Segmenter.run(&mut doc).unwrap();
        for s in &doc.sentences {
            prop_assert!(s.check(&doc.body).is_ok());
        }
        for q in quotations(&doc) {
            for s in &q.content {
                prop_assert!(s.check(&doc.body).is_ok());
            }
        }
    }

    #[test]
    fn quotation_invariants(paragraphs in paragraphs()) {
        let doc = Document::new(DocumentMeta::default(), &paragraphs);
        let quotes = quotations(&doc);
        let mut last_open = 0;
        for q in &quotes {
            prop_assert!(q.open >= last_open, "quotations out of order");
            last_open = q.open;
            prop_assert!(!q.content.is_empty());
            prop_assert_eq!(q.content.len(), q.reopen.len() + 1);
            for s in &q.content {
                prop_assert!(s.check(&doc.body).is_ok());
            }
            // Bounded by its paragraph unless continued: one paragraph per content span.
            let first = doc.paragraph_at(q.open).expect("open mark in a paragraph");
            let last = doc.paragraph_at(q.end - 1).expect("end in a paragraph");
            prop_assert_eq!(last - first, q.reopen.len());
            if let Some(close) = q.close {
                prop_assert!(close < q.end && close >= q.content.last().unwrap().end);
            }
        }
    }
}

/// Long adversarial paragraphs: each would take quadratic time (or worse) if any rule
/// rescanned text or copied it per mark. A regression shows up as a test that never ends.
#[test]
fn adversarial_paragraphs_finish() {
    let n = 40_000;
    let cases = [
        "\"".repeat(n),
        "'".repeat(n),
        "“".repeat(n),
        "‘a ".repeat(n),
        ". ".repeat(n),
        "a. ((((".repeat(n / 4),
        "www.".repeat(n),
        "http://".repeat(n),
        "x@".repeat(n),
        "1,2".repeat(n),
        "U.S.".repeat(n),
        "'90s ".repeat(n / 2),
        "…“".repeat(n),
        format!("{}{}", "“".repeat(n), "”".repeat(n)),
    ];
    for text in &cases {
        let mut doc = Document::new(DocumentMeta::default(), [text.as_str(), text.as_str()]);
        Segmenter.run(&mut doc).expect("segmenter never fails");
        assert!(doc.sentences.iter().all(|s| s.check(&doc.body).is_ok()));
        let _ = quotations(&doc);
    }
}
