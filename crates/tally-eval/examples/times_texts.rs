//! Writes the texts the `times` suite scores (TimeML `.tml` and MEANTIME `.xml` files under
//! the given paths), one JSON line per document (`{"doc", "text", "published"}`, the DCT's
//! date as "published"), for peers to run on (see `bench/peers/peers.py predict times`):
//! `cargo run -p tally-eval --example times_texts -- DIR... > texts.jsonl`.

use std::io::Write;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let mut out = std::io::stdout().lock();
    for line in tally_eval::times_texts(&paths)? {
        writeln!(out, "{line}")?;
    }
    Ok(())
}
