"""dateline on Spark: add timelines, temporal expressions or entities to a
PySpark DataFrame of articles, one pipeline per executor process.

>>> from dateline.spark import with_timeline
>>> articles = spark.read.json("articles/")            # columns text, date, ...
>>> with_timeline(articles).selectExpr("id", "explode(entries) AS e").write.parquet("entries/")

Each function uses ``DataFrame.mapInPandas`` (Arrow batches): the rows keep
their columns and gain two, an array of structs with a declared schema and
``error`` (a string, null when all went well). A row whose text or date is
missing, or whose date is not a date, gets a null array and says why in
``error``; the job goes on with the others. The wheel must be installed on
the executors (see the README).
"""

from typing import Any, Callable, Dict, Iterator, List, Optional, Tuple

import dateline

__all__ = ["entry_type", "timex_type", "entity_type", "analyse_frames", "with_timeline", "with_timexes", "with_entities"]


def _types():
    from pyspark.sql import types as T

    return T


def _place_type():
    T = _types()
    return T.StructType(
        [
            T.StructField("name", T.StringType()),
            T.StructField("lat", T.DoubleType()),
            T.StructField("lon", T.DoubleType()),
            T.StructField("country", T.StringType()),
            T.StructField("geonameid", T.LongType()),
        ]
    )


def entry_type():
    """The Spark type of one timeline entry."""
    T = _types()
    return T.StructType(
        [
            T.StructField("date", T.StringType()),
            T.StructField("start", T.StringType()),
            T.StructField("end", T.StringType()),
            T.StructField("status", T.StringType()),
            T.StructField("event", T.StringType()),
            T.StructField("text", T.StringType()),
            T.StructField("date_source", T.StringType()),
            T.StructField("expression", T.StringType()),
            T.StructField("value", T.StringType()),
            T.StructField("places", T.ArrayType(_place_type())),
            T.StructField("actors", T.ArrayType(T.StringType())),
        ]
    )


def timex_type():
    """The Spark type of one temporal expression."""
    T = _types()
    return T.StructType(
        [
            T.StructField("start", T.LongType()),
            T.StructField("end", T.LongType()),
            T.StructField("text", T.StringType()),
            T.StructField("type", T.StringType()),
            T.StructField("value", T.StringType()),
            T.StructField("mod", T.StringType()),
        ]
    )


def entity_type():
    """The Spark type of one place, person or organisation."""
    T = _types()
    return T.StructType(
        [
            T.StructField("start", T.LongType()),
            T.StructField("end", T.LongType()),
            T.StructField("text", T.StringType()),
            T.StructField("kind", T.StringType()),
            T.StructField("name", T.StringType()),
            T.StructField("lat", T.DoubleType()),
            T.StructField("lon", T.DoubleType()),
            T.StructField("country", T.StringType()),
            T.StructField("geonameid", T.LongType()),
        ]
    )


def _entry(e: Dict[str, Any]) -> Dict[str, Any]:
    timex = e.get("timex") or {}
    return {
        "date": e["date"],
        "start": e["start"],
        "end": e["end"],
        "status": e["status"],
        "event": e["event"],
        "text": e["text"],
        "date_source": e.get("date_source"),
        "expression": timex.get("text"),
        "value": timex.get("value"),
        "places": [{k: p.get(k) for k in ("name", "lat", "lon", "country", "geonameid")} for p in e["places"]],
        "actors": list(e["actors"]),
    }


def _timex(t: Dict[str, Any]) -> Dict[str, Any]:
    return {k: t.get(k) for k in ("start", "end", "text", "type", "value", "mod")}


def _entity(t: Dict[str, Any]) -> Dict[str, Any]:
    return {k: t.get(k) for k in ("start", "end", "text", "kind", "name", "lat", "lon", "country", "geonameid")}


# What each function adds: the analysis field it reads and how an element
# becomes a row of the declared struct.
_KINDS: Dict[str, Tuple[str, Callable[[Dict[str, Any]], Dict[str, Any]]]] = {
    "entries": ("entries", _entry),
    "timexes": ("timexes", _timex),
    "entities": ("entities", _entity),
}

# One pipeline per executor process and set of options, built on first use.
_PIPELINES: Dict[Tuple[bool, bool, Optional[str]], "dateline.Pipeline"] = {}


