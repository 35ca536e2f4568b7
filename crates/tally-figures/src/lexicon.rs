//! The figures lexicon: the word lists under `data/figures/`, parsed once into lookup tables
//! and one Aho-Corasick automaton of anchors (digits, number words, vague words, currency
//! signs) that finds every place a figure can start in a single pass over the text.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use tally_core::{ExtractError, Measure};

use crate::word_table::WordTable;

const NUMBERS: &str = include_str!("../../../data/figures/numbers.tsv");
const SUFFIXES: &str = include_str!("../../../data/figures/suffixes.tsv");
const VAGUE: &str = include_str!("../../../data/figures/vague.tsv");
const MODIFIERS: &str = include_str!("../../../data/figures/modifiers.tsv");
const CURRENCIES: &str = include_str!("../../../data/figures/currencies.tsv");
const MEASURES: &str = include_str!("../../../data/figures/measures.tsv");
const LINKS: &str = include_str!("../../../data/figures/links.tsv");
const HEDGES: &str = include_str!("../../../data/figures/hedges.tsv");
const DISPLACEMENTS: &str = include_str!("../../../data/figures/displacements.tsv");
const NOT_FIGURES: &str = include_str!("../../../data/figures/not_figures.tsv");
const UNITS: &str = include_str!("../../../data/figures/units.tsv");
const WORDS: &str = include_str!("../../../data/figures/words.tsv");
const PLACES: &str = include_str!("../../../data/figures/places.tsv");

/// What a number word is (numbers.tsv).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumWord {
    /// 0-9.
    Unit(f64),
    /// 10-19.
    Teen(f64),
    /// 20-90.
    Tens(f64),
    /// hundred, thousand, million...
    Scale(f64),
    /// A group word that multiplies a count: dozen 12, score 20.
    Group(f64),
    /// A denominator: 1/n.
    Fraction(f64),
    /// half.
    Half,
}

/// When a scale suffix applies (suffixes.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SuffixWhen {
    Any,
    Money,
    Glued,
}

#[derive(Clone, Debug)]
pub(crate) struct Suffix {
    pub text: String,
    pub value: f64,
    pub when: SuffixWhen,
}

/// A vague word (vague.tsv).
#[derive(Clone, Debug)]
pub(crate) struct VagueWord {
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

/// What a modifier does (modifiers.tsv); the numbers are in the conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ModKind {
    /// "more than N", "over N": above N.
    MoreThan,
    /// "at least N", "N or more".
    AtLeast,
    /// "fewer than N", "under N".
    FewerThan,
    /// "up to N", "as many as N".
    UpTo,
    /// "nearly N", "almost N".
    Nearly,
    /// "about N", "some N": approximate.
    About,
    /// "exactly N", "equal to N".
    Exact,
}

impl ModKind {
    /// The name used in the data files.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            ModKind::MoreThan => "more_than",
            ModKind::AtLeast => "at_least",
            ModKind::FewerThan => "fewer_than",
            ModKind::UpTo => "up_to",
            ModKind::Nearly => "nearly",
            ModKind::About => "about",
            ModKind::Exact => "exact",
        }
    }

    pub(crate) fn parse(name: &str) -> Option<ModKind> {
        [
            ModKind::MoreThan,
            ModKind::AtLeast,
            ModKind::FewerThan,
            ModKind::UpTo,
            ModKind::Nearly,
            ModKind::About,
            ModKind::Exact,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }
}

/// Where a modifier or currency stands relative to the number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Position {
    Before,
    After,
    Both,
    /// Before a number that no word follows: "the toll passed 43,000." is a bound, "passed
    /// three background checks" a count.
    BeforeAlone,
}

/// A currency form (currencies.tsv).
#[derive(Clone, Debug)]
pub(crate) struct Currency {
    pub iso: String,
    pub position: Position,
    pub minor: bool,
    pub scaled_only: bool,
}

/// Context word kinds (not_figures.tsv), as bits.
pub(crate) mod ctx {
    pub const MONTH: u16 = 1;
    pub const WEEKDAY: u16 = 2;
    pub const TIME_UNIT: u16 = 4;
    pub const CLOCK: u16 = 8;
    pub const AGE: u16 = 16;
    pub const LABEL: u16 = 32;
    pub const YEAR_PREP: u16 = 64;
    pub const PRONOUN: u16 = 128;
    pub const DETERMINER: u16 = 256;
    pub const TIME_ADJ: u16 = 512;
    pub const DESIGNATION: u16 = 1024;
    pub const HOTLINE: u16 = 2048;
    pub const HOTLINE_NOUN: u16 = 4096;
}

/// Link word roles (links.tsv), as bits.
pub(crate) mod link {
    pub const AUX: u8 = 1;
    pub const LINK: u8 = 2;
    pub const CHANGE: u8 = 4;
    pub const VERB: u8 = 8;
    pub const TOLL_VERB: u8 = 16;
    pub const TOLL_PREP: u8 = 32;
    pub const TOLL_LEAD: u8 = 64;
    pub const PARTICLE: u8 = 128;
}

