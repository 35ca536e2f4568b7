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
    /// Only white space separates it from the previous word, with no punctuation and no
    /// possessive in between. A line break counts as a space: paragraphs end at blank
    /// lines, and wire copy wraps lines inside names ("Wrather\nCorp").
    pub joined: bool,
    /// Has an inner hyphen ("pro-Russian", "Wal-Mart").
    pub hyphenated: bool,
}

/// Abbreviations whose final period belongs to the word ("Gen.", "Inc.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "inc", "corp", "co", "ltd",
    "jr", "sr", "st", "prof", "capt", "maj", "sgt", "adm", "rev", "mt", "ft", "messrs", "cmdr",
];

/// The char at byte `pos` (on a char boundary) if it is before `end`.
fn char_at(body: &str, pos: usize, end: usize) -> Option<char> {
    if pos >= end {
        return None;
    }
    match body.as_bytes()[pos] {
        b if b < 0x80 => Some(b as char),
        _ => body.get(pos..).and_then(|rest| rest.chars().next()),
    }
}

fn alnum(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Lowercase words that, after a hyphen, make a compound adjective of the name before.
const HYPHEN_SUFFIXES: &[&str] = &[
    "led",
    "based",
    "backed",
    "owned",
    "made",
    "run",
    "controlled",
    "born",
    "style",
    "era",
    "funded",
    "sponsored",
    "linked",
    "allied",
    "occupied",
    "held",
    "bound",
    "affiliated",
];

/// Whether `body[at..]` starts with one of [`HYPHEN_SUFFIXES`] as a whole word.
fn hyphen_suffix(body: &str, at: usize, end: usize) -> bool {
    let rest = &body.as_bytes()[at..end];
    let len = rest.iter().take_while(|b| b.is_ascii_lowercase()).count();
    let word_ends = rest.get(len).is_none_or(|b| !b.is_ascii_alphanumeric());
    word_ends && std::str::from_utf8(&rest[..len]).is_ok_and(|w| HYPHEN_SUFFIXES.contains(&w))
}

/// Scans `body[start..end]` into words. Bytes are read directly on the ASCII fast path;
/// other characters are decoded where they occur.
pub fn words(body: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    out.clear();
    let bytes = body.as_bytes();
    let mut i = start;
    let mut prev_end: Option<usize> = None;
    let mut prev_possessive = false;
    while i < end {
        // Fast path: skip ASCII spaces and punctuation byte by byte.
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some(c) = char_at(body, i, end) else {
            break;
        };
        let clen = c.len_utf8();
        if !c.is_alphanumeric() {
            i += clen;
            continue;
        }
        let word_start = i;
        let mut j = i + clen;
        let mut has_period = false;
        let mut hyphenated = false;
        let mut possessive = false;
        let mut word_end;
        let mut resume;
        loop {
            // Fast path: the ASCII letters and digits of the word.
            while j < end && bytes[j].is_ascii_alphanumeric() {
                j += 1;
            }
            word_end = j;
            resume = j;
            let Some(d) = char_at(body, j, end) else {
                break;
            };
            if d.is_alphanumeric() {
                j += d.len_utf8();
                continue;
            }
            if !matches!(d, '.' | '-' | '\'' | '’' | '&') {
                break;
            }
            let after = j + d.len_utf8();
            let next = char_at(body, after, end);
            if matches!(d, '\'' | '’') {
                let s_then_break =
                    matches!(next, Some('s' | 'S')) && !alnum(char_at(body, after + 1, end));
                if s_then_break || !alnum(next) {
                    possessive = s_then_break || (bytes[j - 1] == b's' && !alnum(next));
                    resume = if s_then_break { after + 1 } else { j };
                    break;
                }
            }
            if alnum(next) {
                // "EADS-led", "Kremlin-backed": the name ends before the hyphen.
                if d == '-' && c.is_uppercase() && hyphen_suffix(body, after, end) {
                    break;
                }
                has_period |= d == '.';
                hyphenated |= d == '-';
                j = after;
                continue;
            }
            if d == '.' {
                let word = &body[word_start..j];
                let single = j - word_start == clen && c.is_uppercase();
                if has_period
                    || single
                    || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
                {
                    word_end = after;
                    resume = after;
                }
            }
            break;
        }
        let joined = prev_end.is_some_and(|p| {
            !prev_possessive
                && p < word_start
                && bytes[p..word_start]
                    .iter()
                    .all(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        });
        out.push(Word {
            start: word_start,
            end: word_end,
            upper: c.is_uppercase(),
            digit: c.is_ascii_digit(),
            possessive,
            joined,
            hyphenated,
        });
        prev_end = Some(word_end);
        prev_possessive = possessive;
        i = resume;
    }
}

/// Whether most cased letters in `text` are capitals: an all-caps wire report or headline,
/// where capitals say nothing about names.
#[must_use]
pub fn is_shouting(text: &str) -> bool {
    // ASCII letters decide: cheap, and news text in any Latin script is mostly ASCII.
    let (mut upper, mut lower) = (0usize, 0usize);
    for b in text.bytes() {
        upper += usize::from(b.is_ascii_uppercase());
        lower += usize::from(b.is_ascii_lowercase());
    }
    upper >= 8 && lower * 5 < upper
}

/// Whether a paragraph reads like a headline in title case: most words of four letters or
/// more are capitalized ("Moscow Waging 'Intense' Counteroffensive With North Korean Troops").
#[must_use]
pub fn is_title_case(words: &[Word]) -> bool {
    let (mut upper, mut long) = (0usize, 0usize);
    for w in words {
        if w.end - w.start >= 4 {
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
