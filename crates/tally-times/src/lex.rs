//! A small tokenizer for the stretches of text around trigger words.
//!
//! The grammar needs finer tokens than the pipeline's: "Dec." is a word and a period,
//! "10:35" is two numbers and a colon, "mid-2023" is a word, a hyphen and a number, so
//! each piece can be matched on its own. Tokens keep byte offsets into the body.

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
    /// Lowercase text (words only; digits and punctuation as written).
    pub lower: String,
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

/// Tokenizes `body[start..end]`; offsets are into `body`.
pub(crate) fn tokenize<'a>(
    body: &'a str,
    start: usize,
    end: usize,
    lexicon: &'a Lexicon,
) -> Vec<Tok<'a>> {
    let mut out = Vec::new();
    let Some(text) = body.get(start..end) else {
        return out;
    };
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let at = start + i;
        if c.is_whitespace() {
            continue;
        }
        let (kind, mut stop) = if c.is_ascii_digit() {
            (Kind::Num, at + 1)
        } else if c.is_alphabetic() {
            (Kind::Word, at + c.len_utf8())
        } else {
            (Kind::Punct, at + c.len_utf8())
        };
        if kind != Kind::Punct {
            while let Some(&(j, d)) = chars.peek() {
                let same = match kind {
                    Kind::Num => d.is_ascii_digit(),
                    _ => d.is_alphabetic(),
                };
                if !same {
                    break;
                }
                stop = start + j + d.len_utf8();
                chars.next();
            }
        }
        let piece = &body[at..stop];
        let lower = if kind == Kind::Word {
            piece.to_lowercase()
        } else if piece == "’" {
            // Curly apostrophes behave like straight ones ("New Year’s").
            "'".to_owned()
        } else {
            piece.to_owned()
        };
        let classes = if kind == Kind::Word {
            lexicon.classes(&lower)
        } else {
            &[]
        };
        out.push(Tok {
            start: at,
            end: stop,
            text: piece,
            capital: piece.chars().next().is_some_and(char::is_uppercase),
            lower,
            kind,
            classes,
        });
    }
    out
}
