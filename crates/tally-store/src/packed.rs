//! Rows held until their transaction commits, packed into one byte buffer per table.
//!
//! The writer keeps the rows of the random-key indexes' tables (entities, claim carriers,
//! figures) for up to a commit's worth of documents (see `write::PendingRows`). As
//! `rusqlite::types::Value` arrays a carrier row was sixteen 32-byte values and about ten
//! heap strings, several hundred bytes of allocator overhead above its data, each string
//! allocated when the row was built and freed after the commit. Packed, a row costs its
//! data and a tag byte per cell: a commit can span more documents in the same memory, and
//! the writer allocates and frees nothing per cell.
//!
//! Encoding: per cell a tag byte (`NULL`, `INT`, `REAL`, `TEXT`), then 8 little-endian
//! bytes for a number, or a LEB128 length and the UTF-8 bytes for a text. The rows are
//! bound as borrowed values: the same SQLite types (integer, real, text, null) as before.

use rusqlite::Connection;
use rusqlite::types::{ToSqlOutput, ValueRef};

const NULL: u8 = 0;
const INT: u8 = 1;
const REAL: u8 = 2;
const TEXT: u8 = 3;

/// One table's rows, `N` cells each.
#[derive(Debug, Default)]
pub(crate) struct Packed {
    bytes: Vec<u8>,
    rows: usize,
    /// Reused for text written by a closure, whose length is known only afterwards.
    scratch: Vec<u8>,
}

impl Packed {
    pub fn null(&mut self) {
        self.bytes.push(NULL);
    }

    pub fn int(&mut self, value: i64) {
        self.bytes.push(INT);
        self.bytes.extend_from_slice(&value.to_le_bytes());
    }

    pub fn opt_int(&mut self, value: Option<i64>) {
        match value {
            Some(v) => self.int(v),
            None => self.null(),
        }
    }

    pub fn opt_real(&mut self, value: Option<f64>) {
        match value {
            Some(v) => {
                self.bytes.push(REAL);
                self.bytes.extend_from_slice(&v.to_le_bytes());
            }
            None => self.null(),
        }
    }

    pub fn text(&mut self, value: &str) {
        self.bytes.push(TEXT);
        push_len(&mut self.bytes, value.len());
        self.bytes.extend_from_slice(value.as_bytes());
    }

    pub fn opt_text(&mut self, value: Option<&str>) {
        match value {
            Some(v) => self.text(v),
            None => self.null(),
        }
    }

    /// A text cell written by `write` (JSON serialized in place, without a `String`).
    /// `write` must write UTF-8.
    pub fn text_with(&mut self, write: impl FnOnce(&mut Vec<u8>)) {
        self.scratch.clear();
        write(&mut self.scratch);
        self.bytes.push(TEXT);
        push_len(&mut self.bytes, self.scratch.len());
        self.bytes.extend_from_slice(&self.scratch);
    }

    /// Ends the row whose cells were just pushed.
    pub fn end_row(&mut self) {
        self.rows += 1;
    }

    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.rows
    }

    /// Forgets every row, keeping the buffer's capacity for the next transaction's rows.
    pub fn clear(&mut self) {
        self.bytes.clear();
        self.rows = 0;
    }

    /// Inserts every row, in the order pushed, through `insert`'s multi-row statements
    /// (the largest that fits what is left, so a few statements per call); returns the sum
    /// of the rows each statement changed. `INSERT OR IGNORE` with several rows keeps the
    /// same row of two with one key as a statement per row did: `VALUES` rows go in order.
    pub fn insert(&self, conn: &Connection, insert: &MultiInsert) -> rusqlite::Result<u64> {
        let mut changed = 0u64;
        let mut at = 0usize;
        let mut left = self.rows;
        // Largest statements first, each fetched from the cache once: a cached statement
        // clears its bindings when handed back, freeing every bound text's copy.
        for (k, sql) in insert.sql.iter().enumerate().rev() {
            let rows = 1usize << k;
            if left < rows {
                continue;
            }
            let mut st = conn.prepare_cached(sql)?;
            while left >= rows {
                for index in 1..=rows * insert.cells {
                    // `ok_or_else`: the error is built only for a malformed cell, not for
                    // every cell (`ok_or` boxed and freed a message per cell).
                    let (value, next) = decode(&self.bytes, at).ok_or_else(malformed)?;
                    st.raw_bind_parameter(index, ToSqlOutput::Borrowed(value))?;
                    at = next;
                }
                changed += st.raw_execute()? as u64;
                left -= rows;
            }
        }
        Ok(changed)
    }
}

