//! The write path: one annotated document into its rows, inside the batch's transaction.
//!
//! Cost model (why it looks the way it does): the store must add little to the pipeline's
//! own cost, so each document is a handful of statements per layer item and nothing more.
//! Lists that are only ever read whole (paragraph and sentence spans, an entity's mentions,
//! a carrier's evidence) are JSON columns rather than one row each; statements are prepared
//! once per connection (`prepare_cached`); source names are looked up once per run; a claim
//! is upserted and its pk returned by one statement; the rows of tables with a random-key
//! index (entities, claim carriers, figures: see [`PendingRows`]) are added at the commit
//! and those keyed by document (speakers, attributions, times) and the full-text rows (see
//! [`PendingText`]) at the end of the batch, table by table, up to 8 rows per statement.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::{Connection, OptionalExtension, params};
use tally_core::{Attribution, Claim, Document, Entity, Figure, Span, Speaker, Timex};

use crate::known::Known;
use crate::minhash::Signature;
use crate::names::name;
use crate::packed::{MultiInsert, Packed};
use crate::seen::{self, Seen, band_key, content_key};
use crate::store::{OnExisting, Prepared, StoreOptions, WriteStats, claim_key};
use crate::written;

/// State of one batch write: the connection (inside an open transaction), the options,
/// counters, the source-name cache and the rows still to add.
pub(crate) struct BatchWriter<'a> {
    pub tx: &'a Connection,
    pub options: &'a StoreOptions,
    pub stats: WriteStats,
    pub sources: &'a mut SourceCache,
    pub fts: PendingText<'a>,
    pub rows: &'a mut PendingRows,
    pub seen: &'a mut Seen,
}

/// Source ids by name. Ids created inside a transaction are kept apart until it commits,
/// so a rolled-back batch leaves no id behind that the database does not have.
#[derive(Debug, Default)]
pub(crate) struct SourceCache {
    committed: HashMap<String, i64>,
    pending: HashMap<String, i64>,
}

impl SourceCache {
    /// Keeps the ids created by the transaction that just committed.
    pub fn commit(&mut self) {
        self.committed.extend(self.pending.drain());
    }

    /// Forgets the ids created by a transaction that rolled back.
    pub fn rollback(&mut self) {
        self.pending.clear();
    }
}

impl<'a> BatchWriter<'a> {
    fn source_id(&mut self, name: &str) -> rusqlite::Result<i64> {
        if let Some(&id) = self
            .sources
            .committed
            .get(name)
            .or_else(|| self.sources.pending.get(name))
        {
            return Ok(id);
        }
        let existing: Option<i64> = self
            .tx
            .prepare_cached("SELECT id FROM sources WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        let id = match existing {
            Some(id) => {
                self.sources.committed.insert(name.to_owned(), id);
                return Ok(id);
            }
            None => self
                .tx
                .prepare_cached("INSERT INTO sources (name) VALUES (?1) RETURNING id")?
                .query_row([name], |r| r.get(0))?,
        };
        self.sources.pending.insert(name.to_owned(), id);
        Ok(id)
    }

