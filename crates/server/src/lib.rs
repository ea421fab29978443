//! `dateline serve`: the HTTP JSON API over a store, and the web page with
//! the timeline, the map and the sources. One binary, assets embedded.
//!
//! Safe defaults: it binds to loopback; binding elsewhere needs a token
//! that every request must then carry; bodies and queries are bounded;
//! every response carries a Content-Security-Policy, and the page builds
//! its DOM from text, never from markup, so article text cannot run.

mod api;
mod assets;
mod error;

pub use error::Error;

use axum::body::Body;
use axum::extract::{DefaultBodyLimit, State};
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use dateline_store::Store;
use std::collections::HashMap;
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
    pub token: Option<String>,
}

/// The largest request body accepted (a batch of articles).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// The longest request URI accepted.
const MAX_URI_BYTES: usize = 8 * 1024;

/// Shared by all requests.
pub struct AppState {
    /// Connections to the store: readers run side by side (WAL).
    pool: Vec<Mutex<Store>>,
    next: AtomicUsize,
    /// Serialises writes (ingest and merge).
    writer: Mutex<()>,
    token: Option<String>,
    /// Analyses the articles posted to the API.
    pipeline: dateline_pipeline::Pipeline,
    /// Answers to recent event queries, by query string, valid while the
    /// store's generation is unchanged (any write bumps it).
    cache: Mutex<HashMap<String, (u64, axum::body::Bytes)>>,
    generation: AtomicU64,
}

/// How many answers the cache keeps before it starts over.
const CACHE_ENTRIES: usize = 1024;

impl AppState {
    /// Opens `connections` connections to the store at `db`.
    pub fn open(db: &std::path::Path, connections: usize, token: Option<String>) -> Result<AppState, Error> {
        let pool =
            (0..connections.max(1)).map(|_| Store::open(db).map(Mutex::new)).collect::<Result<_, _>>()?;
        Ok(AppState {
            pool,
            next: AtomicUsize::new(0),
            writer: Mutex::new(()),
            token,
            pipeline: dateline_pipeline::Pipeline::new(),
            cache: Mutex::new(HashMap::new()),
            generation: AtomicU64::new(0),
        })
    }

    /// A cached answer to a query, if the store has not changed since.
    fn cached(&self, key: &str) -> Option<axum::body::Bytes> {
        let generation = self.generation.load(Ordering::Acquire);
        let cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        cache.get(key).filter(|(g, _)| *g == generation).map(|(_, body)| body.clone())
    }

    fn remember(&self, key: String, generation: u64, body: axum::body::Bytes) {
        let mut cache = self.cache.lock().unwrap_or_else(|e| e.into_inner());
        if cache.len() >= CACHE_ENTRIES {
            cache.clear();
        }
        cache.insert(key, (generation, body));
    }

    /// Marks every cached answer stale: the store changed.
    fn changed(&self) {
        self.generation.fetch_add(1, Ordering::AcqRel);
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
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(middleware::from_fn_with_state(state.clone(), guard))
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// Serves until interrupted.
pub async fn serve(config: Config) -> Result<(), Error> {
    if !config.addr.ip().is_loopback() && config.token.is_none() {
        return Err(Error::needs_token(config.addr));
    }
    if !config.db.exists() {
        return Err(Error::no_store(config.db));
    }
    let connections = std::thread::available_parallelism().map_or(4, |n| n.get() * 2);
    let state = Arc::new(AppState::open(&config.db, connections, config.token.clone())?);
    let listener =
        tokio::net::TcpListener::bind(config.addr).await.map_err(|e| Error::bind(config.addr, e))?;
    eprintln!("dateline: serving {} on http://{}", config.db.display(), config.addr);
    axum::serve(listener, router(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(Error::serve)
}

/// A JSON error with its status code.
pub(crate) fn error(status: StatusCode, message: impl Into<String>) -> Response {
    let body = serde_json::json!({ "error": message.into(), "status": status.as_u16() });
    (status, Json(body)).into_response()
}

/// A request that could not be answered.
pub(crate) enum Failed {
    /// The request asks for what cannot be done: a 4xx with what is
    /// wrong.
    Refused(StatusCode, String),
    /// The store's answer: a query it cannot run is the client's to fix
    /// (400); any other is the store's failure (500).
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

/// Long URIs are refused, and so is a request without the token when one
/// is set (as `Authorization: Bearer TOKEN` or `?token=TOKEN`).
async fn guard(State(state): State<Arc<AppState>>, request: Request<Body>, next: Next) -> Response {
    if request.uri().to_string().len() > MAX_URI_BYTES {
        return error(
            StatusCode::URI_TOO_LONG,
            format!("the request URI is longer than {MAX_URI_BYTES} bytes"),
        );
    }
    if let Some(token) = &state.token {
        let bearer = request
            .headers()
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .is_some_and(|t| constant_time_eq(t, token));
        let in_query = request.uri().query().is_some_and(|q| {
            q.split('&').any(|kv| kv.strip_prefix("token=").is_some_and(|t| constant_time_eq(t, token)))
        });
        if !bearer && !in_query {
            return error(
                StatusCode::UNAUTHORIZED,
                "this server needs a token: send `Authorization: Bearer TOKEN`",
            );
        }
    }
    next.run(request).await
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The page may load only its own scripts, styles and data.
async fn security_headers(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    response
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
}
