//! `dateline serve`: the HTTP JSON API over a store, and the web page with
//! the timeline, the map and the sources. One binary, assets embedded.
//!
//! Safe defaults: it binds to loopback and answers only requests that
//! name it (so a rebound DNS name reaches nothing) and come from its own
//! page (so another site cannot post to it); binding elsewhere needs a
//! token that every request must then carry; bodies, queries, headers
//! and the time a client may take are bounded; every response carries a
//! Content-Security-Policy, and the page builds its DOM from text, never
//! from markup, so article text cannot run.

mod access;
mod api;
mod assets;
mod cache;
mod connection;
mod error;
mod layers;

pub use access::{Access, Token, MIN_TOKEN_CHARS};
pub use connection::{serve_on, Timeouts};
pub use error::Error;

use axum::extract::DefaultBodyLimit;
use axum::http::{header, StatusCode};
use axum::middleware;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use cache::AnswerCache;
use dateline_store::{Deadline, Store};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

/// How to serve.
#[derive(Clone, Debug)]
pub struct Config {
    /// The store.
    pub db: PathBuf,
    /// Where to listen.
    pub addr: SocketAddr,
    /// A token every request must carry (required off loopback).
    pub token: Option<Token>,
    /// Host names the server answers to besides those of `addr`
    /// (`NAME` for any port, or `NAME:PORT`).
    pub allowed_hosts: Vec<String>,
    /// How long a client may keep the server waiting.
    pub timeouts: Timeouts,
    /// The most bytes the answer cache holds.
    pub cache_bytes: usize,
}

impl Config {
    /// Serving `db` on `addr` with no token, no other host names and the
    /// default limits.
    pub fn new(db: PathBuf, addr: SocketAddr) -> Config {
        Config {
            db,
            addr,
            token: None,
            allowed_hosts: Vec::new(),
            timeouts: Timeouts::default(),
            cache_bytes: DEFAULT_CACHE_BYTES,
        }
    }
}

/// The largest request body accepted (a batch of articles).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// How much of the store each connection reads through a memory map (SQLite
/// caps it near 2 GiB): a query then reads its pages from the system's page
/// cache without a read call each, which was a third of an uncached
/// `/api/events` request on the 100,000-article store.
const MAPPED_BYTES: u64 = 2 << 30;

/// The most bytes the answer cache holds unless told otherwise.
pub const DEFAULT_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// Shared by all requests.
pub struct AppState {
    /// Connections to the store: readers run side by side (WAL).
    pool: Vec<Mutex<Store>>,
    next: AtomicUsize,
    /// One permit per connection: reads wait for one in the order they
    /// came, without holding a thread (see [`AppState::turn`]).
    turns: Arc<tokio::sync::Semaphore>,
    /// Serialises writes (ingest and merge).
    writer: Mutex<()>,
    /// The hosts, origins and token the server answers.
    access: Access,
    timeouts: Timeouts,
    /// Analyses the articles posted to the API.
    pipeline: dateline_pipeline::Pipeline,
    /// Answers to recent event queries, by query string, valid while the
    /// store's generation is unchanged (any write bumps it).
    cache: Mutex<AnswerCache>,
    generation: AtomicU64,
}

impl AppState {
    /// Opens `connections` connections to the store at `db`, to answer
    /// those `access` lets in, with the default timeouts and cache size.
    pub fn open(db: &std::path::Path, connections: usize, access: Access) -> Result<AppState, Error> {
        let open = || -> Result<Mutex<Store>, dateline_store::Error> {
            let store = Store::open(db)?;
            store.map_into_memory(MAPPED_BYTES)?;
            Ok(Mutex::new(store))
        };
        let pool: Vec<_> = (0..connections.max(1)).map(|_| open()).collect::<Result<_, _>>()?;
        Ok(AppState {
            turns: Arc::new(tokio::sync::Semaphore::new(pool.len())),
            pool,
            next: AtomicUsize::new(0),
            writer: Mutex::new(()),
            access,
            timeouts: Timeouts::default(),
            pipeline: dateline_pipeline::Pipeline::new(),
            cache: Mutex::new(AnswerCache::new(DEFAULT_CACHE_BYTES)),
            generation: AtomicU64::new(0),
        })
    }

