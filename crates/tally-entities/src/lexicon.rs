//! Word lists that cue names: person titles, organization suffixes and heads, given names,
//! and capitalized words that are never names. Data files under `data/entities/`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const TITLES: &str = include_str!("../../../data/entities/person_titles.txt");
const ORG_SUFFIXES: &str = include_str!("../../../data/entities/org_suffixes.txt");
const ORG_HEADS: &str = include_str!("../../../data/entities/org_heads.txt");
const STOP_CAPS: &str = include_str!("../../../data/entities/stop_caps.txt");
const PLACE_SUFFIXES: &str = include_str!("../../../data/entities/place_suffixes.txt");
const EVENT_SUFFIXES: &str = include_str!("../../../data/entities/event_suffixes.txt");
const FIRST_NAMES: &str = include_str!("../../../data/entities/first_names.txt");

/// What a word can be, as bits: one lookup per word answers every question name finding
/// asks about it.
pub type Flags = u16;
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
/// "of".
pub const OF: Flags = 1 << 11;
/// Looks like a verb form ("reported", "killing"): ends names in all-caps text.
pub const VERB_LIKE: Flags = 1 << 12;
/// "a", "an", "the".
pub const ARTICLE: Flags = 1 << 13;
/// Opens a person apposition (", former ...", ", who ...").
pub const PERSON_APPOSITION: Flags = 1 << 14;

/// Before "in", makes what follows a company, not a place ("a stake in Chrysler").
pub const OWNERSHIP: Flags = 1 << 15;

/// Words that may sit inside a name between capitalized words ("Bank of Japan").
const CONNECTORS: &[&str] = &[
    "of", "&", "de", "von", "van", "der", "bin", "al", "du", "la",
];
/// Lowercase words that, right before a name, make it a place ("at" is left out: "an
/// analyst at JSA Research").
const PLACE_CUES: &[&str] = &["in", "near", "outside", "across"];
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
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
}

const FX: u64 = 0x517c_c1b7_2722_0a95;

/// A hash of `text` lowercased, with every run of white space read as one space: the key
/// of [`Lexicon`] lookups, computed without building the lowercased string.
#[must_use]
pub fn fold_hash(text: &str) -> u64 {
    let mut h: u64 = 0;
    let mut space = false;
    let add = |h: &mut u64, b: u8| *h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(FX);
    if text.is_ascii() {
        for &b in text.as_bytes() {
            if b.is_ascii_whitespace() {
                space = true;
                continue;
            }
            if space {
                add(&mut h, b' ');
                space = false;
            }
            add(&mut h, b.to_ascii_lowercase());
        }
        return h;
    }
    let mut buf = [0u8; 4];
    for c in text.chars() {
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space {
            add(&mut h, b' ');
            space = false;
        }
        for l in c.to_lowercase() {
            for &b in l.encode_utf8(&mut buf).as_bytes() {
                add(&mut h, b);
            }
        }
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
    let mut flags: HashMap<u64, Flags> = HashMap::default();
    let mut mark = |word: &str, flag: Flags| *flags.entry(fold_hash(word)).or_default() |= flag;
    for t in &titles {
        match t.split_once(' ') {
            Some((first, _)) => mark(first, TITLE_FIRST),
            None => mark(t, TITLE),
        }
    }
    let lists: [(&str, Flags); 6] = [
        (ORG_SUFFIXES, ORG_SUFFIX),
        (ORG_HEADS, ORG_HEAD),
        (STOP_CAPS, STOP),
        (FIRST_NAMES, FIRST_NAME),
        (PLACE_SUFFIXES, PLACE_SUFFIX),
        (EVENT_SUFFIXES, EVENT_SUFFIX),
    ];
    for (text, flag) in lists {
        for w in words(text) {
            mark(&w, flag);
        }
    }
    let consts: [(&[&str], Flags); 7] = [
        (OWNERSHIPS, OWNERSHIP),
        (CONNECTORS, CONNECTOR),
        (PLACE_CUES, PLACE_CUE),
        (REPORTING_VERBS, REPORTING),
        (&["of"], OF),
        (&["a", "an", "the"], ARTICLE),
        (PERSON_APPOSITIONS, PERSON_APPOSITION),
    ];
    for (list, flag) in consts {
        for w in list {
            mark(w, flag);
        }
    }
    Lexicon {
        flags,
        titles: titles.iter().map(|t| fold_hash(t)).collect(),
        max_title_words,
    }
});

impl Lexicon {
    /// Everything the lists say about `word`, in any case.
    #[must_use]
    pub fn flags(&self, word: &str) -> Flags {
        let mut f = self.flags.get(&fold_hash(word)).copied().unwrap_or(0);
        let b = word.as_bytes();
        let ends = |suffix: &[u8]| {
            b.len() >= suffix.len() && b[b.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
        };
        if word.len() > 5 && (ends(b"ed") || ends(b"ing")) {
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
