//! The time vocabulary, read from `data/times/` at build time of the extractor, and the
//! trigger set that finds where in a text time expressions can start.

use tally_core::{ExtractError, TimexMod};

use crate::fnv::FnvMap;
use crate::scan::WordTriggers;
use crate::shape::WordMap;

const WORDS: &str = include_str!("../../../data/times/words.tsv");
const MODIFIERS: &str = include_str!("../../../data/times/modifiers.tsv");
const HOLIDAYS: &str = include_str!("../../../data/times/holidays.tsv");
const TENSE: &str = include_str!("../../../data/times/tense.tsv");

/// Trigger phrases besides the words of `words.tsv` and `holidays.tsv`.
const PHRASE_TRIGGERS: &[&str] = &["latest period"];

/// A TIMEX3 unit of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Year,
    Month,
    Week,
    Day,
    Hour,
    Minute,
    Second,
    Quarter,
    Decade,
    Century,
    HalfYear,
    Weekend,
    Fortnight,
    Millennium,
}

impl Unit {
    fn parse(code: &str) -> Option<Unit> {
        Some(match code {
            "Y" => Unit::Year,
            "M" => Unit::Month,
            "W" => Unit::Week,
            "D" => Unit::Day,
            "H" => Unit::Hour,
            "MIN" => Unit::Minute,
            "S" => Unit::Second,
            "Q" => Unit::Quarter,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "HY" => Unit::HalfYear,
            "WE" => Unit::Weekend,
            "FN" => Unit::Fortnight,
            "ML" => Unit::Millennium,
            _ => return None,
        })
    }

    /// Whether ISO 8601 writes this unit after the `T` of a duration.
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Hour | Unit::Minute | Unit::Second)
    }
}

/// A part of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// A TIMEX3 part-of-day code: `MO`, `AF`, `EV`, `NI`.
    Code(&'static str),
    /// A clock time: noon, midnight (24:00, as TIMEX3 writes it).
    Clock(u32, u32),
}

/// TIMEX3 reference values.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RefKind {
    Past,
    Present,
    Future,
}

impl RefKind {
    fn parse(value: &str) -> Option<RefKind> {
        match value {
            "PAST_REF" => Some(RefKind::Past),
            "PRESENT_REF" => Some(RefKind::Present),
            "FUTURE_REF" => Some(RefKind::Future),
            _ => None,
        }
    }

    pub(crate) fn value(self) -> &'static str {
        match self {
            RefKind::Past => "PAST_REF",
            RefKind::Present => "PRESENT_REF",
            RefKind::Future => "FUTURE_REF",
        }
    }
}

/// What a word can be, from `words.tsv`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Class {
    Month(u32),
    Weekday(u32),
    Unit(Unit),
    Number(f64),
    Ordinal(u32),
    Vague,
    Part(Part),
    Season(&'static str),
    /// A recurrence adjective: count and unit of the period ("biweekly" → 2 weeks).
    SetAdj(u32, Unit),
    Ref(RefKind),
    Deictic(i64),
    Keyword(RefKind),
    /// A time zone abbreviation after a clock time.
    Zone,
    /// The century word of a year said aloud ("nineteen" in "nineteen ninety-six").
    Spoken(i64),
    /// A decade in words ("nineties"), by its first year.
    DecadeWord(i64),
}

/// Where a modifier applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ModScope {
    Point,
    Amount,
}

/// A modifier phrase from `modifiers.tsv`.
#[derive(Clone, Debug)]
pub(crate) struct Modifier {
    pub words: Vec<&'static str>,
    pub modifier: Option<TimexMod>,
    pub scope: ModScope,
}

/// How a named day is dated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HolidayRule {
    Fixed(u32, u32),
    NthWeekday { n: i32, weekday: u32, month: u32 },
    Easter(i64),
}

/// A named day from `holidays.tsv`.
#[derive(Clone, Debug)]
pub(crate) struct Holiday {
    pub words: Vec<&'static str>,
    pub rule: HolidayRule,
}

/// Tense of a clause, as cued by a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    /// A past reporting verb ("said"): past, but about the report, not what is reported.
    Reporting,
    /// Looks like a past form but is not one ("need", "hundred").
    None,
    /// The end of a period still running or just reported on ("through September"): the
    /// nearest, the coming one on a tie. Never read from `tense.tsv`.
    Through,
    /// A present form of a verb of events kept on a schedule ("the central bank meets in
    /// June", "voting begins Saturday"): ahead, unless an auxiliary before it says
    /// otherwise ("did not begin until March").
    Scheduled,
}

