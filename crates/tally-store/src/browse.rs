//! Browsing the ledger: claims with filters and pagination, one claim with every carrier,
//! a document with all its annotations, speakers and entities across documents, and the
//! (measure, subject, place) choices a timeline can be drawn for. These are the queries the
//! HTTP server answers; they only read.
//!
//! Text comes back pre-cut into [`Passage`]s of [`Segment`]s, each naming the [`Mark`]s
//! (evidence, figures, entities, ...) that cover it, so a consumer never slices the body
//! with byte offsets (which JavaScript strings, counted in UTF-16 units, would get wrong).
//!
//! ```
//! use tally_core::{Document, DocumentMeta};
//! use tally_store::{Prepared, Store};
//! use tally_store::browse::ClaimFilter;
//! let mut store = Store::open_in_memory().unwrap();
//! let doc = Document::new(DocumentMeta::default(), ["Nothing was claimed here."]);
//! store.write(&[Prepared::new(doc)], &[]).unwrap();
//! let page = store.claims(&ClaimFilter::default()).unwrap();
//! assert_eq!(page.total, 0);
//! ```

use std::collections::BTreeSet;

use rusqlite::{OptionalExtension, Row, params};
use serde::Serialize;

use crate::error::At;
use crate::{Store, StoreError};

/// A speaker's role, affiliation, seniority, group flag, conditions (JSON) and the
/// affiliation's entity name.
type SpeakerRow = (
    Option<String>,
    Option<String>,
    Option<String>,
    bool,
    String,
    Option<String>,
);

/// Most claims, documents, speakers or entities one page may hold.
pub const MAX_PAGE: u32 = 200;

/// Documents matched by a query's text whose claims are offered as matches (the best
/// ranked ones): bounds the work a very common word costs.
const MAX_TEXT_DOCUMENTS: i64 = 500;

/// Which claims to list. Every field narrows the list; `None` means "any".
#[derive(Debug, Clone, Default)]
pub struct ClaimFilter {
    /// Full-text query (FTS5 syntax, or plain words). Matches, best first: the claim's
    /// words or claimant; a figure whose measure or counted noun is one of the words
    /// ("casualties"); any claim of a document whose text matches.
    pub q: Option<String>,
    /// Words of the claimant's name or descriptor ("official"), or of the names an article
    /// writes them under ("Zelenskyy").
    pub speaker: Option<String>,
    /// An entity the claim mentions or is about: an id (`KP`) or a canonical name.
    pub entity: Option<String>,
    /// A measure one of the claim's figures counts (`casualties`).
    pub measure: Option<String>,
    /// A place: a figure's place (id or words) or a place the claim mentions.
    pub place: Option<String>,
    /// Said (or else published) on or after this date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`:
    /// its first day). A said-at week, quarter or year matches when any of its days does.
    pub since: Option<String>,
    /// Said (or else published) on or before this date, `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`:
    /// its last day). A said-at week, quarter or year matches when any of its days does.
    pub until: Option<String>,
    /// `direct`, `indirect`, `mixed` or `reporter`.
    pub kind: Option<String>,
    /// Only claims of anonymous (`true`) or of named (`false`) speakers. Either leaves out
    /// the reporter's own voice (agency, publisher) and claims whose speaker was not found
    /// (stored as anonymous: nobody was identified), which are neither.
    pub anonymous: Option<bool>,
    /// Only claims carried by this document id.
    pub document: Option<String>,
    /// Page size (at most [`MAX_PAGE`]; 0 means 20).
    pub limit: u32,
    /// Claims to skip.
    pub offset: u32,
}

/// A page of claims.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimPage {
    /// Claims matching the filter, over all pages.
    pub total: u64,
    /// Claims skipped.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
    /// This page.
    pub claims: Vec<ClaimCard>,
}

/// A document as a reference: enough to cite it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentRef {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Where it was found.
    pub url: Option<String>,
    /// The outlet.
    pub publisher: Option<String>,
    /// The wire agency, when it is a wire story.
    pub agency: Option<String>,
    /// Publication time, as precise as the source gave it.
    pub published: Option<String>,
}

/// Who makes a claim, with what the document says about them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimantView {
    /// Display name ("A senior U.S. official", "AFP").
    pub name: String,
    /// `speaker`, `agency`, `publisher` or `unknown`.
    pub kind: String,
    /// Not identified by name.
    pub anonymous: bool,
    /// A group rather than one person ("experts").
    pub group: bool,
    /// Role or title ("official", "agency spokesman").
    pub role: Option<String>,
    /// Who they speak for, an entity id (`US`) or as written.
    pub affiliation: Option<String>,
    /// The affiliation's canonical name when it is a known entity ("United States").
    pub affiliation_name: Option<String>,
    /// Seniority words ("senior").
    pub seniority: Option<String>,
    /// Sourcing conditions ("on condition of anonymity").
    pub conditions: Vec<String>,
}

/// A figure as a range, with what it counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FigureView {
    /// Id within its document (`F3`).
    pub id: String,
    /// The words ("several hundred").
    pub raw: String,
    /// Lowest value.
    pub low: Option<f64>,
    /// Best value.
    pub best: Option<f64>,
    /// Highest value.
    pub high: Option<f64>,
    /// Currency or unit.
    pub unit: Option<String>,
    /// Marked approximate ("about").
    pub approx: bool,
    /// No lower bound.
    pub open_low: bool,
    /// No upper bound ("more than 1,000").
    pub open_high: bool,
    /// What it counts (`casualties`).
    pub measure: String,
    /// The counted noun as written.
    pub noun: Option<String>,
    /// Whose figure it is, as written.
    pub subject: Option<String>,
    /// The subject's entity id.
    pub subject_entity: Option<String>,
    /// Where, as written.
    pub place: Option<String>,
    /// The place's entity id.
    pub place_entity: Option<String>,
    /// Who did the harm a loss figure counts, as written ("Russian drones and missiles");
    /// NULL in rows stored before schema version 4.
    pub agent: Option<String>,
    /// The agent's entity id.
    pub agent_entity: Option<String>,
    /// Hedges ("latest estimate").
    pub hedges: Vec<String>,
}

/// Something marked in a text: evidence, a figure, an entity mention, ...
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mark {
    /// `evidence`, `figure`, `time`, `entity`, `speaker`, `cue` or `quote`.
    pub kind: String,
    /// What to show for it ("300–900 killed", "2024-12-17", "North Korea (country)").
    pub label: String,
    /// The annotation's id (figure `F3`, entity `KP`, claim key).
    pub id: Option<String>,
    /// Byte offset into the body.
    pub start: usize,
    /// Byte offset one past the end.
    pub end: usize,
}

/// A run of text covered by the same marks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Segment {
    /// The text.
    pub text: String,
    /// Indexes into the enclosing list of [`Mark`]s.
    pub marks: Vec<usize>,
}

/// A paragraph cut into segments.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Passage {
    /// Paragraph index in its document.
    pub paragraph: usize,
    /// The paragraph's text, cut where marks start and end.
    pub segments: Vec<Segment>,
}

/// One claim, ready to show: claimant, figures, and the evidence inside its paragraph.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimCard {
    /// The claim's id across documents (its store key).
    pub id: String,
    /// `direct`, `indirect`, `mixed` or `reporter`.
    pub kind: String,
    /// The statement.
    pub content: String,
    /// When it was said (earliest over its carriers), a TIMEX3 date.
    pub said_date: Option<String>,
    /// Who claims it.
    pub claimant: ClaimantView,
    /// Its figures, as ranges.
    pub figures: Vec<FigureView>,
    /// The first document that carried it.
    pub document: DocumentRef,
    /// The paragraphs holding the evidence, with the evidence and figures marked.
    pub passages: Vec<Passage>,
    /// The marks [`Passage`] segments refer to.
    pub marks: Vec<Mark>,
    /// How many documents carry it.
    pub carriers: u64,
    /// Why it matched a text query: `claim`, `figure` or `document`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub matched: Option<String>,
}

/// A document carrying a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimCarrier {
    /// The document.
    pub document: DocumentRef,
    /// The claim's id inside that document.
    pub claim_id: String,
    /// When it was said according to that document.
    pub said_date: Option<String>,
    /// How the said date was found (`cue_modifier`, `same_speaker`, `publication_date`).
    pub said_basis: Option<String>,
}

