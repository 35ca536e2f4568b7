//! Exports of the claims, figures and documents tables as JSONL, CSV or Parquet.
//!
//! Each table is one SQL query with typed columns; the three writers stream its rows, so an
//! export needs memory for one Parquet row group (8,192 rows), not the table. List columns
//! (carriers, hedges, the source chain) are JSON arrays in JSONL and JSON text in CSV and
//! Parquet.

use std::io::Write;

use rusqlite::types::ValueRef;
use serde_json::Value;

use crate::error::At;
use crate::{Store, StoreError};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
    /// Apache Parquet, Snappy-compressed (needs the `parquet` feature).
    Parquet,
}

impl ExportFormat {
    /// Parses `jsonl`, `csv` or `parquet`.
    #[must_use]
    pub fn parse(name: &str) -> Option<ExportFormat> {
        match name {
            "jsonl" => Some(ExportFormat::Jsonl),
            "csv" => Some(ExportFormat::Csv),
            "parquet" => Some(ExportFormat::Parquet),
            _ => None,
        }
    }
}

/// Which table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportTable {
    /// One row per distinct claim, with its carriers.
    Claims,
    /// One row per figure per document, with its claim and publisher.
    Figures,
    /// One row per document, metadata and body.
    Documents,
}

impl ExportTable {
    /// Parses `claims`, `figures` or `documents`.
    #[must_use]
    pub fn parse(name: &str) -> Option<ExportTable> {
        match name {
            "claims" => Some(ExportTable::Claims),
            "figures" => Some(ExportTable::Figures),
            "documents" => Some(ExportTable::Documents),
            _ => None,
        }
    }