    /// Stores one document (or skips or replaces it, per the options).
    pub fn document(&mut self, prepared: &'a Prepared) -> rusqlite::Result<()> {
        let tx = self.tx;
        let doc = &prepared.document;
        let existing: Option<i64> = tx
            .prepare_cached("SELECT pk FROM documents WHERE id = ?1")?
            .query_row([&doc.id], |r| r.get(0))
            .optional()?;
        if existing.is_some() && self.options.on_existing == OnExisting::Skip {
            self.stats.skipped += 1;
            return Ok(());
        }
        let meta = &doc.meta;
        let publisher = meta
            .publisher
            .as_deref()
            .map(|n| self.source_id(n))
            .transpose()?;
        let agency = meta
            .agency
            .as_deref()
            .map(|n| self.source_id(n))
            .transpose()?;
        let published = meta.published.as_ref();
        let origin = meta.origin.as_ref();
        let dateline = crate::dateline::place(&doc.body);
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
            dateline,
        ];
        let pk = if let Some(pk) = existing {
            // Replace in place: the row keeps its pk, so claims first seen in this document
            // and cluster ids naming it stay valid. Deleting reads the carriers stored so
            // far (a claim survives while another document carries it), so the rows
            // deferred until now are written first.
            self.stats.claims += self.rows.write(tx)?;
            self.fts.write_claims(tx)?;
            // Claims only this document carried go: the known ones are read again.
            self.seen.claims.clear();
            delete_annotations(tx, pk)?;
            // A copy written earlier in this batch has no index row yet, only a pending
            // one, which goes; deleting an index row that is not there fails as a
            // corrupt index ("database disk image is malformed").
            let pending = self.fts.documents.len();
            self.fts.documents.retain(|&(p, _)| p != pk);
            if self.fts.documents.len() == pending {
                tx.prepare_cached(
                    "INSERT INTO documents_fts (documents_fts, rowid, title, body)
                     SELECT 'delete', pk, title, body FROM document_text WHERE pk = ?1",
                )?
                .execute([pk])?;
            }
            tx.prepare_cached(
                "UPDATE documents SET id = ?1, content_hash = ?2, url = ?3, canonical_url = ?4,
                     title = ?5, publisher_id = ?6, agency_id = ?7, byline = ?8, published = ?9,
                     published_date = ?10, language = ?11, origin_path = ?12,
                     origin_record = ?13, origin_format = ?14, dateline = ?15,
                     ingested_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
                 WHERE pk = ?16",
            )?
            .execute(rusqlite::params_from_iter(
                values.iter().copied().chain([&pk as &dyn rusqlite::ToSql]),
            ))?;
            // Claims it still leads (others carry them) take its new publication date.
            tx.prepare_cached(
                "UPDATE claims SET day = coalesce(tally_first_day(said_date), ?2)
                 WHERE first_doc_pk = ?1",
            )?
            .execute(params![pk, published.map(|p| p.date.to_string())])?;
            self.stats.replaced += 1;
            pk
        } else {
            // The new row's pk is known before inserting (one writer, rows never deleted at
            // the top), so the cluster is found first and the row is written once.
            let pk: i64 = tx
                .prepare_cached("SELECT coalesce(max(pk), 0) + 1 FROM documents")?
                .query_row([], |r| r.get(0))?;
            let cluster = find_cluster(tx, pk, doc, &prepared.signature, self.options, self.seen)?;
            tx.prepare_cached(
                "INSERT INTO documents (id, content_hash, url, canonical_url, title, publisher_id,
                     agency_id, byline, published, published_date, language, origin_path,
                     origin_record, origin_format, dateline, pk, cluster_id, ingested_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16,
                     ?17, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
            )?
            .execute(rusqlite::params_from_iter(values.iter().copied().chain([
                &pk as &dyn rusqlite::ToSql,
                &cluster as &dyn rusqlite::ToSql,
            ])))?;
            self.stats.inserted += 1;
            pk
        };
        tx.prepare_cached(
            "INSERT OR REPLACE INTO document_text (pk, title, body, paragraphs, sentences,
                 meta_json, layers, diagnostics)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?
        .execute(params![
            pk,
            meta.title,
            doc.body,
            spans_json(doc.paragraphs.iter()),
            spans_json(doc.sentences.iter()),
            json(meta),
            json(&doc.layers),
            json(&doc.diagnostics),
        ])?;
        self.fts.documents.push((pk, doc));
        self.seen.insert(tx, content_key(&doc.content_hash))?;
        // A replaced document keeps its cluster; either way its signature is (re)stored.
        store_signature(tx, pk, &prepared.signature, self.seen)?;
        for (position, name) in meta.source_chain.iter().enumerate() {
            let id = self.source_id(name)?;
            tx.prepare_cached(
                "INSERT OR IGNORE INTO source_chain (doc_pk, position, source_id)
                 VALUES (?1, ?2, ?3)",
            )?
            .execute(params![pk, position as i64, id])?;
        }
        self.annotations(pk, doc, existing.is_some())?;
        if !doc.claims.is_empty() {
            self.rows.counted(pk, existing.is_some());
        }
        if existing.is_some() {
            // A replaced document's rows go in now, as they did before rows were deferred,
            // so a later replacement in the same batch sees them.
            self.stats.claims += self.rows.write(tx)?;
        }
        Ok(())
    }

    fn annotations(&mut self, pk: i64, doc: &'a Document, replacing: bool) -> rusqlite::Result<()> {
        for e in &doc.entities {
            self.rows.entity(pk, e);
        }
        for s in &doc.speakers {
            self.rows.speaker(pk, s);
        }
        for a in &doc.attributions {
            self.rows.attribution(pk, a);
        }
        for t in &doc.times {
            self.rows.time(pk, t);
        }
        let figure_claim = self.claims(pk, doc, replacing)?;
        let published_date = doc.meta.published.as_ref().map(|p| p.date.to_string());
        for f in &doc.figures {
            let (claim_pk, said) = figure_claim
                .get(f.id.as_str())
                .map_or((None, None), |&(c, s)| (Some(c), s));
            self.rows
                .figure(pk, f, claim_pk, said.or(published_date.as_deref()));
        }
        Ok(())
    }

    /// Stores the document's claims and their carriers; returns, for each figure a claim
    /// carries, the claim's pk and said-at date (the first claim wins).
    fn claims(
        &mut self,
        pk: i64,
        doc: &'a Document,
        replacing: bool,
    ) -> rusqlite::Result<HashMap<&'a str, (i64, Option<&'a str>)>> {
        let tx = self.tx;
        let mut figure_claim: HashMap<&str, (i64, Option<&str>)> = HashMap::new();
        // Fetched once per document, not per claim: handing a cached statement back clears
        // its bindings and re-hashes its text into the cache.
        let mut select = tx.prepare_cached(
            "SELECT pk, first_doc_pk, said_date, names FROM claims WHERE key = ?1",
        )?;
        let mut insert = tx.prepare_cached(
            "INSERT INTO claims (key, claimant_kind, claimant_name, claimant_anonymous, kind,
                 content, said_date, first_doc_pk, names, day)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        )?;
        let published = doc.meta.published.as_ref().map(|p| p.date.to_string());
        for claim in &doc.claims {
            let key = claim_key(claim);
            let said = claim.said_at.as_ref().map(|s| s.date.as_str());
            let names = written::names(doc, claim);
            // Insert, or keep the earliest said-at date over the carriers and add this
            // copy's written names.
            // A claim this connection stored or read is known; a key the filter has never
            // seen is surely not stored: no lookup.
            let seen_key = seen::claim_key(&key);
            let stored = match self.seen.claims.get(&key) {
                Some(known) => Some(known.clone()),
                None if self.seen.may_contain(seen_key) => select
                    .query_row([&key], |r| {
                        Ok(Known {
                            pk: r.get(0)?,
                            first_doc_pk: r.get(1)?,
                            said: r.get::<_, Option<String>>(2)?.map(Into::into),
                            names: r.get::<_, Option<String>>(3)?.map(Into::into),
                        })
                    })
                    .optional()?,
                None => None,
            };
            let (claim_pk, first_doc_pk) = match stored {
                Some(mut known) => {
                    let claim_pk = known.pk;
                    if let Some(said) = said
                        && known.said.as_deref().is_none_or(|s| said < s)
                    {
                        // The day follows the said-at date, else stays the first
                        // document's publication date.
                        tx.prepare_cached(
                            "UPDATE claims SET said_date = ?2, day = coalesce(?3,
                                 (SELECT published_date FROM documents WHERE pk = first_doc_pk))
                             WHERE pk = ?1",
                        )?
                        .execute(params![
                            claim_pk,
                            said,
                            crate::when::first_day(said)
                        ])?;
                        known.said = Some(said.into());
                    }
                    if let Some(merged) = names
                        .as_deref()
                        .and_then(|n| written::merge(known.names.as_deref(), n))
                    {
                        tx.prepare_cached("UPDATE claims SET names = ?2 WHERE pk = ?1")?
                            .execute(params![claim_pk, merged])?;
                        let stored_names = known.names.replace(merged.as_str().into());
                        self.fts
                            .renamed(claim_pk, stored_names.map(String::from), merged);
                    }
                    let first = known.first_doc_pk;
                    self.seen.claims.set(&key, known);
                    (claim_pk, first)
                }
                None => {
                    insert.execute(params![
                        key,
                        name(&claim.claimant.kind),
                        claim.claimant.name,
                        claim.claimant.anonymous,
                        name(&claim.kind),
                        claim.content,
                        said,
                        pk,
                        names,
                        crate::claim_day::day(said, published.as_deref()),
                    ])?;
                    let claim_pk = tx.last_insert_rowid();
                    self.seen.insert(tx, seen_key)?;
                    self.seen.claims.set(
                        &key,
                        Known {
                            pk: claim_pk,
                            first_doc_pk: pk,
                            said: said.map(Into::into),
                            names: names.as_deref().map(Into::into),
                        },
                    );
                    (claim_pk, pk)
                }
            };
            // A claim first seen in this document needs its full-text row, unless a replaced
            // document's claim survived because other documents still carry it.
            if first_doc_pk == pk
                && !self.fts.claims.contains_key(&claim_pk)
                && !(replacing
                    && tx
                        .prepare_cached("SELECT 1 FROM claim_instances WHERE claim_pk = ?1")?
                        .exists([claim_pk])?)
            {
                self.fts
                    .claims
                    .insert(claim_pk, PendingClaim::New { claim, names });
            }
            self.rows.carrier(claim_pk, pk, claim);
            for figure in &claim.figures {
                figure_claim
                    .entry(figure.as_str())
                    .or_insert((claim_pk, said));
            }
        }
        Ok(figure_claim)
    }
}

