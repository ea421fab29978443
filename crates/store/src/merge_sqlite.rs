//! The SQLite side of the merge: the stored entries are read as accounts,
//! merged (`merge.rs`), and the events written back with their sources,
//! places, actors and search text.

use crate::columns::{json, typed};
use crate::merge::{self, Account, MergedEvent};
use crate::{schema, Error, MergeReport, Store};
use rusqlite::{params, Connection, Transaction};
use std::collections::HashMap;

impl Store {
    /// Merges the entries of all articles into events (replacing the
    /// previous merge).
    pub fn merge(&mut self) -> Result<MergeReport, Error> {
        let accounts = accounts(&self.conn)?;
        let merged = merge::merge(&accounts);
        let ledes = ledes(&self.conn)?;
        let tx = self.conn.transaction()?;
        for table in ["events", "event_sources", "event_places", "event_actors", "events_fts"] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        for (n, event) in merged.events.iter().enumerate() {
            write_event(&tx, &accounts, n, event, &ledes)?;
        }
        tx.execute_batch(schema::FILL_PLACE_COUNTS)?;
        tx.commit()?;
        // Fresh statistics let the planner pick the selective index per query.
        self.conn.execute_batch("ANALYZE")?;
        Ok(MergeReport {
            entries: accounts.len(),
            events: merged.events.len(),
            conflicts: merged.conflicts(),
            links: merged.links,
        })
    }
}

/// The id of the `n`th event of a merge.
fn event_id(n: usize) -> i64 {
    n as i64 + 1
}

/// Writes one event: its row, its search text, its sources, places and
/// actors.
fn write_event(
    tx: &Transaction<'_>,
    accounts: &[Account],
    n: usize,
    event: &MergedEvent,
    ledes: &HashMap<String, String>,
) -> Result<(), Error> {
    let id = event_id(n);
    let leader = &accounts[event.leader];
    let dates = serde_json::to_string(&event.dates).expect("TIMEX3 values serialise as strings");
    tx.execute(
        "INSERT INTO events (id, date, start, end, status, event, text, conflict, dates, linked, date_source) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            id,
            event.date.to_string(),
            leader.start.to_string(),
            leader.end.to_string(),
            event.status.as_str(),
            leader.event,
            leader.text,
            event.conflict(),
            dates,
            event.linked.map(event_id),
            event.date_source().as_str()
        ],
    )?;
    let members = || event.accounts.iter().map(|&a| &accounts[a]);
    // Search reads one row per event: the words of all its sources.
    let words: Vec<&str> = members().flat_map(|a| [a.text.as_str(), a.event.as_str()]).collect();
    let mut actors = event.actors(accounts);
    // The story: the title and opening of the articles that tell it
    // ("Kalbajar" finds the whole Kalbajar story, not only the sentences
    // that name it).
    let mut docs: Vec<&str> = members().map(|a| a.doc.as_str()).collect();
    docs.sort_unstable();
    docs.dedup();
    let story: Vec<&str> = docs.iter().take(10).filter_map(|d| ledes.get(*d).map(String::as_str)).collect();
    for account in members() {
        tx.execute("INSERT INTO event_sources (event, entry) VALUES (?1, ?2)", params![id, account.entry])?;
    }
    for place in event.places(accounts) {
        tx.execute(
            "INSERT INTO event_places (event, name, country, admin1) VALUES (?1, ?2, ?3, ?4)",
            params![id, place.name, place.country, place.admin1],
        )?;
    }
    for actor in &actors {
        tx.execute("INSERT INTO event_actors (event, name) VALUES (?1, ?2)", params![id, actor])?;
    }
    actors.sort_unstable();
    tx.execute(
        "INSERT INTO events_fts (rowid, text, actors, story) VALUES (?1, ?2, ?3, ?4)",
        params![id, words.join(" \n "), actors.join(" \n "), story.join(" \n ")],
    )?;
    Ok(())
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

/// Every stored entry, in the order it was stored.
fn accounts(conn: &Connection) -> Result<Vec<Account>, Error> {
    let mut statement = conn.prepare(
        "SELECT id, doc, date, start, end, status, event, text, places, actors, date_source FROM entries \
         ORDER BY id",
    )?;
    let rows = statement.query_map([], |r| {
        Ok(Account {
            entry: r.get(0)?,
            doc: r.get(1)?,
            date: typed(r, 2)?,
            start: typed(r, 3)?,
            end: typed(r, 4)?,
            status: typed(r, 5)?,
            event: r.get(6)?,
            text: r.get(7)?,
            places: json(r, 8)?,
            actors: json(r, 9)?,
            inferred: r.get::<_, String>(10)? == "inferred",
        })
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
}
