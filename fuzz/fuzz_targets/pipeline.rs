//! The full built-in pipeline (segmentation, figures, times, entities, attribution,
//! claims) on any text, twice: once after Markdown or text ingest, as `tally extract` runs
//! it, and once on raw paragraphs (split at blank lines, nothing normalized), so extractors
//! also see what ingest would have cleaned. The publication date comes from the input's
//! tail and includes 0001, 9999 and jiff's limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_core::{Document, DocumentMeta};
use tally_fuzz::{check, params, pipeline};
use tally_ingest::{Format, IngestOptions, parse_str};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let published = params::published(data);
    let format = if data.first().is_some_and(|b| b & 1 == 1) {
        Format::Markdown
    } else {
        Format::Text
    };
    let options = IngestOptions {
        published: published.clone(),
        ..IngestOptions::default()
    };
    if let Ok(mut doc) = parse_str(&text, format, "fuzz", &options) {
        // An extractor error is a reported failure, not a crash; the layers must still hold.
        let _ = pipeline().run(&mut doc);
        check::document(&doc);
    }
    let meta = DocumentMeta {
        published,
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, text.split("\n\n"));
    let _ = pipeline().run(&mut doc);
    check::document(&doc);
});
