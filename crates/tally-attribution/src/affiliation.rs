//! Affiliation inference: who a speaker speaks for when the text never says it outright.
//!
//! A reader infers it; tally does too, but visibly: every inferred affiliation carries its
//! basis and the span it came from, and nothing stated is ever overwritten.
//!
//! ## Rules, in order, for a speaker with no stated or gazetteer affiliation
//! 0. **"Its"** (`its_owner`): an anonymous speaker whose descriptor opens with "its" ("Its
//!    humanitarian office said" after "The United Nations said") belongs to the body the
//!    pronoun names: the latest earlier speaker that is an organization or a country, else,
//!    for a listed speaker noun ("office", "spokesman"), the nearest organization mention.
//!    The pronoun is written, so the basis is `stated`; the evidence is the mention it was
//!    resolved to.
//! 1. **Earlier speaker** (`earlier_speaker`): an anonymous institutional speaker ("a senior
//!    defense official", heads listed in `data/attribution/institutional.txt`) takes the
//!    affiliation of the nearest earlier anonymous speaker with the same head noun whose
//!    affiliation was stated ("a senior U.S. military official").
//! 2. **Statement country** (`statement_country`): a named speaker (not a country, nor a
//!    body the gazetteer lists, which has its country or none) or an anonymous
//!    institutional speaker takes the one country that their own statements name as a
//!    modifier ("drawn from U.S. stocks", "criticized U.S. assistance"): a country
//!    mention written as its name or abbreviation (not a demonym: "North Korean forces"
//!    says who fights, not who speaks), followed inside the statement by a lowercase word.
//!    Two different such countries, or none, infer nothing.
//!
//! ## Example
//! ```text
//! North Korean forces have suffered ..., a senior U.S. military official said Tuesday.
//! A senior defense official said Tuesday that not all of the remaining $5.6 billion ...
//! ```
//! The defense official gets `US`, basis `earlier_speaker`, evidence "a senior U.S.
//! military official".
//!
//! ## Limitations
//! - Groups ("residents", "experts") infer nothing: their statements name the countries they
//!   talk about, not the ones they belong to.
//! - Country modifiers need the entities layer; without it only rule 1 applies, and then
//!   with the affiliation as written ("U.S.").
//! - "Its" takes the latest body speaking before it, which may not be the one the writer
//!   meant when another body is the subject in between without speaking.
//! - A story quoting officials of two governments with the same head noun can give the
//!   second the first's affiliation; the basis says so.

use std::collections::HashMap;

use tally_core::{AffiliationBasis, Attribution, Document, EntityType, Layer, Span, Speaker};

use crate::lexicon::Lexicon;

/// How many earlier speakers rule 1 looks back over.
const LOOK_BACK: usize = 20;

/// A country mention written as a modifier: (start, end, entity id).
type Modifier<'d> = (usize, usize, &'d str);

/// The head noun of an anonymous speaker: the last word of the role or descriptor,
/// lowercased, without a plural `s` so that "officials" and "official" agree.
fn head_noun(s: &Speaker) -> Option<String> {
    let text = s.role.as_deref().or(s.descriptor.as_deref())?;
    let last = text.rsplit(' ').next()?.to_ascii_lowercase();
    Some(last)
}

fn stem(head: &str) -> &str {
    head.strip_suffix('s').unwrap_or(head)
}

/// Country mentions that modify a following lowercase word, sorted by start.
fn country_modifiers<'d>(lex: &Lexicon, doc: &'d Document) -> Vec<Modifier<'d>> {
    if !doc.has_layer(Layer::Entities) {
        return Vec::new();
    }
    let body = doc.body.as_str();
    let mut out: Vec<Modifier<'_>> = Vec::new();
    for e in doc
        .entities
        .iter()
        .filter(|e| e.kind == EntityType::Country)
    {
        for m in &e.mentions {
            // A name or abbreviation ("United States", "U.S.", "UK"), not a demonym.
            let abbreviation = m.text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
            if m.text != e.name && !abbreviation {
                continue;
            }
            // The next word is a lowercase noun: not a function word ("Ukraine was", "for
            // Ukraine and") and not a past-tense verb ("Ukraine claimed").
            let next = body.get(m.end..).unwrap_or("");
            let word = next
                .strip_prefix(' ')
                .unwrap_or("")
                .split(|c: char| !c.is_ascii_alphabetic() && c != '-')
                .next()
                .unwrap_or("");
            let modifies = word.starts_with(|c: char| c.is_ascii_lowercase())
                && lex.function(word, word).is_none()
                && !word.ends_with("ed");
            if modifies {
                out.push((m.start, m.end, e.id.as_str()));
            }
        }
    }
    out.sort_unstable();
    out
}

