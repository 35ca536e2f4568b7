//! Half-open byte ranges into a document body, carrying the text they cover.

use std::ops::Range;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document body, with the text it covers.
///
/// Every annotation tally produces points back to the body through spans, so a reader can
/// always find the exact words. The invariant `body[start..end] == text` holds for every
/// span built with [`Span::new`]; [`Span::check`] verifies it for spans read from elsewhere.
///
/// ```
/// use tally_core::Span;
/// let body = "Several hundred casualties.";
/// let span = Span::new(body, 0, 15).unwrap();
/// assert_eq!(span.text, "Several hundred");
/// assert!(Span::new(body, 3, 99).is_err());
/// ```
#[derive(
    Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub struct Span {
    /// Byte offset of the first byte, inclusive.
    pub start: usize,
    /// Byte offset one past the last byte.
    pub end: usize,
    /// The covered text, `body[start..end]`.
    pub text: String,
}

/// Why a span could not be built over a body.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SpanError {
    /// `start` is after `end`.
    #[error("span {start}..{end} is reversed")]
    Reversed {
        /// The offending start offset.
        start: usize,
        /// The offending end offset.
        end: usize,
    },
    /// `end` is past the end of the body.
    #[error("span {start}..{end} is out of bounds for a body of {len} bytes")]
    OutOfBounds {
        /// The offending start offset.
        start: usize,
        /// The offending end offset.
        end: usize,
        /// The body length in bytes.
        len: usize,
    },
    /// An offset falls inside a multi-byte character.
    #[error("span {start}..{end} does not fall on character boundaries")]
    NotCharBoundary {
        /// The offending start offset.
        start: usize,
        /// The offending end offset.
        end: usize,
    },
    /// The span's text differs from the body at its offsets.
    #[error("span {start}..{end} says {text:?} but the body has {found:?}")]
    TextMismatch {
        /// The span's start offset.
        start: usize,
        /// The span's end offset.
        end: usize,
        /// The text the span carries.
        text: String,
        /// The text the body has at those offsets.
        found: String,
    },
}

impl Span {
    /// Builds the span `body[start..end]`.
    ///
    /// # Errors
    /// [`SpanError`] when the range is reversed, out of bounds or splits a character.
    pub fn new(body: &str, start: usize, end: usize) -> Result<Span, SpanError> {
        let text = slice(body, start, end)?;
        Ok(Span {
            start,
            end,
            text: text.to_owned(),
        })
    }

    /// Builds a span from a range; see [`Span::new`].
    ///
    /// # Errors
    /// As [`Span::new`].
    pub fn from_range(body: &str, range: Range<usize>) -> Result<Span, SpanError> {
        Span::new(body, range.start, range.end)
    }

    /// Checks that this span still describes `body`: in bounds, on char boundaries, and
    /// carrying the body's text.
    ///
    /// # Errors
    /// The first [`SpanError`] that applies.
    pub fn check(&self, body: &str) -> Result<(), SpanError> {
        let found = slice(body, self.start, self.end)?;
        if found == self.text {
            Ok(())
        } else {
            Err(SpanError::TextMismatch {
                start: self.start,
                end: self.end,
                text: self.text.clone(),
                found: found.to_owned(),
            })
        }
    }

    /// The byte range.
    #[must_use]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length in bytes.
    #[must_use]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers no bytes.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether `other` lies entirely inside this span.
    #[must_use]
    pub fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    #[must_use]
    pub fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

fn slice(body: &str, start: usize, end: usize) -> Result<&str, SpanError> {
    if start > end {
        return Err(SpanError::Reversed { start, end });
    }
    if end > body.len() {
        return Err(SpanError::OutOfBounds {
            start,
            end,
            len: body.len(),
        });
    }
    body.get(start..end)
        .ok_or(SpanError::NotCharBoundary { start, end })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn rejects_split_character() {
        let body = "Kyiv – Moscow";
        let dash = body.find('–').unwrap();
        assert_eq!(
            Span::new(body, dash + 1, dash + 2),
            Err(SpanError::NotCharBoundary {
                start: dash + 1,
                end: dash + 2
            })
        );
    }

    #[test]
    fn check_detects_edited_body() {
        let span = Span::new("the official said", 4, 12).unwrap();
        assert!(span.check("the official said").is_ok());
        assert!(matches!(
            span.check("the minister said"),
            Err(SpanError::TextMismatch { .. })
        ));
    }

    #[test]
    fn overlap_is_half_open() {
        let body = "abcdef";
        let a = Span::new(body, 0, 3).unwrap();
        let b = Span::new(body, 3, 6).unwrap();
        assert!(!a.overlaps(&b));
        assert!(Span::new(body, 2, 4).unwrap().overlaps(&a));
    }

    proptest! {
        #[test]
        fn new_round_trips_or_errors(body in "\\PC{0,40}", a in 0usize..60, b in 0usize..60) {
            match Span::new(&body, a, b) {
                Ok(span) => {
                    prop_assert_eq!(&body[span.range()], span.text.as_str());
                    prop_assert!(span.check(&body).is_ok());
                }
                Err(_) => prop_assert!(a > b || b > body.len() || body.get(a..b).is_none()),
            }
        }
    }
}
