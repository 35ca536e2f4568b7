//! Speaker coreference: nearest compatible antecedent, never a guess.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Extractor};

fn speakers_of(paragraphs: &[&str]) -> Vec<Option<String>> {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    // Top-level reports only: "Experts say [the leader wants ...]" nests an attitude.
    doc.attributions
        .iter()
        .filter(|a| a.within.is_none())
        .map(|a| a.speaker_id.clone())
        .collect()
}

#[test]
fn the_official_goes_to_the_nearest_official_not_the_first() {
    let ids = speakers_of(&[
        "Forces suffered heavy losses, a senior U.S. military official said Tuesday.",
        "\u{201C}They are not battle-hardened,\u{201D} the official said.",
        "Experts say the leader wants technology.",
        "A senior defense official said Tuesday that not all the money may be used.",
        "\u{201C}I would anticipate remaining authority,\u{201D} the official said.",
    ]);
    assert_eq!(
        ids,
        // S3 is "the leader", holder of the nested attitude "wants".
        [Some("S1"), Some("S1"), Some("S2"), Some("S4"), Some("S4")].map(|s| s.map(String::from))
    );
}

#[test]
fn pronoun_without_compatible_antecedent_is_unknown() {
    let ids = speakers_of(&[
        "Residents said the shelling stopped.",
        "\u{201C}It is quiet now,\u{201D} she said.",
    ]);
    assert_eq!(ids[1], None);
}

#[test]
fn pronoun_gender_skips_an_incompatible_speaker() {
    let ids = speakers_of(&[
        "Mrs. Clinton said the plan would work.",
        "Mr. Sanders said it would not.",
        "\u{201C}We will see,\u{201D} she said.",
    ]);
    assert_eq!(ids[2].as_deref(), Some("S1"));
}

#[test]
fn names_match_by_surname_across_the_article() {
    let ids = speakers_of(&[
        "President-elect Donald Trump said he would act.",
        "Experts say that is unlikely.",
        "Trump claimed he could secure a ceasefire.",
    ]);
    assert_eq!(ids[0], ids[2]);
}

#[test]
fn pronouns_do_not_reach_beyond_the_window() {
    let mut paragraphs = vec!["Mr. Smith said the deal was done."];
    paragraphs.extend(std::iter::repeat_n("The weather was fine that day.", 12));
    paragraphs.push("\u{201C}We are ready,\u{201D} he said.");
    let ids = speakers_of(&paragraphs);
    assert_eq!(ids.last().unwrap(), &None);
}

#[test]
fn he_never_refers_to_an_i() {
    // A columnist's "I" is a speaker of its own; the "he" after it is the named expert.
    let ids = speakers_of(&[
        "Mr. McKinley said the plan would work.",
        "I think he is right.",
        "\u{201C}Nobody saves enough,\u{201D} he said.",
    ]);
    assert_eq!(ids.len(), 3, "{ids:?}");
    assert_eq!(ids[2].as_deref(), Some("S1"));
}

#[test]
fn a_descriptor_owned_by_another_is_another_speaker() {
    let ids = speakers_of(&[
        "Trump's campaign said it raised $160 million.",
        "Harris's campaign said it raised $221 million.",
        "The Harris campaign said it had $187 million left.",
        "The Salomon analysts said the same.",
    ]);
    assert_eq!(ids[0].as_deref(), Some("S1"));
    assert_ne!(ids[1], ids[0], "Harris's campaign is not Trump's");
    assert_eq!(ids[2], ids[1], "the Harris campaign is Harris's campaign");
}

#[test]
fn a_day_closing_the_source_is_no_name() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        ["The two are tied, according to a new poll released Monday."],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    Attributor::new().unwrap().run(&mut doc).unwrap();
    let speaker = &doc.speakers[0];
    assert_eq!(speaker.name, None);
    assert!(speaker.anonymous);
}
