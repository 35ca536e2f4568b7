//! Opening the database and writing documents in batched, idempotent transactions.

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, params};
use tally_core::{Claim, ClaimantKind, Document, normalize_whitespace};
use xxhash_rust::xxh3::xxh3_128;

use crate::StoreError;
use crate::error::At;
use crate::minhash::Signature;
use crate::schema::{self, MIGRATIONS};
use crate::seen::Seen;
use crate::write::{BatchWriter, PendingRows, PendingText, SourceCache};

/// Settings for a store.
#[derive(Debug, Clone)]
pub struct StoreOptions {
    /// Estimated Jaccard similarity of word 5-grams at or above which two documents are in
    /// the same syndication cluster. Copies of a wire story with different boilerplate score
    /// 0.7 to 1.0; different stories on the same event rarely pass 0.3.
    pub cluster_similarity: f64,
    /// What to do with a document whose id is already stored.
    pub on_existing: OnExisting,
}

impl Default for StoreOptions {
    fn default() -> Self {
        StoreOptions {
            cluster_similarity: 0.6,
            on_existing: OnExisting::Skip,
        }
    }
}

/// What to do when a document with the same id is already stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OnExisting {
    /// Keep the stored copy: re-ingesting the same input adds nothing.
    #[default]
    Skip,
    /// Replace its annotations (after a pipeline upgrade added layers).
    Replace,
}

/// A document ready to store: annotated, with its MinHash signature computed (in a worker
/// thread, so the single writer only writes).
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The annotated document.
    pub document: Document,
    /// MinHash signature of its body.
    pub signature: Signature,
}

impl Prepared {
    /// Computes the signature of `document`'s body.
    #[must_use]
    pub fn new(document: Document) -> Prepared {
        let signature = Signature::of(&document.body);
        Prepared {
            document,
            signature,
        }
    }
}

/// A record that could not be read or annotated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorRecord {
    /// The input file (`-` for standard input).
    pub path: String,
    /// The record in it (`line 12`, a WARC record id), or empty for the whole file.
    pub record: String,
    /// The stable diagnostic code (`I005`).
    pub code: String,
    /// What went wrong.
    pub message: String,
}

/// What one batch write did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WriteStats {
    /// Documents stored.
    pub inserted: u64,
    /// Documents already present and left alone.
    pub skipped: u64,
    /// Documents whose annotations were replaced.
    pub replaced: u64,
    /// Claim carriers written (a claim already stored from another copy counts here too).
    pub claims: u64,
    /// Error records stored (repeats of an already stored error are not counted).
    pub errors: u64,
}

impl std::ops::AddAssign for WriteStats {
    fn add_assign(&mut self, o: WriteStats) {
        self.inserted += o.inserted;
        self.skipped += o.skipped;
        self.replaced += o.replaced;
        self.claims += o.claims;
        self.errors += o.errors;
    }
}

/// Whether an input file was already ingested completely.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputStatus {
    /// Never seen, or changed since.
    New,
    /// Started but not finished (an interrupted run): reading it again completes it.
    Interrupted,
    /// Finished with the same size and modification time: nothing to do.
    Done,
}

