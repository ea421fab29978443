use crate::{Timex, TimexType};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use serde::{Deserialize, Serialize};

/// One dated event of a timeline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// The TIMEX3 value of the date: `2020-11-25`, `2020-07`.
    pub date: String,
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
    /// People and organisations of the clause.
    pub actors: Vec<String>,
    /// Places of the clause.
    pub places: Vec<EntryPlace>,
    /// The document's id.
    pub doc: String,
}

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
    /// The lowercase name.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Occurred => "occurred",
            Status::Ongoing => "ongoing",
            Status::Scheduled => "scheduled",
            Status::Expected => "expected",
            Status::Missed => "missed",
            Status::Deadline => "deadline",
        }
    }
}

/// The inclusive calendar range a TIMEX3 DATE or TIME value covers; None
/// for references (`PRESENT_REF`), durations and values with unknown parts.
///
/// ```
/// use dateline_core::{calendar_range, Date};
/// let d = |s: &str| s.parse::<Date>().unwrap();
/// assert_eq!(calendar_range("2020-07"), Some((d("2020-07-01"), d("2020-07-31"))));
/// assert_eq!(calendar_range("2020-W48"), Some((d("2020-11-23"), d("2020-11-29"))));
/// assert_eq!(calendar_range("2020-Q4"), Some((d("2020-10-01"), d("2020-12-31"))));
/// assert_eq!(calendar_range("199"), Some((d("1990-01-01"), d("1999-12-31"))));
/// assert_eq!(calendar_range("2020-WI"), Some((d("2020-12-01"), d("2021-02-28"))));
/// assert_eq!(calendar_range("PAST_REF"), None);
/// ```
pub fn calendar_range(value: &str) -> Option<(Date, Date)> {
    let day_part = value.split('T').next()?;
    let parts: Vec<&str> = day_part.split('-').collect();
    let year = |s: &str| -> Option<i16> {
        (s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok())?
    };
    let month_range = |y: i16, first: i8, last: i8| -> Option<(Date, Date)> {
        let start = Date::new(y, first, 1).ok()?;
        let end = Date::new(y, last, 1).ok()?.last_of_month();
        Some((start, end))
    };
    match parts.as_slice() {
        [c] if c.len() == 2 && c.bytes().all(|b| b.is_ascii_digit()) => {
            let century: i16 = c.parse().ok()?;
            Some((Date::new(century * 100, 1, 1).ok()?, Date::new(century * 100 + 99, 12, 31).ok()?))
        }
        [d] if d.len() == 3 && d.bytes().all(|b| b.is_ascii_digit()) => {
            let decade: i16 = d.parse().ok()?;
            Some((Date::new(decade * 10, 1, 1).ok()?, Date::new(decade * 10 + 9, 12, 31).ok()?))
        }
        [y] => month_range(year(y)?, 1, 12),
        [y, p] => {
            let y = year(y)?;
            match *p {
                "H1" => month_range(y, 1, 6),
                "H2" => month_range(y, 7, 12),
                "Q1" => month_range(y, 1, 3),
                "Q2" => month_range(y, 4, 6),
                "Q3" => month_range(y, 7, 9),
                "Q4" => month_range(y, 10, 12),
                "SP" => month_range(y, 3, 5),
                "SU" => month_range(y, 6, 8),
                "FA" => month_range(y, 9, 11),
                "WI" => Some((Date::new(y, 12, 1).ok()?, Date::new(y + 1, 3, 1).ok()?.yesterday().ok()?)),
                w if w.starts_with('W') => {
                    let monday =
                        jiff::civil::ISOWeekDate::new(y, w[1..].parse().ok()?, Weekday::Monday).ok()?.date();
                    Some((monday, monday.checked_add(6.days()).ok()?))
                }
                m => {
                    let m: i8 = m.parse().ok()?;
                    month_range(y, m, m)
                }
            }
        }
        [y, w, we] if w.starts_with('W') && *we == "WE" => {
            let saturday =
                jiff::civil::ISOWeekDate::new(year(y)?, w[1..].parse().ok()?, Weekday::Saturday).ok()?.date();
            Some((saturday, saturday.checked_add(1.days()).ok()?))
        }
        [y, m, d] => {
            let date = Date::new(year(y)?, m.parse().ok()?, d.parse().ok()?).ok()?;
            Some((date, date))
        }
        _ => None,
    }
}

impl Timex {
    /// Whether the expression names a point or period on the calendar (a
    /// DATE or TIME with a resolvable value).
    pub fn is_dated(&self) -> bool {
        matches!(self.kind, TimexType::Date | TimexType::Time) && calendar_range(&self.value).is_some()
    }
}
