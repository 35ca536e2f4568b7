//! The rows `tally export` writes, computed from one annotated document without a database.
//!
//! The Spark job extracts documents on many machines and cannot share one SQLite store, so
//! it needs what the store would have made of each document: its row in the `documents`
//! table, one row per figure, and one *claim instance* per claim (the claim as this
//! document carries it). [`Ledger`] then merges instances across documents exactly as the
//! store does when it ingests the same inputs in the same order; the Spark job does the
//! same merge with Spark SQL.
//!
//! The store's rules, mirrored here (see `tally-store/src/store.rs`):
//! - a document whose id was already stored is skipped, with all its claims and figures;
//! - a claim's row takes its claimant, kind and content from the first document (in
//!   ingest order) that carried its key; `said_date` is the earliest non-empty said-at date
//!   of its carriers; `carriers` counts distinct (document, per-document claim id) pairs;
//!   `documents` lists them in ingest order and `publishers` the distinct publishers;
//! - a figure belongs to the first claim of its document that lists it; its `date` is that
//!   claim's said-at date, else the publication date; its `claimant` is the claim row's.
//!
//! Limitations: `cluster_id` (syndication clusters) is left empty here: it depends on the
//! whole collection and is computed by the Spark job's second stage.

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use serde_json::Value;
use tally_core::{Claim, Document};
use tally_store::claim_key;
use tally_store::minhash::{BANDS, Signature};

/// A column's type, as `tally export` writes it to Parquet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnType {
    /// UTF-8 text (Parquet `BYTE_ARRAY (UTF8)`).
    Text,
    /// 64-bit integer (Parquet `INT64`).
    Int,
    /// Double (Parquet `DOUBLE`).
    Real,
    /// Boolean (Parquet `BOOLEAN`).
    Bool,
    /// A JSON array as text (Parquet `BYTE_ARRAY (UTF8)`).
    Json,
}

/// Columns of the `documents` table, in `tally export` order.
pub const DOCUMENT_COLUMNS: &[(&str, ColumnType)] = {
    use ColumnType::{Int, Json, Text};
    &[
        ("id", Text),
        ("content_hash", Text),
        ("url", Text),
        ("canonical_url", Text),
        ("title", Text),
        ("publisher", Text),
        ("agency", Text),
        ("byline", Text),
        ("published", Text),
        ("language", Text),
        ("cluster_id", Int),
        ("source_chain", Json),
        ("origin_path", Text),
        ("origin_record", Text),
        ("origin_format", Text),
        ("body", Text),
    ]
};

/// Columns of the `claims` table, in `tally export` order.
pub const CLAIM_COLUMNS: &[(&str, ColumnType)] = {
    use ColumnType::{Bool, Int, Json, Text};
    &[
        ("claim_key", Text),
        ("claimant_kind", Text),
        ("claimant", Text),
        ("claimant_anonymous", Bool),
        ("kind", Text),
        ("content", Text),
        ("said_date", Text),
        ("carriers", Int),
        ("documents", Json),
        ("publishers", Json),
    ]
};

/// Columns of the `figures` table, in `tally export` order.
pub const FIGURE_COLUMNS: &[(&str, ColumnType)] = {
    use ColumnType::{Bool, Int, Json, Real, Text};
    &[
        ("document_id", Text),
        ("figure_id", Text),
        ("measure", Text),
        ("raw", Text),
        ("low", Real),
        ("best", Real),
        ("high", Real),
        ("unit", Text),
        ("approx", Bool),
        ("open_low", Bool),
        ("open_high", Bool),
        ("noun", Text),
        ("subject", Text),
        ("subject_entity", Text),
        ("place", Text),
        ("place_entity", Text),
        ("agent", Text),
        ("agent_entity", Text),
        ("hedges", Json),
        ("convention", Text),
        ("date", Text),
        ("claim_key", Text),
        ("claimant", Text),
        ("publisher", Text),
        ("start", Int),
        ("end", Int),
    ]
};

/// One cell of a row.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Cell {
    /// SQL NULL.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A double.
    Real(f64),
    /// Text (JSON columns hold compact JSON text).
    Text(String),
}

impl Cell {
    fn text(value: Option<&str>) -> Cell {
        value.map_or(Cell::Null, |v| Cell::Text(v.to_owned()))
    }

