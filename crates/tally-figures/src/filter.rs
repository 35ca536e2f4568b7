//! Not figures: amounts the recognizer finds that count nothing. Years, dates, clock times,
//! ages, ordinals, durations, phone numbers, codes and identifiers ("No. 2", "Article 5",
//! "A320"), scores, and "one" used as a pronoun.
//!
//! Each rule looks at most a few words around the amount (context words are in
//! `data/figures/not_figures.tsv`), so filtering is constant work per amount.

use std::ops::Range;

use crate::convention::Base;
use crate::lex::{self, Kind, Tok};
use crate::lexicon::{Lexicon, ModKind, NumWord, ctx, role};
use crate::number::{NumKind, flags};
use crate::quantity::Quantity;

/// Why an amount is not a figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotFigure {
    /// Not a usable number: too large, glued to letters, part of a dotted or slashed code.
    Malformed,
    /// An ordinal ("18th") or a decade ("1990s").
    Ordinal,
    /// A year ("2022", "in 2024").
    Year,
    /// A day of a month ("December 18").
    Date,
    /// A clock time ("10:30", "3 p.m.").
    Clock,
    /// An age ("a 45-year-old", "aged 45", "Smith, 45,").
    Age,
    /// A duration, which the times layer owns ("three days", "over several days").
    Duration,
    /// An identifier, position or label ("No. 2", "page 3", "Resolution 2231").
    Label,
    /// A phone number, score or other hyphen-joined code ("555-0100", "3-1").
    Code,
    /// "one" as a pronoun ("one of the", "no one").
    Pronoun,
    /// A bare fraction word without "of" ("half-time").
    BareFraction,
}

fn next_word(text: &str, pos: usize) -> Option<Tok> {
    lex::next(text, pos)
}

/// The word after an amount, skipping a hyphen ("10-year") and closing quotes.
fn word_after(text: &str, pos: usize) -> Option<Tok> {
    let mut t = next_word(text, pos)?;
    for _ in 0..2 {
        if t.kind == Kind::Punct
            && matches!(t.text(text), "-" | "\"" | "\u{201d}" | "'" | "\u{2019}")
        {
            t = next_word(text, t.end)?;
        }
    }
    Some(t)
}

/// Whether the word is a counted noun: in the measure lexicon, or a lowercase plural that is
/// not a function word.
pub(crate) fn is_count_noun(lexicon: &Lexicon, text: &str, tok: Tok) -> bool {
    if tok.kind != Kind::Word {
        return false;
    }
    if lexicon.measure_of(text, tok).is_some() {
        return true;
    }
    let w = tok.text(text);
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("'s")
        && !w.ends_with("\u{2019}s")
        && w.chars().next().is_some_and(char::is_lowercase)
        && !matches!(
            w,
            "this" | "thus" | "plus" | "news" | "always" | "perhaps" | "whereas"
        )
}

