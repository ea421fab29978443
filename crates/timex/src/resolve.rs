//! Normalisation: an [`Expr`] and its context become a TIMEX3 type and value.

use crate::grammar::Expr;
use crate::lexicon::{Reference, Season, Unit};
use crate::tense::Tense;
use crate::value::{season_of, week_of, Amount, Point};
use dateline_core::{TimexType, TimexValue};
use jiff::civil::Date;
use jiff::ToSpan;

/// What an expression is resolved against.
pub(crate) struct Context {
    /// The document creation time.
    pub(crate) dct: Date,
    /// The last date the text mentioned: "a year earlier" counts from it.
    pub(crate) reference: Option<Point>,
    /// The tense of the clause around the expression.
    pub(crate) tense: Tense,
    /// The expression follows a word of comparison ("up from last
    /// year", "compared with last year").
    pub(crate) compared: bool,
    /// A narrative with a date in focus: `dct` is then that date's first
    /// day, and a month or day without its year lies in its year.
    pub(crate) narrative: bool,
    /// Colloquial text: "two years ago" is the day two years back, as
    /// posts mean it, not the year.
    pub(crate) colloquial: bool,
}

/// A resolved expression.
pub(crate) enum Resolved {
    Point(Point),
    Other(TimexType, TimexValue),
}

impl Resolved {
    pub(crate) fn kind(&self) -> TimexType {
        match self {
            Resolved::Point(Point::DayPart(..) | Point::Clock(..)) => TimexType::Time,
            Resolved::Point(_) => TimexType::Date,
            Resolved::Other(kind, _) => *kind,
        }
    }

    pub(crate) fn value(&self) -> TimexValue {
        match self {
            Resolved::Point(point) => TimexValue::Point(*point),
            Resolved::Other(_, value) => value.clone(),
        }
    }
}

/// Resolves an expression; None when it names no real date (February 30).
pub(crate) fn resolve(expr: &Expr, ctx: &Context) -> Option<Resolved> {
    match expr {
        Expr::Duration(amount) => Some(duration(amount)),
        Expr::Set(value) => Some(Resolved::Other(TimexType::Set, value.clone())),
        Expr::Ref(reference) => Some(Resolved::Other(TimexType::Date, TimexValue::Reference(*reference))),
        Expr::PartOfAnyDay(part) => {
            Some(Resolved::Other(TimexType::Time, TimexValue::parse(&format!("XXXX-XX-XXT{}", part.code()))))
        }
        // "years ago", "a few weeks from now": some time back or ahead.
        Expr::Shift { amount: Amount { count: None, .. }, direction, .. } => {
            let reference = if *direction < 0 { Reference::Past } else { Reference::Future };
            Some(Resolved::Other(TimexType::Date, TimexValue::Reference(reference)))
        }
        Expr::Shift { amount, .. } if amount.count.is_some_and(|c| c.fract() != 0.0) => {
            Some(duration(amount))
        }
        _ => point(expr, ctx).map(Resolved::Point),
    }
}

fn duration(amount: &Amount) -> Resolved {
    Resolved::Other(TimexType::Duration, TimexValue::Duration(amount.duration()))
}

