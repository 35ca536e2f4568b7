//! Any `Serialize` value straight to plain Python objects (dict, list, str, int, float,
//! bool, None), with exactly what `json.loads` of its `serde_json` text would give, without
//! the text.
//!
//! A document used to go Rust -> JSON text (on the workers) -> `json.loads` (under the
//! GIL). Building the objects directly skips writing and re-parsing a JSON form thirteen
//! times the article (every span carries its text), and struct field names and enum
//! variant names, which repeat in every span, figure and claim, become one interned Python
//! string each per call instead of one new string per occurrence.
//!
//! Equal to the JSON route by construction: serde drives both, struct fields come in
//! declaration order, maps in their own order, and the few places where `serde_json`
//! departs from the plain data model are copied: non-finite floats are `null`, `f32`s are
//! read back from their shortest decimal form, map keys are strings (numbers, chars and
//! bools are written out as `serde_json` writes them), bytes are a list of ints, an enum
//! variant with data is a one-key dict. `python/tests/test_extract.py` checks documents both
//! ways.
//!
//! Written by hand because `pythonize`, the general serde-to-Python crate, differs on both
//! counts: it makes a new string for every field and variant name it meets, and it departs
//! from `json.loads` (tuples become tuples, non-finite floats stay `inf`/`nan`).

use std::cell::RefCell;
use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Mutex;

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString};
use serde::ser::{self, Serialize};

use super::texts::Texts;

/// Converts `value` to Python objects, interning names through `names`.
pub(crate) fn to_py<'py, T: Serialize + ?Sized>(
    names: &Names<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    if let Ok(mut texts) = names.texts.try_borrow_mut() {
        texts.clear();
    }
    value.serialize(ToPy { names }).map_err(|e| match e {
        ConvertError::Py(e) => e,
        ConvertError::Message(m) => pyo3::exceptions::PyValueError::new_err(m),
    })
}

/// Python strings for the `&'static str` names serde hands out (struct fields, enum
/// variants), created once and shared by every object built with the same `Names`.
///
/// Keyed by the name's address: a `&'static str` never moves or changes, and two equal
/// names at different addresses only cost a second Python string. Never used for strings
/// with a shorter lifetime (map keys, values), whose addresses are reused.
///
/// The names found are kept for the next call (see [`SEEN`]), so that `extract` and `read`,
/// which convert one document per call, do not intern a hundred names each time.
pub(crate) struct Names<'py> {
    py: Python<'py>,
    cache: RefCell<NameCache<'py>>,
    /// The strings of the value being converted, shared when equal.
    texts: RefCell<Texts<'py>>,
}

/// Every name interned so far, by address and length, for [`Names::new`] to start from.
static SEEN: Mutex<Vec<(usize, usize, Py<PyString>)>> = Mutex::new(Vec::new());

impl<'py> Names<'py> {
    pub(crate) fn new(py: Python<'py>) -> Names<'py> {
        let mut cache = NameCache::default();
        // A poisoned lock (a panic while another call stored its names) only means
        // starting from no names.
        if let Ok(seen) = SEEN.lock() {
            cache.extend(seen.iter().map(|(p, n, s)| ((*p, *n), s.bind(py).clone())));
        }
        Names {
            py,
            cache: RefCell::new(cache),
            texts: RefCell::new(Texts::default()),
        }
    }

    fn get(&self, name: &'static str) -> Bound<'py, PyString> {
        let key = (name.as_ptr() as usize, name.len());
        if let Ok(cache) = self.cache.try_borrow()
            && let Some(s) = cache.get(&key)
        {
            return s.clone();
        }
        let s = PyString::intern(self.py, name);
        if let Ok(mut cache) = self.cache.try_borrow_mut() {
            cache.insert(key, s.clone());
        }
        s
    }

    /// `dict[name] = value`, lending the cached name rather than taking a new reference.
    fn set_item(
        &self,
        dict: &Bound<'py, PyDict>,
        name: &'static str,
        value: Bound<'py, PyAny>,
    ) -> PyResult<()> {
        let key = (name.as_ptr() as usize, name.len());
        if let Ok(cache) = self.cache.try_borrow()
            && let Some(s) = cache.get(&key)
        {
            return dict.set_item(s, value);
        }
        dict.set_item(self.get(name), value)
    }
}

impl Drop for Names<'_> {
    fn drop(&mut self) {
        let cache = self.cache.get_mut();
        if let Ok(mut seen) = SEEN.lock()
            && seen.len() < cache.len()
        {
            *seen = cache
                .iter()
                .map(|((p, n), s)| (*p, *n, s.clone().unbind()))
                .collect();
        }
    }
}

/// Python names by the address and length of their Rust `&'static str`.
type NameCache<'py> =
    HashMap<(usize, usize), Bound<'py, PyString>, BuildHasherDefault<AddressHasher>>;

/// A hasher for addresses: one multiply, since the keys are few and already distinct
/// (the default SipHash cost more than the dict insertions it served).
#[derive(Default)]
struct AddressHasher(u64);

impl Hasher for AddressHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
}