/// What the tense scanner needs to know about a word, in one lookup.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Listed in `tense.tsv`.
    pub listed: bool,
    /// Its tense there (`None` for words listed as `none`).
    pub tense: Option<Tense>,
    /// Closed-class flags ([`crate::tense::FLAGGED`], [`crate::tense::TIME_WORD`]).
    pub flags: u16,
}

/// The whole vocabulary plus the trigger set.
pub(crate) struct Lexicon {
    words: WordMap<&'static str, Vec<Class>>,
    pub modifiers: Vec<Modifier>,
    pub holidays: Vec<Holiday>,
    /// The holidays by the token their name starts with ([`holiday_head`]), longest first,
    /// so a capitalized word meets only its own.
    holiday_heads: WordMap<&'static str, Vec<Holiday>>,
    /// Nouns a season word before them modifies ("the fall campaign"): words.tsv class
    /// `seasonal`, kept out of the class table (they date nothing themselves).
    seasonal: WordMap<&'static str, ()>,
    /// Words of a game (words.tsv class `match`), and whether each marks a sentence as
    /// about one (`cue`) or only has halves of its own (`part`).
    game_words: WordMap<&'static str, bool>,
    /// Tense cues, closed-class words and time words, for the tense scanner.
    info: WordMap<&'static str, WordInfo>,
    /// Modifier phrases by first word (longest first), so a token meets only its own.
    modifier_heads: WordMap<&'static str, Vec<Modifier>>,
    /// Finds words that can start or anchor a time expression, and time-like digit runs.
    pub triggers: WordTriggers,
}

fn data_error(file: &str, line: usize, message: impl Into<String>) -> ExtractError {
    ExtractError::Data {
        what: "times",
        source_name: format!("data/times/{file} line {line}"),
        message: message.into(),
    }
}

