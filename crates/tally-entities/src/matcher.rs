//! Longest gazetteer alias at a position, by hashed word prefixes.
//!
//! An alias is read as words (runs of letters and digits) and the characters between them
//! ("U.S." is "u", ".", "s", "."). Its hash is built word by word, ASCII letters folded
//! to lowercase and eight bytes per step ([`swar::hash_folded`]), separators byte by byte.
//! Wherever the alias could end a name (after a word, or after a separator that another
//! separator or the end follows), the hash of the prefix so far is recorded as "an alias
//! continues", and at the end as "this alias ends here". A search walks the text from a
//! capitalized word the same way and probes the table at the same places: the first probe
//! that finds nothing ends the walk. A one-bit-per-hash filter of first words, small
//! enough to stay in the fastest cache, rules out most capitalized words before the
//! table is probed, so a search usually costs one word hash and one bit test.
//!
//! This replaces an Aho-Corasick automaton over every case form of every alias: the
//! automaton took about 25 ms to build at start-up (most of `tally extract` on one
//! article), and anchored searches through its sparse states cost more than a probe.
//! Case rules are checked on the candidate match instead of being spelled out as forms.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use rustc_hash::FxHasher;

use crate::swar;

/// No alias ends at this prefix.
const NO_PATTERN: u32 = u32::MAX;

/// What the table knows about one folded prefix.
#[derive(Debug, Clone, Copy)]
struct Slot {
    /// The pattern whose folded alias is exactly this prefix, or [`NO_PATTERN`].
    pattern: u32,
    /// Some alias continues past this prefix.
    more: bool,
}

/// The hashed prefix table; see the module docs.
#[derive(Debug, Clone, Default)]
pub struct Matcher {
    slots: HashMap<u64, Slot, BuildHasherDefault<FxHasher>>,
    /// Folded bytes of each pattern's alias, to rule out hash collisions on a match.
    folded: Vec<Box<[u8]>>,
    /// Longest alias in bytes: no walk goes further.
    max_len: usize,
    /// One bit per hash of an alias's first word (a Bloom filter with one hash function).
    first_words: Vec<u64>,
}

/// Bits in [`Matcher::first_words`], as a power of two: 2^17 bits are 16 KB.
const FIRST_WORD_BITS: u32 = 17;

/// The bit of `h` in [`Matcher::first_words`]: the top bits after one more multiply.
#[inline]
fn first_word_bit(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - FIRST_WORD_BITS)) as usize
}

/// The character at byte `p` of `text` if it is before `end` and is a letter or digit;
/// `None` past `end` or inside a character.
#[inline]
fn char_at(text: &str, p: usize, end: usize) -> Option<char> {
    if p >= end {
        return None;
    }
    let b = *text.as_bytes().get(p)?;
    if b < 0x80 {
        return Some(b as char);
    }
    text.get(p..).and_then(|rest| rest.chars().next())
}

/// Walks `text[at..end]` word by word, calling `probe(hash, position, ascii)` wherever a
/// name could end (see the module docs) until it returns false; `ascii` says whether the
/// word just hashed was ASCII letters and digits only. A walk starts at a letter or digit.
/// `known` is the first word's hash and end when the caller hashed it already (a plain
/// ASCII word ending at or before `end`): the walk starts after it.
#[inline]
fn walk(
    text: &str,
    at: usize,
    end: usize,
    known: Option<(u64, usize)>,
    mut probe: impl FnMut(u64, usize, bool) -> bool,
) {
    let bytes = text.as_bytes();
    let end = end.min(bytes.len());
    let mut h = 0u64;
    let mut p = at;
    if let Some((first, first_end)) = known {
        h = first;
        p = first_end;
        if !probe(h, p, true) {
            return;
        }
    }
    while p < end {
        // A word: ASCII letters and digits eight at a time, other letters one by one.
        let start = p;
        let mut ascii = true;
        loop {
            p = swar::alnum_run_end(bytes, p, end);
            match char_at(text, p, end) {
                Some(c) if c.is_alphanumeric() => {
                    p += c.len_utf8();
                    ascii = false;
                }
                _ => break,
            }
        }
        if p > start {
            h = swar::hash_folded_in(h, bytes, start, p);
            if !probe(h, p, ascii) {
                return;
            }
            continue;
        }
        // A separator: one character, hashed byte by byte.
        let len = char_at(text, p, end).map_or(1, char::len_utf8);
        for &b in &bytes[p..(p + len).min(end)] {
            h = swar::mix(h, 0xff00 | u64::from(b));
        }
        p += len;
        let word_follows = char_at(text, p, end).is_some_and(char::is_alphanumeric);
        if !word_follows && !probe(h, p, false) {
            return;
        }
    }
}