/// Finds the syndication cluster of a new document (to get pk `pk`): an exact copy's (same
/// content hash), or that of any LSH candidate whose signature is similar enough; else its
/// own pk. When the document bridges two clusters they merge into the older one. A lookup
/// whose keys `seen` has never stored is skipped: it would find nothing.
fn find_cluster(
    tx: &Connection,
    pk: i64,
    doc: &Document,
    signature: &Signature,
    options: &StoreOptions,
    seen: &Seen,
) -> rusqlite::Result<i64> {
    let mut clusters: BTreeSet<i64> = BTreeSet::new();
    if seen.may_contain(content_key(&doc.content_hash)) {
        let mut st = tx.prepare_cached(
            "SELECT DISTINCT cluster_id FROM documents WHERE content_hash = ?1 AND pk <> ?2",
        )?;
        let rows = st.query_map(params![doc.content_hash, pk], |r| r.get(0))?;
        for row in rows {
            clusters.insert(row?);
        }
    }
    let bands = signature.bands();
    if clusters.is_empty()
        && !signature.is_empty()
        && bands.iter().any(|&band| seen.may_contain(band_key(band)))
    {
        // Candidates: documents sharing at least one band; confirmed by similarity.
        let mut st = tx.prepare_cached(
            "SELECT m.signature, d.cluster_id FROM lsh_bands b
             JOIN minhash m ON m.doc_pk = b.doc_pk
             JOIN documents d ON d.pk = b.doc_pk
             WHERE b.band IN (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
             GROUP BY b.doc_pk",
        )?;
        let rows = st.query_map(rusqlite::params_from_iter(bands), |r| {
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
    let Some(&first) = clusters.first() else {
        return Ok(pk);
    };
    for &other in clusters.iter().skip(1) {
        // OR FAIL: the same rows (`first` is never NULL), but no statement transaction,
        // whose savepoint would make FTS5 flush its pending terms into small segments.
        tx.prepare_cached("UPDATE OR FAIL documents SET cluster_id = ?1 WHERE cluster_id = ?2")?
            .execute(params![first, other])?;
    }
    Ok(first)
}

fn store_signature(
    tx: &Connection,
    pk: i64,
    signature: &Signature,
    seen: &mut Seen,
) -> rusqlite::Result<()> {
    if signature.is_empty() {
        return Ok(());
    }
    tx.prepare_cached("INSERT OR REPLACE INTO minhash (doc_pk, signature) VALUES (?1, ?2)")?
        .execute(params![pk, signature.to_bytes()])?;
    // The eight band rows in one statement (a statement each cost as much again as the
    // rows); the statement, like the cluster lookup, is written for eight bands.
    const _: () = assert!(crate::minhash::BANDS == 8);
    let bands = signature.bands();
    tx.prepare_cached(
        "INSERT OR IGNORE INTO lsh_bands (band, doc_pk)
         VALUES (?1, ?9), (?2, ?9), (?3, ?9), (?4, ?9), (?5, ?9), (?6, ?9), (?7, ?9), (?8, ?9)",
    )?
    .execute(rusqlite::params_from_iter(
        bands.iter().chain(std::iter::once(&pk)),
    ))?;
    for band in bands {
        seen.insert(tx, band_key(band))?;
    }
    Ok(())
}

/// Removes a stored document's annotations before they are written again (replace mode).
fn delete_annotations(tx: &Connection, pk: i64) -> rusqlite::Result<()> {
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
    // The carriers' claimants are recounted before the commit (see `speaker_counts`).
    crate::speaker_counts::mark(tx, pk)?;
    for table in [
        "source_chain",
        "minhash",
        "entities",
        "speakers",
        "attributions",
        "times",
        "figures",
        "claim_instances",
    ] {
        tx.prepare_cached(&format!("DELETE FROM {table} WHERE doc_pk = ?1"))?
            .execute([pk])?;
    }
    // A claim no document carries any more goes too, with its index row.
    tx.prepare_cached(
        "INSERT INTO claims_fts (claims_fts, rowid, content, claimant_name, names)
         SELECT 'delete', pk, content, claimant_name, names FROM claims WHERE first_doc_pk = ?1
             AND NOT EXISTS (SELECT 1 FROM claim_instances i WHERE i.claim_pk = claims.pk)",
    )?
    .execute([pk])?;
    tx.prepare_cached(
        "DELETE FROM claims WHERE first_doc_pk = ?1
             AND NOT EXISTS (SELECT 1 FROM claim_instances i WHERE i.claim_pk = claims.pk)",
    )?
    .execute([pk])?;
    Ok(())
}

/// Rows of the tables with a random-key index, written table by table when the
/// transaction commits (or before a replaced document, which reads them).
///
/// Entities (`entities_by_id`), claim carriers (`claim_instances_claim`) and figures
/// (`figures_timeline`, `figures_claim`) each have an index whose key is not the document:
/// any few hundred documents dirty pages all over it, and together those indexes are
/// several times the writer's page cache. Written document by document, the three took
/// turns evicting each other's pages, each eviction a WAL write and a later re-read.
/// Written table by table, each index's pages are visited in one run, once per
/// transaction. The rows are packed values (about a KB per document, not the document:
/// see [`Packed`]), so a transaction can span several batches whose documents are freed
/// as each is written.
/// The rows, the order within each table (so which of two rows with the same key
/// `INSERT OR IGNORE` keeps) and the claims' pks are what they were.
#[derive(Debug)]
pub(crate) struct PendingRows {
    entities: Packed,
    carriers: Packed,
    figures: Packed,
    /// The rows keyed by document (appended at the end of their tables, so no index is
    /// swept): written at the end of each batch ([`PendingRows::write_documents`]), not
    /// held until the commit, so they cost no memory across batches.
    speakers: Packed,
    attributions: Packed,
    times: Packed,
    /// The lowest pk of the new documents whose carriers are pending: those from it up
    /// are counted together once the carriers are written (see `speaker_counts::count`).
    first_new: Option<i64>,
    /// Replaced documents whose carriers are pending: their claimants are recounted.
    replaced: Vec<i64>,
    inserts: Inserts,
}

/// The multi-row statements of [`PendingRows`]' tables: a statement per row cost more in
/// SQLite's per-statement work (reset, cursors opened and positioned from the root) than
/// the row's own insert.
#[derive(Debug)]
struct Inserts {
    entities: MultiInsert,
    carriers: MultiInsert,
    figures: MultiInsert,
    speakers: MultiInsert,
    attributions: MultiInsert,
    times: MultiInsert,
}

impl Default for PendingRows {
    fn default() -> Self {
        PendingRows {
            entities: Packed::default(),
            carriers: Packed::default(),
            figures: Packed::default(),
            speakers: Packed::default(),
            attributions: Packed::default(),
            times: Packed::default(),
            first_new: None,
            replaced: Vec::new(),
            inserts: Inserts {
                entities: MultiInsert::new(
                    "INSERT OR IGNORE INTO entities (doc_pk, id, kind, name, parent, mentions)
                     VALUES",
                    6,
                ),
                carriers: MultiInsert::new(
                    "INSERT OR IGNORE INTO claim_instances (claim_pk, doc_pk, id, speaker_id,
                         cue_start, cue_end, said_date, said_basis, said_time_id, about_times,
                         figures, entities, conditions, attributions, rules, evidence)
                     VALUES",
                    16,
                ),
                figures: MultiInsert::new(
                    "INSERT OR IGNORE INTO figures (doc_pk, id, start, end, raw, low, best, high,
                         unit, approx, open_low, open_high, measure, noun, subject_text,
                         subject_entity, place_text, place_entity, agent_text, agent_entity,
                         hedges, convention, claim_pk, date)
                     VALUES",
                    24,
                ),
                speakers: MultiInsert::new(
                    "INSERT OR IGNORE INTO speakers (doc_pk, id, named, name, entity_id,
                         descriptor, role, affiliation, seniority, anonymous, grp, conditions,
                         mentions)
                     VALUES",
                    13,
                ),
                attributions: MultiInsert::new(
                    "INSERT OR IGNORE INTO attributions (doc_pk, id, kind, cue_start, cue_end,
                         cue_lemma, source_start, source_end, speaker_id, said_date, said_basis,
                         said_time_id, content, conditions)
                     VALUES",
                    14,
                ),
                times: MultiInsert::new(
                    "INSERT OR IGNORE INTO times (doc_pk, id, start, end, raw, type, value,
                         modifier, anchor, quant)
                     VALUES",
                    10,
                ),
            },
        }
    }
}

