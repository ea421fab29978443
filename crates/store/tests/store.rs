//! The store end to end: articles written for the project, analysed by the
//! real pipeline, stored, merged and queried.

use dateline_core::{Date, Document, Status, TimexValue};
use dateline_pipeline::{Analysis, Pipeline, PlaceFilter};
use dateline_store::{Query, Store};
use std::sync::LazyLock;

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn article(id: &str, dct: &str, text: &str) -> Document {
    let mut document = Document::new(day(dct), text);
    document.id = id.to_string();
    document
}

static ARTICLES: LazyLock<Vec<Document>> = LazyLock::new(|| {
    vec![
        article("a1", "2020-11-26", "Armenian troops left Kalbajar on Wednesday. Armenia was supposed to hand over Kalbajar on November 15."),
        article("a2", "2020-11-27", "Armenian forces left Kalbajar on November 25, officials said."),
        article("a3", "2020-11-28", "Troops left Kalbajar on November 24, a local report said. Azerbaijan handed over Kalbajar on November 25."),
        article("b1", "2020-11-28", "Floods hit Paris, Texas, on Friday."),
        article("c1", "2020-11-28", "Governor Sarah Kim visited Austin on Thursday."),
    ]
});

fn corpus() -> Vec<Analysis<'static>> {
    let pipeline = Pipeline::new();
    ARTICLES.iter().map(|doc| pipeline.analyse(doc)).collect()
}

/// A store file of a test's own, removed (with its write-ahead log) when
/// dropped.
struct Scratch(std::path::PathBuf);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let scratch =
            Scratch(std::env::temp_dir().join(format!("dateline-store-{name}-{}.db", std::process::id())));
        scratch.remove();
        scratch
    }

    /// With the corpus stored and merged, for a test that changes it
    /// behind the store's back.
    fn stored(name: &str) -> Scratch {
        let scratch = Scratch::new(name);
        let mut store = Store::open(&scratch.0).unwrap();
        store.insert(&corpus()).unwrap();
        store.merge().unwrap();
        scratch
    }

    /// A store as the layout before date sources and aliases (version 1)
    /// left it.
    fn stored_before_date_sources(name: &str) -> Scratch {
        let scratch = Scratch::stored(name);
        let conn = rusqlite::Connection::open(&scratch.0).unwrap();
        conn.execute_batch(
            "ALTER TABLE entries DROP COLUMN date_source; ALTER TABLE events DROP COLUMN date_source; \
             DROP TABLE entity_aliases; PRAGMA user_version = 1",
        )
        .unwrap();
        scratch
    }

    fn remove(&self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        self.remove();
    }
}

#[test]
fn ingest_is_idempotent() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.insert(&corpus()).unwrap(), 5);
    assert_eq!(store.insert(&corpus()).unwrap(), 0);
    assert_eq!(store.document_count().unwrap(), 5);
}

#[test]
fn a_reopened_store_keeps_committed_batches() {
    let scratch = Scratch::new("reopened");
    let all = corpus();
    {
        let mut store = Store::open(&scratch.0).unwrap();
        store.insert(&all[..2]).unwrap();
    } // as if the ingest had been killed here
    let mut store = Store::open(&scratch.0).unwrap();
    assert!(store.contains("a1").unwrap() && !store.contains("a3").unwrap());
    assert_eq!(store.insert(&all).unwrap(), 3, "only the rest is added");
}

#[test]
fn the_same_event_from_three_articles_is_one_event_in_conflict() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&corpus()).unwrap();
    let report = store.merge().unwrap();
    assert_eq!(report.conflicts, 1);
    let left: Vec<_> =
        store.events(&Query::default()).unwrap().into_iter().filter(|e| e.event == "left").collect();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].sources.len(), 3);
    assert!(left[0].conflict);
    assert_eq!(left[0].dates, [TimexValue::parse("2020-11-24"), TimexValue::parse("2020-11-25")]);
}

#[test]
fn a_missed_date_is_linked_to_the_day_it_happened() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&corpus()).unwrap();
    store.merge().unwrap();
    let missed = store.events(&Query { status: Some(Status::Missed), ..Query::default() }).unwrap();
    let link = missed[0].linked.as_ref().expect("linked");
    assert_eq!((link.date.to_string().as_str(), link.status), ("2020-11-25", Status::Occurred));
}

