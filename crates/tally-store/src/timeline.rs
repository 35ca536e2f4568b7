//! Timelines: every estimate of one measure for one subject (and place), date by date,
//! with contradictions and revisions flagged.
//!
//! An estimate is a figure as stated by one claimant: syndicated copies of the same claim
//! are one estimate with all their carriers. Figures that no claim carries yet (an older
//! database, or a pipeline without claims) are grouped by syndication cluster and wording.
//!
//! Example: an anonymous U.S. official says "several hundred" North Korean casualties in
//! Kursk on 2024-12-17 (three outlets carry it); Ukraine's intelligence says "more than
//! 1,000" on 2024-12-20; the same official says "1,000 to 1,200" on 2025-01-09. The first
//! two contradict each other (300–900 and 1,000+ do not overlap, three days apart); the
//! third revises the first.
//!
//! What the flags compare. Each estimate has a *subject* (the linked entity of the figure's
//! subject, `KP`, when there is one) and a *place* (the place phrase, compared by linked
//! entity when both sides have one, else by its case-folded words). A document-local entity
//! (`local:E3`, numbered within its document) is compared by its phrase's case-folded
//! words instead, since two documents' `local:E3` are unrelated. Two estimates are about
//! the same thing when they have the same measure and unit, their subjects agree when both
//! are known, their places agree when both are known, and they share an anchor: the same
//! subject, the same place, or the same story (one document carries both, and they have the
//! same subject phrase, or neither has one). So estimates with neither a subject nor a
//! place (a bare "300 killed") are never flagged against another story's: across stories,
//! nothing says they count the same thing. Within one story they are: "at least 1,000", says
//! one source, "several hundred", says another, three paragraphs apart; except amounts of
//! money and other measures, which one story often gives several of ("a $1.25 billion
//! package", "$2.2 billion of authority left"), and counts more than five times apart,
//! which are a part of the story's toll ("14 members of his family were killed" in a quake
//! that killed 2,100), not a rival estimate of it, and a lower count that alone has a place
//! ("four deaths" in Volusia County against a storm's "at least 16"), a part too, and a
//! count of another counted noun, both written ("killing at least 47 people, including
//! nine children" against another source's "31 people": children, women, soldiers are
//! among the people), a part too; nouns that name the whole toll (people, persons, dead,
//! deaths, victims, casualties, ...: `data/store/counted_nouns.tsv`) count as one noun, and
//! plurals are folded ("children" is "child"), so "432 persons" still contradicts "524
//! people". These three parts of one story are never flagged, even when a shared subject
//! anchors them (the story's subject is often inherited by every loss figure in it).
//! Across stories the noun is not compared.
//!
//! - **contradiction**: two dated estimates about the same thing, at most `window_days`
//!   apart, from different claims and different claimants, whose ranges do not overlap.
//! - **revision**: a later estimate by the same claimant (same kind and case-folded name;
//!   never "unattributed") about the same thing with exactly the same subject and place
//!   (both known or both absent), whose range differs from that claimant's latest earlier
//!   estimate for it. A claimant's own changes are revisions, not contradictions.
//!
//! Filters: measure, subject, place, agent (who did the harm) and dates. A place given as
//! words also matches a figure with no place phrase whose document's dateline names it
//! ("GAZA CITY (AP) — ... killed at least 30 people"), marked by [`Estimate::dateline`];
//! the flags still treat that figure's place as unknown.
//!
//! Limitations: a subject, place or agent that looks like an entity id (`KP`,
//! `place:ru-krs`) matches the figure's linked entity exactly, using the timeline index;
//! anything else matches the phrase's words as a case-insensitive substring. A subject phrase that no
//! entity is linked to counts as unknown for the flags: two unlinked phrases ("the
//! protesters", "people") are not evidence of the same subject. Estimates come by the first
//! day their date covers, then its last day, then the date's text (`2016-Q1`, `2016`,
//! `2016-03-01`, `2016-03`: see `when.rs`); estimates without a date
//! sort last and are never flagged. The flags compare the days a date covers, so a month
//! overlaps each of its days (no gap for the window, neither one later for a revision);
//! a date wider than a year (a decade) is never flagged. Anonymous claimants are matched by their description,
//! so "officials" in two unrelated stories count as one claimant.

use rustc_hash::FxHashMap;

use rusqlite::{OptionalExtension, params};
use serde::Serialize;
use tally_core::{Measure, normalize_whitespace};

use crate::error::At;
use crate::{Store, StoreError, counted};

