//! dateline for Python: the module `dateline._dateline`, which the Python
//! package `dateline` (python/dateline) re-exports.
//!
//! Results are the same records as the command line's JSON (`dateline tag`,
//! `entities`, `timeline`), as Python lists and dicts. Work on many texts
//! (`Pipeline.analyse_batch`) runs without the GIL, on every core.

use dateline_core::{Date, Document, DocumentType};
use dateline_pipeline::{Analysis, Pipeline as Engine, Stages};
use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList, PyString};
use rayon::prelude::*;
use serde_json::{json, Value};
use std::sync::OnceLock;

create_exception!(
    _dateline,
    Error,
    PyException,
    "An error of dateline itself (a model that cannot be read, an input it cannot take)."
);

/// A publication date from a `str` (`YYYY-MM-DD`, or an ISO timestamp) or
/// a `datetime.date` / `datetime.datetime`; `ValueError` otherwise.
fn date_of(value: &Bound<'_, PyAny>) -> PyResult<Date> {
    let text: String = match value.extract::<String>() {
        Ok(text) => text,
        Err(_) => match value.call_method0("isoformat").and_then(|iso| iso.extract::<String>()) {
            Ok(text) => text,
            Err(_) => {
                let kind = value.get_type().name().map(|n| n.to_string()).unwrap_or_default();
                return Err(PyValueError::new_err(format!(
                    "dct must be a str 'YYYY-MM-DD' or a datetime.date, not {kind}"
                )));
            }
        },
    };
    dateline_read::parse_date(&text).map_err(|e| PyValueError::new_err(e.message().to_string()))
}

/// A JSON value as Python objects: objects as dicts, arrays as lists.
fn to_python(py: Python<'_>, value: &Value) -> PyResult<PyObject> {
    Ok(match value {
        Value::Null => py.None(),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any().unbind(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any().unbind(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any().unbind(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any().unbind(),
        },
        Value::String(s) => PyString::new(py, s).into_any().unbind(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item)?)?;
            }
            list.into_any().unbind()
        }
        Value::Object(fields) => {
            let dict = PyDict::new(py);
            for (key, item) in fields {
                dict.set_item(key, to_python(py, item)?)?;
            }
            dict.into_any().unbind()
        }
    })
}

fn json_of<T: serde::Serialize>(value: &T) -> PyResult<Value> {
    serde_json::to_value(value).map_err(|e| Error::new_err(e.to_string()))
}

/// Everything a pipeline found in one document, as `analyse_batch` gives it.
fn analysis_json(analysis: &Analysis<'_>) -> PyResult<Value> {
    Ok(json!({
        "id": analysis.document.id,
        "dct": analysis.document.dct.to_string(),
        "type": analysis.document_type.as_str(),
        "timexes": json_of(&analysis.timexes)?,
        "entities": json_of(&analysis.entities)?,
        "entries": json_of(&analysis.entries)?,
    }))
}

/// The pipelines the module's functions share, built on first use.
fn shared(stages: Stages) -> &'static Engine {
    static TIMEXES: OnceLock<Engine> = OnceLock::new();
    static ENTITIES: OnceLock<Engine> = OnceLock::new();
    static TIMELINE: OnceLock<Engine> = OnceLock::new();
    let cell = match stages {
        s if s == Stages::TIMEXES => &TIMEXES,
        s if s == Stages::ENTITIES => &ENTITIES,
        _ => &TIMELINE,
    };
    cell.get_or_init(|| Engine::with_stages(stages))
}

/// Runs `pipeline` over one text without the GIL and gives `pick` of the
/// analysis as Python objects.
fn run<T: serde::Serialize>(
    py: Python<'_>,
    pipeline: &Engine,
    text: &str,
    dct: Date,
    pick: impl for<'a> Fn(&'a Analysis<'_>) -> &'a T + Send + Sync,
) -> PyResult<PyObject> {
    let document = Document::new(dct, text);
    let value = py.allow_threads(|| json_of(pick(&pipeline.analyse(&document))))?;
    to_python(py, &value)
}

