//! Compact JSON, byte for byte what `serde_json::to_writer` writes, into a `Vec<u8>`.
//!
//! A document's JSON is mostly span texts, escaped: serde_json tests every byte against its
//! escape table, which was 15% of a `tally extract --format jsonl` (callgrind, 2,000
//! corpus originals). This writer skips eight bytes at a time while none needs escaping.
//! Numbers that are not integers go through serde_json itself, so they format the same;
//! anything this writer does not handle (a map key that is not a string) makes [`write`]
//! start the value again with serde_json.

use std::fmt::Display;

use serde::ser::{self, Serialize};

/// Appends `value` to `out` as compact JSON (what `serde_json::to_writer` writes).
///
/// # Errors
/// What serde_json reports for the value (a map key it cannot write, a failing
/// `Serialize` impl).
pub fn write<T: Serialize + ?Sized>(out: &mut Vec<u8>, value: &T) -> serde_json::Result<()> {
    let start = out.len();
    if value.serialize(Writer { out: &mut *out }).is_ok() {
        return Ok(());
    }
    out.truncate(start);
    serde_json::to_writer(out, value)
}

/// Why the fast writer gave up; [`write`] then hands the value to serde_json.
#[derive(Debug)]
pub struct Unsupported;

impl Display for Unsupported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("left to serde_json")
    }
}

impl std::error::Error for Unsupported {}

impl ser::Error for Unsupported {
    fn custom<M: Display>(_msg: M) -> Self {
        Self
    }
}

type Result<T = ()> = std::result::Result<T, Unsupported>;

/// serde_json's escape of each byte: 0 none, `u` a `\u00XX` escape, else the letter after
/// the backslash.
static ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0a] = b'n';
    table[0x0c] = b'f';
    table[0x0d] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// A high bit set in the byte lanes of `word` (little-endian) that hold a control byte,
/// `"` or `\\`. Borrows only carry upwards, from a lane that is itself flagged, so the
/// lowest set lane is always a true one.
fn specials(word: u64) -> u64 {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGHS;
    below(word, 0x20)
        | below(word ^ (ONES * u64::from(b'"')), 1)
        | below(word ^ (ONES * u64::from(b'\\')), 1)
}

/// Appends `text` as a JSON string.
fn string(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut run = 0;
    while let Some(at) = next_special(bytes, run) {
        out.extend_from_slice(&bytes[run..at]);
        escape_byte(out, bytes[at]);
        run = at + 1;
    }
    out.extend_from_slice(&bytes[run..]);
    out.push(b'"');
}

/// The first byte at or after `from` that needs an escape: eight bytes at a time, then
/// the last few one by one.
fn next_special(bytes: &[u8], from: usize) -> Option<usize> {
    let (words, tail) = bytes[from..].as_chunks::<8>();
    for (n, word) in words.iter().enumerate() {
        let lanes = specials(u64::from_le_bytes(*word));
        if lanes != 0 {
            return Some(from + 8 * n + lanes.trailing_zeros() as usize / 8);
        }
    }
    let tail_start = bytes.len() - tail.len();
    tail.iter()
        .position(|&byte| ESCAPE[usize::from(byte)] != 0)
        .map(|i| tail_start + i)
}

fn escape_byte(out: &mut Vec<u8>, byte: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    match ESCAPE[usize::from(byte)] {
        b'u' => out.extend_from_slice(&[
            b'\\',
            b'u',
            b'0',
            b'0',
            HEX[usize::from(byte >> 4)],
            HEX[usize::from(byte & 0xf)],
        ]),
        letter => out.extend_from_slice(&[b'\\', letter]),
    }
}

/// Appends an unsigned integer's decimal digits.
fn unsigned(out: &mut Vec<u8>, mut value: u64) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        // The remainder is below ten.
        digits[start] = b'0' + (value % 10) as u8;
        value /= 10;
        if value == 0 {
            break;
        }
    }
    out.extend_from_slice(&digits[start..]);
}

/// Appends a signed integer's decimal digits.
fn signed(out: &mut Vec<u8>, value: i64) {
    if value < 0 {
        out.push(b'-');
    }
    unsigned(out, value.unsigned_abs());
}

/// Appends a 128-bit integer's decimal digits (rare: through `Display`).
fn wide(out: &mut Vec<u8>, value: impl Display) {
    use std::io::Write as _;
    // Writing into a Vec cannot fail.
    let _ = write!(out, "{value}");
}

/// Appends a float as serde_json formats it (`null` when not finite).
fn float<T: Serialize>(out: &mut Vec<u8>, value: T) -> Result {
    serde_json::to_writer(out, &value).map_err(|_| Unsupported)
}

struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