/// Why `q` is not a figure, or `None` when it is one. `caps` says the text around is in
/// capitals throughout, where case tells names from common words no more.
pub(crate) fn not_figure(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    caps: bool,
) -> Option<NotFigure> {
    if q.flags & (flags::HUGE | flags::GLUED | flags::DOTTED | flags::SLASHED | flags::LEADING_ZERO)
        != 0
    {
        return Some(NotFigure::Malformed);
    }
    if q.flags & (flags::ORDINAL | flags::DECADE) != 0 {
        return Some(NotFigure::Ordinal);
    }
    if q.flags & flags::APOSTROPHE_YEAR != 0 {
        return Some(NotFigure::Year);
    }
    if q.flags & flags::COLON != 0 {
        return Some(NotFigure::Clock);
    }
    if q.flags & flags::DASHED != 0 {
        return Some(NotFigure::Code);
    }
    let money = q.currency.is_some();
    let percent = q.percent.is_some();
    let after = word_after(text, q.span.end);
    let before = word_before(lexicon, text, q.span.start);
    let before_kinds = before.map_or(0, |t| lexicon.context_of(text, t));
    let mut after_kinds = after.map_or(0, |t| lexicon.context_of(text, t));
    if after_kinds & ctx::TIME_ADJ != 0
        && let Some(t) = after.and_then(|t| word_after(text, t.end))
        // "2,500 last year", "40 next month": a time after the amount, not its unit ("at
        // 2200 last night" stays a clock time).
        && !(after.is_some_and(|a| {
            ["last", "next", "past", "previous"]
                .iter()
                .any(|w| a.text(text).eq_ignore_ascii_case(w))
        }) && ["year", "month", "week", "quarter", "season", "decade"]
            .iter()
            .any(|w| t.text(text).eq_ignore_ascii_case(w)))
    {
        // "six straight days", "two consecutive years".
        after_kinds |= lexicon.context_of(text, t) & ctx::TIME_UNIT;
    }

    // Durations belong to the times layer: "three days", "over several days", "a 10-year
    // sentence", "24 hours".
    if !money && !percent && after_kinds & ctx::TIME_UNIT != 0 {
        return Some(NotFigure::Duration);
    }
    if !money && !percent && after_kinds & ctx::CLOCK != 0 {
        return Some(NotFigure::Clock);
    }
    if money || percent {
        return None;
    }
    let first = q.nums.first()?;
    // Scientific notation is not news style; "7e7" is an aircraft.
    if first.kind == NumKind::Power {
        return Some(NotFigure::Malformed);
    }

    // Digit fractions ("3/4") are codes or dates unless they are "of" something.
    if first.kind == NumKind::Fraction
        && !first.words
        && first.flags & (flags::RATIO | flags::MIXED) == 0
        && !after.is_some_and(|t| t.is(text, "of"))
    {
        return Some(NotFigure::Code);
    }
    if first.flags & flags::BARE_FRACTION != 0 && !after.is_some_and(|t| t.is(text, "of")) {
        return Some(NotFigure::BareFraction);
    }
    if is_article_ordinal(lexicon, text, q, after) || is_ordinal_half(text, q, before) {
        return Some(NotFigure::Ordinal);
    }

    // Ages: "a 45-year-old", "45 years old", "aged 45", "John Smith, 45, said".
    if is_age(lexicon, text, q, before, before_kinds) {
        return Some(NotFigure::Age);
    }

    // Dates: a day next to a month ("December 18", "18 Dec.", "the 18th of December").
    let small = first.plain_digits.is_some() && first.value <= 31.0 && first.value >= 1.0;
    if small
        && (before_kinds & (ctx::MONTH | ctx::WEEKDAY) != 0
            || after_kinds & ctx::MONTH != 0
            || after.is_some_and(|t| t.is(text, "of"))
                && after
                    .and_then(|t| next_word(text, t.end))
                    .is_some_and(|t| lexicon.context_of(text, t) & ctx::MONTH != 0))
    {
        return Some(NotFigure::Date);
    }

    // "Sept. 18 and 19", "March 3 or 4": a second day of the same month.
    if small
        && q.nums.len() == 1
        && before.is_some_and(|b| b.is(text, "and") || b.is(text, "or"))
        && let Some(day) = before.and_then(|b| lex::prev(text, b.start))
        && day.kind == Kind::Digits
        && day.end - day.start <= 2
        && word_before(lexicon, text, day.start)
            .is_some_and(|m| lexicon.context_of(text, m) & ctx::MONTH != 0)
    {
        return Some(NotFigure::Date);
    }

    // A two-digit year after a day and a month ("3 JAN 90", "29 May 89").
    if first.plain_digits == Some(2)
        && q.nums.len() == 1
        && before_kinds & ctx::MONTH != 0
        && before
            .and_then(|m| lex::prev(text, m.start))
            .is_some_and(|d| d.kind == Kind::Digits && d.end - d.start <= 2)
    {
        return Some(NotFigure::Year);
    }

    // Years: four plain digits in the range of years, unless they count something.
    if q.nums.iter().all(is_year_like) {
        // "2000 soldiers", "more than 2000 tourists"; but "the 2024 elections" is a year.
        // "Earthquakes in February 2023 killed 53,000", "Floods in 2022 killed 1,700": a
        // year after its month, or after "in" before a verb, is when, not who.
        let dated = before_kinds & ctx::MONTH != 0
            || before.is_some_and(|b| b.is(text, "in"))
                && after.is_some_and(|t| lexicon.measure_form(text, t).is_some_and(|(_, v)| v));
        let counts = !dated && after.is_some_and(|t| lexicon.measure_of(text, t).is_some())
            || q.modifier
                .as_ref()
                .is_some_and(|m| m.kind != ModKind::Exact)
                && after.is_some_and(|t| is_count_noun(lexicon, text, t));
        if !counts {
            return Some(NotFigure::Year);
        }
    }

    // Scores and codes: "3-1", "SCP-173" (a hyphen joins digits but did not make a range).
    let bytes = text.as_bytes();
    let hyphen_after = bytes.get(q.amount.end) == Some(&b'-')
        && bytes.get(q.amount.end + 1).is_some_and(u8::is_ascii_digit);
    let hyphen_before = q.amount.start >= 2
        && bytes.get(q.amount.start - 1) == Some(&b'-')
        && bytes
            .get(q.amount.start - 2)
            .is_some_and(|b| b.is_ascii_alphanumeric());
    if !q.range && (hyphen_after || hyphen_before || split_ratio(text, q.amount.clone())) {
        return Some(NotFigure::Code);
    }

    // "dozens of 911 calls", "a 999 call": an emergency number names the line it rings.
    if first.plain_digits.is_some()
        && q.nums.len() == 1
        && q.modifier.is_none()
        && q.unit.is_none()
        && after_kinds & ctx::HOTLINE_NOUN != 0
        && lex::next(text, q.amount.start)
            .is_some_and(|t| lexicon.context_of(text, t) & ctx::HOTLINE != 0)
    {
        return Some(NotFigure::Label);
    }

    // More than twelve digits with no separators: an identifier (a tweet or order id, an
    // account number); news writes amounts that large with commas or scale words.
    if first.plain_digits.is_some_and(|n| n > 12) {
        return Some(NotFigure::Code);
    }
    // Labels: "No. 2", "page 3", "Article 5", "#2", "Resolution 2231", and "a 737" (an
    // article before bare digits names a thing, it does not count).
    if before_kinds & ctx::LABEL != 0
        || before.is_some_and(|t| t.is(text, "#"))
        || first.plain_digits.is_some() && !caps && week_number(lexicon, text, before)
        // "Hospital No 17", "No 10 Downing Street": British style drops the period, and
        // only the capital tells the label from the determiner ("no 17-year-old").
        || first.plain_digits.is_some() && before.is_some_and(|t| matches!(t.text(text), "No" | "Nos"))
        || first.plain_digits.is_some()
            && q.modifier.is_none()
            && q.unit.is_none()
            && before.is_some_and(|t| t.is(text, "a") || t.is(text, "an"))
    {
        return Some(NotFigure::Label);
    }
    // "a .45-caliber pistol", "a 12-gauge shotgun", "a nine-story building": the number
    // names a size class. A story, lane or star only when hyphenated ("at least one lane
    // will remain open" counts).
    if after_kinds & ctx::DESIGNATION != 0
        && (text.as_bytes().get(q.span.end) == Some(&b'-')
            || after.is_some_and(|t| {
                ["caliber", "calibre", "gauge"]
                    .iter()
                    .any(|w| t.is(text, w))
            }))
    {
        return Some(NotFigure::Label);
    }
    // "their 737 airliner", "the 747 fleet": bare digits before a singular noun name a
    // model; a count takes a plural ("737 jets", "the 300 hostages").
    if !caps
        && first.plain_digits.is_some_and(|n| n >= 3)
        && q.nums.len() == 1
        && q.modifier.is_none()
        && q.post_modifier.is_none()
        && q.unit.is_none()
        && singular_head(lexicon, text, q.span.end)
    {
        return Some(NotFigure::Label);
    }
    // "fewer than 50 737 jets", "three 787 Dreamliners": bare digits between an amount and
    // its noun name a model.
    if !caps
        && q.nums.len() == 1
        && q.modifier.is_none()
        && q.post_modifier.is_none()
        && q.unit.is_none()
        && !first.scaled
        && lex::next(text, q.span.start).is_some_and(|t| is_model_number(lexicon, text, t))
        && amount_just_before(lexicon, text, q.span.start)
    {
        return Some(NotFigure::Label);
    }
    let simple = first.plain_digits.is_some()
        || first.kind == NumKind::Decimal && !first.grouped && !first.scaled && !first.words;
    if let Some(b) = before
        && !caps
        && simple
        && q.modifier.is_none()
        && q.unit.is_none()
        && b.kind == Kind::Word
        && b.text(text).chars().any(char::is_uppercase)
        && before_kinds & (ctx::MONTH | ctx::WEEKDAY) == 0
        && !after.is_some_and(|t| {
            lexicon.measure_of(text, t).is_some()
                || lexicon.link_of(text, t) & crate::lexicon::link::AUX != 0
        })
    {
        // A name right before bare digits: "Apollo 11", "iPhone 4", "Trent 900 engines",
        // "Web 2.0".
        return Some(NotFigure::Label);
    }
    if first.words
        && !caps
        && text
            .get(first.start..first.end)
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        && !sentence_initial(text, first.start)
        && before.is_some_and(|b| lex::is_capitalized(b.text(text)))
    {
        // "the Big Three", "Group of Seven": a number word inside a name.
        return Some(NotFigure::Label);
    }
    if let Some(b) = before
        && b.kind == Kind::Word
        && lexicon.context_of(text, b) & ctx::LABEL == 0
        && let Some(bb) = lex::prev(text, b.start)
        && lexicon.context_of(text, bb) & ctx::LABEL != 0
        && bb.text(text).eq_ignore_ascii_case("world")
    {
        return Some(NotFigure::Label);
    }

    // List numbering: "1." or "2)" opening a line.
    if first.plain_digits.is_some()
        && matches!(after.map(|t| t.text(text)), Some(")" | "."))
        && before.is_none()
    {
        return Some(NotFigure::Label);
    }

    // "one" as a pronoun: "one of the", "no one", "the one", "one another".
    if first.words
        && matches!(q.base, Base::Exact(v) if v == 1.0)
        && q.modifier.is_none()
        && (after_kinds & ctx::PRONOUN != 0 || before_kinds & ctx::PRONOUN != 0)
    {
        return Some(NotFigure::Pronoun);
    }
    // "at one point": a moment, not a point of an index or a rate.
    if first.words
        && matches!(q.base, Base::Exact(v) if v == 1.0)
        && q.unit.as_deref() == Some("point")
        && before.is_some_and(|b| b.is(text, "at"))
    {
        return Some(NotFigure::Pronoun);
    }
    None
}

