//! The `tally._native` extension module. The public Python API is `python/tally/__init__.py`,
//! which wraps these classes with docstrings, defaults and DataFrame conversions.
//!
//! Every call that extracts or reads releases the GIL (`Python::detach`): other Python
//! threads run meanwhile, and `extract_many` spreads a batch over a rayon pool.

mod convert;
mod objects;
mod store;
mod texts;

use std::sync::mpsc::Receiver;
use std::sync::{Arc, Mutex};

use pyo3::exceptions::{PyRuntimeError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString, PyTuple};

use crate::Error;
use crate::batch::{self, Article};
use crate::input::{self, ErrorRow, InputOptions, Sink, Source};
use crate::rows::{CLAIM_COLUMNS, ColumnType, DOCUMENT_COLUMNS, DocumentRows, FIGURE_COLUMNS};
use objects::Names;

pyo3::create_exception!(
    _native,
    TallyError,
    pyo3::exceptions::PyException,
    "An input, extraction or store error; `code` holds its stable diagnostic code."
);

/// Converts an error into a `TallyError` carrying its code.
pub(crate) fn raise(py: Python<'_>, e: &Error) -> PyErr {
    let err = TallyError::new_err(e.to_string());
    // Setting an attribute on a fresh exception instance cannot fail in practice; if it
    // did, the message alone still says what went wrong.
    let _ = err.value(py).setattr("code", e.code());
    err
}

fn raise_row(py: Python<'_>, row: &ErrorRow) -> PyErr {
    let place = if row.record.is_empty() {
        row.path.clone()
    } else {
        format!("{}: {}", row.path, row.record)
    };
    // A whole-file error's message names the file already ("a.txt: no such file"), as the
    // store's `errors` table keeps it; said twice, it reads as a nested path.
    let message = if row.record.is_empty() && row.message.starts_with(&row.path) {
        row.message.clone()
    } else {
        format!("{place}: {}", row.message)
    };
    let err = TallyError::new_err(message);
    let _ = err.value(py).setattr("code", row.code.as_str());
    err
}

/// Pauses Python's cyclic garbage collector while it lives, restoring its previous state.
struct GcPause<'py> {
    gc: Option<Bound<'py, PyModule>>,
}

impl<'py> GcPause<'py> {
    fn new(py: Python<'py>) -> PyResult<GcPause<'py>> {
        let gc = py.import("gc")?;
        if gc.call_method0("isenabled")?.is_truthy()? {
            gc.call_method0("disable")?;
            return Ok(GcPause { gc: Some(gc) });
        }
        Ok(GcPause { gc: None })
    }
}

impl Drop for GcPause<'_> {
    fn drop(&mut self) {
        if let Some(gc) = &self.gc {
            // Re-enabling cannot fail in practice; a failure leaves the collector paused,
            // which costs memory, not correctness.
            let _ = gc.call_method0("enable");
        }
    }
}

/// A configured extraction pipeline. Building one loads the lexicons and automata once;
/// keep it and call it many times (a Spark job keeps one per partition).
#[pyclass(module = "tally._native", frozen)]
struct Pipeline {
    inner: Arc<tally_extract::Pipeline>,
}

#[allow(clippy::too_many_arguments)]
fn input_options(
    published: Option<String>,
    url: Option<String>,
    format: Option<String>,
    max_document_bytes: Option<u64>,
) -> InputOptions {
    InputOptions {
        published,
        url,
        format,
        max_document_bytes,
    }
}

