//! The document: metadata, body, paragraphs and every annotation layer.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{
    Attribution, Claim, Diagnostic, Entity, Figure, Layer, Published, Span, Speaker, Timex,
    id::{document_id, document_id_and_hash},
};

/// Separator placed between paragraphs in [`Document::body`].
pub const PARAGRAPH_SEPARATOR: &str = "\n\n";

/// Where a document came from: the input file and, inside it, the record.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Origin {
    /// The input path as given (or `-` for standard input).
    pub path: String,
    /// The record inside the file: `line 12` for JSONL, a WARC record id, a feed item's guid.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// The input format that produced the document (`markdown`, `text`, `html`, ...).
    pub format: String,
}

/// A link to a related article found in the page, kept out of the body.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct RelatedLink {
    /// The linked article's title as shown.
    pub title: String,
    /// The link target, when the page gives a usable one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// Everything known about a document besides its text: where it came from and who made it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentMeta {
    /// The address the article was found at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The page's own canonical address, when it declares one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical_url: Option<String>,
    /// The headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The outlet that published this copy ("The Moscow Times").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    /// The byline as printed, without "By" ("AFP", "Jane Doe and John Roe").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub byline: Option<String>,
    /// The wire agency that wrote the story, when it is a wire story ("AFP", "Reuters").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// Who handed the story to whom, originator first: `["AFP", "The Moscow Times"]`.
    #[serde(default)]
    pub source_chain: Vec<String>,
    /// When it was published, as precisely as the source says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// BCP 47 language tag when known (`en`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    /// Photo credits found next to images ("KCNA VIA KNS / AFP"), kept out of the body.
    #[serde(default)]
    pub photo_credits: Vec<String>,
    /// Related-article links found in the page, kept out of the body.
    #[serde(default)]
    pub related: Vec<RelatedLink>,
    /// Input file and record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Origin>,
    /// Fields of the input that tally has no slot for (from JSONL records, JSON-LD, ...).
    #[serde(default, skip_serializing_if = "serde_json::Map::is_empty")]
    #[schemars(with = "std::collections::BTreeMap<String, serde_json::Value>")]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

/// The kind of a token, enough for extractors to skip punctuation cheaply.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "battle-hardened").
    Word,
    /// Digits, possibly with separators and decimals ("1,200", "5.6").
    Number,
    /// A quotation mark, straight or curly.
    Quote,
    /// Any other punctuation or symbol.
    Punct,
}

/// A token: a half-open byte range into the body and its kind. Tokens do not carry their
/// text, to keep the layer small; slice the body with [`Token::range`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// What kind of token this is.
    pub kind: TokenKind,
}

impl Token {
    /// The byte range.
    #[must_use]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
}

/// One news article and everything tally found in it.
///
/// The body is the article's paragraphs joined by [`PARAGRAPH_SEPARATOR`]; every annotation
/// points into it with [`Span`]s. Layers are filled by extractors (see [`crate::Extractor`])
/// and listed in [`Document::layers`] as they run.
///
/// ```
/// use tally_core::{Document, DocumentMeta};
/// let mut meta = DocumentMeta::default();
/// meta.title = Some("Casualties in Kursk".into());
/// let doc = Document::new(meta, ["First paragraph.", "Second one."]);
/// assert_eq!(doc.body, "First paragraph.\n\nSecond one.");
/// assert_eq!(doc.paragraphs[1].text, "Second one.");
/// assert_eq!(doc.id.len(), 32);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Document {
    /// Stable id: a 128-bit hash (hex) of the normalized body and the canonical url (or url).
    /// The same article at the same address always gets the same id; two outlets carrying
    /// the same wire text get different ids and the same [`Document::content_hash`].
    pub id: String,
    /// A 128-bit hash (hex) of the normalized body alone: equal for exact copies.
    pub content_hash: String,
    /// Metadata: url, title, publisher, agency, dates, credits, origin.
    #[serde(flatten)]
    pub meta: DocumentMeta,
    /// The article text: paragraphs joined by a blank line. Metadata never appears here.
    pub body: String,
    /// Paragraph spans into the body, in order.
    pub paragraphs: Vec<Span>,
    /// Layers present, in the order they were added.
    #[serde(default)]
    pub layers: Vec<Layer>,
    /// Sentence spans into the body, in order.
    #[serde(default)]
    pub sentences: Vec<Span>,
    /// Tokens, in order. Not serialized: they are cheap to recompute and would dominate the
    /// output.
    #[serde(skip)]
    pub tokens: Vec<Token>,
    /// Numbers, money and vague amounts, as ranges tied to what they count.
    #[serde(default)]
    pub figures: Vec<Figure>,
    /// Time expressions normalized against the publication date.
    #[serde(default)]
    pub times: Vec<Timex>,
    /// People, organizations, places and countries, with their mentions.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Who speaks in the article, named or anonymous.
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    /// Quotes and reported speech: cue, source, content.
    #[serde(default)]
    pub attributions: Vec<Attribution>,
    /// The ledger: one claim per statement by a claimant.
    #[serde(default)]
    pub claims: Vec<Claim>,
    /// Warnings and notes raised while reading or annotating this document.
    #[serde(default)]
    pub diagnostics: Vec<Diagnostic>,
}

