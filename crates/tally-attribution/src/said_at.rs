//! When a statement was made: the cue's own time modifier ("said Tuesday"), else the date
//! of an earlier statement by the same speaker that had one, else the publication date,
//! flagged as such.

use tally_core::{Attribution, Document, Layer, SaidAt, SaidAtBasis, Span, TimexType};

/// Words that may stand between a cue and its time modifier ("said late on Tuesday",
/// "told reporters Monday").
const BRIDGE: &[&str] = &[
    "on",
    "late",
    "early",
    "earlier",
    "last",
    "this",
    "in",
    "at",
    "reporters",
    "journalists",
    "told",
    "the",
    "a",
    "an",
];

/// The longest gap, in bytes, between a cue and its time modifier.
const MAX_GAP: usize = 32;

/// The date value and id of the time expression modifying `cue`, when the times layer has
/// one: a DATE right after the cue, or right before it ("on Tuesday said").
fn cue_time(doc: &Document, cue: &Span) -> Option<(String, String)> {
    if !doc.has_layer(Layer::Times) {
        return None;
    }
    let first = doc
        .times
        .partition_point(|t| t.span.end <= cue.start.saturating_sub(MAX_GAP));
    doc.times[first..]
        .iter()
        .take_while(|t| t.span.start <= cue.end + MAX_GAP)
        .filter(|t| t.kind == TimexType::Date && t.value.starts_with(|c: char| c.is_ascii_digit()))
        .find(|t| {
            let gap = if t.span.start >= cue.end {
                doc.body.get(cue.end..t.span.start)
            } else if t.span.end <= cue.start {
                doc.body.get(t.span.end..cue.start)
            } else {
                None
            };
            gap.is_some_and(|g| {
                g.split_whitespace()
                    .all(|w| BRIDGE.contains(&w.to_ascii_lowercase().as_str()))
            })
        })
        .map(|t| (t.value.clone(), t.id.clone()))
}

/// Fills `said_at` on every attribution, in document order.
pub(crate) fn fill(doc: &Document, attributions: &mut [Attribution]) {
    let published = doc.published_date().map(|d| d.to_string());
    let mut by_speaker: Vec<(String, SaidAt)> = Vec::new();
    for a in attributions.iter_mut() {
        let said = if let Some((date, id)) = cue_time(doc, &a.cue) {
            Some(SaidAt {
                date,
                basis: SaidAtBasis::CueModifier,
                time_id: Some(id),
            })
        } else if let Some(prev) = a.speaker_id.as_ref().and_then(|s| {
            by_speaker
                .iter()
                .rev()
                .find(|(id, _)| id == s)
                .map(|(_, at)| at)
        }) {
            Some(SaidAt {
                date: prev.date.clone(),
                basis: SaidAtBasis::SameSpeaker,
                time_id: prev.time_id.clone(),
            })
        } else {
            published.as_ref().map(|date| SaidAt {
                date: date.clone(),
                basis: SaidAtBasis::PublicationDate,
                time_id: None,
            })
        };
        if let (Some(s), Some(at)) = (&a.speaker_id, &said)
            && at.basis == SaidAtBasis::CueModifier
        {
            by_speaker.push((s.clone(), at.clone()));
        }
        a.said_at = said;
    }
}
