//! The speakers list's counts (`speaker_counts`, schema version 12; see the migration).
//!
//! The writer counts the new documents' claimants once their carriers are in ([`count`]),
//! one statement per commit: the per-carrier triggers of schema 12 cost about 3.8 us a
//! carrier (schema 13 drops them). A replaced document's claimants, before and
//! after, are marked stale ([`mark`]) and [`refresh`] recomputes those rows from
//! `speaker_counts_rows` before the writer commits (a greatest value cannot be lowered by
//! a count).

use rusqlite::Connection;

/// Adds the claimants of the new documents from pk `first` up (their carriers are
/// written): one statement per commit, one upsert per claimant. A claim counts in the
/// document of its first carrier (no document with a lower pk carries it): a new
/// document's pk is above every stored one, so each claim counts once. The name shown is
/// the greatest spelling in the newest document, as in `speaker_counts_rows`, whose
/// grouping this is, limited to the new documents.
pub(crate) fn count(tx: &Connection, first: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT INTO speaker_counts (name_key, kind, anonymous, name, name_doc, claims, documents, role, affiliation)
        WITH per_doc AS (
            SELECT lower(c.claimant_name) AS name_key, c.claimant_kind AS kind,
                c.claimant_anonymous AS anonymous, i.doc_pk, max(c.claimant_name) AS name,
                max(s.role) AS role, max(s.affiliation) AS affiliation,
                count(DISTINCT CASE WHEN NOT EXISTS (SELECT 1 FROM claim_instances o
                    WHERE o.claim_pk = i.claim_pk AND o.doc_pk < i.doc_pk) THEN i.claim_pk END) AS claims
            FROM claim_instances i
            JOIN claims c ON c.pk = i.claim_pk
            LEFT JOIN speakers s ON s.doc_pk = i.doc_pk AND s.id = i.speaker_id
            WHERE i.doc_pk >= ?1
            GROUP BY 1, 2, 3, 4
        ), newest AS (
            -- The bare `name` comes from the row of max(doc_pk).
            SELECT name_key, kind, anonymous, name, max(doc_pk) AS name_doc
            FROM per_doc
            GROUP BY 1, 2, 3
        ), found AS (
            SELECT name_key, kind, anonymous, sum(claims) AS claims, count(*) AS documents,
                max(role) AS role, max(affiliation) AS affiliation
            FROM per_doc
            GROUP BY 1, 2, 3
        )
        SELECT n.name_key, n.kind, n.anonymous, n.name, n.name_doc, f.claims, f.documents, f.role,
            f.affiliation
        FROM newest n JOIN found f USING (name_key, kind, anonymous) WHERE true
        ON CONFLICT (name_key, kind, anonymous) DO UPDATE SET
            claims = claims + excluded.claims,
            documents = documents + excluded.documents,
            name = CASE WHEN excluded.name_doc > name_doc THEN excluded.name
                WHEN excluded.name_doc = name_doc THEN max(name, excluded.name) ELSE name END,
            name_doc = max(name_doc, excluded.name_doc),
            role = max(coalesce(role, excluded.role), coalesce(excluded.role, role)),
            affiliation = max(coalesce(affiliation, excluded.affiliation),
                coalesce(excluded.affiliation, affiliation))",
    )?
    .execute([first])?;
    Ok(())
}

/// Marks a document's claimants stale, for [`refresh`]: before its carriers are deleted
/// (a replacement) and after its new ones are written.
pub(crate) fn mark(tx: &Connection, doc_pk: i64) -> rusqlite::Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO speaker_counts_stale (name_key, kind, anonymous)
         SELECT DISTINCT lower(c.claimant_name), c.claimant_kind, c.claimant_anonymous
         FROM claim_instances i JOIN claims c ON c.pk = i.claim_pk
         WHERE i.doc_pk = ?1",
    )?
    .execute([doc_pk])?;
    Ok(())
}

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
