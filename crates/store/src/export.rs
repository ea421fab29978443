//! Exports of merged events: CSV (one row per event and source) and
//! TimelineJS 3 JSON that journalists can publish as it is.

use crate::Event;
use dateline_core::Date;
use serde_json::{json, Value};

/// CSV with a header: one row per event and source.
///
/// ```
/// assert!(dateline_store::to_csv(&[]).starts_with("event,date,start,end,status"));
/// ```
pub fn to_csv(events: &[Event]) -> String {
    let mut out = String::from(
        "event,date,start,end,status,conflict,dates,word,text,places,actors,source,published,source_date,source_status,sentence,date_source,source_date_source\n",
    );
    for e in events {
        for s in &e.sources {
            let fields = [
                e.id.to_string(),
                e.date.to_string(),
                e.start.to_string(),
                e.end.to_string(),
                e.status.to_string(),
                e.conflict.to_string(),
                joined(&e.dates, "; "),
                e.event.clone(),
                e.text.clone(),
                e.places.join("; "),
                e.actors.join("; "),
                s.doc.clone(),
                s.dct.to_string(),
                s.date.to_string(),
                s.status.to_string(),
                s.sentence.clone(),
                e.date_source.to_string(),
                s.date_source.to_string(),
            ];
            let row: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            out.push_str(&row.join(","));
            out.push('\n');
        }
    }
    out
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
///
/// ```
/// assert_eq!(dateline_store::csv_field("a, \"b\""), "\"a, \"\"b\"\"\"");
/// assert_eq!(dateline_store::csv_field("plain"), "plain");
/// ```
pub fn csv_field(field: &str) -> String {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\""))
    } else {
        field.to_string()
    }
}

/// TimelineJS 3 JSON: one slide per event with its start and end dates,
/// the event as headline, the supporting sentences as text, and a group
/// per main actor (or place).
pub fn to_timelinejs(events: &[Event], title: &str) -> Value {
    let slides: Vec<Value> = events
        .iter()
        .map(|e| {
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| {
                    let name = s.title.as_deref().unwrap_or(&s.doc);
                    let link = match &s.url {
                        Some(url) => format!("<a href=\"{}\">{}</a>", html_escape(url), html_escape(name)),
                        None => html_escape(name),
                    };
                    format!("<p>{} <small>({link}, {})</small></p>", html_escape(&s.sentence), s.dct)
                })
                .collect();
            let mut headline = format!("{} ({})", e.text, e.status);
            if e.conflict {
                headline.push_str(&format!(" — sources disagree: {}", joined(&e.dates, ", ")));
            }
            if let Some(link) = &e.linked {
                headline.push_str(&format!(" — see {} ({})", link.date, link.status));
            }
            let group = e.actors.first().or(e.places.first()).cloned().unwrap_or_else(|| "other".to_string());
            json!({
                "start_date": timelinejs_date(e.start),
                "end_date": timelinejs_date(e.end),
                "text": { "headline": html_escape(&headline), "text": sources.join("") },
                "group": group,
                "unique_id": format!("event-{}", e.id),
            })
        })
        .collect();
    json!({ "title": { "text": { "headline": html_escape(title), "text": "" } }, "events": slides })
}

/// A TimelineJS date: the parts of the ISO date, without leading zeros.
pub fn timelinejs_date(day: Date) -> Value {
    let mut object = serde_json::Map::new();
    for (key, part) in ["year", "month", "day"].into_iter().zip(day.to_string().split('-')) {
        object.insert(key.to_string(), Value::String(part.trim_start_matches('0').to_string()));
    }
    Value::Object(object)
}

/// Values written one after the other with `separator` between them.
fn joined<T: std::fmt::Display>(values: &[T], separator: &str) -> String {
    values.iter().map(T::to_string).collect::<Vec<_>>().join(separator)
}

/// Text made safe to put in HTML (TimelineJS renders its texts as HTML).
pub fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