impl Document {
    /// Builds a document from its paragraphs. Paragraphs are trimmed; empty ones are dropped.
    /// The id is computed from the body and `meta`'s canonical url or url, so set those first.
    pub fn new<I, S>(meta: DocumentMeta, paragraphs: I) -> Document
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut body = String::new();
        let mut spans = Vec::new();
        for paragraph in paragraphs {
            let text = paragraph.as_ref().trim();
            if text.is_empty() {
                continue;
            }
            if !body.is_empty() {
                body.push_str(PARAGRAPH_SEPARATOR);
            }
            let start = body.len();
            body.push_str(text);
            spans.push(Span {
                start,
                end: body.len(),
                text: text.to_owned(),
            });
        }
        let address = meta
            .canonical_url
            .as_deref()
            .or(meta.url.as_deref())
            .unwrap_or("");
        let (id, content_hash) = document_id_and_hash(&body, address);
        Document {
            id,
            content_hash,
            meta,
            body,
            paragraphs: spans,
            layers: vec![Layer::Paragraphs],
            ..Document::default()
        }
    }

    /// Recomputes [`Document::id`] after the url changed (for example from a `--url` flag).
    pub fn refresh_id(&mut self) {
        let address = self
            .meta
            .canonical_url
            .as_deref()
            .or(self.meta.url.as_deref());
        self.id = document_id(&self.body, address.unwrap_or(""));
    }

    /// Whether a layer has been added.
    #[must_use]
    pub fn has_layer(&self, layer: Layer) -> bool {
        self.layers.contains(&layer)
    }

    /// Records that a layer has been added (once).
    pub fn mark_layer(&mut self, layer: Layer) {
        if !self.has_layer(layer) {
            self.layers.push(layer);
        }
    }

    /// Builds a span over this document's body.
    ///
    /// # Errors
    /// [`crate::SpanError`] when the range is not a valid slice of the body.
    pub fn span(&self, start: usize, end: usize) -> Result<Span, crate::SpanError> {
        Span::new(&self.body, start, end)
    }

    /// Index of the paragraph containing byte `offset`, if any.
    #[must_use]
    pub fn paragraph_at(&self, offset: usize) -> Option<usize> {
        index_at(&self.paragraphs, offset)
    }

    /// Index of the sentence containing byte `offset`, if any.
    #[must_use]
    pub fn sentence_at(&self, offset: usize) -> Option<usize> {
        index_at(&self.sentences, offset)
    }

    /// The publication date as `YYYY-MM-DD`, if known.
    #[must_use]
    pub fn published_date(&self) -> Option<jiff::civil::Date> {
        self.meta.published.as_ref().map(|p| p.date)
    }
}

/// Binary search for the span containing `offset` in a sorted, non-overlapping list.
fn index_at(spans: &[Span], offset: usize) -> Option<usize> {
    let i = spans.partition_point(|s| s.end <= offset);
    spans.get(i).filter(|s| s.start <= offset).map(|_| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_round_trip_and_empty_ones_drop() {
        let doc = Document::new(DocumentMeta::default(), ["  One. ", "", "Two."]);
        assert_eq!(doc.paragraphs.len(), 2);
        for p in &doc.paragraphs {
            assert!(p.check(&doc.body).is_ok());
        }
        assert_eq!(doc.paragraph_at(0), Some(0));
        assert_eq!(
            doc.paragraph_at(5),
            None,
            "the separator belongs to no paragraph"
        );
        assert_eq!(doc.paragraph_at(7), Some(1));
    }

    #[test]
    fn same_text_at_two_addresses_shares_content_hash_not_id() {
        let a = DocumentMeta {
            url: Some("https://a.example/x".into()),
            ..Default::default()
        };
        let b = DocumentMeta {
            url: Some("https://b.example/y".into()),
            ..Default::default()
        };
        let da = Document::new(a, ["Same wire text."]);
        let db = Document::new(b, ["Same   wire text."]);
        assert_eq!(da.content_hash, db.content_hash);
        assert_ne!(da.id, db.id);
    }

    #[test]
    fn json_round_trip_keeps_everything_but_tokens() {
        let mut doc = Document::new(DocumentMeta::default(), ["Hello world."]);
        doc.tokens.push(Token {
            start: 0,
            end: 5,
            kind: TokenKind::Word,
        });
        let json = serde_json::to_string(&doc).unwrap();
        let back: Document = serde_json::from_str(&json).unwrap();
        assert!(back.tokens.is_empty());
        assert_eq!(back.body, doc.body);
        assert_eq!(back.id, doc.id);
    }
}
