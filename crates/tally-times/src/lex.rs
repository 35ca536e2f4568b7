//! A small tokenizer for the stretches of text around trigger words.
//!
//! The grammar needs finer tokens than the pipeline's: "Dec." is a word and a period,
//! "10:35" is two numbers and a colon, "mid-2023" is a word, a hyphen and a number, so
//! each piece can be matched on its own. Tokens keep byte offsets into the body.

use std::borrow::Cow;

use crate::lexicon::{Class, Lexicon};

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits.
    Num,
    /// Any other single character.
    Punct,
}

/// A token of a window.
#[derive(Clone, Debug)]
pub(crate) struct Tok<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    /// Lowercase text (words only; digits and punctuation as written). Borrowed from the
    /// body when it is lowercase already, as most words are.
    pub lower: Cow<'a, str>,
    pub kind: Kind,
    /// Lexicon classes of the lowercase word.
    pub classes: &'a [Class],
    /// Whether the first letter is uppercase.
    pub capital: bool,
}

impl Tok<'_> {
    /// The numeric value of a digit token.
    pub(crate) fn number(&self) -> Option<i64> {
        if self.kind == Kind::Num && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }
}

/// Longest word the lexicon holds ("thanksgiving"); longer words skip the lookup.
const MAX_WORD: usize = 12;

/// Tokenizes `body[start..end]` into `out` (cleared first, so one buffer serves every
/// window); offsets are into `body`.
pub(crate) fn tokenize<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    lexicon: &'a Lexicon,
    out: &mut Vec<Tok<'a>>,
) {
    out.clear();
    let Some(text) = body.get(start..end) else {
        return;
    };
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // ASCII fast path; anything else goes through `char`.
        let (kind, len) = if b.is_ascii() {
            if b.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if b.is_ascii_digit() {
                let n = bytes[i..].iter().take_while(|c| c.is_ascii_digit()).count();
                (Kind::Num, n)
            } else if b.is_ascii_alphabetic() {
                (Kind::Word, word_len(&text[i..]))
            } else {
                (Kind::Punct, 1)
            }
        } else {
            let Some(c) = text[i..].chars().next() else {
                break;
            };
            if c.is_whitespace() {
                i += c.len_utf8();
                continue;
            }
            if c.is_alphabetic() {
                (Kind::Word, word_len(&text[i..]))
            } else {
                (Kind::Punct, c.len_utf8())
            }
        };
        let piece = &text[i..i + len];
        let at = start + i;
        i += len;
        let capital = piece.chars().next().is_some_and(char::is_uppercase);
        let lower = if kind != Kind::Word {
            // Curly apostrophes behave like straight ones ("New Year’s").
            Cow::Borrowed(if piece == "’" { "'" } else { piece })
        } else if piece.is_ascii() {
            if piece.bytes().any(|c| c.is_ascii_uppercase()) {
                Cow::Owned(piece.to_ascii_lowercase())
            } else {
                Cow::Borrowed(piece)
            }
        } else if piece.chars().any(char::is_uppercase) {
            Cow::Owned(piece.to_lowercase())
        } else {
            Cow::Borrowed(piece)
        };
        let classes = if kind == Kind::Word && lower.len() <= MAX_WORD {
            lexicon.classes(&lower)
        } else {
            &[]
        };
        out.push(Tok {
            start: at,
            end: at + piece.len(),
            text: piece,
            capital,
            lower,
            kind,
            classes,
        });
    }
}

/// Byte length of the run of letters at the start of `text`.
fn word_len(text: &str) -> usize {
    text.char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(text.len(), |(j, _)| j)
}
