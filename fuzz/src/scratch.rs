//! The file-reading formats (JSONL, WARC, feeds, gzip, sniffing) are reached through
//! `tally_ingest::read`, which takes a path: each input is written to one scratch file per
//! process (in `/dev/shm` when it exists, so no disk is touched) and read back.

use std::path::PathBuf;

use tally_core::Document;
use tally_ingest::{IngestError, IngestOptions};

/// Most records read from one input; a fuzz input holds far fewer, so reaching this means
/// the reader is not advancing.
const MAX_RECORDS: usize = 1_000_000;

fn scratch_path(name: &str) -> PathBuf {
    let dir = PathBuf::from("/dev/shm");
    let dir = if dir.is_dir() { dir } else { std::env::temp_dir() };
    dir.join(format!("tally-fuzz-{}-{name}", std::process::id()))
}

/// Writes `data` to a scratch file called `name` (its extension picks the format) and reads
/// every record.
///
/// # Panics
/// When the scratch file cannot be written, or the reader yields more than
/// [`MAX_RECORDS`] records.
pub fn read(data: &[u8], name: &str, options: &IngestOptions) -> Vec<Result<Document, IngestError>> {
    let path = scratch_path(name);
    std::fs::write(&path, data).expect("the scratch file is writable");
    let records = match tally_ingest::read(&path, options) {
        Ok(records) => records,
        Err(e) => return vec![Err(e)],
    };
    let mut out = Vec::new();
    for record in records {
        out.push(record);
        assert!(out.len() <= MAX_RECORDS, "the reader does not advance");
    }
    out
}
