//! Word lists that cue names: person titles, organization suffixes and heads, given names,
//! and capitalized words that are never names. Data files under `data/entities/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

use crate::swar;

const TITLES: &str = include_str!("../../../data/entities/person_titles.txt");
const ORG_SUFFIXES: &str = include_str!("../../../data/entities/org_suffixes.txt");
const ORG_HEADS: &str = include_str!("../../../data/entities/org_heads.txt");
const STOP_CAPS: &str = include_str!("../../../data/entities/stop_caps.txt");
const PLACE_SUFFIXES: &str = include_str!("../../../data/entities/place_suffixes.txt");
const EVENT_SUFFIXES: &str = include_str!("../../../data/entities/event_suffixes.txt");
const FIRST_NAMES: &str = include_str!("../../../data/entities/first_names.txt");
/// Given names that are also words ("Mark", "Bill"), which the generated list leaves out.
const WORD_FIRST_NAMES: &str = include_str!("../../../data/entities/word_first_names.txt");
const ORG_PREFIXES: &str = include_str!("../../../data/entities/org_prefixes.txt");
const PERSON_NOUNS: &str = include_str!("../../../data/entities/person_nouns.txt");
const SURNAME_PLACES: &str = include_str!("../../../data/entities/surname_places.txt");
const PLACE_HEADS: &str = include_str!("../../../data/entities/place_heads.txt");
const PLACE_HEADS_ALONE: &str = include_str!("../../../data/entities/place_heads_alone.txt");

/// What a word can be, as bits: one lookup per word answers every question name finding
/// asks about it.
pub type Flags = u32;
/// Never a name alone ("the", "monday").
pub const STOP: Flags = 1;
/// A one-word title ("president").
pub const TITLE: Flags = 1 << 1;
/// First word of a longer title ("prime" of "prime minister").
pub const TITLE_FIRST: Flags = 1 << 2;
/// Ends organization names ("ministry").
pub const ORG_SUFFIX: Flags = 1 << 3;
/// Starts "X of Y" organization names ("bank").
pub const ORG_HEAD: Flags = 1 << 4;
/// Ends place names ("airport").
pub const PLACE_SUFFIX: Flags = 1 << 5;
/// Ends event names ("conference").
pub const EVENT_SUFFIX: Flags = 1 << 6;
/// A given name ("john").
pub const FIRST_NAME: Flags = 1 << 7;
/// May sit inside a name ("of", "de").
pub const CONNECTOR: Flags = 1 << 8;
/// Before a name, makes it a place ("in", "near").
pub const PLACE_CUE: Flags = 1 << 9;
/// A reporting verb ("said").
pub const REPORTING: Flags = 1 << 10;
/// A given name that is also an ordinary word ("mark", "bill"): a person cue in mixed
/// case only, where its capital means something.
pub const WORD_FIRST_NAME: Flags = 1 << 11;
/// Looks like a verb form ("reported", "killing"): ends names in all-caps text.
pub const VERB_LIKE: Flags = 1 << 12;
/// Opens an organization's name ("radio" of "Radio Free Europe").
pub const ORG_PREFIX: Flags = 1 << 13;
/// Opens a person apposition (", former ...", ", who ...").
pub const PERSON_APPOSITION: Flags = 1 << 14;

/// Before "in", makes what follows a company, not a place ("a stake in Chrysler").
pub const OWNERSHIP: Flags = 1 << 15;
/// Last word of a longer title ("minister" of "prime minister"): no title of two words or
/// more ends at a word without it, so a search for one stops there.
pub const TITLE_LAST: Flags = 1 << 16;
/// A noun for a person that heads an apposition ("Tun Tun, a volunteer rescuer") but is no
/// title before a name ("Scott Farmer").
pub const PERSON_NOUN: Flags = 1 << 17;
/// A place word that is also a surname ("lake" of "Kari Lake", "arena" of "Maria Arena").
pub const SURNAME_PLACE: Flags = 1 << 18;
/// Opens a geographic name ("lake" of "Lake Kivu", "bay" of "Bay of Bengal").
pub const PLACE_HEAD: Flags = 1 << 19;
/// A place head that needs no place cue before it ("mount" of "Mount Ruang erupted").
pub const PLACE_HEAD_ALONE: Flags = 1 << 20;