#[derive(Debug)]
pub(crate) enum ConvertError {
    Py(PyErr),
    Message(String),
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConvertError::Py(e) => write!(f, "{e}"),
            ConvertError::Message(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for ConvertError {}

impl ser::Error for ConvertError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        ConvertError::Message(msg.to_string())
    }
}

impl From<PyErr> for ConvertError {
    fn from(e: PyErr) -> Self {
        ConvertError::Py(e)
    }
}

type Result<T> = std::result::Result<T, ConvertError>;

#[derive(Clone, Copy)]
struct ToPy<'a, 'py> {
    names: &'a Names<'py>,
}

impl<'py> ToPy<'_, 'py> {
    fn py(self) -> Python<'py> {
        self.names.py
    }

    /// `{variant: value}`, as serde_json writes an enum variant with data.
    fn tagged(self, variant: &'static str, value: Bound<'py, PyAny>) -> Result<Bound<'py, PyAny>> {
        let dict = PyDict::new(self.py());
        dict.set_item(self.names.get(variant), value)?;
        Ok(dict.into_any())
    }
}

impl<'a, 'py> ser::Serializer for ToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    type SerializeSeq = Seq<'a, 'py>;
    type SerializeTuple = Seq<'a, 'py>;
    type SerializeTupleStruct = Seq<'a, 'py>;
    type SerializeTupleVariant = Seq<'a, 'py>;
    type SerializeMap = Map<'a, 'py>;
    type SerializeStruct = Map<'a, 'py>;
    type SerializeStructVariant = Map<'a, 'py>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        Ok(PyBool::new(self.py(), v).to_owned().into_any())
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        Ok(PyInt::new(self.py(), v).into_any())
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        let Ok(int) = v.into_pyobject(self.py());
        Ok(int.into_any())
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.serialize_i64(i64::from(v))
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        Ok(PyInt::new(self.py(), v).into_any())
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        let Ok(int) = v.into_pyobject(self.py());
        Ok(int.into_any())
    }
    fn serialize_f32(self, v: f32) -> Result<Self::Ok> {
        // serde_json writes an f32 in its own shortest form ("0.1"), which json.loads
        // reads as the nearest f64 (0.1), not the f32's exact value (0.100000001...).
        if !v.is_finite() {
            return self.serialize_unit();
        }
        let nearest = v.to_string().parse::<f64>().unwrap_or(f64::from(v));
        self.serialize_f64(nearest)
    }
    fn serialize_f64(self, v: f64) -> Result<Self::Ok> {
        if !v.is_finite() {
            return self.serialize_unit();
        }
        Ok(PyFloat::new(self.py(), v).into_any())
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        let text = match self.names.texts.try_borrow_mut() {
            Ok(mut texts) => texts.get(self.py(), v),
            Err(_) => PyString::new(self.py(), v),
        };
        Ok(text.into_any())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Self::Ok> {
        Ok(PyList::new(self.py(), v.iter().map(|b| i64::from(*b)))?.into_any())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        Ok(self.py().None().into_bound(self.py()))
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.names.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        let value = value.serialize(self)?;
        self.tagged(variant, value)
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Self::SerializeSeq> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len.unwrap_or(0)),
            variant: None,
        })
    }
    fn serialize_tuple(self, len: usize) -> Result<Self::SerializeTuple> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Ok(Seq {
            to: self,
            items: Vec::with_capacity(len),
            variant: Some(variant),
        })
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Ok(Map {
            to: self,
            dict: PyDict::new(self.py()),
            key: None,
            variant: None,
        })
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        self.serialize_map(None)
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        let mut map = self.serialize_map(None)?;
        map.variant = Some(variant);
        Ok(map)
    }
}