/// What to put on a timeline.
#[derive(Debug, Clone)]
pub struct TimelineQuery {
    /// The measure (`casualties`, `killed`, ...).
    pub measure: String,
    /// Subject: an entity id (`KP`) or words of the subject phrase.
    pub subject: Option<String>,
    /// Place: an entity id or words of the place phrase ("Kursk"). Words also match a
    /// figure without a place phrase whose document's dateline names them ("GAZA CITY
    /// (AP) — ... killed at least 30 people"): see [`Estimate::dateline`].
    pub place: Option<String>,
    /// Who did the harm: an entity id (`RU`) or words of the agent phrase ("Russia"
    /// matches "Russian drones and missiles"). Figures without an agent are left out.
    pub agent: Option<String>,
    /// Earliest date, `YYYY-MM-DD` (inclusive).
    pub since: Option<String>,
    /// Latest date, `YYYY-MM-DD` (inclusive).
    pub until: Option<String>,
    /// Largest gap in days between two estimates compared for contradictions.
    pub window_days: i64,
    /// Most figures read.
    pub limit: usize,
}

impl Default for TimelineQuery {
    fn default() -> Self {
        TimelineQuery {
            measure: "casualties".to_owned(),
            subject: None,
            place: None,
            agent: None,
            since: None,
            until: None,
            window_days: 7,
            limit: 10_000,
        }
    }
}

/// A document carrying an estimate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Carrier {
    /// Document id.
    pub document_id: String,
    /// Its outlet.
    pub publisher: Option<String>,
    /// Its url.
    pub url: Option<String>,
}

/// Why an estimate is flagged.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "flag", rename_all = "snake_case")]
pub enum Flag {
    /// Its range does not overlap that of another claimant's estimate about the same
    /// subject and place within the window.
    Contradiction {
        /// Index of the other estimate in [`Timeline::estimates`].
        with: usize,
    },
    /// The same claimant said something different earlier.
    Revision {
        /// Index of the earlier estimate.
        of: usize,
    },
}

/// One estimate on the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Estimate {
    /// When it was said (the claim's said-at date) or else published: a TIMEX3 value, a
    /// day (`YYYY-MM-DD`) or a coarser week, month, quarter or year (`2016-03`).
    pub date: Option<String>,
    /// The words ("several hundred").
    pub raw: String,
    /// What it counts, as written ("people", "children"); `None` when the figure names
    /// nothing counted ("the death toll rose to 50"). Within one story, counts of two
    /// different nouns are parts of one toll, never flagged against each other.
    pub noun: Option<String>,
    /// Lowest value.
    pub low: Option<f64>,
    /// Best value.
    pub best: Option<f64>,
    /// Highest value; `None` with `open_high` means unbounded.
    pub high: Option<f64>,
    /// No upper bound ("more than 1,000").
    pub open_high: bool,
    /// Currency or unit.
    pub unit: Option<String>,
    /// Hedges ("latest estimate").
    pub hedges: Vec<String>,
    /// Who gave it: the speaker, agency or publisher; "unattributed" without a claim.
    pub claimant: String,
    /// How: `direct`, `indirect`, `mixed`, `reporter`, or `unattributed`.
    pub sourcing: String,
    /// The claim's content, when there is a claim.
    pub content: Option<String>,
    /// The subject phrase.
    pub subject: Option<String>,
    /// The entity the subject phrase is linked to (`KP`).
    pub subject_entity: Option<String>,
    /// The place phrase.
    pub place: Option<String>,
    /// The entity the place phrase is linked to.
    pub place_entity: Option<String>,
    /// Who did the harm the figure counts, as written ("Russian drones and missiles");
    /// `None` when the figure names none, and for figures stored before schema version 4.
    pub agent: Option<String>,
    /// The entity the agent phrase is linked to (`RU`).
    pub agent_entity: Option<String>,
    /// The place of the dateline of the document it was read from ("GAZA CITY"), set only
    /// when the query's place matched it there: the figure itself names no place. Absent
    /// from JSON otherwise. The flags do not use it (a dateline says where the story was
    /// filed, not always where the count happened).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<String>,
    /// Every document carrying it.
    pub carriers: Vec<Carrier>,
    /// Contradictions and revisions.
    pub flags: Vec<Flag>,
}

/// A timeline: estimates in date order.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Timeline {
    /// The measure.
    pub measure: String,
    /// The subject asked for.
    pub subject: Option<String>,
    /// The place asked for.
    pub place: Option<String>,
    /// The agent asked for (absent from JSON when none was).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub agent: Option<String>,
    /// Estimates, by date.
    pub estimates: Vec<Estimate>,
}

impl Store {
    /// Builds a timeline.
    ///
    /// # Errors
    /// [`StoreError::InvalidArgument`] for an unknown measure or a malformed date;
    /// [`StoreError::Sqlite`].
    pub fn timeline(&self, query: &TimelineQuery) -> Result<Timeline, StoreError> {
        if Measure::parse(&query.measure).is_none() {
            return Err(StoreError::InvalidArgument {
                what: "measure",
                value: query.measure.clone(),
                reason: format!(
                    "expected one of {}",
                    tally_core::ALL_MEASURES.map(Measure::as_str).join(", ")
                ),
            });
        }
        for date in [&query.since, &query.until].into_iter().flatten() {
            if day_number(date).is_none() {
                return Err(StoreError::InvalidArgument {
                    what: "date",
                    value: date.clone(),
                    reason: "expected YYYY-MM-DD".to_owned(),
                });
            }
        }
        self.snapshot(|| self.build_timeline(query))
    }

