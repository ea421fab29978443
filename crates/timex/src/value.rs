//! Resolved TIMEX3 values and calendar arithmetic on them.

use crate::lexicon::{DayPart, Season, Unit};
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use std::fmt;

/// A calendar value at some granularity, as TIMEX3 writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    /// `19` — the 1900s.
    Century(i16),
    /// `199` — the 1990s.
    Decade(i16),
    Year(i16),
    Season(i16, Season),
    /// `2019-H1`.
    Half(i16, u8),
    /// `2020-Q4`.
    Quarter(i16, u8),
    Month(i16, u8),
    /// ISO week: `2020-W48`.
    Week(i16, u8),
    /// `2020-W48-WE`.
    Weekend(i16, u8),
    Day(Date),
    /// `2020-11-26TMO`.
    DayPart(Date, DayPart),
    /// `2020-11-26T15:00`; the minute is left out when None.
    Clock(Date, u8, Option<u8>),
}

impl Point {
    /// The year the point falls in (for centuries and decades, the first).
    pub(crate) fn year(self) -> i16 {
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
    pub(crate) fn day(self) -> Option<Date> {
        match self {
            Point::Day(d) | Point::DayPart(d, _) | Point::Clock(d, _, _) => Some(d),
            _ => None,
        }
    }

    /// Moves the point by `n` units; None when the unit is finer than the
    /// point can express or the result leaves the calendar.
    pub(crate) fn shift(self, unit: Unit, n: i32) -> Option<Point> {
        let n16 = i16::try_from(n).ok()?;
        match (self, unit) {
            (Point::Century(c), Unit::Century) => Some(Point::Century(c + n16)),
            (Point::Decade(d), Unit::Decade) => Some(Point::Decade(d + n16)),
            (Point::Decade(d), Unit::Century) => Some(Point::Decade(d + 10 * n16)),
            (_, Unit::Century) => year_shift(self, 100 * n),
            (_, Unit::Decade) => year_shift(self, 10 * n),
            (_, Unit::Year) => year_shift(self, n),
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
                let date = week_monday(y, w)?.checked_add((7 * n).days()).ok()?;
                Some(week_of(date))
            }
            (Point::Weekend(y, w), Unit::Week | Unit::Weekend) => {
                match week_of(week_monday(y, w)?.checked_add((7 * n).days()).ok()?) {
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

    /// The same point at a coarser granularity.
    pub(crate) fn truncate(self, unit: Unit) -> Point {
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
            Unit::Week => week_of(day),
            Unit::Weekend => match week_of(day) {
                Point::Week(y, w) => Point::Weekend(y, w),
                other => other,
            },
            Unit::Month => Point::Month(y, day.month() as u8),
            Unit::Quarter => Point::Quarter(y, (day.month() as u8 - 1) / 3 + 1),
            Unit::Season => Point::Season(y, season_of(day.month() as u8)),
            Unit::Year => Point::Year(y),
            Unit::Decade => Point::Decade(y.div_euclid(10)),
            Unit::Century => Point::Century(y.div_euclid(100)),
        }
    }
}

fn year_shift(point: Point, n: i32) -> Option<Point> {
    let n = i16::try_from(n).ok()?;
    let year = |y: i16| y.checked_add(n);
    Some(match point {
        Point::Century(c) => Point::Century(c + n / 100),
        Point::Decade(d) => Point::Decade(d + n / 10),
        Point::Year(y) => Point::Year(year(y)?),
        Point::Season(y, s) => Point::Season(year(y)?, s),
        Point::Half(y, h) => Point::Half(year(y)?, h),
        Point::Quarter(y, q) => Point::Quarter(year(y)?, q),
        Point::Month(y, m) => Point::Month(year(y)?, m),
        Point::Week(y, w) => Point::Week(year(y)?, w),
        Point::Weekend(y, w) => Point::Weekend(year(y)?, w),
        Point::Day(d) => Point::Day(d.checked_add(i32::from(n).years()).ok()?),
        Point::DayPart(d, p) => Point::DayPart(d.checked_add(i32::from(n).years()).ok()?, p),
        Point::Clock(d, h, m) => Point::Clock(d.checked_add(i32::from(n).years()).ok()?, h, m),
    })
}

/// The ISO week that holds a day.
pub(crate) fn week_of(date: Date) -> Point {
    let iso = date.iso_week_date();
    Point::Week(iso.year(), iso.week() as u8)
}

fn week_monday(year: i16, week: u8) -> Option<Date> {
    jiff::civil::ISOWeekDate::new(year, week as i8, Weekday::Monday).ok().map(|w| w.date())
}

/// Northern-hemisphere meteorological seasons, as news in English uses them.
pub(crate) fn season_of(month: u8) -> Season {
    match month {
        3..=5 => Season::Spring,
        6..=8 => Season::Summer,
        9..=11 => Season::Autumn,
        _ => Season::Winter,
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Century(c) => write!(f, "{c:02}"),
            Point::Decade(d) => write!(f, "{d:03}"),
            Point::Year(y) => write!(f, "{y:04}"),
            Point::Season(y, s) => write!(f, "{y:04}-{}", s.code()),
            Point::Half(y, h) => write!(f, "{y:04}-H{h}"),
            Point::Quarter(y, q) => write!(f, "{y:04}-Q{q}"),
            Point::Month(y, m) => write!(f, "{y:04}-{m:02}"),
            Point::Week(y, w) => write!(f, "{y:04}-W{w:02}"),
            Point::Weekend(y, w) => write!(f, "{y:04}-W{w:02}-WE"),
            Point::Day(d) => write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day()),
            Point::DayPart(d, p) => write!(f, "{}T{}", Point::Day(d), p.code()),
            Point::Clock(d, h, Some(m)) => write!(f, "{}T{h:02}:{m:02}", Point::Day(d)),
            Point::Clock(d, h, None) => write!(f, "{}T{h:02}", Point::Day(d)),
        }
    }
}

/// An amount of time: `P3M`, `PT48H`, `PXY` (an unknown number of years).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Amount {
    /// None for "several", "a few", "years".
    pub(crate) count: Option<f64>,
    pub(crate) unit: Unit,
}