/// Words that may sit inside a name between capitalized words ("Bank of Japan").
const CONNECTORS: &[&str] = &[
    "of", "&", "de", "da", "dos", "del", "di", "von", "van", "der", "bin", "al", "du", "la",
];
/// Lowercase words that, right before a name, make it a place ("at" is left out: "an
/// analyst at JSA Research").
const PLACE_CUES: &[&str] = &["in", "near", "outside", "across", "toward", "towards"];
/// Reporting verbs after a sentence-initial word that make it a name.
const REPORTING_VERBS: &[&str] = &[
    "said",
    "says",
    "announced",
    "reported",
    "told",
    "added",
    "stated",
];
/// Nouns and verbs of ownership before "in": "a stake in X", "invested in X".
const OWNERSHIPS: &[&str] = &[
    "stake",
    "stakes",
    "share",
    "shares",
    "interest",
    "investment",
    "investments",
    "invest",
    "invested",
    "investing",
    "holding",
    "holdings",
    "jobs",
    "job",
    "role",
];
/// Apposition heads that make the name before them a person (besides titles).
const PERSON_APPOSITIONS: &[&str] = &["former", "who", "whose"];

/// The cue lists, as hashes of their lowercased words.
///
/// Words are looked up by a 64-bit hash of their lowercased text ([`fold_hash`]) and the
/// text itself is not kept: with a few thousand entries, two different words share a hash
/// with a probability around 10^-15, and a lookup then needs no copy, no lowercased string
/// and no string comparison.
#[derive(Debug)]
pub struct Lexicon {
    /// Every single word of every list, with its flags.
    flags: HashMap<u64, Flags>,
    /// "president", "gen.", "prime minister".
    titles: HashSet<u64>,
    /// Longest title in words.
    pub max_title_words: usize,
    /// One bit per word hash in `flags` (a Bloom filter with one hash function): 8 KB
    /// that stay in the fastest cache, where the table does not, so most words in no list
    /// are ruled out without a table probe.
    listed: Vec<u64>,
}

/// Bits in [`Lexicon::listed`], as a power of two.
const LISTED_BITS: u32 = 16;

#[inline]
fn listed_bit(h: u64) -> usize {
    (h.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> (64 - LISTED_BITS)) as usize
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    tally_core::data_lines(text).map(str::to_lowercase)
}

/// A hash of `text` lowercased, with every run of white space read as one space: the key
/// of [`Lexicon`] lookups and of names in a document, computed without building the
/// lowercased string when the text is ASCII.
#[must_use]
pub fn fold_hash(text: &str) -> u64 {
    fold_hash_in(text, 0, text.len())
}

/// [`fold_hash`] of `body[start..end]` (on char boundaries), reading whole eight-byte chunks
/// of `body` where they exist.
#[must_use]
pub fn fold_hash_in(body: &str, start: usize, end: usize) -> u64 {
    // Most keys are one plain ASCII word: hashed straight from the body. (A run of
    // printable ASCII is on char boundaries and splits into itself.)
    if let Some(h) = swar::hash_ascii_word_in(body.as_bytes(), start, end) {
        return h;
    }
    let Some(text) = body.get(start..end) else {
        return 0;
    };
    let mut h = 0;
    if text.is_ascii() {
        // Each word is hashed in place; the white space between words is left out.
        let base = text.as_ptr() as usize;
        for word in text.split_ascii_whitespace() {
            let at = start + (word.as_ptr() as usize - base);
            h = swar::hash_folded_in(h, body.as_bytes(), at, at + word.len());
        }
        return h;
    }
    let mut lower = String::new();
    for word in text.split_whitespace() {
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        h = swar::hash_folded(h, lower.as_bytes());
    }
    h
}

