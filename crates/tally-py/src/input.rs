//! Reading inputs for the bindings: one article from a string, and whole files (JSONL, WARC,
//! feeds, HTML, Markdown, text) streamed by a reader thread that also runs the pipeline.
//!
//! The reader thread exists because `tally_ingest::Records` is not `Send`, so it cannot be
//! driven from a Python call that releases the GIL; a thread that owns it can. It also
//! overlaps reading and extraction with the caller's work (building Python objects, Spark's
//! serialization). The channel between them is bounded, so memory stays at a few documents
//! however large the file.
//!
//! In-memory inputs (bytes handed over by Spark's `binaryFiles` for a remote URI) are
//! written to a temporary file named like the original, so format detection by extension
//! and gzip sniffing behave as for a local file; the documents' origin names the original.

use std::io::Write;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, sync_channel};

use tally_core::{Document, Published, PublishedSource};
use tally_extract::Pipeline;
use tally_ingest::{Format, IngestError, IngestOptions};

use crate::Error;

/// Input settings, as the Python functions take them.
#[derive(Debug, Clone, Default)]
pub struct InputOptions {
    /// Publication date or date-time (`YYYY-MM-DD` or RFC 3339); overrides the input's.
    pub published: Option<String>,
    /// Url, when the input does not give one.
    pub url: Option<String>,
    /// Force a format (`markdown`, `text`, `html`, `jsonl`, `warc`, `feed`).
    pub format: Option<String>,
    /// Largest single article in bytes (`None`: the ingest default, 16 MiB).
    pub max_document_bytes: Option<u64>,
}

impl InputOptions {
    /// The ingest options these settings describe.
    ///
    /// # Errors
    /// [`Error::InvalidArgument`] for an unparseable date or an unknown format.
    pub fn ingest_options(&self) -> Result<IngestOptions, Error> {
        let published = self
            .published
            .as_deref()
            .map(|value| {
                Published::parse_iso(value)
                    .map(|mut p| {
                        p.source = PublishedSource::User;
                        p
                    })
                    .map_err(|e| Error::InvalidArgument {
                        what: "published",
                        value: value.to_owned(),
                        reason: e.to_string(),
                    })
            })
            .transpose()?;
        let format = self.format.as_deref().map(parse_format).transpose()?;
        let mut options = IngestOptions {
            published,
            url: self.url.clone(),
            format,
            ..IngestOptions::default()
        };
        if let Some(limit) = self.max_document_bytes {
            options.max_document_bytes = limit;
        }
        Ok(options)
    }
}

/// The format called `name`.
///
/// # Errors
/// [`Error::InvalidArgument`] naming the known formats.
pub fn parse_format(name: &str) -> Result<Format, Error> {
    Format::from_name(name).ok_or_else(|| Error::InvalidArgument {
        what: "format",
        value: name.to_owned(),
        reason: format!(
            "expected one of {}",
            Format::ALL
                .iter()
                .map(|f| f.name())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    })
}

/// Parses and annotates one article held in memory. `format` defaults to Markdown when the
/// text looks like it (a `# ` title, links), else plain text, as for a file.
///
/// # Errors
/// [`Error::Ingest`] when no body text remains; [`Error::Extract`] when an extractor fails.
pub fn extract_text(
    pipeline: &Pipeline,
    text: &str,
    name: &str,
    options: &IngestOptions,
) -> Result<Document, Error> {
    let format = options
        .format
        .unwrap_or_else(|| Format::detect(std::path::Path::new(name), text.as_bytes()));
    let mut doc = tally_ingest::parse_str(text, format, name, options)?;
    pipeline.run(&mut doc)?;
    Ok(doc)
}

/// A record that could not be read or annotated, as the store's `errors` table holds it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ErrorRow {
    /// The input.
    pub path: String,
    /// The record in it (`line 12`, a WARC record id), empty for the whole file.
    pub record: String,
    /// The stable diagnostic code.
    pub code: String,
    /// What went wrong.
    pub message: String,
}

impl ErrorRow {
    fn ingest(e: &IngestError, path: &str) -> ErrorRow {
        match e {
            IngestError::Record {
                path,
                record,
                message,
            } => ErrorRow {
                path: path.clone(),
                record: record.clone(),
                code: e.code().to_owned(),
                message: message.clone(),
            },
            other => ErrorRow {
                path: path.to_owned(),
                record: String::new(),
                code: other.code().to_owned(),
                message: other.to_string(),
            },
        }
    }
}

/// One input file: a path to read, or bytes read elsewhere under that name.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name documents and errors report (a path or URI).
    pub name: String,
    /// The file's bytes, when they were read elsewhere (a remote URI); `None` reads `name`
    /// from the local file system.
    pub data: Option<Vec<u8>>,
    /// An error found before reading (an unlistable directory): reported in order.
    pub failed: Option<ErrorRow>,
}

impl Source {
    /// A file to read under `name`, from `data` or else from the local file system.
    #[must_use]
    pub fn new(name: String, data: Option<Vec<u8>>) -> Source {
        Source {
            name,
            data,
            failed: None,
        }
    }

