//! A country's government: "the US government", "the government of Canada".
//!
//! # What it finds
//! A mention of a country (its name, a short form, a demonym or a capital standing for it)
//! right before "government(s)", or right after "government(s) of", grows to cover the
//! phrase: "US government", "Canadian Government", "government of Germany". The phrase
//! still links to the country, as "Moscow said" does (CONVENTIONS.md: a government acts
//! for its country). ACE counts such phrases as mentions of the GPE (a GPE in its
//! organization role), and MEANTIME marks them as one location name.
//!
//! # Example
//! "loans from the government of Canada and the US government" gives the mentions
//! "government of Canada" (CA) and "US government" (US).
//!
//! # Limitations
//! - Only "government" itself: "administration", "cabinet" and "authorities" are left
//!   out ("the Obama administration" is named after a person, not the country).
//! - A capitalized word after "government" makes it part of another name ("US Government
//!   Accountability Office") and nothing is joined; nor is a word between them ("the
//!   provincial government of Ontario", "the Victorian state government").
//! - Subdivisions ("the Ontario government") are not joined.

use tally_core::{Entity, EntityType, Span};

/// Joins country mentions with "government" beside them (see the module docs).
pub fn join_governments(body: &str, entities: &mut [Entity]) {
    for e in entities
        .iter_mut()
        .filter(|e| e.kind == EntityType::Country)
    {
        for m in &mut e.mentions {
            let (start, end) = (
                government_before(body, m.start),
                government_after(body, m.end),
            );
            let (start, end) = (start.unwrap_or(m.start), end.unwrap_or(m.end));
            if (start, end) == (m.start, m.end) {
                continue;
            }
            if let Some(text) = body.get(start..end) {
                *m = Span {
                    start,
                    end,
                    text: text.to_owned(),
                };
            }
        }
    }
}

/// Where "government(s) of " right before `start` begins.
fn government_before(body: &str, start: usize) -> Option<usize> {
    let head = body.get(..start)?.strip_suffix(" of ")?;
    let word_start = head
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .len();
    head.get(word_start..)
        .is_some_and(is_government)
        .then_some(word_start)
}

/// Where " government(s)" right after `end` ends, when no capitalized word follows it.
fn government_after(body: &str, end: usize) -> Option<usize> {
    let rest = body.get(end..)?.strip_prefix(' ')?;
    let len = rest
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(rest.len());
    if !rest.get(..len).is_some_and(is_government) {
        return None;
    }
    let after = rest.get(len..).unwrap_or("");
    // "US Government Accountability Office": the word is part of another name.
    let named = after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_uppercase()));
    (!named).then_some(end + 1 + len)
}

fn is_government(word: &str) -> bool {
    ["government", "governments"]
        .iter()
        .any(|g| word.eq_ignore_ascii_case(g))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn country(id: &str, body: &str, names: &[&str]) -> Entity {
        crate::fixtures::entity(id, EntityType::Country, None, body, names)
    }

    #[test]
    fn joins_government_on_either_side() {
        let body = "loans from the government of Canada and the US government's plan.";
        let mut es = vec![
            country("CA", body, &["Canada"]),
            country("US", body, &["US"]),
        ];
        join_governments(body, &mut es);
        assert_eq!(es[0].mentions[0].text, "government of Canada");
        assert_eq!(es[1].mentions[0].text, "US government");
    }

    #[test]
    fn leaves_other_names_and_words_alone() {
        let body = "The US Government Accountability Office and the US governor.";
        let mut es = vec![country("US", body, &["US"])];
        join_governments(body, &mut es);
        assert_eq!(es[0].mentions[0].text, "US");
        let body = "the “government of Canada”";
        let mut es = vec![country("CA", body, &["Canada"])];
        join_governments(body, &mut es);
        assert_eq!(es[0].mentions[0].text, "government of Canada");
    }
}
