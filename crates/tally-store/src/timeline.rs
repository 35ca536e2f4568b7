//! Timelines: every estimate of one measure for one subject (and place), date by date,
//! with contradictions and revisions flagged.
//!
//! An estimate is a figure as stated by one claimant: syndicated copies of the same claim
//! are one estimate with all their carriers. Figures that no claim carries yet (an older
//! database, or a pipeline without claims) are grouped by syndication cluster and wording.
//!
//! Flags:
//! - **contradiction**: two estimates for the same place whose ranges do not overlap and
//!   whose dates are at most `window_days` apart ("several hundred" vs "3,000").
//! - **revision**: a later estimate by the same named claimant with a different range.
//!
//! Limitations: a subject or place that looks like an entity id (`KP`, `place:ru-krs`)
//! matches the figure's linked entity exactly, using the timeline index; anything else
//! matches the phrase's words as a case-insensitive substring. Estimates without a date sort last and are never flagged.

use std::collections::HashMap;

use rusqlite::params;
use serde::Serialize;
use tally_core::Measure;

use crate::error::At;
use crate::{Store, StoreError};

/// What to put on a timeline.
#[derive(Debug, Clone)]
pub struct TimelineQuery {
    /// The measure (`casualties`, `killed`, ...).
    pub measure: String,
    /// Subject: an entity id (`KP`) or words of the subject phrase.
    pub subject: Option<String>,
    /// Place: an entity id or words of the place phrase ("Kursk").
    pub place: Option<String>,
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
    /// Its range does not overlap another estimate's for the same place within the window.
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
    /// When it was said (the claim's said-at date) or else published, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The words ("several hundred").
    pub raw: String,
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
    /// The place phrase.
    pub place: Option<String>,
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
        let subject_is_entity = query.subject.as_deref().is_some_and(looks_like_entity_id);
        let place_is_entity = query.place.as_deref().is_some_and(looks_like_entity_id);
        // Entity ids use the (measure, subject_entity, date) index; words fall back to a
        // substring match over the measure's figures.
        let sql = format!(
            "SELECT f.raw, f.low, f.best, f.high, f.open_high, f.unit, f.hedges,
                 f.subject_text, f.place_text, f.place_entity, f.date, f.claim_pk,
                 c.claimant_name, c.kind, c.content, d.id, d.cluster_id, p.name, d.url
             FROM figures f
             JOIN documents d ON d.pk = f.doc_pk
             LEFT JOIN claims c ON c.pk = f.claim_pk
             LEFT JOIN sources p ON p.id = d.publisher_id
             WHERE f.measure = ?1 {subject} {place}
                 AND (?4 IS NULL OR f.date >= ?4) AND (?5 IS NULL OR f.date <= ?5)
             ORDER BY f.date IS NULL, f.date, f.doc_pk
             LIMIT ?6",
            subject = match (&query.subject, subject_is_entity) {
                (None, _) => "AND ?2 IS NULL",
                (Some(_), true) => "AND f.subject_entity = ?2",
                (Some(_), false) => "AND instr(lower(f.subject_text), lower(?2)) > 0",
            },
            place = match (&query.place, place_is_entity) {
                (None, _) => "AND ?3 IS NULL",
                (Some(_), true) => "AND f.place_entity = ?3",
                (Some(_), false) => "AND instr(lower(f.place_text), lower(?3)) > 0",
            },
        );
        let mut st = self.conn.prepare_cached(&sql).at(&self.path)?;
        let mut rows = st
            .query(params![
                query.measure,
                query.subject,
                query.place,
                query.since,
                query.until,
                query.limit as i64,
            ])
            .at(&self.path)?;
        let mut estimates: Vec<Estimate> = Vec::new();
        let mut place_keys: Vec<Option<String>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        while let Some(r) = rows.next().at(&self.path)? {
            let raw: String = r.get(0).at(&self.path)?;
            let claim_pk: Option<i64> = r.get(11).at(&self.path)?;
            let cluster: i64 = r.get(16).at(&self.path)?;
            // One estimate per figure wording per claim (a claim can carry several figures),
            // or per syndication cluster for figures no claim carries.
            let key = match claim_pk {
                Some(pk) => format!("c{pk}\u{0}{}", raw.to_lowercase()),
                None => format!("d{cluster}\u{0}{}", raw.to_lowercase()),
            };
            let carrier = Carrier {
                document_id: r.get(15).at(&self.path)?,
                publisher: r.get(17).at(&self.path)?,
                url: r.get(18).at(&self.path)?,
            };
            if let Some(&i) = index.get(&key) {
                let carriers = &mut estimates[i].carriers;
                if !carriers
                    .iter()
                    .any(|c| c.document_id == carrier.document_id)
                {
                    carriers.push(carrier);
                }
                continue;
            }
            let hedges: String = r.get(6).at(&self.path)?;
            let place_text: Option<String> = r.get(8).at(&self.path)?;
            let place_entity: Option<String> = r.get(9).at(&self.path)?;
            let claimant: Option<String> = r.get(12).at(&self.path)?;
            let kind: Option<String> = r.get(13).at(&self.path)?;
            index.insert(key, estimates.len());
            place_keys.push(place_entity.or_else(|| place_text.as_ref().map(|p| p.to_lowercase())));
            estimates.push(Estimate {
                date: r.get(10).at(&self.path)?,
                raw,
                low: r.get(1).at(&self.path)?,
                best: r.get(2).at(&self.path)?,
                high: r.get(3).at(&self.path)?,
                open_high: r.get(4).at(&self.path)?,
                unit: r.get(5).at(&self.path)?,
                hedges: serde_json::from_str(&hedges).unwrap_or_default(),
                claimant: claimant.unwrap_or_else(|| "unattributed".to_owned()),
                sourcing: kind.unwrap_or_else(|| "unattributed".to_owned()),
                content: r.get(14).at(&self.path)?,
                subject: r.get(7).at(&self.path)?,
                place: place_text,
                carriers: vec![carrier],
                flags: Vec::new(),
            });
        }
        flag(&mut estimates, &place_keys, query.window_days);
        Ok(Timeline {
            measure: query.measure.clone(),
            subject: query.subject.clone(),
            place: query.place.clone(),
            estimates,
        })
    }
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

