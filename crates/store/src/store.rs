//! The store: one SQLite connection, set up on opening.

use crate::{schema, Error};
use rusqlite::Connection;
use std::path::Path;

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

    /// A store in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, Error> {
        Ok(Connection::open_in_memory().and_then(Store::set_up)?)
    }

    fn set_up(conn: Connection) -> rusqlite::Result<Store> {
        conn.execute_batch(schema::PRAGMAS)?;
        conn.execute_batch(schema::SCHEMA)?;
        Ok(Store { conn })
    }
}
