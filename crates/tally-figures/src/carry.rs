//! Carry: what a bare amount counts when no unit or noun follows it, read from the label
//! before it and from the amounts it is compared with.
//!
//! ## What it finds
//! A *bare* figure is one the attachment rules left with no unit, no counted noun and
//! measure `other`. Three rules give it what the text implies, in body order so that a
//! figure settled by one rule can settle the next:
//!
//! * **Label**: a financial head before it, with only linking words between (`data/figures/
//!   carry.tsv`), makes it money: "Net 553,000 vs 728,000", "Revs 6.9 mln vs 7.5 mln", "a
//!   pretax loss of 45.0 mln", "Net in 1986 included 10.8 mln". A counted head gives it a
//!   noun: "Avg shrs 16.1 mln" counts `shrs`.
//! * **Partner**: an amount compared with the figure just before it in the same sentence
//!   ("vs", "from", "compared with", "against", or "and" / "," / "to" right after it)
//!   counts the same thing: "500,000 shares from 200,000" counts shares, "Net 553,000 vs
//!   728,000" is money twice, "produced 2,578 U.S. cars in March, down from 5,922" counts
//!   cars. An amount right before a figure with a unit ("0.25 to 0.50 dlr") takes its unit.
//! * **Scale**: a bare amount with a scale word ("the 2.15 billion from banks", "46 mln for
//!   farm research") in a sentence whose nearest amount with a unit is money is money in
//!   that currency: wire copy drops the repeated "dlrs".
//!
//! Money found by a label takes the currency of the nearest amount of money in the same
//! sentence, else the nearest one before it in the document, else the next one after it;
//! with none in the document the figure is money with no currency (nothing is invented).
//! Only amounts written in digits or with a scale word are read: tables and compared
//! amounts are, and "the two" or "THREE WERE WOUNDED" borrow nothing.
//!
//! ## Example
//! ```text
//! Shr 13 cts vs 17 cts
//! Net 553,000 vs 728,000
//!     ^^^^^^^ money (label "Net"), USD from "13 cts"
//!                ^^^^^^^ money (partner "vs")
//! ```
//!
//! ## Limitations
//! * Percents and points carry only to small amounts without a scale word ("to 5.5 from
//!   5.7 pct"); "up 3.2 pct from 44.17 billion" keeps the billion bare.
//! * Labels are single words: a label two clauses back ("Net income, which rose ..., was
//!   1,000") is not found, and a table whose label column is far from its numbers is not
//!   read as one.
//! * The partner is the one figure right before; "2,578 cars ... 8,647 vehicles compared
//!   to 12,553" carries "vehicles", the nearer one.

use std::ops::Range;

use rustc_hash::FxHashMap as HashMap;
use tally_core::{ExtractError, Figure, Measure};

use crate::lex::{self, Kind, Tok};
use crate::lexicon::{Lexicon, rows, with_lower};

const CARRY: &str = include_str!("../../../data/figures/carry.tsv");

/// What a label word says (carry.tsv).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Label {
    Money,
    Count,
    Link,
    /// A verb of a bound opening the figure's span ("sales topped 5,000"): a clause's
    /// verb stands between any label and the amount.
    Verb,
}

/// The label words of carry.tsv.
#[derive(Clone, Debug)]
pub(crate) struct Labels {
    words: HashMap<String, Label>,
}

impl Labels {
    /// The bundled list.
    ///
    /// # Errors
    /// [`ExtractError::Data`] naming the line of a malformed row.
    pub(crate) fn bundled() -> Result<Labels, ExtractError> {
        let mut words = HashMap::default();
        for (line, cols) in rows(CARRY) {
            let error = |message: String| ExtractError::Data {
                what: "figures lexicon",
                source_name: format!("data/figures/carry.tsv, line {line}"),
                message,
            };
            let (Some(word), Some(kind)) = (cols.first(), cols.get(1)) else {
                return Err(error("expected a word and a kind".to_owned()));
            };
            let kind = match *kind {
                "money" => Label::Money,
                "count" => Label::Count,
                "link" => Label::Link,
                "verb" => Label::Verb,
                other => return Err(error(format!("unknown kind {other:?}"))),
            };
            words.insert(word.to_ascii_lowercase(), kind);
        }
        Ok(Labels { words })
    }

