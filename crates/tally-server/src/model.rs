//! The API's own response types for answers the store gives in its internal types
//! (search hits, clusters, timelines), so the HTTP contract is stated here, with OpenAPI
//! schemas, and the store stays free to change. The browse types (claims, documents,
//! speakers, entities) come from `tally_store::browse` with schemas derived there.

use serde::Serialize;
use utoipa::ToSchema;

/// `GET /api/health`.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`.
    pub status: String,
    /// The tally version.
    pub version: String,
    /// Stored documents.
    pub documents: u64,
    /// Distinct claims.
    pub claims: u64,
    /// Figures.
    pub figures: u64,
    /// Syndication clusters with more than one document.
    pub clusters: u64,
    /// Ingest error records.
    pub errors: u64,
}

/// One search result.
#[derive(Debug, Serialize, ToSchema)]
pub struct SearchHit {
    /// `document` or `claim`.
    pub kind: String,
    /// The document (for a claim: the first that carried it).
    pub document_id: String,
    /// Its headline.
    pub title: Option<String>,
    /// Its url.
    pub url: Option<String>,
    /// Its publisher.
    pub publisher: Option<String>,
    /// Its publication time.
    pub published: Option<String>,
    /// For a claim: who made it.
    pub claimant: Option<String>,
    /// For a claim: documents carrying it; for a document: its cluster's size.
    pub carriers: u64,
    /// Matching text with matches in `[brackets]`.
    pub snippet: String,
    /// BM25 score; lower is better.
    pub score: f64,
}

impl From<tally_store::SearchHit> for SearchHit {
    fn from(h: tally_store::SearchHit) -> Self {
        SearchHit {
            kind: h.kind.to_owned(),
            document_id: h.document_id,
            title: h.title,
            url: h.url,
            publisher: h.publisher,
            published: h.published,
            claimant: h.claimant,
            carriers: h.carriers,
            snippet: h.snippet,
            score: h.score,
        }
    }
}

/// `GET /api/sources`: outlets and syndication clusters.
#[derive(Debug, Serialize, ToSchema)]
pub struct Sources {
    /// Every source with how many documents it published and originated.
    pub sources: Vec<SourceCount>,
    /// Clusters of copies of one story, largest first.
    pub clusters: Vec<Cluster>,
}

/// A source's document counts.
#[derive(Debug, Serialize, ToSchema)]
pub struct SourceCount {
    /// Name ("AFP").
    pub name: String,
    /// Documents it published.
    pub published: u64,
    /// Documents it is the wire agency of.
    pub originated: u64,
}

/// Copies and near-copies of one story.
#[derive(Debug, Serialize, ToSchema)]
pub struct Cluster {
    /// Cluster id.
    pub id: i64,
    /// Documents in it.
    pub size: u64,
    /// Agencies named by its members.
    pub agencies: Vec<String>,
    /// Publishers.
    pub publishers: Vec<String>,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Members, earliest first.
    pub members: Vec<ClusterMember>,
}

/// A document in a cluster.
#[derive(Debug, Serialize, ToSchema)]
pub struct ClusterMember {
    /// Document id.
    pub document_id: String,
    /// Url.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub publisher: Option<String>,
    /// Wire agency.
    pub agency: Option<String>,
    /// Publication time.
    pub published: Option<String>,
}

impl From<tally_store::Cluster> for Cluster {
    fn from(c: tally_store::Cluster) -> Self {
        Cluster {
            id: c.id,
            size: c.size,
            agencies: c.agencies,
            publishers: c.publishers,
            first_published: c.first_published,
            last_published: c.last_published,
            members: c
                .members
                .into_iter()
                .map(|m| ClusterMember {
                    document_id: m.document_id,
                    url: m.url,
                    title: m.title,
                    publisher: m.publisher,
                    agency: m.agency,
                    published: m.published,
                })
                .collect(),
        }
    }
}

/// `GET /api/timeline`: estimates of one measure over time.
#[derive(Debug, Serialize, ToSchema)]
pub struct Timeline {
    /// The measure.
    pub measure: String,
    /// The subject asked for.
    pub subject: Option<String>,
    /// The place asked for.
    pub place: Option<String>,
    /// The agent asked for (absent when none was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Estimates by date.
    pub estimates: Vec<Estimate>,
}

