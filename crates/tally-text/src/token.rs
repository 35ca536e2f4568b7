//! The tokenizer: one pass over a paragraph's bytes, producing words, numbers, quote marks
//! and punctuation with byte offsets.
//!
//! - Words keep inner apostrophes, hyphens, underscores and periods ("haven't",
//!   "battle-hardened", "U.S.", "example.com"), and a final period when the word is an
//!   abbreviation (from `data/text/abbreviations.txt`), an acronym with inner periods
//!   ("U.S.", "e.g.", "Ph.D.") or an initial ("J."). URLs and emails are one word.
//! - Numbers keep thousands separators, decimals and clock colons ("1,200", "5.6", "10:30")
//!   and an ordinal or decade suffix ("2nd", "1990s"); other letters start a new word
//!   ("5.6" + "bn").
//! - Quote marks are single tokens; the quote finder later decides which are apostrophes.
//! - Punctuation is one token per character, except runs of periods (ellipsis), of `?`/`!`,
//!   and of hyphens ("--").
//!
//! Every non-space character of the paragraph lands in exactly one token.

use tally_core::{Token, TokenKind};

use crate::chars::{
    char_at, char_before, is_apostrophe_char, is_space, is_word_char, quote_char, quote_mark_at,
};
use crate::lexicon::{AbbrevClass, lexicon};
use crate::swar::alnum_run_end;

/// What the sentence splitter needs to know about a token beyond its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tag {
    /// Nothing special.
    Plain,
    /// A lone period.
    Period,
    /// Two or more periods, or `…`.
    Ellipsis,
    /// A run of `?` and `!`.
    Bang,
    /// `,`, `;` or `:`.
    Pause,
    /// `(`, `[` or `{`.
    OpenBracket,
    /// `)`, `]` or `}`.
    CloseBracket,
    /// A quote mark whose role the quote finder has not assigned yet, or a stray mark.
    Quote,
    /// A quote mark that opens a quotation (or looks like it does).
    OpenQuote,
    /// A quote mark that closes a quotation (or looks like it does).
    CloseQuote,
    /// A single quote mark used as an apostrophe ("'90s", "soldiers'").
    Apostrophe,
    /// A listed abbreviation with its final period ("Gen.", "Dec.").
    Abbrev(AbbrevClass),
    /// Letters with inner periods, with the final one ("U.S.", "a.m.").
    Acronym,
    /// One capital letter and a period ("J.").
    Initial,
}