    fn of(&self, text: &str, t: Tok) -> Option<Label> {
        if t.kind != Kind::Word {
            return None;
        }
        with_lower(t.text(text), |w| self.words.get(w).copied())
    }
}

/// What the extractor knows of a figure beyond the [`Figure`] itself.
#[derive(Clone, Debug)]
pub(crate) struct Slot {
    /// The figure's sentence.
    pub sentence: Range<usize>,
    /// A scale word or suffix of a million or more was applied ("6.9 mln", "2.15 billion").
    pub scaled: bool,
    /// The figure is written in a minor unit ("13 cts"): an amount that borrows its unit is
    /// in hundredths too ("Shr 13 cts vs 17").
    pub minor: bool,
}

/// Left with no unit, no noun and measure `other`.
fn is_bare(f: &Figure) -> bool {
    f.unit.is_none() && f.noun.is_none() && f.measure == Measure::Other
}

/// A unit that says "share", not "amount of something": it carries only to small plain
/// numbers.
fn is_share(unit: &str) -> bool {
    matches!(unit, "percent" | "percentage_point" | "point")
}

/// Comparison words that tie an amount to the one before it, wherever that one ends.
fn is_comparison(text: &str, t: Tok) -> bool {
    ["vs", "versus", "from", "against", "compared"]
        .iter()
        .any(|w| t.is(text, w))
        || t.is(text, "with") && lex::prev(text, t.start).is_some_and(|p| p.is(text, "compared"))
        || t.is(text, "to") && lex::prev(text, t.start).is_some_and(|p| p.is(text, "compared"))
}

/// How many figures on each side of a bare one are searched for its partner with a unit:
/// a sentence of a thousand amounts (a table pasted as one line) costs no more per figure.
const NEAR: usize = 8;

/// Gives bare figures what their labels and partners imply. See the module docs.
pub(crate) fn apply(labels: &Labels, text: &str, figures: &mut [Figure], slots: &mut [Slot]) {
    // The nearest figure of money before each figure, and the next one after it, for a
    // label with no money in its sentence: found lazily, so a document with no bare figure
    // pays nothing.
    let mut last_money: Option<usize> = None;
    let mut next_money: Option<Option<usize>> = None;
    for i in 0..figures.len() {
        let Some(f) = figures.get(i) else {
            break;
        };
        if !is_bare(f) {
            if money_unit(f).is_some() {
                last_money = Some(i);
            }
            continue;
        }
        let Some(slot) = slots.get(i) else {
            break;
        };
        let scaled = slot.scaled;
        // Tables and compared amounts are written in digits; a bare number word ("the two",
        // "THREE WERE WOUNDED") borrows nothing unless scaled ("about one billion").
        if !scaled && !f.raw.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let sentence_start = slot.sentence.start;
        let start = f.span.start;
        let prev = i.checked_sub(1).filter(|&j| {
            slots
                .get(j)
                .zip(slots.get(i))
                .is_some_and(|(s, t)| s.sentence == t.sentence)
        });
        let floor = prev
            .and_then(|j| figures.get(j))
            .map_or(sentence_start, |p| p.span.end);
        let update = label(labels, text, start, floor, scaled)
            .map(|l| match l {
                Found::Money => {
                    let source = nearest(figures, slots, i, |g| money_unit(g).is_some())
                        .or_else(|| last_money.and_then(|k| figures.get(k)))
                        .or_else(|| {
                            let k = *next_money.get_or_insert_with(|| {
                                (i + 1..figures.len())
                                    .find(|&k| figures.get(k).and_then(money_unit).is_some())
                            });
                            // Past the next money figure, look again.
                            k.filter(|&k| k > i).and_then(|k| figures.get(k))
                        });
                    let currency = source.and_then(money_unit).map(str::to_owned);
                    (Measure::Money, currency, None)
                }
                Found::Count(noun) => (Measure::Other, None, Some(noun)),
            })
            .map(|u| (u, i))
            // "from 12 to 40 cents": a range's bare first end takes the unit of its
            // second before any comparison with what came earlier.
            .or_else(|| next_unit(text, figures, slots, i, scaled).map(|u| (u, i + 1)))
            .or_else(|| {
                let j = prev?;
                partner(text, figures, j, i, scaled).map(|u| (u, j))
            })
            .or_else(|| {
                // The nearest amount with a unit decides: money only when it is money.
                let g = nearest(figures, slots, i, |g| g.unit.is_some()).filter(|_| scaled)?;
                (g.measure == Measure::Money).then(|| ((Measure::Money, g.unit.clone(), None), i))
            });
        if let Some(((measure, unit, noun), source)) = update {
            // Borrowed from an amount in cents: this one is in cents too.
            let minor = source != i && slots.get(source).is_some_and(|s| s.minor);
            if let Some(f) = figures.get_mut(i) {
                f.measure = measure;
                f.unit = unit;
                f.noun = noun;
                if minor {
                    for v in [&mut f.low, &mut f.best, &mut f.high].into_iter().flatten() {
                        *v *= 0.01;
                    }
                }
            }
            if let Some(s) = slots.get_mut(i) {
                s.minor = minor;
            }
        }
        if figures.get(i).and_then(money_unit).is_some() {
            last_money = Some(i);
        }
        if next_money.is_some_and(|k| k.is_some_and(|k| k <= i)) {
            next_money = None;
        }
    }
}

