//! Prints the entities of plain-text files, one paragraph per blank-line block, or of
//! JSONL files (a `text` or `body` field per line, one document each):
//! `cargo run -p tally-entities --example entities -- FILE...`.
//!
//! One line per entity: id, type, name, parent and its mentions with their byte offsets,
//! so that two builds can be compared with `diff`.

use tally_core::{Document, DocumentMeta, Extractor};
use tally_entities::EntityExtractor;

fn print(
    extractor: &EntityExtractor,
    label: &str,
    text: &str,
) -> Result<(), Box<dyn std::error::Error>> {
    let mut doc = Document::new(DocumentMeta::default(), text.split("\n\n"));
    tally_text::Segmenter.run(&mut doc)?;
    extractor.run(&mut doc)?;
    println!("== {label}");
    for e in &doc.entities {
        let mentions: Vec<String> = e
            .mentions
            .iter()
            .map(|m| format!("{}@{}", m.text, m.start))
            .collect();
        let parent = e.parent.as_deref().unwrap_or("-");
        println!(
            "{:<14} {:<12?} {:<24} {parent:<4} {:?}",
            e.id, e.kind, e.name, mentions
        );
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = EntityExtractor::new()?;
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path)?;
        if !path.ends_with(".jsonl") {
            print(&extractor, &path, &text)?;
            continue;
        }
        for (n, line) in text.lines().enumerate() {
            let value: serde_json::Value = serde_json::from_str(line)?;
            let Some(body) = value
                .get("text")
                .or_else(|| value.get("body"))
                .and_then(|t| t.as_str())
            else {
                continue;
            };
            print(&extractor, &format!("{path}:{}", n + 1), body)?;
        }
    }
    Ok(())
}