/// Tokenizes `text` (one paragraph), whose first byte is at `base` in the body, appending
/// each token to `tokens` and its tag to `tags` (the two stay the same length).
pub(crate) fn tokenize(text: &str, base: usize, tokens: &mut Vec<Token>, tags: &mut Vec<Tag>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let (end, kind, tag) = if b.is_ascii() {
            match b {
                b'\t'..=b'\r' | b' ' => {
                    i += 1;
                    continue;
                }
                b'a'..=b'z' | b'A'..=b'Z' => {
                    // Most words are letters up to a space or plain punctuation: found
                    // here without the full rules (URLs start with h or w; inner and
                    // final punctuation and other scripts go to `word`), which agree.
                    let end = alnum_run_end(bytes, i + 1);
                    let plain = !matches!(b, b'h' | b'H' | b'w' | b'W')
                        && bytes.get(end).is_none_or(|&n| {
                            n.is_ascii() && !matches!(n, b'-' | b'_' | b'.' | b'&' | b'@' | b'\'')
                        });
                    if plain {
                        (end, TokenKind::Word, Tag::Plain)
                    } else {
                        word(text, i)
                    }
                }
                b'0'..=b'9' => number(text, i),
                b'"' | b'\'' | b'`' => match quote_mark_at(text, i) {
                    Some((_, _, len)) => (i + len, TokenKind::Quote, Tag::Quote),
                    None => (i + 1, TokenKind::Punct, Tag::Plain),
                },
                b'.' => {
                    let end = run(bytes, i, |b| b == b'.');
                    let tag = if end - i == 1 {
                        Tag::Period
                    } else {
                        Tag::Ellipsis
                    };
                    (end, TokenKind::Punct, tag)
                }
                b'?' | b'!' => (
                    run(bytes, i, |b| b == b'?' || b == b'!'),
                    TokenKind::Punct,
                    Tag::Bang,
                ),
                b'-' => (run(bytes, i, |b| b == b'-'), TokenKind::Punct, Tag::Plain),
                b',' | b';' | b':' => (i + 1, TokenKind::Punct, Tag::Pause),
                b'(' | b'[' | b'{' => (i + 1, TokenKind::Punct, Tag::OpenBracket),
                b')' | b']' | b'}' => (i + 1, TokenKind::Punct, Tag::CloseBracket),
                _ => (i + 1, TokenKind::Punct, Tag::Plain),
            }
        } else {
            // `i` always advances by whole characters, so this is on a boundary.
            let Some((c, len)) = char_at(text, i) else {
                break;
            };
            if is_space(c) {
                i += len;
                continue;
            }
            if is_word_char(c) {
                word(text, i)
            } else if quote_char(c).is_some() {
                (i + len, TokenKind::Quote, Tag::Quote)
            } else if c == '…' {
                (i + len, TokenKind::Punct, Tag::Ellipsis)
            } else {
                (i + len, TokenKind::Punct, Tag::Plain)
            }
        };
        tokens.push(Token {
            start: base + i,
            end: base + end,
            kind,
        });
        tags.push(tag);
        i = end;
    }
}

/// The end of the run of bytes matching `pred` that starts at `start`.
fn run(bytes: &[u8], start: usize, pred: impl Fn(u8) -> bool) -> usize {
    bytes[start..]
        .iter()
        .position(|&b| !pred(b))
        .map_or(bytes.len(), |n| start + n)
}

/// A word starting at `start` (a word character): its end, kind and tag.
fn word(text: &str, start: usize) -> (usize, TokenKind, Tag) {
    if let Some(end) = url(text, start) {
        return (end, TokenKind::Word, Tag::Plain);
    }
    let bytes = text.as_bytes();
    let mut i = start;
    let mut inner_period = false;
    let mut email = false;
    loop {
        loop {
            i = alnum_run_end(bytes, i);
            if bytes.get(i).is_none_or(u8::is_ascii) {
                break;
            }
            match char_at(text, i) {
                Some((c, len)) if is_word_char(c) => i += len,
                _ => break,
            }
        }
        // Most words end at a space or plain punctuation: leave before decoding anything.
        let (c, len) = match bytes.get(i) {
            None => break,
            Some(b'-' | b'_' | b'.' | b'&' | b'@' | b'\'') => (char::from(bytes[i]), 1),
            Some(b) if b.is_ascii() => break,
            Some(_) => match char_at(text, i) {
                Some(x) => x,
                None => break,
            },
        };
        let next = char_at(text, i + len).map(|(n, _)| n);
        let joins = match c {
            // Soft hyphens and zero-width joiners sit invisibly inside words ("news\u{AD}paper").
            '-' | '_' | '\u{AD}' | '\u{200C}' | '\u{200D}' => next.is_some_and(is_word_char),
            '.' => {
                let joins = next.is_some_and(char::is_alphabetic);
                inner_period |= joins;
                joins
            }
            '&' => {
                char_before(text, i).is_some_and(|p| p.is_ascii_uppercase())
                    && next.is_some_and(|n| n.is_ascii_uppercase())
            }
            '@' if !email => {
                email = next.is_some_and(is_word_char);
                email
            }
            c if is_apostrophe_char(c) => next.is_some_and(char::is_alphabetic),
            _ => false,
        };
        if !joins {
            break;
        }
        i += len;
    }
    // A final period belongs to the word when the word is an abbreviation; an ellipsis
    // never does.
    if bytes.get(i) == Some(&b'.') && bytes.get(i + 1) != Some(&b'.') {
        let w = &text[start..i];
        // "Franco-U.S." ends in an acronym as "U.S." does. A capital letter is an initial
        // before it is a listed lower-case abbreviation: "James P. Best" is no page
        // reference ("p. 4").
        let last_part = w.rsplit('-').next().unwrap_or(w);
        let tag = if inner_period && !email && is_acronym(last_part) {
            Some(Tag::Acronym)
        } else if is_initial(w) {
            Some(Tag::Initial)
        } else {
            lexicon().abbreviation(w).map(Tag::Abbrev)
        };
        if let Some(tag) = tag {
            return (i + 1, TokenKind::Word, tag);
        }
    }
    (i, TokenKind::Word, Tag::Plain)
}