/// One item of `extract_many`: a string, or a dict with `text` or `html` and optional
/// `url`, `title`, `published`, `format`, `name`.
fn article(
    py: Python<'_>,
    item: &Bound<'_, PyAny>,
    defaults: &InputOptions,
    index: usize,
) -> PyResult<Article> {
    let base = || -> PyResult<tally_ingest::IngestOptions> {
        defaults.ingest_options().map_err(|e| raise(py, &e))
    };
    if item.is_instance_of::<PyString>() {
        return Ok(Article {
            text: item.extract::<String>()?,
            name: "<string>".to_owned(),
            options: base()?,
            title: None,
        });
    }
    let Ok(dict) = item.cast::<PyDict>() else {
        return Err(PyTypeError::new_err(format!(
            "item {index}: expected a str or a dict with \"text\" or \"html\", got {}",
            item.get_type().name()?
        )));
    };
    let get = |key: &str| -> PyResult<Option<String>> {
        match dict.get_item(key)? {
            Some(v) if !v.is_none() => Ok(Some(v.extract::<String>()?)),
            _ => Ok(None),
        }
    };
    let (text, html) = (get("text")?, get("html")?);
    let mut options = InputOptions {
        published: get("published")?.or_else(|| defaults.published.clone()),
        url: get("url")?.or_else(|| defaults.url.clone()),
        format: get("format")?.or_else(|| defaults.format.clone()),
        max_document_bytes: defaults.max_document_bytes,
    };
    let text = match (text, html) {
        (Some(text), _) => text,
        (None, Some(html)) => {
            options.format = Some("html".to_owned());
            html
        }
        (None, None) => {
            return Err(PyValueError::new_err(format!(
                "item {index}: a dict needs a \"text\" or \"html\" field"
            )));
        }
    };
    Ok(Article {
        text,
        name: get("name")?.unwrap_or_else(|| "<string>".to_owned()),
        options: options.ingest_options().map_err(|e| raise(py, &e))?,
        title: get("title")?,
    })
}

/// `extract_many`'s loop: items are read a chunk at a time (bounding memory for long
/// iterables) and each chunk is extracted on the pool with the GIL released, while the
/// previous chunk's documents become Python objects (which needs the GIL) and the next
/// chunk's items are read: converting overlaps extracting instead of leaving the workers
/// idle.
struct Batches<'a> {
    pipeline: &'a tally_extract::Pipeline,
    pool: Option<&'a rayon::ThreadPool>,
    defaults: &'a InputOptions,
    chunk_size: usize,
}

/// A chunk's results, and the index of its first item (for messages).
type Extracted<T> = (usize, Vec<Result<T, Error>>);