fn usize_int(value: usize) -> i64 {
    value as i64
}

impl PendingRows {
    pub fn speaker(&mut self, pk: i64, s: &Speaker) {
        let row = &mut self.speakers;
        row.int(pk);
        row.text(&s.id);
        row.int(i64::from(s.named));
        row.opt_text(s.name.as_deref());
        row.opt_text(s.entity_id.as_deref());
        row.opt_text(s.descriptor.as_deref());
        row.opt_text(s.role.as_deref());
        row.opt_text(s.affiliation.as_deref());
        row.opt_text(s.seniority.as_deref());
        row.int(i64::from(s.anonymous));
        row.int(i64::from(s.group));
        row.text_with(|b| json_into(b, &s.conditions));
        row.text_with(|b| spans_json_into(b, s.mentions.iter()));
        row.end_row();
    }

    pub fn attribution(&mut self, pk: i64, a: &Attribution) {
        let said = a.said_at.as_ref();
        let row = &mut self.attributions;
        row.int(pk);
        row.text(&a.id);
        row.text(name(&a.kind));
        row.int(usize_int(a.cue.start));
        row.int(usize_int(a.cue.end));
        row.text(&a.cue_lemma);
        row.opt_int(a.source.as_ref().map(|s| usize_int(s.start)));
        row.opt_int(a.source.as_ref().map(|s| usize_int(s.end)));
        row.opt_text(a.speaker_id.as_deref());
        row.opt_text(said.map(|s| s.date.as_str()));
        row.opt_text(said.map(|s| name(&s.basis)));
        row.opt_text(said.and_then(|s| s.time_id.as_deref()));
        row.text_with(|b| spans_json_into(b, a.content.iter()));
        row.text_with(|b| json_into(b, &a.conditions));
        row.end_row();
    }

