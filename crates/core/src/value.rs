//! TIMEX3 values as types: every value dateline writes parses back to the
//! same type and prints to the same string, so no crate re-parses strings.

use crate::Error;
use jiff::civil::{Date, ISOWeekDate, Weekday};
use jiff::{Span, ToSpan};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A TIMEX3 value.
///
/// [`TimexValue::parse`] reads any string: what dateline models becomes a
/// typed value, anything else (annotators' conventions such as `1998-XX`)
/// is kept as written in [`TimexValue::Other`]. A typed value always prints
/// back to exactly the string it was read from.
///
/// ```
/// use dateline_core::{Date, TimexValue};
/// let d = |s: &str| s.parse::<Date>().unwrap();
/// let winter = TimexValue::parse("2020-WI");
/// assert_eq!(winter.range(), Some((d("2020-12-01"), d("2021-02-28"))));
/// assert_eq!(winter.to_string(), "2020-WI");
/// // A week number without its zero is an annotator's spelling, not ours.
/// assert!(matches!(TimexValue::parse("2000-W7"), TimexValue::Other(_)));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum TimexValue {
    /// A point or period of the calendar: `2020-11-26`, `2020-Q4`, `199`.
    Point(Point),
    /// An amount of time: `P1M`, `PT48H`, `PXY`.
    Duration(Duration),
    /// A recurring part of the calendar: `XXXX-WXX-1` (every Monday).
    Pattern(Pattern),
    /// `PRESENT_REF`, `PAST_REF`, `FUTURE_REF`.
    Reference(Reference),
    /// A value dateline does not model, kept as written.
    Other(String),
}

impl TimexValue {
    /// Reads a TIMEX3 value; never fails (see [`TimexValue::Other`]).
    pub fn parse(s: &str) -> TimexValue {
        let typed = Reference::from_code(s)
            .map(TimexValue::Reference)
            .or_else(|| parse_duration(s).map(TimexValue::Duration))
            .or_else(|| parse_pattern(s).map(TimexValue::Pattern))
            .or_else(|| parse_point(s).map(TimexValue::Point));
        // Only a value that prints back to the very same string is typed:
        // "2000-W7" stays as written, so equal values are equal strings.
        match typed {
            Some(value) if value == s => value,
            _ => TimexValue::Other(s.to_string()),
        }
    }

    /// The inclusive calendar range a DATE or TIME value covers; None for
    /// references, durations, patterns, years outside 0–9999 and values
    /// dateline does not model.
    ///
    /// ```
    /// use dateline_core::{Date, TimexValue};
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// let range = |v: &str| TimexValue::parse(v).range();
    /// assert_eq!(range("2020-07"), Some((d("2020-07-01"), d("2020-07-31"))));
    /// assert_eq!(range("2020-W48"), Some((d("2020-11-23"), d("2020-11-29"))));
    /// assert_eq!(range("2020-Q4"), Some((d("2020-10-01"), d("2020-12-31"))));
    /// assert_eq!(range("199"), Some((d("1990-01-01"), d("1999-12-31"))));
    /// assert_eq!(range("2020-11-26T15:00"), Some((d("2020-11-26"), d("2020-11-26"))));
    /// assert_eq!(range("PAST_REF"), None);
    /// // A day of a known year or month, not told ("at IFA 2014" in a post).
    /// assert_eq!(range("2014-XX-XX"), Some((d("2014-01-01"), d("2014-12-31"))));
    /// assert_eq!(range("2014-07-XX"), Some((d("2014-07-01"), d("2014-07-31"))));
    /// ```
    pub fn range(&self) -> Option<(Date, Date)> {
        match self {
            TimexValue::Point(point) => point.range(),
            TimexValue::Other(value) => {
                let known = value.strip_suffix("-XX-XX").or_else(|| value.strip_suffix("-XX"))?;
                parse_point(known).filter(|point| point.to_string() == known)?.range()
            }
            _ => None,
        }
    }

    /// The point, when the value is one.
    pub fn point(&self) -> Option<Point> {
        match self {
            TimexValue::Point(point) => Some(*point),
            _ => None,
        }
    }

    /// The duration, when the value is one.
    pub fn duration(&self) -> Option<&Duration> {
        match self {
            TimexValue::Duration(duration) => Some(duration),
            _ => None,
        }
    }
}

