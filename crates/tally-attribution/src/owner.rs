//! A document owned by a named body speaks for the body.
//!
//! Finds sources that are a named organization followed by a document noun
//! (`data/attribution/documents.txt`): "Interior Ministry data show", "Eurostat figures
//! showed", "LSEG data showed", "the Pentagon's report said". The speaker is the body,
//! named, not an anonymous "Interior Ministry data".
//!
//! Example: "Arrivals fell by 60%, Interior Ministry data show." → speaker "Interior
//! Ministry" (named, linked to its entity).
//!
//! The owner may also follow the noun: "according to data compiled by LSEG", "figures
//! collected by the Sudan Doctors Network" (see [`BY_OWNER`]).
//!
//! Limitations: the owner must be an organization the entities layer knows, or a single
//! acronym in capitals ("LSEG", "ONS") that it does not know as anything else; a country
//! or place before the noun is what the data are about ("U.S. data", "China's trade
//! figures"), so it stays as it was. "Data from the ministry" (no capital) is not read,
//! nor an owner phrase that the source phrase already holds.

use std::sync::LazyLock;

use tally_core::{Entity, EntityType};

use crate::descriptor::{Descriptor, Form, strip_possessive};
use crate::lexicon::word_list;

/// Head nouns of documents and numbers (`data/attribution/documents.txt`).
static DOCUMENTS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| word_list(include_str!("../../../data/attribution/documents.txt")));

/// Whether `lower` heads a document or a body of numbers ("data", "results").
pub(crate) fn is_document(lower: &str) -> bool {
    DOCUMENTS.contains(&lower)
}

/// Names the owner of a document source: `d` becomes the named body. `entity` gives the
/// entity whose mention is exactly a byte range.
pub(crate) fn name_owner<'d>(
    d: &mut Descriptor,
    body: &str,
    start: usize,
    end: usize,
    entity: impl Fn(usize, usize) -> Option<&'d Entity>,
) {
    if !matches!(d.form, Form::Definite | Form::Indefinite) {
        return;
    }
    let Some(text) = body.get(start..end).map(str::trim_end) else {
        return;
    };
    // The last word; a no-break space is two bytes.
    let head_at = text
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let head = &text[head_at..];
    if !DOCUMENTS.iter().any(|n| head.eq_ignore_ascii_case(n)) {
        return;
    }
    // The owner: the words before the noun, without a leading "the" and a possessive.
    let mut owner_start = 0;
    for det in ["the ", "The ", "THE "] {
        if text.starts_with(det) {
            owner_start = det.len();
        }
    }
    let Some(owner) = text
        .get(owner_start..head_at)
        .map(|o| strip_possessive(o.trim_end()))
    else {
        return;
    };
    // "data compiled by LSEG": the owner after the noun.
    let (a, b) = if owner.is_empty() {
        match owner_after(body, start + text.len()) {
            Some(range) => range,
            None => return,
        }
    } else {
        (start + owner_start, start + owner_start + owner.len())
    };
    let Some(owner) = body.get(a..b) else {
        return;
    };
    let named = match entity(a, b) {
        Some(e) => e.kind == EntityType::Organization,
        // An acronym the entities layer did not read ("LSEG", "ONS"); a bare capitalised
        // word could be a sentence's first word ("Government data showed"), and in a
        // sentence all in capitals any word looks like one ("TRADE DATA SHOWED").
        None => {
            (owner_start == 0 || a >= end)
                && head.bytes().any(|c| c.is_ascii_lowercase())
                && (2..=6).contains(&owner.len())
                && owner.bytes().all(|c| c.is_ascii_uppercase())
        }
    };
    if named {
        d.form = Form::Named;
        d.name = Some(owner.to_owned());
        d.name_range = Some((a, b));
        d.affiliation = None;
        // "Interior data" read over the name is no role of the body.
        d.role = None;
    }
}

/// Words that hand a document to its owner after the noun ("data compiled by LSEG",
/// "figures collected by the Armed Conflict Location & Event Data Project").
const BY_OWNER: &[&str] = &[
    "compiled by ",
    "collected by ",
    "gathered by ",
    "released by ",
    "published by ",
    "provided by ",
    "issued by ",
    "kept by ",
    "from ",
];

/// The capitalized name after a document noun ending at byte `end` and one of
/// [`BY_OWNER`] (a leading "the" left out): its byte range.
fn owner_after(body: &str, end: usize) -> Option<(usize, usize)> {
    let rest = body.get(end..)?;
    let rest = rest.strip_prefix(' ')?;
    let by = BY_OWNER.iter().find(|w| rest.starts_with(*w))?;
    let mut at = end + 1 + by.len();
    if body.get(at..)?.starts_with("the ") {
        at += "the ".len();
    }
    // Capitalized words, and "&" or "of" between them.
    let mut name_end = None;
    let mut pos = at;
    let paragraph = body.get(at..)?.split('\n').next()?;
    for word in paragraph.split(' ') {
        let bare = word.trim_end_matches([',', '.', ';', ':', ')']);
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        if !(capital || (name_end.is_some() && matches!(bare, "&" | "of"))) {
            break;
        }
        if capital {
            name_end = Some(pos + bare.len());
        }
        if bare.len() < word.len() {
            break;
        }
        pos += word.len() + 1;
    }
    name_end.map(|e| (at, e))
}
