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
    /// Lowercase text (ASCII letters lowered; digits and punctuation as written, a curly
    /// apostrophe made straight), borrowed from the document's lowercased body.
    pub lower: &'a str,
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
/// window); offsets are into `body`. `lower` is `body` with ASCII letters lowered (same
/// byte offsets), made once per document so that no token allocates.
pub(crate) fn tokenize<'a>(
    body: &'a str,
    lower: &'a str,
    start: usize,
    end: usize,
    lexicon: &'a Lexicon,
    out: &mut Vec<Tok<'a>>,
) {
    out.clear();
    let (Some(text), Some(lower_text)) = (body.get(start..end), lower.get(start..end)) else {
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
        let lower_piece = lower_text.get(i..i + len).unwrap_or(piece);
        i += len;
        let capital = match piece.as_bytes().first() {
            Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
            _ => piece.chars().next().is_some_and(char::is_uppercase),
        };
        // Curly apostrophes behave like straight ones ("New Year’s"). Words with other
        // letters than ASCII keep their case: no vocabulary word has such letters.
        let lower = if piece == "’" { "'" } else { lower_piece };
        let classes = if kind == Kind::Word && lower.len() <= MAX_WORD {
            lexicon.classes(lower)
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

/// Byte length of the run of letters at the start of `text`: a byte at a time while the
/// letters are ASCII, by `char` from the first other letter on.
#[inline]
fn word_len(text: &str) -> usize {
    let bytes = text.as_bytes();
    let ascii = bytes
        .iter()
        .position(|b| !b.is_ascii_alphabetic())
        .unwrap_or(bytes.len());
    match (bytes.get(ascii), text.get(ascii..)) {
        (Some(b), Some(rest)) if !b.is_ascii() => {
            ascii
                + rest
                    .char_indices()
                    .find(|(_, c)| !c.is_alphabetic())
                    .map_or(rest.len(), |(j, _)| j)
        }
        _ => ascii,
    }
}

#[cfg(test)]
mod tests {
    use super::word_len;

    #[test]
    fn word_len_reads_ascii_and_other_letters() {
        for (text, len) in [
            ("", 0),
            ("Dec. 18", 3),
            ("day", 3),
            ("Zürich is", 7),
            ("éa1", 3),
            ("ab—c", 2),
            ("10", 0),
        ] {
            assert_eq!(word_len(text), len, "{text}");
        }
    }
}
