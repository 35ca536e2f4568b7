//! Warnings and errors attached to documents and reported by the CLI.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The record was processed, but something was off (lossy decoding, a guessed field).
    Warning,
    /// The record could not be processed.
    Error,
}

/// A diagnostic with a stable code (see `docs/diagnostics.md`): `I...` for ingest,
/// `E...` for extraction, `S...` for the store.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Diagnostic {
    /// Stable code, e.g. `I004`.
    pub code: String,
    /// How bad it is.
    pub severity: Severity,
    /// What happened, naming the bad value.
    pub message: String,
}

impl Diagnostic {
    /// A warning with a code and message.
    pub fn warning(code: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code: code.to_owned(),
            severity: Severity::Warning,
            message: message.into(),
        }
    }
}
