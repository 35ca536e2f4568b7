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
    /// Only ASCII letters and digits ("Biden", not "U.S.", "Wal-Mart" or "Zürich"): the
    /// gazetteer search's first word is then exactly this word.
    pub plain: bool,
}

/// Lowercase Arabic articles, in their common romanizations, that open a hyphenated name.
const ARABIC_ARTICLES: &[&[u8]] = &[
    b"al-", b"el-", b"ad-", b"ash-", b"as-", b"at-", b"az-", b"an-", b"ar-",
];

/// Whether `word` is an Arabic article, a hyphen and a capital: "al-Burhan", "el-Sisi".
/// Out of line: few words are hyphenated.
#[cold]
#[inline(never)]
fn arabic_article(word: &[u8]) -> bool {
    ARABIC_ARTICLES
        .iter()
        .any(|a| word.len() > a.len() && word.starts_with(a) && word[a.len()].is_ascii_uppercase())
}

/// Abbreviations whose final period belongs to the word ("Gen.", "Inc.").
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "gen", "lt", "col", "sen", "rep", "gov", "inc", "corp", "co", "ltd",
    "jr", "sr", "st", "prof", "capt", "maj", "sgt", "adm", "rev", "mt", "ft", "messrs", "cmdr",
    "brig", "cpl", "pvt",
];

/// Months written short, whose period belongs to the word before a day ("on Jan. 5"): the
/// word is then the stop word "jan." of `stop_caps.txt`, not the given name "Jan". Not at
/// a sentence's end ("systems from IBM and DEC.").
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];

/// Longest of [`ABBREVIATIONS`] in bytes.
const MAX_ABBREVIATION: usize = 6;

/// Each of [`ABBREVIATIONS`] as its bytes in a little-endian `u64`, zero-padded: a word of
/// up to eight bytes, loaded and folded to lowercase the same way, is one of them exactly
/// when it equals one of these (no word holds a zero byte, so lengths cannot mix).
const ABBREVIATION_KEYS: [u64; ABBREVIATIONS.len()] = keys(ABBREVIATIONS);
/// [`MONTH_ABBREVIATIONS`] the same way.
const MONTH_KEYS: [u64; MONTH_ABBREVIATIONS.len()] = keys(&MONTH_ABBREVIATIONS);

/// Each word of `list` as its bytes in a little-endian `u64`, zero-padded.
const fn keys<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut keys = [0u64; N];
    let mut i = 0;
    while i < N {
        let a = list[i].as_bytes();
        assert!(a.len() <= MAX_ABBREVIATION);
        let mut k = 0;
        while k < a.len() {
            keys[i] |= (a[k] as u64) << (8 * k);
            k += 1;
        }
        i += 1;
    }
    keys
}

/// Whether `bytes[start..end]` (one to [`MAX_ABBREVIATION`] bytes, a period at `end`) is
/// one of [`ABBREVIATIONS`] in any ASCII case, or of [`MONTH_ABBREVIATIONS`] before a
/// day: one eight-byte load and a few compares instead of a string comparison per
/// abbreviation (a sentence's last word asks).
fn is_abbreviation(bytes: &[u8], start: usize, end: usize) -> bool {
    let len = end - start;
    if len == 0 || len > MAX_ABBREVIATION {
        return false;
    }
    let key = fold(load(bytes, start) & (u64::MAX >> (8 * (8 - len))));
    ABBREVIATION_KEYS.contains(&key)
        || MONTH_KEYS.contains(&key)
            && bytes.get(end + 1) == Some(&b' ')
            && bytes.get(end + 2).is_some_and(u8::is_ascii_digit)
}

use crate::swar::{alnum_run_end, fold, in_range, load};

/// Byte classes for the scanner: one table lookup per byte instead of a chain of tests.
const ALNUM: u8 = 1;
/// ASCII white space: between two words it keeps them joined.
const SPACE: u8 = 2;
/// A byte of a non-ASCII character: decoded where it occurs.
const HIGH: u8 = 4;
/// `.`, `-`, `'` and `&`: may continue a word ("U.S.", "Wal-Mart", "AT&T") or end it.
const INNER: u8 = 8;

