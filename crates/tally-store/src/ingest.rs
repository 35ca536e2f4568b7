//! The ingest loop: read records in order, annotate them in parallel, write them with one
//! writer in batched transactions.
//!
//! The caller's thread reads records and cuts them into batches (by count and by bytes);
//! each batch is annotated with rayon and handed over a bounded channel to a writer thread
//! that owns the [`Store`]. Documents already stored are dropped before annotation, so
//! rerunning an interrupted ingest costs only reading.
//!
//! One ingest covers every input of a run: batches run across file boundaries, so a folder
//! of ten thousand single-article HTML files costs twenty transactions, not ten thousand.
//! [`Record::InputStart`] and [`Record::InputEnd`] mark where each file's records begin
//! and end; the writer records an input as done in the transaction that stores its last
//! records, so a rerun skips exactly the inputs whose every record is stored.
//!
//! The writer commits every `commit_documents` documents (whole batches), not every batch:
//! the rows of the tables with random-key indexes wait for the commit as plain values (a
//! few KB per document; the documents themselves are freed batch by batch), so those
//! indexes are swept once per commit (see [`Store::write_batch_then`]).
//!
//! Memory bound: at most `channel_batches + 2` batches exist at once (one being filled and
//! annotated, `channel_batches` queued, one being written), plus the pending rows of up to
//! `commit_documents + batch_documents` documents. A batch closes once its bodies
//! reach `batch_bytes`, so it holds at most `batch_bytes` plus one document, and a document
//! is at most the reader's per-record limit (16 MiB by default). With the defaults (8 MiB,
//! 2 queued) that is 4 × (8 + 16) MiB of bodies, times the annotations' overhead (layers
//! are a few times the body's size): well under 1 GiB in the worst case, tens of MiB on
//! real news.

use std::collections::HashMap;
use std::sync::mpsc::{Receiver, sync_channel};

use rayon::prelude::*;
use tally_core::Document;

use crate::error::At;
use crate::{Commit, ErrorRecord, InputMark, Prepared, Store, StoreError, WriteStats};

/// One item read from an input: a document, or an error naming its record.
#[derive(Debug)]
pub enum Record {
    /// A document ready to annotate (boxed: documents are large, errors small).
    Document(Box<Document>),
    /// A record that could not be read.
    Error(ErrorRecord),
    /// An input file starts; its records follow, up to the next [`Record::InputEnd`].
    /// Inputs that cannot be resumed (standard input) have no marks.
    InputStart {
        /// The input file, as the `inputs` table names it.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// Its modification time, nanoseconds since the epoch.
        mtime_ns: i64,
    },
    /// The input that started last was read to the end.
    InputEnd,
}

/// Batch sizes.
#[derive(Debug, Clone)]
pub struct IngestConfig {
    /// Most documents in one batch (annotated together, held in memory until written).
    pub batch_documents: usize,
    /// The writer commits once this many documents were written since its last commit
    /// (whole batches, so a transaction holds up to `commit_documents + batch_documents -
    /// 1`), and at the end. Fewer commits rewrite the random-key indexes' pages fewer times
    /// (see [`Store::write_batch_then`]); the batches stay the unit of memory.
    ///
    /// 4,096 by default: every commit writes the pages its rows touched into the WAL, and in
    /// the random-key indexes (figures by measure, carriers by claim, claim keys, bands)
    /// that is nearly every page, so the bytes written grow with the square of the store.
    /// On the 220 MB generated corpus (53,302 documents) 2,048 wrote 3.5 GB to disk for an
    /// 861 MB database, 4,096 wrote 2.8 GB, for 2 MiB more peak memory (the rows that wait
    /// for the commit); 8,192 wrote 2.4 GB but held 19 MiB more, and an interruption loses
    /// twice as many documents.
    pub commit_documents: usize,
    /// A batch closes once its bodies reach this many bytes.
    pub batch_bytes: usize,
    /// Batches queued between the annotators and the writer.
    pub channel_batches: usize,
    /// Whether a document already stored is dropped before annotation (a rerun after an
    /// interruption). `false` annotates it again, for a store opened with
    /// [`OnExisting::Replace`](crate::OnExisting) after a pipeline upgrade.
    pub skip_stored: bool,
}