/// Gives a bare exchange rate the currency it prices: "the rupee was little changed at
/// 87.45 per dollar", "The won, which fell to a two-year low of 1,444 per dollar" are
/// rupees and won, named as the sentence's currency before the figure ("the rupee", "the
/// Indian rupee"). A rate with no currency named before it stays bare: "1.36 per euro" may
/// price anything. Returns each rate given a currency with the range of the word that
/// named it, for the currency of the story's place ([`crate::local`]).
pub(crate) fn rates(
    lexicon: &Lexicon,
    text: &str,
    figures: &mut [Figure],
    slots: &[Slot],
) -> Vec<(usize, Range<usize>)> {
    let mut named = Vec::new();
    for (i, (f, slot)) in figures.iter_mut().zip(slots).enumerate() {
        if !is_bare(f) || !f.raw.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        let Some(per) = priced_in(lexicon, text, f.span.end) else {
            continue;
        };
        if let Some((iso, word)) = named_currency(lexicon, text, slot.sentence.start, f.span.start)
            .filter(|(iso, _)| *iso != per)
        {
            f.measure = Measure::Money;
            f.unit = Some(iso.to_owned());
            named.push((i, word.start..word.end));
        }
    }
    named
}

/// The currency after "per", "to the" or "against the" right after a rate.
fn priced_in<'a>(lexicon: &'a Lexicon, text: &str, end: usize) -> Option<&'a str> {
    let mut t = lex::next(text, end)?;
    if t.is(text, "to") || t.is(text, "against") {
        t = lex::next(text, t.end).filter(|x| x.is(text, "the"))?;
    } else if !t.is(text, "per") {
        return None;
    }
    lexicon.currency_word(text, lex::next(text, t.end)?)
}

/// How many words before a rate its currency may be named: "The won, which fell to a
/// two-year low of 1,444" is ten.
const RATE_REACH: usize = 24;

