//! Named days: holidays news dates things by ("on Thanksgiving Day",
//! "after Eid al-Fitr", "over Lunar New Year").

use crate::calendars;
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;
use std::collections::HashMap;
use std::sync::OnceLock;

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
    /// Days after Orthodox Easter Sunday (the Julian computus).
    OrthodoxEaster(i32),
    /// United States: the Tuesday after the first Monday of November.
    ElectionDay,
    /// Days after United States Thanksgiving: Black Friday is 1.
    AfterThanksgiving(i32),
    /// A month and day of the Julian calendar: Orthodox Christmas.
    Julian(i8, i8),
    /// A month and day of the Hebrew calendar, months counted from Nisan
    /// (Tishri is 7). The festival begins at sundown the evening before.
    Hebrew(u8, u8),
    /// A month and day of the tabular Islamic calendar; where the month
    /// waits for the crescent to be seen, the day kept may be one either
    /// side.
    Islamic(u8, u8),
    /// Days after Chinese (Lunar) New Year.
    ChineseNewYear(i32),
    Diwali,
    Holi,
}

const TISHRI: u8 = 7;
const KISLEV: u8 = 9;
const NISAN: u8 = 1;
const SIVAN: u8 = 3;

impl Holiday {
    /// The holiday's date in `year`; for a holiday of the Islamic calendar,
    /// which some years hold twice (Eid al-Fitr fell on 2000-01-08 and,
    /// by the tabular calendar, 2000-12-28), the first (see
    /// [`Holiday::days_in_year`] for both).
    pub(crate) fn in_year(self, year: i16) -> Option<Date> {
        let y = i32::from(year);
        let within = |candidate: Option<Date>| candidate.filter(|date| date.year() == year);
        match self {
            Holiday::Fixed(month, day) => Date::new(year, month, day).ok(),
            Holiday::Nth(month, n, weekday) => {
                Date::new(year, month, 1).ok()?.nth_weekday_of_month(n, weekday).ok()
            }
            Holiday::Last(month, weekday) => {
                Date::new(year, month, 1).ok()?.nth_weekday_of_month(-1, weekday).ok()
            }
            Holiday::Easter(offset) => easter(year)?.checked_add(offset.days()).ok(),
            Holiday::OrthodoxEaster(offset) => orthodox_easter(year)?.checked_add(offset.days()).ok(),
            Holiday::ElectionDay => {
                let monday = Date::new(year, 11, 1).ok()?.nth_weekday_of_month(1, Weekday::Monday).ok()?;
                monday.tomorrow().ok()
            }
            Holiday::AfterThanksgiving(offset) => {
                let thanksgiving = Holiday::Nth(11, 4, Weekday::Thursday).in_year(year)?;
                thanksgiving.checked_add(offset.days()).ok()
            }
            Holiday::Julian(month, day) => {
                (y - 1..=y).find_map(|julian_year| within(calendars::julian(julian_year, month, day)))
            }
            // Year 1 of the Hebrew calendar began in 3761 BCE, in the autumn.
            Holiday::Hebrew(month, day) => (y + 3760..=y + 3761)
                .find_map(|hebrew_year| within(calendars::hebrew(hebrew_year, month, day))),
            Holiday::Islamic(month, day) => islamic_days(year, month, day).next(),
            Holiday::ChineseNewYear(offset) => {
                calendars::chinese_new_year(y)?.checked_add(offset.days()).ok()
            }
            Holiday::Diwali => calendars::diwali(y),
            Holiday::Holi => calendars::holi(y),
        }
    }

    /// Every day the holiday falls on in `year`, earliest first: a
    /// holiday of the Islamic calendar falls twice in some years, every
    /// other holiday once at most.
    pub(crate) fn days_in_year(self, year: i16) -> impl Iterator<Item = Date> {
        let (first, second) = match self {
            Holiday::Islamic(month, day) => {
                let mut days = islamic_days(year, month, day);
                (days.next(), days.next())
            }
            _ => (self.in_year(year), None),
        };
        first.into_iter().chain(second)
    }
}

/// The days of `year` on which a day of the Islamic calendar falls,
/// earliest first: one, or two where the Islamic year (354 or 355 days)
/// begins and ends within the Gregorian one.
fn islamic_days(year: i16, month: u8, day: u8) -> impl Iterator<Item = Date> {
    // About 33 Islamic years to every 32 Gregorian ones, counted from 622.
    let first = (i32::from(year) - 622) * 33 / 32;
    (first - 1..=first + 2)
        .filter_map(move |islamic_year| calendars::islamic(islamic_year, month, day))
        .filter(move |date| date.year() == year)
}