impl fmt::Display for TimexValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // A column of a table ("{:<18}") pads the value like a string.
        if f.width().is_some() {
            let text = match self {
                TimexValue::Point(point) => point.to_string(),
                TimexValue::Duration(duration) => duration.to_string(),
                TimexValue::Pattern(pattern) => pattern.to_string(),
                TimexValue::Reference(reference) => reference.code().to_string(),
                TimexValue::Other(value) => value.clone(),
            };
            return f.pad(&text);
        }
        match self {
            TimexValue::Point(point) => point.fmt(f),
            TimexValue::Duration(duration) => duration.fmt(f),
            TimexValue::Pattern(pattern) => pattern.fmt(f),
            TimexValue::Reference(reference) => f.write_str(reference.code()),
            TimexValue::Other(value) => f.write_str(value),
        }
    }
}

/// Strict parsing: an error for a value dateline does not model.
///
/// ```
/// use dateline_core::TimexValue;
/// assert!("2020-11-26TMO".parse::<TimexValue>().is_ok());
/// assert!("1998-XX".parse::<TimexValue>().is_err());
/// ```
impl FromStr for TimexValue {
    type Err = Error;

    fn from_str(s: &str) -> Result<TimexValue, Error> {
        match TimexValue::parse(s) {
            TimexValue::Other(_) => Err(Error::value(s)),
            value => Ok(value),
        }
    }
}

/// The same as [`TimexValue::parse`].
impl From<&str> for TimexValue {
    fn from(s: &str) -> TimexValue {
        TimexValue::parse(s)
    }
}

impl PartialEq<str> for TimexValue {
    fn eq(&self, other: &str) -> bool {
        match self {
            TimexValue::Other(value) => value == other,
            _ => format!("{self}") == other,
        }
    }
}

impl PartialEq<&str> for TimexValue {
    fn eq(&self, other: &&str) -> bool {
        self == *other
    }
}

impl Serialize for TimexValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TimexValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<TimexValue, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(TimexValue::parse(&s))
    }
}

/// A calendar unit, as durations and relative shifts use it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // the names say it all
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Saturday and Sunday: two days.
    Weekend,
    Month,
    Quarter,
    /// Three months.
    Season,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// Whether a TIMEX3 duration of this unit needs the `T` time marker.
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }

    /// The next smaller unit and how many of it make one of this, for
    /// writing fractions ("two and a half years" is `P2Y6M`).
    fn smaller(self) -> Option<(Unit, f64)> {
        match self {
            Unit::Year => Some((Unit::Month, 12.0)),
            Unit::Day => Some((Unit::Hour, 24.0)),
            Unit::Hour => Some((Unit::Minute, 60.0)),
            Unit::Minute => Some((Unit::Second, 60.0)),
            _ => None,
        }
    }
}

/// Parts of the day, with their TIMEX3 codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the names say it all
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    /// Daytime.
    Day,
}

impl DayPart {
    const ALL: [DayPart; 5] =
        [DayPart::Morning, DayPart::Afternoon, DayPart::Evening, DayPart::Night, DayPart::Day];

    /// The TIMEX3 code: `MO`, `AF`, `EV`, `NI`, `DT`.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Day => "DT",
        }
    }

    fn from_code(code: &str) -> Option<DayPart> {
        DayPart::ALL.into_iter().find(|p| p.code() == code)
    }
}

/// Seasons, with their TIMEX3 codes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)] // the names say it all
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    const ALL: [Season; 4] = [Season::Spring, Season::Summer, Season::Autumn, Season::Winter];

    /// The TIMEX3 code: `SP`, `SU`, `FA`, `WI`.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }

    fn from_code(code: &str) -> Option<Season> {
        Season::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The season a month lies in: northern-hemisphere meteorological
    /// seasons, as news in English uses them.
    pub fn of_month(month: u8) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Autumn,
            _ => Season::Winter,
        }
    }
}

/// The TIMEX3 reference values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reference {
    /// `PRESENT_REF`: now.
    Present,
    /// `PAST_REF`: some time back.
    Past,
    /// `FUTURE_REF`: some time ahead.
    Future,
}

impl Reference {
    /// The TIMEX3 spelling.
    pub fn code(self) -> &'static str {
        match self {
            Reference::Present => "PRESENT_REF",
            Reference::Past => "PAST_REF",
            Reference::Future => "FUTURE_REF",
        }
    }

    fn from_code(code: &str) -> Option<Reference> {
        [Reference::Present, Reference::Past, Reference::Future].into_iter().find(|r| r.code() == code)
    }
}

