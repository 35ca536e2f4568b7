//! Markdown and plain-text ingest (`tally_ingest::parse_str`) on any bytes, decoded lossily
//! as `tally extract` does, with `--published` and `--url` taken from the input's tail.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tally_fuzz::{check, params};
use tally_ingest::{Format, IngestOptions, parse_str};

fuzz_target!(|data: &[u8]| {
    let _ = Format::detect(Path::new("input"), data);
    let text = String::from_utf8_lossy(data);
    let options = IngestOptions {
        published: params::published(data),
        url: params::url(data),
        ..IngestOptions::default()
    };
    for format in [Format::Markdown, Format::Text] {
        if let Ok(doc) = parse_str(&text, format, "fuzz", &options) {
            check::document(&doc);
        }
    }
});
