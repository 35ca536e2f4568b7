//! `tally ingest`: read inputs, run the pipeline, store everything in the database.

use std::path::{Path, PathBuf};
use std::time::Instant;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use tally_extract::Pipeline;
use tally_ingest::IngestError;
use tally_store::ingest::{IngestConfig, Record};
use tally_store::{ErrorRecord, InputStatus, OnExisting, Store, StoreOptions, WriteStats};

use crate::exit::{self, Outcome};
use crate::ingest_args::IngestArgs;
use crate::pipeline_args::PipelineArgs;

/// The database flag shared by the store subcommands.
#[derive(Debug, Clone, clap::Args)]
pub struct DbArgs {
    /// The database file.
    #[arg(long, value_name = "FILE", default_value = "tally.db")]
    pub db: PathBuf,
}

impl DbArgs {
    /// Opens an existing database for queries.
    pub fn open_existing(&self) -> anyhow::Result<Store> {
        if !self.db.exists() {
            anyhow::bail!(
                "no database at {}; create one with `tally ingest PATH... --db {}`",
                self.db.display(),
                self.db.display()
            );
        }
        Ok(Store::open_read_only(&self.db)?)
    }
}

/// Arguments of `tally ingest`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  tally ingest articles/ --db news.db\n  \
tally ingest crawl.warc.gz feeds/*.rss dump.jsonl\n  \
cat dump.jsonl | tally ingest - --input-format jsonl\n\n\
Re-running on the same inputs adds nothing; an interrupted run is completed by running it again.")]
pub struct Args {
    /// Files or directories (walked recursively): Markdown, text, HTML, JSONL, WARC(.gz),
    /// RSS/Atom, any of them gzip-compressed; `-` reads standard input.
    #[arg(required = true)]
    pub inputs: Vec<PathBuf>,
    #[command(flatten)]
    pub db: DbArgs,
    /// Re-extract documents already stored (after a pipeline upgrade) instead of skipping them.
    #[arg(long)]
    pub replace: bool,
    /// Most documents per transaction.
    #[arg(long, value_name = "N", default_value_t = 512)]
    pub batch: usize,
    /// No progress bar and no summary line.
    #[arg(long, short)]
    pub quiet: bool,
    #[command(flatten)]
    pub ingest: IngestArgs,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Most per-record errors printed; the rest are only in the `errors` table.
const MAX_PRINTED_ERRORS: u64 = 20;

/// Runs `tally ingest`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let options = args.ingest.options()?;
    let pipeline = Pipeline::builtin(&args.pipeline.config()?)?;
    let store_options = StoreOptions {
        on_existing: if args.replace {
            OnExisting::Replace
        } else {
            OnExisting::Skip
        },
        ..StoreOptions::default()
    };
    let mut store = Store::open_with(&args.db.db, store_options)
        .with_context(|| format!("cannot open {}", args.db.db.display()))?;
    let config = IngestConfig {
        batch_documents: args.batch.max(1),
        ..IngestConfig::default()
    };

    let paths = tally_ingest::expand(&args.inputs);
    let total_bytes: u64 = paths
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bar = progress_bar(total_bytes, args.quiet);
    let started = Instant::now();
    let mut totals = Totals::default();
    for path in paths {
        let path = match path {
            Ok(path) => path,
            Err(e) => {
                totals.failed += 1;
                store_error(&mut store, file_error(&e, ""), &mut totals)?;
                continue;
            }
        };
        let name = path.display().to_string();
        let (size, mtime) = file_stamp(&path);
        let resumable = name != "-";
        if resumable && store.input_status(&name, size, mtime)? == InputStatus::Done {
            totals.inputs_skipped += 1;
            bar.inc(size);
            continue;
        }
        if resumable {
            store.begin_input(&name, size, mtime)?;
        }
        let records = match tally_ingest::read(&path, &options) {
            Ok(records) => records,
            Err(e) => {
                totals.failed += 1;
                store_error(&mut store, file_error(&e, &name), &mut totals)?;
                if resumable {
                    store.finish_input(&name, 0, 1)?;
                }
                bar.inc(size);
                continue;
            }
        };
        let printed = &mut totals.printed;
        let items = records.map(|record| match record {
            Ok(doc) => {
                for d in &doc.diagnostics {
                    if *printed < MAX_PRINTED_ERRORS {
                        exit::warn(&d.code, &d.message);
                        *printed += 1;
                    }
                }
                Record::Document(Box::new(doc))
            }
            Err(e) => {
                if *printed < MAX_PRINTED_ERRORS {
                    bar.suspend(|| exit::report(e.code(), &e));
                    *printed += 1;
                }
                Record::Error(file_error(&e, &name))
            }
        });
        let base = bar.position();
        let done = tally_store::ingest::ingest(
            &mut store,
            items,
            |doc| pipeline.run(doc).map_err(|e| e.to_string()),
            &config,
            |p| {
                bar.set_position(base + p.body_bytes.min(size));
                bar.set_message(format!("{} documents", totals.documents + p.records));
            },
        )?;
        bar.set_position(base + size);
        if resumable {
            store.finish_input(&name, done.documents, done.failed)?;
        }
        totals.documents += done.documents;
        totals.failed += done.failed;
        totals.bytes += size;
        totals.stats += done.stats;
    }
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let counts = store.counts()?;
    if !args.quiet {
        let stats = totals.stats;
        eprintln!(
            "tally: ingested {} documents ({} new, {} already stored{}), {} claims, {} errors, \
             {} inputs skipped as done, in {seconds:.1}s ({:.1} MB/s, {:.0} documents/s); {} now holds {} documents",
            totals.documents,
            stats.inserted,
            stats.skipped,
            if stats.replaced > 0 {
                format!(", {} replaced", stats.replaced)
            } else {
                String::new()
            },
            stats.claims,
            totals.failed,
            totals.inputs_skipped,
            totals.bytes as f64 / 1e6 / seconds.max(1e-9),
            totals.documents as f64 / seconds.max(1e-9),
            args.db.db.display(),
            counts.documents,
        );
        if totals.printed >= MAX_PRINTED_ERRORS {
            eprintln!("tally: more errors are in the database's `errors` table");
        }
    }
    Ok(if totals.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

#[derive(Default)]
struct Totals {
    documents: u64,
    failed: u64,
    bytes: u64,
    inputs_skipped: u64,
    printed: u64,
    stats: WriteStats,
}

fn progress_bar(total: u64, quiet: bool) -> ProgressBar {
    // indicatif draws nothing when stderr is not a terminal, so piping stays silent.
    let target = if quiet {
        ProgressDrawTarget::hidden()
    } else {
        ProgressDrawTarget::stderr()
    };
    let bar = ProgressBar::with_draw_target(Some(total), target);
    if let Ok(style) = ProgressStyle::with_template(
        "{bar:30} {bytes}/{total_bytes} {bytes_per_sec} ETA {eta} {msg}",
    ) {
        bar.set_style(style);
    }
    bar
}

fn file_stamp(path: &Path) -> (u64, i64) {
    let Ok(meta) = std::fs::metadata(path) else {
        return (0, 0);
    };
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    (meta.len(), mtime)
}

fn file_error(e: &IngestError, path: &str) -> ErrorRecord {
    match e {
        IngestError::Record {
            path,
            record,
            message,
        } => ErrorRecord {
            path: path.clone(),
            record: record.clone(),
            code: e.code().to_owned(),
            message: message.clone(),
        },
        other => ErrorRecord {
            path: path.to_owned(),
            record: String::new(),
            code: other.code().to_owned(),
            message: other.to_string(),
        },
    }
}

fn store_error(store: &mut Store, error: ErrorRecord, totals: &mut Totals) -> anyhow::Result<()> {
    if totals.printed < MAX_PRINTED_ERRORS {
        exit::report(&error.code, &error.message);
        totals.printed += 1;
    }
    store.write(&[], &[error])?;
    Ok(())
}