impl Batches<'_> {
    /// Extracts every item, `finish` on the workers, `convert` under the GIL, in order.
    fn run<'py, T: Send>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        finish: impl Fn(tally_core::Document) -> T + Sync,
        mut convert: impl FnMut(&T) -> PyResult<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyList>> {
        let out = PyList::empty(py);
        let mut items = items.try_iter()?;
        let mut index = 0usize;
        let finish = &finish;
        std::thread::scope(|scope| -> PyResult<()> {
            let extract = |first: usize, articles: Vec<Article>| {
                scope.spawn(move || -> Extracted<T> {
                    let docs = batch::extract_all(self.pipeline, &articles, self.pool, finish);
                    (first, docs)
                })
            };
            let (articles, mut unread) = self.read(py, &mut items, &mut index);
            let mut running = (!articles.is_empty()).then(|| extract(0, articles));
            while let Some(handle) = running.take() {
                // An item that cannot be read is reported after the documents before it,
                // as if the chunks ran one after the other.
                let (next, failed) = match unread.take() {
                    Some(e) => (Vec::new(), Some(e)),
                    None => self.read(py, &mut items, &mut index),
                };
                unread = failed;
                let (first, docs) = py
                    .detach(|| handle.join())
                    .map_err(|_| PyRuntimeError::new_err("an extraction thread panicked"))?;
                if !next.is_empty() {
                    running = Some(extract(index - next.len(), next));
                }
                for (i, doc) in docs.iter().enumerate() {
                    let doc = doc.as_ref().map_err(|e| {
                        let err = raise(py, e);
                        let message = format!("item {}: {e}", first + i);
                        let _ = err.value(py).setattr("args", (message,));
                        err
                    })?;
                    out.append(convert(doc)?)?;
                }
                // Freeing a chunk of documents is work the converting thread, the one
                // that can bound throughput, need not do.
                scope.spawn(move || drop(docs));
            }
            match unread {
                Some(e) => Err(e),
                None => Ok(()),
            }
        })?;
        Ok(out)
    }

    /// The next chunk of articles; on an item that cannot be read, the articles before it
    /// and the error.
    fn read(
        &self,
        py: Python<'_>,
        items: &mut Bound<'_, pyo3::types::PyIterator>,
        index: &mut usize,
    ) -> (Vec<Article>, Option<PyErr>) {
        let mut chunk = Vec::with_capacity(self.chunk_size);
        while chunk.len() < self.chunk_size {
            let Some(item) = items.next() else {
                break;
            };
            match item.and_then(|item| article(py, &item, self.defaults, *index)) {
                Ok(a) => chunk.push(a),
                Err(e) => return (chunk, Some(e)),
            }
            *index += 1;
        }
        (chunk, None)
    }
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (*, gazetteer=None, conventions=None))]
    fn new(
        py: Python<'_>,
        gazetteer: Option<std::path::PathBuf>,
        conventions: Option<String>,
    ) -> PyResult<Pipeline> {
        let config = tally_extract::PipelineConfig {
            gazetteer,
            conventions,
        };
        let inner = py
            .detach(|| tally_extract::Pipeline::builtin(&config))
            .map_err(|e| raise(py, &Error::from(e)))?;
        Ok(Pipeline {
            inner: Arc::new(inner),
        })
    }

    /// The extractors, in order.
    #[getter]
    fn names(&self) -> Vec<&'static str> {
        self.inner.names()
    }

    #[pyo3(signature = (text, *, published=None, url=None, title=None, format=None, name=None))]
    #[allow(clippy::too_many_arguments)]
    fn extract<'py>(
        &self,
        py: Python<'py>,
        text: String,
        published: Option<String>,
        url: Option<String>,
        title: Option<String>,
        format: Option<String>,
        name: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let options = input_options(published, url, format, None)
            .ingest_options()
            .map_err(|e| raise(py, &e))?;
        let article = Article {
            text,
            name: name.unwrap_or_else(|| "<string>".to_owned()),
            options,
            title,
        };
        let pipeline = &self.inner;
        let doc = py
            .detach(|| batch::extract_one(pipeline, &article))
            .map_err(|e| raise(py, &e))?;
        objects::to_py(&Names::new(py), &doc)
    }

    #[pyo3(signature = (items, *, threads=None, published=None, url=None, format=None, chunk_size=512, output="dict"))]
    #[allow(clippy::too_many_arguments)]
    fn extract_many<'py>(
        &self,
        py: Python<'py>,
        items: &Bound<'py, PyAny>,
        threads: Option<usize>,
        published: Option<String>,
        url: Option<String>,
        format: Option<String>,
        chunk_size: usize,
        output: &str,
    ) -> PyResult<Bound<'py, PyList>> {
        let defaults = input_options(published, url, format, None);
        let pool = match threads {
            Some(0) => {
                return Err(PyValueError::new_err("threads must be at least 1"));
            }
            Some(n) => Some(
                rayon::ThreadPoolBuilder::new()
                    .num_threads(n)
                    .build()
                    .map_err(|e| PyValueError::new_err(format!("cannot start {n} threads: {e}")))?,
            ),
            None => None,
        };
        let batches = Batches {
            pipeline: &self.inner,
            pool: pool.as_ref(),
            defaults: &defaults,
            chunk_size: chunk_size.max(1),
        };
        match output {
            "dict" => {
                // Documents are trees of plain values: no reference cycles for the
                // collector to find. Left on, it rescans every live container each time
                // objects are added (measured on 12,500 articles: paused per chunk only,
                // collections between chunks still took a fifth of the call's time), so it
                // is paused for the whole call and restored after.
                let _paused = GcPause::new(py)?;
                let names = Names::new(py);
                batches.run(py, items, |d| d, |doc| objects::to_py(&names, doc))
            }
            // The text `tally extract --format jsonl` prints, written on the workers: the
            // only work left under the GIL is copying it into a str.
            "json" => batches.run(
                py,
                items,
                |d| convert::document_json(&d),
                |text| Ok(PyString::new(py, text).into_any()),
            ),
            _ => Err(PyValueError::new_err(format!(
                "output must be \"dict\" or \"json\", not {output:?}"
            ))),
        }
    }
    /// Reads files (any input format), streaming: returns an iterator.
    #[pyo3(signature = (paths, *, extract=true, published=None, url=None, format=None, max_document_bytes=None, errors="raise"))]
    #[allow(clippy::too_many_arguments)]
    fn read(
        &self,
        py: Python<'_>,
        paths: Vec<String>,
        extract: bool,
        published: Option<String>,
        url: Option<String>,
        format: Option<String>,
        max_document_bytes: Option<u64>,
        errors: &str,
    ) -> PyResult<DocumentIter> {
        let errors = ErrorMode::parse(errors)?;
        let options = input_options(published, url, format, max_document_bytes)
            .ingest_options()
            .map_err(|e| raise(py, &e))?;
        let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
        let sources = Source::expand(&paths);
        let pipeline = extract.then(|| Arc::clone(&self.inner));
        let rx = input::stream(sources, options, pipeline, input::Documents, 16);
        Ok(DocumentIter {
            rx: Mutex::new(rx),
            errors,
        })
    }

    /// For the Spark job: reads `sources` (pairs of name and bytes, or `None` to read the
    /// name from the local file system) and yields, per document, the export rows; per bad
    /// record, an error row.
    #[pyo3(signature = (sources, *, published=None, url=None, format=None, max_document_bytes=None))]
    fn export_rows(
        &self,
        py: Python<'_>,
        sources: Vec<(String, Option<Vec<u8>>)>,
        published: Option<String>,
        url: Option<String>,
        format: Option<String>,
        max_document_bytes: Option<u64>,
    ) -> PyResult<RowIter> {
        let options = input_options(published, url, format, max_document_bytes)
            .ingest_options()
            .map_err(|e| raise(py, &e))?;
        let sources = sources
            .into_iter()
            .map(|(name, data)| Source::new(name, data))
            .collect();
        let rx = input::stream(sources, options, Some(Arc::clone(&self.inner)), Rows, 32);
        Ok(RowIter { rx: Mutex::new(rx) })
    }
}

