//! Named days: holidays news dates things by ("on Thanksgiving Day").

use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// A holiday and the rule that puts it in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    Fixed(i8, i8),
    /// The nth weekday of a month (ISO weekday number).
    Nth(i8, i8, Weekday),
    /// The last such weekday of a month.
    Last(i8, Weekday),
    /// Days after Easter Sunday.
    Easter(i32),
    /// United States: the Tuesday after the first Monday of November.
    ElectionDay,
}

impl Holiday {
    /// The holiday's date in `year`.
    pub(crate) fn in_year(self, year: i16) -> Option<Date> {
        match self {
            Holiday::Fixed(month, day) => Date::new(year, month, day).ok(),
            Holiday::Nth(month, n, weekday) => {
                Date::new(year, month, 1).ok()?.nth_weekday_of_month(n, weekday).ok()
            }
            Holiday::Last(month, weekday) => {
                Date::new(year, month, 1).ok()?.nth_weekday_of_month(-1, weekday).ok()
            }
            Holiday::Easter(offset) => easter(year)?.checked_add(offset.days()).ok(),
            Holiday::ElectionDay => {
                let monday = Date::new(year, 11, 1).ok()?.nth_weekday_of_month(1, Weekday::Monday).ok()?;
                monday.tomorrow().ok()
            }
        }
    }
}

/// Recognises a holiday name in words `words` (as written); returns how
/// many words it takes.
pub(crate) fn holiday(words: &[&str]) -> Option<(usize, Holiday)> {
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let day = |i: usize| word(i) == "Day";
    let possessive = |i: usize| matches!(word(i), "'" | "’") && word(i + 1) == "s";
    Some(match word(0) {
        "Thanksgiving" => (if day(1) { 2 } else { 1 }, Holiday::Nth(11, 4, Weekday::Thursday)),
        "Christmas" if word(1) == "Eve" => (2, Holiday::Fixed(12, 24)),
        "Christmas" => (if day(1) { 2 } else { 1 }, Holiday::Fixed(12, 25)),
        "Halloween" => (1, Holiday::Fixed(10, 31)),
        "Easter" if word(1) == "Sunday" => (2, Holiday::Easter(0)),
        "Easter" if word(1) == "Monday" => (2, Holiday::Easter(1)),
        "Easter" => (1, Holiday::Easter(0)),
        "Good" if word(1) == "Friday" => (2, Holiday::Easter(-2)),
        "New" if word(1) == "Year" && possessive(2) => match word(4) {
            "Eve" => (5, Holiday::Fixed(12, 31)),
            "Day" => (5, Holiday::Fixed(1, 1)),
            _ => (4, Holiday::Fixed(1, 1)),
        },
        "Valentine" if possessive(1) && day(3) => (4, Holiday::Fixed(2, 14)),
        "Independence" if day(1) => (2, Holiday::Fixed(7, 4)),
        "Boxing" if day(1) => (2, Holiday::Fixed(12, 26)),
        "Veterans" if day(1) => (2, Holiday::Fixed(11, 11)),
        "Labor" | "Labour" if day(1) => (2, Holiday::Nth(9, 1, Weekday::Monday)),
        "Memorial" if day(1) => (2, Holiday::Last(5, Weekday::Monday)),
        "Election" if day(1) => (2, Holiday::ElectionDay),
        _ => return None,
    })
}

/// Easter Sunday in the Gregorian calendar (the anonymous algorithm).
fn easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    let (a, b, c) = (y % 19, y / 100, y % 100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, month as i8, day as i8).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn holidays_by_year() {
        let cases = [
            (Holiday::Nth(11, 4, Weekday::Thursday), 1999, date(1999, 11, 25)),
            (Holiday::Easter(0), 2000, date(2000, 4, 23)),
            (Holiday::Easter(0), 2024, date(2024, 3, 31)),
            (Holiday::Easter(-2), 2020, date(2020, 4, 10)),
            (Holiday::ElectionDay, 1998, date(1998, 11, 3)),
            (Holiday::ElectionDay, 2020, date(2020, 11, 3)),
            (Holiday::Last(5, Weekday::Monday), 2021, date(2021, 5, 31)),
        ];
        for (holiday, year, want) in cases {
            assert_eq!(holiday.in_year(year), Some(want), "{holiday:?} {year}");
        }
    }

    #[test]
    fn names() {
        assert_eq!(holiday(&["Thanksgiving", "Day", "x"]), Some((2, Holiday::Nth(11, 4, Weekday::Thursday))));
        assert_eq!(holiday(&["New", "Year", "'", "s", "Eve"]), Some((5, Holiday::Fixed(12, 31))));
        assert_eq!(holiday(&["Labor", "Party"]), None);
    }
}
