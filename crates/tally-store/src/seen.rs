//! What the writer knows is not stored: a Bloom filter of the stored documents' content
//! hashes, LSH bands and claim keys, so a new document with no possible copy, and a claim
//! no document carried before, skip their lookups.
//!
//! Finding a new document's syndication cluster looks up its content hash (an exact copy)
//! and its eight LSH bands (a near copy): nine seeks into indexes with random keys, for
//! every document, although nearly every document has no copy at all (on the 53,302-article
//! bench corpus, 373,204 distinct bands among 426,416). Those seeks were a tenth of the
//! writer's CPU. A key the filter has never seen is surely not stored; a key it may have
//! seen is looked up as before, so clusters are exactly what the lookups alone give.
//!
//! A claim is looked up by its key before it is inserted (a copy's claim is stored once,
//! with every carrier); most claims are new, and their seek into the random-key `claims`
//! index found nothing. A claim key the filter has never seen is inserted without it.
//!
//! Example: a wire story's third copy has its content hash in the filter (the first two
//! were stored), so its lookup runs and finds their cluster; an original story has none of
//! its nine keys in the filter and runs no lookup, nor do its claims.
//!
//! Limitations: the filter is built from the database (every band, content hash and claim
//! key, read once) only when the session writes enough documents to pay for that read, so a small
//! ingest into a large store keeps the lookups. Keys of deleted rows (a replaced document,
//! a rolled-back batch) stay in it: a false positive costs only the lookup. Another
//! connection's commit (a second ingest into the same file) is seen through `PRAGMA
//! data_version`, and the filter is dropped and rebuilt. It holds 2 bytes per key (about 26
//! bytes per document with four claims, 26 MB per million), at least 2 MiB and at most 32
//! MiB; past that its false positives rise and more lookups run, never fewer than needed.

use rusqlite::Connection;
use xxhash_rust::xxh3::xxh3_64;

use crate::known::KnownClaims;

/// Bits per key the filter is sized for; with 3 probes the false-positive rate is about
/// 0.3 % at that load, and the filter is rebuilt twice as large when it is exceeded.
const BITS_PER_KEY: usize = 16;
/// The smallest filter, in bits: 2 MiB, room for a million keys (about 110,000 documents)
/// before the first rebuild, each of which reads every key back from the database (with
/// 128 KiB, the rebuilds on the way to 53,302 documents cost half of what the filter saved).
/// Tests use a small one, to reach a rebuild.
const MIN_BITS: usize = if cfg!(test) { 1 << 12 } else { 1 << 24 };
/// The largest filter, in bits (32 MiB).
const MAX_BITS: usize = 1 << 28;
/// The filter is built once the session has written this many documents for each
/// `BUILD_RATIO` stored: reading every key costs about what that many documents' lookups
/// would.
const BUILD_RATIO: u64 = 16;

/// The filter, once built; see the module doc.
#[derive(Debug, Default)]
pub(crate) struct Seen {
    filter: Option<Filter>,
    /// Documents written through this connection (new or replaced).
    written: u64,
    /// What the writer knows is stored: claims by key (see [`KnownClaims`]).
    pub claims: KnownClaims,
}

#[derive(Debug)]
struct Filter {
    bits: Vec<u64>,
    /// Keys inserted, and the most before it is rebuilt larger.
    keys: usize,
    capacity: usize,
    /// `PRAGMA data_version` when built: it changes when another connection commits.
    data_version: i64,
}

/// A document's content hash as a key (bands are hashes already).
pub(crate) fn content_key(content_hash: &str) -> u64 {
    prefixed(b'c', content_hash)
}

/// Prefixed so a content hash's key and a claim key's do not coincide with each other's or
/// a band's by construction.
fn prefixed(prefix: u8, text: &str) -> u64 {
    let mut bytes = Vec::with_capacity(text.len() + 1);
    bytes.push(prefix);
    bytes.extend_from_slice(text.as_bytes());
    xxh3_64(&bytes)
}

/// A claim's key (`claims.key`) as a filter key.
pub(crate) fn claim_key(key: &str) -> u64 {
    prefixed(b'k', key)
}

pub(crate) fn band_key(band: i64) -> u64 {
    u64::from_le_bytes(band.to_le_bytes())
}

