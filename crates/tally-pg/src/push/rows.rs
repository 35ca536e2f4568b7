//! Writing rows: store-local ids resolved through natural keys (found in PostgreSQL or
//! inserted with new ids), values as typed arrays, one `INSERT ... SELECT FROM unnest(...)`
//! per table and batch.

use std::collections::{HashMap, HashSet};

use postgres::types::ToSql;

use super::{Added, Pusher, Row, natural};
use crate::PgError;
use crate::ddl::{self, qualified};
use crate::sqlite::{Kind, Table, quote};
use crate::value::{Array, Value, pg_key};

impl Pusher<'_> {
    /// Makes sure the keyed rows `ids` of `t` have PostgreSQL ids: found by natural key, or
    /// inserted (with the rows they refer to). Documents are never inserted here: a
    /// document comes with its rows, in its batch.
    pub(super) fn resolve(
        &mut self,
        tx: &mut postgres::Transaction<'_>,
        t: usize,
        ids: &[i64],
        added: &mut Added,
    ) -> Result<(), PgError> {
        let table = &self.schema.tables[t];
        let Some(rowid) = table.rowid else {
            return Ok(());
        };
        let mut missing: Vec<i64> = ids
            .iter()
            .copied()
            .filter(|&id| self.maps.get(t, id).is_none())
            .collect();
        missing.sort_unstable();
        missing.dedup();
        if missing.is_empty() {
            return Ok(());
        }
        let tail = format!("WHERE {} = ?1", quote(&table.columns[rowid].name));
        let mut rows = Vec::with_capacity(missing.len());
        for id in missing {
            rows.extend(self.read_rows(table, &tail, Some(id))?);
        }
        let rows: Vec<&Row> = rows.iter().collect();
        if t == self.schema.root {
            self.lookup(tx, t, &rows)?;
        } else {
            self.insert(tx, t, &rows, added)?;
        }
        Ok(())
    }

    /// Maps the rows of keyed table `t` that PostgreSQL has, by natural key; returns the
    /// indices of the rows it lacks. Lowers the merge-min columns of the rows it has.
    pub(super) fn lookup(
        &mut self,
        tx: &mut postgres::Transaction<'_>,
        t: usize,
        rows: &[&Row],
    ) -> Result<Vec<usize>, PgError> {
        let table = &self.schema.tables[t];
        let (Some(rowid), Some(key)) = (table.rowid, table.natural_key()) else {
            return Ok((0..rows.len()).collect());
        };
        let arrays = self.arrays(table, key, rows, &HashMap::new())?;
        let unnest: Vec<String> = key
            .iter()
            .enumerate()
            .map(|(i, &c)| format!("${}::{}", i + 1, Array::cast(table.columns[c].ty)))
            .collect();
        let on: Vec<String> = key
            .iter()
            .map(|&c| {
                let c = quote(&table.columns[c].name);
                format!("t.{c} = k.{c}")
            })
            .collect();
        let sql = format!(
            "SELECT t.{}, {} FROM {} t JOIN unnest({}) AS k({}) ON {}",
            quote(&table.columns[rowid].name),
            key.iter()
                .map(|&c| format!("t.{}", quote(&table.columns[c].name)))
                .collect::<Vec<_>>()
                .join(", "),
            qualified(&self.pg, &table.name),
            unnest.join(", "),
            ddl::names(table, key),
            on.join(" AND "),
        );
        let params: Vec<&(dyn ToSql + Sync)> = arrays.iter().map(Array::sql).collect();
        let mut found: HashMap<String, i64> = HashMap::new();
        for row in tx.query(&sql, &params)? {
            let mut k = Vec::with_capacity(key.len());
            for (i, &c) in key.iter().enumerate() {
                k.push(pg_key(&row, i + 1, table.columns[c].ty)?);
            }
            found.insert(k.join("\u{1f}"), row.get(0));
        }
        let mut lacking = Vec::new();
        let mut existing = Vec::new();
        for (i, row) in rows.iter().enumerate() {
            let Some(local) = row[rowid].as_int() else {
                continue;
            };
            match found.get(&natural(row, key)) {
                Some(&id) => {
                    self.maps.pending[t].insert(local, id);
                    existing.push(i);
                }
                None => lacking.push(i),
            }
        }
        if !table.merge_min.is_empty() && !existing.is_empty() {
            let rows: Vec<&Row> = existing.iter().map(|&i| rows[i]).collect();
            self.merge_min(tx, t, &rows)?;
        }
        Ok(lacking)
    }

    /// Lowers the merge-min columns of rows PostgreSQL has to the pushed values, setting the
    /// columns that follow each from the same pushed row.
    pub(super) fn merge_min(
        &mut self,
        tx: &mut postgres::Transaction<'_>,
        t: usize,
        rows: &[&Row],
    ) -> Result<(), PgError> {
        let table = &self.schema.tables[t];
        let Some(rowid) = table.rowid else {
            return Ok(());
        };
        let mut ids = Vec::with_capacity(rows.len());
        for row in rows {
            ids.push(row[rowid].as_int().and_then(|l| self.maps.get(t, l)));
        }
        for merge in &table.merge_min {
            let columns: Vec<usize> = std::iter::once(merge.column)
                .chain(merge.follow.iter().copied())
                .collect();
            let values = self.arrays(table, &columns, rows, &HashMap::new())?;
            let set: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, &c)| format!("{} = k.v{i}", quote(&table.columns[c].name)))
                .collect();
            let unnest: Vec<String> = columns
                .iter()
                .enumerate()
                .map(|(i, &c)| format!("${}::{}", i + 2, Array::cast(table.columns[c].ty)))
                .collect();
            let names: Vec<String> = (0..columns.len()).map(|i| format!("v{i}")).collect();
            let col = quote(&table.columns[merge.column].name);
            let sql = format!(
                "UPDATE {} t SET {} FROM unnest($1::BIGINT[], {}) AS k(id, {})
                 WHERE t.{} = k.id AND k.v0 IS NOT NULL AND (t.{col} IS NULL OR k.v0 < t.{col})",
                qualified(&self.pg, &table.name),
                set.join(", "),
                unnest.join(", "),
                names.join(", "),
                quote(&table.columns[rowid].name),
            );
            let mut params: Vec<&(dyn ToSql + Sync)> = vec![&ids];
            params.extend(values.iter().map(Array::sql));
            tx.execute(&sql, &params)?;
        }
        Ok(())
    }

    /// Inserts `rows` of table `t` with every store-local id remapped; returns the indices
    /// of the rows added. Keyed rows PostgreSQL has already are mapped, not added.
    pub(super) fn insert(
        &mut self,
        tx: &mut postgres::Transaction<'_>,
        t: usize,
        rows: &[&Row],
        added: &mut Added,
    ) -> Result<Vec<usize>, PgError> {
        let schema = self.schema;
        let table = &schema.tables[t];
        let referenced_keyed = table.kind == Kind::Keyed && self.sequences[t].is_some();
        // Keyed: map the rows PostgreSQL has, give the others new ids first (so references
        // to them, their own included, resolve).
        let mut todo: Vec<usize> = (0..rows.len()).collect();
        if referenced_keyed {
            todo = self.lookup(tx, t, rows)?;
            // Sorted by natural key: concurrent pushes then lock keys in the same order.
            if let Some(key) = table.natural_key() {
                todo.sort_by_cached_key(|&i| natural(rows[i], key));
            }
            if let (Some(seq), Some(rowid)) = (self.sequences[t].clone(), table.rowid) {
                let n = i64::try_from(todo.len()).unwrap_or(i64::MAX);
                let ids: Vec<i64> = tx
                    .query(
                        "SELECT nextval($1::text::regclass) FROM generate_series(1, $2::bigint)",
                        &[&seq, &n],
                    )?
                    .iter()
                    .map(|r| r.get(0))
                    .collect();
                for (&i, id) in todo.iter().zip(ids) {
                    if let Some(local) = rows[i][rowid].as_int() {
                        self.maps.pending[t].insert(local, id);
                    }
                }
            }
        }
        if todo.is_empty() {
            return Ok(todo);
        }
        let todo_rows: Vec<&Row> = todo.iter().map(|&i| rows[i]).collect();
        // Resolve references to other keyed tables.
        for r in &table.refs {
            let target = &schema.tables[r.target];
            if target.kind != Kind::Keyed || r.target == t && t != schema.root {
                continue;
            }
            let ids: Vec<i64> = todo_rows
                .iter()
                .filter_map(|row| row[r.column].as_int())
                .collect();
            self.resolve(tx, r.target, &ids, added)?;
        }
        let (columns, conflict, update) = match table.kind {
            Kind::Keyed if referenced_keyed => (
                (0..table.columns.len()).collect::<Vec<_>>(),
                table.natural_key().map(<[usize]>::to_vec),
                false,
            ),
            Kind::Keyed => (
                // Nothing refers to it: PostgreSQL numbers the rows.
                (0..table.columns.len())
                    .filter(|&c| Some(c) != table.rowid)
                    .collect(),
                table.natural_key().map(<[usize]>::to_vec),
                false,
            ),
            Kind::Child => (
                (0..table.columns.len()).collect(),
                Some(table.pk.clone()).filter(|pk| !pk.is_empty()),
                false,
            ),
            Kind::Other => (
                (0..table.columns.len()).collect(),
                Some(table.pk.clone()).filter(|pk| !pk.is_empty()),
                true,
            ),
        };
        let remap: HashMap<usize, usize> = table
            .refs
            .iter()
            .filter(|r| schema.tables[r.target].kind == Kind::Keyed)
            .map(|r| (r.column, r.target))
            .collect();
        let mapped: HashMap<usize, usize> = if referenced_keyed {
            table
                .rowid
                .map(|r| (r, t))
                .into_iter()
                .chain(remap)
                .collect()
        } else {
            remap
        };
        let arrays = self.arrays(table, &columns, &todo_rows, &mapped)?;
        let unnest: Vec<String> = columns
            .iter()
            .enumerate()
            .map(|(i, &c)| format!("${}::{}", i + 1, Array::cast(table.columns[c].ty)))
            .collect();
        let on_conflict = match (&conflict, update) {
            (Some(target), true) => {
                let set: Vec<String> = columns
                    .iter()
                    .filter(|c| !target.contains(c))
                    .map(|&c| {
                        let c = quote(&table.columns[c].name);
                        format!("{c} = EXCLUDED.{c}")
                    })
                    .collect();
                let rest: Vec<usize> = columns
                    .iter()
                    .copied()
                    .filter(|c| !target.contains(c))
                    .collect();
                if set.is_empty() {
                    format!("ON CONFLICT ({}) DO NOTHING", ddl::names(table, target))
                } else {
                    // Only rows that changed are written (and counted).
                    let old: Vec<String> = rest
                        .iter()
                        .map(|&c| format!("t.{}", quote(&table.columns[c].name)))
                        .collect();
                    let new: Vec<String> = rest
                        .iter()
                        .map(|&c| format!("EXCLUDED.{}", quote(&table.columns[c].name)))
                        .collect();
                    format!(
                        "ON CONFLICT ({}) DO UPDATE SET {} WHERE ({}) IS DISTINCT FROM ({})",
                        ddl::names(table, target),
                        set.join(", "),
                        old.join(", "),
                        new.join(", ")
                    )
                }
            }
            (Some(target), false) => {
                format!("ON CONFLICT ({}) DO NOTHING", ddl::names(table, target))
            }
            (None, _) => String::new(),
        };
        let returning = match (referenced_keyed, table.rowid) {
            (true, Some(rowid)) => format!("RETURNING {}", quote(&table.columns[rowid].name)),
            _ => String::new(),
        };
        let sql = format!(
            "INSERT INTO {} AS t ({}) SELECT * FROM unnest({}) {on_conflict} {returning}",
            qualified(&self.pg, &table.name),
            ddl::names(table, &columns),
            unnest.join(", "),
        );
        let params: Vec<&(dyn ToSql + Sync)> = arrays.iter().map(Array::sql).collect();
        let mut added_idx = todo.clone();
        let count = if returning.is_empty() {
            tx.execute(&sql, &params)?
        } else {
            let returned: HashSet<i64> =
                tx.query(&sql, &params)?.iter().map(|r| r.get(0)).collect();
            // A row another push added meanwhile (a conflict on its natural key): map it to
            // that row instead of the id it was given.
            let rowid = table.rowid.unwrap_or(0);
            let raced: Vec<usize> = todo
                .iter()
                .copied()
                .filter(|&i| {
                    rows[i][rowid]
                        .as_int()
                        .and_then(|l| self.maps.get(t, l))
                        .is_none_or(|id| !returned.contains(&id))
                })
                .collect();
            if !raced.is_empty() {
                let raced_rows: Vec<&Row> = raced.iter().map(|&i| rows[i]).collect();
                for row in &raced_rows {
                    if let Some(local) = row[rowid].as_int() {
                        self.maps.pending[t].remove(&local);
                    }
                }
                self.lookup(tx, t, &raced_rows)?;
                added_idx.retain(|i| !raced.contains(i));
            }
            returned.len() as u64
        };
        added.rows.push((t, count));
        if count > 0 {
            added.bytes += added_idx
                .iter()
                .map(|&i| rows[i].iter().map(Value::size).sum::<usize>() as u64)
                .sum::<u64>();
        }
        Ok(added_idx)
    }

    /// The columns `columns` of `rows` as typed arrays; columns in `mapped` hold store-local
    /// ids of the given keyed table and are replaced by PostgreSQL's.
    pub(super) fn arrays(
        &self,
        table: &Table,
        columns: &[usize],
        rows: &[&Row],
        mapped: &HashMap<usize, usize>,
    ) -> Result<Vec<Array>, PgError> {
        let mut arrays: Vec<Array> = columns
            .iter()
            .map(|&c| Array::new(table.columns[c].ty))
            .collect();
        for row in rows {
            for (array, &c) in arrays.iter_mut().zip(columns) {
                let value = match (mapped.get(&c), &row[c]) {
                    (Some(&target), Value::Int(local)) => match self.maps.get(target, *local) {
                        Some(id) => Value::Int(id),
                        None => {
                            return Err(PgError::Dangling {
                                path: self.path.clone(),
                                table: table.name.clone(),
                                column: table.columns[c].name.clone(),
                                value: *local,
                                target: self.schema.tables[target].name.clone(),
                            });
                        }
                    },
                    (_, v) => v.clone(),
                };
                array.push(&value).map_err(|message| PgError::Value {
                    path: self.path.clone(),
                    table: table.name.clone(),
                    column: table.columns[c].name.clone(),
                    message,
                })?;
            }
        }
        Ok(arrays)
    }
}
