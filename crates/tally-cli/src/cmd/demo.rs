//! `tally demo`: the whole pipeline on the bundled sample articles, printed as a ledger.

use std::io::Write;
use std::time::Instant;

use tally_core::Document;
use tally_extract::{Pipeline, PipelineConfig};
use tally_ingest::{Format, IngestOptions};
use tally_store::{Prepared, Store, TimelineQuery};

use crate::cmd::{sources, timeline};
use crate::exit::Outcome;
use crate::printable::Printable;
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
    let mut out = Printable::new(out);
    writeln!(
        out,
        "tally demo: the claim ledger of {} bundled sample articles (NOTICE.md)\n",
        docs.len()
    )?;
    for doc in &docs {
        print_document(&mut out, doc)?;
    }
    print_corpus_views(&mut out, &docs)?;
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

/// What the ledger gives across articles: the timeline of the most reported estimate and the
/// syndicated copies, from an in-memory store holding the samples.
fn print_corpus_views(out: &mut impl Write, docs: &[Document]) -> anyhow::Result<()> {
    let mut store = Store::open_in_memory()?;
    let prepared: Vec<Prepared> = docs.iter().cloned().map(Prepared::new).collect();
    store.write(&prepared, &[])?;
    if let Some((query, label)) = busiest_timeline(&store)? {
        let timeline = store.timeline(&query)?;
        let (measure, subject) = (&query.measure, query.subject.as_deref().unwrap_or_default());
        writeln!(
            out,
            "■ Timeline: {measure} of {label} across the samples — `tally timeline --measure {measure} --subject {subject}`"
        )?;
        timeline::write_text(out, &timeline)?;
        writeln!(out)?;
    }
    writeln!(out, "■ Syndicated copies of one story — `tally sources`")?;
    sources::write_clusters(out, &store.sources(2, 10, 10)?, 2)?;
    writeln!(out)?;
    Ok(())
}

/// The (measure, subject) timeline with the most estimates from the most claimants, with
/// the subject's name.
fn busiest_timeline(store: &Store) -> anyhow::Result<Option<(TimelineQuery, String)>> {
    let mut best: Option<(usize, TimelineQuery, String)> = None;
    for measure in store.timeline_options(None)?.measures {
        for subject in store.timeline_options(Some(&measure.value))?.subjects {
            let query = TimelineQuery {
                measure: measure.value.clone(),
                subject: Some(subject.value.clone()),
                ..TimelineQuery::default()
            };
            let estimates = store.timeline(&query)?.estimates;
            let mut claimants: Vec<&str> = estimates.iter().map(|e| e.claimant.as_str()).collect();
            claimants.sort_unstable();
            claimants.dedup();
            let score = estimates.len() * claimants.len();
            if best.as_ref().is_none_or(|(s, _, _)| score > *s) {
                best = Some((
                    score,
                    query,
                    format!("{} ({})", subject.label, subject.value),
                ));
            }
        }
    }
    Ok(best.map(|(_, query, label)| (query, label)))
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
