//! The word lists the segmenter consults, embedded from `data/text/` at compile time:
//! abbreviations (and how each behaves at a sentence end), common sentence openers, and
//! apostrophe elisions ('em, 'til).
//!
//! The lists are parsed once, on first use. A malformed line is skipped and recorded in
//! [`Lexicon::problems`]; a unit test keeps the bundled files free of problems, so library
//! code never has to fail or panic on them.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::LazyLock;

const ABBREVIATIONS: &str = include_str!("../../../data/text/abbreviations.txt");
const STARTERS: &str = include_str!("../../../data/text/sentence_starters.txt");
const ELISIONS: &str = include_str!("../../../data/text/elisions.txt");
const LETTER_NAMES: &str = include_str!("../../../data/text/letter_names.txt");

/// The longest abbreviation or starter looked up; longer words are never in the lists, and
/// the bound lets lookups lower-case into a stack buffer instead of allocating.
const MAX_KEY: usize = 16;

/// How an abbreviation behaves when a sentence might end after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevClass {
    /// Comes before a name or word and never ends a sentence ("Gen.", "Mr.", "St.").
    Prefix,
    /// Comes before a number ("No. 4"); ends a sentence when no number follows.
    Number,
    /// May end a sentence; breaks only before a common sentence opener ("U.S.", "Dec.").
    End,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    class: AbbrevClass,
    /// Written with a capital in the list: the word must start with a capital too, so
    /// that "No." matches and the word "no." does not.
    needs_capital: bool,
}

/// The parsed lists.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    /// Lower-cased abbreviation without its final period.
    abbreviations: HashMap<String, Entry>,
    /// Lower-cased sentence openers.
    starters: HashSet<String>,
    /// Lower-cased elisions without the apostrophe.
    elisions: Vec<String>,
    /// One-letter names of things ("X", the platform), as written.
    letter_names: Vec<String>,
    /// Malformed or duplicate lines, as `file:line: problem`.
    problems: Vec<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::bundled);

/// The bundled lexicon.
pub(crate) fn lexicon() -> &'static Lexicon {
    &LEXICON
}

impl Lexicon {
    fn bundled() -> Lexicon {
        let mut lexicon = Lexicon::default();
        lexicon.add_abbreviations("abbreviations.txt", ABBREVIATIONS);
        for (line_no, word) in data_lines(STARTERS) {
            if word.len() > MAX_KEY || word.contains(char::is_whitespace) {
                lexicon.problems.push(format!(
                    "sentence_starters.txt:{line_no}: bad word {word:?}"
                ));
            } else if !lexicon.starters.insert(word.to_lowercase()) {
                lexicon.problems.push(format!(
                    "sentence_starters.txt:{line_no}: duplicate {word:?}"
                ));
            }
        }
        for (_, word) in data_lines(ELISIONS) {
            lexicon.elisions.push(word.to_lowercase());
        }
        for (_, word) in data_lines(LETTER_NAMES) {
            lexicon.letter_names.push(word.to_owned());
        }
        lexicon
    }

    fn add_abbreviations(&mut self, name: &str, text: &str) {
        for (line_no, line) in data_lines(text) {
            let mut fields = line.split('\t');
            let (Some(written), Some(class), None) = (fields.next(), fields.next(), fields.next())
            else {
                self.problems.push(format!(
                    "{name}:{line_no}: expected `ABBREV<TAB>CLASS`: {line:?}"
                ));
                continue;
            };
            let class = match class.trim() {
                "prefix" => AbbrevClass::Prefix,
                "number" => AbbrevClass::Number,
                "end" => AbbrevClass::End,
                other => {
                    self.problems
                        .push(format!("{name}:{line_no}: unknown class {other:?}"));
                    continue;
                }
            };
            let Some(stem) = written.strip_suffix('.') else {
                self.problems.push(format!(
                    "{name}:{line_no}: {written:?} does not end in a period"
                ));
                continue;
            };
            if stem.is_empty() || stem.len() > MAX_KEY || !stem.is_ascii() {
                self.problems
                    .push(format!("{name}:{line_no}: bad abbreviation {written:?}"));
                continue;
            }
            let entry = Entry {
                class,
                needs_capital: stem.starts_with(|c: char| c.is_ascii_uppercase()),
            };
            if self
                .abbreviations
                .insert(stem.to_ascii_lowercase(), entry)
                .is_some()
            {
                self.problems
                    .push(format!("{name}:{line_no}: duplicate {written:?}"));
            }
        }
    }

