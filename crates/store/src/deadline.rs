//! Reads with a time limit, that whoever asked can also call off.

use crate::{Error, Store};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// When a read gives up: at a deadline, or as soon as it is cancelled
/// (from any thread, by any clone). A server gives each request one, so
/// that no query keeps a core busy past its limit or after its client
/// has gone.
///
/// ```
/// use dateline_store::{Deadline, Query, Store};
/// use std::time::Duration;
/// let store = Store::open_in_memory()?;
/// let generous = Deadline::after(Duration::from_secs(5));
/// assert!(store.bounded(&generous, |s| s.events(&Query::default()))?.is_empty());
/// // A read whose time is already up does not start.
/// let spent = Deadline::after(Duration::ZERO);
/// let error = store.bounded(&spent, |s| s.events(&Query::default())).unwrap_err();
/// assert!(error.is_timed_out());
/// # Ok::<(), dateline_store::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Deadline {
    at: Instant,
    limit: Duration,
    cancelled: Arc<AtomicBool>,
}

/// How many SQLite virtual-machine steps run between two looks at the
/// deadline: a few microseconds of work, so a read ends within
/// microseconds of its deadline, at a cost too small to measure.
const STEPS_BETWEEN_CHECKS: i32 = 1000;

impl Deadline {
    /// A deadline `limit` from now.
    pub fn after(limit: Duration) -> Deadline {
        Deadline { at: Instant::now() + limit, limit, cancelled: Arc::new(AtomicBool::new(false)) }
    }

    /// Calls off every read bounded by this deadline or a clone of it: a
    /// running one stops at its next check, a later one does not start.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Release);
    }

    /// Whether [`Deadline::cancel`] was called.
    pub fn is_cancelled(&self) -> bool {
        self.cancelled.load(Ordering::Acquire)
    }

    /// Whether the time is up.
    pub fn has_passed(&self) -> bool {
        Instant::now() >= self.at
    }

    /// The time the deadline was set for, from its creation.
    pub fn limit(&self) -> Duration {
        self.limit
    }

    /// Why a read bounded by this deadline must stop, if it must.
    fn stop(&self) -> Option<Error> {
        if self.is_cancelled() {
            Some(Error::cancelled())
        } else if self.has_passed() {
            Some(Error::timed_out(self.limit))
        } else {
            None
        }
    }
}

impl Store {
    /// Runs `read` (any of the store's reads) under `deadline`: SQLite
    /// stops the statement under way when the time is up or the deadline
    /// is cancelled, and the read then fails with an error for which
    /// [`Error::is_timed_out`] (or [`Error::is_cancelled`]) holds. A read
    /// that finishes in time is answered as it would be unbounded.
    pub fn bounded<T>(
        &self,
        deadline: &Deadline,
        read: impl FnOnce(&Store) -> Result<T, Error>,
    ) -> Result<T, Error> {
        if let Some(stop) = deadline.stop() {
            return Err(stop);
        }
        let watched = deadline.clone();
        self.conn.progress_handler(STEPS_BETWEEN_CHECKS, Some(move || watched.stop().is_some()));
        // Removed however `read` ends, so that the connection's next user
        // is not bound by this deadline.
        struct Unwatch<'a>(&'a rusqlite::Connection);
        impl Drop for Unwatch<'_> {
            fn drop(&mut self) {
                self.0.progress_handler(0, None::<fn() -> bool>);
            }
        }
        let _unwatch = Unwatch(&self.conn);
        match read(self) {
            Err(e) if e.is_interrupted() => Err(deadline.stop().unwrap_or(e)),
            answer => answer,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement that never ends by itself.
    fn endless(store: &Store) -> Result<i64, Error> {
        let sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n";
        Ok(store.conn.query_row(sql, [], |r| r.get(0))?)
    }

    #[test]
    fn a_query_past_its_deadline_ends_with_the_timeout_error() {
        let store = Store::open_in_memory().unwrap();
        let started = Instant::now();
        let error = store.bounded(&Deadline::after(Duration::from_millis(50)), endless).unwrap_err();
        assert!(error.is_timed_out() && !error.is_database(), "{error}");
        assert!(started.elapsed() < Duration::from_secs(2), "ended after {:?}", started.elapsed());
        assert!(error.to_string().contains("0.05 s"), "it says the limit: {error}");
        // The connection is free of the deadline afterwards.
        assert_eq!(store.document_count().unwrap(), 0);
    }

    #[test]
    fn a_cancelled_query_ends_at_once() {
        let store = Store::open_in_memory().unwrap();
        let deadline = Deadline::after(Duration::from_secs(3600));
        let canceller = deadline.clone();
        let cancelling = std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            canceller.cancel();
        });
        let started = Instant::now();
        let error = store.bounded(&deadline, endless).unwrap_err();
        cancelling.join().unwrap();
        assert!(error.is_cancelled() && !error.is_timed_out(), "{error}");
        assert!(started.elapsed() < Duration::from_secs(2), "ended after {:?}", started.elapsed());
    }
}