/// How a holiday is written, one pattern word to a token, matched without
/// regard to case. `'s` is a possessive ("'" or "’", then "s"), `'` an
/// apostrophe alone, `a|b` either word, and a trailing `?` makes a word
/// optional.
struct Name {
    words: &'static [&'static str],
    holiday: Holiday,
    /// Whether it may be written all in lower case ("black friday"). A name
    /// whose lower-case words are ordinary ("may day", "spring festival")
    /// must be capitalised.
    lower_case: bool,
}

const fn name(words: &'static [&'static str], holiday: Holiday) -> Name {
    Name { words, holiday, lower_case: true }
}

const fn capitalised(words: &'static [&'static str], holiday: Holiday) -> Name {
    Name { words, holiday, lower_case: false }
}

const SAINT: &str = "st|saint";

const NAMES: &[Name] = &[
    // Christmas and New Year.
    name(&["christmas|xmas", "day?"], Holiday::Fixed(12, 25)),
    name(&["christmas|xmas", "eve"], Holiday::Fixed(12, 24)),
    name(&["boxing", "day"], Holiday::Fixed(12, 26)),
    name(&["new", "year", "'s", "eve"], Holiday::Fixed(12, 31)),
    name(&["new", "years", "eve"], Holiday::Fixed(12, 31)),
    name(&["new", "year", "'s", "day"], Holiday::Fixed(1, 1)),
    name(&["new", "years|year", "day"], Holiday::Fixed(1, 1)),
    capitalised(&["new", "year", "'s"], Holiday::Fixed(1, 1)),
    // Easter and the days it moves.
    name(&["easter", "sunday?"], Holiday::Easter(0)),
    name(&["easter", "monday"], Holiday::Easter(1)),
    name(&["good", "friday"], Holiday::Easter(-2)),
    name(&["holy", "saturday"], Holiday::Easter(-1)),
    name(&["maundy|holy", "thursday"], Holiday::Easter(-3)),
    name(&["palm", "sunday"], Holiday::Easter(-7)),
    name(&["ash", "wednesday"], Holiday::Easter(-46)),
    name(&["shrove", "tuesday"], Holiday::Easter(-47)),
    name(&["mardi", "gras"], Holiday::Easter(-47)),
    name(&["ascension", "day|thursday"], Holiday::Easter(39)),
    name(&["pentecost", "sunday?"], Holiday::Easter(49)),
    name(&["whit", "sunday"], Holiday::Easter(49)),
    name(&["whitsunday|whitsun"], Holiday::Easter(49)),
    name(&["whit", "monday"], Holiday::Easter(50)),
    name(&["orthodox", "easter", "sunday?"], Holiday::OrthodoxEaster(0)),
    name(&["orthodox", "good", "friday"], Holiday::OrthodoxEaster(-2)),
    name(&["orthodox", "christmas", "day?"], Holiday::Julian(12, 25)),
    name(&["orthodox", "christmas", "eve"], Holiday::Julian(12, 24)),
    // Days of saints.
    name(&[SAINT, ".?", "patrick|paddy", "'s", "day"], Holiday::Fixed(3, 17)),
    name(&[SAINT, ".?", "valentine", "'s", "day"], Holiday::Fixed(2, 14)),
    name(&[SAINT, ".?", "david", "'s", "day"], Holiday::Fixed(3, 1)),
    name(&[SAINT, ".?", "george", "'s", "day"], Holiday::Fixed(4, 23)),
    name(&[SAINT, ".?", "andrew", "'s", "day"], Holiday::Fixed(11, 30)),
    name(&[SAINT, ".?", "stephen", "'s", "day"], Holiday::Fixed(12, 26)),
    name(&["valentine", "'s", "day"], Holiday::Fixed(2, 14)),
    name(&["valentines", "day"], Holiday::Fixed(2, 14)),
    // The United States.
    name(&["thanksgiving", "day?"], Holiday::Nth(11, 4, Weekday::Thursday)),
    name(&["black", "friday"], Holiday::AfterThanksgiving(1)),
    name(&["cyber", "monday"], Holiday::AfterThanksgiving(4)),
    name(&["halloween"], Holiday::Fixed(10, 31)),
    name(&["independence", "day"], Holiday::Fixed(7, 4)),
    name(&["juneteenth"], Holiday::Fixed(6, 19)),
    name(&["veterans", "'?", "day"], Holiday::Fixed(11, 11)),
    name(&["labor|labour", "day"], Holiday::Nth(9, 1, Weekday::Monday)),
    name(&["memorial", "day"], Holiday::Last(5, Weekday::Monday)),
    // Written in lower case, "election day" is as often another country's.
    capitalised(&["election", "day"], Holiday::ElectionDay),
    name(&["mlk", "day"], Holiday::Nth(1, 3, Weekday::Monday)),
    capitalised(&["martin", "luther", "king", ",?", "jr?", ".?", "day"], Holiday::Nth(1, 3, Weekday::Monday)),
    name(&["presidents", "'?", "day"], Holiday::Nth(2, 3, Weekday::Monday)),
    name(&["president", "'s", "day"], Holiday::Nth(2, 3, Weekday::Monday)),
    capitalised(&["washington", "'s", "birthday"], Holiday::Nth(2, 3, Weekday::Monday)),
    name(&["columbus", "day"], Holiday::Nth(10, 2, Weekday::Monday)),
    name(&["indigenous", "peoples", "'?", "day"], Holiday::Nth(10, 2, Weekday::Monday)),
    name(&["mother", "'s", "day"], Holiday::Nth(5, 2, Weekday::Sunday)),
    name(&["mothers", "'?", "day"], Holiday::Nth(5, 2, Weekday::Sunday)),
    name(&["father", "'s", "day"], Holiday::Nth(6, 3, Weekday::Sunday)),
    name(&["fathers", "'?", "day"], Holiday::Nth(6, 3, Weekday::Sunday)),
    capitalised(&["groundhog", "day"], Holiday::Fixed(2, 2)),
    capitalised(&["earth", "day"], Holiday::Fixed(4, 22)),
    name(&["cinco", "de", "mayo"], Holiday::Fixed(5, 5)),
    // Elsewhere.
    name(&["bastille", "day"], Holiday::Fixed(7, 14)),
    name(&["canada", "day"], Holiday::Fixed(7, 1)),
    name(&["remembrance|armistice", "day"], Holiday::Fixed(11, 11)),
    name(&["remembrance", "sunday"], Holiday::Nth(11, 2, Weekday::Sunday)),
    name(&["guy", "fawkes", "night|day"], Holiday::Fixed(11, 5)),
    name(&["bonfire", "night"], Holiday::Fixed(11, 5)),
    name(&["anzac", "day"], Holiday::Fixed(4, 25)),
    capitalised(&["australia", "day"], Holiday::Fixed(1, 26)),
    capitalised(&["may", "day"], Holiday::Fixed(5, 1)),
    // Other calendars.
    name(&["chinese|lunar", "new", "year"], Holiday::ChineseNewYear(0)),
    name(&["chinese|lunar", "new", "year", "'s", "day"], Holiday::ChineseNewYear(0)),
    name(&["chinese|lunar", "new", "year", "'s", "eve"], Holiday::ChineseNewYear(-1)),
    capitalised(&["spring", "festival"], Holiday::ChineseNewYear(0)),
    name(&["ramadan|ramadhan"], Holiday::Islamic(9, 1)),
    name(&["eid", "-?", "al|ul|el", "-?", "fitr"], Holiday::Islamic(10, 1)),
    name(&["eid", "-?", "al|ul|el", "-?", "adha|azha"], Holiday::Islamic(12, 10)),
    name(&["islamic|hijri|muslim", "new", "year"], Holiday::Islamic(1, 1)),
    name(&["rosh", "hashanah|hashana|hashono|hashonah"], Holiday::Hebrew(TISHRI, 1)),
    name(&["yom", "kippur"], Holiday::Hebrew(TISHRI, 10)),
    name(&["sukkot|succot"], Holiday::Hebrew(TISHRI, 15)),
    name(&["hanukkah|hanukah|chanukah|chanukkah"], Holiday::Hebrew(KISLEV, 25)),
    name(&["passover|pesach"], Holiday::Hebrew(NISAN, 15)),
    name(&["shavuot"], Holiday::Hebrew(SIVAN, 6)),
    name(&["diwali|deepavali|divali"], Holiday::Diwali),
    capitalised(&["holi"], Holiday::Holi),
];

