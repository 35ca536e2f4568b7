//! Segmentation: sentences and tokens with byte spans into the document body.
//!
//! PLACEHOLDER: a naive splitter so the pipeline can be wired; replaced by the real
//! segmenter (abbreviations, decimals, quotes) in the foundation issue.

use tally_core::{Document, ExtractError, Extractor, Layer, Span, Token, TokenKind};

/// Splits paragraphs into sentences and tokens.
#[derive(Debug, Default, Clone)]
pub struct Segmenter;

impl Extractor for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Paragraphs]
    }
    fn provides(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn run(&self, doc: &mut Document) -> Result<(), ExtractError> {
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        for p in &doc.paragraphs {
            let mut start = p.start;
            for (i, c) in doc.body[p.range()].char_indices() {
                let at = p.start + i;
                if c == '.' {
                    sentences.push(Span {
                        start,
                        end: at + 1,
                        text: doc.body[start..=at].to_owned(),
                    });
                    start = at + 1;
                    while doc.body[start..].starts_with(' ') {
                        start += 1;
                    }
                }
            }
            if start < p.end {
                sentences.push(Span {
                    start,
                    end: p.end,
                    text: doc.body[start..p.end].to_owned(),
                });
            }
            let mut offset = p.start;
            for word in doc.body[p.range()].split(' ') {
                if !word.is_empty() {
                    tokens.push(Token {
                        start: offset,
                        end: offset + word.len(),
                        kind: TokenKind::Word,
                    });
                }
                offset += word.len() + 1;
            }
        }
        doc.sentences = sentences;
        doc.tokens = tokens;
        doc.mark_layer(Layer::Sentences);
        doc.mark_layer(Layer::Tokens);
        Ok(())
    }
}