    pub fn time(&mut self, pk: i64, t: &Timex) {
        let row = &mut self.times;
        row.int(pk);
        row.text(&t.id);
        row.int(usize_int(t.span.start));
        row.int(usize_int(t.span.end));
        row.text(&t.raw);
        row.text(name(&t.kind));
        row.text(&t.value);
        row.opt_text(t.modifier.as_ref().map(name));
        row.opt_text(t.anchor.as_deref());
        row.opt_text(t.quant.as_deref());
        row.end_row();
    }

    pub fn entity(&mut self, pk: i64, e: &Entity) {
        // One mention per start offset, as the mentions table's key had it.
        let mut mentions: Vec<&Span> = e.mentions.iter().collect();
        mentions.sort_by_key(|m| (m.start, m.end));
        mentions.dedup_by_key(|m| m.start);
        let row = &mut self.entities;
        row.int(pk);
        row.text(&e.id);
        row.text(name(&e.kind));
        row.text(&e.name);
        row.opt_text(e.parent.as_deref());
        row.text_with(|b| spans_json_into(b, mentions.iter().copied()));
        row.end_row();
    }

    pub fn carrier(&mut self, claim_pk: i64, pk: i64, claim: &Claim) {
        let said = claim.said_at.as_ref();
        let row = &mut self.carriers;
        row.int(claim_pk);
        row.int(pk);
        row.text(&claim.id);
        row.opt_text(claim.claimant.speaker_id.as_deref());
        row.opt_int(claim.cue.as_ref().map(|c| usize_int(c.start)));
        row.opt_int(claim.cue.as_ref().map(|c| usize_int(c.end)));
        row.opt_text(said.map(|s| s.date.as_str()));
        row.opt_text(said.map(|s| name(&s.basis)));
        row.opt_text(said.and_then(|s| s.time_id.as_deref()));
        row.text_with(|b| json_into(b, &claim.about_times));
        row.text_with(|b| json_into(b, &claim.figures));
        row.text_with(|b| json_into(b, &claim.entities));
        row.text_with(|b| json_into(b, &claim.conditions));
        row.text_with(|b| json_into(b, &claim.attributions));
        row.text_with(|b| json_into(b, &claim.rules));
        row.text_with(|b| spans_json_into(b, claim.evidence.iter()));
        row.end_row();
    }