/// The one country named as a modifier inside `contents`, with the first such mention.
fn statement_country<'d>(
    modifiers: &[Modifier<'d>],
    contents: &[&Span],
) -> Option<(&'d str, usize, usize)> {
    let mut found: Option<(&str, usize, usize)> = None;
    for c in contents {
        let from = modifiers.partition_point(|m| m.0 < c.start);
        for m in modifiers[from..].iter().take_while(|m| m.0 < c.end) {
            // The modified word must be part of the statement too.
            if m.1 + 2 > c.end {
                continue;
            }
            match found {
                None => found = Some((m.2, m.0, m.1)),
                Some((id, ..)) if id == m.2 => {}
                Some(_) => return None,
            }
        }
    }
    found
}

/// How far back (bytes) an "its" may reach for the body it names.
const ITS_REACH: usize = 600;

/// "The United Nations said ... Its humanitarian office said ...": an anonymous speaker
/// whose descriptor opens with "its" belongs to the body the pronoun names: the latest
/// earlier speaker that is an organization or a country (with its mention), else, for a
/// listed speaker noun, the nearest organization mention before it within [`ITS_REACH`]
/// bytes.
fn its_owner(
    lex: &Lexicon,
    doc: &Document,
    speakers: &[Speaker],
    i: usize,
) -> Option<(String, Span)> {
    let s = &speakers[i];
    let its = s
        .descriptor
        .as_deref()
        .is_some_and(|d| d.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("its ")));
    let at = s.mentions.first()?.start;
    // Named too: "Its military" is an institution, a named source.
    if !its {
        return None;
    }
    let kind = |id: &str| doc.entities.iter().find(|e| e.id == id).map(|e| e.kind);
    let body =
        |k: Option<EntityType>| matches!(k, Some(EntityType::Organization | EntityType::Country));
    let floor = at.saturating_sub(ITS_REACH);
    let speaker = speakers
        .iter()
        .filter_map(|e| {
            let id = e.entity_id.as_deref()?;
            let m = e
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= at && m.start >= floor)?;
            body(kind(id)).then_some((m.start, id, m))
        })
        .max_by_key(|(start, ..)| *start);
    if let Some((_, id, m)) = speaker {
        return Some((id.to_owned(), m.clone()));
    }
    // With no body speaking before, only a listed speaker noun ("Its humanitarian office",
    // "its spokesman") reaches for a body: the last country or organization that was a
    // sentence's subject ("Russia launched drones overnight. Its defence ministry said"),
    // else the nearest organization. "its demand", "its target" name no speaker, and the
    // nearest organization is often the other party.
    let head = s
        .descriptor
        .as_deref()?
        .rsplit(' ')
        .next()?
        .to_ascii_lowercase();
    lex.noun(&head)?;
    if let Some(found) = subject_body(doc, at, floor) {
        return Some(found);
    }
    doc.entities
        .iter()
        .filter(|e| e.kind == EntityType::Organization)
        .filter_map(|e| {
            let m = e
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= at && m.start >= floor)?;
            Some((m.start, e.id.as_str(), m))
        })
        .max_by_key(|(start, ..)| *start)
        .map(|(_, id, m)| (id.to_owned(), m.clone()))
}

/// The latest country or organization mention between `floor` and `at` that opens its
/// sentence, alone or after "The" ("Russia denies ...", "The Pentagon said ..."): the
/// subject an "its" after it most likely names.
fn subject_body(doc: &Document, at: usize, floor: usize) -> Option<(String, Span)> {
    let opens_sentence = |m: &Span| {
        // Sentences are in order: the one holding the mention is the last starting at or
        // before it.
        let i = doc.sentences.partition_point(|s| s.start <= m.start);
        i.checked_sub(1)
            .and_then(|i| doc.sentences.get(i))
            .is_some_and(|s| {
                m.end <= s.end
                    && doc
                        .body
                        .get(s.start..m.start)
                        .is_some_and(|lead| matches!(lead.trim(), "" | "The" | "the"))
            })
    };
    doc.entities
        .iter()
        .filter(|e| matches!(e.kind, EntityType::Organization | EntityType::Country))
        .filter_map(|e| {
            let m = e
                .mentions
                .iter()
                .rev()
                .find(|m| m.end <= at && m.start >= floor && opens_sentence(m))?;
            Some((m.start, e.id.as_str(), m))
        })
        .max_by_key(|(start, ..)| *start)
        .map(|(_, id, m)| (id.to_owned(), m.clone()))
}

