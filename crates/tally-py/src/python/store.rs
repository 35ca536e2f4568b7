//! `tally._native.Store`: queries over a `tally ingest` database.

use std::path::PathBuf;
use std::sync::Mutex;

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use tally_store::browse::ClaimFilter;
use tally_store::{ExportFormat, ExportTable, Prepared, SearchScope, TimelineQuery};

use super::{convert, raise};
use crate::Error;

/// A tally database. Queries hold a lock on the connection, so one `Store` may be shared
/// by threads; each call runs with the GIL released.
#[pyclass(module = "tally._native", frozen)]
pub(crate) struct Store {
    inner: Mutex<tally_store::Store>,
    path: String,
}

impl Store {
    fn with<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut tally_store::Store) -> Result<T, Error> + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let mut store = self.inner.lock().map_err(|_| Error::InvalidArgument {
                what: "store",
                value: self.path.clone(),
                reason: "a previous call panicked while holding it".to_owned(),
            })?;
            f(&mut store)
        })
        .map_err(|e| raise(py, &e))
    }
}

fn json<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or(serde_json::Value::Null)
}

#[pymethods]
impl Store {
    #[new]
    #[pyo3(signature = (path, *, create=false))]
    fn new(py: Python<'_>, path: PathBuf, create: bool) -> PyResult<Store> {
        let name = path.display().to_string();
        let store = py
            .detach(|| {
                if create {
                    tally_store::Store::open(&path)
                } else if !path.exists() {
                    Err(tally_store::StoreError::InvalidArgument {
                        what: "database",
                        value: name.clone(),
                        reason: "no such file; pass create=True to make one".to_owned(),
                    })
                } else {
                    tally_store::Store::open_read_only(&path)
                }
            })
            .map_err(|e| raise(py, &Error::from(e)))?;
        Ok(Store {
            inner: Mutex::new(store),
            path: name,
        })
    }

    #[getter]
    fn path(&self) -> &str {
        &self.path
    }

