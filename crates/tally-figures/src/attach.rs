//! Attachment: what a figure counts (measure and noun), whose figure it is (subject), where
//! (place), and how sure the text is (hedges).
//!
//! All rules read a bounded window of words around the figure inside its sentence, so the
//! cost per figure is constant. The word lists are `data/figures/measures.tsv`, `links.tsv`,
//! `words.tsv` and `hedges.tsv`.
//!
//! * **Measure**: the counted noun after the amount ("several hundred casualties", "thousands
//!   of troops"), a participle after it ("12 were killed", "500 North Korean soldiers had
//!   been wounded"), a verb before it ("killing at least 20"), or a toll head before it ("a
//!   death toll of 40"). A verb beats a noun of measure `troops` or `other` ("12 soldiers
//!   were killed" counts killed). Killed and wounded named together ("1,000 men killed and
//!   wounded", "several hundred killed or wounded") are `casualties`. Participles are never
//!   the counted noun ("40 died" counts no noun; "42,500 displaced people" counts people).
//! * **Subject**: the names before a counted noun of people ("500 North Korean soldiers had
//!   been wounded"), else the proper-noun phrase that opens the figure's clause ("North
//!   Korean forces have suffered ...", "North Korean troops fighting for Russia ... have
//!   suffered ..."), else one after it in "that the DPRK has suffered" or "drawn from U.S.
//!   stocks". After a verb of harm ("..., killing at least 12 people") the clause's opener is
//!   the **agent**, who did the harm, never the subject.
//! * **Place**: an "in/near/across ... Name" phrase in the figure's own clause ("in Russia's
//!   Kursk region"), else in the sentence's subject phrase; a place in the attribution frame
//!   ("told reporters in Kyiv", "officials in Moscow said") is where the words were spoken,
//!   never the figure's. None when unsure: a wrong place makes false contradictions. Fixed
//!   expressions ("IN FACT", "IN CUSTODY") and a stake or interest "in" a company are no
//!   place (`places.tsv`).
//! * **Hedges**: the figure's own modifier when it is a hedge ("at least"), and hedge phrases
//!   in its sentence ("latest estimate", "reportedly").
//!
//! Text in capitals throughout (old wire copy, radio transcripts) is read without the case
//! cues: names end at function words and verbs instead.

use std::ops::Range;

use tally_core::Measure;

use crate::convention::Base;
use crate::lex::{self, Kind, Tok};
use crate::lexicon::{Info, Lexicon, ctx, link, role, with_lower};
use crate::quantity::Quantity;

/// What a figure counts.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Counted {
    pub measure: Measure,
    pub noun: Option<String>,
    /// The counted noun phrase when names before the noun say whose the figure is ("North
    /// Korean soldiers").
    pub owner: Option<Range<usize>>,
    /// The measure comes from a verb of harm before the amount ("Russia launched ...,
    /// killing at least seven people"): the clause's subject did the harm, it did not
    /// suffer it, so it is not the figure's subject.
    pub agent_verb: bool,
}

/// A function word: it ends a noun phrase and names nothing (words.tsv `stop`).
fn is_stop(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    lexicon.role_of(text, t) & role::STOP != 0
}

/// A preposition that opens a place (words.tsv `place_prep`).
fn is_place_prep(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    lexicon.role_of(text, t) & role::PLACE_PREP != 0
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

/// Whether a word token reads as a counted noun: a noun in the measure lexicon, or a
/// lowercase plural ("jobs", "launchers"). In all-caps text case says nothing, so any
/// plural-looking word counts.
fn looks_like_noun(lexicon: &Lexicon, text: &str, t: Tok, caps: bool) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    if let Some((_, verb)) = lexicon.measure_form(text, t) {
        return !verb;
    }
    let w = t.text(text);
    (caps || !lex::is_capitalized(w)) && !is_stop(lexicon, text, t) && lower(text, t, is_plural)
}

/// The hyphenated word that `w` opens ("white-collar", "Shahed-type", "pro-Russian"), as
/// one token, when it has one.
fn hyphenated(text: &str, w: Tok) -> Option<Tok> {
    let mut end = w.end;
    while let Some(h) = lex::next(text, end).filter(|h| h.start == end && h.is(text, "-")) {
        match lex::next(text, h.end) {
            Some(x) if x.start == h.end && x.kind == Kind::Word => end = x.end,
            _ => break,
        }
    }
    (end > w.end).then_some(Tok {
        start: w.start,
        end,
        kind: Kind::Word,
    })
}

/// After singular modifiers ("heavy machinery"), "and" or "or" and up to two more lowercase
/// words ending in a plural: that plural ("six heavy machinery and aerospace companies").
fn coordinated_plural(lexicon: &Lexicon, text: &str, conj: Tok, noun: Option<Tok>) -> Option<Tok> {
    let before = noun?;
    if before.end + 1 != conj.start
        || !(conj.is(text, "and") || conj.is(text, "or"))
        || lower(text, before, is_plural)
        || lexicon.measure_form(text, before).is_some()
    {
        return None;
    }
    let plain = |t: &Tok| {
        t.kind == Kind::Word
            && !lex::is_capitalized(t.text(text))
            && !is_stop(lexicon, text, *t)
            && lexicon.number_word(text, *t).is_none()
            && !lexicon.measure_form(text, *t).is_some_and(|(_, verb)| verb)
    };
    // The last plural of up to three plain words: "domestic and overseas branch offices".
    let mut t = lex::next(text, conj.end).filter(plain);
    let mut plural = None;
    for _ in 0..3 {
        let Some(w) = t else { break };
        if lower(text, w, is_plural) {
            plural = Some(w);
        }
        t = lex::next(text, w.end).filter(|n| n.start == w.end + 1 && plain(n));
    }
    plural
}

/// A regular plural: "jobs", "launchers"; not "news", "this", "class" or a possessive.
pub(crate) fn is_plural(lower: &str) -> bool {
    lower.len() > 3
        && lower.ends_with('s')
        && !lower.ends_with("ss")
        && !lower.ends_with("'s")
        && !lower.ends_with("us")
        && !lower.ends_with("is")
        && !matches!(
            lower,
            "news" | "plus" | "always" | "perhaps" | "whereas" | "series"
        )
}

/// Killed and wounded named together ("killed and wounded", "dead or injured", "killed,
/// wounded"): `casualties` (CONVENTIONS.md). `w` is the first measure word, `m` its measure;
/// looks right for the other one.
/// Whether a displacement phrase starts at a word: "forced from their homes", "forced to
/// flee" (displacements.tsv), as a whole-word match.
fn is_displacement(lexicon: &Lexicon, text: &str, w: Tok) -> bool {
    let input = aho_corasick::Input::new(text)
        .range(w.start..)
        .anchored(aho_corasick::Anchored::Yes);
    lexicon
        .displacements
        .find(input)
        .is_some_and(|m| !lex::char_at(text, m.end()).is_some_and(char::is_alphanumeric))
}

fn combine_forward(lexicon: &Lexicon, text: &str, w: Tok, m: Measure) -> Measure {
    if !matches!(m, Measure::Killed | Measure::Wounded) {
        return m;
    }
    let mut t = lex::next(text, w.end);
    for _ in 0..4 {
        let Some(x) = t else { break };
        let joiner = x.is(text, "and") || x.is(text, "or") || x.is(text, ",") || x.is(text, "/");
        // "killed and seriously wounded".
        let adverb = x.kind == Kind::Word && lower(text, x, |l| l.ends_with("ly"));
        if joiner || adverb {
            t = lex::next(text, x.end);
            continue;
        }
        if let Some(other) = lexicon.measure_of(text, x)
            && is_casualty_pair(m, other)
        {
            return Measure::Casualties;
        }
        break;
    }
    m
}

/// The same, looking left from a measure word right before a figure ("killed or wounded
/// 40 people").
fn combine_backward(lexicon: &Lexicon, text: &str, w: Tok, m: Measure) -> Measure {
    if !matches!(m, Measure::Killed | Measure::Wounded) {
        return m;
    }
    let mut t = lex::prev(text, w.start);
    for _ in 0..4 {
        let Some(x) = t else { break };
        if x.is(text, "and") || x.is(text, "or") || x.is(text, ",") || x.is(text, "/") {
            t = lex::prev(text, x.start);
            continue;
        }
        if let Some(other) = lexicon.measure_of(text, x)
            && is_casualty_pair(m, other)
        {
            return Measure::Casualties;
        }
        break;
    }
    m
}

/// The auxiliary or verb of harm after an "of" phrase that follows a plural counted noun,
/// if one comes within five words: "14 members [of his family] were killed", "12 residents
/// [of the city] have died", "two employees [of the energy company DTEK] died". `of` is the
/// token after the noun.
fn past_of_phrase(lexicon: &Lexicon, text: &str, of: Tok) -> Option<Tok> {
    if !of.is(text, "of") {
        return None;
    }
    let mut t = lex::next(text, of.end);
    for _ in 0..5 {
        let w = t.filter(|w| w.kind == Kind::Word)?;
        if lexicon.link_of(text, w) & link::AUX != 0
            || lexicon.measure_form(text, w).is_some_and(|(_, verb)| verb)
                && lower(text, w, |l| l.ends_with("ed"))
        {
            return Some(w);
        }
        t = lex::next(text, w.end);
    }
    None
}

