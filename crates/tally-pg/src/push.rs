//! Pushing one store into PostgreSQL.
//!
//! Documents go in store order, in batches; each batch is one PostgreSQL transaction
//! holding the batch's new documents with every row that hangs from them (text, entities,
//! speakers, attributions, times, figures, claim carriers, signatures) and the shared rows
//! they refer to (sources, claims). A document already in PostgreSQL (same content id,
//! pushed before from this store or another) is skipped with all its rows, so a rerun
//! adds nothing and completes an interrupted push, and a batch that fails leaves nothing
//! behind; one ingested later than PostgreSQL's copy replaces it. The store is read in one SQLite read transaction: a push sees one snapshot even
//! while an ingest writes to the store.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::time::{Duration, Instant};

use postgres::error::SqlState;
use postgres::types::ToSql;
use rusqlite::{Connection, OpenFlags};

use crate::PgError;
use crate::ddl::{self, META, qualified};
use crate::sqlite::{self, CLUSTER, Kind, REPLACE_NEWER, Schema, Table, quote};
use crate::value::{Array, Value, pg_key};

type Row = Vec<Value>;

/// Settings of a push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The PostgreSQL schema the tables live in (created if missing).
    pub schema: String,
    /// Documents per transaction.
    pub batch: usize,
    /// Testing only: fail inside the transaction of this batch (0-based), after the
    /// batch's documents are written and before their rows.
    #[doc(hidden)]
    pub fail_in_batch: Option<usize>,
}

impl Default for PushOptions {
    fn default() -> Self {
        PushOptions {
            schema: "tally".to_owned(),
            batch: 500,
            fail_in_batch: None,
        }
    }
}

/// What a push did.
#[derive(Debug, Clone, Default)]
pub struct PushStats {
    /// The store's schema version.
    pub version: i64,
    /// Documents in the store.
    pub documents: u64,
    /// Documents added to PostgreSQL.
    pub inserted: u64,
    /// Documents PostgreSQL had from an older ingest, replaced by the store's.
    pub replaced: u64,
    /// Documents PostgreSQL had already (the same ingest or a newer one).
    pub skipped: u64,
    /// Rows added per table, in push order.
    pub rows: Vec<(String, u64)>,
    /// Bytes of values sent in the rows added.
    pub bytes: u64,
    /// Syndication clusters merged because a document joined two of them.
    pub clusters_merged: u64,
    /// Tables left out because they have neither a primary key nor a unique constraint
    /// (none in tally's schema; a table added without one would be copied again by every
    /// push).
    pub unkeyed: Vec<String>,
    /// Wall time.
    pub elapsed: Duration,
}

impl PushStats {
    /// Rows added over all tables.
    pub fn total_rows(&self) -> u64 {
        self.rows.iter().map(|(_, n)| n).sum()
    }

    /// Rows added to one table.
    pub fn rows_of(&self, table: &str) -> u64 {
        self.rows
            .iter()
            .filter(|(t, _)| t == table)
            .map(|(_, n)| n)
            .sum()
    }
}

/// Progress after each batch: documents done, documents in the store.
pub type ProgressFn<'a> = &'a mut dyn FnMut(u64, u64);