    #[pyo3(signature = (*, q=None, speaker=None, entity=None, measure=None, place=None, since=None, until=None, kind=None, anonymous=None, document=None, limit=20, offset=0))]
    #[allow(clippy::too_many_arguments)]
    fn claims<'py>(
        &self,
        py: Python<'py>,
        q: Option<String>,
        speaker: Option<String>,
        entity: Option<String>,
        measure: Option<String>,
        place: Option<String>,
        since: Option<String>,
        until: Option<String>,
        kind: Option<String>,
        anonymous: Option<bool>,
        document: Option<String>,
        limit: u32,
        offset: u32,
    ) -> PyResult<Bound<'py, PyAny>> {
        // The store reads 0 as 20 and caps at 200: both would answer another page size
        // than asked, silently. Refused as /api/claims refuses them.
        in_range(
            "limit",
            i64::from(limit),
            1,
            i64::from(tally_store::browse::MAX_PAGE),
        )
        .map_err(|e| raise(py, &e))?;
        let filter = ClaimFilter {
            q,
            speaker,
            entity,
            measure,
            place,
            since,
            until,
            kind,
            anonymous,
            document,
            limit,
            offset,
        };
        let page = self.with(py, |s| Ok(json(&s.claims(&filter)?)))?;
        convert::to_py(py, &page)
    }

    fn claim<'py>(&self, py: Python<'py>, key: String) -> PyResult<Bound<'py, PyAny>> {
        let detail = self.with(py, |s| Ok(json(&s.claim(&key)?)))?;
        convert::to_py(py, &detail)
    }

    #[pyo3(signature = (measure, *, subject=None, place=None, agent=None, since=None, until=None, window_days=7, limit=10_000))]
    #[allow(clippy::too_many_arguments)]
    fn timeline<'py>(
        &self,
        py: Python<'py>,
        measure: String,
        subject: Option<String>,
        place: Option<String>,
        agent: Option<String>,
        since: Option<String>,
        until: Option<String>,
        window_days: i64,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        // A negative window flags nothing; the API's bound.
        in_range("window_days", window_days, 0, 3660).map_err(|e| raise(py, &e))?;
        let query = TimelineQuery {
            measure,
            subject,
            place,
            agent,
            since,
            until,
            window_days,
            limit,
        };
        let timeline = self.with(py, |s| Ok(json(&s.timeline(&query)?)))?;
        convert::to_py(py, &timeline)
    }

    #[pyo3(signature = (query, *, scope="both", limit=20))]
    fn search<'py>(
        &self,
        py: Python<'py>,
        query: String,
        scope: &str,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let scope = match scope {
            "documents" => SearchScope::Documents,
            "claims" => SearchScope::Claims,
            "both" => SearchScope::Both,
            _ => {
                return Err(PyValueError::new_err(format!(
                    "scope must be \"documents\", \"claims\" or \"both\", not {scope:?}"
                )));
            }
        };
        let hits = self.with(py, |s| Ok(json(&s.search(&query, scope, limit)?)))?;
        convert::to_py(py, &hits)
    }

    #[pyo3(signature = (*, min_size=2, limit=20, members=10))]
    fn sources<'py>(
        &self,
        py: Python<'py>,
        min_size: u64,
        limit: usize,
        members: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let clusters = self.with(py, |s| Ok(json(&s.sources(min_size, limit, members)?)))?;
        convert::to_py(py, &clusters)
    }

    /// Every row of an export table, as `tally export --format jsonl` prints them.
    fn export<'py>(&self, py: Python<'py>, table: &str) -> PyResult<Bound<'py, PyAny>> {
        let table = ExportTable::parse(table).ok_or_else(|| {
            PyValueError::new_err(format!(
                "unknown table {table:?}: expected \"claims\", \"figures\" or \"documents\""
            ))
        })?;
        let rows = self.with(py, |s| {
            let mut out = Vec::new();
            s.export(table, ExportFormat::Jsonl, &mut out, "python")?;
            let rows: Vec<serde_json::Value> = out
                .split(|b| *b == b'\n')
                .filter(|line| !line.is_empty())
                .filter_map(|line| serde_json::from_slice(line).ok())
                .collect();
            Ok(serde_json::Value::Array(rows))
        })?;
        convert::to_py(py, &rows)
    }

    /// Stores documents given as JSON text (the Python wrapper serializes the dicts).
    fn add_json<'py>(
        &self,
        py: Python<'py>,
        documents: Vec<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let stats = self.with(py, |s| {
            let mut prepared = Vec::with_capacity(documents.len());
            for (i, text) in documents.iter().enumerate() {
                let doc: tally_core::Document =
                    serde_json::from_str(text).map_err(|e| Error::InvalidArgument {
                        what: "document",
                        value: format!("item {i}"),
                        reason: e.to_string(),
                    })?;
                prepared.push(Prepared::new(doc));
            }
            let stats = s.write(&prepared, &[])?;
            Ok(serde_json::json!({
                "inserted": stats.inserted,
                "skipped": stats.skipped,
                "claims": stats.claims,
            }))
        })?;
        convert::to_py(py, &stats)
    }

    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let counts = self.with(py, |s| {
            let c = s.counts()?;
            Ok(serde_json::json!({
                "documents": c.documents,
                "claims": c.claims,
                "claim_carriers": c.claim_carriers,
                "figures": c.figures,
                "errors": c.errors,
                "clusters": c.clusters,
            }))
        })?;
        convert::to_py(py, &counts)
    }
}

/// `value` within `low..=high`, else the `S004` error a bad query argument raises.
fn in_range(what: &'static str, value: i64, low: i64, high: i64) -> Result<(), Error> {
    if (low..=high).contains(&value) {
        Ok(())
    } else {
        Err(Error::InvalidArgument {
            what,
            value: value.to_string(),
            reason: format!("expected {low} to {high}"),
        })
    }
}