/// A determiner between "of" and a counted noun: "200 of them", "a third of the convoy",
/// "1.9 million of Gaza's 2.3 million people", "two of its soldiers".
/// A lowercase article: "class A" names a class.
fn is_article(text: &str, t: Tok) -> bool {
    matches!(t.text(text), "a" | "an" | "the")
}

fn is_of_determiner(text: &str, t: Tok) -> bool {
    t.kind == Kind::Word
        && lower(text, t, |l| {
            matches!(
                l,
                "the"
                    | "their"
                    | "them"
                    | "those"
                    | "these"
                    | "us"
                    | "whom"
                    | "its"
                    | "his"
                    | "her"
                    | "our"
            ) || l.len() > 2 && (l.ends_with("'s") || l.ends_with("\u{2019}s"))
        })
}

/// Digits or a number word ("500", "three", "million").
fn is_amount_word(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    t.kind == Kind::Digits || t.kind == Kind::Word && lexicon.number_word(text, t).is_some()
}

/// A point or comma inside a number ("2.3", "1,000"), which the lexer splits off.
fn is_decimal_mark(text: &str, t: Tok) -> bool {
    (t.is(text, ".") || t.is(text, ","))
        && text[t.end..].starts_with(|c: char| c.is_ascii_digit())
        && text[..t.start].ends_with(|c: char| c.is_ascii_digit())
}

/// Whether the figure is the whole after a part: "300 of the 500", "two of the three".
fn is_whole_of_part(lexicon: &Lexicon, text: &str, q: &Quantity) -> bool {
    let mut b = lex::prev(text, q.span.start);
    if let Some(det) = b.filter(|x| is_of_determiner(text, *x)) {
        b = lex::prev(text, det.start);
    }
    b.filter(|x| x.is(text, "of"))
        .and_then(|of| lex::prev(text, of.start))
        .is_some_and(|n| is_amount_word(lexicon, text, n))
}

/// How many words a phrase between a toll head and its verb may have: room for a relative
/// clause on the phrase's noun ("from a magnitude 7.1 earthquake that struck eastern Turkey
/// on Monday").
const TOLL_PHRASE_REACH: usize = 16;

/// The measure of a toll whose head stands before a phrase that ends at `last`, the word
/// before the toll's verb: "the death toll [in Gaza] has surpassed 40,000", "casualties
/// [among civilians] climbed to 300", "the number of troops killed [since the ground
/// offensive began] rose to 329". The phrase opens with a preposition (links.tsv
/// `toll_prep`) right after the measure word and holds words and numbers only: a comma, a
/// quote or a clause word ("when", "which") ends the search.
///
/// With `lead`, the figure follows "to" and the toll has no verb of its own: a verb that
/// leads a toll (links.tsv `toll_lead`) must stand at most [`TOLL_LEAD_REACH`] words before
/// its head ("bringing the number of troops killed since the offensive began to 329").
fn toll_across_phrase(lexicon: &Lexicon, text: &str, last: Tok, lead: bool) -> Option<Measure> {
    let mut t = Some(last);
    for _ in 0..TOLL_PHRASE_REACH {
        let w = t?;
        // "the death toll from 20 months of war has risen to": a number inside the phrase.
        let head = lex::prev(text, w.start).filter(|h| {
            matches!(h.kind, Kind::Word | Kind::Digits)
                || in_number(text, *h)
                || in_compound(text, *h)
        });
        if lexicon.link_of(text, w) & link::TOLL_PREP != 0
            && let Some(h) = head
            && let Some(m) = lexicon.measure_of(text, h).filter(|m| *m != Measure::Other)
            && (!lead || led(lexicon, text, h))
        {
            return Some(combine_backward(lexicon, text, h, m));
        }
        // "his sudden death from a heart attack when he was 12": a clause inside is no
        // toll's phrase, but a relative clause on the phrase's noun is ("the death toll from
        // the earthquake that struck Turkey rose to 312").
        if is_clause_break(lexicon, text, w) && !is_relative_on_noun(text, w, head) {
            return None;
        }
        t = head;
    }
    None
}

/// Whether `t` is a decimal point or a thousands comma between digits ("a magnitude 7.1
/// earthquake", "2,000 homes").
fn in_number(text: &str, t: Tok) -> bool {
    let digit =
        |x: Option<Tok>, end: usize| x.is_some_and(|x| x.kind == Kind::Digits && x.end == end);
    t.kind == Kind::Punct
        && matches!(t.text(text), "." | ",")
        && digit(lex::prev(text, t.start), t.start)
        && lex::next(text, t.end).is_some_and(|x| x.kind == Kind::Digits && x.start == t.end)
}

/// Whether `t` is a hyphen inside a compound word ("the Emilia-Romagna region", "a
/// Hamas-run ministry").
fn in_compound(text: &str, t: Tok) -> bool {
    let word = |x: Option<Tok>| x.is_some_and(|x| matches!(x.kind, Kind::Word | Kind::Digits));
    t.kind == Kind::Punct
        && t.text(text) == "-"
        && word(lex::prev(text, t.start).filter(|x| x.end == t.start))
        && word(lex::next(text, t.end).filter(|x| x.start == t.end))
}

/// Whether `w` is a relative pronoun right after a word, a noun it describes ("the
/// earthquake that struck", "the floods which hit").
fn is_relative_on_noun(text: &str, w: Tok, before: Option<Tok>) -> bool {
    lower(text, w, |l| matches!(l, "that" | "which"))
        && before.is_some_and(|b| b.kind == Kind::Word && !lower(text, b, is_function_word))
}

/// Words before "that" that make it no relative pronoun ("said that", "so that").
fn is_function_word(l: &str) -> bool {
    matches!(l, "said" | "so" | "now" | "such" | "and" | "but" | "than")
}

/// How many tokens before "it" the toll it stands for may be named: the sentence before
/// and its own.
const PRONOUN_TOLL_REACH: usize = 60;

/// The measure of the toll that "it" stands for when `w` is the "it" before a toll's verb:
/// "On Thursday officials had put the toll at 12 dead. By Friday evening it had climbed to
/// 34". The toll is the nearest head of a toll (a noun of a measure that links a toll to
/// its value: "toll", "death toll") in the same paragraph, at most one sentence back.
fn pronoun_toll(lexicon: &Lexicon, text: &str, w: Tok) -> Option<Measure> {
    if !w.is(text, "it") {
        return None;
    }
    let mut ends = 0;
    let mut t = lex::prev(text, w.start);
    let mut after = w.start;
    for _ in 0..PRONOUN_TOLL_REACH {
        let x = t?;
        if text.get(x.end..after).is_some_and(|gap| gap.contains('\n')) {
            return None;
        }
        if x.kind == Kind::Punct && matches!(x.text(text), "." | "!" | "?") {
            ends += 1;
            if ends > 1 {
                return None;
            }
        }
        if let Some((m, false)) = lexicon.measure_form(text, x)
            && m != Measure::Other
            && lexicon.link_of(text, x) & link::LINK != 0
        {
            return Some(combine_backward(lexicon, text, x, m));
        }
        after = x.start;
        t = lex::prev(text, x.start);
    }
    None
}

/// How many words before a toll's head its leading verb may stand ("bringing the number of
/// troops killed").
const TOLL_LEAD_REACH: usize = 5;

/// Whether a verb that leads a toll stands shortly before its head `h`.
fn led(lexicon: &Lexicon, text: &str, h: Tok) -> bool {
    let mut t = lex::prev(text, h.start);
    for _ in 0..TOLL_LEAD_REACH {
        let Some(w) = t.filter(|w| w.kind == Kind::Word) else {
            return false;
        };
        if lexicon.link_of(text, w) & link::TOLL_LEAD != 0 {
            return true;
        }
        t = lex::prev(text, w.start);
    }
    false
}

/// Whether a verb of harm outranks a noun of status: "six hostages were killed" counts
/// the killed, "three detainees died", "five refugees were wounded"; a noun of harm
/// ("suffered several hundred casualties") still beats the verb.
fn harm_over_status(verb: Measure, noun: Option<Measure>) -> bool {
    matches!(
        verb,
        Measure::Killed | Measure::Wounded | Measure::Casualties
    ) && matches!(
        noun,
        Some(Measure::Captured | Measure::Detained | Measure::Displaced | Measure::Missing)
    )
}

fn is_casualty_pair(a: Measure, b: Measure) -> bool {
    matches!(
        (a, b),
        (Measure::Killed, Measure::Wounded) | (Measure::Wounded, Measure::Killed)
    )
}

/// Whether a word ends in a possessive "'s" ("company's", "Russia’s").
fn is_possessive(text: &str, t: Tok) -> bool {
    let w = t.text(text);
    w.len() > 2 && (w.ends_with("'s") || w.ends_with("’s"))
}

