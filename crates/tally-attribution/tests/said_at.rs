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
    annotated(published.then_some("2024-12-18"), times, &TEXT)
}

/// `paragraphs` segmented, dated by `times` when asked, and attributed.
fn annotated(published: Option<&str>, times: bool, paragraphs: &[&str]) -> Document {
    let meta = DocumentMeta {
        published: published
            .map(|d| Published::date(d.parse().unwrap(), PublishedSource::Metadata)),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, paragraphs);
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

/// Every attribution's said-at, in order.
fn said_at(doc: &Document) -> Vec<tally_core::SaidAt> {
    doc.attributions
        .iter()
        .map(|a| a.said_at.clone().unwrap())
        .collect()
}

#[test]
fn cue_modifier_then_same_speaker_then_publication_date() {
    let doc = doc(true, true);
    let said = said_at(&doc);
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

/// The cue's time dates the statement and is not part of what was said: "said Tuesday it
/// had struck" reports "it had struck ...".
#[test]
fn the_cue_time_leaves_the_start_of_the_content() {
    let doc = annotated(
        Some("2024-10-08"),
        true,
        &[
            "Israel's military said Tuesday it had struck about 120 targets in southern Lebanon.",
            "The Kremlin said last week it would not comment on the reports.",
            "The ministry said that on Monday 40 people had been killed.",
            "The company said 1986 earnings rose to 12.9 mln dlrs.",
        ],
    );
    let contents: Vec<&str> = doc
        .attributions
        .iter()
        .map(|a| a.content[0].text.as_str())
        .collect();
    assert_eq!(
        contents,
        [
            "it had struck about 120 targets in southern Lebanon",
            "it would not comment on the reports",
            "that on Monday 40 people had been killed",
            "1986 earnings rose to 12.9 mln dlrs",
        ]
    );
    assert_eq!(
        doc.attributions[0].said_at.as_ref().unwrap().date,
        "2024-10-08"
    );
    assert_eq!(
        doc.attributions[1].said_at.as_ref().unwrap().date,
        "2024-W40"
    );
}

/// A time expression read as a source is no speaker: "Last Friday, ... saying" has none.
#[test]
fn a_time_is_never_a_speaker() {
    let doc = annotated(
        Some("2007-08-10"),
        true,
        &["Last Friday, saying that the Fed was asleep, he called for lower rates."],
    );
    assert!(
        doc.speakers
            .iter()
            .all(|s| s.name.as_deref() != Some("Last Friday")
                && s.descriptor.as_deref() != Some("Last Friday")),
        "{:?}",
        doc.speakers
    );
}

/// "The group had previously put the toll at ...": a pluperfect report came before the
/// statements around it and takes no other statement's date.
#[test]
fn a_pluperfect_report_takes_no_date_of_the_same_speaker() {
    let doc = annotated(
        Some("2025-10-29"),
        true,
        &[
            "More than 1,500 people were killed, Adam Hassan said on Tuesday.",
            "Hassan had previously said that about 1,200 people had been killed.",
            "Hassan also said aid was blocked.",
        ],
    );
    let said = said_at(&doc);
    assert_eq!(said.len(), 3);
    assert_eq!(said[0].basis, SaidAtBasis::CueModifier);
    assert_eq!(said[1].basis, SaidAtBasis::PublicationDate);
    assert_eq!(said[2].basis, SaidAtBasis::SameSpeaker);
    assert_eq!(said[2].date, "2025-10-28");
}

#[test]
fn a_day_inside_the_setting_phrase_dates_the_statement() {
    let doc = annotated(
        Some("2025-10-29"),
        true,
        &[
            "Its leader said in a video posted on Telegram late on Tuesday that he had ordered an investigation.",
        ],
    );
    let said = said_at(&doc);
    assert_eq!(said[0].date, "2025-10-28", "{said:?}");
    assert_eq!(said[0].basis, SaidAtBasis::CueModifier);
}

#[test]
fn a_weekend_said_at_keeps_its_whole_value() {
    let doc = annotated(
        Some("2025-06-17"),
        true,
        &["The minister said last weekend that talks would resume."],
    );
    let said = said_at(&doc);
    assert_eq!(said[0].basis, SaidAtBasis::CueModifier, "{said:?}");
    assert!(
        said[0].date.ends_with("-WE") || !said[0].date.contains('W'),
        "{said:?}"
    );
}

#[test]
fn a_day_after_a_quotation_and_its_cue_dates_the_statement() {
    let doc = annotated(
        Some("2025-06-17"),
        true,
        &["\u{201C}We are ready,\u{201D} Zelenskiy told Reuters in an interview on Monday."],
    );
    let said = said_at(&doc);
    assert_eq!(said[0].date, "2025-06-16", "{said:?}");
    assert_eq!(said[0].basis, SaidAtBasis::CueModifier);
}

#[test]
fn a_time_the_content_keeps_is_what_was_said_not_when() {
    let doc = annotated(
        Some("1987-04-01"),
        true,
        &["The chairman said 1986 profits surged after acquisitions."],
    );
    let at = said_at(&doc);
    assert_eq!(at.len(), 1, "{at:?}");
    assert_eq!(at[0].basis, SaidAtBasis::PublicationDate, "{at:?}");
    assert_eq!(at[0].date, "1987-04-01");
    // A weekday after the cue still dates it.
    let doc = annotated(
        Some("1987-04-01"),
        true,
        &["The chairman said Tuesday profits surged after acquisitions."],
    );
    assert_eq!(said_at(&doc)[0].basis, SaidAtBasis::CueModifier);
}
