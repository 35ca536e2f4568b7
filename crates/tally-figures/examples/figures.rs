//! Prints the figures of articles, one line per figure with its values, measure, subject,
//! place and hedges. For eyeballing rules on real text.
//!
//! ```text
//! cargo run -q -p tally-figures --example figures -- ARTICLE... [--conventions acled]
//! ```

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use tally_core::Extractor;
use tally_figures::FigureExtractor;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut conventions = "default".to_owned();
    if let Some(i) = args.iter().position(|a| a == "--conventions") {
        conventions = args.get(i + 1).cloned().unwrap_or_default();
        args.drain(i..(i + 2).min(args.len()));
    }
    let figures = FigureExtractor::with_conventions(&conventions)?;
    let options = tally_ingest::IngestOptions::default();
    for path in args {
        for doc in tally_ingest::read(&PathBuf::from(&path), &options)? {
            let mut doc = doc?;
            tally_text::Segmenter.run(&mut doc)?;
            figures.run(&mut doc)?;
            for f in &doc.figures {
                let value = |v: Option<f64>| v.map_or("-".to_owned(), |x| format!("{x}"));
                println!(
                    "{:<28} [{}, {}, {}]{}{}{} {} {}{}{}{}",
                    format!("{:?}", f.span.text),
                    value(f.low),
                    value(f.best),
                    value(f.high),
                    f.unit.as_ref().map_or(String::new(), |u| format!(" {u}")),
                    if f.approx { " ~" } else { "" },
                    if f.open_high { " open" } else { "" },
                    f.measure.as_str(),
                    f.noun.as_deref().unwrap_or(""),
                    f.subject
                        .as_ref()
                        .map_or(String::new(), |s| format!(" subject={:?}", s.span.text)),
                    f.place
                        .as_ref()
                        .map_or(String::new(), |s| format!(" place={:?}", s.span.text)),
                    if f.hedges.is_empty() {
                        String::new()
                    } else {
                        format!(" hedges={:?}", f.hedges)
                    },
                );
            }
        }
    }
    Ok(())
}
