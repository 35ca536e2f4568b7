//! Bad input: absurd numbers and random text never overflow, panic, hang, or produce
//! non-finite values or broken spans.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::time::{Duration, Instant};

use proptest::prelude::*;
use tally_core::{Document, DocumentMeta, Extractor, Figure};
use tally_figures::{FigureExtractor, Recognizer};

fn extractor() -> &'static FigureExtractor {
    static EXTRACTOR: std::sync::OnceLock<FigureExtractor> = std::sync::OnceLock::new();
    EXTRACTOR.get_or_init(|| FigureExtractor::new().expect("bundled data parses"))
}

fn figures_of(text: &str) -> Vec<Figure> {
    let mut doc = Document::new(DocumentMeta::default(), [text]);
    tally_text::Segmenter.run(&mut doc).expect("segmenter");
    extractor().run(&mut doc).expect("figures");
    for f in &doc.figures {
        assert!(f.span.check(&doc.body).is_ok(), "span {:?}", f.span);
        for v in [f.low, f.best, f.high].into_iter().flatten() {
            assert!(v.is_finite(), "{v} in {:?}", f.span.text);
        }
        if let (Some(l), Some(h)) = (f.low, f.high) {
            assert!(l <= h, "low {l} > high {h} in {:?}", f.span.text);
        }
        assert!(doc.body.contains(&f.raw));
    }
    doc.figures
}

#[test]
fn absurd_numbers() {
    assert!(figures_of("The answer is 10^400 and 10^-400.").is_empty());
    let f = figures_of("They owe 999,999,999,999,999,999,999 dollars.");
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].low, Some(999_999_999_999_999_999_999.0));
    assert_eq!(f[0].unit.as_deref(), Some("USD"));
    let long = format!("Here are {} people.", "9".repeat(10_000));
    assert!(
        figures_of(&long).is_empty(),
        "a 10,000-digit number is no figure"
    );
    let grouped = format!("{} troops", ["999"; 3000].join(","));
    let _ = figures_of(&grouped);
    let _ = figures_of(&"1e999999999 ".repeat(100));
    let _ = figures_of(&"one hundred thousand million billion trillion ".repeat(200));
}

#[test]
fn dense_numbers_stay_linear() {
    // A megabyte of numbers, separators and number words: must finish quickly.
    let chunk = "1,2,3 4.5.6 7/8/9 10-11-12 $13bn 14% between 15 and 16 several hundred ";
    let text = chunk.repeat(1_000_000 / chunk.len());
    let start = Instant::now();
    let found = Recognizer::new().unwrap().recognize(&text);
    assert!(!found.is_empty());
    let _ = figures_of(&text);
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );
    // No separators at all: one long run of digits and commas.
    let run = "1,".repeat(200_000);
    let start = Instant::now();
    let _ = figures_of(&run);
    assert!(
        start.elapsed() < Duration::from_secs(30),
        "took {:?}",
        start.elapsed()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn random_text_never_panics(text in "\\PC{0,200}") {
        let _ = figures_of(&text);
    }

    #[test]
    fn number_like_text_never_panics(
        text in "([0-9]{1,30}|[,.^eE/%$€£-]|bn|k|million|several|hundreds|of|and|to|between|more than|a|half|dozen| ){0,40}"
    ) {
        let _ = figures_of(&text);
    }

    #[test]
    fn recognized_spans_are_in_bounds(text in "[0-9a-z ,.$%-]{0,120}") {
        for q in Recognizer::new().unwrap().recognize(&text) {
            prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
            prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            prop_assert!(q.span.start <= q.amount.start && q.amount.end <= q.span.end);
        }
    }
}

#[test]
fn a_bare_one_with_a_unit_counts_it() {
    let texts = |t: &str| -> Vec<String> { figures_of(t).into_iter().map(|f| f.raw).collect() };
    assert_eq!(texts("Sales fell one pct in March."), ["one pct"]);
    assert_eq!(texts("The town is one kilometre away."), ["one kilometre"]);
    assert!(texts("At one point the crowd cheered.").is_empty());
    assert!(texts("One of them said so.").is_empty());
}