/// Mirrors the store at `store` into `client`'s database.
///
/// # Errors
/// [`PgError`]: the store cannot be read, PostgreSQL fails, or the PostgreSQL schema holds
/// another store schema version ([`PgError::VersionMismatch`]).
pub fn push(
    store: &Path,
    client: &mut postgres::Client,
    options: &PushOptions,
    progress: ProgressFn<'_>,
) -> Result<PushStats, PgError> {
    let started = Instant::now();
    let path = store.display().to_string();
    let sqlite_err = |source| PgError::Sqlite {
        path: path.clone(),
        source,
    };
    let conn = open(store)?;
    // One snapshot for the whole push.
    conn.execute_batch("BEGIN").map_err(sqlite_err)?;
    let schema = sqlite::read(&conn, &path)?;
    setup(client, &options.schema, &schema, &path)?;
    let mut pusher = Pusher {
        conn: &conn,
        path: path.clone(),
        pg: options.schema.clone(),
        maps: Maps::new(schema.tables.len()),
        rows: vec![0; schema.tables.len()],
        unkeyed: Vec::new(),
        bytes: 0,
        sequences: sequences(client, &options.schema, &schema)?,
        schema: &schema,
    };
    let mut stats = PushStats {
        version: schema.version,
        ..PushStats::default()
    };
    pusher.push_independent(client)?;
    pusher.push_documents(client, options, &mut stats, progress)?;
    stats.clusters_merged = pusher.merge_clusters(client)?;
    stats.rows = schema
        .tables
        .iter()
        .zip(&pusher.rows)
        .map(|(t, &n)| (t.name.clone(), n))
        .collect();
    stats.bytes = pusher.bytes;
    stats.unkeyed = pusher.unkeyed;
    stats.elapsed = started.elapsed();
    Ok(stats)
}

/// Opens a store read-only.
fn open(store: &Path) -> Result<Connection, PgError> {
    let path = store.display().to_string();
    if !store.is_file() {
        return Err(PgError::NoStore { path });
    }
    Connection::open_with_flags(
        store,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|source| PgError::Sqlite { path, source })
}

/// The PostgreSQL statements a push of `store` into `pg_schema` runs to create the
/// tables, for a database administrator who creates them ahead of time.
///
/// # Errors
/// [`PgError::Sqlite`] or [`PgError::NotAStore`] when the store cannot be read.
pub fn create_statements(store: &Path, pg_schema: &str) -> Result<Vec<String>, PgError> {
    let conn = open(store)?;
    let schema = sqlite::read(&conn, &store.display().to_string())?;
    Ok(ddl::statements(pg_schema, &schema))
}

/// Connects without TLS. `url` is a `postgres://user:password@host:port/db` URL or a
/// `host=... user=... dbname=...` string (a host starting with `/` is a unix socket
/// directory); `PGPASSWORD` supplies a password the string leaves out.
///
/// # Errors
/// [`PgError::Postgres`] when the string does not parse or the server cannot be reached.
pub fn connect(url: &str) -> Result<postgres::Client, PgError> {
    let mut config: postgres::Config = url.parse()?;
    if config.get_password().is_none()
        && let Some(password) = std::env::var_os("PGPASSWORD")
    {
        config.password(password.to_string_lossy().as_bytes());
    }
    Ok(config.connect(postgres::NoTls)?)
}

/// Creates the tables (idempotent) and checks the recorded schema version, under an
/// advisory lock so concurrent first pushes do not race.
fn setup(
    client: &mut postgres::Client,
    pg: &str,
    schema: &Schema,
    path: &str,
) -> Result<(), PgError> {
    let mut tx = client.transaction()?;
    tx.execute(
        "SELECT pg_advisory_xact_lock(hashtext('tally-pg:' || $1::text))",
        &[&pg],
    )?;
    let meta = qualified(pg, META);
    let exists: Option<String> = tx
        .query_one("SELECT to_regclass($1::text)::text", &[&meta])?
        .get(0);
    if exists.is_some() {
        let found: Option<String> = tx
            .query_opt(
                &format!("SELECT value FROM {meta} WHERE key = 'schema_version'"),
                &[],
            )?
            .map(|r| r.get(0));
        if let Some(found) = found.and_then(|v| v.parse::<i64>().ok())
            && found != schema.version
        {
            return Err(PgError::VersionMismatch {
                schema: pg.to_owned(),
                path: path.to_owned(),
                found,
                store: schema.version,
            });
        }
    }
    // Once every table and view is there, nothing is created: a role that may only write
    // rows (no CREATE on the schema, not the owner of the views) can push.
    let mut relations: Vec<String> = schema
        .tables
        .iter()
        .map(|t| qualified(pg, &t.name))
        .chain(schema.full_text.iter().map(|f| qualified(pg, &f.name)))
        .collect();
    relations.push(meta.clone());
    let present: i64 = tx
        .query_one(
            "SELECT count(to_regclass(r)) FROM unnest($1::TEXT[]) AS r",
            &[&relations],
        )?
        .get(0);
    if usize::try_from(present).ok() != Some(relations.len()) {
        for statement in ddl::statements(pg, schema) {
            tx.batch_execute(&statement)?;
        }
    }
    tx.execute(
        &format!(
            "INSERT INTO {meta} (key, value) VALUES ('schema_version', $1), ('created_by', $2)
             ON CONFLICT (key) DO NOTHING"
        ),
        &[
            &schema.version.to_string(),
            &format!("tally-pg {}", env!("CARGO_PKG_VERSION")),
        ],
    )?;
    tx.commit()?;
    Ok(())
}