    fn name(self) -> &'static str {
        match self {
            ExportTable::Claims => "claims",
            ExportTable::Figures => "figures",
            ExportTable::Documents => "documents",
        }
    }

    fn columns(self) -> &'static [(&'static str, Type)] {
        use Type::{Bool, Int, Json, Real, Text};
        match self {
            ExportTable::Claims => &[
                ("claim_key", Text),
                ("claimant_kind", Text),
                ("claimant", Text),
                ("claimant_anonymous", Bool),
                ("kind", Text),
                ("content", Text),
                ("said_date", Text),
                ("carriers", Int),
                ("documents", Json),
                ("publishers", Json),
            ],
            ExportTable::Figures => &[
                ("document_id", Text),
                ("figure_id", Text),
                ("measure", Text),
                ("raw", Text),
                ("low", Real),
                ("best", Real),
                ("high", Real),
                ("unit", Text),
                ("approx", Bool),
                ("open_low", Bool),
                ("open_high", Bool),
                ("noun", Text),
                ("subject", Text),
                ("subject_entity", Text),
                ("place", Text),
                ("place_entity", Text),
                ("agent", Text),
                ("agent_entity", Text),
                ("hedges", Json),
                ("convention", Text),
                ("date", Text),
                ("claim_key", Text),
                ("claimant", Text),
                ("publisher", Text),
                ("start", Int),
                ("end", Int),
            ],
            ExportTable::Documents => &[
                ("id", Text),
                ("content_hash", Text),
                ("url", Text),
                ("canonical_url", Text),
                ("title", Text),
                ("publisher", Text),
                ("agency", Text),
                ("byline", Text),
                ("published", Text),
                ("language", Text),
                ("cluster_id", Int),
                ("source_chain", Json),
                ("origin_path", Text),
                ("origin_record", Text),
                ("origin_format", Text),
                ("body", Text),
            ],
        }
    }

    fn sql(self) -> &'static str {
        match self {
            ExportTable::Claims => {
                "SELECT c.key, c.claimant_kind, c.claimant_name, c.claimant_anonymous, c.kind,
                     c.content, c.said_date,
                     (SELECT count(*) FROM claim_instances i WHERE i.claim_pk = c.pk),
                     (SELECT json_group_array(d.id) FROM claim_instances i
                          JOIN documents d ON d.pk = i.doc_pk WHERE i.claim_pk = c.pk),
                     (SELECT json_group_array(DISTINCT s.name) FROM claim_instances i
                          JOIN documents d ON d.pk = i.doc_pk
                          JOIN sources s ON s.id = d.publisher_id WHERE i.claim_pk = c.pk)
                 FROM claims c ORDER BY c.pk"
            }
            ExportTable::Figures => {
                "SELECT d.id, f.id, f.measure, f.raw, f.low, f.best, f.high, f.unit, f.approx,
                     f.open_low, f.open_high, f.noun, f.subject_text, f.subject_entity,
                     f.place_text, f.place_entity, f.agent_text, f.agent_entity, f.hedges,
                     f.convention, f.date, c.key,
                     c.claimant_name, p.name, f.start, f.end
                 FROM figures f
                 JOIN documents d ON d.pk = f.doc_pk
                 LEFT JOIN claims c ON c.pk = f.claim_pk
                 LEFT JOIN sources p ON p.id = d.publisher_id
                 ORDER BY f.doc_pk, f.start"
            }
            ExportTable::Documents => {
                "SELECT d.id, d.content_hash, d.url, d.canonical_url, d.title, p.name, a.name,
                     d.byline, d.published, d.language, d.cluster_id,
                     (SELECT json_group_array(s.name) FROM source_chain sc
                          JOIN sources s ON s.id = sc.source_id WHERE sc.doc_pk = d.pk),
                     d.origin_path, d.origin_record, d.origin_format, t.body
                 FROM documents d
                 JOIN document_text t ON t.pk = d.pk
                 LEFT JOIN sources p ON p.id = d.publisher_id
                 LEFT JOIN sources a ON a.id = d.agency_id
                 ORDER BY d.pk"
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Type {
    Text,
    Int,
    Real,
    Bool,
    Json,
}

/// One cell, owned.
#[derive(Debug, Clone, PartialEq)]
enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

fn cell(value: ValueRef<'_>) -> Cell {
    match value {
        ValueRef::Null => Cell::Null,
        ValueRef::Integer(i) => Cell::Int(i),
        ValueRef::Real(r) => Cell::Real(r),
        ValueRef::Text(t) | ValueRef::Blob(t) => {
            Cell::Text(String::from_utf8_lossy(t).into_owned())
        }
    }
}

impl Store {
    /// Writes `table` to `out` in `format`; returns the number of rows.
    ///
    /// # Errors
    /// [`StoreError::Export`] when writing fails or Parquet is not built in;
    /// [`StoreError::Sqlite`].
    pub fn export(
        &self,
        table: ExportTable,
        format: ExportFormat,
        out: &mut (dyn Write + Send),
        target: &str,
    ) -> Result<u64, StoreError> {
        let columns = table.columns();
        let mut st = self.conn.prepare(table.sql()).at(&self.path)?;
        let mut rows = st.query([]).at(&self.path)?;
        let io = |e: std::io::Error| StoreError::Export {
            target: target.to_owned(),
            message: e.to_string(),
            source: Some(e),
        };
        let mut count = 0u64;
        match format {
            ExportFormat::Jsonl => {
                let mut line = Vec::new();
                while let Some(row) = rows.next().at(&self.path)? {
                    line.clear();
                    for (i, (name, ty)) in columns.iter().enumerate() {
                        let c = cell(row.get_ref(i).at(&self.path)?);
                        json_member(&mut line, i, name, &json_value(c, *ty))
                            .map_err(|e| io(e.into()))?;
                    }
                    line.extend_from_slice(b"}\n");
                    out.write_all(&line).map_err(io)?;
                    count += 1;
                }
            }
            ExportFormat::Csv => {
                let header: Vec<&str> = columns.iter().map(|(n, _)| *n).collect();
                out.write_all(header.join(",").as_bytes()).map_err(io)?;
                out.write_all(b"\r\n").map_err(io)?;
                let mut line = String::new();
                while let Some(row) = rows.next().at(&self.path)? {
                    line.clear();
                    for i in 0..columns.len() {
                        if i > 0 {
                            line.push(',');
                        }
                        csv_field(&mut line, &cell(row.get_ref(i).at(&self.path)?));
                    }
                    line.push_str("\r\n");
                    out.write_all(line.as_bytes()).map_err(io)?;
                    count += 1;
                }
            }
            ExportFormat::Parquet => {
                count = parquet_export::write(
                    table.name(),
                    columns,
                    &mut rows,
                    out,
                    &self.path,
                    target,
                )?;
            }
        }
        out.flush().map_err(io)?;
        Ok(count)
    }
}

/// Appends one `"name":value` member, opening the object before the first: written by
/// hand because a `serde_json::Map` orders its keys alphabetically, and JSONL keeps the
/// table's column order like the CSV header and the Parquet schema.
fn json_member(
    line: &mut Vec<u8>,
    i: usize,
    name: &str,
    value: &Value,
) -> Result<(), serde_json::Error> {
    line.push(if i == 0 { b'{' } else { b',' });
    serde_json::to_writer(&mut *line, name)?;
    line.push(b':');
    serde_json::to_writer(&mut *line, value)
}

fn json_value(c: Cell, ty: Type) -> Value {
    match (c, ty) {
        (Cell::Null, _) => Value::Null,
        (Cell::Int(i), Type::Bool) => Value::Bool(i != 0),
        (Cell::Int(i), _) => Value::from(i),
        (Cell::Real(r), _) => serde_json::Number::from_f64(r).map_or(Value::Null, Value::Number),
        (Cell::Text(t), Type::Json) => serde_json::from_str(&t).unwrap_or(Value::String(t)),
        (Cell::Text(t), _) => Value::String(t),
    }
}

fn csv_field(line: &mut String, c: &Cell) {
    match c {
        Cell::Null => {}
        Cell::Int(i) => line.push_str(&i.to_string()),
        Cell::Real(r) => line.push_str(&r.to_string()),
        Cell::Text(t) => {
            if t.contains([',', '"', '\n', '\r']) {
                line.push('"');
                line.push_str(&t.replace('"', "\"\""));
                line.push('"');
            } else {
                line.push_str(t);
            }
        }
    }
}

#[cfg(feature = "parquet")]
mod parquet_export {
    use std::io::Write;
    use std::sync::Arc;

    use parquet::basic::Compression;
    use parquet::data_type::{BoolType, ByteArray, ByteArrayType, DoubleType, Int64Type};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;

    use super::{Cell, Type, cell};
    use crate::StoreError;
    use crate::error::At;

    const ROW_GROUP: usize = 8192;

    pub(super) fn write(
        table: &str,
        columns: &[(&str, Type)],
        rows: &mut rusqlite::Rows<'_>,
        out: &mut (dyn Write + Send),
        db: &str,
        target: &str,
    ) -> Result<u64, StoreError> {
        let fail = |e: parquet::errors::ParquetError| StoreError::Export {
            target: target.to_owned(),
            message: e.to_string(),
            source: None,
        };
        let fields: Vec<String> = columns
            .iter()
            .map(|(name, ty)| match ty {
                Type::Text | Type::Json => format!("OPTIONAL BYTE_ARRAY {name} (UTF8);"),
                Type::Int => format!("OPTIONAL INT64 {name};"),
                Type::Real => format!("OPTIONAL DOUBLE {name};"),
                Type::Bool => format!("OPTIONAL BOOLEAN {name};"),
            })
            .collect();
        let schema = parse_message_type(&format!("message {table} {{ {} }}", fields.join(" ")))
            .map_err(fail)?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let mut writer =
            SerializedFileWriter::new(out, Arc::new(schema), Arc::new(props)).map_err(fail)?;
        let mut count = 0u64;
        let mut buffer: Vec<Vec<Cell>> = vec![Vec::with_capacity(ROW_GROUP); columns.len()];
        loop {
            let row = rows.next().at(db)?;
            if let Some(row) = row {
                for (i, column) in buffer.iter_mut().enumerate() {
                    column.push(cell(row.get_ref(i).at(db)?));
                }
                count += 1;
            }
            let full = buffer.first().is_some_and(|c| c.len() >= ROW_GROUP);
            let done = row.is_none();
            if full || (done && buffer.first().is_some_and(|c| !c.is_empty())) {
                let mut group = writer.next_row_group().map_err(fail)?;
                let mut i = 0;
                while let Some(mut col) = group.next_column().map_err(fail)? {
                    let cells = std::mem::take(&mut buffer[i]);
                    let defs: Vec<i16> =
                        cells.iter().map(|c| i16::from(*c != Cell::Null)).collect();
                    match columns[i].1 {
                        Type::Text | Type::Json => {
                            let values: Vec<ByteArray> = cells
                                .into_iter()
                                .filter_map(|c| match c {
                                    Cell::Text(t) => Some(ByteArray::from(t.into_bytes())),
                                    Cell::Int(n) => {
                                        Some(ByteArray::from(n.to_string().into_bytes()))
                                    }
                                    Cell::Real(r) => {
                                        Some(ByteArray::from(r.to_string().into_bytes()))
                                    }
                                    Cell::Null => None,
                                })
                                .collect();
                            col.typed::<ByteArrayType>()
                                .write_batch(&values, Some(&defs), None)
                                .map_err(fail)?;
                        }
                        Type::Int => {
                            let values: Vec<i64> = cells
                                .iter()
                                .filter_map(|c| match c {
                                    Cell::Int(n) => Some(*n),
                                    Cell::Real(r) => Some(*r as i64),
                                    _ => None,
                                })
                                .collect();
                            let defs =
                                defs_for(&cells, |c| matches!(c, Cell::Int(_) | Cell::Real(_)));
                            col.typed::<Int64Type>()
                                .write_batch(&values, Some(&defs), None)
                                .map_err(fail)?;
                        }
                        Type::Real => {
                            let values: Vec<f64> = cells
                                .iter()
                                .filter_map(|c| match c {
                                    Cell::Real(r) => Some(*r),
                                    Cell::Int(n) => Some(*n as f64),
                                    _ => None,
                                })
                                .collect();
                            let defs =
                                defs_for(&cells, |c| matches!(c, Cell::Int(_) | Cell::Real(_)));
                            col.typed::<DoubleType>()
                                .write_batch(&values, Some(&defs), None)
                                .map_err(fail)?;
                        }
                        Type::Bool => {
                            let values: Vec<bool> = cells
                                .iter()
                                .filter_map(|c| match c {
                                    Cell::Int(n) => Some(*n != 0),
                                    _ => None,
                                })
                                .collect();
                            let defs = defs_for(&cells, |c| matches!(c, Cell::Int(_)));
                            col.typed::<BoolType>()
                                .write_batch(&values, Some(&defs), None)
                                .map_err(fail)?;
                        }
                    }
                    col.close().map_err(fail)?;
                    i += 1;
                }
                group.close().map_err(fail)?;
                buffer = vec![Vec::with_capacity(ROW_GROUP); columns.len()];
            }
            if done {
                break;
            }
        }
        writer.close().map_err(fail)?;
        Ok(count)
    }

    fn defs_for(cells: &[Cell], present: impl Fn(&Cell) -> bool) -> Vec<i16> {
        cells.iter().map(|c| i16::from(present(c))).collect()
    }
}

#[cfg(not(feature = "parquet"))]
mod parquet_export {
    use std::io::Write;

    use super::Type;
    use crate::StoreError;

    pub(super) fn write(
        _table: &str,
        _columns: &[(&str, Type)],
        _rows: &mut rusqlite::Rows<'_>,
        _out: &mut (dyn Write + Send),
        _db: &str,
        target: &str,
    ) -> Result<u64, StoreError> {
        Err(StoreError::Export {
            target: target.to_owned(),
            message: "this tally was built without Parquet support (cargo feature `parquet`)"
                .to_owned(),
            source: None,
        })
    }
}