/// An entity a claim mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityRef {
    /// Id (`KP`, `place:ru-krs`, `local:E3`).
    pub id: String,
    /// `person`, `organization`, `country`, `place` or `group`.
    pub kind: String,
    /// Canonical name.
    pub name: String,
}

/// One claim with every document that carries it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ClaimDetail {
    /// The claim as a card (evidence from its first document).
    pub claim: ClaimCard,
    /// Every carrier, earliest stored first.
    pub carriers: Vec<ClaimCarrier>,
    /// Entities it mentions (in its first document).
    pub entities: Vec<EntityRef>,
    /// Sourcing conditions stated with it.
    pub conditions: Vec<String>,
    /// The extraction rules that built it.
    pub rules: Vec<String>,
}

/// A document with every annotation marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentView {
    /// The document.
    pub document: DocumentRef,
    /// The byline as printed.
    pub byline: Option<String>,
    /// Originator first: AFP, then The Moscow Times.
    pub source_chain: Vec<String>,
    /// Language tag.
    pub language: Option<String>,
    /// Documents in its syndication cluster (itself included).
    pub cluster_size: u64,
    /// Its paragraphs, cut at annotation boundaries.
    pub passages: Vec<Passage>,
    /// Every annotation: figures, times, entity mentions, speakers, cues, evidence.
    pub marks: Vec<Mark>,
    /// The claims it carries, in text order.
    pub claims: Vec<ClaimCard>,
}

/// Which documents to list.
#[derive(Debug, Clone, Default)]
pub struct DocumentFilter {
    /// Full-text query over titles and bodies.
    pub q: Option<String>,
    /// Words of the publisher's or agency's name.
    pub source: Option<String>,
    /// Published on or after, `YYYY-MM-DD`.
    pub since: Option<String>,
    /// Published on or before, `YYYY-MM-DD`.
    pub until: Option<String>,
    /// Page size (0 means 20).
    pub limit: u32,
    /// Documents to skip.
    pub offset: u32,
}

/// A document in a list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentSummary {
    /// The document.
    pub document: DocumentRef,
    /// Claims it carries.
    pub claims: u64,
    /// Documents in its syndication cluster.
    pub cluster_size: u64,
}

/// A page of documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentPage {
    /// Matching documents over all pages.
    pub total: u64,
    /// Documents skipped.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
    /// This page.
    pub documents: Vec<DocumentSummary>,
}

/// A name filter and a page, for speakers and entities.
#[derive(Debug, Clone, Default)]
pub struct NameFilter {
    /// Words of the name.
    pub q: Option<String>,
    /// Speakers: only anonymous (`true`) or named (`false`) speakers; either leaves out the
    /// reporter's own voice (agency, publisher) and claimants not found (`unknown`), as
    /// [`ClaimFilter::anonymous`] does. Entities: ignored.
    pub anonymous: Option<bool>,
    /// Entities: only this type (`country`, `person`, ...). Speakers: ignored.
    pub kind: Option<String>,
    /// Page size (0 means 20).
    pub limit: u32,
    /// Rows to skip.
    pub offset: u32,
}

/// A claimant across documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpeakerSummary {
    /// Display name.
    pub name: String,
    /// `speaker`, `agency`, `publisher` or `unknown`.
    pub kind: String,
    /// Not identified by name.
    pub anonymous: bool,
    /// A role found for them.
    pub role: Option<String>,
    /// An affiliation found for them.
    pub affiliation: Option<String>,
    /// Distinct claims.
    pub claims: u64,
    /// Documents they speak in.
    pub documents: u64,
}

/// A page of speakers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpeakerPage {
    /// Matching speakers over all pages.
    pub total: u64,
    /// Skipped.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
    /// This page, most claims first.
    pub speakers: Vec<SpeakerSummary>,
}

/// An entity across documents.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntitySummary {
    /// Id; document-local ids (`local:E3`) are merged by name.
    pub id: String,
    /// Type.
    pub kind: String,
    /// Canonical name.
    pub name: String,
    /// Documents mentioning it.
    pub documents: u64,
    /// Mentions over all documents.
    pub mentions: u64,
}

/// A page of entities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EntityPage {
    /// Matching entities over all pages.
    pub total: u64,
    /// Skipped.
    pub offset: u32,
    /// Page size.
    pub limit: u32,
    /// This page, most documents first.
    pub entities: Vec<EntitySummary>,
}

/// A value a timeline can be narrowed to, with how many figures have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Facet {
    /// The value (a measure, or an entity id).
    pub value: String,
    /// A name to show (the entity's canonical name).
    pub label: String,
    /// Figures with it.
    pub figures: u64,
}

/// What timelines can be drawn: measures, and for one measure its subjects and places.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineOptions {
    /// Measures with figures, most first (`other` excluded).
    pub measures: Vec<Facet>,
    /// Subject entities of the chosen measure's figures.
    pub subjects: Vec<Facet>,
    /// Place entities of the chosen measure's figures.
    pub places: Vec<Facet>,
}

fn page_size(limit: u32) -> u32 {
    match limit {
        0 => 20,
        n => n.min(MAX_PAGE),
    }
}

/// Rejects a date that is not `YYYY-MM-DD` (a `YYYY` or `YYYY-MM` prefix is accepted: said
/// dates can be that coarse).
/// Whether a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` of digits names a real month and day
/// ("2024-13-45" and "2023-02-29" do not).
fn calendar_ok(date: &str) -> bool {
    let number = |r: std::ops::Range<usize>| date.get(r).and_then(|s| s.parse::<u32>().ok());
    let (Some(year), month, day) = (number(0..4), number(5..7), number(8..10)) else {
        return false;
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = |m: u32| match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    match (month, day) {
        (None, _) => true,
        (Some(m), None) => (1..=12).contains(&m),
        (Some(m), Some(d)) => (1..=12).contains(&m) && (1..=days(m)).contains(&d),
    }
}

fn check_date(date: Option<&String>) -> Result<(), StoreError> {
    let Some(date) = date else { return Ok(()) };
    let shaped = matches!(date.len(), 4 | 7 | 10)
        && date.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if shaped && calendar_ok(date) {
        Ok(())
    } else {
        Err(StoreError::InvalidArgument {
            what: "date",
            value: date.clone(),
            reason: "expected YYYY-MM-DD".to_owned(),
        })
    }
}

/// The first day of `since` and the last of `until` (a year or month bound covers all its
/// days), as `YYYY-MM-DD`; each already passed [`check_date`].
fn day_bounds(since: Option<&String>, until: Option<&String>) -> (Option<String>, Option<String>) {
    let first = since
        .and_then(|s| crate::when::day_range(&Some(s.clone())))
        .map(|(first, _)| crate::when::format_day(first));
    let last = until
        .and_then(|u| crate::when::day_range(&Some(u.clone())))
        .map(|(_, last)| crate::when::format_day(last));
    (first, last)
}

fn check_choice(
    what: &'static str,
    value: Option<&String>,
    allowed: &[&str],
) -> Result<(), StoreError> {
    match value {
        Some(v) if !allowed.contains(&v.as_str()) => Err(StoreError::InvalidArgument {
            what,
            value: v.clone(),
            reason: format!("expected one of {}", allowed.join(", ")),
        }),
        _ => Ok(()),
    }
}

/// The words of a query, lowercased: what measure and noun names are compared with.
fn words(q: &str) -> Vec<String> {
    q.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The query as FTS5 plain words (each quoted), used when the user's text is not valid
/// FTS5 syntax.
fn plain_fts(q: &str) -> String {
    words(q)
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(" ")
}

fn is_fts_syntax_error(e: &StoreError) -> bool {
    matches!(
        e,
        StoreError::Sqlite {
            source: rusqlite::Error::SqliteFailure(f, _),
            ..
        } if f.code == rusqlite::ErrorCode::Unknown
    )
}

/// Filter clauses shared by the count and the page, each with the parameter that turns it
/// on; a page or count puts in only those whose value is given, so an unfiltered count is
/// SQLite's count of an index and an unfiltered page a walk of `claims_day`. Each
/// subquery keeps its `:x IS NULL OR` (always false here): as a bare `EXISTS`, SQLite
/// turns the figures one into a join run after the other terms, and the entity filter's
/// subqueries then ran for every claim (84 to 240 ms at 100,000 claims). `:since` and
/// `:until` are days (see [`day_bounds`]) that a claim's range of days must overlap: its
/// stored `day` is the range's first (see `claim_day.rs`), and an undated said-at value's
/// range is its `day` alone.
const CLAIM_FILTERS: &[(&str, &str)] = &[
    (
        ":speaker",
        "(instr(lower(c.claimant_name), lower(:speaker)) > 0
            OR instr(lower(c.names), lower(:speaker)) > 0)",
    ),
    (":kind", "c.kind = :kind"),
    (
        ":anonymous",
        "c.claimant_kind = 'speaker' AND c.claimant_anonymous = :anonymous",
    ),
    (
        ":since",
        "coalesce(tally_last_day(c.said_date), c.day) >= :since",
    ),
    (":until", "c.day <= :until"),
    (
        ":measure",
        "(:measure IS NULL OR EXISTS (
            SELECT 1 FROM figures f WHERE f.claim_pk = c.pk AND f.measure = :measure))",
    ),
    (
        ":place",
        "(:place IS NULL OR EXISTS (
            SELECT 1 FROM figures f WHERE f.claim_pk = c.pk
            AND (f.place_entity = :place OR instr(lower(f.place_text), lower(:place)) > 0))
        OR EXISTS (
            SELECT 1 FROM claim_instances i, json_each(i.entities) je
            JOIN entities e ON e.doc_pk = i.doc_pk AND e.id = je.value
            WHERE i.claim_pk = c.pk AND e.kind IN ('place', 'country')
            AND (e.id = :place OR instr(lower(e.name), lower(:place)) > 0)))",
    ),
    (
        ":entity",
        "(:entity IS NULL OR EXISTS (
            SELECT 1 FROM claim_instances i, json_each(i.entities) je
            JOIN entities e ON e.doc_pk = i.doc_pk AND e.id = je.value
            WHERE i.claim_pk = c.pk AND (e.id = :entity OR lower(e.name) = lower(:entity)))
        OR EXISTS (
            SELECT 1 FROM figures f WHERE f.claim_pk = c.pk
            AND (f.subject_entity = :entity OR f.place_entity = :entity
                 OR EXISTS (SELECT 1 FROM entities e WHERE e.doc_pk = f.doc_pk
                     AND lower(e.name) = lower(:entity)
                     AND e.id IN (f.subject_entity, f.place_entity)))))",
    ),
    (
        ":document",
        "(:document IS NULL OR EXISTS (
            SELECT 1 FROM claim_instances i JOIN documents dd ON dd.pk = i.doc_pk
            WHERE i.claim_pk = c.pk AND dd.id = :document))",
    ),
];

