//! The JSON API.

use crate::{error, AppState, CancelOnDrop, Failed};
use axum::body::Bytes;
use axum::extract::rejection::QueryRejection;
use axum::extract::{FromRequest, Path, Query, Request, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use dateline_core::{Date, EntityKind, Status};
use dateline_pipeline::Analysis;
use dateline_read::{read, Format, Options};
use dateline_store::{Deadline, Store};
use serde::Deserialize;
use std::str::FromStr;
use std::sync::Arc;

/// Filters of `GET /api/events`, as in `dateline timeline --db`.
#[derive(Deserialize)]
pub(crate) struct EventFilters {
    entity: Option<String>,
    place: Option<String>,
    from: Option<String>,
    to: Option<String>,
    status: Option<String>,
    q: Option<String>,
    /// `false` leaves out the events dated only from their stories.
    inferred: Option<bool>,
    limit: Option<usize>,
}

/// The largest offset into the article list.
const MAX_OFFSET: usize = 1_000_000_000;

/// The most events one request returns.
const MAX_EVENTS: usize = 1000;

/// A query parameter read as a value of the vocabulary, or the 400 that
/// says what is wrong with it.
fn parameter<T: FromStr>(name: &str, given: Option<&str>) -> Result<Option<T>, Failed>
where
    T::Err: std::fmt::Display,
{
    given.map(|s| s.parse::<T>().map_err(|e| Failed::bad_request(format!("`{name}`: {e}")))).transpose()
}

impl EventFilters {
    /// The store query these filters ask for, or what is wrong with them.
    fn query(self) -> Result<dateline_store::Query, Failed> {
        if self.limit.is_some_and(|l| l > MAX_OFFSET) {
            return Err(Failed::bad_request(format!("`limit` must be at most {MAX_OFFSET}")));
        }
        Ok(dateline_store::Query {
            entity: self.entity.filter(|s| !s.is_empty()),
            place: self.place.filter(|s| !s.is_empty()).map(|p| dateline_pipeline::place_filter(&p)),
            from: parameter::<Date>("from", self.from.as_deref())?,
            to: parameter::<Date>("to", self.to.as_deref())?,
            status: parameter::<Status>("status", self.status.as_deref())?,
            search: self.q.filter(|s| !s.trim().is_empty()).map(|q| fts_phrase(&q)).transpose()?,
            explicit_only: self.inferred == Some(false),
            limit: Some(self.limit.unwrap_or(200).min(MAX_EVENTS)),
            max_sources: Some(20),
        })
    }
}

pub(crate) async fn events(
    State(state): State<Arc<AppState>>,
    uri: axum::http::Uri,
    query: Result<Query<EventFilters>, QueryRejection>,
) -> Response {
    // The same question is answered from memory until the store changes.
    let key = uri.query().unwrap_or("").to_string();
    if let Some(body) = state.cached(&key) {
        return ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response();
    }
    let query = match query.map_err(|e| Failed::bad_request(e.body_text())).and_then(|Query(f)| f.query()) {
        Ok(query) => query,
        Err(failed) => return failed.into_response(),
    };
    let deadline = Deadline::after(state.timeouts.query);
    let _cancel_when_gone = CancelOnDrop(deadline.clone());
    let _turn = match state.turn().await {
        Ok(turn) => turn,
        Err(failed) => return failed.into_response(),
    };
    let work = move || -> Result<axum::body::Bytes, Failed> {
        let generation = state.generation.load(std::sync::atomic::Ordering::Acquire);
        let events = state.read(&deadline, |store| store.events(&query))?;
        let body = axum::body::Bytes::from(serde_json::to_vec(&events).map_err(Failed::internal)?);
        state.remember(key, generation, body.clone());
        Ok(body)
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(body)) => ([(axum::http::header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(Err(failed)) => failed.into_response(),
        Err(e) => Failed::internal(e).into_response(),
    }
}

/// The most words a search (`q`) may have. Each word is one more lookup
/// in the search index and one more list of events to intersect, and no
/// reader types more than a few.
pub(crate) const MAX_SEARCH_WORDS: usize = 32;

/// Search words as one FTS5 query of quoted terms, so that punctuation in
/// what a reader types is never FTS syntax. More than
/// [`MAX_SEARCH_WORDS`] words are refused (a 400 that says the limit),
/// not cut, so that a search never silently means less than it says.
fn fts_phrase(q: &str) -> Result<String, Failed> {
    let words: Vec<&str> = q.split_whitespace().collect();
    if words.len() > MAX_SEARCH_WORDS {
        return Err(Failed::bad_request(format!(
            "`q` has {} words: a search takes at most {MAX_SEARCH_WORDS}",
            words.len()
        )));
    }
    Ok(words.iter().map(|w| format!("\"{}\"", w.replace('"', "\"\""))).collect::<Vec<_>>().join(" "))
}

/// Parameters of `GET /api/summary`, as `dateline timeline --db
/// --key-dates`.
#[derive(Deserialize)]
pub(crate) struct SummaryParameters {
    /// How many key dates (chosen from the collection when absent).
    k: Option<i64>,
    /// Sentences per date.
    sentences: Option<i64>,
    q: Option<String>,
    from: Option<String>,
    to: Option<String>,
}

/// The most key dates one request returns.
const MAX_KEY_DATES: i64 = 500;

impl SummaryParameters {
    /// The store query and summary options asked for, or what is wrong.
    fn checked(self) -> Result<(dateline_store::Query, dateline_summary::Options), Failed> {
        let dates = match self.k {
            Some(k) if !(1..=MAX_KEY_DATES).contains(&k) => {
                return Err(Failed::bad_request(format!("`k` must be from 1 to {MAX_KEY_DATES}, not {k}")))
            }
            k => k.map(|k| k as usize),
        };
        let sentences = self.sentences.unwrap_or(1);
        let max = dateline_summary::MAX_SENTENCES as i64;
        if !(1..=max).contains(&sentences) {
            return Err(Failed::bad_request(format!("`sentences` must be from 1 to {max}, not {sentences}")));
        }
        let q = self.q.filter(|s| !s.trim().is_empty());
        let from = parameter::<Date>("from", self.from.as_deref())?;
        let to = parameter::<Date>("to", self.to.as_deref())?;
        let options = dateline_summary::Options {
            dates,
            sentences: sentences as usize,
            query: q.iter().flat_map(|q| q.split_whitespace().map(str::to_string)).collect(),
            from,
            to,
        };
        options.validate().map_err(|e| Failed::bad_request(e.to_string()))?;
        let query = dateline_store::Query {
            from,
            to,
            search: q.map(|q| fts_phrase(&q)).transpose()?,
            ..dateline_store::Query::default()
        };
        Ok((query, options))
    }
}

/// `GET /api/summary`: the story in key dates (an empty list when nothing
/// matches).
pub(crate) async fn summary(
    State(state): State<Arc<AppState>>,
    uri: axum::http::Uri,
    parameters: Result<Query<SummaryParameters>, QueryRejection>,
) -> Response {
    let key = format!("summary?{}", uri.query().unwrap_or(""));
    if let Some(body) = state.cached(&key) {
        return ([(header::CONTENT_TYPE, "application/json")], body).into_response();
    }
    let (query, options) =
        match parameters.map_err(|e| Failed::bad_request(e.body_text())).and_then(|Query(p)| p.checked()) {
            Ok(checked) => checked,
            Err(failed) => return failed.into_response(),
        };
    let deadline = Deadline::after(state.timeouts.query);
    let _cancel_when_gone = CancelOnDrop(deadline.clone());
    let _turn = match state.turn().await {
        Ok(turn) => turn,
        Err(failed) => return failed.into_response(),
    };
    let work = move || -> Result<Bytes, Failed> {
        let generation = state.generation.load(std::sync::atomic::Ordering::Acquire);
        let sources = state.read(&deadline, |store| store.sources(&query))?;
        let dates = dateline_summary::key_dates(&sources, &options)
            .map_err(|e| Failed::bad_request(e.to_string()))?;
        let body = Bytes::from(serde_json::to_vec(&dates).map_err(Failed::internal)?);
        state.remember(key, generation, body.clone());
        Ok(body)
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(body)) => ([(header::CONTENT_TYPE, "application/json")], body).into_response(),
        Ok(Err(failed)) => failed.into_response(),
        Err(e) => Failed::internal(e).into_response(),
    }
}

#[derive(Deserialize)]
pub(crate) struct Page {
    limit: Option<usize>,
    offset: Option<usize>,
    kind: Option<String>,
}

impl Page {
    /// The page a query asks for, or what is wrong with it (a 400):
    /// unreadable parameters, or a page past any sensible size.
    fn checked(query: Result<Query<Page>, QueryRejection>) -> Result<Page, Failed> {
        let Query(page) = query.map_err(|e| Failed::bad_request(e.body_text()))?;
        if page.limit.is_some_and(|l| l > MAX_OFFSET) || page.offset.is_some_and(|o| o > MAX_OFFSET) {
            return Err(Failed::bad_request(format!("`limit` and `offset` must be at most {MAX_OFFSET}")));
        }
        Ok(page)
    }
}

pub(crate) async fn documents(
    State(state): State<Arc<AppState>>,
    query: Result<Query<Page>, QueryRejection>,
) -> Result<Response, Failed> {
    let page = Page::checked(query)?;
    let (limit, offset) = (page.limit.unwrap_or(100).min(MAX_EVENTS), page.offset.unwrap_or(0));
    run(state, move |store| store.documents(limit, offset)).await
}

pub(crate) async fn document(State(state): State<Arc<AppState>>, Path(id): Path<String>) -> Response {
    let deadline = Deadline::after(state.timeouts.query);
    let _cancel_when_gone = CancelOnDrop(deadline.clone());
    let _turn = match state.turn().await {
        Ok(turn) => turn,
        Err(failed) => return failed.into_response(),
    };
    let found = tokio::task::spawn_blocking(move || state.read(&deadline, |store| store.document(&id))).await;
    match found {
        Ok(Ok(Some(doc))) => Json(doc).into_response(),
        Ok(Ok(None)) => error(StatusCode::NOT_FOUND, "no document with this id"),
        Ok(Err(e)) => Failed::Store(e).into_response(),
        Err(e) => Failed::internal(e).into_response(),
    }
}

pub(crate) async fn entities(
    State(state): State<Arc<AppState>>,
    query: Result<Query<Page>, QueryRejection>,
) -> Result<Response, Failed> {
    let page = Page::checked(query)?;
    let kind = parameter::<EntityKind>("kind", page.kind.as_deref())?;
    let limit = page.limit.unwrap_or(100).min(MAX_EVENTS);
    run(state, move |store| store.entity_counts(kind, limit)).await
}

pub(crate) async fn places(
    State(state): State<Arc<AppState>>,
    query: Result<Query<Page>, QueryRejection>,
) -> Result<Response, Failed> {
    let page = Page::checked(query)?;
    let limit = page.limit.unwrap_or(500).min(5000);
    run(state, move |store| store.places(limit)).await
}

/// The media types `POST /api/documents` reads: one JSON article, or
/// JSON Lines. A form or `text/plain` (what another site can make a
/// browser send without asking first) is refused.
const ARTICLE_TYPES: [&str; 3] = ["application/json", "application/x-ndjson", "application/jsonl"];

/// Whether the request says its body is JSON or JSON Lines.
fn is_article_type(headers: &HeaderMap) -> bool {
    let media_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase());
    media_type.is_some_and(|t| ARTICLE_TYPES.contains(&t.as_str()))
}

/// `POST /api/documents`: one article as a JSON object `{date, text,
/// title?, url?, id?}`, or a batch as JSON Lines. Returns what was added,
/// with the timeline of each article.
pub(crate) async fn add_documents(State(state): State<Arc<AppState>>, request: Request) -> Response {
    if !is_article_type(request.headers()) {
        let mut refused = error(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "send articles with `Content-Type: application/json` (one article) \
             or `application/x-ndjson` (JSON Lines, one article a line)",
        );
        let accepted =
            axum::http::HeaderValue::from_static("application/json, application/x-ndjson, application/jsonl");
        refused.headers_mut().insert("accept-post", accepted);
        return refused;
    }
    let limit = state.timeouts.body_read;
    let body = match tokio::time::timeout(limit, Bytes::from_request(request, &())).await {
        Ok(Ok(body)) => body,
        Ok(Err(rejection)) => return error(rejection.status(), rejection.body_text()),
        Err(_) => {
            return error(
                StatusCode::REQUEST_TIMEOUT,
                format!("the body took longer than {} s to arrive", limit.as_secs_f64()),
            )
        }
    };
    if body.iter().all(u8::is_ascii_whitespace) {
        return error(
            StatusCode::BAD_REQUEST,
            "empty body: send {\"date\": \"YYYY-MM-DD\", \"text\": \"...\"}",
        );
    }
    let work = move || {
        let options = Options { format: Some(Format::JsonLines), dct: None };
        // A pretty-printed single object spans lines: read it whole.
        let single = serde_json::from_slice::<serde_json::Value>(&body).ok().filter(|v| v.is_object());
        let lines = match single {
            Some(value) => value.to_string().into_bytes(),
            None => body.to_vec(),
        };
        let mut problems = Vec::new();
        let mut documents = Vec::new();
        for result in read("body", &lines, &options) {
            match result {
                Ok(input) => documents.push(input.document),
                Err(e) => problems.push(format!("line {}: {}", e.line(), e.message())),
            }
        }
        let batch: Vec<Analysis<'_>> = documents.iter().map(|doc| state.pipeline.analyse(doc)).collect();
        if batch.is_empty() {
            return Err(Failed::Refused(StatusCode::UNPROCESSABLE_ENTITY, problems.join("; ")));
        }
        let _writing = state.writer.lock().unwrap_or_else(|e| e.into_inner());
        let added = state
            .with_store(|store| -> Result<usize, dateline_store::Error> {
                let added = store.insert(&batch)?;
                // Only the events the new articles can meet are merged again.
                store.merge_new()?;
                state.changed();
                Ok(added)
            })
            .map_err(Failed::Store)?;
        let documents: Vec<serde_json::Value> = batch
            .iter()
            .map(|a| serde_json::json!({ "id": a.document.id, "dct": a.document.dct.to_string(), "entries": a.entries }))
            .collect();
        Ok(serde_json::json!({ "added": added, "skipped": problems, "documents": documents }))
    };
    match tokio::task::spawn_blocking(work).await {
        Ok(Ok(body)) => (StatusCode::CREATED, Json(body)).into_response(),
        Ok(Err(failed)) => failed.into_response(),
        Err(e) => Failed::internal(e).into_response(),
    }
}

pub(crate) async fn not_found() -> Response {
    error(StatusCode::NOT_FOUND, "no such path: see /openapi.json")
}

/// Runs a read of the store off the async threads, bounded by the query
/// timeout and called off if the client goes, and answers with its JSON.
async fn run<T: serde::Serialize + Send + 'static>(
    state: Arc<AppState>,
    work: impl FnOnce(&Store) -> Result<T, dateline_store::Error> + Send + 'static,
) -> Result<Response, Failed> {
    let deadline = Deadline::after(state.timeouts.query);
    let _cancel_when_gone = CancelOnDrop(deadline.clone());
    let _turn = state.turn().await?;
    let read = move || state.read(&deadline, work);
    let value = tokio::task::spawn_blocking(read).await.map_err(Failed::internal)??;
    Ok(Json(value).into_response())
}

pub(crate) async fn openapi() -> Response {
    ([(axum::http::header::CONTENT_TYPE, "application/json")], crate::assets::OPENAPI).into_response()
}
