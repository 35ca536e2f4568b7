//! Source phrases: the noun phrase that names who is speaking, found by scanning away from
//! a cue over word classes (determiners, titles, capitalized words, descriptor nouns).
//!
//! There is no parser here on purpose: news sources have a small number of shapes ("a
//! senior U.S. military official", "Ukraine's commander-in-chief Oleksandr Syrsky", "a
//! spokesman for the ministry", "two people familiar with the matter", "he"), and word
//! classes from the bundled lists bound them well enough, in time linear in the phrase.

use std::sync::LazyLock;

use crate::lexicon::{FnClass, Lexicon, word_list};
use crate::sentence::is_terrain;
use crate::words::Word;

/// How a word can take part in a source phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    /// A subject pronoun ("he", "they").
    Pronoun,
    /// A determiner or quantifier ("the", "two").
    Det,
    /// Skipped between a source and its cue ("has", "also", "reportedly").
    Aux,
    /// Joins a head to its complement ("of", "for").
    Prep,
    /// Ends a phrase ("and", "after", "who").
    Break,
    /// A title written before a name ("President", "Sen.", "Mr.").
    Title,
    /// A possessive ("Ukraine's").
    Possessive,
    /// A capitalized word that is not a title.
    Cap,
    /// A descriptor head noun from the list ("official", "experts").
    Noun,
    /// A number.
    Number,
    /// Any other lowercase word (adjectives, unlisted nouns, verbs).
    Other,
    /// Punctuation or a quotation mark.
    Punct,
}