def _pipeline(syntax: bool, inferred: bool, document_type: Optional[str]) -> "dateline.Pipeline":
    key = (syntax, inferred, document_type)
    if key not in _PIPELINES:
        _PIPELINES[key] = dateline.Pipeline(syntax=syntax, inferred=inferred, document_type=document_type)
    return _PIPELINES[key]


def _missing(value: Any) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _date_text(value: Any) -> Any:
    # pandas gives Timestamps for date columns: their day is the date.
    if hasattr(value, "date") and callable(value.date) and hasattr(value, "hour"):
        return value.date()
    return value


def analyse_frames(
    frames: Iterator[Any],
    kind: str,
    text: str = "text",
    date: str = "date",
    column: Optional[str] = None,
    error: str = "error",
    syntax: bool = False,
    inferred: bool = False,
    document_type: Optional[str] = None,
) -> Iterator[Any]:
    """The function ``mapInPandas`` runs: for each pandas DataFrame of
    articles, the same rows with a column of ``kind`` (``entries``,
    ``timexes`` or ``entities``) added as lists of dicts, and a column
    ``error``: why a row has none (no text, no date, a date that is not
    one), else None. Usable without Spark on any iterator of pandas
    DataFrames."""
    field, convert = _KINDS[kind]
    column = column or kind
    pipeline = _pipeline(syntax, inferred, document_type)
    for frame in frames:
        texts: List[Any] = list(frame[text])
        dates: List[Any] = [_date_text(d) for d in frame[date]]
        values: List[Optional[List[Dict[str, Any]]]] = [None] * len(texts)
        errors: List[Optional[str]] = [None] * len(texts)
        rows = []
        for i, (t, d) in enumerate(zip(texts, dates)):
            if _missing(t) or not isinstance(t, str):
                errors[i] = f"no text in column {text!r}" if _missing(t) else f"{text!r} is not a string"
            elif _missing(d):
                errors[i] = f"no date in column {date!r}"
            else:
                rows.append(i)
        try:
            results = pipeline.analyse_batch([texts[i] for i in rows], [dates[i] for i in rows])
            for i, result in zip(rows, results):
                values[i] = [convert(x) for x in result[field]]
        except ValueError:
            # A bad date: one row at a time, so that only that row fails.
            for i in rows:
                try:
                    result = pipeline.analyse_batch([texts[i]], [dates[i]])[0]
                    values[i] = [convert(x) for x in result[field]]
                except ValueError as bad:
                    errors[i] = str(bad)
        out = frame.copy()
        out[column] = values
        out[error] = errors
        yield out


def _with(df, kind: str, element, text: str, date: str, column: Optional[str], error: str, **options):
    T = _types()
    column = column or kind
    for name, argument in ((column, "column"), (error, "error")):
        if name in df.columns:
            raise ValueError(f"the DataFrame already has a column {name!r}: name another with {argument}=")
    for name in (text, date):
        if name not in df.columns:
            raise ValueError(f"the DataFrame has no column {name!r} (its columns: {', '.join(df.columns)})")
    schema = T.StructType(
        df.schema.fields
        + [T.StructField(column, T.ArrayType(element)), T.StructField(error, T.StringType())]
    )

    def run(frames):
        return analyse_frames(frames, kind, text, date, column, error, **options)

    return df.mapInPandas(run, schema)


def with_timeline(df, text="text", date="date", column=None, error="error", **options):
    """``df`` with a column ``entries`` (or ``column``): each article's
    timeline entries (see ``entry_type()``), and ``error`` (see the module).
    ``options``: ``syntax``, ``inferred``, ``document_type`` as
    ``dateline.Pipeline`` takes them."""
    return _with(df, "entries", entry_type(), text, date, column, error, **options)


def with_timexes(df, text="text", date="date", column=None, error="error", **options):
    """``df`` with a column ``timexes``: each article's temporal expressions
    (see ``timex_type()``), and ``error``."""
    return _with(df, "timexes", timex_type(), text, date, column, error, **options)


def with_entities(df, text="text", date="date", column=None, error="error", **options):
    """``df`` with a column ``entities``: each article's places, people and
    organisations (see ``entity_type()``), and ``error``."""
    return _with(df, "entities", entity_type(), text, date, column, error, **options)
