//! The speakers list's counts (`speaker_counts`, schema version 12; see the migration).
//!
//! Triggers count each carrier added; a carrier deleted marks its claimant stale, and
//! [`refresh`] recomputes those rows from `speaker_counts_rows` before the writer commits.

use rusqlite::Connection;

/// Recomputes the claimants marked stale since the last refresh (in the writer's
/// transaction). Nothing to do in a transaction that replaced no document.
pub(crate) fn refresh(tx: &Connection) -> rusqlite::Result<()> {
    let stale: bool = tx
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM speaker_counts_stale)")?
        .query_row([], |r| r.get(0))?;
    if !stale {
        return Ok(());
    }
    tx.execute_batch(
        "DELETE FROM speaker_counts WHERE (name_key, kind, anonymous) IN
             (SELECT name_key, kind, anonymous FROM speaker_counts_stale);
         INSERT INTO speaker_counts SELECT * FROM speaker_counts_rows
             WHERE (name_key, kind, anonymous) IN
                 (SELECT name_key, kind, anonymous FROM speaker_counts_stale);
         DELETE FROM speaker_counts_stale;",
    )
}
