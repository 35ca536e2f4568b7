//! The claims this connection stored or looked up, by key, as their rows now are.
//!
//! Finds: a syndicated copy's claim without a query. Each claim a copy carries is already
//! stored; the writer reads its row by key (a seek into the random-key `claims` index, then
//! the row) to merge the copy's said-at date and written names into it. On the 220 MB bench
//! corpus 435,000 of the 519,000 claim carriers are such repeats, and their lookups were
//! about 2.7 % of ingest's CPU: cache misses in an index as large as the store's claims.
//!
//! Example: the first copy of a wire story inserts its claim and records its pk, first
//! document and said-at date here; the tenth copy finds them here, and when it carries an
//! earlier said-at date the row is updated and so is the entry.
//!
//! Kept exact: the writer changes a claim's row only through the paths that also change
//! its entry; the whole map is dropped when a transaction rolls back, when a document is
//! replaced (its claims may be deleted) and when another connection commits (`PRAGMA
//! data_version`, read at every batch). Bounded: at most [`CAPACITY`] claims (about 100
//! bytes each, 13 MB in all); a claim that finds the map full is looked up as before.

use std::collections::HashMap;

/// Most claims held.
const CAPACITY: usize = if cfg!(test) { 4 } else { 1 << 17 };

/// A stored claim's row, as far as the writer reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Known {
    pub pk: i64,
    pub first_doc_pk: i64,
    pub said: Option<Box<str>>,
    pub names: Option<Box<str>>,
}

/// See the module doc.
#[derive(Debug, Default)]
pub(crate) struct KnownClaims {
    /// By the claim key's 128 bits (`claims.key` is their hex).
    map: HashMap<u128, Known>,
    /// `PRAGMA data_version` when the entries were read.
    data_version: Option<i64>,
}

fn bits(key: &str) -> Option<u128> {
    u128::from_str_radix(key, 16).ok()
}

impl KnownClaims {
    /// The claim stored under `key`, when held.
    pub fn get(&self, key: &str) -> Option<&Known> {
        self.map.get(&bits(key)?)
    }

    /// Records the claim's row as it now is (added when there is room).
    pub fn set(&mut self, key: &str, known: Known) {
        let Some(bits) = bits(key) else {
            return;
        };
        if self.map.len() < CAPACITY || self.map.contains_key(&bits) {
            self.map.insert(bits, known);
        }
    }

    /// Forgets every claim (the rows may have changed or gone).
    pub fn clear(&mut self) {
        self.map.clear();
    }

    /// Before a batch: forgets every claim when another connection has committed since
    /// the last batch (`data_version` is `PRAGMA data_version` now).
    pub fn at_version(&mut self, data_version: i64) {
        if self.data_version != Some(data_version) {
            self.map.clear();
            self.data_version = Some(data_version);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known(pk: i64) -> Known {
        Known {
            pk,
            first_doc_pk: 1,
            said: Some("2024-03-01".into()),
            names: None,
        }
    }

    #[test]
    fn holds_claims_up_to_its_capacity_and_updates_held_ones() {
        let mut claims = KnownClaims::default();
        for pk in 0..10 {
            claims.set(&format!("{pk:032x}"), known(pk));
        }
        assert_eq!(claims.map.len(), CAPACITY);
        assert_eq!(claims.get(&format!("{:032x}", 1)), Some(&known(1)));
        assert_eq!(claims.get(&format!("{:032x}", 9)), None, "no room");
        let mut earlier = known(1);
        earlier.said = Some("2024-02-01".into());
        claims.set(&format!("{:032x}", 1), earlier.clone());
        assert_eq!(claims.get(&format!("{:032x}", 1)), Some(&earlier));
        assert_eq!(claims.get("not hex"), None);
    }

    #[test]
    fn another_connections_commit_forgets_every_claim() {
        let mut claims = KnownClaims::default();
        claims.at_version(3);
        claims.set(&format!("{:032x}", 7), known(7));
        claims.at_version(3);
        assert!(claims.get(&format!("{:032x}", 7)).is_some());
        claims.at_version(4);
        assert!(claims.get(&format!("{:032x}", 7)).is_none());
    }
}
