//! Regressions found by fuzzing (`fuzz/`, see docs/fuzzing.md), one test per bug.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.
use std::time::{Duration, Instant};

use tally_core::{Document, DocumentMeta, Extractor};
use tally_times::TimeExtractor;

/// `fuzz blowup`: "S32820" repeated to 1 MB is one word of letters and digits. Every time-like digit run
/// in it snapped its window end to the next whitespace by scanning to the paragraph end, so
/// the cost was triggers × length (over 100 s). The same text with spaces, for scale, must
/// take about as long. The allowance is wide (2 s on a 240 kB text, debug build, busy
/// machine) since the bug it guards against took minutes.
#[test]
fn a_paragraph_without_whitespace_costs_linear_time() {
    let extractor = TimeExtractor::new().unwrap();
    let time = |text: String| {
        let mut doc = Document::new(DocumentMeta::default(), [text]);
        tally_text::Segmenter.run(&mut doc).unwrap();
        let started = Instant::now();
        extractor.run(&mut doc).unwrap();
        started.elapsed()
    };
    let glued = time("S32820".repeat(40_000));
    let spaced = time("S32820 ".repeat(40_000));
    assert!(
        glued < spaced * 10 + Duration::from_secs(2),
        "glued {glued:?}, spaced {spaced:?}"
    );
}
