//! The tally store: one embedded SQLite database holding documents, every annotation layer,
//! claims with all the documents that carry them, syndication clusters, and ingest errors.
//!
//! - [`Store::open`] creates or migrates the database (WAL mode, schema version in
//!   `user_version`, migrations under `migrations/`).
//! - [`Store::write`] stores a batch in one transaction; a document already stored is
//!   skipped, so re-ingesting the same input adds nothing and an interrupted ingest is
//!   completed by running it again. [`ingest::ingest`] drives reading, parallel
//!   annotation and the single writer.
//! - Queries: [`search`](Store::search) (FTS5), [`sources`](Store::sources) (syndication
//!   clusters), [`timeline`](Store::timeline) (estimates over time with contradictions and
//!   revisions), and [`export`] (JSONL, CSV, Parquet).
//! - Browsing, for the HTTP server: [`browse`] (claims with filters and pages, one claim
//!   with its carriers, a document with every annotation, speakers, entities).
//!
//! Limits: one writer at a time (SQLite), so several machines merge through `tally-pg`,
//! not by sharing a file; syndicated copies are found by shared word 5-grams, so a
//! translated or heavily rewritten copy is not clustered with its original.
//!
//! ```
//! use tally_core::{Document, DocumentMeta};
//! use tally_store::{Prepared, SearchScope, Store};
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = Document::new(DocumentMeta::default(), ["North Korean forces suffered casualties in Kursk."]);
//! store.write(&[Prepared::new(doc)], &[]).unwrap();
//! let hits = store.search("kursk", SearchScope::Documents, 10).unwrap();
//! assert_eq!(hits.len(), 1);
//! ```

pub mod browse;
mod claim_day;
mod counted;
mod dateline;
mod error;
pub mod export;
pub mod ingest;
mod known;
pub mod minhash;
mod names;
mod packed;
// Unix: per-read thread CPU time (rustix, a unix dev-dependency).
#[cfg(all(test, unix))]
mod plans;
pub mod schema;
mod search;
mod seen;
mod sources;
mod speaker_counts;
mod store;
mod timeline;
mod when;
mod write;
mod written;

pub use error::StoreError;
pub use export::{ExportFormat, ExportTable};
pub use search::{RANK_WINDOW, SearchHit, SearchScope};
pub use sources::{Cluster, ClusterMember};
pub use store::{
    Commit, Counts, ErrorRecord, InputMark, InputStatus, OnExisting, Prepared, Store, StoreOptions,
    Upgraded, WriteStats, claim_key,
};
pub use timeline::{Estimate, Flag, Timeline, TimelineQuery};
