//! One JSON Lines record, read field by field.
//!
//! Finds: the string value of each field tally reads (`url`, `title`, `text`, ...; see
//! [`KNOWN`]), borrowed from the line when it has no escapes, and every other field as a
//! [`serde_json::Value`] for `extra`.
//!
//! Example: `{"title": "T", "text": "Body.", "section": "world"}` gives `title` = `T` and
//! `text` = `Body.` as slices of the line, and `extra` = `[("section", "world")]`.
//!
//! Why: building a `Value` for the whole object allocated every key and every string (the
//! article text among them) and then copied the fields tally reads out of it again; that
//! was a seventh of ingest time. The result is the same as reading a `Value` first: the
//! same parser checks the same syntax and gives the same errors, a non-string value of a
//! known field is ignored, the last of two equal keys wins, and values of other fields are
//! read by `Value` itself.
//!
//! Limitations: an object whose first key is serde_json's private raw-value token is read
//! again through a `Value`, to keep serde_json's own handling of it (which depends on its
//! features).

use std::borrow::Cow;
use std::cell::Cell;
use std::fmt;

use serde::de::value::{MapAccessDeserializer, SeqAccessDeserializer};
use serde::de::{self, Deserialize, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

/// The fields tally reads; every other field goes to `extra`.
pub const KNOWN: &[&str] = &[
    "url",
    "link",
    "canonical_url",
    "title",
    "headline",
    "published",
    "date",
    "text",
    "body",
    "content",
    "html",
    "publisher",
    "agency",
    "byline",
    "author",
    "language",
];

/// The key `serde_json::Value` treats as a raw value when it comes first in an object.
const RAW_VALUE_TOKEN: &str = "$serde_json::private::RawValue";

/// A known field's value: a string, or something else (ignored, as a `Value` lookup that
/// wanted a string would).
enum Slot<'a> {
    Str(Cow<'a, str>),
    Other,
}

/// One record: the known fields by their index in [`KNOWN`], the others in input order.
pub struct Record<'a> {
    known: [Option<Slot<'a>>; KNOWN.len()],
    /// Fields that tally has no slot for.
    pub extra: Vec<(String, Value)>,
}

/// What a line holds.
pub enum Parsed<'a> {
    /// A JSON object (boxed: a record is a few hundred bytes).
    Object(Box<Record<'a>>),
    /// Valid JSON that is not an object.
    NotObject,
}

impl<'a> Record<'a> {
    fn new() -> Record<'a> {
        Record {
            known: std::array::from_fn(|_| None),
            extra: Vec::new(),
        }
    }

    fn set(&mut self, key: &str, slot: Slot<'a>) {
        if let Some(i) = KNOWN.iter().position(|k| *k == key) {
            self.known[i] = Some(slot);
        }
    }

    /// The first of `keys` whose value is a string with something besides whitespace,
    /// trimmed. Each field is read once: its value is moved out, not copied.
    pub fn take(&mut self, keys: &[&str]) -> Option<String> {
        for key in keys {
            let Some(i) = KNOWN.iter().position(|k| k == key) else {
                continue;
            };
            if let Some(Slot::Str(s)) = &self.known[i]
                && !s.trim().is_empty()
                && let Some(Slot::Str(s)) = self.known[i].take()
            {
                return Some(match s {
                    Cow::Owned(s) if s.trim().len() == s.len() => s,
                    s => s.trim().to_owned(),
                });
            }
        }
        None
    }

    /// A record from an object already read as `Value`s.
    fn from_map(map: Map<String, Value>) -> Record<'a> {
        let mut record = Record::new();
        for (key, value) in map {
            if KNOWN.contains(&key.as_str()) {
                let slot = match value {
                    Value::String(s) => Slot::Str(Cow::Owned(s)),
                    _ => Slot::Other,
                };
                record.set(&key, slot);
            } else {
                record.extra.push((key, value));
            }
        }
        record
    }
}

/// Parses one line.
///
/// # Errors
/// serde_json's error for text that is not JSON, the same one `Value` parsing gives.
pub fn parse(line: &str) -> Result<Parsed<'_>, serde_json::Error> {
    let raw_value_key = Cell::new(false);
    let mut deserializer = serde_json::Deserializer::from_str(line);
    let parsed = TopSeed(&raw_value_key)
        .deserialize(&mut deserializer)
        .and_then(|parsed| deserializer.end().map(|()| parsed));
    if !raw_value_key.get() {
        return parsed;
    }
    // Whether `Value` reads this key specially depends on serde_json's features: let it.
    match serde_json::from_str::<Value>(line)? {
        Value::Object(map) => Ok(Parsed::Object(Box::new(Record::from_map(map)))),
        _ => Ok(Parsed::NotObject),
    }
}

/// Reads the top-level value; sets the flag (and stops) when the first key of the object
/// is [`RAW_VALUE_TOKEN`].
struct TopSeed<'c>(&'c Cell<bool>);

impl<'de> DeserializeSeed<'de> for TopSeed<'_> {
    type Value = Parsed<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(TopVisitor(self.0))
    }
}

struct TopVisitor<'c>(&'c Cell<bool>);

/// Scalars are not objects; nothing more to read.
macro_rules! not_object {
    ($($method:ident($ty:ty)),*) => {
        $(fn $method<E: de::Error>(self, _: $ty) -> Result<Self::Value, E> {
            Ok(Parsed::NotObject)
        })*
    };
}

