//! The store's one error type.

use std::error::Error as StdError;
use std::fmt;

/// Why a store call failed: the database, the caller's query, or a stored
/// row that does not read back.
///
/// The kinds are private; a caller picks its response from
/// [`Error::is_bad_query`] (the caller can fix it: an HTTP 400),
/// [`Error::is_database`] and [`Error::is_unreadable_row`] (the store's
/// fault: a 500), [`Error::is_timed_out`] (a read past its deadline: a
/// 503) or [`Error::is_cancelled`]. The cause is kept as [`std::error::Error::source`].
///
/// ```
/// use dateline_store::{Query, Store};
/// let store = Store::open_in_memory()?;
/// // An unbalanced parenthesis is not FTS5: the caller's to fix.
/// let error = store.events(&Query { search: Some("(talks".into()), ..Query::default() }).unwrap_err();
/// assert!(error.is_bad_query() && !error.is_database());
/// assert!(std::error::Error::source(&error).is_some());
/// # Ok::<(), dateline_store::Error>(())
/// ```
#[derive(Debug)]
pub struct Error {
    kind: Kind,
    /// What was being done, when the cause does not say: the file opened.
    context: Option<String>,
    source: Box<dyn StdError + Send + Sync>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// SQLite failed: I/O, a corrupt, locked or unreadable file, a table
    /// missing from the schema.
    Database,
    /// The query cannot run as asked: a search that is not FTS5, a limit
    /// out of range.
    BadQuery,
    /// A stored value does not read back as the type it was written from
    /// (a status the store never writes, a date that is not one, a broken
    /// JSON column): the file was changed behind the store's back.
    UnreadableRow,
    /// A read ran past its [`Deadline`](crate::Deadline).
    TimedOut,
    /// A read was called off by whoever asked for it.
    Cancelled,
    /// Another writer held the store longer than the store waits.
    Busy,
}

impl Error {
    /// Whether the query is at fault (the caller can change it), not the
    /// store.
    pub fn is_bad_query(&self) -> bool {
        self.kind == Kind::BadQuery
    }

    /// Whether the database failed: I/O, a corrupt file, a missing
    /// table.
    pub fn is_database(&self) -> bool {
        self.kind == Kind::Database
    }

    /// Whether a stored row could not be read back as what it was written
    /// from.
    pub fn is_unreadable_row(&self) -> bool {
        self.kind == Kind::UnreadableRow
    }

    /// Whether a read ran past its [`Deadline`](crate::Deadline): the
    /// store is busy or the query too costly, so a later or narrower one
    /// may succeed (an HTTP 503).
    pub fn is_timed_out(&self) -> bool {
        self.kind == Kind::TimedOut
    }

    /// Whether another process (an ingest, another server) held the
    /// store locked for longer than the store waits for it: retry later
    /// (an HTTP 503).
    pub fn is_busy(&self) -> bool {
        self.kind == Kind::Busy
    }

    /// Whether a read was called off through
    /// [`Deadline::cancel`](crate::Deadline::cancel).
    pub fn is_cancelled(&self) -> bool {
        self.kind == Kind::Cancelled
    }

    /// Whether SQLite stopped the statement under way (a deadline's
    /// doing).
    pub(crate) fn is_interrupted(&self) -> bool {
        self.source.downcast_ref::<rusqlite::Error>().and_then(rusqlite::Error::sqlite_error_code)
            == Some(rusqlite::ErrorCode::OperationInterrupted)
    }

    pub(crate) fn timed_out(limit: std::time::Duration) -> Error {
        let cause = format!("the query ran past its time limit of {} s", limit.as_secs_f64());
        Error { kind: Kind::TimedOut, context: None, source: cause.into() }
    }

    pub(crate) fn cancelled() -> Error {
        Error { kind: Kind::Cancelled, context: None, source: "the query was called off".into() }
    }

    pub(crate) fn bad_query(cause: impl Into<Box<dyn StdError + Send + Sync>>) -> Error {
        Error { kind: Kind::BadQuery, context: None, source: cause.into() }
    }

    /// The store file at `path` could not be opened or set up.
    pub(crate) fn opening(path: &std::path::Path, cause: rusqlite::Error) -> Error {
        Error { context: Some(path.display().to_string()), ..Error::from(cause) }
    }

    /// An error of running a full-text match: SQLite reports a search it
    /// cannot parse as a plain SQL error while stepping through the rows,
    /// and only a query that matches runs into one there.
    pub(crate) fn matching(cause: rusqlite::Error) -> Error {
        match cause.sqlite_error_code() {
            Some(rusqlite::ErrorCode::Unknown) => Error::bad_query(cause),
            _ => Error::from(cause),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(cause: rusqlite::Error) -> Error {
        use rusqlite::Error as E;
        let kind = match cause {
            E::FromSqlConversionFailure(..)
            | E::InvalidColumnType(..)
            | E::IntegralValueOutOfRange(..)
            | E::Utf8Error(..) => Kind::UnreadableRow,
            _ if matches!(
                cause.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
            ) =>
            {
                Kind::Busy
            }
            _ => Kind::Database,
        };
        Error { kind, context: None, source: Box::new(cause) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cause = &self.source;
        match (self.kind, &self.context) {
            (_, Some(context)) => write!(f, "{context}: {cause}"),
            (Kind::Database, None) => write!(f, "database: {cause}"),
            (Kind::BadQuery, None) => write!(f, "bad query: {cause}"),
            (Kind::UnreadableRow, None) => write!(f, "a stored row does not read back: {cause}"),
            (Kind::TimedOut | Kind::Cancelled, None) => write!(f, "{cause}"),
            (Kind::Busy, None) => write!(f, "the store is busy with another writer: {cause}"),
        }
    }
}

impl StdError for Error {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        Some(&*self.source)
    }
}
