//! The figures lexicon: the word lists under `data/figures/`, parsed once into lookup tables
//! and one Aho-Corasick automaton of anchors (digits, number words, vague words, currency
//! signs) that finds every place a figure can start in a single pass over the text.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rustc_hash::{FxHashMap as HashMap, FxHashSet};
use tally_core::{ExtractError, Measure};

const NUMBERS: &str = include_str!("../../../data/figures/numbers.tsv");
const SUFFIXES: &str = include_str!("../../../data/figures/suffixes.tsv");
const VAGUE: &str = include_str!("../../../data/figures/vague.tsv");
const MODIFIERS: &str = include_str!("../../../data/figures/modifiers.tsv");
const CURRENCIES: &str = include_str!("../../../data/figures/currencies.tsv");
const MEASURES: &str = include_str!("../../../data/figures/measures.tsv");
const LINKS: &str = include_str!("../../../data/figures/links.tsv");
const HEDGES: &str = include_str!("../../../data/figures/hedges.tsv");
const NOT_FIGURES: &str = include_str!("../../../data/figures/not_figures.tsv");
const UNITS: &str = include_str!("../../../data/figures/units.tsv");
const WORDS: &str = include_str!("../../../data/figures/words.tsv");

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
}

/// Link word roles (links.tsv), as bits.
pub(crate) mod link {
    pub const AUX: u8 = 1;
    pub const LINK: u8 = 2;
    pub const CHANGE: u8 = 4;
    pub const VERB: u8 = 8;
}

