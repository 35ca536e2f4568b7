//! The stored name of a tally-core enum value (`place`, `publication_date`, `indirect`):
//! its serde name, read without building a JSON value.
//!
//! The write path stores several enum names per annotation; going through
//! `serde_json::to_value` allocated a `Value` and a `String` for each. The names are the
//! `&'static str`s serde's derive already holds, so a serializer that accepts only unit
//! variants (and plain strings) returns them as they are.

use serde::Serialize;
use serde::ser::{self, Impossible};

/// The serde name of a unit enum variant (or the text of a string); empty for anything
/// else, which the store never passes.
pub(crate) fn name<T: Serialize + ?Sized>(value: &T) -> &'static str {
    value.serialize(NameOf).unwrap_or_default()
}

struct NameOf;

#[derive(Debug)]
struct NotAName;

impl std::fmt::Display for NotAName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not a unit variant")
    }
}

impl std::error::Error for NotAName {}

impl ser::Error for NotAName {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        NotAName
    }
}

type Nope = Result<&'static str, NotAName>;

impl ser::Serializer for NameOf {
    type Ok = &'static str;
    type Error = NotAName;
    type SerializeSeq = Impossible<&'static str, NotAName>;
    type SerializeTuple = Impossible<&'static str, NotAName>;
    type SerializeTupleStruct = Impossible<&'static str, NotAName>;
    type SerializeTupleVariant = Impossible<&'static str, NotAName>;
    type SerializeMap = Impossible<&'static str, NotAName>;
    type SerializeStruct = Impossible<&'static str, NotAName>;
    type SerializeStructVariant = Impossible<&'static str, NotAName>;

    fn serialize_unit_variant(self, _: &'static str, _: u32, variant: &'static str) -> Nope {
        Ok(variant)
    }
    fn serialize_bool(self, _: bool) -> Nope {
        Err(NotAName)
    }
    fn serialize_i8(self, _: i8) -> Nope {
        Err(NotAName)
    }
    fn serialize_i16(self, _: i16) -> Nope {
        Err(NotAName)
    }
    fn serialize_i32(self, _: i32) -> Nope {
        Err(NotAName)
    }
    fn serialize_i64(self, _: i64) -> Nope {
        Err(NotAName)
    }
    fn serialize_u8(self, _: u8) -> Nope {
        Err(NotAName)
    }
    fn serialize_u16(self, _: u16) -> Nope {
        Err(NotAName)
    }
    fn serialize_u32(self, _: u32) -> Nope {
        Err(NotAName)
    }
    fn serialize_u64(self, _: u64) -> Nope {
        Err(NotAName)
    }
    fn serialize_f32(self, _: f32) -> Nope {
        Err(NotAName)
    }
    fn serialize_f64(self, _: f64) -> Nope {
        Err(NotAName)
    }
    fn serialize_char(self, _: char) -> Nope {
        Err(NotAName)
    }
    fn serialize_str(self, _: &str) -> Nope {
        Err(NotAName)
    }
    fn serialize_bytes(self, _: &[u8]) -> Nope {
        Err(NotAName)
    }
    fn serialize_none(self) -> Nope {
        Err(NotAName)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Nope {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Nope {
        Err(NotAName)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Nope {
        Err(NotAName)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(self, _: &'static str, value: &T) -> Nope {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Nope {
        Err(NotAName)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, NotAName> {
        Err(NotAName)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, NotAName> {
        Err(NotAName)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, NotAName> {
        Err(NotAName)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, NotAName> {
        Err(NotAName)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, NotAName> {
        Err(NotAName)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, NotAName> {
        Err(NotAName)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, NotAName> {
        Err(NotAName)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tally_core::{ClaimKind, ClaimantKind, EntityType, SaidAtBasis};

    #[test]
    fn names_are_the_serde_names() {
        for (got, via_json) in [
            (
                name(&EntityType::Place),
                serde_json::to_value(EntityType::Place),
            ),
            (
                name(&SaidAtBasis::PublicationDate),
                serde_json::to_value(SaidAtBasis::PublicationDate),
            ),
            (
                name(&ClaimKind::Indirect),
                serde_json::to_value(ClaimKind::Indirect),
            ),
            (
                name(&ClaimantKind::Agency),
                serde_json::to_value(ClaimantKind::Agency),
            ),
        ] {
            assert_eq!(Some(got), via_json.unwrap().as_str());
        }
        assert_eq!(name(&SaidAtBasis::PublicationDate), "publication_date");
        assert_eq!(name(&Some(ClaimKind::Direct)), "direct");
        assert_eq!(name(&3_i32), "", "not an enum name");
    }
}