/// Whether `t` is three bare digits followed by a word that is no number, scale, unit or
/// currency word: the shape of a model number between an amount and its noun ("50 737
/// jets"), where "three 200 mln crown tranches" and "two 550 megawatt plants" measure.
pub(crate) fn is_model_number(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    t.kind == Kind::Digits
        && t.end - t.start == 3
        && text.as_bytes().get(t.end) == Some(&b' ')
        && lex::next(text, t.end).is_some_and(|w| {
            let info = lexicon.info(text, w);
            w.kind == Kind::Word
                && info.num.is_none()
                && info.unit.is_none()
                && info.vague.is_none()
                && info.flags & crate::lexicon::flag::CURRENCY_FIRST == 0
                && info.ctx & (ctx::TIME_UNIT | ctx::MONTH) == 0
        })
}

/// Whether an amount ends one space before `pos`: a number word, or up to three digits that
/// are no day of a month ("on March 3 200 people" counts 200; "in 2022 100 people" too).
fn amount_just_before(lexicon: &Lexicon, text: &str, pos: usize) -> bool {
    let Some(p) = lex::prev(text, pos) else {
        return false;
    };
    if pos != p.end + 1 || text.as_bytes().get(p.end) != Some(&b' ') {
        return false;
    }
    if p.kind == Kind::Word {
        // A count word; "in mln 480 bales" is a table's unit.
        return matches!(
            lexicon.number_word(text, p),
            Some(NumWord::Unit(_) | NumWord::Teen(_) | NumWord::Tens(_) | NumWord::Group(_))
        );
    }
    p.kind == Kind::Digits
        && p.end - p.start <= 3
        && word_before(lexicon, text, p.start)
            .is_none_or(|b| lexicon.context_of(text, b) & (ctx::MONTH | ctx::WEEKDAY) == 0)
}

