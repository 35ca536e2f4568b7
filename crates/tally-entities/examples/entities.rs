//! Prints the entities of plain-text files, one paragraph per blank-line block:
//! `cargo run -p tally-entities --example entities -- FILE...`.

use tally_core::{Document, DocumentMeta, Extractor};
use tally_entities::EntityExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = EntityExtractor::new()?;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        let mut doc = Document::new(DocumentMeta::default(), text.split("\n\n"));
        tally_text::Segmenter.run(&mut doc)?;
        extractor.run(&mut doc)?;
        for e in &doc.entities {
            let mentions: Vec<&str> = e.mentions.iter().map(|m| m.text.as_str()).collect();
            let parent = e.parent.as_deref().unwrap_or("-");
            println!(
                "{:<14} {:<12?} {:<24} {parent:<4} {:?}",
                e.id, e.kind, e.name, mentions
            );
        }
    }
    Ok(())
}
