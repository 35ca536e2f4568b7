//! RSS 2.0 and Atom feeds (the reader sniffs which): one document per item.
//! The input is written to a scratch `.rss` file and read with `tally_ingest::read`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tally_fuzz::{check, scratch};
use tally_ingest::IngestOptions;

fuzz_target!(|data: &[u8]| {
    for doc in scratch::read(data, "input.rss", &IngestOptions::default())
        .iter()
        .flatten()
    {
        check::document(doc);
    }
});