#[derive(Clone, Copy)]
enum ErrorMode {
    Raise,
    Skip,
    Include,
}

impl ErrorMode {
    fn parse(name: &str) -> PyResult<ErrorMode> {
        match name {
            "raise" => Ok(ErrorMode::Raise),
            "skip" => Ok(ErrorMode::Skip),
            "include" => Ok(ErrorMode::Include),
            _ => Err(PyValueError::new_err(format!(
                "errors must be \"raise\", \"skip\" or \"include\", not {name:?}"
            ))),
        }
    }
}

/// Documents read from files, one at a time.
#[pyclass(module = "tally._native")]
struct DocumentIter {
    rx: Mutex<Receiver<Result<tally_core::Document, ErrorRow>>>,
    errors: ErrorMode,
}

#[pymethods]
impl DocumentIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        loop {
            let next = py.detach(|| {
                let rx = self.rx.lock().ok()?;
                rx.recv().ok()
            });
            match next {
                None => return Ok(None),
                Some(Ok(doc)) => return objects::to_py(&Names::new(py), &doc).map(Some),
                Some(Err(row)) => match self.errors {
                    ErrorMode::Raise => return Err(raise_row(py, &row)),
                    ErrorMode::Skip => {}
                    ErrorMode::Include => {
                        let value = serde_json::json!({ "error": row });
                        return convert::to_py(py, &value).map(Some);
                    }
                },
            }
        }
    }
}