/// A claims page's row: the claim's pk, its match tier (text queries) and the total
/// (text queries: a window count).
type ClaimRow = (i64, Option<i64>, Option<u64>);

/// A claims filter's values by parameter name, `since` and `until` as days.
struct ClaimParams<'f> {
    filter: &'f ClaimFilter,
    since: Option<String>,
    until: Option<String>,
}

impl<'f> ClaimParams<'f> {
    fn new(filter: &'f ClaimFilter) -> Self {
        let (since, until) = day_bounds(filter.since.as_ref(), filter.until.as_ref());
        ClaimParams {
            filter,
            since,
            until,
        }
    }

    /// The given filter values, by parameter name.
    fn given(&self) -> Vec<(&'static str, &dyn rusqlite::ToSql)> {
        let f = self.filter;
        let all: [(&'static str, bool, &dyn rusqlite::ToSql); 9] = [
            (":speaker", f.speaker.is_some(), &f.speaker),
            (":kind", f.kind.is_some(), &f.kind),
            (":anonymous", f.anonymous.is_some(), &f.anonymous),
            (":since", self.since.is_some(), &self.since),
            (":until", self.until.is_some(), &self.until),
            (":measure", f.measure.is_some(), &f.measure),
            (":place", f.place.is_some(), &f.place),
            (":entity", f.entity.is_some(), &f.entity),
            (":document", f.document.is_some(), &f.document),
        ];
        all.into_iter()
            .filter(|(_, on, _)| *on)
            .map(|(name, _, value)| (name, value))
            .collect()
    }

    /// The `WHERE` condition of the given filters (`1` when none is).
    fn condition(&self) -> String {
        let given = self.given();
        let clauses: Vec<&str> = CLAIM_FILTERS
            .iter()
            .filter(|(name, _)| given.iter().any(|(g, _)| g == name))
            .map(|(_, clause)| *clause)
            .collect();
        if clauses.is_empty() {
            "1".to_owned()
        } else {
            clauses.join("\n    AND ")
        }
    }
}

/// Claims matching a text query, each with its best match tier: 0 the claim's own words,
/// 1 a figure's measure or noun, 2 the text of a document carrying it.
const CLAIM_HITS: &str = "
    WITH hits(pk, tier) AS (
        SELECT rowid, 0 FROM claims_fts WHERE claims_fts MATCH :fts
        UNION ALL
        SELECT claim_pk, 1 FROM figures
        WHERE claim_pk IS NOT NULL
            AND (measure IN (SELECT value FROM json_each(:words))
                 OR lower(noun) IN (SELECT value FROM json_each(:words)))
        UNION ALL
        SELECT i.claim_pk, 2 FROM (
            SELECT rowid AS doc FROM documents_fts WHERE documents_fts MATCH :fts
            ORDER BY rank LIMIT :max_docs) m
        JOIN claim_instances i ON i.doc_pk = m.doc
    ), best AS (SELECT pk, min(tier) AS tier FROM hits GROUP BY pk)";

impl Store {
    /// Claims matching `filter`, a page at a time: text matches first (by how they
    /// matched), then newest said-at (or publication) date first, a said-at week or quarter
    /// by its first day.
    ///
    /// # Errors
    /// [`StoreError::InvalidArgument`] for a malformed date, kind or measure;
    /// [`StoreError::Sqlite`].
    pub fn claims(&self, filter: &ClaimFilter) -> Result<ClaimPage, StoreError> {
        check_date(filter.since.as_ref())?;
        check_date(filter.until.as_ref())?;
        check_choice(
            "kind",
            filter.kind.as_ref(),
            &["direct", "indirect", "mixed", "reporter"],
        )?;
        if let Some(m) = &filter.measure
            && tally_core::Measure::parse(m).is_none()
        {
            return Err(StoreError::InvalidArgument {
                what: "measure",
                value: m.clone(),
                reason: format!(
                    "expected one of {}",
                    tally_core::ALL_MEASURES
                        .map(tally_core::Measure::as_str)
                        .join(", ")
                ),
            });
        }
        let limit = page_size(filter.limit);
        let q = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
        let rows = match q {
            None => self.claim_rows(filter, None, limit)?,
            Some(q) => match self.claim_rows(filter, Some(q), limit) {
                Err(e) if is_fts_syntax_error(&e) => {
                    let plain = plain_fts(q);
                    if plain.is_empty() {
                        Vec::new()
                    } else {
                        self.claim_rows(filter, Some(&plain), limit)?
                    }
                }
                other => other?,
            },
        };
        let total = match (q, rows.first()) {
            (Some(_), Some(r)) => r.2.unwrap_or_default(),
            (_, None) if filter.offset == 0 => 0,
            // A short page is the last: the total is known without a count.
            (None, Some(_)) if rows.len() < limit as usize => {
                u64::from(filter.offset) + rows.len() as u64
            }
            // The page's walk stopped at its end, or past the end: count the matches.
            _ => self.count_claims(filter, q)?,
        };
        let mut claims = Vec::with_capacity(rows.len());
        for (pk, tier, _) in rows {
            let mut card = self.claim_card(pk)?;
            card.matched = tier.map(|t| {
                match t {
                    0 => "claim",
                    1 => "figure",
                    _ => "document",
                }
                .to_owned()
            });
            claims.push(card);
        }
        Ok(ClaimPage {
            total,
            offset: filter.offset,
            limit,
            claims,
        })
    }

