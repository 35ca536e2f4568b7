//! The hand-judged MEANTIME claims (`tests/fixtures/claims-judged-meantime.tsv`) as a
//! regression fixture: every claim judged correct must still be produced, by the same
//! claimant, with evidence that still says the same thing. Claims judged incorrect are not
//! checked: fixing them is welcome. Needs MEANTIME in `../shared/eval/`; skipped with a
//! printed reason otherwise.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::path::PathBuf;

use tally_eval::claims::{JudgedClaim, judged_claims, meantime_documents};

fn words(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.len() > 2)
        .map(str::to_lowercase)
        .collect()
}

/// Most of the judged evidence's words are in the claim's evidence.
fn same_statement(judged: &JudgedClaim, evidence: &str) -> bool {
    let (expected, found) = (words(&judged.evidence), words(evidence));
    expected.intersection(&found).count() * 10 >= expected.len() * 8
}

#[test]
fn claims_judged_correct_are_still_produced() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/meantime");
    if !dir.exists() {
        eprintln!("skipped: MEANTIME is not at {}", dir.display());
        return;
    }
    let docs = meantime_documents(&dir).unwrap();
    let judged = judged_claims();
    assert_eq!(judged.len(), 20);
    let mut missing = Vec::new();
    for claim in judged.iter().filter(|c| c.correct) {
        let doc = docs
            .iter()
            .find(|d| d.meta.title.as_deref() == Some(claim.doc.as_str()))
            .unwrap();
        let found = doc
            .claims
            .iter()
            .any(|c| c.claimant.name == claim.claimant && same_statement(claim, &c.content));
        if !found {
            missing.push(format!(
                "{} {}: {}",
                claim.n, claim.claimant, claim.evidence
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "claims judged correct are no longer produced:\n{}",
        missing.join("\n")
    );
}