/// One estimate: a figure as stated by one claimant, with every document carrying it.
#[derive(Debug, Serialize, ToSchema)]
pub struct Estimate {
    /// When it was said (or else published), `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The words ("several hundred").
    pub raw: String,
    /// What it counts, as written ("people", "children"); `None` when the figure names
    /// nothing counted ("the death toll rose to 50").
    pub noun: Option<String>,
    /// Lowest value.
    pub low: Option<f64>,
    /// Best value.
    pub best: Option<f64>,
    /// Highest value.
    pub high: Option<f64>,
    /// No upper bound.
    pub open_high: bool,
    /// Currency or unit.
    pub unit: Option<String>,
    /// Hedges.
    pub hedges: Vec<String>,
    /// Who gave it; `unattributed` without a claim.
    pub claimant: String,
    /// `direct`, `indirect`, `mixed`, `reporter` or `unattributed`.
    pub sourcing: String,
    /// The claim's content.
    pub content: Option<String>,
    /// The subject phrase.
    pub subject: Option<String>,
    /// The place phrase.
    pub place: Option<String>,
    /// Who did the harm the figure counts, as written ("Russian drones and missiles").
    pub agent: Option<String>,
    /// The entity the agent is linked to (`RU`).
    pub agent_entity: Option<String>,
    /// The place of the dateline of the article it was read from ("GAZA CITY"), present
    /// only when the query's place matched there because the figure names no place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Documents carrying it.
    pub carriers: Vec<Carrier>,
    /// Contradictions (ranges that do not overlap within the window) and revisions.
    pub flags: Vec<Flag>,
}

/// A document carrying an estimate.
#[derive(Debug, Serialize, ToSchema)]
pub struct Carrier {
    /// Document id.
    pub document_id: String,
    /// Outlet.
    pub publisher: Option<String>,
    /// Url.
    pub url: Option<String>,
}

/// A flag on an estimate.
#[derive(Debug, Serialize, ToSchema)]
pub struct Flag {
    /// `contradiction` or `revision`.
    pub flag: String,
    /// The other estimate's index in `estimates`: the one it contradicts, or the earlier
    /// one it revises.
    pub other: usize,
}

impl From<tally_store::Timeline> for Timeline {
    fn from(t: tally_store::Timeline) -> Self {
        Timeline {
            measure: t.measure,
            subject: t.subject,
            place: t.place,
            agent: t.agent,
            estimates: t
                .estimates
                .into_iter()
                .map(|e| Estimate {
                    date: e.date,
                    raw: e.raw,
                    noun: e.noun,
                    low: e.low,
                    best: e.best,
                    high: e.high,
                    open_high: e.open_high,
                    unit: e.unit,
                    hedges: e.hedges,
                    claimant: e.claimant,
                    sourcing: e.sourcing,
                    content: e.content,
                    subject: e.subject,
                    place: e.place,
                    agent: e.agent,
                    agent_entity: e.agent_entity,
                    dateline: e.dateline,
                    carriers: e
                        .carriers
                        .into_iter()
                        .map(|c| Carrier {
                            document_id: c.document_id,
                            publisher: c.publisher,
                            url: c.url,
                        })
                        .collect(),
                    flags: e
                        .flags
                        .into_iter()
                        .map(|f| match f {
                            tally_store::Flag::Contradiction { with } => Flag {
                                flag: "contradiction".to_owned(),
                                other: with,
                            },
                            tally_store::Flag::Revision { of } => Flag {
                                flag: "revision".to_owned(),
                                other: of,
                            },
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// `POST /api/ingest`: what was stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestReport {
    /// Documents read from the body.
    pub documents: u64,
    /// Documents newly stored.
    pub inserted: u64,
    /// Documents already stored (same id) and left alone.
    pub skipped: u64,
    /// Claim carriers written.
    pub claims: u64,
    /// Ids of the documents read, in order.
    pub ids: Vec<String>,
    /// Records that could not be read or annotated; the others were stored.
    pub errors: Vec<IngestFailure>,
}

/// A record of the body that could not be stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct IngestFailure {
    /// Which record (`line 3`), or empty for the whole body.
    pub record: String,
    /// Stable diagnostic code (`I005`).
    pub code: String,
    /// What went wrong.
    pub message: String,
}