/// Whether the words after an amount end in a singular common noun: up to three lowercase
/// words ("airliner", "passenger jet") closed by punctuation, a function word or a verb. A
/// capitalized word or a plural leaves it open; collective nouns and words that follow
/// counts without being nouns ("staff", "strong", "apiece") are listed in
/// `data/figures/nouns.tsv`.
fn singular_head(lexicon: &Lexicon, text: &str, pos: usize) -> bool {
    let mut head: Option<Tok> = None;
    let mut t = lex::next(text, pos);
    for _ in 0..3 {
        let Some(w) = t else { break };
        if w.kind != Kind::Word || lexicon.is_function_word(text, w) {
            break;
        }
        let word = w.text(text);
        if lex::is_capitalized(word)
            || lexicon.measure_of(text, w).is_some()
            || lexicon.number_word(text, w).is_some()
            // A hotline noun ("system", "line") is a plain noun here.
            || lexicon.context_of(text, w) & !ctx::HOTLINE_NOUN != 0
            || lexicon.link_of(text, w) != 0
            || lexicon.role_of(text, w) & (role::COLLECTIVE | role::NOT_NOUN) != 0
            || lexicon.unit_of_str(word).is_some()
        {
            return false;
        }
        let (plural, form) = crate::lexicon::with_lower(word, |l| {
            (
                crate::attach::is_plural(l),
                l.ends_with("ed") || l.ends_with("ing") || l.ends_with("ly"),
            )
        });
        if plural {
            return false;
        }
        if form {
            // "737 crashed": a verb closes the phrase.
            break;
        }
        head = Some(w);
        t = lex::next(text, w.end);
    }
    let Some(h) = head else { return false };
    // The phrase must be closed (punctuation, a line end, a function word or a verb), not cut
    // off by the three-word limit.
    match lex::next(text, h.end) {
        None => true,
        Some(n) if n.kind != Kind::Word => true,
        Some(n) => {
            lexicon.is_function_word(text, n)
                || lexicon.link_of(text, n) != 0
                || crate::lexicon::with_lower(n.text(text), |l| l.ends_with("ed"))
        }
    }
}

