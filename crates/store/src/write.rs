//! Writing: analysed articles with their expressions, entities and
//! entries, and the documents that could not be read.

use crate::{Error, Failure, Store};
use dateline_core::EntityKind;
use dateline_pipeline::Analysis;
use rusqlite::{params, Transaction};
use std::collections::HashMap;

impl Store {
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
            count_entities(&tx, &item.entities)?;
            for chain in &item.coreference.chains {
                if matches!(chain.kind, EntityKind::Person | EntityKind::Organization) {
                    for alias in &chain.aliases {
                        tx.execute(
                            "INSERT OR IGNORE INTO entity_aliases (alias, name) VALUES (?1, ?2)",
                            params![alias, chain.name],
                        )?;
                    }
                }
            }
            for entry in &item.entries {
                let sentence: String = doc
                    .text
                    .chars()
                    .skip(entry.sentence.0)
                    .take(entry.sentence.1 - entry.sentence.0)
                    .collect();
                let places = serde_json::to_string(&entry.places).expect("places serialise as JSON");
                let actors = serde_json::to_string(&entry.actors).expect("names serialise as JSON");
                tx.execute(
                    "INSERT INTO entries (doc, date, start, end, status, event, text, sentence, expression, \
                     places, actors, date_source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
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
                        places,
                        actors,
                        entry.date_source.as_str()
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
}

/// Adds one new article's entities to the tables of counts: each name
/// (or text, when unnamed) and kind counts its mentions and this one
/// article; each named place keeps the largest coordinates given. The
/// same definitions fill the tables from scratch (`schema::FILL_COUNTS`).
fn count_entities(tx: &Transaction<'_>, entities: &[dateline_core::Entity]) -> Result<(), Error> {
    let mut mentions: HashMap<(&str, &str), i64> = HashMap::new();
    let mut coordinates: HashMap<&str, (f64, Option<f64>)> = HashMap::new();
    for entity in entities {
        let name = entity.name.as_deref().unwrap_or(&entity.text);
        *mentions.entry((name, entity.kind.as_str())).or_default() += 1;
        // SQLite stores NaN as NULL, which no maximum counts.
        let lat = entity.lat.filter(|l| !l.is_nan());
        let lon = entity.lon.filter(|l| !l.is_nan());
        if let (dateline_core::EntityKind::Place, Some(name), Some(lat)) =
            (entity.kind, entity.name.as_deref(), lat)
        {
            let largest = coordinates.entry(name).or_insert((lat, lon));
            largest.0 = largest.0.max(lat);
            largest.1 = match (largest.1, lon) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            };
        }
    }
    let mut count = tx.prepare_cached(
        "INSERT INTO entity_counts (name, kind, mentions, documents) VALUES (?1, ?2, ?3, 1) \
         ON CONFLICT (name, kind) DO UPDATE SET mentions = mentions + excluded.mentions, documents = documents + 1",
    )?;
    for ((name, kind), n) in mentions {
        count.execute(params![name, kind, n])?;
    }
    // SQLite's max() of a NULL is NULL: a missing longitude is skipped.
    let mut place = tx.prepare_cached(
        "INSERT INTO place_coordinates (name, lat, lon) VALUES (?1, ?2, ?3) \
         ON CONFLICT (name) DO UPDATE SET lat = max(lat, excluded.lat), \
         lon = coalesce(max(lon, excluded.lon), lon, excluded.lon)",
    )?;
    for (name, (lat, lon)) in coordinates {
        place.execute(params![name, lat, lon])?;
    }
    Ok(())
}