/// Words that open a higher guess set off by commas: "dozens, perhaps hundreds, of
/// people", "hundreds, if not thousands, of".
const ALTERNATIVES: &[&str] = &[
    "perhaps", "maybe", "possibly", "probably", "even", "if", "not",
];

/// How many words an aside of alternatives may hold ("if not several thousand").
const ALTERNATIVE_REACH: usize = 5;

/// The "of" after a comma that closes an aside of alternatives with the figure `q`: the
/// aside after it (`t` its comma: "dozens, perhaps hundreds, of"), or the figure itself
/// inside one ("perhaps hundreds, of"). `None` for any other comma.
fn of_after_alternative(text: &str, q: &Quantity, t: Tok) -> Option<Tok> {
    if !t.is(text, ",") {
        return None;
    }
    let is_alternative = |x: Tok| ALTERNATIVES.iter().any(|a| x.is(text, a));
    let of_after = |comma: Tok| lex::next(text, comma.end).filter(|x| x.is(text, "of"));
    // Inside the aside: the word before the figure opens it ("or" only restates: "789,
    // or about a quarter, of its shares").
    if lex::prev(text, q.span.start).is_some_and(is_alternative) {
        return of_after(t);
    }
    // Before the aside: a comma, an alternative ("or even", not a restating "or"), a few
    // words and a comma before "of".
    let mut x = lex::next(text, t.end)?;
    if x.is(text, "or") {
        x = lex::next(text, x.end)?;
    }
    if !is_alternative(x) {
        return None;
    }
    for _ in 0..ALTERNATIVE_REACH {
        x = lex::next(text, x.end)?;
        if x.is(text, ",") {
            return of_after(x);
        }
        if x.kind == Kind::Punct {
            return None;
        }
    }
    None
}

