//! Ingest errors, each with a stable diagnostic code.

use std::path::Path;

/// Why an input or one of its records could not be read. Messages name the file and, for
/// record-level errors, the record.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// The path does not exist.
    #[error("{path}: no such file")]
    NotFound {
        /// The path as given.
        path: String,
    },
    /// The path is a directory where a file was expected.
    #[error("{path}: is a directory")]
    IsDirectory {
        /// The path as given.
        path: String,
    },
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file holds no text.
    #[error("{path}: empty document (no text after removing metadata)")]
    Empty {
        /// The path as given.
        path: String,
    },
    /// A single-document input whose structure cannot be read as an article.
    #[error("{path}: {message}")]
    Unreadable {
        /// The path as given.
        path: String,
        /// What is wrong with it.
        message: String,
    },
    /// A single document is larger than the limit.
    #[error(
        "{path}: {size} bytes is more than the {limit}-byte limit for one article (raise it with --max-doc-bytes)"
    )]
    TooLarge {
        /// The path as given.
        path: String,
        /// The size found.
        size: u64,
        /// The limit.
        limit: u64,
    },
    /// One record of a multi-record input is bad; the others are still read.
    #[error("{path}: {record}: {message}")]
    Record {
        /// The path as given.
        path: String,
        /// Which record ("line 12", a WARC record id).
        record: String,
        /// What is wrong with it.
        message: String,
    },
}

impl IngestError {
    /// An I/O error on `path`, mapped to [`IngestError::NotFound`] when the file is missing.
    #[must_use]
    pub fn io(path: &Path, source: std::io::Error) -> IngestError {
        let path = path.display().to_string();
        if source.kind() == std::io::ErrorKind::NotFound {
            IngestError::NotFound { path }
        } else {
            IngestError::Io { path, source }
        }
    }

    /// The stable diagnostic code (see `docs/diagnostics.md`).
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            IngestError::NotFound { .. } => "I001",
            IngestError::Io { .. } => "I002",
            IngestError::Empty { .. } => "I003",
            IngestError::TooLarge { .. } => "I004",
            IngestError::Record { .. } => "I005",
            IngestError::IsDirectory { .. } => "I007",
            IngestError::Unreadable { .. } => "I010",
        }
    }
}