    /// The page's claims: pk, match tier (text queries), and with a text query the total
    /// (its matches are all ranked anyway). Without one the page walks `claims_day` and
    /// stops at its last row, and the total is counted apart.
    fn claim_rows(
        &self,
        filter: &ClaimFilter,
        fts: Option<&str>,
        limit: u32,
    ) -> Result<Vec<ClaimRow>, StoreError> {
        let params = ClaimParams::new(filter);
        let condition = params.condition();
        let sql = match fts {
            None => format!(
                "SELECT c.pk, NULL, NULL FROM claims c
                 WHERE {condition}
                 ORDER BY c.day DESC, c.pk
                 LIMIT :limit OFFSET :offset"
            ),
            Some(_) => format!(
                "{CLAIM_HITS}
                 SELECT c.pk, b.tier, count(*) OVER () FROM best b
                 JOIN claims c ON c.pk = b.pk
                 WHERE {condition}
                 ORDER BY b.tier, c.day DESC, c.pk
                 LIMIT :limit OFFSET :offset"
            ),
        };
        let mut st = self.conn.prepare_cached(&sql).at(&self.path)?;
        let words_json = fts.map(|q| serde_json::to_string(&words(q)).unwrap_or_default());
        let mut named = params.given();
        named.push((":limit", &limit));
        named.push((":offset", &filter.offset));
        if let (Some(fts), Some(words_json)) = (&fts, &words_json) {
            named.push((":fts", fts));
            named.push((":words", words_json));
            named.push((":max_docs", &MAX_TEXT_DOCUMENTS));
        }
        let rows = st
            .query_map(named.as_slice(), |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get::<_, Option<i64>>(2)?.map(|n| n as u64),
                ))
            })
            .at(&self.path)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.path)
    }

    fn count_claims(&self, filter: &ClaimFilter, q: Option<&str>) -> Result<u64, StoreError> {
        if let Some(q) = q {
            // Rare (a text query's page past the end), so one unpaged query is fine.
            let all = ClaimFilter {
                offset: 0,
                ..filter.clone()
            };
            let rows = self.claim_rows(&all, Some(&plain_fts(q)), 1)?;
            return Ok(rows.first().and_then(|r| r.2).unwrap_or_default());
        }
        let params = ClaimParams::new(filter);
        // The subquery filters look claims up by pk (`figures_claim`,
        // `claim_instances_claim`): read in pk order, as the table is, their pages come in
        // order; in `claims_day` order each lookup lands anywhere (count with an entity and
        // a measure: 81 ms against 110 at 100,000 claims).
        let by_pk = params
            .given()
            .iter()
            .any(|(name, _)| [":measure", ":place", ":entity", ":document"].contains(name));
        let sql = format!(
            "SELECT count(*) FROM claims c {} WHERE {}",
            if by_pk { "NOT INDEXED" } else { "" },
            params.condition()
        );
        let n: i64 = self
            .conn
            .prepare_cached(&sql)
            .at(&self.path)?
            .query_row(params.given().as_slice(), |r| r.get(0))
            .at(&self.path)?;
        Ok(n as u64)
    }

    /// One claim by its id (the store key), with every carrier; `None` when unknown.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn claim(&self, id: &str) -> Result<Option<ClaimDetail>, StoreError> {
        let pk: Option<i64> = self
            .conn
            .prepare_cached("SELECT pk FROM claims WHERE key = ?1")
            .and_then(|mut st| st.query_row([id], |r| r.get(0)).optional())
            .at(&self.path)?;
        let Some(pk) = pk else { return Ok(None) };
        let claim = self.claim_card(pk)?;
        let mut carriers = Vec::new();
        {
            let mut st = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {DOC_REF}, i.id, i.said_date, i.said_basis
                     FROM claim_instances i JOIN documents d ON d.pk = i.doc_pk
                     LEFT JOIN sources p ON p.id = d.publisher_id
                     LEFT JOIN sources a ON a.id = d.agency_id
                     WHERE i.claim_pk = ?1 ORDER BY d.pk"
                ))
                .at(&self.path)?;
            let rows = st
                .query_map([pk], |r| {
                    Ok(ClaimCarrier {
                        document: doc_ref(r)?,
                        claim_id: r.get(6)?,
                        said_date: r.get(7)?,
                        said_basis: r.get(8)?,
                    })
                })
                .at(&self.path)?;
            for row in rows {
                carriers.push(row.at(&self.path)?);
            }
        }
        let (entities_json, conditions, rules): (String, String, String) = self
            .conn
            .prepare_cached(
                "SELECT i.entities, i.conditions, i.rules FROM claim_instances i
                 JOIN claims c ON c.pk = i.claim_pk
                 WHERE i.claim_pk = ?1 ORDER BY i.doc_pk = c.first_doc_pk DESC LIMIT 1",
            )
            .and_then(|mut st| st.query_row([pk], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?))))
            .at(&self.path)?;
        let mut entities = Vec::new();
        {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT e.id, e.kind, e.name FROM claims c, json_each(?2) je
                     JOIN entities e ON e.doc_pk = c.first_doc_pk AND e.id = je.value
                     WHERE c.pk = ?1",
                )
                .at(&self.path)?;
            let rows = st
                .query_map(params![pk, entities_json], |r| {
                    Ok(EntityRef {
                        id: r.get(0)?,
                        kind: r.get(1)?,
                        name: r.get(2)?,
                    })
                })
                .at(&self.path)?;
            for row in rows {
                entities.push(row.at(&self.path)?);
            }
        }
        Ok(Some(ClaimDetail {
            claim,
            carriers,
            entities,
            conditions: json_list(&conditions),
            rules: json_list(&rules),
        }))
    }

    /// The claim with store pk `pk` as a card, its evidence from its first document.
    fn claim_card(&self, pk: i64) -> Result<ClaimCard, StoreError> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {DOC_REF}, c.key, c.kind, c.content, c.said_date, c.claimant_name,
                     c.claimant_kind, c.claimant_anonymous, c.first_doc_pk, t.body,
                     (SELECT count(*) FROM claim_instances n WHERE n.claim_pk = c.pk)
                 FROM claims c JOIN documents d ON d.pk = c.first_doc_pk
                 JOIN document_text t ON t.pk = c.first_doc_pk
                 LEFT JOIN sources p ON p.id = d.publisher_id
                 LEFT JOIN sources a ON a.id = d.agency_id
                 WHERE c.pk = ?1"
            ))
            .and_then(|mut st| {
                st.query_row([pk], |r| {
                    Ok((
                        doc_ref(r)?,
                        r.get::<_, String>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, String>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, String>(11)?,
                        r.get::<_, bool>(12)?,
                        r.get::<_, i64>(13)?,
                        r.get::<_, String>(14)?,
                        r.get::<_, i64>(15)?,
                    ))
                })
            })
            .at(&self.path)?;
        let (document, key, kind, content, said_date, name, claimant_kind, anonymous, doc_pk) = (
            row.0, row.1, row.2, row.3, row.4, row.5, row.6, row.7, row.8,
        );
        let body = row.9;
        let carriers = row.10 as u64;
        let instance: Option<(Option<String>, String)> = self
            .conn
            .prepare_cached(
                "SELECT speaker_id, evidence FROM claim_instances
                 WHERE claim_pk = ?1 AND doc_pk = ?2 ORDER BY id LIMIT 1",
            )
            .and_then(|mut st| {
                st.query_row(params![pk, doc_pk], |r| Ok((r.get(0)?, r.get(1)?)))
                    .optional()
            })
            .at(&self.path)?;
        let mut claimant = ClaimantView {
            name,
            kind: claimant_kind,
            anonymous,
            group: false,
            role: None,
            affiliation: None,
            affiliation_name: None,
            seniority: None,
            conditions: Vec::new(),
        };
        let mut marks = Vec::new();
        if let Some((speaker_id, evidence)) = &instance {
            if let Some(speaker_id) = speaker_id {
                self.fill_speaker(&mut claimant, doc_pk, speaker_id)?;
            }
            for (start, end) in spans(evidence) {
                marks.push(Mark {
                    kind: "evidence".to_owned(),
                    label: "evidence".to_owned(),
                    id: Some(key.clone()),
                    start,
                    end,
                });
            }
        }
        let figures = self.claim_figures(pk, doc_pk)?;
        for f in &figures {
            if let Some((start, end)) = self.figure_span(doc_pk, &f.id)? {
                marks.push(Mark {
                    kind: "figure".to_owned(),
                    label: figure_label(f),
                    id: Some(f.id.clone()),
                    start,
                    end,
                });
            }
        }
        let evidence: Vec<(usize, usize)> = marks
            .iter()
            .filter(|m| m.kind == "evidence")
            .map(|m| (m.start, m.end))
            .collect();
        let paragraphs = self.paragraphs(doc_pk)?;
        let wanted: Vec<(usize, (usize, usize))> = paragraphs
            .iter()
            .copied()
            .enumerate()
            .filter(|(_, (ps, pe))| evidence.iter().any(|&(s, e)| s < *pe && e > *ps))
            .collect();
        let passages = wanted
            .into_iter()
            .map(|(i, p)| passage(&body, i, p, &marks))
            .collect();
        Ok(ClaimCard {
            id: key,
            kind,
            content,
            said_date,
            claimant,
            figures,
            document,
            passages,
            marks,
            carriers,
            matched: None,
        })
    }

    fn fill_speaker(
        &self,
        claimant: &mut ClaimantView,
        doc_pk: i64,
        speaker_id: &str,
    ) -> Result<(), StoreError> {
        let row: Option<SpeakerRow> = self
            .conn
            .prepare_cached(
                "SELECT s.role, s.affiliation, s.seniority, s.grp, s.conditions,
                     (SELECT e.name FROM entities e WHERE e.doc_pk = s.doc_pk AND e.id = s.affiliation)
                 FROM speakers s WHERE s.doc_pk = ?1 AND s.id = ?2",
            )
            .and_then(|mut st| {
                st.query_row(params![doc_pk, speaker_id], |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        r.get(2)?,
                        r.get(3)?,
                        r.get(4)?,
                        r.get(5)?,
                    ))
                })
                .optional()
            })
            .at(&self.path)?;
        if let Some((role, affiliation, seniority, group, conditions, affiliation_name)) = row {
            claimant.role = role;
            claimant.affiliation = affiliation;
            claimant.seniority = seniority;
            claimant.group = group;
            claimant.conditions = json_list(&conditions);
            claimant.affiliation_name = affiliation_name;
        }
        Ok(())
    }

    fn claim_figures(&self, claim_pk: i64, doc_pk: i64) -> Result<Vec<FigureView>, StoreError> {
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT {FIGURE} FROM figures f WHERE f.claim_pk = ?1 AND f.doc_pk = ?2
                 ORDER BY f.start"
            ))
            .at(&self.path)?;
        let rows = st
            .query_map(params![claim_pk, doc_pk], figure_view)
            .at(&self.path)?;
        rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.path)
    }

    fn figure_span(&self, doc_pk: i64, id: &str) -> Result<Option<(usize, usize)>, StoreError> {
        self.conn
            .prepare_cached("SELECT start, end FROM figures WHERE doc_pk = ?1 AND id = ?2")
            .and_then(|mut st| {
                st.query_row(params![doc_pk, id], |r| {
                    Ok((r.get::<_, i64>(0)? as usize, r.get::<_, i64>(1)? as usize))
                })
                .optional()
            })
            .at(&self.path)
    }

    fn paragraphs(&self, doc_pk: i64) -> Result<Vec<(usize, usize)>, StoreError> {
        let json: Option<String> = self
            .conn
            .prepare_cached("SELECT paragraphs FROM document_text WHERE pk = ?1")
            .and_then(|mut st| st.query_row([doc_pk], |r| r.get(0)).optional())
            .at(&self.path)?;
        Ok(json.as_deref().map(spans).unwrap_or_default())
    }

    /// A document with every annotation marked, and its claims; `None` when unknown.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn document_view(&self, id: &str) -> Result<Option<DocumentView>, StoreError> {
        let row = self
            .conn
            .prepare_cached(&format!(
                "SELECT {DOC_REF}, d.pk, t.body, d.byline, d.language, t.meta_json,
                     (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id)
                 FROM documents d
                 JOIN document_text t ON t.pk = d.pk
                 LEFT JOIN sources p ON p.id = d.publisher_id
                 LEFT JOIN sources a ON a.id = d.agency_id
                 WHERE d.id = ?1"
            ))
            .and_then(|mut st| {
                st.query_row([id], |r| {
                    Ok((
                        doc_ref(r)?,
                        r.get::<_, i64>(6)?,
                        r.get::<_, String>(7)?,
                        r.get::<_, Option<String>>(8)?,
                        r.get::<_, Option<String>>(9)?,
                        r.get::<_, String>(10)?,
                        r.get::<_, i64>(11)?,
                    ))
                })
                .optional()
            })
            .at(&self.path)?;
        let Some((document, pk, body, byline, language, meta_json, cluster_size)) = row else {
            return Ok(None);
        };
        let source_chain = serde_json::from_str::<serde_json::Value>(&meta_json)
            .ok()
            .and_then(|v| {
                serde_json::from_value::<Vec<String>>(v.get("source_chain")?.clone()).ok()
            })
            .unwrap_or_default();
        let marks = self.document_marks(pk)?;
        let passages = self
            .paragraphs(pk)?
            .into_iter()
            .enumerate()
            .map(|(i, p)| passage(&body, i, p, &marks))
            .collect();
        let claim_pks: Vec<i64> = {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT i.claim_pk FROM claim_instances i
                     WHERE i.doc_pk = ?1 GROUP BY i.claim_pk
                     ORDER BY min(json_extract(i.evidence, '$[0][0]')), i.claim_pk",
                )
                .at(&self.path)?;
            let rows = st.query_map([pk], |r| r.get(0)).at(&self.path)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.path)?
        };
        let mut claims = Vec::with_capacity(claim_pks.len());
        for claim_pk in claim_pks {
            claims.push(self.claim_card(claim_pk)?);
        }
        Ok(Some(DocumentView {
            document,
            byline,
            source_chain,
            language,
            cluster_size: cluster_size as u64,
            passages,
            marks,
            claims,
        }))
    }

    fn document_marks(&self, pk: i64) -> Result<Vec<Mark>, StoreError> {
        let mut marks = Vec::new();
        let mut push = |kind: &str, label: String, id: Option<String>, start: i64, end: i64| {
            if start >= 0 && end > start {
                marks.push(Mark {
                    kind: kind.to_owned(),
                    label,
                    id,
                    start: start as usize,
                    end: end as usize,
                });
            }
        };
        {
            let mut st = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {FIGURE}, f.start, f.end FROM figures f WHERE f.doc_pk = ?1"
                ))
                .at(&self.path)?;
            let mut rows = st.query([pk]).at(&self.path)?;
            while let Some(r) = rows.next().at(&self.path)? {
                let f = figure_view(r).at(&self.path)?;
                let (start, end): (i64, i64) =
                    (r.get(18).at(&self.path)?, r.get(19).at(&self.path)?);
                push("figure", figure_label(&f), Some(f.id), start, end);
            }
        }
        {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, start, end, type, value FROM times WHERE doc_pk = ?1")
                .at(&self.path)?;
            let mut rows = st.query([pk]).at(&self.path)?;
            while let Some(r) = rows.next().at(&self.path)? {
                let id: String = r.get(0).at(&self.path)?;
                let kind: String = r.get(3).at(&self.path)?;
                let value: String = r.get(4).at(&self.path)?;
                push(
                    "time",
                    format!("{value} ({})", kind.to_lowercase()),
                    Some(id),
                    r.get(1).at(&self.path)?,
                    r.get(2).at(&self.path)?,
                );
            }
        }
        {
            let mut st = self
                .conn
                .prepare_cached("SELECT id, kind, name, mentions FROM entities WHERE doc_pk = ?1")
                .at(&self.path)?;
            let mut rows = st.query([pk]).at(&self.path)?;
            while let Some(r) = rows.next().at(&self.path)? {
                let id: String = r.get(0).at(&self.path)?;
                let kind: String = r.get(1).at(&self.path)?;
                let name: String = r.get(2).at(&self.path)?;
                let mentions: String = r.get(3).at(&self.path)?;
                let label = format!("{name} ({kind})");
                for (start, end) in spans(&mentions) {
                    push(
                        "entity",
                        label.clone(),
                        Some(id.clone()),
                        start as i64,
                        end as i64,
                    );
                }
            }
        }
        {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT id, mentions, coalesce(name, descriptor, id), anonymous
                     FROM speakers WHERE doc_pk = ?1",
                )
                .at(&self.path)?;
            let mut rows = st.query([pk]).at(&self.path)?;
            while let Some(r) = rows.next().at(&self.path)? {
                let id: String = r.get(0).at(&self.path)?;
                let mentions: String = r.get(1).at(&self.path)?;
                let name: String = r.get(2).at(&self.path)?;
                let anonymous: bool = r.get(3).at(&self.path)?;
                let label = if anonymous {
                    format!("speaker: {name} (anonymous)")
                } else {
                    format!("speaker: {name}")
                };
                for [start, end] in
                    serde_json::from_str::<Vec<[i64; 2]>>(&mentions).unwrap_or_default()
                {
                    push("speaker", label.clone(), Some(id.clone()), start, end);
                }
            }
        }
        {
            let mut st = self
                .conn
                .prepare_cached(
                    "SELECT id, cue_start, cue_end, cue_lemma, kind, content FROM attributions
                     WHERE doc_pk = ?1",
                )
                .at(&self.path)?;
            let mut rows = st.query([pk]).at(&self.path)?;
            while let Some(r) = rows.next().at(&self.path)? {
                let id: String = r.get(0).at(&self.path)?;
                let lemma: String = r.get(3).at(&self.path)?;
                let kind: String = r.get(4).at(&self.path)?;
                push(
                    "cue",
                    format!("cue: {lemma}"),
                    Some(id.clone()),
                    r.get(1).at(&self.path)?,
                    r.get(2).at(&self.path)?,
                );
                let content: String = r.get(5).at(&self.path)?;
                for [start, end] in
                    serde_json::from_str::<Vec<[i64; 2]>>(&content).unwrap_or_default()
                {
                    push(
                        "quote",
                        format!("{kind} quote"),
                        Some(id.clone()),
                        start,
                        end,
                    );
                }
            }
        }
        marks.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        Ok(marks)
    }

    /// Documents matching `filter`, newest first (or best text match first with a query).
    ///
    /// # Errors
    /// [`StoreError::InvalidArgument`] for a malformed date; [`StoreError::Sqlite`].
    pub fn documents(&self, filter: &DocumentFilter) -> Result<DocumentPage, StoreError> {
        check_date(filter.since.as_ref())?;
        check_date(filter.until.as_ref())?;
        let limit = page_size(filter.limit);
        let q = filter.q.as_deref().map(str::trim).filter(|q| !q.is_empty());
        // The page's rows are chosen first and only they are joined and counted: with the
        // page's columns and `count(*) OVER ()` in one statement, every matching document's
        // two counts were computed before the sort (70 ms at 100k documents). With no query
        // text and no publisher, the page walks `documents_published` newest first (NULL
        // dates sort last in SQLite's descending order) and the total is a separate count.
        // A publisher filter would make that walk visit up to every document in index
        // order, a random seek each (300 ms for a late page of one outlet): those lists
        // scan and sort (`+` keeps SQLite off the index), counting in the same pass.
        let walk = q.is_none() && filter.source.is_none();
        let run = |fts: Option<&str>| -> Result<Vec<(DocumentSummary, Option<u64>)>, StoreError> {
            let inner = match fts {
                Some(_) => format!(
                    "SELECT d.pk AS pk, h.rank AS rank, count(*) OVER () AS total
                     FROM documents d
                     LEFT JOIN sources p ON p.id = d.publisher_id
                     LEFT JOIN sources a ON a.id = d.agency_id
                     JOIN (SELECT rowid AS hit, rank FROM documents_fts
                           WHERE documents_fts MATCH :fts) h ON h.hit = d.pk
                     WHERE {DOCUMENT_FILTER}
                     ORDER BY h.rank, d.pk LIMIT :limit OFFSET :offset"
                ),
                None => format!(
                    "SELECT d.pk AS pk, NULL AS rank, {total} AS total
                     FROM documents d
                     LEFT JOIN sources p ON p.id = d.publisher_id
                     LEFT JOIN sources a ON a.id = d.agency_id
                     WHERE {DOCUMENT_FILTER}
                     ORDER BY {by_date}d.published_date DESC, d.pk LIMIT :limit OFFSET :offset",
                    total = if walk { "NULL" } else { "count(*) OVER ()" },
                    by_date = if walk { "" } else { "+" },
                ),
            };
            let sql = format!(
                "SELECT {DOC_REF},
                     (SELECT count(DISTINCT claim_pk) FROM claim_instances i WHERE i.doc_pk = d.pk),
                     (SELECT count(*) FROM documents c WHERE c.cluster_id = d.cluster_id),
                     t.total
                 FROM ({inner}) t
                 JOIN documents d ON d.pk = t.pk
                 LEFT JOIN sources p ON p.id = d.publisher_id
                 LEFT JOIN sources a ON a.id = d.agency_id
                 ORDER BY {order}",
                order = if fts.is_some() {
                    "t.rank, d.pk"
                } else {
                    "d.published_date DESC, d.pk"
                },
            );
            let mut st = self.conn.prepare_cached(&sql).at(&self.path)?;
            let mut named: Vec<(&str, &dyn rusqlite::ToSql)> = vec![
                (":source", &filter.source),
                (":since", &filter.since),
                (":until", &filter.until),
                (":limit", &limit),
                (":offset", &filter.offset),
            ];
            if let Some(fts) = &fts {
                named.push((":fts", fts));
            }
            let rows = st
                .query_map(named.as_slice(), |r| {
                    Ok((
                        DocumentSummary {
                            document: doc_ref(r)?,
                            claims: r.get::<_, i64>(6)? as u64,
                            cluster_size: r.get::<_, i64>(7)? as u64,
                        },
                        r.get::<_, Option<i64>>(8)?.map(|n| n as u64),
                    ))
                })
                .at(&self.path)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.path)
        };
        let rows = match q {
            None => run(None)?,
            Some(q) => match run(Some(q)) {
                Err(e) if is_fts_syntax_error(&e) => {
                    let plain = plain_fts(q);
                    if plain.is_empty() {
                        Vec::new()
                    } else {
                        run(Some(&plain))?
                    }
                }
                other => other?,
            },
        };
        // A page past the end has no row to carry the window's count.
        let total = match (rows.first().and_then(|r| r.1), q) {
            (Some(n), _) => n,
            (None, None) if walk || filter.offset > 0 => self.document_count(filter)?,
            (None, _) => 0,
        };
        Ok(DocumentPage {
            total,
            offset: filter.offset,
            limit,
            documents: rows.into_iter().map(|r| r.0).collect(),
        })
    }

    /// How many documents [`Store::documents`] lists for `filter`, ignoring its query text:
    /// the table's count when nothing narrows it (SQLite counts a table's pages, not rows).
    fn document_count(&self, filter: &DocumentFilter) -> Result<u64, StoreError> {
        let n: i64 = if filter.source.is_none() && filter.since.is_none() && filter.until.is_none()
        {
            self.conn
                .query_row("SELECT count(*) FROM documents", [], |r| r.get(0))
                .at(&self.path)?
        } else {
            let mut st = self
                .conn
                .prepare_cached(&format!(
                    "SELECT count(*) FROM documents d
                     LEFT JOIN sources p ON p.id = d.publisher_id
                     LEFT JOIN sources a ON a.id = d.agency_id
                     WHERE {DOCUMENT_FILTER}"
                ))
                .at(&self.path)?;
            st.query_row(
                rusqlite::named_params! {
                    ":source": filter.source,
                    ":since": filter.since,
                    ":until": filter.until,
                },
                |r| r.get(0),
            )
            .at(&self.path)?
        };
        Ok(n as u64)
    }

    /// Claimants across documents, most claims first.
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn speakers(&self, filter: &NameFilter) -> Result<SpeakerPage, StoreError> {
        let limit = page_size(filter.limit);
        if filter.q.is_none() {
            return self.counted_speakers(filter, limit);
        }
        // A name filter matches the claims' written names too, so it groups the carriers;
        // the name shown for claimants that differ only in case ("SOURCES", "sources") is
        // the counted one, as in the unfiltered list. The carriers are read in the table's
        // order (its primary key, by document): the planner would otherwise walk
        // `claim_instances_claim` (by claim) with a lookup per row.
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT coalesce(k.name, g.name), g.kind, g.anonymous, g.role, g.affiliation,
                     g.claims, g.documents, count(*) OVER ()
                 FROM (
                     SELECT lower(c.claimant_name) AS name_key, c.claimant_name AS name,
                         c.claimant_kind AS kind, c.claimant_anonymous AS anonymous,
                         max(s.role) AS role, max(s.affiliation) AS affiliation,
                         count(DISTINCT c.pk) AS claims, count(DISTINCT i.doc_pk) AS documents
                     FROM claims c
                     JOIN claim_instances i INDEXED BY sqlite_autoindex_claim_instances_1
                         ON i.claim_pk = c.pk
                     LEFT JOIN speakers s ON s.doc_pk = i.doc_pk AND s.id = i.speaker_id
                     WHERE (:q IS NULL OR instr(lower(c.claimant_name), lower(:q)) > 0
                             OR instr(lower(c.names), lower(:q)) > 0)
                         AND (:anonymous IS NULL
                             OR (c.claimant_kind = 'speaker' AND c.claimant_anonymous = :anonymous))
                     GROUP BY 1, 3, 4) g
                 LEFT JOIN speaker_counts k
                     ON (k.name_key, k.kind, k.anonymous) = (g.name_key, g.kind, g.anonymous)
                 ORDER BY 6 DESC, 7 DESC, 1
                 LIMIT :limit OFFSET :offset",
            )
            .at(&self.path)?;
        let rows = st
            .query_map(
                rusqlite::named_params! {
                    ":q": filter.q,
                    ":anonymous": filter.anonymous,
                    ":limit": limit,
                    ":offset": filter.offset,
                },
                |r| Ok((speaker_summary(r)?, r.get::<_, i64>(7)? as u64)),
            )
            .at(&self.path)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .at(&self.path)?;
        Ok(SpeakerPage {
            total: rows.first().map_or(0, |r| r.1),
            offset: filter.offset,
            limit,
            speakers: rows.into_iter().map(|r| r.0).collect(),
        })
    }

    /// The speakers list without a name filter, from the counts the writer keeps
    /// (`speaker_counts`, schema 12): the page walks `speaker_counts_rank`.
    fn counted_speakers(&self, filter: &NameFilter, limit: u32) -> Result<SpeakerPage, StoreError> {
        let anonymous = "(:anonymous IS NULL OR (kind = 'speaker' AND anonymous = :anonymous))";
        let total: i64 = self
            .conn
            .prepare_cached(&format!(
                "SELECT count(*) FROM speaker_counts WHERE {anonymous}"
            ))
            .at(&self.path)?
            .query_row(
                rusqlite::named_params! {":anonymous": filter.anonymous},
                |r| r.get(0),
            )
            .at(&self.path)?;
        let mut st = self
            .conn
            .prepare_cached(&format!(
                "SELECT name, kind, anonymous, role, affiliation, claims, documents
                 FROM speaker_counts INDEXED BY speaker_counts_rank
                 WHERE {anonymous}
                 ORDER BY claims DESC, documents DESC, name
                 LIMIT :limit OFFSET :offset"
            ))
            .at(&self.path)?;
        let speakers = st
            .query_map(
                rusqlite::named_params! {
                    ":anonymous": filter.anonymous,
                    ":limit": limit,
                    ":offset": filter.offset,
                },
                speaker_summary,
            )
            .at(&self.path)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .at(&self.path)?;
        Ok(SpeakerPage {
            total: total as u64,
            offset: filter.offset,
            limit,
            speakers,
        })
    }

    /// Entities across documents, most documents first. Document-local ids (names in no
    /// gazetteer) are merged by name.
    ///
    /// # Errors
    /// [`StoreError::InvalidArgument`] for an unknown type; [`StoreError::Sqlite`].
    pub fn entities(&self, filter: &NameFilter) -> Result<EntityPage, StoreError> {
        check_choice(
            "entity type",
            filter.kind.as_ref(),
            &["person", "organization", "country", "place", "group"],
        )?;
        let limit = page_size(filter.limit);
        let mut st = self
            .conn
            .prepare_cached(
                "SELECT k, kind, max(name), count(DISTINCT doc_pk), sum(mentions), count(*) OVER ()
                 FROM (
                     SELECT CASE WHEN e.id LIKE 'local:%' THEN 'name:' || lower(e.name)
                                 ELSE e.id END AS k,
                         e.kind, e.name, e.doc_pk, json_array_length(e.mentions) AS mentions
                     FROM entities e
                     WHERE (:q IS NULL OR instr(lower(e.name), lower(:q)) > 0 OR e.id = :q)
                         AND (:kind IS NULL OR e.kind = :kind))
                 GROUP BY k, kind
                 ORDER BY 4 DESC, 3
                 LIMIT :limit OFFSET :offset",
            )
            .at(&self.path)?;
        let rows = st
            .query_map(
                rusqlite::named_params! {
                    ":q": filter.q,
                    ":kind": filter.kind,
                    ":limit": limit,
                    ":offset": filter.offset,
                },
                |r| {
                    Ok((
                        EntitySummary {
                            id: r.get(0)?,
                            kind: r.get(1)?,
                            name: r.get(2)?,
                            documents: r.get::<_, i64>(3)? as u64,
                            mentions: r.get::<_, i64>(4)? as u64,
                        },
                        r.get::<_, i64>(5)? as u64,
                    ))
                },
            )
            .at(&self.path)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .at(&self.path)?;
        Ok(EntityPage {
            total: rows.first().map_or(0, |r| r.1),
            offset: filter.offset,
            limit,
            entities: rows.into_iter().map(|r| r.0).collect(),
        })
    }

    /// Measures that have figures, and for `measure` the subject and place entities its
    /// figures are about: the choices for [`Store::timeline`].
    ///
    /// # Errors
    /// [`StoreError::Sqlite`].
    pub fn timeline_options(&self, measure: Option<&str>) -> Result<TimelineOptions, StoreError> {
        let facets = |sql: &str, arg: Option<&str>| -> Result<Vec<Facet>, StoreError> {
            let mut st = self.conn.prepare_cached(sql).at(&self.path)?;
            let rows = st
                .query_map([arg], |r| {
                    let value: String = r.get(0)?;
                    let label: Option<String> = r.get(1)?;
                    Ok(Facet {
                        label: label.unwrap_or_else(|| value.clone()),
                        value,
                        figures: r.get::<_, i64>(2)? as u64,
                    })
                })
                .at(&self.path)?;
            rows.collect::<rusqlite::Result<Vec<_>>>().at(&self.path)
        };
        let measures = facets(
            "SELECT measure, NULL, count(*) FROM figures
             WHERE measure <> 'other' AND ?1 IS NULL
             GROUP BY measure ORDER BY 3 DESC, 1",
            None,
        )?;
        let (subjects, places) = match measure {
            None => (Vec::new(), Vec::new()),
            Some(m) => (
                facets(
                    "SELECT f.subject_entity,
                         (SELECT e.name FROM entities e WHERE e.id = f.subject_entity LIMIT 1),
                         count(*)
                     FROM figures f WHERE f.measure = ?1 AND f.subject_entity IS NOT NULL
                         AND f.subject_entity NOT LIKE 'local:%'
                     GROUP BY f.subject_entity ORDER BY 3 DESC, 1 LIMIT 50",
                    Some(m),
                )?,
                facets(
                    "SELECT f.place_entity,
                         (SELECT e.name FROM entities e WHERE e.id = f.place_entity LIMIT 1),
                         count(*)
                     FROM figures f WHERE f.measure = ?1 AND f.place_entity IS NOT NULL
                         AND f.place_entity NOT LIKE 'local:%'
                     GROUP BY f.place_entity ORDER BY 3 DESC, 1 LIMIT 50",
                    Some(m),
                )?,
            ),
        };
        Ok(TimelineOptions {
            measures,
            subjects,
            places,
        })
    }
}

