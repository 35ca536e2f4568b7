//! Said-at: the cue's time modifier, else an earlier statement of the same speaker, else the
//! publication date, flagged as such; and nothing at all without times or a date.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor, Published, PublishedSource, SaidAtBasis};

const TEXT: [&str; 3] = [
    "North Korean forces have suffered casualties, a senior U.S. military official said Tuesday.",
    "\u{201C}These are not battle-hardened troops,\u{201D} the official said.",
    "Experts say the leader is keen to acquire technology.",
];

fn doc(published: bool, times: bool) -> Document {
    let mut meta = DocumentMeta::default();
    if published {
        meta.published = Some(Published::date(
            "2024-12-18".parse().unwrap(),
            PublishedSource::Metadata,
        ));
    }
    let mut doc = Document::new(meta, TEXT);
    tally_text::Segmenter.run(&mut doc).unwrap();
    if times {
        tally_times::TimeExtractor::new()
            .unwrap()
            .run(&mut doc)
            .unwrap();
    }
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc
}

#[test]
fn cue_modifier_then_same_speaker_then_publication_date() {
    let doc = doc(true, true);
    let said: Vec<_> = doc
        .attributions
        .iter()
        .map(|a| a.said_at.clone().unwrap())
        .collect();
    assert_eq!(said.len(), 3);
    assert_eq!(said[0].date, "2024-12-17");
    assert_eq!(said[0].basis, SaidAtBasis::CueModifier);
    assert!(said[0].time_id.is_some());
    assert_eq!(said[1].date, "2024-12-17");
    assert_eq!(said[1].basis, SaidAtBasis::SameSpeaker);
    assert_eq!(said[2].date, "2024-12-18");
    assert_eq!(said[2].basis, SaidAtBasis::PublicationDate);
}

#[test]
fn without_times_layer_publication_date_is_flagged() {
    let doc = doc(true, false);
    for a in &doc.attributions {
        let at = a.said_at.as_ref().unwrap();
        assert_eq!(at.basis, SaidAtBasis::PublicationDate);
        assert_eq!(at.date, "2024-12-18");
    }
}

#[test]
fn without_any_date_said_at_is_empty() {
    let doc = doc(false, false);
    assert!(doc.attributions.iter().all(|a| a.said_at.is_none()));
}
