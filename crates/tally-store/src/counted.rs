//! Counted nouns as a timeline compares them: "People", "persons" and "dead" count one
//! toll; "children" and "child" count one part of it.
//!
//! Finds: the key a figure's counted noun is compared by, within one story, to tell a part
//! of the toll ("nine children", "25 soldiers") from a rival estimate of it ("31 people"
//! against "432 persons"). Words naming the whole toll (`data/store/counted_nouns.tsv`:
//! people, persons, dead, deaths, victims, casualties, ...) share one key; any other noun is
//! its own key, lower-cased, with its plural folded (irregular ones from the table,
//! regular ones by rule: "soldiers" → "soldier", "militias" → "militia", "witnesses" →
//! "witness").
//!
//! Example: `key("Persons")` and `key("dead")` are both `people`; `key("Children")` is
//! `child`, as is `key("child")`.
//!
//! Limitations: English only; a noun phrase is folded by its last word's ending only
//! ("aid workers" → "aid worker") and is otherwise compared whole, so "workers" and "aid
//! workers" are two keys (two parts, never flagged against each other); a plural rule can
//! fold a word wrongly ("bus" stays "bus", but "gas" becomes "ga"), harmless as long as
//! both sides fold alike.

use std::collections::HashMap;
use std::sync::OnceLock;

use tally_core::normalize_whitespace;

static COUNTED_NOUNS_TSV: &str = include_str!("../../../data/store/counted_nouns.tsv");

/// Form → the form it counts as, lower-cased.
fn table() -> &'static HashMap<&'static str, &'static str> {
    static TABLE: OnceLock<HashMap<&'static str, &'static str>> = OnceLock::new();
    TABLE.get_or_init(|| {
        tally_core::data_lines(COUNTED_NOUNS_TSV)
            .filter_map(|l| l.split_once('\t'))
            .map(|(form, key)| (form.trim(), key.trim()))
            .collect()
    })
}

/// The key a counted noun is compared by (see the module doc).
pub(crate) fn key(noun: &str) -> String {
    let noun = normalize_whitespace(noun).to_lowercase();
    if let Some(key) = table().get(noun.as_str()) {
        return (*key).to_owned();
    }
    singular(&noun).into_owned()
}

/// `noun` with a regular English plural ending folded: "-ies" → "-y", "-sses", "-xes",
/// "-ches", "-shes" lose "-es", another final "s" goes unless the word ends in "ss" or
/// "us" ("witness", "census" stay).
fn singular(noun: &str) -> std::borrow::Cow<'_, str> {
    if let Some(stem) = noun.strip_suffix("ies")
        && stem.len() > 1
    {
        return format!("{stem}y").into();
    }
    for ending in ["sses", "xes", "ches", "shes"] {
        if noun.ends_with(ending) {
            return noun[..noun.len() - 2].into();
        }
    }
    match noun.strip_suffix('s') {
        Some(stem) if !stem.is_empty() && !stem.ends_with(['s', 'u']) => stem.into(),
        _ => noun.into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_whole_toll_is_one_key() {
        for noun in [
            "people",
            "Persons",
            "dead",
            "DEATHS",
            "victims",
            "casualties",
        ] {
            assert_eq!(key(noun), "people", "{noun}");
        }
    }

    #[test]
    fn parts_fold_their_plurals() {
        let cases = [
            ("Children", "child"),
            ("child", "child"),
            ("women", "woman"),
            ("soldiers", "soldier"),
            ("Soldier", "soldier"),
            ("militias", "militia"),
            ("militiamen", "militiaman"),
            ("civilians", "civilian"),
            ("journalists", "journalist"),
            ("witnesses", "witness"),
            ("witness", "witness"),
            ("census", "census"),
            ("aid  workers", "aid worker"),
            ("police", "police"),
            ("s", "s"),
            ("", ""),
        ];
        for (noun, expected) in cases {
            assert_eq!(key(noun), expected, "{noun:?}");
        }
        assert_ne!(key("children"), key("people"));
        assert_ne!(key("guerrillas"), key("soldiers"));
    }
}