fn point(expr: &Expr, ctx: &Context) -> Option<Point> {
    let dct = ctx.dct;
    let year = dct.year();
    Some(match *expr {
        Expr::Point(p) => p,
        // "In [April], Germany invaded Denmark" after "1940": the story's year.
        Expr::MonthDay(month, None) if ctx.narrative => Point::Month(year, month),
        Expr::MonthDay(month, Some(day)) if ctx.narrative => {
            Point::Day(Date::new(year, month as i8, day as i8).ok()?)
        }
        Expr::SeasonOf(season) if ctx.narrative => Point::Season(year, season),
        Expr::MonthDay(month, None) => {
            Point::Month(year + month_year_offset(month, dct.month() as u8, ctx.tense), month)
        }
        Expr::MonthDay(month, Some(day)) => {
            let on = |offset: i16| Date::new(year.saturating_add(offset), month as i8, day as i8).ok();
            Point::Day(nearest_day(dct, ctx.tense, &(-1..=1).filter_map(on).collect::<Vec<_>>())?)
        }
        Expr::Weekday(weekday) => Point::Day(weekday_near(dct, weekday, ctx.tense)),
        Expr::WeekdayRelative(weekday, direction) => Point::Day(weekday_relative(dct, weekday, direction)?),
        Expr::MonthDayRelative(month, day, direction) => {
            let on = |y: i16| jiff::civil::Date::new(y, month as i8, day as i8).ok();
            let candidates = (-1..=1).filter_map(|offset| on(year + offset));
            let date = match direction {
                d if d > 0 => candidates.filter(|d| *d > dct).min()?,
                d if d < 0 => candidates.filter(|d| *d < dct).max()?,
                _ => on(year)?,
            };
            Point::Day(date)
        }
        Expr::NeighbourWeekday(weekday, direction) => {
            let anchor = match ctx.reference {
                Some(Point::Day(day)) => day,
                _ => dct,
            };
            Point::Day(weekday_relative(anchor, weekday, direction)?)
        }
        Expr::MonthRelative(month, direction) => {
            let current = dct.month() as u8;
            let offset = match direction {
                d if d < 0 => -i16::from(month >= current),
                d if d > 0 => i16::from(month <= current),
                _ => 0,
            };
            Point::Month(year + offset, month)
        }
        Expr::SeasonRelative(season, direction) => {
            let current = season_index(season_of(dct.month() as u8));
            let wanted = season_index(season);
            let offset = match direction {
                d if d < 0 => -i16::from(wanted >= current),
                d if d > 0 => i16::from(wanted <= current),
                _ => 0,
            };
            Point::Season(year + offset, season)
        }
        Expr::QuarterOf(q) => {
            let current = (dct.month() as u8 - 1) / 3 + 1;
            Point::Quarter(year + period_year_offset(q, current, ctx.tense), q)
        }
        Expr::HalfOf(h) => {
            let current = if dct.month() <= 6 { 1 } else { 2 };
            Point::Half(year + period_year_offset(h, current, ctx.tense), h)
        }
        // "winter" in a post is this year's.
        Expr::SeasonOf(season) if ctx.colloquial => Point::Season(year, season),
        Expr::SeasonOf(season) => {
            let month = season_start(season);
            Point::Season(year + month_year_offset(month, dct.month() as u8, ctx.tense), season)
        }
        Expr::DecadeOf(decade) => {
            let century = year.div_euclid(100);
            let candidate = century * 10 + i16::from(decade);
            // "the nineties" in 2020 are the 1990s.
            Point::Decade(if candidate * 10 > year { candidate - 10 } else { candidate })
        }
        Expr::Relative(Unit::Weekend, n) => match week_of(dct).shift(Unit::Week, n)? {
            Point::Week(y, w) => Point::Weekend(y, w),
            _ => return None,
        },
        // "a loss of $3 million, compared with a profit last year": a
        // report on a quarter compares it with the same quarter.
        Expr::Relative(Unit::Year, -1)
            if ctx.compared && matches!(ctx.reference, Some(Point::Quarter(..))) =>
        {
            ctx.reference?.shift(Unit::Year, -1)?
        }
        Expr::Relative(unit, n) => Point::Day(dct).truncate(unit).shift(unit, n)?,
        Expr::Weekend => {
            // The weekend just past, unless the clause looks ahead; in a
            // post on a Thursday or Friday, "long weekend yay!" is the
            // coming one (on the weekend itself, the past reading is it).
            let late_week = ctx.colloquial && matches!(dct.weekday().to_monday_one_offset(), 4 | 5);
            let ahead = ctx.tense == Tense::Future || late_week && ctx.tense != Tense::Past;
            let saturday =
                if ahead { weekday_near(dct, 6, Tense::Future) } else { weekday_near(dct, 6, Tense::Past) };
            match week_of(saturday) {
                Point::Week(y, w) => Point::Weekend(y, w),
                _ => return None,
            }
        }
        Expr::Shift { amount, direction, from_reference: false, .. } if ctx.colloquial => {
            let count = i64::from(direction) * amount.count? as i64;
            let span = jiff::Span::new();
            // "2000000 years ago" lies outside the calendar: no value.
            let span = match amount.unit {
                Unit::Day => span.try_days(count),
                Unit::Week => span.try_weeks(count),
                Unit::Month => span.try_months(count),
                Unit::Year => span.try_years(count),
                Unit::Second | Unit::Minute | Unit::Hour => Ok(span),
                _ => return None,
            };
            Point::Day(dct.checked_add(span.ok()?).ok()?)
        }
        Expr::Shift { amount, direction, from_reference, whole } => {
            let count = amount.count? as i32;
            // Earnings reports compare a quarter with the same quarter "a
            // year ago": then the quarter in focus is the anchor.
            let quarter_in_focus =
                matches!(ctx.reference, Some(Point::Quarter(..))) && amount.unit == Unit::Year;
            let anchor = match ctx.reference {
                Some(reference) if from_reference || quarter_in_focus => reference,
                _ => Point::Day(dct),
            };
            let shifted = shift_from(anchor, amount.unit, direction * count)
                .or_else(|| shift_from(Point::Day(dct), amount.unit, direction * count))?;
            match whole {
                true => shifted.truncate(amount.unit),
                false => shifted,
            }
        }
        Expr::ReportedQuarter => match ctx.reference {
            Some(q @ Point::Quarter(..)) => q,
            _ => {
                let current = Point::Day(dct).truncate(Unit::Quarter);
                if ctx.tense == Tense::Future {
                    current
                } else {
                    current.shift(Unit::Quarter, -1)?
                }
            }
        },
        Expr::ReportedYear => Point::Year(year),
        Expr::PeriodOfYear(y) => match ctx.reference {
            Some(Point::Quarter(_, q)) => Point::Quarter(y, q),
            Some(Point::Half(_, h)) => Point::Half(y, h),
            _ => Point::Year(y),
        },
        Expr::Holiday(holiday, direction) => {
            // Every day it falls on in the years around: an Islamic
            // holiday can fall twice in one year (January and December).
            let candidates: Vec<Date> =
                (-1..=1).flat_map(|offset| holiday.days_in_year(year.saturating_add(offset))).collect();
            let date = match direction {
                // "last Christmas", "next Easter": strictly before or after.
                Some(d) if d < 0 => candidates.iter().rfind(|d| **d < dct).copied()?,
                Some(d) if d > 0 => candidates.iter().find(|d| **d > dct).copied()?,
                // "this Ramadan": of this year, the nearer when twice.
                Some(_) => holiday.days_in_year(year).min_by_key(|d| days_between(dct, *d))?,
                None => nearest_day(dct, ctx.tense, &candidates)?,
            };
            Point::Day(date)
        }
        Expr::InFocus(unit) => match ctx.reference {
            Some(reference) => match (reference, unit) {
                (Point::Quarter(..), Unit::Quarter) => reference,
                (_, Unit::Day) => Point::Day(reference.day()?),
                (_, Unit::Year) => Point::Year(reference.year()),
                _ => Point::Day(reference.day()?).truncate(unit),
            },
            None => return None,
        },
        Expr::YearEarlier { quarter } => {
            let anchor = match ctx.reference {
                Some(q @ Point::Quarter(..)) => q,
                _ if quarter => Point::Day(dct).truncate(Unit::Quarter).shift(Unit::Quarter, -1)?,
                Some(p @ (Point::Half(..) | Point::Month(..) | Point::Year(_) | Point::Season(..))) => p,
                _ => Point::Year(year),
            };
            // "a loss in the 1988 period. The year-ago results...": the
            // focus is already the earlier year when it ended well before
            // the article (the current period has not).
            let months_before = |y: i16, last_month: i8| {
                (i32::from(year) - i32::from(y)) * 12 + i32::from(dct.month()) - i32::from(last_month)
            };
            let already_earlier = match anchor {
                Point::Year(y) => months_before(y, 12) > 3,
                Point::Quarter(y, q) => months_before(y, q as i8 * 3) > 6,
                _ => false,
            };
            if already_earlier {
                anchor
            } else {
                anchor.shift(Unit::Year, -1)?
            }
        }
        Expr::InRelativeYear(offset, part) => in_year(part, year.checked_add(i16::try_from(offset).ok()?)?)?,
        // The year of the date in focus; without one, the anchor's.
        Expr::InFocusYear(part) => in_year(part, ctx.reference.map_or(year, |r| r.year()))?,
        Expr::NthWeekday { nth, weekday, ref month } => match point(month, ctx)? {
            Point::Month(year, month) => Point::Day(nth_weekday_of(year, month, weekday, nth)?),
            _ => return None,
        },
        Expr::WithPart(ref day, part) => {
            let date = point(day, ctx)?.day()?;
            Point::DayPart(date, part)
        }
        Expr::Clock(ref day, hour, minute) => {
            let date = match day {
                Some(day) => point(day, ctx)?.day()?,
                None => ctx.reference.and_then(Point::day).unwrap_or(dct),
            };
            Point::Clock(date, hour, minute)
        }
        Expr::Duration(_) | Expr::Set(_) | Expr::Ref(_) | Expr::PartOfAnyDay(_) => return None,
    })
}

