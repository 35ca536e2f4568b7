//! Reporter-voice claims: figures stated outside every attribution belong to the wire
//! agency, or to the publisher when there is no agency.

use tally_core::{ClaimKind, Claimant, ClaimantKind, Document, Span};

use crate::draft::Draft;

/// One reporter claim per sentence that carries a figure no attribution covers. Figures
/// inside a source phrase ("two people familiar with the matter") describe the speaker, not
/// a claim, and are skipped.
pub fn reporter_claims(doc: &Document, speaker_drafts: &[Draft]) -> Vec<Draft> {
    let claimant = outlet(doc);
    let sources: Vec<&Span> = doc
        .attributions
        .iter()
        .filter_map(|a| a.source.as_ref())
        .collect();
    // A figure in an attitude ("officials believe 200 died") or a nested report is someone
    // else's, not the reporter's, though it makes no speaker claim of its own.
    let contents: Vec<&Span> = doc.attributions.iter().flat_map(|a| &a.content).collect();
    let mut sentences: Vec<usize> = Vec::new();
    for figure in &doc.figures {
        let attributed = speaker_drafts.iter().any(|d| d.covers(&figure.span))
            || sources.iter().any(|s| s.overlaps(&figure.span))
            || contents.iter().any(|c| c.contains(&figure.span));
        if attributed {
            continue;
        }
        if let Some(i) = doc.sentence_at(figure.span.start)
            && sentences.last() != Some(&i)
        {
            sentences.push(i);
        }
    }
    sentences
        .into_iter()
        .filter_map(|i| doc.sentences.get(i))
        .map(|sentence| Draft {
            claimant: claimant.clone(),
            kind: ClaimKind::Reporter,
            cue: None,
            said_at: None,
            evidence: vec![sentence.clone()],
            conditions: Vec::new(),
            attributions: Vec::new(),
            rules: vec![format!(
                "reporter voice: unattributed figure, claim of the {}",
                kind_word(claimant.kind)
            )],
        })
        .collect()
}

fn outlet(doc: &Document) -> Claimant {
    let (kind, name) = match (&doc.meta.agency, &doc.meta.publisher) {
        (Some(agency), _) => (ClaimantKind::Agency, agency.clone()),
        (None, Some(publisher)) => (ClaimantKind::Publisher, publisher.clone()),
        (None, None) => (ClaimantKind::Unknown, "unknown outlet".to_owned()),
    };
    Claimant {
        kind,
        speaker_id: None,
        name,
        anonymous: false,
    }
}

fn kind_word(kind: ClaimantKind) -> &'static str {
    match kind {
        ClaimantKind::Agency => "agency",
        ClaimantKind::Publisher => "publisher",
        ClaimantKind::Speaker | ClaimantKind::Unknown => "outlet (unknown)",
    }
}
