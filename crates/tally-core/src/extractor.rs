//! The extractor contract: each extractor reads some layers of a document and adds others.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::Document;

/// An annotation layer of a [`Document`].
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Layer {
    /// Paragraph spans (added by ingest).
    Paragraphs,
    /// Sentence spans.
    Sentences,
    /// Tokens.
    Tokens,
    /// Figures.
    Figures,
    /// Time expressions.
    Times,
    /// Entities and their mentions.
    Entities,
    /// Speakers and attributions.
    Attributions,
    /// Claims.
    Claims,
}

/// Why an extractor failed on a document.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// The extractor's data (lexicon, gazetteer, conventions) is invalid.
    #[error("invalid {what} data in {source_name}: {message}")]
    Data {
        /// What kind of data ("conventions", "gazetteer").
        what: &'static str,
        /// The file or bundled resource name.
        source_name: String,
        /// What is wrong, naming the bad value.
        message: String,
    },
    /// A layer the extractor needs is missing.
    #[error("extractor {extractor} needs layer {layer:?}, which is missing")]
    MissingLayer {
        /// The extractor's name.
        extractor: &'static str,
        /// The missing layer.
        layer: Layer,
    },
    /// The extractor panicked on this document: a bug, caught so that the rest of a batch
    /// goes on (see `tally_extract::Pipeline`).
    #[error("extractor {extractor} failed on this document (a bug, please report it): {message}")]
    Panicked {
        /// The extractor's name.
        extractor: &'static str,
        /// The panic's message.
        message: String,
    },
}

/// A component that reads a document's layers and adds its own.
///
/// Extractors do no I/O: everything they need (lexicons, gazetteers, conventions) is loaded
/// when they are built. `run` must not panic on any document.
pub trait Extractor: Send + Sync {
    /// A short stable name (`segment`, `figures`).
    fn name(&self) -> &'static str;
    /// Layers that must be present before `run`.
    fn requires(&self) -> &'static [Layer];
    /// Layers `run` adds.
    fn provides(&self) -> &'static [Layer];
    /// Adds this extractor's layers to `doc`.
    ///
    /// # Errors
    /// [`ExtractError`] when the document cannot be annotated.
    fn run(&self, doc: &mut Document) -> Result<(), ExtractError>;
}
