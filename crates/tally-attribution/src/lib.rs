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
//! How it works, module by module (each file opens with its own rules and limits):
//! - `lexicon`: the lists, with cues and conditions in one Aho-Corasick automaton run over
//!   the lowercased body, so the body is scanned once; each cue form carries its class
//!   (statement or attitude) and the complements it takes;
//! - `words`: a cue sentence as words; quotation marks are those
//!   [`tally_text::quotations`] paired (apostrophes and strays are punctuation);
//! - `phrase`: source phrases by word class (no parser);
//! - `sentence`: per cue, where source and content are (pre-posed, post-posed, inverted,
//!   split quotes, participles, coordinated verbs, "according to", speaker labels, raising
//!   verbs with no source, questions asked without an asker);
//! - `descriptor`: name, role, affiliation, seniority, number of a source phrase;
//! - `coref`: speakers and coreference in a bounded window; `antecedent`: a definite
//!   descriptor or pronoun that matches no speaker, resolved to an earlier entity mention
//!   (given-name gender from `data/coref/`);
//! - `nesting`: reports inside another report's content, marked `within` it;
//! - `continuation`: whole quoted sentences after a report, added to its content;
//! - `affiliation`: affiliations inferred (visibly, with basis and evidence) when the text
//!   states none;
//! - `citing`: a "citing" participle folded into the sourcing conditions of the
//!   statement it follows;
//! - `said_at`: [`tally_times::cue_time`], same-speaker inheritance, publication date;
//! - `setting`, `caveat`, `owner`: the setting after a cue ("said in a statement") and the
//!   reporter's caveat cut from a content; a document owned by a named body ("Interior
//!   Ministry data show") speaks for that body.
//!
//! Limits: English, and no parser: sources and contents are found from word classes and
//! punctuation around a cue, so a cue the lists lack (many belief and noun cues) is
//! missed, and a speaker with no compatible antecedent is left unknown, never guessed.
//!
//! Speed: linear in the document (`cargo bench -p tally-attribution`; set
//! `TALLY_BENCH_JSONL` to a JSONL corpus to bench on it). Quality: `tally eval attribution
//! ../shared/eval/polnear/data/dev ../shared/eval/meantime`.
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

mod affiliation;
mod antecedent;
mod caveat;
mod citing;
mod continuation;
mod coref;
mod descriptor;
mod extractor;
mod lexicon;
mod nesting;
mod owner;
mod phrase;
mod said_at;
mod sentence;
mod setting;
mod words;

pub use extractor::Attributor;