/// Non-comment, non-blank lines with their 1-based numbers, split on tabs.
fn rows(text: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

fn parse_mod(code: &str) -> Option<Option<TimexMod>> {
    Some(Some(match code {
        "-" => return Some(None),
        "START" => TimexMod::Start,
        "MID" => TimexMod::Mid,
        "END" => TimexMod::End,
        "APPROX" => TimexMod::Approx,
        "BEFORE" => TimexMod::Before,
        "AFTER" => TimexMod::After,
        "LESS_THAN" => TimexMod::LessThan,
        "MORE_THAN" => TimexMod::MoreThan,
        "EQUAL_OR_LESS" => TimexMod::EqualOrLess,
        "EQUAL_OR_MORE" => TimexMod::EqualOrMore,
        "ON_OR_BEFORE" => TimexMod::OnOrBefore,
        "ON_OR_AFTER" => TimexMod::OnOrAfter,
        _ => return None,
    }))
}

fn parse_class(class: &str, value: &'static str) -> Option<Class> {
    Some(match class {
        "month" => Class::Month(value.parse().ok().filter(|m| (1..=12).contains(m))?),
        "weekday" => Class::Weekday(value.parse().ok().filter(|d| (1..=7).contains(d))?),
        "unit" => Class::Unit(Unit::parse(value)?),
        "number" => Class::Number(value.parse().ok()?),
        "ordinal" => Class::Ordinal(value.parse().ok()?),
        "vague" => Class::Vague,
        "part" => Class::Part(match value {
            "MO" => Part::Code("MO"),
            "AF" => Part::Code("AF"),
            "EV" => Part::Code("EV"),
            "NI" => Part::Code("NI"),
            clock => {
                let (h, m) = clock.split_once(':')?;
                Part::Clock(h.parse().ok()?, m.parse().ok()?)
            }
        }),
        "season" => Class::Season(match value {
            "SP" | "SU" | "FA" | "WI" => value,
            _ => return None,
        }),
        "setadj" => {
            let digits = value.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let count = if digits.is_empty() {
                1
            } else {
                digits.parse().ok()?
            };
            Class::SetAdj(count, Unit::parse(&value[digits.len()..])?)
        }
        "ref" => Class::Ref(RefKind::parse(value)?),
        "keyword" => Class::Keyword(RefKind::parse(value)?),
        "deictic" => Class::Deictic(value.parse().ok()?),
        "zone" => Class::Zone,
        "spoken" => Class::Spoken(value.parse().ok()?),
        "decade" => Class::DecadeWord(value.parse().ok()?),
        _ => return None,
    })
}

fn parse_holiday(rule: &str) -> Option<HolidayRule> {
    if let Some(offset) = rule.strip_prefix("easter:") {
        return Some(HolidayRule::Easter(offset.parse().ok()?));
    }
    if let Some(spec) = rule.strip_prefix("nth:") {
        let mut parts = spec.split(':');
        let n = parts.next()?.parse().ok()?;
        let weekday = parts.next()?.parse().ok().filter(|d| (1..=7).contains(d))?;
        let month = parts
            .next()?
            .parse()
            .ok()
            .filter(|m| (1..=12).contains(m))?;
        return Some(HolidayRule::NthWeekday { n, weekday, month });
    }
    let (m, d) = rule.split_once('-')?;
    Some(HolidayRule::Fixed(m.parse().ok()?, d.parse().ok()?))
}

/// The first token a phrase word is matched against ([`crate::grammar`]'s `phrase`): the
/// apostrophe of "'s", the part before the apostrophe of "valentine's", else the word.
fn holiday_head(word: &'static str) -> &'static str {
    if word == "'s" {
        return "'";
    }
    word.split('\'').next().unwrap_or(word)
}

impl Lexicon {
    /// Reads the bundled data and builds the trigger set.
    pub(crate) fn bundled() -> Result<Lexicon, ExtractError> {
        let mut words: FnvMap<&'static str, Vec<Class>> = FnvMap::default();
        let mut triggers: Vec<String> = Vec::new();
        let mut seasonal: FnvMap<&'static str, ()> = FnvMap::default();
        let mut game_words: FnvMap<&'static str, bool> = FnvMap::default();
        for (line, cols) in rows(WORDS) {
            let [word, class, value] = cols[..] else {
                return Err(data_error("words.tsv", line, "expected WORD, CLASS, VALUE"));
            };
            if class == "seasonal" {
                seasonal.insert(word, ());
                continue;
            }
            if class == "match" {
                game_words.insert(word, value == "cue");
                continue;
            }
            let parsed = parse_class(class, value).ok_or_else(|| {
                data_error(
                    "words.tsv",
                    line,
                    format!("bad class/value {class:?} {value:?}"),
                )
            })?;
            // Numbers, ordinals and vague amounts only ever extend an expression that has
            // a time word, so they do not wake the scanner.
            if !matches!(
                parsed,
                Class::Number(_) | Class::Ordinal(_) | Class::Vague | Class::Zone
            ) {
                triggers.push(word.to_owned());
            }
            words.entry(word).or_default().push(parsed);
        }
        let mut modifiers = Vec::new();
        for (line, cols) in rows(MODIFIERS) {
            let [phrase, code, scope] = cols[..] else {
                return Err(data_error(
                    "modifiers.tsv",
                    line,
                    "expected PHRASE, MOD, SCOPE",
                ));
            };
            let modifier = parse_mod(code)
                .ok_or_else(|| data_error("modifiers.tsv", line, format!("bad mod {code:?}")))?;
            let scope = match scope {
                "point" => ModScope::Point,
                "amount" => ModScope::Amount,
                other => {
                    return Err(data_error(
                        "modifiers.tsv",
                        line,
                        format!("bad scope {other:?}"),
                    ));
                }
            };
            modifiers.push(Modifier {
                words: phrase.split(' ').collect(),
                modifier,
                scope,
            });
        }
        // Longest phrases first, so "no more than" wins over "more than".
        modifiers.sort_by_key(|m| std::cmp::Reverse(m.words.len()));
        let mut holidays = Vec::new();
        for (line, cols) in rows(HOLIDAYS) {
            let [name, rule] = cols[..] else {
                return Err(data_error("holidays.tsv", line, "expected NAME, RULE"));
            };
            let rule = parse_holiday(rule)
                .ok_or_else(|| data_error("holidays.tsv", line, format!("bad rule {rule:?}")))?;
            let words: Vec<&'static str> = name.split(' ').collect();
            // A holiday wakes the scanner by its first word only when no word of it does
            // already: "Good Friday" has "friday", "Labor Day" has "day", and "good" or
            // "labor" alone would wake it for nothing.
            let covered = words
                .iter()
                .any(|w| triggers.iter().any(|t| t == w.trim_end_matches("'s")));
            if let (Some(first), false) = (words.first(), covered) {
                triggers.push((*first).to_owned());
            }
            holidays.push(Holiday { words, rule });
        }
        holidays.sort_by_key(|h| std::cmp::Reverse(h.words.len()));
        let mut tense = FnvMap::default();
        for (line, cols) in rows(TENSE) {
            let [word, t] = cols[..] else {
                return Err(data_error("tense.tsv", line, "expected WORD, TENSE"));
            };
            let t = match t {
                "past" => Tense::Past,
                "present" => Tense::Present,
                "future" => Tense::Future,
                "scheduled" => Tense::Scheduled,
                "reporting" => Tense::Reporting,
                "none" => Tense::None,
                other => {
                    return Err(data_error(
                        "tense.tsv",
                        line,
                        format!("bad tense {other:?}"),
                    ));
                }
            };
            tense.insert(word, t);
        }
        // Phrases with no time word that still name one: "the latest period" in a results
        // story is the quarter reported on.
        let triggers = WordTriggers::new(
            triggers.iter().map(String::as_str),
            PHRASE_TRIGGERS.iter().copied(),
        );
        let mut info: FnvMap<&'static str, WordInfo> = FnvMap::default();
        for (&word, &t) in &tense {
            let e = info.entry(word).or_default();
            e.listed = true;
            e.tense = (t != Tense::None).then_some(t);
        }
        for &(flag, list) in crate::tense::FLAGGED {
            for &word in list {
                info.entry(word).or_default().flags |= flag;
            }
        }
        for &word in words.keys() {
            info.entry(word).or_default().flags |= crate::tense::TIME_WORD;
        }
        let mut holiday_heads: FnvMap<&'static str, Vec<Holiday>> = FnvMap::default();
        for h in &holidays {
            if let Some(first) = h.words.first() {
                holiday_heads
                    .entry(holiday_head(first))
                    .or_default()
                    .push(h.clone());
            }
        }
        let mut modifier_heads: FnvMap<&'static str, Vec<Modifier>> = FnvMap::default();
        for m in &modifiers {
            if let Some(first) = m.words.first() {
                modifier_heads.entry(first).or_default().push(m.clone());
            }
        }
        Ok(Lexicon {
            words: WordMap::new(words),
            modifier_heads: WordMap::new(modifier_heads),
            modifiers,
            holidays,
            holiday_heads: WordMap::new(holiday_heads),
            info: WordMap::new(info),
            seasonal: WordMap::new(seasonal),
            game_words: WordMap::new(game_words),
            triggers,
        })
    }

    /// Whether a season word before this lowercase noun modifies it ("the fall campaign").
    pub(crate) fn is_seasonal(&self, lower: &str) -> bool {
        self.seasonal.get(lower).is_some()
    }

    /// Whether this lowercase word names a game, which has halves and quarters of its own
    /// ("the first half of the match").
    pub(crate) fn is_game(&self, lower: &str) -> bool {
        self.game_words.get(lower).is_some()
    }

    /// Whether this lowercase word marks its sentence as about a game ("scored").
    pub(crate) fn is_game_cue(&self, lower: &str) -> bool {
        self.game_words.get(lower).copied().unwrap_or(false)
    }

    /// The modifier phrases starting with a lowercase word, longest first.
    pub(crate) fn modifiers_from(&self, lower: &str) -> &[Modifier] {
        self.modifier_heads.get(lower).map_or(&[], Vec::as_slice)
    }

    /// The holidays whose name starts with a token of this lowercase text, longest first.
    pub(crate) fn holidays_from(&self, lower: &str) -> &[Holiday] {
        self.holiday_heads.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Every class of a lowercase word.
    pub(crate) fn classes(&self, lower: &str) -> &[Class] {
        self.words.get(lower).map_or(&[], Vec::as_slice)
    }

    /// What the tense scanner needs to know about a lowercase word.
    pub(crate) fn info(&self, lower: &str) -> WordInfo {
        self.info.get(lower).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_data_loads() {
        let lex = Lexicon::bundled().unwrap();
        assert_eq!(lex.classes("june"), &[Class::Month(6)]);
        assert!(lex.classes("second").contains(&Class::Unit(Unit::Second)));
        assert!(lex.classes("second").contains(&Class::Ordinal(2)));
        assert_eq!(lex.info("said").tense, Some(Tense::Reporting));
        assert!(
            !lex.info("signed").listed,
            "-ed forms are past without a listing"
        );
        assert_eq!(lex.info("hundred").tense, None);
        assert!(lex.info("hundred").listed);
        assert_eq!(lex.info("will").tense, Some(Tense::Future));
        assert!(lex.holidays.iter().any(|h| h.words == ["thanksgiving"]));
        assert_eq!(lex.modifiers[0].words.len(), 3, "longest first");
    }

    #[test]
    fn holidays_by_first_token_keep_their_order() {
        let lex = Lexicon::bundled().unwrap();
        let names = |w: &str| -> Vec<String> {
            lex.holidays_from(w)
                .iter()
                .map(|h| h.words.join(" "))
                .collect()
        };
        // Each head's holidays in the order of the full list (longest first).
        for head in ["christmas", "new", "valentine", "easter", "thanksgiving"] {
            let all: Vec<String> = lex
                .holidays
                .iter()
                .filter(|h| h.words.first().is_some_and(|w| holiday_head(w) == head))
                .map(|h| h.words.join(" "))
                .collect();
            assert!(!all.is_empty(), "{head}");
            assert_eq!(names(head), all, "{head}");
        }
        assert_eq!(names("valentine"), ["valentine's day"]);
        assert!(names("day").is_empty() && names("valentine's").is_empty());
    }
}