    /// The same, with these timeouts.
    pub fn with_timeouts(mut self, timeouts: Timeouts) -> AppState {
        self.timeouts = timeouts;
        self
    }

    /// The same, with an answer cache of at most `bytes`.
    pub fn with_cache_bytes(mut self, bytes: usize) -> AppState {
        self.cache = Mutex::new(AnswerCache::new(bytes));
        self
    }

    /// A cached answer to a query, if the store has not changed since.
    fn cached(&self, key: &str) -> Option<axum::body::Bytes> {
        let generation = self.generation.load(Ordering::Acquire);
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).get(key, generation)
    }

    fn remember(&self, key: String, generation: u64, body: axum::body::Bytes) {
        self.cache.lock().unwrap_or_else(|e| e.into_inner()).insert(key, generation, body);
    }

    /// Marks every cached answer stale: the store changed.
    fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
    }

    /// Waits for a connection to be free for this request's read: first
    /// come, first served. Waiting on the connections' locks instead, on
    /// threads of their own, served them in no order, and under load some
    /// waited seconds while later ones went first. A request whose client
    /// goes stops waiting.
    async fn turn(&self) -> Result<tokio::sync::OwnedSemaphorePermit, Failed> {
        self.turns.clone().acquire_owned().await.map_err(Failed::internal)
    }

    /// Runs a read on a free connection, ended by SQLite when `deadline`
    /// passes or is cancelled.
    fn read<T>(
        &self,
        deadline: &Deadline,
        work: impl FnOnce(&Store) -> Result<T, dateline_store::Error>,
    ) -> Result<T, dateline_store::Error> {
        self.with_store(|store| store.bounded(deadline, work))
    }

    /// Runs `work` on a free connection (waiting for one when all are busy).
    fn with_store<T>(&self, work: impl FnOnce(&mut Store) -> T) -> T {
        let start = self.next.fetch_add(1, Ordering::Relaxed);
        for k in 0..self.pool.len() {
            if let Ok(mut store) = self.pool[(start + k) % self.pool.len()].try_lock() {
                return work(&mut store);
            }
        }
        let mut store = self.pool[start % self.pool.len()].lock().unwrap_or_else(|e| e.into_inner());
        work(&mut store)
    }
}

/// The whole application: API, page and the layers around them.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(assets::index))
        .route("/app.js", get(assets::script))
        .route("/style.css", get(assets::style))
        .route("/countries-110m.json", get(assets::countries))
        .route("/openapi.json", get(api::openapi))
        .route("/api/events", get(api::events))
        .route("/api/documents", get(api::documents).post(api::add_documents))
        .route("/api/documents/{id}", get(api::document))
        .route("/api/entities", get(api::entities))
        .route("/api/places", get(api::places))
        .route("/api/summary", get(api::summary))
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), access::guard))
        .layer(middleware::from_fn(layers::check_request))
        .layer(middleware::from_fn(layers::json_errors))
        .layer(middleware::from_fn(layers::security_headers))
        .with_state(state)
}

/// The methods a path of [`router`] answers to, for the `Allow` header of
/// a 405.
fn allowed_methods(path: &str) -> &'static str {
    if path == "/api/documents" {
        "GET, HEAD, POST"
    } else {
        "GET, HEAD"
    }
}

/// Serves until interrupted.
pub async fn serve(config: Config) -> Result<(), Error> {
    // The rules are checked before anything is opened or bound.
    let mut access = Access::new(config.addr, config.token.clone(), &config.allowed_hosts)?;
    if !config.db.exists() {
        return Err(Error::no_store(config.db));
    }
    let connections = std::thread::available_parallelism().map_or(4, |n| n.get() * 2);
    let listener =
        tokio::net::TcpListener::bind(config.addr).await.map_err(|e| Error::bind(config.addr, e))?;
    let addr = listener.local_addr().map_err(|e| Error::bind(config.addr, e))?;
    if addr != config.addr {
        // Port 0: the host names carry the port the system chose.
        access = Access::new(addr, config.token.clone(), &config.allowed_hosts)?;
    }
    let state = AppState::open(&config.db, connections, access)?
        .with_timeouts(config.timeouts)
        .with_cache_bytes(config.cache_bytes);
    eprintln!("dateline: serving {} on http://{addr}", config.db.display());
    if config.token.is_some() {
        eprintln!(
            "dateline: open http://{addr}/?token=TOKEN once in a browser; the page then keeps it in a cookie"
        );
    }
    serve_on(listener, Arc::new(state), async {
        let _ = tokio::signal::ctrl_c().await;
    })
    .await
}

