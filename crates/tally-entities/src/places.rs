//! A city with its state or country: "Mobile, Alabama" is one place mention.
//!
//! # What it finds
//! A mention of a city (a listed city, or a name in no list read as a place) followed by a
//! comma, one space and a mention of a country or of a first-level subdivision ("Toulouse,
//! France", "Long Beach, California", "Everett, Washington") becomes one mention of the
//! city spanning both names, keeping the city's id: the second name says which city is
//! meant, as in a dateline or an address. The region keeps its own mention inside it (the
//! state is named too), so the two spans nest. News NER (MEANTIME, ACE extents) marks the
//! pair as one location, and the region inside it as another.
//!
//! # Example
//! "the planes will be assembled in Mobile, Alabama." gives one place mention "Mobile,
//! Alabama" linked to the city, and Alabama's own mention "Alabama" inside it.
//!
//! # Limitations
//! - A listed city joins only its own country or a subdivision of that country: "Paris,
//!   Texas" stays two mentions, since the gazetteer's Paris is in France.
//! - A list ("in Singapore, Malaysia and Thailand", "Toulouse, France and Germany") is
//!   left alone when a country or subdivision follows the pair; a list of a city and
//!   countries with nothing after it is still read as one place.
//! - A name in no list that was read as a person or organization and is mentioned once
//!   becomes a city before a state or province ("Santa Clara, California"), not before a
//!   country.

use tally_core::{Entity, EntityType, Span};

use crate::lexicon::{LEXICON, STOP};

/// Where a mention sits: entity index and mention index.
type At = (usize, usize);

/// Joins "City, Region" mention pairs in `entities` (see the module docs).
pub fn join_city_region(body: &str, entities: &mut [Entity]) {
    // Most documents have no city before a comma: skip building the index for them. The
    // comma is the cheaper test, so it goes first.
    let any = entities.iter().any(|e| {
        e.mentions.iter().any(|m| before_comma(body, m.end)) && (is_city(e) || is_unplaced_name(e))
    });
    if !any {
        return;
    }
    // Mentions by start, to find what follows a city in one lookup.
    let mut starts: Vec<(usize, At)> = entities
        .iter()
        .enumerate()
        .flat_map(|(e, ent)| {
            ent.mentions
                .iter()
                .enumerate()
                .map(move |(m, s)| (s.start, (e, m)))
        })
        .collect();
    if starts.len() < 2 {
        return;
    }
    starts.sort_unstable_by_key(|&(s, _)| s);
    let at = |pos: usize| -> Option<At> {
        starts
            .binary_search_by_key(&pos, |&(s, _)| s)
            .ok()
            .map(|i| starts[i].1)
    };
    let mut joins: Vec<(At, At)> = Vec::new();
    for &(_, (e, m)) in &starts {
        let city = &entities[e];
        let end = city.mentions[m].end;
        if !before_comma(body, end) {
            continue;
        }
        let unplaced = is_unplaced_name(city);
        if !is_city(city) && !unplaced {
            continue;
        }
        let Some((r, rm)) = at(end + 2) else {
            continue;
        };
        let region = &entities[r];
        if r == e
            || !is_region(region)
            || !same_country(city, region)
            || unplaced && region.kind != EntityType::Place
        {
            continue;
        }
        let region_end = region.mentions[rm].end;
        let rest = body.get(region_end..).unwrap_or("");
        // "California's governor": the region is the head of its own phrase; "in Madrid,
        // Spanish Foreign Minister ...": a demonym before a capitalized noun opens one.
        if rest.starts_with(['\'', '’']) || demonym_opens_phrase(&region.mentions[rm].text, rest)
        {
            continue;
        }
        if continues_list(rest, region_end, &at, entities) {
            continue;
        }
        joins.push(((e, m), (r, rm)));
    }
    if joins.is_empty() {
        return;
    }
    for &((e, m), (r, rm)) in &joins {
        if is_unplaced_name(&entities[e]) {
            entities[e].kind = EntityType::Place;
        }
        let end = entities[r].mentions[rm].end;
        let mention = &mut entities[e].mentions[m];
        if let Some(text) = body.get(mention.start..end) {
            *mention = Span {
                start: mention.start,
                end,
                text: text.to_owned(),
            };
        }
    }
}

/// Whether ", " follows a mention ending at `end`.
fn before_comma(body: &str, end: usize) -> bool {
    body.as_bytes().get(end..end + 2) == Some(b", ")
}

/// Whether the region's mention `text`, followed by `rest`, opens a phrase of its own: a
/// capitalized word other than a day or month follows ("Madrid, Spanish Foreign Minister",
/// not "Fort Pierce, Florida Friday"). In all-caps text every word is capitalized, so
/// nothing is read from it there ("SAN JOSE, COSTA RICA AND ...").
fn demonym_opens_phrase(text: &str, rest: &str) -> bool {
    let Some(next) = rest.strip_prefix(' ') else {
        return false;
    };
    let word = next
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    word.starts_with(|c: char| c.is_uppercase())
        && text.chars().any(char::is_lowercase)
        && LEXICON.flags(word) & STOP == 0
}