impl Matcher {
    /// A table over `aliases`, pattern ids being their indices.
    pub fn new<'a>(aliases: impl IntoIterator<Item = &'a str>) -> Matcher {
        let mut m = Matcher {
            first_words: vec![0; 1 << (FIRST_WORD_BITS - 6)],
            ..Matcher::default()
        };
        for (id, alias) in aliases.into_iter().enumerate() {
            let id = u32::try_from(id).unwrap_or(NO_PATTERN);
            let mut first = true;
            let (slots, first_words) = (&mut m.slots, &mut m.first_words);
            walk(alias, 0, alias.len(), None, |h, p, _| {
                if first {
                    let bit = first_word_bit(h);
                    first_words[bit / 64] |= 1 << (bit % 64);
                    first = false;
                }
                let slot = slots.entry(h).or_insert(Slot {
                    pattern: NO_PATTERN,
                    more: false,
                });
                if p == alias.len() {
                    slot.pattern = id;
                } else {
                    slot.more = true;
                }
                true
            });
            m.folded
                .push(alias.as_bytes().to_ascii_lowercase().into_boxed_slice());
            m.max_len = m.max_len.max(alias.len());
        }
        m
    }

    /// Whether a search whose first word is `len` bytes long and hashes to `h` (a plain
    /// ASCII word, hashed as [`swar::hash_folded_in`] from 0) can find anything: false when
    /// no alias opens with that word. A search would stop at its first probe then, so a
    /// caller that already knows the word's hash skips the walk (most capitalized words
    /// open no alias). Conservative: a word longer than every alias is left to the search.
    #[inline]
    pub fn may_open(&self, h: u64, len: usize) -> bool {
        if len > self.max_len {
            return true;
        }
        let bit = first_word_bit(h);
        self.first_words
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 == 1)
    }

    /// The longest alias that matches `text[at..end]` from `at` up to a word boundary and
    /// that `accept(pattern, match_end)` takes: `(pattern, match_end)`.
    #[cfg(test)]
    pub fn longest(
        &self,
        text: &str,
        at: usize,
        end: usize,
        accept: impl FnMut(usize, usize) -> bool,
    ) -> Option<(usize, usize)> {
        self.longest_noting(text, at, end, accept, &mut None)
    }

    /// [`Matcher::longest`], also setting `first_word` to the hash of the search's first
    /// word and the word's end when that word is ASCII letters and digits only: the hash
    /// is then the word's [`crate::lexicon::fold_hash_in`] too, which lexicon lookups of
    /// the same word reuse instead of hashing it again. A caller that hashed the first
    /// word already (as [`swar::hash_folded_in`] from 0, a word of ASCII letters and digits
    /// only, no longer than any alias) passes it in `first_word`, and it is not hashed again.
    pub fn longest_noting(
        &self,
        text: &str,
        at: usize,
        end: usize,
        mut accept: impl FnMut(usize, usize) -> bool,
        first_word: &mut Option<(u64, usize)>,
    ) -> Option<(usize, usize)> {
        let bytes = text.as_bytes();
        let end = end.min(bytes.len()).min(at.saturating_add(self.max_len));
        let mut best = None;
        let mut first = true;
        let known = first_word.filter(|&(_, e)| e <= end);
        walk(text, at, end, known, |h, p, ascii| {
            if first {
                if ascii {
                    *first_word = Some((h, p));
                }
                let bit = first_word_bit(h);
                if self
                    .first_words
                    .get(bit / 64)
                    .is_none_or(|w| w >> (bit % 64) & 1 == 0)
                {
                    return false;
                }
                first = false;
            }
            let Some(slot) = self.slots.get(&h) else {
                return false;
            };
            // A match must end at a word boundary of the text itself: "Kursk" does not
            // match "Kurskaya", even where the walk was cut at `end`.
            let at_boundary = char_at(text, p, bytes.len()).is_none_or(|c| !c.is_alphanumeric())
                && text.is_char_boundary(p);
            if slot.pattern != NO_PATTERN && at_boundary {
                let id = slot.pattern as usize;
                let same = self.folded.get(id).is_some_and(|f| {
                    f.len() == p - at
                        && f.iter()
                            .zip(&bytes[at..p])
                            .all(|(a, b)| *a == b.to_ascii_lowercase())
                });
                if same && accept(id, p) {
                    best = Some((id, p));
                }
            }
            slot.more
        });
        best
    }
}