/// Classifies word `i` of a sentence from the lexicon; punctuation past the end. Computed
/// on demand (the scans touch few words of a sentence, and classifying all of them up
/// front measured slower) and kept in the word, since scans from several cues read the
/// same words. `words` is the whole sentence (or its start): a word's class depends on the
/// word before it.
pub(crate) fn class(lex: &Lexicon, words: &[Word<'_>], i: usize) -> Class {
    let Some(w) = words.get(i) else {
        return Class::Punct;
    };
    if let Some(c) = w.class.get() {
        return c;
    }
    let c = classify(lex, words, i);
    w.class.set(Some(c));
    c
}

/// Whether word `i` opens its sentence or a quotation (after punctuation other than a
/// comma), where a capital letter tells nothing.
pub(crate) fn opens_sentence(words: &[Word<'_>], i: usize) -> bool {
    i == 0 || words.get(i - 1).is_some_and(|p| !p.is_word() && !p.is(","))
}

/// The class of a word standing alone, as if it opened a sentence (not kept: in its
/// sentence the word may have another).
pub(crate) fn class_alone(lex: &Lexicon, w: &Word<'_>) -> Class {
    classify(lex, std::slice::from_ref(w), 0)
}

fn classify(lex: &Lexicon, words: &[Word<'_>], i: usize) -> Class {
    let Some(w) = words.get(i) else {
        return Class::Punct;
    };
    if !w.is_word() {
        return Class::Punct;
    }
    let lower = w.lower();
    let info = lex.info(lower);
    // A capitalized word opening the sentence or a quotation may be an ordinary word.
    let initial = opens_sentence(words, i);
    let capitalized = w.is_capitalized();
    if info.and_then(|x| x.pronoun).is_some_and(|p| p.subject) && (initial || !capitalized) {
        return Class::Pronoun;
    }
    if info
        .and_then(|x| x.title.as_ref())
        .is_some_and(|(t, _)| t == w.text)
    {
        return Class::Title;
    }
    if w.is_possessive() {
        return Class::Possessive;
    }
    if capitalized && !initial && lower != "i" {
        return Class::Cap;
    }
    if !capitalized && !initial && name_particle(words, i) {
        return Class::Cap;
    }
    // "The governor remains convinced that ...": a copula before a participle stands
    // between the source and the cue as "is" does; "a warning remains in effect" keeps
    // its verb.
    if matches!(lower, "remains" | "remained")
        && words
            .get(i + 1)
            .is_some_and(|n| n.is_word() && !n.is_capitalized() && n.lower().ends_with("ed"))
    {
        return Class::Aux;
    }
    // Unlisted lowercase words in "-ly" are adverbs ("reportedly"), as in
    // `Lexicon::function`; negated auxiliaries ("Don't blame Bush", "can't") are
    // auxiliaries however they are written.
    let function = info.and_then(|x| x.function).or_else(|| {
        ((!capitalized
            && lower.len() > 4
            && lower.ends_with("ly")
            && info.and_then(|x| x.noun).is_none())
            || lower.ends_with("n't")
            || lower.ends_with("n\u{2019}t"))
        .then_some(FnClass::Aux)
    });
    if let Some(f) = function {
        return match f {
            FnClass::Det => Class::Det,
            FnClass::Aux => Class::Aux,
            FnClass::Prep => Class::Prep,
            FnClass::Break => Class::Break,
        };
    }
    if info.and_then(|x| x.noun).is_some() {
        return Class::Noun;
    }
    if capitalized {
        return Class::Cap;
    }
    // "29-year-old" (see `words::merge_number_compounds`) describes; it counts nothing.
    if w.text.starts_with(|c: char| c.is_ascii_digit()) && !w.text.contains('-') {
        return Class::Number;
    }
    Class::Other
}

/// A number from two to ten spelled out.
pub(crate) fn two_to_ten(lower: &str) -> bool {
    matches!(
        lower,
        "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// A phrase as a half-open range of word indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Phrase {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
}

fn can_head(c: Class) -> bool {
    matches!(
        c,
        Class::Cap | Class::Noun | Class::Title | Class::Other | Class::Number
    )
}

/// The longest phrase we look at: a source is rarely longer, and the bound keeps the scan
/// linear.
const MAX_PHRASE: usize = 12;

/// The source phrase ending right before word `at` ([`left`] of `at - 1`): none when `at`
/// is at or before `floor`.
pub(crate) fn left_of(
    lex: &Lexicon,
    words: &[Word<'_>],
    at: usize,
    floor: usize,
) -> Option<Phrase> {
    left(
        lex,
        words,
        at.checked_sub(1).filter(|&i| i >= floor)?,
        floor,
    )
}

/// The source phrase ending at word `head` (inclusive), scanning left no further than
/// `floor`.
pub(crate) fn left(lex: &Lexicon, words: &[Word<'_>], head: usize, floor: usize) -> Option<Phrase> {
    let head_class = class(lex, words, head);
    if head_class == Class::Pronoun {
        // "a source close to him", "people familiar with them": the pronoun ends a
        // prepositional phrase after the head noun.
        if matches!(words[head].lower(), "him" | "her" | "them" | "us")
            && let Some(h) = joined_head(lex, words, head, floor)
            && let Some(p) = left(lex, words, h, floor)
        {
            return Some(Phrase {
                start: p.start,
                end: head + 1,
            });
        }
        return Some(Phrase {
            start: head,
            end: head + 1,
        });
    }
    // "Trump himself wrote": the reflexive stresses the source before it.
    if matches!(
        words[head].lower(),
        "himself" | "herself" | "itself" | "themselves"
    ) && head > floor
    {
        return left(lex, words, head - 1, floor);
    }
    // "Bolton and Gorka both denounced", "the leaders all said": a floating quantifier
    // after the subject.
    if matches!(words[head].lower(), "both" | "all" | "each")
        && head > floor
        && let Some(p) = left(lex, words, head - 1, floor)
    {
        return Some(Phrase {
            start: p.start,
            end: p.end,
        });
    }
    if head_class == Class::Det
        && matches!(
            words[head].lower(),
            "many" | "some" | "most" | "several" | "both" | "all" | "few" | "others" | "one"
        )
    {
        // A quantifier standing alone: "many said", "some argue".
        return Some(Phrase {
            start: head,
            end: head + 1,
        });
    }
    // "one in five say", "About six in 10 said": a proportion whose last number is a
    // determiner word.
    if head >= floor + 2
        && numeric(words[head].lower())
        && matches!(words[head - 1].lower(), "in" | "of")
        && numeric(words[head - 2].lower())
    {
        let mut start = head - 2;
        if start > floor
            && matches!(
                words[start - 1].lower(),
                "about" | "nearly" | "roughly" | "almost" | "some" | "only" | "just" | "over"
            )
        {
            start -= 1;
        }
        return Some(Phrase {
            start,
            end: head + 1,
        });
    }
    if !can_head(head_class) {
        return None;
    }
    let mut start = head;
    let mut opened = false;
    let mut lowercase_run = usize::from(head_class == Class::Other);
    // The preposition of a knowing link inside the phrase ("close to"), if any.
    let mut link = None;
    while start > floor && head - start < MAX_PHRASE {
        let prev = start - 1;
        // "…, local activists and aid workers said": two subjects joined by "and", when
        // the first opens a clause after a comma (else "shelled a camp and aid workers
        // said" would take the camp).
        if words[prev].lower() == "and" {
            if named_with_and(lex, words, prev, floor) {
                start = prev - 1;
                continue;
            }
            if prev > floor
                && let Some(p) = left(lex, words, prev - 1, floor)
                && p.start > floor
                && words[p.start - 1].is(",")
            {
                start = p.start;
            }
            break;
        }
        match class(lex, words, prev) {
            Class::Det => {
                start = prev;
                opened = true;
                // "a spokesman for the ministry": a preposition after a descriptor head
                // continues the phrase to the left.
                match joined_head(lex, words, prev, floor) {
                    Some(h) => {
                        start = h;
                        opened = false;
                        if knowing(words, h + 1) {
                            link = Some(h + 1);
                            lowercase_run = 0;
                        }
                    }
                    None => {
                        // "The two voters", "all three candidates", "their many critics":
                        // an article or possessive before a number or quantifier.
                        let quantity = words[prev].lower();
                        if prev > floor
                            && (two_to_ten(quantity)
                                || matches!(quantity, "many" | "few" | "other"))
                            && matches!(
                                words[prev - 1].lower(),
                                "the" | "these" | "those" | "all" | "his" | "her" | "their" | "our"
                            )
                        {
                            start = prev - 1;
                        }
                        break;
                    }
                }
            }
            Class::Cap | Class::Title | Class::Possessive | Class::Number | Class::Noun => {
                start = prev;
                lowercase_run = 0;
            }
            Class::Other => {
                lowercase_run += 1;
                if lowercase_run > 3 || verb_after_head(lex, words, prev, floor) {
                    break;
                }
                start = prev;
            }
            // "on" and "by" are breaks but may join a source ("Commission on Human Rights",
            // "economists polled by Reuters"), as may a knowing link ("close to").
            Class::Break
                if !matches!(words[prev].lower(), "on" | "by")
                    && !knowing(words, prev)
                    && !serves(words, prev) =>
            {
                break;
            }
            Class::Prep | Class::Break => match joined_head(lex, words, start, floor) {
                Some(h) => {
                    start = h;
                    if knowing(words, h + 1) {
                        link = Some(h + 1);
                        lowercase_run = 0;
                    }
                }
                None => break,
            },
            // "Taiwan's Kuomintang (Nationalist) government", "the Islamic State (IS)
            // group": a short aside in brackets inside the name.
            // Only between capitalized or noun words: "(ITC) price support" stays out.
            // "the U.N.-backed Integrated Food Security Phase Classification": a hyphen
            // written between two words joins them into one modifier.
            Class::Punct if prev > floor && hyphen_joins(words, prev) => {
                start = prev - 1;
                lowercase_run = 0;
            }
            Class::Punct if words[prev].is(")") => match bracket_open(words, prev, floor) {
                Some(open)
                    if lowercase_run == 0
                        && matches!(
                            class(lex, words, open - 1),
                            Class::Cap | Class::Title | Class::Possessive | Class::Noun
                        ) =>
                {
                    start = open - 1;
                    lowercase_run = 0;
                }
                _ => break,
            },
            _ => break,
        }
    }
    // Drop lowercase words at the left edge that nothing anchors ("has suffered troops").
    // A lowercase word right after a comma or at the clause start is a modifier of the
    // head ("federal officials"); after another word it is more likely a verb.
    // ", and aviation experts say": a coordinator after a comma opens a new clause.
    let bounded = start == floor
        || !words[start - 1].is_word()
        || (start >= floor + 2
            && matches!(words[start - 1].lower(), "and" | "but")
            && words[start - 2].is(","));
    if !opened && !bounded {
        if start == head && head_class == Class::Other && plural_like(words[head].text) {
            // A bare plural right before the cue: "a number of attendees said".
            return Some(Phrase {
                start: head,
                end: head + 1,
            });
        }
        while start < head && class(lex, words, start) == Class::Other {
            start += 1;
        }
        // "WAS INVOLVED IN THE ATTACK": nothing anchors the link's word, so neither it
        // nor its preposition belongs to the source.
        if let Some(prep) = link.filter(|&p| start >= p - 1) {
            start = prep + 1;
        }
    }
    // "Last week Dixons said", "This month Bull reported": a time opening the clause is
    // when, not who ("This week's report" is a possessive and stays).
    if start + 2 <= head
        && matches!(
            words[start].lower(),
            "last" | "this" | "next" | "earlier" | "later" | "early" | "late"
        )
        && !words[start + 1].is_possessive()
        && crate::sentence::is_time_word(words[start + 1].lower())
    {
        start += 2;
    }
    // "a move economists warn could raise prices" (an apposition without "that"): "a"
    // before a plural head belongs to the noun before it.
    if head == start + 2
        && matches!(words[start].lower(), "a" | "an")
        && plural_like(words[head].text)
        && !words[start + 1].is_capitalized()
        && !matches!(
            words[start + 1].lower(),
            "few" | "dozen" | "couple" | "handful" | "hundred" | "thousand" | "million" | "score"
        )
    {
        start = head;
    }
    let phrase = Phrase {
        start,
        end: head + 1,
    };
    valid(lex, words, phrase).then_some(phrase)
}

/// "Romania's president declassified intelligence documents alleging ...": an unlisted
/// lowercase past form (`i`) right after a descriptor head noun or a title is the verb of
/// the clause, not a modifier of the words after it, so a source read leftwards stops
/// there. A participle modifying a head follows a determiner or an adjective ("the
/// detained men", "a retired general", "the so-called armed forces"), never a head noun.
/// The head noun must itself be anchored by a determiner, a possessive or a name before it:
/// a bare noun there is more likely a modifier ("State owned Beirut Radio"), as are the
/// participles of `compound_participles.txt` ("the state owned broadcaster").
fn verb_after_head(lex: &Lexicon, words: &[Word<'_>], i: usize, floor: usize) -> bool {
    let w = &words[i];
    let lower = w.lower();
    i > floor + 1
        && !w.is_capitalized()
        && lower.len() > 4
        && lower.ends_with("ed")
        && !lower.ends_with("eed")
        && !COMPOUND_PARTICIPLES.contains(&lower)
        && matches!(class(lex, words, i - 1), Class::Noun | Class::Title)
        && matches!(
            class(lex, words, i - 2),
            Class::Det | Class::Possessive | Class::Cap | Class::Title
        )
}

/// Participles that join a noun into one modifier (`data/attribution/compound_participles.txt`).
static COMPOUND_PARTICIPLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    word_list(include_str!(
        "../../../data/attribution/compound_participles.txt"
    ))
});

/// Whether word `i` is a hyphen written without spaces between a name and a lowercase word
/// ("U.N.-backed", "Iran-aligned"), one modifier.
pub(crate) fn hyphen_joins(words: &[Word<'_>], i: usize) -> bool {
    let (Some(before), Some(after)) = (i.checked_sub(1).map(|b| &words[b]), words.get(i + 1))
    else {
        return false;
    };
    words[i].is("-")
        && before.is_word()
        && after.is_word()
        && before.is_capitalized()
        && !after.is_capitalized()
        && !after.text.starts_with(|c: char| c.is_ascii_digit())
        && before.end == words[i].start
        && words[i].end == after.start
}

/// "the Africa Centres for Disease Control and Prevention", "the Department of Health and
/// Human Services": an "and" at `and` between capitalized words, in a name that joins a
/// capitalized head with "for", "of" or "on" before them, goes on with the name.
fn named_with_and(lex: &Lexicon, words: &[Word<'_>], and: usize, floor: usize) -> bool {
    let cap = |i: usize| class(lex, words, i) == Class::Cap;
    if and < floor + 3 || !cap(and - 1) || !cap(and + 1) {
        return false;
    }
    let mut i = and - 1;
    while i > floor + 1 && cap(i - 1) {
        i -= 1;
    }
    i >= floor + 2
        && matches!(words[i - 1].lower(), "for" | "of" | "on")
        && matches!(class(lex, words, i - 2), Class::Cap | Class::Noun)
        && words[i - 2].is_capitalized()
}

/// The opening bracket of a short aside of words closing at `close` ("(Nationalist)"), with
/// a word before it inside the scan.
fn bracket_open(words: &[Word<'_>], close: usize, floor: usize) -> Option<usize> {
    let low = close.saturating_sub(5).max(floor + 1);
    let open = (low..close).rev().find(|&k| !words[k].is_word())?;
    (open < close - 1 && words[open].is("(")).then_some(open)
}

/// When the word before `at` is a joining preposition preceded by a descriptor head or
/// title ("spokesman for", "Secretary of", "familiar with"), the index of that head.
fn joined_head(lex: &Lexicon, words: &[Word<'_>], at: usize, floor: usize) -> Option<usize> {
    let prep = at.checked_sub(1)?;
    if prep <= floor {
        return None;
    }
    // "a person briefed on the matter", "people close to the president": what the source
    // knows is not the speaker.
    // "aides to Mr. Johnson": the head serves the person after "to".
    if knowing(words, prep) || serves(words, prep) {
        return Some(prep - 1);
    }
    // "economists polled by Reuters": the people polled are the source.
    if words[prep].lower() == "by" {
        let h = prep - 1;
        // "the rebel coalition led by Hayat Tahrir al-Sham": the led body is the source.
        let led = led_by(words, h)
            && h > floor
            && matches!(class(lex, words, h - 1), Class::Noun | Class::Other);
        let polled = polled_by(words, h) && h > floor && class(lex, words, h - 1) == Class::Noun;
        return (polled || led).then_some(h - 1);
    }
    if words[prep].lower() == "on" {
        return deliberates_on(lex, words, prep - 1, at);
    }
    if class(lex, words, prep) != Class::Prep {
        return None;
    }
    let mut h = prep - 1;
    // "31 %" may come as two tokens: the number heads the share.
    if words[h].is("%") && h > floor && class(lex, words, h - 1) == Class::Number {
        h -= 1;
    }
    // "four in 10 voters", "six of 10": a proportion.
    let proportion = numeric(words[h].lower())
        && words.get(at).is_some_and(|w| numeric(w.lower()))
        && matches!(words[prep].lower(), "in" | "of");
    // "31% of Republicans", "half of Democrats".
    let share = words[prep].lower() == "of"
        && (class(lex, words, h) == Class::Number
            || matches!(
                words[h].lower(),
                "half"
                    | "third"
                    | "quarter"
                    | "majority"
                    | "most"
                    | "some"
                    | "all"
                    | "many"
                    | "none"
                    | "each"
                    | "several"
                    | "few"
                    | "both"
                    | "one"
                    | "two"
                    | "three"
                    | "minority"
                    | "plurality"
            )
            // "two-thirds of voters", "three-quarters of the voters".
            || ["-thirds", "-quarters", "-fifths"]
                .iter()
                .any(|f| words[h].lower().ends_with(f)));
    // "Robert Gordon of Northwestern University", "Bank of America": a name joined by "of"
    // to a capitalized name.
    // "International Organization for Migration", "Office for the Coordination of
    // Humanitarian Affairs", "U.S. Embassy in Kyiv": a capitalized head with a capitalized
    // complement is one name (the place after "in" is where the body sits, not the
    // speaker). Not "for"/"in" after a person's name: a title or an institution word
    // heads these, so the head must not end a run opened by a title.
    let complement_named = words.get(at).is_some_and(|w| w.is_capitalized())
        || (words.get(at).is_some_and(|w| w.lower() == "the")
            && words.get(at + 1).is_some_and(|w| w.is_capitalized()));
    let named = match words[prep].lower() {
        // "Jeffrey Lewis of the James Martin Center": "the" may open the named complement.
        "of" => class(lex, words, h) == Class::Cap && complement_named,
        // "Brian Waterhouse at James Capel", "an analyst at Morgan Stanley" (a descriptor
        // head joins any preposition already): a name at a named firm is one source.
        // Not a day ("said Saturday at the convention").
        "at" => {
            class(lex, words, h) == Class::Cap
                && complement_named
                && !crate::sentence::is_time_word(words[h].lower())
        }
        "for" | "in" => class(lex, words, h) == Class::Cap && complement_named,
        _ => false,
    };
    // "residents in the town of Paiporta": a place noun with its name.
    let place_named =
        words[prep].lower() == "of" && complement_named && is_terrain(words[h].lower());
    let ok = matches!(class(lex, words, h), Class::Noun | Class::Title)
        || named
        || place_named
        || proportion
        || share;
    ok.then_some(h)
}

/// Nouns of a reporter's remark on a report (`data/attribution/remarks.txt`).
static REMARKS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/remarks.txt")));

/// Whether word `k` opens a reporter's remark on a report: "a"/"an", at most one more word,
/// then a remark noun ("an account the family disputed", "a disputed figure").
pub(crate) fn remark_at(words: &[Word<'_>], k: usize) -> bool {
    let article = words
        .get(k)
        .is_some_and(|w| matches!(w.lower(), "a" | "an"));
    let remark = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.is_word() && REMARKS.contains(&w.lower()))
    };
    article && (remark(k + 1) || (words.get(k + 1).is_some_and(Word::is_word) && remark(k + 2)))
}

/// Particles inside personal names (`data/attribution/name_particles.txt`): those joined
/// by a hyphen ("al-") and those standing alone ("von").
static NAME_PARTICLES: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    word_list(include_str!("../../../data/attribution/name_particles.txt"))
        .into_iter()
        .partition(|p| p.ends_with('-'))
});

/// Whether lowercase word `i` goes on with a name: "al-Assad", or "von" / "der" / "bin"
/// between name words ("Ursula von der Leyen", "Mohammed bin Salman").
fn name_particle(words: &[Word<'_>], i: usize) -> bool {
    let (joined, alone) = &*NAME_PARTICLES;
    // Particles are short ("della", "ash-"): most words are tested by their length alone.
    let text = words[i].text;
    if let Some(h) = text.bytes().take(5).position(|b| b == b'-') {
        return text[h + 1..].starts_with(char::is_uppercase)
            && joined.iter().any(|p| p.eq_ignore_ascii_case(&text[..=h]));
    }
    let particle = |k: usize| {
        words
            .get(k)
            .is_some_and(|w| w.is_word() && w.text.len() <= 5 && alone.contains(&w.lower()))
    };
    let name = |k: usize| words.get(k).is_some_and(Word::is_capitalized) || particle(k);
    particle(i) && i > 0 && name(i - 1) && name(i + 1)
}

/// Words that tie a source to what it knows, with their preposition
/// (`data/attribution/knowing.txt`: "briefed on", "close to").
static KNOWING: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| word_pairs(include_str!("../../../data/attribution/knowing.txt")));

/// Whether word `prep` is the preposition of a knowing link ("briefed on", "privy to").
pub(crate) fn knowing(words: &[Word<'_>], prep: usize) -> bool {
    pair_at(&KNOWING, words, prep)
}

/// Words for a person who serves another, with their preposition
/// (`data/attribution/relations.txt`: "aide to", "ambassador to").
static RELATIONS: LazyLock<Vec<(&'static str, &'static str)>> =
    LazyLock::new(|| word_pairs(include_str!("../../../data/attribution/relations.txt")));

/// Whether word `prep` is the preposition after a word for someone who serves another
/// ("aides to Mr. Johnson", "an adviser to the president").
pub(crate) fn serves(words: &[Word<'_>], prep: usize) -> bool {
    pair_at(&RELATIONS, words, prep)
}

/// Whether words `prep - 1` and `prep` are one of `pairs`.
fn pair_at(pairs: &[(&str, &str)], words: &[Word<'_>], prep: usize) -> bool {
    prep > 0 && {
        let (link, p) = (words[prep - 1].lower(), words[prep].lower());
        pairs.iter().any(|&(w, q)| w == link && q == p)
    }
}

/// The "word preposition" pairs of a word list.
fn word_pairs(text: &'static str) -> Vec<(&'static str, &'static str)> {
    word_list(text)
        .into_iter()
        .filter_map(|l| l.split_once(' '))
        .collect()
}

/// Participles of polling before "by" (`data/attribution/survey_participles.txt`).
static SURVEY_PARTICIPLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    word_list(include_str!(
        "../../../data/attribution/survey_participles.txt"
    ))
});

/// Participles of leading or backing before "by"
/// (`data/attribution/leader_participles.txt`).
static LEADER_PARTICIPLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    word_list(include_str!(
        "../../../data/attribution/leader_participles.txt"
    ))
});

/// Whether word `i` is a participle of leading before "by" ("led by Hamas").
pub(crate) fn led_by(words: &[Word<'_>], i: usize) -> bool {
    LEADER_PARTICIPLES.contains(&words[i].lower())
        && words.get(i + 1).is_some_and(|w| w.lower() == "by")
}

/// Whether word `i` is a polling participle before "by" ("polled by Reuters").
pub(crate) fn polled_by(words: &[Word<'_>], i: usize) -> bool {
    SURVEY_PARTICIPLES.contains(&words[i].lower())
        && words.get(i + 1).is_some_and(|w| w.lower() == "by")
}

/// "The Kenya National Commission on Human Rights said": `h` heads a body named after
/// what it deliberates "on", and the capitalized word at `at` goes on with the name. Not a
/// day or a month ("the Committee on Tuesday said"); "on" after any other word ("Trump on
/// Sunday said", "the spokesman on Fox") ends the source.
fn deliberates_on(lex: &Lexicon, words: &[Word<'_>], h: usize, at: usize) -> Option<usize> {
    let complement = words.get(at)?;
    let named = words[h].is_capitalized()
        && class(lex, words, h) != Class::Punct
        && DELIBERATIVE.contains(&words[h].lower())
        && complement.is_capitalized()
        && !crate::sentence::is_time_word(complement.lower())
        && !MONTHS.contains(&complement.lower().trim_end_matches('.'));
    named.then_some(h)
}

/// Bodies named after what they deliberate "on" (`data/attribution/deliberative.txt`).
static DELIBERATIVE: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/deliberative.txt")));

/// Month names and their abbreviations, lowercase without the period.
const MONTHS: &[&str] = &[
    "january",
    "jan",
    "february",
    "feb",
    "march",
    "mar",
    "april",
    "apr",
    "may",
    "june",
    "jun",
    "july",
    "jul",
    "august",
    "aug",
    "september",
    "sept",
    "sep",
    "october",
    "oct",
    "november",
    "nov",
    "december",
    "dec",
];

/// A number written in digits or as a small number word.
pub(crate) fn numeric(lower: &str) -> bool {
    lower.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            lower,
            "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
        )
}

/// A phrase is a source only if its last word can be a head and it is not all lowercase
/// unknown words.
fn valid(lex: &Lexicon, words: &[Word<'_>], p: Phrase) -> bool {
    if p.end <= p.start {
        return false;
    }
    let last = class(lex, words, p.end - 1);
    if !can_head(last) && last != Class::Pronoun {
        return false;
    }
    if last == Class::Other && plural_like(words[p.end - 1].text) {
        return true;
    }
    (p.start..p.end).map(|i| class(lex, words, i)).any(|c| {
        matches!(
            c,
            Class::Cap
                | Class::Noun
                | Class::Title
                | Class::Det
                | Class::Possessive
                | Class::Pronoun
        )
    })
}

/// A lowercase word that looks like a plural noun ("attendees", "voters"): plural heads
/// are common bare sources and rarely verbs right before a cue.
pub(crate) fn plural_like(text: &str) -> bool {
    text.len() >= 4
        && text.ends_with('s')
        && !text.ends_with("ss")
        && !text.ends_with("us")
        && !text.ends_with("is")
        && !text.ends_with("'s")
        && !text.ends_with("\u{2019}s")
        && text.chars().all(|c| c.is_ascii_lowercase() || c == '-')
}

/// The source phrase starting at word `from`, scanning right no further than `ceil`
/// (exclusive): "said [the official]", "said [Oleksandr Syrsky]".
pub(crate) fn right(lex: &Lexicon, words: &[Word<'_>], from: usize, ceil: usize) -> Option<Phrase> {
    let ceil = ceil.min(words.len());
    if from >= ceil {
        return None;
    }
    if class(lex, words, from) == Class::Pronoun {
        return Some(Phrase {
            start: from,
            end: from + 1,
        });
    }
    if let Some(p) = partitive(lex, words, from, ceil) {
        return Some(p);
    }
    let mut end = from;
    if class(lex, words, end) == Class::Det {
        end += 1;
    }
    let mut last_head = None;
    // After a knowing link ("a person briefed on the matter") every word belongs to what
    // the source knows.
    let mut known = false;
    while end < ceil && end - from < MAX_PHRASE {
        let c = class(lex, words, end);
        let lower = words[end].lower();
        // A modifier word ends the phrase ("said Smith in a post"), unless capitalized as
        // part of a name ("NY Post").
        let stop_word =
            lex.is_modifier(lower) && lex.noun(lower).is_none() && !words[end].is_capitalized();
        match c {
            Class::Cap | Class::Title | Class::Possessive | Class::Noun | Class::Number
                if !stop_word || c == Class::Title =>
            {
                last_head = Some(end);
                end += 1;
            }
            Class::Other if !stop_word => {
                // "official preliminary results": a document noun heads what it ends;
                // "television interviewers": a plural after a common head noun heads the
                // compound (not after a name: "told Reuters shareholders were ...").
                if known
                    || crate::owner::is_document(lower)
                    || (last_head == Some(end.wrapping_sub(1))
                        && class(lex, words, end - 1) == Class::Noun
                        && plural_like(words[end].text))
                {
                    last_head = Some(end);
                }
                end += 1;
            }
            Class::Prep
                if end > 0
                    && last_head == Some(end - 1)
                    && matches!(
                        class(lex, words, end + 1),
                        Class::Det | Class::Cap | Class::Noun | Class::Possessive
                    ) =>
            {
                end += 1;
                if class(lex, words, end) == Class::Det {
                    end += 1;
                }
            }
            // "the Securities and Exchange Commission", "the Office of Management and
            // Budget": "and" inside a name that takes an article or joins a preposition
            // (not two names: "Baker and Volcker", "Britain and France").
            _ if lower == "and"
                && end > from
                && last_head == Some(end - 1)
                && class(lex, words, end + 1) == Class::Cap
                && name_before_and(lex, words, end, from) =>
            {
                end += 1;
            }
            _ if last_head.is_some() && knowing(words, end) => {
                known = true;
                end += 1;
                if class(lex, words, end) == Class::Det {
                    end += 1;
                }
            }
            _ => break,
        }
    }
    let end = last_head? + 1;
    let phrase = Phrase { start: from, end };
    valid(lex, words, phrase).then_some(phrase)
}

/// A part of a group right of a cue: "said one of the organizers", "two of his aides",
/// "some of the company's workers": up to three lower-case words after "of" and a
/// determiner or possessive, the last ending the phrase.
fn partitive(lex: &Lexicon, words: &[Word<'_>], from: usize, ceil: usize) -> Option<Phrase> {
    let part = words[from].lower();
    if !(two_to_ten(part)
        || matches!(
            part,
            "one" | "some" | "many" | "most" | "several" | "each" | "both"
        ))
        || words.get(from + 1).is_none_or(|w| w.lower() != "of")
        || !matches!(class(lex, words, from + 2), Class::Det | Class::Possessive)
    {
        return None;
    }
    let head = from + 3;
    let mut end = head;
    while end < ceil
        && end - head < 3
        && matches!(
            class(lex, words, end),
            Class::Other | Class::Noun | Class::Possessive
        )
        && !lex.is_modifier(words[end].lower())
    {
        end += 1;
    }
    (end > head && !words[end - 1].is_possessive()).then_some(Phrase { start: from, end })
}

/// Whether the capitalized words right before `and` (from `from` on) follow "the" or a
/// joining preposition: a name that goes on after "and".
fn name_before_and(lex: &Lexicon, words: &[Word<'_>], and: usize, from: usize) -> bool {
    let mut i = and;
    while i > from && class(lex, words, i - 1) == Class::Cap {
        i -= 1;
    }
    i < and && i > 0 && matches!(words[i - 1].lower(), "the" | "of" | "for" | "on")
}

/// A determiner and one to three lowercase words closing the clause, after a quotation
/// and its cue: `"...," wrote one commenter.`, `said a bystander.` The head noun need not
/// be a known descriptor there: nothing else can follow an inverted cue.
pub(crate) fn right_bare(lex: &Lexicon, words: &[Word<'_>], from: usize) -> Option<Phrase> {
    if class(lex, words, from) != Class::Det {
        return None;
    }
    let mut end = from + 1;
    while end < words.len()
        && end - from <= 3
        && words[end].is_word()
        && class(lex, words, end) == Class::Other
        && !lex.is_modifier(words[end].lower())
    {
        end += 1;
    }
    let closes = words
        .get(end)
        .is_none_or(|w| matches!(w.text, "." | "," | ";" | "!" | "?"));
    (end > from + 1 && closes).then_some(Phrase { start: from, end })
}

/// An apposition right after a phrase: ", a spokesman for the ministry," or ", 35,". Returns
/// the apposition's words (without commas) when one starts at `comma` and ends at another
/// comma, a cue, or the sentence end, within a short distance and without quotation marks.
pub(crate) fn apposition(
    lex: &Lexicon,
    words: &[Word<'_>],
    comma: usize,
    ceil: usize,
) -> Option<Phrase> {
    if !words.get(comma)?.is(",") {
        return None;
    }
    let start = comma + 1;
    let first = class(lex, words, start);
    if !matches!(
        first,
        Class::Det | Class::Cap | Class::Title | Class::Possessive | Class::Number | Class::Noun
    ) {
        return None;
    }
    // ", a move that would ...": a remark on the report, not who made it.
    if remark_at(words, start) {
        return None;
    }
    let mut end = start;
    while end < ceil.min(words.len()) && end - start < 26 {
        let w = &words[end];
        if w.is(",") || w.is(".") || w.is(";") {
            break;
        }
        if !w.is_word() {
            return None;
        }
        end += 1;
    }
    (end > start).then_some(Phrase { start, end })
}