/// The temporal expressions of `text`, resolved against `dct`: a list of
/// dicts with `start`, `end`, `text`, `type`, `value` and `mod`.
#[pyfunction]
fn tag(py: Python<'_>, text: &str, dct: &Bound<'_, PyAny>) -> PyResult<PyObject> {
    run(py, shared(Stages::TIMEXES), text, date_of(dct)?, |a| &a.timexes)
}

/// The places (resolved to GeoNames), people and organisations of `text`:
/// a list of dicts with `start`, `end`, `text`, `kind` and, for places,
/// `name`, `lat`, `lon`, `country`, `geonameid`.
#[pyfunction]
#[pyo3(signature = (text, dct=None))]
fn entities(py: Python<'_>, text: &str, dct: Option<&Bound<'_, PyAny>>) -> PyResult<PyObject> {
    let dct = match dct {
        Some(dct) => date_of(dct)?,
        None => Date::new(1970, 1, 1).map_err(|e| Error::new_err(e.to_string()))?,
    };
    run(py, shared(Stages::ENTITIES), text, dct, |a| &a.entities)
}

/// The timeline of `text` published on `dct`: a list of dicts, one per
/// dated event, with `date`, `start`, `end`, `status`, `event`, `text`,
/// `places`, `actors` and `date_source`.
#[pyfunction]
fn timeline(py: Python<'_>, text: &str, dct: &Bound<'_, PyAny>) -> PyResult<PyObject> {
    run(py, shared(Stages::TIMELINE), text, date_of(dct)?, |a| &a.entries)
}

/// A pipeline built once and used for many texts.
#[pyclass(frozen, module = "dateline")]
struct Pipeline {
    inner: Engine,
}

#[pymethods]
impl Pipeline {
    /// A pipeline; `syntax=True` anchors dates and actors by the dependency
    /// tree (slower), `inferred=True` adds the events with no date of their
    /// own, dated from the story; `document_type` is "news", "narrative", "colloquial" or
    /// None (decided for each text).
    #[new]
    #[pyo3(signature = (*, syntax=false, inferred=false, document_type=None))]
    fn new(syntax: bool, inferred: bool, document_type: Option<&str>) -> PyResult<Pipeline> {
        let kind = match document_type {
            None | Some("auto") => None,
            Some("news") => Some(DocumentType::News),
            Some("narrative") => Some(DocumentType::Narrative),
            Some("colloquial") => Some(DocumentType::Colloquial),
            Some(other) => {
                return Err(PyValueError::new_err(format!(
                    "document_type must be 'news', 'narrative', 'colloquial' or None, not {other:?}"
                )))
            }
        };
        let mut stages = if syntax { Stages::TIMELINE_BY_SYNTAX } else { Stages::TIMELINE };
        if inferred {
            stages = Stages { event_mentions: true, inferred: true, ..stages };
        }
        let inner = Engine::try_with_stages(stages).map_err(|e| Error::new_err(e.to_string()))?;
        Ok(Pipeline { inner: inner.reading_as(kind) })
    }

    /// The temporal expressions of `text` (as `dateline.tag`).
    fn tag(&self, py: Python<'_>, text: &str, dct: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        run(py, &self.inner, text, date_of(dct)?, |a| &a.timexes)
    }

    /// The places, people and organisations of `text` (as
    /// `dateline.entities`).
    fn entities(&self, py: Python<'_>, text: &str, dct: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        run(py, &self.inner, text, date_of(dct)?, |a| &a.entities)
    }

    /// The timeline of `text` (as `dateline.timeline`).
    fn timeline(&self, py: Python<'_>, text: &str, dct: &Bound<'_, PyAny>) -> PyResult<PyObject> {
        run(py, &self.inner, text, date_of(dct)?, |a| &a.entries)
    }