impl Seen {
    /// Before a batch of `documents` is written: builds the filter once the session has
    /// written enough to pay for it, and drops it and the known claims when another
    /// connection has committed.
    pub fn prepare(&mut self, conn: &Connection, documents: usize) -> rusqlite::Result<()> {
        self.written += documents as u64;
        let version = data_version(conn)?;
        self.claims.at_version(version);
        if let Some(filter) = &self.filter {
            if version == filter.data_version {
                return Ok(());
            }
            self.filter = None;
        }
        // The largest pk counts the documents (rows are never deleted at the top) without
        // the scan of `count(*)`.
        let stored: i64 =
            conn.query_row("SELECT coalesce(max(pk), 0) FROM documents", [], |r| {
                r.get(0)
            })?;
        if u64::try_from(stored).unwrap_or(0) <= self.written.saturating_mul(BUILD_RATIO) {
            self.filter = Some(Filter::build(conn)?);
        }
        Ok(())
    }

    /// Whether the key may be stored (always, when there is no filter).
    pub fn may_contain(&self, key: u64) -> bool {
        self.filter.as_ref().is_none_or(|f| f.may_contain(key))
    }

    /// Records a key being stored.
    pub fn insert(&mut self, conn: &Connection, key: u64) -> rusqlite::Result<()> {
        let Some(filter) = &mut self.filter else {
            return Ok(());
        };
        if filter.keys >= filter.capacity && filter.bits.len() * 64 < MAX_BITS {
            // Full: rebuild larger from the rows (this transaction's included, which this
            // connection sees), then add the key.
            *filter = Filter::build(conn)?;
        }
        filter.insert(key);
        Ok(())
    }
}

fn data_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.query_row("PRAGMA data_version", [], |r| r.get(0))
}

