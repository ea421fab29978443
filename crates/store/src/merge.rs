//! Cross-document merge: entries that tell the same event become one
//! event with all its sources; queries over the merged events.

use crate::{Error, Event, Link, Query, Source};
use dateline_core::EntryPlace;
use rusqlite::{params, params_from_iter, Connection};
use serde::Serialize;
use std::collections::HashMap;

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MergeReport {
    /// Entries read.
    pub entries: usize,
    /// Events they became.
    pub events: usize,
    /// Events whose sources disagree on the date.
    pub conflicts: usize,
    /// Planned or missed dates linked to the date the event happened.
    pub links: usize,
}

/// One stored entry, as the merge sees it.
struct Row {
    id: i64,
    doc: String,
    date: String,
    start: String,
    end: String,
    status: String,
    event: String,
    text: String,
    places: Vec<EntryPlace>,
    actors: Vec<String>,
}

/// A crude stem: "handed", "hands" and "handing" meet at "hand".
fn stem(event: &str) -> String {
    let word = event.split_whitespace().next().unwrap_or("").to_lowercase();
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 {
                return base.to_string();
            }
        }
    }
    word
}

struct UnionFind(Vec<usize>);

impl UnionFind {
    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut i = i;
        while self.0[i] != root {
            let next = self.0[i];
            self.0[i] = root;
            i = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[b] = a;
        }
    }
}

/// Days between two `YYYY-MM-DD` dates (a rough, monotonic count).
fn day_number(date: &str) -> i64 {
    let mut parts = date.split('-').map(|p| p.parse::<i64>().unwrap_or(0));
    let (y, m, d) = (parts.next().unwrap_or(0), parts.next().unwrap_or(0), parts.next().unwrap_or(0));
    y * 372 + m * 31 + d
}

