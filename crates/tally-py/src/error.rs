//! Errors of the bindings' Rust half. The Python module maps each to a Python exception.

/// Why extraction, reading or a store query failed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input could not be read or parsed.
    #[error(transparent)]
    Ingest(#[from] tally_ingest::IngestError),
    /// An extractor failed on a document.
    #[error("extraction failed: {0}")]
    Extract(#[from] tally_core::ExtractError),
    /// The pipeline could not be built (bad gazetteer or conventions file).
    #[error(transparent)]
    Pipeline(#[from] tally_extract::PipelineError),
    /// A store operation failed.
    #[error(transparent)]
    Store(#[from] tally_store::StoreError),
    /// An argument has a bad value.
    #[error("invalid {what} {value:?}: {reason}")]
    InvalidArgument {
        /// Which argument.
        what: &'static str,
        /// The value given.
        value: String,
        /// What was expected.
        reason: String,
    },
    /// A temporary file for in-memory input could not be written.
    #[error("cannot stage {name} for reading: {source}")]
    Stage {
        /// The input's name.
        name: String,
        /// The I/O error.
        source: std::io::Error,
    },
}

impl Error {
    /// The stable diagnostic code (`I001`, `E001`, ...), when there is one.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::Ingest(e) => e.code(),
            Error::Extract(_) | Error::Pipeline(_) => "E001",
            Error::Store(e) => e.code(),
            Error::InvalidArgument { .. } => "S004",
            Error::Stage { .. } => "I002",
        }
    }
}