/// The token before `pos`, seeing through an abbreviation's period ("No. 2", "Dec. 18"):
/// [`Lexicon::context_of`] then tries the word with its period.
fn word_before(lexicon: &Lexicon, text: &str, pos: usize) -> Option<Tok> {
    let t = lex::prev(text, pos)?;
    if t.is(text, ".")
        && let Some(w) = lex::prev(text, t.start)
        && w.end == t.start
        && w.kind == Kind::Word
        && lexicon.context_of(text, w) & (ctx::MONTH | ctx::LABEL) != 0
    {
        return Some(w);
    }
    Some(t)
}

/// "a third term", "a fourth quarter", "a ninth justice": "a" and a word that is both an
/// ordinal and a fraction (third and smaller), before a word that is no function word, is
/// the ordinal, and so is one before a singular verb ("a fourth is due"). "a third of",
/// "about a third in recent years", "a third believed" and "a
/// half dozen" stay, and so does "a quarter", rarely an ordinal ("a quarter point").
fn is_article_ordinal(lexicon: &Lexicon, text: &str, q: &Quantity, after: Option<Tok>) -> bool {
    let [n] = &q.nums[..] else {
        return false;
    };
    let article = text
        .get(q.span.start..)
        .is_some_and(|t| t.starts_with("a ") || t.starts_with("A "));
    // "a quarter point", "a quarter ounce": a quarter is rarely an ordinal. Read last: the
    // lowercase copy is only made for a fraction after "a".
    let quarter = || {
        text.get(q.span.clone())
            .is_some_and(|t| t.to_ascii_lowercase().contains("quarter"))
    };
    // "a third believed he should resign": a share doing something.
    let verb = |t: Tok| t.text(text).ends_with("ed");
    // "a fourth is due", "a fifth was Justice Scalia", "a third would be": one more of
    // things counted before; a share takes "of" or a plural verb ("a third are", "a third
    // say").
    let singular = |t: Tok| {
        ["is", "was", "has", "will", "would"]
            .iter()
            .any(|w| t.is(text, w))
    };
    article
        && n.kind == NumKind::Fraction
        && n.words
        && n.value < 0.4
        && after.is_some_and(|t| {
            t.kind == Kind::Word && !lexicon.is_function_word(text, t) && !verb(t) || singular(t)
        })
        && !quarter()
}