impl Unit {
    /// The next smaller unit and how many of it make one of this.
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

fn smaller_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Month => "M",
        Unit::Hour => "H",
        Unit::Minute => "M",
        _ => "S",
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (factor, code) = match self.unit {
            Unit::Second => (1.0, "S"),
            Unit::Minute => (1.0, "M"),
            Unit::Hour => (1.0, "H"),
            Unit::Day => (1.0, "D"),
            Unit::Weekend => (2.0, "D"),
            Unit::Week => (1.0, "W"),
            Unit::Month => (1.0, "M"),
            Unit::Quarter => (1.0, "Q"),
            Unit::Season => (3.0, "M"),
            Unit::Year => (1.0, "Y"),
            Unit::Decade => (10.0, "Y"),
            Unit::Century => (100.0, "Y"),
        };
        let clock = if self.unit.is_clock() { "T" } else { "" };
        match self.count {
            None if self.unit == Unit::Decade => write!(f, "P{clock}XDE"),
            None if self.unit == Unit::Century => write!(f, "P{clock}XCE"),
            None => write!(f, "P{clock}X{code}"),
            Some(count) => {
                let n = count * factor;
                if n.fract() == 0.0 {
                    write!(f, "P{clock}{}{code}", n as i64)
                } else if let Some((smaller, per)) = self.unit.smaller() {
                    // "two and a half years" is P2Y6M, "5 1/2 hours" PT5H30M,
                    // as TIMEX3 writes them.
                    let rest = n.fract() * per;
                    if rest.fract() == 0.0 {
                        let (whole, rest) = (n.trunc() as i64, rest as i64);
                        let smaller_clock = if smaller.is_clock() { "T" } else { "" };
                        match (self.unit.is_clock(), smaller.is_clock()) {
                            // "half an hour" is PT30M, "half a year" P6M.
                            _ if whole == 0 => write!(f, "P{smaller_clock}{rest}{}", smaller_code(smaller)),
                            (false, true) => write!(f, "P{whole}{code}T{rest}{}", smaller_code(smaller)),
                            _ => write!(f, "P{clock}{whole}{code}{rest}{}", smaller_code(smaller)),
                        }
                    } else {
                        write!(f, "P{clock}{n}{code}")
                    }
                } else {
                    write!(f, "P{clock}{n}{code}")
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

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
        ];
        for (count, unit, want) in cases {
            assert_eq!(Amount { count, unit }.to_string(), want);
        }
    }

    #[test]
    fn shifts_cross_year_boundaries() {
        assert_eq!(Point::Quarter(2020, 1).shift(Unit::Quarter, -1), Some(Point::Quarter(2019, 4)));
        assert_eq!(Point::Month(2020, 12).shift(Unit::Month, 1), Some(Point::Month(2021, 1)));
        assert_eq!(Point::Week(2021, 1).shift(Unit::Week, -1), Some(Point::Week(2020, 53)));
        assert_eq!(Point::Quarter(1989, 3).shift(Unit::Year, -1), Some(Point::Quarter(1988, 3)));
    }
}
