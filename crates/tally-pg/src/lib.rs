//! tally on PostgreSQL: mirror tally SQLite stores into one shared PostgreSQL database,
//! with the same tables and columns, for a newsroom or research team that ingests on
//! several machines and queries one database with SQL and its own tools.
//!
//! [`push`] reads the store's schema from SQLite's catalog ([`sqlite::read`]), creates the
//! same tables in a PostgreSQL schema (types mapped: INTEGER → BIGINT, REAL → DOUBLE
//! PRECISION, TEXT → TEXT, BLOB → BYTEA; the same primary keys, unique constraints and
//! indexes; each FTS5 table becomes a GIN index over `to_tsvector` of its content columns
//! and a view of the same name), records the store's schema version, and copies the rows.
//! A mirror made from an older store version is upgraded in place first, to the pushing
//! store's catalog; the documents it held are replaced as stores push them again.
//!
//! Merging stores: documents, claims and sources have natural keys (the document's content
//! id, the claim key, the source name), but the integer ids the store's rows refer to each
//! other by (`documents.pk`, `claims.pk`, `sources.id`, and the cluster ids that name a
//! document's pk) are local to one SQLite file. PostgreSQL gives every such row its own id
//! and the push rewrites each reference through the natural key, so two stores holding the
//! same claim share one `claims` row, and a document pushed from a second store is skipped
//! with its rows, unless that copy was ingested later (re-extracted after a pipeline
//! upgrade): then it replaces the older one, rows and all.
//!
//! Limits: one way, SQLite to PostgreSQL (nothing is read back into a store), and no TLS:
//! reach a remote server through an SSH tunnel or a local TLS proxy.
//!
//! ```no_run
//! let mut client = tally_pg::connect("postgres://tally@db.example/news")?;
//! let stats = tally_pg::push(
//!     std::path::Path::new("tally.db"),
//!     &mut client,
//!     &tally_pg::PushOptions::default(),
//!     &mut |_, _| {},
//! )?;
//! println!("{} documents added", stats.inserted);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod ddl;
mod error;
mod push;
pub mod sqlite;
mod upgrade;
mod value;

pub use error::PgError;
pub use push::{ProgressFn, PushOptions, PushStats, connect, create_statements, push};
