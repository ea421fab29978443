//! The store: one SQLite connection, set up on opening.

use crate::{schema, Error};
use rusqlite::{Connection, OpenFlags};
use std::path::Path;

/// How long a call waits for another process's write to finish before
/// it fails as busy (the schema's `busy_timeout` says the same).
const BUSY_WAIT: std::time::Duration = std::time::Duration::from_secs(10);

/// How many prepared statements a connection keeps for reuse: those of a
/// timeline query (one per shape of filters, and the few per event) with
/// room to spare.
const STATEMENT_CACHE: usize = 64;

/// The store: one connection to one SQLite file. Its methods are spread
/// over the files of their concern (writing, merging, reading).
pub struct Store {
    pub(crate) conn: Connection,
}

impl Store {
    /// Opens (or creates) the store at `path`.
    ///
    /// A file that is not a store is refused here, as a database error:
    ///
    /// ```
    /// use dateline_store::Store;
    /// let path = std::env::temp_dir().join(format!("dateline-doc-{}.txt", std::process::id()));
    /// std::fs::write(&path, "date 2020-11-26\nTroops left Kalbajar on Wednesday.\n".repeat(40))?;
    /// let error = Store::open(&path).err().expect("an article is not a database");
    /// assert!(error.is_database());
    /// assert!(error.to_string().starts_with(&path.display().to_string()));
    /// std::fs::remove_file(&path)?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn open(path: &Path) -> Result<Store, Error> {
        Connection::open(path).and_then(Store::set_up).map_err(|e| Error::opening(path, e))
    }

    /// Opens an existing store for reading only: it may lie where this
    /// process cannot write (a read-only mount, another user's folder).
    /// Nothing is created; a file that is not a store is refused.
    ///
    /// A store written by an older version is brought up to this layout
    /// first (it lacks columns this version reads), which needs the file
    /// to be writable once; where it is not, the error says why.
    pub fn open_read_only(path: &Path) -> Result<Store, Error> {
        let store = Store::open_read_only_as_is(path)?;
        let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap_or(0);
        if version >= schema::VERSION {
            return Ok(store);
        }
        drop(store);
        // Written by an older version: upgraded in place, then read.
        drop(Store::open(path)?);
        Store::open_read_only_as_is(path)
    }

    fn open_read_only_as_is(path: &Path) -> Result<Store, Error> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        // Reading the schema checks that this is a store at all.
        let check = |conn: Connection| {
            conn.busy_timeout(BUSY_WAIT)?;
            conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
            conn.query_row("SELECT count(*) FROM documents", [], |_| Ok(()))?;
            Ok(Store { conn })
        };
        let error = match Connection::open_with_flags(path, flags).and_then(check) {
            Ok(store) => return Ok(store),
            Err(error) => error,
        };
        // A store in write-ahead-log mode needs its shared-memory file,
        // which a folder we cannot write to cannot hold. Such a store can
        // still be read as immutable, when no one is writing to it, which
        // is all a read-only place allows anyway.
        let immutable = || -> rusqlite::Result<Store> {
            let uri = format!("file:{}?immutable=1", uri_path(path));
            Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI).and_then(check)
        };
        match error.sqlite_error_code() {
            Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen) => {
                immutable().map_err(|_| Error::opening(path, error))
            }
            _ => Err(Error::opening(path, error)),
        }
    }

    /// How long a call waits for another process's write to end before
    /// it fails with [`Error::is_busy`] (10 s unless changed).
    pub fn wait_for_writers(&self, wait: std::time::Duration) -> Result<(), Error> {
        Ok(self.conn.busy_timeout(wait)?)
    }

    /// Reads the file through a memory map of up to `bytes` (the whole
    /// file when it is smaller) instead of copying each page with a read
    /// call: for a long-lived reader such as the server, whose queries
    /// touch pages all over a store too large for SQLite's own cache.
    /// The mapped pages are the system's page cache, shared by every
    /// connection, and count in the process's resident memory once read.
    pub fn map_into_memory(&self, bytes: u64) -> Result<(), Error> {
        self.conn.pragma_update(None, "mmap_size", bytes as i64)?;
        Ok(())
    }

    /// A store in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, Error> {
        Ok(Connection::open_in_memory().and_then(Store::set_up)?)
    }

    fn set_up(conn: Connection) -> rusqlite::Result<Store> {
        conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
        conn.execute_batch(schema::PRAGMAS)?;
        conn.execute_batch(schema::SCHEMA)?;
        upgrade(&conn)?;
        add_indexes(&conn)?;
        Ok(Store { conn })
    }
}

