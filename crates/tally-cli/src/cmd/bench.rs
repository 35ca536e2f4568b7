//! `tally bench`: how fast each pipeline stage and the whole pipeline run, and how much
//! memory they take.
//!
//! Documents stream through: one is read, annotated and dropped before the next (one batch
//! per worker with `--threads`), so peak memory does not grow with the corpus. With one
//! thread (the default) every stage listed by the pipeline is timed on its own, plus ingest
//! (parsing the input into a document) and JSON output; the figures are per core. With
//! several threads the whole pipeline runs on a rayon pool and the report gives wall-clock
//! and per-core rates (bytes over the process's CPU time). Sizes are bytes of document body
//! text, 1 MB = 10^6 bytes. `bench/run.sh` runs this on a news corpus beside the peers.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::Context;
use rayon::iter::{ParallelBridge, ParallelIterator};
use serde::Serialize;
use tally_core::Document;
use tally_extract::Pipeline;
use tally_ingest::{Format, IngestOptions};

use crate::compact_json;
use crate::exit::Outcome;
use crate::ingest_args::IngestArgs;
use crate::pipeline_args::PipelineArgs;
use crate::samples::SAMPLES;

/// Arguments of `tally bench`.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  tally bench                       \
the bundled samples, repeated to 50 MB\n  \
tally bench corpus.jsonl --json   every stage timed on one core\n  \
tally bench corpus.jsonl --threads 0\n\n\
bench/run.sh builds the news corpus, runs this and the peers, and writes the tables.")]
pub struct Args {
    /// Inputs to read (any format `tally extract` reads; a JSONL corpus is typical). Without
    /// inputs, the bundled sample articles are used.
    pub inputs: Vec<PathBuf>,
    /// Read the inputs again and again until at least this many megabytes of body text went
    /// through (0: one pass). Defaults to 50 for the bundled samples, 0 otherwise.
    #[arg(long, value_name = "MB")]
    pub min_mb: Option<f64>,
    /// Worker threads. 1 times each stage separately; 0 uses every core.
    #[arg(long, default_value_t = 1)]
    pub threads: usize,
    /// Print the report as JSON.
    #[arg(long)]
    pub json: bool,
    #[command(flatten)]
    pub ingest: IngestArgs,
    #[command(flatten)]
    pub pipeline: PipelineArgs,
}

/// Documents per batch handed to a worker: large enough that the channel is no
/// bottleneck, small enough that memory stays flat.
const BATCH: usize = 64;

/// The time and size of one stage.
#[derive(Debug, Default, Clone, Serialize)]
struct Stage {
    name: String,
    seconds: f64,
    mb_per_s: f64,
    docs_per_s: f64,
}

/// What `tally bench` reports.
#[derive(Debug, Serialize)]
struct Report {
    tool: &'static str,
    version: &'static str,
    inputs: Vec<String>,
    threads: usize,
    /// The extractors of the built-in pipeline, in order.
    pipeline: Vec<&'static str>,
    docs: u64,
    bytes: u64,
    failed: u64,
    /// One thread only: ingest, each extractor, ingest+segment, full pipeline, JSON output.
    stages: Vec<Stage>,
    /// What the stage times were measured with.
    #[serde(skip_serializing_if = "str::is_empty")]
    clock: &'static str,
    wall_seconds: f64,
    cpu_seconds: Option<f64>,
    /// Bytes per wall-clock second, all threads together.
    mb_per_s_wall: f64,
    /// Bytes per second of CPU time: the per-core rate.
    mb_per_cpu_s: Option<f64>,
    docs_per_s_wall: f64,
    /// Peak resident memory of the process (VmHWM), megabytes.
    peak_rss_mb: Option<f64>,
    /// Annotations produced, summed over documents: shows what the time bought.
    annotations: BTreeMap<&'static str, u64>,
}

