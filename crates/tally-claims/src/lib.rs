//! Claims: the per-article ledger. One [`tally_core::Claim`] per statement by a claimant,
//! with its evidence spans, the time it was said, the figures it carries, the times it is
//! about and the entities it mentions.
//!
//! ## What it builds
//! - **Speaker claims** from attributions: the attribution's speaker (or `unknown`, never
//!   a guess), kind, cue, said-at date and content spans; the claim's text drops the
//!   quotation marks, the comma before the cue and the "that" of reported speech
//!   (`content.rs`).
//! - **Merged statements**: a lead paraphrase and a later quote of the same statement by
//!   the same speaker become one claim with both evidence spans (see `merge.rs` for the
//!   rule).
//! - **Reporter claims**: figures stated in the reporter's own voice (outside every
//!   attribution) become claims of the wire agency, or of the publisher when there is no
//!   agency, kind `reporter`, one per sentence. Numbers that refer or describe rather
//!   than count make none: a small count after the/these/those ("the two armies") and an
//!   unmeasured number in a compound modifier ("a three-judge panel").
//! - **Figure arguments linked to entities**: a figure's subject and place get the entity
//!   ids of the mentions inside them ("North Korean forces" → `KP`).
//!
//! ## Example
//! ```
//! use tally_core::{Document, DocumentMeta, Extractor};
//! let mut doc = Document::new(DocumentMeta::default(), ["The official said it was true."]);
//! tally_claims::ClaimBuilder.run(&mut doc).unwrap();
//! assert!(doc.claims.is_empty(), "no attributions and no figures: no claims");
//! ```
//!
//! ## Limitations
//! Claims are only as good as the attribution, figure and time layers under them: a
//! statement whose cue the attribution layer missed has no claim unless it carries a figure
//! (then it becomes a reporter claim). Sameness of statements is decided from shared
//! figures or word overlap, not from meaning.

mod content;
mod draft;
mod link;
mod merge;
mod participle;
mod positions;
mod reporter;

use tally_core::{Document, ExtractError, Extractor, Layer};

/// Builds the claim ledger of a document. Uses figures, times and entities when their
/// layers are present.
#[derive(Debug, Default, Clone, Copy)]
pub struct ClaimBuilder;

impl Extractor for ClaimBuilder {
    fn name(&self) -> &'static str {
        "claims"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Attributions]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Claims]
    }

    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        link::link_figure_arguments(doc);
        let mut drafts = draft::from_attributions(doc);
        participle::take_trailing_harm(&mut drafts, doc);
        merge::merge_same_statements(&mut drafts, doc);
        link::share_figure_arguments(&drafts, doc);
        link::resolve_pronoun_agents(&drafts, doc);
        link::inherit_document_subject(doc);
        drafts.extend(reporter::reporter_claims(doc, &drafts));
        drafts.sort_by_key(|d| d.evidence.first().map_or(usize::MAX, |e| e.start));
        doc.claims = draft::finish(drafts, doc);
        doc.mark_layer(Layer::Claims);
        Ok(())
    }
}