/// The six [`DocumentRef`] columns, read by [`doc_ref`] at indexes 0 to 5. Needs `d`
/// (documents), `p` (publisher) and `a` (agency) in the query.
const DOC_REF: &str = "d.id, d.title, d.url, p.name, a.name, d.published";

/// [`Store::documents`]' filter, on `documents d` and its publisher `p` and agency `a`.
const DOCUMENT_FILTER: &str = "(:source IS NULL OR instr(lower(p.name), lower(:source)) > 0
        OR instr(lower(a.name), lower(:source)) > 0)
    AND (:since IS NULL OR d.published_date >= :since)
    AND (:until IS NULL OR substr(d.published_date, 1, length(:until)) <= :until)";

fn doc_ref(r: &Row<'_>) -> rusqlite::Result<DocumentRef> {
    Ok(DocumentRef {
        id: r.get(0)?,
        title: r.get(1)?,
        url: r.get(2)?,
        publisher: r.get(3)?,
        agency: r.get(4)?,
        published: r.get(5)?,
    })
}

/// The [`FigureView`] columns, read by [`figure_view`] at indexes 0 to 17.
const FIGURE: &str = "f.id, f.raw, f.low, f.best, f.high, f.unit, f.approx, f.open_low,
    f.open_high, f.measure, f.noun, f.subject_text, f.subject_entity, f.place_text,
    f.place_entity, f.hedges, f.agent_text, f.agent_entity";