/// Words after a holiday's name that make it part of another name: "the
/// Good Friday Agreement", "Easter Island", "the Yom Kippur War".
const NOT_THE_DAY: &[&str] = &["agreement", "accord", "accords", "island", "islands", "war", "offensive"];

/// Holidays' names that are also surnames ("Taha Yassin Ramadan", "said
/// Ramadan", "Saddam and Ramadan"): capitalised, they are the holiday only
/// at the start of a sentence or after a word that leads to a time.
const ALSO_SURNAMES: &[&str] = &["ramadan", "ramadhan"];

/// Words that lead to a time ("during Ramadan", "the holy month of
/// Ramadan"), or to a holiday's name ("Happy Diwali").
const BEFORE_A_HOLIDAY: &[&str] = &[
    "after",
    "ahead",
    "all",
    "around",
    "as",
    "at",
    "before",
    "blessed",
    "by",
    "during",
    "each",
    "early",
    "entire",
    "every",
    "for",
    "from",
    "happy",
    "holy",
    "in",
    "into",
    "last",
    "late",
    "next",
    "of",
    "on",
    "over",
    "since",
    "the",
    "this",
    "through",
    "throughout",
    "till",
    "to",
    "until",
    "when",
    "whole",
];

/// Whether a surname-like holiday's name after `before` is the holiday.
fn leads_to_a_holiday(before: &str) -> bool {
    matches!(before, "" | "." | "!" | "?" | "\"" | "“" | "(" | ":" | ";" | "—" | "–")
        || BEFORE_A_HOLIDAY.iter().any(|word| before.eq_ignore_ascii_case(word))
}

