//! Segmentation for tally: tokens, sentences and quotations with byte spans into the
//! document body.
//!
//! The [`Segmenter`] extractor runs first in the pipeline. For each paragraph (never across
//! paragraphs) it adds:
//! - **tokens** ([`tally_core::Token`]): words with inner apostrophes, hyphens and periods
//!   ("haven't", "battle-hardened", "U.S."), abbreviations with their period ("Gen.",
//!   "Dec."), numbers with separators and decimals ("1,200", "5.6"), URLs and emails as one
//!   word, quote marks, and punctuation;
//! - **sentences**: broken at `.`, `?`, `!` and ellipses, not after abbreviations, initials
//!   or decimals, and never inside a quotation that closes in the same paragraph, so a
//!   quote spanning sentences stays one unit with its attribution.
//!
//! [`quotations`] finds quoted passages (straight, curly, single and double marks, nested,
//! and continued over paragraphs in newspaper style) for the attribution extractor, and
//! [`tokens_in`], [`sentence_index_at`] and friends are binary-search lookups over the
//! layers.
//!
//! Word lists (abbreviations, sentence openers, elisions) are data files under
//! `data/text/`, embedded at compile time.
//!
//! Limits: rules for English news text. Lower-case text after a period never starts a
//! sentence (text without capitals under-splits), and single line breaks inside a
//! paragraph are spaces.
//!
//! ```
//! use tally_core::{Document, DocumentMeta, Extractor};
//! use tally_text::{Segmenter, quotations};
//! let mut doc = Document::new(
//!     DocumentMeta::default(),
//!     [r#""These are not battle-hardened troops. They haven't been in combat before," the official said. Experts agree."#],
//! );
//! Segmenter.run(&mut doc).unwrap();
//! assert_eq!(doc.sentences.len(), 2);
//! assert!(doc.sentences[0].text.ends_with("the official said."));
//! assert_eq!(quotations(&doc)[0].content[0].text.len(), 73);
//! ```

mod chars;
mod lexicon;
mod lookup;
mod quote;
mod segmenter;
mod sentence;
mod swar;
mod token;

pub use lookup::{
    sentence_index_at, sentence_tokens, sentences_overlapping, token_index_at, token_text,
    tokens_in,
};
pub use quote::{Quotation, QuoteMarks, quotation_at, quotations};
pub use segmenter::Segmenter;