/// Letters in groups of one or two separated by periods: "U.S", "a.m", "Ph.D".
fn is_acronym(word: &str) -> bool {
    word.split('.')
        .all(|seg| (1..=2).contains(&seg.chars().count()) && seg.chars().all(char::is_alphabetic))
}

/// One capital letter: "J" in "Kim J. Un".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next().is_none()
}

/// A URL starting at `start` ("https://...", "www..."): its end, without trailing
/// punctuation that belongs to the sentence.
fn url(text: &str, start: usize) -> Option<usize> {
    if !matches!(text.as_bytes().get(start), Some(b'h' | b'H' | b'w' | b'W')) {
        return None;
    }
    let rest = text.get(start..)?;
    let head = rest.as_bytes();
    let prefix = ["https://", "http://", "www."].into_iter().find(|p| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p.as_bytes()))
    })?;
    let mut url = &rest[..rest.find(is_space).unwrap_or(rest.len())];
    while let Some(last) = url.chars().next_back() {
        let trim = match last {
            '.' | ',' | ';' | ':' | '!' | '?' | '>' => true,
            ')' => url.matches('(').count() < url.matches(')').count(),
            ']' => url.matches('[').count() < url.matches(']').count(),
            c => quote_char(c).is_some(),
        };
        if !trim {
            break;
        }
        url = &url[..url.len() - last.len_utf8()];
    }
    (url.len() > prefix.len()).then_some(start + url.len())
}