impl Filter {
    fn build(conn: &Connection) -> rusqlite::Result<Filter> {
        let data_version = data_version(conn)?;
        let keys: i64 = conn.query_row(
            "SELECT (SELECT count(*) FROM lsh_bands) + (SELECT count(*) FROM documents)
                 + (SELECT count(*) FROM claims)",
            [],
            |r| r.get(0),
        )?;
        // Room for twice the stored keys, so a session doubles the store before a rebuild.
        let want = usize::try_from(keys)
            .unwrap_or(0)
            .saturating_mul(2 * BITS_PER_KEY);
        let bits = want.next_power_of_two().clamp(MIN_BITS, MAX_BITS);
        let mut filter = Filter {
            bits: vec![0; bits / 64],
            keys: 0,
            capacity: bits / BITS_PER_KEY,
            data_version,
        };
        let mut st = conn.prepare("SELECT band FROM lsh_bands")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            filter.insert(band_key(row.get(0)?));
        }
        let mut st = conn.prepare("SELECT content_hash FROM documents")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            filter.insert(content_key(row.get_ref(0)?.as_str()?));
        }
        let mut st = conn.prepare("SELECT key FROM claims")?;
        let mut rows = st.query([])?;
        while let Some(row) = rows.next()? {
            filter.insert(claim_key(row.get_ref(0)?.as_str()?));
        }
        Ok(filter)
    }

    /// The three probes' bit positions (double hashing of a well-mixed key).
    fn probes(&self, key: u64) -> [usize; 3] {
        let mask = self.bits.len() * 64 - 1;
        let h1 = key;
        let h2 = key.rotate_left(32) ^ 0x9e37_79b9_7f4a_7c15 | 1;
        [0u64, 1, 2].map(|i| (h1.wrapping_add(i.wrapping_mul(h2)) as usize) & mask)
    }

    fn may_contain(&self, key: u64) -> bool {
        self.probes(key)
            .iter()
            .all(|&bit| self.bits[bit / 64] & (1 << (bit % 64)) != 0)
    }

    fn insert(&mut self, key: u64) {
        for bit in self.probes(key) {
            self.bits[bit / 64] |= 1 << (bit % 64);
        }
        self.keys += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn db(documents: usize) -> rusqlite::Result<Connection> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(
            "CREATE TABLE documents (pk INTEGER PRIMARY KEY, content_hash TEXT NOT NULL);
             CREATE TABLE lsh_bands (band INTEGER NOT NULL, doc_pk INTEGER NOT NULL);
             CREATE TABLE claims (pk INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);",
        )?;
        for pk in 0..documents as i64 {
            conn.execute(
                "INSERT INTO documents VALUES (?1, ?2)",
                rusqlite::params![pk, format!("hash{pk}")],
            )?;
            conn.execute("INSERT INTO lsh_bands VALUES (?1, ?1)", [pk * 1_000_003])?;
            conn.execute(
                "INSERT INTO claims (key) VALUES (?1)",
                [format!("claim{pk}")],
            )?;
        }
        Ok(conn)
    }

    #[test]
    fn stored_keys_are_always_found_and_most_others_are_not() -> rusqlite::Result<()> {
        let conn = db(2_000)?;
        let mut seen = Seen::default();
        seen.prepare(&conn, 512)?;
        assert!(
            seen.filter.is_some(),
            "2,000 stored, 512 written: worth building"
        );
        for pk in 0..2_000i64 {
            assert!(seen.may_contain(content_key(&format!("hash{pk}"))));
            assert!(seen.may_contain(band_key(pk * 1_000_003)));
            assert!(seen.may_contain(claim_key(&format!("claim{pk}"))));
        }
        seen.insert(&conn, content_key("new"))?;
        assert!(seen.may_contain(content_key("new")));
        let false_positives = (0..10_000)
            .filter(|i| seen.may_contain(content_key(&format!("absent{i}"))))
            .count();
        assert!(false_positives < 100, "{false_positives} of 10,000");
        let false_positives = (0..10_000)
            .filter(|i| seen.may_contain(claim_key(&format!("absent{i}"))))
            .count();
        assert!(false_positives < 100, "claims: {false_positives} of 10,000");
        Ok(())
    }

    #[test]
    fn a_small_write_into_a_large_store_keeps_the_lookups() -> rusqlite::Result<()> {
        let conn = db(2_000)?;
        let mut seen = Seen::default();
        seen.prepare(&conn, 10)?;
        assert!(seen.filter.is_none());
        assert!(seen.may_contain(content_key("anything")));
        // Later batches of the same session add up.
        for _ in 0..12 {
            seen.prepare(&conn, 10)?;
        }
        assert!(seen.filter.is_some(), "130 written for 2,000 stored");
        Ok(())
    }

    #[test]
    fn a_full_filter_is_rebuilt_larger_and_keeps_every_key() -> rusqlite::Result<()> {
        let conn = db(10)?;
        let mut seen = Seen::default();
        seen.prepare(&conn, 10)?;
        let capacity = seen.filter.as_ref().map_or(0, |f| f.capacity);
        for i in 0..capacity as i64 + 10 {
            // Stored as the writer does: the row, then its key.
            conn.execute("INSERT INTO lsh_bands VALUES (?1, 0)", [i * 7 + 1])?;
            seen.insert(&conn, band_key(i * 7 + 1))?;
        }
        let filter = seen.filter.as_ref().map_or(0, |f| f.bits.len() * 64);
        assert!(filter > MIN_BITS, "rebuilt larger: {filter} bits");
        assert!((0..capacity as i64 + 10).all(|i| seen.may_contain(band_key(i * 7 + 1))));
        Ok(())
    }

    #[test]
    fn another_connections_commit_drops_the_filter() -> rusqlite::Result<()> {
        let dir = std::env::temp_dir().join(format!("tally-seen-{}", std::process::id()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| rusqlite::Error::ToSqlConversionFailure(e.into()))?;
        let path = dir.join("t.db");
        let _ = std::fs::remove_file(&path);
        let conn = Connection::open(&path)?;
        conn.execute_batch(
            "CREATE TABLE documents (pk INTEGER PRIMARY KEY, content_hash TEXT NOT NULL);
             CREATE TABLE lsh_bands (band INTEGER NOT NULL, doc_pk INTEGER NOT NULL);
             CREATE TABLE claims (pk INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE);",
        )?;
        let mut seen = Seen::default();
        seen.prepare(&conn, 1)?;
        assert!(!seen.may_contain(content_key("other")));
        let other = Connection::open(&path)?;
        other.execute("INSERT INTO documents VALUES (1, 'other')", [])?;
        seen.prepare(&conn, 1)?;
        assert!(
            seen.may_contain(content_key("other")),
            "rebuilt from the file"
        );
        let _ = std::fs::remove_dir_all(&dir);
        Ok(())
    }
}
