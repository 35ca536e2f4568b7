//! `tally claims`: the claim ledger of articles, as a table or for machines.

use std::io::Write;
use std::path::PathBuf;

use serde::Serialize;
use tally_core::{Claim, Document, Figure, Speaker};
use tally_extract::Pipeline;

use crate::cmd::extract::{for_each_extracted, origin};
use crate::cmd::stored_claims;
use crate::exit::{self, Outcome};
use crate::ingest_args::IngestArgs;
use crate::pipeline_args::PipelineArgs;
use crate::printable::Printable;
use crate::render;

/// Output formats of `tally claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ClaimsFormat {
    /// A table per document (one table with --db), for people.
    Table,
    /// One JSON array of claims.
    Json,
    /// One claim per line.
    Jsonl,
    /// One claim per row, with a header.
    Csv,
}

/// Arguments of `tally claims`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  tally claims article.md\n  \
tally claims --format csv articles/ > claims.csv\n  \
tally claims --db news.db --measure killed --place Kharkiv --since 2025-01-01\n  \
tally claims --db news.db --speaker official --anonymous --format jsonl")]
pub struct Args {
    /// Article files or directories (walked recursively); `-` reads standard input. Or none,
    /// with --db: the claims a database holds.
    #[arg(required_unless_present = "db", conflicts_with = "db")]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
    pub format: ClaimsFormat,
    #[command(flatten)]
    pub ingest: IngestArgs,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
    #[command(flatten)]
    pub stored: stored_claims::Filters,
}

/// A claim with what a reader of it alone needs: its document, speaker and figures.
#[derive(Serialize)]
struct ClaimRecord<'a> {
    #[serde(flatten)]
    claim: &'a Claim,
    document: DocumentRef<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    speaker: Option<&'a Speaker>,
    figure_values: Vec<&'a Figure>,
}

#[derive(Serialize)]
struct DocumentRef<'a> {
    id: &'a str,
    title: Option<&'a str>,
    url: Option<&'a str>,
    publisher: Option<&'a str>,
    agency: Option<&'a str>,
    published: Option<String>,
}

fn records(doc: &Document) -> impl Iterator<Item = ClaimRecord<'_>> {
    let meta = &doc.meta;
    doc.claims.iter().map(move |claim| ClaimRecord {
        claim,
        document: DocumentRef {
            id: &doc.id,
            title: meta.title.as_deref(),
            url: meta.url.as_deref(),
            publisher: meta.publisher.as_deref(),
            agency: meta.agency.as_deref(),
            published: meta.published.as_ref().map(tally_core::Published::value),
        },
        speaker: claim
            .claimant
            .speaker_id
            .as_deref()
            .and_then(|id| doc.speakers.iter().find(|s| s.id == id)),
        figure_values: claim
            .figures
            .iter()
            .filter_map(|id| doc.figures.iter().find(|f| &f.id == id))
            .collect(),
    })
}

/// Runs `tally claims`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    if let Some(db) = &args.stored.db {
        return stored_claims::run(db.clone(), &args.stored, args.format);
    }
    if let Some(flag) = args.stored.without_db() {
        return Err(anyhow::anyhow!(
            "{flag} filters the claims stored in a database: add --db FILE (made by `tally ingest`)"
        )
        .context(exit::Usage("a query flag without --db")));
    }
    let options = args.ingest.options()?;
    let pipeline = Pipeline::builtin(&args.pipeline.config()?)?;
    let mut out = std::io::stdout().lock();
    // stdout's lock is reentrant, so the CSV writer can hold its own handle beside `out`.
    let mut csv =
        (args.format == ClaimsFormat::Csv).then(|| csv::Writer::from_writer(std::io::stdout()));
    if let Some(w) = csv.as_mut() {
        w.write_record(CSV_HEADER)?;
    }
    let mut json = Vec::new();
    let failed = for_each_extracted(&args.inputs, &options, &pipeline, false, |doc| {
        write_claims(&doc, args.format, &mut out, csv.as_mut(), &mut json)
    })?;
    if let Some(mut w) = csv {
        w.flush()?;
    }
    if args.format == ClaimsFormat::Json {
        serde_json::to_writer_pretty(&mut out, &json)?;
        writeln!(out)?;
    }
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

/// Writes the claims of one document in `format`: to `out`, to the CSV writer, or into
/// `json` (printed as one array at the end).
fn write_claims(
    doc: &Document,
    format: ClaimsFormat,
    out: &mut impl Write,
    csv: Option<&mut csv::Writer<std::io::Stdout>>,
    json: &mut Vec<serde_json::Value>,
) -> anyhow::Result<()> {
    match format {
        ClaimsFormat::Table => print_table(&mut Printable::new(out), doc)?,
        ClaimsFormat::Jsonl => {
            for record in records(doc) {
                serde_json::to_writer(&mut *out, &record)?;
                writeln!(out)?;
            }
        }
        ClaimsFormat::Json => json.extend(
            records(doc)
                .map(serde_json::to_value)
                .collect::<Result<Vec<_>, _>>()?,
        ),
        ClaimsFormat::Csv => {
            if let Some(w) = csv {
                for record in records(doc) {
                    w.write_record(csv_row(&record))?;
                }
            }
        }
    }
    Ok(())
}

fn print_table(out: &mut impl Write, doc: &Document) -> std::io::Result<()> {
    let meta = &doc.meta;
    let title = meta.title.as_deref().unwrap_or("(untitled)");
    // Same header as `tally demo`: an empty chain would print a bare " · ".
    let chain = if meta.source_chain.is_empty() {
        "source unknown".to_owned()
    } else {
        meta.source_chain.join(" → ")
    };
    let published = meta
        .published
        .as_ref()
        .map_or_else(|| "date unknown".to_owned(), tally_core::Published::value);
    writeln!(out, "■ {title}\n  {chain} · {published} · {}", origin(doc))?;
    if doc.claims.is_empty() {
        writeln!(out, "  no claims found\n")
    } else {
        writeln!(out, "{}\n", render::claims_table(doc))
    }
}

const CSV_HEADER: &[&str] = &[
    "document_id",
    "claim_id",
    "claimant",
    "claimant_kind",
    "anonymous",
    "kind",
    "cue",
    "said_at",
    "said_at_basis",
    "figures",
    "conditions",
    "evidence",
    "url",
    "publisher",
    "published",
];

fn csv_row(r: &ClaimRecord<'_>) -> Vec<String> {
    let c = r.claim;
    let to_name = |v: serde_json::Result<serde_json::Value>| {
        v.ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let figures = r
        .figure_values
        .iter()
        .map(|f| format!("{} {} ({})", f.measure.as_str(), render::value(f), f.raw))
        .collect::<Vec<_>>();
    vec![
        r.document.id.to_owned(),
        c.id.clone(),
        c.claimant.name.clone(),
        to_name(serde_json::to_value(c.claimant.kind)),
        c.claimant.anonymous.to_string(),
        to_name(serde_json::to_value(c.kind)),
        c.cue.as_ref().map(|s| s.text.clone()).unwrap_or_default(),
        c.said_at
            .as_ref()
            .map(|s| s.date.clone())
            .unwrap_or_default(),
        c.said_at
            .as_ref()
            .map(|s| to_name(serde_json::to_value(s.basis)))
            .unwrap_or_default(),
        figures.join("; "),
        c.conditions.join("; "),
        c.content.clone(),
        r.document.url.unwrap_or_default().to_owned(),
        r.document.publisher.unwrap_or_default().to_owned(),
        r.document.published.clone().unwrap_or_default(),
    ]
}
