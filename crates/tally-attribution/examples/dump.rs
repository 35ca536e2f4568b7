//! Development aid: runs segmenter + attribution over every `.txt` in a folder, with the
//! file's text as the body (offsets equal the file's byte offsets), and prints one JSON line
//! per file with the attributions: `cargo run -p tally-attribution --example dump DIR`.

use tally_attribution::Attributor;
use tally_core::{Document, Extractor, Layer, Span};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = std::env::args().nth(1).ok_or("usage: dump DIR")?;
    let attributor = Attributor::new()?;
    let mut paths: Vec<_> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    paths.sort();
    for path in paths {
        let text = std::fs::read_to_string(&path)?;
        let mut paragraphs = Vec::new();
        let mut start = 0;
        for piece in text.split("\n\n") {
            let lead = piece.len() - piece.trim_start().len();
            let trimmed = piece.trim();
            if !trimmed.is_empty() {
                let s = start + lead;
                paragraphs.push(Span {
                    start: s,
                    end: s + trimmed.len(),
                    text: trimmed.to_owned(),
                });
            }
            start += piece.len() + 2;
        }
        let mut doc = Document {
            body: text.clone(),
            paragraphs,
            layers: vec![Layer::Paragraphs],
            ..Document::default()
        };
        tally_text::Segmenter.run(&mut doc)?;
        attributor.run(&mut doc)?;
        let sentences: Vec<[usize; 2]> = doc.sentences.iter().map(|s| [s.start, s.end]).collect();
        let atts: Vec<String> = doc
            .attributions
            .iter()
            .filter(|a| std::env::var("NESTED").is_ok() || a.within.is_none())
            .map(|a| {
                format!(
                    "{{\"cue\":[{},{}],\"source\":{},\"content\":[{}],\"kind\":\"{:?}\",\"speaker\":{:?},\"within\":{:?},\"class\":\"{:?}\"}}",
                    a.cue.start,
                    a.cue.end,
                    a.source.as_ref().map_or("null".to_owned(), |s| format!("[{},{}]", s.start, s.end)),
                    a.content.iter().map(|c| format!("[{},{}]", c.start, c.end)).collect::<Vec<_>>().join(","),
                    a.kind,
                    a.speaker_id.clone().unwrap_or_default(),
                    a.within.clone().unwrap_or_default(),
                    a.class
                )
            })
            .collect();
        println!(
            "{{\"file\":{:?},\"sentences\":{:?},\"attributions\":[{}]}}",
            path.file_stem().and_then(|s| s.to_str()).unwrap_or(""),
            sentences,
            atts.join(",")
        );
    }
    Ok(())
}
