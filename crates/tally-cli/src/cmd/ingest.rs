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
    /// Opens an existing database for queries, upgrading one written by an older tally.
    pub fn open_existing(&self) -> anyhow::Result<Store> {
        // SQLite says only "disk I/O error" for a directory; `tally serve` says the same.
        if self.db.is_dir() {
            anyhow::bail!(
                "{} is a directory; --db names the database file (such as --db news.db)",
                self.db.display()
            );
        }
        if !self.db.exists() {
            anyhow::bail!(
                "no database at {}; create one with `tally ingest PATH... --db {}`",
                self.db.display(),
                self.db.display()
            );
        }
        let (store, upgraded) = Store::open_for_queries(&self.db)?;
        if let Some(u) = upgraded {
            // Said once, on the run that changed the file: an older tally will refuse it now.
            eprintln!(
                "tally: upgraded {} from store schema version {} to {} (older tally releases cannot read it now)",
                self.db.display(),
                u.from,
                u.to
            );
        }
        Ok(store)
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
    /// Most documents per batch (annotated together and held in memory until written).
    #[arg(long, value_name = "N", default_value_t = 512)]
    pub batch: usize,
    /// Commit once this many documents were written since the last commit (whole batches);
    /// an interruption loses at most the documents since then, and a rerun adds them.
    #[arg(long, value_name = "N", default_value_t = IngestConfig::default().commit_documents)]
    pub commit_every: usize,
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
        commit_documents: args.commit_every.max(1),
        skip_stored: !args.replace,
        ..IngestConfig::default()
    };

    // Input by input, so that a directory holding no article file is named: a folder of
    // `.json` files ended "ingested 0 documents ... 0 errors" without a word.
    let mut paths = Vec::new();
    for input in &args.inputs {
        let found = tally_ingest::expand(std::slice::from_ref(input));
        if found.is_empty() {
            // Worded as `tally extract` words it.
            eprintln!(
                "tally: warning: no articles in {}: directories are searched for .md, .txt, \
                 .html, .jsonl, .warc, .rss, .atom and .xml files (optionally .gz); name a file \
                 to read it whatever its extension",
                input.display()
            );
        }
        paths.extend(found);
    }
    let total_bytes: u64 = paths
        .iter()
        .filter_map(|p| p.as_ref().ok())
        .filter_map(|p| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    let bar = progress_bar(total_bytes, args.quiet);
    let started = Instant::now();
    // Inputs already ingested completely are skipped before reading starts; the rest go
    // through one ingest, so batches (and transactions) run across file boundaries.
    let mut plan = Vec::with_capacity(paths.len());
    let mut inputs_skipped = 0u64;
    let mut bytes = 0u64;
    for path in paths {
        let input = match path {
            Ok(path) => {
                let name = path.display().to_string();
                let (size, mtime_ns) = file_stamp(&path);
                let resumable = name != "-";
                if resumable
                    && !args.replace
                    && store.input_status(&name, size, mtime_ns)? == InputStatus::Done
                {
                    inputs_skipped += 1;
                    bar.inc(size);
                    continue;
                }
                bytes += size;
                Input::File {
                    path,
                    name,
                    size,
                    mtime_ns,
                    resumable,
                }
            }
            Err(e) => Input::Unreadable(e),
        };
        plan.push(input);
    }
    let printed = std::cell::Cell::new(0u64);
    let records = Records {
        plan: plan.into_iter(),
        options: &options,
        queue: std::collections::VecDeque::new(),
        current: None,
        bar: &bar,
        done_bytes: bar.position(),
        printed: &printed,
    };
    let done = tally_store::ingest::ingest(
        &mut store,
        records,
        |docs| {
            let results = pipeline.run_batch(docs).into_iter();
            results.map(|r| r.map_err(|e| e.to_string())).collect()
        },
        &config,
        |p| bar.set_message(format!("{} documents", p.records)),
    )?;
    let totals = Totals {
        documents: done.documents,
        failed: done.failed,
        bytes,
        inputs_skipped,
        printed: printed.get(),
        stats: done.stats,
    };
    bar.finish_and_clear();
    let seconds = started.elapsed().as_secs_f64();
    let counts = store.counts()?;
    if !args.quiet {
        eprintln!(
            "{}",
            summary(
                &totals,
                seconds,
                &args.db.db.display().to_string(),
                counts.documents
            )
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

/// One input of the run: a file to read, or a path that could not even be listed.
enum Input {
    File {
        path: PathBuf,
        name: String,
        size: u64,
        mtime_ns: i64,
        /// Not standard input: recorded in the `inputs` table and skipped once done.
        resumable: bool,
    },
    Unreadable(IngestError),
}

/// The records of every input in turn, each file's between its start and end marks. Reading
/// happens here, on the ingest's reading thread, which also moves the progress bar.
struct Records<'a> {
    plan: std::vec::IntoIter<Input>,
    options: &'a tally_ingest::IngestOptions,
    /// Records to hand out before reading on: marks and file-level errors.
    queue: std::collections::VecDeque<Record>,
    /// The file being read: its records, name, size and body bytes read so far.
    current: Option<(tally_ingest::Records, String, u64, u64)>,
    bar: &'a ProgressBar,
    /// Sizes of the files finished so far.
    done_bytes: u64,
    printed: &'a std::cell::Cell<u64>,
}

impl Records<'_> {
    fn print(&self, code: &str, message: &dyn std::fmt::Display) {
        if self.printed.get() < MAX_PRINTED_ERRORS {
            self.bar.suspend(|| exit::report(code, message));
            self.printed.set(self.printed.get() + 1);
        }
    }

    /// Opens the next input, queueing its start mark (and, when it cannot be read, its
    /// error and end mark). Returns false when no input is left.
    fn open_next(&mut self) -> bool {
        let Some(input) = self.plan.next() else {
            return false;
        };
        match input {
            Input::Unreadable(e) => {
                self.print(e.code(), &e);
                self.queue.push_back(Record::Error(file_error(&e, "")));
            }
            Input::File {
                path,
                name,
                size,
                mtime_ns,
                resumable,
            } => {
                if resumable {
                    self.queue.push_back(Record::InputStart {
                        path: name.clone(),
                        size,
                        mtime_ns,
                    });
                }
                match tally_ingest::read(&path, self.options) {
                    Ok(records) => self.current = Some((records, name, size, 0)),
                    Err(e) => {
                        self.print(e.code(), &e);
                        self.queue.push_back(Record::Error(file_error(&e, &name)));
                        self.finish(size, resumable);
                    }
                }
            }
        }
        true
    }

    fn finish(&mut self, size: u64, resumable: bool) {
        if resumable {
            self.queue.push_back(Record::InputEnd);
        }
        self.done_bytes += size;
        self.bar.set_position(self.done_bytes);
    }
}

impl Iterator for Records<'_> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        loop {
            if let Some(record) = self.queue.pop_front() {
                return Some(record);
            }
            let Some((records, name, size, body)) = self.current.as_mut() else {
                if !self.open_next() {
                    return None;
                }
                continue;
            };
            match records.next() {
                Some(Ok(doc)) => {
                    // Body bytes stand in for file bytes within a file (markup and
                    // compression make them differ); the bar catches up at its end.
                    *body += doc.body.len() as u64;
                    self.bar.set_position(self.done_bytes + (*body).min(*size));
                    for d in &doc.diagnostics {
                        if self.printed.get() < MAX_PRINTED_ERRORS {
                            exit::warn(&d.code, &d.message);
                            self.printed.set(self.printed.get() + 1);
                        }
                    }
                    return Some(Record::Document(Box::new(doc)));
                }
                Some(Err(e)) => {
                    let name = name.clone();
                    self.print(e.code(), &e);
                    return Some(Record::Error(file_error(&e, &name)));
                }
                None => {
                    let (size, resumable) = (*size, name != "-");
                    self.current = None;
                    self.finish(size, resumable);
                }
            }
        }
    }
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

