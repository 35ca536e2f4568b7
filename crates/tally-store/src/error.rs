//! Store errors, each with a stable diagnostic code (`S...`).

/// Why the store could not open, write or answer a query.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// SQLite reported an error.
    #[error("database {path}: {source}")]
    Sqlite {
        /// The database file.
        path: String,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The database was written by a newer tally whose schema this build does not know.
    #[error(
        "database {path} has schema version {found}, newer than the {supported} this tally supports; upgrade tally"
    )]
    TooNew {
        /// The database file.
        path: String,
        /// The version found in the file.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// The database was written by an older tally and could not be migrated when opened
    /// for queries because it cannot be written (a write-protected file); it is left
    /// unchanged.
    #[error(
        "database {path} has schema version {found}, older than the {supported} this tally reads, and could not be upgraded in place ({reason}); make the file writable (or copy it somewhere writable) and run any tally command on it once: it upgrades on open"
    )]
    Outdated {
        /// The database file.
        path: String,
        /// The version found in the file.
        found: i64,
        /// The version this build reads and writes.
        supported: i64,
        /// Why the upgrade failed.
        reason: String,
    },
    /// A migration failed; the database stays at the version before it.
    #[error("database {path}: migration {version} ({name}) failed: {source}")]
    Migration {
        /// The database file.
        path: String,
        /// The migration's version.
        version: i64,
        /// The migration's name.
        name: &'static str,
        /// The underlying error.
        source: rusqlite::Error,
    },
    /// The file is an SQLite database with tables of its own but no tally schema version:
    /// another program's database, which tally must not turn into a store.
    #[error(
        "{path} is an SQLite database but not a tally store (it has tables and no tally schema version); left unchanged: give --db a tally database or a new file name"
    )]
    NotAStore {
        /// The database file.
        path: String,
    },
    /// A query argument is invalid (an unknown measure, a malformed date, an empty query).
    #[error("invalid {what} {value:?}: {reason}")]
    InvalidArgument {
        /// What the argument is ("measure", "date", "search query").
        what: &'static str,
        /// The value given.
        value: String,
        /// Why it is rejected.
        reason: String,
    },
    /// Writing an export failed.
    #[error("export to {target}: {message}")]
    Export {
        /// The output ("stdout" or a path).
        target: String,
        /// What went wrong.
        message: String,
        /// The I/O error behind it, so callers can tell a closed pipe (`tally export |
        /// head`) from a failure.
        #[source]
        source: Option<std::io::Error>,
    },
}

impl StoreError {
    /// The stable diagnostic code (see `docs/diagnostics.md`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            StoreError::Sqlite { .. } => "S001",
            StoreError::TooNew { .. } => "S002",
            StoreError::Migration { .. } => "S003",
            StoreError::InvalidArgument { .. } => "S004",
            StoreError::Export { .. } => "S005",
            StoreError::Outdated { .. } => "S006",
            StoreError::NotAStore { .. } => "S007",
        }
    }
}

/// Attaches the database path to a SQLite error.
pub(crate) trait At<T> {
    fn at(self, path: &str) -> Result<T, StoreError>;
}

impl<T> At<T> for rusqlite::Result<T> {
    fn at(self, path: &str) -> Result<T, StoreError> {
        self.map_err(|source| StoreError::Sqlite {
            path: path.to_owned(),
            source,
        })
    }
}
