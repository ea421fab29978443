//! The database layout.

/// Set on every connection: write-ahead logging, so that a killed ingest
/// keeps every committed batch and readers never block the writer.
pub(crate) const PRAGMAS: &str = "
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
PRAGMA busy_timeout = 10000;
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
    places TEXT NOT NULL, actors TEXT NOT NULL,
    date_source TEXT NOT NULL DEFAULT 'explicit'
);
CREATE INDEX IF NOT EXISTS entries_doc ON entries(doc);
-- The entries near a date, for the merge of a few new articles.
CREATE INDEX IF NOT EXISTS entries_start ON entries(start, end);
CREATE TABLE IF NOT EXISTS failures (
    source TEXT NOT NULL, line INTEGER NOT NULL, reason TEXT NOT NULL,
    PRIMARY KEY (source, line)
);
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY,
    date TEXT NOT NULL, start TEXT NOT NULL, end TEXT NOT NULL,
    status TEXT NOT NULL, event TEXT NOT NULL, text TEXT NOT NULL,
    conflict INTEGER NOT NULL, dates TEXT NOT NULL, linked INTEGER,
    date_source TEXT NOT NULL DEFAULT 'explicit'
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
-- The newest articles first, without reading every article's text.
CREATE INDEX IF NOT EXISTS documents_dct ON documents(dct DESC, id);
-- How many articles name each entity, kept at insert time: counting them
-- at query time reads every mention in the store.
CREATE TABLE IF NOT EXISTS entity_counts (
    name TEXT NOT NULL, kind TEXT NOT NULL,
    mentions INTEGER NOT NULL, documents INTEGER NOT NULL,
    PRIMARY KEY (name, kind)
);
CREATE INDEX IF NOT EXISTS entity_counts_order ON entity_counts(documents DESC, name, kind);
CREATE INDEX IF NOT EXISTS entity_counts_kind ON entity_counts(kind, documents DESC, name);
-- The coordinates of each place name (the largest latitude and longitude
-- its mentions give), kept at insert time.
CREATE TABLE IF NOT EXISTS place_coordinates (name TEXT PRIMARY KEY, lat REAL NOT NULL, lon REAL);
-- How many merged events happen at each place, kept at merge time.
CREATE TABLE IF NOT EXISTS place_counts (name TEXT NOT NULL, country TEXT, events INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS place_counts_order ON place_counts(events DESC, name, country);
-- The other names of each person and organisation, from the coreference
-- of the articles that name it ('GM' for 'General Motors Corp'): a query
-- for one finds the events of all.
CREATE TABLE IF NOT EXISTS entity_aliases (
    alias TEXT NOT NULL COLLATE NOCASE, name TEXT NOT NULL COLLATE NOCASE,
    PRIMARY KEY (alias, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS entity_aliases_name ON entity_aliases(name);
";

/// The version of the layout, in `PRAGMA user_version`: a store of an
/// older version gets what it lacks when opened for writing.
/// Version 2 added `date_source` to entries and events.
pub(crate) const VERSION: i64 = 2;

/// Columns a store of an older layout lacks: (table, column, definition).
pub(crate) const ADDED_COLUMNS: &[(&str, &str, &str)] = &[
    ("entries", "date_source", "TEXT NOT NULL DEFAULT 'explicit'"),
    ("events", "date_source", "TEXT NOT NULL DEFAULT 'explicit'"),
];

/// Indexes added after the first layout: (name, definition). Each is
/// created, and its statistics gathered (so that SQLite's planner, which
/// otherwise knows only the statistics of the last merge, uses it), when a
/// store that lacks it is opened for writing: a fraction of a second on
/// the 100,000-article store. A store opened for reading only does
/// without, its answers the same.
pub(crate) const ADDED_INDEXES: &[(&str, &str)] = &[
    // The events of one status in timeline order (start, end, id): a rare
    // status is found without reading every event in the timeline.
    ("events_status_order", "events(status, start, end)"),
    // What a source shows of its article, without reading the article's
    // row (and its text) for each source of a page of events.
    ("documents_source", "documents(id, dct, title, url)"),
];

/// Fills the tables of counts from what is stored: for a store written
/// before they were kept. Each statement is the definition its table
/// keeps up to date.
pub(crate) const FILL_COUNTS: &str = "
DELETE FROM entity_counts;
INSERT INTO entity_counts (name, kind, mentions, documents)
    SELECT coalesce(name, text), kind, count(*), count(DISTINCT doc) FROM entities GROUP BY 1, 2;
DELETE FROM place_coordinates;
INSERT INTO place_coordinates (name, lat, lon)
    SELECT name, max(lat), max(lon) FROM entities
    WHERE kind = 'place' AND name IS NOT NULL AND lat IS NOT NULL GROUP BY name;
";

/// Counts the merged events at each place: run by every merge.
pub(crate) const FILL_PLACE_COUNTS: &str = "
DELETE FROM place_counts;
INSERT INTO place_counts (name, country, events)
    SELECT name, country, count(DISTINCT event) FROM event_places GROUP BY name, country;
";