    fn build_timeline(&self, query: &TimelineQuery) -> Result<Timeline, StoreError> {
        let rows = self.timeline_rows(query)?;
        let mut publishers = Publishers::default();
        let mut estimates: Vec<Estimate> = Vec::new();
        let mut about: Vec<About> = Vec::new();
        let mut names = Names::default();
        let mut index: FxHashMap<(i64, u32), usize> = FxHashMap::default();
        for row in rows {
            // A figure whose document is gone (never, with one writer) has no carrier.
            let Some(doc) = row.document else {
                continue;
            };
            // One estimate per figure wording per claim (a claim can carry several figures),
            // or per syndication cluster for figures no claim carries.
            let wording = names.lowered(&row.raw);
            let key = match row.claim_pk {
                Some(pk) => (pk, wording),
                // Cluster ids are document pks (positive): negated, they cannot meet a
                // claim pk.
                None => (-doc.cluster, wording),
            };
            let dateline = doc.dateline;
            let carrier = Carrier {
                document_id: doc.id,
                publisher: publishers.name(self, doc.publisher_id)?,
                url: doc.url,
            };
            if let Some(&i) = index.get(&key) {
                let carriers = &mut estimates[i].carriers;
                if !carriers
                    .iter()
                    .any(|c| c.document_id == carrier.document_id)
                {
                    carriers.push(carrier);
                    about[i].documents.push(row.doc_pk);
                }
                continue;
            }
            // The query's place words matched the dateline, not a place phrase.
            let dateline = if row.place_text.is_none() && query.place.is_some() {
                dateline
            } else {
                None
            };
            index.insert(key, estimates.len());
            about.push(About {
                claim: row.claim_pk,
                claimant: row
                    .claim
                    .as_ref()
                    .map(|c| (names.id(&c.claimant_kind), names.folded(&c.claimant))),
                subject: row
                    .subject_entity
                    .as_deref()
                    .and_then(|e| names.entity(e, row.subject_text.as_deref())),
                subject_words: row.subject_text.as_deref().map(|t| names.folded(t)),
                documents: vec![row.doc_pk],
                place: row.place_text.as_deref().map(|p| Place {
                    entity: row
                        .place_entity
                        .as_deref()
                        .and_then(|e| names.entity(e, Some(p))),
                    words: names.folded(p),
                }),
                unit: row.unit.as_deref().map(|u| names.id(u)),
                noun: row.noun.as_deref().map(|n| names.noun(n)),
            });
            let (claimant, sourcing, content) = match row.claim {
                Some(c) => (c.claimant, c.kind, Some(c.content)),
                None => ("unattributed".to_owned(), "unattributed".to_owned(), None),
            };
            estimates.push(Estimate {
                date: row.date,
                raw: row.raw,
                noun: row.noun,
                low: row.low,
                best: row.best,
                high: row.high,
                open_high: row.open_high,
                unit: row.unit,
                hedges: row.hedges,
                claimant,
                sourcing,
                content,
                subject: row.subject_text,
                subject_entity: row.subject_entity,
                place: row.place_text,
                place_entity: row.place_entity,
                agent: row.agent_text,
                agent_entity: row.agent_entity,
                dateline,
                carriers: vec![carrier],
                flags: Vec::new(),
            });
        }
        // One story's amounts of money (a package and what remains) are not one estimate
        // said twice, as its casualty counts usually are.
        let story_anchor = !matches!(
            Measure::parse(&query.measure),
            Some(Measure::Money | Measure::Other)
        );
        flag(&mut estimates, &about, query.window_days, story_anchor);
        Ok(Timeline {
            measure: query.measure.clone(),
            subject: query.subject.clone(),
            place: query.place.clone(),
            agent: query.agent.clone(),
            estimates,
        })
    }