impl<'de> Visitor<'de> for TopVisitor<'_> {
    type Value = Parsed<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    not_object!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_f64(f64),
        visit_str(&str)
    );

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Parsed::NotObject)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Parsed::NotObject)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        // Read the array as `Value` would, so that its errors are the same.
        Value::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(Parsed::NotObject)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut record = Record::new();
        let mut first = true;
        while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
            if first && key == RAW_VALUE_TOKEN {
                self.0.set(true);
                return Err(de::Error::custom("read again as a Value"));
            }
            first = false;
            if KNOWN.contains(&key.as_ref()) {
                let slot: Slot<'de> = map.next_value()?;
                record.set(&key, slot);
            } else {
                let value: Value = map.next_value()?;
                record.extra.push((key.into_owned(), value));
            }
        }
        Ok(Parsed::Object(Box::new(record)))
    }
}

/// An object key, borrowed when it has no escapes.
struct Key<'a>(Cow<'a, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Key(Cow::Owned(v)))
    }
}

impl<'de> Deserialize<'de> for Slot<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(SlotVisitor)
    }
}

struct SlotVisitor;

/// Scalars that are not strings: ignored.
macro_rules! other {
    ($($method:ident($ty:ty)),*) => {
        $(fn $method<E: de::Error>(self, _: $ty) -> Result<Self::Value, E> {
            Ok(Slot::Other)
        })*
    };
}

impl<'de> Visitor<'de> for SlotVisitor {
    type Value = Slot<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    other!(
        visit_bool(bool),
        visit_i64(i64),
        visit_u64(u64),
        visit_f64(f64)
    );

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
        Ok(Slot::Str(Cow::Borrowed(v)))
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(Slot::Str(Cow::Owned(v.to_owned())))
    }

    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(Slot::Str(Cow::Owned(v)))
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Other)
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Slot::Other)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(SeqAccessDeserializer::new(seq))?;
        Ok(Slot::Other)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        Value::deserialize(MapAccessDeserializer::new(map))?;
        Ok(Slot::Other)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The string value of each known field, and the other fields; `None` for a non-object.
    type Fields = Option<(Vec<Option<String>>, Vec<(String, Value)>)>;

    /// What the `Value` route gives.
    fn reference(line: &str) -> Result<Fields, String> {
        let value: Value = serde_json::from_str(line).map_err(|e| e.to_string())?;
        let Value::Object(object) = value else {
            return Ok(None);
        };
        let fields = KNOWN
            .iter()
            .map(|k| match object.get(*k) {
                Some(Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
                _ => None,
            })
            .collect();
        let extra = object
            .into_iter()
            .filter(|(k, _)| !KNOWN.contains(&k.as_str()))
            .collect();
        Ok(Some((fields, extra)))
    }

    fn ours(line: &str) -> Result<Fields, String> {
        match parse(line).map_err(|e| e.to_string())? {
            Parsed::NotObject => Ok(None),
            Parsed::Object(mut record) => {
                let fields = KNOWN.iter().map(|k| record.take(&[k])).collect();
                let mut extra: Map<String, Value> = Map::new();
                for (k, v) in record.extra {
                    extra.insert(k, v);
                }
                Ok(Some((fields, extra.into_iter().collect())))
            }
        }
    }

    #[test]
    fn reads_what_a_value_would() {
        for line in [
            r#"{"url":"https://x.example/a","title":"  T  ","text":"Line\none \"q\"","section":"world","n":1}"#,
            r#"{"text":"first","text":"second","title":5,"x":[1,{"y":null}],"x":2}"#,
            r#"{"title":{"nested":["a"]},"body":"   ","content":"used"}"#,
            r#"{"t\u0069tle":"escaped key","extra\u00e9":1.5e3}"#,
            r#"{"$serde_json::private::RawValue":"1","text":"t"}"#,
            r#"{"a":1,"$serde_json::private::RawValue":"1","text":"t"}"#,
            "[1,2]",
            "\"just a string\"",
            "null",
            "{}",
            "not json",
            r#"{"text":"a","n":1e400}"#,
            r#"{"title":1e400}"#,
            r#"{"text":"a"} trailing"#,
            r#"{"text":"a""#,
            "[1,}",
        ] {
            assert_eq!(ours(line), reference(line), "{line}");
        }
    }

    proptest::proptest! {
        #[test]
        fn any_line_reads_as_a_value_would(line in r#"[\[\]{}":,a-z0-9 \\.eu-]{0,40}"#) {
            proptest::prop_assert_eq!(ours(&line), reference(&line));
        }

        #[test]
        fn any_object_reads_as_a_value_would(
            pairs in proptest::collection::vec(
                ("(text|title|url|body|x|y|published)", r#"[a-z \\"\n]{0,8}"#, 0..3u8),
                0..6,
            )
        ) {
            let body: Vec<String> = pairs
                .iter()
                .map(|(k, v, kind)| {
                    let value = match kind {
                        0 => serde_json::to_string(v).unwrap_or_default(),
                        1 => "[1,{\"a\":null}]".to_owned(),
                        _ => "2.5".to_owned(),
                    };
                    format!("\"{k}\":{value}")
                })
                .collect();
            let line = format!("{{{}}}", body.join(","));
            proptest::prop_assert_eq!(ours(&line), reference(&line));
        }
    }
}