#[test]
fn queries_filter_by_place_date_and_text() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&corpus()).unwrap();
    store.merge().unwrap();
    let in_azerbaijan =
        PlaceFilter { names: vec!["Azerbaijan".into()], within: vec![("AZ".into(), String::new())] };
    let events = store.events(&Query { place: Some(in_azerbaijan), ..Query::default() }).unwrap();
    assert!(
        !events.is_empty()
            && events.iter().all(|e| e.places.iter().any(|p| p == "Kalbajar" || p == "Azerbaijan"))
    );
    let texas = store.events(&Query { search: Some("floods".into()), ..Query::default() }).unwrap();
    assert_eq!(texas.len(), 1);
    let (from, to) = (day("2020-11-25"), day("2020-11-30"));
    let late = store.events(&Query { from: Some(from), to: Some(to), ..Query::default() }).unwrap();
    assert!(!late.is_empty() && late.iter().all(|e| e.end >= from && e.start <= to));
    let all = store.events(&Query::default()).unwrap();
    assert!(late.len() < all.len(), "the dates leave some events out");
    let kim = store.events(&Query { entity: Some("Kim".into()), ..Query::default() }).unwrap();
    assert_eq!(kim.len(), 1);
    assert_eq!(kim[0].actors, ["Sarah Kim"]);
    let csv = dateline_store::to_csv(&late);
    assert!(csv.lines().count() > late.len());
    let timeline = dateline_store::to_timelinejs(&late, "Kalbajar");
    assert_eq!(timeline["events"].as_array().unwrap().len(), late.len());
    assert!(timeline["events"][0]["start_date"]["year"] == "2020");
}

#[test]
fn a_search_that_is_not_fts5_is_the_callers_to_fix() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&corpus()).unwrap();
    store.merge().unwrap();
    for search in ["(floods", "floods AND", "\"floods", "nosuchcolumn : floods"] {
        let error = store.events(&Query { search: Some(search.into()), ..Query::default() }).unwrap_err();
        assert!(
            error.is_bad_query() && !error.is_database() && !error.is_unreadable_row(),
            "{search}: {error}"
        );
        assert!(std::error::Error::source(&error).is_some(), "the cause is kept");
    }
    let quoted = Query { search: Some("\"(floods\"".into()), ..Query::default() };
    assert_eq!(store.events(&quoted).unwrap().len(), 1, "quoted, the same words are a search");
}

#[test]
fn a_row_changed_behind_the_stores_back_does_not_read_back() {
    let scratch = Scratch::stored("tampered");
    let store = Store::open(&scratch.0).unwrap();
    let other = rusqlite::Connection::open(&scratch.0).unwrap();
    other.execute("UPDATE entries SET status = 'happened' WHERE doc = 'b1'", []).unwrap();
    let error = store.document("b1").unwrap_err();
    assert!(error.is_unreadable_row() && !error.is_bad_query(), "{error}");
    assert!(error.to_string().contains("happened"), "the message names the value: {error}");
    let floods = Query { search: Some("floods".into()), ..Query::default() };
    assert!(store.events(&floods).unwrap_err().is_unreadable_row(), "its sources do not read back either");
    other.execute("UPDATE events SET start = 'soon' WHERE id = 1", []).unwrap();
    let error = store.events(&Query::default()).unwrap_err();
    assert!(error.is_unreadable_row(), "{error}");
    drop(store);
    let mut store = Store::open(&scratch.0).unwrap();
    assert!(store.merge().unwrap_err().is_unreadable_row(), "the merge reads the entries too");
}

#[test]
fn a_broken_database_is_the_stores_failure() {
    let scratch = Scratch::stored("broken");
    let store = Store::open(&scratch.0).unwrap();
    let other = rusqlite::Connection::open(&scratch.0).unwrap();
    other.execute_batch("DROP TABLE event_sources").unwrap();
    let error = store.events(&Query::default()).unwrap_err();
    assert!(error.is_database() && !error.is_bad_query(), "{error}");
    let floods = Query { search: Some("floods".into()), ..Query::default() };
    let error = store.events(&floods).unwrap_err();
    assert!(error.is_database(), "a search on a broken store is not the caller's fault: {error}");
}

