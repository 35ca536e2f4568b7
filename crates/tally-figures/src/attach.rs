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
use crate::lexicon::{Lexicon, ctx, link, with_lower};
use crate::quantity::Quantity;

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

/// Runs `f` on the token's lowercase text, without allocating for short ASCII words.
fn lower<R>(text: &str, t: Tok, f: impl FnOnce(&str) -> R) -> R {
    with_lower(t.text(text), f)
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
        let (stop, is_form) = lower(text, w, |l| {
            (
                is_stop(l),
                l.ends_with("ing") || l.ends_with("ed") || l.ends_with("ly"),
            )
        });
        if let Some(m) = is_measure(w) {
            noun = Some(w);
            noun_measure = Some(m);
            at = w.end;
            break;
        }
        // Participles, gerunds and adverbs end the phrase ("casualties fighting"); counted
        // nouns are common nouns, so a capitalized word ("New York", "Sept") is no noun.
        let proper = lex::is_capitalized(w.text(text)) && lexicon.measure_of(text, w).is_none();
        if stop || lexicon.number_word(text, w).is_some() || is_form || proper {
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
    // "Dozens were killed and hundreds wounded": an amount is no name.
    if lexicon.number_word(text, t).is_some() || lower(text, t, |w| lexicon.vague.contains_key(w)) {
        return None;
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
    with_lower(word, |w| {
        matches!(
            w,
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
    })
}

fn is_place_noun(word: &str) -> bool {
    with_lower(word, |w| {
        matches!(
            w,
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
    })
}

/// Whether a word is a finite verb or auxiliary: listed in links.tsv, or a regular past
/// tense.
fn is_verb(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    if t.kind != Kind::Word || !t.text(text).chars().next().is_some_and(char::is_lowercase) {
        return false;
    }
    let roles = lexicon.link_of(text, t);
    roles & (link::AUX | link::VERB | link::CHANGE) != 0 && !t.is(text, "to") && !t.is(text, "all")
        || lower(text, t, |w| w.ends_with("ed"))
}

/// Words that open a new clause: the subject of a figure is found after the last of them.
fn is_clause_break(text: &str, t: Tok) -> bool {
    if t.kind == Kind::Punct {
        return matches!(
            t.text(text),
            ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}"
        ) || is_quote(text, t);
    }
    lower(text, t, |w| {
        matches!(
            w,
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
    })
}

/// How far (in bytes) a clause start or a place may be from its figure: about 40 words.
const REACH: usize = 300;

/// What a sentence offers every figure in it, read in one pass: hedges, candidate places,
/// clause breaks and hard stops. Built once per sentence, so the work per figure stays
/// constant however many figures a sentence holds.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceScan {
    pub range: Range<usize>,
    pub hedges: Vec<(Range<usize>, String)>,
    places: Vec<Range<usize>>,
    breaks: Vec<usize>,
    stops: Vec<usize>,
}

fn is_place_prep(text: &str, t: Tok) -> bool {
    t.kind == Kind::Word
        && lower(text, t, |w| {
            matches!(
                w,
                "in" | "near" | "outside" | "inside" | "across" | "throughout" | "around"
            )
        })
}

/// A place phrase opened by the preposition `prep`: "in Russia's Kursk region".
fn place_at(lexicon: &Lexicon, text: &str, prep: Tok, limit: usize) -> Option<Range<usize>> {
    let n = lex::next(text, prep.end)?;
    let span = name_phrase(lexicon, text, n, limit)?;
    // "in Brazilian coffee exports": the name is an adjective, not a place.
    if let Some(after) = lex::next(text, span.end)
        && after.kind == Kind::Word
        && !lex::is_capitalized(after.text(text))
        && !lower(text, after, is_stop)
        && !is_verb(lexicon, text, after)
    {
        return None;
    }
    Some(prep.start..span.end)
}

/// Reads a sentence once, over the segmenter's tokens when there are any (they are already
/// made), else with the crate's own lexer.
pub(crate) fn scan_sentence(
    lexicon: &Lexicon,
    text: &str,
    range: Range<usize>,
    tokens: &[tally_core::Token],
) -> SentenceScan {
    let mut scan = SentenceScan {
        hedges: hedges_in(lexicon, text, range.clone()),
        range: range.clone(),
        ..SentenceScan::default()
    };
    if !tokens.is_empty() {
        let first = tokens.partition_point(|t| t.end <= range.start);
        for token in tokens.get(first..).unwrap_or(&[]) {
            if token.end > range.end {
                break;
            }
            let kind = match token.kind {
                tally_core::TokenKind::Word => Kind::Word,
                tally_core::TokenKind::Number => Kind::Digits,
                tally_core::TokenKind::Quote | tally_core::TokenKind::Punct => Kind::Punct,
            };
            let t = Tok {
                start: token.start,
                end: token.end,
                kind,
            };
            scan.note(lexicon, text, t);
        }
        return scan;
    }
    let mut pos = range.start;
    while pos < range.end {
        let Some(t) = lex::next(text, pos) else {
            // A line break inside the range: carry on after it.
            pos = text
                .get(pos..range.end)
                .and_then(|s| s.find('\n'))
                .map_or(range.end, |i| pos + i + 1);
            continue;
        };
        if t.end > range.end {
            break;
        }
        scan.note(lexicon, text, t);
        pos = t.end;
    }
    scan
}

impl SentenceScan {
    /// Records what one token of the sentence offers.
    fn note(&mut self, lexicon: &Lexicon, text: &str, t: Tok) {
        if is_clause_break(text, t) {
            self.breaks.push(t.end);
        }
        if t.is(text, ";") || t.is(text, "said") || t.is(text, "says") {
            self.stops.push(t.start);
        }
        if is_place_prep(text, t)
            && let Some(p) = place_at(lexicon, text, t, self.range.end)
        {
            self.places.push(p);
        }
    }
}

/// The subject phrase of a figure, within its sentence.
pub(crate) fn subject(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    scan: &SentenceScan,
) -> Option<Range<usize>> {
    let sentence = scan.range.clone();
    // Back to the start of the figure's clause; a quote right at the figure is its own.
    let mut b = lex::prev(text, q.span.start);
    while let Some(x) = b.filter(|x| is_quote(text, *x)) {
        b = lex::prev(text, x.start);
    }
    let before_end = b.map_or(sentence.start, |t| t.end.max(sentence.start));
    let i = scan.breaks.partition_point(|&e| e <= before_end);
    let clause_pos = i
        .checked_sub(1)
        .and_then(|i| scan.breaks.get(i))
        .copied()
        .unwrap_or(sentence.start);
    if before_end.saturating_sub(clause_pos) <= REACH
        && let Some(first) = lex::next(text, clause_pos).filter(|t| t.start < q.span.start)
        && !lower(text, first, is_stop)
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

/// The place phrase of a figure ("in Russia's Kursk region"): the nearest after it in its
/// clause, else the nearest before it.
pub(crate) fn place(q: &Quantity, scan: &SentenceScan) -> Option<Range<usize>> {
    let i = scan.places.partition_point(|p| p.start < q.span.end);
    if let Some(p) = scan.places.get(i)
        && p.start - q.span.end <= REACH
    {
        let j = scan.stops.partition_point(|&s| s < q.span.end);
        let stopped = scan.stops.get(j).is_some_and(|&s| s < p.start);
        if !stopped {
            return Some(p.clone());
        }
    }
    let k = scan.places.partition_point(|p| p.end <= q.span.start);
    k.checked_sub(1)
        .and_then(|k| scan.places.get(k))
        .filter(|p| q.span.start - p.end <= REACH)
        .cloned()
}

/// Hedge phrases in a range of text: where each is and its lowercase name, in order.
pub(crate) fn hedges_in(
    lexicon: &Lexicon,
    text: &str,
    range: Range<usize>,
) -> Vec<(Range<usize>, String)> {
    let mut out = Vec::new();
    let Some(slice) = text.get(range.clone()) else {
        return out;
    };
    for m in lexicon.hedges.find_iter(slice) {
        let before_ok = lex::char_before(slice, m.start()).is_none_or(|c| !c.is_alphanumeric());
        let after_ok = lex::char_at(slice, m.end()).is_none_or(|c| !c.is_alphanumeric());
        if !(before_ok && after_ok) {
            continue;
        }
        if let Some(name) = lexicon.hedge_names.get(m.pattern().as_usize()) {
            out.push((range.start + m.start()..range.start + m.end(), name.clone()));
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
        let s = subject(
            &r.lexicon,
            text,
            &q,
            &scan_sentence(&r.lexicon, text, 0..text.len(), &[]),
        )
        .unwrap();
        assert_eq!(&text[s], "North Korean forces");
        let p = place(&q, &scan_sentence(&r.lexicon, text, 0..text.len(), &[])).unwrap();
        assert_eq!(&text[p], "in Russia's Kursk region");
    }

    #[test]
    fn subject_after_the_figure() {
        let text = "\"Several hundred casualties is our latest estimate that the DPRK has \
                    suffered,\" the official said.";
        let (r, q) = first(text);
        let s = subject(
            &r.lexicon,
            text,
            &q,
            &scan_sentence(&r.lexicon, text, 0..text.len(), &[]),
        )
        .unwrap();
        assert_eq!(&text[s], "DPRK");
        let hedges: Vec<String> = hedges_in(&r.lexicon, text, 0..text.len())
            .into_iter()
            .map(|h| h.1)
            .collect();
        assert_eq!(hedges, ["latest estimate"]);
        let text = "not all of the remaining $5.6 billion that can be drawn from U.S. stocks";
        let (r, q) = first(text);
        let s = subject(
            &r.lexicon,
            text,
            &q,
            &scan_sentence(&r.lexicon, text, 0..text.len(), &[]),
        )
        .unwrap();
        assert_eq!(&text[s], "U.S. stocks");
    }

    #[test]
    fn subject_opens_the_clause() {
        let text = "Pyongyang has sent thousands of troops to reinforce Russia's war effort.";
        let (r, q) = first(text);
        let s = subject(
            &r.lexicon,
            text,
            &q,
            &scan_sentence(&r.lexicon, text, 0..text.len(), &[]),
        )
        .unwrap();
        assert_eq!(&text[s], "Pyongyang");
        let text = "Police said 12 people were arrested.";
        let (r, q) = first(text);
        assert_eq!(
            subject(
                &r.lexicon,
                text,
                &q,
                &scan_sentence(&r.lexicon, text, 0..text.len(), &[])
            ),
            None
        );
    }
}
