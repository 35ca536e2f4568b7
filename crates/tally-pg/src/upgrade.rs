//! Upgrading a mirror made from an older store schema version in place, as the store's
//! migrations upgrade the SQLite file, so a store upgraded by a newer tally can push into
//! the mirror its older version filled.
//!
//! The target is the pushing store's own catalog (no per-version steps to keep in step with
//! the store's migrations): tables the mirror lacks are created; columns it lacks are added
//! (nullable: the rows already there have no value); a column the store dropped loses its
//! NOT NULL (pushes no longer write it; its old values stay); primary keys and unique
//! constraints that differ are dropped and added as the store has them; indexes of the
//! store's names whose columns differ, and full-text views over other columns or another
//! table, are dropped and made again.
//!
//! Rows mirrored before the upgrade lack what the newer schema adds (a column, or the rows
//! of a new table). When the upgrade adds any, every document already in the mirror is
//! listed in [`STALE`]; a later push that carries one of them, from any store at the new
//! version, replaces it, rows and all, as it replaces a document re-extracted since it was
//! pushed, unless PostgreSQL's copy comes from a newer ingest. Documents that no store
//! pushes again keep their old rows.
//!
//! Limitations: a column's type is not changed; an index or constraint the store no longer
//! has is dropped only when it is a key or unique constraint (an index of another name may
//! be an administrator's own); rows that break a new key make the upgrade fail and leave
//! the mirror as it was (one transaction).

use postgres::Transaction;

use crate::PgError;
use crate::ddl::{self, META, qualified};
use crate::sqlite::{Kind, Schema, Table, quote};

/// The mirror's table of documents pushed under an older schema version (their `pk`s).
pub const STALE: &str = "tally_stale_documents";

/// Brings the mirror in `pg` from store schema version `found` to `schema`'s, inside the
/// caller's transaction (which holds the push's advisory lock).
pub(crate) fn upgrade(
    tx: &mut Transaction<'_>,
    pg: &str,
    schema: &Schema,
    found: i64,
) -> Result<(), PgError> {
    let mut refresh = false;
    for table in &schema.tables {
        let have = columns(tx, pg, &table.name)?;
        if have.is_empty() {
            // A new table of document rows: the mirrored documents have none.
            refresh |= table.kind == Kind::Child;
            continue;
        }
        refresh |= align_columns(tx, pg, table, &have)?;
        align_keys(tx, pg, table)?;
        align_indexes(tx, pg, table)?;
    }
    align_full_text(tx, pg, schema)?;
    for statement in ddl::statements(pg, schema) {
        tx.batch_execute(&statement)?;
    }
    if refresh {
        mark_stale(tx, pg, schema)?;
    }
    let meta = qualified(pg, META);
    tx.execute(
        &format!(
            "INSERT INTO {meta} (key, value) VALUES ('schema_version', $1), ($2, $3)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value"
        ),
        &[
            &schema.version.to_string(),
            &format!("upgraded_to_{}", schema.version),
            &format!(
                "from version {found} by tally-pg {}",
                env!("CARGO_PKG_VERSION")
            ),
        ],
    )?;
    Ok(())
}