    /// Analyses many texts on every core, without the GIL: one dict per
    /// text, in order, with `id`, `dct`, `type`, `timexes`, `entities` and
    /// `entries`. `dcts` gives each text its publication date.
    fn analyse_batch(
        &self,
        py: Python<'_>,
        texts: Vec<String>,
        dcts: Vec<Bound<'_, PyAny>>,
    ) -> PyResult<Vec<PyObject>> {
        if texts.len() != dcts.len() {
            return Err(PyValueError::new_err(format!(
                "{} texts but {} dates: give one date per text",
                texts.len(),
                dcts.len()
            )));
        }
        let dates = dcts.iter().map(date_of).collect::<PyResult<Vec<Date>>>()?;
        let documents: Vec<Document> =
            texts.into_iter().zip(dates).map(|(text, dct)| Document::new(dct, text)).collect();
        let values = py.allow_threads(|| {
            documents
                .par_iter()
                .map(|document| analysis_json(&self.inner.analyse(document)))
                .collect::<PyResult<Vec<Value>>>()
        })?;
        values.iter().map(|value| to_python(py, value)).collect()
    }

    fn __repr__(&self) -> String {
        format!("dateline.Pipeline({:?})", self.inner.stages())
    }
}

/// A record's field as an optional string (`id` may be a number).
fn field(record: &Bound<'_, PyDict>, name: &str) -> PyResult<Option<String>> {
    match record.get_item(name)? {
        None => Ok(None),
        Some(value) if value.is_none() => Ok(None),
        Some(value) => match value.extract::<String>() {
            Ok(text) => Ok(Some(text)),
            Err(_) if name == "id" => Ok(Some(value.str()?.to_string())),
            Err(_) => Err(PyValueError::new_err(format!("\"{name}\" must be a str"))),
        },
    }
}

/// An article from a record as `dateline ingest` reads a JSON line:
/// `text` and `date` (or `dct`) required, `id`, `title`, `url`, `source`
/// optional.
fn document_of(record: &Bound<'_, PyAny>) -> PyResult<Document> {
    let record = record
        .downcast::<PyDict>()
        .map_err(|_| PyValueError::new_err("a record must be a dict with \"text\" and \"date\""))?;
    let text = field(record, "text")?.ok_or_else(|| PyValueError::new_err("no \"text\""))?;
    let date = match record.get_item("date")?.filter(|d| !d.is_none()) {
        Some(date) => date,
        None => record.get_item("dct")?.ok_or_else(|| PyValueError::new_err("no \"date\""))?,
    };
    let mut document = Document::new(date_of(&date)?, text);
    if let Some(id) = field(record, "id")? {
        document.id = id;
    }
    document.title = field(record, "title")?;
    document.url = field(record, "url")?;
    document.source = field(record, "source")?;
    Ok(document)
}

/// A store error as a Python exception: a bad search is the caller's
/// (`ValueError`), the rest dateline's.
fn store_error(error: dateline_store::Error) -> PyErr {
    match error.is_bad_query() {
        true => PyValueError::new_err(error.to_string()),
        false => Error::new_err(error.to_string()),
    }
}

/// The SQLite store `dateline ingest` writes and `dateline serve` reads:
/// articles, their entries, and the events merged across articles.
#[pyclass(module = "dateline")]
struct Store {
    /// One connection; Python threads take turns.
    inner: std::sync::Mutex<dateline_store::Store>,
    path: String,
}

impl Store {
    fn store(&self) -> PyResult<std::sync::MutexGuard<'_, dateline_store::Store>> {
        self.inner.lock().map_err(|_| Error::new_err("the store was left broken by a failed call"))
    }
}

#[pymethods]
impl Store {
    /// Opens the store at `path`, creating it when there is none.
    #[new]
    fn new(path: std::path::PathBuf) -> PyResult<Store> {
        let inner = dateline_store::Store::open(&path).map_err(store_error)?;
        Ok(Store { inner: std::sync::Mutex::new(inner), path: path.display().to_string() })
    }

