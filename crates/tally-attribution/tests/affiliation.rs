//! Affiliation inference: visible, never overwriting what the text states.

#![allow(clippy::unwrap_used)] // A test fixture: failing loudly is the point.

use tally_attribution::Attributor;
use tally_core::{AffiliationBasis, Document, DocumentMeta, Entity, EntityType, Extractor, Layer};

fn annotate(paragraphs: &[&str], countries: &[(&str, &str, &str)]) -> Document {
    let mut doc = Document::new(DocumentMeta::default(), paragraphs);
    tally_text::Segmenter.run(&mut doc).unwrap();
    // Hand-made entities layer: every occurrence of each written form.
    for (id, name, form) in countries {
        let mentions = doc
            .body
            .match_indices(form)
            .map(|(at, _)| doc.span(at, at + form.len()).unwrap())
            .collect();
        doc.entities.push(Entity {
            id: (*id).into(),
            kind: EntityType::Country,
            name: (*name).into(),
            mentions,
            parent: None,
        });
    }
    doc.mark_layer(Layer::Entities);
    Attributor::new().unwrap().run(&mut doc).unwrap();
    doc
}

#[test]
fn a_later_anonymous_official_takes_the_earlier_officials_affiliation() {
    let doc = annotate(
        &[
            "Forces suffered losses, a senior U.S. military official said Tuesday.",
            "A senior defense official said the money may not be used in time.",
        ],
        &[("US", "United States", "U.S.")],
    );
    let defense = &doc.speakers[1];
    assert_eq!(defense.affiliation.as_deref(), Some("US"));
    assert_eq!(
        defense.affiliation_basis,
        Some(AffiliationBasis::EarlierSpeaker)
    );
    assert_eq!(
        defense.affiliation_evidence.as_ref().unwrap().text,
        "a senior U.S. military official"
    );
    assert_eq!(
        doc.speakers[0].affiliation_basis,
        Some(AffiliationBasis::Stated)
    );
}

#[test]
fn a_named_speaker_takes_the_one_country_modifier_of_their_statement() {
    let doc = annotate(
        &["Trump claimed U.S. assistance for Ukraine was wasted."],
        &[
            ("US", "United States", "U.S."),
            ("UA", "Ukraine", "Ukraine"),
        ],
    );
    let trump = &doc.speakers[0];
    assert_eq!(trump.affiliation.as_deref(), Some("US"));
    assert_eq!(
        trump.affiliation_basis,
        Some(AffiliationBasis::StatementCountry)
    );
    assert_eq!(trump.affiliation_evidence.as_ref().unwrap().text, "U.S.");
}

#[test]
fn two_country_modifiers_infer_nothing() {
    let doc = annotate(
        &["Smith said U.S. aid and Ukraine reserves would run out."],
        &[
            ("US", "United States", "U.S."),
            ("UA", "Ukraine", "Ukraine"),
        ],
    );
    assert_eq!(doc.speakers[0].affiliation, None);
    assert_eq!(doc.speakers[0].affiliation_basis, None);
}

#[test]
fn groups_and_demonyms_infer_nothing() {
    let doc = annotate(
        &["Residents said Russian shelling and U.S. weapons had ruined the town."],
        &[("RU", "Russia", "Russian"), ("US", "United States", "U.S.")],
    );
    assert!(doc.speakers[0].group);
    assert_eq!(doc.speakers[0].affiliation, None);
}

#[test]
fn a_stated_affiliation_is_never_replaced() {
    let doc = annotate(
        &[
            "A Russian official said talks had stalled.",
            "A senior U.S. official said U.S. troops would stay.",
        ],
        &[("RU", "Russia", "Russian"), ("US", "United States", "U.S.")],
    );
    assert_eq!(doc.speakers[1].affiliation.as_deref(), Some("US"));
    assert_eq!(
        doc.speakers[1].affiliation_basis,
        Some(AffiliationBasis::Stated)
    );
}