/// The tally database: one SQLite file in WAL mode.
///
/// ```
/// use tally_core::{Document, DocumentMeta};
/// use tally_store::{Prepared, Store};
/// let dir = tempfile::tempdir().unwrap();
/// let mut store = Store::open(&dir.path().join("tally.db")).unwrap();
/// let doc = Document::new(DocumentMeta::default(), ["Several hundred casualties."]);
/// let stats = store.write(&[Prepared::new(doc.clone())], &[]).unwrap();
/// assert_eq!(stats.inserted, 1);
/// // Idempotent: the same document again adds nothing.
/// assert_eq!(store.write(&[Prepared::new(doc)], &[]).unwrap().skipped, 1);
/// ```
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: String,
    options: StoreOptions,
    sources: SourceCache,
    /// Rows written when the open transaction commits (see [`PendingRows`]).
    rows: PendingRows,
    /// Content hashes and LSH bands possibly stored (see [`Seen`]).
    seen: Seen,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and migrates it to the current
    /// schema.
    ///
    /// # Errors
    /// [`StoreError`] when the file cannot be opened, is newer than this build, or a
    /// migration fails.
    pub fn open(path: &Path) -> Result<Store, StoreError> {
        Store::open_with(path, StoreOptions::default())
    }

    /// [`Store::open`] with options.
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_with(path: &Path, options: StoreOptions) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let mut conn = Connection::open(path).at(&name)?;
        configure(&conn, &name)?;
        crate::when::register(&conn).at(&name)?;
        schema::migrate(&mut conn, &name, MIGRATIONS)?;
        Ok(Store {
            conn,
            path: name,
            options,
            sources: SourceCache::default(),
            rows: PendingRows::default(),
            seen: Seen::default(),
        })
    }

    /// Opens an existing database for queries only, first upgrading an older schema in
    /// place (see [`Store::open_for_queries`]).
    ///
    /// # Errors
    /// As [`Store::open_for_queries`].
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        Store::open_for_queries(path).map(|(store, _)| store)
    }

    /// Opens an existing database for queries only. A file written by an older tally is
    /// first migrated in place, as `tally ingest` would (a user who upgrades tally and asks
    /// last month's database for a timeline wants the timeline, not an errand); the
    /// migration is returned so that a command can say so. Queries then run on a
    /// read-only connection.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when it cannot be opened, [`StoreError::TooNew`] for a newer
    /// schema, [`StoreError::Outdated`] for an older one that cannot be written here (a
    /// write-protected file), [`StoreError::Migration`] when a migration step fails.
    pub fn open_for_queries(path: &Path) -> Result<(Store, Option<Upgraded>), StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .at(&name)?;
        conn.busy_timeout(Duration::from_secs(30)).at(&name)?;
        crate::when::register(&conn).at(&name)?;
        // Queries read through a memory map (the OS page cache, not heap), saving a system
        // call and a copy for every page a search or timeline touches.
        conn.execute_batch("PRAGMA mmap_size = 17179869184; PRAGMA cache_size = -65536;")
            .at(&name)?;
        let version = schema::version(&conn, &name)?;
        if version > schema::SCHEMA_VERSION {
            return Err(StoreError::TooNew {
                path: name,
                found: version,
                supported: schema::SCHEMA_VERSION,
            });
        }
        let upgraded = if version < schema::SCHEMA_VERSION {
            // The read-only connection sees the new schema at its next statement (SQLite
            // re-reads the schema when another connection changed it).
            Some(upgrade_in_place(path, &name, version)?)
        } else {
            None
        };
        let store = Store {
            conn,
            path: name,
            options: StoreOptions::default(),
            sources: SourceCache::default(),
            rows: PendingRows::default(),
            seen: Seen::default(),
        };
        Ok((store, upgraded))
    }

    /// A second, read-only connection to the same file, for lookups while this one writes;
    /// `None` for an in-memory database.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when the file cannot be opened.
    pub fn reader(&self) -> Result<Option<Store>, StoreError> {
        if self.conn.path().is_none_or(str::is_empty) {
            return Ok(None);
        }
        Store::open_read_only(Path::new(&self.path)).map(Some)
    }

    /// Opens a throwaway in-memory database (tests, one-off extraction).
    ///
    /// # Errors
    /// As [`Store::open`].
    pub fn open_in_memory() -> Result<Store, StoreError> {
        let name = ":memory:".to_owned();
        let mut conn = Connection::open_in_memory().at(&name)?;
        configure(&conn, &name)?;
        crate::when::register(&conn).at(&name)?;
        schema::migrate(&mut conn, &name, MIGRATIONS)?;
        Ok(Store {
            conn,
            path: name,
            options: StoreOptions::default(),
            sources: SourceCache::default(),
            rows: PendingRows::default(),
            seen: Seen::default(),
        })
    }

    /// Runs `read` inside one read transaction: every statement in it sees the same
    /// snapshot, and the file is locked and the WAL index checked once instead of once per
    /// statement (a query made of many small lookups spent a third of its time in `fcntl`).
    /// A savepoint, so it also nests inside a write transaction.
    pub(crate) fn snapshot<T>(
        &self,
        read: impl FnOnce() -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.conn
            .execute_batch("SAVEPOINT tally_read")
            .at(&self.path)?;
        let result = read();
        // Release even after an error: a read leaves nothing to roll back.
        let released = self.conn.execute_batch("RELEASE tally_read").at(&self.path);
        let value = result?;
        released?;
        Ok(value)
    }

    /// The database file name.
    #[must_use]
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The underlying connection, for ad-hoc queries.
    #[must_use]
    pub fn connection(&self) -> &Connection {
        &self.conn
    }

    /// Whether a document with this id is stored.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn contains(&self, id: &str) -> Result<bool, StoreError> {
        self.conn
            .prepare_cached("SELECT 1 FROM documents WHERE id = ?1")
            .and_then(|mut st| st.exists([id]))
            .at(&self.path)
    }

    /// Whether `path` with this size and modification time was already ingested.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn input_status(
        &self,
        path: &str,
        size: u64,
        mtime_ns: i64,
    ) -> Result<InputStatus, StoreError> {
        let row: Option<(i64, i64, String)> = self
            .conn
            .query_row(
                "SELECT size, mtime_ns, status FROM inputs WHERE path = ?1",
                [path],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .at(&self.path)?;
        Ok(match row {
            Some((s, m, status)) if s == size as i64 && m == mtime_ns && status == "done" => {
                InputStatus::Done
            }
            Some((s, m, _)) if s == size as i64 && m == mtime_ns => InputStatus::Interrupted,
            _ => InputStatus::New,
        })
    }

    /// Records that reading `path` started.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn begin_input(&self, path: &str, size: u64, mtime_ns: i64) -> Result<(), StoreError> {
        begin_input(&self.conn, path, size, mtime_ns).at(&self.path)
    }

    /// Records that `path` was read to the end, so a rerun can skip it.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn finish_input(&self, path: &str, documents: u64, errors: u64) -> Result<(), StoreError> {
        finish_input(&self.conn, path, documents, errors).at(&self.path)
    }

    /// Writes a batch of documents and error records in one transaction: either all of it is
    /// stored or, after a crash, none of it.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`]; the transaction is rolled back.
    pub fn write(
        &mut self,
        documents: &[Prepared],
        errors: &[ErrorRecord],
    ) -> Result<WriteStats, StoreError> {
        self.write_batch(documents, errors, &[])
    }

    /// [`Store::write`] plus input bookkeeping in the same transaction, so an input is
    /// recorded as done exactly when its last records are stored.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`]; the transaction is rolled back.
    pub fn write_batch(
        &mut self,
        documents: &[Prepared],
        errors: &[ErrorRecord],
        inputs: &[InputMark],
    ) -> Result<WriteStats, StoreError> {
        self.write_batch_then(documents, errors, inputs, Commit::Now)
    }

    /// [`Store::write_batch`], committing now or leaving the transaction open for the next
    /// batches ([`Commit::Later`]; [`Store::commit`] ends it). Batches are the unit of
    /// memory (their documents are held until written); a transaction can span several.
    /// The rows of the random-key indexes' tables (figures by measure, entities by id,
    /// carriers by claim) are kept as values until the commit and written table by table:
    /// any batch dirties pages nearly everywhere in those indexes, so one sweep and one
    /// commit per four batches read and write those pages a quarter as often as one per
    /// batch. Until the commit, the batches are invisible to other connections and an
    /// interruption loses all of them (a rerun stores them again).
    ///
    /// # Errors
    /// [`StoreError::Sqlite`]; the whole open transaction (earlier uncommitted batches too)
    /// is rolled back.
    pub fn write_batch_then(
        &mut self,
        documents: &[Prepared],
        errors: &[ErrorRecord],
        inputs: &[InputMark],
        commit: Commit,
    ) -> Result<WriteStats, StoreError> {
        let written = write_in_transaction(
            &self.conn,
            &self.options,
            &mut self.sources,
            &mut self.rows,
            &mut self.seen,
            Rows {
                documents,
                errors,
                inputs,
            },
            commit,
        );
        match written {
            Ok(stats) => {
                if commit == Commit::Now {
                    self.sources.commit();
                }
                Ok(stats)
            }
            Err(e) => {
                self.sources.rollback();
                self.rows.clear();
                self.seen.claims.clear();
                Err(e).at(&self.path)
            }
        }
    }

    /// Commits the transaction left open by [`Store::write_batch_then`] with
    /// [`Commit::Later`]; nothing when none is open.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`]; the open transaction is rolled back.
    ///
    /// Returns the claim carriers written by the commit (the batches' [`WriteStats`] count
    /// only those written before it).
    pub fn commit(&mut self) -> Result<u64, StoreError> {
        if self.conn.is_autocommit() {
            return Ok(0);
        }
        let committed = self
            .rows
            .write(&self.conn)
            .and_then(|carriers| self.conn.execute_batch("COMMIT").map(|()| carriers));
        match committed {
            Ok(carriers) => {
                self.sources.commit();
                Ok(carriers)
            }
            Err(e) => {
                // The commit's error is the one to report; a failed rollback leaves the
                // transaction to SQLite, which rolls it back when the connection closes.
                let _ = self.conn.execute_batch("ROLLBACK");
                self.sources.rollback();
                self.rows.clear();
                self.seen.claims.clear();
                Err(e).at(&self.path)
            }
        }
    }

    /// Counts of stored rows: documents, claims, claim carriers, figures, errors, clusters
    /// with more than one document.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let one = |sql: &str| -> Result<u64, StoreError> {
            self.conn
                .query_row(sql, [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .at(&self.path)
        };
        Ok(Counts {
            documents: one("SELECT count(*) FROM documents")?,
            claims: one("SELECT count(*) FROM claims")?,
            claim_carriers: one("SELECT count(*) FROM claim_instances")?,
            figures: one("SELECT count(*) FROM figures")?,
            errors: one("SELECT count(*) FROM errors")?,
            clusters: one(
                "SELECT count(*) FROM (SELECT 1 FROM documents GROUP BY cluster_id HAVING count(*) > 1)",
            )?,
        })
    }
}