/// The mirror table's columns and whether each is NOT NULL; empty when there is no table.
fn columns(
    tx: &mut Transaction<'_>,
    pg: &str,
    table: &str,
) -> Result<Vec<(String, bool)>, PgError> {
    Ok(tx
        .query(
            "SELECT column_name::text, is_nullable = 'NO' FROM information_schema.columns
             WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position",
            &[&pg, &table],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect())
}

/// Adds the store's columns the mirror lacks and frees the ones the store dropped from NOT
/// NULL. Returns whether any column was added.
fn align_columns(
    tx: &mut Transaction<'_>,
    pg: &str,
    table: &Table,
    have: &[(String, bool)],
) -> Result<bool, PgError> {
    let name = qualified(pg, &table.name);
    let mut added = false;
    for column in &table.columns {
        if !have.iter().any(|(c, _)| *c == column.name) {
            tx.batch_execute(&format!(
                "ALTER TABLE {name} ADD COLUMN {} {}",
                quote(&column.name),
                column.ty.pg()
            ))?;
            added = true;
        }
    }
    for (column, not_null) in have {
        if *not_null && table.column(column).is_none() {
            tx.batch_execute(&format!(
                "ALTER TABLE {name} ALTER COLUMN {} DROP NOT NULL",
                quote(column)
            ))?;
        }
    }
    Ok(added)
}

/// Makes the mirror table's primary key and unique constraints the store's.
fn align_keys(tx: &mut Transaction<'_>, pg: &str, table: &Table) -> Result<(), PgError> {
    let name = qualified(pg, &table.name);
    let constraints: Vec<(String, String, Vec<String>)> = tx
        .query(
            "SELECT con.conname::text, con.contype::text,
                 array(SELECT a.attname::text
                       FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, i)
                       JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
                       ORDER BY k.i)
             FROM pg_constraint con
             WHERE con.conrelid = $1::text::regclass AND con.contype IN ('p', 'u')",
            &[&name],
        )?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let names_of = |cols: &[usize]| -> Vec<String> {
        cols.iter()
            .map(|&c| table.columns[c].name.clone())
            .collect()
    };
    let pk = names_of(&table.pk);
    let unique: Vec<Vec<String>> = table.unique.iter().map(|u| names_of(u)).collect();
    let mut has_pk = false;
    let mut has_unique = vec![false; unique.len()];
    for (constraint, kind, cols) in &constraints {
        let keep = if kind == "p" {
            has_pk = *cols == pk;
            has_pk
        } else if let Some(i) = unique.iter().position(|u| u == cols) {
            has_unique[i] = true;
            true
        } else {
            false
        };
        if !keep {
            tx.batch_execute(&format!(
                "ALTER TABLE {name} DROP CONSTRAINT {}",
                quote(constraint)
            ))?;
        }
    }
    if !has_pk && !pk.is_empty() {
        tx.batch_execute(&format!(
            "ALTER TABLE {name} ADD PRIMARY KEY ({})",
            ddl::names(table, &table.pk)
        ))?;
    }
    for (cols, _) in table
        .unique
        .iter()
        .zip(&has_unique)
        .filter(|(_, has)| !**has)
    {
        tx.batch_execute(&format!(
            "ALTER TABLE {name} ADD UNIQUE ({})",
            ddl::names(table, cols)
        ))?;
    }
    Ok(())
}

/// Drops the mirror's indexes of the store's index names whose columns or uniqueness
/// differ; [`ddl::statements`] makes them again.
fn align_indexes(tx: &mut Transaction<'_>, pg: &str, table: &Table) -> Result<(), PgError> {
    for index in &table.indexes {
        let name = qualified(pg, &index.name);
        let Some(row) = tx.query_opt(
            "SELECT array(SELECT pg_get_indexdef(i.indexrelid, k, true)
                          FROM generate_series(1, i.indnatts) AS k ORDER BY k),
                 i.indisunique
             FROM pg_index i WHERE i.indexrelid = to_regclass($1::text)",
            &[&name],
        )?
        else {
            continue;
        };
        let (have, unique): (Vec<String>, bool) = (row.get(0), row.get(1));
        let want: Vec<String> = ddl::index_columns(index)
            .map(|c| table.columns[c].name.clone())
            .collect();
        if have != want || unique != index.unique {
            tx.batch_execute(&format!("DROP INDEX {name}"))?;
        }
    }
    Ok(())
}

/// Drops the full-text views (and their indexes) that read other columns or another table
/// than the store's FTS5 tables; [`ddl::statements`] makes them again.
fn align_full_text(tx: &mut Transaction<'_>, pg: &str, schema: &Schema) -> Result<(), PgError> {
    for fts in &schema.full_text {
        let table = &schema.tables[fts.table];
        let have = columns(tx, pg, &fts.name)?;
        if have.is_empty() {
            continue;
        }
        let base: Vec<String> = tx
            .query(
                "SELECT table_name::text FROM information_schema.view_table_usage
                 WHERE view_schema = $1 AND view_name = $2",
                &[&pg, &fts.name],
            )?
            .iter()
            .map(|r| r.get(0))
            .collect();
        let want: Vec<String> = std::iter::once("rowid".to_owned())
            .chain(fts.columns.iter().map(|&c| table.columns[c].name.clone()))
            .chain(std::iter::once("fts".to_owned()))
            .collect();
        let have: Vec<String> = have.into_iter().map(|(c, _)| c).collect();
        if have != want || base != [table.name.clone()] {
            tx.batch_execute(&format!(
                "DROP VIEW {}; DROP INDEX IF EXISTS {}",
                qualified(pg, &fts.name),
                qualified(pg, &ddl::full_text_index(&fts.name))
            ))?;
        }
    }
    Ok(())
}

/// Lists every mirrored document as pushed under an older schema.
fn mark_stale(tx: &mut Transaction<'_>, pg: &str, schema: &Schema) -> Result<(), PgError> {
    let root = &schema.tables[schema.root];
    let Some(rowid) = root.rowid else {
        return Ok(());
    };
    let stale = qualified(pg, STALE);
    tx.batch_execute(&format!(
        "CREATE TABLE IF NOT EXISTS {stale} (pk BIGINT PRIMARY KEY);
         INSERT INTO {stale} (pk) SELECT {} FROM {} ON CONFLICT DO NOTHING",
        quote(&root.columns[rowid].name),
        qualified(pg, &root.name)
    ))?;
    Ok(())
}