/// Recognises a holiday name in words `words` (as written), the word
/// `before` them being the one written just before (or ""); returns how
/// many words it takes.
pub(crate) fn holiday(before: &str, words: &[&str]) -> Option<(usize, Holiday)> {
    let (len, holiday) = names_starting(words.first()?)
        .iter()
        .filter_map(|name| Some((name.length_in(words)?, name.holiday)))
        .max_by_key(|(len, _)| *len)?;
    let next = words.get(len).copied().unwrap_or("");
    if NOT_THE_DAY.iter().any(|word| next.eq_ignore_ascii_case(word)) {
        return None;
    }
    let surname =
        len == 1 && capitalized(words[0]) && ALSO_SURNAMES.iter().any(|w| words[0].eq_ignore_ascii_case(w));
    if surname && !leads_to_a_holiday(before) {
        return None;
    }
    Some((len, holiday))
}

/// Whether a holiday's name may begin with `word` written in lower case,
/// as "christmas" or "black" (of "black friday") do.
pub(crate) fn may_start(word: &str) -> bool {
    names_starting(word).iter().any(|name| name.lower_case)
}

/// The names that may begin with `word`: every token is asked, so they
/// are looked up by their first word rather than tried one by one.
fn names_starting(word: &str) -> &'static [&'static Name] {
    static BY_FIRST_WORD: OnceLock<HashMap<&'static str, Vec<&'static Name>>> = OnceLock::new();
    let by_first_word = BY_FIRST_WORD.get_or_init(|| {
        let mut index: HashMap<&'static str, Vec<&'static Name>> = HashMap::new();
        for name in NAMES {
            for first in alternatives(name.words[0]) {
                index.entry(first).or_default().push(name);
            }
        }
        index
    });
    // Every first word is short ASCII, so a longer word begins none.
    let mut buffer = [0u8; 16];
    let Some(lower) = buffer.get_mut(..word.len()).filter(|_| word.is_ascii()) else {
        return &[];
    };
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok().and_then(|lower| by_first_word.get(lower)).map_or(&[], Vec::as_slice)
}

fn alternatives(pattern: &str) -> impl Iterator<Item = &str> {
    pattern.split('|')
}

fn is_apostrophe(word: &str) -> bool {
    matches!(word, "'" | "’")
}