/// The most rows one statement of [`MultiInsert`] inserts: the fixed cost of a statement
/// (a reset, a cursor opened per index and positioned from the root, the bindings cleared
/// when the cached statement is handed back) is paid once per 8 rows instead of per row.
/// Larger statements cost more again: each bound text is copied into memory SQLite
/// allocates, from the connection's small lookaside pool while it lasts and from `malloc`
/// after. Writer instructions on 1,330 articles (callgrind): at most 1 row 2,640 M (before
/// the other changes of this step), 2 rows 2,338 M, 4: 2,269 M, 8: 2,237 M, 16: 2,248 M,
/// 32: 2,320 M.
const MAX_ROWS: usize = 8;

/// `INSERT ... VALUES (...), (...)` statements for one table, with 1, 2, 4, ... up to
/// [`MAX_ROWS`] rows each: any number of rows goes in as at most one statement per power
/// of two, and the connection's statement cache keeps the six texts prepared.
#[derive(Debug)]
pub(crate) struct MultiInsert {
    cells: usize,
    /// `sql[k]` inserts `2^k` rows.
    sql: Vec<String>,
}

impl MultiInsert {
    /// `head` is the statement up to `VALUES` (`INSERT OR IGNORE INTO t (a, b) VALUES`);
    /// each row binds `cells` parameters.
    pub fn new(head: &str, cells: usize) -> MultiInsert {
        let row = format!("({})", vec!["?"; cells].join(","));
        let sql = (0..=MAX_ROWS.trailing_zeros())
            .map(|k| format!("{head} {}", vec![row.as_str(); 1 << k].join(",")))
            .collect();
        MultiInsert { cells, sql }
    }
}

/// Only this module encodes the rows, so a row that does not decode is a bug here; it
/// fails the write (and rolls back its transaction) rather than binding garbage.
fn malformed() -> rusqlite::Error {
    rusqlite::Error::ToSqlConversionFailure("malformed pending row".into())
}