impl Default for IngestConfig {
    fn default() -> Self {
        IngestConfig {
            batch_documents: 512,
            commit_documents: 4096,
            batch_bytes: 8 * 1024 * 1024,
            channel_batches: 2,
            skip_stored: true,
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

#[derive(Default)]
struct Batch {
    prepared: Vec<Prepared>,
    errors: Vec<ErrorRecord>,
    inputs: Vec<InputMark>,
}

/// Input marks waiting for their batch, and each open input's counts. An input's end mark
/// gets its counts when the batch that holds it is annotated: by then every one of its
/// documents has been, in that batch or an earlier one.
#[derive(Default)]
struct Inputs {
    /// Counts by input number: path, documents read, records failed.
    open: HashMap<usize, (String, u64, u64)>,
    /// The input whose records are being read.
    current: Option<usize>,
    next: usize,
    /// Marks for the batch being filled: a start, or the end of an input by number.
    marks: Vec<Mark>,
}

enum Mark {
    Start(InputMark),
    End(usize),
}

impl Inputs {
    fn count(&mut self, document: bool) {
        if let Some((_, docs, errors)) = self.current.and_then(|i| self.open.get_mut(&i)) {
            if document {
                *docs += 1;
            } else {
                *errors += 1;
            }
        }
    }
}

/// Documents handed to `annotate` at once. Each annotator thread runs the pipeline a stage
/// at a time over this many documents, so a stage's code and tables stay in the caches
/// (see `tally_extract::Pipeline::run_batch`); a batch of 512 still spreads over eight.
const ANNOTATE_DOCUMENTS: usize = 64;

/// Reads `records`, annotates new documents with `annotate` in parallel, and writes them.
/// `annotate` gets up to [`ANNOTATE_DOCUMENTS`] documents at a time and returns one result
/// per document, in order: an error message for a document it cannot process, which is
/// recorded in the `errors` table (code `E001`) while the rest go on.
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
    A: Fn(&mut [Document]) -> Vec<Result<(), String>> + Sync,
{
    let mut totals = IngestTotals::default();
    let mut progress = Progress::default();
    // A second connection answers "already stored?" while the writer writes (WAL allows it),
    // so a rerun skips annotation of everything committed before an interruption.
    let checker = store.reader()?;
    if let Some(checker) = &checker {
        // Point lookups of document ids need a few index pages, not a 64 MiB cache (pages
        // still in the WAL are read into it, so it would fill during a long ingest).
        checker
            .connection()
            .execute_batch("PRAGMA cache_size = -2048")
            .at(checker.path())?;
    }
    let mut already = 0u64;
    let mut failed_annotation = 0u64;
    let mut inputs = Inputs::default();
    std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Batch>(config.channel_batches.max(1));
        let commit_documents = config.commit_documents;
        let writer = scope.spawn(move || write_all(store, rx, commit_documents));
        let mut batch = Batch::default();
        // Documents to annotate, each with the input it came from.
        let mut pending: Vec<(Document, Option<usize>)> = Vec::new();
        let mut bytes = 0usize;
        let mut send = |pending: &mut Vec<(Document, Option<usize>)>,
                        batch: &mut Batch,
                        inputs: &mut Inputs|
         -> bool {
            let docs = std::mem::take(pending);
            let annotated: Vec<(Result<Prepared, ErrorRecord>, Option<usize>)> = docs
                .into_par_iter()
                .chunks(ANNOTATE_DOCUMENTS)
                .flat_map_iter(|chunk| annotate_chunk(&annotate, chunk))
                .collect();
            for (item, input) in annotated {
                match item {
                    Ok(p) => batch.prepared.push(p),
                    Err(e) => {
                        failed_annotation += 1;
                        if let Some((_, _, errors)) = input.and_then(|i| inputs.open.get_mut(&i)) {
                            *errors += 1;
                        }
                        batch.errors.push(e);
                    }
                }
            }
            for mark in inputs.marks.drain(..) {
                batch.inputs.push(match mark {
                    Mark::Start(m) => m,
                    Mark::End(i) => {
                        let (path, documents, errors) = inputs.open.remove(&i).unwrap_or_default();
                        InputMark::Finished {
                            path,
                            documents,
                            errors,
                        }
                    }
                });
            }
            // A closed channel means the writer failed; its error is returned below.
            tx.send(std::mem::take(batch)).is_ok()
        };
        let mut writer_alive = true;
        for record in records {
            match record {
                Record::Document(doc) => {
                    progress.records += 1;
                    totals.documents += 1;
                    totals.body_bytes += doc.body.len() as u64;
                    progress.body_bytes += doc.body.len() as u64;
                    inputs.count(true);
                    if config.skip_stored
                        && checker
                            .as_ref()
                            .is_some_and(|c| c.contains(&doc.id).unwrap_or(false))
                    {
                        already += 1;
                        continue;
                    }
                    bytes += doc.body.len();
                    pending.push((*doc, inputs.current));
                }
                Record::Error(e) => {
                    progress.records += 1;
                    totals.failed += 1;
                    inputs.count(false);
                    batch.errors.push(e);
                }
                Record::InputStart {
                    path,
                    size,
                    mtime_ns,
                } => {
                    let number = inputs.next;
                    inputs.next += 1;
                    inputs.open.insert(number, (path.clone(), 0, 0));
                    inputs.current = Some(number);
                    inputs.marks.push(Mark::Start(InputMark::Started {
                        path,
                        size,
                        mtime_ns,
                    }));
                    continue;
                }
                Record::InputEnd => {
                    if let Some(number) = inputs.current.take() {
                        inputs.marks.push(Mark::End(number));
                    }
                    continue;
                }
            }
            if pending.len() + batch.errors.len() >= config.batch_documents
                || bytes >= config.batch_bytes
            {
                progress.annotated += pending.len() as u64;
                writer_alive = send(&mut pending, &mut batch, &mut inputs);
                bytes = 0;
                on_progress(&progress);
                if !writer_alive {
                    break;
                }
            }
        }
        if writer_alive
            && (!pending.is_empty() || !batch.errors.is_empty() || !inputs.marks.is_empty())
        {
            progress.annotated += pending.len() as u64;
            send(&mut pending, &mut batch, &mut inputs);
            on_progress(&progress);
        }
        drop(tx);
        let stats = writer.join().unwrap_or_else(|_| {
            Err(StoreError::Export {
                target: "writer".to_owned(),
                message: "the writer thread panicked".to_owned(),
                source: None,
            })
        })?;
        totals.stats = stats;
        totals.stats.skipped += already;
        totals.failed += failed_annotation;
        Ok(totals)
    })
}

/// Annotates one chunk of documents (each with its input) and prepares each for the
/// writer, or turns its failure into an error record; in input order.
fn annotate_chunk<A>(
    annotate: &A,
    chunk: Vec<(Document, Option<usize>)>,
) -> Vec<(Result<Prepared, ErrorRecord>, Option<usize>)>
where
    A: Fn(&mut [Document]) -> Vec<Result<(), String>>,
{
    let (mut docs, inputs): (Vec<Document>, Vec<Option<usize>>) = chunk.into_iter().unzip();
    let results = annotate(&mut docs);
    docs.into_iter()
        .zip(inputs)
        .zip(results)
        .map(|((mut doc, input), result)| {
            let result = match result {
                Ok(()) => {
                    // The store keeps no tokens; dropping them here keeps the batches
                    // waiting for the writer a few times smaller.
                    doc.tokens = Vec::new();
                    Ok(Prepared::new(doc))
                }
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
            };
            (result, input)
        })
        .collect()
}

fn record_name(doc: &Document) -> String {
    doc.meta
        .origin
        .as_ref()
        .and_then(|o| o.record.clone())
        .unwrap_or_else(|| format!("document {}", doc.id))
}

fn write_all(
    store: &mut Store,
    rx: Receiver<Batch>,
    commit_documents: usize,
) -> Result<WriteStats, StoreError> {
    let mut stats = WriteStats::default();
    let mut uncommitted = 0usize;
    for batch in rx {
        uncommitted += batch.prepared.len() + batch.errors.len();
        let commit = if uncommitted >= commit_documents {
            uncommitted = 0;
            Commit::Now
        } else {
            Commit::Later
        };
        stats += store.write_batch_then(&batch.prepared, &batch.errors, &batch.inputs, commit)?;
        // The written documents are freed on the annotators' pool, not here: the single
        // writer is the busier thread when there are two cores or more, and freeing a
        // batch (512 documents, each a few hundred allocations, most made by an annotator
        // thread) was a twentieth of its time. The pending rows it still needs are copies.
        rayon::spawn(move || drop(batch));
    }
    stats.claims += store.commit()?;
    Ok(stats)
}