/// A city: a listed city (`place:gn…`, from GeoNames; `place:town-…`, curated towns) or
/// a name in no list read as a place.
fn is_city(e: &Entity) -> bool {
    e.kind == EntityType::Place
        && (e.id.starts_with("place:gn")
            || e.id.starts_with("place:town-")
            || e.id.starts_with("local:"))
}

/// A name in no list, read as a person or organization, mentioned once: before a state or
/// province ("the Santa Clara, California-based company", "Latrobe, Pennsylvania") it is a
/// city. Before a country it stays what it was ("Smith, Britain" is not a place), and so
/// does a company named with its seat ("Sunwood Management Corp of Parker, Colorado").
fn is_unplaced_name(e: &Entity) -> bool {
    e.id.starts_with("local:")
        && matches!(e.kind, EntityType::Person | EntityType::Organization)
        && matches!(e.mentions.as_slice(), [m] if !m.text.contains(" of "))
}

/// A country, or a first-level subdivision (`place:us-ca`, `place:ru-krs`).
fn is_region(e: &Entity) -> bool {
    match e.kind {
        EntityType::Country => true,
        EntityType::Place => {
            e.id.strip_prefix("place:")
                .and_then(|code| code.split_once('-'))
                .is_some_and(|(country, sub)| {
                    country.len() == 2
                        && country.bytes().all(|b| b.is_ascii_lowercase())
                        && !sub.is_empty()
                })
        }
        _ => false,
    }
}

/// Whether the region can be the city's: a city in no list takes any; a listed city only
/// its own country or a subdivision of it.
fn same_country(city: &Entity, region: &Entity) -> bool {
    match city.parent.as_deref() {
        None => true,
        Some(country) => region.id == country || region.parent.as_deref() == Some(country),
    }
}

/// Whether another country or region follows the pair in a list: ", X" or " and X".
fn continues_list(
    rest: &str,
    region_end: usize,
    at: &impl Fn(usize) -> Option<At>,
    entities: &[Entity],
) -> bool {
    let gap = [", and ", ", or ", ", ", " and ", " or "]
        .iter()
        .find(|g| rest.starts_with(*g));
    gap.and_then(|g| at(region_end + g.len()))
        .is_some_and(|(e, _)| is_region(&entities[e]))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::fixtures::entity;

    #[test]
    fn joins_a_city_and_its_state() {
        let body = "They fly from Long Beach, California to Paris.";
        let mut es = vec![
            entity(
                "place:gn5367929",
                EntityType::Place,
                Some("US"),
                body,
                &["Long Beach"],
            ),
            entity(
                "place:us-ca",
                EntityType::Place,
                Some("US"),
                body,
                &["California"],
            ),
        ];
        join_city_region(body, &mut es);
        assert_eq!(es[0].mentions[0].text, "Long Beach, California");
        assert_eq!(es[1].mentions[0].text, "California");
    }

    #[test]
    fn a_name_in_no_list_before_a_state_is_a_city() {
        let state = |body: &str| {
            entity(
                "place:us-ca",
                EntityType::Place,
                Some("US"),
                body,
                &["California"],
            )
        };
        let body = "the Santa Clara, California-based company";
        let mut es = vec![
            entity("local:E1", EntityType::Person, None, body, &["Santa Clara"]),
            state(body),
        ];
        join_city_region(body, &mut es);
        assert_eq!(es[0].kind, EntityType::Place);
        assert_eq!(es[0].mentions[0].text, "Santa Clara, California");
        let body = "Acme Corp of Parker, California said; Smith, Germany";
        let mut es = vec![
            entity(
                "local:E1",
                EntityType::Organization,
                None,
                body,
                &["Acme Corp of Parker"],
            ),
            state(body),
            entity("local:E2", EntityType::Person, None, body, &["Smith"]),
            entity("DE", EntityType::Country, None, body, &["Germany"]),
        ];
        join_city_region(body, &mut es);
        assert_eq!(es[0].kind, EntityType::Organization);
        assert_eq!(es[2].kind, EntityType::Person);
        assert_eq!(es[2].mentions[0].text, "Smith");
    }

    #[test]
    fn leaves_another_country_and_lists_alone() {
        let body = "in Toulouse, Germany";
        let mut es = vec![
            entity(
                "place:gn2972315",
                EntityType::Place,
                Some("FR"),
                body,
                &["Toulouse"],
            ),
            entity("DE", EntityType::Country, None, body, &["Germany"]),
        ];
        join_city_region(body, &mut es);
        assert_eq!(es[0].mentions[0].text, "Toulouse");
        let body = "in Mobile, Alabama and Texas";
        let mut es = vec![
            entity("local:E1", EntityType::Place, None, body, &["Mobile"]),
            entity(
                "place:us-al",
                EntityType::Place,
                Some("US"),
                body,
                &["Alabama"],
            ),
            entity(
                "place:us-tx",
                EntityType::Place,
                Some("US"),
                body,
                &["Texas"],
            ),
        ];
        join_city_region(body, &mut es);
        assert_eq!(es[0].mentions[0].text, "Mobile");
    }
}
