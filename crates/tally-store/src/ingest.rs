//! The ingest loop: read records in order, annotate them in parallel, write them with one
//! writer in batched transactions.
//!
//! The caller's thread reads records and cuts them into batches (by count and by bytes);
//! each batch is annotated with rayon and handed over a bounded channel to a writer thread
//! that owns the [`Store`]. Documents already stored are dropped before annotation, so
//! rerunning an interrupted ingest costs only reading.
//!
//! Memory bound: at most `channel_batches + 2` batches exist at once (one being filled and
//! annotated, `channel_batches` queued, one being written). A batch closes once its bodies
//! reach `batch_bytes`, so it holds at most `batch_bytes` plus one document, and a document
//! is at most the reader's per-record limit (16 MiB by default). With the defaults (8 MiB,
//! 2 queued) that is 4 × (8 + 16) MiB of bodies, times the annotations' overhead (layers
//! are a few times the body's size): well under 1 GiB in the worst case, tens of MiB on
//! real news.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};

use rayon::prelude::*;
use tally_core::Document;

use crate::{ErrorRecord, Prepared, Store, StoreError, WriteStats};

/// One item read from an input: a document, or an error naming its record.
#[derive(Debug)]
pub enum Record {
    /// A document ready to annotate (boxed: documents are large, errors small).
    Document(Box<Document>),
    /// A record that could not be read.
    Error(ErrorRecord),
}

/// Batch sizes.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Most documents in one transaction.
    pub batch_documents: usize,
    /// A batch closes once its bodies reach this many bytes.
    pub batch_bytes: usize,
    /// Batches queued between the annotators and the writer.
    pub channel_batches: usize,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            batch_documents: 512,
            batch_bytes: 8 * 1024 * 1024,
            channel_batches: 2,
        }
    }
}

/// Progress after each batch is handed to the writer.
#[derive(Debug, Clone, Copy, Default)]
pub struct Progress {
    /// Records read so far (documents and errors).
    pub records: u64,
    /// Documents annotated so far (not counting ones already stored).
    pub annotated: u64,
    /// Body bytes read so far.
    pub body_bytes: u64,
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, Default)]
pub struct IngestTotals {
    /// Writes: inserted, skipped, claims, errors.
    pub stats: WriteStats,
    /// Documents read.
    pub documents: u64,
    /// Records that failed to read or annotate in this run (each is in the `errors` table;
    /// `stats.errors` counts only the ones not already there).
    pub failed: u64,
    /// Body bytes read.
    pub body_bytes: u64,
}

struct Batch {
    prepared: Vec<Prepared>,
    errors: Vec<ErrorRecord>,
}

/// Reads `records`, annotates new documents with `annotate` in parallel, and writes them.
/// `annotate` returns an error message for a document it cannot process; that document is
/// recorded in the `errors` table (code `E001`) and the rest go on.
///
/// # Errors
/// The first [`StoreError`] from the writer; batches committed before it stay stored.
pub fn ingest<I, A>(
    store: &mut Store,
    records: I,
    annotate: A,
    config: &IngestConfig,
    mut on_progress: impl FnMut(&Progress),
) -> Result<IngestTotals, StoreError>
where
    I: Iterator<Item = Record>,
    A: Fn(&mut Document) -> Result<(), String> + Sync,
{
    let mut totals = IngestTotals::default();
    let mut progress = Progress::default();
    // A second connection answers "already stored?" while the writer writes (WAL allows it),
    // so a rerun skips annotation of everything committed before an interruption.
    let checker = store.reader()?;
    let mut already = 0u64;
    let annotation_failures = AtomicU64::new(0);
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Batch>(config.channel_batches.max(1));
        let writer = scope.spawn(move || write_all(store, rx));
        let mut batch = Batch {
            prepared: Vec::new(),
            errors: Vec::new(),
        };
        let mut pending: Vec<Document> = Vec::new();
        let mut bytes = 0usize;
        let send = |pending: &mut Vec<Document>, batch: &mut Batch| -> bool {
            let docs = std::mem::take(pending);
            let annotated: Vec<Result<Prepared, ErrorRecord>> = docs
                .into_par_iter()
                .map(|mut doc| match annotate(&mut doc) {
                    Ok(()) => Ok(Prepared::new(doc)),
                    Err(message) => Err(ErrorRecord {
                        path: doc
                            .meta
                            .origin
                            .as_ref()
                            .map_or_else(String::new, |o| o.path.clone()),
                        record: record_name(&doc),
                        code: "E001".to_owned(),
                        message,
                    }),
                })
                .collect();
            for item in annotated {
                match item {
                    Ok(p) => batch.prepared.push(p),
                    Err(e) => {
                        annotation_failures.fetch_add(1, Ordering::Relaxed);
                        batch.errors.push(e);
                    }
                }
            }
            let full = std::mem::replace(
                batch,
                Batch {
                    prepared: Vec::new(),
                    errors: Vec::new(),
                },
            );
            // A closed channel means the writer failed; its error is returned below.
            tx.send(full).is_ok()
        };
        let mut writer_alive = true;
        for record in records {
            progress.records += 1;
            match record {
                Record::Document(doc) => {
                    totals.documents += 1;
                    totals.body_bytes += doc.body.len() as u64;
                    progress.body_bytes += doc.body.len() as u64;
                    if checker
                        .as_ref()
                        .is_some_and(|c| c.contains(&doc.id).unwrap_or(false))
                    {
                        already += 1;
                        continue;
                    }
                    bytes += doc.body.len();
                    pending.push(*doc);
                }
                Record::Error(e) => {
                    totals.failed += 1;
                    batch.errors.push(e);
                }
            }
            if pending.len() + batch.errors.len() >= config.batch_documents
                || bytes >= config.batch_bytes
            {
                progress.annotated += pending.len() as u64;
                writer_alive = send(&mut pending, &mut batch);
                bytes = 0;
                on_progress(&progress);
                if !writer_alive {
                    break;
                }
            }
        }
        if writer_alive && (!pending.is_empty() || !batch.errors.is_empty()) {
            progress.annotated += pending.len() as u64;
            send(&mut pending, &mut batch);
            on_progress(&progress);
        }
        drop(tx);
        let stats = writer.join().unwrap_or_else(|_| {
            Err(StoreError::Export {
                target: "writer".to_owned(),
                message: "the writer thread panicked".to_owned(),
            })
        })?;
        totals.stats = stats;
        totals.stats.skipped += already;
        totals.failed += annotation_failures.load(Ordering::Relaxed);
        Ok(totals)
    })
}

fn record_name(doc: &Document) -> String {
    doc.meta
        .origin
        .as_ref()
        .and_then(|o| o.record.clone())
        .unwrap_or_else(|| format!("document {}", doc.id))
}

fn write_all(store: &mut Store, rx: Receiver<Batch>) -> Result<WriteStats, StoreError> {
    let mut stats = WriteStats::default();
    for batch in rx {
        stats += store.write(&batch.prepared, &batch.errors)?;
    }
    Ok(stats)
}
