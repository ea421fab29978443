//! The HTTP API and the page, answered by the router itself (no socket):
//! each route's status codes, bad requests, filters, the token, the hosts
//! and origins let in, and a store that fails under the server; then, over
//! real sockets, the timeouts that cut off clients that keep it waiting.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use dateline_core::{Date, Document, EntityKind, Status};
use dateline_pipeline::{Analysis, Pipeline};
use dateline_server::{router, Access, AppState, Timeouts, Token};
use dateline_store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower::ServiceExt;

const ARTICLES: &[(&str, &str, &str)] = &[
    ("a1", "2020-11-26", "Armenian troops left Kalbajar on Wednesday. Armenia was supposed to hand over Kalbajar on November 15."),
    ("a2", "2020-11-27", "Armenian forces left Kalbajar on November 25, officials said."),
    ("a3", "2020-11-28", "Troops left Kalbajar on November 24, a local report said. Azerbaijan handed over Kalbajar on November 25."),
    ("b1", "2020-11-28", "Floods hit Paris, Texas, on Friday."),
    ("c1", "2020-11-28", "Governor Sarah Kim visited Austin on Thursday."),
];

/// The address the routers of these tests are bound to.
const ADDR: &str = "127.0.0.1:8080";

/// A store file of a test's own with the articles stored and merged,
/// served by a router; the file is removed when dropped.
struct Served {
    path: PathBuf,
    app: Router,
}

impl Served {
    fn new(name: &str, token: Option<&str>) -> Served {
        let token = token.map(|t| Token::new(t).unwrap());
        Served::with_access(name, Access::new(ADDR.parse().unwrap(), token, &[]).unwrap())
    }

    fn with_access(name: &str, access: Access) -> Served {
        let path = std::env::temp_dir().join(format!("dateline-server-{name}-{}.db", std::process::id()));
        remove(&path);
        let documents: Vec<Document> = ARTICLES
            .iter()
            .map(|(id, dct, text)| {
                let mut document = Document::new(dct.parse::<Date>().unwrap(), *text);
                document.id = id.to_string();
                document
            })
            .collect();
        let pipeline = Pipeline::new();
        let batch: Vec<Analysis<'_>> = documents.iter().map(|d| pipeline.analyse(d)).collect();
        let mut store = Store::open(&path).unwrap();
        store.insert(&batch).unwrap();
        store.merge().unwrap();
        let state = AppState::open(&path, 2, access).unwrap();
        Served { path, app: router(Arc::new(state)) }
    }

    /// The store file, opened behind the server's back.
    fn behind_the_back(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.path).unwrap()
    }

    /// Sends a request as a browser on this machine would: naming the
    /// server's own host unless it names one.
    async fn send(&self, mut request: Request<Body>) -> Answer {
        if !request.headers().contains_key(header::HOST) {
            request.headers_mut().insert(header::HOST, ADDR.parse().unwrap());
        }
        self.send_as_is(request).await
    }

    async fn send_as_is(&self, request: Request<Body>) -> Answer {
        let response = self.app.clone().oneshot(request).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes().to_vec();
        Answer { status, headers, body }
    }

    async fn get(&self, uri: &str) -> Answer {
        self.send(Request::get(uri).body(Body::empty()).unwrap()).await
    }

    async fn post(&self, uri: &str, body: impl Into<Body>) -> Answer {
        let request = Request::post(uri).header(header::CONTENT_TYPE, "application/json");
        self.send(request.body(body.into()).unwrap()).await
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        remove(&self.path);
    }
}

fn remove(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
}

struct Answer {
    status: StatusCode,
    headers: axum::http::HeaderMap,
    body: Vec<u8>,
}

impl Answer {
    fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&self.body)))
    }

    fn text(&self) -> String {
        String::from_utf8(self.body.clone()).unwrap()
    }

    fn content_type(&self) -> &str {
        self.headers.get(header::CONTENT_TYPE).map_or("", |v| v.to_str().unwrap())
    }

    /// The events of an answer to `/api/events`.
    fn events(&self) -> Vec<Value> {
        assert_eq!(self.status, StatusCode::OK, "{}", String::from_utf8_lossy(&self.body));
        self.json().as_array().expect("an array of events").clone()
    }

    /// Asserts that the answer is a JSON error with this status, and
    /// returns its message.
    fn error(&self, status: StatusCode) -> String {
        assert_eq!(self.status, status, "{}", String::from_utf8_lossy(&self.body));
        assert_eq!(self.content_type(), "application/json");
        let body = self.json();
        assert_eq!(body["status"], status.as_u16(), "the body repeats the status");
        let message = body["error"].as_str().expect("an error message").to_string();
        assert!(!message.is_empty());
        message
    }
}