/// A calendar value at some granularity, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Point {
    /// `19`: the 1900s.
    Century(i16),
    /// `199`: the 1990s.
    Decade(i16),
    /// `2020`.
    Year(i16),
    /// `2020-SU`.
    Season(i16, Season),
    /// `2019-H1`.
    Half(i16, u8),
    /// `2020-Q4`.
    Quarter(i16, u8),
    /// `2020-11`.
    Month(i16, u8),
    /// ISO week: `2020-W48`.
    Week(i16, u8),
    /// `2020-W48-WE`.
    Weekend(i16, u8),
    /// `2020-11-26`.
    Day(Date),
    /// `2020-11-26TMO`.
    DayPart(Date, DayPart),
    /// `2020-11-26T15:00`; the minute is left out when None (`T15`).
    Clock(Date, u8, Option<u8>),
}

impl Point {
    /// The year the point falls in (for centuries and decades, the first).
    pub fn year(self) -> i16 {
        match self {
            Point::Century(c) => c * 100,
            Point::Decade(d) => d * 10,
            Point::Year(y)
            | Point::Season(y, _)
            | Point::Half(y, _)
            | Point::Quarter(y, _)
            | Point::Month(y, _)
            | Point::Week(y, _)
            | Point::Weekend(y, _) => y,
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => d.year(),
        }
    }