/// Word roles for the attachment rules (words.tsv), as bits.
pub(crate) mod role {
    pub const STOP: u32 = 1;
    pub const GROUP: u32 = 1 << 1;
    pub const PLACE_NOUN: u32 = 1 << 2;
    pub const PLACE_PREP: u32 = 1 << 3;
    pub const CUE: u32 = 1 << 4;
    pub const CLAUSE: u32 = 1 << 5;
    pub const COLLECTIVE: u32 = 1 << 6;
    pub const NOT_NOUN: u32 = 1 << 7;
    pub const INCREMENT: u32 = 1 << 8;
    pub const ATTACK: u32 = 1 << 9;
    pub const CARE: u32 = 1 << 10;
    pub const ILLNESS: u32 = 1 << 11;
    pub const COMPEL: u32 = 1 << 12;
    pub const FLIGHT: u32 = 1 << 13;
    pub const SENTENCE: u32 = 1 << 14;
    pub const INTRANSITIVE: u32 = 1 << 15;
    /// A verb that spares what it counts: "saved 300 lives" counts no dead.
    pub const SPARE: u32 = 1 << 16;
}

/// Flags of a word in the [`Info`] table.
pub(crate) mod flag {
    /// A number or vague word: an amount can start here.
    pub const ANCHOR: u8 = 1;
    /// The first word of a currency written after a number ("dollars", "swiss").
    pub const CURRENCY_FIRST: u8 = 1 << 1;
    /// The first word of a modifier written after a number ("or", "plus").
    pub const MODIFIER_FIRST: u8 = 1 << 2;
    /// The last word of a modifier written before a number ("than", "least").
    pub const MODIFIER_LAST: u8 = 1 << 3;
    /// The letters of a currency written before a number ("US" of "US$", "Rs").
    pub const CURRENCY_HEAD: u8 = 1 << 4;
}

/// Everything the lexicon knows about one word, from one lookup: the recognizer and the
/// attachment rules read several lists for every word near a number, so they are merged
/// into one table keyed by the packed lowercase word ([`word_key`]).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Info {
    pub num: Option<NumWord>,
    pub measure: Option<(Measure, bool)>,
    /// Index into [`Lexicon::vague_words`].
    pub vague: Option<u16>,
    /// Index into [`Lexicon::unit_names`].
    pub unit: Option<u16>,
    /// [`link`] bits.
    pub link: u8,
    /// [`ctx`] bits.
    pub ctx: u16,
    /// [`role`] bits.
    pub role: u32,
    /// [`flag`] bits.
    pub flags: u8,
}

/// The entry of a word in no list.
pub(crate) const NO_INFO: Info = Info {
    num: None,
    measure: None,
    vague: None,
    unit: None,
    link: 0,
    ctx: 0,
    role: 0,
    flags: 0,
};

/// A word of at most 16 ASCII bytes, lowercased and packed into one integer (the length is
/// implied: words hold no NUL). Longer or non-ASCII words are in no list.
#[inline]
pub(crate) fn word_key(word: &[u8]) -> Option<u128> {
    key_in(word, 0, word.len())
}

/// `KEY_MASKS[n]` keeps the low `n` bytes of a key.
const KEY_MASKS: [u128; 17] = {
    let mut masks = [0u128; 17];
    let mut n = 1;
    while n < 17 {
        masks[n] = if n == 16 {
            u128::MAX
        } else {
            (1u128 << (8 * n)) - 1
        };
        n += 1;
    }
    masks
};

/// [`word_key`] of `bytes[start..end]`, reading 16 bytes at once when the text has them:
/// every word near a number is looked up, so the key must cost a few instructions.
#[inline]
pub(crate) fn key_in(bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    // Most words fit in eight bytes: their key's high half is zero, and the same tests on
    // one 64-bit half cost half as much.
    if end.wrapping_sub(start) <= 8 {
        return key_in_short(bytes, start, end).map(u128::from);
    }
    key_in_wide(bytes, start, end)
}

/// [`key_in`] of at most eight bytes, in a `u64`.
#[inline]
fn key_in_short(bytes: &[u8], start: usize, end: usize) -> Option<u64> {
    const ONES: u64 = u64::MAX / 255;
    const HIGH: u64 = ONES * 0x80;
    const LOW7: u64 = ONES * 0x7f;
    let len = end.checked_sub(start)?;
    if len == 0 || len > 8 || end > bytes.len() {
        return None;
    }
    let mut buf = [0u8; 8];
    match bytes.get(start..start + 8) {
        Some(block) => buf.copy_from_slice(block),
        None => buf.get_mut(..len)?.copy_from_slice(bytes.get(start..end)?),
    }
    // The low `len` bytes: a shift by a multiple of eight below 64.
    let mask = u64::MAX >> (8 * (8 - len));
    let x = u64::from_le_bytes(buf) & mask;
    let zero = !(((x & LOW7).wrapping_add(LOW7)) | x) & HIGH & mask;
    if x & HIGH != 0 || zero != 0 {
        return None;
    }
    let at_least_a = x.wrapping_add(ONES * (0x80 - u64::from(b'A')));
    let above_z = x.wrapping_add(ONES * (0x7f - u64::from(b'Z')));
    let upper = at_least_a & !above_z & HIGH;
    Some(x | (upper >> 2))
}

/// [`key_in`] of up to sixteen bytes, in a `u128`.
#[inline]
fn key_in_wide(bytes: &[u8], start: usize, end: usize) -> Option<u128> {
    const ONES: u128 = u128::MAX / 255;
    const HIGH: u128 = ONES * 0x80;
    const LOW7: u128 = ONES * 0x7f;
    let len = end.checked_sub(start)?;
    if len == 0 || len > 16 || end > bytes.len() {
        return None;
    }
    let mut buf = [0u8; 16];
    match bytes.get(start..start + 16) {
        Some(block) => buf.copy_from_slice(block),
        None => buf.get_mut(..len)?.copy_from_slice(bytes.get(start..end)?),
    }
    // The low `len` bytes, from a table: a 128-bit shift by a variable amount is a branchy
    // instruction sequence, and this runs for every word looked up.
    let mask = KEY_MASKS.get(len).copied().unwrap_or(u128::MAX);
    let x = u128::from_le_bytes(buf) & mask;
    // Non-ASCII bytes, or a NUL inside the word (it would read as a shorter word).
    let zero = !(((x & LOW7).wrapping_add(LOW7)) | x) & HIGH & mask;
    if x & HIGH != 0 || zero != 0 {
        return None;
    }
    // ASCII capitals get 0x20 added: the high bit of each lane in 'A'..='Z', moved to 0x20.
    let at_least_a = x.wrapping_add(ONES * (0x80 - u128::from(b'A')));
    let above_z = x.wrapping_add(ONES * (0x7f - u128::from(b'Z')));
    let upper = at_least_a & !above_z & HIGH;
    Some(x | (upper >> 2))
}

