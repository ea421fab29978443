//! The SQLite side of the merge: the stored entries are read as accounts,
//! merged (`merge.rs`), and the events written back with their sources,
//! places, actors and search text.

use crate::columns::{json, typed};
use crate::merge::{self, Account, MergedEvent};
use crate::{schema, Error, MergeReport, Store};
use dateline_core::Date;
use rusqlite::{params, Connection, Transaction};
use std::collections::{BTreeSet, HashMap};

impl Store {
    /// Merges the entries of all articles into events (replacing the
    /// previous merge).
    pub fn merge(&mut self) -> Result<MergeReport, Error> {
        let accounts = accounts(&self.conn, "1 ORDER BY id", [])?;
        let merged = merge::merge(&accounts);
        let ledes = ledes(&self.conn, None)?;
        let tx = self.conn.transaction()?;
        for table in ["events", "event_sources", "event_places", "event_actors", "events_fts"] {
            tx.execute(&format!("DELETE FROM {table}"), [])?;
        }
        for (n, event) in merged.events.iter().enumerate() {
            write_event(&tx, &accounts, event_id(n), event, event.linked.map(event_id), &ledes)?;
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

/// New entries at most this share of all (one in ten) are merged into
/// the events already there; more, and merging everything again is as
/// quick.
const INCREMENTAL_SHARE: usize = 10;

impl Store {
    /// Merges the entries stored since the last merge into the events
    /// already merged: only the events they could join or link (same event
    /// word and place or actor, within the merge's window) are merged
    /// again, with them, and the rest of the store is left alone, so that
    /// adding an article to a large store takes a moment, not a full merge.
    /// The events are those a full [`Store::merge`] gives; the ids of the
    /// events merged again are new. Entries stored by an ingest that was
    /// killed before its merge are merged too. With many new entries, or
    /// no merge yet, it merges everything ([`Store::merge`]).
    ///
    /// Its report counts the store's entries, events and conflicts, and
    /// as links the events that carry one.
    pub fn merge_new(&mut self) -> Result<MergeReport, Error> {
        // Every entry is in an event once merged, and entries are numbered
        // in the order they are stored.
        let merged_up_to: i64 =
            self.conn.query_row("SELECT coalesce(max(entry), 0) FROM event_sources", [], |r| r.get(0))?;
        let added = accounts(&self.conn, "id > ?1 ORDER BY id", [merged_up_to])?;
        let (entries, events): (i64, i64) = self.conn.query_row(
            "SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM events)",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if events == 0 || added.len() * INCREMENTAL_SHARE > entries as usize {
            return self.merge();
        }

        // The events near the new entries that one of them could meet.
        let mut affected: BTreeSet<i64> = BTreeSet::new();
        for (from, to) in windows(&added) {
            let near = near_accounts(&self.conn, from, to)?;
            for (event, account) in &near {
                if !affected.contains(event) && added.iter().any(|a| merge::could_meet(a, account)) {
                    affected.insert(*event);
                }
            }
        }
        // Every account of those events, and the new ones, in stored order.
        let mut local: Vec<Account> = Vec::new();
        let mut old_links: HashMap<i64, i64> = HashMap::new();
        for &event in &affected {
            local.extend(accounts(
                &self.conn,
                "id IN (SELECT entry FROM event_sources WHERE event = ?1) ORDER BY id",
                [event],
            )?);
            let linked: Option<i64> =
                self.conn.query_row("SELECT linked FROM events WHERE id = ?1", [event], |r| r.get(0))?;
            if let Some(linked) = linked {
                old_links.insert(event, linked);
            }
        }
        local.extend(added);
        local.sort_by_key(|a| a.entry);
        let merged = merge::merge(&local);

        let mut docs: Vec<&str> = local.iter().map(|a| a.doc.as_str()).collect();
        docs.sort_unstable();
        docs.dedup();
        let ledes = ledes(&self.conn, Some(&docs))?;
        let tx = self.conn.transaction()?;
        // New ids, never those of the events replaced.
        let next: i64 = tx.query_row("SELECT coalesce(max(id), 0) + 1 FROM events", [], |r| r.get(0))?;
        // The event each old event's accounts are now in.
        let mut became: HashMap<i64, usize> = HashMap::new();
        let mut places: BTreeSet<String> = BTreeSet::new();
        for &event in &affected {
            let first: i64 =
                tx.query_row("SELECT min(entry) FROM event_sources WHERE event = ?1", [event], |r| r.get(0))?;
            if let Some(n) =
                merged.events.iter().position(|e| e.accounts.iter().any(|&a| local[a].entry == first))
            {
                became.insert(event, n);
            }
            let mut names = tx.prepare("SELECT name FROM event_places WHERE event = ?1")?;
            for name in names.query_map([event], |r| r.get::<_, String>(0))? {
                places.insert(name?);
            }
            for table in ["event_sources", "event_places", "event_actors"] {
                tx.execute(&format!("DELETE FROM {table} WHERE event = ?1"), [event])?;
            }
            tx.execute("DELETE FROM events_fts WHERE rowid = ?1", [event])?;
            tx.execute("DELETE FROM events WHERE id = ?1", [event])?;
        }
        let new_id = |n: usize| next + n as i64;
        for (n, event) in merged.events.iter().enumerate() {
            // A link the local merge finds; else one an old event had to an
            // event outside (the accounts it joined are not read again).
            let kept = || {
                old_links.iter().filter(|(old, _)| became.get(old) == Some(&n)).find_map(|(_, &to)| {
                    match became.get(&to) {
                        Some(&m) if m != n => Some(new_id(m)),
                        Some(_) => None,
                        None => Some(to),
                    }
                })
            };
            let linked = event.linked.map(new_id).or_else(kept);
            write_event(&tx, &local, new_id(n), event, linked, &ledes)?;
            places.extend(event.places(&local).into_iter().map(|p| p.name.clone()));
        }
        // Events outside that were linked to one merged again follow it.
        for (old, &n) in &became {
            tx.execute("UPDATE events SET linked = ?1 WHERE linked = ?2", params![new_id(n), old])?;
        }
        for name in &places {
            tx.execute("DELETE FROM place_counts WHERE name = ?1", [name])?;
            tx.execute(
                "INSERT INTO place_counts (name, country, events) \
                 SELECT name, country, count(DISTINCT event) FROM event_places WHERE name = ?1 GROUP BY name, country",
                [name],
            )?;
        }
        tx.commit()?;
        let report = self.conn.query_row(
            "SELECT (SELECT count(*) FROM entries), (SELECT count(*) FROM events), \
             (SELECT count(*) FROM events WHERE conflict), (SELECT count(*) FROM events WHERE linked IS NOT NULL)",
            [],
            |r| {
                Ok(MergeReport {
                    entries: r.get::<_, i64>(0)? as usize,
                    events: r.get::<_, i64>(1)? as usize,
                    conflicts: r.get::<_, i64>(2)? as usize,
                    links: r.get::<_, i64>(3)? as usize,
                })
            },
        )?;
        Ok(report)
    }
}

/// The date ranges an account of `added` could meet another in (its own
/// range widened by the merge's window), joined where they overlap.
fn windows(added: &[Account]) -> Vec<(Date, Date)> {
    let widen = |d: Date, days: i64| d.checked_add(jiff::Span::new().days(days)).unwrap_or(d);
    let mut ranges: Vec<(Date, Date)> = added
        .iter()
        .map(|a| (widen(a.start, -merge::WINDOW_DAYS - 1), widen(a.end, merge::WINDOW_DAYS + 1)))
        .collect();
    ranges.sort_unstable();
    let mut joined: Vec<(Date, Date)> = Vec::new();
    for (from, to) in ranges {
        match joined.last_mut() {
            Some(last) if from <= last.1 => last.1 = last.1.max(to),
            _ => joined.push((from, to)),
        }
    }
    joined
}

/// The merged accounts whose dates touch `from..=to`, with their events.
fn near_accounts(conn: &Connection, from: Date, to: Date) -> Result<Vec<(i64, Account)>, Error> {
    let mut statement = conn.prepare(&format!(
        "SELECT s.event, {ACCOUNT_COLUMNS} FROM entries JOIN event_sources s ON s.entry = entries.id \
         WHERE entries.start <= ?1 AND entries.end >= ?2"
    ))?;
    let rows = statement.query_map(params![to.to_string(), from.to_string()], |r| {
        Ok((r.get::<_, i64>(0)?, account(r, 1)?))
    })?;
    Ok(rows.collect::<Result<_, _>>()?)
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
    id: i64,
    event: &MergedEvent,
    linked: Option<i64>,
    ledes: &HashMap<String, String>,
) -> Result<(), Error> {
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
            linked,
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

/// Title and opening of the articles, by id: of every article, or of
/// those named.
fn ledes(conn: &Connection, docs: Option<&[&str]>) -> Result<HashMap<String, String>, Error> {
    let select = "SELECT id, coalesce(title, '') || ' ' || substr(text, 1, ?1) FROM documents";
    let row = |r: &rusqlite::Row<'_>| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?));
    let Some(docs) = docs else {
        let mut statement = conn.prepare(select)?;
        let rows = statement.query_map([LEDE_CHARS], row)?;
        return Ok(rows.collect::<Result<_, _>>()?);
    };
    let mut statement = conn.prepare(&format!("{select} WHERE id = ?2"))?;
    let mut ledes = HashMap::new();
    for doc in docs {
        for lede in statement.query_map(params![LEDE_CHARS, doc], row)? {
            let (id, text) = lede?;
            ledes.insert(id, text);
        }
    }
    Ok(ledes)
}

/// The columns of an entry the merge reads, in [`account`]'s order.
const ACCOUNT_COLUMNS: &str =
    "entries.id, entries.doc, entries.date, entries.start, entries.end, entries.status, \
     entries.event, entries.text, entries.places, entries.actors, entries.date_source";

/// The stored entries that meet `condition` (SQL after WHERE, with its
/// parameters), as accounts.
fn accounts<P: rusqlite::Params>(
    conn: &Connection,
    condition: &str,
    parameters: P,
) -> Result<Vec<Account>, Error> {
    let mut statement = conn.prepare(&format!("SELECT {ACCOUNT_COLUMNS} FROM entries WHERE {condition}"))?;
    let rows = statement.query_map(parameters, |r| account(r, 0))?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// An account from the [`ACCOUNT_COLUMNS`] of a row, from column `at` on.
fn account(r: &rusqlite::Row<'_>, at: usize) -> rusqlite::Result<Account> {
    Ok(Account {
        entry: r.get(at)?,
        doc: r.get(at + 1)?,
        date: typed(r, at + 2)?,
        start: typed(r, at + 3)?,
        end: typed(r, at + 4)?,
        status: typed(r, at + 5)?,
        event: r.get(at + 6)?,
        text: r.get(at + 7)?,
        places: json(r, at + 8)?,
        actors: json(r, at + 9)?,
        inferred: r.get::<_, String>(at + 10)? == "inferred",
    })
}
