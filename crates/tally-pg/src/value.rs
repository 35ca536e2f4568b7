//! Store values, and the typed arrays they travel to PostgreSQL in (one array per column,
//! expanded by `unnest`, so a batch of rows is one statement).

use postgres::types::ToSql;

use crate::sqlite::Type;

/// One SQLite value, as stored (SQLite columns are dynamically typed).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

impl Value {
    /// Reads column `i` of a SQLite row. Text that is not UTF-8 is read lossily, since
    /// PostgreSQL text must be valid UTF-8.
    pub fn read(row: &rusqlite::Row<'_>, i: usize) -> rusqlite::Result<Value> {
        use rusqlite::types::ValueRef;
        Ok(match row.get_ref(i)? {
            ValueRef::Null => Value::Null,
            ValueRef::Integer(v) => Value::Int(v),
            ValueRef::Real(v) => Value::Real(v),
            ValueRef::Text(b) => Value::Text(String::from_utf8_lossy(b).into_owned()),
            ValueRef::Blob(b) => Value::Blob(b.to_vec()),
        })
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(v) => Some(*v),
            _ => None,
        }
    }

    /// A canonical string for comparing natural keys read from either side.
    pub fn key(&self) -> String {
        match self {
            Value::Null => String::new(),
            Value::Int(v) => v.to_string(),
            Value::Real(v) => v.to_string(),
            Value::Text(s) => pg_text(s),
            Value::Blob(b) => hex(b),
        }
    }

    /// Bytes this value carries, for throughput figures.
    pub fn size(&self) -> usize {
        match self {
            Value::Null => 0,
            Value::Int(_) | Value::Real(_) => 8,
            Value::Text(s) => s.len(),
            Value::Blob(b) => b.len(),
        }
    }
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// PostgreSQL text cannot hold NUL; a space keeps every byte offset into the text right.
fn pg_text(s: &str) -> String {
    if s.contains('\0') {
        s.replace('\0', " ")
    } else {
        s.to_owned()
    }
}

/// One column of a batch.
#[derive(Debug)]
pub enum Array {
    Int(Vec<Option<i64>>),
    Real(Vec<Option<f64>>),
    Text(Vec<Option<String>>),
    Blob(Vec<Option<Vec<u8>>>),
}

impl Array {
    pub fn new(ty: Type) -> Array {
        match ty {
            Type::Int => Array::Int(Vec::new()),
            Type::Real => Array::Real(Vec::new()),
            Type::Text => Array::Text(Vec::new()),
            Type::Blob => Array::Blob(Vec::new()),
        }
    }

    /// The PostgreSQL array type, for the `unnest($n::T[])` cast.
    pub fn cast(ty: Type) -> String {
        format!("{}[]", ty.pg())
    }

    /// Appends a value converted to the column's type; a value that cannot be converted is
    /// an error message (an integer column holding text that is no number).
    pub fn push(&mut self, value: &Value) -> Result<(), String> {
        match self {
            Array::Int(v) => v.push(match value {
                Value::Null => None,
                Value::Int(i) => Some(*i),
                #[allow(clippy::cast_possible_truncation)]
                Value::Real(r) if r.fract() == 0.0 && r.abs() < 9.0e18 => Some(*r as i64),
                Value::Text(s) => Some(
                    s.trim()
                        .parse()
                        .map_err(|_| format!("{s:?} is not an integer"))?,
                ),
                other => return Err(format!("{other:?} is not an integer")),
            }),
            Array::Real(v) => v.push(match value {
                Value::Null => None,
                #[allow(clippy::cast_precision_loss)]
                Value::Int(i) => Some(*i as f64),
                Value::Real(r) => Some(*r),
                Value::Text(s) => Some(
                    s.trim()
                        .parse()
                        .map_err(|_| format!("{s:?} is not a number"))?,
                ),
                Value::Blob(_) => return Err("a blob is not a number".to_owned()),
            }),
            Array::Text(v) => v.push(match value {
                Value::Null => None,
                Value::Blob(b) => Some(pg_text(&String::from_utf8_lossy(b))),
                other => Some(other.key()),
            }),
            Array::Blob(v) => v.push(match value {
                Value::Null => None,
                Value::Blob(b) => Some(b.clone()),
                Value::Text(s) => Some(s.as_bytes().to_vec()),
                other => Some(other.key().into_bytes()),
            }),
        }
        Ok(())
    }

    pub fn sql(&self) -> &(dyn ToSql + Sync) {
        match self {
            Array::Int(v) => v,
            Array::Real(v) => v,
            Array::Text(v) => v,
            Array::Blob(v) => v,
        }
    }
}

/// Reads column `i` of a PostgreSQL row of type `ty` as a canonical key string.
pub fn pg_key(row: &postgres::Row, i: usize, ty: Type) -> Result<String, postgres::Error> {
    Ok(match ty {
        Type::Int => row.try_get::<_, Option<i64>>(i)?.map(|v| v.to_string()),
        Type::Real => row.try_get::<_, Option<f64>>(i)?.map(|v| v.to_string()),
        Type::Text => row.try_get::<_, Option<String>>(i)?,
        Type::Blob => row.try_get::<_, Option<Vec<u8>>>(i)?.map(|b| hex(&b)),
    }
    .unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<i64>().prop_map(Value::Int),
            any::<f64>().prop_map(Value::Real),
            ".{0,20}".prop_map(Value::Text),
            proptest::collection::vec(any::<u8>(), 0..20).prop_map(Value::Blob),
        ]
    }

    #[test]
    fn values_convert_to_the_column_type() {
        let mut ints = Array::new(Type::Int);
        ints.push(&Value::Text(" 42".into())).unwrap();
        ints.push(&Value::Real(7.0)).unwrap();
        assert!(ints.push(&Value::Text("n/a".into())).is_err());
        assert!(ints.push(&Value::Real(0.5)).is_err());
        let mut texts = Array::new(Type::Text);
        texts.push(&Value::Int(5)).unwrap();
        texts.push(&Value::Text("a\0b".into())).unwrap();
        match texts {
            Array::Text(v) => assert_eq!(v, [Some("5".into()), Some("a b".into())]),
            other => panic!("{other:?}"),
        }
    }

    proptest! {
        #[test]
        fn any_value_into_any_column_without_panic(v in value()) {
            for ty in [Type::Int, Type::Real, Type::Text, Type::Blob] {
                let _ = Array::new(ty).push(&v);
            }
            let _ = v.key();
        }
    }
}