    fn real(value: Option<f64>) -> Cell {
        value.map_or(Cell::Null, Cell::Real)
    }

    /// The cell as a JSON value: what `tally export --format jsonl` prints for it, JSON
    /// columns parsed.
    #[must_use]
    pub fn to_json(&self, ty: ColumnType) -> Value {
        match self {
            Cell::Null => Value::Null,
            Cell::Bool(b) => Value::Bool(*b),
            Cell::Int(i) => Value::from(*i),
            Cell::Real(r) => serde_json::Number::from_f64(*r).map_or(Value::Null, Value::Number),
            Cell::Text(t) if ty == ColumnType::Json => {
                serde_json::from_str(t).unwrap_or_else(|_| Value::String(t.clone()))
            }
            Cell::Text(t) => Value::String(t.clone()),
        }
    }
}

/// One document's claim as this document carries it: the claim row it would make alone,
/// plus what the merge across documents needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimInstance {
    /// The key shared by syndicated copies ([`tally_store::claim_key`]).
    pub claim_key: String,
    /// `speaker`, `agency`, `publisher` or `unknown`.
    pub claimant_kind: String,
    /// The claimant's display name.
    pub claimant: String,
    /// Not identified by name.
    pub claimant_anonymous: bool,
    /// `direct`, `indirect`, `mixed` or `reporter`.
    pub kind: String,
    /// The statement.
    pub content: String,
    /// When it was said, `YYYY-MM-DD`.
    pub said_date: Option<String>,
    /// The carrying document.
    pub document_id: String,
    /// The per-document claim id (`Claim::id`): a document carrying two claims with one key
    /// counts twice, as in the store.
    pub claim_id: String,
    /// The carrying document's publisher.
    pub publisher: Option<String>,
}

/// Everything the export tables hold about one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRows {
    /// The document's id.
    pub id: String,
    /// The `documents` row, in [`DOCUMENT_COLUMNS`] order; `cluster_id` is NULL.
    pub document: Vec<Cell>,
    /// Its claims, in document order, one per distinct (key, claim id).
    pub claims: Vec<ClaimInstance>,
    /// Its `figures` rows, in [`FIGURE_COLUMNS`] order; `claimant` is this document's
    /// name for the claimant (the merged claim row may spell it differently).
    pub figures: Vec<Vec<Cell>>,
    /// MinHash LSH band keys of the body, for clustering syndicated copies; empty when the
    /// body is too short to sign (the store then clusters it only with exact copies).
    pub bands: Vec<i64>,
    /// The MinHash signature as bytes (empty when there is none).
    pub signature: Vec<u8>,
}

/// Index of the `cluster_id` column in [`DOCUMENT_COLUMNS`].
pub const CLUSTER_COLUMN: usize = 10;
/// Index of the `claimant` column in [`FIGURE_COLUMNS`].
pub const FIGURE_CLAIMANT_COLUMN: usize = 22;
/// Index of the `claim_key` column in [`FIGURE_COLUMNS`].
pub const FIGURE_CLAIM_KEY_COLUMN: usize = 21;

fn compact<T: Serialize>(value: &T) -> String {
    // Plain data (strings and vectors of them) always serializes.
    serde_json::to_string(value).unwrap_or_else(|_| "null".to_owned())
}

/// The snake_case name serde gives an enum value, as the store writes it.
fn snake<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