/// Measure and counted noun. `caps` says the text around is all capitals, where case tells
/// names from common words no more.
pub(crate) fn counted(lexicon: &Lexicon, text: &str, q: &Quantity, caps: bool) -> Counted {
    if q.currency.is_some() {
        return Counted {
            measure: Measure::Money,
            noun: None,
            owner: None,
            agent_verb: false,
        };
    }
    if q.percent.is_some() || q.unit.is_some() {
        return Counted {
            measure: Measure::Other,
            noun: None,
            owner: None,
            agent_verb: false,
        };
    }
    let is_measure = |t: Tok| lexicon.measure_of(text, t).filter(|m| *m != Measure::Other);

    // The noun phrase after the amount: skip closing quotes and one "of" ("thousands of
    // troops", "200 of them", "a third of the convoy").
    let mut at = q.span.end;
    let mut t = lex::next(text, at);
    // Whether a whole's amount was skipped ("300 of the 500 passengers").
    let mut whole = false;
    while let Some(x) = t.filter(|x| is_quote(text, *x)) {
        at = x.end;
        t = lex::next(text, at);
    }
    // "Dozens, perhaps hundreds, of people": both amounts count the noun after the aside.
    if let Some(of) = t.and_then(|x| of_after_alternative(text, q, x)) {
        t = Some(of);
    }
    if let Some(of) = t.filter(|x| x.is(text, "of")) {
        at = of.end;
        t = lex::next(text, at);
        if let Some(det) = t.filter(|x| is_of_determiner(text, *x)) {
            at = det.end;
            t = lex::next(text, at);
            // "six Jesuits, five of them Spaniards": after a pronoun only a plural noun is
            // counted; "17 of them foreign", "a few of whom get half a vote", "three-fourths
            // of them tell pollsters" name no noun (the earlier count's is taken, see
            // coordinate.rs).
            let pronoun = lower(text, det, |l| matches!(l, "them" | "whom" | "us"));
            if pronoun && !t.is_some_and(|x| x.kind == Kind::Word && lower(text, x, is_plural)) {
                t = None;
            }
        }
        // "300 of the company's 5,000 employees": the owner before the whole is no noun.
        if let Some(owner) = t.filter(|x| x.kind == Kind::Word && is_possessive(text, *x))
            && lex::next(text, owner.end).is_some_and(|n| is_amount_word(lexicon, text, n))
        {
            at = owner.end;
            t = lex::next(text, at);
        }
        // "300 of the 500 passengers", "1.9 million of Gaza's 2.3 million people": the part
        // counts the whole's noun.
        while let Some(n) =
            t.filter(|x| is_amount_word(lexicon, text, *x) || is_decimal_mark(text, *x))
        {
            at = n.end;
            t = lex::next(text, at);
            whole = true;
        }
    }
    // "two more people were killed": the counted noun is after the increment.
    if !whole
        && let Some(x) =
            t.filter(|x| x.kind == Kind::Word && lexicon.role_of(text, *x) & role::INCREMENT != 0)
    {
        at = x.end;
        t = lex::next(text, at);
    }
    // "fewer than 50 737 jets": a model number between the amount and its noun.
    if let Some(x) =
        t.filter(|x| x.start == q.span.end + 1 && crate::filter::is_model_number(lexicon, text, *x))
    {
        at = x.end;
        t = lex::next(text, at);
    }
    let mut noun: Option<Tok> = None;
    let mut noun_measure: Option<Measure> = None;
    // "42,500 displaced people": a participle before the noun.
    let mut modifier_measure: Option<Measure> = None;
    // "North Korean soldiers": where the names before the noun start.
    let mut proper: Option<usize> = None;
    // The last capitalized word of that phrase: a plural there is the counted noun when no
    // common noun follows ("100 Americans", "two Hispanics", "North Koreans").
    let mut last_cap: Option<Tok> = None;
    let mut words = 0;
    while let Some(w) = t {
        if w.kind != Kind::Word || words >= 5 {
            break;
        }
        // "thousands of white-collar staff", "2,700 Shahed-type drones": a hyphenated
        // modifier is one word of the phrase; a plural one may be the noun ("two co-leads").
        if let Some(compound) = hyphenated(text, w)
            .filter(|_| !is_stop(lexicon, text, w) && lexicon.number_word(text, w).is_none())
        {
            let next = lex::next(text, compound.end)
                .filter(|n| n.start == compound.end + 1 && n.kind == Kind::Word)
                .filter(|n| {
                    (caps || !lex::is_capitalized(n.text(text))) && !is_stop(lexicon, text, *n)
                });
            if next.is_some() || lower(text, compound, is_plural) {
                if lex::is_capitalized(w.text(text)) && !caps {
                    proper.get_or_insert(w.start);
                }
                noun = Some(compound);
                at = compound.end;
                words += 1;
                if next.is_none() {
                    break;
                }
                t = next;
                continue;
            }
        }
        if let Some((m, verb)) = lexicon.measure_form(text, w) {
            if !verb {
                noun = Some(w);
                noun_measure = (m != Measure::Other).then(|| combine_forward(lexicon, text, w, m));
                at = w.end;
                break;
            }
            let next = lex::next(text, w.end);
            if m != Measure::Other
                && noun.is_none()
                && next.is_some_and(|n| looks_like_noun(lexicon, text, n, caps))
            {
                modifier_measure = Some(m);
                at = w.end;
                words += 1;
                t = next;
                continue;
            }
            // A participle right after the amount ("several hundred killed") is read as a
            // verb below; it is no noun.
            break;
        }
        let stop = is_stop(lexicon, text, w);
        let is_form = lower(text, w, |l| {
            l.ends_with("ing") || l.ends_with("ed") || l.ends_with("ly")
        });
        if stop && let Some(plural) = coordinated_plural(lexicon, text, w, noun) {
            // "six heavy machinery and aerospace companies": the modifiers are coordinated;
            // the plural after them is the noun.
            noun = Some(plural);
            at = plural.end;
            break;
        }
        if stop || lexicon.number_word(text, w).is_some() {
            break;
        }
        let cap = !caps && lex::is_capitalized(w.text(text));
        if cap {
            // Names before the noun say whose it is ("North Korean soldiers", "two Chrysler
            // plants"); a month or weekday ends the phrase ("reached 1,000 Tuesday").
            if lexicon.context_of(text, w) & (ctx::MONTH | ctx::WEEKDAY) != 0 {
                break;
            }
            proper.get_or_insert(w.start);
            last_cap = Some(w);
            at = w.end;
            words += 1;
            t = lex::next(text, w.end);
            continue;
        }
        if is_form {
            // "2,000 salaried jobs", "200 armed men": a modifier when a noun follows; else a
            // participle, gerund or adverb ends the phrase ("casualties fighting").
            let next = lex::next(text, w.end);
            if noun.is_none() && next.is_some_and(|n| looks_like_noun(lexicon, text, n, caps)) {
                at = w.end;
                words += 1;
                t = next;
                continue;
            }
            // "TWENTY HEAVILY ARMED TRAFFICKERS": an adverb before a modifier that is itself
            // followed by the noun.
            let modifier_follows = next.is_some_and(|n| {
                n.kind == Kind::Word
                    && lower(text, n, |l| l.ends_with("ed") || l.ends_with("ing"))
                    && lexicon.measure_form(text, n).is_none()
                    && lex::next(text, n.end)
                        .is_some_and(|x| looks_like_noun(lexicon, text, x, caps))
            });
            if noun.is_none() && lower(text, w, |l| l.ends_with("ly")) && modifier_follows {
                at = w.end;
                words += 1;
                t = next;
                continue;
            }
            break;
        }
        // "One strike hit a home": after one thing's noun, a word an article follows is the
        // clause's verb, not the head of a compound (a larger count's noun before "a" is a
        // rate's: "40 mln cubic feet a day", "206,000 passenger cars a year").
        if noun.is_some()
            && !caps
            && q.base == Base::Exact(1.0)
            && lex::next(text, w.end).is_some_and(|n| is_article(text, n))
        {
            break;
        }
        noun = Some(w);
        at = w.end;
        words += 1;
        if lower(text, w, is_plural) {
            // A plural heads the phrase ("artillery shells", "production jobs").
            break;
        }
        t = lex::next(text, w.end);
    }

    if noun.is_none()
        && let Some(c) = last_cap.filter(|c| c.end == at)
        && lower(text, c, |l| is_plural(l) && !l.ends_with("as") && !l.ends_with("\u{2019}s"))
        // "Domestic Use 9.70 9.60 Exports 2.80": a table's next row label, not a noun;
        // "30 of Philippines' 483 banks": a possessive.
        && !lex::next(text, c.end).is_some_and(|x| {
            x.kind == Kind::Digits
                || is_quote(text, x)
                // "One Tweet Sums Up ...": a headline in Title Case, where every word is
                // capitalized.
                || x.kind == Kind::Word && lex::is_capitalized(x.text(text))
        })
    {
        noun = Some(c);
    }

    // "saves hundreds of lives": lives spared are no toll.
    if noun_measure == Some(Measure::Killed) && spared(lexicon, text, q) {
        noun_measure = None;
    }

    // The whole's noun counts the part only when it is a known counted noun: "8.6 billion
    // of the 30 billion franc revenues" is money, which the carry rules read from a bare
    // amount.
    if whole && noun.is_some_and(|n| lexicon.measure_form(text, n).is_none()) {
        noun = None;
    }

    // A participle after the phrase: "12 were killed", "40 people have died", "500 North
    // Korean soldiers had been wounded".
    let mut verb_after = None;
    let mut p = lex::next(text, at);
    // "169 people, including 93 children, had died": the verb comes after the aside.
    if let Some(c) = p.filter(|x| x.text(text) == ",")
        && lex::next(text, c.end).is_some_and(|x| x.is(text, "including"))
    {
        let mut k = lex::next(text, c.end);
        for _ in 0..10 {
            let Some(x) = k else { break };
            if x.text(text) == "," {
                p = lex::next(text, x.end);
                break;
            }
            if x.kind != Kind::Word && x.kind != Kind::Digits {
                break;
            }
            k = lex::next(text, x.end);
        }
    }
    // "were killed" after the noun is said of the part in "300 of the 500 passengers were
    // killed"; "killed" or "who have fled" right after it describe the whole ("one of 26
    // people killed in the shooting").
    let finite_after = p.is_some_and(|x| {
        x.kind == Kind::Word
            && lexicon.link_of(text, x) & link::AUX != 0
            && lower(text, x, |l| {
                matches!(l, "were" | "was" | "are" | "is" | "have" | "has" | "had")
            })
    });
    if noun.is_some_and(|n| lower(text, n, is_plural)) {
        p = p.map(|x| past_of_phrase(lexicon, text, x).unwrap_or(x));
    }
    for _ in 0..4 {
        let Some(w) = p else { break };
        if w.kind != Kind::Word {
            break;
        }
        if let Some(m) = is_measure(w) {
            verb_after = Some(combine_forward(lexicon, text, w, m));
            break;
        }
        if is_displacement(lexicon, text, w) {
            verb_after = Some(Measure::Displaced);
            break;
        }
        // "forced 30,000 people to evacuate", "forcing 5,000 to flee their homes".
        let role_before = |r: u32| {
            lex::prev(text, q.span.start).is_some_and(|v| lexicon.role_of(text, v) & r != 0)
        };
        if w.is(text, "to")
            && role_before(role::COMPEL)
            && lex::next(text, w.end).is_some_and(|x| lexicon.role_of(text, x) & role::FLIGHT != 0)
        {
            verb_after = Some(Measure::Displaced);
            break;
        }
        // "sentenced five people to death": a sentence, not a killing.
        if w.is(text, "to") && role_before(role::SENTENCE) {
            break;
        }
        // "THREE WERE SOMEWHAT SERIOUSLY WOUNDED", "TWO OR THREE ARE CRITICALLY WOUNDED",
        // "THE SEVEN WHO WERE WOUNDED": adverbs of degree and a relative "who" stand between
        // the figure and its participle like auxiliaries.
        // "were listed as missing", "reported as killed".
        let adverb = lower(text, w, |l| {
            l.ends_with("ly") || matches!(l, "very" | "somewhat" | "who" | "as")
        });
        if lexicon.link_of(text, w) & link::AUX == 0 && !adverb {
            break;
        }
        p = lex::next(text, w.end);
    }

    // A verb before the figure ("killing at least 20") or a toll head ("a death toll of 40",
    // "casualties stood at several hundred"), with only linking words between.
    let mut before = None;
    let mut before_verb = false;
    let mut b = lex::prev(text, q.span.start);
    while let Some(x) = b.filter(|x| is_quote(text, *x)) {
        b = lex::prev(text, x.start);
    }
    // A hedge verb inside the figure's span gives its value too ("has surpassed 40,000").
    let mut toll_verb = lex::next(text, q.span.start)
        .is_some_and(|w| w.kind == Kind::Word && lexicon.link_of(text, w) & link::TOLL_VERB != 0);
    // "bringing the number of troops killed since ... to 329": a "to" right before the
    // figure, with a verb that leads a toll before its head.
    let (mut first, mut to_first) = (true, false);
    for _ in 0..6 {
        let Some(w) = b else { break };
        if w.kind != Kind::Word {
            break;
        }
        if let Some(m) = is_measure(w) {
            before = Some(combine_backward(lexicon, text, w, m));
            // Who died did not kill: an intransitive verb of harm has no agent.
            before_verb = lexicon.measure_form(text, w).is_some_and(|(_, verb)| verb)
                && lexicon.role_of(text, w) & role::INTRANSITIVE == 0;
            break;
        }
        let links = lexicon.link_of(text, w);
        if links & link::LINK == 0 {
            if toll_verb {
                before = toll_across_phrase(lexicon, text, w, false)
                    .or_else(|| pronoun_toll(lexicon, text, w));
            } else if to_first {
                before = toll_across_phrase(lexicon, text, w, true);
            }
            break;
        }
        toll_verb |= links & link::TOLL_VERB != 0;
        to_first |= first && w.is(text, "to");
        first = false;
        b = lex::prev(text, w.start);
    }

    if finite_after && is_whole_of_part(lexicon, text, q) {
        verb_after = None;
    }
    let weak = |m: Option<Measure>| matches!(m, None | Some(Measure::Troops | Measure::Other));
    let noun_measure = if weak(noun_measure) && modifier_measure.is_some() {
        modifier_measure
    } else {
        noun_measure
    };
    let (measure, agent_verb) = match (noun_measure, verb_after, before) {
        (n, Some(v), _) if weak(n) || harm_over_status(v, n) => (v, false),
        (n, _, Some(v)) if weak(n) || harm_over_status(v, n) => (v, before_verb),
        (Some(n), _, _) => (n, false),
        _ => (Measure::Other, false),
    };
    // Names before a noun of people say whose figure it is: "500 North Korean soldiers had
    // been wounded" is North Korean soldiers' figure. Things ("two Chrysler plants") are no
    // one's.
    let owner = match (proper, noun) {
        (Some(start), Some(n)) if measure != Measure::Other || noun_measure.is_some() => {
            Some(start..n.end)
        }
        _ => None,
    };
    Counted {
        measure,
        // All-caps copy (old wire text) says nothing by its case: "TWO MINIBUSES" counts
        // minibuses, the same noun as in mixed-case text.
        noun: noun.map(|n| {
            let word = n.text(text);
            if caps {
                word.to_lowercase()
            } else {
                word.to_owned()
            }
        }),
        owner,
        agent_verb,
    }
}

/// Whether a verb that spares what it counts ("saved", "saving") stands up to three words
/// before the figure: "saved an estimated 300 lives".
fn spared(lexicon: &Lexicon, text: &str, q: &Quantity) -> bool {
    let mut b = lex::prev(text, q.span.start);
    for _ in 0..3 {
        let Some(w) = b.filter(|w| w.kind == Kind::Word) else {
            return false;
        };
        if lexicon.role_of(text, w) & role::SPARE != 0 {
            return true;
        }
        b = lex::prev(text, w.start);
    }
    false
}

