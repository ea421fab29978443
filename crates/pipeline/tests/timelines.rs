//! Timelines of short articles written for the project: every entry's
//! date, status and event.

use dateline_core::{Date, Document, Status};
use dateline_pipeline::Pipeline;

fn timeline(dct: &str, text: &str) -> Vec<(String, Status, String)> {
    let doc = Document::new(dct.parse::<Date>().unwrap(), text);
    let analysis = Pipeline::new().analyse(&doc);
    analysis.entries.into_iter().map(|e| (e.date.to_string(), e.status, e.event)).collect()
}

#[test]
fn statuses_of_a_ceasefire_story() {
    let got = timeline(
        "2021-03-12",
        "The two sides agreed on Wednesday to extend the ceasefire until March 31. Aid convoys were supposed to \
         cross the bridge on March 1, but the crossing was delayed. Talks will resume on Monday. Shelling has \
         continued since February. Observers expect a prisoner exchange in April.",
    );
    let want = [
        ("2021-02", Status::Ongoing, "continued"),
        ("2021-03-01", Status::Missed, "cross"),
        ("2021-03-10", Status::Occurred, "agreed"),
        ("2021-03-15", Status::Scheduled, "resume"),
        ("2021-03-31", Status::Deadline, "extend"),
        ("2021-04", Status::Expected, "expect"),
    ];
    let want: Vec<(String, Status, String)> =
        want.iter().map(|(d, s, e)| (d.to_string(), *s, e.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn no_entry_without_a_date() {
    assert!(timeline("2021-03-12", "The talks failed. Troops fought for over a month.").is_empty());
}

#[test]
fn durations_anchored_to_a_date_or_an_event() {
    let got = timeline("2021-06-01", "The court ruled two weeks after March 3.");
    assert_eq!(got, [("2021-03-17".to_string(), Status::Occurred, "ruled".to_string())]);
    let got = timeline(
        "2021-06-01",
        "A complaint was filed on March 3. Police acted two weeks after the complaint.",
    );
    assert_eq!(got.len(), 2, "{got:?}");
    assert_eq!((got[1].0.as_str(), got[1].2.as_str()), ("2021-03-17", "acted"));
}

#[test]
fn one_date_can_date_two_events() {
    let got = timeline("2020-11-26", "Troops entered Aghdam and seized the airport on Friday.");
    let events: Vec<&str> = got.iter().map(|(_, _, e)| e.as_str()).collect();
    assert_eq!(events, ["seized", "entered"]);
    assert!(got.iter().all(|(d, s, _)| d == "2020-11-20" && *s == Status::Occurred));
}

fn timeline_by_syntax(dct: &str, text: &str) -> Vec<(String, Status, String)> {
    let doc = Document::new(dct.parse::<Date>().unwrap(), text);
    let pipeline = Pipeline::try_with_stages(dateline_pipeline::Stages::TIMELINE_BY_SYNTAX).unwrap();
    let analysis = pipeline.analyse(&doc);
    analysis.entries.into_iter().map(|e| (e.date.to_string(), e.status, e.event)).collect()
}

#[test]
fn coordinated_events_keep_their_own_dates_and_statuses() {
    let text =
        "Rail services were suspended this morning and will resume at 6 p.m. The line will reopen on Friday.";
    let want = [
        ("2020-11-26TMO".to_string(), Status::Occurred, "suspended".to_string()),
        ("2020-11-26T18:00".to_string(), Status::Scheduled, "resume".to_string()),
        ("2020-11-27".to_string(), Status::Scheduled, "reopen".to_string()),
    ];
    assert_eq!(timeline("2020-11-26", text), want, "by the word lists");
    assert_eq!(timeline_by_syntax("2020-11-26", text), want, "by the dependency tree");
}

#[test]
fn with_syntax_the_status_is_the_events_own() {
    let got = timeline_by_syntax(
        "2020-11-26",
        "Armenia was supposed to leave Kalbajar on November 15. Talks will resume on Monday.",
    );
    let statuses: Vec<Status> = got.iter().map(|(_, s, _)| *s).collect();
    assert_eq!(statuses, [Status::Missed, Status::Scheduled], "{got:?}");
}

#[test]
fn inferred_entries_date_reported_events_from_the_story() {
    let doc = Document::new(
        "2020-11-26".parse::<Date>().unwrap(),
        "Azerbaijani troops entered Aghdam on Friday. They raised the flag over the town.",
    );
    let explicit = Pipeline::new().analyse(&doc).entries;
    assert_eq!(explicit.len(), 1);
    assert_eq!(explicit[0].date_source, dateline_core::DateSource::Explicit);
    let pipeline = Pipeline::try_with_stages(dateline_pipeline::Stages::TIMELINE_INFERRED).unwrap();
    let entries = pipeline.analyse(&doc).entries;
    let raised = entries.iter().find(|e| e.event == "raised").expect("an entry for 'raised'");
    assert_eq!((raised.date.to_string(), raised.status), ("2020-11-20".to_string(), Status::Occurred));
    assert_eq!(raised.date_source, dateline_core::DateSource::Inferred);
    assert_eq!(entries.iter().filter(|e| e.date_source == dateline_core::DateSource::Explicit).count(), 1);
}

#[test]
fn with_syntax_an_event_noun_takes_the_day_of_the_event_it_is_subject_of() {
    let doc = Document::new(
        "2020-11-26".parse::<Date>().unwrap(),
        "The ceasefire was signed on Monday. Officials said the deal was announced on Friday.",
    );
    let stages = dateline_pipeline::Stages { syntax: true, ..dateline_pipeline::Stages::TIMELINE_INFERRED };
    let entries = Pipeline::try_with_stages(stages).unwrap().analyse(&doc).entries;
    let deal = entries.iter().find(|e| e.event == "deal").expect("an entry for 'deal'");
    assert_eq!(
        (deal.date.to_string(), deal.date_source),
        ("2020-11-20".to_string(), dateline_core::DateSource::Inferred)
    );
    // Without the trees nothing tells what the noun is the subject of.
    let entries = Pipeline::try_with_stages(dateline_pipeline::Stages::TIMELINE_INFERRED)
        .unwrap()
        .analyse(&doc)
        .entries;
    assert!(entries.iter().all(|e| e.event != "deal"), "{entries:?}");
}
