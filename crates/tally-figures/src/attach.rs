//! Attachment: what a figure counts (measure and noun), whose figure it is (subject), where
//! (place), and how sure the text is (hedges).
//!
//! All rules read a bounded window of words around the figure inside its sentence, so the
//! cost per figure is constant. The word lists are `data/figures/measures.tsv`, `links.tsv`
//! and `hedges.tsv`.
//!
//! * **Measure**: the counted noun after the amount ("several hundred casualties", "thousands
//!   of troops"), a participle after it ("12 were killed", "40 people died"), a verb before
//!   it ("killing at least 20"), or a toll head before it ("a death toll of 40"). A verb
//!   beats a noun of measure `troops` or `other` ("12 soldiers were killed" counts killed).
//! * **Subject**: the proper-noun phrase that opens the figure's clause ("North Korean forces
//!   have suffered ...", "Pyongyang has sent ..."), else one after it in "that the DPRK has
//!   suffered" or "drawn from U.S. stocks".
//! * **Place**: the nearest "in/near/across ... Name" phrase in the sentence ("in Russia's
//!   Kursk region"), months and weekdays excluded.
//! * **Hedges**: the figure's own modifier when it is a hedge ("at least"), and hedge phrases
//!   in its sentence ("latest estimate", "reportedly").

use std::ops::Range;

use tally_core::Measure;

use crate::lex::{self, Kind, Tok};
use crate::lexicon::{Lexicon, ctx, link};
use crate::quantity::Quantity;

/// How many words a rule may look past the figure.
const WINDOW: usize = 30;

/// What a figure counts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Counted {
    pub measure: Measure,
    pub noun: Option<String>,
}

/// Words that end a noun phrase after a figure.
fn is_stop(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "from"
            | "and"
            | "or"
            | "but"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "were"
            | "was"
            | "is"
            | "are"
            | "have"
            | "has"
            | "had"
            | "be"
            | "been"
            | "will"
            | "would"
            | "could"
            | "should"
            | "may"
            | "might"
            | "can"
            | "must"
            | "said"
            | "says"
            | "say"
            | "told"
            | "according"
            | "than"
            | "more"
            | "less"
            | "each"
            | "per"
            | "if"
            | "when"
            | "while"
            | "after"
            | "before"
            | "since"
            | "during"
            | "including"
            | "across"
            | "over"
            | "under"
            | "into"
            | "onto"
            | "about"
            | "around"
            | "among"
            | "between"
            | "through"
            | "against"
            | "amid"
            | "near"
            | "this"
            | "that's"
            | "it"
            | "its"
            | "their"
            | "his"
            | "her"
            | "our"
            | "we"
            | "they"
            | "he"
            | "she"
            | "there"
            | "here"
            | "not"
            | "no"
            | "so"
            | "also"
            | "still"
            | "now"
            | "then"
            | "just"
            | "only"
            | "up"
            | "down"
            | "out"
            | "off"
            | "away"
            | "back"
            | "last"
            | "next"
            | "ago"
            | "year"
            | "years"
            | "month"
            | "months"
            | "week"
            | "weeks"
            | "day"
            | "days"
    )
}

fn lower(text: &str, t: Tok) -> String {
    t.text(text).to_lowercase()
}

fn is_quote(text: &str, t: Tok) -> bool {
    t.kind == Kind::Punct
        && matches!(
            t.text(text),
            "\"" | "\u{201c}" | "\u{201d}" | "'" | "\u{2018}" | "\u{2019}"
        )
}

