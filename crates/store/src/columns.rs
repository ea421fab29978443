//! Typed values read back from their text columns.
//!
//! The store writes each value of the vocabulary as the string it
//! serialises to (`occurred`, `2020-11-25`, `place`, `ON_OR_AFTER`), so one
//! rule reads them all back: deserialise the string. A value that does not
//! read back becomes a conversion error of its column, which the store
//! reports as an unreadable row.

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ValueRef};
use rusqlite::Row;
use serde::de::value::{Error as DeError, StrDeserializer};
use serde::de::DeserializeOwned;

/// A value of the vocabulary, stored as its serialised string.
struct Typed<T>(T);

impl<T: DeserializeOwned> FromSql for Typed<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let text = value.as_str()?;
        T::deserialize(StrDeserializer::<DeError>::new(text)).map(Typed).map_err(FromSqlError::other)
    }
}

/// A list or record stored as JSON text.
struct Json<T>(T);

impl<T: DeserializeOwned> FromSql for Json<T> {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        serde_json::from_str(value.as_str()?).map(Json).map_err(FromSqlError::other)
    }
}

/// Column `index` of `row`, read as the value it was written from.
pub(crate) fn typed<T: DeserializeOwned>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    row.get::<_, Typed<T>>(index).map(|typed| typed.0)
}

/// Column `index` of `row` when it is not NULL, read as the value it was
/// written from.
pub(crate) fn typed_or_null<T: DeserializeOwned>(row: &Row<'_>, index: usize) -> rusqlite::Result<Option<T>> {
    Ok(row.get::<_, Option<Typed<T>>>(index)?.map(|typed| typed.0))
}

/// Column `index` of `row`, a JSON text.
pub(crate) fn json<T: DeserializeOwned>(row: &Row<'_>, index: usize) -> rusqlite::Result<T> {
    row.get::<_, Json<T>>(index).map(|json| json.0)
}
