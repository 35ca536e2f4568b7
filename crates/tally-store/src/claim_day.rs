//! The day a claim is listed by, stored in `claims.day` (schema version 11).
//!
//! A claim's day is the first day its said-at value covers (see `when.rs`), or its first
//! document's publication date when that value is missing or undated (`PRESENT_REF`,
//! `XXXX-03`); NULL when neither is known. The claims list orders and filters by it
//! through the `claims_day` index instead of computing it for every claim.

use rusqlite::{Connection, params};

/// A claim's day from its said-at value and its first document's publication date.
pub(crate) fn day(said: Option<&str>, published: Option<&str>) -> Option<String> {
    said.and_then(crate::when::first_day)
        .or_else(|| published.map(str::to_owned))
}

/// Adds and fills `claims.day` for every stored claim and creates its index (schema
/// version 11, in the migration's transaction). The index comes after the values: one
/// sorted build instead of an index update per row.
pub(crate) fn backfill(tx: &Connection) -> rusqlite::Result<()> {
    let has_day: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM pragma_table_info('claims') WHERE name = 'day')",
        [],
        |r| r.get(0),
    )?;
    if !has_day {
        tx.execute_batch("ALTER TABLE claims ADD COLUMN day TEXT;")?;
    }
    let mut rows = tx.prepare(
        "SELECT c.pk, c.said_date, d.published_date FROM claims c
         LEFT JOIN documents d ON d.pk = c.first_doc_pk",
    )?;
    let mut update = tx.prepare("UPDATE claims SET day = ?2 WHERE pk = ?1")?;
    let mut read = rows.query([])?;
    while let Some(row) = read.next()? {
        let pk: i64 = row.get(0)?;
        let said: Option<String> = row.get(1)?;
        let published: Option<String> = row.get(2)?;
        if let Some(day) = day(said.as_deref(), published.as_deref()) {
            update.execute(params![pk, day])?;
        }
    }
    tx.execute_batch("CREATE INDEX IF NOT EXISTS claims_day ON claims(day DESC);")
}

#[cfg(test)]
mod tests {
    use super::day;

    #[test]
    fn said_days_first_then_publication() {
        let cases = [
            (Some("2024-03-05"), Some("2024-03-09"), Some("2024-03-05")),
            (Some("2024-03-05T10:00"), None, Some("2024-03-05")),
            (Some("2016-Q2"), Some("2016-07-01"), Some("2016-04-01")),
            (Some("2016-W11"), None, Some("2016-03-14")),
            (Some("PRESENT_REF"), Some("2024-03-09"), Some("2024-03-09")),
            (Some("XXXX-03"), None, None),
            (None, Some("2024-03-09"), Some("2024-03-09")),
            (None, None, None),
        ];
        for (said, published, want) in cases {
            assert_eq!(
                day(said, published).as_deref(),
                want,
                "{said:?} {published:?}"
            );
        }
    }
}
