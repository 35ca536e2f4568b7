//! The merged word table's lookup: packed lowercase words ([`crate::lexicon::word_key`]) to
//! their [`Info`], in an open-addressed table built once.
//!
//! Every word near a number is looked up, several times over by the recognizer and the
//! attachment rules (about 125,000 lookups per MB of news), and most words are in no list.
//! A general hash map spends most of a lookup hashing the 128-bit key and probing groups;
//! here the key is folded and multiplied once, the table is a quarter full so a miss
//! usually ends at the first empty slot, and the entries sit densely behind an index.

use crate::lexicon::{Info, NO_INFO};

/// Packed words to their entries. Read-only once built.
#[derive(Clone, Debug)]
pub(crate) struct WordTable {
    /// The key in each slot; 0 marks an empty slot (a word packs to a non-zero key: it
    /// is not empty and holds no NUL byte).
    keys: Vec<u128>,
    /// For each slot, the index of its entry in `infos`.
    slots: Vec<u16>,
    /// The entries, then one empty entry ([`WordTable::get_or_empty`]).
    infos: Vec<Info>,
    /// `64 - log2(keys.len())`: the hash's top bits pick the slot.
    shift: u32,
    /// The index of the empty entry in `infos`.
    empty: usize,
}

/// Fibonacci hashing: the golden ratio's odd 64-bit multiplier spreads the folded key's
/// bits into the top bits.
const MULTIPLIER: u64 = 0x9E37_79B9_7F4A_7C15;

impl WordTable {
    /// A table of these entries; entries with key 0 (no word) are left out.
    pub(crate) fn new(entries: impl IntoIterator<Item = (u128, Info)>) -> WordTable {
        let entries: Vec<(u128, Info)> = entries.into_iter().filter(|(k, _)| *k != 0).collect();
        // At most a quarter full: a miss then rarely probes past its first slot.
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mut table = WordTable {
            keys: vec![0; size],
            slots: vec![0; size],
            infos: Vec::with_capacity(entries.len() + 1),
            shift: 64 - size.trailing_zeros(),
            empty: 0,
        };
        for (key, info) in entries {
            // Indices below u16::MAX, the last one left for the empty entry (no list is
            // near that size).
            let Some(index) = u16::try_from(table.infos.len())
                .ok()
                .filter(|&i| i < u16::MAX)
            else {
                break;
            };
            let mut slot = table.home(key);
            while table.keys.get(slot).is_some_and(|&k| k != 0 && k != key) {
                slot = (slot + 1) & (size - 1);
            }
            // Callers give each key once; a repeat is ignored.
            if table.keys.get(slot) == Some(&key) {
                continue;
            }
            if let (Some(k), Some(s)) = (table.keys.get_mut(slot), table.slots.get_mut(slot)) {
                *k = key;
                *s = index;
                table.infos.push(info);
            }
        }
        table.empty = table.infos.len();
        table.infos.push(Info::default());
        table
    }

    /// The slot where a key's probe starts.
    #[inline]
    fn home(&self, key: u128) -> usize {
        // Fold the high half in (words longer than eight bytes), then multiply.
        #[allow(clippy::cast_possible_truncation)]
        let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        // The shift leaves at most log2(size) bits: within usize.
        #[allow(clippy::cast_possible_truncation)]
        let slot = (folded.wrapping_mul(MULTIPLIER) >> self.shift) as usize;
        slot
    }

    /// The entry of a packed word.
    #[inline]
    pub(crate) fn get(&self, key: &u128) -> Option<&Info> {
        let mask = self.keys.len().wrapping_sub(1);
        let mut slot = self.home(*key);
        loop {
            let k = *self.keys.get(slot)?;
            // An empty slot ends the probe (and key 0, no word, is never found).
            if k == 0 {
                return None;
            }
            if k == *key {
                let index = usize::from(*self.slots.get(slot)?);
                return self.infos.get(index);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The entry of a packed word, or an empty entry ([`Info::default`]) for a word in no
    /// list. Whether a word is listed is a coin toss for the branch predictor (a lookup
    /// follows every other word near a number): here it picks an index instead of a path,
    /// and only a probe past an occupied slot of another word branches.
    #[inline]
    pub(crate) fn get_or_empty(&self, key: &u128) -> &Info {
        let mask = self.keys.len().wrapping_sub(1);
        let mut slot = self.home(*key);
        loop {
            let k = self.keys.get(slot).copied().unwrap_or(0);
            let hit = k == *key && k != 0;
            if hit || k == 0 {
                let index = if hit {
                    self.slots.get(slot).map_or(self.empty, |&i| usize::from(i))
                } else {
                    self.empty
                };
                return self.infos.get(index).unwrap_or(&NO_INFO);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// How many words the table holds.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.infos.len() - 1
    }

    /// Every word and its entry, in no particular order.
    #[cfg(test)]
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&u128, &Info)> {
        self.keys
            .iter()
            .zip(&self.slots)
            .filter(|(k, _)| **k != 0)
            .filter_map(|(k, &s)| Some((k, self.infos.get(usize::from(s))?)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, word_key};

    #[test]
    fn finds_every_word_and_nothing_else() {
        let entries: Vec<(u128, Info)> = (1u16..2000)
            .map(|i| {
                let info = Info {
                    ctx: i,
                    ..Info::default()
                };
                (
                    u128::from(i) * 0x0001_0000_0000_0001_0000_0000_0000_0001,
                    info,
                )
            })
            .collect();
        let table = WordTable::new(entries.clone());
        assert_eq!(table.len(), entries.len());
        for (key, info) in &entries {
            assert_eq!(table.get(key), Some(info));
            assert_eq!(table.get_or_empty(key), info);
        }
        for key in [0, 1, 0x10000, u128::MAX] {
            assert_eq!(table.get_or_empty(&key), &Info::default());
        }
        assert_eq!(table.iter().count(), entries.len());
        assert_eq!(table.get(&0), None);
        assert_eq!(table.get(&u128::MAX), None);
        let empty = WordTable::new([]);
        assert_eq!(empty.get(&1), None);
    }

    proptest::proptest! {
        /// The bundled table finds each of its words, and answers for any word what a scan
        /// of its entries answers.
        #[test]
        fn agrees_with_a_map(word in "[a-zA-Z'.$%-]{1,18}") {
            let lex = Lexicon::bundled().unwrap();
            // A scan of the stored entries is the oracle.
            let scan = |key: u128| lex.table.iter().find(|(k, _)| **k == key).map(|(_, i)| i);
            if let Some(key) = word_key(word.as_bytes()) {
                proptest::prop_assert_eq!(lex.table.get(&key), scan(key));
                let empty = Info::default();
                proptest::prop_assert_eq!(lex.table.get_or_empty(&key), scan(key).unwrap_or(&empty));
            }
            for (key, info) in lex.table.iter() {
                proptest::prop_assert_eq!(lex.table.get(key), Some(info));
            }
        }
    }
}
