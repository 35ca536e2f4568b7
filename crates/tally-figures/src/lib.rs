//! Figures for tally: numbers, money and vague amounts in news text, as low / best / high
//! ranges tied to what they count.
//!
//! Three layers, each usable alone:
//!
//! * [`Recognizer`] finds every amount in a text ([`Quantity`]): digits with separators
//!   and suffixes ("1,200", "12,000.5", "1.2bn"), number words ("two hundred and fifty",
//!   "a dozen", "two thirds"), money with ISO 4217 codes ("$5.6 billion", "€2 million",
//!   "420 million Finnish markka"), percents, vague amounts ("several hundred", "tens of
//!   thousands", "billions of dollars"), bounds ("more than 1,000", "up to 3,000") and
//!   ranges ("between 500 and 700", "500-700"). One pass over the bytes, 64 at a time,
//!   finds the anchors (digit runs, number and vague words, currency signs); each is read a
//!   few words outward.
//! * [`Convention`] turns words into numbers: the bundled `default` (CONVENTIONS.md) and
//!   `acled` conventions, or a user file (`data/figures/conventions/default.tsv` documents
//!   the format).
//! * [`FigureExtractor`] keeps the amounts that are figures (not years, dates, clock times,
//!   ages, ordinals, durations, codes or labels) and attaches each to its measure, counted
//!   noun, subject, place and hedges, producing [`tally_core::Figure`]s.
//!
//! The word lists are data under `data/figures/` (see its `PROVENANCE.md`), embedded at
//! compile time; nothing is read at run time except a user conventions file.
//!
//! Limits: English number words; subjects and places come from word shapes in a window of
//! the figure's sentence, not a parse (a subject two clauses away, or a place named in an
//! earlier sentence, is not found); measures come from the lexicon only, so a harm it lacks
//! is `other`.
//!
//! ```
//! use tally_core::{Document, DocumentMeta, Extractor};
//! use tally_figures::FigureExtractor;
//! let mut doc = Document::new(
//!     DocumentMeta::default(),
//!     ["North Korean forces have suffered \"several hundred\" casualties in Russia's Kursk region."],
//! );
//! FigureExtractor::new().unwrap().run(&mut doc).unwrap();
//! let f = &doc.figures[0];
//! assert_eq!(f.raw, "several hundred");
//! assert_eq!((f.low, f.best, f.high), (Some(300.0), None, Some(900.0)));
//! assert_eq!(f.measure.as_str(), "casualties");
//! assert_eq!(f.place.as_ref().unwrap().span.text, "in Russia's Kursk region");
//! assert_eq!(f.convention, "default");
//! ```

mod attach;
mod carry;
mod convention;
mod coordinate;
mod extractor;
mod filter;
mod lex;
mod lexicon;
mod local;
pub mod number;
mod quantity;
mod ratio;
mod scan;
mod word_table;

pub use convention::{Base, Convention, ConventionError, Resolved, VagueBase};
pub use extractor::{FigureExtractor, FiguresConfig};
pub use filter::NotFigure;
pub use lexicon::ModKind;
pub use quantity::{Modifier, PercentUnit, Quantity, Recognizer};