fn figure_view(r: &Row<'_>) -> rusqlite::Result<FigureView> {
    let hedges: String = r.get(15)?;
    Ok(FigureView {
        id: r.get(0)?,
        raw: r.get(1)?,
        low: r.get(2)?,
        best: r.get(3)?,
        high: r.get(4)?,
        unit: r.get(5)?,
        approx: r.get(6)?,
        open_low: r.get(7)?,
        open_high: r.get(8)?,
        measure: r.get(9)?,
        noun: r.get(10)?,
        subject: r.get(11)?,
        subject_entity: r.get(12)?,
        place: r.get(13)?,
        place_entity: r.get(14)?,
        agent: r.get(16)?,
        agent_entity: r.get(17)?,
        hedges: json_list(&hedges),
    })
}

fn json_list(text: &str) -> Vec<String> {
    serde_json::from_str(text).unwrap_or_default()
}

/// A number as people write it: `1,200`, `5.6 billion`.
fn number(v: f64) -> String {
    let abs = v.abs();
    let (scaled, suffix) = if abs >= 1e9 {
        (v / 1e9, " billion")
    } else if abs >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    if suffix.is_empty() && scaled.fract() == 0.0 {
        let digits = format!("{}", scaled.abs() as u64);
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        let text = format!("{scaled:.2}");
        let text = text.trim_end_matches('0').trim_end_matches('.');
        format!("{text}{suffix}")
    }
}

