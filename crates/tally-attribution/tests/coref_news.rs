//! Speaker coreference on news shapes: the head of an apposition before "who said", "she"
//! never an organization, a definite descriptor matching an earlier titled name, a pronoun
//! after a new subject. Fixtures are written for these tests, not taken from a corpus.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{Document, DocumentMeta, Entity, EntityType, Extractor, Layer};

/// Runs segmentation, the given entities (name, type, canonical name: every occurrence of
/// the name becomes a mention) and attribution.
fn run(paragraphs: &[&str], entities: &[(&str, EntityType, &str)]) -> Document {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    if !entities.is_empty() {
        for (n, (text, kind, name)) in entities.iter().enumerate() {
            let mentions = doc
                .body
                .match_indices(text)
                .map(|(at, t)| doc.span(at, at + t.len()).unwrap())
                .collect();
            doc.entities.push(Entity {
                id: format!("local:E{}", n + 1),
                kind: *kind,
                name: (*name).to_owned(),
                mentions,
                parent: None,
            });
        }
        doc.mark_layer(Layer::Entities);
    }
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc
}

/// Each top-level attribution's speaker as its name or descriptor ("?" when unknown).
fn speakers(doc: &Document) -> Vec<String> {
    doc.attributions
        .iter()
        .filter(|a| a.within.is_none())
        .map(|a| {
            doc.speakers
                .iter()
                .find(|s| a.speaker_id.as_deref() == Some(s.id.as_str()))
                .and_then(|s| s.name.clone().or_else(|| s.descriptor.clone()))
                .unwrap_or_else(|| "?".to_owned())
        })
        .collect()
}

#[test]
fn who_after_an_apposition_is_the_named_head() {
    let doc = run(
        &[
            "The plan was backed Monday by Sen. Jane Doe, the ranking Democrat on the Senate Ethics Committee, who said none of the files were secret.",
            "\u{201C}It never made sense to me,\u{201D} she said in a statement.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["Jane Doe", "Jane Doe"]);
}

#[test]
fn she_never_refers_to_an_organization() {
    let doc = run(
        &[
            "The Senate Ethics Committee said the review was over.",
            "\u{201C}We are done here,\u{201D} she said.",
        ],
        &[],
    );
    assert_eq!(speakers(&doc), ["Senate Ethics Committee", "?"]);
}

#[test]
fn he_never_refers_to_a_listed_organization_or_a_place() {
    let doc = run(
        &[
            "Freedonia said exports fell.",
            "Ohio reported more cases.",
            "\u{201C}It is a bad year,\u{201D} he said.",
        ],
        &[
            ("Freedonia", EntityType::Country, "Freedonia"),
            ("Ohio", EntityType::Place, "Ohio"),
        ],
    );
    assert_eq!(speakers(&doc).last().unwrap(), "?");
}