impl DocumentRows {
    /// The rows of one annotated document.
    #[must_use]
    pub fn of(doc: &Document) -> DocumentRows {
        let meta = &doc.meta;
        let origin = meta.origin.as_ref();
        let document = vec![
            Cell::Text(doc.id.clone()),
            Cell::Text(doc.content_hash.clone()),
            Cell::text(meta.url.as_deref()),
            Cell::text(meta.canonical_url.as_deref()),
            Cell::text(meta.title.as_deref()),
            Cell::text(meta.publisher.as_deref()),
            Cell::text(meta.agency.as_deref()),
            Cell::text(meta.byline.as_deref()),
            meta.published
                .as_ref()
                .map_or(Cell::Null, |p| Cell::Text(p.value())),
            Cell::text(meta.language.as_deref()),
            Cell::Null,
            Cell::Text(compact(&meta.source_chain)),
            Cell::text(origin.map(|o| o.path.as_str())),
            Cell::text(origin.and_then(|o| o.record.as_deref())),
            Cell::text(origin.map(|o| o.format.as_str())),
            Cell::Text(doc.body.clone()),
        ];
        let mut claims = Vec::with_capacity(doc.claims.len());
        let mut seen: HashSet<(String, &str)> = HashSet::new();
        // A figure belongs to the first claim listing it (key, said date).
        let mut figure_claim: HashMap<&str, (String, Option<String>, &Claim)> = HashMap::new();
        for claim in &doc.claims {
            let key = claim_key(claim);
            let said = claim.said_at.as_ref().map(|s| s.date.clone());
            for figure in &claim.figures {
                figure_claim
                    .entry(figure.as_str())
                    .or_insert_with(|| (key.clone(), said.clone(), claim));
            }
            if !seen.insert((key.clone(), claim.id.as_str())) {
                continue;
            }
            claims.push(ClaimInstance {
                claim_key: key,
                claimant_kind: snake(&claim.claimant.kind),
                claimant: claim.claimant.name.clone(),
                claimant_anonymous: claim.claimant.anonymous,
                kind: snake(&claim.kind),
                content: claim.content.clone(),
                said_date: said,
                document_id: doc.id.clone(),
                claim_id: claim.id.clone(),
                publisher: meta.publisher.clone(),
            });
        }
        let published_date = meta.published.as_ref().map(|p| p.date.to_string());
        let mut figures = Vec::with_capacity(doc.figures.len());
        let mut figure_ids: HashSet<&str> = HashSet::new();
        for f in &doc.figures {
            // The store keys figures by (document, id) and ignores a repeated id.
            if !figure_ids.insert(f.id.as_str()) {
                continue;
            }
            let claim = figure_claim.get(f.id.as_str());
            let date = claim
                .and_then(|(_, said, _)| said.clone())
                .or_else(|| published_date.clone());
            figures.push(vec![
                Cell::Text(doc.id.clone()),
                Cell::Text(f.id.clone()),
                Cell::Text(f.measure.as_str().to_owned()),
                Cell::Text(f.raw.clone()),
                Cell::real(f.low),
                Cell::real(f.best),
                Cell::real(f.high),
                Cell::text(f.unit.as_deref()),
                Cell::Bool(f.approx),
                Cell::Bool(f.open_low),
                Cell::Bool(f.open_high),
                Cell::text(f.noun.as_deref()),
                Cell::text(f.subject.as_ref().map(|a| a.span.text.as_str())),
                Cell::text(f.subject.as_ref().and_then(|a| a.entity_id.as_deref())),
                Cell::text(f.place.as_ref().map(|a| a.span.text.as_str())),
                Cell::text(f.place.as_ref().and_then(|a| a.entity_id.as_deref())),
                Cell::text(f.agent.as_ref().map(|a| a.span.text.as_str())),
                Cell::text(f.agent.as_ref().and_then(|a| a.entity_id.as_deref())),
                Cell::Text(compact(&f.hedges)),
                Cell::Text(f.convention.clone()),
                Cell::text(date.as_deref()),
                Cell::text(claim.map(|(key, _, _)| key.as_str())),
                Cell::text(claim.map(|(_, _, c)| c.claimant.name.as_str())),
                Cell::text(meta.publisher.as_deref()),
                Cell::Int(i64::try_from(f.span.start).unwrap_or(i64::MAX)),
                Cell::Int(i64::try_from(f.span.end).unwrap_or(i64::MAX)),
            ]);
        }
        let signature = Signature::of(&doc.body);
        let (bands, signature) = if signature.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            (signature.bands().to_vec(), signature.to_bytes())
        };
        debug_assert!(bands.is_empty() || bands.len() == BANDS);
        DocumentRows {
            id: doc.id.clone(),
            document,
            claims,
            figures,
            bands,
            signature,
        }
    }
}

