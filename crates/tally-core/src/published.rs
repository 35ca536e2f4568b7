//! Publication time as found: a date, or a date and time with or without a UTC offset.

use jiff::civil::{Date, Time};
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a publication time was read from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PublishedSource {
    /// Page or record metadata (JSON-LD, OpenGraph, a JSONL field, a feed item).
    #[default]
    Metadata,
    /// A date line in the article itself ("December 18, 2024" under the byline).
    DateLine,
    /// A wire dateline inside the body ("BOGOTA, 24 OCT 88 (REUTER) --").
    Dateline,
    /// The user, with `--published`.
    User,
}

/// When a document was published, as precisely as its source says: a date, or a date and
/// time, with a UTC offset only when the source gave one. Nothing is invented: a date-only
/// source stays date-only.
///
/// Serialized as `{"value": "2024-12-18T10:05:00+03:00", "raw": "...", "source": "metadata"}`.
///
/// ```
/// use tally_core::Published;
/// let p = Published::parse_iso("2024-12-18T10:05:00+03:00").unwrap();
/// assert_eq!(p.date.to_string(), "2024-12-18");
/// assert_eq!(p.value(), "2024-12-18T10:05:00+03:00");
/// assert_eq!(Published::parse_iso("2024-12-18").unwrap().value(), "2024-12-18");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(try_from = "PublishedRepr", into = "PublishedRepr")]
#[schemars(with = "PublishedRepr")]
pub struct Published {
    /// The calendar date.
    pub date: Date,
    /// Time of day, when the source gives one.
    pub time: Option<Time>,
    /// UTC offset, when the source gives one.
    pub offset: Option<Offset>,
    /// The text it was read from, when that differs from the ISO value.
    pub raw: Option<String>,
    /// Where it was read from.
    pub source: PublishedSource,
}

/// Why a publication time could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid publication time {value:?}: expected YYYY-MM-DD or an RFC 3339 date-time")]
pub struct PublishedError {
    /// The text that failed to parse.
    pub value: String,
}

impl Published {
    /// A date-only publication time.
    #[must_use]
    pub fn date(date: Date, source: PublishedSource) -> Published {
        Published {
            date,
            time: None,
            offset: None,
            raw: None,
            source,
        }
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM[:SS][.fff]` and the same with `Z` or `±HH:MM`.
    ///
    /// # Errors
    /// [`PublishedError`] naming the value when it is none of these.
    pub fn parse_iso(value: &str) -> Result<Published, PublishedError> {
        let err = || PublishedError {
            value: value.to_owned(),
        };
        let pieces = Pieces::parse(value.trim()).map_err(|_| err())?;
        Ok(Published {
            date: pieces.date(),
            time: pieces.time(),
            offset: pieces.to_numeric_offset(),
            raw: None,
            source: PublishedSource::Metadata,
        })
    }

    /// The ISO 8601 value: `2024-12-18`, `2024-12-18T10:05:00` or `2024-12-18T10:05:00+03:00`.
    #[must_use]
    pub fn value(&self) -> String {
        let mut out = self.date.to_string();
        if let Some(time) = self.time {
            out.push('T');
            // Fractional seconds ("%.f" prints none when they are zero) and offset seconds
            // are kept when the source had them, so the value reads back to the same time.
            out.push_str(&time.strftime("%H:%M:%S%.f").to_string());
            if let Some(offset) = self.offset {
                if offset == Offset::UTC {
                    out.push('Z');
                } else {
                    let secs = offset.seconds();
                    let sign = if secs < 0 { '-' } else { '+' };
                    let abs = secs.unsigned_abs();
                    out.push_str(&format!("{sign}{:02}:{:02}", abs / 3600, abs / 60 % 60));
                    if abs % 60 != 0 {
                        out.push_str(&format!(":{:02}", abs % 60));
                    }
                }
            }
        }
        out
    }
}

#[derive(Serialize, Deserialize, JsonSchema)]
struct PublishedRepr {
    /// ISO 8601: `YYYY-MM-DD`, or a date-time with an offset when the source gave one.
    value: String,
    /// The text as found, when it differs from `value` ("December 18, 2024").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    raw: Option<String>,
    /// Where the value was read from.
    #[serde(default)]
    source: PublishedSource,
}

impl TryFrom<PublishedRepr> for Published {
    type Error = PublishedError;
    fn try_from(repr: PublishedRepr) -> Result<Self, Self::Error> {
        let mut published = Published::parse_iso(&repr.value)?;
        published.raw = repr.raw;
        published.source = repr.source;
        Ok(published)
    }
}

impl From<Published> for PublishedRepr {
    fn from(p: Published) -> Self {
        PublishedRepr {
            value: p.value(),
            raw: p.raw,
            source: p.source,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_precision_as_found() {
        for value in [
            "2024-12-18",
            "2024-12-18T10:05:00",
            "2024-12-18T10:05:00Z",
            "2024-12-18T10:05:00-05:00",
        ] {
            assert_eq!(Published::parse_iso(value).unwrap().value(), value);
        }
    }

    #[test]
    fn rejects_garbage_naming_it() {
        let err = Published::parse_iso("yesterday").unwrap_err();
        assert!(err.to_string().contains("\"yesterday\""));
        assert!(Published::parse_iso("2024-02-30").is_err());
    }

    #[test]
    fn serde_round_trip() {
        let mut p = Published::parse_iso("2024-12-18").unwrap();
        p.raw = Some("December 18, 2024".into());
        p.source = PublishedSource::DateLine;
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(
            json,
            r#"{"value":"2024-12-18","raw":"December 18, 2024","source":"date_line"}"#
        );
        assert_eq!(serde_json::from_str::<Published>(&json).unwrap(), p);
    }
}