/// An array or object being written: whether an element was written yet.
struct Compound<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Compound<'a> {
    fn open(out: &'a mut Vec<u8>, bracket: u8) -> Self {
        out.push(bracket);
        Self { out, first: true }
    }

    fn comma(&mut self) {
        if !self.first {
            self.out.push(b',');
        }
        self.first = false;
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.comma();
        value.serialize(Writer { out: self.out })
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result {
        self.comma();
        // Field names are short and never need an escape in practice: written in one
        // piece, without the string writer's call (most strings of a document are these).
        if key.bytes().all(|b| ESCAPE[usize::from(b)] == 0) {
            self.out.reserve(key.len() + 3);
            self.out.push(b'"');
            self.out.extend_from_slice(key.as_bytes());
            self.out.extend_from_slice(b"\":");
        } else {
            string(self.out, key);
            self.out.push(b':');
        }
        value.serialize(Writer { out: self.out })
    }

    fn close(self, bracket: u8) -> Result {
        self.out.push(bracket);
        Ok(())
    }
}

/// An enum variant with content, `{"Variant":...}`: the content, then the outer brace.
struct Variant<'a>(Compound<'a>);

impl<'a> Variant<'a> {
    fn open(out: &'a mut Vec<u8>, variant: &str, bracket: u8) -> Self {
        out.push(b'{');
        string(out, variant);
        out.push(b':');
        Self(Compound::open(out, bracket))
    }

    fn close(self, bracket: u8) -> Result {
        let out = self.0.out;
        out.push(bracket);
        out.push(b'}');
        Ok(())
    }
}

impl<'a> ser::Serializer for Writer<'a> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = Compound<'a>;
    type SerializeTuple = Compound<'a>;
    type SerializeTupleStruct = Compound<'a>;
    type SerializeTupleVariant = Variant<'a>;
    type SerializeMap = Compound<'a>;
    type SerializeStruct = Compound<'a>;
    type SerializeStructVariant = Variant<'a>;

    fn serialize_bool(self, v: bool) -> Result {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result {
        signed(self.out, i64::from(v));
        Ok(())
    }

    fn serialize_i16(self, v: i16) -> Result {
        signed(self.out, i64::from(v));
        Ok(())
    }

    fn serialize_i32(self, v: i32) -> Result {
        signed(self.out, i64::from(v));
        Ok(())
    }

    fn serialize_i64(self, v: i64) -> Result {
        signed(self.out, v);
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result {
        wide(self.out, v);
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result {
        unsigned(self.out, u64::from(v));
        Ok(())
    }

    fn serialize_u16(self, v: u16) -> Result {
        unsigned(self.out, u64::from(v));
        Ok(())
    }

    fn serialize_u32(self, v: u32) -> Result {
        unsigned(self.out, u64::from(v));
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result {
        unsigned(self.out, v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result {
        wide(self.out, v);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result {
        float(self.out, v)
    }

    fn serialize_f64(self, v: f64) -> Result {
        float(self.out, v)
    }

    fn serialize_char(self, v: char) -> Result {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result {
        string(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result {
        let mut seq = Compound::open(self.out, b'[');
        for byte in v {
            seq.element(byte)?;
        }
        seq.close(b']')
    }

    fn serialize_none(self) -> Result {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result {
        let mut object = Compound::open(self.out, b'{');
        object.field(variant, value)?;
        object.close(b'}')
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(Compound::open(self.out, b'['))
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a>> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>> {
        Ok(Variant::open(self.out, variant, b'['))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'a>> {
        Ok(Compound::open(self.out, b'{'))
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Compound<'a>> {
        Ok(Compound::open(self.out, b'{'))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Variant<'a>> {
        Ok(Variant::open(self.out, variant, b'{'))
    }
}

impl ser::SerializeSeq for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        self.close(b']')
    }
}

impl ser::SerializeTuple for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        self.close(b']')
    }
}

impl ser::SerializeTupleStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.element(value)
    }

    fn end(self) -> Result {
        self.close(b']')
    }
}

impl ser::SerializeTupleVariant for Variant<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        self.0.element(value)
    }

    fn end(self) -> Result {
        self.close(b']')
    }
}

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result {
        self.comma();
        key.serialize(Key { out: self.out })?;
        self.out.push(b':');
        Ok(())
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result {
        value.serialize(Writer { out: self.out })
    }

    fn end(self) -> Result {
        self.close(b'}')
    }
}

impl ser::SerializeStruct for Compound<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.field(key, value)
    }

    fn end(self) -> Result {
        self.close(b'}')
    }
}

impl ser::SerializeStructVariant for Variant<'_> {
    type Ok = ();
    type Error = Unsupported;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, key: &'static str, value: &T) -> Result {
        self.0.field(key, value)
    }

    fn end(self) -> Result {
        self.close(b'}')
    }
}

/// A map key: strings (and what serializes as one) only; serde_json writes the rest.
struct Key<'a> {
    out: &'a mut Vec<u8>,
}