    /// `date` is the figure's claim's said-at date, else the publication date; a week
    /// ("said last week": `2024-W50`) is stored as its Monday so timelines sort it among
    /// days.
    pub fn figure(&mut self, pk: i64, f: &Figure, claim_pk: Option<i64>, date: Option<&str>) {
        let week = date.and_then(tally_core::week_start);
        let date = week.as_deref().or(date);
        let row = &mut self.figures;
        row.int(pk);
        row.text(&f.id);
        row.int(usize_int(f.span.start));
        row.int(usize_int(f.span.end));
        row.text(&f.raw);
        row.opt_real(f.low);
        row.opt_real(f.best);
        row.opt_real(f.high);
        row.opt_text(f.unit.as_deref());
        row.int(i64::from(f.approx));
        row.int(i64::from(f.open_low));
        row.int(i64::from(f.open_high));
        row.text(f.measure.as_str());
        row.opt_text(f.noun.as_deref());
        row.opt_text(f.subject.as_ref().map(|a| a.span.text.as_str()));
        row.opt_text(f.subject.as_ref().and_then(|a| a.entity_id.as_deref()));
        row.opt_text(f.place.as_ref().map(|a| a.span.text.as_str()));
        row.opt_text(f.place.as_ref().and_then(|a| a.entity_id.as_deref()));
        row.opt_text(f.agent.as_ref().map(|a| a.span.text.as_str()));
        row.opt_text(f.agent.as_ref().and_then(|a| a.entity_id.as_deref()));
        row.text_with(|b| json_into(b, &f.hedges));
        row.text(&f.convention);
        row.opt_int(claim_pk);
        row.opt_text(date);
        row.end_row();
    }

