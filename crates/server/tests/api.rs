//! The HTTP API and the page, answered by the router itself (no socket):
//! each route's status codes, bad requests, filters, the token, and a
//! store that fails under the server.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use axum::Router;
use dateline_core::{Date, Document, EntityKind, Status};
use dateline_pipeline::{Analysis, Pipeline};
use dateline_server::{router, AppState};
use dateline_store::Store;
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::Arc;
use tower::ServiceExt;

const ARTICLES: &[(&str, &str, &str)] = &[
    ("a1", "2020-11-26", "Armenian troops left Kalbajar on Wednesday. Armenia was supposed to hand over Kalbajar on November 15."),
    ("a2", "2020-11-27", "Armenian forces left Kalbajar on November 25, officials said."),
    ("a3", "2020-11-28", "Troops left Kalbajar on November 24, a local report said. Azerbaijan handed over Kalbajar on November 25."),
    ("b1", "2020-11-28", "Floods hit Paris, Texas, on Friday."),
    ("c1", "2020-11-28", "Governor Sarah Kim visited Austin on Thursday."),
];

/// A store file of a test's own with the articles stored and merged,
/// served by a router; the file is removed when dropped.
struct Served {
    path: PathBuf,
    app: Router,
}

impl Served {
    fn new(name: &str, token: Option<&str>) -> Served {
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
        let state = AppState::open(&path, 2, token.map(str::to_string)).unwrap();
        Served { path, app: router(Arc::new(state)) }
    }

    /// The store file, opened behind the server's back.
    fn behind_the_back(&self) -> rusqlite::Connection {
        rusqlite::Connection::open(&self.path).unwrap()
    }

    async fn send(&self, request: Request<Body>) -> Answer {
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
        self.send(Request::post(uri).body(body.into()).unwrap()).await
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

#[tokio::test]
async fn a_server_with_a_token_answers_only_those_who_send_it() {
    let served = Served::new("token", Some("s3cret"));
    let with = |authorization: &str| {
        Request::get("/api/events").header(header::AUTHORIZATION, authorization).body(Body::empty()).unwrap()
    };
    served.get("/api/events").await.error(StatusCode::UNAUTHORIZED);
    served.get("/").await.error(StatusCode::UNAUTHORIZED);
    served.send(with("Bearer wrong")).await.error(StatusCode::UNAUTHORIZED);
    served.send(with("Bearer s3cre")).await.error(StatusCode::UNAUTHORIZED);
    served.send(with("s3cret")).await.error(StatusCode::UNAUTHORIZED);
    served.get("/api/events?token=wrong").await.error(StatusCode::UNAUTHORIZED);
    assert!(!served.send(with("Bearer s3cret")).await.events().is_empty());
    assert!(!served.get("/api/events?token=s3cret").await.events().is_empty());
    assert_eq!(served.get("/?token=s3cret").await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_store_that_fails_under_the_server_is_a_500_that_keeps_its_cause_to_itself() {
    let served = Served::new("failing", None);
    assert_eq!(served.get("/api/places").await.status, StatusCode::OK);
    served.behind_the_back().execute_batch("DROP TABLE event_places").unwrap();
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
    let refused = AppState::open(&path, 1, None).err().expect("refused");
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
