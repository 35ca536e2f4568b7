//! A tiny on-demand lexer: the recognizer only looks at the few words around an anchor, so
//! words are read forward or backward from a byte offset instead of tokenizing the whole text.
//!
//! A word is a run of letters with inner apostrophes ("o'clock", "Russia's") or, for
//! abbreviations, single letters joined by periods ("U.S.", "a.m."). A line break ends every
//! expression: figures never span lines, and the body joins paragraphs with a blank line.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters.
    Word,
    /// ASCII digits only; separators are the number parser's business.
    Digits,
    /// Any other single character.
    Punct,
}

/// A token: a byte range of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Tok {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
}

impl Tok {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// Whether the token is this word, ignoring ASCII case. Bytes are compared, lengths
    /// first: the same answer as comparing the token's text (equal bytes of a whole word are
    /// whole characters), without the char-boundary checks of slicing a `str`, for the many
    /// tokens tested against several words in turn.
    pub fn is(&self, text: &str, word: &str) -> bool {
        self.end.wrapping_sub(self.start) == word.len()
            && text
                .as_bytes()
                .get(self.start..self.end)
                .is_some_and(|b| b.eq_ignore_ascii_case(word.as_bytes()))
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\t' || c == '\u{a0}' || c == '\u{202f}' || c == '\u{2009}'
}

pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphabetic()
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

/// The char at byte `pos`, if `pos` is a char boundary inside the text.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

/// The char ending at byte `pos`.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

/// Skips spaces (not line breaks) forward from `pos`.
pub(crate) fn skip_space(text: &str, mut pos: usize) -> usize {
    while let Some(c) = char_at(text, pos) {
        if is_space(c) {
            pos += c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// Skips spaces (not line breaks) backward from `pos`.
pub(crate) fn skip_space_back(text: &str, mut pos: usize) -> usize {
    while let Some(c) = char_before(text, pos) {
        if is_space(c) {
            pos -= c.len_utf8();
        } else {
            break;
        }
    }
    pos
}

/// End of the word that starts at `start` (which must be a letter).
fn word_end(text: &str, start: usize) -> usize {
    let mut pos = start;
    let mut part_len = 0usize;
    let mut abbreviation = true;
    while let Some(c) = char_at(text, pos) {
        if is_word_char(c) {
            pos += c.len_utf8();
            part_len += 1;
            if part_len > 1 {
                abbreviation = false;
            }
            continue;
        }
        let next = char_at(text, pos + c.len_utf8());
        if is_apostrophe(c) && next.is_some_and(is_word_char) {
            pos += c.len_utf8();
            abbreviation = false;
            continue;
        }
        if c == '.' && part_len == 1 && abbreviation {
            // "U.S.", "a.m.": single letters joined by periods, the final period included;
            // a lone initial ("J. Smith") keeps its period out.
            if let Some(n) = next.filter(|&n| is_word_char(n)) {
                if char_at(text, pos + 1 + n.len_utf8()).is_none_or(|c| !is_word_char(c)) {
                    pos += 1;
                    part_len = 0;
                    continue;
                }
            } else if pos > start + 1 {
                pos += 1;
            }
        }
        break;
    }
    pos
}

/// The token starting at or after `pos`, skipping spaces; `None` at a line break or the end.
pub(crate) fn next(text: &str, pos: usize) -> Option<Tok> {
    next_with(text, pos, true)
}

/// [`next`]; `shortcuts` false leaves digits and punctuation to the full rules (for the
/// test that the byte tests agree with them).
#[inline]
fn next_with(text: &str, pos: usize, shortcuts: bool) -> Option<Tok> {
    let bytes = text.as_bytes();
    // ASCII fast path: spaces, then a plain lowercase or capitalized word ending in ASCII.
    let mut start = pos;
    while bytes.get(start).is_some_and(|b| *b == b' ' || *b == b'\t') {
        start += 1;
    }
    if let Some(&b) = bytes.get(start)
        && b.is_ascii_alphabetic()
    {
        let mut end = start + 1;
        while bytes.get(end).is_some_and(u8::is_ascii_alphabetic) {
            end += 1;
        }
        let stop = bytes.get(end).copied();
        // Apostrophes, periods and non-ASCII letters need the full rules below.
        if stop.is_none_or(|s| s.is_ascii() && s != b'\'' && s != b'.') {
            return Some(Tok {
                start,
                end,
                kind: Kind::Word,
            });
        }
    }
    // Digit runs and ASCII punctuation, the other tokens around amounts, by byte tests too.
    if shortcuts && let Some(&b) = bytes.get(start) {
        if b.is_ascii_digit() {
            let end = start
                + bytes
                    .get(start..)
                    .map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
            return Some(Tok {
                start,
                end,
                kind: Kind::Digits,
            });
        }
        if b.is_ascii() && !b.is_ascii_alphabetic() && b != b'\n' && b != b'\r' {
            return Some(Tok {
                start,
                end: start + 1,
                kind: Kind::Punct,
            });
        }
    }
    next_general(text, start)
}

/// [`next`] by the full rules, character by character.
fn next_general(text: &str, start: usize) -> Option<Tok> {
    let start = skip_space(text, start);
    let c = char_at(text, start)?;
    if c == '\n' || c == '\r' {
        return None;
    }
    if is_word_char(c) {
        return Some(Tok {
            start,
            end: word_end(text, start),
            kind: Kind::Word,
        });
    }
    if c.is_ascii_digit() {
        let end = start
            + text
                .get(start..)
                .map_or(0, |s| s.bytes().take_while(u8::is_ascii_digit).count());
        return Some(Tok {
            start,
            end,
            kind: Kind::Digits,
        });
    }
    Some(Tok {
        start,
        end: start + c.len_utf8(),
        kind: Kind::Punct,
    })
}

/// The token ending at or before `pos`, skipping spaces; `None` at a line break or the start.
pub(crate) fn prev(text: &str, pos: usize) -> Option<Tok> {
    prev_with(text, pos, true)
}

/// [`prev`]; `shortcuts` as for [`next_with`].
#[inline]
fn prev_with(text: &str, pos: usize, shortcuts: bool) -> Option<Tok> {
    let bytes = text.as_bytes();
    // ASCII fast path: a plain word of ASCII letters with no period or apostrophe around.
    let mut end = pos;
    while end > 0
        && bytes
            .get(end - 1)
            .is_some_and(|b| *b == b' ' || *b == b'\t')
    {
        end -= 1;
    }
    if end > 0 && bytes.get(end - 1).is_some_and(u8::is_ascii_alphabetic) {
        let mut start = end - 1;
        while start > 0 && bytes.get(start - 1).is_some_and(u8::is_ascii_alphabetic) {
            start -= 1;
        }
        let before = if start > 0 {
            bytes.get(start - 1).copied()
        } else {
            None
        };
        let after = bytes.get(end).copied();
        if before.is_none_or(|b| b.is_ascii() && b != b'\'' && b != b'.')
            && after.is_none_or(|b| b.is_ascii() && b != b'\'' && b != b'.')
        {
            return Some(Tok {
                start,
                end,
                kind: Kind::Word,
            });
        }
    }
    // A digit run, or ASCII punctuation that cannot end a word ("." and "'" can: "U.S.").
    if shortcuts
        && end > 0
        && let Some(&b) = bytes.get(end - 1)
    {
        if b.is_ascii_digit() {
            let start = end
                - bytes.get(..end).map_or(0, |r| {
                    r.iter().rev().take_while(|c| c.is_ascii_digit()).count()
                });
            return Some(Tok {
                start,
                end,
                kind: Kind::Digits,
            });
        }
        if b.is_ascii()
            && !b.is_ascii_alphabetic()
            && !matches!(b, b'\n' | b'\r' | b' ' | b'\t' | b'.' | b'\'')
        {
            return Some(Tok {
                start: end - 1,
                end,
                kind: Kind::Punct,
            });
        }
    }
    prev_general(text, pos)
}

/// [`prev`] by the full rules, character by character.
fn prev_general(text: &str, pos: usize) -> Option<Tok> {
    let end = skip_space_back(text, pos);
    let c = char_before(text, end)?;
    if c == '\n' || c == '\r' {
        return None;
    }
    if c.is_ascii_digit() {
        let start = end
            - text.get(..end).map_or(0, |s| {
                s.bytes().rev().take_while(u8::is_ascii_digit).count()
            });
        return Some(Tok {
            start,
            end,
            kind: Kind::Digits,
        });
    }
    // Walk back over letters and inner periods or apostrophes, then lex forward from there so
    // both directions agree on where words end ("U.S." is one word, "end." is a word and a
    // period).
    let mut start = end;
    while let Some(ch) = char_before(text, start) {
        let inner = (ch == '.' || is_apostrophe(ch))
            && char_before(text, start - ch.len_utf8()).is_some_and(is_word_char);
        if is_word_char(ch) || inner {
            start -= ch.len_utf8();
        } else {
            break;
        }
    }
    let mut at = start;
    while at < end {
        let Some(t) = next(text, at) else { break };
        if t.end == end && t.kind == Kind::Word {
            return Some(t);
        }
        if t.end >= end {
            break;
        }
        at = t.end;
    }
    Some(Tok {
        start: end - c.len_utf8(),
        end,
        kind: Kind::Punct,
    })
}

/// Whether a word starts with an uppercase letter.
pub(crate) fn is_capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        let mut pos = 0;
        while let Some(t) = next(text, pos) {
            out.push(t.text(text));
            pos = t.end;
        }
        out
    }

    #[test]
    fn forward_words_abbreviations_and_possessives() {
        assert_eq!(
            words("U.S. forces in Russia's Kursk at 3 p.m."),
            [
                "U.S.", "forces", "in", "Russia's", "Kursk", "at", "3", "p.m."
            ]
        );
        assert_eq!(words("sixty-five"), ["sixty", "-", "five"]);
        assert_eq!(words("end.\n\nNext"), ["end", "."]);
    }

    /// Up to `n` tokens before `pos`, nearest first.
    fn back(text: &str, pos: usize, n: usize) -> Vec<Tok> {
        let mut out = Vec::new();
        let mut at = pos;
        while out.len() < n {
            let Some(t) = prev(text, at) else { break };
            at = t.start;
            out.push(t);
        }
        out
    }

    #[test]
    fn backward_agrees_with_forward() {
        let text = "a senior U.S. official said more than 1,000";
        let at = text.find("1,000").unwrap();
        let got: Vec<&str> = back(text, at, 5).iter().map(|t| t.text(text)).collect();
        assert_eq!(got, ["than", "more", "said", "official", "U.S."]);
        let text = "the end. More";
        let got: Vec<&str> = back(text, text.len() - 4, 3)
            .iter()
            .map(|t| t.text(text))
            .collect();
        assert_eq!(got, [".", "end", "the"]);
    }

    proptest::proptest! {
        /// The byte-test shortcuts give the tokens of the full rules, from any position.
        #[test]
        fn shortcuts_agree_with_full_rules(
            text in "[a-zA-Z0-9 .,'$%()\n\t\u{a0}\u{2019}\u{e9}\u{20ac}-]{0,16}",
            pos in 0usize..40,
        ) {
            proptest::prop_assert_eq!(next(&text, pos), next_with(&text, pos, false));
            proptest::prop_assert_eq!(prev(&text, pos), prev_with(&text, pos, false));
        }

        /// `is` answers like comparing the token's text, on any range of any text (ranges
        /// inside a character included) and words ASCII or not.
        #[test]
        fn is_agrees_with_text_comparison(
            text in "[a-zA-Z€’ .-]{0,12}",
            start in 0usize..16,
            len in 0usize..8,
            word in proptest::sample::select(vec!["a", "an", "from", "FROM", "-", "€", "’s", "e€"]),
        ) {
            let t = Tok { start, end: start + len, kind: Kind::Word };
            proptest::prop_assert_eq!(t.is(&text, word), t.text(&text).eq_ignore_ascii_case(word));
        }
    }
}
