//! What the store hands out and takes in: merged events with their
//! sources, the filters of a query, stored articles and their
//! annotations, and what an ingest or a merge did.
//!
//! Every value of the shared vocabulary is typed (a [`Status`], a
//! [`Date`], a [`TimexValue`], an [`EntityKind`]) and serialises as the
//! same string the store writes, so the JSON of the API and the exports
//! reads as plain strings.

use dateline_core::{Date, DateSource, EntityKind, Status, TimexMod, TimexType, TimexValue};
use dateline_pipeline::PlaceFilter;
use serde::Serialize;

/// A document that could not be ingested, and why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Failure {
    /// The file (or `<stdin>`).
    pub source: String,
    /// The line in it.
    pub line: usize,
    /// What was wrong.
    pub reason: String,
}

/// An event merged across articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Event {
    /// Stable within one merge.
    pub id: i64,
    /// The TIMEX3 value most sources give.
    pub date: TimexValue,
    /// First day.
    pub start: Date,
    /// Last day (inclusive).
    pub end: Date,
    /// The status most sources give.
    pub status: Status,
    /// The event word.
    pub event: String,
    /// The clause of the first source.
    pub text: String,
    /// Sources disagree on the date: every date they give is in `dates`.
    pub conflict: bool,
    /// Every date the sources give.
    pub dates: Vec<TimexValue>,
    /// `explicit` when an article tells its date; `inferred` when every
    /// article only lets it be dated from its story.
    pub date_source: DateSource,
    /// Places, by name.
    pub places: Vec<String>,
    /// People and organisations.
    pub actors: Vec<String>,
    /// A planned or missed date linked to the date it happened, or back.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub linked: Option<Link>,
    /// How many articles tell it.
    pub source_count: usize,
    /// The articles that tell it, in the order they were stored (at most
    /// the query's `max_sources`).
    pub sources: Vec<Source>,
}

/// The other side of a planned/happened pair: "due November 15, happened
/// November 25".
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Link {
    /// The linked event.
    pub event: i64,
    /// Its date.
    pub date: TimexValue,
    /// Its status.
    pub status: Status,
}

/// One article's telling of an event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    /// The article id.
    pub doc: String,
    /// Its publication date.
    pub dct: Date,
    /// Its title, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Its address, when known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The sentence that supports the event.
    pub sentence: String,
    /// The date this article gives.
    pub date: TimexValue,
    /// The status this article gives.
    pub status: Status,
    /// The date phrase as written (empty for a date inferred from the
    /// publication date).
    pub expression: String,
    /// Whether this article tells the date or lets it be inferred.
    pub date_source: DateSource,
}

/// Filters of a timeline query; every field is optional.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// A person or organisation (substring, case-insensitive).
    pub entity: Option<String>,
    /// Place names that match, with the places inside them: an event
    /// matches when one of its places has one of these names, or lies in
    /// one of `within` (country code, optional admin1 code).
    pub place: Option<PlaceFilter>,
    /// First day (inclusive): events that end on or after it.
    pub from: Option<Date>,
    /// Last day (inclusive): events that start on or before it.
    pub to: Option<Date>,
    /// One status.
    pub status: Option<Status>,
    /// Full-text search (FTS5 syntax) over the supporting sentences, the
    /// actors, and the title and opening of the articles that tell the
    /// event (so a story's name finds the whole story). A search that is
    /// not valid FTS5 is a bad query ([`Error::is_bad_query`]).
    ///
    /// [`Error::is_bad_query`]: crate::Error::is_bad_query
    pub search: Option<String>,
    /// Only events an article dates itself: none dated only from a story
    /// (`date_source` inferred; stored by `ingest --inferred`).
    pub explicit_only: bool,
    /// At most this many events (all when None).
    pub limit: Option<usize>,
    /// At most this many sources listed per event (all when None); the
    /// count is always given.
    pub max_sources: Option<usize>,
}

/// What a merge did.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MergeReport {
    /// Entries read.
    pub entries: usize,
    /// Events they became.
    pub events: usize,
    /// Events whose sources disagree on the date.
    pub conflicts: usize,
    /// Planned or missed dates linked to the date the event happened.
    pub links: usize,
}

/// A stored article, in a listing.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentSummary {
    /// Its id.
    pub id: String,
    /// Its publication date.
    pub dct: Date,
    /// Its title.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// How many timeline entries it gave.
    pub entries: usize,
}

/// A stored article with what was found in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredDocument {
    /// Its id.
    pub id: String,
    /// Its publication date.
    pub dct: Date,
    /// Its title.
    pub title: Option<String>,
    /// Its address.
    pub url: Option<String>,
    /// Its publisher or feed.
    pub source: Option<String>,
    /// Its text; offsets point into it.
    pub text: String,
    /// Temporal expressions, in order.
    pub timexes: Vec<StoredTimex>,
    /// Places, people and organisations, in order.
    pub entities: Vec<StoredEntity>,
    /// Timeline entries.
    pub entries: Vec<StoredEntry>,
}

/// A temporal expression of a stored article.
///
/// The JSON names (`kind`, `value`, `extra`) are those every annotation
/// of the API has had, shared with [`StoredEntity`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredTimex {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// As written.
    pub text: String,
    /// The TIMEX3 type.
    pub kind: TimexType,
    /// The TIMEX3 value.
    pub value: TimexValue,
    /// The TIMEX3 modifier.
    #[serde(rename = "extra")]
    pub modifier: Option<TimexMod>,
}

/// A place, person or organisation of a stored article.
///
/// The JSON names (`kind`, `value`, `extra`) are those every annotation
/// of the API has had, shared with [`StoredTimex`].
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEntity {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// As written.
    pub text: String,
    /// Place, person or organisation.
    pub kind: EntityKind,
    /// The canonical name (empty when there is none).
    #[serde(rename = "value")]
    pub name: String,
    /// The ISO code of a place's country.
    #[serde(rename = "extra")]
    pub country: Option<String>,
}

/// A timeline entry of a stored article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StoredEntry {
    /// TIMEX3 value.
    pub date: TimexValue,
    /// Status.
    pub status: Status,
    /// Event word.
    pub event: String,
    /// Clause.
    pub text: String,
    /// The date phrase.
    pub expression: String,
    /// Told or inferred.
    pub date_source: DateSource,
}

/// An entity and how often it is named.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// Place, person or organisation.
    pub kind: EntityKind,
    /// Mentions.
    pub mentions: usize,
    /// Articles naming it.
    pub documents: usize,
    /// The other names the articles give it ("GM", "General Motors").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
}

/// A place of the merged events.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PlaceCount {
    /// Its name.
    pub name: String,
    /// Latitude, when resolved.
    pub lat: Option<f64>,
    /// Longitude, when resolved.
    pub lon: Option<f64>,
    /// Country code.
    pub country: Option<String>,
    /// Events there.
    pub events: usize,
}
