//! The embedded store: articles, their expressions, entities and timeline
//! entries in one SQLite file (FTS5 for search), the events merged across
//! articles, and the queries and exports over them.
//!
//! ```
//! use dateline_store::{Query, Store};
//! let store = Store::open_in_memory().unwrap();
//! assert!(store.events(&Query::default()).unwrap().is_empty());
//! ```

mod export;
mod merge;
mod schema;

use dateline_pipeline::{Analysis, PlaceFilter};
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use std::fmt;
use std::path::Path;

pub use export::{csv_field, to_csv, to_timelinejs};
pub use merge::MergeReport;

/// A store error: what failed, in words.
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Error {
        Error(format!("database: {e}"))
    }
}

impl From<serde_json::Error> for Error {
    fn from(e: serde_json::Error) -> Error {
        Error(format!("database JSON column: {e}"))
    }
}

/// A document that could not be ingested, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Failure {
    /// The file (or `<stdin>`).
    pub source: String,
    /// The line in it.
    pub line: usize,
    /// What was wrong.
    pub reason: String,
}

/// An event merged across articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Stable within one merge.
    pub id: i64,
    /// The TIMEX3 value most sources give.
    pub date: String,
    /// First day.
    pub start: String,
    /// Last day (inclusive).
    pub end: String,
    /// The status most sources give.
    pub status: String,
    /// The event word.
    pub event: String,
    /// The clause of the first source.
    pub text: String,
    /// Sources disagree on the date: every date they give is in `dates`.
    pub conflict: bool,
    /// Every date the sources give.
    pub dates: Vec<String>,
    /// Places, by name.
    pub places: Vec<String>,
    /// People and organisations.
    pub actors: Vec<String>,
    /// A planned or missed date linked to the date it happened, or back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<Link>,
    /// How many articles tell it.
    pub source_count: usize,
    /// The articles that tell it, in the order they were stored (at most
    /// the query's `max_sources`).
    pub sources: Vec<Source>,
}

/// The other side of a planned/happened pair: "due November 15, happened
/// November 25".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// The linked event.
    pub event: i64,
    /// Its date.
    pub date: String,
    /// Its status.
    pub status: String,
}

/// One article's telling of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The article id.
    pub doc: String,
    /// Its publication date.
    pub dct: String,
    /// Its title, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its address, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The sentence that supports the event.
    pub sentence: String,
    /// The date this article gives.
    pub date: String,
    /// The status this article gives.
    pub status: String,
    /// The date phrase as written.
    pub expression: String,
}

/// Filters of a timeline query; every field is optional.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// A person or organisation (substring, case-insensitive).
    pub entity: Option<String>,
    /// Place names that match, with the places inside them: an event
    /// matches when one of its places has one of these names, or lies in
    /// one of `within` (country code, optional admin1 code).
    pub place: Option<PlaceFilter>,
    /// First day (inclusive), `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last day (inclusive), `YYYY-MM-DD`.
    pub to: Option<String>,
    /// One status.
    pub status: Option<String>,
    /// Full-text search (FTS5 syntax) over the supporting sentences, the
    /// actors, and the title and opening of the articles that tell the
    /// event (so a story's name finds the whole story).
    pub search: Option<String>,
    /// At most this many events (all when None).
    pub limit: Option<usize>,
    /// At most this many sources listed per event (all when None); the
    /// count is always given.
    pub max_sources: Option<usize>,
}

/// The store.
pub struct Store {
    conn: Connection,
}

