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
use rusqlite::{Connection, OpenFlags};

use crate::PgError;
use crate::ddl::{self, META, qualified};
use crate::sqlite::{self, Kind, Schema, Table, quote};
use crate::upgrade;
use crate::value::Value;

mod clusters;
mod replace;
mod rows;

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
    /// The store schema version the mirror had when this push upgraded it in place.
    pub upgraded_from: Option<i64>,
    /// Documents in the store.
    pub documents: u64,
    /// Documents added to PostgreSQL.
    pub inserted: u64,
    /// Documents PostgreSQL had from an older ingest, or pushed before the mirror was
    /// upgraded to a schema adding to their rows, replaced by the store's.
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
/// a newer store schema version ([`PgError::VersionMismatch`]); a mirror of an older
/// version is upgraded in place first ([`PushStats::upgraded_from`]).
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
    let upgraded_from = setup(client, &options.schema, &schema, &path)?;
    let mut pusher = Pusher {
        conn: &conn,
        path: path.clone(),
        pg: options.schema.clone(),
        maps: Maps::new(schema.tables.len()),
        rows: vec![0; schema.tables.len()],
        unkeyed: Vec::new(),
        bytes: 0,
        sequences: sequences(client, &options.schema, &schema)?,
        upgraded: client
            .query_one(
                "SELECT to_regclass($1::text) IS NOT NULL",
                &[&qualified(&options.schema, upgrade::STALE)],
            )?
            .get(0),
        schema: &schema,
    };
    let mut stats = PushStats {
        version: schema.version,
        upgraded_from,
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

/// Creates the tables (idempotent) and checks the recorded schema version, upgrading a
/// mirror of an older version in place, under an advisory lock so concurrent first pushes
/// do not race. Returns the version a mirror was upgraded from.
fn setup(
    client: &mut postgres::Client,
    pg: &str,
    schema: &Schema,
    path: &str,
) -> Result<Option<i64>, PgError> {
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
        match found.and_then(|v| v.parse::<i64>().ok()) {
            Some(found) if found > schema.version => {
                return Err(PgError::VersionMismatch {
                    schema: pg.to_owned(),
                    path: path.to_owned(),
                    found,
                    store: schema.version,
                });
            }
            Some(found) if found < schema.version => {
                upgrade::upgrade(&mut tx, pg, schema, found)?;
                tx.commit()?;
                return Ok(Some(found));
            }
            _ => {}
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
    Ok(None)
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
    /// Whether the mirror lists documents pushed before an upgrade ([`upgrade::STALE`]).
    upgraded: bool,
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
}

/// A row's natural key as one string.
fn natural(row: &Row, key: &[usize]) -> String {
    key.iter()
        .map(|&c| row[c].key())
        .collect::<Vec<_>>()
        .join("\u{1f}")
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