    /// A day inside the point, when it is a day or finer.
    pub fn day(self) -> Option<Date> {
        match self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some(d),
            _ => None,
        }
    }

    /// Whether it names a time of day (a TIMEX3 TIME rather than a DATE).
    pub fn is_time(self) -> bool {
        matches!(self, Point::DayPart(..) | Point::Clock(..))
    }

    /// The inclusive range of days it covers; None for years outside
    /// 0–9999 and for weeks or days the calendar does not have.
    ///
    /// ```
    /// use dateline_core::{Date, Point};
    /// let d = |s: &str| s.parse::<Date>().unwrap();
    /// assert_eq!(Point::Weekend(2020, 48).range(), Some((d("2020-11-28"), d("2020-11-29"))));
    /// assert_eq!(Point::Year(-490).range(), None);
    /// ```
    pub fn range(self) -> Option<(Date, Date)> {
        let months = |y: i16, first: i8, last: i8| -> Option<(Date, Date)> {
            let start = Date::new(y, first, 1).ok()?;
            Some((start, Date::new(y, last, 1).ok()?.last_of_month()))
        };
        let years =
            |first: i16, last: i16| Some((Date::new(first, 1, 1).ok()?, Date::new(last, 12, 31).ok()?));
        if !(0..=9999).contains(&self.year()) {
            return None;
        }
        match self {
            Point::Century(c) => years(c * 100, c * 100 + 99),
            Point::Decade(d) => years(d * 10, d * 10 + 9),
            Point::Year(y) => months(y, 1, 12),
            Point::Half(y, h @ 1..=2) => months(y, 6 * h as i8 - 5, 6 * h as i8),
            Point::Quarter(y, q @ 1..=4) => months(y, 3 * q as i8 - 2, 3 * q as i8),
            Point::Half(..) | Point::Quarter(..) => None,
            Point::Season(y, Season::Spring) => months(y, 3, 5),
            Point::Season(y, Season::Summer) => months(y, 6, 8),
            Point::Season(y, Season::Autumn) => months(y, 9, 11),
            Point::Season(y, Season::Winter) => {
                Some((Date::new(y, 12, 1).ok()?, Date::new(y.checked_add(1)?, 3, 1).ok()?.yesterday().ok()?))
            }
            Point::Month(y, m) => months(y, i8::try_from(m).ok()?, i8::try_from(m).ok()?),
            Point::Week(y, w) => {
                let monday = week_day(y, w, Weekday::Monday)?;
                Some((monday, monday.checked_add(6.days()).ok()?))
            }
            Point::Weekend(y, w) => {
                let saturday = week_day(y, w, Weekday::Saturday)?;
                Some((saturday, saturday.checked_add(1.days()).ok()?))
            }
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some((d, d)),
        }
    }

    /// Moves the point by `n` units; None when the unit is finer than the
    /// point can express or the result leaves the calendar.
    ///
    /// ```
    /// use dateline_core::{Point, Unit};
    /// assert_eq!(Point::Quarter(2020, 1).shift(Unit::Quarter, -1), Some(Point::Quarter(2019, 4)));
    /// assert_eq!(Point::Week(2021, 1).shift(Unit::Week, -1), Some(Point::Week(2020, 53)));
    /// ```
    pub fn shift(self, unit: Unit, n: i32) -> Option<Point> {
        let n16 = i16::try_from(n).ok()?;
        match (self, unit) {
            (Point::Century(c), Unit::Century) => Some(Point::Century(c + n16)),
            (Point::Decade(d), Unit::Decade) => Some(Point::Decade(d + n16)),
            (Point::Decade(d), Unit::Century) => Some(Point::Decade(d + 10 * n16)),
            (_, Unit::Century) => self.shift_years(100 * n),
            (_, Unit::Decade) => self.shift_years(10 * n),
            (_, Unit::Year) => self.shift_years(n),
            (Point::Quarter(y, q), Unit::Quarter) => {
                let index = i32::from(y) * 4 + i32::from(q) - 1 + n;
                Some(Point::Quarter(
                    i16::try_from(index.div_euclid(4)).ok()?,
                    (index.rem_euclid(4) + 1) as u8,
                ))
            }
            (Point::Month(y, m), Unit::Month) => {
                let index = i32::from(y) * 12 + i32::from(m) - 1 + n;
                Some(Point::Month(
                    i16::try_from(index.div_euclid(12)).ok()?,
                    (index.rem_euclid(12) + 1) as u8,
                ))
            }
            (Point::Month(..), Unit::Quarter) => self.shift(Unit::Month, n * 3),
            (Point::Week(y, w), Unit::Week) => {
                Some(Point::week_of(week_day(y, w, Weekday::Monday)?.checked_add((7 * n).days()).ok()?))
            }
            (Point::Weekend(y, w), Unit::Week | Unit::Weekend) => {
                match Point::week_of(week_day(y, w, Weekday::Monday)?.checked_add((7 * n).days()).ok()?) {
                    Point::Week(y, w) => Some(Point::Weekend(y, w)),
                    _ => None,
                }
            }
            (Point::Day(d), Unit::Day) => Some(Point::Day(d.checked_add(n.days()).ok()?)),
            (Point::Day(d), Unit::Week) => Some(Point::Day(d.checked_add((7 * n).days()).ok()?)),
            (Point::Day(d), Unit::Month) => Some(Point::Day(d.checked_add(n.months()).ok()?)),
            (Point::DayPart(d, p), Unit::Day) => Some(Point::DayPart(d.checked_add(n.days()).ok()?, p)),
            _ => None,
        }
    }

    fn shift_years(self, n: i32) -> Option<Point> {
        let n = i16::try_from(n).ok()?;
        let year = |y: i16| y.checked_add(n);
        let day = |d: Date| d.checked_add(i32::from(n).years()).ok();
        Some(match self {
            Point::Century(c) => Point::Century(c + n / 100),
            Point::Decade(d) => Point::Decade(d + n / 10),
            Point::Year(y) => Point::Year(year(y)?),
            Point::Season(y, s) => Point::Season(year(y)?, s),
            Point::Half(y, h) => Point::Half(year(y)?, h),
            Point::Quarter(y, q) => Point::Quarter(year(y)?, q),
            Point::Month(y, m) => Point::Month(year(y)?, m),
            Point::Week(y, w) => Point::Week(year(y)?, w),
            Point::Weekend(y, w) => Point::Weekend(year(y)?, w),
            Point::Day(d) => Point::Day(day(d)?),
            Point::DayPart(d, p) => Point::DayPart(day(d)?, p),
            Point::Clock(d, h, m) => Point::Clock(day(d)?, h, m),
        })
    }

    /// The same point at a coarser granularity.
    ///
    /// ```
    /// use dateline_core::{Date, Point, Unit};
    /// let day = Point::Day(Date::new(2020, 11, 26).unwrap());
    /// assert_eq!(day.truncate(Unit::Quarter), Point::Quarter(2020, 4));
    /// assert_eq!(day.truncate(Unit::Week), Point::Week(2020, 48));
    /// ```
    pub fn truncate(self, unit: Unit) -> Point {
        let Some(day) = self.day() else {
            return match (self, unit) {
                (Point::Month(y, m), Unit::Quarter) => Point::Quarter(y, (m - 1) / 3 + 1),
                (_, Unit::Year) => Point::Year(self.year()),
                (_, Unit::Decade) => Point::Decade(self.year().div_euclid(10)),
                (_, Unit::Century) => Point::Century(self.year().div_euclid(100)),
                _ => self,
            };
        };
        let y = day.year();
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour => self,
            Unit::Day => Point::Day(day),
            Unit::Week => Point::week_of(day),
            Unit::Weekend => match Point::week_of(day) {
                Point::Week(y, w) => Point::Weekend(y, w),
                other => other,
            },
            Unit::Month => Point::Month(y, day.month() as u8),
            Unit::Quarter => Point::Quarter(y, (day.month() as u8 - 1) / 3 + 1),
            Unit::Season => Point::Season(y, Season::of_month(day.month() as u8)),
            Unit::Year => Point::Year(y),
            Unit::Decade => Point::Decade(y.div_euclid(10)),
            Unit::Century => Point::Century(y.div_euclid(100)),
        }
    }

    /// The ISO week that holds a day.
    pub fn week_of(date: Date) -> Point {
        let iso = date.iso_week_date();
        Point::Week(iso.year(), iso.week() as u8)
    }
}

