use crate::names::names;
use crate::{Timex, TimexType, TimexValue};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One dated event of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The TIMEX3 value of the date: `2020-11-25`, `2020-07`.
    pub date: TimexValue,
    /// First day the date covers.
    pub start: Date,
    /// Last day the date covers (inclusive): 2020-07 ends on 2020-07-31.
    pub end: Date,
    /// Whether it happened, is scheduled, was missed...
    pub status: Status,
    /// The word that names the event: its verb or event noun.
    pub event: String,
    /// Character offsets of the event word in the document.
    pub trigger: (usize, usize),
    /// The clause that tells the event, trimmed.
    pub text: String,
    /// The temporal expression that dates it.
    pub timex: Timex,
    /// Character offsets of the sentence in the document.
    pub sentence: (usize, usize),
    /// Who takes part: with the syntax stage, the people and organisations
    /// among the event's arguments (through the pronouns and descriptions
    /// that refer to them) and the countries that do it; without it, the
    /// people and organisations named in the clause.
    pub actors: Vec<String>,
    /// Places of the clause.
    pub places: Vec<EntryPlace>,
    /// The document's id.
    pub doc: String,
    /// Whether the text dates the event (`explicit`) or the date is
    /// inferred from the story (`inferred`: the last date told before it,
    /// or the publication date of a reported event).
    #[serde(default)]
    pub date_source: DateSource,
}

/// Where an entry's date comes from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    /// A temporal expression of the event's own clause.
    #[default]
    Explicit,
    /// The story's reference time: the last day told before the event, or
    /// the publication date. Its `timex` is the expression that told that
    /// day, or an empty one at offset 0 for the publication date.
    Inferred,
}

names!(DateSource, "a date source", {
    Explicit => "explicit",
    Inferred => "inferred",
});

/// A place of an entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntryPlace {
    /// Its name in the gazetteer (or as written when unresolved).
    pub name: String,
    /// GeoNames id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u32>,
    /// Latitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// ISO country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// GeoNames admin1 code (state or province).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
}

/// What the text says about whether the event happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// It happened.
    Occurred,
    /// It began then and continues ("since July").
    Ongoing,
    /// It is announced for that date ("will hand over on December 1").
    Scheduled,
    /// It is forecast, hoped or likely.
    Expected,
    /// It was due then and did not happen ("was supposed to ... on November 15").
    Missed,
    /// The date is a limit ("until November 25", "by mid-February").
    Deadline,
}

impl Status {
    /// Whether the event took place (it occurred, or began and goes on).
    pub fn happened(self) -> bool {
        matches!(self, Status::Occurred | Status::Ongoing)
    }
}

names!(Status, "a status", {
    Occurred => "occurred",
    Ongoing => "ongoing",
    Scheduled => "scheduled",
    Expected => "expected",
    Missed => "missed",
    Deadline => "deadline",
});

impl Timex {
    /// Whether the expression names a point or period on the calendar (a
    /// DATE or TIME with a resolvable value).
    pub fn is_dated(&self) -> bool {
        matches!(self.kind, TimexType::Date | TimexType::Time) && self.value.range().is_some()
    }
}
