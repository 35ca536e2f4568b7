//! `tally demo`: the whole pipeline on the bundled sample articles, printed as a ledger.

use std::io::Write;
use std::time::Instant;

use tally_core::Document;
use tally_extract::{Pipeline, PipelineConfig};
use tally_ingest::{Format, IngestOptions};

use crate::exit::Outcome;
use crate::render;
use crate::samples::SAMPLES;

/// Arguments of `tally demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Print the annotated documents as JSON Lines instead of tables.
    #[arg(long)]
    pub jsonl: bool,
}

/// Runs `tally demo`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let pipeline = Pipeline::builtin(&PipelineConfig::default())?;
    let started = Instant::now();
    let mut docs = Vec::new();
    for sample in SAMPLES {
        let format = Format::detect(std::path::Path::new(sample.path), sample.text.as_bytes());
        let mut doc =
            tally_ingest::parse_str(sample.text, format, sample.path, &IngestOptions::default())?;
        pipeline.run(&mut doc)?;
        docs.push(doc);
    }
    let elapsed = started.elapsed();
    let mut out = std::io::stdout().lock();
    if args.jsonl {
        for doc in &docs {
            serde_json::to_writer(&mut out, doc)?;
            writeln!(out)?;
        }
        return Ok(Outcome::Ok);
    }
    writeln!(
        out,
        "tally demo: the claim ledger of {} bundled sample articles (NOTICE.md)\n",
        docs.len()
    )?;
    for doc in &docs {
        print_document(&mut out, doc)?;
    }
    let bytes: usize = SAMPLES.iter().map(|s| s.text.len()).sum();
    let claims: usize = docs.iter().map(|d| d.claims.len()).sum();
    let figures: usize = docs.iter().map(|d| d.figures.len()).sum();
    writeln!(
        out,
        "{} documents, {claims} claims, {figures} figures, {bytes} bytes in {:.1} ms (pipeline: {}).",
        docs.len(),
        elapsed.as_secs_f64() * 1e3,
        pipeline.names().join(" → "),
    )?;
    writeln!(
        out,
        "Next: `tally extract FILE` for everything as JSON; `tally --help` for the rest."
    )?;
    Ok(Outcome::Ok)
}

fn print_document(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let meta = &doc.meta;
    let title = meta.title.as_deref().unwrap_or("(untitled)");
    let published = meta
        .published
        .as_ref()
        .map_or_else(|| "date unknown".to_owned(), tally_core::Published::value);
    let chain = if meta.source_chain.is_empty() {
        "source unknown".to_owned()
    } else {
        meta.source_chain.join(" → ")
    };
    writeln!(
        out,
        "■ {title}\n  {chain} · {published} · {}",
        meta.origin.as_ref().map_or("", |o| o.path.as_str())
    )?;
    if !doc.claims.is_empty() {
        writeln!(out, "{}\n", render::claims_table(doc))?;
    } else {
        writeln!(
            out,
            "  no claims found in {} sentences.\n",
            doc.sentences.len()
        )?;
    }
    Ok(())
}