/// "the second half of the year", "the first half": a part of a period named by its
/// order, not an amount.
fn is_ordinal_half(text: &str, q: &Quantity, before: Option<Tok>) -> bool {
    let [n] = &q.nums[..] else {
        return false;
    };
    n.words
        && n.kind == NumKind::Fraction
        && q.modifier.is_none()
        && text
            .get(q.amount.clone())
            .is_some_and(|t| t.eq_ignore_ascii_case("half"))
        && before.is_some_and(|b| ["first", "second"].iter().any(|w| b.is(text, w)))
}

fn is_year_like(n: &crate::number::Num) -> bool {
    n.plain_digits == Some(4) && (1000.0..=2100.0).contains(&n.value)
}

fn sentence_initial(text: &str, pos: usize) -> bool {
    match lex::prev(text, pos) {
        None => true,
        Some(t) => matches!(
            t.text(text),
            "." | "!" | "?" | "\"" | "\u{201c}" | ":" | "(" | "["
        ),
    }
}

fn is_age(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    before: Option<Tok>,
    before_kinds: u16,
) -> bool {
    let Some(first) = q.nums.first() else {
        return false;
    };
    if q.nums.iter().any(|n| n.value > 130.0 || n.value < 0.0) {
        return false;
    }
    // "aged 45", "aged between 2 and 11", "at age 5".
    if before_kinds & ctx::AGE != 0 {
        return true;
    }
    if q.nums.len() != 1 {
        return false;
    }
    // "a resident older than 65", "children younger than 5": an age's bound.
    if before.is_some_and(|b| {
        b.is(text, "than")
            && lex::prev(text, b.start).is_some_and(|a| lexicon.context_of(text, a) & ctx::AGE != 0)
    }) {
        return true;
    }
    // "aged 17 and 19": the second age of a pair. ("at the age of 56" stays: MEANTIME
    // counts it as a quantity.)
    if let Some(b) = before.filter(|b| b.is(text, "and") || b.is(text, "or"))
        && let Some(bb) = lex::prev(text, b.start)
        && bb.kind == Kind::Digits
        && lex::prev(text, bb.start).is_some_and(|a| lexicon.context_of(text, a) & ctx::AGE != 0)
    {
        return true;
    }
    // "45-year-old", "45 years old", "six-month-old".
    let mut t = lex::next(text, q.span.end);
    if t.is_some_and(|t| t.is(text, "-")) {
        t = t.and_then(|t| lex::next(text, t.end));
    }
    if let Some(unit) = t.filter(|t| {
        let w = t.text(text).to_ascii_lowercase();
        matches!(
            w.as_str(),
            "year" | "years" | "month" | "months" | "week" | "weeks" | "day" | "days"
        )
    }) {
        let mut o = lex::next(text, unit.end);
        if o.is_some_and(|o| o.is(text, "-")) {
            o = o.and_then(|o| lex::next(text, o.end));
        }
        if o.is_some_and(|o| o.is(text, "old")) {
            return true;
        }
    }
    // "John Smith, 45, said": a bare number between commas after a capitalized name.
    if first.plain_digits.is_some()
        && q.modifier.is_none()
        && before.is_some_and(|b| b.is(text, ","))
        && lex::next(text, q.span.end).is_some_and(|t| t.is(text, ","))
        && let Some(name) = before.and_then(|b| lex::prev(text, b.start))
        && name.kind == Kind::Word
        && lex::is_capitalized(name.text(text))
        && lexicon.context_of(text, name) & (ctx::MONTH | ctx::WEEKDAY) == 0
    {
        return true;
    }
    false
}

/// Whether `before`, the word before bare digits, makes them a week of a season or a
/// schedule: "Week" capitalized ("the Jets' Week 12 game"), or "week" after a
/// preposition of time (not_figures.tsv `year_prep`: "by week 12", "in week 3"). Not "last week 12 people died", nor "in a week
/// 30 were hurt".
fn week_number(lexicon: &Lexicon, text: &str, before: Option<Tok>) -> bool {
    let Some(b) = before else { return false };
    if b.text(text) == "Week" {
        return true;
    }
    b.is(text, "week")
        && lex::prev(text, b.start)
            .is_some_and(|p| lexicon.context_of(text, p) & ctx::YEAR_PREP != 0)
}