/// Measure and counted noun.
pub(crate) fn counted(lexicon: &Lexicon, text: &str, q: &Quantity) -> Counted {
    if q.currency.is_some() {
        return Counted {
            measure: Measure::Money,
            noun: None,
        };
    }
    if q.percent.is_some() || q.unit.is_some() {
        return Counted {
            measure: Measure::Other,
            noun: None,
        };
    }
    let is_measure = |t: Tok| lexicon.measure_of(text, t).filter(|m| *m != Measure::Other);

    // The noun phrase after the amount: skip closing quotes and one "of".
    let mut at = q.span.end;
    let mut t = lex::next(text, at);
    while let Some(x) = t.filter(|x| is_quote(text, *x)) {
        at = x.end;
        t = lex::next(text, at);
    }
    if let Some(of) = t.filter(|x| x.is(text, "of")) {
        at = of.end;
        t = lex::next(text, at);
        if let Some(det) = t.filter(|x| x.is(text, "the") || x.is(text, "their")) {
            at = det.end;
            t = lex::next(text, at);
        }
    }
    let mut noun: Option<Tok> = None;
    let mut noun_measure: Option<Measure> = None;
    let mut words = 0;
    while let Some(w) = t {
        if w.kind != Kind::Word || words >= 4 {
            break;
        }
        let l = lower(text, w);
        if let Some(m) = is_measure(w) {
            noun = Some(w);
            noun_measure = Some(m);
            at = w.end;
            break;
        }
        // Participles, gerunds and adverbs end the phrase ("casualties fighting"); counted
        // nouns are common nouns, so a capitalized word ("New York", "Sept") is no noun.
        let is_form = l.ends_with("ing") || l.ends_with("ed") || l.ends_with("ly");
        let proper = lex::is_capitalized(w.text(text)) && lexicon.measure_of(text, w).is_none();
        if is_stop(&l) || lexicon.number_word(text, w).is_some() || is_form || proper {
            break;
        }
        noun = Some(w);
        at = w.end;
        words += 1;
        if lexicon.measure_of(text, w).is_some() {
            // A known counted noun ("people", "civilians") heads the phrase.
            break;
        }
        t = lex::next(text, w.end);
    }

    // A participle after the phrase: "12 were killed", "40 people have died".
    let mut verb_after = None;
    let mut p = lex::next(text, at);
    for _ in 0..4 {
        let Some(w) = p else { break };
        if w.kind != Kind::Word {
            break;
        }
        if let Some(m) = is_measure(w).filter(|_| noun_measure.is_none() || w.start > at) {
            verb_after = Some(m);
            break;
        }
        if lexicon.link_of(text, w) & link::AUX == 0 {
            break;
        }
        p = lex::next(text, w.end);
    }

    // A verb before the figure ("killing at least 20") or a toll head ("a death toll of 40",
    // "casualties stood at several hundred"), with only linking words between.
    let mut before = None;
    let mut b = lex::prev(text, q.span.start);
    while let Some(x) = b.filter(|x| is_quote(text, *x)) {
        b = lex::prev(text, x.start);
    }
    for _ in 0..6 {
        let Some(w) = b else { break };
        if w.kind != Kind::Word {
            break;
        }
        if let Some(m) = is_measure(w) {
            before = Some(m);
            break;
        }
        if lexicon.link_of(text, w) & link::LINK == 0 {
            break;
        }
        b = lex::prev(text, w.start);
    }

    let weak = |m: Option<Measure>| matches!(m, None | Some(Measure::Troops | Measure::Other));
    let measure = match (noun_measure, verb_after, before) {
        (n, Some(v), _) if weak(n) => v,
        (n, _, Some(v)) if weak(n) => v,
        (Some(n), _, _) => n,
        _ => Measure::Other,
    };
    Counted {
        measure,
        noun: noun.map(|n| n.text(text).to_owned()),
    }
}

/// A capitalized-name phrase starting at `start` token: "North Korean forces",
/// "U.S. President Joe Biden's administration", "the DPRK". Returns its byte range.
fn name_phrase(lexicon: &Lexicon, text: &str, mut t: Tok, limit: usize) -> Option<Range<usize>> {
    if t.is(text, "the") {
        t = lex::next(text, t.end)?;
    }
    let start = t.start;
    let mut end = None;
    let mut capitalized = false;
    let mut count = 0;
    let mut cur = Some(t);
    while let Some(w) = cur {
        if w.end > limit || count >= 8 {
            break;
        }
        if w.kind != Kind::Word {
            break;
        }
        let word = w.text(text);
        let cap = lex::is_capitalized(word)
            && lexicon.context_of(text, w) & (ctx::MONTH | ctx::WEEKDAY) == 0;
        let group = is_group_noun(word) || is_place_noun(word);
        if !(cap || group && capitalized) {
            break;
        }
        capitalized |= cap;
        end = Some(w.end);
        count += 1;
        cur = lex::next(text, w.end);
    }
    let end = end?;
    capitalized.then_some(start..end)
}

fn is_group_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "forces"
            | "force"
            | "troops"
            | "army"
            | "military"
            | "government"
            | "authorities"
            | "officials"
            | "ministry"
            | "administration"
            | "police"
            | "navy"
            | "militia"
            | "militias"
            | "rebels"
            | "fighters"
            | "regime"
            | "command"
            | "leadership"
            | "side"
            | "units"
            | "soldiers"
            | "aid"
            | "stocks"
            | "budget"
            | "treasury"
    )
}

fn is_place_noun(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "region"
            | "regions"
            | "province"
            | "oblast"
            | "city"
            | "town"
            | "village"
            | "district"
            | "area"
            | "areas"
            | "border"
            | "state"
            | "county"
            | "capital"
            | "governorate"
            | "territory"
            | "front"
            | "republic"
            | "valley"
            | "coast"
            | "island"
            | "islands"
            | "strip"
            | "bank"
            | "peninsula"
            | "port"
    )
}

