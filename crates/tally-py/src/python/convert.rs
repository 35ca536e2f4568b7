//! Rust values to Python objects: JSON values (store query results) as plain objects;
//! export rows as tuples. Documents go through [`super::objects`].

use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};
use serde_json::Value;

use crate::rows::Cell;

/// A document's JSON text, as `tally extract --format jsonl` prints it.
pub(crate) fn document_json(doc: &tally_core::Document) -> String {
    // Serializing the document model (strings, numbers, enums, vectors) cannot fail.
    serde_json::to_string(doc).unwrap_or_else(|_| "null".to_owned())
}

/// A JSON value as plain Python objects: dicts, lists, str, int, float, bool, None.
pub(crate) fn to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                PyInt::new(py, i).into_any()
            } else if let Some(u) = n.as_u64() {
                PyInt::new(py, u).into_any()
            } else {
                PyFloat::new(py, n.as_f64().unwrap_or(f64::NAN)).into_any()
            }
        }
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(PyString::new(py, key), to_py(py, item)?)?;
            }
            dict.into_any()
        }
    })
}

/// An export row as a tuple.
pub(crate) fn row<'py>(py: Python<'py>, cells: &[Cell]) -> PyResult<Bound<'py, PyTuple>> {
    let items: Vec<Bound<'py, PyAny>> = cells
        .iter()
        .map(|c| match c {
            Cell::Null => py.None().into_bound(py),
            Cell::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
            Cell::Int(i) => PyInt::new(py, *i).into_any(),
            Cell::Real(r) => PyFloat::new(py, *r).into_any(),
            Cell::Text(t) => PyString::new(py, t).into_any(),
        })
        .collect();
    PyTuple::new(py, items)
}
