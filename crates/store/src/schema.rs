//! The database layout.

/// Set on every connection: write-ahead logging, so that a killed ingest
/// keeps every committed batch and readers never block the writer.
pub(crate) const PRAGMAS: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
";

/// Tables, created when missing.
pub(crate) const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    dct TEXT NOT NULL,
    title TEXT,
    url TEXT,
    source TEXT,
    text TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS timexes (
    doc TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, mod TEXT
);
CREATE INDEX IF NOT EXISTS timexes_doc ON timexes(doc);
CREATE TABLE IF NOT EXISTS entities (
    doc TEXT NOT NULL REFERENCES documents(id),
    start INTEGER NOT NULL, end INTEGER NOT NULL,
    text TEXT NOT NULL, kind TEXT NOT NULL, name TEXT,
    geonameid INTEGER, lat REAL, lon REAL, country TEXT, admin1 TEXT
);
CREATE INDEX IF NOT EXISTS entities_doc ON entities(doc);
CREATE INDEX IF NOT EXISTS entities_name ON entities(name, kind);
CREATE TABLE IF NOT EXISTS entries (
    id INTEGER PRIMARY KEY,
    doc TEXT NOT NULL REFERENCES documents(id),
    date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
    status TEXT NOT NULL, event TEXT NOT NULL, text TEXT NOT NULL,
    sentence TEXT NOT NULL, expression TEXT NOT NULL,
    places TEXT NOT NULL, actors TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS entries_doc ON entries(doc);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (source, line)
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
    status TEXT NOT NULL, event TEXT NOT NULL, text TEXT NOT NULL,
    conflict INTEGER NOT NULL, dates TEXT NOT NULL, linked INTEGER
);
CREATE INDEX IF NOT EXISTS events_start ON events(start, end);
CREATE INDEX IF NOT EXISTS events_end ON events(end);
CREATE INDEX IF NOT EXISTS events_status ON events(status, start);
CREATE VIRTUAL TABLE IF NOT EXISTS events_fts USING fts5(text, actors, story);
CREATE TABLE IF NOT EXISTS event_sources (event INTEGER NOT NULL, entry INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS event_sources_event ON event_sources(event);
CREATE INDEX IF NOT EXISTS event_sources_entry ON event_sources(entry);
CREATE TABLE IF NOT EXISTS event_places (event INTEGER NOT NULL, name TEXT NOT NULL, country TEXT, admin1 TEXT);
CREATE INDEX IF NOT EXISTS event_places_name ON event_places(name COLLATE NOCASE);
CREATE INDEX IF NOT EXISTS event_places_area ON event_places(country, admin1);
CREATE INDEX IF NOT EXISTS event_places_event ON event_places(event);
CREATE TABLE IF NOT EXISTS event_actors (event INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS event_actors_event ON event_actors(event);
";