/// A capitalized-name phrase starting at `start` token: "North Korean forces",
/// "U.S. President Joe Biden's administration", "the DPRK". Returns its byte range. In
/// all-caps text (`caps`) every word is capitalized, so the phrase ends at a function word,
/// a verb or a number instead.
fn name_phrase(
    lexicon: &Lexicon,
    text: &str,
    mut t: Tok,
    limit: usize,
    caps: bool,
) -> Option<Range<usize>> {
    if t.is(text, "the") {
        t = lex::next(text, t.end)?;
    }
    // "Dozens were killed and hundreds wounded": an amount is no name.
    if lexicon.info(text, t).flags & crate::lexicon::flag::ANCHOR != 0 {
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
        let calendar = lexicon.context_of(text, w) & (ctx::MONTH | ctx::WEEKDAY) != 0;
        let cap = if caps {
            !calendar
                && !is_stop(lexicon, text, w)
                && !is_verb(lexicon, text, w, true)
                && lexicon.number_word(text, w).is_none()
        } else {
            lex::is_capitalized(w.text(text)) && !calendar
        };
        let group = lexicon.role_of(text, w) & (role::GROUP | role::PLACE_NOUN) != 0;
        // "Rio Grande do Sul", "Mato Grosso do Sul": a particle between capitalized words.
        let particle = !caps
            && capitalized
            && matches!(w.text(text), "do" | "da" | "de" | "dos" | "das" | "del")
            && lex::next(text, w.end)
                .is_some_and(|n| n.end <= limit && lex::is_capitalized(n.text(text)));
        if particle {
            count += 1;
            cur = lex::next(text, w.end);
            continue;
        }
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

/// Whether a word is a finite verb or auxiliary: listed in links.tsv, or a regular past
/// tense. Verbs are lowercase, except in all-caps text (`caps`).
fn is_verb(lexicon: &Lexicon, text: &str, t: Tok, caps: bool) -> bool {
    t.kind == Kind::Word && is_verb_info(lexicon.info(text, t), text, t, caps)
}

/// [`is_verb`] for a word token whose [`Info`] is at hand.
fn is_verb_info(info: Info, text: &str, t: Tok, caps: bool) -> bool {
    let word = t.text(text).as_bytes();
    if !caps && !word.first().is_some_and(u8::is_ascii_lowercase) {
        return false;
    }
    info.link & (link::AUX | link::VERB | link::CHANGE) != 0
        && !t.is(text, "to")
        && !t.is(text, "all")
        || word.len() > 2
            && word
                .get(word.len() - 2..)
                .is_some_and(|e| e.eq_ignore_ascii_case(b"ed"))
}

/// Whether a quotation mark ends or opens a whole quoted clause (`,"`, `."`, `said, "`)
/// rather than standing around a few quoted words inside one (`suffered "several hundred"
/// casualties`).
fn is_clause_quote(text: &str, t: Tok) -> bool {
    let before = lex::char_before(text, lex::skip_space_back(text, t.start));
    let after = lex::char_at(text, lex::skip_space(text, t.end));
    let punct = |c: Option<char>| c.is_some_and(|c| matches!(c, ',' | '.' | '!' | '?' | ':' | ';'));
    punct(before) || punct(after)
}

/// Whether "and" after a comma opens a clause with a named subject of its own ("North
/// Korean forces have suffered several hundred casualties, and Russia has lost 600,000
/// troops"); ", and 300 homes were destroyed" shares the clause's subject.
fn opens_named_clause(text: &str, and: Tok, caps: bool) -> bool {
    !caps
        && lex::char_before(text, lex::skip_space_back(text, and.start)) == Some(',')
        && lex::next(text, and.end)
            .is_some_and(|n| n.kind == Kind::Word && lex::is_capitalized(n.text(text)))
}

/// Whether "and" after a comma opens a clause whose subject a determiner opens ("Turnout
/// was 68.9%, and the party won 34.5%": not Turnout's figure); not a list's last name (",
/// and the United States"). Such a clause ends the search for a figure's subject only: a
/// place before it still holds ("12 were killed in Gaza, and the toll rose to 40").
fn opens_determined_clause(text: &str, and: Tok, caps: bool) -> bool {
    !caps
        && lex::char_before(text, lex::skip_space_back(text, and.start)) == Some(',')
        && lex::next(text, and.end).is_some_and(|n| {
            n.kind == Kind::Word
                && matches!(
                    n.text(text),
                    "the" | "its" | "their" | "his" | "her" | "our" | "this" | "that"
                )
                && lex::next(text, n.end)
                    .is_some_and(|m| m.kind == Kind::Word && !lex::is_capitalized(m.text(text)))
        })
}

/// Words that open a new clause: the subject of a figure is found after the last of them.
fn is_clause_break(lexicon: &Lexicon, text: &str, t: Tok) -> bool {
    if t.kind == Kind::Punct {
        return matches!(
            t.text(text),
            ";" | ":" | "(" | ")" | "\u{2014}" | "\u{2013}"
        ) || is_quote(text, t) && is_clause_quote(text, t);
    }
    lexicon.role_of(text, t) & (role::CUE | role::CLAUSE) != 0
}

/// How far (in bytes) a clause start or a place may be from its figure: about 40 words.
const REACH: usize = 300;

/// What a sentence offers every figure in it, read in one pass: hedges, candidate places,
/// clause breaks and the end of its subject phrase. Built once per sentence, so the work per
/// figure stays constant however many figures a sentence holds.
#[derive(Clone, Debug, Default)]
pub(crate) struct SentenceScan {
    pub range: Range<usize>,
    pub hedges: Vec<(Range<usize>, String)>,
    /// The sentence is in capitals throughout (old wire copy): case marks no names.
    pub caps: bool,
    places: Vec<Range<usize>>,
    /// The capitalized objects of attack verbs ("struck Kharkiv"): places of harm done in
    /// their clause ("..., killing at least 12 people").
    attack_places: Vec<Range<usize>>,
    /// Clause breaks (words and punctuation), in order.
    breaks: Vec<Range<usize>>,
    /// Breaks that end only the search for a subject (", and the party won"), in order.
    subject_breaks: Vec<Range<usize>>,
    /// Where the sentence's first finite verb starts, and whether it is a speech verb: the
    /// words before it are the sentence's subject phrase.
    first_verb: Option<(usize, bool)>,
    words: usize,
    /// The end of the last hedge found: hedges do not overlap.
    hedged_to: usize,
    /// Where the sentence's last "that", "which" or "from" starts (any case, even inside a
    /// word): no subject is read after a figure that ends past it.
    last_link: Option<usize>,
}

/// Whether a sentence tells of medical care for an illness, not for wounds: a care word
/// ("hospitalized"), an illness word and no other word of injury ("40 people had been
/// hospitalized with measles"; "20 were injured, of whom 17 were hospitalized" stays).
pub(crate) fn cared_for_illness(lexicon: &Lexicon, text: &str, sentence: Range<usize>) -> bool {
    let (mut care, mut illness) = (false, false);
    let mut pos = sentence.start;
    while let Some(t) = lex::next(text, pos).filter(|t| t.end <= sentence.end) {
        pos = t.end;
        if t.kind != Kind::Word {
            continue;
        }
        let role = lexicon.role_of(text, t);
        if role & role::CARE != 0 {
            care = true;
        } else if role & role::ILLNESS != 0 {
            illness = true;
        } else if lexicon.measure_of(text, t) == Some(Measure::Wounded) {
            return false;
        }
    }
    care && illness
}

/// A place phrase opened by the preposition `prep`: "in Russia's Kursk region".
fn place_at(
    lexicon: &Lexicon,
    text: &str,
    prep: Tok,
    limit: usize,
    caps: bool,
) -> Option<Range<usize>> {
    let mut n = lex::next(text, prep.end)?;
    // "in neighbouring Syria", "in eastern Ukraine": a word that locates the place. In
    // capitals it may be the name's own ("IN NORTHERN IRELAND").
    if !caps
        && n.kind == Kind::Word
        && !lex::is_capitalized(n.text(text))
        && lower(text, n, |w| lexicon.locators.contains(w))
    {
        n = lex::next(text, n.end).filter(|x| lex::is_capitalized(x.text(text)))?;
    }
    if let Some(end) = kind_of_place(lexicon, text, n, limit, caps) {
        return Some(prep.start..end);
    }
    let span = name_phrase(lexicon, text, n, limit, caps)?;
    // "IN FACT", "IN CUSTODY", "IN THE ACT": fixed expressions, which text in capitals
    // cannot tell from names by case.
    let idiom = |t: Tok| lower(text, t, |w| lexicon.place_idioms.contains(w));
    let second = lex::next(text, n.end).filter(|x| x.end <= span.end);
    if idiom(n)
        || n.is(text, "the")
            && second.is_some_and(|x| {
                lower(text, x, |w| {
                    lexicon.place_idioms.contains(&format!("the {w}"))
                })
            })
    {
        return None;
    }
    // "a 27 pct interest in Data Access", "shares in HBOS": a company, not a place.
    if prep.is(text, "in")
        && lex::prev(text, prep.start).is_some_and(|b| {
            b.kind == Kind::Word && lower(text, b, |w| lexicon.holdings.contains(w))
        })
    {
        return None;
    }
    // A word joined by a hyphen belongs to the name ("in North Rhine-Westphalia", "in
    // Miami-Dade"); the rule below then tells a modifier ("in the Israel-Hamas war") from
    // a place. All-caps text cannot tell them apart: no place there.
    let mut span = span;
    while let Some(joined) = hyphen_joined(text, span.end) {
        if caps {
            return None;
        }
        span.end = joined;
    }
    // "in Brazilian coffee exports": the name is an adjective, not a place.
    if !caps
        && let Some(after) = lex::next(text, span.end)
        && after.kind == Kind::Word
        && !lex::is_capitalized(after.text(text))
        && !is_stop(lexicon, text, after)
        && !is_verb(lexicon, text, after, false)
    {
        return None;
    }
    Some(prep.start..span.end)
}

/// The object of an attack verb when it is a place name: "struck Kharkiv overnight",
/// "shelled the city of Kherson". Text in capitals cannot tell names from other objects.
fn attack_place(
    lexicon: &Lexicon,
    text: &str,
    verb: Tok,
    limit: usize,
    caps: bool,
) -> Option<Range<usize>> {
    if caps {
        return None;
    }
    let n = lex::next(text, verb.end)?;
    if let Some(end) = kind_of_place(lexicon, text, n, limit, caps) {
        return Some(n.start..end);
    }
    // "hit the Kremlin", "hit Tesla's shares": only a bare name is read as a place.
    if n.kind != Kind::Word || n.is(text, "the") || !lex::is_capitalized(n.text(text)) {
        return None;
    }
    let mut span = name_phrase(lexicon, text, n, limit, caps)?;
    while let Some(joined) = hyphen_joined(text, span.end) {
        span.end = joined;
    }
    // "struck Ukrainian cities", "hit Kharkiv's power grid": the name modifies a noun.
    // An adverb may follow ("struck Kharkiv overnight", "pounded Gaza heavily").
    if text.get(span.end..)?.starts_with(['\'', '\u{2019}']) {
        return None;
    }
    if let Some(after) = lex::next(text, span.end)
        && after.kind == Kind::Word
        && !lex::is_capitalized(after.text(text))
        && !is_stop(lexicon, text, after)
        && !is_verb(lexicon, text, after, false)
        && lexicon.role_of(text, after) & role::NOT_NOUN == 0
        && !lower(text, after, |l| l.ends_with("ly"))
    {
        return None;
    }
    Some(span)
}

/// Where the word joined by a hyphen right at `end` ends ("-Westphalia", "-held"), if one is.
fn hyphen_joined(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix('-')?;
    let len = rest
        .find(|c: char| !c.is_alphanumeric())
        .unwrap_or(rest.len());
    (len > 0).then_some(end + 1 + len)
}

/// "the southern city of Mykolaiv", "the Italian island of Lampedusa": a kind of place
/// (words.tsv `place_noun`) after "the" and up to two modifiers, then "of" and a name;
/// where the name ends.
fn kind_of_place(
    lexicon: &Lexicon,
    text: &str,
    the: Tok,
    limit: usize,
    caps: bool,
) -> Option<usize> {
    if caps || !the.is(text, "the") {
        return None;
    }
    let mut t = lex::next(text, the.end);
    for _ in 0..3 {
        // Written in small letters: "the Bank of Spain" is a name of its own.
        let w = t.filter(|w| {
            w.kind == Kind::Word && w.end <= limit && !lex::is_capitalized(w.text(text))
        })?;
        if lexicon.role_of(text, w) & role::PLACE_NOUN != 0 {
            let of = lex::next(text, w.end).filter(|o| o.is(text, "of"))?;
            let name = lex::next(text, of.end)?;
            return name_phrase(lexicon, text, name, limit, caps).map(|r| r.end);
        }
        if is_stop(lexicon, text, w) {
            return None;
        }
        t = lex::next(text, w.end);
    }
    None
}

/// Whether a stretch of text is written in capitals throughout: some capitals, no small
/// letters.
pub(crate) fn is_all_caps(text: &str) -> bool {
    let mut upper = 0;
    for b in text.bytes() {
        if b.is_ascii_lowercase() {
            return false;
        }
        upper += usize::from(b.is_ascii_uppercase());
    }
    upper >= 8
}

/// [`scan_sentence_into`] a new scan.
#[cfg(test)]
pub(crate) fn scan_sentence(
    lexicon: &Lexicon,
    text: &str,
    range: Range<usize>,
    tokens: &[tally_core::Token],
    tokenized: bool,
) -> SentenceScan {
    let mut scan = SentenceScan::default();
    scan_sentence_into(&mut scan, lexicon, text, range, tokens, tokenized);
    scan
}

/// Reads a sentence once, over the segmenter's tokens when the document has them
/// (`tokenized`; `tokens` then starts at the sentence's first token or before it), else with
/// the crate's own lexer. `scan` is overwritten; its lists keep their memory, so a document's
/// sentences share one set of buffers.
pub(crate) fn scan_sentence_into(
    scan: &mut SentenceScan,
    lexicon: &Lexicon,
    text: &str,
    range: Range<usize>,
    tokens: &[tally_core::Token],
    tokenized: bool,
) {
    // Every field named, so that a new one cannot be left over from the last sentence.
    let SentenceScan {
        range: scan_range,
        hedges,
        caps,
        places,
        attack_places,
        breaks,
        subject_breaks,
        first_verb,
        words,
        hedged_to,
        last_link,
    } = scan;
    *scan_range = range.clone();
    hedges.clear();
    *caps = is_all_caps(text.get(range.clone()).unwrap_or(""));
    places.clear();
    attack_places.clear();
    breaks.clear();
    subject_breaks.clear();
    *first_verb = None;
    *words = 0;
    *hedged_to = 0;
    *last_link = text
        .as_bytes()
        .get(range.clone())
        .and_then(last_subject_link)
        .map(|i| range.start + i);
    if tokenized {
        for token in tokens {
            if token.end <= range.start {
                continue;
            }
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
        return;
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
}

impl SentenceScan {
    /// Records what one token of the sentence offers.
    fn note(&mut self, lexicon: &Lexicon, text: &str, t: Tok) {
        if t.kind != Kind::Word {
            if is_clause_break(lexicon, text, t) {
                self.breaks.push(t.start..t.end);
            }
            return;
        }
        let word = text.as_bytes().get(t.start..t.end).unwrap_or(&[]);
        if word.eq_ignore_ascii_case(b"and") && opens_determined_clause(text, t, self.caps) {
            self.subject_breaks.push(t.start..t.end);
        }
        if word.eq_ignore_ascii_case(b"and") && opens_named_clause(text, t, self.caps) {
            self.breaks.push(t.start..t.end);
        }
        let (may_hedge, may_open_clause) = lexicon.may_hedge_or_open_clause(word);
        if t.start >= self.hedged_to && may_hedge {
            self.hedge_at(lexicon, text, t.start);
        }
        // Once the sentence's first verb is known, only clause openers and place
        // prepositions matter: a shape test skips the lookup for every other word.
        if self.first_verb.is_some() && !may_open_clause {
            self.words += 1;
            return;
        }
        // One lookup answers every question about the word.
        let info = lexicon.info(text, t);
        let cue = info.role & role::CUE != 0;
        if info.role & (role::CUE | role::CLAUSE) != 0 {
            self.breaks.push(t.start..t.end);
        }
        // The sentence's subject phrase ends at its first verb (not its first word: a
        // capitalized verb opens no sentence in news copy).
        if self.first_verb.is_none()
            && self.words > 0
            && (cue || is_verb_info(info, text, t, self.caps))
        {
            self.first_verb = Some((t.start, cue));
        }
        self.words += 1;
        if info.role & role::PLACE_PREP != 0
            && let Some(p) = place_at(lexicon, text, t, self.range.end, self.caps)
        {
            self.places.push(p);
        }
        if info.role & role::ATTACK != 0
            && let Some(p) = attack_place(lexicon, text, t, self.range.end, self.caps)
        {
            self.attack_places.push(p);
        }
    }

    /// A hedge phrase starting at `at`, a word start (the longest, as a whole-word match).
    fn hedge_at(&mut self, lexicon: &Lexicon, text: &str, at: usize) {
        if lex::char_before(text, at).is_some_and(char::is_alphanumeric) {
            return;
        }
        let input = aho_corasick::Input::new(text)
            .range(at..self.range.end)
            .anchored(aho_corasick::Anchored::Yes);
        let Some(m) = lexicon.hedges.find(input) else {
            return;
        };
        if lex::char_at(text, m.end()).is_some_and(char::is_alphanumeric) {
            return;
        }
        if let Some(name) = lexicon.hedge_names.get(m.pattern().as_usize()) {
            self.hedges.push((m.start()..m.end(), name.clone()));
            self.hedged_to = m.end();
        }
    }

    /// Where a figure's hedges may reach to: the first clause break after it that is not a
    /// speech verb or an "according to" (those frame the figure's clause: "rose to 40,
    /// according to preliminary figures"), or the sentence's end.
    pub(crate) fn hedge_reach(&self, lexicon: &Lexicon, text: &str, span: &Range<usize>) -> usize {
        let j = self.breaks.partition_point(|b| b.start < span.end);
        self.breaks
            .get(j..)
            .unwrap_or(&[])
            .iter()
            .find(|b| {
                let t = Tok {
                    start: b.start,
                    end: b.end,
                    kind: Kind::Word,
                };
                !lex::char_at(text, b.start).is_some_and(char::is_alphabetic)
                    || lexicon.role_of(text, t) & role::CUE == 0
            })
            .map_or(self.range.end, |b| b.start)
    }

    /// Whether a hedge before a figure sits in a concessive aside closed before the figure:
    /// "killed at least 20,000, though the real figure is likely far higher, and driven
    /// about 13 million from their homes" ("likely" is no hedge of the 13 million).
    pub(crate) fn in_closed_aside(
        &self,
        text: &str,
        hedge: &Range<usize>,
        span: &Range<usize>,
    ) -> bool {
        let i = self.breaks.partition_point(|b| b.end <= hedge.start);
        let Some(opener) = i.checked_sub(1).and_then(|k| self.breaks.get(k)) else {
            return false;
        };
        let concessive = text.get(opener.clone()).is_some_and(|w| {
            ["though", "although", "whereas"]
                .iter()
                .any(|c| w.eq_ignore_ascii_case(c))
        });
        // The aside runs on to the hedge and a comma closes it before the figure ("... likely
        // far higher, and driven ..."); "although X is unknown, it is estimated that ..." has
        // closed before the hedge.
        let comma = |r: Range<usize>| text.get(r).is_some_and(|g| g.contains(','));
        concessive && !comma(opener.end..hedge.start) && comma(hedge.end..span.start)
    }

    /// The clause around a figure: from the end of the last break before it to the start of
    /// the first break after it.
    fn clause_of(&self, span: &Range<usize>) -> Range<usize> {
        let i = self.breaks.partition_point(|b| b.end <= span.start);
        let start = i
            .checked_sub(1)
            .and_then(|i| self.breaks.get(i))
            .map_or(self.range.start, |b| b.end);
        let j = self.breaks.partition_point(|b| b.start < span.end);
        let end = self.breaks.get(j).map_or(self.range.end, |b| b.start);
        start..end
    }
}

/// The first word at or after `pos`, past dashes and commas ("KYIV (Reuters) - North
/// Korean troops ...").
fn first_word(text: &str, pos: usize) -> Option<Tok> {
    let mut t = lex::next(text, pos);
    for _ in 0..3 {
        match t {
            Some(x)
                if x.kind == Kind::Punct
                    && matches!(x.text(text), "-" | "," | "\u{2014}" | "\u{2013}") =>
            {
                t = lex::next(text, x.end);
            }
            _ => break,
        }
    }
    t
}

/// The subject phrase of a figure, within its sentence: the names before its counted noun
/// ("500 North Korean soldiers"), else the name that opens the figure's clause, else a name
/// after it ("... estimate that the DPRK has suffered", "drawn from U.S. stocks"). After a
/// verb of harm ("Russia ... killing seven people") only the names before the noun count:
/// the clause's subject is who did the harm.
pub(crate) fn subject(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    scan: &SentenceScan,
    counted: &Counted,
) -> Option<Range<usize>> {
    if counted.agent_verb {
        return counted.owner.clone();
    }
    // The names before the counted noun are the figure's own ("Chadian troops overran the
    // garrison with the loss of more than 700 Libyan troops").
    if let Some(owner) = &counted.owner {
        return Some(owner.clone());
    }
    if let Some(span) = clause_subject(lexicon, text, q, scan) {
        return Some(span);
    }
    let sentence = scan.range.clone();

    // After the figure: "... estimate that the DPRK has suffered", "drawn from U.S. stocks".
    // Only "that", "which" or "from" in the rest of the sentence can give one: where none
    // starts after the figure, reading the words one by one would find nothing.
    if scan.last_link.is_none_or(|at| at < q.span.end) {
        return None;
    }
    let mut t = lex::next(text, q.span.end);
    for _ in 0..12 {
        let Some(w) = t else { break };
        if w.end > sentence.end || is_quote(text, w) && w.start > q.span.end + 1 {
            break;
        }
        if (w.is(text, "that") || w.is(text, "which") || w.is(text, "from"))
            && let Some(n) = lex::next(text, w.end)
            && let Some(span) = name_phrase(lexicon, text, n, sentence.end, scan.caps)
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

/// The name that opens a figure's clause and is followed by its verb ("Pyongyang has sent
/// thousands of troops"; "Russia launched 120 missiles ..., killing at least seven people").
fn clause_subject(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    scan: &SentenceScan,
) -> Option<Range<usize>> {
    let first = clause_first_word(text, q, scan)?;
    if !is_stop(lexicon, text, first)
        && let Some(span) = name_phrase(lexicon, text, first, q.span.start, scan.caps)
        && let Some(after) = lex::next(text, span.end).filter(|t| t.start < q.span.start)
    {
        // The phrase must be followed by a verb ("Pyongyang has sent", "Russia lost"), not
        // by more of a noun phrase ("Total Bahia sales"); a participle or prepositional
        // phrase may stand between ("North Korean troops fighting for Russia in the Kursk
        // region have suffered").
        if is_verb(lexicon, text, after, scan.caps) {
            return Some(span);
        }
        let modifier = after.kind == Kind::Word
            && (lower(text, after, |w| w.ends_with("ing"))
                || is_place_prep(lexicon, text, after)
                || after.is(text, "from")
                || after.is(text, "of"));
        if modifier {
            let mut t = lex::next(text, after.end);
            for _ in 0..12 {
                let Some(w) = t.filter(|w| w.start < q.span.start) else {
                    break;
                };
                if is_clause_break(lexicon, text, w) || w.is(text, ",") {
                    break;
                }
                if is_verb(lexicon, text, w, scan.caps) {
                    return Some(span);
                }
                t = lex::next(text, w.end);
            }
        }
    }
    None
}

/// The first word of a figure's clause, when the clause starts close enough before it.
fn clause_first_word(text: &str, q: &Quantity, scan: &SentenceScan) -> Option<Tok> {
    let sentence = scan.range.clone();
    // Back to the start of the figure's clause; a quote right at the figure is its own.
    let mut b = lex::prev(text, q.span.start);
    while let Some(x) = b.filter(|x| is_quote(text, *x)) {
        b = lex::prev(text, x.start);
    }
    let before_end = b.map_or(sentence.start, |t| t.end.max(sentence.start));
    let last_before = |breaks: &[Range<usize>]| {
        let i = breaks.partition_point(|e| e.end <= before_end);
        i.checked_sub(1)
            .and_then(|i| breaks.get(i))
            .map_or(sentence.start, |b| b.end)
    };
    let clause_pos = last_before(&scan.breaks).max(last_before(&scan.subject_breaks));
    if before_end.saturating_sub(clause_pos) > REACH {
        return None;
    }
    first_word(text, clause_pos).filter(|t| t.start < q.span.start)
}

/// The most words of an agent phrase that is no name ("Russian drones and missiles").
const AGENT_WORDS: usize = 8;

/// Who did the harm a figure counts, when a verb of harm before it says so: the name that
/// opens the clause ("Russia launched 120 missiles ..., killing at least seven people":
/// Russia), else the words before the clause's first verb ("Russian drones and missiles
/// struck Kharkiv, killing at least 12 people"). Never the figure's subject, which is who
/// suffered it.
pub(crate) fn agent(
    lexicon: &Lexicon,
    text: &str,
    q: &Quantity,
    scan: &SentenceScan,
    counted: &Counted,
) -> Option<Range<usize>> {
    if !counted.agent_verb {
        return None;
    }
    if let Some(span) = clause_subject(lexicon, text, q, scan) {
        return Some(span);
    }
    let first = clause_first_word(text, q, scan)?;
    let mut last = None;
    let mut t = Some(first);
    // A word joined by a hyphen is part of a compound, never the verb ("Hamas-led
    // militants stormed").
    let mut joined = false;
    for _ in 0..AGENT_WORDS {
        let w = t.filter(|w| w.start < q.span.start)?;
        let hyphen = w.is(text, "-") && last.is_some_and(|l: Tok| l.end == w.start);
        if w.kind != Kind::Word && !hyphen {
            return None;
        }
        if !joined && !hyphen && is_verb(lexicon, text, w, scan.caps) {
            return last.map(|l: Tok| first.start..l.end);
        }
        joined = hyphen;
        if !hyphen {
            last = Some(w);
        }
        t = lex::next(text, w.end);
    }
    None
}

/// Where the last "that", "which" or "from" of `bytes` starts, in any ASCII case, as a whole
/// word or not: after it, no word is one of them.
fn last_subject_link(bytes: &[u8]) -> Option<usize> {
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        // Setting the 0x20 bit lowers an ASCII capital; no other byte becomes t, w or f.
        let tail: &[u8] = match bytes.get(i).map(|b| b | 0x20) {
            Some(b't') => b"hat",
            Some(b'w') => b"hich",
            Some(b'f') => b"rom",
            _ => continue,
        };
        if bytes
            .get(i + 1..i + 1 + tail.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(tail))
        {
            return Some(i);
        }
    }
    None
}

/// The place phrase of a figure ("in Russia's Kursk region"): the nearest in the figure's
/// own clause (after it, else before it), else one in the sentence's subject phrase. A
/// place in an attribution frame ("told reporters in Kyiv", "officials in Moscow said") says
/// where the words were spoken and is never taken; when unsure, none: a wrong place makes
/// false contradictions in timelines.
pub(crate) fn place(q: &Quantity, scan: &SentenceScan, harm: bool) -> Option<Range<usize>> {
    let clause = scan.clause_of(&q.span);
    let i = scan.places.partition_point(|p| p.start < q.span.end);
    if let Some(p) = scan.places.get(i)
        && p.end <= clause.end
        && p.start - q.span.end <= REACH
    {
        return Some(p.clone());
    }
    let k = scan.places.partition_point(|p| p.end <= q.span.start);
    if let Some(p) = k.checked_sub(1).and_then(|k| scan.places.get(k))
        && p.start >= clause.start
        && q.span.start - p.end <= REACH
    {
        return Some(p.clone());
    }
    // Harm done by an attack on a named place in the same clause ("Russian drones struck
    // Kharkiv overnight, killing at least 12 people").
    if harm {
        let k = scan
            .attack_places
            .partition_point(|p| p.end <= q.span.start);
        if let Some(p) = k.checked_sub(1).and_then(|k| scan.attack_places.get(k))
            && p.start >= clause.start
            && q.span.start - p.end <= REACH
        {
            return Some(p.clone());
        }
    }
    // The sentence's subject phrase ("Russian forces in Kursk have lost 200 tanks, and 300
    // ... "), unless its verb is a speech verb ("Officials in Kyiv said ...").
    let (verb, cue) = scan.first_verb?;
    if cue || verb > q.span.start {
        return None;
    }
    let k = scan.places.partition_point(|p| p.end <= verb);
    k.checked_sub(1)
        .and_then(|k| scan.places.get(k))
        .filter(|p| q.span.start - p.end <= REACH)
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quantity::Recognizer;

    proptest::proptest! {
        /// The byte search finds "that", "which" or "from" wherever a lowercased copy holds
        /// one.
        #[test]
        fn subject_links_found_like_a_lowercase_search(text in "[a-zA-Z€ ]{0,24}") {
            let lower = text.to_ascii_lowercase();
            let expected = ["that", "which", "from"].iter().filter_map(|w| lower.rfind(w)).max();
            proptest::prop_assert_eq!(last_subject_link(text.as_bytes()), expected);
        }
    }

    #[test]
    fn subject_links_in_any_case() {
        for (text, found) in [
            ("estimate THAT the", Some(9)),
            ("drawn From U.S. stocks", Some(6)),
            ("Which", Some(0)),
            ("thatch", Some(0)),
            ("from that, which", Some(11)),
            ("tha t wh ich fro m", None),
            ("", None),
            ("casualties in Kursk.", None),
        ] {
            assert_eq!(last_subject_link(text.as_bytes()), found, "{text}");
        }
    }

    fn first(text: &str) -> (Recognizer, Quantity) {
        let r = Recognizer::new().unwrap();
        let q = r.recognize(text).into_iter().next().unwrap();
        (r, q)
    }

    fn subject_of(r: &Recognizer, text: &str, q: &Quantity) -> Option<Range<usize>> {
        let scan = scan_sentence(&r.lexicon, text, 0..text.len(), &[], false);
        let c = counted(&r.lexicon, text, q, false);
        subject(&r.lexicon, text, q, &scan, &c)
    }

    fn measure(text: &str) -> (Measure, Option<String>) {
        let (r, q) = first(text);
        let c = counted(&r.lexicon, text, &q, false);
        (c.measure, c.noun)
    }

    #[test]
    fn versus_is_no_counted_noun_and_all_caps_nouns_are_lowercased() {
        assert_eq!(
            measure("Net 1,042,000 vs 2,510,000"),
            (Measure::Other, None)
        );
        assert_eq!(measure("Revs 20.6 mln versus 29.6 mln").1, None);
        let text = "THE ERP HAD GIVEN HER TWO MINIBUSES FOR HER TASKS.";
        let (r, q) = first(text);
        let c = counted(&r.lexicon, text, &q, true);
        assert_eq!(c.noun.as_deref(), Some("minibuses"));
    }

    #[test]
    fn hyphenated_and_coordinated_modifiers_before_the_noun() {
        let noun = |text: &str| measure(text).1;
        assert_eq!(
            noun("thousands of white-collar staff"),
            Some("staff".into())
        );
        assert_eq!(
            noun("about 2,700 Shahed-type drones a month"),
            Some("drones".into())
        );
        assert_eq!(noun("two co-leads."), Some("co-leads".into()));
        assert_eq!(
            noun("six major heavy machinery and aerospace companies employ"),
            Some("companies".into())
        );
        assert_eq!(
            noun("100 domestic and overseas branch offices."),
            Some("offices".into())
        );
        // A word an article follows is the verb after the noun.
        assert_eq!(
            noun("One strike hit a home in the town"),
            Some("strike".into())
        );
        // A counted singular before "and" keeps its count.
        assert_eq!(
            noun("one car plant and five truck plants"),
            Some("plant".into())
        );
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
        // "hostage" singular after the count: "taking about 250 hostage".
        assert_eq!(measure("taking about 250 hostage").0, Measure::Captured);
        // A number inside the toll's phrase is no figure of the toll; the one after the verb is.
        let toll = "the death toll from a magnitude 7.1 earthquake that hit Turkey rose to 312";
        let r = Recognizer::new().unwrap();
        let found: Vec<Measure> = r
            .recognize(toll)
            .iter()
            .map(|q| counted(&r.lexicon, toll, q, false).measure)
            .collect();
        assert_eq!(found, [Measure::Other, Measure::Killed]);
        assert_eq!(measure("the number of dead rose to 40").0, Measure::Killed);
        assert_eq!(
            measure("the death toll from floods in the Emilia-Romagna region rose to 41").0,
            Measure::Killed
        );
        assert_eq!(
            measure("12 homes were destroyed"),
            (Measure::Other, Some("homes".into()))
        );
        assert_eq!(measure("$5.6 billion").0, Measure::Money);
        assert_eq!(measure("12,000 refugees").0, Measure::Displaced);
        // Lives saved are no toll; lives lost are.
        assert_eq!(
            measure("early evacuation saved hundreds of lives").0,
            Measure::Other
        );
        assert_eq!(measure("saving an estimated 300 lives").0, Measure::Other);
        assert_eq!(measure("the fire claimed 300 lives").0, Measure::Killed);
    }

    #[test]
    fn subject_and_place_in_the_seed_lead() {
        let text = "North Korean forces have suffered \"several hundred\" casualties fighting \
                    against Ukrainian troops in Russia's Kursk region, a senior U.S. military \
                    official said Tuesday.";
        let r = Recognizer::new().unwrap();
        let q = r.recognize(text).into_iter().next().unwrap();
        let s = subject_of(&r, text, &q).unwrap();
        assert_eq!(&text[s], "North Korean forces");
        let p = place(
            &q,
            &scan_sentence(&r.lexicon, text, 0..text.len(), &[], false),
            false,
        )
        .unwrap();
        assert_eq!(&text[p], "in Russia's Kursk region");
    }

    #[test]
    fn subject_after_the_figure() {
        let text = "\"Several hundred casualties is our latest estimate that the DPRK has \
                    suffered,\" the official said.";
        let (r, q) = first(text);
        let s = subject_of(&r, text, &q).unwrap();
        assert_eq!(&text[s], "DPRK");
        let hedges: Vec<String> = scan_sentence(&r.lexicon, text, 0..text.len(), &[], false)
            .hedges
            .into_iter()
            .map(|h| h.1)
            .collect();
        assert_eq!(hedges, ["latest estimate"]);
        let text = "not all of the remaining $5.6 billion that can be drawn from U.S. stocks";
        let (r, q) = first(text);
        let s = subject_of(&r, text, &q).unwrap();
        assert_eq!(&text[s], "U.S. stocks");
    }

    #[test]
    fn subject_opens_the_clause() {
        let text = "Pyongyang has sent thousands of troops to reinforce Russia's war effort.";
        let (r, q) = first(text);
        let s = subject_of(&r, text, &q).unwrap();
        assert_eq!(&text[s], "Pyongyang");
        let text = "Police said 12 people were arrested.";
        let (r, q) = first(text);
        assert_eq!(subject_of(&r, text, &q), None);
        let text = "Insured losses could reach $30 billion, according to an estimate by Moody's, while CoreLogic put the figure at $34 billion.";
        let (r, q) = first(text);
        assert_eq!(subject_of(&r, text, &q).map(|s| &text[s]), None);
    }
}