/// The nearest currency named with "the" before `start`, back to `floor`.
fn named_currency<'a>(
    lexicon: &'a Lexicon,
    text: &str,
    floor: usize,
    start: usize,
) -> Option<(&'a str, Tok)> {
    let mut t = lex::prev(text, start);
    for _ in 0..RATE_REACH {
        let w = t.filter(|w| w.start >= floor)?;
        if let Some(iso) = lexicon.currency_word(text, w) {
            // "the rupee", "the Indian rupee": a currency as a thing, not "won 300 seats".
            let p = lex::prev(text, w.start);
            let pp = p.and_then(|p| lex::prev(text, p.start));
            let the = |x: Option<Tok>| x.is_some_and(|x| x.is(text, "the"));
            let adjective = p.is_some_and(|p| p.text(text).starts_with(char::is_uppercase));
            return (the(p) || adjective && the(pp)).then_some((iso, w));
        }
        t = lex::prev(text, w.start);
    }
    None
}

/// The currency of a figure of money.
fn money_unit(g: &Figure) -> Option<&str> {
    g.unit.as_deref().filter(|_| g.measure == Measure::Money)
}

/// The figure nearest to figure `i` in bytes, in its sentence and within [`NEAR`] figures
/// on either side, that passes `want`.
fn nearest<'a>(
    figures: &'a [Figure],
    slots: &[Slot],
    i: usize,
    want: impl Fn(&Figure) -> bool,
) -> Option<&'a Figure> {
    let sentence = &slots.get(i)?.sentence;
    let at = figures.get(i)?.span.start;
    let lo = i.saturating_sub(NEAR);
    let hi = (i + NEAR + 1).min(figures.len());
    (lo..hi)
        .filter(|&k| k != i && slots.get(k).is_some_and(|s| &s.sentence == sentence))
        .filter_map(|k| figures.get(k))
        .filter(|g| want(g))
        .min_by_key(|g| g.span.start.abs_diff(at))
}

type Update = (Measure, Option<String>, Option<String>);

enum Found {
    Money,
    Count(String),
}

/// A label before `start`, back to `floor`, with only linking words (or a year) between.
fn label(labels: &Labels, text: &str, start: usize, floor: usize, scaled: bool) -> Option<Found> {
    // "sales topped 5,000": a plain count after a verb may be anything the subject counts;
    // "assets topped 61 billion" is the subject's money.
    if !scaled && lex::next(text, start).is_some_and(|v| labels.of(text, v) == Some(Label::Verb)) {
        return None;
    }
    let mut t = lex::prev(text, start);
    for _ in 0..6 {
        let w = t.filter(|w| w.start >= floor)?;
        match labels.of(text, w) {
            Some(Label::Money) => return Some(Found::Money),
            Some(Label::Count) => return Some(Found::Count(w.text(text).to_owned())),
            Some(Label::Link) => {}
            Some(Label::Verb) => return None,
            // "Net for 1987 includes 4.4 mln": a year between label and amount.
            None if w.kind == Kind::Digits && is_year(w.text(text)) => {}
            // "NOTE: Net ...": a colon ends no label.
            None if w.kind == Kind::Punct && w.is(text, ":") => {}
            None => return None,
        }
        t = lex::prev(text, w.start);
    }
    None
}

fn is_year(s: &str) -> bool {
    s.len() == 4 && (s.starts_with("19") || s.starts_with("20"))
}

/// What figure `j` (the one right before `i` in its sentence) gives `i` when they are
/// compared.
fn partner(text: &str, figures: &[Figure], j: usize, i: usize, scaled: bool) -> Option<Update> {
    let p = figures.get(j)?;
    let f = figures.get(i)?;
    if is_bare(p) {
        return None;
    }
    let before = lex::prev(text, f.span.start)?;
    let compared = is_comparison(text, before)
        || ["up", "down"]
            .iter()
            .any(|w| lex::prev(text, before.start).is_some_and(|x| x.is(text, w)))
            && before.is(text, "from");
    // "45.0 mln and 55.5 mln", "1,543,000, and 2,859,000": a list right after the partner.
    let listed = || {
        let mut t = lex::next(text, p.span.end);
        for _ in 0..3 {
            let Some(x) = t else { return false };
            if x.start >= f.span.start {
                return true;
            }
            if !(x.is(text, "and") || x.is(text, "or") || x.is(text, ",") || x.is(text, "to")) {
                return false;
            }
            t = lex::next(text, x.end);
        }
        false
    };
    if !(compared && !new_clause(text, p.span.end, f.span.start)
        || listed()
        || elided(text, p.span.start..p.span.end, f.span.start))
    {
        return None;
    }
    if let Some(unit) = &p.unit
        && is_share(unit)
        && (scaled || f.best.is_none_or(|v| v > 100.0))
    {
        return None;
    }
    Some((p.measure, p.unit.clone(), p.noun.clone()))
}