/// The reader thread's per-document work for the Spark job: the export rows.
struct Rows;

impl Sink for Rows {
    type Output = DocumentRows;
    fn finish(&self, doc: tally_core::Document) -> DocumentRows {
        DocumentRows::of(&doc)
    }
}

/// Export rows of documents read from files.
#[pyclass(module = "tally._native")]
struct RowIter {
    rx: Mutex<Receiver<Result<DocumentRows, ErrorRow>>>,
}

#[pymethods]
impl RowIter {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// `("document", document_row, claim_instances, figure_rows, bands, signature)` or
    /// `("error", path, record, code, message)`.
    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        let next = py.detach(|| self.rx.lock().ok().and_then(|rx| rx.recv().ok()));
        let Some(item) = next else {
            return Ok(None);
        };
        let tuple = match item {
            Ok(rows) => {
                let document = convert::row(py, &rows.document)?;
                let claims = PyList::empty(py);
                for c in &rows.claims {
                    claims.append(
                        (
                            &c.claim_key,
                            &c.claimant_kind,
                            &c.claimant,
                            c.claimant_anonymous,
                            &c.kind,
                            &c.content,
                            &c.said_date,
                            &c.document_id,
                            &c.claim_id,
                            &c.publisher,
                        )
                            .into_pyobject(py)?,
                    )?;
                }
                let figures = PyList::empty(py);
                for f in &rows.figures {
                    figures.append(convert::row(py, f)?)?;
                }
                (
                    "document",
                    document,
                    claims,
                    figures,
                    rows.bands,
                    PyBytes::new(py, &rows.signature),
                )
                    .into_pyobject(py)?
            }
            Err(e) => ("error", e.path, e.record, e.code, e.message).into_pyobject(py)?,
        };
        Ok(Some(tuple))
    }
}

/// The columns of a `tally export` table: `[(name, type)]`, types `text`, `int`, `real`,
/// `bool` or `json` (JSON text).
#[pyfunction]
fn columns(table: &str) -> PyResult<Vec<(&'static str, &'static str)>> {
    let columns = match table {
        "documents" => DOCUMENT_COLUMNS,
        "claims" => CLAIM_COLUMNS,
        "figures" => FIGURE_COLUMNS,
        _ => {
            return Err(PyValueError::new_err(format!(
                "unknown table {table:?}: expected \"claims\", \"figures\" or \"documents\""
            )));
        }
    };
    Ok(columns
        .iter()
        .map(|(name, ty)| {
            let ty = match ty {
                ColumnType::Text => "text",
                ColumnType::Int => "int",
                ColumnType::Real => "real",
                ColumnType::Bool => "bool",
                ColumnType::Json => "json",
            };
            (*name, ty)
        })
        .collect())
}

/// MinHash similarity of two signatures (bytes from `export_rows`), as the store uses to
/// confirm that two documents are syndicated copies.
#[pyfunction]
fn similarity(a: &[u8], b: &[u8]) -> Option<f64> {
    use tally_store::minhash::Signature;
    let a = Signature::from_bytes(a)?;
    let b = Signature::from_bytes(b)?;
    Some(a.similarity(&b))
}

/// The similarity at or above which the store puts two documents in one cluster.
#[pyfunction]
fn cluster_similarity() -> f64 {
    tally_store::StoreOptions::default().cluster_similarity
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("TallyError", m.py().get_type::<TallyError>())?;
    m.add_class::<Pipeline>()?;
    m.add_class::<DocumentIter>()?;
    m.add_class::<RowIter>()?;
    m.add_class::<store::Store>()?;
    m.add_function(wrap_pyfunction!(columns, m)?)?;
    m.add_function(wrap_pyfunction!(similarity, m)?)?;
    m.add_function(wrap_pyfunction!(cluster_similarity, m)?)?;
    Ok(())
}