fn week_day(year: i16, week: u8, weekday: Weekday) -> Option<Date> {
    ISOWeekDate::new(year, i8::try_from(week).ok()?, weekday).ok().map(|w| w.date())
}

/// A year (or decade, century) as TIMEX3 writes it: zero-padded to
/// `width` digits, and before the era with the prefix `BC` (a negative
/// year here is one before the era: -490 is 490 BC, "BC0490").
struct Era(i16, usize);

impl fmt::Display for Era {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Era(number, width) = *self;
        if number < 0 {
            write!(f, "BC{:0width$}", -i32::from(number))
        } else {
            write!(f, "{number:0width$}")
        }
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = |y: i16| Era(y, 4);
        match *self {
            Point::Century(c) => write!(f, "{}", Era(c, 2)),
            Point::Decade(d) => write!(f, "{}", Era(d, 3)),
            Point::Year(y) => write!(f, "{}", year(y)),
            Point::Season(y, s) => write!(f, "{}-{}", year(y), s.code()),
            Point::Half(y, h) => write!(f, "{}-H{h}", year(y)),
            Point::Quarter(y, q) => write!(f, "{}-Q{q}", year(y)),
            Point::Month(y, m) => write!(f, "{}-{m:02}", year(y)),
            Point::Week(y, w) => write!(f, "{}-W{w:02}", year(y)),
            Point::Weekend(y, w) => write!(f, "{}-W{w:02}-WE", year(y)),
            Point::Day(d) => write!(f, "{}-{:02}-{:02}", year(d.year()), d.month(), d.day()),
            Point::DayPart(d, p) => write!(f, "{}T{}", Point::Day(d), p.code()),
            Point::Clock(d, h, Some(m)) => write!(f, "{}T{h:02}:{m:02}", Point::Day(d)),
            Point::Clock(d, h, None) => write!(f, "{}T{h:02}", Point::Day(d)),
        }
    }
}

/// Reads a point; the caller checks that it prints back the same.
fn parse_point(s: &str) -> Option<Point> {
    let (day_part, time) = match s.split_once('T') {
        Some((day, time)) => (day, Some(time)),
        None => (s, None),
    };
    // A year before the era is written "BC0490".
    let (sign, day_part) = match day_part.strip_prefix("BC") {
        Some(rest) => (-1, rest),
        None => (1, day_part),
    };
    let digits_end = day_part.find('-').unwrap_or(day_part.len());
    let (head, rest) = day_part.split_at(digits_end);
    if !head.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let number: i16 = sign * head.parse::<i16>().ok()?;
    let width = head.len();
    let rest: Vec<&str> = if rest.is_empty() { Vec::new() } else { rest[1..].split('-').collect() };
    let point = match (width, rest.as_slice()) {
        (2, []) => Point::Century(number),
        (3, []) => Point::Decade(number),
        (_, []) if width >= 4 => Point::Year(number),
        (_, [p]) if width >= 4 => {
            let y = number;
            if let Some(season) = Season::from_code(p) {
                Point::Season(y, season)
            } else if let Some(h) = p.strip_prefix('H') {
                Point::Half(y, in_range(h, 1, 2)?)
            } else if let Some(q) = p.strip_prefix('Q') {
                Point::Quarter(y, in_range(q, 1, 4)?)
            } else if let Some(w) = p.strip_prefix('W') {
                Point::Week(y, in_range(w, 1, 53)?)
            } else {
                Point::Month(y, in_range(p, 1, 12)?)
            }
        }
        (_, [w, "WE"]) if width >= 4 => Point::Weekend(number, in_range(w.strip_prefix('W')?, 1, 53)?),
        (_, [m, d]) if width >= 4 => Point::Day(Date::new(number, m.parse().ok()?, d.parse().ok()?).ok()?),
        _ => return None,
    };
    let Some(time) = time else { return Some(point) };
    let Point::Day(day) = point else { return None };
    if let Some(part) = DayPart::from_code(time) {
        return Some(Point::DayPart(day, part));
    }
    match time.split_once(':') {
        Some((h, m)) => Some(Point::Clock(day, in_range(h, 0, 24)?, Some(in_range(m, 0, 59)?))),
        None => Some(Point::Clock(day, in_range(time, 0, 24)?, None)),
    }
}

