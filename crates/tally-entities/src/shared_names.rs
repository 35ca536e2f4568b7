//! A country's name that a place of another country shares: "Georgia" in a story from
//! Atlanta is the US state.
//!
//! # What it does
//! The gazetteer gives "Georgia" to the country (one alias, one entity). After a document
//! is resolved, its country entity is relinked to the place when the document names a
//! place of the place's country ("Atlanta", "Florida", "Winder, Ga.") and nothing of the
//! country: no place in it ("Tbilisi") and no demonym ("Georgian"). The pairs are data:
//! `data/entities/shared_names.tsv`.
//!
//! A mention listed with other countries ("Georgia and Ukraine", "Cyprus, Georgia, India")
//! keeps the country too.
//!
//! # Limitations
//! A story that names both ("a Georgia senator visited Tbilisi") keeps the country for
//! every mention: the choice is per document, not per mention.

use std::sync::LazyLock;

use tally_core::{Entity, EntityType};

const DATA: &str = include_str!("../../../data/entities/shared_names.tsv");

/// A country and the place sharing its name.
struct SharedName {
    country: &'static str,
    place: &'static str,
    home: &'static str,
    demonym: &'static str,
}

static SHARED: LazyLock<Vec<SharedName>> = LazyLock::new(|| {
    DATA.lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .filter_map(|l| {
            let mut cols = l.split('\t');
            Some(SharedName {
                country: cols.next()?,
                place: cols.next()?,
                home: cols.next()?,
                demonym: cols.next()?,
            })
        })
        .collect()
});

/// Relinks country entities to the place sharing their name where the document is about
/// the place's country (see the module docs); what had the country as parent ("Georgia
/// Bureau of Investigation") is then in the place's country. `place_name` gives the place's canonical
/// name from its id.
pub fn relink_shared_names(
    entities: &mut Vec<Entity>,
    place_name: impl Fn(&str) -> Option<String>,
) {
    for shared in SHARED.iter() {
        let Some(i) = entities.iter().position(|e| e.id == shared.country) else {
            continue;
        };
        let of = |e: &Entity, id: &str| e.parent.as_deref() == Some(id);
        let home = entities
            .iter()
            .any(|e| e.kind == EntityType::Place && of(e, shared.home));
        let country = entities
            .iter()
            .any(|e| e.kind == EntityType::Place && of(e, shared.country))
            || entities[i]
                .mentions
                .iter()
                .any(|m| m.text.starts_with(shared.demonym));
        if !home || country || listed_with_countries(entities, i) {
            continue;
        }
        // "Georgia Bureau of Investigation" was given the country as parent.
        for e in entities.iter_mut().filter(|e| of(e, shared.country)) {
            e.parent = Some(shared.home.to_owned());
        }
        let moved = entities.remove(i);
        match entities.iter_mut().find(|e| e.id == shared.place) {
            Some(place) => {
                place.mentions.extend(moved.mentions);
                place.mentions.sort_by_key(|m| m.start);
            }
            // In the country's place: entities stay in the order of their first mention.
            None => entities.insert(
                i,
                Entity {
                    id: shared.place.to_owned(),
                    kind: EntityType::Place,
                    name: place_name(shared.place).unwrap_or(moved.name),
                    mentions: moved.mentions,
                    parent: Some(shared.home.to_owned()),
                },
            ),
        }
    }
}

/// The most bytes between two listed names: ", and ".
const LIST_GAP: usize = 6;

/// Whether a mention of entity `i` sits in a list beside another country's mention. The
/// other countries' mention edges are sorted once, so each mention is two binary searches,
/// not a scan of every other mention.
fn listed_with_countries(entities: &[Entity], i: usize) -> bool {
    let others = entities
        .iter()
        .enumerate()
        .filter(|&(j, e)| j != i && e.kind == EntityType::Country)
        .flat_map(|(_, e)| &e.mentions);
    let (mut starts, mut ends): (Vec<usize>, Vec<usize>) = others.map(|o| (o.start, o.end)).unzip();
    starts.sort_unstable();
    ends.sort_unstable();
    entities[i].mentions.iter().any(|m| {
        // An other mention ending at most LIST_GAP bytes before this one, or starting at
        // most LIST_GAP bytes after it.
        let before = ends.partition_point(|&e| e <= m.start);
        let after = starts.partition_point(|&s| s < m.end);
        before
            .checked_sub(1)
            .is_some_and(|k| m.start - ends[k] <= LIST_GAP)
            || starts.get(after).is_some_and(|&s| s - m.end <= LIST_GAP)
    })
}
