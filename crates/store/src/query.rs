//! Reading: the merged events of a query with their sources, the stored
//! articles, entities and places, and the recorded failures.

use crate::columns::{json, typed, typed_or_null};
use crate::{
    DocumentSummary, EntityCount, Error, Event, Failure, Link, PlaceCount, Query, Source, Store,
    StoredDocument, StoredEntity, StoredEntry, StoredTimex,
};
use dateline_core::EntityKind;
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

impl Store {
    /// Whether an article with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, Error> {
        Ok(self
            .conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()?
            .is_some())
    }

    /// The text of the article stored under this id, if any.
    pub fn stored_text(&self, id: &str) -> Result<Option<String>, Error> {
        Ok(self.conn.query_row("SELECT text FROM documents WHERE id = ?1", [id], |r| r.get(0)).optional()?)
    }

    /// How many articles are stored.
    pub fn document_count(&self) -> Result<usize, Error> {
        Ok(self.conn.query_row("SELECT count(*) FROM documents", [], |r| r.get::<_, usize>(0))?)
    }

    /// Every recorded failure, in order.
    pub fn failures(&self) -> Result<Vec<Failure>, Error> {
        let mut statement =
            self.conn.prepare("SELECT source, line, reason FROM failures ORDER BY source, line")?;
        let rows = statement
            .query_map([], |r| Ok(Failure { source: r.get(0)?, line: r.get(1)?, reason: r.get(2)? }))?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The merged events matching a query, sorted by date.
    ///
    /// A search that is not valid FTS5, or a limit past what SQLite
    /// counts, is a bad query:
    ///
    /// ```
    /// use dateline_store::{Query, Store};
    /// let store = Store::open_in_memory()?;
    /// let quoted = Query { search: Some("\"talks\" OR \"truce\"".into()), ..Query::default() };
    /// assert!(store.events(&quoted)?.is_empty());
    /// let unquoted = Query { search: Some("talks OR".into()), ..Query::default() };
    /// assert!(store.events(&unquoted).unwrap_err().is_bad_query());
    /// let endless = Query { limit: Some(usize::MAX), ..Query::default() };
    /// assert!(store.events(&endless).unwrap_err().is_bad_query());
    /// # Ok::<(), dateline_store::Error>(())
    /// ```
    pub fn events(&self, query: &Query) -> Result<Vec<Event>, Error> {
        let limit =
            query.limit.map(|n| i64::try_from(n).map_err(|_| Error::bad_query("`limit` is too large")));
        let max_sources = match query.max_sources {
            Some(n) => i64::try_from(n).map_err(|_| Error::bad_query("`max_sources` is too large"))?,
            // SQLite reads a negative limit as none.
            None => -1,
        };
        // One read of the store: the page is read from the state the ids
        // were found in, whatever a writer commits meanwhile.
        let read = self.conn.unchecked_transaction()?;
        let names = match &query.entity {
            Some(entity) => self.names_of(entity)?,
            None => Vec::new(),
        };
        let limit = limit.transpose()?;
        let broad = match (&query.search, limit) {
            (Some(search), Some(limit)) => self.matches_at_least(search, limit.saturating_mul(BROAD))?,
            _ => false,
        };
        let (sql, args) = event_ids_sql(query, &names, limit, broad);
        // Statements are kept prepared by the connection (the ids query of
        // each shape of filters, and those of `page`): preparing them anew
        // cost more than running them.
        let mut statement = self.conn.prepare_cached(&sql)?;
        let ids: Result<Vec<i64>, _> =
            statement.query_map(params_from_iter(args.iter()), |r| r.get(0))?.collect();
        let ids = match (ids, query.search.is_some() || query.entity.is_some()) {
            (Ok(ids), _) => ids,
            (Err(e), true) => return Err(Error::matching(e)),
            (Err(e), false) => return Err(e.into()),
        };
        drop(statement);
        let events = page(&self.conn, &ids, max_sources)?;
        read.commit()?;
        Ok(events)
    }

    /// Whether a full-text search matches at least `n` events: found
    /// without reading more than `n` of them.
    fn matches_at_least(&self, search: &str, n: i64) -> Result<bool, Error> {
        let mut probe = self.conn.prepare_cached(
            "SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ?1 LIMIT ?2)",
        )?;
        let found: i64 = probe.query_row(params![search, n], |r| r.get(0)).map_err(Error::matching)?;
        Ok(found >= n)
    }

    /// Every source of the events `query` matches, without the events
    /// (its `limit` and `max_sources` are not used): what a summary of a
    /// whole store reads, in one pass over the stored entries when nothing
    /// narrows it.
    pub fn sources(&self, query: &Query) -> Result<Vec<Source>, Error> {
        let unfiltered = query.entity.is_none()
            && query.place.is_none()
            && query.from.is_none()
            && query.to.is_none()
            && query.status.is_none()
            && query.search.is_none();
        if unfiltered {
            let only_told = if query.explicit_only { "WHERE n.date_source = 'explicit'" } else { "" };
            let mut statement = self.conn.prepare(&format!(
                "SELECT {SOURCE_COLUMNS} FROM entries n JOIN documents d ON d.id = n.doc {only_told} ORDER BY n.id"
            ))?;
            let rows = statement.query_map([], source)?;
            return Ok(rows.collect::<Result<_, _>>()?);
        }
        let names = match &query.entity {
            Some(entity) => self.names_of(entity)?,
            None => Vec::new(),
        };
        let (sql, args) = event_ids_sql(&Query { limit: None, ..query.clone() }, &names, None, false);
        let mut statement = self.conn.prepare_cached(&sql)?;
        let ids: Vec<i64> = statement
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<Result<_, _>>()
            .map_err(Error::matching)?;
        let mut statement = self.conn.prepare(&format!(
            "SELECT {SOURCE_COLUMNS} FROM event_sources s JOIN entries n ON n.id = s.entry JOIN documents d ON d.id = n.doc \
             WHERE s.event = ?1 ORDER BY s.rowid"
        ))?;
        let mut sources = Vec::new();
        for id in ids {
            for row in statement.query_map([id], source)? {
                sources.push(row?);
            }
        }
        Ok(sources)
    }

    /// The names an entity goes by in the store: the name given, the full
    /// names it is part of or stands for ("GM" → "General Motors Corp";
    /// "General Motors" → "General Motors Corp") and the other names of
    /// those ("GM"), as the articles' coreference joined them.
    pub fn names_of(&self, entity: &str) -> Result<Vec<String>, Error> {
        let escaped = entity.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_");
        let mut full = self.conn.prepare_cached(
            "SELECT name FROM entity_aliases WHERE alias = ?1 OR name = ?1 \
             UNION SELECT name FROM entity_aliases \
             WHERE name LIKE ?2 ESCAPE '\\' OR name LIKE ?3 ESCAPE '\\' OR name LIKE ?4 ESCAPE '\\' LIMIT 50",
        )?;
        // Whole words of a longer name, as the search index matches them.
        let (opening, closing, inside) =
            (format!("{escaped} %"), format!("% {escaped}"), format!("% {escaped} %"));
        let fulls: Vec<String> = full
            .query_map(params![entity, opening, closing, inside], |r| r.get(0))?
            .collect::<Result<_, _>>()?;
        let mut others = self.conn.prepare_cached("SELECT alias FROM entity_aliases WHERE name = ?1")?;
        let mut names = vec![entity.to_string()];
        for name in fulls {
            let aliases: Vec<String> = others.query_map([&name], |r| r.get(0))?.collect::<Result<_, _>>()?;
            for n in std::iter::once(name).chain(aliases) {
                if !names.iter().any(|seen| seen.eq_ignore_ascii_case(&n)) {
                    names.push(n);
                }
            }
        }
        Ok(names)
    }

    /// Stored articles, newest first (by publication date, then id).
    pub fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>, Error> {
        let mut statement = self.conn.prepare(
            "SELECT d.id, d.dct, d.title, d.url, (SELECT count(*) FROM entries n WHERE n.doc = d.id) \
             FROM documents d ORDER BY d.dct DESC, d.id LIMIT ?1 OFFSET ?2",
        )?;
        let rows = statement.query_map(params![limit as i64, offset as i64], |r| {
            Ok(DocumentSummary {
                id: r.get(0)?,
                dct: typed(r, 1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                entries: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// One stored article with its annotations, or None.
    pub fn document(&self, id: &str) -> Result<Option<StoredDocument>, Error> {
        let head = self
            .conn
            .query_row("SELECT id, dct, title, url, source, text FROM documents WHERE id = ?1", [id], |r| {
                Ok((r.get(0)?, typed(r, 1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?))
            })
            .optional()?;
        let Some((id, dct, title, url, source, text)) = head else { return Ok(None) };
        let mut timexes = self.conn.prepare(
            "SELECT start, end, text, type, value, mod FROM timexes WHERE doc = ?1 ORDER BY start",
        )?;
        let timexes = timexes
            .query_map([&id], |r| {
                Ok(StoredTimex {
                    start: r.get(0)?,
                    end: r.get(1)?,
                    text: r.get(2)?,
                    kind: typed(r, 3)?,
                    value: typed(r, 4)?,
                    modifier: typed_or_null(r, 5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut entities = self.conn.prepare(
            "SELECT start, end, text, kind, coalesce(name, ''), country FROM entities WHERE doc = ?1 ORDER BY start",
        )?;
        let entities = entities
            .query_map([&id], |r| {
                Ok(StoredEntity {
                    start: r.get(0)?,
                    end: r.get(1)?,
                    text: r.get(2)?,
                    kind: typed(r, 3)?,
                    name: r.get(4)?,
                    country: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        let mut entries = self.conn.prepare(
            "SELECT date, status, event, text, expression, date_source FROM entries WHERE doc = ?1 \
             ORDER BY start, id",
        )?;
        let entries = entries
            .query_map([&id], |r| {
                Ok(StoredEntry {
                    date: typed(r, 0)?,
                    status: typed(r, 1)?,
                    event: r.get(2)?,
                    text: r.get(3)?,
                    expression: r.get(4)?,
                    date_source: typed(r, 5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(Some(StoredDocument { id, dct, title, url, source, text, timexes, entities, entries }))
    }

    /// People and organisations (or places) with how many articles name
    /// them, all kinds when `kind` is None.
    pub fn entity_counts(&self, kind: Option<EntityKind>, limit: usize) -> Result<Vec<EntityCount>, Error> {
        // Counted at insert time (`entity_counts`); the index of each
        // order answers the first page without a sort.
        let mut statement = self.conn.prepare(match kind {
            Some(_) => {
                "SELECT name, kind, mentions, documents FROM entity_counts WHERE kind = ?1 \
                 ORDER BY documents DESC, name LIMIT ?2"
            }
            None => {
                "SELECT name, kind, mentions, documents FROM entity_counts WHERE ?1 IS NULL \
                 ORDER BY documents DESC, name, kind LIMIT ?2"
            }
        })?;
        let rows = statement.query_map(params![kind.map(EntityKind::as_str), limit as i64], |r| {
            Ok(EntityCount {
                name: r.get(0)?,
                kind: typed(r, 1)?,
                mentions: r.get(2)?,
                documents: r.get(3)?,
                aliases: Vec::new(),
            })
        })?;
        let mut counts: Vec<EntityCount> = rows.collect::<Result<_, _>>()?;
        let mut aliases =
            self.conn.prepare("SELECT alias FROM entity_aliases WHERE name = ?1 ORDER BY alias LIMIT 20")?;
        for count in counts.iter_mut().filter(|c| c.kind != EntityKind::Place) {
            count.aliases = aliases.query_map([&count.name], |r| r.get(0))?.collect::<Result<_, _>>()?;
        }
        Ok(counts)
    }

    /// Places of the merged events with their coordinates and how many
    /// events happen there.
    pub fn places(&self, limit: usize) -> Result<Vec<PlaceCount>, Error> {
        // Counted at merge time (`place_counts`), with the coordinates kept
        // at insert time (`place_coordinates`): joining the events' places
        // to every mention of them took minutes on a large store.
        let mut statement = self.conn.prepare(
            "SELECT p.name, c.lat, c.lon, p.country, p.events FROM place_counts p \
             LEFT JOIN place_coordinates c ON c.name = p.name \
             ORDER BY p.events DESC, p.name, p.country LIMIT ?1",
        )?;
        let rows = statement.query_map([limit as i64], |r| {
            Ok(PlaceCount {
                name: r.get(0)?,
                lat: r.get(1)?,
                lon: r.get(2)?,
                country: r.get(3)?,
                events: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    }
}

/// A search is broad when it matches at least this many times the events
/// asked for: the events are then best read in timeline order, keeping
/// those it matches, than all looked up and sorted ("talks" matches 38,000
/// of the 139,000 events of the 100,000-article store: 40 ms the one way,
/// 10 ms the other; a search that matches few is the other way round).
const BROAD: i64 = 20;

/// The SQL that selects the ids of the events of a query, in timeline
/// order, with its arguments. The values (the limit too) are all
/// arguments, so that the statement of each shape of query is prepared
/// once per connection. A `broad` search is only checked, never looked up
/// by (see [`BROAD`]).
fn event_ids_sql(query: &Query, names: &[String], limit: Option<i64>, broad: bool) -> (String, Vec<Value>) {
    let mut sql = String::from("SELECT e.id FROM events e WHERE 1 = 1");
    let mut args: Vec<Value> = Vec::new();
    if let Some(from) = query.from {
        args.push(from.to_string().into());
        sql.push_str(&format!(" AND e.end >= ?{}", args.len()));
    }
    if let Some(to) = query.to {
        args.push(to.to_string().into());
        sql.push_str(&format!(" AND e.start <= ?{}", args.len()));
    }
    if let Some(status) = query.status {
        args.push(status.as_str().to_string().into());
        sql.push_str(&format!(" AND e.status = ?{}", args.len()));
    }
    if query.explicit_only {
        sql.push_str(" AND e.date_source = 'explicit'");
    }
    // Each filter names the set of events it allows, so that the most
    // selective one drives the query through its index.
    if query.entity.is_some() {
        // The actors column of the search index: "Lopez" finds "President
        // Maria Lopez" through the index, not a scan; each name the entity
        // goes by finds its events.
        let phrases: Vec<String> =
            names.iter().map(|n| format!("actors : \"{}\"", n.replace('"', "\"\""))).collect();
        args.push(phrases.join(" OR ").into());
        sql.push_str(&format!(
            " AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{})",
            args.len()
        ));
    }
    if let Some(place) = &query.place {
        let mut alternatives = Vec::new();
        for name in &place.names {
            args.push(name.clone().into());
            alternatives.push(format!("p.name = ?{} COLLATE NOCASE", args.len()));
        }
        for (country, admin1) in &place.within {
            args.push(country.clone().into());
            let c = args.len();
            if admin1.is_empty() {
                alternatives.push(format!("p.country = ?{c}"));
            } else {
                args.push(admin1.clone().into());
                alternatives.push(format!("(p.country = ?{c} AND p.admin1 = ?{})", args.len()));
            }
        }
        if alternatives.is_empty() {
            alternatives.push("0".to_string());
        }
        sql.push_str(&format!(
            " AND e.id IN (SELECT p.event FROM event_places p WHERE {})",
            alternatives.join(" OR ")
        ));
    }
    if let Some(search) = &query.search {
        args.push(search.clone().into());
        // `+` keeps SQLite from looking the events up by their ids.
        let id = if broad { "+e.id" } else { "e.id" };
        sql.push_str(&format!(
            " AND {id} IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{})",
            args.len()
        ));
    }
    sql.push_str(" ORDER BY e.start, e.end, e.id");
    if let Some(limit) = limit {
        args.push(limit.into());
        sql.push_str(&format!(" LIMIT ?{}", args.len()));
    }
    (sql, args)
}

/// The columns of a source (`n`: its entry, `d`: its article), in
/// [`source`]'s order.
const SOURCE_COLUMNS: &str =
    "d.id, d.dct, d.title, d.url, n.sentence, n.date, n.status, n.expression, n.date_source";

/// A source from a row of [`SOURCE_COLUMNS`].
fn source(r: &rusqlite::Row<'_>) -> rusqlite::Result<Source> {
    source_at(r, 0)
}

/// A source from the [`SOURCE_COLUMNS`] of a row, from column `first` on.
fn source_at(r: &rusqlite::Row<'_>, first: usize) -> rusqlite::Result<Source> {
    Ok(Source {
        doc: r.get(first)?,
        dct: typed(r, first + 1)?,
        title: r.get(first + 2)?,
        url: r.get(first + 3)?,
        sentence: r.get(first + 4)?,
        date: typed(r, first + 5)?,
        status: typed(r, first + 6)?,
        expression: r.get(first + 7)?,
        date_source: typed(r, first + 8)?,
    })
}

/// The merged events of `ids`, in that order, with their places, actors,
/// link and (at most `max_sources`, all when negative) sources.
fn page(conn: &Connection, ids: &[i64], max_sources: i64) -> Result<Vec<Event>, Error> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // Each statement is given the whole page as one JSON array and
    // answers in its order (`j.key`, the position in the array), each
    // event's rows in the order they were stored (`rowid`). Once per page,
    // not once per event: with the store's statistics SQLite plans a
    // statement again for each new `event = ?`, which cost more than
    // running it.
    let page = format!("[{}]", ids.iter().map(i64::to_string).collect::<Vec<_>>().join(","));
    let mut heads = conn.prepare_cached(
        "SELECT e.id, e.date, e.start, e.end, e.status, e.event, e.text, e.conflict, e.dates, e.date_source, \
         (SELECT count(*) FROM event_sources s WHERE s.event = e.id), e.linked, l.id, l.date, l.status \
         FROM json_each(?1) j JOIN events e ON e.id = j.value LEFT JOIN events l ON l.id = e.linked \
         ORDER BY j.key",
    )?;
    let mut events = heads
        .query_map([&page], |r| {
            let linked = match (r.get::<_, Option<i64>>(11)?, r.get::<_, Option<i64>>(12)?) {
                (None, _) => None,
                (Some(other), Some(_)) => {
                    Some(Link { event: other, date: typed(r, 13)?, status: typed(r, 14)? })
                }
                // A link to an event that is not stored.
                (Some(_), None) => return Err(rusqlite::Error::QueryReturnedNoRows),
            };
            Ok(Event {
                id: r.get(0)?,
                date: typed(r, 1)?,
                start: typed(r, 2)?,
                end: typed(r, 3)?,
                status: typed(r, 4)?,
                event: r.get(5)?,
                text: r.get(6)?,
                conflict: r.get(7)?,
                dates: json(r, 8)?,
                date_source: typed(r, 9)?,
                places: Vec::new(),
                actors: Vec::new(),
                linked,
                source_count: r.get(10)?,
                sources: Vec::new(),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    if events.len() != ids.len() {
        // An id the query found that is not stored (the store changed
        // between the two reads).
        return Err(rusqlite::Error::QueryReturnedNoRows.into());
    }
    // (position in the page, name) of a table of names.
    let names = |table: &str| -> Result<Vec<(usize, String)>, Error> {
        let mut statement = conn.prepare_cached(&format!(
            "SELECT j.key, t.name FROM json_each(?1) j JOIN {table} t ON t.event = j.value \
             ORDER BY j.key, t.rowid"
        ))?;
        let rows = statement.query_map([&page], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    for (at, name) in names("event_places")? {
        events[at].places.push(name);
    }
    for (at, name) in names("event_actors")? {
        events[at].actors.push(name);
    }
    // The first `max_sources` of each event, as the subquery picks them.
    let mut sources = conn.prepare_cached(&format!(
        "SELECT j.key, {SOURCE_COLUMNS} FROM json_each(?1) j \
         JOIN event_sources s ON s.rowid IN \
             (SELECT f.rowid FROM event_sources f WHERE f.event = j.value ORDER BY f.rowid LIMIT ?2) \
         JOIN entries n ON n.id = s.entry JOIN documents d ON d.id = n.doc \
         ORDER BY j.key, s.rowid"
    ))?;
    let rows = sources.query_map(params![&page, max_sources], |r| {
        let at: usize = r.get(0)?;
        Ok((at, source_at(r, 1)?))
    })?;
    for row in rows {
        let (at, source) = row?;
        events[at].sources.push(source);
    }
    Ok(events)
}