/// Runs `tally bench`.
pub fn run(args: &Args) -> anyhow::Result<Outcome> {
    let options = args.ingest.options()?;
    let pipeline = Pipeline::builtin(&args.pipeline.config()?)?;
    let min_mb = args
        .min_mb
        .unwrap_or(if args.inputs.is_empty() { 50.0 } else { 0.0 });
    let min_bytes = (min_mb * 1e6) as u64;
    let threads = if args.threads == 0 {
        std::thread::available_parallelism().map_or(1, usize::from)
    } else {
        args.threads
    };
    let cpu_before = cpu_seconds();
    let started = Instant::now();
    let mut report = if threads == 1 {
        single(&pipeline, &args.inputs, &options, min_bytes)?
    } else {
        parallel(&pipeline, &args.inputs, &options, min_bytes, threads)?
    };
    report.wall_seconds = started.elapsed().as_secs_f64();
    report.cpu_seconds = cpu_seconds()
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    let mb = report.bytes as f64 / 1e6;
    report.mb_per_s_wall = rate(mb, report.wall_seconds);
    report.docs_per_s_wall = rate(report.docs as f64, report.wall_seconds);
    report.mb_per_cpu_s = report.cpu_seconds.map(|s| rate(mb, s));
    report.peak_rss_mb = peak_rss_mb();
    report.threads = threads;
    report.pipeline = pipeline.names();
    report.inputs = if args.inputs.is_empty() {
        vec!["(bundled samples)".into()]
    } else {
        args.inputs
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &report)?;
        writeln!(out)?;
    } else {
        write_summary(&mut out, &report)?;
    }
    if report.docs == 0 {
        anyhow::bail!("no document could be read from the inputs");
    }
    Ok(if report.failed > 0 {
        Outcome::Partial
    } else {
        Outcome::Ok
    })
}

fn rate(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 { amount / seconds } else { 0.0 }
}

fn empty_report() -> Report {
    Report {
        tool: "tally bench",
        version: env!("CARGO_PKG_VERSION"),
        inputs: Vec::new(),
        threads: 1,
        pipeline: Vec::new(),
        docs: 0,
        bytes: 0,
        failed: 0,
        stages: Vec::new(),
        clock: "",
        wall_seconds: 0.0,
        cpu_seconds: None,
        mb_per_s_wall: 0.0,
        mb_per_cpu_s: None,
        docs_per_s_wall: 0.0,
        peak_rss_mb: None,
        annotations: BTreeMap::new(),
    }
}

/// Reads the inputs (or the bundled samples) pass after pass until `min_bytes` of body
/// text went by, handing each document or failure to `visit` with the time reading it
/// took. Failures are counted, not fatal, as in `tally extract`.
fn produce(
    inputs: &[PathBuf],
    options: &IngestOptions,
    min_bytes: u64,
    mut visit: impl FnMut(Option<Document>, Duration),
) -> anyhow::Result<()> {
    let mut bytes = 0u64;
    loop {
        let before = bytes;
        if inputs.is_empty() {
            for sample in SAMPLES {
                let started = Instant::now();
                let format = Format::detect(Path::new(sample.path), sample.text.as_bytes());
                let doc = tally_ingest::parse_str(sample.text, format, sample.path, options)
                    .with_context(|| format!("bundled sample {}", sample.path))?;
                bytes += doc.body.len() as u64;
                visit(Some(doc), started.elapsed());
            }
        } else {
            for path in tally_ingest::expand(inputs) {
                let started = Instant::now();
                let Ok(mut records) = path.and_then(|p| tally_ingest::read(&p, options)) else {
                    visit(None, started.elapsed());
                    continue;
                };
                loop {
                    let started = Instant::now();
                    match records.next() {
                        None => break,
                        Some(Ok(doc)) => {
                            bytes += doc.body.len() as u64;
                            visit(Some(doc), started.elapsed());
                        }
                        Some(Err(_)) => visit(None, started.elapsed()),
                    }
                }
            }
        }
        // Stop when enough went by, or when a pass read nothing (all inputs failed).
        if bytes >= min_bytes || bytes == before {
            return Ok(());
        }
    }
}

/// Counts what the pipeline produced on `doc`.
fn count(annotations: &mut BTreeMap<&'static str, u64>, doc: &Document) {
    for (name, n) in [
        ("sentences", doc.sentences.len()),
        ("tokens", doc.tokens.len()),
        ("figures", doc.figures.len()),
        ("times", doc.times.len()),
        ("entities", doc.entities.len()),
        ("speakers", doc.speakers.len()),
        ("attributions", doc.attributions.len()),
        ("claims", doc.claims.len()),
    ] {
        *annotations.entry(name).or_default() += n as u64;
    }
}