/// Entity and place counts as the store first computed them, from every
/// mention at query time: what the tables of counts must answer.
fn counted_at_query_time(conn: &rusqlite::Connection) -> (Vec<String>, Vec<String>) {
    let rows = |sql: &str| -> Vec<String> {
        let mut statement = conn.prepare(sql).unwrap();
        let rows = statement.query_map([], |r| {
            let values: Vec<String> =
                (0..5).map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap())).collect();
            Ok(values.join(" | "))
        });
        let mut rows: Vec<String> = rows.unwrap().collect::<Result<_, _>>().unwrap();
        rows.sort();
        rows
    };
    let entities = rows(
        "SELECT coalesce(name, text) AS n, kind, count(*), count(DISTINCT doc), 0 FROM entities GROUP BY n, kind",
    );
    let places = rows(
        "SELECT p.name, max(e.lat), max(e.lon), p.country, count(DISTINCT p.event) FROM event_places p \
         LEFT JOIN entities e ON e.name = p.name AND e.kind = 'place' AND e.lat IS NOT NULL \
         GROUP BY p.name, p.country",
    );
    (entities, places)
}

/// The same from the store's answers, in the same form.
fn counted_by_the_store(store: &Store) -> (Vec<String>, Vec<String>) {
    use rusqlite::types::Value;
    let text = |s: &Option<String>| s.clone().map_or(Value::Null, Value::Text);
    let real = |x: Option<f64>| x.map_or(Value::Null, Value::Real);
    let mut entities: Vec<String> = store
        .entity_counts(None, 1000)
        .unwrap()
        .iter()
        .map(|e| {
            let values = [
                Value::Text(e.name.clone()),
                Value::Text(e.kind.as_str().into()),
                Value::Integer(e.mentions as i64),
                Value::Integer(e.documents as i64),
                Value::Integer(0),
            ];
            values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(" | ")
        })
        .collect();
    let mut places: Vec<String> = store
        .places(1000)
        .unwrap()
        .iter()
        .map(|p| {
            let values = [
                Value::Text(p.name.clone()),
                real(p.lat),
                real(p.lon),
                text(&p.country),
                Value::Integer(p.events as i64),
            ];
            values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(" | ")
        })
        .collect();
    entities.sort();
    places.sort();
    (entities, places)
}

#[test]
fn entity_and_place_counts_are_those_of_every_mention() {
    let scratch = Scratch::new("counts");
    let all = corpus();
    let mut store = Store::open(&scratch.0).unwrap();
    // In two batches, the second repeating an article, as ingests go.
    store.insert(&all[..3]).unwrap();
    store.merge().unwrap();
    store.insert(&all[2..]).unwrap();
    store.merge().unwrap();
    let conn = rusqlite::Connection::open(&scratch.0).unwrap();
    let expected = counted_at_query_time(&conn);
    assert!(expected.0.iter().any(|e| e.contains("Sarah Kim")), "{:?}", expected.0);
    assert!(expected.1.iter().any(|p| p.contains("Kalbajar") && p.contains("Real")), "{:?}", expected.1);
    assert_eq!(counted_by_the_store(&store), expected);
    let first = store.entity_counts(None, 1).unwrap();
    let most = expected.0.iter().map(|e| e.split(" | ").nth(3).unwrap().to_string()).max().unwrap();
    assert_eq!(format!("Integer({})", first[0].documents), most, "the most named come first");
}

#[test]
fn a_store_from_before_the_counts_gets_them_when_opened() {
    let scratch = Scratch::stored("upgraded");
    let conn = rusqlite::Connection::open(&scratch.0).unwrap();
    let expected = counted_at_query_time(&conn);
    // As an older version left it: no tables of counts, version 0.
    conn.execute_batch(
        "DROP TABLE entity_counts; DROP TABLE place_coordinates; DROP TABLE place_counts; \
         DROP INDEX documents_dct; PRAGMA user_version = 0",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&scratch.0).unwrap();
    assert_eq!(counted_by_the_store(&store), expected);
    let newest = store.documents(2, 0).unwrap();
    let ids: Vec<&str> = newest.iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, ["a3", "b1"], "newest first, then by id");
}

