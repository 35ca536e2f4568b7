//! WARC records: HTML responses become documents, everything else is skipped.
//! The input is written to a scratch `.warc` file and read with `tally_ingest::read`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_fuzz::{check, scratch};
use tally_ingest::IngestOptions;

fuzz_target!(|data: &[u8]| {
    for doc in scratch::read(data, "input.warc", &IngestOptions::default())
        .iter()
        .flatten()
    {
        check::document(doc);
    }
});
