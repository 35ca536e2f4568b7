//! Quotations that continue a report in the sentences after it.
//!
//! ## What it finds
//! A sentence that is all quotation and has no cue of its own, right after a sentence with
//! an attribution, continues that attribution: the speaker is the same, and the sentence is
//! added to its content. The chain goes on over further quoted sentences and into the next
//! paragraph when it opens with one (a quote-only paragraph after a paragraph whose speaker
//! is clear). PolNeAR annotates such sentences the same way, as more content of the one
//! attribution.
//!
//! ## Example
//! ```text
//! "This package will help," a senior defense official told reporters. "We are using every dollar."
//!                                                                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^ content, same attribution
//! ```
//!
//! ## Limitations
//! - Only whole quoted sentences continue; a sentence mixing narration and quotation with
//!   no cue is the reporter's.
//! - Across a paragraph break the attribution must have a source in the text.
//! - A quotation by someone else that the text introduces without a cue is wrongly given to
//!   the previous speaker; news style rarely does that.

use tally_core::{Attribution, Document, QuoteKind, Span};
use tally_text::{Quotation, quotation_at};

/// Whether `sentence` is a quotation from its first to its last word.
fn all_quoted(quotes: &[Quotation], sentence: &Span) -> bool {
    let text = sentence.text.as_str();
    let (Some(first), Some(last)) = (
        text.find(char::is_alphanumeric),
        text.rfind(char::is_alphanumeric),
    ) else {
        return false;
    };
    let inside = |offset: usize| {
        quotation_at(quotes, sentence.start + offset)
            .is_some_and(|q| q.depth == 0 && q.contains(sentence.start + offset))
    };
    inside(first) && inside(last)
}

/// Adds the quoted sentences after each attribution to its content.
pub(crate) fn extend(doc: &Document, quotes: &[Quotation], attributions: &mut [Attribution]) {
    // The attribution the chain continues and the sentence the chain last reached.
    let mut chain: Option<(usize, usize)> = None;
    let mut next = 0;
    for (i, sentence) in doc.sentences.iter().enumerate() {
        // Attributions whose cue lies in this sentence; the last top-level one is what may
        // continue (a nested report is part of another's content).
        let first = next;
        while next < attributions.len() && attributions[next].cue.start < sentence.end {
            next += 1;
        }
        if next > first {
            // A quotation continues the speaker quoted last in the sentence, not a report
            // added after the quote (`"...," said O'Donnell, who wrote about the visit in
            // the book. "Thank goodness ..."`: the second sentence is O'Donnell's quote
            // going on, not what the book says).
            let top = |j: &usize| attributions[*j].within.is_none();
            chain = (first..next)
                .rev()
                .filter(top)
                .find(|&j| attributions[j].kind == QuoteKind::Direct)
                .or_else(|| (first..next).rev().find(top))
                .map(|j| (j, i));
            continue;
        }
        let Some((a, at)) = chain else {
            continue;
        };
        let joined = at + 1 == i && {
            let here = doc.paragraph_at(sentence.start);
            let there = doc
                .sentences
                .get(at)
                .and_then(|s| doc.paragraph_at(s.start));
            match (here, there) {
                (Some(h), Some(t)) if h == t => true,
                (Some(h), Some(t)) if h == t + 1 => attributions[a].source.is_some(),
                _ => false,
            }
        };
        // A quoted sentence that a following report already holds (`"That's a bribe, isn't
        // it? Isn't that a bribe?" Trump asked.`) is that report's, not a continuation.
        let claimed = attributions[next..].iter().take(3).any(|b| {
            b.content
                .iter()
                .any(|c| c.start <= sentence.start && sentence.start < c.end)
        });
        if !joined || claimed || !all_quoted(quotes, sentence) {
            chain = None;
            continue;
        }
        let attribution = &mut attributions[a];
        let covered = attribution
            .content
            .iter()
            .any(|c| c.start <= sentence.start && sentence.start < c.end);
        if !covered {
            attribution.content.push(sentence.clone());
            if attribution.kind == QuoteKind::Indirect {
                attribution.kind = QuoteKind::Mixed;
            }
        }
        chain = Some((a, i));
    }
}