/// A number starting at `start` (an ASCII digit): its end.
fn number(text: &str, start: usize) -> (usize, TokenKind, Tag) {
    let bytes = text.as_bytes();
    let digit = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_digit);
    let digits = |from: usize| run(bytes, from, |b| b.is_ascii_digit());
    let mut i = digits(start);
    loop {
        match bytes.get(i) {
            // Thousands: exactly three digits per group ("1,200,000", not "1,2").
            Some(b',') if digit(i + 1) && digit(i + 2) && digit(i + 3) && !digit(i + 4) => {
                i += 4;
            }
            Some(b'.') if digit(i + 1) => i = digits(i + 1),
            Some(b':') if digit(i + 1) && digit(i + 2) && !digit(i + 3) => i += 3,
            _ => break,
        }
    }
    // Ordinals and decades stay with their digits: "2nd", "21st", "1990s".
    let letters = run(bytes, i, |b| b.is_ascii_alphabetic());
    if letters > i && !char_at(text, letters).is_some_and(|(c, _)| is_word_char(c)) {
        let suffix = &text[i..letters];
        if ["st", "nd", "rd", "th", "s"]
            .iter()
            .any(|s| suffix.eq_ignore_ascii_case(s))
        {
            i = letters;
        }
    }
    (i, TokenKind::Number, Tag::Plain)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<(&str, TokenKind, Tag)> {
        let (mut tokens, mut tags) = (Vec::new(), Vec::new());
        tokenize(text, 0, &mut tokens, &mut tags);
        assert_eq!(tokens.len(), tags.len());
        tokens
            .iter()
            .zip(tags)
            .map(|(t, tag)| (&text[t.start..t.end], t.kind, tag))
            .collect()
    }

    fn texts(text: &str) -> Vec<&str> {
        tokens(text).into_iter().map(|(t, _, _)| t).collect()
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_periods() {
        assert_eq!(
            texts("They haven't been battle-hardened in the U.S. or Ukraine's east."),
            [
                "They",
                "haven't",
                "been",
                "battle-hardened",
                "in",
                "the",
                "U.S.",
                "or",
                "Ukraine's",
                "east",
                "."
            ]
        );
        assert_eq!(texts("Ukraine’s"), ["Ukraine’s"]);
        assert_eq!(texts("news\u{AD}paper"), ["news\u{AD}paper"]);
    }

    #[test]
    fn numbers_keep_separators_and_decimals() {
        let t = tokens("1,200 troops, $5.6bn, 2024, 10:30 and 1,2");
        let numbers: Vec<&str> = t
            .iter()
            .filter(|t| t.1 == TokenKind::Number)
            .map(|t| t.0)
            .collect();
        assert_eq!(numbers, ["1,200", "5.6", "2024", "10:30", "1", "2"]);
        assert!(t.contains(&("bn", TokenKind::Word, Tag::Plain)));
        assert_eq!(
            texts("the 1990s and the 2nd"),
            ["the", "1990s", "and", "the", "2nd"]
        );
    }

    #[test]
    fn abbreviations_take_their_period() {
        let t = tokens("Lt. Col. Smith met Kim J. Un on Dec. 18 at 5 p.m. in No.4.");
        assert!(t.contains(&("Lt.", TokenKind::Word, Tag::Abbrev(AbbrevClass::Prefix))));
        assert!(t.contains(&("Col.", TokenKind::Word, Tag::Abbrev(AbbrevClass::Prefix))));
        assert!(t.contains(&("J.", TokenKind::Word, Tag::Initial)));
        assert!(t.contains(&("Dec.", TokenKind::Word, Tag::Abbrev(AbbrevClass::End))));
        assert!(t.contains(&("p.m.", TokenKind::Word, Tag::Acronym)));
        assert!(t.contains(&("No.", TokenKind::Word, Tag::Abbrev(AbbrevClass::Number))));
        assert_eq!(t.last().map(|t| t.2), Some(Tag::Period));
    }

    #[test]
    fn ellipsis_is_one_token_and_not_an_abbreviation() {
        assert_eq!(
            texts("everything from... light"),
            ["everything", "from", "...", "light"]
        );
        assert_eq!(texts("Gen... no"), ["Gen", "...", "no"]);
        assert_eq!(tokens("wait…")[1].2, Tag::Ellipsis);
    }

    #[test]
    fn urls_and_emails_are_one_word() {
        assert_eq!(
            texts("See https://example.com/a_b?x=1. Or mail jane.doe@example.org, ok"),
            [
                "See",
                "https://example.com/a_b?x=1",
                ".",
                "Or",
                "mail",
                "jane.doe@example.org",
                ",",
                "ok"
            ]
        );
        assert_eq!(texts("(www.example.com)"), ["(", "www.example.com", ")"]);
    }

    #[test]
    fn quotes_and_brackets_are_tokens() {
        let t = tokens("\"KIA [killed in action],\" he");
        assert_eq!(t[0], ("\"", TokenKind::Quote, Tag::Quote));
        assert_eq!(t[2], ("[", TokenKind::Punct, Tag::OpenBracket));
        assert_eq!(texts("“Hi,” ‘no’"), ["“", "Hi", ",", "”", "‘", "no", "’"]);
    }

    #[test]
    fn multibyte_text_tokenizes_on_boundaries() {
        assert_eq!(
            texts("Kyiv – Київ, naïve café—ok"),
            ["Kyiv", "–", "Київ", ",", "naïve", "café", "—", "ok"]
        );
    }
}
