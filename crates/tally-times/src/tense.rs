//! The tense of the clause around a time expression, from cue words (`data/times/tense.tsv`).
//!
//! tally does not parse sentences, so "the governing verb" is approximated by the nearest
//! tense cue: scanning left from the expression (up to [`LEFT_WORDS`] words) and right
//! (up to [`RIGHT_WORDS`]), stopping at a semicolon, the nearest cue wins and the left one
//! wins a tie. "the official said Tuesday" finds "said"; "the talks will resume Monday"
//! finds "will" before it reaches any past form further left.

use std::ops::Range;

use crate::lexicon::{Lexicon, Tense};

/// How far left a cue may be, in words.
pub(crate) const LEFT_WORDS: usize = 10;
/// How far right a cue may be, in words.
pub(crate) const RIGHT_WORDS: usize = 6;

/// Words of `text` (letters and apostrophes), lowercased, in order.
fn words(text: &str) -> impl DoubleEndedIterator<Item = String> + '_ {
    text.split(|c: char| !(c.is_alphabetic() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_lowercase().replace('’', "'"))
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
    let left = words(left_text)
        .rev()
        .take(LEFT_WORDS)
        .enumerate()
        .find_map(|(d, w)| cue(lexicon, &w).map(|t| (d, t)));
    let right = words(right_text)
        .take(RIGHT_WORDS)
        .enumerate()
        .find_map(|(d, w)| cue(lexicon, &w).map(|t| (d, t)));
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => Some(if dr < dl { tr } else { tl }),
        (Some((_, t)), None) | (None, Some((_, t))) => Some(t),
        (None, None) => None,
    }
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
            Some(Tense::Past)
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
    }

    #[test]
    fn semicolon_ends_the_clause() {
        assert_eq!(tense_of("He left; talks resume Friday.", "Friday"), None);
    }
}
