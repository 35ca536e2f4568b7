//! The `Segmenter` extractor: sentences and tokens for every paragraph.
//!
//! ## What it finds
//! [`Layer::Tokens`]: words, numbers, quote marks and punctuation (see the tokenizer rules in
//! the crate docs). [`Layer::Sentences`]: sentence units inside each paragraph, never across
//! paragraphs, that keep a quotation spanning sentences together with its attribution.
//!
//! ## Example
//! ```
//! use tally_core::{Document, DocumentMeta, Extractor};
//! use tally_text::Segmenter;
//! let mut doc = Document::new(
//!     DocumentMeta::default(),
//!     ["U.S. Gen. Smith spoke at 5 p.m. on Dec. 18. He said \"no.\" Then he left."],
//! );
//! Segmenter.run(&mut doc).unwrap();
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
//! assert_eq!(
//!     sentences,
//!     ["U.S. Gen. Smith spoke at 5 p.m. on Dec. 18.", "He said \"no.\"", "Then he left."]
//! );
//! ```
//!
//! ## Limitations
//! See the sentence and quotation rules in the crate docs.

use std::cell::RefCell;
use std::ops::Range;

use tally_core::{Document, ExtractError, Extractor, Layer, Span, Token, TokenKind};

use crate::quote::{self, Role};
use crate::sentence;
use crate::token::{Tag, tokenize};

/// Splits paragraphs into sentences and tokens; runs first in the pipeline.
#[derive(Debug, Default, Clone, Copy)]
pub struct Segmenter;

impl Extractor for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Paragraphs]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let (sentences, tokens) = segment(&doc.body, &doc.paragraphs);
        doc.sentences = sentences;
        doc.tokens = tokens;
        doc.mark_layer(Layer::Sentences);
        doc.mark_layer(Layer::Tokens);
        Ok(())
    }
}

/// Sentences and tokens of `body`'s `paragraphs`. Paragraphs that overlap an earlier one or
/// do not fall on character boundaries are skipped (the quote pass skips the same ones).
fn segment(body: &str, paragraphs: &[Span]) -> (Vec<Span>, Vec<Token>) {
    // The per-paragraph buffers are reused from one document to the next: growing them
    // from empty for each article costs a few reallocations every time.
    SCRATCH.with(|cell| match cell.try_borrow_mut() {
        Ok(mut scratch) => segment_with(body, paragraphs, &mut scratch),
        Err(_) => segment_with(body, paragraphs, &mut Scratch::default()),
    })
}

/// Per-thread buffers for [`segment`].
#[derive(Default)]
struct Scratch {
    tags: Vec<Tag>,
    ranges: Vec<Range<usize>>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

fn segment_with(body: &str, paragraphs: &[Span], scratch: &mut Scratch) -> (Vec<Span>, Vec<Token>) {
    let scan = quote::scan_with(body, paragraphs, false);
    let closed = scan.closed_regions();
    let mut marks = scan.marks.iter().peekable();
    let mut cursor = 0;
    let Scratch { tags, ranges } = scratch;
    let mut sentences = Vec::new();
    // News text averages five to six bytes per token; erring high avoids a reallocation.
    let mut tokens: Vec<Token> = Vec::with_capacity(body.len() / 5 + 16);
    let mut last_end = 0;
    for p in paragraphs {
        let Some(text) = body.get(p.start..p.end).filter(|_| p.start >= last_end) else {
            continue;
        };
        last_end = p.end;
        let first = tokens.len();
        tags.clear();
        tokenize(text, p.start, &mut tokens, tags);
        let para = &mut tokens[first..];
        // Most paragraphs have no quote marks at all; skip the role pass for them.
        if marks.peek().is_some_and(|m| m.pos < p.end) {
            for (t, tag) in para.iter_mut().zip(tags.iter_mut()) {
                if *tag != Tag::Quote {
                    continue;
                }
                while marks.next_if(|m| m.pos < t.start).is_some() {}
                if let Some(m) = marks.next_if(|m| m.pos == t.start) {
                    *tag = match m.role {
                        Role::Open | Role::StrayOpen => Tag::OpenQuote,
                        Role::Close | Role::StrayClose => Tag::CloseQuote,
                        Role::Apostrophe => {
                            t.kind = TokenKind::Punct;
                            Tag::Apostrophe
                        }
                    };
                }
            }
        }
        ranges.clear();
        sentence::split(body, para, tags, &closed, &mut cursor, ranges);
        for r in ranges.iter() {
            let (Some(a), Some(b)) = (para.get(r.start), para.get(r.end.wrapping_sub(1))) else {
                continue;
            };
            if let Some(text) = body.get(a.start..b.end) {
                sentences.push(Span {
                    start: a.start,
                    end: b.end,
                    text: text.to_owned(),
                });
            }
        }
    }
    (sentences, tokens)
}