/// `n word` with the word in the plural unless `n` is 1 ("1 error", "2 errors").
fn count(n: u64, singular: &str, plural: &str) -> String {
    if n == 1 {
        format!("1 {singular}")
    } else {
        format!("{n} {plural}")
    }
}

/// The final line of `tally ingest`. Rates are left out of runs under a second (start-up,
/// not throughput: a 2 KB page printed "0.0 MB/s"), and a slow rate is given in KB/s.
fn summary(totals: &Totals, seconds: f64, db: &str, held: u64) -> String {
    let stats = &totals.stats;
    let replaced = if stats.replaced > 0 {
        format!(", {} replaced", stats.replaced)
    } else {
        String::new()
    };
    let skipped_inputs = count(totals.inputs_skipped, "input", "inputs");
    let rates = if seconds >= 1.0 {
        let mb = totals.bytes as f64 / 1e6 / seconds;
        let bytes = if mb >= 0.1 {
            format!("{mb:.1} MB/s")
        } else {
            format!("{:.1} KB/s", mb * 1e3)
        };
        let docs = totals.documents as f64 / seconds;
        let docs = if docs >= 10.0 {
            format!("{docs:.0}")
        } else {
            format!("{docs:.1}")
        };
        format!(" ({bytes}, {docs} documents/s)")
    } else {
        String::new()
    };
    format!(
        "tally: ingested {} ({} new, {} already stored{replaced}), {}, {}, \
         {skipped_inputs} skipped as done, in {seconds:.1}s{rates}; {db} now holds {}",
        count(totals.documents, "document", "documents"),
        stats.inserted,
        stats.skipped,
        count(stats.claims, "claim", "claims"),
        count(totals.failed, "error", "errors"),
        count(held, "document", "documents"),
    )
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

#[cfg(test)]
mod tests {
    use super::*;

    fn totals(documents: u64, failed: u64, bytes: u64, inputs_skipped: u64) -> Totals {
        Totals {
            documents,
            failed,
            bytes,
            inputs_skipped,
            printed: 0,
            stats: WriteStats {
                inserted: documents,
                claims: 1,
                ..WriteStats::default()
            },
        }
    }

    #[test]
    fn one_of_each_is_singular_and_a_short_run_has_no_rates() {
        let line = summary(&totals(1, 1, 2_000, 1), 0.2, "t.db", 1);
        assert_eq!(
            line,
            "tally: ingested 1 document (1 new, 0 already stored), 1 claim, 1 error, \
             1 input skipped as done, in 0.2s; t.db now holds 1 document"
        );
    }

    #[test]
    fn a_long_run_has_rates_in_units_that_show_them() {
        let line = summary(&totals(53_302, 0, 220_000_000, 0), 40.0, "t.db", 53_302);
        assert!(
            line.contains(
                "0 errors, 0 inputs skipped as done, in 40.0s (5.5 MB/s, 1333 documents/s)"
            ),
            "{line}"
        );
        let slow = summary(&totals(3, 2, 6_000, 0), 2.0, "t.db", 3);
        assert!(
            slow.contains(
                "2 errors, 0 inputs skipped as done, in 2.0s (3.0 KB/s, 1.5 documents/s)"
            ),
            "{slow}"
        );
    }
}
