//! The attribution extractor.
//!
//! ## What it finds
//! Reported speech and attributed attitudes: for each cue ("said", "told", "according
//! to", "adding", "believes", "endorsed", "declined to"), its source phrase, the speaker it
//! refers to, the content (a quotation, a paraphrase, or a paraphrase with quoted
//! fragments), the sourcing conditions stated with it, and when it was said. Each
//! attribution has a class from the cue lexicon: a `statement` (speech, writing,
//! documents: a claim of fact, from which the claim ledger is built) or an `attitude`
//! (belief, desire, stance, request, promise, appearance: attributed, but no claim). A
//! report inside another's content is kept and marked `within` it. Speakers are named or
//! anonymous, with role, affiliation and seniority parsed from the descriptor (or inferred,
//! visibly: see `affiliation`), and later mentions ("the official", "he") resolved to them.
//!
//! ## Example
//! ```text
//! North Korean forces have suffered "several hundred" casualties, a senior U.S. military official said Tuesday.
//! ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ content (mixed)
//!                                                                  ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ source S1
//!                                                                                                  ^^^^ cue say
//! ```
//! S1 is anonymous: seniority `senior`, affiliation `U.S.` (or `US` when entities are
//! linked), role `military official`. A later `"...," the official said` resolves to S1,
//! unless another official was introduced in between.
//!
//! ## Limitations
//! - No parser: sources are found by word classes, so unusual word orders ("Said the
//!   official: ...") or long relative clauses before the cue can be missed.
//! - A quotation with no cue in its sentence is attributed only when it continues the
//!   report right before it (see `continuation`); otherwise it is the reporter's.
//! - Noun cues ("his comments", "the statement", "criticism of") are not attributions;
//!   nouns that also serve as cue verbs ("a news report said") are recognized as nouns.
//! - The lexicon decides statement or attitude per cue, not per use: "warned" is a
//!   statement even when it warns of a fear.
//! - A pronoun whose nearest compatible antecedent is the wrong person is resolved wrongly;
//!   a pronoun with none is left unknown.

use std::sync::LazyLock;

use tally_core::{
    AffiliationBasis, Attribution, AttributionClass, Document, Entity, EntityType, ExtractError,
    Extractor, Layer, QuoteKind, Span,
};

use crate::affiliation;
use crate::antecedent::{self, Heads, Wanted};
use crate::continuation;
use crate::coref::{Mention, NotPerson, Registry};
use crate::descriptor::{self, Descriptor, Form};
use crate::lexicon::{CueEntry, Gender, Hit, Lexicon, NounKind, Number, word_list};
use crate::nesting;
use crate::owner;
use crate::phrase::{self, Class, Phrase, class};
use crate::said_at;
use crate::sentence::{self, CueAt, Found};
use crate::setting;
use crate::words::{Word, marks_of, words_into};
use crate::{caveat, citing};

/// Finds quotations, reported speech and their speakers. Built once; `run` is linear in the
/// document.
///
/// ```
/// use tally_attribution::Attributor;
/// use tally_core::Extractor;
/// let attributor = Attributor::new().unwrap();
/// assert_eq!(attributor.name(), "attribution");
/// ```
#[derive(Debug)]
pub struct Attributor {
    lex: Lexicon,
    heads: Heads,
}

impl Attributor {
    /// Loads the bundled lexicons.
    ///
    /// # Errors
    /// [`ExtractError::Data`] when a bundled list is malformed.
    pub fn new() -> Result<Attributor, ExtractError> {
        Ok(Attributor {
            lex: Lexicon::bundled()?,
            heads: Heads::bundled()?,
        })
    }
}

impl Extractor for Attributor {
    fn name(&self) -> &'static str {
        "attribution"
    }

    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }

    fn provides(&self) -> &'static [Layer] {
        &[Layer::Attributions]
    }

    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let quotes = tally_text::quotations(doc);
        let (mut speakers, mut attributions) = annotate(&self.lex, &self.heads, doc, &quotes);
        nesting::mark(&mut attributions);
        continuation::extend(doc, &quotes, &mut attributions);
        affiliation::infer(&self.lex, doc, &mut speakers, &attributions);
        said_at::fill(doc, &mut attributions);
        setting::trim(doc, &mut attributions);
        caveat::trim(doc, &mut attributions);
        caveat::unchecked(&mut attributions);
        citing::fold(&self.lex, doc, &mut attributions);
        doc.speakers = speakers;
        doc.attributions = attributions;
        doc.mark_layer(Layer::Attributions);
        Ok(())
    }
}

/// Entity mentions sorted by start, for looking up the entity behind a name or affiliation.
struct EntityIndex<'d> {
    mentions: Vec<(usize, usize, &'d Entity)>,
}

impl<'d> EntityIndex<'d> {
    fn new(doc: &'d Document) -> EntityIndex<'d> {
        let mut mentions: Vec<(usize, usize, &Entity)> = if doc.has_layer(Layer::Entities) {
            doc.entities
                .iter()
                .flat_map(|e| e.mentions.iter().map(move |m| (m.start, m.end, e)))
                .collect()
        } else {
            Vec::new()
        };
        mentions.sort_by_key(|m| (m.0, m.1));
        EntityIndex { mentions }
    }

    /// In a sentence all in capitals, gives the words of entity mentions their capitals
    /// back (see [`Word::caseless`]): the entities stage tells names from other words
    /// there, which the letters cannot.
    /// Also marks the words of place and country mentions ([`Word::place`]).
    fn recase(&self, words: &mut [Word<'_>]) {
        if words.first().is_some_and(|w| w.caseless) {
            for w in words.iter_mut() {
                w.caseless = self.at(w.start, w.end).is_none();
            }
        }
        let (Some(first), Some(last)) = (words.first(), words.last()) else {
            return;
        };
        let (start, end) = (first.start, last.end);
        let i = self.mentions.partition_point(|m| m.1 <= start);
        for &(a, b, e) in self.mentions[i..].iter().take_while(|m| m.0 < end) {
            if matches!(e.kind, EntityType::Place | EntityType::Country) {
                let from = words.partition_point(|w| w.start < a);
                for w in words[from..].iter_mut().take_while(|w| w.end <= b) {
                    w.place = true;
                }
            }
        }
    }

    /// Every entity mention, by start.
    fn all(&self) -> &[(usize, usize, &'d Entity)] {
        &self.mentions
    }

    /// The mention of a person that ends `span`, starting inside it.
    fn person_ending(&self, span: &Span) -> Option<(usize, usize)> {
        let i = self.mentions.partition_point(|m| m.1 < span.end);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.1 == span.end)
            .find(|m| m.0 > span.start && m.2.kind == EntityType::Person)
            .map(|m| (m.0, m.1))
    }

    /// The entity with a mention exactly `start..end`.
    fn exact(&self, start: usize, end: usize) -> Option<&'d Entity> {
        self.starting_at(start).find(|m| m.1 == end).map(|m| m.2)
    }

    /// The mentions that start at byte `start`.
    fn starting_at(&self, start: usize) -> impl Iterator<Item = &(usize, usize, &'d Entity)> {
        self.starting_within(start, start + 1)
    }

    /// The mentions that start inside `start..end`.
    fn starting_within(
        &self,
        start: usize,
        end: usize,
    ) -> impl Iterator<Item = &(usize, usize, &'d Entity)> {
        let i = self.mentions.partition_point(|m| m.0 < start);
        self.mentions[i..].iter().take_while(move |m| m.0 < end)
    }

    /// The entity with a mention overlapping `start..end`.
    fn at(&self, start: usize, end: usize) -> Option<&'d Entity> {
        let i = self.mentions.partition_point(|m| m.1 <= start);
        self.mentions[i..]
            .iter()
            .take_while(|m| m.0 < end)
            .find(|m| m.0 < end && start < m.1)
            .map(|m| m.2)
    }

    /// The entity a name names, of those with a mention overlapping `start..end`: the first,
    /// unless the last is a person ("BP Group Treasurer Rodney Chase", "U.S. Agriculture
    /// Undersecretary Daniel Amstutz") or an organization after a place ("Tokyo-based
    /// Nippon Oil Co Ltd", "the United States Special Operations Command"). Two
    /// organizations keep the first: the entities layer may have split one name ("Credit
    /// Suisse" and "First Boston Ltd").
    fn named_at(&self, start: usize, end: usize) -> Option<&'d Entity> {
        let i = self.mentions.partition_point(|m| m.1 <= start);
        let mut inside = self.mentions[i..]
            .iter()
            .take_while(|m| m.0 < end)
            .filter(|m| start < m.1)
            .map(|m| m.2);
        let first = inside.next()?;
        let Some(last) = inside.last() else {
            return Some(first);
        };
        let place = matches!(first.kind, EntityType::Place | EntityType::Country);
        let head =
            last.kind == EntityType::Person || (place && last.kind == EntityType::Organization);
        Some(if head { last } else { first })
    }
}