/// A figure's range in words: `300–900 killed`, `≥ 1,000 casualties`, `USD 5.6 billion`.
#[must_use]
pub fn figure_label(f: &FigureView) -> String {
    let range = match (f.low, f.best, f.high) {
        (Some(l), _, Some(h)) if l == h => number(l),
        (Some(l), _, None) if f.open_high => format!("≥ {}", number(l)),
        (Some(l), _, Some(h)) => format!("{}–{}", number(l), number(h)),
        (None, Some(b), _) => format!("~{}", number(b)),
        (Some(l), None, None) => format!("≥ {}", number(l)),
        (None, None, Some(h)) => format!("≤ {}", number(h)),
        _ => f.raw.clone(),
    };
    let range = match (&f.unit, f.approx && !range.starts_with('~')) {
        (Some(u), _) => format!("{u} {range}"),
        (None, true) => format!("~{range}"),
        (None, false) => range,
    };
    if f.measure == "other" || f.measure == "money" {
        range
    } else {
        format!("{range} {}", f.measure)
    }
}

/// Spans stored as a JSON list of `[start, end]` pairs; malformed or negative pairs are
/// skipped.
fn spans(json: &str) -> Vec<(usize, usize)> {
    serde_json::from_str::<Vec<[i64; 2]>>(json)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|[s, e]| Some((usize::try_from(s).ok()?, usize::try_from(e).ok()?)))
        .collect()
}

