//! Prints the time expressions of each input line, for trying rules by hand.
//!
//! Each line is `DCT<TAB>text` (or just text, with no DCT):
//! `printf '2024-12-18\tThe official said Tuesday.\n' | cargo run -q -p tally-times --example probe`

use std::io::BufRead;

use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
use tally_times::TimeExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let extractor = TimeExtractor::new()?;
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (dct, text) = match line.split_once('\t') {
            Some((d, t)) => (Some(d.trim().parse()?), t),
            None => (None, line.as_str()),
        };
        let meta = DocumentMeta {
            published: dct.map(|d| Published::date(d, PublishedSource::Metadata)),
            ..DocumentMeta::default()
        };
        let mut doc = Document::new(meta, [text]);
        tally_text::Segmenter.run(&mut doc)?;
        extractor.run(&mut doc)?;
        println!("{text}");
        for t in &doc.times {
            let modifier = t
                .modifier
                .map(|m| format!(" mod={m:?}"))
                .unwrap_or_default();
            println!("  {:?} {:?} {}{modifier}", t.raw, t.kind, t.value);
        }
    }
    Ok(())
}