/// Whether a word is a finite verb or auxiliary: listed in links.tsv, or a regular past
/// tense.
fn is_verb(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    if t.kind != Kind::Word || !t.text(text).chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let roles = lexicon.link_of(text, t);
    roles & (link::AUX | link::VERB | link::CHANGE) != 0 && !t.is(text, "to") && !t.is(text, "all")
        || lower(text, t).ends_with("ed")
}

/// Words that open a new clause: the subject of a figure is found after the last of them.
fn is_clause_break(text: &str, t: Tok) -> bool {
    if t.kind == Kind::Punct {
        return matches!(
            t.text(text),
            ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}"
        ) || is_quote(text, t);
    }
    matches!(
        lower(text, t).as_str(),
        "that"
            | "which"
            | "who"
            | "said"
            | "says"
            | "say"
            | "told"
            | "added"
            | "adding"
            | "stated"
            | "claimed"
            | "announced"
            | "reported"
            | "according"
            | "but"
            | "while"
            | "although"
            | "because"
            | "when"
            | "after"
            | "before"
            | "if"
            | "whereas"
    )
}

/// The subject phrase of a figure, within `sentence`.
pub(crate) fn subject(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    sentence: Range<usize>,
) -> Option<Range<usize>> {
    // Back to the start of the figure's clause; a quote right at the figure is its own.
    let mut b = lex::prev(text, q.span.start);
    while let Some(x) = b.filter(|x| is_quote(text, *x)) {
        b = lex::prev(text, x.start);
    }
    let mut clause_start = None;
    let mut count = 0;
    let mut found_start = false;
    while let Some(w) = b {
        if w.start < sentence.start {
            found_start = true;
            break;
        }
        if count >= WINDOW {
            break;
        }
        if is_clause_break(text, w) {
            clause_start = lex::next(text, w.end);
            found_start = true;
            break;
        }
        clause_start = Some(w);
        count += 1;
        b = lex::prev(text, w.start);
    }
    if b.is_none() {
        // The start of the text or of a line.
        found_start = true;
    }
    let clause_start = clause_start.filter(|_| found_start);
    if let Some(first) = clause_start.filter(|t| t.start < q.span.start)
        && !is_stop(&lower(text, first))
        && let Some(span) = name_phrase(lexicon, text, first, q.span.start)
    {
        // The phrase must be followed by a verb ("Pyongyang has sent", "Russia lost"), not
        // by more of a noun phrase ("Total Bahia sales").
        if lex::next(text, span.end)
            .is_some_and(|t| t.start < q.span.start && is_verb(lexicon, text, t))
        {
            return Some(span);
        }
    }

    // After the figure: "... estimate that the DPRK has suffered", "drawn from U.S. stocks".
    let mut t = lex::next(text, q.span.end);
    for _ in 0..12 {
        let Some(w) = t else { break };
        if w.end > sentence.end || is_quote(text, w) && w.start > q.span.end + 1 {
            break;
        }
        if (w.is(text, "that") || w.is(text, "which") || w.is(text, "from"))
            && let Some(n) = lex::next(text, w.end)
            && let Some(span) = name_phrase(lexicon, text, n, sentence.end)
        {
            let verb_follows = lex::next(text, span.end)
                .is_some_and(|v| v.kind == Kind::Word && lexicon.link_of(text, v) & link::AUX != 0);
            if w.is(text, "from") || verb_follows {
                return Some(span);
            }
        }
        if matches!(t.map(|x| x.text(text)), Some(";" | "said" | "says")) {
            break;
        }
        t = lex::next(text, w.end);
    }
    None
}

/// The place phrase of a figure ("in Russia's Kursk region"), within `sentence`.
pub(crate) fn place(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    sentence: Range<usize>,
) -> Option<Range<usize>> {
    let is_prep = |t: Tok| {
        t.kind == Kind::Word
            && matches!(
                lower(text, t).as_str(),
                "in" | "near" | "outside" | "inside" | "across" | "throughout" | "around"
            )
    };
    let phrase_at = |prep: Tok| -> Option<Range<usize>> {
        let n = lex::next(text, prep.end)?;
        let span = name_phrase(lexicon, text, n, sentence.end)?;
        // "in Brazilian coffee exports": the name is an adjective, not a place.
        if let Some(after) = lex::next(text, span.end)
            && after.kind == Kind::Word
            && !lex::is_capitalized(after.text(text))
            && !is_stop(&lower(text, after))
            && !is_verb(lexicon, text, after)
        {
            return None;
        }
        Some(prep.start..span.end)
    };
    // After the figure first, then before it.
    let mut t = lex::next(text, q.span.end);
    for _ in 0..WINDOW {
        let Some(w) = t else { break };
        if w.end > sentence.end {
            break;
        }
        if is_prep(w)
            && let Some(span) = phrase_at(w)
        {
            return Some(span);
        }
        if matches!(w.text(text), ";" | "said" | "says") {
            break;
        }
        t = lex::next(text, w.end);
    }
    let mut b = lex::prev(text, q.span.start);
    for _ in 0..WINDOW {
        let Some(w) = b else { break };
        if w.start < sentence.start {
            break;
        }
        if is_prep(w)
            && let Some(span) = phrase_at(w)
            && span.end <= q.span.start
        {
            return Some(span);
        }
        b = lex::prev(text, w.start);
    }
    None
}

