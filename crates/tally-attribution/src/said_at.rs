//! When a statement was made: the cue's own time modifier ("said Tuesday"), else the date
//! of an earlier statement by the same speaker that had one, else the publication date,
//! flagged as such.

use tally_core::{Attribution, Document, Layer, SaidAt, SaidAtBasis, Span};

/// The date value and id of the time expression modifying `cue` ("said Tuesday", "the
/// Pentagon on Tuesday said"), found by [`tally_times::cue_time`] when the times layer is
/// there. A TIME value keeps only its date part.
fn cue_time(doc: &Document, cue: &Span) -> Option<(String, String)> {
    if !doc.has_layer(Layer::Times) {
        return None;
    }
    let t = tally_times::cue_time(doc, cue)?;
    let date = t
        .value
        .get(..10)
        .filter(|_| t.value.starts_with(|c: char| c.is_ascii_digit()));
    Some((date.unwrap_or(&t.value).to_owned(), t.id.clone()))
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