    /// The class of `word` (without its final period) if it is a listed abbreviation.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        let mut buf = [0u8; MAX_KEY];
        let key = lower_ascii(word, &mut buf)?;
        let entry = self.abbreviations.get(key)?;
        if entry.needs_capital && !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        Some(entry.class)
    }

    /// Whether `word` is a capitalized common sentence opener ("The", "THE", "However").
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        if !word.starts_with(|c: char| c.is_ascii_uppercase()) {
            return false;
        }
        let mut buf = [0u8; MAX_KEY];
        lower_ascii(word, &mut buf).is_some_and(|key| self.starters.contains(key))
    }

    /// Whether `word` is a one-letter name of a thing ("X"), not an initial, when a
    /// lower-case word comes before it.
    pub(crate) fn is_letter_name(&self, word: &str) -> bool {
        self.letter_names.iter().any(|n| n == word)
    }

    /// Whether `rest` (the text right after a single quote mark) starts with an elision
    /// such as "em" or "til" followed by a non-letter; returns the elision's length.
    pub(crate) fn elision(&self, rest: &str) -> Option<usize> {
        self.elisions.iter().find_map(|e| {
            let head = rest.get(..e.len())?;
            let after = rest[e.len()..].chars().next();
            (head.eq_ignore_ascii_case(e) && !after.is_some_and(char::is_alphanumeric))
                .then_some(e.len())
        })
    }

    /// Malformed lines found while parsing, for the data test.
    #[cfg(test)]
    pub(crate) fn problems(&self) -> &[String] {
        &self.problems
    }
}

/// Non-comment, non-blank lines with their 1-based numbers, trimmed of trailing space.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim_end()))
        .filter(|(_, line)| !line.is_empty() && !line.starts_with('#'))
}

/// Lower-cases an ASCII word into `buf`; `None` when it is not ASCII or too long (such
/// words are in none of the lists).
fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; MAX_KEY]) -> Option<&'b str> {
    if word.len() > MAX_KEY || !word.is_ascii() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_lists_parse_cleanly() {
        let problems = lexicon().problems();
        assert!(problems.is_empty(), "{problems:#?}");
        assert!(lexicon().abbreviations.len() > 100);
        assert!(lexicon().starters.len() > 50);
    }

    #[test]
    fn abbreviation_case_rules() {
        let lex = lexicon();
        assert_eq!(lex.abbreviation("Gen"), Some(AbbrevClass::Prefix));
        assert_eq!(lex.abbreviation("GEN"), Some(AbbrevClass::Prefix));
        assert_eq!(lex.abbreviation("gen"), None, "written with a capital");
        assert_eq!(lex.abbreviation("No"), Some(AbbrevClass::Number));
        assert_eq!(lex.abbreviation("no"), None, "the word no. ends sentences");
        assert_eq!(lex.abbreviation("Dec"), Some(AbbrevClass::End));
        assert_eq!(lex.abbreviation("etc"), Some(AbbrevClass::End));
        assert_eq!(lex.abbreviation("ETC"), Some(AbbrevClass::End));
        assert_eq!(lex.abbreviation("Lt.Col"), Some(AbbrevClass::Prefix));
        assert_eq!(lex.abbreviation("official"), None);
        assert_eq!(lex.abbreviation("Kraków"), None);
    }

    #[test]
    fn starters_need_a_capital() {
        let lex = lexicon();
        assert!(lex.is_starter("The"));
        assert!(lex.is_starter("THE"));
        assert!(!lex.is_starter("the"));
        assert!(!lex.is_starter("President"));
    }

    #[test]
    fn elisions_need_a_word_end() {
        let lex = lexicon();
        assert_eq!(lex.elision("em all"), Some(2));
        assert_eq!(lex.elision("n' roll"), Some(1));
        assert_eq!(lex.elision("emergency"), None);
        assert_eq!(lex.elision("Several"), None);
    }
}