    /// Local paths, directories walked recursively in sorted order, as `tally` walks them.
    #[must_use]
    pub fn expand(paths: &[PathBuf]) -> Vec<Source> {
        tally_ingest::expand(paths)
            .into_iter()
            .map(|p| match p {
                Ok(p) => Source::new(p.display().to_string(), None),
                Err(e) => Source {
                    name: String::new(),
                    data: None,
                    failed: Some(ErrorRow::ingest(&e, "")),
                },
            })
            .collect()
    }
}

/// What the reader thread does with each document after the pipeline ran.
pub trait Sink: Send + 'static {
    /// What it makes of a document.
    type Output: Send + 'static;
    /// Turns an annotated document into the output.
    fn finish(&self, doc: Document) -> Self::Output;
}

/// Annotated documents as they are.
#[derive(Debug, Clone, Copy)]
pub struct Documents;

impl Sink for Documents {
    type Output = Document;
    fn finish(&self, doc: Document) -> Document {
        doc
    }
}

/// Reads `sources` in order on a background thread, runs `pipeline` (unless `None`: read
/// only) over every document and sends each result, or each error, to the returned
/// receiver. Dropping the receiver stops the thread at its next document.
#[must_use]
pub fn stream<S: Sink>(
    sources: Vec<Source>,
    options: IngestOptions,
    pipeline: Option<Arc<Pipeline>>,
    sink: S,
    capacity: usize,
) -> Receiver<Result<S::Output, ErrorRow>> {
    let (tx, rx) = sync_channel(capacity.max(1));
    std::thread::spawn(move || {
        for source in sources {
            if let Some(row) = source.failed {
                if tx.send(Err(row)).is_err() {
                    return;
                }
                continue;
            }
            let staged = match stage(&source) {
                Ok(staged) => staged,
                Err(e) => {
                    let row = ErrorRow {
                        path: source.name.clone(),
                        record: String::new(),
                        code: e.code().to_owned(),
                        message: e.to_string(),
                    };
                    if tx.send(Err(row)).is_err() {
                        return;
                    }
                    continue;
                }
            };
            let records = match tally_ingest::read(staged.path(), &options) {
                Ok(records) => records,
                Err(e) => {
                    let row = ErrorRow::ingest(&staged.rename_error(e), &source.name);
                    if tx.send(Err(row)).is_err() {
                        return;
                    }
                    continue;
                }
            };
            for record in records {
                let item = match record {
                    Ok(mut doc) => {
                        staged.rename(&mut doc);
                        match pipeline.as_ref().map(|p| p.run(&mut doc)) {
                            Some(Err(e)) => Err(ErrorRow {
                                path: source.name.clone(),
                                record: doc
                                    .meta
                                    .origin
                                    .as_ref()
                                    .and_then(|o| o.record.clone())
                                    .unwrap_or_else(|| format!("document {}", doc.id)),
                                code: "E001".to_owned(),
                                message: e.to_string(),
                            }),
                            _ => Ok(sink.finish(doc)),
                        }
                    }
                    Err(e) => Err(ErrorRow::ingest(&staged.rename_error(e), &source.name)),
                };
                if tx.send(item).is_err() {
                    return;
                }
            }
        }
    });
    rx
}

/// A source ready to read: its own path, or a temporary copy of its bytes.
enum Staged {
    Path(PathBuf),
    Temp {
        file: tempfile::TempPath,
        name: String,
    },
}

fn stage(source: &Source) -> Result<Staged, Error> {
    let Some(data) = &source.data else {
        return Ok(Staged::Path(PathBuf::from(local_path(&source.name))));
    };
    // Keep the original file name so detection by extension (.warc.gz, .jsonl) still works.
    let file_name = source
        .name
        .rsplit('/')
        .next()
        .filter(|n| !n.is_empty())
        .unwrap_or("input");
    let fail = |source_error| Error::Stage {
        name: source.name.clone(),
        source: source_error,
    };
    // The temporary name ends with the original one (`tally-XXXX-crawl.warc.gz`), so
    // detection by extension sees the same extension.
    let mut file = tempfile::Builder::new()
        .prefix("tally-")
        .suffix(&format!("-{file_name}"))
        .tempfile()
        .map_err(fail)?;
    file.write_all(data).map_err(fail)?;
    file.flush().map_err(fail)?;
    Ok(Staged::Temp {
        file: file.into_temp_path(),
        name: source.name.clone(),
    })
}

impl Staged {
    fn path(&self) -> &std::path::Path {
        match self {
            Staged::Path(p) => p,
            Staged::Temp { file, .. } => file,
        }
    }

    /// Names the original input in a document read from a temporary copy.
    fn rename(&self, doc: &mut Document) {
        if let (Staged::Temp { name, .. }, Some(origin)) = (self, doc.meta.origin.as_mut()) {
            origin.path.clone_from(name);
        }
    }

    /// Names the original input in an error about a temporary copy.
    fn rename_error(&self, e: IngestError) -> IngestError {
        match (self, e) {
            (
                Staged::Temp { name, .. },
                IngestError::Record {
                    record, message, ..
                },
            ) => IngestError::Record {
                path: name.clone(),
                record,
                message,
            },
            (_, e) => e,
        }
    }
}

/// `file:///a/b` and `file:/a/b` are the local path `/a/b`; anything else is a path as is.
#[must_use]
pub fn local_path(name: &str) -> &str {
    name.strip_prefix("file://")
        .or_else(|| name.strip_prefix("file:"))
        .unwrap_or(name)
}