/// Rebuilds the merged events from all entries.
///
/// Two entries tell the same event when their event words share a stem,
/// they share a place or an actor, and their dates overlap. Two accounts
/// of something that happened a few days apart are one event in
/// conflict. A planned, missed or deadline date is linked to the event
/// with the same word and place that did happen.
pub(crate) fn merge(conn: &mut Connection) -> Result<MergeReport, Error> {
    let rows = load(conn)?;
    let ledes = ledes(conn)?;
    let mut groups = UnionFind((0..rows.len()).collect());
    // Entries that could be the same event share a key: stem + place or actor.
    let mut buckets: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, row) in rows.iter().enumerate() {
        let s = stem(&row.event);
        for place in &row.places {
            buckets.entry((s.clone(), format!("p:{}", place.name))).or_default().push(i);
        }
        for actor in &row.actors {
            buckets.entry((s.clone(), format!("a:{actor}"))).or_default().push(i);
        }
    }
    const CONFLICT_DAYS: i64 = 3;
    let happened = |r: &Row| r.status == "occurred" || r.status == "ongoing";
    let mut links: Vec<(usize, usize)> = Vec::new();
    for members in buckets.values_mut() {
        members.sort_by(|a, b| rows[*a].start.cmp(&rows[*b].start));
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (&rows[i], &rows[j]);
                let overlap = b.start <= a.end;
                let gap = day_number(&b.start) - day_number(&a.end);
                if gap > 40 {
                    break;
                }
                let same_telling = overlap && happened(a) == happened(b);
                // Two accounts of a day a few days apart: one event, in conflict.
                let conflicting = happened(a)
                    && happened(b)
                    && gap <= CONFLICT_DAYS
                    && a.start == a.end
                    && b.start == b.end;
                if same_telling || conflicting {
                    groups.union(i, j);
                } else if happened(a) != happened(b) {
                    links.push((i, j));
                }
            }
        }
    }
    let mut clusters: HashMap<usize, Vec<usize>> = HashMap::new();
    for i in 0..rows.len() {
        let root = groups.find(i);
        clusters.entry(root).or_default().push(i);
    }
    let mut clusters: Vec<Vec<usize>> = clusters.into_values().collect();
    clusters.sort_by(|a, b| (&rows[a[0]].start, rows[a[0]].id).cmp(&(&rows[b[0]].start, rows[b[0]].id)));

    let tx = conn.transaction()?;
    for table in ["events", "event_sources", "event_places", "event_actors", "events_fts"] {
        tx.execute(&format!("DELETE FROM {table}"), [])?;
    }
    let mut report = MergeReport { entries: rows.len(), events: clusters.len(), ..MergeReport::default() };
    let mut event_of = vec![0i64; rows.len()];
    for (n, members) in clusters.iter().enumerate() {
        let id = n as i64 + 1;
        let most = |field: fn(&Row) -> &str| -> String {
            let mut counts: HashMap<&str, usize> = HashMap::new();
            for &m in members {
                *counts.entry(field(&rows[m])).or_default() += 1;
            }
            let mut best: Vec<(&str, usize)> = counts.into_iter().collect();
            best.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
            best[0].0.to_string()
        };
        let date = most(|r| r.date.as_str());
        let status = most(|r| r.status.as_str());
        let leader = members.iter().copied().find(|m| rows[*m].date == date).unwrap_or(members[0]);
        let mut dates: Vec<String> = members.iter().map(|m| rows[*m].date.clone()).collect();
        dates.sort();
        dates.dedup();
        let conflict = dates.len() > 1;
        report.conflicts += usize::from(conflict);
        let row = &rows[leader];
        tx.execute(
            "INSERT INTO events (id, date, start, end, status, event, text, conflict, dates) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
            params![
                id,
                date,
                row.start,
                row.end,
                status,
                row.event,
                row.text,
                conflict,
                serde_json::to_string(&dates)?
            ],
        )?;
        // Search reads one row per event: the words of all its sources.
        let words: Vec<&str> =
            members.iter().flat_map(|m| [rows[*m].text.as_str(), rows[*m].event.as_str()]).collect();
        let mut actors: Vec<&str> =
            members.iter().flat_map(|m| rows[*m].actors.iter().map(String::as_str)).collect();
        actors.sort();
        actors.dedup();
        // The story: the title and opening of the articles that tell it
        // ("Kalbajar" finds the whole Kalbajar story, not only the
        // sentences that name it).
        let mut docs: Vec<&str> = members.iter().map(|m| rows[*m].doc.as_str()).collect();
        docs.sort();
        docs.dedup();
        let story: Vec<&str> =
            docs.iter().take(10).filter_map(|d| ledes.get(*d).map(String::as_str)).collect();
        tx.execute(
            "INSERT INTO events_fts (rowid, text, actors, story) VALUES (?1, ?2, ?3, ?4)",
            params![id, words.join(" \n "), actors.join(" \n "), story.join(" \n ")],
        )?;
        let mut places_seen: Vec<&str> = Vec::new();
        let mut actors_seen: Vec<&str> = Vec::new();
        for &m in members {
            event_of[m] = id;
            tx.execute("INSERT INTO event_sources (event, entry) VALUES (?1, ?2)", params![id, rows[m].id])?;
            for place in &rows[m].places {
                if !places_seen.contains(&place.name.as_str()) {
                    places_seen.push(&place.name);
                    tx.execute(
                        "INSERT INTO event_places (event, name, country, admin1) VALUES (?1, ?2, ?3, ?4)",
                        params![id, place.name, place.country, place.admin1],
                    )?;
                }
            }
            for actor in &rows[m].actors {
                if !actors_seen.contains(&actor.as_str()) {
                    actors_seen.push(actor);
                    tx.execute("INSERT INTO event_actors (event, name) VALUES (?1, ?2)", params![id, actor])?;
                }
            }
        }
    }
    links.sort();
    links.dedup();
    for (i, j) in links {
        let (a, b) = (event_of[i], event_of[j]);
        if a != b {
            report.links += 1;
            tx.execute("UPDATE events SET linked = ?2 WHERE id = ?1 AND linked IS NULL", params![a, b])?;
            tx.execute("UPDATE events SET linked = ?2 WHERE id = ?1 AND linked IS NULL", params![b, a])?;
        }
    }
    tx.commit()?;
    // Fresh statistics let the planner pick the selective index per query.
    conn.execute_batch("ANALYZE")?;
    Ok(report)
}

/// How much of an article opens its story.
const LEDE_CHARS: i64 = 300;

/// Title and opening of every article, by id.
fn ledes(conn: &Connection) -> Result<HashMap<String, String>, Error> {
    let mut statement =
        conn.prepare("SELECT id, coalesce(title, '') || ' ' || substr(text, 1, ?1) FROM documents")?;
    let rows = statement.query_map([LEDE_CHARS], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

fn load(conn: &Connection) -> Result<Vec<Row>, Error> {
    let mut statement = conn.prepare(
        "SELECT id, date, start, end, status, event, text, places, actors, doc FROM entries ORDER BY id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, String>(1)?,
            r.get::<_, String>(2)?,
            r.get::<_, String>(3)?,
            r.get::<_, String>(4)?,
            r.get::<_, String>(5)?,
            r.get::<_, String>(6)?,
            r.get::<_, String>(7)?,
            r.get::<_, String>(8)?,
            r.get::<_, String>(9)?,
        ))
    })?;
    let mut out = Vec::new();
    for row in rows {
        let (id, date, start, end, status, event, text, places, actors, doc) = row?;
        out.push(Row {
            id,
            doc,
            date,
            start,
            end,
            status,
            event,
            text,
            places: serde_json::from_str(&places)?,
            actors: serde_json::from_str(&actors)?,
        });
    }
    Ok(out)
}