/// Row counts, for summaries and tests.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents.
    pub documents: u64,
    /// Distinct claims.
    pub claims: u64,
    /// Claim carriers (a claim in three copies counts three).
    pub claim_carriers: u64,
    /// Figures.
    pub figures: u64,
    /// Error records.
    pub errors: u64,
    /// Syndication clusters with more than one document.
    pub clusters: u64,
}

/// Bookkeeping for one input file, written in the transaction of the batch it ends up in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputMark {
    /// Reading `path` started (its records follow).
    Started {
        /// The input file.
        path: String,
        /// Its size in bytes.
        size: u64,
        /// Its modification time, nanoseconds since the epoch.
        mtime_ns: i64,
    },
    /// `path` was read to the end and every record before this mark is stored.
    Finished {
        /// The input file.
        path: String,
        /// Documents read from it.
        documents: u64,
        /// Records that failed to read or annotate.
        errors: u64,
    },
}

/// Whether a batch write commits its transaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Commit {
    /// Commit at the end of this batch.
    Now,
    /// Leave the transaction open: the next batches join it until one commits or
    /// [`Store::commit`] is called.
    Later,
}

/// One batch's input to the writer.
struct Rows<'a> {
    documents: &'a [Prepared],
    errors: &'a [ErrorRecord],
    inputs: &'a [InputMark],
}

