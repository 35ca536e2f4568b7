//! Test fixtures shared by the modules' unit tests.

use tally_core::{Entity, EntityType, Span};

/// An entity whose mentions are the first occurrence in `body` of each of `at`; its name is
/// the first of them.
pub(crate) fn entity(
    id: &str,
    kind: EntityType,
    parent: Option<&str>,
    body: &str,
    at: &[&str],
) -> Entity {
    let mentions = at
        .iter()
        .map(|name| {
            let start = body.find(name).unwrap_or(0);
            Span {
                start,
                end: start + name.len(),
                text: (*name).to_owned(),
            }
        })
        .collect();
    Entity {
        id: id.to_owned(),
        kind,
        name: at.first().map_or_else(String::new, |s| (*s).to_owned()),
        mentions,
        parent: parent.map(str::to_owned),
    }
}