fn strings(values: &Value, key: &str) -> Vec<String> {
    values.as_array().unwrap().iter().map(|v| v[key].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn every_route_answers_with_its_status_and_type() {
    let served = Served::new("routes", None);
    for (uri, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/countries-110m.json", "application/json"),
        ("/openapi.json", "application/json"),
        ("/api/events", "application/json"),
        ("/api/documents", "application/json"),
        ("/api/documents/a1", "application/json"),
        ("/api/entities", "application/json"),
        ("/api/places", "application/json"),
        ("/api/summary", "application/json"),
    ] {
        let answer = served.get(uri).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}");
        assert_eq!(answer.content_type(), content_type, "{uri}");
        assert!(answer.headers.contains_key(header::CONTENT_SECURITY_POLICY), "{uri}");
    }
    let documents = served.get("/api/documents").await.json();
    assert_eq!(documents.as_array().unwrap().len(), ARTICLES.len());
    let a1 = served.get("/api/documents/a1").await.json();
    assert_eq!((a1["id"].as_str(), a1["dct"].as_str()), (Some("a1"), Some("2020-11-26")));
    assert!(a1["entries"].as_array().is_some_and(|entries| !entries.is_empty()));
    let kim = served.get("/api/entities?kind=person").await.json();
    assert_eq!(strings(&kim, "name"), ["Sarah Kim"]);
    let places = served.get("/api/places").await.json();
    assert!(strings(&places, "name").contains(&"Kalbajar".to_string()));
}

#[tokio::test]
async fn what_is_not_there_is_a_json_404() {
    let served = Served::new("missing", None);
    served.get("/api/documents/nope").await.error(StatusCode::NOT_FOUND);
    let message = served.get("/api/nothing-here").await.error(StatusCode::NOT_FOUND);
    assert!(message.contains("/openapi.json"), "it says where the routes are: {message}");
}

#[tokio::test]
async fn bad_parameters_are_a_400_that_names_the_parameter() {
    let served = Served::new("parameters", None);
    for (uri, names) in [
        ("/api/events?status=happened", "status"),
        ("/api/events?status=", "status"),
        ("/api/events?from=2020-13-01", "from"),
        ("/api/events?to=yesterday", "to"),
        ("/api/events?limit=2000000000", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/entities?kind=company", "kind"),
        ("/api/documents?offset=2000000000", "offset"),
        ("/api/places?limit=-1", "limit"),
        ("/api/summary?k=0", "k"),
        ("/api/summary?k=-3", "k"),
        ("/api/summary?sentences=11", "sentences"),
        ("/api/summary?sentences=0", "sentences"),
        ("/api/summary?from=2020-12-01&to=2020-11-01", "from"),
    ] {
        let message = served.get(uri).await.error(StatusCode::BAD_REQUEST);
        assert!(message.contains(names), "{uri}: {message}");
    }
    let message = served.get("/api/events?status=happened").await.error(StatusCode::BAD_REQUEST);
    for status in Status::ALL {
        assert!(message.contains(status.as_str()), "the message lists every status: {message}");
    }
}

#[tokio::test]
async fn the_summary_gives_key_dates_with_their_sentences_and_sources() {
    let served = Served::new("summary", None);
    let dates = served.get("/api/summary?k=1&sentences=2&q=Kalbajar").await.json();
    let dates = dates.as_array().unwrap();
    assert_eq!(dates.len(), 1);
    // Of Kalbajar's story, three articles date the handover on November
    // 25, two of them published days after it: its key date.
    assert_eq!(dates[0]["date"], "2020-11-25");
    assert!(dates[0]["source_count"].as_u64().unwrap() >= 2);
    let summary = dates[0]["summary"].as_array().unwrap();
    assert!(!summary.is_empty() && summary.len() <= 2);
    assert!(summary[0]["sentence"].as_str().unwrap().contains("Kalbajar"));
    assert!(dates[0]["sources"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["doc"].is_string() && s["dct"].is_string()));

    let all = served.get("/api/summary").await.json();
    let days = strings(&all, "date");
    assert!(days.windows(2).all(|w| w[0] <= w[1]), "in date order: {days:?}");
    let floods = served.get("/api/summary?q=floods").await.json();
    assert_eq!(strings(&floods, "date"), ["2020-11-27"], "a query keeps its sub-story");
    let nothing = served.get("/api/summary?q=volcano").await;
    assert_eq!((nothing.status, nothing.json()), (StatusCode::OK, serde_json::json!([])));
}

#[tokio::test]
async fn filters_narrow_the_events() {
    let served = Served::new("filters", None);
    let all = served.get("/api/events").await.events();
    assert!(all.len() > 3);

    let missed = served.get("/api/events?status=missed").await.events();
    assert!(!missed.is_empty() && missed.len() < all.len());
    assert!(missed.iter().all(|e| e["status"] == "missed"));
    assert_eq!(missed[0]["linked"]["date"], "2020-11-25", "a missed date links to the day it happened");

    let late = served.get("/api/events?from=2020-11-25&to=2020-11-30").await.events();
    assert!(!late.is_empty() && late.len() < all.len());
    let within =
        |e: &Value| e["end"].as_str() >= Some("2020-11-25") && e["start"].as_str() <= Some("2020-11-30");
    assert!(late.iter().all(within));

    let azerbaijan = served.get("/api/events?place=Azerbaijan").await.events();
    assert!(!azerbaijan.is_empty() && azerbaijan.len() < all.len());
    assert!(azerbaijan.iter().all(|e| e["places"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p == "Kalbajar" || p == "Azerbaijan")));

    let floods = served.get("/api/events?q=floods").await.events();
    assert_eq!(floods.len(), 1);
    assert_eq!(floods[0]["places"][0], "Paris");
    // What a reader types is words, never FTS5 syntax (as FTS5, `floods (`
    // or `"floods` would be a syntax error).
    for typed in ["floods%20(", "%22floods", "Floods!", "floods)*"] {
        assert_eq!(served.get(&format!("/api/events?q={typed}")).await.events(), floods, "{typed}");
    }

    let kim = served.get("/api/events?entity=Kim").await.events();
    assert_eq!(kim.len(), 1);
    assert_eq!(kim[0]["actors"][0], "Sarah Kim");

    assert_eq!(served.get("/api/events?limit=2").await.events().len(), 2);
}

#[tokio::test]
async fn a_search_of_more_than_32_words_is_refused_with_the_limit() {
    let served = Served::new("long-search", None);
    let words = |n: usize| vec!["floods"; n].join("%20");
    assert_eq!(served.get(&format!("/api/events?q={}", words(32))).await.events().len(), 1);
    let message = served.get(&format!("/api/events?q={}", words(33))).await.error(StatusCode::BAD_REQUEST);
    assert!(message.contains("`q` has 33 words") && message.contains("at most 32"), "{message}");
    let many = vec!["x"; 2000].join("+");
    let message = served.get(&format!("/api/events?q={many}")).await.error(StatusCode::BAD_REQUEST);
    assert!(message.contains("2000 words"), "{message}");
}

#[tokio::test]
async fn a_query_past_its_deadline_is_a_503_to_retry() {
    let mut served = Served::new("deadline", None);
    let access = Access::new(ADDR.parse().unwrap(), None, &[]).unwrap();
    let none = Timeouts { query: Duration::ZERO, ..Timeouts::default() };
    let state = AppState::open(&served.path, 1, access).unwrap().with_timeouts(none);
    served.app = router(Arc::new(state));
    for uri in ["/api/events?q=floods", "/api/documents", "/api/documents/a1", "/api/entities", "/api/places"]
    {
        let answer = served.get(uri).await;
        assert_eq!(answer.headers[header::RETRY_AFTER], "5", "{uri}");
        let message = answer.error(StatusCode::SERVICE_UNAVAILABLE);
        assert!(message.contains("time limit"), "{uri}: {message}");
    }
    assert_eq!(served.get("/openapi.json").await.status, StatusCode::OK, "what reads no store answers");
}

#[tokio::test]
async fn posted_articles_are_stored_merged_and_found() {
    let served = Served::new("post", None);
    assert!(served.get("/api/events?q=bridge").await.events().is_empty());
    let pretty = "{\n  \"date\": \"2020-12-01\",\n  \"id\": \"p1\",\n  \"text\": \"Engineers opened the Hakari bridge on Monday.\"\n}";
    let answer = served.post("/api/documents", pretty).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text());
    assert_eq!(answer.json()["added"], 1);
    assert_eq!(answer.json()["documents"][0]["id"], "p1");
    let bridge = served.get("/api/events?q=bridge").await.events();
    assert_eq!(bridge.len(), 1, "the answer cached before the article is not served after it");
    assert_eq!(bridge[0]["date"], "2020-11-30");

    let again = served.post("/api/documents", pretty).await;
    assert_eq!(
        (again.status, again.json()["added"].as_u64()),
        (StatusCode::CREATED, Some(0)),
        "ingest is idempotent"
    );

    let batch = "{\"date\": \"2020-12-02\", \"text\": \"Talks resumed in Moscow on Tuesday.\"}\n\
                 {\"text\": \"no date here\"}\n\
                 {\"date\": \"2020-12-03\", \"text\": \"Talks ended in Moscow on Wednesday.\"}\n";
    let answer = served.post("/api/documents", batch).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.text());
    let body = answer.json();
    assert_eq!(body["added"], 2, "the good lines are stored");
    let skipped = body["skipped"].as_array().unwrap();
    assert_eq!(skipped.len(), 1);
    assert!(skipped[0].as_str().unwrap().starts_with("line 2:"), "the bad line is named: {skipped:?}");
}

