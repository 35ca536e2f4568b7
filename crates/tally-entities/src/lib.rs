//! Entities for tally: people, organizations, places and countries, linked to ids.
//!
//! [`EntityExtractor`] runs after the segmenter. It matches a bundled gazetteer (countries
//! with their short forms and demonyms; capitals, which stand for their governments except
//! where used as places; big cities; regions; international organizations; news agencies;
//! well-known office holders) by hashed word prefixes from each capitalized word, finds
//! people and organizations in no list from cues (titles, organization words, appositions,
//! given names), links
//! repeated names within the document ("Trump" → "Donald Trump", "the North" → KP), and
//! fills [`tally_core::Document::entities`].
//!
//! Limits: one alias names one entity ("Washington" is the United States; "Georgia" the
//! country unless the story names a US place and nothing of it); names in no list with no
//! cue get a default type; in all-caps text only titled people, organizations ending in an
//! organization word and gazetteer names are found; linking stays within one document.
//!
//! Data lives in `data/entities/` (see its `PROVENANCE.md`); `--gazetteer FILE` merges a
//! user file over it. Accuracy: `tally eval entities DIR [PEER.jsonl]` on MEANTIME;
//! speed: `cargo run --release -p tally-entities --example throughput -- FILE.jsonl`.
//!
//! ```
//! use tally_core::{Document, DocumentMeta, Extractor};
//! use tally_entities::EntityExtractor;
//! let mut doc = Document::new(DocumentMeta::default(), [
//!     "Ukraine's commander-in-chief Oleksandr Syrsky said Moscow has used North Korean troops.",
//!     "General Ivan Petrenko said a blast hit a restaurant in Moscow.",
//! ]);
//! tally_text::Segmenter.run(&mut doc).unwrap();
//! EntityExtractor::new().unwrap().run(&mut doc).unwrap();
//! let ids: Vec<&str> = doc.entities.iter().map(|e| e.id.as_str()).collect();
//! assert_eq!(ids, ["UA", "person:oleksandr-syrsky", "RU", "KP", "local:E1", "place:gn524901"]);
//! // A listed person's parent is whom they speak for.
//! assert_eq!(doc.entities[1].parent.as_deref(), Some("UA"));
//! assert_eq!(doc.entities[3].mentions[0].text, "North Korean");
//! // A name in no list, from its title; "in Moscow" is the city, in Russia.
//! assert_eq!(doc.entities[4].name, "Ivan Petrenko");
//! assert_eq!(doc.entities[5].parent.as_deref(), Some("RU"));
//! ```

mod agencies;
mod capitals;
mod error;
mod extractor;
#[cfg(test)]
mod fixtures;
mod gazetteer;
mod governments;
mod lexicon;
mod matcher;
mod names;
mod places;
mod resolve;
mod scan;
mod shared_names;
mod sports;
mod swar;

pub use error::GazetteerError;
pub use extractor::EntityExtractor;
pub use gazetteer::{Entry, Form, Gazetteer, GazetteerBuilder, Pattern};