/// A number between `low` and `high`, inclusive.
fn in_range(s: &str, low: u8, high: u8) -> Option<u8> {
    s.parse().ok().filter(|n| (low..=high).contains(n))
}

/// An amount of time, as TIMEX3 writes it: `P3M`, `PT48H`, `P2Y6M`, `PXY`
/// (an unknown number of years).
#[derive(Clone, Debug, PartialEq)]
pub struct Duration {
    /// The parts in the order written; calendar units before clock units.
    parts: Vec<(Option<f64>, Unit)>,
}

impl Duration {
    /// `count` units (None: an unknown number), in the units TIMEX3 writes:
    /// decades and centuries as years, weekends as days, seasons as
    /// months, and a fraction with its next smaller unit ("two and a half
    /// years" is `P2Y6M`, "half an hour" `PT30M`).
    ///
    /// ```
    /// use dateline_core::{Duration, Unit};
    /// assert_eq!(Duration::of(Some(2.5), Unit::Year).to_string(), "P2Y6M");
    /// assert_eq!(Duration::of(Some(4.0), Unit::Decade).to_string(), "P40Y");
    /// assert_eq!(Duration::of(None, Unit::Decade).to_string(), "PXDE");
    /// assert_eq!(Duration::of(Some(1.5), Unit::Day).to_string(), "P1DT12H");
    /// ```
    pub fn of(count: Option<f64>, unit: Unit) -> Duration {
        let (factor, written) = match unit {
            Unit::Weekend => (2.0, Unit::Day),
            Unit::Season => (3.0, Unit::Month),
            Unit::Decade => (10.0, Unit::Year),
            Unit::Century => (100.0, Unit::Year),
            other => (1.0, other),
        };
        let Some(count) = count else {
            // An unknown number of decades or centuries keeps its unit.
            let kept = if matches!(unit, Unit::Decade | Unit::Century) { unit } else { written };
            return Duration { parts: vec![(None, kept)] };
        };
        let n = count * factor;
        if n.fract() != 0.0 {
            if let Some((smaller, per)) = written.smaller() {
                let rest = n.fract() * per;
                if rest.fract() == 0.0 {
                    let whole = n.trunc();
                    let mut parts = Vec::with_capacity(2);
                    if whole != 0.0 {
                        parts.push((Some(whole), written));
                    }
                    parts.push((Some(rest), smaller));
                    return Duration { parts };
                }
            }
        }
        Duration { parts: vec![(Some(n), written)] }
    }

    /// The duration as a span of whole days, weeks, months or years, to
    /// move a date by; None for anything else (hours, fractions, unknown
    /// amounts, quarters).
    ///
    /// ```
    /// use dateline_core::TimexValue;
    /// use jiff::ToSpan;
    /// let two_weeks = TimexValue::parse("P2W");
    /// assert_eq!(two_weeks.duration().unwrap().span().unwrap().fieldwise(), 2.weeks().fieldwise());
    /// assert!(TimexValue::parse("PT3H").duration().unwrap().span().is_none());
    /// ```
    pub fn span(&self) -> Option<Span> {
        let [(Some(n), unit)] = self.parts.as_slice() else { return None };
        if n.fract() != 0.0 || n.abs() > f64::from(i32::MAX) {
            return None;
        }
        let n = *n as i64;
        match unit {
            Unit::Day => Span::new().try_days(n).ok(),
            Unit::Week => Span::new().try_weeks(n).ok(),
            Unit::Month => Span::new().try_months(n).ok(),
            Unit::Year => Span::new().try_years(n).ok(),
            _ => None,
        }
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        let mut clock = false;
        for &(count, unit) in &self.parts {
            if unit.is_clock() && !clock {
                f.write_str("T")?;
                clock = true;
            }
            match count {
                None => f.write_str("X")?,
                Some(n) if n.fract() == 0.0 => write!(f, "{}", n as i64)?,
                Some(n) => write!(f, "{n}")?,
            }
            f.write_str(duration_code(unit, count.is_none()))?;
        }
        Ok(())
    }
}

