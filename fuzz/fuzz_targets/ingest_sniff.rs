//! Format detection and gzip: the input is written to a scratch file without an extension,
//! so `tally_ingest::read` decides from the bytes (gzip magic, `WARC/`, `{`, `<rss`,
//! `<html`, Markdown, text) and every reader is reachable, compressed or not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_fuzz::{check, scratch};
use tally_ingest::IngestOptions;

fuzz_target!(|data: &[u8]| {
    for doc in scratch::read(data, "input", &IngestOptions::default())
        .iter()
        .flatten()
    {
        check::document(doc);
    }
});