    /// Forgets the pending rows (their transaction rolled back).
    pub fn clear(&mut self) {
        self.entities.clear();
        self.carriers.clear();
        self.figures.clear();
        self.speakers.clear();
        self.attributions.clear();
        self.times.clear();
        self.first_new = None;
        self.replaced.clear();
    }

    /// Writes and forgets the rows keyed by document (at the end of each batch).
    pub fn write_documents(&mut self, tx: &Connection) -> rusqlite::Result<()> {
        self.speakers.insert(tx, &self.inserts.speakers)?;
        self.attributions.insert(tx, &self.inserts.attributions)?;
        self.times.insert(tx, &self.inserts.times)?;
        self.speakers.clear();
        self.attributions.clear();
        self.times.clear();
        Ok(())
    }

    /// Notes a document with claims, for the speakers' counts. A new document's pk is
    /// above every stored one, and a replacement writes the pending rows before and
    /// after it, so the new documents pending are the pks from the first one up.
    pub fn counted(&mut self, pk: i64, replaced: bool) {
        if replaced {
            self.replaced.push(pk);
        } else if self.first_new.is_none() {
            self.first_new = Some(pk);
        }
    }

    /// Writes and forgets the pending rows; returns the carriers inserted.
    pub fn write(&mut self, tx: &Connection) -> rusqlite::Result<u64> {
        self.write_documents(tx)?;
        self.entities.insert(tx, &self.inserts.entities)?;
        let carriers = self.carriers.insert(tx, &self.inserts.carriers)?;
        self.figures.insert(tx, &self.inserts.figures)?;
        if let Some(first) = self.first_new {
            crate::speaker_counts::count(tx, first)?;
        }
        for &pk in &self.replaced {
            crate::speaker_counts::mark(tx, pk)?;
        }
        self.clear();
        // Every commit writes these rows first: the speakers' counts are whole by then.
        crate::speaker_counts::refresh(tx)?;
        Ok(carriers)
    }
}

/// Full-text rows to add at the end of a batch, borrowed from the batch's documents.
///
/// FTS5 keeps new terms in memory and flushes them to a new index segment whenever a
/// statement opens a savepoint while an FTS table is part of the transaction. Other rows'
/// statements can (an `INSERT ... SELECT`, an upsert, a trigger), so the index rows are
/// written after every other row of the batch, each by a single-row `VALUES` insert that
/// opens none, in ascending rowid order (a lower rowid than the last also flushes): one
/// flush and one segment per batch instead of one per document.
#[derive(Default)]
pub(crate) struct PendingText<'a> {
    /// Documents stored in this batch, by pk.
    documents: Vec<(i64, &'a Document)>,
    /// Claims first stored in this batch, by pk. Ordered: FTS5 flushes its pending terms
    /// to a new segment whenever a rowid is lower than the last one written, so rows in hash
    /// order flushed at about every other claim (a segment each, then merges: a sixth of
    /// the writer's instructions); in pk order it flushes once per batch.
    claims: BTreeMap<i64, PendingClaim<'a>>,
}

/// A claim's full-text row to write at the end of the batch.
pub(crate) enum PendingClaim<'a> {
    /// First stored in this batch: its row goes in with these names.
    New {
        claim: &'a Claim,
        names: Option<String>,
    },
    /// Indexed before this batch with the names `indexed`; a later copy added names, now
    /// in its `claims` row: the old index row is deleted and the stored one indexed.
    Renamed { indexed: Option<String> },
}

