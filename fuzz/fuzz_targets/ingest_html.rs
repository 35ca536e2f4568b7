//! HTML pages (readability, JSON-LD, OpenGraph, meta tags) on any bytes.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_fuzz::{check, params};
use tally_ingest::{Format, IngestOptions, parse_str};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let options = IngestOptions {
        url: params::url(data),
        ..IngestOptions::default()
    };
    if let Ok(doc) = parse_str(&text, Format::Html, "fuzz.html", &options) {
        check::document(&doc);
    }
});