#[tokio::test]
async fn bodies_that_are_not_articles_are_refused() {
    let served = Served::new("bodies", None);
    served.post("/api/documents", "").await.error(StatusCode::BAD_REQUEST);
    served.post("/api/documents", " \n\t").await.error(StatusCode::BAD_REQUEST);
    served.post("/api/documents", "{not json").await.error(StatusCode::UNPROCESSABLE_ENTITY);
    served.post("/api/documents", "{\"text\": \"no date\"}").await.error(StatusCode::UNPROCESSABLE_ENTITY);
    let huge = vec![b' '; dateline_server::MAX_BODY_BYTES + 1];
    served.post("/api/documents", huge).await.error(StatusCode::PAYLOAD_TOO_LARGE);
    let long = format!("/api/events?q={}", "a".repeat(9000));
    served.get(&long).await.error(StatusCode::URI_TOO_LONG);
    assert_eq!(
        served.get("/api/documents").await.json().as_array().unwrap().len(),
        ARTICLES.len(),
        "nothing stored"
    );
}

const TOKEN: &str = "s3cret-0123456789";

fn with_header(uri: &str, name: header::HeaderName, value: &str) -> Request<Body> {
    Request::get(uri).header(name, value).body(Body::empty()).unwrap()
}

#[tokio::test]
async fn a_server_with_a_token_answers_only_those_who_send_it() {
    let served = Served::new("token", Some(TOKEN));
    let with = |authorization: &str| with_header("/api/events", header::AUTHORIZATION, authorization);
    served.get("/api/events").await.error(StatusCode::UNAUTHORIZED);
    served.get("/").await.error(StatusCode::UNAUTHORIZED);
    let refused = served.send(with("Bearer wrong")).await;
    refused.error(StatusCode::UNAUTHORIZED);
    assert_eq!(refused.headers[header::WWW_AUTHENTICATE], "Bearer");
    served.send(with("Bearer s3cret-012345678")).await.error(StatusCode::UNAUTHORIZED);
    served.send(with("Bearer s3cret-01234567890")).await.error(StatusCode::UNAUTHORIZED);
    served.send(with(TOKEN)).await.error(StatusCode::UNAUTHORIZED);
    served.send(with(&format!("Basic {TOKEN}"))).await.error(StatusCode::UNAUTHORIZED);
    for scheme in ["Bearer", "bearer", "BEARER"] {
        assert!(!served.send(with(&format!("{scheme} {TOKEN}"))).await.events().is_empty(), "{scheme}");
    }
}