/// Flags contradictions and revisions. Estimates are in date order (undated last), so a
/// contradiction partner is found by walking back only while inside the window, and a
/// revision compares with the claimant's previous estimate: linear in the estimates times
/// the number inside one window.
fn flag(estimates: &mut [Estimate], places: &[Option<String>], window_days: i64) {
    let days: Vec<Option<i64>> = estimates
        .iter()
        .map(|e| e.date.as_deref().and_then(day_number))
        .collect();
    let ranges: Vec<Option<(f64, f64)>> = estimates.iter().map(range).collect();
    let mut last_by_claimant: HashMap<String, usize> = HashMap::new();
    for j in 0..estimates.len() {
        let (Some(dj), Some(rj)) = (days[j], ranges[j]) else {
            continue;
        };
        for i in (0..j).rev() {
            let Some(di) = days[i] else { continue };
            if dj - di > window_days {
                break;
            }
            let Some(ri) = ranges[i] else { continue };
            let overlap = ri.0 <= rj.1 && rj.0 <= ri.1;
            if !overlap && places[i] == places[j] {
                estimates[i].flags.push(Flag::Contradiction { with: j });
                estimates[j].flags.push(Flag::Contradiction { with: i });
            }
        }
        if estimates[j].sourcing == "unattributed" {
            continue;
        }
        let claimant = estimates[j].claimant.to_lowercase();
        if let Some(&i) = last_by_claimant.get(&claimant)
            && ranges[i] != Some(rj)
            && days[i].is_some_and(|di| dj > di)
        {
            estimates[j].flags.push(Flag::Revision { of: i });
        }
        last_by_claimant.insert(claimant, j);
    }
}

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
