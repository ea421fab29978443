//! The embedded store: articles, their expressions, entities and timeline
//! entries in one SQLite file (FTS5 for search), the events merged across
//! articles, and the queries and exports over them.
//!
//! ```
//! use dateline_store::{Query, Store};
//! let store = Store::open_in_memory().unwrap();
//! assert!(store.events(&Query::default()).unwrap().is_empty());
//! ```
//!
//! One concern a file: `model` (the types handed out and taken in),
//! `store` (opening), `write` (articles and failures in), `merge` (the
//! cross-document merge as plain Rust), `merge_sqlite` (its entries read
//! and its events written), `query` (everything read back), `deadline`
//! (reads with a time limit), `columns` (typed values from text columns),
//! `schema`, `export` and `error`.

mod columns;
mod deadline;
mod error;
mod export;
mod identity;
mod merge;
mod merge_sqlite;
mod model;
mod query;
mod schema;
mod store;
mod write;

pub use deadline::Deadline;
pub use error::Error;
pub use export::{csv_field, html_escape, timelinejs_date, to_csv, to_timelinejs};
pub use identity::{event_stems, same_event_word};
pub use model::{
    DocumentSummary, EntityCount, Event, Failure, Link, MergeReport, PlaceCount, Query, Source,
    StoredDocument, StoredEntity, StoredEntry, StoredTimex,
};
pub use store::Store;