#[test]
fn a_read_whose_time_is_up_is_refused_as_timed_out() {
    use dateline_store::Deadline;
    use std::time::Duration;
    let scratch = Scratch::stored("deadline");
    let store = Store::open(&scratch.0).unwrap();
    let spent = Deadline::after(Duration::ZERO);
    for error in [
        store.bounded(&spent, |s| s.events(&Query::default())).unwrap_err(),
        store.bounded(&spent, |s| s.places(10)).unwrap_err(),
        store.bounded(&spent, |s| s.documents(10, 0)).unwrap_err(),
    ] {
        assert!(error.is_timed_out() && !error.is_database() && !error.is_bad_query(), "{error}");
    }
    let ample = Deadline::after(Duration::from_secs(60));
    let bounded = store.bounded(&ample, |s| s.events(&Query::default())).unwrap();
    assert_eq!(bounded, store.events(&Query::default()).unwrap(), "in time, the same answer");
}

#[test]
fn inferred_dates_are_stored_marked_and_can_be_left_out() {
    use dateline_core::DateSource;
    use dateline_pipeline::Stages;
    let scratch = Scratch::new("inferred");
    let pipeline = Pipeline::try_with_stages(Stages::TIMELINE_INFERRED).unwrap();
    let analyses: Vec<Analysis<'static>> = ARTICLES.iter().map(|doc| pipeline.analyse(doc)).collect();
    let mut store = Store::open(&scratch.0).unwrap();
    store.insert(&analyses).unwrap();
    store.merge().unwrap();
    let all = store.events(&Query::default()).unwrap();
    let told = store.events(&Query { explicit_only: true, ..Query::default() }).unwrap();
    let inferred: Vec<_> = all.iter().filter(|e| e.date_source == DateSource::Inferred).collect();
    assert!(!inferred.is_empty(), "{all:#?}");
    assert_eq!(told.len() + inferred.len(), all.len());
    assert!(told.iter().all(|e| e.date_source == DateSource::Explicit));
    // Every source of an inferred event lets its date be inferred; none of
    // them makes a conflict.
    for event in &inferred {
        assert!(event.sources.iter().all(|s| s.date_source == DateSource::Inferred) && !event.conflict);
    }
    // The told events are those a store without inferred dates has.
    let plain = Scratch::stored("inferred-plain");
    let plain_events = Store::open(&plain.0).unwrap().events(&Query::default()).unwrap();
    let dates = |events: &[dateline_store::Event]| -> Vec<String> {
        let mut dates: Vec<String> = events.iter().map(|e| format!("{} {}", e.date, e.event)).collect();
        dates.sort();
        dates
    };
    assert_eq!(dates(&told), dates(&plain_events));
}

#[test]
fn a_store_from_before_date_sources_gets_them_when_opened() {
    let scratch = Scratch::stored_before_date_sources("before-sources");
    let store = Store::open(&scratch.0).unwrap();
    let events = store.events(&Query::default()).unwrap();
    assert!(!events.is_empty());
    assert!(events.iter().all(|e| e.date_source == dateline_core::DateSource::Explicit));
}

#[test]
fn an_entity_is_found_by_any_name_its_articles_give_it() {
    let scratch = Scratch::new("aliases");
    let docs = [
        article(
            "g1",
            "2008-06-03",
            "General Motors Corp. closed a plant in Ohio on Tuesday. GM cut jobs in Ohio on Monday.",
        ),
        article("g2", "2008-06-05", "Ford Motor Co. opened a plant in Ohio on Wednesday."),
    ];
    let pipeline = Pipeline::new();
    let analyses: Vec<Analysis<'_>> = docs.iter().map(|doc| pipeline.analyse(doc)).collect();
    let mut store = Store::open(&scratch.0).unwrap();
    store.insert(&analyses).unwrap();
    store.merge().unwrap();
    let events = |entity: &str| -> Vec<String> {
        let query = Query { entity: Some(entity.to_string()), ..Query::default() };
        store.events(&query).unwrap().into_iter().map(|e| e.event).collect()
    };
    assert_eq!(events("GM"), ["cut", "closed"]);
    assert_eq!(events("General Motors"), ["cut", "closed"]);
    assert_eq!(events("Ford"), ["opened"]);
    assert!(store.names_of("GM").unwrap().contains(&"General Motors Corp".to_string()));
    let listed = store.entity_counts(None, 10).unwrap();
    let gm = listed.iter().find(|c| c.name == "General Motors Corp").expect("listed under its full name");
    assert_eq!(gm.aliases, ["GM"]);
}

