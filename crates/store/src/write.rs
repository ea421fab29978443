//! Writing: analysed articles with their expressions, entities and
//! entries, and the documents that could not be read.

use crate::{Error, Failure, Store};
use dateline_pipeline::Analysis;
use rusqlite::params;

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
                        places,
                        actors
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