impl ser::Serializer for Key<'_> {
    type Ok = ();
    type Error = Unsupported;
    type SerializeSeq = ser::Impossible<(), Unsupported>;
    type SerializeTuple = ser::Impossible<(), Unsupported>;
    type SerializeTupleStruct = ser::Impossible<(), Unsupported>;
    type SerializeTupleVariant = ser::Impossible<(), Unsupported>;
    type SerializeMap = ser::Impossible<(), Unsupported>;
    type SerializeStruct = ser::Impossible<(), Unsupported>;
    type SerializeStructVariant = ser::Impossible<(), Unsupported>;

    fn serialize_str(self, v: &str) -> Result {
        string(self.out, v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result {
        value.serialize(self)
    }

    fn serialize_bool(self, _v: bool) -> Result {
        Err(Unsupported)
    }

    fn serialize_i8(self, _v: i8) -> Result {
        Err(Unsupported)
    }

    fn serialize_i16(self, _v: i16) -> Result {
        Err(Unsupported)
    }

    fn serialize_i32(self, _v: i32) -> Result {
        Err(Unsupported)
    }

    fn serialize_i64(self, _v: i64) -> Result {
        Err(Unsupported)
    }

    fn serialize_u8(self, _v: u8) -> Result {
        Err(Unsupported)
    }

    fn serialize_u16(self, _v: u16) -> Result {
        Err(Unsupported)
    }

    fn serialize_u32(self, _v: u32) -> Result {
        Err(Unsupported)
    }

    fn serialize_u64(self, _v: u64) -> Result {
        Err(Unsupported)
    }

    fn serialize_f32(self, _v: f32) -> Result {
        Err(Unsupported)
    }

    fn serialize_f64(self, _v: f64) -> Result {
        Err(Unsupported)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result {
        Err(Unsupported)
    }

    fn serialize_none(self) -> Result {
        Err(Unsupported)
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result {
        Err(Unsupported)
    }

    fn serialize_unit(self) -> Result {
        Err(Unsupported)
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result {
        Err(Unsupported)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result {
        Err(Unsupported)
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(Unsupported)
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(Unsupported)
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(Unsupported)
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(Unsupported)
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(Unsupported)
    }

    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(Unsupported)
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(Unsupported)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Serialize;
    use serde_json::json;

    use super::*;

    fn same_as_serde_json<T: Serialize + ?Sized>(value: &T) {
        let mut ours = b"prefix ".to_vec();
        write(&mut ours, value).unwrap();
        let theirs = serde_json::to_vec(value).unwrap();
        assert_eq!(
            String::from_utf8_lossy(&ours[7..]),
            String::from_utf8_lossy(&theirs)
        );
    }

    #[test]
    fn strings_escape_as_serde_json_does() {
        let mut text = String::new();
        for c in (0u8..0x80).map(char::from).chain("é—“”\u{2028}😀".chars()) {
            text.push(c);
            same_as_serde_json(&text);
            same_as_serde_json(&format!("{text}{}", "long run of plain text ".repeat(3)));
        }
        same_as_serde_json("");
        same_as_serde_json("a\"b\\c\nd\u{7f}");
        same_as_serde_json(&'"');
    }

    #[test]
    fn escapes_at_every_position_of_short_and_long_strings() {
        for len in 0..20 {
            for first in 0..len {
                for second in first..len {
                    for (a, b) in [('"', '\\'), ('\n', '\u{1f}'), ('\u{0}', ' '), ('é', '"')] {
                        let mut text: Vec<char> = "plain text".chars().cycle().take(len).collect();
                        text[first] = a;
                        text[second] = b;
                        same_as_serde_json(&text.iter().collect::<String>());
                    }
                }
            }
        }
    }

    #[test]
    fn values_write_as_serde_json_does() {
        same_as_serde_json(&json!({
            "a": [1, -2, 3.5, 1e300, 0.1, null, true, false],
            "b": {"nested": {"empty": [], "obj": {}}},
            "c": "text with \"quotes\"",
            "d": u64::MAX,
            "e": i64::MIN,
        }));
        same_as_serde_json(&(
            f64::NAN,
            f32::INFINITY,
            1.5f32,
            'x',
            (),
            Some(3u8),
            None::<u8>,
        ));
        same_as_serde_json(&b"bytes"[..]);
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        New(u8),
        Tuple(u8, String),
        Struct { x: i32, y: Option<f64> },
    }

    #[derive(Serialize)]
    struct Doc {
        name: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        shapes: Vec<Shape>,
        #[serde(rename = "we\"ird\n")]
        weird: u8,
        #[serde(flatten)]
        extra: BTreeMap<String, serde_json::Value>,
    }

    #[test]
    fn derived_structs_and_enums_write_as_serde_json_does() {
        let doc = Doc {
            name: "n".into(),
            skipped: None,
            shapes: vec![
                Shape::Unit,
                Shape::New(1),
                Shape::Tuple(2, "t".into()),
                Shape::Struct {
                    x: -1,
                    y: Some(2.25),
                },
            ],
            weird: 7,
            extra: BTreeMap::from([("k".to_owned(), json!([1, "v"]))]),
        };
        same_as_serde_json(&doc);
    }

    #[test]
    fn keys_serde_json_quotes_fall_back_to_it() {
        same_as_serde_json(&BTreeMap::from([(1u32, "one"), (2, "two")]));
        same_as_serde_json(&BTreeMap::from([(true, 1u8)]));
    }
}
