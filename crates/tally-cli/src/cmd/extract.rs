//! `tally extract`: read articles, run the pipeline, print documents as JSON.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use tally_core::Document;
use tally_extract::Pipeline;

use crate::compact_json;
use crate::exit::{self, Outcome};
use crate::ingest_args::IngestArgs;
use crate::pipeline_args::PipelineArgs;

/// Output formats of `tally extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum OutputFormat {
    /// One pretty-printed JSON document, or an array of them for several inputs.
    Json,
    /// One compact JSON document per line.
    Jsonl,
}

/// Arguments of `tally extract`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  tally extract article.md\n  \
tally extract --published 2024-12-18 --url https://example.com/a story.txt\n  \
tally extract --format jsonl articles/ > out.jsonl")]
pub struct Args {
    /// Article files or directories (walked recursively); `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Json)]
    pub format: OutputFormat,
    #[command(flatten)]
    pub ingest: IngestArgs,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Bytes of output written to standard output at a time.
const OUT_BUFFER: usize = 1 << 16;

/// Runs `tally extract`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let options = args.ingest.options()?;
    let pipeline = Pipeline::builtin(&args.pipeline.config()?)?;
    let mut docs = Vec::new();
    // Standard output is line-buffered: serde_json's many small writes into it made one
    // write system call per kilobyte of JSON (60,000 for 4,000 articles). A large buffer
    // makes that one per 64 KB.
    let mut out = BufWriter::with_capacity(OUT_BUFFER, std::io::stdout().lock());
    // JSON lines gather here and go out OUT_BUFFER at a time: a write that large passes
    // through the (empty) BufWriter instead of being copied into it.
    let mut lines = Vec::with_capacity(2 * OUT_BUFFER);
    let failed = for_each_extracted(&args.inputs, &options, &pipeline, true, |doc| {
        match args.format {
            OutputFormat::Jsonl => {
                compact_json::write(&mut lines, &doc)?;
                lines.push(b'\n');
                if lines.len() >= OUT_BUFFER {
                    out.write_all(&lines)?;
                    lines.clear();
                }
            }
            OutputFormat::Json => docs.push(doc),
        }
        Ok(())
    })?;
    out.write_all(&lines)?;
    if args.format == OutputFormat::Json {
        // The shape follows the command line, not how many inputs happened to succeed:
        // `tally extract a.md b.md | jq '.[]'` must not break when b.md is missing.
        if let ([doc], [_]) = (docs.as_slice(), args.inputs.as_slice()) {
            serde_json::to_writer_pretty(&mut out, doc)?;
        } else {
            serde_json::to_writer_pretty(&mut out, &docs)?;
        }
        writeln!(out)?;
    }
    out.flush()?;
    Ok(if failed {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

/// Documents read before the pipeline runs over them. Each stage goes over the whole batch
/// before the next starts: its code and tables stay in the caches, where running all six
/// stages on one document after another evicted them (a fifth more CPU time per document).
const BATCH: usize = 64;

/// A document read (with how many diagnostics ingest gave it), or a read error.
#[allow(clippy::large_enum_variant)] // at most BATCH of them live at once
enum Item {
    Doc(Document, usize),
    Failed(&'static str, String),
}

/// Reads every input as [`for_each_document`] does, runs the pipeline over [`BATCH`]
/// documents at a time, and hands each document that went through to `visit`, in input
/// order. Read and pipeline errors are reported in the same order (after the document's
/// ingest warnings when `warn` is set). Returns whether any record failed.
pub fn for_each_extracted(
    inputs: &[PathBuf],
    options: &tally_ingest::IngestOptions,
    pipeline: &Pipeline,
    warn: bool,
    mut visit: impl FnMut(Document) -> anyhow::Result<()>,
) -> anyhow::Result<bool> {
    let mut failed = false;
    let mut batch: Vec<Item> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Item>| -> anyhow::Result<()> {
        let mut read: Vec<&mut Document> = batch
            .iter_mut()
            .filter_map(|item| match item {
                Item::Doc(doc, _) => Some(doc),
                Item::Failed(..) => None,
            })
            .collect();
        let mut results = pipeline.run_batch(&mut read).into_iter();
        // Messages in input order, as if each document had gone through on its own.
        for item in batch.drain(..) {
            let (doc, ingest_diagnostics) = match item {
                Item::Doc(doc, n) => (doc, n),
                Item::Failed(code, message) => {
                    exit::report(code, &message);
                    failed = true;
                    continue;
                }
            };
            let result = results.next().unwrap_or(Ok(()));
            if warn {
                for diagnostic in doc.diagnostics.iter().take(ingest_diagnostics) {
                    exit::warn(&diagnostic.code, &diagnostic.message);
                }
            }
            if let Err(e) = result {
                exit::report("E001", &format!("{}: {e}", origin(&doc)));
                failed = true;
                continue;
            }
            visit(doc)?;
        }
        Ok(())
    };
    for_each_document(inputs, options, |result| {
        batch.push(match result {
            Ok(doc) => {
                let n = doc.diagnostics.len();
                Item::Doc(doc, n)
            }
            Err((code, message)) => Item::Failed(code, message),
        });
        if batch.len() == BATCH {
            flush(&mut batch)?;
        }
        Ok(())
    })?;
    flush(&mut batch)?;
    Ok(failed)
}

/// Reads every input (walking directories) and hands each document, or each error with its
/// code, to `visit`. Errors in one input never stop the others.
pub fn for_each_document(
    inputs: &[PathBuf],
    options: &tally_ingest::IngestOptions,
    mut visit: impl FnMut(Result<Document, (&'static str, String)>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let mut visited = 0usize;
    for path in tally_ingest::expand(inputs) {
        let records = path.and_then(|path| tally_ingest::read(&path, options));
        match records {
            Ok(records) => {
                for record in records {
                    visited += 1;
                    visit(record.map_err(|e| (e.code(), e.to_string())))?;
                }
            }
            Err(e) => {
                visited += 1;
                visit(Err((e.code(), e.to_string())))?;
            }
        }
    }
    // A directory holding no article files (or a WARC with no pages) printed `[]` and
    // exited 0, which reads as "tally found nothing in my articles".
    if visited == 0 {
        let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        let hint = if inputs.iter().any(|p| p.is_dir()) {
            ": directories are searched for .md, .txt, .html, .jsonl, .warc, .rss, .atom and \
             .xml files (optionally .gz); name a file to read it whatever its extension"
                .to_owned()
        } else if let Some(format) = options.format {
            format!(": nothing in it reads as --input-format {}", format.name())
        } else {
            String::new()
        };
        eprintln!("tally: warning: no articles in {}{hint}", names.join(", "));
    }
    Ok(())
}

/// Where a document came from, for messages: its file and record.
pub fn origin(doc: &Document) -> String {
    match &doc.meta.origin {
        Some(o) => {
            // `-` is how the reader names standard input; a bare "-" reads as a typo.
            let path = if o.path == "-" {
                "standard input"
            } else {
                o.path.as_str()
            };
            match &o.record {
                Some(record) => format!("{path}: {record}"),
                None => path.to_owned(),
            }
        }
        None => doc.id.clone(),
    }
}