    /// The query's figures with their documents, by date (undated last), then document.
    fn timeline_rows(&self, query: &TimelineQuery) -> Result<Vec<FigureRow>, StoreError> {
        let subject_is_entity = query.subject.as_deref().is_some_and(looks_like_entity_id);
        let place_is_entity = query.place.as_deref().is_some_and(looks_like_entity_id);
        let agent_is_entity = query.agent.as_deref().is_some_and(looks_like_entity_id);
        // Every figures column read is in the covering (measure, subject_entity, date, ...)
        // index, so the scan never visits the figures table. Dated figures come first, by a
        // query of their own: for an entity subject the index order is the date order, so
        // SQLite reads them in order with no sort and stops at the limit (one query with
        // `ORDER BY date IS NULL, date` sorted every row to put the undated ones last). The
        // undated ones follow when the limit leaves room; a date bound excludes them.
        // Each row's document and claim are joined in the same statement (the publisher's
        // name is looked up once per outlet afterwards: `Publishers`): a
        // rowid seek per row straight from the index's `doc_pk` and `claim_pk` is about
        // half the cost of the same seeks driven by a `json_each` list of pks in a second
        // statement (0.8 against 1.5 ms for 2,000 documents), and there are no maps to
        // build. LEFT JOINs keep the figures index the outer loop (an inner join lets the
        // planner scan documents and seek figures by `doc_pk`) and keep a figure whose
        // claim row is missing, as before; one whose document is missing is
        // skipped by the caller.
        let sql = |dated: Dated| {
            format!(
                "SELECT f.raw, f.low, f.best, f.high, f.open_high, f.unit, f.hedges,
                     f.subject_text, f.subject_entity, f.place_text, f.place_entity, f.date,
                     f.claim_pk, f.doc_pk, d.id, d.cluster_id, d.url, d.publisher_id,
                     c.claimant_name, c.claimant_kind, c.kind, c.content,
                     f.agent_text, f.agent_entity, d.dateline, f.noun
                 FROM figures f
                 LEFT JOIN documents d ON d.pk = f.doc_pk
                 LEFT JOIN claims c ON c.pk = f.claim_pk
                 WHERE f.measure = ?1 {subject} {place} {agent}
                     {bounds}
                     {order}
                 LIMIT ?6",
                bounds = DATE_BOUNDS,
                subject = match (&query.subject, subject_is_entity) {
                    (None, _) => "AND ?2 IS NULL",
                    (Some(_), true) => "AND f.subject_entity = ?2",
                    (Some(_), false) => "AND instr(lower(f.subject_text), lower(?2)) > 0",
                },
                place = match (&query.place, place_is_entity) {
                    (None, _) => "AND ?3 IS NULL",
                    (Some(_), true) => "AND f.place_entity = ?3",
                    // A figure without a place phrase falls back to its document's
                    // dateline ("GAZA CITY (AP) — ..."). The first term reads the index
                    // alone, so a figure whose place is another one is dropped before its
                    // document is read (SQLite tests a term at the loop of the last table
                    // it names: the second one waits for `d`).
                    (Some(_), false) => {
                        "AND (instr(lower(f.place_text), lower(?3)) > 0 OR f.place_text IS NULL)
                         AND (instr(lower(f.place_text), lower(?3)) > 0
                             OR instr(lower(d.dateline), lower(?3)) > 0)"
                    }
                },
                agent = match (&query.agent, agent_is_entity) {
                    (None, _) => "AND ?7 IS NULL",
                    (Some(_), true) => "AND f.agent_entity = ?7",
                    (Some(_), false) => "AND instr(lower(f.agent_text), lower(?7)) > 0",
                },
                order = match dated {
                    Dated::ByText => "AND f.date IS NOT NULL ORDER BY f.date",
                    Dated::ByDays => {
                        "AND f.date IS NOT NULL ORDER BY tally_first_day(f.date) IS NULL,
                         tally_first_day(f.date), tally_last_day(f.date), f.date"
                    }
                    Dated::No => "AND f.date IS NULL",
                },
            )
        };
        let run = |dated: Dated, room: usize, rows: &mut Vec<FigureRow>| {
            let mut st = self.conn.prepare_cached(&sql(dated)).at(&self.path)?;
            let found = st
                .query_map(
                    params![
                        query.measure,
                        query.subject,
                        query.place,
                        query.since,
                        query.until,
                        room as i64,
                        query.agent,
                    ],
                    figure_row,
                )
                .at(&self.path)?;
            for row in found {
                rows.push(row.at(&self.path)?);
            }
            Ok::<_, StoreError>(())
        };
        // The text order is the index's, and it is the day order for days; a month, a
        // quarter or a year ("2016-Q1" sorts after "2016-12-31" as text) is moved to its
        // first day below. When the limit cut the text-ordered rows, the cut itself may be
        // in the wrong place, so SQLite sorts by the days instead (a sort of every match:
        // only for timelines longer than the limit).
        let mut rows: Vec<FigureRow> = Vec::new();
        run(Dated::ByText, query.limit, &mut rows)?;
        if rows.len() >= query.limit && query.limit > 0 {
            rows.clear();
            run(Dated::ByDays, query.limit, &mut rows)?;
        }
        let room = query.limit.saturating_sub(rows.len());
        if room > 0 && query.since.is_none() && query.until.is_none() {
            run(Dated::No, room, &mut rows)?;
        }
        Ok(in_day_order(rows))
    }
}