fn capitalized(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

impl Name {
    /// How many of `words` this name takes, when they begin with it.
    fn length_in(&self, words: &[&str]) -> Option<usize> {
        let len = longest_match(self.words, words, 0)?;
        let taken = &words[..len];
        let case_fits = if self.lower_case {
            // "Black Friday", "black friday", but not "a black Friday".
            capitalized(taken[0]) || taken.iter().all(|w| !w.chars().any(char::is_uppercase))
        } else {
            taken
                .iter()
                .filter(|w| w.chars().count() > 1 && w.chars().all(char::is_alphabetic))
                .all(|w| capitalized(w))
        };
        case_fits.then_some(len)
    }
}

/// Where the longest match of `pattern` against `words` from `at` ends.
fn longest_match(pattern: &[&str], words: &[&str], at: usize) -> Option<usize> {
    let Some((first, rest)) = pattern.split_first() else {
        return Some(at);
    };
    let (element, optional) = match first.strip_suffix('?') {
        Some(element) => (element, true),
        None => (*first, false),
    };
    let word = |i: usize| words.get(i).copied().unwrap_or("");
    let taken = match element {
        "'s" => (is_apostrophe(word(at)) && word(at + 1).eq_ignore_ascii_case("s")).then_some(2),
        "'" => is_apostrophe(word(at)).then_some(1),
        _ => alternatives(element).any(|w| word(at).eq_ignore_ascii_case(w)).then_some(1),
    };
    let with = taken.and_then(|n| longest_match(rest, words, at + n));
    let without = if optional { longest_match(rest, words, at) } else { None };
    with.max(without)
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

/// Orthodox Easter Sunday: the Julian calendar's Easter (Meeus' algorithm),
/// as a Gregorian date.
fn orthodox_easter(year: i16) -> Option<Date> {
    let y = i32::from(year);
    if y < 1 {
        return None;
    }
    let (a, b, c) = (y % 4, y % 7, y % 19);
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    calendars::julian(y, month as i8, day as i8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    fn check(holiday: Holiday, cases: &[(i16, i8, i8)]) {
        for &(year, month, day) in cases {
            assert_eq!(holiday.in_year(year), Some(date(year, month, day)), "{holiday:?} {year}");
        }
    }

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
    fn days_that_move_with_easter_and_thanksgiving() {
        check(Holiday::Easter(-46), &[(2008, 2, 6), (2024, 2, 14), (2038, 3, 10)]);
        check(Holiday::Easter(-7), &[(2019, 4, 14), (2024, 3, 24)]);
        check(Holiday::Easter(-3), &[(2021, 4, 1), (2025, 4, 17)]);
        check(Holiday::Easter(49), &[(2023, 5, 28), (2024, 5, 19)]);
        // Black Friday and Cyber Monday, the earliest and latest.
        check(Holiday::AfterThanksgiving(1), &[(2018, 11, 23), (2019, 11, 29), (2024, 11, 29)]);
        check(Holiday::AfterThanksgiving(4), &[(2019, 12, 2), (2023, 11, 27)]);
        check(Holiday::Nth(5, 2, Weekday::Sunday), &[(2020, 5, 10), (2024, 5, 12)]);
        check(Holiday::Nth(6, 3, Weekday::Sunday), &[(2023, 6, 18), (2024, 6, 16)]);
        check(Holiday::Nth(1, 3, Weekday::Monday), &[(2021, 1, 18), (2024, 1, 15)]);
        check(Holiday::Nth(2, 3, Weekday::Monday), &[(2023, 2, 20), (2024, 2, 19)]);
        check(Holiday::Nth(10, 2, Weekday::Monday), &[(2020, 10, 12), (2024, 10, 14)]);
    }

    #[test]
    fn orthodox_easter_and_christmas() {
        let cases = [
            (2000, 4, 30),
            (2008, 4, 27),
            (2010, 4, 4),
            (2013, 5, 5),
            (2016, 5, 1),
            (2017, 4, 16),
            (2020, 4, 19),
            (2021, 5, 2),
            (2023, 4, 16),
            (2024, 5, 5),
            (2025, 4, 20),
        ];
        check(Holiday::OrthodoxEaster(0), &cases);
        check(Holiday::Julian(12, 25), &[(2000, 1, 7), (2024, 1, 7), (2101, 1, 8)]);
    }

    #[test]
    fn chinese_new_year() {
        let cases = [
            (1912, 2, 18),
            // The solstice fell at 00:23 in Beijing on the day of a new moon.
            (1985, 2, 20),
            (1988, 2, 17),
            (2000, 2, 5),
            (2001, 1, 24),
            (2008, 2, 7),
            (2015, 2, 19),
            (2020, 1, 25),
            (2023, 1, 22),
            (2024, 2, 10),
            (2025, 1, 29),
            (2026, 2, 17),
            // New moons at 23:56 and at 00:07 Beijing time.
            (2027, 2, 6),
            (2030, 2, 3),
            // A leap eleventh month puts it a third new moon after the solstice.
            (2034, 2, 19),
        ];
        check(Holiday::ChineseNewYear(0), &cases);
        check(Holiday::ChineseNewYear(-1), &[(2024, 2, 9)]);
    }

    #[test]
    fn hebrew_holidays() {
        let rosh_hashanah = [
            (2000, 9, 30),
            (2005, 10, 4),
            (2013, 9, 5),
            (2016, 10, 3),
            (2023, 9, 16),
            (2024, 10, 3),
            (2025, 9, 23),
        ];
        check(Holiday::Hebrew(TISHRI, 1), &rosh_hashanah);
        check(Holiday::Hebrew(TISHRI, 10), &[(2020, 9, 28), (2023, 9, 25), (2024, 10, 12)]);
        // Thanksgivukkah: the first day of Hanukkah on Thanksgiving.
        check(Holiday::Hebrew(KISLEV, 25), &[(2013, 11, 28), (2016, 12, 25), (2023, 12, 8), (2024, 12, 26)]);
        check(
            Holiday::Hebrew(NISAN, 15),
            &[(2016, 4, 23), (2021, 3, 28), (2023, 4, 6), (2024, 4, 23), (2025, 4, 13)],
        );
        check(Holiday::Hebrew(TISHRI, 15), &[(2023, 9, 30), (2024, 10, 17)]);
        check(Holiday::Hebrew(SIVAN, 6), &[(2023, 5, 26), (2024, 6, 12)]);
    }

    #[test]
    fn islamic_holidays() {
        // The tabular calendar's dates (2000 held Eid al-Fitr twice).
        check(Holiday::Islamic(9, 1), &[(2000, 11, 28), (2024, 3, 11), (2025, 3, 1)]);
        check(Holiday::Islamic(10, 1), &[(2000, 1, 8), (2024, 4, 10)]);
        check(Holiday::Islamic(12, 10), &[(2023, 6, 29), (2024, 6, 17)]);
        check(Holiday::Islamic(1, 1), &[(2024, 7, 8)]);
        // Dates kept in Saudi Arabia, a day at most from the tabular ones.
        let observed = [
            (
                Holiday::Islamic(9, 1),
                [(2020, 4, 24), (2021, 4, 13), (2022, 4, 2), (2023, 3, 23), (2024, 3, 11)],
            ),
            (
                Holiday::Islamic(10, 1),
                [(2020, 5, 24), (2021, 5, 13), (2022, 5, 2), (2023, 4, 21), (2024, 4, 10)],
            ),
            (
                Holiday::Islamic(12, 10),
                [(2020, 7, 31), (2021, 7, 20), (2022, 7, 9), (2023, 6, 28), (2024, 6, 16)],
            ),
        ];
        for (holiday, days) in observed {
            for (year, month, day) in days {
                let got = holiday.in_year(year).unwrap();
                let off = got.until(date(year, month, day)).unwrap().get_days();
                assert!(off.abs() <= 1, "{holiday:?} {year}: {got}");
            }
        }
    }

    #[test]
    fn islamic_holidays_twice_in_a_year() {
        let days = |holiday: Holiday, year| holiday.days_in_year(year).collect::<Vec<_>>();
        assert_eq!(days(Holiday::Islamic(10, 1), 2000), [date(2000, 1, 8), date(2000, 12, 28)]);
        assert_eq!(days(Holiday::Islamic(10, 1), 2001), [date(2001, 12, 17)]);
        assert_eq!(days(Holiday::Fixed(12, 25), 2000), [date(2000, 12, 25)]);
        // Before the Islamic era, and at the calendar's edges: nothing, no panic.
        assert!(days(Holiday::Islamic(10, 1), 100).is_empty());
        assert!(days(Holiday::Islamic(10, 1), -9999).is_empty());
        let _ = days(Holiday::Islamic(10, 1), 9999);
    }

    #[test]
    fn hindu_holidays() {
        let diwali = [
            (2001, 11, 14),
            (2009, 10, 17),
            (2012, 11, 13),
            (2013, 11, 3),
            (2017, 10, 19),
            (2019, 10, 27),
            (2020, 11, 14),
            (2022, 10, 24),
            (2023, 11, 12),
            (2024, 10, 31),
            (2025, 10, 20),
        ];
        check(Holiday::Diwali, &diwali);
        let holi = [
            (2012, 3, 8),
            (2013, 3, 27),
            (2016, 3, 24),
            (2019, 3, 21),
            (2020, 3, 10),
            (2021, 3, 29),
            (2022, 3, 18),
            (2023, 3, 8),
            (2024, 3, 25),
            (2025, 3, 14),
            (2026, 3, 4),
        ];
        check(Holiday::Holi, &holi);
    }

    /// Words, and the words a holiday's name takes of them.
    type NameCase = (&'static [&'static str], Option<(usize, Holiday)>);

    #[test]
    fn names() {
        let cases: &[NameCase] = &[
            (&["Thanksgiving", "Day", "x"], Some((2, Holiday::Nth(11, 4, Weekday::Thursday)))),
            (&["New", "Year", "'", "s", "Eve"], Some((5, Holiday::Fixed(12, 31)))),
            (&["new", "year", "’", "s", "eve"], Some((5, Holiday::Fixed(12, 31)))),
            (&["Labor", "Party"], None),
            // Weekdays in a holiday's name are the holiday's.
            (&["Black", "Friday", "sales"], Some((2, Holiday::AfterThanksgiving(1)))),
            (&["black", "friday"], Some((2, Holiday::AfterThanksgiving(1)))),
            (&["black", "Friday"], None),
            (&["Cyber", "Monday"], Some((2, Holiday::AfterThanksgiving(4)))),
            (&["Maundy", "Thursday"], Some((2, Holiday::Easter(-3)))),
            (&["Ash", "Wednesday"], Some((2, Holiday::Easter(-46)))),
            (&["Palm", "Sunday"], Some((2, Holiday::Easter(-7)))),
            (&["palm", "oil"], None),
            (&["good", "friday"], Some((2, Holiday::Easter(-2)))),
            (&["Pentecost"], Some((1, Holiday::Easter(49)))),
            (&["Whit", "Sunday"], Some((2, Holiday::Easter(49)))),
            (&["Mother", "'", "s", "Day"], Some((4, Holiday::Nth(5, 2, Weekday::Sunday)))),
            (&["Mother", "'", "s", "love"], None),
            (&["Father", "’", "s", "Day"], Some((4, Holiday::Nth(6, 3, Weekday::Sunday)))),
            (&["MLK", "Day"], Some((2, Holiday::Nth(1, 3, Weekday::Monday)))),
            (&["Martin", "Luther", "King", "Day"], Some((4, Holiday::Nth(1, 3, Weekday::Monday)))),
            (&["Martin", "Luther", "King", "Jr", ".", "Day"], Some((6, Holiday::Nth(1, 3, Weekday::Monday)))),
            (
                &["Martin", "Luther", "King", ",", "Jr", ".", "Day"],
                Some((7, Holiday::Nth(1, 3, Weekday::Monday))),
            ),
            (&["Martin", "Luther", "King", "said"], None),
            (&["Presidents", "Day"], Some((2, Holiday::Nth(2, 3, Weekday::Monday)))),
            (&["Presidents", "'", "Day"], Some((3, Holiday::Nth(2, 3, Weekday::Monday)))),
            (&["Columbus", "Day"], Some((2, Holiday::Nth(10, 2, Weekday::Monday)))),
            (&["Juneteenth"], Some((1, Holiday::Fixed(6, 19)))),
            (&["St", "Patrick", "'", "s", "Day"], Some((5, Holiday::Fixed(3, 17)))),
            (&["St", ".", "Patrick", "'", "s", "Day"], Some((6, Holiday::Fixed(3, 17)))),
            (&["Saint", "Patrick", "’", "s", "Day"], Some((5, Holiday::Fixed(3, 17)))),
            (&["St", ".", "Patrick", "'", "s", "Cathedral"], None),
            (&["Bastille", "Day"], Some((2, Holiday::Fixed(7, 14)))),
            (&["Canada", "Day"], Some((2, Holiday::Fixed(7, 1)))),
            (&["Remembrance", "Day"], Some((2, Holiday::Fixed(11, 11)))),
            (&["Guy", "Fawkes", "Night"], Some((3, Holiday::Fixed(11, 5)))),
            (&["Groundhog", "Day"], Some((2, Holiday::Fixed(2, 2)))),
            (&["groundhog", "day"], None),
            (&["Christmas", "Day"], Some((2, Holiday::Fixed(12, 25)))),
            (&["christmas"], Some((1, Holiday::Fixed(12, 25)))),
            (&["Xmas"], Some((1, Holiday::Fixed(12, 25)))),
            (&["xmas", "eve"], Some((2, Holiday::Fixed(12, 24)))),
            (&["thanksgiving"], Some((1, Holiday::Nth(11, 4, Weekday::Thursday)))),
            (&["halloween"], Some((1, Holiday::Fixed(10, 31)))),
            (&["easter"], Some((1, Holiday::Easter(0)))),
            (&["independence", "day"], Some((2, Holiday::Fixed(7, 4)))),
            (&["labor", "day"], Some((2, Holiday::Nth(9, 1, Weekday::Monday)))),
            (&["new", "year", "'", "s"], None),
            (&["New", "Year", "'", "s"], Some((4, Holiday::Fixed(1, 1)))),
            (&["May", "Day"], Some((2, Holiday::Fixed(5, 1)))),
            (&["May", "day"], None),
            (&["spring", "festival"], None),
            (&["Spring", "Festival"], Some((2, Holiday::ChineseNewYear(0)))),
            (&["Lunar", "New", "Year"], Some((3, Holiday::ChineseNewYear(0)))),
            (&["Chinese", "New", "Year", "'", "s", "Eve"], Some((6, Holiday::ChineseNewYear(-1)))),
            (&["Orthodox", "Easter"], Some((2, Holiday::OrthodoxEaster(0)))),
            (&["Orthodox", "Christmas"], Some((2, Holiday::Julian(12, 25)))),
            (&["Eid", "al", "-", "Fitr"], Some((4, Holiday::Islamic(10, 1)))),
            (&["Eid", "-", "ul", "-", "Adha"], Some((5, Holiday::Islamic(12, 10)))),
            (&["Eid", "al", "Adha"], Some((3, Holiday::Islamic(12, 10)))),
            (&["Eid"], None),
            (&["Ramadan"], Some((1, Holiday::Islamic(9, 1)))),
            (&["Islamic", "New", "Year"], Some((3, Holiday::Islamic(1, 1)))),
            (&["Rosh", "Hashanah"], Some((2, Holiday::Hebrew(TISHRI, 1)))),
            (&["Yom", "Kippur"], Some((2, Holiday::Hebrew(TISHRI, 10)))),
            (&["Yom", "Kippur", "War"], None),
            (&["Hanukkah"], Some((1, Holiday::Hebrew(KISLEV, 25)))),
            (&["Passover"], Some((1, Holiday::Hebrew(NISAN, 15)))),
            (&["Diwali"], Some((1, Holiday::Diwali))),
            (&["Holi"], Some((1, Holiday::Holi))),
            (&["holi"], None),
            (&["Good", "Friday", "Agreement"], None),
            (&["Easter", "Island"], None),
            (&["election", "day"], None),
            (&["Election", "Day"], Some((2, Holiday::ElectionDay))),
        ];
        for (words, want) in cases {
            assert_eq!(holiday("", words), *want, "{words:?}");
        }
    }

    #[test]
    fn in_sentences() {
        let tagger = crate::Tagger::new();
        let dct = date(2024, 12, 3);
        let cases = [
            ("Shoppers crowded the malls on Black Friday.", "Black Friday", "2024-11-29"),
            ("Online sales hit a record on cyber monday.", "cyber monday", "2024-12-02"),
            ("The parade was held on St. Patrick's Day.", "St. Patrick's Day", "2024-03-17"),
            (
                "Offices will close for Martin Luther King Jr. Day.",
                "Martin Luther King Jr. Day",
                "2025-01-20",
            ),
            ("They met on Mother's Day.", "Mother's Day", "2024-05-12"),
            ("see u after xmas", "xmas", "2024-12-25"),
            ("Prices rose before new year's eve.", "new year's eve", "2024-12-31"),
            ("Fighting paused for Eid al-Fitr.", "Eid al-Fitr", "2024-04-10"),
            ("Travel peaks before Lunar New Year.", "Lunar New Year", "2025-01-29"),
            ("The talks resumed after Rosh Hashanah.", "Rosh Hashanah", "2024-10-03"),
            ("Markets were shut for Diwali.", "Diwali", "2024-10-31"),
        ];
        for (text, want_text, want_value) in cases {
            let found = tagger.tag(text, dct);
            let got: Vec<(&str, String)> =
                found.iter().map(|t| (t.text.as_str(), t.value.to_string())).collect();
            assert_eq!(got, [(want_text, want_value.to_string())], "{text}");
        }
        assert!(tagger.tag("Palm oil prices fell.", dct).is_empty());
        assert!(tagger.tag("The court heard Taha Yassin Ramadan, a former vice president.", dct).is_empty());
    }

    #[test]
    fn surnames() {
        let ramadan = Some((1, Holiday::Islamic(9, 1)));
        for before in ["Yassin", "Abu", "said", "and", ","] {
            assert_eq!(holiday(before, &["Ramadan"]), None, "{before}");
        }
        for before in ["During", "of", "", ".", "last"] {
            assert_eq!(holiday(before, &["Ramadan"]), ramadan, "{before}");
        }
        assert_eq!(holiday("and", &["ramadan"]), ramadan);
        assert_eq!(holiday("Happy", &["Diwali"]), Some((1, Holiday::Diwali)));
    }

    #[test]
    fn lower_case_starts() {
        for word in ["christmas", "xmas", "black", "new", "st", "easter", "diwali"] {
            assert!(may_start(word), "{word}");
        }
        for word in ["holi", "groundhog", "spring", "day", "martin"] {
            assert!(!may_start(word), "{word}");
        }
    }
}
