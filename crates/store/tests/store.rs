//! The store end to end: articles written for the project, analysed by the
//! real pipeline, stored, merged and queried.

use dateline_core::{Date, Document};
use dateline_pipeline::{Analysis, Pipeline, PlaceFilter};
use dateline_store::{Query, Store};
use std::sync::LazyLock;

fn article(id: &str, dct: &str, text: &str) -> Document {
    let mut document = Document::new(dct.parse::<Date>().unwrap(), text);
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

#[test]
fn ingest_is_idempotent() {
    let mut store = Store::open_in_memory().unwrap();
    assert_eq!(store.insert(&corpus()).unwrap(), 5);
    assert_eq!(store.insert(&corpus()).unwrap(), 0);
    assert_eq!(store.document_count().unwrap(), 5);
}

#[test]
fn a_reopened_store_keeps_committed_batches() {
    let path = std::env::temp_dir().join(format!("dateline-store-{}.db", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let all = corpus();
    {
        let mut store = Store::open(&path).unwrap();
        store.insert(&all[..2]).unwrap();
    } // as if the ingest had been killed here
    let mut store = Store::open(&path).unwrap();
    assert!(store.contains("a1").unwrap() && !store.contains("a3").unwrap());
    assert_eq!(store.insert(&all).unwrap(), 3, "only the rest is added");
    let _ = std::fs::remove_file(&path);
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
    assert_eq!(left[0].dates, ["2020-11-24", "2020-11-25"]);
}

#[test]
fn a_missed_date_is_linked_to_the_day_it_happened() {
    let mut store = Store::open_in_memory().unwrap();
    store.insert(&corpus()).unwrap();
    store.merge().unwrap();
    let missed = store.events(&Query { status: Some("missed".into()), ..Query::default() }).unwrap();
    let link = missed[0].linked.as_ref().expect("linked");
    assert_eq!((link.date.as_str(), link.status.as_str()), ("2020-11-25", "occurred"));
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
    let late = store
        .events(&Query { from: Some("2020-11-25".into()), to: Some("2020-11-30".into()), ..Query::default() })
        .unwrap();
    assert!(late.iter().all(|e| e.end.as_str() >= "2020-11-25" && e.start.as_str() <= "2020-11-30"));
    let kim = store.events(&Query { entity: Some("Kim".into()), ..Query::default() }).unwrap();
    assert_eq!(kim.len(), 1);
    assert_eq!(kim[0].actors, ["Sarah Kim"]);
    let csv = dateline_store::to_csv(&late);
    assert!(csv.lines().count() > late.len());
    let timeline = dateline_store::to_timelinejs(&late, "Kalbajar");
    assert_eq!(timeline["events"].as_array().unwrap().len(), late.len());
    assert!(timeline["events"][0]["start_date"]["year"] == "2020");
}