/// How many words a time phrase may have between two values of one verb ("on Saturday",
/// "by the end of May").
const ELIDED_REACH: usize = 6;

/// Whether the figure at `to` is a second value of the verb of the one at `p`, its verb
/// left out: "it had climbed to 34, and on Saturday to 55". Both follow "to"; between them
/// stand a comma, "and" and a phrase opened by "on", "by" or "in".
fn elided(text: &str, p: Range<usize>, to: usize) -> bool {
    let is_to = |x: Option<Tok>| x.is_some_and(|x| x.is(text, "to"));
    if !is_to(lex::prev(text, p.start)) || !is_to(lex::prev(text, to)) {
        return false;
    }
    let mut t = lex::next(text, p.end).filter(|x| x.is(text, ","));
    t = t
        .and_then(|x| lex::next(text, x.end))
        .filter(|x| x.is(text, "and"));
    let Some(prep) = t
        .and_then(|x| lex::next(text, x.end))
        .filter(|x| ["on", "by", "in"].iter().any(|w| x.is(text, w)))
    else {
        return false;
    };
    let mut t = lex::next(text, prep.end);
    for _ in 0..ELIDED_REACH {
        let Some(x) = t.filter(|x| matches!(x.kind, Kind::Word | Kind::Digits)) else {
            return false;
        };
        if x.is(text, "to") {
            return lex::next(text, x.end).is_some_and(|n| n.start == to);
        }
        t = lex::next(text, x.end);
    }
    false
}

/// The most tokens between a figure and its partner: "More than 1,700 migrants have died
/// or gone missing so far this year, compared with 2,500" is 12.
const PARTNER_REACH: usize = 16;

/// A clause starts between the two figures ("2.4%, and prices rose from 12"): the
/// comparison is with something else. Bounded to a few words: a partner farther away is no
/// partner.
fn new_clause(text: &str, from: usize, to: usize) -> bool {
    let mut t = lex::next(text, from);
    for _ in 0..PARTNER_REACH {
        let Some(x) = t.filter(|x| x.start < to) else {
            return false;
        };
        if ["and", "but", "while", "whereas", ";"]
            .iter()
            .any(|w| x.is(text, w))
        {
            return true;
        }
        t = lex::next(text, x.end);
    }
    true
}

/// The unit of the figure right after `i` when only "to" / "and" / "or" / "-" stand between
/// ("0.25 to 0.50 dlr"): a range whose first end was written bare.
fn next_unit(
    text: &str,
    figures: &[Figure],
    slots: &[Slot],
    i: usize,
    scaled: bool,
) -> Option<Update> {
    let f = figures.get(i)?;
    let n = figures.get(i + 1)?;
    if slots.get(i + 1)?.sentence != slots.get(i)?.sentence {
        return None;
    }
    let unit = n.unit.as_ref()?;
    if is_share(unit) && (scaled || f.best.is_none_or(|v| v > 100.0)) {
        return None;
    }
    let joiner = lex::next(text, f.span.end)?;
    let tight = ["to", "and", "or", "-"].iter().any(|w| joiner.is(text, w))
        && lex::next(text, joiner.end).is_some_and(|x| x.start == n.span.start);
    tight.then(|| (n.measure, Some(unit.clone()), None))
}
