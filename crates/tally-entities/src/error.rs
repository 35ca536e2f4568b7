//! Errors from loading gazetteers.

/// Why a gazetteer could not be loaded.
#[derive(Debug, Clone, thiserror::Error)]
pub enum GazetteerError {
    /// The file could not be read.
    #[error("cannot read gazetteer {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The I/O error.
        #[source]
        source: std::sync::Arc<std::io::Error>,
    },
    /// A row is malformed.
    #[error("{source_name}:{line}: {message}")]
    Parse {
        /// The file or bundled resource.
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong, naming the bad value.
        message: String,
    },
}

impl From<GazetteerError> for tally_core::ExtractError {
    fn from(err: GazetteerError) -> Self {
        let source_name = match &err {
            GazetteerError::Io { path, .. } => path.clone(),
            GazetteerError::Parse { source_name, .. } => source_name.clone(),
        };
        tally_core::ExtractError::Data {
            what: "gazetteer",
            source_name,
            message: err.to_string(),
        }
    }
}