fn duration_code(unit: Unit, unknown: bool) -> &'static str {
    match unit {
        Unit::Second => "S",
        Unit::Minute | Unit::Month => "M",
        Unit::Hour => "H",
        Unit::Day | Unit::Weekend => "D",
        Unit::Week => "W",
        Unit::Quarter => "Q",
        Unit::Season => "M",
        Unit::Year => "Y",
        Unit::Decade if unknown => "DE",
        Unit::Century if unknown => "CE",
        Unit::Decade | Unit::Century => "Y",
    }
}

/// Reads a duration; the caller checks that it prints back the same.
fn parse_duration(s: &str) -> Option<Duration> {
    let body = s.strip_prefix('P')?;
    let mut parts = Vec::new();
    let mut clock = false;
    let mut rest = body;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('T') {
            if clock {
                return None;
            }
            clock = true;
            rest = after;
            continue;
        }
        let number_end = rest.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == 'X'))?;
        let (number, after) = rest.split_at(number_end);
        let count = if number == "X" { None } else { Some(number.parse::<f64>().ok()?) };
        let (unit, after) = if let Some(after) = after.strip_prefix("DE") {
            (Unit::Decade, after)
        } else if let Some(after) = after.strip_prefix("CE") {
            (Unit::Century, after)
        } else {
            let code = after.chars().next()?;
            let unit = match (code, clock) {
                ('Y', false) => Unit::Year,
                ('M', false) => Unit::Month,
                ('W', false) => Unit::Week,
                ('D', false) => Unit::Day,
                ('Q', false) => Unit::Quarter,
                ('H', true) => Unit::Hour,
                ('M', true) => Unit::Minute,
                ('S', true) => Unit::Second,
                _ => return None,
            };
            (unit, &after[1..])
        };
        parts.push((count, unit));
        rest = after;
    }
    (!parts.is_empty()).then_some(Duration { parts })
}

/// A recurring part of the calendar, the value of a SET: every Monday
/// (`XXXX-WXX-1`), every Friday night (`XXXX-WXX-5TNI`), every morning
/// (`XXXX-XX-XXTMO`), every March (`XXXX-03`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pattern {
    /// A day of the week (Monday = 1, ISO), perhaps with a part of the day.
    Weekday(u8, Option<DayPart>),
    /// A part of every day.
    DayPart(DayPart),
    /// A month of every year.
    Month(u8),
}

impl fmt::Display for Pattern {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Pattern::Weekday(d, None) => write!(f, "XXXX-WXX-{d}"),
            Pattern::Weekday(d, Some(part)) => write!(f, "XXXX-WXX-{d}T{}", part.code()),
            Pattern::DayPart(part) => write!(f, "XXXX-XX-XXT{}", part.code()),
            Pattern::Month(m) => write!(f, "XXXX-{m:02}"),
        }
    }
}