fn write_in_transaction(
    conn: &Connection,
    options: &StoreOptions,
    sources: &mut SourceCache,
    pending: &mut PendingRows,
    seen: &mut Seen,
    batch: Rows<'_>,
    commit: Commit,
) -> rusqlite::Result<WriteStats> {
    if conn.is_autocommit() {
        conn.execute_batch("BEGIN")?;
    }
    let written = write_rows(conn, options, sources, pending, seen, batch).and_then(|mut stats| {
        if commit == Commit::Now {
            stats.claims += pending.write(conn)?;
            conn.execute_batch("COMMIT")?;
        }
        Ok(stats)
    });
    if written.is_err() && !conn.is_autocommit() {
        // The write's error is the one to report; a failed rollback leaves the transaction
        // to SQLite, which rolls it back when the connection closes.
        let _ = conn.execute_batch("ROLLBACK");
    }
    written
}

fn write_rows(
    tx: &Connection,
    options: &StoreOptions,
    sources: &mut SourceCache,
    rows: &mut PendingRows,
    seen: &mut Seen,
    batch: Rows<'_>,
) -> rusqlite::Result<WriteStats> {
    let Rows {
        documents,
        errors,
        inputs,
    } = batch;
    if !documents.is_empty() {
        seen.prepare(tx, documents.len())?;
    }
    let mut writer = BatchWriter {
        tx,
        options,
        stats: WriteStats::default(),
        sources,
        fts: PendingText::default(),
        rows,
        seen,
    };
    for prepared in documents {
        writer.document(prepared)?;
    }
    let BatchWriter {
        mut stats,
        fts,
        rows,
        ..
    } = writer;
    // The full-text rows borrow the batch's documents, so they go in now, after the rows
    // keyed by document; the random-key tables' rows wait for the commit.
    rows.write_documents(tx)?;
    fts.write(tx)?;
    {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO errors (path, record, code, message, at)
             VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        )?;
        for error in errors {
            stats.errors +=
                st.execute(params![error.path, error.record, error.code, error.message])? as u64;
        }
    }
    // In order: a batch can hold one input's end and the next one's start.
    for mark in inputs {
        match mark {
            InputMark::Started {
                path,
                size,
                mtime_ns,
            } => begin_input(tx, path, *size, *mtime_ns)?,
            InputMark::Finished {
                path,
                documents,
                errors,
            } => finish_input(tx, path, *documents, *errors)?,
        }
    }
    Ok(stats)
}

