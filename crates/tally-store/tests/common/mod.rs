//! Builders for annotated documents, so store tests read like the stories they store.
#![allow(dead_code, clippy::unwrap_used)]

use tally_core::{
    Argument, Claim, ClaimKind, Claimant, ClaimantKind, Document, DocumentMeta, Figure, Measure,
    Published, SaidAt, SaidAtBasis, Span,
};

/// A document at `url` from `publisher` (agency `agency`), published on `date`.
pub fn doc(
    url: &str,
    publisher: &str,
    agency: Option<&str>,
    date: &str,
    paragraphs: &[&str],
) -> Document {
    let meta = DocumentMeta {
        url: Some(url.to_owned()),
        title: Some(paragraphs[0].chars().take(60).collect()),
        publisher: Some(publisher.to_owned()),
        agency: agency.map(str::to_owned),
        source_chain: agency
            .into_iter()
            .map(str::to_owned)
            .chain([publisher.to_owned()])
            .collect(),
        published: Some(Published::parse_iso(date).unwrap()),
        ..DocumentMeta::default()
    };
    Document::new(meta, paragraphs)
}

fn span(doc: &Document, needle: &str) -> Span {
    let start = doc
        .body
        .find(needle)
        .unwrap_or_else(|| panic!("{needle:?} not in body"));
    doc.span(start, start + needle.len()).unwrap()
}

/// Adds a figure `raw` (found in the body) with a range, measure, subject and place entity.
pub fn figure(
    doc: &mut Document,
    raw: &str,
    low: Option<f64>,
    high: Option<f64>,
    open_high: bool,
    subject: (&str, &str),
    place: Option<(&str, &str)>,
) -> String {
    let id = format!("F{}", doc.figures.len() + 1);
    let s = span(doc, raw);
    let subject = Argument {
        span: span(doc, subject.0),
        entity_id: Some(subject.1.to_owned()),
    };
    let place = place.map(|(text, id)| Argument {
        span: span(doc, text),
        entity_id: Some(id.to_owned()),
    });
    doc.figures.push(Figure {
        id: id.clone(),
        span: s.clone(),
        raw: raw.to_owned(),
        low,
        best: None,
        high,
        unit: None,
        approx: false,
        open_low: false,
        open_high,
        measure: Measure::Casualties,
        noun: Some("casualties".to_owned()),
        subject: Some(subject),
        subject_inherited: false,
        agent: None,
        place,
        hedges: vec![],
        convention: "default".to_owned(),
    });
    id
}

/// Adds a claim by `claimant` with `evidence` (found in the body) carrying `figures`.
/// Gives figure `index` of `doc` the agent written `text` (its first occurrence in the
/// body), linked to `entity`.
pub fn agent(doc: &mut Document, index: usize, text: &str, entity: &str) {
    let start = doc.body.find(text).unwrap();
    let span = doc.span(start, start + text.len()).unwrap();
    doc.figures[index].agent = Some(tally_core::Argument {
        span,
        entity_id: Some(entity.to_owned()),
    });
}

pub fn claim(doc: &mut Document, claimant: &str, evidence: &str, said: &str, figures: Vec<String>) {
    let e = span(doc, evidence);
    let id = format!("C{}", doc.claims.len() + 1);
    doc.claims.push(Claim {
        id,
        document_id: doc.id.clone(),
        claimant: Claimant {
            kind: ClaimantKind::Speaker,
            speaker_id: Some("S1".to_owned()),
            name: claimant.to_owned(),
            anonymous: claimant.starts_with('a'),
        },
        kind: ClaimKind::Indirect,
        cue: None,
        said_at: Some(SaidAt {
            date: said.to_owned(),
            basis: SaidAtBasis::CueModifier,
            time_id: None,
        }),
        about_times: vec![],
        evidence: vec![e.clone()],
        content: e.text,
        figures,
        entities: vec!["KP".to_owned()],
        conditions: vec![],
        attributions: vec![],
        rules: vec!["test".to_owned()],
    });
}

/// `n` pseudo-random words from a 2,000-word vocabulary, fixed by `seed`: a stand-in for a
/// story's text long enough for MinHash.
pub fn words(n: usize, seed: u64) -> String {
    let mut state = seed
        .wrapping_mul(6_364_136_223_846_793_005)
        .wrapping_add(1_442_695_040_888_963_407);
    (0..n)
        .map(|_| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            format!("w{}", (state >> 33) % 2000)
        })
        .collect::<Vec<_>>()
        .join(" ")
}