fn push_len(bytes: &mut Vec<u8>, mut len: usize) {
    loop {
        let low = (len & 0x7f) as u8;
        len >>= 7;
        if len == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

fn read_len(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let mut len = 0usize;
    for shift in (0..usize::BITS).step_by(7) {
        let byte = *bytes.get(at)?;
        at += 1;
        len |= usize::from(byte & 0x7f).checked_shl(shift)?;
        if byte & 0x80 == 0 {
            return Some((len, at));
        }
    }
    None
}

fn eight(bytes: &[u8], at: usize) -> Option<[u8; 8]> {
    bytes.get(at..at + 8)?.try_into().ok()
}

/// The cell at `at` and the offset after it.
fn decode(bytes: &[u8], at: usize) -> Option<(ValueRef<'_>, usize)> {
    let tag = *bytes.get(at)?;
    let at = at + 1;
    match tag {
        NULL => Some((ValueRef::Null, at)),
        INT => Some((
            ValueRef::Integer(i64::from_le_bytes(eight(bytes, at)?)),
            at + 8,
        )),
        REAL => Some((
            ValueRef::Real(f64::from_le_bytes(eight(bytes, at)?)),
            at + 8,
        )),
        TEXT => {
            let (len, at) = read_len(bytes, at)?;
            let end = at.checked_add(len)?;
            Some((ValueRef::Text(bytes.get(at..end)?), end))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::Connection;

    #[test]
    fn rows_bind_the_same_types_and_values_in_order() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("CREATE TABLE t (a, b, c, d, e)")?;
        let mut rows = Packed::default();
        let long = "x".repeat(300);
        for i in 0..3 {
            rows.int(i);
            rows.opt_real(Some(0.5 + i as f64));
            rows.text("héllo");
            rows.opt_text(None);
            rows.text_with(|b| b.extend_from_slice(long.as_bytes()));
            rows.end_row();
        }
        rows.int(-7);
        rows.opt_real(None);
        rows.text("");
        rows.opt_int(Some(i64::MAX));
        rows.text_with(|b| b.extend_from_slice(b"[]"));
        rows.end_row();
        assert_eq!(rows.len(), 4);
        let insert = MultiInsert::new("INSERT INTO t VALUES", 5);
        assert_eq!(rows.insert(&conn, &insert)?, 4);
        let got: Vec<String> = conn
            .prepare(
                "SELECT typeof(a) || ':' || a || ' ' || typeof(b) || ':' || coalesce(b, '-')
                     || ' ' || c || ' ' || typeof(d) || ':' || coalesce(d, '-') || ' '
                     || length(e) FROM t ORDER BY rowid",
            )?
            .query_map([], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        assert_eq!(
            got,
            [
                "integer:0 real:0.5 héllo null:- 300",
                "integer:1 real:1.5 héllo null:- 300",
                "integer:2 real:2.5 héllo null:- 300",
                "integer:-7 null:-  integer:9223372036854775807 2",
            ]
        );
        rows.clear();
        assert_eq!(rows.len(), 0);
        assert_eq!(rows.insert(&conn, &insert)?, 0);
        Ok(())
    }

    #[test]
    fn multi_row_statements_insert_every_row_once_in_order() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("CREATE TABLE t (k INTEGER PRIMARY KEY, v TEXT, n INTEGER)")?;
        let insert = MultiInsert::new("INSERT OR IGNORE INTO t (k, v, n) VALUES", 3);
        // 77 rows (32 + 32 + 8 + 4 + 1 per statement sizes), keys repeating every 50: the
        // first row of each key is kept, as row-by-row inserts kept it.
        let mut rows = Packed::default();
        for n in 0..77i64 {
            rows.int(n % 50);
            rows.text(&format!("row {n}"));
            rows.int(n);
            rows.end_row();
        }
        assert_eq!(rows.insert(&conn, &insert)?, 50);
        let kept: Vec<(i64, String, i64)> = conn
            .prepare("SELECT k, v, n FROM t ORDER BY k")?
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?
            .collect::<Result<_, _>>()?;
        assert_eq!(kept.len(), 50);
        assert!(
            kept.iter()
                .all(|(k, v, n)| k == n && *v == format!("row {n}"))
        );
        // Every size from 1 to 70 inserts exactly its rows.
        for len in 1..=70i64 {
            conn.execute_batch("DELETE FROM t")?;
            let mut rows = Packed::default();
            for n in 0..len {
                rows.int(n);
                rows.opt_text(None);
                rows.int(n * 2);
                rows.end_row();
            }
            assert_eq!(rows.insert(&conn, &insert)?, len as u64);
            let (count, sum): (i64, i64) =
                conn.query_row("SELECT count(*), sum(n) FROM t", [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
            assert_eq!((count, sum), (len, len * (len - 1)));
        }
        Ok(())
    }

    #[test]
    fn lengths_round_trip_across_byte_boundaries() {
        for len in [0usize, 1, 127, 128, 300, 16_383, 16_384, 1 << 30] {
            let mut bytes = Vec::new();
            push_len(&mut bytes, len);
            assert_eq!(read_len(&bytes, 0), Some((len, bytes.len())), "{len}");
        }
    }

    #[test]
    fn a_truncated_row_is_an_error_not_a_panic() -> rusqlite::Result<()> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch("CREATE TABLE t (a, b)")?;
        let mut rows = Packed::default();
        rows.int(1);
        rows.end_row();
        assert!(
            rows.insert(&conn, &MultiInsert::new("INSERT INTO t VALUES", 2))
                .is_err()
        );
        Ok(())
    }
}