/// The paragraph `(start, end)` of `body` cut into segments at every mark boundary inside
/// it. Marks whose offsets are not on character boundaries of this body are ignored.
fn passage(body: &str, index: usize, (start, end): (usize, usize), marks: &[Mark]) -> Passage {
    let mut cuts: BTreeSet<usize> = BTreeSet::from([start, end]);
    let inside: Vec<(usize, &Mark)> = marks
        .iter()
        .enumerate()
        .filter(|(_, m)| m.start < end && m.end > start)
        .filter(|(_, m)| body.is_char_boundary(m.start) && body.is_char_boundary(m.end))
        .collect();
    for (_, m) in &inside {
        cuts.insert(m.start.clamp(start, end));
        cuts.insert(m.end.clamp(start, end));
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let segments = cuts
        .windows(2)
        .filter_map(|w| {
            let text = body.get(w[0]..w[1])?;
            let marks = inside
                .iter()
                .filter(|(_, m)| m.start <= w[0] && m.end >= w[1])
                .map(|(i, _)| *i)
                .collect();
            Some(Segment {
                text: text.to_owned(),
                marks,
            })
        })
        .filter(|s| !s.text.is_empty())
        .collect();
    Passage {
        paragraph: index,
        segments,
    }
}

/// A speakers-list row: name, kind, anonymous, role, affiliation, claims, documents.
fn speaker_summary(r: &rusqlite::Row<'_>) -> rusqlite::Result<SpeakerSummary> {
    Ok(SpeakerSummary {
        name: r.get(0)?,
        kind: r.get(1)?,
        anonymous: r.get(2)?,
        role: r.get(3)?,
        affiliation: r.get(4)?,
        claims: r.get::<_, i64>(5)? as u64,
        documents: r.get::<_, i64>(6)? as u64,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(kind: &str, start: usize, end: usize) -> Mark {
        Mark {
            kind: kind.to_owned(),
            label: kind.to_owned(),
            id: None,
            start,
            end,
        }
    }

    #[test]
    fn passage_cuts_at_overlapping_marks() {
        let body = "Intro.\n\nThey lost several hundred men, he said.";
        let p = (8, body.len());
        let marks = [mark("evidence", 8, 37), mark("figure", 18, 33)];
        let cut = passage(body, 1, p, &marks);
        let texts: Vec<(&str, &[usize])> = cut
            .segments
            .iter()
            .map(|s| (s.text.as_str(), s.marks.as_slice()))
            .collect();
        assert_eq!(
            texts,
            [
                ("They lost ", &[0][..]),
                ("several hundred", &[0, 1][..]),
                (" men", &[0][..]),
                (", he said.", &[][..]),
            ]
        );
    }

    #[test]
    fn passage_ignores_marks_off_char_boundaries() {
        let body = "Café au lait";
        let cut = passage(body, 0, (0, body.len()), &[mark("figure", 4, 6)]);
        assert_eq!(cut.segments.len(), 1);
        assert_eq!(cut.segments[0].text, body);
    }

    #[test]
    fn figure_labels_read_as_ranges() {
        let mut f = FigureView {
            id: "F1".into(),
            raw: "several hundred".into(),
            low: Some(300.0),
            best: None,
            high: Some(900.0),
            unit: None,
            approx: false,
            open_low: false,
            open_high: false,
            measure: "casualties".into(),
            noun: None,
            subject: None,
            subject_entity: None,
            place: None,
            place_entity: None,
            agent: None,
            agent_entity: None,
            hedges: Vec::new(),
        };
        assert_eq!(figure_label(&f), "300–900 casualties");
        f.high = None;
        f.low = Some(1000.0);
        f.open_high = true;
        assert_eq!(figure_label(&f), "≥ 1,000 casualties");
        f.measure = "money".into();
        f.unit = Some("USD".into());
        f.low = Some(5.6e9);
        f.high = Some(5.6e9);
        f.open_high = false;
        assert_eq!(figure_label(&f), "USD 5.6 billion");
    }

    #[test]
    fn dates_are_checked() {
        assert!(check_date(Some(&"2024-12-18".to_owned())).is_ok());
        assert!(check_date(Some(&"2024-12".to_owned())).is_ok());
        assert!(check_date(Some(&"18/12/2024".to_owned())).is_err());
        assert!(check_date(Some(&"2024-1-18".to_owned())).is_err());
        assert!(check_date(Some(&"2024-13-45".to_owned())).is_err());
        assert!(check_date(Some(&"2023-02-29".to_owned())).is_err());
        assert!(check_date(Some(&"2024-02-29".to_owned())).is_ok());
        assert!(check_date(Some(&"2024-00".to_owned())).is_err());
    }
}
