//! Coordinated figures: "killing two students and two teachers" counts the teachers as
//! killed too. The verb of harm before the first figure governs the whole coordination,
//! but the attachment rules read each figure alone, so the second kept the measure of its
//! own noun (`other`).
//!
//! A figure takes the measure of the figure right before it in the same sentence when:
//! - the earlier one counts harm (killed, wounded, missing, captured, detained, displaced),
//!   for a coordination one that its own noun does not say ("students", not "deaths":
//!   "four deaths and two injuries" keeps the injuries' measure);
//! - the two are joined by "and" or a comma right after the earlier one's noun, or the
//!   later one is part of the earlier ("six others were wounded, including two children",
//!   where the earlier noun may say its measure: "12 deaths, including two children");
//! - the later one has a counted noun of measure `other` or `troops` and no verb of its own
//!   after the noun ("and 300 homes were destroyed" is not said of the killed).
//!
//! An amount that adds to an earlier one of its sentence and names no noun ("killing 12
//! people and wounding another 128", "a further 20 were hurt"), or gives the same count at
//! another time ("19 people were confirmed dead, up from eight on Wednesday", "bringing the
//! total to 1,001,320"), or is a part of it ("82 of them"), counts the earlier one's noun,
//! and its measure when it has none of its own (see [`added`]).
//!
//! A bare amount after "and" that repeats the earlier figure's verb by ellipsis takes its
//! measure and noun ("16 people had died in the Eaton Fire and eight in the Palisades
//! Fire"; see [`gapped`]).

use tally_core::{Figure, Measure};

use crate::carry::Slot;
use crate::lex::{self, Kind};
use crate::lexicon::{Lexicon, link};

/// Words a coordination may put between the earlier figure and its noun ("two Palestinian
/// students").
const MAX_MODIFIERS: usize = 2;

/// Gives coordinated figures the harm of the figure before them (see the module docs).
/// `slots[i]` holds the sentence of `figures[i]`.
pub(crate) fn apply(lexicon: &Lexicon, text: &str, figures: &mut [Figure], slots: &[Slot]) {
    added(text, figures, slots);
    for i in 1..figures.len() {
        if slots.get(i).map(|s| &s.sentence) != slots.get(i - 1).map(|s| &s.sentence) {
            continue;
        }
        let (before, after) = figures.split_at_mut(i);
        let (prev, f) = (&before[i - 1], &mut after[0]);
        if is_harm(prev.measure)
            && matches!(f.measure, Measure::Other | Measure::Troops)
            && f.unit.is_none()
            && f.noun.is_some()
            && (joined(lexicon, text, prev, f) || included(text, prev, f))
            && !verb_after_noun(lexicon, text, f)
        {
            f.measure = prev.measure;
            // "killing at least 47 people, including nine children": the children's clause
            // is the killers', so its subject is the earlier figure's agent.
            if let Some(agent) = &prev.agent
                && f.subject.as_ref().is_some_and(|s| s.span == agent.span)
            {
                f.subject = None;
                f.agent = Some(agent.clone());
            }
        } else if is_harm(prev.measure) && (gapped(text, prev, f) || alternative(text, prev, f)) {
            f.measure = prev.measure;
            f.noun.clone_from(&prev.noun);
        }
    }
}

/// The most bytes from a figure to a bare amount that repeats its verb by ellipsis.
const GAPPED_REACH: usize = 80;

/// Whether `f` is a bare amount standing for `prev`'s noun and verb ("16 people had died in
/// the Eaton Fire and eight in the Palisades Fire"): no noun or unit of its own, "and" right
/// before it, and a place or time phrase (or the clause's end) right after it.
fn gapped(text: &str, prev: &Figure, f: &Figure) -> bool {
    f.measure == Measure::Other
        && f.noun.is_none()
        && f.unit.is_none()
        && prev.unit.is_none()
        && f.span.start.saturating_sub(prev.span.end) <= GAPPED_REACH
        && lex::prev(text, f.span.start).is_some_and(|t| t.is(text, "and"))
        && lex::next(text, f.span.end).is_none_or(|t| {
            ["in", "at", "on", "near", "from", "across", ",", ".", ";"]
                .iter()
                .any(|w| t.is(text, w))
        })
}

/// Whether `f` is a bare amount offered as another value of `prev`: "the toll could climb
/// into the hundreds or even thousands", "12 dead or 14". Only "or" and an adverb of
/// degree stand between them.
fn alternative(text: &str, prev: &Figure, f: &Figure) -> bool {
    if f.measure != Measure::Other || f.noun.is_some() || f.unit.is_some() || prev.unit.is_some() {
        return false;
    }
    let Some(or) = lex::next(text, prev.span.end).filter(|t| t.is(text, "or")) else {
        return false;
    };
    let Some(mut t) = lex::next(text, or.end) else {
        return false;
    };
    if ["even", "perhaps", "possibly", "maybe"]
        .iter()
        .any(|w| t.is(text, w))
        && let Some(n) = lex::next(text, t.end)
    {
        t = n;
    }
    t.start == f.span.start
}

fn is_harm(m: Measure) -> bool {
    matches!(
        m,
        Measure::Killed
            | Measure::Wounded
            | Measure::Missing
            | Measure::Captured
            | Measure::Detained
            | Measure::Displaced
    )
}