/// Shifts an anchor by whole units, at the granularity the unit implies
/// ("two years ago" is a year) unless the anchor is a period the unit
/// can move as a whole ("a year earlier" than 1989-Q3 is 1988-Q3).
fn shift_from(anchor: Point, unit: Unit, n: i32) -> Option<Point> {
    let keeps_own_granularity = matches!(
        (anchor, unit),
        (
            Point::Quarter(..) | Point::Half(..) | Point::Season(..) | Point::Month(..) | Point::Year(_),
            Unit::Year
        ) | (Point::Quarter(..), Unit::Quarter)
            | (Point::Month(..), Unit::Month)
            | (Point::Week(..), Unit::Week)
    );
    if keeps_own_granularity {
        return anchor.shift(unit, n);
    }
    let day = anchor.day()?;
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(Point::Day(day)),
        Unit::Day => Point::Day(day).shift(Unit::Day, n),
        Unit::Week => week_of(day).shift(Unit::Week, n),
        Unit::Weekend => None,
        Unit::Month => Point::Day(day).truncate(Unit::Month).shift(Unit::Month, n),
        Unit::Quarter | Unit::Season => Point::Day(day).truncate(Unit::Quarter).shift(Unit::Quarter, n),
        Unit::Year | Unit::Decade | Unit::Century => Point::Day(day).truncate(Unit::Year).shift(unit, n),
    }
}

