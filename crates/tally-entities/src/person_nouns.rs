//! Nouns for people that head an apposition ("Tun Tun, a volunteer rescuer"): the name
//! before the comma is a person. Data: `data/entities/person_nouns.txt`. Kept apart from
//! the titles because before a name they say nothing ("Scott Farmer").

use std::sync::LazyLock;

use rustc_hash::FxHashSet as HashSet;

const PERSON_NOUNS: &str = include_str!("../../../data/entities/person_nouns.txt");

static NOUNS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    PERSON_NOUNS
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

/// Whether `word` (any case) is a noun for a person. Only appositions ask, which are rare:
/// the lowercase copy costs nothing measurable.
pub(crate) fn is_person_noun(word: &str) -> bool {
    word.len() <= 16 && NOUNS.contains(word.to_ascii_lowercase().as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_nouns_in_any_case() {
        assert!(is_person_noun("rescuer"));
        assert!(is_person_noun("Official"));
        assert!(!is_person_noun("report"));
        assert!(!is_person_noun("officials"));
    }
}
