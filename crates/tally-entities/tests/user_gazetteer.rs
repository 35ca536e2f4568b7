//! A user gazetteer (`--gazetteer FILE`) adds entities and overrides bundled ones.

#![allow(clippy::unwrap_used)] // Tests fail loudly on purpose.

use tally_core::{Document, DocumentMeta, EntityType, Extractor};
use tally_entities::EntityExtractor;

fn entities(extractor: &EntityExtractor, text: &str) -> Vec<(String, EntityType, Vec<String>)> {
    let mut doc = Document::new(DocumentMeta::default(), [text]);
    tally_text::Segmenter.run(&mut doc).unwrap();
    extractor.run(&mut doc).unwrap();
    doc.entities
        .into_iter()
        .map(|e| {
            (
                e.id,
                e.kind,
                e.mentions.into_iter().map(|m| m.text).collect(),
            )
        })
        .collect()
}

#[test]
fn tsv_and_json_user_files_link_names_and_override_types() {
    let dir = std::env::temp_dir().join(format!("tally-entities-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let tsv = dir.join("mine.tsv");
    std::fs::write(
        &tsv,
        "# id\ttype\tname\tparent\taliases\n\
         person:jr\tperson\tJane Roe\tUS\tJanet Roe\n\
         org:acme\torganization\tAcme Widgets\tUS\tAcme\n",
    )
    .unwrap();
    let extractor = EntityExtractor::with_gazetteer_file(&tsv).unwrap();
    let got = entities(
        &extractor,
        "Janet Roe met Acme executives; Roe later left Acme.",
    );
    assert_eq!(got[0].0, "person:jr");
    assert_eq!(
        got[0].2,
        ["Janet Roe", "Roe"],
        "the listed person's last word links back"
    );
    assert_eq!(
        got[1],
        (
            "org:acme".into(),
            EntityType::Organization,
            vec!["Acme".into(), "Acme".into()]
        )
    );

    let json = dir.join("mine.json");
    std::fs::write(
        &json,
        r#"[{"id": "UA", "type": "country", "name": "Ukraine", "aliases": ["Ukrayina"]}]"#,
    )
    .unwrap();
    let extractor = EntityExtractor::with_gazetteer_file(&json).unwrap();
    let got = entities(&extractor, "Ukrayina and Kyiv.");
    assert_eq!(got[0].2, ["Ukrayina", "Kyiv"]);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn missing_user_file_is_an_error_naming_it() {
    let err = EntityExtractor::with_gazetteer_file(std::path::Path::new("/nonexistent/g.tsv"))
        .unwrap_err();
    assert!(err.to_string().contains("/nonexistent/g.tsv"), "{err}");
}

#[test]
fn agency_from_metadata_is_an_organization_without_mentions() {
    let meta = DocumentMeta {
        agency: Some("AFP".into()),
        ..DocumentMeta::default()
    };
    let mut doc = Document::new(meta, ["Officials in Kyiv said so."]);
    tally_text::Segmenter.run(&mut doc).unwrap();
    EntityExtractor::new().unwrap().run(&mut doc).unwrap();
    let afp = doc.entities.iter().find(|e| e.id == "org:afp").unwrap();
    assert!(afp.mentions.is_empty());
    assert_eq!(afp.parent.as_deref(), Some("FR"));
}