/// `YYYY-MM-DD`, which sorts as text like its day.
fn is_plain_day(date: &str) -> bool {
    let b = date.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// Which figures a timeline statement reads, and in which order.
#[derive(Clone, Copy)]
enum Dated {
    /// Dated, by the text of the date (the index order: no sort).
    ByText,
    /// Dated, by first day, last day, then text.
    ByDays,
    /// Undated.
    No,
}

/// `rows` by the first day their date covers, then the last day, then the date's text,
/// then document (see `when.rs`); dates naming no known days (`XXXX-03`) after every
/// dated one, undated figures last. A timeline of days (weeks are stored as their Monday)
/// and undated figures, nearly every one, is already in this order from the statement:
/// then only each day's rows are sorted, since moving every wide row (or computing every
/// row's days) cost more than the sort itself.
fn in_day_order(mut rows: Vec<FigureRow>) -> Vec<FigureRow> {
    if rows
        .iter()
        .all(|r| r.date.as_deref().is_none_or(is_plain_day))
    {
        // Text order is day order: only each day's rows need sorting.
        for day in rows.chunk_by_mut(|a, b| a.date == b.date) {
            day.sort_by_key(|r| r.doc_pk);
        }
        return rows;
    }
    let keys: Vec<(u8, i64, i64)> = rows
        .iter()
        .map(|r| match (&r.date, crate::when::day_range(&r.date)) {
            (_, Some((first, last))) => (0, first, last),
            (Some(_), None) => (1, 0, 0),
            (None, None) => (2, 0, 0),
        })
        .collect();
    let before = |a: usize, b: usize| {
        (keys[a], &rows[a].date, rows[a].doc_pk).cmp(&(keys[b], &rows[b].date, rows[b].doc_pk))
    };
    let mut order: Vec<usize> = (0..rows.len()).collect();
    // Stable, so index order breaks the remaining ties.
    order.sort_by(|&a, &b| before(a, b));
    if order.iter().enumerate().all(|(i, &at)| i == at) {
        return rows;
    }
    let mut taken: Vec<Option<FigureRow>> = rows.drain(..).map(Some).collect();
    order.into_iter().filter_map(|i| taken[i].take()).collect()
}

/// Reads a [`FigureRow`] from the timeline query's columns.
fn figure_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FigureRow> {
    // `documents.id` and `claims.claimant_name` are NOT NULL: NULL means no joined row.
    let document = match r.get::<_, Option<String>>(14)? {
        Some(id) => Some(DocInfo {
            id,
            cluster: r.get(15)?,
            url: r.get(16)?,
            publisher_id: r.get(17)?,
            dateline: r.get(24)?,
        }),
        None => None,
    };
    let claim = match r.get::<_, Option<String>>(18)? {
        Some(claimant) => Some(ClaimInfo {
            claimant,
            claimant_kind: r.get(19)?,
            kind: r.get(20)?,
            content: r.get(21)?,
        }),
        None => None,
    };
    Ok(FigureRow {
        raw: r.get(0)?,
        low: r.get(1)?,
        best: r.get(2)?,
        high: r.get(3)?,
        open_high: r.get(4)?,
        unit: r.get(5)?,
        hedges: serde_json::from_str(r.get_ref(6)?.as_str().unwrap_or("[]")).unwrap_or_default(),
        subject_text: r.get(7)?,
        subject_entity: r.get(8)?,
        place_text: r.get(9)?,
        place_entity: r.get(10)?,
        date: r.get(11)?,
        claim_pk: r.get(12)?,
        doc_pk: r.get(13)?,
        agent_text: r.get(22)?,
        agent_entity: r.get(23)?,
        noun: r.get(25)?,
        document,
        claim,
    })
}

/// One figure row of a timeline query, with its document and claim.
struct FigureRow {
    raw: String,
    low: Option<f64>,
    best: Option<f64>,
    high: Option<f64>,
    open_high: bool,
    unit: Option<String>,
    hedges: Vec<String>,
    subject_text: Option<String>,
    subject_entity: Option<String>,
    place_text: Option<String>,
    place_entity: Option<String>,
    date: Option<String>,
    claim_pk: Option<i64>,
    doc_pk: i64,
    agent_text: Option<String>,
    agent_entity: Option<String>,
    /// The counted noun as written ("people", "children").
    noun: Option<String>,
    /// `None` when the document row is missing.
    document: Option<DocInfo>,
    /// `None` without a claim, or when its row is missing.
    claim: Option<ClaimInfo>,
}

/// What a timeline shows of a carrying document.
struct DocInfo {
    id: String,
    cluster: i64,
    /// The publisher's `sources` id.
    publisher_id: Option<i64>,
    url: Option<String>,
    /// The place of its dateline ("GAZA CITY"), when it has one.
    dateline: Option<String>,
}

/// Publisher names by `sources` id, looked up once per timeline: a timeline of 2,000
/// estimates comes from a few dozen outlets, and a seek into `sources` for every figure row
/// in the main statement cost more than these few lookups.
#[derive(Default)]
struct Publishers(FxHashMap<i64, Option<String>>);

impl Publishers {
    fn name(&mut self, store: &Store, id: Option<i64>) -> Result<Option<String>, StoreError> {
        let Some(id) = id else {
            return Ok(None);
        };
        if let Some(name) = self.0.get(&id) {
            return Ok(name.clone());
        }
        let mut st = store
            .conn
            .prepare_cached("SELECT name FROM sources WHERE id = ?1")
            .at(&store.path)?;
        let name: Option<String> = st
            .query_row([id], |r| r.get(0))
            .optional()
            .at(&store.path)?;
        self.0.insert(id, name.clone());
        Ok(name)
    }
}

/// What a claim contributes to its estimates.
struct ClaimInfo {
    claimant: String,
    claimant_kind: String,
    kind: String,
    content: String,
}

/// What an estimate is about, for the flags (see the module doc). Names are interned as
/// numbers ([`Names`]), so comparing two estimates compares integers.
struct About {
    /// The claim carrying it; `None` for an unclaimed figure.
    claim: Option<i64>,
    /// Claimant kind and case-folded name; `None` when unattributed.
    claimant: Option<(u32, u32)>,
    /// The subject's linked entity.
    subject: Option<u32>,
    /// The subject phrase's case-folded words.
    subject_words: Option<u32>,
    /// The place, when the figure has one.
    place: Option<Place>,
    /// The unit (currency), or none.
    unit: Option<u32>,
    /// The counted noun's key ([`counted::key`]: "children" → `child`, "persons" →
    /// `people`), or none.
    noun: Option<u32>,
    /// The documents carrying it (pks).
    documents: Vec<i64>,
}

struct Place {
    entity: Option<u32>,
    /// Case-folded, whitespace-normalized words.
    words: u32,
}

/// Interned names: each distinct string gets the next number. The folded forms are
/// memoized by the text they come from: a timeline of 2,000 estimates has a few dozen
/// claimants, subjects and places, and folding and copying each row's anew was a tenth of
/// its time.
#[derive(Default)]
struct Names {
    ids: FxHashMap<String, u32>,
    /// Text → id of its case-folded, whitespace-normalized form.
    folded: Memo,
    /// Text → id of its lower-cased form.
    lowered: Memo,
    /// Counted noun as written → id of its [`counted::key`].
    nouns: Memo,
}

impl Names {
    /// The id of a linked entity. A document-local id (`local:E3`) numbers one document's
    /// entities, so across documents it names nothing: it is keyed by the phrase's
    /// case-folded words instead (the speakers and entities lists merge local ids by name
    /// too), or unknown without a phrase.
    fn entity(&mut self, id: &str, phrase: Option<&str>) -> Option<u32> {
        if id.starts_with("local:") {
            let words = normalize_whitespace(phrase?).to_lowercase();
            return Some(self.id(&format!("name:{words}")));
        }
        Some(self.id(id))
    }

    /// The id of `name` itself.
    fn id(&mut self, name: &str) -> u32 {
        intern(&mut self.ids, name)
    }

    /// The id of `text` case-folded, with its whitespace normalized.
    fn folded(&mut self, text: &str) -> u32 {
        self.folded.id(&mut self.ids, text, |t| {
            normalize_whitespace(t).to_lowercase()
        })
    }

    /// The id of `text` lower-cased.
    fn lowered(&mut self, text: &str) -> u32 {
        self.lowered.id(&mut self.ids, text, str::to_lowercase)
    }

    /// The id of a counted noun's key.
    fn noun(&mut self, noun: &str) -> u32 {
        self.nouns.id(&mut self.ids, noun, counted::key)
    }
}

/// The ids of one form of the texts seen, by text.
#[derive(Default)]
struct Memo(FxHashMap<String, u32>);

impl Memo {
    fn id(
        &mut self,
        ids: &mut FxHashMap<String, u32>,
        text: &str,
        form: fn(&str) -> String,
    ) -> u32 {
        if let Some(&id) = self.0.get(text) {
            return id;
        }
        let id = intern(ids, &form(text));
        self.0.insert(text.to_owned(), id);
        id
    }
}

/// The number of `name` in `ids`, the next one when it is new.
fn intern(ids: &mut FxHashMap<String, u32>, name: &str) -> u32 {
    if let Some(&id) = ids.get(name) {
        return id;
    }
    let next = ids.len() as u32;
    ids.insert(name.to_owned(), next);
    next
}

impl Place {
    /// The same place: by linked entity when both have one, else by words.
    fn agrees(&self, other: &Place) -> bool {
        match (&self.entity, &other.entity) {
            (Some(a), Some(b)) => a == b,
            _ => self.words == other.words,
        }
    }
}

/// Whether `a` and `b` are about the same thing (same subject and place where both are
/// known, and at least one of them known and shared, or one story when `story_anchor`).
/// The measure is the timeline's; the unit is compared by the caller.
fn same_thing(a: &About, b: &About, story_anchor: bool) -> bool {
    let subject = match (&a.subject, &b.subject) {
        (Some(x), Some(y)) if x != y => return false,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    let place = match (&a.place, &b.place) {
        (Some(x), Some(y)) if !x.agrees(y) => return false,
        (Some(_), Some(_)) => true,
        _ => false,
    };
    subject || place || (story_anchor && same_story(a, b))
}

/// Both carried by one document and said of the same subject phrase (or both of none):
/// two figures of one measure in one story are about the story's event, unless the text
/// says whose they are differently ("40 civilians" is not "several hundred" troops).
fn same_story(a: &About, b: &About) -> bool {
    a.subject_words == b.subject_words && a.documents.iter().any(|d| b.documents.contains(d))
}

/// How far apart two counts of one story may be and still be estimates of one toll.
const STORY_SCOPE_RATIO: f64 = 5.0;

/// Whether two ranges could count the same thing in one story: one story's count far
/// below another is part of it ("14 members of his family were killed" in a quake that
/// killed 2,100; "around half of the dead", a share), not a rival estimate of it. Ranges
/// more than [`STORY_SCOPE_RATIO`] apart are of different scope.
fn same_scope(a: (f64, f64), b: (f64, f64)) -> bool {
    let (lower, upper) = if a.1 < b.0 { (a, b) } else { (b, a) };
    // A count below one is a share ("half of the dead"), never a rival count.
    lower.1 >= 1.0 && upper.0 <= lower.1 * STORY_SCOPE_RATIO
}

/// Whether, of two counts of one story, the lower one alone has a place: a part of the
/// story's toll counted where it happened ("Hurricane Milton killed at least 16 people";
/// "Officials in Volusia County reported four deaths"), not a rival estimate of it.
fn placed_part(a: &About, b: &About, ra: (f64, f64), rb: (f64, f64)) -> bool {
    let (lower, upper) = if ra.1 < rb.0 { (a, b) } else { (b, a) };
    lower.place.is_some() && upper.place.is_none()
}

/// Whether two counts of one story count different nouns, both written: "nine children"
/// killed among "at least 47 people", or "31 people" said by another source, are a part of
/// the toll (children, women, soldiers are among the people), not a rival estimate of it.
/// Nouns are compared by [`counted::key`], so "432 persons" and "524 people", or "50
/// dead", still count one toll. A count without a noun ("the death toll rose to 50") may
/// still contradict either.
fn other_noun(a: &About, b: &About) -> bool {
    matches!((a.noun, b.noun), (Some(x), Some(y)) if x != y)
}

/// Whether `a` and `b` have exactly the same subject and place: both known and equal, or
/// both absent (revisions need this; see the module doc).
fn same_subject_and_place(a: &About, b: &About) -> bool {
    let places = match (&a.place, &b.place) {
        (Some(x), Some(y)) => x.agrees(y),
        (None, None) => true,
        _ => false,
    };
    a.subject == b.subject && places && (a.subject.is_some() || a.place.is_some())
}

/// Entity ids are ISO 3166 codes (`KP`) or prefixed gazetteer and local ids
/// (`place:ru-krs`, `local:E3`); anything else is words of the phrase.
fn looks_like_entity_id(arg: &str) -> bool {
    (arg.len() == 2 && arg.bytes().all(|b| b.is_ascii_uppercase()))
        || arg.split_once(':').is_some_and(|(prefix, rest)| {
            !prefix.is_empty() && !rest.is_empty() && prefix.bytes().all(|b| b.is_ascii_lowercase())
        })
}

/// The range an estimate allows, `(low, high)`, with an open top as infinity.
fn range(e: &Estimate) -> Option<(f64, f64)> {
    let low = e.low.or(e.best)?;
    let high = if e.open_high {
        f64::INFINITY
    } else {
        e.high.or(e.best)?
    };
    Some((low, high))
}

/// Dates wider than this (a decade, a century) pin a count to no time a window can hold:
/// their estimates are never flagged, as undated ones are not.
const MAX_FLAGGED_SPAN_DAYS: i64 = 366;

/// The days an estimate's date covers, `(first, last)`, when it can be flagged: a day, a
/// week, a month, a quarter, a season or a year (see `when.rs`).
fn flagged_days(e: &Estimate) -> Option<(i64, i64)> {
    crate::when::day_range(&e.date).filter(|(first, last)| last - first <= MAX_FLAGGED_SPAN_DAYS)
}

/// Flags contradictions and revisions. Estimates are in date order (by first day, then
/// last day; undated last). Two dates are compared by the days they cover: their gap is
/// the days between the end of one and the start of the other, none when they overlap
/// ("2016-03" and "2016-03-14"), and a contradiction needs a gap of at most `window_days`.
/// A partner is found by walking back only while some earlier date still reaches into the
/// window (a year's date reaches to its December), and a revision compares with the
/// claimant's latest earlier estimate about the same thing: linear in the estimates times
/// the number inside one window.
fn flag(estimates: &mut [Estimate], about: &[About], window_days: i64, story_anchor: bool) {
    debug_assert_eq!(estimates.len(), about.len());
    let days: Vec<Option<(i64, i64)>> = estimates.iter().map(flagged_days).collect();
    // The latest last day of the dates up to each index: walking back, once it falls out
    // of the window no earlier date can be inside it.
    let reach: Vec<Option<i64>> = days
        .iter()
        .scan(None, |latest: &mut Option<i64>, d| {
            *latest = match (*latest, *d) {
                (Some(l), Some((_, last))) => Some(l.max(last)),
                (l, d) => l.or(d.map(|(_, last)| last)),
            };
            Some(*latest)
        })
        .collect();
    let ranges: Vec<Option<(f64, f64)>> = estimates.iter().map(range).collect();
    // Each claimant's estimates so far, latest last.
    let mut by_claimant: FxHashMap<(u32, u32), Vec<usize>> = FxHashMap::default();
    for j in 0..estimates.len() {
        let (Some(dj), Some(rj)) = (days[j], ranges[j]) else {
            continue;
        };
        for i in (0..j).rev() {
            if reach[i].is_none_or(|r| dj.0 - r > window_days) {
                break;
            }
            let Some(di) = days[i] else { continue };
            if gap_days(di, dj) > window_days {
                continue;
            }
            let Some(ri) = ranges[i] else { continue };
            if contradicts((&about[i], ri), (&about[j], rj), story_anchor) {
                estimates[i].flags.push(Flag::Contradiction { with: j });
                estimates[j].flags.push(Flag::Contradiction { with: i });
            }
        }
        let Some(claimant) = about[j].claimant else {
            continue;
        };
        let earlier = by_claimant.entry(claimant).or_default();
        let previous = earlier.iter().rev().copied().find(|&i| {
            about[i].unit == about[j].unit && same_subject_and_place(&about[i], &about[j])
        });
        if let Some(i) = previous
            && ranges[i] != Some(rj)
            && days[i].is_some_and(|di| later(di, dj))
        {
            estimates[j].flags.push(Flag::Revision { of: i });
        }
        earlier.push(j);
    }
}

/// Days between two date ranges: from the end of the earlier to the start of the later,
/// 0 when they overlap.
fn gap_days(a: (i64, i64), b: (i64, i64)) -> i64 {
    (b.0 - a.1).max(a.0 - b.1).max(0)
}

/// Whether `b` is after `a`: it starts and ends later. A day inside a month ("2016-03-14"
/// in "2016-03") is neither before nor after it, so it revises nothing said then.
fn later(a: (i64, i64), b: (i64, i64)) -> bool {
    b.0 > a.0 && b.1 > a.1
}

/// Whether two dated estimates with ranges contradict each other: ranges that do not
/// overlap, from different claims and claimants, about the same thing, and not a part of
/// one story's toll. The cheap tests go first: most pairs inside a window overlap or share
/// a claimant.
fn contradicts(
    (a, ra): (&About, (f64, f64)),
    (b, rb): (&About, (f64, f64)),
    story_anchor: bool,
) -> bool {
    let overlap = ra.0 <= rb.1 && rb.0 <= ra.1;
    let same_claim = a.claim.is_some() && a.claim == b.claim;
    let same_claimant = a.claimant.is_some() && a.claimant == b.claimant;
    if overlap || same_claim || same_claimant || a.unit != b.unit {
        return false;
    }
    // Within one story a far lower count, or a lower one that alone has a place, is a part
    // of the toll whatever anchors the two: an inherited subject makes "renewed strikes
    // killed hundreds" share the war's 50,000 dead's subject.
    let one_story = a.documents.iter().any(|d| b.documents.contains(d));
    let part = one_story && (!same_scope(ra, rb) || placed_part(a, b, ra, rb) || other_noun(a, b));
    !part && same_thing(a, b, story_anchor)
}

/// `since` (?4) and `until` (?5) match a figure whose days overlap them: a week or a
/// quarter by its first and last day, not its text (`2016-W11` sorts after `2016-06` as
/// text); see `when.rs`. An undated value (`PRESENT_REF`) goes by its document's
/// publication date. The first terms read the index alone, so a dated figure out of the
/// bounds is dropped before its document is read; the second ones decide for the rest.
const DATE_BOUNDS: &str = "
    AND (?4 IS NULL OR coalesce(tally_last_day(f.date) >= ?4, 1))
    AND (?5 IS NULL OR coalesce(tally_first_day(f.date) <= ?5, 1))
    AND (?4 IS NULL OR coalesce(tally_last_day(f.date), d.published_date) >= ?4)
    AND (?5 IS NULL OR coalesce(tally_first_day(f.date), d.published_date) <= ?5)";

/// Days since 1970-01-01 for `YYYY-MM-DD` (proleptic Gregorian), or `None` when malformed.
fn day_number(date: &str) -> Option<i64> {
    let bytes = date.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let y: i64 = date[0..4].parse().ok()?;
    let m: i64 = date[5..7].parse().ok()?;
    let d: i64 = date[8..10].parse().ok()?;
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(
            day_number("2024-12-18")
                .zip(day_number("2024-12-17"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(
            day_number("2025-01-01")
                .zip(day_number("2024-12-31"))
                .map(|(a, b)| a - b),
            Some(1)
        );
        assert_eq!(
            day_number("2024-03-01")
                .zip(day_number("2024-02-28"))
                .map(|(a, b)| a - b),
            Some(2)
        );
        assert_eq!(day_number("2024-13-01"), None);
        assert_eq!(day_number("yesterday"), None);
    }
}