const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        #[allow(clippy::cast_possible_truncation)] // b < 256
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            ALNUM
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\r') {
            SPACE
        } else if c >= 0x80 {
            HIGH
        } else if matches!(c, b'.' | b'-' | b'\'' | b'&') {
            INNER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The char at byte `pos` (on a char boundary) if it is before `end`.
#[inline]
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

/// Whether the paragraph of `words` reads like a headline in title case: at least four
/// words of four bytes or more, and four in five of them capitalized ("Moscow Waging
/// 'Intense' Counteroffensive With North Korean Troops"). Counted after the scan rather
/// than in it, and only where the paragraph is not in capitals already; ordinary text is
/// settled by its first lowercase words.
#[must_use]
pub fn title_case(words: &[Word]) -> bool {
    let (mut upper, mut lower) = (0usize, 0usize);
    for (i, w) in words.iter().enumerate() {
        if w.end - w.start < 4 {
            continue;
        }
        if w.upper {
            upper += 1;
            continue;
        }
        lower += 1;
        // Even if every word left were long and capitalized, too few would be.
        if upper + (words.len() - i - 1) < 4 * lower {
            return false;
        }
    }
    upper + lower >= 4 && upper >= 4 * lower
}

/// Scans `body[start..end]` into words. Bytes are classed by one table lookup; the letters
/// of a word are skipped in a tight loop, and other characters are decoded where they occur.
pub fn words(body: &str, start: usize, end: usize, out: &mut Vec<Word>) {
    out.clear();
    let bytes = body.as_bytes();
    let end = end.min(bytes.len());
    let mut i = start;
    // Whether only white space (at least one byte of it) separates the next word from the
    // previous one, which was not possessive.
    let mut clean = false;
    let mut spaced = false;
    while i < end {
        let b = bytes[i];
        let class = CLASS[usize::from(b)];
        // The first character's case, digit and length; an ASCII one is read off its byte.
        let (c_upper, c_digit, clen) = if class & ALNUM != 0 {
            (b.is_ascii_uppercase(), b.is_ascii_digit(), 1)
        } else if class & HIGH != 0 {
            let Some(c) = char_at(body, i, end) else {
                break;
            };
            if !c.is_alphanumeric() {
                clean = false;
                i += c.len_utf8();
                continue;
            }
            (c.is_uppercase(), false, c.len_utf8())
        } else {
            if b == b'&' && spaced && i + 1 < end && bytes[i + 1] == b' ' {
                // A spaced ampersand is a word, as "and" is, so names join across it
                // as they do across their other connectors ("Procter & Gamble", "London
                // School of Hygiene & Tropical Medicine").
                out.push(ampersand(i, clean));
                clean = true;
                spaced = false;
                i += 1;
                continue;
            }
            clean &= class & SPACE != 0;
            spaced = true;
            i += 1;
            continue;
        };
        let word_start = i;
        let plain = class & ALNUM != 0;
        let run_end = alnum_run_end(bytes, i + clen, end);
        // Most words end at a space or plain punctuation after their letters: nothing more
        // to read. The rest ("U.S.", "Russia's", "Wal-Mart", "Zürich") are read out of line.
        let tail = if run_end >= end || CLASS[usize::from(bytes[run_end])] & (INNER | HIGH) == 0 {
            Tail {
                word_end: run_end,
                resume: run_end,
                possessive: false,
                hyphenated: false,
                plain,
            }
        } else {
            tail(body, word_start, clen, c_upper, run_end, end, plain)
        };
        let Tail {
            word_end,
            resume,
            possessive,
            hyphenated,
            plain,
        } = tail;
        // "el-Sisi", "al-Burhan": an Arabic article glued to a capitalized name is part
        // of the name, in a name's middle ("Abdel Fattah el-Sisi") or alone ("al-Sharaa").
        let upper = c_upper || (hyphenated && arabic_article(&bytes[word_start..word_end]));
        out.push(Word {
            start: word_start,
            end: word_end,
            upper,
            digit: c_digit,
            possessive,
            joined: clean && spaced,
            hyphenated,
            plain,
        });
        clean = !possessive;
        spaced = false;
        i = resume;
        // The usual gap, one space, taken here as the loop would take it (a space keeps
        // `clean`), without a trip through the byte classes.
        if i < end && bytes[i] == b' ' {
            spaced = true;
            i += 1;
        }
    }
}

/// The word for a spaced `&` at `at`; out of line, as ampersands are rare.
#[cold]
#[inline(never)]
fn ampersand(at: usize, clean: bool) -> Word {
    Word {
        start: at,
        end: at + 1,
        upper: false,
        digit: false,
        possessive: false,
        joined: clean,
        hyphenated: false,
        plain: false,
    }
}

/// Where a word ends and what it holds past its first run of letters and digits.
struct Tail {
    /// One past the word's last byte.
    word_end: usize,
    /// Where scanning goes on (after a possessive's `'s`).
    resume: usize,
    /// See [`Word::possessive`].
    possessive: bool,
    /// See [`Word::hyphenated`].
    hyphenated: bool,
    /// See [`Word::plain`].
    plain: bool,
}

/// The rest of a word whose first run of ASCII letters and digits (from `word_start`, its
/// first character `clen` bytes long) ends at `j` before a `.`, `-`, `'`, `&` or a
/// non-ASCII character: inner periods and hyphens, possessives, abbreviations and letters
/// beyond ASCII. Out of line: the scanner's loop stays small for the common word.
#[inline(never)]
fn tail(
    body: &str,
    word_start: usize,
    clen: usize,
    c_upper: bool,
    mut j: usize,
    end: usize,
    mut plain: bool,
) -> Tail {
    let bytes = body.as_bytes();
    let mut has_period = false;
    let mut hyphenated = false;
    let mut possessive = false;
    let mut word_end;
    let mut resume;
    loop {
        word_end = j;
        resume = j;
        if j >= end || CLASS[usize::from(bytes[j])] & (INNER | HIGH) == 0 {
            break;
        }
        let Some(d) = char_at(body, j, end) else {
            break;
        };
        if d.is_alphanumeric() {
            j = alnum_run_end(bytes, j + d.len_utf8(), end);
            plain = false;
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
            if d == '-' && c_upper && hyphen_suffix(body, after, end) {
                break;
            }
            has_period |= d == '.';
            hyphenated |= d == '-';
            plain = false;
            j = alnum_run_end(bytes, after, end);
            continue;
        }
        if d == '.' {
            let single = j - word_start == clen && c_upper;
            if has_period || single || is_abbreviation(bytes, word_start, j) {
                word_end = after;
                resume = after;
                plain = false;
            }
        }
        break;
    }
    Tail {
        word_end,
        resume,
        possessive,
        hyphenated,
        plain,
    }
}

/// Whether most cased letters in `text` are capitals: an all-caps wire report or headline,
/// where capitals say nothing about names.
#[must_use]
pub fn is_shouting(text: &str) -> bool {
    // ASCII letters decide: cheap, and news text in any Latin script is mostly ASCII.
    let (mut upper, mut lower) = (0usize, 0usize);
    let mut chunks = text.as_bytes().chunks_exact(8);
    let mut left = text.len();
    for (k, chunk) in (&mut chunks).enumerate() {
        let mut x = [0u8; 8];
        x.copy_from_slice(chunk);
        let x = u64::from_le_bytes(x);
        upper += in_range(x, b'A', b'Z').count_ones() as usize;
        lower += in_range(x, b'a', b'z').count_ones() as usize;
        left -= 8;
        // Ordinary text is settled within its first words: even if every byte left were
        // a capital, the small letters already seen would outweigh them.
        if k % 8 == 7 && lower * 5 >= upper + left {
            return false;
        }
    }
    for b in chunks.remainder() {
        upper += usize::from(b.is_ascii_uppercase());
        lower += usize::from(b.is_ascii_lowercase());
    }
    upper >= 8 && lower * 5 < upper
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

    /// The scanner as it was before its common case was split from [`tail`]: the tests
    /// check the two agree word for word.
    /// Long words and long capitalized words, as the scanner counted them before.
    #[derive(Default)]
    struct Shape {
        long: usize,
        long_upper: usize,
    }

    fn reference_words(body: &str, start: usize, end: usize, out: &mut Vec<Word>) -> Shape {
        out.clear();
        let mut shape = Shape::default();
        let bytes = body.as_bytes();
        let end = end.min(bytes.len());
        let mut i = start;
        let mut clean = false;
        let mut spaced = false;
        while i < end {
            let b = bytes[i];
            let class = CLASS[usize::from(b)];
            let (c_upper, c_digit, clen) = if class & ALNUM != 0 {
                (b.is_ascii_uppercase(), b.is_ascii_digit(), 1)
            } else if class & HIGH != 0 {
                let Some(c) = char_at(body, i, end) else {
                    break;
                };
                if !c.is_alphanumeric() {
                    clean = false;
                    i += c.len_utf8();
                    continue;
                }
                (c.is_uppercase(), false, c.len_utf8())
            } else {
                if b == b'&' && spaced && i + 1 < end && bytes[i + 1] == b' ' {
                    out.push(ampersand(i, clean));
                    clean = true;
                    spaced = false;
                    i += 1;
                    continue;
                }
                clean &= class & SPACE != 0;
                spaced = true;
                i += 1;
                continue;
            };
            let word_start = i;
            let mut j = i + clen;
            let mut has_period = false;
            let mut hyphenated = false;
            let mut possessive = false;
            // Cleared where the word takes anything but ASCII letters and digits.
            let mut plain = class & ALNUM != 0;
            let mut word_end;
            let mut resume;
            loop {
                j = alnum_run_end(bytes, j, end);
                word_end = j;
                resume = j;
                if j >= end || CLASS[usize::from(bytes[j])] & (INNER | HIGH) == 0 {
                    break;
                }
                let Some(d) = char_at(body, j, end) else {
                    break;
                };
                if d.is_alphanumeric() {
                    j += d.len_utf8();
                    plain = false;
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
                    if d == '-' && c_upper && hyphen_suffix(body, after, end) {
                        break;
                    }
                    has_period |= d == '.';
                    hyphenated |= d == '-';
                    plain = false;
                    j = after;
                    continue;
                }
                if d == '.' {
                    let single = j - word_start == clen && c_upper;
                    if has_period || single || is_abbreviation(bytes, word_start, j) {
                        word_end = after;
                        resume = after;
                        plain = false;
                    }
                }
                break;
            }
            // "el-Sisi", "al-Burhan": an Arabic article glued to a capitalized name is part
            // of the name, in a name's middle ("Abdel Fattah el-Sisi") or alone ("al-Sharaa").
            let upper = c_upper || (hyphenated && arabic_article(&bytes[word_start..word_end]));
            let long = word_end - word_start >= 4;
            shape.long += usize::from(long);
            shape.long_upper += usize::from(long && upper);
            out.push(Word {
                start: word_start,
                end: word_end,
                upper,
                digit: c_digit,
                possessive,
                joined: clean && spaced,
                hyphenated,
                plain,
            });
            clean = !possessive;
            spaced = false;
            i = resume;
            if i < end && bytes[i] == b' ' {
                spaced = true;
                i += 1;
            }
        }
        shape
    }

    #[test]
    fn split_scanner_matches_the_reference() {
        let texts = [
            "U.S. President Joe Biden's team, Gen. Smith and Wal-Mart's Jobs' iPod.",
            "EADS-led Kremlin-backed al-Burhan el-Sisi O'Neill AT&T Z\u{fc}rich M\u{fc}ller-Lüdenscheidt",
            "Sen. Bernie Sanders of Vermont said: \"No.\" J.P. Morgan & Co. Inc. (JPM) rose 3.5%.",
            "Procter & Gamble, School of Oriental & African Studies, x &y & z, & a &",
            "WASHINGTON, March 3 (Reuters) - THE U.N. SAID. Jones' dogs' bones\u{2019}s x\u{2019} y",
            "caf\u{e9} \u{c9}cole \u{4e2d}\u{6587} 12,000 A. B.C. a.b. St. Louis Mt. Fuji -x- 'q' &&",
            "",
            " ",
            "a",
            "Ab'",
            "x.",
            "e.g. i.e. Dr.No Mr Mrs. messrs. cmdr. pvt. PVT. Pvt",
            "Moscow Waging 'Intense' Counteroffensive With North Korean Troops near them",
            "Clinton Wades Into Fight over Trade, Says Deal Hurts Workers and Farmers",
        ];
        for text in texts {
            for start in 0..=text.len() {
                for end in start..=text.len() {
                    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                        continue;
                    }
                    let (mut got, mut want) = (Vec::new(), Vec::new());
                    words(text, start, end, &mut got);
                    let b = reference_words(text, start, end, &mut want);
                    assert_eq!(got, want, "{:?}", &text[start..end]);
                    let headline = b.long >= 4 && b.long_upper * 10 >= b.long * 8;
                    assert_eq!(title_case(&got), headline, "{:?}", &text[start..end]);
                }
            }
        }
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
    fn plain_words_are_ascii_letters_and_digits() {
        let body = "U.S. President Joe Biden's team, Gen. Smith, EADS-led Wal-Mart, Z\u{fc}rich \
                    and M\u{fc}ller said 42 times in Kyiv; al-Burhan O'Neill AT&T.";
        let mut out = Vec::new();
        words(body, 0, body.len(), &mut out);
        for w in &out {
            let text = &body[w.start..w.end];
            let want = text.bytes().all(|b| b.is_ascii_alphanumeric());
            assert_eq!(w.plain, want, "{text:?}");
        }
        assert!(out.iter().any(|w| w.plain) && out.iter().any(|w| !w.plain));
    }

    #[test]
    fn abbreviations_by_key_are_the_list() {
        let text = "mr. MRS Gen gen. Messrs messrsx corp. Corp-x co cO c m\u{e9}r. pvt";
        let bytes = text.as_bytes();
        for start in 0..text.len() {
            for end in start..=text.len().min(start + 8) {
                let Some(word) = text.get(start..end) else {
                    continue;
                };
                let want = (1..=6).contains(&word.len())
                    && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word));
                assert_eq!(is_abbreviation(bytes, start, end), want, "{word:?}");
            }
        }
    }

    #[test]
    fn shouting_stops_early_only_when_settled() {
        let naive = |t: &str| {
            let upper = t.bytes().filter(u8::is_ascii_uppercase).count();
            let lower = t.bytes().filter(u8::is_ascii_lowercase).count();
            upper >= 8 && lower * 5 < upper
        };
        let text = "Reuters reported on Tuesday that the talks had stalled. ".repeat(3)
            + &"MOSCOW, RUSSIA -- THE KREMLIN SAID ON TUESDAY THAT TALKS HAD STALLED. ".repeat(8)
            + "and so on";
        for start in (0..text.len()).step_by(7) {
            for end in (start..=text.len()).step_by(5) {
                let t = &text[start..end];
                assert_eq!(is_shouting(t), naive(t), "{start}..{end}");
            }
        }
    }

    #[test]
    fn shouting() {
        assert!(is_shouting(
            "SAN SALVADOR, 3 JAN 90 -- PRESIDENT ALFREDO CRISTIANI SAID"
        ));
        assert!(!is_shouting("The U.S. and NATO said on Tuesday."));
    }
}