/// One thread: every stage timed separately. Documents go through in batches, stage by
/// stage, so that each stage is timed by the thread's CPU clock once per batch: a clock
/// read per document would cost more than the cheaper stages, and wall-clock time counts
/// whatever else the machine is running.
fn single(
    pipeline: &Pipeline,
    inputs: &[PathBuf],
    options: &IngestOptions,
    min_bytes: u64,
) -> anyhow::Result<Report> {
    let mut report = empty_report();
    let clock = Clock::new();
    let extractors = pipeline.extractors();
    let mut ingest = 0.0;
    let mut stages = vec![0.0; extractors.len()];
    let mut json = 0.0;
    let mut batch: Vec<Document> = Vec::with_capacity(SINGLE_BATCH);
    let mut mark = clock.now();
    let mut run_batch = |batch: &mut Vec<Document>, report: &mut Report, mark: &mut f64| {
        let now = clock.now();
        ingest += now - *mark;
        *mark = now;
        let mut ok = vec![true; batch.len()];
        for (i, extractor) in extractors.iter().enumerate() {
            for (doc, ok) in batch.iter_mut().zip(ok.iter_mut()) {
                if *ok && extractor.run(doc).is_err() {
                    *ok = false;
                }
            }
            let now = clock.now();
            stages[i] += now - *mark;
            *mark = now;
        }
        // Output as `tally extract --format jsonl` would write it, into memory: with
        // `io::sink` the compiler dropped the writes and only escaping was timed.
        let mut out = Vec::new();
        for (doc, ok) in batch.iter().zip(ok.iter_mut()) {
            out.clear();
            if *ok && compact_json::write(&mut out, doc).is_err() {
                *ok = false;
            }
            std::hint::black_box(&out);
        }
        let now = clock.now();
        json += now - *mark;
        for (doc, ok) in batch.drain(..).zip(ok) {
            if ok {
                report.docs += 1;
                report.bytes += doc.body.len() as u64;
                count(&mut report.annotations, &doc);
            } else {
                report.failed += 1;
            }
        }
        // Dropping the documents is part of nobody's stage.
        *mark = clock.now();
    };
    produce(inputs, options, min_bytes, |doc, _| match doc {
        Some(doc) => {
            batch.push(doc);
            if batch.len() == SINGLE_BATCH {
                run_batch(&mut batch, &mut report, &mut mark);
            }
        }
        None => report.failed += 1,
    })?;
    if !batch.is_empty() {
        run_batch(&mut batch, &mut report, &mut mark);
    }
    let stage = |name: &str, seconds: f64| Stage {
        name: name.to_owned(),
        seconds,
        mb_per_s: rate(report.bytes as f64 / 1e6, seconds),
        docs_per_s: rate(report.docs as f64, seconds),
    };
    let names = pipeline.names();
    let mut rows = vec![stage("ingest", ingest)];
    for (name, took) in names.iter().zip(&stages) {
        rows.push(stage(name, *took));
    }
    if let Some(segment) = names.iter().position(|n| *n == "segment") {
        rows.push(stage("ingest+segment", ingest + stages[segment]));
    }
    rows.push(stage("full pipeline", ingest + stages.iter().sum::<f64>()));
    rows.push(stage("json output", json));
    report.stages = rows;
    report.clock = clock.name();
    Ok(report)
}

/// Documents per batch in the one-thread run: a few hundred kilobytes of text.
const SINGLE_BATCH: usize = 256;

/// This thread's CPU time (`CLOCK_THREAD_CPUTIME_ID`, nanosecond precision) on Unix,
/// wall-clock time elsewhere. (`/proc/thread-self/schedstat` moves only at scheduler ticks,
/// too coarse for a stage that takes a millisecond per batch.)
struct Clock {
    #[cfg(not(unix))]
    started: Instant,
}

impl Clock {
    fn new() -> Clock {
        Clock {
            #[cfg(not(unix))]
            started: Instant::now(),
        }
    }

    #[cfg(unix)]
    fn now(&self) -> f64 {
        let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
        t.tv_sec as f64 + t.tv_nsec as f64 / 1e9
    }

    #[cfg(not(unix))]
    fn now(&self) -> f64 {
        self.started.elapsed().as_secs_f64()
    }

    fn name(&self) -> &'static str {
        if cfg!(unix) {
            "thread CPU time"
        } else {
            "wall-clock time"
        }
    }
}

