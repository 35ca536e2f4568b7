//! "Citing" names where a report came from; it is not a second report.
//!
//! "Dozens of civilians were killed, the UN said, citing local sources": the UN's claim is
//! sourced to local sources. The participle is kept as an attribution (news annotation marks
//! "citing" as a cue, with the subject as source and what is cited as content), but it
//! makes no claim of its own: its class becomes `attitude` and "citing local sources" is
//! added to the sourcing conditions of the statement it follows.
//!
//! Only a "citing" right after a comma that shares the source of a statement before it in
//! the same sentence, with a short noun phrase as content (up to 12 words, no clause
//! opened by "that") that names a source: its last word a descriptor noun ("local
//! sources", "witnesses"), a document ("a statement", "a report") or a capitalized name
//! ("citing Reuters"). "X cited the report" as a main verb stays a statement, and so does
//! a reason ("citing his anger at the headlines").

use tally_core::{Attribution, AttributionClass, Document};

use crate::descriptor::strip_possessive;
use crate::lexicon::Lexicon;

/// The longest cited phrase read as a sourcing condition.
const MAX_WORDS: usize = 12;

/// Marks "citing" participles as sourcing conditions of the statement they follow.
pub(crate) fn fold(lex: &Lexicon, doc: &Document, attributions: &mut [Attribution]) {
    for n in 1..attributions.len() {
        let (done, rest) = attributions.split_at_mut(n);
        let a = &mut rest[0];
        if a.cue_lemma != "cite"
            || !a.cue.text.eq_ignore_ascii_case("citing")
            || a.class != AttributionClass::Statement
        {
            continue;
        }
        let [content] = a.content.as_slice() else {
            continue;
        };
        let words = content.text.split_whitespace().count();
        if words == 0 || words > MAX_WORDS || content.text.starts_with("that ") {
            continue;
        }
        let Some(last) = content
            .text
            .split_whitespace()
            .next_back()
            .map(|w| strip_possessive(w.trim_end_matches(|c: char| !c.is_alphanumeric())))
        else {
            continue;
        };
        let lower = last.to_lowercase();
        let names_source = lex.noun(&lower).is_some()
            || lex.is_issued_document(&lower)
            || last.starts_with(|c: char| c.is_uppercase());
        if !names_source {
            continue;
        }
        let comma_before = doc
            .body
            .get(..a.cue.start)
            .is_some_and(|b| b.trim_end().ends_with(','));
        if !comma_before {
            continue;
        }
        let Some(main) = done.iter_mut().rev().find(|m| {
            m.class == AttributionClass::Statement
                && m.within.is_none()
                && m.cue.end <= a.cue.start
                && m.source == a.source
                && m.speaker_id == a.speaker_id
                && same_sentence(doc, m.cue.start, a.cue.start)
        }) else {
            continue;
        };
        let condition = format!("{} {}", a.cue.text, content.text);
        if !main.conditions.contains(&condition) {
            main.conditions.push(condition);
        }
        a.class = AttributionClass::Attitude;
    }
}

/// Whether byte offsets `a` and `b` lie in one sentence.
fn same_sentence(doc: &Document, a: usize, b: usize) -> bool {
    doc.sentences
        .iter()
        .find(|s| s.start <= a && a < s.end)
        .is_some_and(|s| s.start <= b && b < s.end)
}
