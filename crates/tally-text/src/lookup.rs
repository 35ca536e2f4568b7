//! Cheap lookups over the sentence and token layers, for the extractors that run after the
//! segmenter. All are binary searches over the sorted layers.

use std::ops::Range;

use tally_core::{Document, Token};

/// The tokens lying entirely inside the byte range (for example a sentence's or a span's
/// [`tally_core::Span::range`]); a token cut by either end is left out.
///
/// ```
/// use tally_core::{Document, DocumentMeta, Extractor};
/// use tally_text::{Segmenter, token_text, tokens_in};
/// let mut doc = Document::new(DocumentMeta::default(), ["Pyongyang has sent 1,200 troops."]);
/// Segmenter.run(&mut doc).unwrap();
/// let words: Vec<&str> = tokens_in(&doc, 14..31).iter().map(|t| token_text(&doc, t)).collect();
/// assert_eq!(words, ["sent", "1,200", "troops"]);
/// ```
#[must_use]
pub fn tokens_in(doc: &Document, range: Range<usize>) -> &[Token] {
    let from = doc.tokens.partition_point(|t| t.start < range.start);
    let to = doc.tokens.partition_point(|t| t.end <= range.end);
    doc.tokens.get(from..to).unwrap_or(&[])
}

/// The tokens of sentence `index`; empty when there is no such sentence.
#[must_use]
pub fn sentence_tokens(doc: &Document, index: usize) -> &[Token] {
    doc.sentences
        .get(index)
        .map_or(&[], |s| tokens_in(doc, s.range()))
}

/// The index of the sentence containing byte `offset`, if any (offsets between sentences
/// belong to none).
#[must_use]
pub fn sentence_index_at(doc: &Document, offset: usize) -> Option<usize> {
    doc.sentence_at(offset)
}

/// The indices of the sentences that share at least one byte with `range`.
#[must_use]
pub fn sentences_overlapping(doc: &Document, range: Range<usize>) -> Range<usize> {
    let from = doc.sentences.partition_point(|s| s.end <= range.start);
    let to = doc.sentences.partition_point(|s| s.start < range.end);
    from..to.max(from)
}

/// The index of the token containing byte `offset`, if any.
#[must_use]
pub fn token_index_at(doc: &Document, offset: usize) -> Option<usize> {
    let i = doc.tokens.partition_point(|t| t.end <= offset);
    doc.tokens.get(i).filter(|t| t.start <= offset).map(|_| i)
}

/// A token's text; empty if the token does not describe `doc`'s body.
#[must_use]
pub fn token_text<'d>(doc: &'d Document, token: &Token) -> &'d str {
    doc.body.get(token.range()).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{DocumentMeta, Extractor};

    use crate::Segmenter;

    fn doc(paragraphs: &[&str]) -> Document {
        let mut doc = Document::new(DocumentMeta::default(), paragraphs);
        Segmenter.run(&mut doc).unwrap();
        doc
    }

    #[test]
    fn lookups_agree_with_the_layers() {
        let d = doc(&["One two. Three four.", "Five."]);
        assert_eq!(d.sentences.len(), 3);
        assert_eq!(sentence_index_at(&d, 9), Some(1));
        assert_eq!(
            sentence_index_at(&d, 8),
            None,
            "the space between sentences"
        );
        let words: Vec<&str> = sentence_tokens(&d, 1)
            .iter()
            .map(|t| token_text(&d, t))
            .collect();
        assert_eq!(words, ["Three", "four", "."]);
        assert!(sentence_tokens(&d, 9).is_empty());
        assert_eq!(sentences_overlapping(&d, 5..12), 0..2);
        assert_eq!(sentences_overlapping(&d, 8..9), 1..1);
        assert_eq!(token_index_at(&d, 5), Some(1));
        assert_eq!(token_index_at(&d, 3), None);
    }

    #[test]
    fn tokens_cut_by_the_range_are_left_out() {
        let d = doc(&["battle-hardened troops"]);
        assert_eq!(tokens_in(&d, 3..22).len(), 1);
        assert!(tokens_in(&d, 30..40).is_empty());
        #[allow(clippy::reversed_empty_ranges)]
        let reversed = 10..5;
        assert!(tokens_in(&d, reversed).is_empty());
    }
}