/// The shared lexicon, built once per process.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let titles: Vec<String> = words(TITLES).collect();
    let max_title_words = titles
        .iter()
        .map(|t| t.split(' ').count())
        .max()
        .unwrap_or(1);
    let mut flags: HashMap<u64, Flags> =
        HashMap::with_capacity_and_hasher(FIRST_NAMES.len() / 6, Default::default());
    let mut mark = |word: &str, flag: Flags| *flags.entry(fold_hash(word)).or_default() |= flag;
    for t in &titles {
        match t.split_once(' ') {
            Some((first, _)) => {
                mark(first, TITLE_FIRST);
                if let Some(last) = t.split_whitespace().last() {
                    mark(last, TITLE_LAST);
                }
            }
            None => mark(t, TITLE),
        }
    }
    let lists: [(&str, Flags); 12] = [
        (ORG_SUFFIXES, ORG_SUFFIX),
        (ORG_HEADS, ORG_HEAD),
        (STOP_CAPS, STOP),
        (FIRST_NAMES, FIRST_NAME),
        (WORD_FIRST_NAMES, WORD_FIRST_NAME),
        (ORG_PREFIXES, ORG_PREFIX),
        (PLACE_SUFFIXES, PLACE_SUFFIX),
        (EVENT_SUFFIXES, EVENT_SUFFIX),
        (PERSON_NOUNS, PERSON_NOUN),
        (SURNAME_PLACES, SURNAME_PLACE),
        (PLACE_HEADS, PLACE_HEAD),
        (PLACE_HEADS_ALONE, PLACE_HEAD | PLACE_HEAD_ALONE),
    ];
    for (text, flag) in lists {
        for w in tally_core::data_lines(text) {
            // Non-ASCII entries are lowercased as before; ASCII ones hash the same as is.
            if w.is_ascii() {
                mark(w, flag);
            } else {
                mark(&w.to_lowercase(), flag);
            }
        }
    }
    let consts: [(&[&str], Flags); 5] = [
        (OWNERSHIPS, OWNERSHIP),
        (CONNECTORS, CONNECTOR),
        (PLACE_CUES, PLACE_CUE),
        (REPORTING_VERBS, REPORTING),
        (PERSON_APPOSITIONS, PERSON_APPOSITION),
    ];
    for (list, flag) in consts {
        for w in list {
            mark(w, flag);
        }
    }
    let mut listed = vec![0u64; 1 << (LISTED_BITS - 6)];
    for h in flags.keys() {
        let bit = listed_bit(*h);
        listed[bit / 64] |= 1 << (bit % 64);
    }
    Lexicon {
        flags,
        titles: titles.iter().map(|t| fold_hash(t)).collect(),
        max_title_words,
        listed,
    }
});

/// Builds [`LEXICON`] now if it is not built yet: extractors call this when they are made,
/// so that the first document does not pay for parsing the lists.
pub fn build() {
    LazyLock::force(&LEXICON);
}

impl Lexicon {
    /// Everything the lists say about `word`, in any case.
    #[must_use]
    pub fn flags(&self, word: &str) -> Flags {
        self.flags_in(word, 0, word.len())
    }

    /// [`Lexicon::flags`] of the word `body[start..end]`.
    #[must_use]
    pub fn flags_in(&self, body: &str, start: usize, end: usize) -> Flags {
        self.flags_and_hash_in(body, start, end).0
    }

    /// [`Lexicon::flags_in`], and the word's [`fold_hash_in`], which names reuse as keys.
    #[must_use]
    pub fn flags_and_hash_in(&self, body: &str, start: usize, end: usize) -> (Flags, u64) {
        let h = fold_hash_in(body, start, end);
        (self.flags_of_hash(h, body, start, end), h)
    }

    /// [`Lexicon::flags_in`] of the word `body[start..end]` whose [`fold_hash_in`] is `h`.
    #[must_use]
    #[inline]
    pub fn flags_of_hash(&self, h: u64, body: &str, start: usize, end: usize) -> Flags {
        let bit = listed_bit(h);
        let listed = self
            .listed
            .get(bit / 64)
            .is_some_and(|w| w >> (bit % 64) & 1 == 1);
        let mut f = if listed {
            self.flags.get(&h).copied().unwrap_or(0)
        } else {
            0
        };
        let b = &body.as_bytes()[start..end];
        let ends = |suffix: &[u8]| {
            b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        if b.len() > 5 && (ends(b"ed") || ends(b"ing")) {
            f |= VERB_LIKE;
        }
        f
    }

    /// Whether `text` (any case, words separated by white space) is a title.
    #[must_use]
    pub fn is_title(&self, text: &str) -> bool {
        self.titles.contains(&fold_hash(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_longer_title_ends_in_a_marked_word() {
        let mut longer = 0;
        for t in words(TITLES).filter(|t| t.contains(' ')) {
            let last = t.split_whitespace().last().unwrap_or_default();
            // Words longer than this are never looked up (names.rs): none may end a title.
            assert!(last.len() <= crate::names::MAX_LISTED_WORD, "{t}");
            assert_ne!(LEXICON.flags(last) & TITLE_LAST, 0, "{t}");
            assert_ne!(
                LEXICON.flags(&t.to_uppercase()[t.rfind(' ').unwrap_or(0) + 1..]) & TITLE_LAST,
                0,
                "{t}"
            );
            longer += 1;
        }
        assert!(longer > 50);
    }

    #[test]
    fn person_nouns_are_marked_in_any_case() {
        for w in words(PERSON_NOUNS) {
            assert!(w.len() <= crate::names::MAX_LISTED_WORD, "{w}");
        }
        assert_ne!(LEXICON.flags("rescuer") & PERSON_NOUN, 0);
        assert_ne!(LEXICON.flags("Official") & PERSON_NOUN, 0);
        assert_eq!(LEXICON.flags("report") & PERSON_NOUN, 0);
        assert_eq!(LEXICON.flags("officials") & PERSON_NOUN, 0);
    }
}