/// Whether `f` follows `prev`'s noun after "and", ", and" or ",", and that noun says no
/// measure of its own.
fn joined(lexicon: &Lexicon, text: &str, prev: &Figure, f: &Figure) -> bool {
    let Some(mut t) = lex::prev(text, f.span.start) else {
        return false;
    };
    if !(t.is(text, "and") || t.is(text, ",")) {
        return false;
    }
    if t.is(text, "and")
        && let Some(comma) = lex::prev(text, t.start).filter(|c| c.is(text, ","))
    {
        t = comma;
    }
    let Some(noun) = lex::prev(text, t.start).filter(|n| n.kind == Kind::Word) else {
        return false;
    };
    let Some(prev_noun) = prev.noun.as_deref() else {
        return false;
    };
    if !noun.text(text).eq_ignore_ascii_case(prev_noun)
        || noun.start < prev.span.end
        || matches!(
            lexicon.measure_of(text, noun),
            Some(m) if m != Measure::Other && m != Measure::Troops
        )
    {
        return false;
    }
    // Only modifiers between the earlier amount and its noun.
    let mut words = 0;
    let mut w = lex::next(text, prev.span.end);
    while let Some(x) = w.filter(|x| x.start < noun.start) {
        if x.kind != Kind::Word || words == MAX_MODIFIERS {
            return false;
        }
        words += 1;
        w = lex::next(text, x.end);
    }
    true
}

/// Whether `f` is part of `prev` ("six others were wounded, including two children"):
/// "including" right before it, within a few words of `prev`.
fn included(text: &str, prev: &Figure, f: &Figure) -> bool {
    lex::prev(text, f.span.start).is_some_and(|t| t.is(text, "including"))
        && f.span.start - prev.span.end <= INCLUDED_REACH
}

/// The most bytes from a figure to a part of it after "including" ("six others were
/// wounded, including two children").
const INCLUDED_REACH: usize = 80;

/// Whether an auxiliary follows `f`'s counted noun ("300 homes were destroyed").
fn verb_after_noun(lexicon: &Lexicon, text: &str, f: &Figure) -> bool {
    let Some(noun) = f.noun.as_deref() else {
        return false;
    };
    let mut w = lex::next(text, f.span.end);
    for _ in 0..=MAX_MODIFIERS {
        let Some(x) = w else {
            return false;
        };
        if x.text(text).eq_ignore_ascii_case(noun) {
            return lex::next(text, x.end).is_some_and(|a| {
                a.kind == Kind::Word && lexicon.link_of(text, a) & link::AUX != 0
            });
        }
        w = lex::next(text, x.end);
    }
    false
}

/// Nouns of a running count before "to" and an amount: "bringing the total to 1,001,320".
const RUNNING_TOTALS: &[&str] = &["total", "toll", "tally", "count"];

/// Words before an amount that add it to an earlier one: "another 128", "a further 20".
const ADDING: &[&str] = &["another", "further", "additional"];

/// Gives an added amount with no noun ("wounding another 128") the noun of the nearest
/// earlier figure of its sentence that counts one, and that figure's measure when the
/// added one has none.
fn added(text: &str, figures: &mut [Figure], slots: &[Slot]) {
    for i in 1..figures.len() {
        let Some(f) = figures.get(i) else { break };
        if f.noun.is_some() || f.unit.is_some() {
            continue;
        }
        let word = |t: &lex::Tok, words: &[&str]| {
            t.kind == Kind::Word && words.iter().any(|w| t.is(text, w))
        };
        let before = lex::prev(text, f.span.start);
        let two_before = before.and_then(|t| lex::prev(text, t.start));
        // "up from eight on Wednesday", "bringing the total to 1,001,320": the same count
        // at another time.
        let same_count = match (before, two_before) {
            (Some(a), Some(b)) => {
                (word(&a, &["from"]) && word(&b, &["up", "down"]))
                    || (word(&a, &["to"]) && word(&b, RUNNING_TOTALS))
            }
            _ => false,
        };
        // "169 people had died ..., 82 of them in the past month": a part of the earlier count.
        let after = lex::next(text, f.span.end);
        let part_of_them = after.is_some_and(|t| word(&t, &["of"]))
            && after
                .and_then(|t| lex::next(text, t.end))
                .is_some_and(|t| word(&t, &["them", "whom"]));
        let adds = before.is_some_and(|t| word(&t, ADDING)) || same_count || part_of_them;
        if !adds {
            continue;
        }
        let sentence = slots.get(i).map(|s| &s.sentence);
        let earlier = (0..i).rev().find(|&j| {
            slots.get(j).map(|s| &s.sentence) == sentence
                && figures
                    .get(j)
                    .is_some_and(|g| g.noun.is_some() && g.unit.is_none())
        });
        let Some(g) = earlier.and_then(|j| figures.get(j)) else {
            continue;
        };
        let (noun, measure) = (g.noun.clone(), g.measure);
        if let Some(f) = figures.get_mut(i) {
            f.noun = noun;
            if f.measure == Measure::Other {
                f.measure = measure;
            }
        }
    }
}