fn begin_input(conn: &Connection, path: &str, size: u64, mtime_ns: i64) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "INSERT INTO inputs (path, size, mtime_ns, status, documents, errors, started_at)
         VALUES (?1, ?2, ?3, 'running', 0, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
         ON CONFLICT(path) DO UPDATE SET size = ?2, mtime_ns = ?3, status = 'running',
             started_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), finished_at = NULL",
    )?
    .execute(params![path, size as i64, mtime_ns])?;
    Ok(())
}

fn finish_input(
    conn: &Connection,
    path: &str,
    documents: u64,
    errors: u64,
) -> rusqlite::Result<()> {
    conn.prepare_cached(
        "UPDATE inputs SET status = 'done', documents = ?2, errors = ?3,
             finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE path = ?1",
    )?
    .execute(params![path, documents as i64, errors as i64])?;
    Ok(())
}

fn configure(conn: &Connection, name: &str) -> Result<(), StoreError> {
    // WAL lets queries run while an ingest writes and makes a crash lose at most the open
    // transaction. NORMAL sync is durable in WAL mode except for the last commits on power
    // loss, never corrupting; a rerun re-adds them. The page cache is 32 MiB: larger ones
    // were measured (128 MiB: 1-2 s of CPU on 45 s for +107 MiB of memory).
    //
    // Foreign keys are declared in the schema but not enforced on this connection: the
    // single writer inserts every parent row before its children in the same transaction,
    // and enforcement would cost a parent lookup per child row (about a fifth of the write
    // path) and a statement journal per insert. Tests run `PRAGMA foreign_key_check`.
    //
    // The WAL is checkpointed into the database every 16,384 pages (256 MiB with 16 KiB
    // pages) instead of every 1,000: a page that many transactions touch (an index's inner
    // pages) is copied back once per checkpoint, and each checkpoint costs an fsync.
    //
    // A new database gets 16 KiB pages (SQLite's default is 4 KiB): a third fewer B-tree
    // pages to balance and log per batch, about 15% less CPU in the writer, and whole
    // article bodies in one page; an existing file keeps the size it was created with.
    conn.execute_batch(
        "PRAGMA page_size = 16384;
         PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = OFF;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -32768;
         PRAGMA wal_autocheckpoint = 16384;",
    )
    .at(name)?;
    conn.busy_timeout(Duration::from_secs(30)).at(name)?;
    // The write path uses about 30 distinct statements and six multi-row inserts in four
    // sizes each; rusqlite's default cache of 16 would re-prepare them for every document.
    conn.set_prepared_statement_cache_capacity(128);
    Ok(())
}

/// What opening an older database for queries did: the schema versions before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Upgraded {
    /// The file's schema version when opened.
    pub from: i64,
    /// The version it has now ([`schema::SCHEMA_VERSION`]).
    pub to: i64,
}