    /// Analyses and stores articles, then merges the events across the
    /// store. Each record is a dict as a line of `dateline ingest`'s JSON
    /// Lines: `text` and `date` (a str or a `datetime.date`) required,
    /// `id`, `title`, `url`, `source` optional; one already stored (same
    /// id) is left as it is. Returns what was done: `added`, `already`,
    /// `events`, `entries`, `conflicts`, `links`.
    fn ingest(&self, py: Python<'_>, records: Vec<Bound<'_, PyAny>>) -> PyResult<PyObject> {
        let mut documents = Vec::with_capacity(records.len());
        for (n, record) in records.iter().enumerate() {
            let document = document_of(record)
                .map_err(|e| PyValueError::new_err(format!("record {n}: {}", e.value(py))))?;
            documents.push(document);
        }
        let pipeline = shared(Stages::TIMELINE);
        let mut guard = self.store()?;
        let inner = &mut *guard;
        let (added, already, merge) = py
            .allow_threads(|| -> Result<_, dateline_store::Error> {
                let mut fresh = Vec::new();
                let mut already = 0;
                for document in &documents {
                    match inner.contains(&document.id)? {
                        true => already += 1,
                        false => fresh.push(document),
                    }
                }
                fresh.dedup_by(|a, b| a.id == b.id);
                let mut added = 0;
                for chunk in fresh.chunks(256) {
                    let batch: Vec<Analysis<'_>> = chunk.par_iter().map(|d| pipeline.analyse(d)).collect();
                    added += inner.insert(&batch)?;
                }
                Ok((added, already, inner.merge()?))
            })
            .map_err(store_error)?;
        let report = json!({
            "added": added,
            "already": already,
            "events": merge.events,
            "entries": merge.entries,
            "conflicts": merge.conflicts,
            "links": merge.links,
        });
        to_python(py, &report)
    }

    /// The merged events, filtered as `dateline timeline --db` filters
    /// them: `entity` (any name or alias), `place` (with the places in
    /// it), `from_` and `to` (dates), `status`, `q` (full-text search),
    /// `inferred` (also the events dated only from the story), `limit`.
    #[pyo3(signature = (*, entity=None, place=None, from_=None, to=None, status=None, q=None, inferred=false, limit=None))]
    #[allow(clippy::too_many_arguments)]
    fn events(
        &self,
        py: Python<'_>,
        entity: Option<String>,
        place: Option<&str>,
        from_: Option<&Bound<'_, PyAny>>,
        to: Option<&Bound<'_, PyAny>>,
        status: Option<&str>,
        q: Option<String>,
        inferred: bool,
        limit: Option<usize>,
    ) -> PyResult<PyObject> {
        let status = match status {
            None => None,
            Some(name) => Some(serde_json::from_value(Value::String(name.to_string())).map_err(|_| {
                PyValueError::new_err(format!(
                    "status must be occurred, ongoing, scheduled, expected, missed or deadline, not {name:?}"
                ))
            })?),
        };
        let query = dateline_store::Query {
            entity,
            place: place.map(dateline_pipeline::place_filter),
            from: from_.map(date_of).transpose()?,
            to: to.map(date_of).transpose()?,
            status,
            search: q,
            explicit_only: !inferred,
            limit,
            max_sources: None,
        };
        let events = self.store()?.events(&query).map_err(store_error)?;
        to_python(py, &json_of(&events)?)
    }

    /// Every merged event as a pandas DataFrame, one row per event (pandas
    /// is needed for this method only).
    fn to_pandas(&self, py: Python<'_>) -> PyResult<PyObject> {
        let pandas = py.import("pandas").map_err(|_| {
            pyo3::exceptions::PyImportError::new_err("Store.to_pandas needs pandas: pip install pandas")
        })?;
        let events = self.store()?.events(&dateline_store::Query::default()).map_err(store_error)?;
        let rows = to_python(py, &json_of(&events)?)?;
        Ok(pandas.call_method1("DataFrame", (rows,))?.unbind())
    }

    /// How many articles the store holds.
    fn __len__(&self) -> PyResult<usize> {
        self.store()?.document_count().map_err(store_error)
    }

    fn __repr__(&self) -> String {
        format!("dateline.Store({:?})", self.path)
    }
}

/// The extension module.
#[pymodule]
fn _dateline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("Error", m.py().get_type::<Error>())?;
    m.add_function(wrap_pyfunction!(tag, m)?)?;
    m.add_function(wrap_pyfunction!(entities, m)?)?;
    m.add_function(wrap_pyfunction!(timeline, m)?)?;
    m.add_class::<Pipeline>()?;
    m.add_class::<Store>()?;
    Ok(())
}
