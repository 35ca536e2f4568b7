//! Hangs and quadratic blow-ups: a short fuzzed unit is repeated to about 1 MB and run
//! through ingest and the full pipeline. Run with `-max_len=64 -timeout=2`: any input
//! that takes seconds on 1 MB is a time bug, whatever the unit.
//!
//! The first byte picks the route: text or Markdown ingest then the pipeline, raw
//! paragraphs then the pipeline, an HTML page, or a one-line JSONL record.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_core::{Document, DocumentMeta};
use tally_fuzz::{params, pipeline, scratch};
use tally_ingest::{Format, IngestOptions, parse_str};

/// Size of the repeated text.
const SIZE: usize = 1 << 20;

fuzz_target!(|data: &[u8]| {
    let Some((&route, unit)) = data.split_first() else {
        return;
    };
    let unit = String::from_utf8_lossy(unit);
    if unit.is_empty() {
        return;
    }
    let text = unit.repeat(SIZE / unit.len() + 1);
    let options = IngestOptions {
        published: params::published(data),
        ..IngestOptions::default()
    };
    match route % 5 {
        0 | 1 => {
            let format = if route % 5 == 0 { Format::Text } else { Format::Markdown };
            if let Ok(mut doc) = parse_str(&text, format, "fuzz", &options) {
                // No `check::document` here: on 1 MB it builds and compares JSON trees of
                // hundreds of thousands of spans, which took longer than the pipeline
                // itself and made linear runs time out. The `pipeline` target checks the
                // invariants; this one is for time.
                let _ = pipeline().run(&mut doc);
            }
        }
        2 => {
            let meta = DocumentMeta {
                published: options.published,
                ..DocumentMeta::default()
            };
            let mut doc = Document::new(meta, text.split("\n\n"));
            let _ = pipeline().run(&mut doc);
        }
        3 => {
            let _ = parse_str(&text, Format::Html, "fuzz.html", &options);
        }
        _ => {
            let line = serde_json::json!({ "title": "t", "text": text }).to_string();
            let _ = scratch::read(line.as_bytes(), "input.jsonl", &options);
        }
    }
});
