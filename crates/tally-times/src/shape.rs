//! Word maps with a shape test in front: most words looked up (every token of a window,
//! every word a tense scan reads) are in no list, and a table of the keys' shapes (length,
//! first and last letter) turns nearly all of them away before any hashing.

use std::borrow::Borrow;
use std::hash::Hash;

use crate::fnv::FnvMap;

/// Longest key with a shape; longer keys (and keys not starting and ending with an ASCII
/// lowercase letter) have none and are always looked up.
const MAX_LEN: usize = 16;

/// The shapes of a set of lowercase keys: bit `last letter` of `bits[length * 26 + first
/// letter]`.
#[derive(Clone, Debug)]
struct Shapes {
    bits: Vec<u32>,
}

impl Shapes {
    fn new() -> Shapes {
        Shapes {
            bits: vec![0; (MAX_LEN + 1) * 26],
        }
    }

    fn add(&mut self, key: &str) {
        if let Some((i, bit)) = index(key.as_bytes())
            && let Some(slot) = self.bits.get_mut(i)
        {
            *slot |= bit;
        }
    }

    /// False only when no key can be `word`: a word without a shape may be any key.
    #[inline]
    fn may_hold(&self, word: &str) -> bool {
        index(word.as_bytes()).is_none_or(|(i, bit)| self.bits.get(i).is_none_or(|s| s & bit != 0))
    }
}

/// The shape slot of a word: its length and first letter, and a bit for its last letter;
/// `None` unless it starts and ends with an ASCII lowercase letter and is at most
/// [`MAX_LEN`] bytes long. Lookups are exact (keys and words are both lowercase), so no
/// case is folded here.
#[inline]
fn index(word: &[u8]) -> Option<(usize, u32)> {
    let len = word.len();
    let first = word.first()?.wrapping_sub(b'a');
    let last = word.last()?.wrapping_sub(b'a');
    if len > MAX_LEN || first >= 26 || last >= 26 {
        return None;
    }
    Some((len * 26 + usize::from(first), 1 << last))
}

/// A map from lowercase words, answering "not here" for most absent words without
/// hashing them.
#[derive(Clone, Debug)]
pub(crate) struct WordMap<K, V> {
    map: FnvMap<K, V>,
    shapes: Shapes,
}

impl<K: Borrow<str> + Hash + Eq, V> WordMap<K, V> {
    /// The map of these entries (later entries replace earlier ones, as in a `HashMap`).
    pub(crate) fn new(map: FnvMap<K, V>) -> WordMap<K, V> {
        let mut shapes = Shapes::new();
        for k in map.keys() {
            shapes.add(k.borrow());
        }
        WordMap { map, shapes }
    }

    /// The value of `word`.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        if !self.shapes.may_hold(word) {
            return None;
        }
        self.map.get(word)
    }

    /// Whether `word` is a key.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.get(word).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_exactly_the_keys() {
        let keys = [
            "day",
            "may",
            "o'clock",
            "mid-",
            "a",
            "thanksgiving",
            "x1",
            "é",
            "fortnightlyyyyyyy",
        ];
        let map = WordMap::new(keys.iter().map(|&k| (k, k.len())).collect());
        for k in keys {
            assert_eq!(map.get(k), Some(&k.len()), "{k}");
        }
        for w in [
            "days",
            "dy",
            "Day",
            "mid",
            "o'clocks",
            "b",
            "",
            "x2",
            "e",
            "thanksgivinG",
        ] {
            assert_eq!(map.get(w), None, "{w}");
            assert!(!map.contains(w));
        }
    }
}
