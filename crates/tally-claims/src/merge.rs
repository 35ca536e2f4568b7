//! Merging a lead paraphrase and a later quote of the same statement.
//!
//! Rule: two drafts are the same statement when they have the same (known) speaker, lie
//! within [`WINDOW`] paragraphs of each other, and either
//! 1. carry figures of the same measure whose ranges overlap ("several hundred casualties"
//!    in the lead and "Several hundred casualties is our latest estimate" in the quote), or
//! 2. share at least [`MIN_OVERLAP`] of their content words (Jaccard over lower-cased words
//!    of three letters or more, function words excluded).
//!
//! The later draft's evidence joins the earlier one; differing kinds make the claim
//! `mixed`; the said-at date read from the text wins over a fallback.

use std::collections::HashSet;

use tally_core::{ClaimKind, Document, Figure};

use crate::draft::{Draft, better_said_at};

/// How many paragraphs apart a paraphrase and its quote may be.
pub const WINDOW: usize = 8;
/// Word overlap (Jaccard) above which two statements by one speaker are one.
pub const MIN_OVERLAP: f64 = 0.5;

const FUNCTION_WORDS: &[&str] = &[
    "the", "and", "that", "this", "have", "has", "had", "was", "were", "are", "been", "for",
    "with", "from", "they", "their", "them", "his", "her", "its", "our", "not", "but", "would",
    "could", "will", "said", "says", "there", "what", "which", "who", "all", "any",
];

/// Merges drafts of the same statement, in place.
pub fn merge_same_statements(drafts: &mut Vec<Draft>, doc: &Document) {
    let mut i = 0;
    while i < drafts.len() {
        let mut j = i + 1;
        while j < drafts.len() {
            if let Some(reason) = same_statement(&drafts[i], &drafts[j], doc) {
                let later = drafts.remove(j);
                absorb(&mut drafts[i], later, reason);
            } else {
                j += 1;
            }
        }
        i += 1;
    }
}

fn absorb(into: &mut Draft, later: Draft, reason: String) {
    if into.kind != later.kind {
        into.kind = ClaimKind::Mixed;
    }
    into.evidence.extend(later.evidence);
    into.said_at = better_said_at(into.said_at.take(), later.said_at);
    for condition in later.conditions {
        if !into.conditions.contains(&condition) {
            into.conditions.push(condition);
        }
    }
    into.attributions.extend(later.attributions);
    into.rules.push(reason);
}

/// Why two drafts are one statement, or `None`.
fn same_statement(a: &Draft, b: &Draft, doc: &Document) -> Option<String> {
    let speaker = a.claimant.speaker_id.as_ref()?;
    if b.claimant.speaker_id.as_ref() != Some(speaker) || too_far(a, b, doc) {
        return None;
    }
    if let Some(measure) = shared_figure(a, b, doc) {
        return Some(format!(
            "merged {}: same speaker, overlapping {measure} figure",
            b.attributions.join(",")
        ));
    }
    let overlap = word_overlap(a, b);
    (overlap >= MIN_OVERLAP).then(|| {
        format!(
            "merged {}: same speaker, {:.0}% shared words",
            b.attributions.join(","),
            overlap * 100.0
        )
    })
}

fn too_far(a: &Draft, b: &Draft, doc: &Document) -> bool {
    let paragraph = |d: &Draft| d.evidence.first().and_then(|e| doc.paragraph_at(e.start));
    match (paragraph(a), paragraph(b)) {
        (Some(pa), Some(pb)) => pa.abs_diff(pb) > WINDOW,
        _ => true,
    }
}

fn shared_figure(a: &Draft, b: &Draft, doc: &Document) -> Option<&'static str> {
    let figures = |d: &Draft| {
        d.figure_ids(doc)
            .into_iter()
            .filter_map(|id| doc.figures.iter().find(|f| f.id == id))
            .collect::<Vec<_>>()
    };
    let (fa, fb) = (figures(a), figures(b));
    fa.iter().find_map(|x| {
        fb.iter()
            .find(|y| same_quantity(x, y))
            .map(|_| x.measure.as_str())
    })
}

/// Same measure (and noun, for `other`), same unit, overlapping ranges.
pub fn same_quantity(a: &Figure, b: &Figure) -> bool {
    let bounds = |f: &Figure| {
        let low = f.low.or(f.best).unwrap_or(0.0);
        let high = if f.open_high {
            f64::INFINITY
        } else {
            f.high.or(f.best).unwrap_or(f64::INFINITY)
        };
        (low, high)
    };
    let ((al, ah), (bl, bh)) = (bounds(a), bounds(b));
    let same_noun = a.measure != tally_core::Measure::Other
        || a.noun.as_deref().map(str::to_lowercase) == b.noun.as_deref().map(str::to_lowercase);
    a.measure == b.measure && same_noun && a.unit == b.unit && al <= bh && bl <= ah
}

fn words(d: &Draft) -> HashSet<String> {
    d.evidence
        .iter()
        .flat_map(|e| e.text.split(|c: char| !c.is_alphanumeric() && c != '\''))
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 3 && !FUNCTION_WORDS.contains(&w.as_str()))
        .collect()
}

#[allow(clippy::cast_precision_loss)]
fn word_overlap(a: &Draft, b: &Draft) -> f64 {
    let (wa, wb) = (words(a), words(b));
    let union = wa.union(&wb).count();
    if union == 0 {
        0.0
    } else {
        wa.intersection(&wb).count() as f64 / union as f64
    }
}
