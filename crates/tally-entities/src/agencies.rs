//! A country's own body named with the country first: "U.S. Geological Survey", "U.S.
//! Department of Justice", "Russian Defense Ministry".
//!
//! # What it finds
//! An organization mention that starts one space after a mention of a country (its name,
//! a short form or a demonym) grows to cover the country too: the country names whose
//! body it is, as in "the U.S. Embassy". The country's mention is taken into it (mentions
//! never overlap), and a country with no other mention is dropped. Before, a reader
//! of "The U.S. Geological Survey said" saw two names, the United States and "Geological
//! Survey", and the speaker was the United States.
//!
//! # Example
//! "The U.S. Geological Survey said" gives the organization mention "U.S. Geological
//! Survey" and no country mention.
//!
//! # Limitations
//! - Only a country right before the organization: a possessive ("Britain's BAE
//!   Systems") or a word between ("the U.S. state Department") joins nothing.
//! - The organization keeps its own id: a listed body ("Department of Justice") stays
//!   linked to its gazetteer entry.
//! - A word of a Title Case headline already misread as an organization takes the country
//!   in with it ("U.S. Diplomat Says ..." gives the organization "U.S. Diplomat"; before,
//!   the country was the speaker). On 3,000 corpus articles 32 speaker names changed, about
//!   20 right ("U.S. Embassy", "China Daily", "Tehran Radio", "U.S. Chamber of Commerce")
//!   and about 12 such headline words.

use tally_core::{Entity, EntityType, Span};

/// Grows organization mentions over the country mention right before them, which goes
/// (mentions never overlap); a country left with no mention goes too.
pub fn join_country_bodies(body: &str, entities: &mut Vec<Entity>) {
    // (end, start, entity, mention) of every country mention.
    let mut countries: Vec<(usize, usize, usize, usize)> = entities
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind == EntityType::Country)
        .flat_map(|(i, e)| {
            e.mentions
                .iter()
                .enumerate()
                .map(move |(j, m)| (m.end, m.start, i, j))
        })
        .collect();
    if countries.is_empty() {
        return;
    }
    countries.sort_unstable();
    let mut covered: Vec<(usize, usize)> = Vec::new();
    for org in entities
        .iter_mut()
        .filter(|e| e.kind == EntityType::Organization)
    {
        // A body in no list is named as written: "U.S. Geological Survey".
        let local = org.id.starts_with("local:");
        for (j, m) in org.mentions.iter_mut().enumerate() {
            let Some(before) = m.start.checked_sub(1) else {
                continue;
            };
            if body.as_bytes().get(before) != Some(&b' ') {
                continue;
            }
            let Ok(k) = countries.binary_search_by_key(&before, |&(end, ..)| end) else {
                continue;
            };
            let (_, start, country, mention) = countries[k];
            if let Ok(grown) = Span::new(body, start, m.end) {
                *m = grown;
                covered.push((country, mention));
                if local && j == 0 {
                    org.name.clone_from(&m.text);
                }
            }
        }
    }
    if covered.is_empty() {
        return;
    }
    covered.sort_unstable();
    for &(country, mention) in covered.iter().rev() {
        entities[country].mentions.remove(mention);
    }
    entities.retain(|e| e.kind != EntityType::Country || !e.mentions.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures::entity;

    #[test]
    fn a_body_named_after_its_country_covers_it() {
        let body = "The U.S. Geological Survey said Britain's BAE Systems agreed.";
        let mut es = vec![
            entity("US", EntityType::Country, None, body, &["U.S."]),
            entity(
                "local:E1",
                EntityType::Organization,
                None,
                body,
                &["Geological Survey"],
            ),
            entity("GB", EntityType::Country, None, body, &["Britain"]),
            entity(
                "local:E2",
                EntityType::Organization,
                None,
                body,
                &["BAE Systems"],
            ),
        ];
        join_country_bodies(body, &mut es);
        let texts: Vec<(&str, Vec<&str>)> = es
            .iter()
            .map(|e| {
                (
                    e.id.as_str(),
                    e.mentions.iter().map(|m| m.text.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            texts,
            [
                ("local:E1", vec!["U.S. Geological Survey"]),
                ("GB", vec!["Britain"]),
                ("local:E2", vec!["BAE Systems"]),
            ]
        );
    }
}