#[test]
fn a_store_from_before_date_sources_is_upgraded_when_opened_to_read() {
    let scratch = Scratch::stored_before_date_sources("read-before-sources");
    let store = Store::open_read_only(&scratch.0).unwrap();
    assert!(!store
        .events(&Query { entity: Some("Sarah Kim".into()), ..Query::default() })
        .unwrap()
        .is_empty());
}

/// A merged event as what it is made of: its entries, date, status,
/// conflict and dates, and the entries of the event it links to.
type MadeOf = (Vec<i64>, String, String, bool, String, Option<Vec<i64>>);

/// Every merged event of a store, by what it is made of.
fn merged_events(path: &std::path::Path) -> Vec<MadeOf> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let entries_of = |event: i64| -> Vec<i64> {
        let mut statement =
            conn.prepare("SELECT entry FROM event_sources WHERE event = ?1 ORDER BY entry").unwrap();
        statement.query_map([event], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    let mut statement = conn.prepare("SELECT id, date, status, conflict, dates, linked FROM events").unwrap();
    let rows: Vec<(i64, String, String, bool, String, Option<i64>)> = statement
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let mut events: Vec<_> = rows
        .into_iter()
        .map(|(id, date, status, conflict, dates, linked)| {
            (entries_of(id), date, status, conflict, dates, linked.map(&entries_of))
        })
        .collect();
    events.sort();
    events
}

#[test]
fn articles_merged_one_at_a_time_give_the_events_of_a_full_merge() {
    // A store of other news, then the Kalbajar story one article at a
    // time: each merge takes only the events the new article can meet.
    let mut background: Vec<Document> = (1..=40)
        .map(|n| {
            const MONTHS: [&str; 5] = ["January", "March", "May", "July", "September"];
            let text = format!("Workers repaired the Sevan dam on {} {}.", MONTHS[n % 5], n * 7 % 27 + 1);
            article(&format!("bg{n}"), "2020-11-20", &text)
        })
        .collect();
    for n in 1..=12 {
        let text = match n % 3 {
            0 => format!("Armenian troops left Kalbajar on November {}.", n + 10),
            1 => format!("Armenia will hand over Kalbajar on November {}.", n + 12),
            _ => format!("Azerbaijan handed over Kalbajar on November {}, officials said.", n + 13),
        };
        background.push(article(&format!("k{n}"), "2020-11-29", &text));
    }
    let pipeline = Pipeline::new();
    let analysed: Vec<Analysis<'_>> = background.iter().map(|d| pipeline.analyse(d)).collect();
    let story = corpus();

    let whole = Scratch::new("merge-whole");
    let mut store = Store::open(&whole.0).unwrap();
    store.insert(&analysed).unwrap();
    store.insert(&story).unwrap();
    store.merge().unwrap();
    drop(store);

    let step = Scratch::new("merge-step");
    let mut store = Store::open(&step.0).unwrap();
    store.insert(&analysed).unwrap();
    store.merge().unwrap();
    for (n, analysis) in story.iter().enumerate() {
        store.insert(std::slice::from_ref(analysis)).unwrap();
        // The first is stored without a merge, as by an ingest killed
        // before its end: the next merge takes it too.
        if n > 0 {
            assert!(store.merge_new().unwrap().events > 0);
        }
    }
    // Nothing new, nothing changes.
    store.merge_new().unwrap();
    drop(store);
    let conn = rusqlite::Connection::open(&step.0).unwrap();
    let renumbered: bool = conn.query_row("SELECT max(id) > count(*) FROM events", [], |r| r.get(0)).unwrap();
    assert!(renumbered, "the events merged again got new ids: the merge was incremental");
    let (whole_events, step_events) = (merged_events(&whole.0), merged_events(&step.0));
    assert!(whole_events.iter().any(|e| e.0.len() >= 3), "the story's articles merge");
    assert!(whole_events.iter().any(|e| e.5.is_some()), "and a missed date is linked");
    assert_eq!(step_events, whole_events);

    // The store reads as before: places counted, events found.
    let store = Store::open(&step.0).unwrap();
    let query = Query {
        place: Some(PlaceFilter { names: vec!["Kalbajar".into()], within: Vec::new() }),
        ..Query::default()
    };
    assert!(!store.events(&query).unwrap().is_empty());
}
