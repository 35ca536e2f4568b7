//! Attribution for tally: who said what, how they were sourced, and when.
//!
//! [`Attributor`] is the extractor. It needs sentences and tokens (the segmenter), and uses
//! time expressions (for "said Tuesday") and entities (for affiliations and canonical names)
//! when those layers are present; without them it still finds everything else.
//!
//! The word lists it runs on are data files under `data/attribution/` (cues with lemmas,
//! descriptor head nouns, titles, seniority words, sourcing conditions, pronouns, function
//! words), embedded at compile time; see `data/attribution/PROVENANCE.md`.
//!
//! ```
//! use tally_attribution::Attributor;
//! use tally_core::{Document, DocumentMeta, Extractor, QuoteKind};
//!
//! let mut doc = Document::new(
//!     DocumentMeta::default(),
//!     ["Experts say the leader is keen to acquire technology.", "\u{201C}We are ready,\u{201D} he said."],
//! );
//! tally_text::Segmenter.run(&mut doc).unwrap();
//! Attributor::new().unwrap().run(&mut doc).unwrap();
//! let first = &doc.attributions[0];
//! assert_eq!(first.cue.text, "say");
//! assert_eq!(first.source.as_ref().unwrap().text, "Experts");
//! assert_eq!(first.kind, QuoteKind::Indirect);
//! assert!(doc.speakers[0].group);
//! // "he" has no compatible antecedent (experts are a group): unknown, not a guess.
//! assert_eq!(doc.attributions[1].speaker_id, None);
//! ```

mod coref;
mod descriptor;
mod extractor;
mod lexicon;
mod phrase;
mod said_at;
mod sentence;
mod words;

pub use extractor::Attributor;