/// The three export tables of a collection, merged from documents in ingest order: what
/// `tally ingest` followed by `tally export` gives, without the syndication clusters.
///
/// ```
/// use tally_core::{Document, DocumentMeta};
/// use tally_py::rows::{DocumentRows, Ledger};
/// let doc = Document::new(DocumentMeta::default(), ["Officials said 300 people died."]);
/// let mut ledger = Ledger::default();
/// ledger.add(DocumentRows::of(&doc));
/// ledger.add(DocumentRows::of(&doc)); // the same document again is skipped, as in the store
/// assert_eq!(ledger.documents().len(), 1);
/// ```
#[derive(Debug, Default)]
pub struct Ledger {
    documents: Vec<Vec<Cell>>,
    figures: Vec<Vec<Cell>>,
    claims: Vec<MergedClaim>,
    claim_index: HashMap<String, usize>,
    positions: HashMap<String, usize>,
}

#[derive(Debug)]
struct MergedClaim {
    first: ClaimInstance,
    said_date: Option<String>,
    carriers: Vec<(String, String)>,
    publishers: Vec<String>,
}

impl Ledger {
    /// Adds one document's rows; a document whose id was already added is skipped.
    pub fn add(&mut self, rows: DocumentRows) {
        if self.positions.contains_key(&rows.id) {
            return;
        }
        self.positions.insert(rows.id.clone(), self.documents.len());
        self.documents.push(rows.document);
        self.figures.extend(rows.figures);
        for instance in rows.claims {
            let i = *self
                .claim_index
                .entry(instance.claim_key.clone())
                .or_insert_with(|| {
                    self.claims.push(MergedClaim {
                        first: instance.clone(),
                        said_date: None,
                        carriers: Vec::new(),
                        publishers: Vec::new(),
                    });
                    self.claims.len() - 1
                });
            let merged = &mut self.claims[i];
            if let Some(said) = &instance.said_date
                && merged.said_date.as_ref().is_none_or(|s| said < s)
            {
                merged.said_date = Some(said.clone());
            }
            let carrier = (instance.document_id, instance.claim_id);
            if !merged.carriers.contains(&carrier) {
                merged.carriers.push(carrier);
            }
            if let Some(p) = instance.publisher
                && !merged.publishers.contains(&p)
            {
                merged.publishers.push(p);
            }
        }
    }

    /// The `documents` table (`cluster_id` empty).
    #[must_use]
    pub fn documents(&self) -> &[Vec<Cell>] {
        &self.documents
    }

    /// The `claims` table, in the order claims were first seen.
    #[must_use]
    pub fn claims(&self) -> Vec<Vec<Cell>> {
        self.claims
            .iter()
            .map(|c| {
                // The store lists carriers by document in ingest order, then by claim id.
                let mut carriers: Vec<(usize, &str, &str)> = c
                    .carriers
                    .iter()
                    .map(|(d, id)| (self.position(d), d.as_str(), id.as_str()))
                    .collect();
                carriers.sort_unstable();
                let documents: Vec<&str> = carriers.iter().map(|(_, d, _)| *d).collect();
                vec![
                    Cell::Text(c.first.claim_key.clone()),
                    Cell::Text(c.first.claimant_kind.clone()),
                    Cell::Text(c.first.claimant.clone()),
                    Cell::Bool(c.first.claimant_anonymous),
                    Cell::Text(c.first.kind.clone()),
                    Cell::Text(c.first.content.clone()),
                    Cell::text(c.said_date.as_deref()),
                    Cell::Int(i64::try_from(c.carriers.len()).unwrap_or(i64::MAX)),
                    Cell::Text(compact(&documents)),
                    Cell::Text(compact(&c.publishers)),
                ]
            })
            .collect()
    }

    /// The `figures` table, each row's claimant taken from its claim row.
    #[must_use]
    pub fn figures(&self) -> Vec<Vec<Cell>> {
        self.figures
            .iter()
            .map(|row| {
                let mut row = row.clone();
                if let Some(Cell::Text(key)) = row.get(FIGURE_CLAIM_KEY_COLUMN)
                    && let Some(&i) = self.claim_index.get(key)
                {
                    row[FIGURE_CLAIMANT_COLUMN] = Cell::Text(self.claims[i].first.claimant.clone());
                }
                row
            })
            .collect()
    }

    fn position(&self, document_id: &str) -> usize {
        self.positions
            .get(document_id)
            .copied()
            .unwrap_or(usize::MAX)
    }
}