/// Hedge phrases in a range of text, lowercase, in order, once each.
pub(crate) fn hedges_in(lexicon: &Lexicon, text: &str, range: Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let Some(slice) = text.get(range) else {
        return out;
    };
    for m in lexicon.hedges.find_iter(slice) {
        let before_ok = lex::char_before(slice, m.start()).is_none_or(|c| !c.is_alphanumeric());
        let after_ok = lex::char_at(slice, m.end()).is_none_or(|c| !c.is_alphanumeric());
        if !(before_ok && after_ok) {
            continue;
        }
        if let Some(name) = lexicon.hedge_names.get(m.pattern().as_usize())
            && !out.contains(name)
        {
            out.push(name.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Recognizer;

    fn first(text: &str) -> (Recognizer, Quantity) {
        let r = Recognizer::new().unwrap();
        let q = r.recognize(text).into_iter().next().unwrap();
        (r, q)
    }

    fn measure(text: &str) -> (Measure, Option<String>) {
        let (r, q) = first(text);
        let c = counted(&r.lexicon, text, &q);
        (c.measure, c.noun)
    }

    #[test]
    fn measures_from_nouns_verbs_and_tolls() {
        assert_eq!(
            measure("suffered \"several hundred\" casualties fighting"),
            (Measure::Casualties, Some("casualties".into()))
        );
        assert_eq!(
            measure("thousands of troops to reinforce").0,
            Measure::Troops
        );
        assert_eq!(measure("12 soldiers were killed").0, Measure::Killed);
        assert_eq!(measure("12 were killed").0, Measure::Killed);
        assert_eq!(measure("killing at least 20 people").0, Measure::Killed);
        assert_eq!(measure("a death toll of 40").0, Measure::Killed);
        assert_eq!(measure("the number of dead rose to 40").0, Measure::Killed);
        assert_eq!(
            measure("12 homes were destroyed"),
            (Measure::Other, Some("homes".into()))
        );
        assert_eq!(measure("$5.6 billion").0, Measure::Money);
        assert_eq!(measure("12,000 refugees").0, Measure::Displaced);
    }

    #[test]
    fn subject_and_place_in_the_seed_lead() {
        let text = "North Korean forces have suffered \"several hundred\" casualties fighting \
                    against Ukrainian troops in Russia's Kursk region, a senior U.S. military \
                    official said Tuesday.";
        let r = Recognizer::new().unwrap();
        let q = r.recognize(text).into_iter().next().unwrap();
        let s = subject(&r.lexicon, text, &q, 0..text.len()).unwrap();
        assert_eq!(&text[s], "North Korean forces");
        let p = place(&r.lexicon, text, &q, 0..text.len()).unwrap();
        assert_eq!(&text[p], "in Russia's Kursk region");
    }

    #[test]
    fn subject_after_the_figure() {
        let text = "\"Several hundred casualties is our latest estimate that the DPRK has \
                    suffered,\" the official said.";
        let (r, q) = first(text);
        let s = subject(&r.lexicon, text, &q, 0..text.len()).unwrap();
        assert_eq!(&text[s], "DPRK");
        assert_eq!(
            hedges_in(&r.lexicon, text, 0..text.len()),
            ["latest estimate"]
        );
        let text = "not all of the remaining $5.6 billion that can be drawn from U.S. stocks";
        let (r, q) = first(text);
        let s = subject(&r.lexicon, text, &q, 0..text.len()).unwrap();
        assert_eq!(&text[s], "U.S. stocks");
    }

    #[test]
    fn subject_opens_the_clause() {
        let text = "Pyongyang has sent thousands of troops to reinforce Russia's war effort.";
        let (r, q) = first(text);
        let s = subject(&r.lexicon, text, &q, 0..text.len()).unwrap();
        assert_eq!(&text[s], "Pyongyang");
        let text = "Police said 12 people were arrested.";
        let (r, q) = first(text);
        assert_eq!(subject(&r.lexicon, text, &q, 0..text.len()), None);
    }
}