impl Store {
    /// Opens (or creates) the store at `path`.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let conn = Connection::open(path).map_err(|e| Error(format!("{}: {e}", path.display())))?;
        Store::with(conn)
    }

    /// A store in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, Error> {
        Store::with(Connection::open_in_memory()?)
    }

    fn with(conn: Connection) -> Result<Store, Error> {
        conn.execute_batch(schema::PRAGMAS)?;
        conn.execute_batch(schema::SCHEMA)?;
        Ok(Store { conn })
    }

    /// Whether an article with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, Error> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// How many articles are stored.
    pub fn document_count(&self) -> Result<usize, Error> {
        Ok(self.conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Stores a batch of analysed articles in one transaction; articles
    /// already stored are left as they are. Returns how many were new.
    pub fn insert(&mut self, batch: &[Analysis<'_>]) -> Result<usize, Error> {
        let tx = self.conn.transaction()?;
        let mut added = 0;
        for item in batch {
            let doc = item.document;
            let inserted = tx.execute(
                "INSERT OR IGNORE INTO documents (id, dct, title, url, source, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![doc.id, doc.dct.to_string(), doc.title, doc.url, doc.source, doc.text],
            )?;
            if inserted == 0 {
                continue;
            }
            added += 1;
            for t in &item.timexes {
                tx.execute(
                    "INSERT INTO timexes (doc, start, end, text, type, value, mod) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                    params![
                        doc.id,
                        t.start as i64,
                        t.end as i64,
                        t.text,
                        t.kind.as_str(),
                        t.value.to_string(),
                        t.modifier.map(|m| m.as_str())
                    ],
                )?;
            }
            for e in &item.entities {
                tx.execute(
                    "INSERT INTO entities (doc, start, end, text, kind, name, geonameid, lat, lon, country, admin1) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        doc.id,
                        e.start as i64,
                        e.end as i64,
                        e.text,
                        e.kind.as_str(),
                        e.name,
                        e.geonameid,
                        e.lat,
                        e.lon,
                        e.country,
                        e.admin1
                    ],
                )?;
            }
            for entry in &item.entries {
                let sentence: String = doc
                    .text
                    .chars()
                    .skip(entry.sentence.0)
                    .take(entry.sentence.1 - entry.sentence.0)
                    .collect();
                tx.execute(
                    "INSERT INTO entries (doc, date, start, end, status, event, text, sentence, expression, \
                     places, actors) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                    params![
                        doc.id,
                        entry.date.to_string(),
                        entry.start.to_string(),
                        entry.end.to_string(),
                        entry.status.as_str(),
                        entry.event,
                        entry.text,
                        sentence,
                        entry.timex.text,
                        serde_json::to_string(&entry.places)?,
                        serde_json::to_string(&entry.actors)?
                    ],
                )?;
            }
        }
        tx.commit()?;
        Ok(added)
    }

    /// Records a document that could not be read.
    pub fn record_failure(&mut self, failure: &Failure) -> Result<(), Error> {
        self.conn.execute(
            "INSERT OR REPLACE INTO failures (source, line, reason) VALUES (?1, ?2, ?3)",
            params![failure.source, failure.line as i64, failure.reason],
        )?;
        Ok(())
    }

    /// Every recorded failure, in order.
    pub fn failures(&self) -> Result<Vec<Failure>, Error> {
        let mut statement =
            self.conn.prepare("SELECT source, line, reason FROM failures ORDER BY source, line")?;
        let rows = statement.query_map([], |r| {
            Ok(Failure { source: r.get(0)?, line: r.get::<_, i64>(1)? as usize, reason: r.get(2)? })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Merges the entries of all articles into events (replacing the
    /// previous merge).
    pub fn merge(&mut self) -> Result<MergeReport, Error> {
        merge::merge(&mut self.conn)
    }

    /// The merged events matching a query, sorted by date.
    pub fn events(&self, query: &Query) -> Result<Vec<Event>, Error> {
        merge::query(&self.conn, query)
    }

    /// Stored articles, newest first.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>, Error> {
        let mut statement = self.conn.prepare(
            "SELECT d.id, d.dct, d.title, d.url, (SELECT count(*) FROM entries n WHERE n.doc = d.id) \
             FROM documents d ORDER BY d.dct DESC, d.id LIMIT ?1 OFFSET ?2",
        )?;
        let rows = statement.query_map(params![limit as i64, offset as i64], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                dct: r.get(1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                entries: r.get::<_, i64>(4)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One stored article with its annotations, or None.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, Error> {
        let head = self
            .conn
            .query_row("SELECT id, dct, title, url, source, text FROM documents WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        let Some((id, dct, title, url, source, text)) = head else { return Ok(None) };
        let mut timexes = self.conn.prepare(
            "SELECT start, end, text, type, value, mod FROM timexes WHERE doc = ?1 ORDER BY start",
        )?;
        let timexes = timexes
            .query_map([&id], |r| {
                Ok(Annotation {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    text: r.get(2)?,
                    kind: r.get(3)?,
                    value: r.get(4)?,
                    extra: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut entities = self.conn.prepare(
            "SELECT start, end, text, kind, name, country FROM entities WHERE doc = ?1 ORDER BY start",
        )?;
        let entities = entities
            .query_map([&id], |r| {
                Ok(Annotation {
                    start: r.get::<_, i64>(0)? as usize,
                    end: r.get::<_, i64>(1)? as usize,
                    text: r.get(2)?,
                    kind: r.get(3)?,
                    value: r.get::<_, Option<String>>(4)?.unwrap_or_default(),
                    extra: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut entries = self.conn.prepare(
            "SELECT date, status, event, text, expression FROM entries WHERE doc = ?1 ORDER BY start, id",
        )?;
        let entries = entries
            .query_map([&id], |r| {
                Ok(StoredEntry {
                    date: r.get(0)?,
                    status: r.get(1)?,
                    event: r.get(2)?,
                    text: r.get(3)?,
                    expression: r.get(4)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredDocument { id, dct, title, url, source, text, timexes, entities, entries }))
    }

    /// People and organisations (or places) with how many articles name them.
    pub fn entity_counts(&self, kind: Option<&str>, limit: usize) -> Result<Vec<EntityCount>, Error> {
        let mut statement = self.conn.prepare(
            "SELECT coalesce(name, text) AS n, kind, count(*), count(DISTINCT doc) FROM entities \
             WHERE (?1 IS NULL OR kind = ?1) GROUP BY n, kind ORDER BY count(DISTINCT doc) DESC, n LIMIT ?2",
        )?;
        let rows = statement.query_map(params![kind, limit as i64], |r| {
            Ok(EntityCount {
                name: r.get(0)?,
                kind: r.get(1)?,
                mentions: r.get::<_, i64>(2)? as usize,
                documents: r.get::<_, i64>(3)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// Places of the merged events with their coordinates and how many
    /// events happen there.
    pub fn places(&self, limit: usize) -> Result<Vec<PlaceCount>, Error> {
        let mut statement = self.conn.prepare(
            "SELECT p.name, max(e.lat), max(e.lon), p.country, count(DISTINCT p.event) FROM event_places p \
             LEFT JOIN entities e ON e.name = p.name AND e.kind = 'place' AND e.lat IS NOT NULL \
             GROUP BY p.name, p.country ORDER BY count(DISTINCT p.event) DESC, p.name LIMIT ?1",
        )?;
        let rows = statement.query_map([limit as i64], |r| {
            Ok(PlaceCount {
                name: r.get(0)?,
                lat: r.get(1)?,
                lon: r.get(2)?,
                country: r.get(3)?,
                events: r.get::<_, i64>(4)? as usize,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A stored article, in a listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// Its id.
    pub id: String,
    /// Its publication date.
    pub dct: String,
    /// Its title.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// How many timeline entries it gave.
    pub entries: usize,
}

/// A stored article with what was found in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Its id.
    pub id: String,
    /// Its publication date.
    pub dct: String,
    /// Its title.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Its publisher or feed.
    pub source: Option<String>,
    /// Its text; offsets point into it.
    pub text: String,
    /// Temporal expressions (`kind` is the TIMEX3 type, `extra` the mod).
    pub timexes: Vec<Annotation>,
    /// Entities (`value` is the canonical name, `extra` the country).
    pub entities: Vec<Annotation>,
    /// Timeline entries.
    pub entries: Vec<StoredEntry>,
}

/// A span of a stored article with its label.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Annotation {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// As written.
    pub text: String,
    /// Type or kind.
    pub kind: String,
    /// Value or canonical name.
    pub value: String,
    /// Mod or country.
    pub extra: Option<String>,
}

/// A timeline entry of a stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEntry {
    /// TIMEX3 value.
    pub date: String,
    /// Status.
    pub status: String,
    /// Event word.
    pub event: String,
    /// Clause.
    pub text: String,
    /// The date phrase.
    pub expression: String,
}

/// An entity and how often it is named.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// place, person or organization.
    pub kind: String,
    /// Mentions.
    pub mentions: usize,
    /// Articles naming it.
    pub documents: usize,
}

/// A place of the merged events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceCount {
    /// Its name.
    pub name: String,
    /// Latitude, when resolved.
    pub lat: Option<f64>,
    /// Longitude, when resolved.
    pub lon: Option<f64>,
    /// Country code.
    pub country: Option<String>,
    /// Events there.
    pub events: usize,
}