/// The identity sequence of each keyed table's rowid column.
fn sequences(
    client: &mut postgres::Client,
    pg: &str,
    schema: &Schema,
) -> Result<Vec<Option<String>>, PgError> {
    let mut out = Vec::new();
    for table in &schema.tables {
        let seq = match (table.kind, table.rowid) {
            (Kind::Keyed, Some(rowid)) => client
                .query_one(
                    "SELECT pg_get_serial_sequence($1, $2)",
                    &[&qualified(pg, &table.name), &table.columns[rowid].name],
                )?
                .get(0),
            _ => None,
        };
        out.push(seq);
    }
    Ok(out)
}

/// Store-local ids to PostgreSQL ids, per keyed table: those of committed batches, and
/// those of the batch in flight (dropped if it fails).
struct Maps {
    committed: Vec<HashMap<i64, i64>>,
    pending: Vec<HashMap<i64, i64>>,
}

/// Beyond this many ids a table's map is dropped and rebuilt from lookups: it is a cache,
/// and a store of millions of claims should not hold them all in memory.
const MAP_CAP: usize = 2_000_000;

impl Maps {
    fn new(n: usize) -> Maps {
        Maps {
            committed: vec![HashMap::new(); n],
            pending: vec![HashMap::new(); n],
        }
    }

    fn get(&self, table: usize, id: i64) -> Option<i64> {
        self.pending[table]
            .get(&id)
            .or_else(|| self.committed[table].get(&id))
            .copied()
    }

    fn commit(&mut self) {
        for (committed, pending) in self.committed.iter_mut().zip(&mut self.pending) {
            if committed.len() + pending.len() > MAP_CAP {
                committed.clear();
            }
            committed.extend(pending.drain());
        }
    }

    fn abort(&mut self) {
        for pending in &mut self.pending {
            pending.clear();
        }
    }
}

struct Pusher<'a> {
    conn: &'a Connection,
    schema: &'a Schema,
    path: String,
    pg: String,
    maps: Maps,
    sequences: Vec<Option<String>>,
    /// Rows added per table (committed only).
    rows: Vec<u64>,
    /// Tables left out: no key to push them idempotently by.
    unkeyed: Vec<String>,
    bytes: u64,
}

/// Rows added in the transaction in flight, counted once it commits.
#[derive(Default)]
struct Added {
    rows: Vec<(usize, u64)>,
    bytes: u64,
}