/// The slot and bit of a word's shape (length, first and last letter, any case) in
/// [`Lexicon::anchor_shapes`]; `None` for words no anchor has the shape of.
#[inline]
fn shape_slot<'a>(word: &[u8], shapes: &'a mut [u32]) -> Option<(&'a mut u32, u32)> {
    let (i, bit) = shape_index(word)?;
    shapes.get_mut(i).map(|s| (s, bit))
}

#[inline]
fn shape_index(word: &[u8]) -> Option<(usize, u32)> {
    let len = word.len();
    let first = word.first()?.to_ascii_lowercase().wrapping_sub(b'a');
    let last = word.last()?.to_ascii_lowercase().wrapping_sub(b'a');
    if len > 16 || first >= 26 || last >= 26 {
        return None;
    }
    Some((len * 26 + usize::from(first), 1 << last))
}

impl Lexicon {
    /// Whether a run of ASCII letters may be an anchor word: a cheap test on its length and
    /// first and last letters before any lookup.
    #[inline]
    pub(crate) fn may_anchor(&self, word: &[u8]) -> bool {
        shape_index(word)
            .is_some_and(|(i, bit)| self.anchor_shapes.get(i).is_some_and(|s| s & bit != 0))
    }

    /// Whether a word may open a hedge phrase, and whether it may be a speech verb, a
    /// clause opener or a place preposition: one reading of its shape for both (the
    /// sentence scan asks both of every word).
    #[inline]
    pub(crate) fn may_hedge_or_open_clause(&self, word: &[u8]) -> (bool, bool) {
        shape_index(word).map_or((false, false), |(i, bit)| {
            (
                self.hedge_shapes.get(i).is_some_and(|s| s & bit != 0),
                self.clause_shapes.get(i).is_some_and(|s| s & bit != 0),
            )
        })
    }

    /// Whether a run of ASCII letters may be the letters of a currency sign ("US", "Rs").
    #[inline]
    pub(crate) fn may_be_currency_head(&self, word: &[u8]) -> bool {
        shape_index(word).is_some_and(|(i, bit)| {
            self.currency_head_shapes
                .get(i)
                .is_some_and(|s| s & bit != 0)
        })
    }
}

/// What an anchor match is.
#[derive(Clone, Debug)]
pub(crate) enum Anchor {
    Digit,
    Word,
    Currency(usize),
}

/// Every table the recognizer and the attachment rules read.
pub(crate) struct Lexicon {
    pub suffixes: Vec<Suffix>,
    /// The longest suffix, in bytes.
    pub suffix_max_len: usize,
    /// Keyed by the normalized phrase's bytes ([`normalize_phrase`]).
    pub modifiers: HashMap<Box<[u8]>, (ModKind, Position)>,
    pub modifier_max_tokens: usize,
    pub currencies: Vec<(String, Currency)>,
    /// Keyed by the normalized form's bytes ([`normalize_phrase`]).
    pub currency_by_form: HashMap<Box<[u8]>, usize>,
    pub currency_max_words: usize,
    pub hedges: AhoCorasick,
    pub hedge_names: Vec<String>,
    /// Hedges that are prepositions unless a figure follows them ("about 40" but "concerns
    /// about the debt"): hedges.tsv's `near` column.
    pub near_hedges: FxHashSet<String>,
    /// Phrases that make a verb mean displacement ("forced from their homes"), matched
    /// anchored at the verb.
    pub displacements: AhoCorasick,
    /// Currency forms written before a number, lowercase, longest first, with their index
    /// in `currencies`.
    pub currency_prefixes: Vec<(String, usize)>,
    /// For each lowercase first byte, the indices in `currency_prefixes` of the forms that
    /// start with it, longest first.
    pub prefixes_by_byte: Vec<Vec<usize>>,
    /// First bytes of currency signs that start with no letter ("$", the first byte of "€").
    pub symbol_first: [bool; 256],
    /// The ASCII bytes among `symbol_first` ("$").
    pub symbol_ascii: Vec<u8>,
    /// Shapes of the words an anchor scan looks up (number, vague and currency words): bit
    /// `last letter` of `anchor_shapes[length * 26 + first letter]`. Most words fail this
    /// test and are never hashed.
    pub anchor_shapes: Vec<u32>,
    /// The same for the first words of hedge phrases (hedges.tsv).
    pub hedge_shapes: Vec<u32>,
    /// The same for speech verbs, clause openers and place prepositions (words.tsv).
    pub clause_shapes: Vec<u32>,
    /// The same for the letters of currency signs ("US" of "US$", "Rs"): every word before
    /// a period, a "$" or a number is tested for one.
    pub currency_head_shapes: Vec<u32>,
    /// The same for words that pack into no key (non-ASCII, longer than 16 bytes).
    pub other: HashMap<String, Info>,
    /// Every single-word entry of the lists above, merged ([`Info`]).
    pub table: WordTable,
    /// The vague words, indexed by [`Info::vague`].
    pub vague_words: Vec<VagueWord>,
    /// The unit names, indexed by [`Info::unit`].
    pub unit_names: Vec<String>,
    /// Phrases after "in" that name no place ("fact", "the act"; places.tsv `idiom`).
    pub place_idioms: FxHashSet<String>,
    /// Words before "in" that make the name after it a company (places.tsv `holding`).
    pub holdings: FxHashSet<String>,
    /// Lowercase words between "in" and a place name that say where it lies ("in
    /// neighbouring Syria"; places.tsv `locator`).
    pub locators: FxHashSet<String>,
}