/// Which year a month without one falls in, relative to the DCT's month.
fn month_year_offset(month: u8, current: u8, tense: Tense) -> i16 {
    let ahead = (i16::from(month) - i16::from(current)).rem_euclid(12);
    // As for days: a month next to the article's is the close one.
    if ahead <= 2 || ahead >= 10 {
        let wraps_forward = i16::from(month) < i16::from(current) && ahead <= 2;
        let wraps_back = i16::from(month) > i16::from(current) && ahead >= 10;
        let close = i16::from(wraps_forward) - i16::from(wraps_back);
        // ... unless the verb rules it out: "will take effect in January"
        // said in March is next January.
        return match tense {
            Tense::Future if ahead >= 10 => close + 1,
            // In December a past "January" is this year's: its year
            // needs no saying. (Said in March, a past "April" is more
            // often a reported plan than last year's April.)
            Tense::Past if wraps_forward => close - 1,
            _ => close,
        };
    }
    match tense {
        Tense::Past if month > current => -1,
        Tense::Future if month < current => 1,
        Tense::Past | Tense::Future => 0,
        // Without a tense news looks back: a month well ahead of the
        // article is last year's, unless the year is about to turn.
        _ if i16::from(month) - i16::from(current) > 3 => -1,
        _ if i16::from(current) - i16::from(month) > 9 => 1,
        _ => 0,
    }
}

/// A period of a year (its own year a placeholder) in year `y`.
fn in_year(part: Point, y: i16) -> Option<Point> {
    Some(match part {
        Point::Quarter(_, q) => Point::Quarter(y, q),
        Point::Half(_, h) => Point::Half(y, h),
        Point::Month(_, m) => Point::Month(y, m),
        Point::Season(_, season) => Point::Season(y, season),
        Point::Day(d) => Point::Day(Date::new(y, d.month(), d.day()).ok()?),
        other => other,
    })
}