/// Several threads: a reader thread ingests into batches, a rayon pool runs the pipeline.
fn parallel(
    pipeline: &Pipeline,
    inputs: &[PathBuf],
    options: &IngestOptions,
    min_bytes: u64,
    threads: usize,
) -> anyhow::Result<Report> {
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .context("cannot start the worker threads")?;
    // A bounded channel keeps memory flat: the reader waits when the workers fall behind.
    let (send, receive) = mpsc::sync_channel::<Vec<Document>>(threads * 2);
    let (totals, read) = std::thread::scope(|scope| {
        let reader = scope.spawn(move || {
            let mut failed = 0u64;
            let mut batch = Vec::with_capacity(BATCH);
            let result = produce(inputs, options, min_bytes, |doc, _| match doc {
                Some(doc) => {
                    batch.push(doc);
                    if batch.len() == BATCH {
                        // The workers only stop early on a panic; nothing to do then.
                        let _ = send.send(std::mem::replace(&mut batch, Vec::with_capacity(BATCH)));
                    }
                }
                None => failed += 1,
            });
            if !batch.is_empty() {
                let _ = send.send(batch);
            }
            result.map(|()| failed)
        });
        let totals = pool.install(|| {
            receive
                .into_iter()
                .par_bridge()
                .map(|batch| {
                    let mut t = Totals::default();
                    for mut doc in batch {
                        if pipeline.run(&mut doc).is_err() {
                            t.failed += 1;
                            continue;
                        }
                        t.docs += 1;
                        t.bytes += doc.body.len() as u64;
                        count(&mut t.annotations, &doc);
                    }
                    t
                })
                .reduce(Totals::default, Totals::merge)
        });
        let read = reader
            .join()
            .map_err(|_| anyhow::anyhow!("the reader thread panicked"));
        (totals, read)
    });
    let read_failed = read??;
    let mut report = empty_report();
    report.docs = totals.docs;
    report.bytes = totals.bytes;
    report.failed = totals.failed + read_failed;
    report.annotations = totals.annotations;
    Ok(report)
}

#[derive(Default)]
struct Totals {
    docs: u64,
    bytes: u64,
    failed: u64,
    annotations: BTreeMap<&'static str, u64>,
}

impl Totals {
    fn merge(mut self, other: Totals) -> Totals {
        self.docs += other.docs;
        self.bytes += other.bytes;
        self.failed += other.failed;
        for (k, v) in other.annotations {
            *self.annotations.entry(k).or_default() += v;
        }
        self
    }
}

/// CPU time (user + system) of this process so far, from `/proc/self/stat`; `None` where
/// there is no procfs. Its clock ticks are USER_HZ, 100 per second on Linux.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let rest = &stat[stat.rfind(')')? + 2..];
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the whole line: 12 and 13 after the name.
    let utime: f64 = fields.get(11)?.parse().ok()?;
    let stime: f64 = fields.get(12)?.parse().ok()?;
    Some((utime + stime) / 100.0)
}

/// Peak resident set size (VmHWM) in megabytes; `None` where there is no procfs.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024.0 / 1e6)
}

fn write_summary(out: &mut impl Write, r: &Report) -> std::io::Result<()> {
    writeln!(
        out,
        "tally bench: {} documents, {:.1} MB of body text, {} failed, {} thread(s)",
        r.docs,
        r.bytes as f64 / 1e6,
        r.failed,
        r.threads
    )?;
    writeln!(out, "pipeline: {}", r.pipeline.join(" → "))?;
    if !r.stages.is_empty() {
        writeln!(out, "stage times by {}", r.clock)?;
        writeln!(
            out,
            "{:<16} {:>10} {:>12} {:>12}",
            "stage", "seconds", "MB/s/core", "docs/s"
        )?;
        for s in &r.stages {
            writeln!(
                out,
                "{:<16} {:>10.3} {:>12.1} {:>12.0}",
                s.name, s.seconds, s.mb_per_s, s.docs_per_s
            )?;
        }
    }
    write!(
        out,
        "wall {:.2} s: {:.1} MB/s, {:.0} docs/s",
        r.wall_seconds, r.mb_per_s_wall, r.docs_per_s_wall
    )?;
    if let (Some(cpu), Some(per_core)) = (r.cpu_seconds, r.mb_per_cpu_s) {
        write!(out, "; CPU {cpu:.2} s: {per_core:.1} MB/s per core")?;
    }
    writeln!(out)?;
    if let Some(rss) = r.peak_rss_mb {
        writeln!(out, "peak RSS {rss:.1} MB")?;
    }
    let counts: Vec<String> = r
        .annotations
        .iter()
        .map(|(k, v)| format!("{k} {v}"))
        .collect();
    writeln!(out, "found: {}", counts.join(", "))
}
