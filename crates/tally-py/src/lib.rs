//! Python bindings for tally, and the Rust half they stand on.
//!
//! The Python package (`import tally`, built with maturin from this crate with the `python`
//! feature) offers `extract`, `extract_many` (parallel, GIL released), `read` (files of any
//! input format, streamed), `Pipeline` (one configured extractor, as a Spark partition
//! keeps it) and `Store` (queries over a `tally ingest` database). Documents come back as
//! plain dicts and lists with exactly the JSON schema of `tally extract`.
//!
//! The Rust half needs no Python and is tested by `cargo test`:
//! - [`rows`]: the rows `tally export` writes (documents, claims, figures), computed from
//!   one document, and [`rows::Ledger`], the merge across documents the store performs.
//!   The Spark job (`examples/spark/`) writes these rows and merges them with Spark SQL.
//! - [`input`]: one article from a string; whole files read and annotated on a background
//!   thread, in order, with errors as rows.
//! - [`batch`]: many articles on a rayon pool.
//!
//! ```
//! use tally_extract::{Pipeline, PipelineConfig};
//! use tally_ingest::IngestOptions;
//! use tally_py::{input, rows::DocumentRows};
//! let pipeline = Pipeline::builtin(&PipelineConfig::default()).unwrap();
//! let doc = input::extract_text(
//!     &pipeline,
//!     "Officials said 300 people were killed in the flood.",
//!     "<string>",
//!     &IngestOptions::default(),
//! )
//! .unwrap();
//! let rows = DocumentRows::of(&doc);
//! assert_eq!(rows.figures.len(), 1);
//! ```

pub mod batch;
mod error;
pub mod input;
pub mod rows;

#[cfg(feature = "python")]
mod python;

// The extension module's own Rust allocations (the pipeline's many small, short-lived
// strings and vectors) go to mimalloc, as in the `tally` binary, so that extraction costs
// the same in both; Python's objects keep Python's allocator. Only with the `python`
// feature, which only the extension module turns on.
#[cfg(feature = "python")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

pub use error::Error;
