//! Documents re-extracted in a store since they were pushed: replaced in PostgreSQL, rows
//! and all, with the shared rows only they carried.

use std::collections::{HashMap, HashSet};

use postgres::types::ToSql;

use super::{Added, Pusher, Row};
use crate::PgError;
use crate::ddl::{self, qualified};
use crate::sqlite::{CLUSTER, Kind, REPLACE_NEWER, quote};
use crate::upgrade::STALE;
use crate::value::Array;

impl Pusher<'_> {
    /// Documents PostgreSQL has from an older ingest than the store's (re-extracted with
    /// `tally ingest --replace` since, in this store or another): their rows are deleted
    /// and the document row updated; the caller inserts the store's rows. Returns their
    /// indices in `docs`.
    pub(super) fn replace_newer(
        &mut self,
        tx: &mut postgres::Transaction<'_>,
        docs: &[&Row],
        new: &[usize],
        children: &[usize],
        added: &mut Added,
    ) -> Result<Vec<usize>, PgError> {
        let schema = self.schema;
        let root = schema.root;
        let table = &schema.tables[root];
        let (Some(rowid), Some(stamp)) = (
            table.rowid,
            (table.name == REPLACE_NEWER.0)
                .then(|| table.column(REPLACE_NEWER.1))
                .flatten(),
        ) else {
            return Ok(Vec::new());
        };
        let new: HashSet<usize> = new.iter().copied().collect();
        let existing: Vec<(usize, i64)> = (0..docs.len())
            .filter(|i| !new.contains(i))
            .filter_map(|i| Some((i, self.maps.get(root, docs[i][rowid].as_int()?)?)))
            .collect();
        if existing.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = existing.iter().map(|&(_, id)| id).collect();
        let sql = format!(
            "SELECT {pk}, {stamp}::TEXT FROM {t} WHERE {pk} = ANY($1::BIGINT[])",
            pk = quote(&table.columns[rowid].name),
            stamp = quote(&table.columns[stamp].name),
            t = qualified(&self.pg, &table.name),
        );
        let stamps: HashMap<i64, Option<String>> = tx
            .query(&sql, &[&ids])?
            .iter()
            .map(|r| (r.get(0), r.get(1)))
            .collect();
        let upgraded = self.pushed_before_upgrade(tx, &ids)?;
        let stale: Vec<(usize, i64)> = existing
            .into_iter()
            .filter(|&(i, id)| {
                let ours = docs[i][stamp].key();
                // A copy pushed under an older schema lacks what the store's rows have,
                // unless PostgreSQL's is the newer ingest.
                let older = |t: &str| ours.as_str() > t || (upgraded.contains(&id) && ours == t);
                stamps
                    .get(&id)
                    .is_some_and(|theirs| theirs.as_deref().is_none_or(older))
            })
            .collect();
        if stale.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = stale.iter().map(|&(_, id)| id).collect();
        if !upgraded.is_empty() {
            tx.execute(
                &format!(
                    "DELETE FROM {} WHERE pk = ANY($1::BIGINT[])",
                    qualified(&self.pg, STALE)
                ),
                &[&ids],
            )?;
        }
        for &c in children {
            let child = &schema.tables[c];
            let Some(doc_col) = child.doc_column else {
                continue;
            };
            tx.execute(
                &format!(
                    "DELETE FROM {} WHERE {} = ANY($1::BIGINT[])",
                    qualified(&self.pg, &child.name),
                    quote(&child.columns[doc_col].name)
                ),
                &[&ids],
            )?;
        }
        // The document row takes the store's values, but keeps its id, content id and
        // cluster in PostgreSQL.
        let rows: Vec<&Row> = stale.iter().map(|&(i, _)| docs[i]).collect();
        for r in &table.refs {
            if r.target != root && schema.tables[r.target].kind == Kind::Keyed {
                let ids: Vec<i64> = rows
                    .iter()
                    .filter_map(|row| row[r.column].as_int())
                    .collect();
                self.resolve(tx, r.target, &ids, added)?;
            }
        }
        let keep: Vec<usize> = std::iter::once(rowid)
            .chain(table.natural_key().unwrap_or_default().iter().copied())
            .chain(table.column(CLUSTER.1))
            .collect();
        let columns: Vec<usize> = std::iter::once(rowid)
            .chain((0..table.columns.len()).filter(|c| !keep.contains(c)))
            .collect();
        let mapped: HashMap<usize, usize> = std::iter::once((rowid, root))
            .chain(
                table
                    .refs
                    .iter()
                    .filter(|r| r.target != root && schema.tables[r.target].kind == Kind::Keyed)
                    .map(|r| (r.column, r.target)),
            )
            .collect();
        let arrays = self.arrays(table, &columns, &rows, &mapped)?;
        let unnest: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, &c)| format!("${}::{}", i + 1, Array::cast(table.columns[c].ty)))
            .collect();
        let set: Vec<String> = columns[1..]
            .iter()
            .map(|&c| {
                let c = quote(&table.columns[c].name);
                format!("{c} = k.{c}")
            })
            .collect();
        let sql = format!(
            "UPDATE {} AS t SET {} FROM unnest({}) AS k({}) WHERE t.{pk} = k.{pk}",
            qualified(&self.pg, &table.name),
            set.join(", "),
            unnest.join(", "),
            ddl::names(table, &columns),
            pk = quote(&table.columns[rowid].name),
        );
        let params: Vec<&(dyn ToSql + Sync)> = arrays.iter().map(Array::sql).collect();
        tx.execute(&sql, &params)?;
        Ok(stale.into_iter().map(|(i, _)| i).collect())
    }

    /// Which of the PostgreSQL documents `ids` were pushed before an upgrade of the mirror
    /// added to their rows ([`STALE`]).
    fn pushed_before_upgrade(
        &self,
        tx: &mut postgres::Transaction<'_>,
        ids: &[i64],
    ) -> Result<HashSet<i64>, PgError> {
        if !self.upgraded {
            return Ok(HashSet::new());
        }
        let sql = format!(
            "SELECT pk FROM {} WHERE pk = ANY($1::BIGINT[])",
            qualified(&self.pg, STALE)
        );
        Ok(tx.query(&sql, &[&ids])?.iter().map(|r| r.get(0)).collect())
    }

    /// After documents were replaced: shared rows first seen in one of them (a claim, by
    /// its first document) that no document's rows refer to any more go, as in the store.
    pub(super) fn drop_orphans(
        &self,
        tx: &mut postgres::Transaction<'_>,
        doc_ids: &[i64],
    ) -> Result<(), PgError> {
        let schema = self.schema;
        let pg = self.pg.as_str();
        for (k, keyed) in schema.tables.iter().enumerate() {
            let (Kind::Keyed, Some(rowid)) = (keyed.kind, keyed.rowid) else {
                continue;
            };
            let Some(first_doc) = keyed
                .refs
                .iter()
                .find(|r| r.target == schema.root && k != schema.root)
            else {
                continue;
            };
            let users: Vec<String> = schema
                .tables
                .iter()
                .flat_map(|t| {
                    t.refs.iter().filter(|r| r.target == k).map(move |r| {
                        format!(
                            "NOT EXISTS (SELECT 1 FROM {} u WHERE u.{} = c.{})",
                            qualified(pg, &t.name),
                            quote(&t.columns[r.column].name),
                            quote(&keyed.columns[rowid].name)
                        )
                    })
                })
                .collect();
            if users.is_empty() {
                continue;
            }
            tx.execute(
                &format!(
                    "DELETE FROM {} c WHERE c.{} = ANY($1::BIGINT[]) AND {}",
                    qualified(pg, &keyed.name),
                    quote(&keyed.columns[first_doc.column].name),
                    users.join(" AND ")
                ),
                &[&doc_ids],
            )?;
        }
        Ok(())
    }
}