fn data_error(source: &str, line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Data {
        what: "figures lexicon",
        source_name: format!("data/figures/{source}, line {line}"),
        message: message.into(),
    }
}

/// Data rows: non-empty, non-comment lines split on tabs, with their 1-based line numbers.
pub(crate) fn rows(data: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    data.lines().enumerate().filter_map(|(i, line)| {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

fn column<'a>(
    source: &str,
    line: usize,
    cols: &[&'a str],
    i: usize,
) -> Result<&'a str, ExtractError> {
    cols.get(i)
        .copied()
        .filter(|c| !c.is_empty())
        .ok_or_else(|| data_error(source, line, format!("missing column {}", i + 1)))
}

fn number(source: &str, line: usize, cell: &str) -> Result<f64, ExtractError> {
    cell.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| data_error(source, line, format!("{cell:?} is not a number")))
}

fn optional(cell: &str) -> Option<String> {
    (cell != "-").then(|| cell.to_ascii_lowercase())
}

/// Calls `f` with `word` lowercased, without allocating for short ASCII words: lookups run
/// for every word near every number, so they must be cheap.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    let mut buf = [0u8; 48];
    if word.len() <= buf.len() && word.is_ascii() {
        let b = &mut buf[..word.len()];
        b.copy_from_slice(word.as_bytes());
        b.make_ascii_lowercase();
        if let Ok(s) = std::str::from_utf8(b) {
            return f(s);
        }
    }
    f(&word.to_lowercase())
}

/// [`normalize_phrase`] as bytes, the key of the phrase lists.
fn phrase_key(phrase: &str) -> Box<[u8]> {
    normalize_phrase(phrase).into_bytes().into_boxed_slice()
}

/// Normalizes a phrase the way [`crate::lex`] tokens are joined: lowercase, words separated
/// by one space, punctuation glued to its neighbours.
pub(crate) fn normalize_phrase(phrase: &str) -> String {
    let mut out = String::new();
    let mut pos = 0;
    let mut last_word = false;
    while let Some(t) = crate::lex::next(phrase, pos) {
        let word = t.kind != crate::lex::Kind::Punct;
        if word && last_word {
            out.push(' ');
        }
        out.push_str(&t.text(phrase).to_lowercase());
        last_word = word;
        pos = t.end;
    }
    out
}

