//! The tally document model: a news article as a [`Document`] with metadata, a body,
//! paragraph spans, and the annotation layers extractors add (sentences, tokens, figures,
//! times, entities, speakers, attributions, claims).
//!
//! This crate does no I/O. Every annotation points into [`Document::body`] with a [`Span`]
//! (half-open byte offsets plus the covered text). Extractors implement [`Extractor`].
//!
//! ```
//! use tally_core::{Document, DocumentMeta, Layer, Span};
//! let doc = Document::new(DocumentMeta::default(), ["Pyongyang has sent thousands of troops."]);
//! assert!(doc.has_layer(Layer::Paragraphs));
//! let span = doc.span(19, 28).unwrap();
//! assert_eq!(span, Span { start: 19, end: 28, text: "thousands".into() });
//! ```

mod attribution;
mod claim;
mod data_lines;
mod dateline;
mod diagnostic;
mod document;
mod entity;
mod extractor;
mod figure;
mod id;
mod published;
mod span;
mod time;

pub use attribution::{
    AffiliationBasis, Attribution, AttributionClass, QuoteKind, SaidAt, SaidAtBasis, Speaker,
};
pub use claim::{Claim, ClaimKind, Claimant, ClaimantKind};
pub use data_lines::data_lines;
pub use dateline::dateline_len;
pub use diagnostic::{Diagnostic, Severity};
pub use document::{
    Document, DocumentMeta, Origin, PARAGRAPH_SEPARATOR, RelatedLink, Token, TokenKind,
};
pub use entity::{Entity, EntityType};
pub use extractor::{ExtractError, Extractor, Layer};
pub use figure::{ALL_MEASURES, Argument, Figure, Measure};
pub use id::{content_hash, derived_id, document_id, normalize_whitespace};
pub use jiff::civil::Date;
pub use published::{Published, PublishedError, PublishedSource};
pub use span::{Span, SpanError};
pub use time::{Timex, TimexMod, TimexType, week_start};
