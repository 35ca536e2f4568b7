//! Writes the MEANTIME texts the `entities` suite scores, one JSON line per article
//! (`{"doc", "text"}`), for peers to run on (see `bench/peers/spacy_entities.py`):
//! `cargo run -p tally-eval --example entity_texts -- DIR > texts.jsonl`.

use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let mut out = std::io::stdout().lock();
    for line in tally_eval::entity_texts(&paths)? {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
