//! Typed errors of a push.

/// What can go wrong mirroring a store into PostgreSQL.
#[derive(Debug, thiserror::Error)]
pub enum PgError {
    /// The SQLite store could not be opened or read.
    #[error("{path}: {source}")]
    Sqlite {
        path: String,
        #[source]
        source: rusqlite::Error,
    },
    /// There is no store at the path.
    #[error("no database at {path}; create one with `tally ingest PATH... --db {path}`")]
    NoStore { path: String },
    /// The file is not a tally store (no `documents` table).
    #[error("{path} is not a tally store: it has no `{table}` table")]
    NotAStore { path: String, table: &'static str },
    /// PostgreSQL refused a statement or the connection failed.
    #[error("PostgreSQL: {}", describe(.0))]
    Postgres(#[from] postgres::Error),
    /// The PostgreSQL schema holds a newer store schema version than the store pushed (an
    /// older mirror is upgraded instead).
    #[error(
        "PostgreSQL schema `{schema}` holds tally store schema version {found}, but {path} is \
         version {store}: push into another schema (--schema), or bring the store to version \
         {found} (opening it with a tally that writes that version, e.g. `tally ingest`, \
         migrates it)"
    )]
    VersionMismatch {
        schema: String,
        path: String,
        found: i64,
        store: i64,
    },
    /// A store row refers to a row the store does not have.
    #[error("{path}: {table}.{column} = {value} refers to a missing {target} row")]
    Dangling {
        path: String,
        table: String,
        column: String,
        value: i64,
        target: String,
    },
    /// A value does not fit the column's PostgreSQL type.
    #[error("{path}: {table}.{column}: {message}")]
    Value {
        path: String,
        table: String,
        column: String,
        message: String,
    },
    /// A failure injected by a test, to check an interrupted push.
    #[error("injected failure in batch {0}")]
    Injected(usize),
}

/// The server's message with its detail and hint, or the client error with its cause (the
/// driver's own text for a server error is only "db error").
fn describe(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        let mut out = format!("{}: {}", db.severity(), db.message());
        if let Some(detail) = db.detail() {
            out.push_str(&format!(" ({detail})"));
        }
        if let Some(hint) = db.hint() {
            out.push_str(&format!("; hint: {hint}"));
        }
        return out;
    }
    match std::error::Error::source(e) {
        Some(cause) => format!("{e}: {cause}"),
        None => e.to_string(),
    }
}
