//! Word lists that cue names: person titles, organization suffixes and heads, given names,
//! and capitalized words that are never names. Data files under `data/entities/`.

use rustc_hash::FxHashSet as HashSet;
use std::sync::LazyLock;

const TITLES: &str = include_str!("../../../data/entities/person_titles.txt");
const ORG_SUFFIXES: &str = include_str!("../../../data/entities/org_suffixes.txt");
const ORG_HEADS: &str = include_str!("../../../data/entities/org_heads.txt");
const STOP_CAPS: &str = include_str!("../../../data/entities/stop_caps.txt");
const PLACE_SUFFIXES: &str = include_str!("../../../data/entities/place_suffixes.txt");
const EVENT_SUFFIXES: &str = include_str!("../../../data/entities/event_suffixes.txt");
const FIRST_NAMES: &str = include_str!("../../../data/entities/first_names.txt");

/// The cue lists, lowercased.
#[derive(Debug)]
pub struct Lexicon {
    /// "president", "gen.", "prime minister".
    titles: HashSet<String>,
    /// Longest title in words.
    pub max_title_words: usize,
    /// First words of titles of two words or more ("prime" of "prime minister").
    title_firsts: HashSet<String>,
    /// "ministry", "inc.", "party".
    org_suffixes: HashSet<String>,
    /// "airport", "street".
    place_suffixes: HashSet<String>,
    /// "conference", "games".
    event_suffixes: HashSet<String>,
    /// "bank", "ministry" (as in "Bank of Japan").
    org_heads: HashSet<String>,
    /// "the", "monday", "said".
    stop_caps: HashSet<String>,
    /// "john", "mary".
    first_names: HashSet<String>,
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
}

/// The shared lexicon, built once per process.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let titles: HashSet<String> = words(TITLES).collect();
    let max_title_words = titles
        .iter()
        .map(|t| t.split(' ').count())
        .max()
        .unwrap_or(1);
    let title_firsts = titles
        .iter()
        .filter_map(|t| t.split_once(' ').map(|(first, _)| first.to_owned()))
        .collect();
    Lexicon {
        titles,
        max_title_words,
        title_firsts,
        org_suffixes: words(ORG_SUFFIXES).collect(),
        org_heads: words(ORG_HEADS).collect(),
        place_suffixes: words(PLACE_SUFFIXES).collect(),
        event_suffixes: words(EVENT_SUFFIXES).collect(),
        stop_caps: words(STOP_CAPS).collect(),
        first_names: words(FIRST_NAMES).collect(),
    }
});

/// Lowercases into a reused buffer, so lookups allocate nothing per word.
pub struct Folder {
    buf: String,
}

impl Folder {
    /// An empty folder.
    #[must_use]
    pub fn new() -> Folder {
        Folder { buf: String::new() }
    }

    /// `text` lowercased; valid until the next call.
    pub fn fold(&mut self, text: &str) -> &str {
        self.buf.clear();
        if text.is_ascii() {
            self.buf.push_str(text);
            self.buf.make_ascii_lowercase();
        } else {
            self.buf.extend(text.chars().flat_map(char::to_lowercase));
        }
        &self.buf
    }
}

impl Default for Folder {
    fn default() -> Self {
        Folder::new()
    }
}

impl Lexicon {
    /// Whether `lower` (already lowercased) is a title.
    #[must_use]
    pub fn is_title(&self, lower: &str) -> bool {
        self.titles.contains(lower)
    }
    /// Whether `lower` starts a title of several words.
    #[must_use]
    pub fn starts_long_title(&self, lower: &str) -> bool {
        self.title_firsts.contains(lower)
    }
    /// Whether `lower` ends organization names.
    #[must_use]
    pub fn is_org_suffix(&self, lower: &str) -> bool {
        self.org_suffixes.contains(lower)
    }
    /// Whether `lower` ends place and facility names.
    #[must_use]
    pub fn is_place_suffix(&self, lower: &str) -> bool {
        self.place_suffixes.contains(lower)
    }
    /// Whether `lower` ends event names.
    #[must_use]
    pub fn is_event_suffix(&self, lower: &str) -> bool {
        self.event_suffixes.contains(lower)
    }
    /// Whether `lower` starts "X of Y" organization names.
    #[must_use]
    pub fn is_org_head(&self, lower: &str) -> bool {
        self.org_heads.contains(lower)
    }
    /// Whether `lower` is never a name on its own.
    #[must_use]
    pub fn is_stop(&self, lower: &str) -> bool {
        self.stop_caps.contains(lower)
    }
    /// Whether `lower` is a given name.
    #[must_use]
    pub fn is_first_name(&self, lower: &str) -> bool {
        self.first_names.contains(lower)
    }
}