impl Lexicon {
    /// Parses the bundled data files.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the file and line of a malformed row.
    pub(crate) fn bundled() -> Result<Lexicon, ExtractError> {
        let mut numbers = HashMap::default();
        for (line, cols) in rows(NUMBERS) {
            let word = column("numbers.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let kind = column("numbers.tsv", line, &cols, 1)?;
            let value = number("numbers.tsv", line, column("numbers.tsv", line, &cols, 2)?)?;
            let entry = match kind {
                "unit" => NumWord::Unit(value),
                "teen" => NumWord::Teen(value),
                "tens" => NumWord::Tens(value),
                "scale" => NumWord::Scale(value),
                "group" => NumWord::Group(value),
                "fraction" if value > 0.0 => NumWord::Fraction(value),
                "half" => NumWord::Half,
                other => {
                    return Err(data_error(
                        "numbers.tsv",
                        line,
                        format!("unknown kind {other:?}"),
                    ));
                }
            };
            numbers.insert(word, entry);
        }

        let mut suffixes = Vec::new();
        for (line, cols) in rows(SUFFIXES) {
            let text = column("suffixes.tsv", line, &cols, 0)?.to_owned();
            let value = number(
                "suffixes.tsv",
                line,
                column("suffixes.tsv", line, &cols, 1)?,
            )?;
            let when = match column("suffixes.tsv", line, &cols, 2)? {
                "any" => SuffixWhen::Any,
                "money" => SuffixWhen::Money,
                "glued" => SuffixWhen::Glued,
                other => {
                    return Err(data_error(
                        "suffixes.tsv",
                        line,
                        format!("unknown condition {other:?}"),
                    ));
                }
            };
            suffixes.push(Suffix { text, value, when });
        }

        let mut vague = HashMap::default();
        for (line, cols) in rows(VAGUE) {
            let word = column("vague.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let key = column("vague.tsv", line, &cols, 1)?.to_owned();
            let before = optional(column("vague.tsv", line, &cols, 2)?);
            let after = optional(column("vague.tsv", line, &cols, 3)?);
            vague.insert(word, VagueWord { key, before, after });
        }

        let mut modifiers = HashMap::default();
        let mut modifier_last = FxHashSet::default();
        let mut modifier_first = FxHashSet::default();
        let mut modifier_max_tokens = 1;
        for (line, cols) in rows(MODIFIERS) {
            let phrase = column("modifiers.tsv", line, &cols, 0)?;
            let kind_name = column("modifiers.tsv", line, &cols, 1)?;
            let kind = ModKind::parse(kind_name).ok_or_else(|| {
                data_error("modifiers.tsv", line, format!("unknown kind {kind_name:?}"))
            })?;
            let position = match column("modifiers.tsv", line, &cols, 2)? {
                "before" => Position::Before,
                "after" => Position::After,
                "before_alone" => Position::BeforeAlone,
                other => {
                    return Err(data_error(
                        "modifiers.tsv",
                        line,
                        format!("unknown position {other:?}"),
                    ));
                }
            };
            let mut count = 0;
            let mut pos = 0;
            while let Some(t) = crate::lex::next(phrase, pos) {
                count += 1;
                pos = t.end;
            }
            modifier_max_tokens = modifier_max_tokens.max(count);
            let mut toks = Vec::new();
            let mut at = 0;
            while let Some(t) = crate::lex::next(phrase, at) {
                toks.push(t.text(phrase).to_lowercase());
                at = t.end;
            }
            let edge = if position != Position::After {
                toks.last()
            } else {
                toks.first()
            };
            if let Some(word) = edge {
                if position != Position::After {
                    modifier_last.insert(word.clone());
                } else {
                    modifier_first.insert(word.clone());
                }
            }
            modifiers.insert(phrase_key(phrase), (kind, position));
        }

        let mut currencies = Vec::new();
        let mut currency_by_form = HashMap::default();
        let mut currency_first = FxHashSet::default();
        let mut currency_max_words = 1;
        for (line, cols) in rows(CURRENCIES) {
            let form = column("currencies.tsv", line, &cols, 0)?;
            let iso = column("currencies.tsv", line, &cols, 1)?.to_owned();
            let position = match column("currencies.tsv", line, &cols, 2)? {
                "before" => Position::Before,
                "after" => Position::After,
                "both" => Position::Both,
                other => {
                    return Err(data_error(
                        "currencies.tsv",
                        line,
                        format!("unknown position {other:?}"),
                    ));
                }
            };
            let flags = column("currencies.tsv", line, &cols, 3)?;
            let minor = flags.split(',').any(|f| f == "minor");
            let scaled_only = flags.split(',').any(|f| f == "scaled_only");
            currency_max_words = currency_max_words.max(form.split(' ').count());
            if position != Position::Before
                && let Some(t) = crate::lex::next(form, 0)
            {
                currency_first.insert(t.text(form).to_lowercase());
            }
            currency_by_form.insert(phrase_key(form), currencies.len());
            currencies.push((
                form.to_owned(),
                Currency {
                    iso,
                    position,
                    minor,
                    scaled_only,
                },
            ));
        }

        let mut measures = HashMap::default();
        for (line, cols) in rows(MEASURES) {
            let word = normalize_phrase(column("measures.tsv", line, &cols, 0)?);
            let name = column("measures.tsv", line, &cols, 1)?;
            let measure = Measure::parse(name).ok_or_else(|| {
                data_error("measures.tsv", line, format!("unknown measure {name:?}"))
            })?;
            let verb = match cols.get(2).copied().unwrap_or("") {
                "" | "noun" => false,
                "verb" => true,
                other => {
                    return Err(data_error(
                        "measures.tsv",
                        line,
                        format!("unknown form {other:?}"),
                    ));
                }
            };
            measures.insert(word, (measure, verb));
        }

        let mut units = HashMap::default();
        for (line, cols) in rows(UNITS) {
            let form = column("units.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let unit = column("units.tsv", line, &cols, 1)?.to_owned();
            units.insert(form, unit);
        }

        let mut links = HashMap::default();
        for (line, cols) in rows(LINKS) {
            let word = column("links.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let role = match column("links.tsv", line, &cols, 1)? {
                "aux" => link::AUX,
                "link" => link::LINK,
                "change" => link::CHANGE,
                "verb" => link::VERB,
                "toll_verb" => link::TOLL_VERB,
                "toll_prep" => link::TOLL_PREP,
                "toll_lead" => link::TOLL_LEAD,
                "particle" => link::PARTICLE,
                other => {
                    return Err(data_error(
                        "links.tsv",
                        line,
                        format!("unknown role {other:?}"),
                    ));
                }
            };
            *links.entry(word).or_insert(0) |= role;
        }

        let mut roles = HashMap::default();
        for (line, cols) in rows(WORDS) {
            let word = column("words.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let bit = match column("words.tsv", line, &cols, 1)? {
                "stop" => role::STOP,
                "group" => role::GROUP,
                "place_noun" => role::PLACE_NOUN,
                "place_prep" => role::PLACE_PREP,
                "cue" => role::CUE,
                "clause" => role::CLAUSE,
                "collective" => role::COLLECTIVE,
                "not_noun" => role::NOT_NOUN,
                "increment" => role::INCREMENT,
                "attack" => role::ATTACK,
                "care" => role::CARE,
                "illness" => role::ILLNESS,
                "compel" => role::COMPEL,
                "flight" => role::FLIGHT,
                "sentence" => role::SENTENCE,
                "intransitive" => role::INTRANSITIVE,
                "spare" => role::SPARE,
                other => {
                    return Err(data_error(
                        "words.tsv",
                        line,
                        format!("unknown role {other:?}"),
                    ));
                }
            };
            *roles.entry(word).or_insert(0) |= bit;
        }

        let mut context = HashMap::default();
        for (line, cols) in rows(NOT_FIGURES) {
            let word = normalize_phrase(column("not_figures.tsv", line, &cols, 0)?);
            let kind = match column("not_figures.tsv", line, &cols, 1)? {
                "month" => ctx::MONTH,
                "weekday" => ctx::WEEKDAY,
                "time_unit" => ctx::TIME_UNIT,
                "clock" => ctx::CLOCK,
                "age" => ctx::AGE,
                "label" => ctx::LABEL,
                "designation" => ctx::DESIGNATION,
                "hotline" => ctx::HOTLINE,
                "hotline_noun" => ctx::HOTLINE_NOUN,
                "year_prep" => ctx::YEAR_PREP,
                "pronoun" => ctx::PRONOUN,
                "time_adj" => ctx::TIME_ADJ,
                "determiner" => ctx::DETERMINER,
                other => {
                    return Err(data_error(
                        "not_figures.tsv",
                        line,
                        format!("unknown kind {other:?}"),
                    ));
                }
            };
            *context.entry(word).or_insert(0) |= kind;
        }

        let mut hedge_names = Vec::new();
        let mut near_hedges = FxHashSet::default();
        for (line, cols) in rows(HEDGES) {
            let name = column("hedges.tsv", line, &cols, 0)?.to_ascii_lowercase();
            match cols.get(1).copied() {
                None | Some("") => {}
                Some("near") => {
                    near_hedges.insert(name.clone());
                }
                Some(other) => {
                    return Err(data_error(
                        "hedges.tsv",
                        line,
                        format!("unknown where {other:?}"),
                    ));
                }
            }
            hedge_names.push(name);
        }
        // Hedges are matched at word starts of the figure's sentence (anchored searches).
        let hedges = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Both)
            .ascii_case_insensitive(true)
            .build(&hedge_names)
            .map_err(|e| data_error("hedges.tsv", 0, e.to_string()))?;

        let mut displacement_names = Vec::new();
        for (line, cols) in rows(DISPLACEMENTS) {
            displacement_names.push(column("displacements.tsv", line, &cols, 0)?.to_owned());
        }
        let displacements = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .ascii_case_insensitive(true)
            .build(&displacement_names)
            .map_err(|e| data_error("displacements.tsv", 0, e.to_string()))?;

        // Currency forms written before a number, longest first so that the first match is
        // the longest ("US$" before "$").
        let mut currency_prefixes: Vec<(String, usize)> = currencies
            .iter()
            .enumerate()
            .filter(|(_, (_, c))| c.position != Position::After)
            .map(|(i, (form, _))| (form.to_lowercase(), i))
            .collect();
        currency_prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));

        // The merged word table: one lookup per word answers every list.
        let mut table: HashMap<u128, Info> = HashMap::default();
        // Words that pack into no key (non-ASCII such as "€" or "≥", or longer than 16
        // bytes) go to a second table keyed by the lowercase string.
        let mut other: HashMap<String, Info> = HashMap::default();
        fn entry<'a>(
            table: &'a mut HashMap<u128, Info>,
            other: &'a mut HashMap<String, Info>,
            word: &str,
        ) -> Option<&'a mut Info> {
            Some(match word_key(word.as_bytes()) {
                Some(k) => table.entry(k).or_insert(NO_INFO),
                None => other.entry(word.to_lowercase()).or_insert(NO_INFO),
            })
        }
        for (w, n) in &numbers {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.num = Some(*n);
                i.flags |= flag::ANCHOR;
            }
        }
        let mut vague_words = Vec::new();
        for (w, v) in &vague {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.vague = u16::try_from(vague_words.len()).ok();
                i.flags |= flag::ANCHOR;
            }
            vague_words.push(v.clone());
        }
        for (w, m) in &measures {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.measure = Some(*m);
            }
        }
        let mut unit_names = Vec::new();
        for (w, u) in &units {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.unit = u16::try_from(unit_names.len()).ok();
            }
            unit_names.push(u.clone());
        }
        for (w, l) in &links {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.link |= *l;
            }
        }
        for (w, r) in &roles {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.role |= *r;
            }
        }
        for (w, c) in &context {
            if let Some(i) = entry(&mut table, &mut other, w) {
                i.ctx |= *c;
            }
        }
        for (set, bit) in [
            (&currency_first, flag::CURRENCY_FIRST),
            (&modifier_first, flag::MODIFIER_FIRST),
            (&modifier_last, flag::MODIFIER_LAST),
        ] {
            for w in set {
                if let Some(i) = entry(&mut table, &mut other, w) {
                    i.flags |= bit;
                }
            }
        }
        for (form, _) in &currency_prefixes {
            let head: String = form.chars().take_while(char::is_ascii_alphabetic).collect();
            if !head.is_empty()
                && let Some(i) = entry(&mut table, &mut other, &head)
            {
                i.flags |= flag::CURRENCY_HEAD;
            }
        }

        let mut prefixes_by_byte = vec![Vec::new(); 256];
        let mut symbol_first = [false; 256];
        for (k, (form, _)) in currency_prefixes.iter().enumerate() {
            if let Some(&b) = form.as_bytes().first() {
                if let Some(list) = prefixes_by_byte.get_mut(usize::from(b.to_ascii_lowercase())) {
                    list.push(k);
                }
                if !b.is_ascii_alphabetic()
                    && let Some(slot) = symbol_first.get_mut(usize::from(b))
                {
                    *slot = true;
                }
            }
        }

        let shapes_of = |keep: &dyn Fn(&Info) -> bool| {
            let mut shapes = vec![0u32; 17 * 26];
            for (&key, info) in &table {
                if !keep(info) {
                    continue;
                }
                let bytes = key.to_le_bytes();
                let len = bytes.iter().take_while(|&&b| b != 0).count();
                if let Some(slot) = bytes.get(..len).and_then(|w| shape_slot(w, &mut shapes)) {
                    *slot.0 |= slot.1;
                }
            }
            shapes
        };
        let anchor_shapes = shapes_of(&|i| i.flags & flag::ANCHOR != 0);
        // First words of hedge phrases ("at" of "at least"), by shape.
        let mut hedge_shapes = vec![0u32; 17 * 26];
        for name in &hedge_names {
            let first: Vec<u8> = name.bytes().take_while(u8::is_ascii_alphabetic).collect();
            if let Some(slot) = shape_slot(&first, &mut hedge_shapes) {
                *slot.0 |= slot.1;
            }
        }
        let clause_shapes = shapes_of(&|i| {
            i.role & (role::CUE | role::CLAUSE | role::PLACE_PREP | role::ATTACK) != 0
        });
        let currency_head_shapes = shapes_of(&|i| i.flags & flag::CURRENCY_HEAD != 0);

        let symbol_ascii: Vec<u8> = (0u8..0x80)
            .filter(|&b| symbol_first.get(usize::from(b)) == Some(&true))
            .collect();

        let suffix_max_len = suffixes.iter().map(|s| s.text.len()).max().unwrap_or(0);

        let mut place_idioms = FxHashSet::default();
        let mut holdings = FxHashSet::default();
        let mut locators = FxHashSet::default();
        for (line, cols) in rows(PLACES) {
            let phrase = normalize_phrase(column("places.tsv", line, &cols, 0)?);
            match column("places.tsv", line, &cols, 1)? {
                "idiom" => place_idioms.insert(phrase),
                "holding" => holdings.insert(phrase),
                "locator" => locators.insert(phrase),
                other => {
                    return Err(data_error(
                        "places.tsv",
                        line,
                        format!("unknown kind {other:?}"),
                    ));
                }
            };
        }

        Ok(Lexicon {
            other,
            hedge_shapes,
            suffix_max_len,
            symbol_ascii,
            anchor_shapes,
            clause_shapes,
            currency_head_shapes,
            prefixes_by_byte,
            symbol_first,
            table: WordTable::new(table),
            vague_words,
            unit_names,
            suffixes,
            modifiers,
            modifier_max_tokens,
            currencies,
            currency_by_form,
            currency_max_words,
            hedges,
            hedge_names,
            near_hedges,
            displacements,
            currency_prefixes,
            place_idioms,
            holdings,
            locators,
        })
    }

    /// Everything known about a word (any case).
    #[inline]
    pub(crate) fn info_str(&self, word: &str) -> Info {
        match word_key(word.as_bytes()) {
            Some(k) => *self.table.get_or_empty(&k),
            None => self.info_other(word),
        }
    }

    /// [`Lexicon::info_str`] for words that pack into no key.
    #[cold]
    fn info_other(&self, word: &str) -> Info {
        if self.other.is_empty() || word.is_empty() {
            return NO_INFO;
        }
        with_lower(word, |w| self.other.get(w).copied().unwrap_or(NO_INFO))
    }

    /// Everything known about a word token; nothing for digits and punctuation.
    #[inline]
    pub(crate) fn info(&self, text: &str, tok: crate::lex::Tok) -> Info {
        if tok.kind != crate::lex::Kind::Word {
            return NO_INFO;
        }
        self.info_of(text, tok)
    }

    /// [`Lexicon::info_str`] of a token's text, whatever its kind. The key is read from the
    /// text in place, 16 bytes at once, rather than from the token's own short slice (a
    /// copy of variable length, a call to memmove).
    #[inline]
    pub(crate) fn info_of(&self, text: &str, tok: crate::lex::Tok) -> Info {
        match key_in(text.as_bytes(), tok.start, tok.end) {
            Some(k) => *self.table.get_or_empty(&k),
            None => self.info_other(tok.text(text)),
        }
    }

    /// The context kinds of a token, trying "word." too when a period follows it ("No.",
    /// "Dec.").
    pub(crate) fn context_of(&self, text: &str, tok: crate::lex::Tok) -> u16 {
        let bytes = text.as_bytes();
        let mut kinds = 0;
        if bytes.get(tok.end) == Some(&b'.')
            && let Some(with_period) = bytes.get(tok.start..=tok.end)
            && let Some(k) = word_key(with_period)
        {
            kinds |= self.table.get(&k).map_or(0, |i| i.ctx);
        }
        kinds | self.info_of(text, tok).ctx
    }

    /// The number-word entry for a word token.
    pub(crate) fn number_word(&self, text: &str, tok: crate::lex::Tok) -> Option<NumWord> {
        self.info(text, tok).num
    }

    /// The measure of a word token.
    pub(crate) fn measure_of(&self, text: &str, tok: crate::lex::Tok) -> Option<Measure> {
        self.info(text, tok).measure.map(|m| m.0)
    }

    /// The measure of a word token and whether the word is a verb form ("killed") rather
    /// than a noun ("casualties").
    pub(crate) fn measure_form(&self, text: &str, tok: crate::lex::Tok) -> Option<(Measure, bool)> {
        self.info(text, tok).measure
    }

    /// The attachment roles of a word token ([`role`] bits).
    pub(crate) fn role_of(&self, text: &str, tok: crate::lex::Tok) -> u32 {
        self.info(text, tok).role
    }

    /// Whether a word token is a function word (words.tsv `stop`).
    pub(crate) fn is_function_word(&self, text: &str, tok: crate::lex::Tok) -> bool {
        self.role_of(text, tok) & role::STOP != 0
    }

    /// The link roles of a word token.
    pub(crate) fn link_of(&self, text: &str, tok: crate::lex::Tok) -> u8 {
        self.info(text, tok).link
    }

    /// The vague word a token is, if any.
    pub(crate) fn vague_of(&self, text: &str, tok: crate::lex::Tok) -> Option<&VagueWord> {
        self.info(text, tok)
            .vague
            .and_then(|i| self.vague_words.get(usize::from(i)))
    }

    /// The ISO code of a one-word currency name written after numbers ("rupee", "won",
    /// "euro"); a symbol or code written before them ("$", "Rs") is none.
    pub(crate) fn currency_word(&self, text: &str, tok: crate::lex::Tok) -> Option<&str> {
        if tok.kind != crate::lex::Kind::Word {
            return None;
        }
        let i = with_lower(tok.text(text), |w| {
            self.currency_by_form.get(w.as_bytes()).copied()
        })?;
        let (_, c) = self.currencies.get(i)?;
        (c.position != Position::Before && !c.minor).then_some(c.iso.as_str())
    }

    /// The unit of measure a word is, if any ("points", "km").
    pub(crate) fn unit_of_str(&self, word: &str) -> Option<&str> {
        self.info_str(word)
            .unit
            .and_then(|i| self.unit_names.get(usize::from(i)))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shape_filters_pass_every_listed_word() {
        // The shape tests run before any lookup: a listed word they reject would never be
        // found.
        let lex = Lexicon::bundled().unwrap();
        let mut heads = 0;
        for (key, info) in lex.table.iter() {
            let bytes = key.to_le_bytes();
            let word: Vec<u8> = bytes.iter().copied().take_while(|&b| b != 0).collect();
            if !word.iter().all(u8::is_ascii_alphabetic) {
                continue;
            }
            if info.flags & flag::CURRENCY_HEAD != 0 {
                heads += 1;
                assert!(lex.may_be_currency_head(&word), "{word:?}");
                assert!(lex.may_be_currency_head(&word.to_ascii_uppercase()));
            }
            if info.role & (role::CUE | role::CLAUSE | role::PLACE_PREP) != 0 {
                assert!(lex.may_hedge_or_open_clause(&word).1, "{word:?}");
            }
        }
        assert!(heads > 0);
        assert!(lex.may_be_currency_head(b"US") && lex.may_be_currency_head(b"Rs"));
        assert!(!lex.may_be_currency_head(b"the"));
        assert!(lex.may_hedge_or_open_clause(b"about").0);
    }

    #[test]
    fn bundled_data_parses() {
        let lex = Lexicon::bundled().unwrap();
        assert_eq!(lex.info_str("Hundred").num, Some(NumWord::Scale(100.0)));
        assert_eq!(
            lex.modifiers.get(b"more than".as_slice()).map(|m| m.0),
            Some(ModKind::MoreThan)
        );
        assert_eq!(
            lex.modifiers.get(b">=".as_slice()).map(|m| m.0),
            Some(ModKind::AtLeast)
        );
        assert_eq!(
            lex.info_str("casualties").measure,
            Some((Measure::Casualties, false))
        );
        assert_eq!(lex.info_str("died").measure, Some((Measure::Killed, true)));
        assert!(
            lex.currency_by_form
                .contains_key(b"hong kong dollars".as_slice())
        );
        assert!(lex.info_str("December").ctx & ctx::MONTH != 0);
        assert!(lex.info_str("than").flags & flag::MODIFIER_LAST != 0);
        assert!(lex.may_anchor(b"Thousands") && !lex.may_anchor(b"the"));
        assert_eq!(word_key(b"ThOuSaNd"), word_key(b"thousand"));
        assert_eq!(key_in(b"x Hundred y", 2, 9), word_key(b"hundred"));
        assert_eq!(key_in(b"Hundred", 0, 7), word_key(b"hundred"));
        assert_eq!(word_key(b"caf\xc3\xa9"), None);
        assert_eq!(word_key(b"a\0b"), None);
        assert_eq!(
            word_key(b"[@`{"),
            Some(u128::from_le_bytes(*b"[@`{\0\0\0\0\0\0\0\0\0\0\0\0"))
        );
    }

    proptest::proptest! {
        /// The short key is the wide key of the same bytes.
        #[test]
        fn short_keys_are_wide_keys(
            text in "(Hundred|than|€|a\u{0}b|\u{0}|[a-zA-Z$%.,' -]){0,6}",
            start in 0usize..24,
            len in 0usize..10,
        ) {
            let bytes = text.as_bytes();
            proptest::prop_assert_eq!(
                key_in_short(bytes, start, start + len).map(u128::from),
                key_in_wide(bytes, start, start + len).filter(|_| len <= 8)
            );
        }

        /// Reading a token's key in place gives what looking up its text gives, for any
        /// range of any text (ranges inside a character, past the end, NUL bytes included).
        #[test]
        fn info_of_agrees_with_info_str(
            text in "(Hundred|than|December|€|≥|casualties|a\u{0}b|[a-zA-Z$%.,' -]){0,8}",
            start in 0usize..40,
            len in 0usize..20,
        ) {
            let lex = Lexicon::bundled().unwrap();
            for kind in [crate::lex::Kind::Word, crate::lex::Kind::Punct] {
                let tok = crate::lex::Tok { start, end: start + len, kind };
                proptest::prop_assert_eq!(lex.info_of(&text, tok), lex.info_str(tok.text(&text)));
            }
        }
    }

    #[test]
    fn phrases_normalize_like_tokens() {
        assert_eq!(normalize_phrase("More  than"), "more than");
        assert_eq!(normalize_phrase("< = "), "<=");
        assert_eq!(normalize_phrase("approx."), "approx.");
        assert_eq!(normalize_phrase("U.S. $"), "u.s.$");
    }
}
