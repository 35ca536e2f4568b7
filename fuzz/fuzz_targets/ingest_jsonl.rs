//! JSON Lines: one article per line, bad lines reported and skipped.
//! The input is written to a scratch `.jsonl` file and read with `tally_ingest::read`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_fuzz::{check, scratch};
use tally_ingest::IngestOptions;

fuzz_target!(|data: &[u8]| {
    for doc in scratch::read(data, "input.jsonl", &IngestOptions::default())
        .iter()
        .flatten()
    {
        check::document(doc);
    }
});
