//! Character classes shared by the tokenizer and the quote finder, so that both agree on
//! what a word character, a space, a punctuation mark and a quote mark are.

/// Whether `c` separates tokens. Every other character belongs to some token.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `c` can be part of a word or number: letters, digits, and combining marks (so
/// that decomposed accents stay inside their word).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

/// Punctuation for the flanking rules: anything that is neither a space nor a word character.
pub(crate) fn is_punct(c: char) -> bool {
    !is_space(c) && !is_word_char(c)
}

/// The common combining-mark blocks. `char` has no general-category query, and marks of
/// Indic scripts are already alphabetic, so these blocks are enough for news text.
fn is_combining_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// The two kinds of quotation marks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Family {
    /// `"`, `“ ”`, `„`, `« »`.
    Double,
    /// `'`, `‘ ’`, `‹ ›`.
    Single,
}

/// Which way a quote character points on its own, before context is considered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lean {
    /// Typographic opening marks: `“`, `‘`, `„`, `«`, `‹`.
    Open,
    /// Typographic closing marks: `”`, `’`, `»`, `›`.
    Close,
    /// Straight marks, which open or close depending on context: `"`, `'`.
    Neutral,
}

/// The family and lean of a quote character, or `None` for anything else.
pub(crate) fn quote_char(c: char) -> Option<(Family, Lean)> {
    Some(match c {
        '"' => (Family::Double, Lean::Neutral),
        '\'' => (Family::Single, Lean::Neutral),
        '\u{201C}' | '\u{201E}' | '\u{00AB}' => (Family::Double, Lean::Open),
        '\u{201D}' | '\u{00BB}' => (Family::Double, Lean::Close),
        '\u{2018}' | '\u{201A}' | '\u{2039}' => (Family::Single, Lean::Open),
        '\u{2019}' | '\u{203A}' => (Family::Single, Lean::Close),
        _ => return None,
    })
}

/// The quotation mark starting at byte `at` of `text`: its family, lean and length in
/// bytes. Besides the single characters of [`quote_char`], two straight single quotes
/// (`''`, as some archives print closing and opening double quotes) are one double mark,
/// and two backticks (`` `` ``) are an opening double mark.
pub(crate) fn quote_mark_at(text: &str, at: usize) -> Option<(Family, Lean, usize)> {
    let bytes = text.as_bytes();
    let byte = |i: usize| bytes.get(i).copied();
    match byte(at)? {
        b'\''
            if byte(at + 1) == Some(b'\'')
                && byte(at + 2) != Some(b'\'')
                && (at == 0 || byte(at - 1) != Some(b'\'')) =>
        {
            Some((Family::Double, Lean::Neutral, 2))
        }
        b'`' if byte(at + 1) == Some(b'`') => Some((Family::Double, Lean::Open, 2)),
        _ => {
            let (c, len) = char_at(text, at)?;
            let (family, lean) = quote_char(c)?;
            Some((family, lean, len))
        }
    }
}

/// Whether `c` can stand for an apostrophe inside a word (`haven't`, `Ukraine’s`).
pub(crate) fn is_apostrophe_char(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// The character starting at byte `at`, with its length; `None` at the end or off a
/// character boundary.
pub(crate) fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let c = text.get(at..)?.chars().next()?;
    Some((c, c.len_utf8()))
}

/// The character ending just before byte `at`; `None` at the start or off a boundary.
pub(crate) fn char_before(text: &str, at: usize) -> Option<char> {
    text.get(..at)?.chars().next_back()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn curly_and_straight_quotes_have_families() {
        assert_eq!(quote_char('“'), Some((Family::Double, Lean::Open)));
        assert_eq!(quote_char('’'), Some((Family::Single, Lean::Close)));
        assert_eq!(quote_char('"'), Some((Family::Double, Lean::Neutral)));
        assert_eq!(quote_char('x'), None);
    }

    #[test]
    fn doubled_marks_are_one_double_mark() {
        assert_eq!(
            quote_mark_at("''Bombast", 0),
            Some((Family::Double, Lean::Neutral, 2))
        );
        assert_eq!(
            quote_mark_at("``Hi", 0),
            Some((Family::Double, Lean::Open, 2))
        );
        assert_eq!(
            quote_mark_at("'''", 0),
            Some((Family::Single, Lean::Neutral, 1))
        );
        assert_eq!(
            quote_mark_at("’s", 0),
            Some((Family::Single, Lean::Close, 3))
        );
        assert_eq!(quote_mark_at("`x", 0), None);
    }

    #[test]
    fn accents_stay_in_words() {
        assert!(is_word_char('é'));
        assert!(is_word_char('\u{0301}'));
        assert!(is_punct('—'));
        assert!(is_space('\u{00A0}'));
    }

    #[test]
    fn char_lookups_respect_boundaries() {
        let text = "a–b";
        assert_eq!(char_at(text, 1), Some(('–', 3)));
        assert_eq!(char_at(text, 2), None);
        assert_eq!(char_before(text, 4), Some('–'));
        assert_eq!(char_before(text, 0), None);
    }
}
