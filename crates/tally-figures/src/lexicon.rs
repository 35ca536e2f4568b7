//! The figures lexicon: the word lists under `data/figures/`, parsed once into lookup tables
//! and one Aho-Corasick automaton of anchors (digits, number words, vague words, currency
//! signs) that finds every place a figure can start in a single pass over the text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind, StartKind};
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
    pub currencies: Vec<(String, Currency)>,
    pub currency_by_form: HashMap<String, usize>,
    pub currency_max_words: usize,
    pub measures: HashMap<String, Measure>,
    pub units: HashMap<String, String>,
    pub links: HashMap<String, u8>,
    pub context: HashMap<String, u16>,
    pub hedges: AhoCorasick,
    pub hedge_names: Vec<String>,
    pub anchors: AhoCorasick,
    pub anchor_kinds: Vec<Anchor>,
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
        let mut numbers = HashMap::new();
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

        let mut vague = HashMap::new();
        for (line, cols) in rows(VAGUE) {
            let word = column("vague.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let key = column("vague.tsv", line, &cols, 1)?.to_owned();
            let before = optional(column("vague.tsv", line, &cols, 2)?);
            let after = optional(column("vague.tsv", line, &cols, 3)?);
            vague.insert(word, VagueWord { key, before, after });
        }

        let mut modifiers = HashMap::new();
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
            modifiers.insert(normalize_phrase(phrase), (kind, position));
        }

        let mut currencies = Vec::new();
        let mut currency_by_form = HashMap::new();
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

        let mut measures = HashMap::new();
        for (line, cols) in rows(MEASURES) {
            let word = normalize_phrase(column("measures.tsv", line, &cols, 0)?);
            let name = column("measures.tsv", line, &cols, 1)?;
            let measure = Measure::parse(name).ok_or_else(|| {
                data_error("measures.tsv", line, format!("unknown measure {name:?}"))
            })?;
            measures.insert(word, measure);
        }

        let mut units = HashMap::new();
        for (line, cols) in rows(UNITS) {
            let form = column("units.tsv", line, &cols, 0)?.to_ascii_lowercase();
            let unit = column("units.tsv", line, &cols, 1)?.to_owned();
            units.insert(form, unit);
        }

        let mut links = HashMap::new();
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

        let mut context = HashMap::new();
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
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&hedge_names)
            .map_err(|e| data_error("hedges.tsv", 0, e.to_string()))?;

        // The anchor automaton: one pass finds every digit, number word, vague word and
        // currency sign; everything else is read around these on demand.
        let mut patterns: Vec<String> = Vec::new();
        let mut anchor_kinds = Vec::new();
        for d in '0'..='9' {
            patterns.push(d.to_string());
            anchor_kinds.push(Anchor::Digit);
        }
        for word in numbers.keys().chain(vague.keys()) {
            patterns.push(word.clone());
            anchor_kinds.push(Anchor::Word);
        }
        for (i, (form, currency)) in currencies.iter().enumerate() {
            if currency.position != Position::After {
                patterns.push(form.clone());
                anchor_kinds.push(Anchor::Currency(i));
            }
        }
        let anchors = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .map_err(|e| data_error("numbers.tsv", 0, e.to_string()))?;

        Ok(Lexicon {
            numbers,
            suffixes,
            vague,
            modifiers,
            modifier_max_tokens,
            currencies,
            currency_by_form,
            currency_max_words,
            measures,
            units,
            links,
            context,
            hedges,
            hedge_names,
            anchors,
            anchor_kinds,
        })
    }

    /// The context kinds of a word token, trying "word." first when a period follows it.
    pub(crate) fn context_of(&self, text: &str, tok: crate::lex::Tok) -> u16 {
        let word = tok.text(text).to_ascii_lowercase();
        let mut kinds = 0;
        if text.as_bytes().get(tok.end) == Some(&b'.') {
            kinds |= self.context.get(&format!("{word}.")).copied().unwrap_or(0);
        }
        kinds | self.context.get(&word).copied().unwrap_or(0)
    }

    /// The number-word entry for a word token.
    pub(crate) fn number_word(&self, text: &str, tok: crate::lex::Tok) -> Option<NumWord> {
        if tok.kind != crate::lex::Kind::Word {
            return None;
        }
        self.numbers
            .get(&tok.text(text).to_ascii_lowercase())
            .copied()
    }

    /// The measure of a word token.
    pub(crate) fn measure_of(&self, text: &str, tok: crate::lex::Tok) -> Option<Measure> {
        if tok.kind != crate::lex::Kind::Word {
            return None;
        }
        self.measures.get(&tok.text(text).to_lowercase()).copied()
    }

    /// The link roles of a word token.
    pub(crate) fn link_of(&self, text: &str, tok: crate::lex::Tok) -> u8 {
        if tok.kind != crate::lex::Kind::Word {
            return 0;
        }
        self.links
            .get(&tok.text(text).to_ascii_lowercase())
            .copied()
            .unwrap_or(0)
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
        assert_eq!(lex.measures.get("casualties"), Some(&Measure::Casualties));
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
