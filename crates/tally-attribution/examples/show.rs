//! Prints the attributions and speakers of an article (a text file of paragraphs separated
//! by blank lines) after the segmenter: `cargo run -p tally-attribution --example show FILE`.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: show FILE")?;
    let text = std::fs::read_to_string(path)?;
    let mut doc = Document::new(DocumentMeta::default(), text.split("\n\n"));
    tally_text::Segmenter.run(&mut doc)?;
    Attributor::new()?.run(&mut doc)?;
    for a in &doc.attributions {
        println!(
            "{} {:?} cue={:?} source={:?} speaker={:?}\n    content={:?} cond={:?}",
            a.id,
            a.kind,
            a.cue.text,
            a.source.as_ref().map(|s| &s.text),
            a.speaker_id,
            a.content.iter().map(|c| &c.text).collect::<Vec<_>>(),
            a.conditions
        );
    }
    for s in &doc.speakers {
        println!(
            "{} named={} name={:?} desc={:?} role={:?} aff={:?} sen={:?} group={} mentions={:?} cond={:?}",
            s.id,
            s.named,
            s.name,
            s.descriptor,
            s.role,
            s.affiliation,
            s.seniority,
            s.group,
            s.mentions.iter().map(|m| &m.text).collect::<Vec<_>>(),
            s.conditions
        );
    }
    Ok(())
}
