//! Words of a sentence with the shape facts name finding needs: capitals, possessive `'s`,
//! and whether only spaces separate a word from the one before it.
//!
//! This is a small scanner of its own rather than the segmenter's tokens, so that "U.S.",
//! "Wal-Mart" and "Russia's" come out the same whatever tokenization the segmenter picks.

/// A word: a byte range into the body and its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    /// First byte.
    pub start: usize,
    /// One past the last byte (before any possessive `'s`).
    pub end: usize,
    /// Starts with an uppercase letter.
    pub upper: bool,
    /// Starts with a digit.
    pub digit: bool,
    /// Followed by `'s`, `’s` or a bare apostrophe.
    pub possessive: bool,
    /// Only spaces (or tabs) separate it from the previous word, with no punctuation and
    /// no possessive in between.
    pub joined: bool,
}

/// Abbreviations whose final period belongs to the word ("Gen.", "Inc.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "inc", "corp", "co", "ltd",
    "jr", "sr", "st", "prof", "capt", "maj", "sgt", "adm", "rev", "mt", "ft", "messrs", "cmdr",
];

/// Scans `body[start..end]` into words.
pub fn words(body: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    out.clear();
    let bytes = body.as_bytes();
    let text = &body[start..end];
    let mut iter = text.char_indices().peekable();
    let mut prev_end: Option<usize> = None;
    let mut prev_possessive = false;
    while let Some((i, c)) = iter.next() {
        if !c.is_alphanumeric() {
            continue;
        }
        let word_start = start + i;
        let mut word_end = word_start + c.len_utf8();
        let mut has_period = false;
        let mut possessive = false;
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                word_end = start + j + d.len_utf8();
                iter.next();
                continue;
            }
            if matches!(d, '.' | '-' | '\'' | '’' | '&') {
                let next = text[j + d.len_utf8()..].chars().next();
                let apostrophe = matches!(d, '\'' | '’');
                if apostrophe {
                    let rest = &text[j + d.len_utf8()..];
                    let s_then_break = rest.starts_with(['s', 'S'])
                        && !rest[1..].chars().next().is_some_and(char::is_alphanumeric);
                    if s_then_break || !next.is_some_and(char::is_alphanumeric) {
                        possessive = s_then_break
                            || (bytes[word_end - 1] == b's'
                                && !next.is_some_and(char::is_alphanumeric));
                        if s_then_break {
                            iter.next();
                            iter.next();
                        }
                        break;
                    }
                }
                if next.is_some_and(char::is_alphanumeric) {
                    has_period |= d == '.';
                    iter.next();
                    continue;
                }
                if d == '.' {
                    let word = &body[word_start..word_end];
                    let single = word.chars().count() == 1 && c.is_uppercase();
                    if has_period
                        || single
                        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
                    {
                        word_end += 1;
                        iter.next();
                    }
                }
            }
            break;
        }
        let joined = prev_end.is_some_and(|p| {
            !prev_possessive
                && p < word_start
                && bytes[p..word_start]
                    .iter()
                    .all(|&b| b == b' ' || b == b'\t')
        });
        out.push(Word {
            start: word_start,
            end: word_end,
            upper: c.is_uppercase(),
            digit: c.is_ascii_digit(),
            possessive,
            joined,
        });
        prev_end = Some(word_end);
        prev_possessive = possessive;
    }
}

/// Whether most cased letters in `text` are capitals: an all-caps wire report or headline,
/// where capitals say nothing about names.
#[must_use]
pub fn is_shouting(text: &str) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for c in text.chars() {
        if c.is_uppercase() {
            upper += 1;
        } else if c.is_lowercase() {
            lower += 1;
        }
    }
    upper >= 8 && lower * 5 < upper
}

/// Whether a paragraph reads like a headline in title case: most words of four letters or
/// more are capitalized ("Moscow Waging 'Intense' Counteroffensive With North Korean Troops").
#[must_use]
pub fn is_title_case(body: &str, words: &[Word]) -> bool {
    let (mut upper, mut long) = (0usize, 0usize);
    for w in words {
        if body[w.start..w.end].chars().count() >= 4 {
            long += 1;
            upper += usize::from(w.upper);
        }
    }
    long >= 4 && upper * 10 >= long * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<(String, bool, bool)> {
        let mut out = Vec::new();
        words(body, 0, body.len(), &mut out);
        out.iter()
            .map(|w| (body[w.start..w.end].to_owned(), w.possessive, w.joined))
            .collect()
    }

    #[test]
    fn abbreviations_possessives_and_joins() {
        let got = texts("U.S. President Joe Biden's team, Gen. Smith and Wal-Mart's Jobs' iPod.");
        let words: Vec<&str> = got.iter().map(|(w, _, _)| w.as_str()).collect();
        assert_eq!(
            words,
            [
                "U.S.",
                "President",
                "Joe",
                "Biden",
                "team",
                "Gen.",
                "Smith",
                "and",
                "Wal-Mart",
                "Jobs",
                "iPod"
            ]
        );
        assert!(got[3].1, "Biden's is possessive");
        assert!(!got[4].2, "team follows a possessive, so it is not joined");
        assert!(!got[5].2, "Gen. follows a comma");
        assert!(got[9].1, "Jobs' is possessive");
    }

    #[test]
    fn shouting() {
        assert!(is_shouting(
            "SAN SALVADOR, 3 JAN 90 -- PRESIDENT ALFREDO CRISTIANI SAID"
        ));
        assert!(!is_shouting("The U.S. and NATO said on Tuesday."));
    }
}