/// Word roles for the attachment rules (words.tsv), as bits.
pub(crate) mod role {
    pub const STOP: u16 = 1;
    pub const GROUP: u16 = 1 << 1;
    pub const PLACE_NOUN: u16 = 1 << 2;
    pub const PLACE_PREP: u16 = 1 << 3;
    pub const CUE: u16 = 1 << 4;
    pub const CLAUSE: u16 = 1 << 5;
    pub const COLLECTIVE: u16 = 1 << 6;
    pub const NOT_NOUN: u16 = 1 << 7;
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
    pub numbers: HashMap<String, NumWord>,
    pub suffixes: Vec<Suffix>,
    pub vague: HashMap<String, VagueWord>,
    pub modifiers: HashMap<String, (ModKind, Position)>,
    pub modifier_max_tokens: usize,
    /// Last tokens of "before" modifiers ("than", "least", ">"): a quick reject.
    pub modifier_last: FxHashSet<String>,
    /// First tokens of "after" modifiers ("or", "plus").
    pub modifier_first: FxHashSet<String>,
    /// First tokens of currency forms written after a number ("dollars", "swiss", "€").
    pub currency_first: FxHashSet<String>,
    pub currencies: Vec<(String, Currency)>,
    pub currency_by_form: HashMap<String, usize>,
    pub currency_max_words: usize,
    /// Measure words and whether each is a verb form (participle, verb or predicative
    /// adjective) rather than a noun.
    pub measures: HashMap<String, (Measure, bool)>,
    pub units: HashMap<String, String>,
    pub links: HashMap<String, u8>,
    /// Roles of words for the attachment rules (words.tsv), as [`role`] bits.
    pub roles: HashMap<String, u16>,
    pub context: HashMap<String, u16>,
    pub hedges: AhoCorasick,
    pub hedge_names: Vec<String>,
    /// One combined regex over every anchor: number and vague words (whole words), digit
    /// runs, and currency signs written before a number.
    pub anchors: regex::Regex,
    /// Currency forms written before a number, lowercase, longest first, with their index
    /// in `currencies`.
    pub currency_prefixes: Vec<(String, usize)>,
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
            let edge = if position == Position::Before {
                toks.last()
            } else {
                toks.first()
            };
            if let Some(word) = edge {
                if position == Position::Before {
                    modifier_last.insert(word.clone());
                } else {
                    modifier_first.insert(word.clone());
                }
            }
            modifiers.insert(normalize_phrase(phrase), (kind, position));
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
            currency_by_form.insert(normalize_phrase(form), currencies.len());
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
        for (line, cols) in rows(HEDGES) {
            hedge_names.push(column("hedges.tsv", line, &cols, 0)?.to_ascii_lowercase());
        }
        let hedges = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&hedge_names)
            .map_err(|e| data_error("hedges.tsv", 0, e.to_string()))?;

        // The anchor regex: one pass of a lazy DFA finds every digit run, number word, vague
        // word and currency sign; everything else is read around these on demand. Longer
        // alternatives come first so the leftmost-first match is the longest.
        let mut words: Vec<&String> = numbers.keys().chain(vague.keys()).collect();
        words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let mut currency_prefixes: Vec<(String, usize)> = currencies
            .iter()
            .enumerate()
            .filter(|(_, (_, c))| c.position != Position::After)
            .map(|(i, (form, _))| (form.to_lowercase(), i))
            .collect();
        currency_prefixes.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let escape_all =
            |items: &mut dyn Iterator<Item = String>| items.collect::<Vec<_>>().join("|");
        let word_alt = escape_all(&mut words.iter().map(|w| regex::escape(w)));
        let alpha_alt = escape_all(
            &mut currency_prefixes
                .iter()
                .filter(|(f, _)| f.starts_with(|c: char| c.is_ascii_alphabetic()))
                .map(|(f, _)| {
                    let tail = if f.ends_with(|c: char| c.is_ascii_alphabetic()) {
                        r"\b"
                    } else {
                        ""
                    };
                    format!(r"\b{}{tail}", regex::escape(f))
                }),
        );
        let symbol_alt = escape_all(
            &mut currency_prefixes
                .iter()
                .filter(|(f, _)| !f.starts_with(|c: char| c.is_ascii_alphabetic()))
                .map(|(f, _)| regex::escape(f)),
        );
        let pattern = format!(r"(?i-u:\b(?:{word_alt})\b|[0-9]+|{alpha_alt})|{symbol_alt}");
        let anchors = regex::RegexBuilder::new(&pattern)
            .size_limit(1 << 24)
            .build()
            .map_err(|e| data_error("numbers.tsv", 0, e.to_string()))?;

        Ok(Lexicon {
            numbers,
            suffixes,
            vague,
            modifiers,
            modifier_max_tokens,
            modifier_last,
            modifier_first,
            currency_first,
            currencies,
            currency_by_form,
            currency_max_words,
            measures,
            units,
            links,
            roles,
            context,
            hedges,
            hedge_names,
            anchors,
            currency_prefixes,
        })
    }

    /// The context kinds of a word token, trying "word." first when a period follows it.
    pub(crate) fn context_of(&self, text: &str, tok: crate::lex::Tok) -> u16 {
        let word = tok.text(text);
        let mut kinds = 0;
        if text.as_bytes().get(tok.end) == Some(&b'.') {
            kinds |= with_lower(&format!("{word}."), |w| {
                self.context.get(w).copied().unwrap_or(0)
            });
        }
        kinds | with_lower(word, |w| self.context.get(w).copied().unwrap_or(0))
    }

    /// The number-word entry for a word token.
    pub(crate) fn number_word(&self, text: &str, tok: crate::lex::Tok) -> Option<NumWord> {
        if tok.kind != crate::lex::Kind::Word {
            return None;
        }
        with_lower(tok.text(text), |w| self.numbers.get(w).copied())
    }

    /// The measure of a word token.
    pub(crate) fn measure_of(&self, text: &str, tok: crate::lex::Tok) -> Option<Measure> {
        if tok.kind != crate::lex::Kind::Word {
            return None;
        }
        with_lower(tok.text(text), |w| self.measures.get(w).map(|m| m.0))
    }

    /// The measure of a word token and whether the word is a verb form ("killed") rather
    /// than a noun ("casualties").
    pub(crate) fn measure_form(&self, text: &str, tok: crate::lex::Tok) -> Option<(Measure, bool)> {
        if tok.kind != crate::lex::Kind::Word {
            return None;
        }
        with_lower(tok.text(text), |w| self.measures.get(w).copied())
    }

    /// The attachment roles of a word token ([`role`] bits).
    pub(crate) fn role_of(&self, text: &str, tok: crate::lex::Tok) -> u16 {
        if tok.kind != crate::lex::Kind::Word {
            return 0;
        }
        with_lower(tok.text(text), |w| self.roles.get(w).copied().unwrap_or(0))
    }

    /// Whether a word token is a function word (words.tsv `stop`).
    pub(crate) fn is_function_word(&self, text: &str, tok: crate::lex::Tok) -> bool {
        self.role_of(text, tok) & role::STOP != 0
    }

    /// The link roles of a word token.
    pub(crate) fn link_of(&self, text: &str, tok: crate::lex::Tok) -> u8 {
        if tok.kind != crate::lex::Kind::Word {
            return 0;
        }
        with_lower(tok.text(text), |w| self.links.get(w).copied().unwrap_or(0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_parses() {
        let lex = Lexicon::bundled().unwrap();
        assert_eq!(lex.numbers.get("hundred"), Some(&NumWord::Scale(100.0)));
        assert_eq!(
            lex.modifiers.get("more than").map(|m| m.0),
            Some(ModKind::MoreThan)
        );
        assert_eq!(lex.modifiers.get(">=").map(|m| m.0), Some(ModKind::AtLeast));
        assert_eq!(
            lex.measures.get("casualties"),
            Some(&(Measure::Casualties, false))
        );
        assert_eq!(lex.measures.get("died"), Some(&(Measure::Killed, true)));
        assert!(lex.currency_by_form.contains_key("hong kong dollars"));
        assert!(lex.context["december"] & ctx::MONTH != 0);
    }

    #[test]
    fn phrases_normalize_like_tokens() {
        assert_eq!(normalize_phrase("More  than"), "more than");
        assert_eq!(normalize_phrase("< = "), "<=");
        assert_eq!(normalize_phrase("approx."), "approx.");
        assert_eq!(normalize_phrase("U.S. $"), "u.s.$");
    }
}