impl PendingText<'_> {
    /// Records that the claim `pk` now has the names `merged` in its `claims` row, where
    /// it had `stored`.
    fn renamed(&mut self, pk: i64, stored: Option<String>, merged: String) {
        match self.claims.get_mut(&pk) {
            Some(PendingClaim::New { names, .. }) => *names = Some(merged),
            // The index still holds the names from before the batch.
            Some(PendingClaim::Renamed { .. }) => {}
            None => {
                self.claims
                    .insert(pk, PendingClaim::Renamed { indexed: stored });
            }
        }
    }

    pub fn write(mut self, tx: &Connection) -> rusqlite::Result<()> {
        // New documents come in pk order already; a replaced one keeps its older pk.
        self.documents.sort_by_key(|&(pk, _)| pk);
        let mut st = tx
            .prepare_cached("INSERT INTO documents_fts (rowid, title, body) VALUES (?1, ?2, ?3)")?;
        for (pk, doc) in &self.documents {
            st.execute(params![pk, doc.meta.title, doc.body])?;
        }
        self.write_claims(tx)
    }

    /// Writes the claims' rows now (and forgets them): before a replaced document's
    /// claims are deleted, whose index rows must be the ones the `claims` rows say.
    pub fn write_claims(&mut self, tx: &Connection) -> rusqlite::Result<()> {
        let mut st = tx.prepare_cached(
            "INSERT INTO claims_fts (rowid, content, claimant_name, names) VALUES (?1, ?2, ?3, ?4)",
        )?;
        for (pk, pending) in &self.claims {
            match pending {
                PendingClaim::New { claim, names } => {
                    st.execute(params![pk, claim.content, claim.claimant.name, names])?;
                }
                // Rare (a syndicated copy that writes the claimant otherwise): the stored
                // content and name, whose case may differ from this copy's, are read back.
                // Read first and written by VALUES: an `INSERT ... SELECT` into an FTS5
                // table runs in a statement transaction, whose savepoint makes FTS5 flush
                // the pending terms of both full-text tables into small new segments.
                PendingClaim::Renamed { indexed } => {
                    let stored: Option<(String, String, Option<String>)> = tx
                        .prepare_cached(
                            "SELECT content, claimant_name, names FROM claims WHERE pk = ?1",
                        )?
                        .query_row([pk], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                        .optional()?;
                    let Some((content, claimant, names)) = stored else {
                        continue;
                    };
                    tx.prepare_cached(
                        "INSERT INTO claims_fts (claims_fts, rowid, content, claimant_name, names)
                         VALUES ('delete', ?1, ?2, ?3, ?4)",
                    )?
                    .execute(params![pk, content, claimant, indexed])?;
                    st.execute(params![pk, content, claimant, names])?;
                }
            }
        }
        self.claims.clear();
        Ok(())
    }
}

/// Spans as a JSON list of `[start, end]` pairs.
pub(crate) fn spans_json<'s>(spans: impl IntoIterator<Item = &'s Span>) -> String {
    let mut out = Vec::new();
    spans_json_into(&mut out, spans);
    // Only ASCII digits, brackets and commas were written.
    String::from_utf8(out).unwrap_or_default()
}

/// [`spans_json`] appended to `out`.
pub(crate) fn spans_json_into<'s>(out: &mut Vec<u8>, spans: impl IntoIterator<Item = &'s Span>) {
    out.push(b'[');
    for (i, s) in spans.into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        out.push(b'[');
        push_uint(out, s.start);
        out.push(b',');
        push_uint(out, s.end);
        out.push(b']');
    }
    out.push(b']');
}

/// `n` in decimal (as `write!(out, "{n}")`, without the formatting machinery: spans are
/// most of the numbers the writer prints).
fn push_uint(out: &mut Vec<u8>, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[at..]);
}

pub(crate) fn json<T: serde::Serialize + ?Sized>(value: &T) -> String {
    // Serializing plain data (strings, numbers, vectors of them) cannot fail.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// [`json`] appended to `out` (UTF-8, as `serde_json` writes).
pub(crate) fn json_into<T: serde::Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) {
    let start = out.len();
    // As in `json`: plain data cannot fail; if it did, the cell says `null` as there.
    if serde_json::to_writer(&mut *out, value).is_err() {
        out.truncate(start);
        out.extend_from_slice(b"null");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::DocumentMeta;

    #[test]
    fn spans_json_is_a_list_of_pairs() {
        let doc = Document::new(DocumentMeta::default(), ["One.", "Two."]);
        assert_eq!(spans_json(doc.paragraphs.iter()), "[[0,4],[6,10]]");
        assert_eq!(spans_json(std::iter::empty()), "[]");
        for n in [0usize, 7, 10, 99, 100, 12_345, usize::MAX] {
            let mut out = Vec::new();
            push_uint(&mut out, n);
            assert_eq!(out, n.to_string().into_bytes());
        }
    }
}