/// Reads a pattern; the caller checks that it prints back the same.
fn parse_pattern(s: &str) -> Option<Pattern> {
    if let Some(rest) = s.strip_prefix("XXXX-WXX-") {
        let (day, part) = match rest.split_once('T') {
            Some((day, part)) => (day, Some(DayPart::from_code(part)?)),
            None => (rest, None),
        };
        return Some(Pattern::Weekday(in_range(day, 1, 7)?, part));
    }
    if let Some(part) = s.strip_prefix("XXXX-XX-XXT") {
        return DayPart::from_code(part).map(Pattern::DayPart);
    }
    in_range(s.strip_prefix("XXXX-")?, 1, 12).map(Pattern::Month)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;
    use proptest::prelude::*;

    #[test]
    fn every_kind_of_value_prints_back() {
        let cases = [
            "19",
            "199",
            "2020",
            "BC0490",
            "BC04",
            "BC048",
            "BC0480-04",
            "0333",
            "2020-SU",
            "2020-WI",
            "2019-H1",
            "2020-Q4",
            "2020-11",
            "2020-W08",
            "2020-W48-WE",
            "2020-11-26",
            "2020-11-26TMO",
            "2020-11-26TDT",
            "2020-11-26T15:00",
            "2020-11-26T15",
            "P1M",
            "PT48H",
            "PXW",
            "PXDE",
            "PXCE",
            "P40Y",
            "P2Y6M",
            "PT5H30M",
            "PT1M30S",
            "P1DT12H",
            "PT30M",
            "PT12.34S",
            "P0.5Q",
            "PTXH",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "XXXX-WXX-3",
            "XXXX-WXX-5TNI",
            "XXXX-XX-XXTEV",
            "XXXX-09",
        ];
        for value in cases {
            let parsed = TimexValue::parse(value);
            assert!(!matches!(parsed, TimexValue::Other(_)), "{value} is typed");
            assert_eq!(parsed.to_string(), value);
        }
    }

    #[test]
    fn other_spellings_are_kept_as_written() {
        for value in [
            "1998-XX",
            "199X",
            "2000-W7",
            "2011-11-26-WXX-6",
            "P1Y2",
            "",
            "2020-13",
            "XXXX-WXX-9TZZ",
            "2020-Q0",
            "XXXX-WXX-8",
            "2020-11-26T25:00",
        ] {
            assert_eq!(TimexValue::parse(value), TimexValue::Other(value.to_string()), "{value}");
        }
    }

    #[test]
    fn display_table() {
        let cases = [
            (Point::Decade(199), "199"),
            (Point::Century(19), "19"),
            (Point::Quarter(2020, 4), "2020-Q4"),
            (Point::Week(2020, 8), "2020-W08"),
            (Point::Weekend(2020, 48), "2020-W48-WE"),
            (Point::DayPart(date(2020, 11, 26), DayPart::Morning), "2020-11-26TMO"),
            (Point::Clock(date(2020, 11, 26), 15, Some(0)), "2020-11-26T15:00"),
        ];
        for (point, want) in cases {
            assert_eq!(point.to_string(), want);
        }
    }

    #[test]
    fn amounts() {
        let cases = [
            (Some(48.0), Unit::Hour, "PT48H"),
            (Some(1.0), Unit::Month, "P1M"),
            (None, Unit::Week, "PXW"),
            (Some(4.0), Unit::Decade, "P40Y"),
            (Some(2.5), Unit::Year, "P2Y6M"),
            (Some(5.5), Unit::Hour, "PT5H30M"),
            (Some(1.5), Unit::Minute, "PT1M30S"),
            (Some(1.5), Unit::Day, "P1DT12H"),
            (Some(0.5), Unit::Hour, "PT30M"),
            (Some(0.5), Unit::Year, "P6M"),
            (Some(1.0), Unit::Weekend, "P2D"),
            (Some(2.0), Unit::Season, "P6M"),
            (Some(0.5), Unit::Quarter, "P0.5Q"),
        ];
        for (count, unit, want) in cases {
            assert_eq!(Duration::of(count, unit).to_string(), want);
        }
    }

    #[test]
    fn ranges_of_the_calendar_edges() {
        let range = |v: &str| TimexValue::parse(v).range();
        assert_eq!(range("2019-WI"), Some((date(2019, 12, 1), date(2020, 2, 29))));
        assert_eq!(range("2020-W53"), Some((date(2020, 12, 28), date(2021, 1, 3))));
        assert_eq!(range("2021-W53"), None, "2021 has 52 ISO weeks");
        assert_eq!(range("2020-Q5"), None);
        assert_eq!(range("19"), Some((date(1900, 1, 1), date(1999, 12, 31))));
        assert_eq!(range("BC0490"), None);
        assert_eq!(range("P1M"), None);
    }

    #[test]
    fn shifts_cross_year_boundaries() {
        assert_eq!(Point::Month(2020, 12).shift(Unit::Month, 1), Some(Point::Month(2021, 1)));
        assert_eq!(Point::Quarter(1989, 3).shift(Unit::Year, -1), Some(Point::Quarter(1988, 3)));
    }

    proptest! {
        #[test]
        fn any_string_parses_without_panic_and_typed_values_print_back(s in "\\PC{0,24}") {
            let value = TimexValue::parse(&s);
            prop_assert_eq!(value.to_string(), s);
        }

        #[test]
        fn days_and_shifts_agree_with_jiff(days in -30_000i32..30_000, n in -500i32..500) {
            let day = date(2000, 1, 1).checked_add(days.days()).unwrap();
            let point = Point::Day(day);
            let value = TimexValue::parse(&point.to_string());
            prop_assert_eq!(value.point(), Some(point));
            prop_assert_eq!(value.range(), Some((day, day)));
            if let Some(Point::Day(moved)) = point.shift(Unit::Day, n) {
                prop_assert_eq!(moved, day.checked_add(n.days()).unwrap());
            }
            let week = point.truncate(Unit::Week);
            let (monday, sunday) = week.range().unwrap();
            prop_assert!(monday <= day && day <= sunday);
            prop_assert_eq!(TimexValue::parse(&week.to_string()).point(), Some(week));
        }
    }
}
