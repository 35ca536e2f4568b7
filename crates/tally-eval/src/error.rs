//! Eval errors.

/// Why a suite could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// No suite has this name.
    #[error("unknown eval suite {name:?}; run `tally eval --help` for the list")]
    UnknownSuite {
        /// The name given.
        name: String,
    },
    /// The suite was given the wrong arguments.
    #[error("eval {suite} expects {usage}")]
    Usage {
        /// The suite.
        suite: &'static str,
        /// What it expects.
        usage: &'static str,
    },
    /// A gold or input file could not be read or parsed.
    #[error("{path}: {message}")]
    Data {
        /// The file.
        path: String,
        /// What went wrong.
        message: String,
    },
}
