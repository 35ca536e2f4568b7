//! Photo captions whose credit is inside the caption's text, as wire photos are credited
//! ("... Oct. 29, 2025. (AP Photo/Matias Delacroix)"): the captions stay out of the body and
//! are kept in `extra.photo_captions`, and each credit joins `photo_credits`.
#![allow(clippy::unwrap_used)]

use std::path::PathBuf;

use tally_ingest::{IngestOptions, read};

#[test]
fn credits_inside_captions_are_recorded() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wire_captions.html");
    let doc = read(&path, &IngestOptions::default())
        .unwrap()
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        doc.meta.photo_credits,
        [
            "AP Photo/Matias Delacroix",
            "AP Photo/Evan Vucci, File",
            "Jane Roe/AFP",
            "Reuters/Mohammed Salem",
        ]
    );
    let captions = doc.meta.extra["photo_captions"].as_array().unwrap();
    assert_eq!(captions.len(), 5);
    assert!(
        captions[0]
            .as_str()
            .unwrap()
            .ends_with("(AP Photo/Matias Delacroix)")
    );
    assert!(
        doc.body.starts_with("BLACK RIVER, Jamaica (AP)"),
        "{:?}",
        doc.body
    );
    for gone in ["AP Photo", "Black River, Jamaica, Wednesday", "Ipsos"] {
        assert!(
            !doc.body.contains(gone),
            "{gone:?} in the body: {:?}",
            doc.body
        );
    }
    assert_eq!(doc.paragraphs.len(), 3);
}