/// A JSON error with its status code.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": message.into(), "status": status.as_u16() });
    (status, Json(body)).into_response()
}

/// How long a client whose query ran out of time is asked to wait.
const RETRY_AFTER_SECONDS: u32 = 5;

/// Cancels a request's reads when dropped: hyper drops the future of a
/// request whose client has gone, and with it this guard, so the query
/// under way on a blocking thread stops instead of running to its end.
pub(crate) struct CancelOnDrop(pub(crate) Deadline);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

/// A request that could not be answered.
pub(crate) enum Failed {
    /// The request asks for what cannot be done: a 4xx with what is
    /// wrong.
    Refused(StatusCode, String),
    /// The store's answer: a query it cannot run is the client's to fix
    /// (400), one past its deadline is a 503 with `Retry-After`; any other
    /// is the store's failure (500).
    Store(dateline_store::Error),
    /// The server's own failure: a task that panicked, an answer that
    /// would not serialise (500).
    Internal(String),
}

impl Failed {
    pub(crate) fn bad_request(problem: impl Into<String>) -> Failed {
        Failed::Refused(StatusCode::BAD_REQUEST, problem.into())
    }

    pub(crate) fn internal(cause: impl std::fmt::Display) -> Failed {
        Failed::Internal(cause.to_string())
    }
}

impl From<dateline_store::Error> for Failed {
    fn from(e: dateline_store::Error) -> Failed {
        Failed::Store(e)
    }
}

/// A failure of the server answers 500 with a body that names what
/// failed, not how: the cause (file paths, SQLite's words) goes to the
/// log, for whoever runs the server.
impl IntoResponse for Failed {
    fn into_response(self) -> Response {
        let (what, cause) = match self {
            Failed::Refused(status, problem) => return error(status, problem),
            Failed::Store(e) if e.is_bad_query() => return error(StatusCode::BAD_REQUEST, e.to_string()),
            // Cancelled: the client has gone and reads no answer.
            Failed::Store(e) if e.is_busy() => {
                let mut busy = error(StatusCode::SERVICE_UNAVAILABLE, format!("{e}: retry later"));
                busy.headers_mut().insert(header::RETRY_AFTER, RETRY_AFTER_SECONDS.into());
                return busy;
            }
            Failed::Store(e) if e.is_timed_out() || e.is_cancelled() => {
                let message = format!("{e}: narrow the query (fewer words, fewer filters) or retry later");
                let mut busy = error(StatusCode::SERVICE_UNAVAILABLE, message);
                busy.headers_mut().insert(header::RETRY_AFTER, RETRY_AFTER_SECONDS.into());
                return busy;
            }
            Failed::Store(e) if e.is_unreadable_row() => {
                ("the store could not answer: a stored row does not read back", e.to_string())
            }
            Failed::Store(e) => ("the store could not answer: its database failed", e.to_string()),
            Failed::Internal(cause) => ("the server failed", cause),
        };
        eprintln!("dateline: {what}: {cause}");
        error(StatusCode::INTERNAL_SERVER_ERROR, format!("{what} (the server's log has the cause)"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_the_store_cannot_run_is_the_clients_to_fix() {
        let store = Store::open_in_memory().unwrap();
        let search = dateline_store::Query { search: Some("(talks".into()), ..Default::default() };
        let response = Failed::Store(store.events(&search).unwrap_err()).into_response();
        assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    }

    #[test]
    fn a_request_dropped_midway_cancels_its_reads() {
        let deadline = Deadline::after(std::time::Duration::from_secs(60));
        let guard = CancelOnDrop(deadline.clone());
        assert!(!deadline.is_cancelled());
        drop(guard);
        assert!(deadline.is_cancelled());
        let store = Store::open_in_memory().unwrap();
        let error = store.bounded(&deadline, |s| s.document_count()).unwrap_err();
        assert!(error.is_cancelled());
    }
}
