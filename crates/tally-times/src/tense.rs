//! The tense of the clause around a time expression, from cue words (`data/times/tense.tsv`).
//!
//! tally does not parse sentences, so "the governing verb" is approximated by the nearest
//! tense cue on the left of the expression (up to [`LEFT_WORDS`] words, stopping at a
//! semicolon), or, when there is none, on its right (up to [`RIGHT_WORDS`] words, stopping
//! at the next clause). "the official said Tuesday" finds "said"; "the talks will resume
//! Monday" finds "will" before it reaches any past form further left; "On Tuesday, the
//! official said" finds "said" on the right. A participle defers to its auxiliary: "will
//! be reviewed in March" is future.

use std::borrow::Cow;
use std::ops::Range;

use crate::lexicon::{Lexicon, Tense};

/// How far left a cue may be, in words.
pub(crate) const LEFT_WORDS: usize = 10;
/// How far right a cue may be, in words.
pub(crate) const RIGHT_WORDS: usize = 6;

/// Words of `text` (letters and apostrophes), lowercased, in order; borrowed when they are
/// lowercase already.
fn words(text: &str) -> impl DoubleEndedIterator<Item = Cow<'_, str>> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| {
            if w.bytes().all(|b| b.is_ascii_lowercase() || b == b'\'') {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase().replace('’', "'"))
            }
        })
}

/// The cue of one word: listed words, `-ed` forms, and contractions ("they'll").
fn cue(lexicon: &Lexicon, word: &str) -> Option<Tense> {
    if let Some(t) = lexicon.tense(word) {
        return Some(t);
    }
    if let Some((_, tail)) = word.rsplit_once('\'') {
        return match tail {
            "ll" => Some(Tense::Future),
            "d" => Some(Tense::Past),
            _ => None,
        };
    }
    None
}

/// The tense cue nearest to `span` inside `scope` (byte ranges of `body`), if any.
pub(crate) fn clause_tense(
    lexicon: &Lexicon,
    body: &str,
    scope: Range<usize>,
    span: Range<usize>,
) -> Option<Tense> {
    let left_text = body
        .get(scope.start.min(span.start)..span.start)
        .unwrap_or("");
    let right_text = body.get(span.end..scope.end.max(span.end)).unwrap_or("");
    // A semicolon ends the clause.
    let left_text = left_text.rsplit(';').next().unwrap_or("");
    let right_text = right_text.split(';').next().unwrap_or("");
    let left: Vec<Cow<'_, str>> = words(left_text).rev().take(LEFT_WORDS).collect();
    if let Some(t) = left_cue(lexicon, &left) {
        return Some(t);
    }
    // Only when nothing on the left says the tense: "On Tuesday, the official said".
    words(right_text)
        .take(RIGHT_WORDS)
        .take_while(|w| !CLAUSE_BREAKS.contains(&w.as_ref()))
        .find_map(|w| cue(lexicon, &w))
}

/// Words that start another clause: a cue after them is not about this expression
/// ("took effect in March and will be reviewed").
const CLAUSE_BREAKS: &[&str] = &[
    "and", "but", "or", "while", "whereas", "because", "although", "though", "which", "who",
];

/// Auxiliaries that decide the tense of a participle after them ("will be reviewed",
/// "has signed", "is expected").
const AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "'ll", "is", "are", "am", "was", "were", "be", "been", "being",
    "has", "have", "had", "to",
];

/// The first cue among `left` (nearest first). A bare `-ed` form defers to an auxiliary
/// up to three words before it: "will be reviewed" is future, "is expected" present.
fn left_cue(lexicon: &Lexicon, left: &[Cow<'_, str>]) -> Option<Tense> {
    // "as early as Tuesday", "as soon as Friday": a time not reached yet.
    if left.first().is_some_and(|w| w == "as")
        && left
            .get(1)
            .is_some_and(|w| matches!(w.as_ref(), "early" | "soon"))
    {
        return Some(Tense::Future);
    }
    for (i, w) in left.iter().enumerate() {
        let Some(t) = cue(lexicon, w) else {
            continue;
        };
        // "is to resume trading Tuesday": a plan.
        if matches!(w.as_ref(), "is" | "are" | "was" | "were")
            && i > 0
            && left.get(i - 1).is_some_and(|n| n == "to")
        {
            return Some(Tense::Future);
        }
        let listed = lexicon.listed(w);
        if t == Tense::Past && !listed {
            for aux in left.iter().skip(i + 1).take(3) {
                if !AUXILIARIES.contains(&aux.as_ref()) {
                    break;
                }
                if let Some(at) = cue(lexicon, aux) {
                    return Some(at);
                }
            }
        }
        return Some(t);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tense_of(sentence: &str, expr: &str) -> Option<Tense> {
        let lex = Lexicon::bundled().unwrap();
        let start = sentence.find(expr).unwrap();
        clause_tense(&lex, sentence, 0..sentence.len(), start..start + expr.len())
    }

    #[test]
    fn nearest_cue_decides() {
        assert_eq!(
            tense_of("a senior U.S. military official said Tuesday.", "Tuesday"),
            Some(Tense::Reporting)
        );
        assert_eq!(
            tense_of("The official said the talks will resume Monday.", "Monday"),
            Some(Tense::Future)
        );
        assert_eq!(
            tense_of("A pact signed in June came into force.", "June"),
            Some(Tense::Past)
        );
        assert_eq!(
            tense_of("They'll meet Friday.", "Friday"),
            Some(Tense::Future)
        );
        assert_eq!(tense_of("Talks on Friday.", "Friday"), None);
        assert_eq!(
            tense_of("On Friday, the talks ended.", "Friday"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn participles_defer_to_auxiliaries() {
        let s = "The law took effect in March and will be reviewed in March.";
        let second = s.rfind("March").unwrap();
        let lex = Lexicon::bundled().unwrap();
        assert_eq!(
            clause_tense(&lex, s, 0..s.len(), second..second + 5),
            Some(Tense::Future)
        );
        assert_eq!(tense_of(s, "March"), Some(Tense::Past));
        assert_eq!(
            tense_of("The deal has closed in June.", "June"),
            Some(Tense::Past)
        );
    }

    #[test]
    fn semicolon_ends_the_clause() {
        assert_eq!(tense_of("He left; talks resume Friday.", "Friday"), None);
    }
}
