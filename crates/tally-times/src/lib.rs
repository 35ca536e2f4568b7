//! Time expressions for tally: TIMEX3-style recognition and normalization against the
//! publication date, past-biased for news and tense-aware.
//!
//! - [`TimeExtractor`] is the pipeline's `times` extractor: it fills `doc.times` with
//!   [`tally_core::Timex`] values (`{span, raw, type, value, mod, anchor}`).
//! - [`cue_time`] gives the date of a speech cue from its time modifier ("said Tuesday"),
//!   for attribution.
//!
//! The vocabulary (month and weekday names, units, numbers, modifiers, holidays, tense
//! cues) lives in `data/times/` at the repository root; see its `PROVENANCE.md`.
//!
//! Limits: English only; without a publication date relative expressions keep `X`s; the
//! tense is the nearest cue word's, not a parse's; only a few expressions are dated by an
//! earlier one ("a year earlier", the end day of a range), the rest by the publication date.
//!
//! ```
//! use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource};
//! use tally_times::TimeExtractor;
//! let mut meta = DocumentMeta::default();
//! meta.published = Some(Published::date("2024-12-18".parse().unwrap(), PublishedSource::Metadata));
//! let mut doc = Document::new(meta, [
//!     "A senior U.S. military official said Tuesday. Trump takes office next month.",
//! ]);
//! tally_text::Segmenter.run(&mut doc).unwrap();
//! TimeExtractor::new().unwrap().run(&mut doc).unwrap();
//! let found: Vec<_> = doc.times.iter().map(|t| (t.raw.as_str(), t.value.as_str())).collect();
//! assert_eq!(found, [("Tuesday", "2024-12-17"), ("next month", "2025-01")]);
//! ```

mod anchor;
mod calendar;
mod expr;
mod extractor;
mod fnv;
mod grammar;
mod lex;
mod lexicon;
mod range;
mod resolve;
mod said_at;
mod scan;
mod shape;
mod tense;

pub use extractor::TimeExtractor;
pub use said_at::{SETTING_WORDS, cue_time};