/// Whether the amount at `amount` is a side of a share ratio ("a three-for-two stock
/// split", "two-for-one"): how many shares one becomes, not an amount of anything.
fn split_ratio(text: &str, amount: Range<usize>) -> bool {
    const FOR: &[u8] = b"-for-";
    let bytes = text.as_bytes();
    let after = bytes.get(amount.end..amount.end + FOR.len());
    let before = amount
        .start
        .checked_sub(FOR.len())
        .and_then(|s| bytes.get(s..amount.start));
    [after, before]
        .into_iter()
        .flatten()
        .any(|w| w.eq_ignore_ascii_case(FOR))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Recognizer;

    fn kept(text: &str) -> Vec<String> {
        let r = Recognizer::new().unwrap();
        r.recognize(text)
            .into_iter()
            .filter(|q| not_figure(&r.lexicon, text, q, false).is_none())
            .map(|q| q.text(text).to_owned())
            .collect()
    }

    #[test]
    fn seed_years_and_dates_are_not_figures() {
        assert!(kept("December 18, 2024").is_empty());
        // An age's bound is an age.
        assert!(kept("a resident older than 65 died").is_empty());
        assert_eq!(kept("more than 65 cases"), ["more than 65"]);
        assert!(kept("since Moscow's invasion of Ukraine in February 2022.").is_empty());
        assert!(kept("seized territory earlier this year, in 2024").is_empty());
    }

    #[test]
    fn years_that_count_stay() {
        assert_eq!(kept("more than 2000 people fled"), ["more than 2000"]);
        assert_eq!(kept("2000 soldiers"), ["2000"]);
        assert!(kept("the 2024 election").is_empty());
    }

    #[test]
    fn other_non_figures() {
        assert!(kept("a 45-year-old man").is_empty());
        assert!(kept("John Smith, 45, said").is_empty());
        assert!(kept("aged 45").is_empty());
        assert!(kept("at 10:30 and 3 p.m.").is_empty());
        assert!(kept("over several days").is_empty());
        assert!(kept("the 18th and the 1990s").is_empty());
        assert!(kept("call 555-123-4567").is_empty());
        assert!(kept("No. 2 and page 3 and Resolution 2231").is_empty());
        assert!(kept("one of the soldiers, no one").is_empty());
        assert!(kept("the best one I know of, one who knows").is_empty());
        assert!(kept("on one occasion, one day").is_empty());
        assert!(kept("won 3-1 at http://x.com/a/12").is_empty());
        assert!(kept("a three-for-two stock split and a two-for-one split").is_empty());
        assert!(kept("a decision by week 12 and the Week 3 game").is_empty());
        assert!(kept("At one point, Trump tried to shush them").is_empty());
        assert!(kept("more 911 calls came in; 999 callers waited").is_empty());
        assert_eq!(kept("the centre took 911 complaints"), ["911"]);
        assert_eq!(kept("last week 12 people died"), ["12"]);
        assert!(kept("World War 2").is_empty());
        assert!(kept("a .45-caliber pistol and a 12-gauge shotgun").is_empty());
        assert!(kept("<tweet tweet-id=\"753634846703030273\">").is_empty());
        assert_eq!(kept("999999999999 people"), ["999999999999"]);
        assert_eq!(kept("by about three mln dlrs"), ["about three mln dlrs"]);
        assert_eq!(kept("a 500,000 bpd pipeline"), ["500,000 bpd"]);
        assert!(kept("ONE .45-CALIBER PISTOL").iter().all(|k| k != ".45"));
        assert!(kept("on Dec. 18 and Jan 5").is_empty());
        assert_eq!(kept("fighting in Kyiv. 12 people died"), ["12"]);
    }

    #[test]
    fn an_aircraft_model_after_its_maker_is_no_figure() {
        assert!(kept("The final Boeing 717 was built in 2006").is_empty());
        assert!(kept("A HONDURAN BOEING 727 WHICH CRASHED").is_empty());
        assert!(kept("The Boeing 777 is a family of jets").is_empty());
        // The count before the maker stays.
        assert_eq!(kept("it ordered 15 Boeing 777 jets"), ["15"]);
    }

    #[test]
    fn figures_stay() {
        assert_eq!(
            kept("12 killed, $5.6 billion, 40%, several hundred, one soldier"),
            ["12", "$5.6 billion", "40%", "several hundred", "one"]
        );
        // A share price as a mixed number is a figure; a bare digit fraction is a code.
        assert_eq!(kept("the first offer was 3-5/8."), ["3-5/8"]);
        assert!(kept("route 3/4 closed").is_empty());
    }
}
