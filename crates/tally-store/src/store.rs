//! Opening the database and writing documents in batched, idempotent transactions.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, params};
use tally_core::{Claim, ClaimantKind, Document, normalize_whitespace};
use xxhash_rust::xxh3::xxh3_128;

use crate::StoreError;
use crate::error::At;
use crate::minhash::Signature;
use crate::schema::{self, MIGRATIONS};

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
        schema::migrate(&mut conn, &name, MIGRATIONS)?;
        Ok(Store {
            conn,
            path: name,
            options,
        })
    }

    /// Opens an existing database for queries only.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`] when it cannot be opened, [`StoreError::TooNew`] for a newer
    /// schema, [`StoreError::InvalidArgument`] for an older one (queries need the current
    /// schema; opening it for writing migrates it).
    pub fn open_read_only(path: &Path) -> Result<Store, StoreError> {
        let name = path.display().to_string();
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .at(&name)?;
        conn.busy_timeout(Duration::from_secs(30)).at(&name)?;
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
        if version < schema::SCHEMA_VERSION {
            return Err(StoreError::InvalidArgument {
                what: "database",
                value: name,
                reason: format!(
                    "schema version {version} is older than {}: run `tally ingest` on it once to migrate",
                    schema::SCHEMA_VERSION
                ),
            });
        }
        Ok(Store {
            conn,
            path: name,
            options: StoreOptions::default(),
        })
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
        schema::migrate(&mut conn, &name, MIGRATIONS)?;
        Ok(Store {
            conn,
            path: name,
            options: StoreOptions::default(),
        })
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
        self.conn
            .execute(
                "INSERT INTO inputs (path, size, mtime_ns, status, documents, errors, started_at)
                 VALUES (?1, ?2, ?3, 'running', 0, 0, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
                 ON CONFLICT(path) DO UPDATE SET size = ?2, mtime_ns = ?3, status = 'running',
                     started_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), finished_at = NULL",
                params![path, size as i64, mtime_ns],
            )
            .at(&self.path)?;
        Ok(())
    }

    /// Records that `path` was read to the end, so a rerun can skip it.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn finish_input(&self, path: &str, documents: u64, errors: u64) -> Result<(), StoreError> {
        self.conn
            .execute(
                "UPDATE inputs SET status = 'done', documents = ?2, errors = ?3,
                     finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE path = ?1",
                params![path, documents as i64, errors as i64],
            )
            .at(&self.path)?;
        Ok(())
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
        let path = self.path.clone();
        let options = self.options.clone();
        let tx = self.conn.transaction().at(&path)?;
        let mut stats = WriteStats::default();
        let mut fts = PendingText::default();
        for prepared in documents {
            write_document(&tx, prepared, &options, &mut stats, &mut fts).at(&path)?;
        }
        fts.write(&tx).at(&path)?;
        for error in errors {
            stats.errors += tx
                .prepare_cached(
                    "INSERT OR IGNORE INTO errors (path, record, code, message, at)
                     VALUES (?1, ?2, ?3, ?4, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                )
                .and_then(|mut st| {
                    st.execute(params![error.path, error.record, error.code, error.message])
                })
                .at(&path)? as u64;
        }
        tx.commit().at(&path)?;
        Ok(stats)
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

fn configure(conn: &Connection, name: &str) -> Result<(), StoreError> {
    // WAL lets queries run while an ingest writes and makes a crash lose at most the open
    // transaction. NORMAL sync is durable in WAL mode except for the last commits on power
    // loss, never corrupting; a rerun re-adds them. A 128 MiB page cache keeps the hot
    // index pages (FTS, LSH bands) in memory as the file grows past it.
    conn.execute_batch(
        "PRAGMA journal_mode = WAL;
         PRAGMA synchronous = NORMAL;
         PRAGMA foreign_keys = ON;
         PRAGMA temp_store = MEMORY;
         PRAGMA cache_size = -131072;",
    )
    .at(name)?;
    conn.busy_timeout(Duration::from_secs(30)).at(name)?;
    // The write path uses about 30 distinct statements; rusqlite's default cache of 16
    // would re-prepare them for every document.
    conn.set_prepared_statement_cache_capacity(64);
    Ok(())
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
    let key = format!(
        "{kind}\u{0}{}\u{0}{}",
        normalize_whitespace(&claim.claimant.name).to_lowercase(),
        normalize_whitespace(&claim.content).to_lowercase()
    );
    format!("{:032x}", xxh3_128(key.as_bytes()))
}

fn json<T: serde::Serialize>(value: &T) -> String {
    // Serializing plain data (strings, numbers, vectors of them) cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

fn snake<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn source_id(tx: &Transaction<'_>, name: &str) -> rusqlite::Result<i64> {
    tx.prepare_cached("INSERT OR IGNORE INTO sources (name) VALUES (?1)")?
        .execute([name])?;
    tx.prepare_cached("SELECT id FROM sources WHERE name = ?1")?
        .query_row([name], |r| r.get(0))
}

/// Full-text rows to add at the end of a batch. FTS5 flushes its in-memory terms to disk
/// whenever a statement opens a savepoint while an FTS table is part of the transaction (and
/// foreign-key checks make most inserts do so), so the index rows are written after every
/// other row of the batch: one flush per batch instead of one per statement.
#[derive(Default)]
struct PendingText {
    documents: Vec<(i64, Option<String>, String)>,
    claims: HashMap<i64, (String, String)>,
}

impl PendingText {
    fn write(self, tx: &Transaction<'_>) -> rusqlite::Result<()> {
        let mut st = tx
            .prepare_cached("INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        for (pk, title, body) in &self.documents {
            st.execute(params![pk, title, body])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO claims_fts (rowid, content, claimant_name) VALUES (?1, ?2, ?3)",
        )?;
        for (pk, (content, name)) in &self.claims {
            st.execute(params![pk, content, name])?;
        }
        Ok(())
    }
}

fn write_document(
    tx: &Transaction<'_>,
    prepared: &Prepared,
    options: &StoreOptions,
    stats: &mut WriteStats,
    fts: &mut PendingText,
) -> rusqlite::Result<()> {
    let doc = &prepared.document;
    let existing: Option<i64> = tx
        .prepare_cached("SELECT pk FROM documents WHERE id = ?1")?
        .query_row([&doc.id], |r| r.get(0))
        .optional()?;
    if existing.is_some() && options.on_existing == OnExisting::Skip {
        stats.skipped += 1;
        return Ok(());
    }
    let meta = &doc.meta;
    let publisher = meta
        .publisher
        .as_deref()
        .map(|n| source_id(tx, n))
        .transpose()?;
    let agency = meta
        .agency
        .as_deref()
        .map(|n| source_id(tx, n))
        .transpose()?;
    let published = meta.published.as_ref();
    let origin = meta.origin.as_ref();
    let values = params![
        doc.id,
        doc.content_hash,
        meta.url,
        meta.canonical_url,
        meta.title,
        publisher,
        agency,
        meta.byline,
        published.map(tally_core::Published::value),
        published.map(|p| p.date.to_string()),
        meta.language,
        origin.map(|o| o.path.as_str()),
        origin.and_then(|o| o.record.as_deref()),
        origin.map(|o| o.format.as_str()),
        json(meta),
        json(&doc.layers),
        json(&doc.diagnostics),
        doc.body,
    ];
    let pk = if let Some(pk) = existing {
        // Replace in place: the row keeps its pk, so claims first seen in this document
        // and cluster ids naming it stay valid.
        delete_annotations(tx, pk)?;
        tx.execute(
            "INSERT INTO documents_fts (documents_fts, rowid, title, body)
             SELECT 'delete', pk, title, body FROM documents WHERE pk = ?1",
            [pk],
        )?;
        tx.prepare_cached(
            "UPDATE documents SET id = ?1, content_hash = ?2, url = ?3, canonical_url = ?4,
                 title = ?5, publisher_id = ?6, agency_id = ?7, byline = ?8, published = ?9,
                 published_date = ?10, language = ?11, origin_path = ?12, origin_record = ?13,
                 origin_format = ?14, meta_json = ?15, layers = ?16, diagnostics = ?17,
                 body = ?18, ingested_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
             WHERE pk = ?19",
        )?
        .execute(rusqlite::params_from_iter(
            values.iter().copied().chain([&pk as &dyn rusqlite::ToSql]),
        ))?;
        stats.replaced += 1;
        pk
    } else {
        // The new row's pk is known before inserting (one writer, rows never deleted at the
        // top), so the cluster is found first and the row, with its large body, is written
        // once rather than inserted and then updated.
        let pk: i64 = tx
            .prepare_cached("SELECT coalesce(max(pk), 0) + 1 FROM documents")?
            .query_row([], |r| r.get(0))?;
        let cluster = find_cluster(tx, pk, doc, &prepared.signature, options)?;
        tx.prepare_cached(
            "INSERT INTO documents (id, content_hash, url, canonical_url, title, publisher_id,
                 agency_id, byline, published, published_date, language, origin_path,
                 origin_record, origin_format, meta_json, layers, diagnostics, body, pk,
                 cluster_id, ingested_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                 ?17, ?18, ?19, ?20, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
        )?
        .execute(rusqlite::params_from_iter(values.iter().copied().chain([
            &pk as &dyn rusqlite::ToSql,
            &cluster as &dyn rusqlite::ToSql,
        ])))?;
        stats.inserted += 1;
        pk
    };
    fts.documents
        .push((pk, meta.title.clone(), doc.body.clone()));
    // A replaced document keeps its cluster; either way its signature is (re)stored.
    store_signature(tx, pk, &prepared.signature)?;
    for (position, name) in meta.source_chain.iter().enumerate() {
        let id = source_id(tx, name)?;
        tx.prepare_cached(
            "INSERT OR IGNORE INTO source_chain (doc_pk, position, source_id) VALUES (?1, ?2, ?3)",
        )?
        .execute(params![pk, position as i64, id])?;
    }
    write_annotations(tx, pk, doc, stats, fts)?;
    Ok(())
}

/// Finds the syndication cluster of a new document (to get pk `pk`): an exact copy's (same
/// content hash), or that of any LSH candidate whose signature is similar enough; else its
/// own pk. When the document bridges two clusters they merge into the older one.
fn find_cluster(
    tx: &Transaction<'_>,
    pk: i64,
    doc: &Document,
    signature: &Signature,
    options: &StoreOptions,
) -> rusqlite::Result<i64> {
    let mut clusters: BTreeSet<i64> = BTreeSet::new();
    {
        let mut st = tx.prepare_cached(
            "SELECT DISTINCT cluster_id FROM documents WHERE content_hash = ?1 AND pk <> ?2",
        )?;
        let rows = st.query_map(params![doc.content_hash, pk], |r| r.get(0))?;
        for row in rows {
            clusters.insert(row?);
        }
    }
    if !signature.is_empty() {
        let bands = signature.bands();
        if clusters.is_empty() {
            // Candidates: documents sharing at least one band; confirmed by similarity.
            let mut st = tx.prepare_cached(
                "SELECT m.signature, d.cluster_id FROM lsh_bands b
                 JOIN minhash m ON m.doc_pk = b.doc_pk
                 JOIN documents d ON d.pk = b.doc_pk
                 WHERE b.band IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                 GROUP BY b.doc_pk",
            )?;
            let rows = st.query_map(rusqlite::params_from_iter(bands.iter()), |r| {
                Ok((r.get::<_, Vec<u8>>(0)?, r.get::<_, i64>(1)?))
            })?;
            for row in rows {
                let (bytes, cluster) = row?;
                if Signature::from_bytes(&bytes)
                    .is_some_and(|other| other.similarity(signature) >= options.cluster_similarity)
                {
                    clusters.insert(cluster);
                }
            }
        }
    }
    let Some(&first) = clusters.first() else {
        return Ok(pk);
    };
    for &other in clusters.iter().skip(1) {
        tx.prepare_cached("UPDATE documents SET cluster_id = ?1 WHERE cluster_id = ?2")?
            .execute(params![first, other])?;
    }
    Ok(first)
}

fn store_signature(tx: &Transaction<'_>, pk: i64, signature: &Signature) -> rusqlite::Result<()> {
    if signature.is_empty() {
        return Ok(());
    }
    tx.prepare_cached("INSERT OR REPLACE INTO minhash (doc_pk, signature) VALUES (?1, ?2)")?
        .execute(params![pk, signature.to_bytes()])?;
    let mut st =
        tx.prepare_cached("INSERT OR IGNORE INTO lsh_bands (band, doc_pk) VALUES (?1, ?2)")?;
    for band in signature.bands() {
        st.execute(params![band, pk])?;
    }
    Ok(())
}

fn delete_annotations(tx: &Transaction<'_>, pk: i64) -> rusqlite::Result<()> {
    // Band rows are keyed by band first; the old signature says which to delete, so this
    // needs no second index.
    let old: Option<Vec<u8>> = tx
        .prepare_cached("SELECT signature FROM minhash WHERE doc_pk = ?1")?
        .query_row([pk], |r| r.get(0))
        .optional()?;
    if let Some(sig) = old.as_deref().and_then(Signature::from_bytes) {
        let mut st = tx.prepare_cached("DELETE FROM lsh_bands WHERE band = ?1 AND doc_pk = ?2")?;
        for band in sig.bands() {
            st.execute(params![band, pk])?;
        }
    }
    for table in [
        "source_chain",
        "minhash",
        "paragraphs",
        "sentences",
        "entities",
        "mentions",
        "speakers",
        "attributions",
        "times",
        "evidence",
        "figures",
        "claim_instances",
    ] {
        tx.execute(&format!("DELETE FROM {table} WHERE doc_pk = ?1"), [pk])?;
    }
    // A claim no document carries any more goes too, with its index row.
    tx.execute(
        "INSERT INTO claims_fts (claims_fts, rowid, content, claimant_name)
         SELECT 'delete', pk, content, claimant_name FROM claims WHERE first_doc_pk = ?1
             AND NOT EXISTS (SELECT 1 FROM claim_instances i WHERE i.claim_pk = claims.pk)",
        [pk],
    )?;
    tx.execute(
        "DELETE FROM claims WHERE first_doc_pk = ?1
             AND NOT EXISTS (SELECT 1 FROM claim_instances i WHERE i.claim_pk = claims.pk)",
        [pk],
    )?;
    Ok(())
}

fn spans_json(spans: &[tally_core::Span]) -> String {
    json(&spans.iter().map(|s| [s.start, s.end]).collect::<Vec<_>>())
}

fn write_annotations(
    tx: &Transaction<'_>,
    pk: i64,
    doc: &Document,
    stats: &mut WriteStats,
    fts: &mut PendingText,
) -> rusqlite::Result<()> {
    {
        let mut st = tx.prepare_cached(
            "INSERT INTO paragraphs (doc_pk, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, p) in doc.paragraphs.iter().enumerate() {
            st.execute(params![pk, i as i64, p.start as i64, p.end as i64])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT INTO sentences (doc_pk, idx, start, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (i, s) in doc.sentences.iter().enumerate() {
            st.execute(params![pk, i as i64, s.start as i64, s.end as i64])?;
        }
    }
    {
        let mut ent = tx.prepare_cached(
            "INSERT OR IGNORE INTO entities (doc_pk, id, kind, name, parent) VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        let mut men = tx.prepare_cached(
            "INSERT OR IGNORE INTO mentions (doc_pk, entity_id, start, end) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for e in &doc.entities {
            ent.execute(params![pk, e.id, snake(&e.kind), e.name, e.parent])?;
            for m in &e.mentions {
                men.execute(params![pk, e.id, m.start as i64, m.end as i64])?;
            }
        }
    }
    {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO speakers (doc_pk, id, named, name, entity_id, descriptor, role,
                 affiliation, seniority, anonymous, grp, conditions, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
        )?;
        for s in &doc.speakers {
            st.execute(params![
                pk,
                s.id,
                s.named,
                s.name,
                s.entity_id,
                s.descriptor,
                s.role,
                s.affiliation,
                s.seniority,
                s.anonymous,
                s.group,
                json(&s.conditions),
                spans_json(&s.mentions),
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO attributions (doc_pk, id, kind, cue_start, cue_end, cue_lemma,
                 source_start, source_end, speaker_id, said_date, said_basis, said_time_id,
                 content, conditions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
        )?;
        for a in &doc.attributions {
            st.execute(params![
                pk,
                a.id,
                snake(&a.kind),
                a.cue.start as i64,
                a.cue.end as i64,
                a.cue_lemma,
                a.source.as_ref().map(|s| s.start as i64),
                a.source.as_ref().map(|s| s.end as i64),
                a.speaker_id,
                a.said_at.as_ref().map(|s| s.date.as_str()),
                a.said_at.as_ref().map(|s| snake(&s.basis)),
                a.said_at.as_ref().and_then(|s| s.time_id.as_deref()),
                spans_json(&a.content),
                json(&a.conditions),
            ])?;
        }
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO times (doc_pk, id, start, end, raw, type, value, modifier,
                 anchor, quant)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        for t in &doc.times {
            st.execute(params![
                pk,
                t.id,
                t.span.start as i64,
                t.span.end as i64,
                t.raw,
                snake(&t.kind),
                t.value,
                t.modifier.as_ref().map(snake),
                t.anchor,
                t.quant,
            ])?;
        }
    }

    // Claims first, so figures can point at the claim that carries them.
    let published_date = doc.meta.published.as_ref().map(|p| p.date.to_string());
    let mut figure_claim: HashMap<&str, (i64, Option<&str>)> = HashMap::new();
    for claim in &doc.claims {
        let key = claim_key(claim);
        let said = claim.said_at.as_ref().map(|s| s.date.as_str());
        tx.prepare_cached(
            "INSERT INTO claims (key, claimant_kind, claimant_name, claimant_anonymous, kind,
                 content, said_date, first_doc_pk)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             ON CONFLICT(key) DO UPDATE SET said_date =
                 CASE WHEN claims.said_date IS NULL OR excluded.said_date < claims.said_date
                      THEN excluded.said_date ELSE claims.said_date END",
        )?
        .execute(params![
            key,
            snake(&claim.claimant.kind),
            claim.claimant.name,
            claim.claimant.anonymous,
            snake(&claim.kind),
            claim.content,
            said,
            pk,
        ])?;
        let (claim_pk, fresh): (i64, bool) = tx
            .prepare_cached("SELECT pk, first_doc_pk = ?2 FROM claims WHERE key = ?1")?
            .query_row(params![key, pk], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let carried = tx
            .prepare_cached("SELECT 1 FROM claim_instances WHERE claim_pk = ?1")?
            .exists([claim_pk])?;
        if fresh && !carried {
            fts.claims
                .entry(claim_pk)
                .or_insert_with(|| (claim.content.clone(), claim.claimant.name.clone()));
        }
        stats.claims += tx
            .prepare_cached(
                "INSERT OR IGNORE INTO claim_instances (claim_pk, doc_pk, id, speaker_id,
                     cue_start, cue_end, said_date, said_basis, said_time_id, about_times,
                     figures, entities, conditions, attributions, rules)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
            )?
            .execute(params![
                claim_pk,
                pk,
                claim.id,
                claim.claimant.speaker_id,
                claim.cue.as_ref().map(|c| c.start as i64),
                claim.cue.as_ref().map(|c| c.end as i64),
                said,
                claim.said_at.as_ref().map(|s| snake(&s.basis)),
                claim.said_at.as_ref().and_then(|s| s.time_id.as_deref()),
                json(&claim.about_times),
                json(&claim.figures),
                json(&claim.entities),
                json(&claim.conditions),
                json(&claim.attributions),
                json(&claim.rules),
            ])? as u64;
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO evidence (doc_pk, claim_id, idx, start, end)
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )?;
        for (i, e) in claim.evidence.iter().enumerate() {
            st.execute(params![
                pk,
                claim.id,
                i as i64,
                e.start as i64,
                e.end as i64
            ])?;
        }
        for figure in &claim.figures {
            figure_claim
                .entry(figure.as_str())
                .or_insert((claim_pk, said));
        }
    }
    let mut st = tx.prepare_cached(
        "INSERT OR IGNORE INTO figures (doc_pk, id, start, end, raw, low, best, high, unit,
             approx, open_low, open_high, measure, noun, subject_text, subject_entity,
             place_text, place_entity, hedges, convention, claim_pk, date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
             ?18, ?19, ?20, ?21, ?22)",
    )?;
    for f in &doc.figures {
        let (claim_pk, said) = figure_claim
            .get(f.id.as_str())
            .map_or((None, None), |&(c, s)| (Some(c), s));
        let date = said.map(str::to_owned).or_else(|| published_date.clone());
        st.execute(params![
            pk,
            f.id,
            f.span.start as i64,
            f.span.end as i64,
            f.raw,
            f.low,
            f.best,
            f.high,
            f.unit,
            f.approx,
            f.open_low,
            f.open_high,
            f.measure.as_str(),
            f.noun,
            f.subject.as_ref().map(|a| a.span.text.as_str()),
            f.subject.as_ref().and_then(|a| a.entity_id.as_deref()),
            f.place.as_ref().map(|a| a.span.text.as_str()),
            f.place.as_ref().and_then(|a| a.entity_id.as_deref()),
            json(&f.hedges),
            f.convention,
            claim_pk,
            date,
        ])?;
    }
    Ok(())
}