/// A list being built (or, for a tuple variant, the list inside `{variant: [...]}`).
pub(crate) struct Seq<'a, 'py> {
    to: ToPy<'a, 'py>,
    items: Vec<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Seq<'_, 'py> {
    fn push<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.items.push(value.serialize(self.to)?);
        Ok(())
    }

    fn done(self) -> Result<Bound<'py, PyAny>> {
        let list = PyList::new(self.to.py(), self.items)?.into_any();
        match self.variant {
            Some(variant) => self.to.tagged(variant, list),
            None => Ok(list),
        }
    }
}

impl<'py> ser::SerializeSeq for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

impl<'py> ser::SerializeTuple for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleStruct for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

impl<'py> ser::SerializeTupleVariant for Seq<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        self.push(value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

/// A dict being built (or, for a struct variant, the dict inside `{variant: {...}}`).
pub(crate) struct Map<'a, 'py> {
    to: ToPy<'a, 'py>,
    dict: Bound<'py, PyDict>,
    key: Option<Bound<'py, PyAny>>,
    variant: Option<&'static str>,
}

impl<'py> Map<'_, 'py> {
    fn done(self) -> Result<Bound<'py, PyAny>> {
        let dict = self.dict.into_any();
        match self.variant {
            Some(variant) => self.to.tagged(variant, dict),
            None => Ok(dict),
        }
    }

    fn field<T: ?Sized + Serialize>(&mut self, key: &'static str, value: &T) -> Result<()> {
        let value = value.serialize(self.to)?;
        Ok(self.to.names.set_item(&self.dict, key, value)?)
    }
}

impl<'py> ser::SerializeMap for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<()> {
        self.key = Some(key.serialize(KeyToPy { to: self.to })?);
        Ok(())
    }
    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<()> {
        let value = value.serialize(self.to)?;
        match self.key.take() {
            Some(key) => self.dict.set_item(key, value)?,
            None => return Err(ser::Error::custom("a map value without a key")),
        }
        Ok(())
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

impl<'py> ser::SerializeStruct for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

impl<'py> ser::SerializeStructVariant for Map<'_, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<()> {
        self.field(key, value)
    }
    fn end(self) -> Result<Self::Ok> {
        self.done()
    }
}

/// A map key as the string serde_json writes for it.
struct KeyToPy<'a, 'py> {
    to: ToPy<'a, 'py>,
}

fn key_must_be_a_string() -> ConvertError {
    ser::Error::custom("key must be a string")
}

impl<'a, 'py> ser::Serializer for KeyToPy<'a, 'py> {
    type Ok = Bound<'py, PyAny>;
    type Error = ConvertError;
    type SerializeSeq = ser::Impossible<Self::Ok, ConvertError>;
    type SerializeTuple = ser::Impossible<Self::Ok, ConvertError>;
    type SerializeTupleStruct = ser::Impossible<Self::Ok, ConvertError>;
    type SerializeTupleVariant = ser::Impossible<Self::Ok, ConvertError>;
    type SerializeMap = ser::Impossible<Self::Ok, ConvertError>;
    type SerializeStruct = ser::Impossible<Self::Ok, ConvertError>;
    type SerializeStructVariant = ser::Impossible<Self::Ok, ConvertError>;

    fn serialize_bool(self, v: bool) -> Result<Self::Ok> {
        self.serialize_str(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<Self::Ok> {
        self.serialize_str(&v.to_string())
    }
    fn serialize_f32(self, _v: f32) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_f64(self, _v: f64) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_char(self, v: char) -> Result<Self::Ok> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<Self::Ok> {
        Ok(PyString::new(self.to.py(), v).into_any())
    }
    fn serialize_bytes(self, _v: &[u8]) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_none(self) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_some<T: ?Sized + Serialize>(self, _value: &T) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit(self) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_struct(self, _name: &'static str) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<Self::Ok> {
        Ok(self.to.names.get(variant).into_any())
    }
    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<Self::Ok> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<Self::Ok> {
        Err(key_must_be_a_string())
    }
    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct> {
        Err(key_must_be_a_string())
    }
    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant> {
        Err(key_must_be_a_string())
    }
    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct(self, _name: &'static str, _len: usize) -> Result<Self::SerializeStruct> {
        Err(key_must_be_a_string())
    }
    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant> {
        Err(key_must_be_a_string())
    }
}