/// The case rule for a match of `alias` found as `found` (same length, same folded bytes):
/// `found` is the alias as written, or with the first letters of some of its words raised
/// to capitals ("The Kremlin", "Kyiv Region"), or the alias in capitals ("RUSSIA"). So "US"
/// never matches "us" and "Russia" never matches "russia".
#[must_use]
pub fn case_fits(alias: &str, found: &str) -> bool {
    // Most names are written as listed: one comparison settles them.
    if alias.len() == found.len() && alias.as_bytes() == found.as_bytes() {
        return true;
    }
    if alias.is_ascii() && found.is_ascii() {
        let (a, f) = (alias.as_bytes(), found.as_bytes());
        if a.len() != f.len() {
            return false;
        }
        let mut initials_only = true;
        let mut all_upper = true;
        for (i, (&x, &y)) in a.iter().zip(f).enumerate() {
            if x != y {
                if x.to_ascii_uppercase() != y {
                    return false;
                }
                initials_only &= i == 0 || a[i - 1] == b' ';
            }
            all_upper &= y == x.to_ascii_uppercase();
        }
        return initials_only || all_upper;
    }
    let mut initials_only = true;
    let mut all_upper = true;
    let mut prev_space = true;
    let mut fc = found.chars();
    for x in alias.chars() {
        let Some(y) = fc.next() else {
            return false;
        };
        let mut upper = x.to_uppercase();
        let raised = upper.next().filter(|_| upper.next().is_none());
        if x != y {
            if raised != Some(y) {
                return false;
            }
            initials_only &= prev_space;
        }
        all_upper &= raised.map_or(x == y, |r| r == y);
        prev_space = x == ' ';
    }
    fc.next().is_none() && (initials_only || all_upper)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn find(m: &Matcher, aliases: &[&str], text: &str) -> Option<String> {
        m.longest(text, 0, text.len(), |id, e| {
            case_fits(aliases[id], &text[..e])
        })
        .map(|(id, e)| format!("{}={}", aliases[id], &text[..e]))
    }

    #[test]
    fn longest_alias_at_word_boundaries() {
        let aliases = [
            "U.S.",
            "U.S. Congress",
            "US",
            "North Korea",
            "Kursk",
            "the Kremlin",
        ];
        let m = Matcher::new(aliases);
        assert_eq!(
            find(&m, &aliases, "U.S. Congress said").as_deref(),
            Some("U.S. Congress=U.S. Congress")
        );
        assert_eq!(
            find(&m, &aliases, "U.S. Army").as_deref(),
            Some("U.S.=U.S.")
        );
        assert_eq!(
            find(&m, &aliases, "NORTH KOREA'S").as_deref(),
            Some("North Korea=NORTH KOREA")
        );
        assert_eq!(find(&m, &aliases, "Kurskaya"), None);
        assert_eq!(find(&m, &aliases, "North korea"), None);
        assert_eq!(find(&m, &aliases, "us and them"), None);
        assert_eq!(
            find(&m, &aliases, "The Kremlin").as_deref(),
            Some("the Kremlin=The Kremlin")
        );
    }

    #[test]
    fn a_word_no_alias_opens_with_finds_nothing() {
        let aliases = ["U.S.", "North Korea", "Kursk", "the Kremlin", "Biden"];
        let m = Matcher::new(aliases);
        for alias in aliases {
            let first = alias.split(|c: char| !c.is_ascii_alphanumeric()).next();
            let first = first.unwrap_or_default();
            let h = swar::hash_folded_in(0, first.as_bytes(), 0, first.len());
            assert!(m.may_open(h, first.len()), "{alias}");
        }
        let text = "Trump and Kurskaya met the North Korean Biden Kursk people";
        let mut at = 0;
        for word in text.split(' ') {
            let h = swar::hash_folded_in(0, text.as_bytes(), at, at + word.len());
            if !m.may_open(h, word.len()) {
                assert_eq!(m.longest(text, at, text.len(), |_, _| true), None, "{word}");
            }
            at += word.len() + 1;
        }
    }

    #[test]
    fn a_known_first_word_finds_what_the_walk_finds() {
        let aliases = [
            "U.S.",
            "North Korea",
            "North",
            "Kursk",
            "the Kremlin",
            "New York Times",
        ];
        let m = Matcher::new(aliases);
        let text = "North Korea and the North, New York Times Kursk Kurskaya U.S. x";
        let mut at = 0;
        for word in text.split(' ') {
            let plain = word.bytes().all(|b| b.is_ascii_alphanumeric());
            if plain {
                let end = at + word.len();
                let h = swar::hash_folded_in(0, text.as_bytes(), at, end);
                let (mut none, mut known) = (None, Some((h, end)));
                let walked = m.longest_noting(text, at, text.len(), |_, _| true, &mut none);
                let given = m.longest_noting(text, at, text.len(), |_, _| true, &mut known);
                assert_eq!(walked, given, "{word}");
                assert_eq!(none, known, "{word}");
            }
            at += word.len() + 1;
        }
    }

    #[test]
    fn case_forms() {
        assert!(case_fits("Kyiv region", "Kyiv Region"));
        assert!(case_fits("Russia", "RUSSIA"));
        assert!(!case_fits("Russia", "RUSSIa"));
        assert!(!case_fits("US", "Us"));
        assert!(case_fits("Türkiye", "TÜRKIYE"));
        assert!(case_fits("Türkiye", "Türkiye"));
        assert!(!case_fits("Türkiye", "türkiye"));
    }
}