/// Brings a store written by an older version up to this layout: the
/// tables of counts it did not keep are filled from what it stores (a
/// few seconds for 100,000 articles, once).
fn upgrade(conn: &Connection) -> rusqlite::Result<()> {
    let version = |conn: &Connection| conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0));
    if version(conn)? >= schema::VERSION {
        return Ok(());
    }
    // Another process may be upgrading the same file: the write lock is
    // taken first and the version read again under it.
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let upgraded = (|| {
        if version(conn)? < schema::VERSION {
            for (table, column, definition) in schema::ADDED_COLUMNS {
                let has: bool = conn.query_row(
                    &format!("SELECT count(*) > 0 FROM pragma_table_info('{table}') WHERE name = ?1"),
                    [column],
                    |r| r.get(0),
                )?;
                if !has {
                    conn.execute_batch(&format!("ALTER TABLE {table} ADD COLUMN {column} {definition}"))?;
                }
            }
            conn.execute_batch(schema::FILL_COUNTS)?;
            conn.execute_batch(schema::FILL_PLACE_COUNTS)?;
            conn.execute_batch(&format!("PRAGMA user_version = {}", schema::VERSION))?;
        }
        Ok(())
    })();
    match upgraded {
        Ok(()) => conn.execute_batch("COMMIT"),
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Creates the indexes of [`schema::ADDED_INDEXES`] a store lacks, with
/// their statistics. Nothing is written when none is missing.
fn add_indexes(conn: &Connection) -> rusqlite::Result<()> {
    let has = |name: &str| -> rusqlite::Result<bool> {
        conn.query_row(
            "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'index' AND name = ?1",
            [name],
            |r| r.get(0),
        )
    };
    for (name, definition) in schema::ADDED_INDEXES {
        if has(name)? {
            continue;
        }
        // Another process may be adding the same index: the write lock
        // is taken first and the index looked for again under it.
        conn.execute_batch("BEGIN IMMEDIATE")?;
        let added = (|| {
            if !has(name)? {
                conn.execute_batch(&format!("CREATE INDEX {name} ON {definition}; ANALYZE {name};"))?;
            }
            Ok(())
        })();
        match added {
            Ok(()) => conn.execute_batch("COMMIT")?,
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                return Err(e);
            }
        }
    }
    Ok(())
}

/// A path as the path part of an SQLite URI: `%`, `?` and `#` escaped.
fn uri_path(path: &Path) -> String {
    let mut out = String::new();
    for c in path.to_string_lossy().chars() {
        match c {
            '%' => out.push_str("%25"),
            '?' => out.push_str("%3f"),
            '#' => out.push_str("%23"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_read_only_opening_reads_creates_nothing_and_refuses_what_is_not_a_store() {
        let dir = std::env::temp_dir().join(format!("dateline-ro-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("store.db");
        let _ = std::fs::remove_file(&db);
        Store::open(&db).unwrap();
        let store = Store::open_read_only(&db).unwrap();
        assert_eq!(store.document_count().unwrap(), 0);
        let missing = dir.join("missing.db");
        assert!(Store::open_read_only(&missing).is_err());
        assert!(!missing.exists(), "nothing created");
        let text = dir.join("article.txt");
        std::fs::write(&text, "date 2020-11-26\nTroops left Kalbajar on Wednesday.\n".repeat(40)).unwrap();
        assert!(Store::open_read_only(&text).is_err());
        assert_eq!(uri_path(Path::new("/a b/c?d#e%f")), "/a b/c%3fd%23e%25f");
    }

    #[test]
    fn a_store_without_the_added_indexes_gets_them_when_opened_for_writing() {
        let dir = std::env::temp_dir().join(format!("dateline-indexes-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("store.db");
        let _ = std::fs::remove_file(&db);
        let indexes = |store: &Store| -> Vec<String> {
            let mut statement = store
                .conn
                .prepare(
                    "SELECT name FROM sqlite_master WHERE type = 'index' AND name IN (?1, ?2) ORDER BY name",
                )
                .unwrap();
            let names = schema::ADDED_INDEXES.iter().map(|(name, _)| *name);
            let rows = statement.query_map(rusqlite::params_from_iter(names), |r| r.get(0)).unwrap();
            rows.collect::<Result<_, _>>().unwrap()
        };
        let store = Store::open(&db).unwrap();
        assert_eq!(indexes(&store), ["documents_source", "events_status_order"]);
        // As an earlier version wrote it.
        store.conn.execute_batch("DROP INDEX documents_source; DROP INDEX events_status_order").unwrap();
        drop(store);
        assert!(indexes(&Store::open_read_only(&db).unwrap()).is_empty(), "reading adds nothing");
        assert_eq!(indexes(&Store::open(&db).unwrap()), ["documents_source", "events_status_order"]);
    }

    #[test]
    fn a_store_another_writer_holds_is_busy_not_broken() {
        let dir = std::env::temp_dir().join(format!("dateline-busy-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let db = dir.join("store.db");
        let _ = std::fs::remove_file(&db);
        let mut writer = Store::open(&db).unwrap();
        let holding =
            writer.conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
        let mut other = Store::open(&db).unwrap();
        other.wait_for_writers(std::time::Duration::from_millis(50)).unwrap();
        let error = other.merge().unwrap_err();
        assert!(error.is_busy() && !error.is_database(), "{error}");
        assert!(error.to_string().contains("busy"), "{error}");
        drop(holding);
        assert!(other.merge().is_ok(), "free again once the writer is done");
    }
}