#[tokio::test]
async fn tokens_in_the_address_of_an_api_call_are_refused() {
    let served = Served::new("token-in-url", Some(TOKEN));
    let message = served.get(&format!("/api/events?token={TOKEN}")).await.error(StatusCode::UNAUTHORIZED);
    assert!(message.contains("not accepted in URLs"), "{message}");
    served.get(&format!("/app.js?token={TOKEN}")).await.error(StatusCode::UNAUTHORIZED);
}

/// The page gets in once by `?token=`, which becomes a cookie that its
/// scripts, styles, map and API calls then carry.
#[tokio::test]
async fn the_page_trades_its_token_for_a_cookie_that_opens_the_page_and_its_assets() {
    let served = Served::new("cookie", Some(TOKEN));
    served.get("/?token=wrong").await.error(StatusCode::UNAUTHORIZED);

    let welcome = served.get(&format!("/?token={TOKEN}")).await;
    assert_eq!(welcome.status, StatusCode::SEE_OTHER);
    assert_eq!(welcome.headers[header::LOCATION], "/", "the token leaves the address");
    let set_cookie = welcome.headers[header::SET_COOKIE].to_str().unwrap().to_string();
    for attribute in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(set_cookie.contains(attribute), "{set_cookie}");
    }
    assert!(!set_cookie.contains(TOKEN), "the cookie does not hold the token as typed: {set_cookie}");
    let cookie = set_cookie.split(';').next().unwrap().to_string();

    let kept = served.get(&format!("/?q=Kalbajar&token={TOKEN}&status=missed")).await;
    assert_eq!(kept.headers[header::LOCATION], "/?q=Kalbajar&status=missed", "the rest of the address stays");

    for uri in
        ["/", "/app.js", "/style.css", "/countries-110m.json", "/openapi.json", "/api/events", "/api/places"]
    {
        served.get(uri).await.error(StatusCode::UNAUTHORIZED);
        let answer = served.send(with_header(uri, header::COOKIE, &format!("theme=dark; {cookie}"))).await;
        assert_eq!(answer.status, StatusCode::OK, "{uri}: {}", answer.text());
    }
    let wrong = cookie.replace('=', "=00");
    served.send(with_header("/api/events", header::COOKIE, &wrong)).await.error(StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn posts_must_say_they_are_json() {
    let served = Served::new("content-type", None);
    let article = "{\"date\": \"2020-12-01\", \"text\": \"Engineers opened the Hakari bridge on Monday.\"}";
    let post = |content_type: Option<&str>| {
        let mut request = Request::post("/api/documents");
        if let Some(content_type) = content_type {
            request = request.header(header::CONTENT_TYPE, content_type);
        }
        request.body(Body::from(article)).unwrap()
    };
    for refused in
        [None, Some("text/plain"), Some("application/x-www-form-urlencoded"), Some("multipart/form-data")]
    {
        let answer = served.send(post(refused)).await;
        let message = answer.error(StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert!(message.contains("application/json"), "{refused:?}: {message}");
        assert!(answer.headers["accept-post"].to_str().unwrap().contains("application/x-ndjson"));
    }
    assert!(served.get("/api/events?q=bridge").await.events().is_empty(), "nothing was stored");
    for accepted in
        ["application/json", "Application/JSON; charset=utf-8", "application/x-ndjson", "application/jsonl"]
    {
        let answer = served.send(post(Some(accepted))).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{accepted}: {}", answer.text());
    }
}

#[tokio::test]
async fn requests_from_another_site_are_refused() {
    let served = Served::new("origin", None);
    let article = "{\"date\": \"2020-12-01\", \"text\": \"Engineers opened the Hakari bridge on Monday.\"}";
    let post = |origin: &str| {
        Request::post("/api/documents")
            .header(header::CONTENT_TYPE, "application/json")
            .header(header::ORIGIN, origin)
            .body(Body::from(article))
            .unwrap()
    };
    for origin in
        ["http://evil.example", "http://127.0.0.1:8081", "https://127.0.0.1.evil.example:8080", "null"]
    {
        let message = served.send(post(origin)).await.error(StatusCode::FORBIDDEN);
        assert!(message.contains("other sites"), "{origin}: {message}");
        served.send(with_header("/api/events", header::ORIGIN, origin)).await.error(StatusCode::FORBIDDEN);
    }
    assert!(served.get("/api/events?q=bridge").await.events().is_empty(), "nothing was stored");
    let answer = served.send(post("http://127.0.0.1:8080")).await;
    assert_eq!(answer.status, StatusCode::CREATED, "its own page: {}", answer.text());
}

/// A page on another site that rebinds its DNS name to 127.0.0.1 reaches
/// the server under its own name: refused.
#[tokio::test]
async fn requests_that_name_another_host_are_refused() {
    let served = Served::new("host", None);
    for host in ["localhost:8080", "127.0.0.1:8080", "[::1]:8080", "LOCALHOST:8080"] {
        let answer = served.send(with_header("/api/events", header::HOST, host)).await;
        assert_eq!(answer.status, StatusCode::OK, "{host}: {}", answer.text());
    }
    for host in ["rebound.evil.example:8080", "localhost:8081", "localhost", "127.0.0.2:8080"] {
        let message = served.send(with_header("/api/events", header::HOST, host)).await;
        let message = message.error(StatusCode::MISDIRECTED_REQUEST);
        assert!(
            message.contains("--allowed-host") && message.contains("localhost:8080"),
            "{host}: {message}"
        );
    }
    for host in ["", "a b", "evil:port"] {
        served.send(with_header("/", header::HOST, host)).await.error(StatusCode::BAD_REQUEST);
    }
    let two =
        Request::get("/api/events").header(header::HOST, ADDR).header(header::HOST, "rebound.evil.example");
    let message = served.send(two.body(Body::empty()).unwrap()).await.error(StatusCode::BAD_REQUEST);
    assert!(message.contains("more than one Host"), "{message}");
    let nameless = Request::get("/api/events").body(Body::empty()).unwrap();
    let message = served.send_as_is(nameless).await.error(StatusCode::BAD_REQUEST);
    assert!(message.contains("Host"), "{message}");
}

#[tokio::test]
async fn allowed_hosts_are_answered_and_their_pages_may_post() {
    let token = Token::new(TOKEN).unwrap();
    let names = ["news.example.org".to_string(), "10.0.0.5:9000".to_string()];
    let access = Access::new("0.0.0.0:8080".parse().unwrap(), Some(token), &names).unwrap();
    let served = Served::with_access("allowed-host", access);
    let bearer = format!("Bearer {TOKEN}");
    let request = |host: &str, origin: Option<&str>| {
        let mut request =
            Request::get("/api/events").header(header::HOST, host).header(header::AUTHORIZATION, &bearer);
        if let Some(origin) = origin {
            request = request.header(header::ORIGIN, origin);
        }
        request.body(Body::empty()).unwrap()
    };
    for (host, origin) in [
        ("news.example.org", Some("https://news.example.org")),
        ("news.example.org:8080", Some("http://news.example.org:8080")),
        ("10.0.0.5:9000", None),
        ("localhost:8080", None),
    ] {
        let answer = served.send(request(host, origin)).await;
        assert_eq!(answer.status, StatusCode::OK, "{host}: {}", answer.text());
    }
    served.send(request("10.0.0.5:8080", None)).await.error(StatusCode::MISDIRECTED_REQUEST);
    served.send(request("0.0.0.0:8080", None)).await.error(StatusCode::MISDIRECTED_REQUEST);
    served.send(request("news.example.org", Some("https://evil.example"))).await.error(StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn every_error_is_json_with_its_status() {
    let served = Served::new("errors", None);
    served.get("/nothing/here").await.error(StatusCode::NOT_FOUND);
    for (method, uri) in
        [("POST", "/api/events"), ("DELETE", "/api/documents"), ("PUT", "/"), ("POST", "/openapi.json")]
    {
        let answer =
            served.send(Request::builder().method(method).uri(uri).body(Body::empty()).unwrap()).await;
        let message = answer.error(StatusCode::METHOD_NOT_ALLOWED);
        assert!(message.contains(method) && message.contains("GET"), "{method} {uri}: {message}");
        let allowed = if uri == "/api/documents" { "GET, HEAD, POST" } else { "GET, HEAD" };
        assert_eq!(answer.headers[header::ALLOW], allowed, "{method} {uri}");
    }
    served.get(&format!("/api/events?q={}", "a".repeat(9000))).await.error(StatusCode::URI_TOO_LONG);
    let cookies = with_header("/api/events", header::COOKIE, &"a".repeat(20_000));
    served.send(cookies).await.error(StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE);
    for uri in
        ["/api/documents/%FF", "/api/documents/a%zz", "/api/events?q=%C3", "/api/events?q=100%", "/%E0%A4"]
    {
        let message = served.get(uri).await.error(StatusCode::BAD_REQUEST);
        assert!(message.contains("percent-encoded UTF-8"), "{uri}: {message}");
    }
    assert_eq!(served.get("/api/events?q=Bak%C4%B1").await.status, StatusCode::OK, "good UTF-8 passes");
}

#[tokio::test]
async fn api_answers_are_not_stored_by_caches() {
    let served = Served::new("no-store", None);
    for uri in
        ["/api/events", "/api/documents", "/api/documents/a1", "/api/places", "/openapi.json", "/api/nope"]
    {
        assert_eq!(served.get(uri).await.headers[header::CACHE_CONTROL], "no-store", "{uri}");
    }
    served.post("/api/documents", "{not json").await.error(StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(served.post("/api/documents", "{not json").await.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(served.get("/app.js").await.headers[header::CACHE_CONTROL], "no-cache", "assets may be kept");
}

#[tokio::test]
async fn a_store_that_fails_under_the_server_is_a_500_that_keeps_its_cause_to_itself() {
    let served = Served::new("failing", None);
    assert_eq!(served.get("/api/places").await.status, StatusCode::OK);
    served.behind_the_back().execute_batch("DROP TABLE event_places; DROP TABLE place_counts").unwrap();
    for uri in ["/api/places", "/api/events", "/api/events?place=Kalbajar"] {
        let message = served.get(uri).await.error(StatusCode::INTERNAL_SERVER_ERROR);
        assert!(message.contains("database"), "{uri}: {message}");
        assert!(!message.contains("event_places") && !message.contains(".db"), "{uri}: {message}");
    }
    // The other routes still answer.
    assert_eq!(served.get("/api/documents").await.status, StatusCode::OK);
    let posted = served
        .post("/api/documents", "{\"date\": \"2020-12-02\", \"text\": \"Talks resumed on Tuesday.\"}")
        .await;
    posted.error(StatusCode::INTERNAL_SERVER_ERROR);
}

#[tokio::test]
async fn a_stored_row_that_does_not_read_back_is_a_500() {
    let served = Served::new("unreadable", None);
    served.behind_the_back().execute("UPDATE entries SET status = 'happened' WHERE doc = 'b1'", []).unwrap();
    let message = served.get("/api/documents/b1").await.error(StatusCode::INTERNAL_SERVER_ERROR);
    assert!(message.contains("row"), "{message}");
    served.get("/api/events?q=floods").await.error(StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(
        served.get("/api/documents/a1").await.status,
        StatusCode::OK,
        "the other articles still answer"
    );
}

#[test]
fn a_file_that_is_not_a_store_is_refused_at_start() {
    let path = std::env::temp_dir().join(format!("dateline-server-not-a-store-{}.db", std::process::id()));
    std::fs::write(&path, "date 2020-11-26\nTroops left Kalbajar on Wednesday.\n".repeat(100)).unwrap();
    let access = Access::new(ADDR.parse().unwrap(), None, &[]).unwrap();
    let refused = AppState::open(&path, 1, access).err().expect("refused");
    // The message and its causes name the file.
    let mut chain = refused.to_string();
    let mut cause = std::error::Error::source(&refused);
    while let Some(e) = cause {
        chain = format!("{chain}: {e}");
        cause = e.source();
    }
    assert!(chain.contains(&path.display().to_string()), "{chain}");
    remove(&path);
}

/// Every hand-written list of statuses (the OpenAPI enums, the page's
/// menu and colours) is `Status::ALL`, in its order.
#[tokio::test]
async fn the_statuses_are_one_list_everywhere() {
    let served = Served::new("statuses", None);
    let all: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();

    let spec = served.get("/openapi.json").await.json();
    let mut enums = Vec::new();
    enum_lists(&spec, &mut enums);
    let statuses: Vec<&Vec<String>> =
        enums.iter().filter(|list| list.contains(&"occurred".to_string())).collect();
    assert_eq!(statuses.len(), 2, "the Event schema and the status parameter");
    assert!(statuses.iter().all(|list| **list == all), "{statuses:?}");
    let kinds: Vec<&str> = EntityKind::ALL.iter().map(|k| k.as_str()).collect();
    assert!(enums.iter().any(|list| *list == kinds), "the kind parameter lists EntityKind::ALL");

    let page = served.get("/").await.text();
    let menu = &page[page.find("<select id=\"status\"").unwrap()..];
    let menu = &menu[..menu.find("</select>").unwrap()];
    let options: Vec<&str> =
        menu.split("<option>").skip(1).map(|o| &o[..o.find("</option>").unwrap()]).collect();
    assert_eq!(options, all);

    let script = served.get("/app.js").await.text();
    let colours = &script[script.find("const STATUS_COLOURS = {").unwrap()..];
    let colours = &colours[colours.find('{').unwrap() + 1..colours.find("};").unwrap()];
    let keys: Vec<&str> = colours
        .split(',')
        .filter_map(|pair| Some(pair.split(':').next()?.trim()))
        .filter(|k| !k.is_empty())
        .collect();
    assert_eq!(keys, all);
}

/// Every `enum` list of strings in an OpenAPI document.
fn enum_lists(value: &Value, found: &mut Vec<Vec<String>>) {
    match value {
        Value::Object(map) => {
            for (key, inner) in map {
                if let (true, Some(list)) = (key == "enum", inner.as_array()) {
                    found.push(list.iter().filter_map(|v| v.as_str().map(str::to_string)).collect());
                } else {
                    enum_lists(inner, found);
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| enum_lists(item, found)),
        _ => {}
    }
}

#[tokio::test]
async fn the_openapi_description_names_every_refusal_and_the_cookie() {
    let served = Served::new("openapi", None);
    let spec = served.get("/openapi.json").await.json();
    let post = &spec["paths"]["/api/documents"]["post"];
    for status in ["400", "401", "403", "408", "413", "415", "421", "422", "500"] {
        assert!(post["responses"][status].is_object(), "POST /api/documents documents {status}");
    }
    let types: Vec<&String> = post["requestBody"]["content"].as_object().unwrap().keys().collect();
    assert_eq!(types, ["application/json", "application/jsonl", "application/x-ndjson"]);
    for (path, operations) in spec["paths"].as_object().unwrap() {
        for (method, operation) in operations.as_object().unwrap() {
            for status in ["400", "401", "403", "421"] {
                assert!(operation["responses"][status].is_object(), "{method} {path} documents {status}");
            }
        }
    }
    let cookie = &spec["components"]["securitySchemes"]["cookie"];
    assert_eq!((cookie["type"].as_str(), cookie["in"].as_str()), (Some("apiKey"), Some("cookie")));
    let security: Vec<&str> = spec["security"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s.as_object().unwrap().keys().map(String::as_str))
        .collect();
    assert_eq!(security, ["token", "cookie"]);
}

/// A server on a real socket of its own, with short timeouts, serving the
/// test store until dropped.
struct Listening {
    addr: std::net::SocketAddr,
    _served: Served,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
}

impl Listening {
    async fn new(name: &str, timeouts: Timeouts) -> Listening {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let served = Served::new(name, None);
        let access = Access::new(addr, None, &[]).unwrap();
        let state = AppState::open(&served.path, 2, access).unwrap().with_timeouts(timeouts);
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        tokio::spawn(dateline_server::serve_on(listener, Arc::new(state), async {
            let _ = stopped.await;
        }));
        Listening { addr, _served: served, stop: Some(stop) }
    }

    async fn connect(&self) -> tokio::net::TcpStream {
        tokio::net::TcpStream::connect(self.addr).await.unwrap()
    }

    /// One whole request on a connection of its own, answered.
    async fn ask(&self, path: &str) -> String {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut stream = self.connect().await;
        let request = format!("GET {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n\r\n", self.addr);
        stream.write_all(request.as_bytes()).await.unwrap();
        let mut answer = String::new();
        stream.read_to_string(&mut answer).await.unwrap();
        answer
    }
}

impl Drop for Listening {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

/// Whether the server closes `stream` within `within`, reading what it
/// sends until then.
async fn closed_within(stream: &mut tokio::net::TcpStream, within: Duration) -> Option<String> {
    use tokio::io::AsyncReadExt;
    let mut received = Vec::new();
    let read = tokio::time::timeout(within, stream.read_to_end(&mut received)).await;
    // A reset is closed too.
    read.is_ok().then(|| String::from_utf8_lossy(&received).into_owned())
}

const SHORT: Timeouts = Timeouts {
    header_read: Duration::from_millis(300),
    body_read: Duration::from_millis(300),
    write_stall: Duration::from_millis(300),
    query: Duration::from_secs(5),
};

#[tokio::test]
async fn a_connection_that_sends_half_a_request_is_cut_off() {
    use tokio::io::AsyncWriteExt;
    let server = Listening::new("half-open", SHORT).await;
    assert!(server.ask("/api/events").await.starts_with("HTTP/1.1 200"), "the server answers");

    let start = std::time::Instant::now();
    let mut silent = server.connect().await;
    let mut partial = server.connect().await;
    partial.write_all(b"GET /api/events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ").await.unwrap();
    for stream in [&mut silent, &mut partial] {
        let closed = closed_within(stream, Duration::from_secs(5)).await;
        assert_eq!(closed.as_deref(), Some(""), "closed without an answer");
    }
    let took = start.elapsed();
    assert!(took >= SHORT.header_read && took < Duration::from_secs(3), "closed after {took:?}");
}

#[tokio::test]
async fn an_idle_kept_alive_connection_is_closed() {
    use tokio::io::AsyncWriteExt;
    let server = Listening::new("idle", SHORT).await;
    let mut stream = server.connect().await;
    let request = format!("GET /api/places HTTP/1.1\r\nHost: {}\r\n\r\n", server.addr);
    stream.write_all(request.as_bytes()).await.unwrap();
    let answer = closed_within(&mut stream, Duration::from_secs(5)).await.expect("closed once idle");
    assert!(answer.starts_with("HTTP/1.1 200"), "the request was answered first: {answer}");
}

#[tokio::test]
async fn many_half_open_connections_leave_the_server_answering() {
    use tokio::io::AsyncWriteExt;
    let server = Listening::new("many", SHORT).await;
    let mut held = Vec::new();
    for _ in 0..200 {
        let mut stream = server.connect().await;
        stream.write_all(b"GET / HTTP/1.1\r\n").await.unwrap();
        held.push(stream);
    }
    let answer = tokio::time::timeout(Duration::from_secs(5), server.ask("/api/places")).await;
    assert!(answer.expect("answered in time").starts_with("HTTP/1.1 200"));
    for stream in &mut held {
        assert!(closed_within(stream, Duration::from_secs(5)).await.is_some(), "every one is cut off");
    }
}

#[tokio::test]
async fn a_body_that_does_not_arrive_is_a_408() {
    use tokio::io::AsyncWriteExt;
    let server = Listening::new("slow-body", SHORT).await;
    let mut stream = server.connect().await;
    let head = format!(
        "POST /api/documents HTTP/1.1\r\nHost: {}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{{\"date\"",
        server.addr
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = closed_within(&mut stream, Duration::from_secs(5)).await.expect("answered and closed");
    assert!(answer.starts_with("HTTP/1.1 408"), "{answer}");
    assert!(answer.contains("\"status\":408"), "{answer}");
}

#[tokio::test]
async fn a_uri_too_long_for_hyper_is_a_json_414() {
    let server = Listening::new("uri-too-long", SHORT).await;
    // Past the 64 KB hyper reads a URI to, so hyper answers, not the
    // application's own check.
    let answer = server.ask(&format!("/api/events?q={}", "a".repeat(100 * 1024))).await;
    let (head, body) = answer.split_once("\r\n\r\n").expect("a head and a body");
    assert!(head.starts_with("HTTP/1.1 414"), "{head}");
    assert!(head.to_ascii_lowercase().contains("content-type: application/json"), "{head}");
    let body: Value = serde_json::from_str(body).unwrap_or_else(|e| panic!("{e}: {body}"));
    assert_eq!(body["status"], 414);
    assert!(body["error"].as_str().is_some_and(|m| m.contains("URI")), "{body}");
    // The application's own limit answers the same way.
    let answer = server.ask(&format!("/api/events?q={}", "a".repeat(9000))).await;
    assert!(answer.starts_with("HTTP/1.1 414") && answer.contains("\"status\":414"), "{answer}");
    // And the server goes on answering.
    assert!(server.ask("/api/events").await.starts_with("HTTP/1.1 200"));
}