/// "ROME (AP) — ... The country's civil protection agency said": a speaker described by
/// "the country's" (or "the nation's") belongs to the latest country before it, named
/// ("Italy") or as the country of a place ("ROME" in the dateline), with that mention as
/// evidence. None before: no affiliation (never the word "country").
fn country_owner(doc: &Document, s: &Speaker) -> Option<(String, Span)> {
    let descriptor = s
        .descriptor
        .as_deref()?
        .to_ascii_lowercase()
        .replace('\u{2019}', "'");
    if !["country's", "nation's"]
        .iter()
        .any(|w| descriptor.contains(w))
    {
        return None;
    }
    let at = s.mentions.first()?.start;
    let country_code = |c: &str| c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase());
    doc.entities
        .iter()
        .filter_map(|e| {
            let id = match e.kind {
                EntityType::Country => e.id.as_str(),
                EntityType::Place => e.parent.as_deref().filter(|p| country_code(p))?,
                _ => return None,
            };
            let m = e.mentions.iter().rev().find(|m| m.end <= at)?;
            Some((m.start, id, m))
        })
        .max_by_key(|(start, ..)| *start)
        .map(|(_, id, m)| (id.to_owned(), m.clone()))
}

/// Fills inferred affiliations on `speakers`.
/// Whether a named speaker is a body the gazetteer lists (an `org:` id) or a country: a
/// listed body with a country has it already, and one without is international ("The World
/// Health Organization said ... Israel cut off all supplies" speaks for no country).
fn listed_body(doc: &Document, s: &Speaker) -> bool {
    s.entity_id.as_deref().is_some_and(|id| {
        id.starts_with("org:")
            || doc
                .entities
                .iter()
                .find(|e| e.id == id)
                .is_some_and(|e| e.kind == EntityType::Country)
    })
}

pub(crate) fn infer(
    lex: &Lexicon,
    doc: &Document,
    speakers: &mut [Speaker],
    attributions: &[Attribution],
) {
    let modifiers = country_modifiers(lex, doc);
    let mut contents: HashMap<&str, Vec<&Span>> = HashMap::new();
    for a in attributions {
        if let Some(s) = &a.speaker_id {
            contents.entry(s.as_str()).or_default().extend(&a.content);
        }
    }
    for i in 0..speakers.len() {
        let s = &speakers[i];
        if s.affiliation.is_some() || s.group {
            continue;
        }
        let head = head_noun(s);
        let institutional = s.anonymous && head.as_deref().is_some_and(|h| lex.is_institutional(h));
        let mut inferred: Option<(String, AffiliationBasis, Span)> = None;
        // The pronoun is written in the mention: its body is stated, the evidence says
        // which mention it was resolved to.
        if let Some((id, evidence)) =
            its_owner(lex, doc, speakers, i).or_else(|| country_owner(doc, &speakers[i]))
        {
            inferred = Some((id, AffiliationBasis::Stated, evidence));
        }
        if inferred.is_none()
            && institutional
            && let Some(h) = &head
        {
            inferred = speakers[i.saturating_sub(LOOK_BACK)..i]
                .iter()
                .rev()
                .find(|e| {
                    e.anonymous
                        && e.affiliation.is_some()
                        && e.affiliation_basis.is_some_and(|b| !b.is_inferred())
                        && head_noun(e).is_some_and(|eh| stem(&eh) == stem(h))
                })
                .and_then(|e| {
                    Some((
                        e.affiliation.clone()?,
                        AffiliationBasis::EarlierSpeaker,
                        e.mentions.first()?.clone(),
                    ))
                });
        }
        if inferred.is_none()
            && (institutional || (s.named && !listed_body(doc, s)))
            && let Some(own) = contents.get(s.id.as_str())
            && let Some((id, start, end)) = statement_country(&modifiers, own)
            && let Ok(span) = doc.span(start, end)
        {
            inferred = Some((id.to_owned(), AffiliationBasis::StatementCountry, span));
        }
        if let Some((affiliation, basis, evidence)) = inferred {
            let s = &mut speakers[i];
            s.affiliation = Some(affiliation);
            s.affiliation_basis = Some(basis);
            s.affiliation_evidence = Some(evidence);
        }
    }
}