/// The events matching a query, with their sources, sorted by date.
pub(crate) fn query(conn: &Connection, query: &Query) -> Result<Vec<Event>, Error> {
    let mut sql = String::from("SELECT e.id FROM events e WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if let Some(from) = &query.from {
        args.push(from.clone());
        sql.push_str(&format!(" AND e.end >= ?{}", args.len()));
    }
    if let Some(to) = &query.to {
        args.push(to.clone());
        sql.push_str(&format!(" AND e.start <= ?{}", args.len()));
    }
    if let Some(status) = &query.status {
        args.push(status.clone());
        sql.push_str(&format!(" AND e.status = ?{}", args.len()));
    }
    // Each filter names the set of events it allows, so that the most
    // selective one drives the query through its index.
    if let Some(entity) = &query.entity {
        // The actors column of the search index: "Lopez" finds "President
        // Maria Lopez" through the index, not a scan.
        args.push(format!("actors : \"{}\"", entity.replace('"', "\"\"")));
        sql.push_str(&format!(
            " AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{})",
            args.len()
        ));
    }
    if let Some(place) = &query.place {
        let mut alternatives = Vec::new();
        for name in &place.names {
            args.push(name.clone());
            alternatives.push(format!("p.name = ?{} COLLATE NOCASE", args.len()));
        }
        for (country, admin1) in &place.within {
            args.push(country.clone());
            let c = args.len();
            if admin1.is_empty() {
                alternatives.push(format!("p.country = ?{c}"));
            } else {
                args.push(admin1.clone());
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
        args.push(search.clone());
        sql.push_str(&format!(
            " AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?{})",
            args.len()
        ));
    }
    sql.push_str(" ORDER BY e.start, e.end, e.id");
    if let Some(limit) = query.limit {
        sql.push_str(&format!(" LIMIT {limit}"));
    }
    let mut statement = conn.prepare(&sql)?;
    let ids: Vec<i64> =
        statement.query_map(params_from_iter(args.iter()), |r| r.get(0))?.collect::<Result<_, _>>()?;
    ids.into_iter().map(|id| event(conn, id, query.max_sources)).collect()
}

fn event(conn: &Connection, id: i64, max_sources: Option<usize>) -> Result<Event, Error> {
    let (date, start, end, status, word, text, conflict, dates, linked) = conn.query_row(
        "SELECT date, start, end, status, event, text, conflict, dates, linked FROM events WHERE id = ?1",
        [id],
        |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, String>(5)?,
                r.get::<_, bool>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, Option<i64>>(8)?,
            ))
        },
    )?;
    let names = |sql: &str| -> Result<Vec<String>, Error> {
        let mut statement = conn.prepare(sql)?;
        let rows = statement.query_map([id], |r| r.get(0))?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let places = names("SELECT name FROM event_places WHERE event = ?1")?;
    let actors = names("SELECT name FROM event_actors WHERE event = ?1")?;
    let mut statement = conn.prepare(
        "SELECT d.id, d.dct, d.title, d.url, n.sentence, n.date, n.status, n.expression \
         FROM event_sources s JOIN entries n ON n.id = s.entry JOIN documents d ON d.id = n.doc \
         WHERE s.event = ?1 ORDER BY s.rowid LIMIT ?2",
    )?;
    let cap = max_sources.map_or(-1, |n| n as i64);
    let source_count: i64 =
        conn.query_row("SELECT count(*) FROM event_sources WHERE event = ?1", [id], |r| r.get(0))?;
    let sources = statement
        .query_map(params![id, cap], |r| {
            Ok(Source {
                doc: r.get(0)?,
                dct: r.get(1)?,
                title: r.get(2)?,
                url: r.get(3)?,
                sentence: r.get(4)?,
                date: r.get(5)?,
                status: r.get(6)?,
                expression: r.get(7)?,
            })
        })?
        .collect::<Result<_, _>>()?;
    let linked = match linked {
        Some(other) => {
            Some(conn.query_row("SELECT date, status FROM events WHERE id = ?1", [other], |r| {
                Ok(Link { event: other, date: r.get(0)?, status: r.get(1)? })
            })?)
        }
        None => None,
    };
    Ok(Event {
        id,
        date,
        start,
        end,
        status,
        event: word,
        text,
        conflict,
        dates: serde_json::from_str(&dates)?,
        places,
        actors,
        linked,
        source_count: source_count as usize,
        sources,
    })
}