/// "The city's mayor, Ihor Terekhov, told the Guardian": a person named by the whole
/// apposition of a description that names no one is the speaker, and the description is
/// what describes them (role "mayor"). Returns the phrase that names the speaker and the
/// one that describes them.
fn named_in_apposition(
    lex: &Lexicon,
    entities: &EntityIndex<'_>,
    words: &[Word<'_>],
    core: Phrase,
    apposition: Option<Phrase>,
) -> (Phrase, Option<Phrase>) {
    let bytes = |p: Phrase| {
        Some((
            words.get(p.start)?.start,
            words.get(p.end.checked_sub(1)?)?.end,
        ))
    };
    let person = |p: Phrase| {
        bytes(p)
            .and_then(|(a, b)| entities.exact(a, b))
            .is_some_and(|e| e.kind == EntityType::Person)
    };
    // A possessive names an owner, not the one described: "Keller's attorney, David
    // Brennan," is Brennan.
    let owner = |m: &(usize, usize, _)| {
        words[core.start..core.end]
            .iter()
            .any(|w| w.start <= m.0 && m.1 <= w.end && w.is_possessive())
    };
    let names_someone = |p: Phrase| {
        bytes(p).is_some_and(|(a, b)| {
            entities
                .starting_within(a, b)
                .any(|m| m.1 <= b && m.2.kind == EntityType::Person && !owner(m))
        })
    };
    // "Cedric Schuster of Samoa": a name with its country or body after "of".
    let apposition = apposition.map(|a| {
        (a.start + 1..a.end)
            .find(|&k| words[k].lower() == "of")
            .map(|k| Phrase {
                start: a.start,
                end: k,
            })
            .filter(|&name| person(name))
            .unwrap_or(a)
    });
    match apposition {
        Some(a)
            if (person(a) || unlisted_name(lex, entities, words, core, a))
                && !names_someone(core) =>
        {
            (a, Some(core))
        }
        _ => (core, apposition),
    }
}

/// "The United Nations' special envoy for Syria, Geir Pedersen,": two to four capitalized
/// words after a descriptor headed by a singular person noun name that person, though the
/// entities stage typed them no person (an unlisted given name makes a local organization)
/// or found nothing.
fn unlisted_name(
    lex: &Lexicon,
    entities: &EntityIndex<'_>,
    words: &[Word<'_>],
    core: Phrase,
    apposition: Phrase,
) -> bool {
    let name = &words[apposition.start..apposition.end];
    let person_head = words[core.start..core.end].iter().any(|w| {
        !w.is_capitalized()
            && lex
                .noun(w.lower())
                .is_some_and(|n| n.kind == NounKind::Person && n.number == Number::Singular)
    });
    let (Some(first), Some(last)) = (name.first(), name.last()) else {
        return false;
    };
    person_head
        && (2..=4).contains(&name.len())
        && name.iter().all(|w| {
            w.is_capitalized() && lex.noun(w.lower()).is_none() && lex.title(w.text).is_none()
        })
        && entities
            .exact(first.start, last.end)
            .is_none_or(|e| e.kind == EntityType::Organization && e.id.starts_with("local:"))
}

/// "Forecasters said", "Aid workers said": the capitalized first word of a sentence that the
/// entities layer read as no name is a common word. A plural alone is a group, not a
/// speaker named "Forecasters"; before another word it is part of the role, not an
/// affiliation.
fn sentence_case(
    lex: &Lexicon,
    words: &[Word<'_>],
    target: Phrase,
    entities: &EntityIndex<'_>,
    d: &mut Descriptor,
) {
    let first = target.start;
    let Some(w) = words.get(first) else {
        return;
    };
    if !phrase::opens_sentence(words, first)
        || !w.is_capitalized()
        || class(lex, words, first) != Class::Cap
        || entities.at(w.start, w.end).is_some()
    {
        return;
    }
    let lower = w.lower();
    if d.form == Form::Named && d.name_range == Some((w.start, w.end)) && phrase::plural_like(lower)
    {
        d.form = Form::Indefinite;
        d.name = None;
        d.name_range = None;
        d.role = Some(lower.to_owned());
        d.head = Some(lower.to_owned());
        d.number = Number::Plural;
        return;
    }
    let before_common = words
        .get(first + 1)
        .is_some_and(|n| first + 1 < target.end && n.is_word() && !n.is_capitalized());
    if before_common
        && d.affiliation
            .as_ref()
            .is_some_and(|a| (a.1, a.2) == (w.start, w.end))
    {
        d.affiliation = None;
        d.role = Some(match d.role.take() {
            Some(role) => format!("{lower} {role}"),
            None => lower.to_owned(),
        });
    }
}

/// "Kremlin spokesman Dmitry Peskov told" opening a sentence: a capitalized body noun the
/// gazetteer names as an organization is the speaker's affiliation, as it is mid-sentence,
/// not part of the role. "Government officials" names no body, and a body only this text
/// names ("TV networks", "Agency officials") may be a common noun read as a name.
fn body_opening_sentence(
    lex: &Lexicon,
    words: &[Word<'_>],
    target: Phrase,
    entities: &EntityIndex<'_>,
    d: &mut Descriptor,
) {
    let Some(w) = words.get(target.start) else {
        return;
    };
    if d.affiliation.is_some()
        || !phrase::opens_sentence(words, target.start)
        || class(lex, words, target.start) != Class::Noun
        || !entities
            .exact(w.start, w.end)
            .is_some_and(|e| e.kind == EntityType::Organization && !e.id.starts_with("local:"))
    {
        return;
    }
    let Some(rest) = d
        .role
        .as_deref()
        .and_then(|r| r.strip_prefix(w.text))
        .and_then(|r| r.strip_prefix(' '))
        // "Data General" is a name, not a body's general.
        .filter(|r| r.starts_with(|c: char| c.is_lowercase()))
    else {
        return;
    };
    d.role = Some(rest.to_owned());
    d.affiliation = Some((w.text.to_owned(), w.start, w.end));
}

/// "according to its most recent quarterly filing", "their quarterly projections": a
/// document whose owner is a pronoun speaks for whom the pronoun refers to, as "it" or
/// "they" would (the document stays the mention).
fn pronoun_owned_document(lex: &Lexicon, d: &mut Descriptor) {
    if !matches!(d.form, Form::Definite | Form::Indefinite) {
        return;
    }
    let Some((first, _)) = d.text.split_once(' ') else {
        return;
    };
    let subject = match first {
        "its" | "Its" => "it",
        "their" | "Their" => "they",
        _ => return,
    };
    if d.head.as_deref().is_some_and(owner::is_document)
        && let Some(p) = lex.pronoun(subject)
    {
        d.form = Form::Pronoun(p);
        d.number = p.number;
        d.gender = p.gender;
    }
}

/// "said in a statement", "wrote in a new report": the byte range of the document's word a
/// report was made in, from the words right after its cue (word `cue_end`).
fn made_in_document(lex: &Lexicon, words: &[Word<'_>], cue_end: usize) -> Option<(usize, usize)> {
    let after = words.get(cue_end..)?;
    let at = after
        .windows(2)
        .take(4)
        .position(|p| p[0].lower() == "in" && matches!(p[1].lower(), "a" | "an"))?;
    after[at + 2..]
        .iter()
        .take(2)
        .find(|w| is_made_document(lex, w.lower()))
        .map(|w| (w.start, w.end))
}

fn is_made_document(lex: &Lexicon, lower: &str) -> bool {
    owner::is_document(lower) || lex.is_issued_document(lower)
}

/// The authors of a document source named by a descriptor after "by" or "from"
/// ("estimates by analysts", "a report from local aid groups"): the phrase after the
/// preposition (within the source, which ends at `end`), when it ends in a lowercase listed
/// person or organization noun. Names are left to `document_from`.
fn document_authors(
    lex: &Lexicon,
    words: &[Word<'_>],
    target: Phrase,
    end: usize,
) -> Option<Phrase> {
    let k = (target.start..end.saturating_sub(2)).find(|&k| {
        is_made_document(lex, words[k].lower()) && matches!(words[k + 1].lower(), "by" | "from")
    })?;
    let last = words.get(end.checked_sub(1)?)?;
    let kind = lex.noun(last.lower())?.kind;
    (!last.is_capitalized() && matches!(kind, NounKind::Person | NounKind::Org))
        .then_some(Phrase { start: k + 2, end })
}

/// Documents reports were made in ("said in a statement"): the byte range of the
/// document's word in the body, the speaker, the paragraph.
type Issued = ((usize, usize), usize, usize);

/// The speaker who made the latest document headed `head` within three paragraphs of
/// `paragraph`, unless another such document was mentioned between it and `at` ("Police
/// released a statement. The statement said").
fn document_maker(
    issued: &[Issued],
    lower_body: &str,
    head: &str,
    at: usize,
    paragraph: usize,
) -> Option<usize> {
    let &((_, end), speaker, made_in) = issued
        .iter()
        .rev()
        .find(|((a, b), ..)| lower_body.get(*a..*b) == Some(head))?;
    if paragraph.saturating_sub(made_in) > 3 {
        return None;
    }
    let between = lower_body.get(end..at)?;
    let other = [" a ", " an "].iter().any(|art| {
        between.match_indices(art).any(|(k, _)| {
            between[k + art.len()..]
                .split_whitespace()
                .take(2)
                .any(|w| w.trim_end_matches([',', '.', ';']) == head)
        })
    });
    (!other).then_some(speaker)
}

/// The head of a bare definite document ("the statement", "the report").
fn bare_document<'d>(lex: &Lexicon, d: &'d Descriptor) -> Option<&'d str> {
    if d.form != Form::Definite {
        return None;
    }
    let (the, head) = d.text.split_once(' ')?;
    (the.eq_ignore_ascii_case("the") && is_made_document(lex, head)).then_some(head)
}

/// "the Civil Defence service", "The Civil Defence": a phrase that opens (after its
/// determiner) with an organization the entities layer knows, followed by nothing or by
/// organization nouns only, is that organization, named. Its capitalized words are not an
/// affiliation and a role ("Civil" / "Defence"). A person noun after it ("a Hamas
/// official") describes someone else.
/// "a statement from the Health Ministry", "a report by the World Bank": a document phrase
/// whose whole rest after "from"/"by" is an organization the entities layer knows is that
/// organization's statement; the organization is the speaker, named.
fn document_from<'e>(
    lex: &Lexicon,
    words: &[Word<'_>],
    first: usize,
    end: usize,
    entities: &EntityIndex<'e>,
) -> Option<(usize, usize, &'e tally_core::Entity)> {
    let document = words.get(first)?.lower();
    if !(crate::owner::is_document(document) || lex.is_issued_document(document)) {
        return None;
    }
    if !matches!(words.get(first + 1)?.lower(), "from" | "by") {
        return None;
    }
    let mut k = first + 2;
    if words.get(k).is_some_and(|w| w.lower() == "the") {
        k += 1;
    }
    let (from, to) = (words.get(k)?.start, words.get(end.checked_sub(1)?)?.end);
    entities
        .starting_at(from)
        .find(|m| m.1 == to && m.2.kind == EntityType::Organization)
        .copied()
}

fn name_from_organization(
    lex: &Lexicon,
    words: &[Word<'_>],
    target: Phrase,
    entities: &EntityIndex<'_>,
    d: &mut Descriptor,
) {
    if d.form == Form::Named || target.start >= target.end {
        return;
    }
    let mut first = target.start;
    if class(lex, words, first) == Class::Det {
        // "Some Democrats": members of the body, not the body.
        if descriptor::counts_members(words[first].lower()) {
            return;
        }
        first += 1;
    }
    let (Some(w), Some(last)) = (words.get(first), words.get(target.end - 1)) else {
        return;
    };
    if let Some(issuer) = document_from(lex, words, first, target.end, entities) {
        let (start, end, e) = issuer;
        d.form = Form::Named;
        d.name = Some(e.name.clone());
        d.name_range = Some((start, end));
        d.affiliation = None;
        d.role = Some(w.text.to_owned());
        d.kind = Some(NounKind::Org);
        return;
    }
    let Some(&(start, end, e)) = entities
        .starting_at(w.start)
        .find(|m| m.1 <= last.end && m.2.kind == EntityType::Organization)
    else {
        return;
    };
    // The name must end with a word ("the Hamas-run ministry" is no Hamas).
    if !words[first..target.end].iter().any(|x| x.end == end) {
        return;
    }
    let rest: Vec<&Word<'_>> = words[first..target.end]
        .iter()
        .filter(|x| x.start >= end)
        .collect();
    // "The Reagan administration", "the Ontario government": a leader's or a place's
    // government is not the name before it, however the entities layer typed the name.
    let org_nouns = rest.iter().all(|x| {
        !x.is_capitalized()
            && lex.noun(x.lower()).is_some_and(|n| n.kind == NounKind::Org)
            && !matches!(
                x.lower(),
                "administration" | "government" | "regime" | "campaign" | "camp"
            )
    });
    if !org_nouns {
        return;
    }
    d.form = Form::Named;
    d.name = Some(e.name.clone());
    d.name_range = Some((start, end));
    d.affiliation = d.affiliation.take().filter(|a| a.2 <= start || a.1 >= end);
    d.role = (!rest.is_empty()).then(|| rest.iter().map(|x| x.text).collect::<Vec<_>>().join(" "));
    d.kind = Some(NounKind::Org);
}

/// A descriptor that found no name but ends in a person the entities layer knows is that
/// person, named ("Secretary of State Antony Blinken": the "of" after the title hid the
/// name from the descriptor's own reading); an affiliation read over the name is dropped.
/// Only titles and names may stand before the person: "a spokesman for Trump", "the
/// campaign of Hillary Clinton", "a group of supporters of General Noriega" are someone
/// else.
fn name_from_person(
    lex: &Lexicon,
    d: &mut Descriptor,
    body: &str,
    entities: &EntityIndex<'_>,
    span: &Span,
) {
    if !matches!(d.form, Form::Definite | Form::Indefinite | Form::Named) {
        return;
    }
    let Some((start, end)) = entities.person_ending(span) else {
        return;
    };
    // "Georgia Bureau of Investigation Director Chris Hosey": the descriptor named the body
    // before the title (its "of" ended the name); the person is the speaker, the body their
    // affiliation and the words between their role.
    let body_named = match (d.form, d.name_range) {
        (Form::Named, Some((a, b)))
            if b <= start
                && entities
                    .at(a, b)
                    .is_some_and(|e| e.kind != EntityType::Person) =>
        {
            Some((a, b))
        }
        (Form::Named, _) => return,
        _ => None,
    };
    let before: Vec<&str> = body
        .get(span.start..start)
        .unwrap_or("")
        .split_whitespace()
        .collect();
    let is_title = |w: &str| {
        let mut cap = w.to_owned();
        if let Some(first) = cap.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        lex.title(w).is_some() || lex.title(&cap).is_some()
    };
    // "Bank of Japan governor", "Office of Management and Budget director": inside a
    // name written in title case.
    let in_name =
        |w: &str| w.starts_with(|c: char| c.is_uppercase()) && w.chars().any(char::is_lowercase);
    let complement_of_title =
        before
            .iter()
            .enumerate()
            .all(|(i, w)| match w.to_ascii_lowercase().as_str() {
                "for" | "from" | "with" | "by" | "about" | "on" | "to" | "at" => false,
                "of" | "and" => i > 0 && (is_title(before[i - 1]) || in_name(before[i - 1])),
                _ => true,
            });
    if !complement_of_title {
        return;
    }
    d.form = Form::Named;
    d.name = body.get(start..end).map(str::to_owned);
    d.name_range = Some((start, end));
    if d.affiliation.as_ref().is_some_and(|a| a.2 > start) {
        d.affiliation = None;
    }
    if let Some((a, b)) = body_named {
        d.affiliation = body.get(a..b).map(|name| (name.to_owned(), a, b));
        // The title words just before the person ("of Investigation Director": Director).
        let between: Vec<&str> = body
            .get(b..start)
            .unwrap_or("")
            .split_whitespace()
            .collect();
        let n = between
            .iter()
            .rev()
            .take_while(|w| is_title(w) || lex.is_title_tail(w))
            .count();
        if d.role.is_none() && n > 0 {
            d.role = Some(between[between.len() - n..].join(" "));
        }
    }
}

/// A source with an apposition or relative clause between commas takes the closing comma
/// ("Murphy, the head of the group, said"), as PolNeAR annotates it (train: 580 of 633
/// such sources before their cue).
fn closed_apposition(words: &[Word<'_>], p: Phrase) -> Phrase {
    let inner = words
        .get(p.start..p.end)
        .is_some_and(|s| s.iter().any(|w| w.is(",")));
    if inner && words.get(p.end).is_some_and(|w| w.is(",")) {
        Phrase {
            start: p.start,
            end: p.end + 1,
        }
    } else {
        p
    }
}

fn span_of(doc: &Document, words: &[Word<'_>], p: Phrase) -> Option<Span> {
    let first = words.get(p.start)?;
    let last = words.get(p.end.checked_sub(1)?)?;
    doc.span(first.start, last.end).ok()
}

fn kind_of(words: &[Word<'_>], content: &[Phrase]) -> QuoteKind {
    let (mut quoted, mut plain) = (false, false);
    for p in content {
        for w in &words[p.start..p.end] {
            if w.is_word() {
                if w.inside {
                    quoted = true;
                } else {
                    plain = true;
                }
            }
        }
    }
    match (quoted, plain) {
        (true, false) => QuoteKind::Direct,
        (true, true) => QuoteKind::Mixed,
        _ => QuoteKind::Indirect,
    }
}

/// A title-case headline ("Trump Says He Never Pledged ...") capitalizes its cues.
fn headline(words: &[Word<'_>]) -> bool {
    let (capitals, total) = words
        .iter()
        .filter(|w| w.is_word() && w.text.len() > 3)
        .fold((0, 0), |(c, t), w| {
            (c + usize::from(w.is_capitalized()), t + 1)
        });
    total >= 3 && capitals * 10 >= total * 7
}

/// The cue hits inside `sentence` mapped to word ranges; hits that do not line up with
/// word boundaries are dropped.
fn cues_in<'l>(lex: &'l Lexicon, words: &[Word<'_>], hits: &[Hit]) -> Vec<CueAt<'l>> {
    let mut title_case = None;
    let mut title_case = || *title_case.get_or_insert_with(|| headline(words));
    hits.iter()
        .filter_map(|h| {
            // Words are in order of start: find the cue's first word by binary search.
            let start = words.binary_search_by_key(&h.start, |w| w.start).ok()?;
            let end = words[start..].iter().position(|w| w.end == h.end)? + start + 1;
            // A capitalized cue word next to another capitalized word is part of a name
            // ("United States", "Hope Hicks").
            let named = |i: Option<usize>| {
                i.and_then(|i| words.get(i))
                    .is_some_and(|w| w.is_capitalized() && w.lower() != "i")
            };
            let entry = lex.cue(h)?;
            // After a determiner or possessive the word is a noun ("his remarks", "Trump's
            // claims"), not a reporting verb; a form that is also a noun may have one
            // modifier between ("a news report said").
            // "He's said" is a pronoun and an auxiliary, not an owner.
            let det = |w: &Word<'_>| {
                (w.is_possessive() && lex.pronoun(w.lower()).is_none())
                    || matches!(
                        w.lower(),
                        "a" | "an"
                            | "the"
                            | "this"
                            | "these"
                            | "those"
                            | "his"
                            | "her"
                            | "their"
                            | "its"
                            | "our"
                            | "my"
                            | "your"
                            | "whose"
                            | "any"
                            | "no"
                            | "every"
                    )
            };
            let before = |n: usize| start.checked_sub(n).and_then(|p| words.get(p));
            // "the government hopes", "the campaign claims": a singular descriptor noun
            // before a form in "-s" is its subject, and the form a verb.
            let agrees = words[start].lower().ends_with('s')
                && before(1)
                    .is_some_and(|w| !w.lower().ends_with('s') && lex.noun(w.lower()).is_some());
            // "Some estimates put the toll at ...", "many reports": a form in "-s" after a
            // plural quantifier cannot agree with it as a verb ("some estimate").
            let plural_subject = entry.flags.noun
                && words[start].lower().ends_with('s')
                && before(1).is_some_and(|w| {
                    matches!(
                        w.lower(),
                        "some" | "many" | "several" | "most" | "few" | "both" | "other" | "all"
                    )
                });
            // "Trump's claim that ...", "his plans to ...", "Clinton's attacks on ...": a
            // noun cue with its owner and its complement is a report (see
            // `sentence::owned_noun`).
            let owned = before(1).is_some_and(|w| sentence::owner_word(lex, w))
                && sentence::owned_complement(entry, words, end).is_some();
            // "for fear of losing her job", "in support of the bill": right after a
            // preposition a form that is also a noun is the noun; no verb follows one.
            let after_preposition = entry.flags.noun
                && before(1).is_some_and(|w| {
                    matches!(
                        w.lower(),
                        "for" | "in" | "with" | "of" | "without" | "from" | "by" | "against"
                    )
                });
            let noun = plural_subject
                || after_preposition
                || !entry.flags.in_document && before(1).is_some_and(det) && !owned
                || (entry.flags.noun
                    && !agrees
                    && before(1).is_some_and(|w| {
                        w.is_word() && w.text.starts_with(|c: char| c.is_lowercase())
                    })
                    && before(2).is_some_and(det));
            // "fell 232.90 points to 6038.30", "the 2012 attacks": a plural form after a
            // number is the noun it counts, unless a clause follows ("data for 1986 shows
            // that ...").
            let counted = words[start].lower().ends_with('s')
                && words[start].lower() != "says"
                && before(1).is_some_and(|w| w.text.starts_with(|c: char| c.is_ascii_digit()))
                && !words
                    .get(end)
                    .is_some_and(|w| w.lower() == "that" || w.text == ":");
            // "Western estimates were lower", "the 10-year Treasury note slipped in early
            // trading": a form that is also a noun, right before a finite verb, is that
            // verb's subject.
            // Not in a relative clause with its object gapped ("which the government claims
            // is a front", "what producers claim is needed").
            let gapped = || {
                (1..=3)
                    .filter_map(before)
                    .any(|w| matches!(w.lower(), "which" | "what" | "that" | "who" | "whom"))
            };
            let subject =
                entry.flags.noun && end == start + 1 && verb_follows(lex, words, end) && !gapped();
            // "television shows and movies", "his reality TV show": after a broadcast word
            // a display form is the program, not a verb.
            let program =
                entry.flags.display && before(1).is_some_and(|w| PROGRAMS.contains(&w.lower()));
            if noun
                || (entry.flags.owned && !owned)
                || program
                || counted
                || subject
                || naming(lex, words, start, end)
                || issues_report(lex, words, hits, start, end)
                || phrasal(words, end)
                || credit(entry, words, end)
            {
                return None;
            }
            // "According to Trump, ..." opens a sentence with a capitalized cue before a name;
            // a prepositional cue is never part of one.
            // (The headline test last: it reads the whole sentence, and is rarely needed.)
            if !entry.flags.prep
                && !sentence::fronted_form(words, start, end)
                && words[start].is_capitalized()
                && (named(
                    start
                        .checked_sub(1)
                        .filter(|&p| p > 0 && words[p - 1].is_word()),
                ) || named(Some(end)))
                && !title_case()
            {
                return None;
            }
            Some(CueAt {
                words: Phrase { start, end },
                entry,
            })
        })
        .collect()
}

/// "The ministry posted a statement saying ...", "She wrote a letter Tuesday urging ...": an
/// issuing verb (`issued.tsv`) whose object is a document that a reporting participle
/// follows issues the report; the participle's cue reads the issuer through the document
/// (`sentence::issuer`), so the verb is no report of its own (it would take "a statement
/// saying ..." as its content, and the document would speak).
fn issues_report(
    lex: &Lexicon,
    words: &[Word<'_>],
    hits: &[Hit],
    start: usize,
    end: usize,
) -> bool {
    let out = words.get(end).is_some_and(|w| w.lower() == "out");
    if end != start + 1 || !lex.is_issuing_verb(words[start].lower(), out) {
        return false;
    }
    // The object right after the verb ("posted a statement", not "wrote in a statement").
    let object = end + usize::from(out);
    if !matches!(class(lex, words, object), Class::Det | Class::Possessive) {
        return false;
    }
    let Some(doc) = (object + 1..words.len().min(object + 4))
        .take_while(|&i| words[i].is_word())
        .find(|&i| lex.is_issued_document(words[i].lower()))
    else {
        return false;
    };
    // A statement participle ("saying", "announcing"); an attitude ("urging Congress to
    // ...") has no frame for the issuer and leaves the verb its report.
    (doc + 1..words.len().min(doc + 5))
        .take_while(|&i| words[i].is_word())
        .any(|i| {
            words[i].lower().ends_with("ing")
                && hits.iter().any(|h| {
                    h.start == words[i].start
                        && lex
                            .cue(h)
                            .is_some_and(|e| e.class == AttributionClass::Statement)
                })
        })
}

/// Words before a display cue's form that make it a noun (`data/attribution/programs.txt`).
static PROGRAMS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/programs.txt")));

/// "a company called Cambridge Analytica", "an inflation formula called the "chained
/// CPI"": "called" after an indefinite noun phrase of unlisted words, before a name or a
/// quotation, names the thing; no one speaks. "Trump called Haley ...", "officials called",
/// "a senior official called" (a name, a pronoun or a person noun before it) stay reports.
fn naming(lex: &Lexicon, words: &[Word<'_>], start: usize, end: usize) -> bool {
    if end != start + 1 || !words[start].text.eq_ignore_ascii_case("called") {
        return false;
    }
    let named_next = words
        .get(end)
        .is_some_and(|w| w.quote().is_some() || w.is_capitalized() || w.lower() == "the");
    let low = start.saturating_sub(4);
    let indefinite = (low..start).rev().find_map(|i| {
        let w = &words[i];
        match w.lower() {
            "a" | "an" => Some(true),
            // "a company called", not "a senior official called": a person would speak.
            _ if w.is_word()
                && (class(lex, words, i) == Class::Other
                    || lex
                        .noun(w.lower())
                        .is_some_and(|n| n.kind != NounKind::Person)) =>
            {
                None
            }
            _ => Some(false),
        }
    });
    named_next && start > 0 && indefinite == Some(true)
}

/// "Wolf reported from Washington.", "Ryan Grim reported from Washington, D.C.": a
/// reporter's credit line (a "report" form, "from" and nothing but a capitalized place to
/// the end of the sentence) reports nothing of the story's.
fn credit(entry: &CueEntry, words: &[Word<'_>], end: usize) -> bool {
    entry.lemma == "report"
        && words.get(end).is_some_and(|w| w.lower() == "from")
        && words.len() > end + 1
        && words[end + 1..]
            .iter()
            .all(|w| !w.is_word() || w.is_capitalized() || w.lower() == "and")
}

/// Phrasal verbs that report nothing (`data/attribution/particles.txt`), grouped by
/// particle: (particle, verbs). The particle, which most words after a cue are not, is
/// compared first, once per particle rather than once per listed verb (three particles,
/// two dozen verbs: the flat list cost ~330 instructions a cue).
static PARTICLES: LazyLock<Vec<(&'static str, Vec<&'static str>)>> = LazyLock::new(|| {
    let mut groups: Vec<(&'static str, Vec<&'static str>)> = Vec::new();
    let pairs = word_list(include_str!("../../../data/attribution/particles.txt"))
        .into_iter()
        .filter_map(|p| p.split_once(' '));
    for (verb, particle) in pairs {
        match groups.iter_mut().find(|(p, _)| *p == particle) {
            Some((_, verbs)) => verbs.push(verb),
            None => groups.push((particle, vec![verb])),
        }
    }
    groups
});

/// Whether the cue ending before word `end` and that word make a phrasal verb of another
/// sense ("showed up", "called off").
fn phrasal(words: &[Word<'_>], end: usize) -> bool {
    let (Some(cue), Some(particle)) = (end.checked_sub(1).map(|i| &words[i]), words.get(end))
    else {
        return false;
    };
    PARTICLES
        .iter()
        .find(|(part, _)| particle.lower() == *part)
        .is_some_and(|(_, verbs)| verbs.contains(&cue.lower()))
}

/// Whether word `at` is a finite verb: an auxiliary or a copula ("were", "has"), or a
/// past form in "-ed" that a preposition, a determiner, a number or punctuation follows
/// ("slipped in", "rallied 2%"; not "rigged elections", where it modifies a noun).
fn verb_follows(lex: &Lexicon, words: &[Word<'_>], at: usize) -> bool {
    let Some(w) = words.get(at).filter(|w| w.is_word()) else {
        return false;
    };
    let lower = w.lower();
    if crate::sentence::FINITE.contains(&lower) {
        return true;
    }
    lower.ends_with("ed")
        && !w.is_capitalized()
        && lex.info(lower).is_none()
        && matches!(
            class(lex, words, at + 1),
            Class::Prep | Class::Det | Class::Number | Class::Punct | Class::Break
        )
}

/// Definite possessive descriptors that are not sources ("The official's comments"): they
/// are mentions of a known speaker.
fn possessive_mentions(lex: &Lexicon, words: &[Word<'_>], found: &[Found<'_>]) -> Vec<Phrase> {
    let in_source = |i: usize| {
        found
            .iter()
            .filter_map(|f| f.source)
            .any(|s| s.span.start <= i && i < s.span.end)
    };
    let mut out = Vec::new();
    for i in 1..words.len() {
        let w = &words[i];
        // Cheapest test first: most words do not follow "the".
        if words[i - 1].lower() == "the"
            && w.is_possessive()
            && lex
                .noun(crate::descriptor::strip_possessive(w.lower()))
                .is_some()
            && class(lex, words, i - 1) == Class::Det
            && !in_source(i)
        {
            out.push(Phrase {
                start: i - 1,
                end: i + 1,
            });
        }
    }
    out
}

/// A role and an affiliation read off the titles before a name.
type RoleAndAffiliation = (Option<String>, Option<String>);

/// Titles and an affiliation written right before some mention of an entity
/// ("U.S. President Joe Biden", "President-elect Donald Trump"): the role and affiliation
/// of a named speaker whose own mention has none.
fn titles_before<'d>(
    lex: &Lexicon,
    doc: &'d Document,
    lower_body: &'d str,
    marks: &[(usize, crate::words::QuoteDir)],
    entity: &Entity,
    entities: &EntityIndex<'_>,
    scratch: &mut Vec<Word<'d>>,
) -> Option<RoleAndAffiliation> {
    for mention in &entity.mentions {
        let sentence = doc.sentences.get(doc.sentence_at(mention.start)?)?;
        let first = doc.tokens.partition_point(|t| t.end <= sentence.start);
        // Only the words up to the mention matter: the rest of the sentence is not read.
        let end = sentence.end.min(mention.end);
        // Most mentions follow no title: read the few tokens before the mention first, and
        // the sentence from its start only when the word before could be a title. A word's
        // text and kind depend on its own token and the one before (a joined period or
        // apostrophe), so four tokens back give the same last words as the whole sentence.
        let near = doc
            .tokens
            .partition_point(|t| t.end <= mention.start)
            .saturating_sub(4);
        if near > first
            && let Some(token) = doc.tokens.get(near)
        {
            words_into(scratch, doc, lower_body, token.start..end, marks, near);
            if let Some(at) = scratch.iter().position(|w| w.start == mention.start)
                && at > 0
                && !may_be_title(lex, &scratch[at - 1])
            {
                continue;
            }
        }
        words_into(scratch, doc, lower_body, sentence.start..end, marks, first);
        entities.recase(scratch);
        let words = scratch.as_slice();
        let at = words.iter().position(|w| w.start == mention.start)?;
        let mut i = at;
        while i > 0 && class(lex, words, i - 1) == Class::Title {
            i -= 1;
        }
        if i == at {
            continue;
        }
        let titles: Vec<&str> = words[i..at]
            .iter()
            .map(|w| w.text)
            .filter(|t| !matches!(*t, "Mr." | "Mrs." | "Ms." | "Dr." | "Miss"))
            .collect();
        let affiliation = i
            .checked_sub(1)
            .filter(|&j| matches!(class(lex, words, j), Class::Cap | Class::Possessive))
            .map(|j| {
                let w = &words[j];
                entities.at(w.start, w.end).map_or_else(
                    || {
                        w.text
                            .trim_end_matches("'s")
                            .trim_end_matches("\u{2019}s")
                            .to_owned()
                    },
                    |e| e.id.clone(),
                )
            });
        let role = (!titles.is_empty()).then(|| titles.join(" "));
        return Some((role, affiliation));
    }
    None
}

/// Whether `w` is written as a title: what [`class`] needs before it says
/// [`Class::Title`], without the sentence around it.
fn may_be_title(lex: &Lexicon, w: &Word<'_>) -> bool {
    w.is_word()
        && lex
            .info(w.lower())
            .and_then(|x| x.title.as_ref())
            .is_some_and(|(t, _)| t == w.text)
}

/// A quotation that runs over several paragraphs (newspaper style: each paragraph reopens
/// the quote, only the last closes it) is content in full: the paragraphs before and after
/// the one holding the cue are added.
fn extend_over_paragraphs(
    body: &str,
    multi_paragraph: &[&tally_text::Quotation],
    content: &mut Vec<Span>,
) {
    if multi_paragraph.is_empty() {
        return;
    }
    let (Some(first), Some(last)) = (content.first().cloned(), content.last().cloned()) else {
        return;
    };
    let multi = |offset: usize| multi_paragraph.iter().copied().find(|q| q.contains(offset));
    if let Some(q) = multi(first.start.max(first.end.saturating_sub(1))) {
        let before: Vec<Span> = q
            .content
            .iter()
            .filter(|s| s.end <= first.start)
            .cloned()
            .collect();
        content.splice(0..0, before);
    }
    if let Some(q) = multi(last.end.saturating_sub(1)) {
        // The cue's sentence may end inside the quotation's first paragraph ("... this
        // year. It is ..."): the rest of that paragraph is content too.
        if let Some(own) = q
            .content
            .iter()
            .find(|s| s.start < last.end && last.end <= s.end)
            && let Some(tail) = content.last_mut()
            && let Ok(longer) = Span::new(body, tail.start, own.end)
        {
            *tail = longer;
        }
        let end = content.last().map_or(last.end, |s| s.end);
        content.extend(
            q.content
                .iter()
                .filter(|s| s.start >= end && !s.is_empty())
                .cloned(),
        );
    }
}

/// Whether a sentence has what a weak cue needs: "that", a colon or a quotation mark.
fn has_complement(text: &str) -> bool {
    text.contains("that")
        || text.contains([
            '"', ':', '\u{201C}', '\u{201D}', '\u{2018}', '\'', '\u{2019}',
        ])
}

/// The sentence before `index` in the same paragraph when it is a quotation (opens with a
/// quotation mark and ends with one, final punctuation aside).
fn previous_quotation(doc: &Document, index: usize) -> Option<Span> {
    let prev = doc.sentences.get(index.checked_sub(1)?)?;
    let here = doc.sentences.get(index)?;
    if doc.paragraph_at(prev.start) != doc.paragraph_at(here.start) {
        return None;
    }
    let quote = |c: char| {
        matches!(
            c,
            '"' | '\u{201C}' | '\u{201D}' | '\'' | '\u{2018}' | '\u{2019}'
        )
    };
    let text = prev
        .text
        .trim_end_matches(|c: char| c.is_whitespace() || c == '.');
    (prev.text.starts_with(quote) && text.ends_with(quote)).then(|| prev.clone())
}

/// What a source names that is not a person, which "he" or "she" never refers to: an
/// organization (a descriptor whose head is an organization noun, "the ministry"; a name
/// with one, "Senate Intelligence Committee", or ending in a company form, "Georgia Power
/// Co"; a name the entities stage links to a listed organization or a country, which speaks
/// as its government: "it") or another place ("New Hampshire": not "it" either, which in
/// news is mostly the state's people or a document). A person's title ("Sen.") overrides; a
/// document-local entity typed organization with no organization word in its name is not
/// trusted (the entities stage types some unlisted people so).
fn not_a_person(
    lex: &Lexicon,
    heads: &Heads,
    d: &descriptor::Descriptor,
    entity: Option<&Entity>,
) -> Option<NotPerson> {
    if d.kind == Some(NounKind::Person) {
        return None;
    }
    let org_word = d.form == Form::Named
        && d.name.as_deref().is_some_and(|n| {
            n.split(' ').any(|w| {
                antecedent::lowercased(w, |l| {
                    lex.noun(l).is_some_and(|noun| noun.kind == NounKind::Org)
                })
                .unwrap_or(false)
            })
        });
    let company = d.form == Form::Named && d.name.as_deref().is_some_and(|n| heads.company(n));
    if d.kind == Some(NounKind::Org) || org_word || company {
        return Some(NotPerson::Organization);
    }
    match entity.map(|e| (e.kind, e.id.starts_with("local:"))) {
        Some((EntityType::Country, _) | (EntityType::Organization, false)) => {
            Some(NotPerson::Organization)
        }
        Some((EntityType::Place, _)) => Some(NotPerson::Place),
        _ => None,
    }
}

/// The owner of a noun cue as the speaker ("[Hillary Clinton's] claim that ..."): the
/// name without its possessive ending, so that it links to the person or body; an owner
/// that is no name keeps its descriptor, without the ending too ("the DNC's").
fn owner_as_speaker(d: &mut Descriptor, words: &[Word<'_>], target: Phrase) {
    let Some(last) = target.end.checked_sub(1).map(|i| &words[i]) else {
        return;
    };
    if target.end <= target.start || !last.is_possessive() {
        return;
    }
    let cut = last.text.len() - descriptor::strip_possessive(last.text).len();
    d.text.truncate(d.text.len().saturating_sub(cut));
    let named = words[target.start..target.end]
        .iter()
        .all(|w| w.is_capitalized() || w.text.ends_with('.'));
    if named && d.form != Form::Named {
        d.form = Form::Named;
        d.name = Some(d.text.clone());
        d.name_range = Some((words[target.start].start, last.end - cut));
    } else if let Some(n) = d.name.as_mut() {
        let keep = descriptor::strip_possessive(n).len();
        n.truncate(keep);
        if let Some(r) = d.name_range.as_mut() {
            r.1 = r.1.min(last.end - cut);
        }
    }
}

/// The named head of an apposition that a relative clause follows: in "Sen. Dianne
/// Feinstein of California, the ranking Democrat on the committee, who said", the "who"
/// refers to the senator, whom the apposition describes, not to the apposition (nor to the
/// committee named inside it). `antecedent` is the phrase right before ", who"; the head is
/// the name before the comma that opens it.
fn appositive_head(
    lex: &Lexicon,
    body: &str,
    words: &[Word<'_>],
    antecedent: Phrase,
) -> Option<Phrase> {
    // The apposition runs back from the antecedent to a comma, over a few words (its own
    // complements: "on the Senate Intelligence Committee"), and opens with a determiner
    // ("the ranking Democrat", "a former governor"); a bare name before ", who" is the
    // antecedent itself.
    let comma = (antecedent.start.saturating_sub(12)..antecedent.start)
        .rev()
        .take_while(|&i| words[i].is_word() || words[i].is(","))
        .find(|&i| words[i].is(","))?;
    if !words
        .get(comma + 1)
        .is_some_and(|w| matches!(w.lower(), "the" | "a" | "an"))
    {
        return None;
    }
    let head = phrase::left_of(lex, words, comma, 0)?;
    (head.end == comma && descriptor::parse(lex, body, words, head, None).form == Form::Named)
        .then_some(head)
}

/// Everything but said-at: speakers and attributions in document order.
fn annotate(
    lex: &Lexicon,
    heads: &Heads,
    doc: &Document,
    quotes: &[tally_text::Quotation],
) -> (Vec<tally_core::Speaker>, Vec<Attribution>) {
    let entities = EntityIndex::new(doc);
    let marks = marks_of(quotes);
    // Outermost quotations that run over several paragraphs (few; usually none).
    let multi_paragraph: Vec<&tally_text::Quotation> = quotes
        .iter()
        .filter(|q| q.depth == 0 && q.is_multi_paragraph())
        .collect();
    // Lowercased once: ASCII lowercasing keeps byte offsets, so words slice it for free.
    let lower_body = doc.body.to_ascii_lowercase();
    let (hits, conditions) = lex.find(&lower_body);
    let mut registry = Registry::default();
    let mut attributions = Vec::new();
    // `titles_before` per entity (by index in `doc.entities`), computed at most once: it
    // depends only on the entity, and an entity quoted often would otherwise have every
    // mention's sentence re-read for each of its quotes.
    let mut titles_cache: Vec<Option<Option<RoleAndAffiliation>>> = vec![None; doc.entities.len()];
    let mut issued: Vec<Issued> = Vec::new();
    let mut scratch: Vec<Word<'_>> = Vec::new();
    // One word buffer for all the sentences.
    let mut buffer: Vec<Word<'_>> = Vec::with_capacity(64);
    let mut token_cursor = 0;
    // Colons (speaker labels) found in one pass over the body, not one search per sentence.
    let colons: Vec<usize> = memchr::memchr_iter(b':', doc.body.as_bytes()).collect();
    let mut colon_cursor = 0;
    let mut h = 0;
    let mut c = 0;
    // The last sentence with a sourcing condition, its conditions and the number of
    // attributions before it: when it made none, its condition is about an earlier speaker.
    let mut unclaimed: Option<(&Span, &[Hit], usize)> = None;
    for (sentence_index, sentence) in doc.sentences.iter().enumerate() {
        while h < hits.len() && hits[h].start < sentence.start {
            h += 1;
        }
        let first_hit = h;
        while h < hits.len() && hits[h].end <= sentence.end {
            h += 1;
        }
        while c < conditions.len() && conditions[c].start < sentence.start {
            c += 1;
        }
        let first_condition = c;
        while c < conditions.len() && conditions[c].end <= sentence.end {
            c += 1;
        }
        condition_after(
            lex,
            doc,
            &lower_body,
            unclaimed.take(),
            &mut registry,
            &mut attributions,
        );
        if first_condition < c {
            unclaimed = Some((
                sentence,
                &conditions[first_condition..c],
                attributions.len(),
            ));
        }
        // A sentence without a cue word may still open with a speaker label ("Bush: ...").
        // Or a label after a dash ("... - HuffPollster: “...”").
        while colon_cursor < colons.len() && colons[colon_cursor] < sentence.start {
            colon_cursor += 1;
        }
        let colon = if sentence.text.len() == sentence.end.saturating_sub(sentence.start) {
            colons
                .get(colon_cursor)
                .filter(|&&at| at < sentence.end)
                .map(|&at| at - sentence.start)
        } else {
            memchr::memchr(b':', sentence.text.as_bytes())
        };
        let label = colon.is_some_and(|i| i < 60)
            || (colon.is_some()
                && (sentence.text.contains(" - ") || sentence.text.contains('\u{2014}')));
        if first_hit == h && !label {
            continue;
        }
        // Weak cues ("think", "show", "hope") need "that", a colon or a quotation; a
        // sentence with only weak cues and none of those is skipped before any word work.
        // A cue with an addressee also takes a question or an infinitive after it ("asked
        // the senator whether ...", "urged lawmakers to act").
        let weak_only = hits[first_hit..h].iter().all(|hit| {
            lex.cue(hit).is_some_and(|e| {
                let after_comma = doc.body[..hit.start].trim_end().ends_with(',');
                let f = e.flags;
                f.weak
                    && !(f.np || f.inf || f.clause || f.raise || f.obj || f.amount)
                    && !(e.participle && after_comma)
            })
        });
        // `"...?" Trump asked.`: a bare cue after a quotation reports it.
        if weak_only
            && !label
            && !has_complement(&sentence.text)
            && previous_quotation(doc, sentence_index).is_none()
        {
            continue;
        }
        token_cursor = words_into(
            &mut buffer,
            doc,
            &lower_body,
            sentence.start..sentence.end,
            &marks,
            token_cursor,
        );
        entities.recase(&mut buffer);
        let mut cues = cues_in(lex, &buffer, &hits[first_hit..h]);
        // "put [the death toll at 41]" is the only frame of such a cue: elsewhere "put" is
        // a plain verb, which must not end another report's content as a cue would.
        // "The operation will put the bill supply at about 1,500 billion yen" is a result
        // to come, not an estimate: a modal before "put" makes no report.
        let modal = |start: usize| {
            // Lowercase as written: "in May 2015 put ..." has the month.
            buffer[start.saturating_sub(2)..=start].iter().any(|w| {
                matches!(
                    w.text,
                    "will" | "would" | "could" | "should" | "might" | "may"
                )
            })
        };
        // "A Western official said Western estimates were lower but still put Russian
        // casualties at about 790,000": a "put" coordinated ("but", "and", and an adverb)
        // after another cue of its sentence is part of that report, not one of its own
        // that would cut it ("..., said Michael Pickens, who puts the average at 450 dlrs"
        // stays a report).
        let first_other = cues
            .iter()
            .filter(|cue| !cue.entry.flags.amount)
            .map(|cue| cue.words.start)
            .min();
        let coordinated = |start: usize| {
            buffer[start.saturating_sub(2)..start]
                .iter()
                .any(|w| matches!(w.lower(), "but" | "and"))
        };
        cues.retain(|cue| {
            !cue.entry.flags.amount
                || (sentence::puts_amount(lex, &buffer, cue.words.end)
                    && !modal(cue.words.start)
                    && !(coordinated(cue.words.start)
                        && first_other.is_some_and(|other| other < cue.words.start)))
        });
        // "on condition of anonymity to discuss the meeting", "... because they feared
        // reprisals": the verb after a sourcing condition says why the source is anonymous;
        // it reports nothing.
        let sourcing = &conditions[first_condition..c];
        cues.retain(|cue| {
            let at = buffer.get(cue.words.start).map_or(0, |w| w.start);
            !sourcing.iter().any(|hit| {
                doc.body
                    .get(hit.end..at)
                    .is_some_and(|gap| states_why(gap.trim()))
            })
        });
        for cue in &cues {
            if let Some(w) = buffer.get_mut(cue.words.start) {
                w.cue = true;
                w.belief = cue.entry.class == AttributionClass::Attitude && cue.entry.flags.clause;
            }
        }
        for hit in sourcing {
            if let Some(w) = buffer.iter_mut().find(|w| w.start == hit.start) {
                w.condition = true;
            }
        }
        let words = buffer.as_slice();
        let found = sentence::analyze(lex, words, &cues);
        let paragraph = doc.paragraph_at(sentence.start).unwrap_or(0);

        // Mentions in word order: possessive mentions and sources interleaved, so that a
        // speaker introduced later in the sentence cannot capture an earlier "the official's".
        let extra = possessive_mentions(lex, words, &found);
        let mut extra = extra.into_iter().peekable();
        let mut previous: Option<(Option<Phrase>, Option<usize>)> = None;
        let sentence_conditions = &conditions[first_condition..c];
        for (n, f) in found.iter().enumerate() {
            // A bare report (`Trump said Friday.`) reports the quotation before it; with
            // none it reports nothing, and its source is no speaker.
            if f.content.is_empty() && previous_quotation(doc, sentence_index).is_none() {
                continue;
            }
            let source_start = f.source.map_or(usize::MAX, |s| s.span.start);
            while let Some(p) = extra.next_if(|p| p.start < source_start) {
                let d = descriptor::parse(lex, &doc.body, words, p, None);
                if let Some(span) = span_of(doc, words, p) {
                    registry.mention_only(&Mention {
                        span,
                        paragraph,
                        descriptor: &d,
                        entity: None,
                        affiliation_id: None,
                        not_person: None,
                        antecedent: None,
                        subject: None,
                        name_gender: None,
                    });
                }
            }
            let source_phrase = f.source.map(|s| s.span);
            let speaker = match previous {
                // A participle sharing the previous cue's source is the same speaker.
                Some((prev_phrase, prev_speaker)) if prev_phrase == source_phrase => prev_speaker,
                _ => f.source.and_then(|s| {
                    // "Reserves were reported to have dropped", "deposits were quoted
                    // unchanged": the subject of a passive cue is what is reported, not who
                    // reports it (an agent after it, "by the ministry", still is). Not a
                    // progressive ("the ministry is considering", "are talking about"), nor
                    // "was quoted as saying".
                    let cue_words = &words[f.cue.start..f.cue.end];
                    let participle = cue_words.len() > 1
                        && !cue_words.iter().any(|w| w.lower().ends_with("ing"))
                        && words.get(f.cue.end).is_none_or(|w| w.lower() != "as");
                    let passive = participle
                        && words[f.cue.start..f.cue.end - 1].iter().any(|w| {
                            matches!(
                                w.lower(),
                                "was" | "were" | "is" | "are" | "be" | "been" | "being"
                            )
                        });
                    if passive && s.span.end <= f.cue.start {
                        return None;
                    }
                    let relative = s.antecedent.is_none()
                        && s.core.end == s.core.start + 1
                        && matches!(words[s.core.start].lower(), "who" | "which");
                    if relative {
                        return None;
                    }
                    let (target, apposition) = match s.antecedent {
                        Some(a) => appositive_head(lex, &doc.body, words, a)
                            .map_or((a, s.apposition), |h| (h, Some(a))),
                        None => named_in_apposition(lex, &entities, words, s.core, s.apposition),
                    };
                    // "estimates by analysts", "a report from aid groups": the document's
                    // authors speak.
                    let (target, apposition) = document_authors(lex, words, target, s.span.end)
                        .map_or((target, apposition), |authors| (authors, None));
                    let mut d = descriptor::parse(lex, &doc.body, words, target, apposition);
                    // "[Trump's] claim that": the owner of a one-word noun cue before "that";
                    // not a company named in the possessive ("Heck's also said").
                    if f.cue.start == target.end
                        && f.cue.end == f.cue.start + 1
                        && words.get(f.cue.end).is_some_and(|w| w.lower() == "that")
                    {
                        owner_as_speaker(&mut d, words, target);
                    }
                    let span = span_of(doc, words, target)?;
                    name_from_person(lex, &mut d, &doc.body, &entities, &span);
                    owner::name_owner(&mut d, &doc.body, span.start, span.end, |a, b| {
                        entities.exact(a, b)
                    });
                    if doc.has_layer(Layer::Entities) {
                        sentence_case(lex, words, target, &entities, &mut d);
                        body_opening_sentence(lex, words, target, &entities, &mut d);
                        name_from_organization(lex, words, target, &entities, &mut d);
                    }
                    pronoun_owned_document(lex, &mut d);
                    // "Last Friday, ... saying": a time expression is never a speaker.
                    if doc
                        .times
                        .iter()
                        .any(|t| t.span.start <= span.start && span.end <= t.span.end)
                    {
                        return None;
                    }
                    let linked_entity = d
                        .name_range
                        .filter(|_| d.form == Form::Named)
                        .and_then(|(a, b)| entities.named_at(a, b))
                        // "the Food and Drug Administration" split by the entities stage
                        // at "and": the part is not the body named.
                        .filter(|e| {
                            !d.name.as_deref().is_some_and(|n| n.contains(" and "))
                                || e.name.contains(" and ")
                        });
                    // "Ukraine's General Staff": a title word inside an organization's
                    // name is part of the name, not the speaker's role.
                    if let Some(e) = linked_entity
                        && e.kind == EntityType::Organization
                        && d.role.as_deref().is_some_and(|r| {
                            r.split_whitespace()
                                .all(|w| e.name.split_whitespace().any(|n| n == w))
                        })
                    {
                        d.role = None;
                    }
                    let not_person = not_a_person(lex, heads, &d, linked_entity);
                    let entity = linked_entity.map(|e| (e.id.clone(), e.name.clone()));
                    let name_gender = (d.form == Form::Named)
                        .then(|| {
                            let name = entity.as_ref().map(|e| &e.1).or(d.name.as_ref())?;
                            heads.name_gender(name)
                        })
                        .flatten();
                    let affiliation_id = d
                        .affiliation
                        .as_ref()
                        .and_then(|(_, a, b)| entities.at(*a, *b))
                        .map(|e| e.id.clone());
                    let entity_id = entity.as_ref().map(|e| e.0.clone());
                    let mut mention = Mention {
                        span,
                        paragraph,
                        descriptor: &d,
                        entity,
                        affiliation_id,
                        not_person,
                        antecedent: None,
                        subject: None,
                        name_gender,
                    };
                    // "the vice president" after "Vice President Joe Biden", who has not
                    // spoken yet: only read when no speaker in the window matches.
                    // "the country's public health agency" is that country's, not a body
                    // named before.
                    if d.form == Form::Definite
                        && d.text
                            .get(..4)
                            .is_some_and(|t| t.eq_ignore_ascii_case("the "))
                        && !d.country_owned
                        && !registry.has_definite(&mention)
                        && let Some(head) = d.head.as_deref()
                    {
                        let portfolio = d
                            .role
                            .as_deref()
                            .and_then(|r| descriptor::portfolios(r).next());
                        mention.antecedent = heads.antecedent(
                            lex,
                            doc,
                            entities.all(),
                            mention.span.start,
                            paragraph,
                            Wanted {
                                head,
                                names_inside: d
                                    .text
                                    .split_whitespace()
                                    .skip(1)
                                    .any(|w| w.starts_with(char::is_uppercase)),
                                portfolio: portfolio.as_deref(),
                            },
                        );
                    }
                    if let Form::Pronoun(p) = d.form
                        && matches!(p.gender, Some(Gender::Male | Gender::Female))
                    {
                        mention.subject = heads.subject(
                            lex,
                            doc,
                            entities.all(),
                            sentence_index,
                            mention.span.start,
                            registry.last_person_start(),
                        );
                    }
                    // "[The ministry] said in a statement ... . ..., the statement said":
                    // the document speaks for whoever made it.
                    if let Some(i) = bare_document(lex, &d).and_then(|head| {
                        document_maker(&issued, &lower_body, head, mention.span.start, paragraph)
                    }) {
                        registry.attach(i, &mention);
                        return Some(i);
                    }
                    let index = registry.resolve(&mention)?;
                    let linked =
                        entity_id.and_then(|id| doc.entities.iter().position(|e| e.id == id));
                    if !registry.has_role(index)
                        && let Some((role, affiliation)) = linked.and_then(|e| {
                            titles_cache
                                .get_mut(e)?
                                .get_or_insert_with(|| {
                                    doc.entities.get(e).and_then(|entity| {
                                        titles_before(
                                            lex,
                                            doc,
                                            &lower_body,
                                            &marks,
                                            entity,
                                            &entities,
                                            &mut scratch,
                                        )
                                    })
                                })
                                .clone()
                        })
                    {
                        registry.fill_role(index, role, affiliation, AffiliationBasis::Stated);
                    }
                    // A person or organization the gazetteer places in a country speaks
                    // for it when the text names no other affiliation.
                    if let Some(parent) = linked
                        .and_then(|e| doc.entities.get(e))
                        .and_then(|e| e.parent.clone())
                    {
                        registry.fill_role(index, None, Some(parent), AffiliationBasis::Gazetteer);
                    }
                    Some(index)
                }),
            };
            previous = Some((source_phrase, speaker));

            let Some(cue) = span_of(doc, words, f.cue) else {
                continue;
            };
            let mut content: Vec<Span> = f
                .content
                .iter()
                .filter_map(|p| span_of(doc, words, *p))
                .collect();
            let mut kind = kind_of(words, &f.content);
            if f.content.is_empty() {
                // A bare `Trump said Friday.` after a quotation: the quotation is the content.
                let Some(q) = previous_quotation(doc, sentence_index) else {
                    continue;
                };
                content.push(q);
                kind = QuoteKind::Direct;
            }
            if content.is_empty() {
                continue;
            }
            extend_over_paragraphs(&doc.body, &multi_paragraph, &mut content);
            // An empty paragraph of a quotation adds nothing.
            content.retain(|c| !c.is_empty());
            if content.is_empty() {
                continue;
            }
            // A condition belongs to the nearest cue in its sentence.
            let mine: Vec<String> = sentence_conditions
                .iter()
                .filter(|hit| {
                    let distance = |g: &Found<'_>| {
                        let (Some(a), Some(b)) =
                            (words.get(g.cue.start), words.get(g.cue.end.wrapping_sub(1)))
                        else {
                            return usize::MAX;
                        };
                        a.start.abs_diff(hit.start).min(b.end.abs_diff(hit.start))
                    };
                    let best = found.iter().map(distance).min();
                    best == Some(distance(&found[n]))
                })
                .filter_map(|hit| doc.body.get(hit.start..hit.end).map(str::to_owned))
                .collect();
            if let Some(s) = speaker {
                registry.add_conditions(s, &mine);
                if let Some(at) = made_in_document(lex, words, f.cue.end) {
                    issued.push((at, s, paragraph));
                }
            }
            attributions.push(Attribution {
                id: format!("A{}", attributions.len() + 1),
                kind,
                class: f.class,
                cue,
                cue_lemma: f.lemma.to_owned(),
                source: f
                    .source
                    .and_then(|s| span_of(doc, words, closed_apposition(words, s.span))),
                speaker_id: speaker.and_then(|s| registry.id(s)),
                content,
                within: None,
                said_at: None,
                conditions: mine,
            });
        }
        for p in extra {
            let d = descriptor::parse(lex, &doc.body, words, p, None);
            if let Some(span) = span_of(doc, words, p) {
                registry.mention_only(&Mention {
                    span,
                    paragraph,
                    descriptor: &d,
                    entity: None,
                    affiliation_id: None,
                    not_person: None,
                    antecedent: None,
                    subject: None,
                    name_gender: None,
                });
            }
        }
    }
    condition_after(
        lex,
        doc,
        &lower_body,
        unclaimed,
        &mut registry,
        &mut attributions,
    );
    (registry.into_speakers(), attributions)
}

/// The words between a sourcing condition and a verb that give the reason for it: "to",
/// "because", or "because" and a subject pronoun ("because they feared reprisals").
fn states_why(gap: &str) -> bool {
    let mut words = gap.split_whitespace();
    match (words.next(), words.next(), words.next()) {
        (Some("to" | "because"), None, _) => true,
        (Some("because"), Some(p), None) => {
            matches!(p, "they" | "he" | "she" | "we" | "I")
        }
        _ => false,
    }
}

/// A sentence with a sourcing condition and no cue ("They spoke on condition of anonymity
/// because the plan has not been made public.") states the condition of the anonymous
/// speaker its pronoun subject refers to: it goes to that speaker and to what the speaker
/// said. Only a pronoun opening the sentence refers back; the speaker is the nearest
/// anonymous one of the same number in the coreference window. `pending` is the sentence,
/// its conditions and the number of attributions before it: nothing happens when the
/// sentence made an attribution of its own.
fn condition_after(
    lex: &Lexicon,
    doc: &Document,
    lower_body: &str,
    pending: Option<(&Span, &[Hit], usize)>,
    registry: &mut Registry,
    attributions: &mut [Attribution],
) {
    let Some((sentence, stated, _)) = pending.filter(|p| p.2 == attributions.len()) else {
        return;
    };
    let first = lower_body.get(sentence.start..sentence.end).and_then(|t| {
        t.split(|c: char| !c.is_alphanumeric())
            .find(|w| !w.is_empty())
    });
    let Some(pronoun) = first.and_then(|w| lex.pronoun(w)).filter(|p| p.subject) else {
        return;
    };
    let paragraph = doc.paragraph_at(sentence.start).unwrap_or(0);
    let group = pronoun.number == Number::Plural;
    let Some(index) = registry.nearest_anonymous(paragraph, group) else {
        return;
    };
    let stated: Vec<String> = stated
        .iter()
        .filter_map(|hit| doc.body.get(hit.start..hit.end).map(str::to_owned))
        .collect();
    registry.add_conditions(index, &stated);
    let id = registry.id(index);
    for a in attributions.iter_mut().filter(|a| a.speaker_id == id) {
        for condition in &stated {
            if !a.conditions.contains(condition) {
                a.conditions.push(condition.clone());
            }
        }
    }
}