/// Migrates an existing file of schema version `found` to the current one on a short-lived
/// writable connection; never creates a file.
fn upgrade_in_place(path: &Path, name: &str, found: i64) -> Result<Upgraded, StoreError> {
    let outdated = |reason: String| StoreError::Outdated {
        path: name.to_owned(),
        found,
        supported: schema::SCHEMA_VERSION,
        reason,
    };
    // A file whose owner made it read-only (an archive) is left alone, even for a user
    // whom the permission does not stop (root).
    let write_protected = std::fs::metadata(path)
        .map_err(|e| outdated(e.to_string()))?
        .permissions()
        .readonly();
    if write_protected {
        return Err(outdated("the file is write-protected".to_owned()));
    }
    // SQLite opens a file it may not write read-only without an error; `is_readonly` tells.
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| outdated(e.to_string()))?;
    if conn.is_readonly("main").unwrap_or(true) {
        return Err(outdated("the file is not writable".to_owned()));
    }
    // An ingest writing the file holds its lock for a commit at most: wait, as it would.
    conn.busy_timeout(Duration::from_secs(30))
        .map_err(|e| outdated(e.to_string()))?;
    // A file SQLite could open for writing but not write (a read-only directory for the
    // WAL's files) is the user's to fix like a write-protected one; any other failure is
    // the migration's own (S003), which no change of permissions would cure.
    schema::migrate(&mut conn, name, MIGRATIONS).map_err(|e| match e {
        StoreError::Migration {
            source: rusqlite::Error::SqliteFailure(ref f, _),
            ..
        } if matches!(
            f.code,
            rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen
        ) =>
        {
            outdated(e.to_string())
        }
        other => other,
    })?;
    Ok(Upgraded {
        from: found,
        to: schema::SCHEMA_VERSION,
    })
}

/// The claim's key across documents: claimant and normalized, case-folded content. Two
/// copies of the same wire story give their shared quotes the same key.
#[must_use]
pub fn claim_key(claim: &Claim) -> String {
    let kind = match claim.claimant.kind {
        ClaimantKind::Speaker => "speaker",
        ClaimantKind::Agency => "agency",
        ClaimantKind::Publisher => "publisher",
        ClaimantKind::Unknown => "unknown",
    };
    key_of(kind, &claim.claimant.name, &claim.content)
}

/// The hash of `kind \0 name \0 content`, each folded, built in one buffer: the writer
/// computes a key per claim carrier, and four intermediate strings and two `format!`s were
/// a few percent of its instructions.
fn key_of(kind: &str, name: &str, content: &str) -> String {
    let mut key = String::with_capacity(kind.len() + name.len() + content.len() + 2);
    key.push_str(kind);
    key.push('\0');
    push_folded(&mut key, name);
    key.push('\0');
    push_folded(&mut key, content);
    hex128(xxh3_128(key.as_bytes()))
}

/// Appends `text` whitespace-normalized and lowercased (`str::to_lowercase`, which for
/// ASCII text is the ASCII lowercase done in place).
fn push_folded(out: &mut String, text: &str) {
    let mut normalized = normalize_whitespace(text);
    if normalized.is_ascii() {
        normalized.make_ascii_lowercase();
        out.push_str(&normalized);
    } else {
        out.push_str(&normalized.to_lowercase());
    }
}

/// `format!("{value:032x}")`.
fn hex128(value: u128) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    (0..32)
        .rev()
        .map(|i| char::from(DIGITS[((value >> (4 * i)) & 0xf) as usize]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claim_keys_are_as_before() {
        // The key as it was first written: stored claims must keep matching their copies.
        fn old_key(kind: &str, name: &str, content: &str) -> String {
            let key = format!(
                "{kind}\u{0}{}\u{0}{}",
                normalize_whitespace(name).to_lowercase(),
                normalize_whitespace(content).to_lowercase()
            );
            format!("{:032x}", xxh3_128(key.as_bytes()))
        }
        for (name, content) in [
            ("", ""),
            ("Reuters", "Several  hundred\n casualties, officials SAID."),
            ("ΟΔΥΣΣΕΥΣ", "ΣΟΦΟΣ λόγος  ΤΕΛΟΣ"),
            ("İstanbul Valiliği", "Şehirde  İKİ kişi öldü"),
            ("  Mr. O'Neil ", "\t\u{a0}tabs\u{2009}and  thin spaces "),
        ] {
            for kind in ["speaker", "agency", "publisher", "unknown"] {
                assert_eq!(key_of(kind, name, content), old_key(kind, name, content));
            }
        }
        assert_eq!(hex128(0), "0".repeat(32));
        assert_eq!(hex128(u128::MAX), "f".repeat(32));
        assert_eq!(hex128(0xabc), format!("{:032x}", 0xabc_u128));
    }
}
