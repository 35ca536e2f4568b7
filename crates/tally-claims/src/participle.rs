//! A clause of harm after a post-posed source belongs to the source's statement: "Russia
//! launched 273 drones at Ukraine overnight, Ukraine's air force said on Sunday, killing a
//! woman in the Kyiv region" reports the killing on the air force's word, not the wire's.
//!
//! Limitations: only clauses opened by a participle of harm (data/claims/
//! harm_participles.txt) and only after a cue followed by at most a short time phrase
//! ("said", "said on Sunday"); "the company said, sending its shares up 5%" stays the
//! reporter's.

use std::sync::LazyLock;

use tally_core::{Document, Span};

use crate::draft::Draft;

static PARTICIPLES: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
    tally_core::data_lines(include_str!("../../../data/claims/harm_participles.txt")).collect()
});

/// Words a time phrase between the cue and the comma may have ("said on Sunday", "said
/// late Tuesday").
const TIME_PHRASE_WORDS: usize = 3;

/// Adds to each statement with its source after its content the clause of harm that
/// follows its cue in the same sentence.
pub fn take_trailing_harm(drafts: &mut [Draft], doc: &Document) {
    for draft in drafts.iter_mut() {
        let Some(cue) = &draft.cue else {
            continue;
        };
        let post_posed = draft.evidence.last().is_some_and(|e| e.end <= cue.start);
        if !post_posed {
            continue;
        }
        if let Some(clause) = harm_clause_after(doc, cue) {
            draft.evidence.push(clause);
        }
    }
}

/// The clause after `cue`'s ", killing ..." up to the end of its sentence, without the
/// final punctuation.
fn harm_clause_after(doc: &Document, cue: &Span) -> Option<Span> {
    let sentence = doc.sentences.get(doc.sentence_at(cue.start)?)?;
    let rest = doc.body.get(cue.end..sentence.end)?;
    let comma = rest.find(',')?;
    let between = &rest[..comma];
    let short_time = between.split_whitespace().count() <= TIME_PHRASE_WORDS
        && between
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace());
    if !short_time {
        return None;
    }
    let after = &rest[comma + 1..];
    let clause = after.trim_start();
    let first = clause.split(|c: char| !c.is_alphabetic()).next()?;
    if !PARTICIPLES.iter().any(|p| first.eq_ignore_ascii_case(p)) {
        return None;
    }
    let start = cue.end + comma + 1 + (after.len() - clause.len());
    let text = clause.trim_end_matches(|c: char| c.is_whitespace() || ".!?\"'\u{201d}".contains(c));
    Span::new(&doc.body, start, start + text.len()).ok()
}
