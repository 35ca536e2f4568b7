//! FNV-1a hashing for the lexicon's small string maps.
//!
//! The extractor looks up almost every word near a trigger; the standard library's SipHash
//! is built to resist hash flooding, which a fixed bundled vocabulary does not need, and
//! it showed as a tenth of the extractor's time in profiles.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// 64-bit FNV-1a.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with FNV-1a.
pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with FNV-1a.
pub(crate) type FnvSet<K> = HashSet<K, BuildHasherDefault<Fnv>>;