impl Pusher<'_> {
    fn sqlite_err(&self, source: rusqlite::Error) -> PgError {
        PgError::Sqlite {
            path: self.path.clone(),
            source,
        }
    }

    fn commit(&mut self, added: Added) {
        self.maps.commit();
        for (t, n) in added.rows {
            self.rows[t] += n;
        }
        self.bytes += added.bytes;
    }

    /// Runs `work` in one PostgreSQL transaction, again after a deadlock or serialization
    /// failure; the ids given in a failed attempt are dropped, and the rows it added are
    /// counted only once it commits.
    fn transact<T>(
        &mut self,
        client: &mut postgres::Client,
        mut work: impl FnMut(
            &mut Self,
            &mut postgres::Transaction<'_>,
            &mut Added,
        ) -> Result<T, PgError>,
    ) -> Result<T, PgError> {
        let mut attempt = 1;
        loop {
            let mut added = Added::default();
            let result = client
                .transaction()
                .map_err(PgError::from)
                .and_then(|mut tx| {
                    let out = work(self, &mut tx, &mut added)?;
                    tx.commit()?;
                    Ok(out)
                });
            match result {
                Ok(out) => {
                    self.commit(added);
                    return Ok(out);
                }
                Err(e) => {
                    self.maps.abort();
                    if attempt >= ATTEMPTS || !retryable(&e) {
                        return Err(e);
                    }
                    attempt += 1;
                }
            }
        }
    }

    /// Reads every row of `table` matching `filter` (a WHERE clause with `?1`).
    fn read_rows(
        &self,
        table: &Table,
        tail: &str,
        param: Option<i64>,
    ) -> Result<Vec<Row>, PgError> {
        let sql = format!(
            "SELECT {} FROM {} {tail}",
            ddl::names(table, &(0..table.columns.len()).collect::<Vec<_>>()),
            quote(&table.name)
        );
        let mut st = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| self.sqlite_err(e))?;
        let n = table.columns.len();
        let params: Vec<i64> = param.into_iter().collect();
        let rows = st
            .query_map(rusqlite::params_from_iter(params), |r| {
                (0..n)
                    .map(|i| Value::read(r, i))
                    .collect::<rusqlite::Result<Row>>()
            })
            .map_err(|e| self.sqlite_err(e))?
            .collect::<Result<Vec<Row>, _>>()
            .map_err(|e| self.sqlite_err(e))?;
        Ok(rows)
    }

    /// Tables that hang from no document: pushed whole, one transaction each. A keyed one
    /// (ingest errors) keeps PostgreSQL's row on a conflict of its natural key; another
    /// (ingest bookkeeping by input path) takes the pushed row.
    fn push_independent(&mut self, client: &mut postgres::Client) -> Result<(), PgError> {
        let schema = self.schema;
        let referenced: HashSet<usize> = schema
            .tables
            .iter()
            .flat_map(|t| t.refs.iter().map(|r| r.target))
            .collect();
        for (t, table) in schema.tables.iter().enumerate() {
            let standalone = match table.kind {
                Kind::Keyed => !referenced.contains(&t) && t != schema.root,
                Kind::Other => true,
                Kind::Child => false,
            };
            if !standalone {
                continue;
            }
            if table.pk.is_empty() && table.unique.is_empty() {
                // Without a key a second push could not tell its rows from the first's.
                self.unkeyed.push(table.name.clone());
                continue;
            }
            let rows = self.read_rows(table, "", None)?;
            self.transact(client, |this, tx, added| {
                for chunk in rows.chunks(5000) {
                    let rows: Vec<&Row> = chunk.iter().collect();
                    this.insert(tx, t, &rows, added)?;
                }
                Ok(())
            })?;
        }
        Ok(())
    }

    /// Every document in batches, each with all its rows.
    fn push_documents(
        &mut self,
        client: &mut postgres::Client,
        options: &PushOptions,
        stats: &mut PushStats,
        progress: ProgressFn<'_>,
    ) -> Result<(), PgError> {
        let schema = self.schema;
        let root = &schema.tables[schema.root];
        let Some(root_rowid) = root.rowid else {
            return Ok(());
        };
        let total: i64 = self
            .conn
            .query_row(
                &format!("SELECT count(*) FROM {}", quote(&root.name)),
                [],
                |r| r.get(0),
            )
            .map_err(|e| self.sqlite_err(e))?;
        stats.documents = u64::try_from(total).unwrap_or(0);
        progress(0, stats.documents);
        let children: Vec<usize> = (0..schema.tables.len())
            .filter(|&t| schema.tables[t].kind == Kind::Child)
            .collect();
        let all_columns = |t: &Table| ddl::names(t, &(0..t.columns.len()).collect::<Vec<_>>());
        let mut doc_st = self
            .conn
            .prepare(&format!(
                "SELECT {} FROM {} ORDER BY {}",
                all_columns(root),
                quote(&root.name),
                quote(&root.columns[root_rowid].name)
            ))
            .map_err(|e| self.sqlite_err(e))?;
        let mut child_st = Vec::new();
        for &c in &children {
            let table = &schema.tables[c];
            let Some(doc_col) = table.doc_column else {
                continue;
            };
            child_st.push(
                self.conn
                    .prepare(&format!(
                        "SELECT {} FROM {} ORDER BY {}",
                        all_columns(table),
                        quote(&table.name),
                        quote(&table.columns[doc_col].name)
                    ))
                    .map_err(|e| self.sqlite_err(e))?,
            );
        }
        let mut doc_rows = doc_st.query([]).map_err(|e| self.sqlite_err(e))?;
        let mut child_rows = Vec::new();
        for st in &mut child_st {
            child_rows.push(st.query([]).map_err(|e| self.sqlite_err(e))?);
        }
        let mut peeked: Vec<Option<Row>> = vec![None; children.len()];
        let batch_size = options.batch.max(1);
        let mut done = 0u64;
        for batch_no in 0.. {
            let mut docs: Vec<Row> = Vec::with_capacity(batch_size);
            while docs.len() < batch_size {
                let Some(r) = doc_rows.next().map_err(|e| self.sqlite_err(e))? else {
                    break;
                };
                let n = root.columns.len();
                docs.push(
                    (0..n)
                        .map(|i| Value::read(r, i))
                        .collect::<rusqlite::Result<Row>>()
                        .map_err(|e| self.sqlite_err(e))?,
                );
            }
            let Some(last) = docs.last().and_then(|d| d[root_rowid].as_int()) else {
                break;
            };
            // Children of this batch: every row whose document pk is at most the batch's
            // last (the cursors run in document order alongside the documents).
            let mut batch_children: Vec<Vec<Row>> = Vec::with_capacity(children.len());
            for (k, &c) in children.iter().enumerate() {
                let table = &schema.tables[c];
                let doc_col = table.doc_column.unwrap_or(0);
                let mut rows = Vec::new();
                loop {
                    let row = match peeked[k].take() {
                        Some(row) => row,
                        None => {
                            let Some(r) = child_rows[k].next().map_err(|e| self.sqlite_err(e))?
                            else {
                                break;
                            };
                            (0..table.columns.len())
                                .map(|i| Value::read(r, i))
                                .collect::<rusqlite::Result<Row>>()
                                .map_err(|e| self.sqlite_err(e))?
                        }
                    };
                    if row[doc_col].as_int().is_some_and(|pk| pk > last) {
                        peeked[k] = Some(row);
                        break;
                    }
                    rows.push(row);
                }
                batch_children.push(rows);
            }
            let fail = options.fail_in_batch == Some(batch_no);
            let (inserted, replaced) = self.transact(client, |this, tx, added| {
                this.write_batch(tx, &docs, &children, &batch_children, fail, batch_no, added)
            })?;
            stats.inserted += inserted;
            stats.replaced += replaced;
            stats.skipped += docs.len() as u64 - inserted - replaced;
            done += docs.len() as u64;
            progress(done, stats.documents);
        }
        Ok(())
    }

    /// One batch of documents in one transaction; returns how many were new.
    #[allow(clippy::too_many_arguments)]
    fn write_batch(
        &mut self,
        tx: &mut postgres::Transaction<'_>,
        docs: &[Row],
        children: &[usize],
        child_rows: &[Vec<Row>],
        fail: bool,
        batch_no: usize,
        added: &mut Added,
    ) -> Result<(u64, u64), PgError> {
        let schema = self.schema;
        let root = schema.root;
        let rowid = schema.tables[root].rowid.unwrap_or(0);
        let docs: Vec<&Row> = docs.iter().collect();
        let new = self.insert(tx, root, &docs, added)?;
        if fail {
            return Err(PgError::Injected(batch_no));
        }
        let replaced = self.replace_newer(tx, &docs, &new, children, added)?;
        let new_pks: HashSet<i64> = new
            .iter()
            .chain(&replaced)
            .filter_map(|&i| docs[i][rowid].as_int())
            .collect();
        for (k, &c) in children.iter().enumerate() {
            let doc_col = schema.tables[c].doc_column.unwrap_or(0);
            let rows: Vec<&Row> = child_rows[k]
                .iter()
                .filter(|r| r[doc_col].as_int().is_some_and(|pk| new_pks.contains(&pk)))
                .collect();
            for chunk in rows.chunks(20_000) {
                self.insert(tx, c, chunk, added)?;
            }
        }
        if !replaced.is_empty() {
            let pks: Vec<i64> = replaced
                .iter()
                .filter_map(|&i| docs[i][rowid].as_int())
                .filter_map(|local| self.maps.get(root, local))
                .collect();
            self.drop_orphans(tx, &pks)?;
        }
        Ok((new.len() as u64, replaced.len() as u64))
    }

    /// Documents PostgreSQL has from an older ingest than the store's (re-extracted with
    /// `tally ingest --replace` since, in this store or another): their rows are deleted
    /// and the document row updated; the caller inserts the store's rows. Returns their
    /// indices in `docs`.
    fn replace_newer(
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
        let stale: Vec<(usize, i64)> = existing
            .into_iter()
            .filter(|&(i, id)| {
                let ours = docs[i][stamp].key();
                stamps
                    .get(&id)
                    .is_some_and(|theirs| theirs.as_deref().is_none_or(|t| ours.as_str() > t))
            })
            .collect();
        if stale.is_empty() {
            return Ok(Vec::new());
        }
        let ids: Vec<i64> = stale.iter().map(|&(_, id)| id).collect();
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

    /// After documents were replaced: shared rows first seen in one of them (a claim, by
    /// its first document) that no document's rows refer to any more go, as in the store.
    fn drop_orphans(
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

    /// Makes sure the keyed rows `ids` of `t` have PostgreSQL ids: found by natural key, or
    /// inserted (with the rows they refer to). Documents are never inserted here: a
    /// document comes with its rows, in its batch.
    fn resolve(
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
    fn lookup(
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

    /// Lowers the merge-min columns of rows PostgreSQL has to the pushed values.
    fn merge_min(
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
        for &c in &table.merge_min {
            let values = self.arrays(table, &[c], rows, &HashMap::new())?;
            let col = quote(&table.columns[c].name);
            let sql = format!(
                "UPDATE {} t SET {col} = k.v FROM unnest($1::BIGINT[], $2::{}) AS k(id, v)
                 WHERE t.{} = k.id AND k.v IS NOT NULL AND (t.{col} IS NULL OR k.v < t.{col})",
                qualified(&self.pg, &table.name),
                Array::cast(table.columns[c].ty),
                quote(&table.columns[rowid].name),
            );
            tx.execute(&sql, &[&ids, values[0].sql()])?;
        }
        Ok(())
    }

    /// Inserts `rows` of table `t` with every store-local id remapped; returns the indices
    /// of the rows added. Keyed rows PostgreSQL has already are mapped, not added.
    fn insert(
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
    fn arrays(
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

    /// Syndication clusters, across pushes and stores. A store merges two clusters when a
    /// document joins both; a document pushed before keeps the cluster it had, so after
    /// the batches every document whose store cluster names another document is made to
    /// share that document's PostgreSQL cluster, merging into the older (lower) id. Two
    /// stores holding the same document thereby join their clusters of it.
    fn merge_clusters(&mut self, client: &mut postgres::Client) -> Result<u64, PgError> {
        let schema = self.schema;
        let root = &schema.tables[schema.root];
        let (Some(rowid), Some(key), Some(cluster)) = (
            root.rowid,
            root.natural_key()
                .and_then(|k| (k.len() == 1).then(|| k[0])),
            (root.name == CLUSTER.0)
                .then(|| root.column(CLUSTER.1))
                .flatten(),
        ) else {
            return Ok(0);
        };
        let (pk, id, cl) = (
            quote(&root.columns[rowid].name),
            quote(&root.columns[key].name),
            quote(&root.columns[cluster].name),
        );
        let table = qualified(&self.pg, &root.name);
        let mut st = self
            .conn
            .prepare(&format!(
                "SELECT d.{id}, c.{id} FROM {t} d JOIN {t} c ON c.{pk} = d.{cl} WHERE d.{cl} <> d.{pk}",
                t = quote(&root.name)
            ))
            .map_err(|e| self.sqlite_err(e))?;
        let pairs: Vec<(String, String)> = st
            .query_map([], |r| {
                Ok((Value::read(r, 0)?.key(), Value::read(r, 1)?.key()))
            })
            .map_err(|e| self.sqlite_err(e))?
            .collect::<Result<_, _>>()
            .map_err(|e| self.sqlite_err(e))?;
        self.transact(client, |_, tx, _| {
                let mut links: Vec<(i64, i64)> = Vec::new();
                for chunk in pairs.chunks(50_000) {
                    let (docs, firsts): (Vec<&str>, Vec<&str>) =
                        chunk.iter().map(|(a, b)| (a.as_str(), b.as_str())).unzip();
                    let rows = tx.query(
                        &format!(
                            "SELECT DISTINCT d.{cl}, c.{cl} FROM unnest($1::TEXT[], $2::TEXT[]) AS k(doc, first)
                             JOIN {table} d ON d.{id} = k.doc JOIN {table} c ON c.{id} = k.first
                             WHERE d.{cl} <> c.{cl}"
                        ),
                        &[&docs, &firsts],
                    )?;
                    links.extend(rows.iter().map(|r| (r.get::<_, i64>(0), r.get::<_, i64>(1))));
                }
                let merges = union_find(&links);
                if !merges.is_empty() {
                    let (old, new): (Vec<i64>, Vec<i64>) = merges.iter().copied().unzip();
                    tx.execute(
                        &format!(
                            "UPDATE {table} SET {cl} = m.new FROM unnest($1::BIGINT[], $2::BIGINT[]) AS m(old, new)
                             WHERE {table}.{cl} = m.old"
                        ),
                        &[&old, &new],
                    )?;
                }
                Ok(merges.len() as u64)
            })
    }
}

/// A row's natural key as one string.
fn natural(row: &Row, key: &[usize]) -> String {
    key.iter()
        .map(|&c| row[c].key())
        .collect::<Vec<_>>()
        .join("\u{1f}")
}

/// Clusters linked by `links` merged into their lowest id: (old, new) for every id that
/// changes.
fn union_find(links: &[(i64, i64)]) -> Vec<(i64, i64)> {
    let mut parent: HashMap<i64, i64> = HashMap::new();
    fn find(parent: &mut HashMap<i64, i64>, x: i64) -> i64 {
        let mut root = x;
        while let Some(&p) = parent.get(&root) {
            if p == root {
                break;
            }
            root = p;
        }
        parent.insert(x, root);
        root
    }
    for &(a, b) in links {
        let (ra, rb) = (find(&mut parent, a), find(&mut parent, b));
        let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
        parent.insert(hi, lo);
        parent.entry(lo).or_insert(lo);
    }
    let keys: Vec<i64> = parent.keys().copied().collect();
    let mut out: Vec<(i64, i64)> = keys
        .into_iter()
        .filter_map(|k| {
            let root = find(&mut parent, k);
            (root != k).then_some((k, root))
        })
        .collect();
    out.sort_unstable();
    out
}

/// Whether a failed transaction may succeed when run again: a deadlock or serialization
/// failure between concurrent pushes into one database.
fn retryable(e: &PgError) -> bool {
    matches!(e, PgError::Postgres(e) if e.code().is_some_and(|c| {
        *c == SqlState::T_R_DEADLOCK_DETECTED || *c == SqlState::T_R_SERIALIZATION_FAILURE
    }))
}

/// Attempts of a transaction before its error is returned.
const ATTEMPTS: usize = 5;

#[cfg(test)]
mod tests {
    use super::union_find;

    #[test]
    fn clusters_merge_into_the_lowest_id() {
        assert_eq!(
            union_find(&[(5, 3), (7, 5), (9, 8)]),
            vec![(5, 3), (7, 3), (9, 8)]
        );
        assert!(union_find(&[]).is_empty());
    }
}