/// Which year a quarter or half without one falls in.
///
/// Reports look back at quarters that have ended, so a quarter up to the
/// current one is this year's whatever the tense; a later one is this
/// year's unless the clause is in the past.
fn period_year_offset(period: u8, current: u8, tense: Tense) -> i16 {
    if period > current && tense == Tense::Past {
        -1
    } else {
        0
    }
}

/// Of the candidate days (in order, from the years before, of and after
/// the DCT), the one that suits the tense: the latest one not after the
/// DCT in the past, the earliest one not before it in the future,
/// otherwise the nearest.
///
/// Writers drop the year only when the date is close, so a date within
/// two months of the article is taken as the close one whatever the verb
/// says ("payable Dec. 7", said in November, is next month's).
fn nearest_day(dct: Date, tense: Tense, candidates: &[Date]) -> Option<Date> {
    const CLOSE_DAYS: i32 = 61;
    let nearest = candidates.iter().min_by_key(|d| days_between(dct, **d)).copied();
    if nearest.is_some_and(|d| days_between(dct, d) <= CLOSE_DAYS) {
        return nearest;
    }
    match tense {
        Tense::Past => candidates.iter().rev().find(|d| **d <= dct).copied(),
        Tense::Future => candidates.iter().find(|d| **d >= dct).copied(),
        _ => candidates.iter().min_by_key(|d| days_between(dct, **d)).copied(),
    }
    .or_else(|| candidates.iter().find(|d| d.year() == dct.year()).copied())
}

fn days_between(a: Date, b: Date) -> i32 {
    a.until((jiff::Unit::Day, b)).map_or(i32::MAX, |span| span.get_days().abs())
}

/// The weekday (ISO number) nearest the DCT in the tense's direction; the
/// DCT itself when it is that weekday.
fn weekday_near(dct: Date, weekday: u8, tense: Tense) -> Date {
    let today = dct.weekday().to_monday_one_offset();
    let wanted = weekday as i8;
    if tense == Tense::Future {
        let ahead = (wanted - today).rem_euclid(7);
        dct.checked_add(i32::from(ahead).days()).unwrap_or(dct)
    } else {
        let back = (today - wanted).rem_euclid(7);
        dct.checked_sub(i32::from(back).days()).unwrap_or(dct)
    }
}

/// The `nth` `weekday` (ISO number) of a month, counted from its start,
/// or from its end when `nth` is negative ("the last Friday").
fn nth_weekday_of(year: i16, month: u8, weekday: u8, nth: i8) -> Option<Date> {
    let first = Date::new(year, month as i8, 1).ok()?;
    if nth > 0 {
        let offset = (weekday as i8 - first.weekday().to_monday_one_offset()).rem_euclid(7);
        // Date::new refuses a fifth Monday the month does not have.
        Date::new(year, month as i8, 1 + offset + 7 * (nth - 1)).ok()
    } else {
        let last = first.last_of_month();
        let back = (last.weekday().to_monday_one_offset() - weekday as i8).rem_euclid(7);
        last.checked_sub(i32::from(back).days()).ok()
    }
}

/// "last Friday", "next Friday", "this Friday".
fn weekday_relative(dct: Date, weekday: u8, direction: i32) -> Option<Date> {
    let today = dct.weekday().to_monday_one_offset();
    let wanted = weekday as i8;
    let days = match direction {
        d if d < 0 => -(i32::from((today - wanted - 1).rem_euclid(7)) + 1),
        d if d > 0 => i32::from((wanted - today - 1).rem_euclid(7)) + 1,
        _ => i32::from(wanted - today),
    };
    dct.checked_add(days.days()).ok()
}

fn season_index(season: Season) -> u8 {
    match season {
        Season::Winter => 0,
        Season::Spring => 1,
        Season::Summer => 2,
        Season::Autumn => 3,
    }
}

fn season_start(season: Season) -> u8 {
    match season {
        Season::Spring => 3,
        Season::Summer => 6,
        Season::Autumn => 9,
        Season::Winter => 12,
    }
}