/// "Its humanitarian office said" after "The United Nations said": the pronoun names the
/// body the earlier speaker is; with no such speaker, the nearest organization before it.
#[test]
fn its_office_belongs_to_the_body_named_before() {
    let texts = [
        &[
            "The United Nations said aid deliveries to Sudan had stopped.",
            "Its humanitarian office said 40 trucks were turned back.",
        ][..],
        &[
            "Aid to Sudan through the United Nations has stopped. Its humanitarian office said 40 trucks were turned back.",
        ][..],
    ];
    for paragraphs in texts {
        let mut doc = Document::new(DocumentMeta::default(), paragraphs);
        tally_text::Segmenter.run(&mut doc).unwrap();
        for (id, kind, name) in [
            ("org:un", EntityType::Organization, "United Nations"),
            ("SD", EntityType::Country, "Sudan"),
        ] {
            let mentions = doc
                .body
                .match_indices(name)
                .map(|(at, _)| doc.span(at, at + name.len()).unwrap())
                .collect();
            doc.entities.push(Entity {
                id: id.into(),
                kind,
                name: name.into(),
                mentions,
                parent: None,
            });
        }
        doc.mark_layer(Layer::Entities);
        Attributor::new().unwrap().run(&mut doc).unwrap();
        let office = doc
            .speakers
            .iter()
            .find(|s| s.descriptor.as_deref() == Some("Its humanitarian office"))
            .unwrap();
        assert_eq!(
            office.affiliation.as_deref(),
            Some("org:un"),
            "{paragraphs:?}"
        );
        assert!(
            office
                .affiliation_evidence
                .as_ref()
                .unwrap()
                .text
                .ends_with("United Nations")
        );
    }
}

#[test]
fn its_after_a_country_subject_names_that_country() {
    let doc = annotate(
        &[
            "Russia launched a wave of drones overnight. Its defence ministry said only military targets were hit.",
        ],
        &[("RU", "Russia", "Russia")],
    );
    let ministry = &doc.speakers[0];
    assert_eq!(ministry.descriptor.as_deref(), Some("Its defence ministry"));
    assert_eq!(ministry.affiliation.as_deref(), Some("RU"));
    assert_eq!(
        ministry.affiliation_evidence.as_ref().unwrap().text,
        "Russia"
    );
}

#[test]
fn the_countrys_agency_belongs_to_the_country_in_context_or_to_none() {
    let doc = annotate(
        &[
            "Heavy rain hit Italy on Sunday. The country's civil protection agency said two people were missing.",
        ],
        &[("IT", "Italy", "Italy")],
    );
    assert_eq!(doc.speakers[0].affiliation.as_deref(), Some("IT"));
    // No country before: no affiliation, never the word "country".
    let doc = annotate(
        &["Heavy rain fell. The country's civil protection agency said two people were missing."],
        &[],
    );
    assert_eq!(doc.speakers[0].affiliation, None);
}

/// A country or an international body the gazetteer lists speaks for itself: the country
/// its statement names is no affiliation ("The World Health Organization said ... Israel
/// cut off supplies").
#[test]
fn a_country_or_listed_body_takes_no_country_from_its_statement() {
    let mut doc = Document::new(
        DocumentMeta::default(),
        [
            "The World Health Organization said children died after Israel cut off supplies.",
            "Japan said U.S. tariffs were unfair.",
        ],
    );
    tally_text::Segmenter.run(&mut doc).unwrap();
    let entity = |doc: &Document, id: &str, kind: EntityType, form: &str| Entity {
        id: id.into(),
        kind,
        name: form.into(),
        mentions: doc
            .body
            .match_indices(form)
            .map(|(at, _)| doc.span(at, at + form.len()).unwrap())
            .collect(),
        parent: None,
    };
    doc.entities = vec![
        entity(
            &doc,
            "org:who",
            EntityType::Organization,
            "World Health Organization",
        ),
        entity(&doc, "IL", EntityType::Country, "Israel"),
        entity(&doc, "JP", EntityType::Country, "Japan"),
        entity(&doc, "US", EntityType::Country, "U.S."),
    ];
    doc.mark_layer(Layer::Entities);
    Attributor::new().unwrap().run(&mut doc).unwrap();
    assert_eq!(doc.speakers.len(), 2, "{:?}", doc.speakers);
    assert!(
        doc.speakers.iter().all(|s| s.affiliation.is_none()),
        "{:?}",
        doc.speakers
    );
}

#[test]
fn what_a_source_knows_is_no_affiliation() {
    let doc = annotate(
        &["Officials involved in the negotiations said the deal was close."],
        &[],
    );
    let s = &doc.speakers[0];
    assert_eq!(s.affiliation, None, "{s:?}");
    assert_eq!(
        s.role.as_deref(),
        Some("Officials involved in the negotiations"),
        "{s:?}"
    );
    assert!(s.anonymous, "{s:?}");
}
