//! Recognition: which tokens form a temporal expression, and what it means
//! before it is resolved against the document's date.
//!
//! The grammar is a set of small hand-written parsers over classified
//! tokens. Each returns the index one past its last token and an [`Expr`];
//! [`Grammar::longest_at`] tries them all and keeps the longest match.

use crate::lexicon::{classify, DayPart, Kw, Lex, Reference, Season, Unit};
use crate::value::{Amount, Point};
use dateline_core::TimexMod;
use dateline_text::{Token, TokenKind};

/// What an expression means, before resolution.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// Fully specified: "November 25, 2020", "the 1990s", "fiscal 2021".
    Point(Point),
    /// A month, or a day of a month, whose year the context decides.
    MonthDay(u8, Option<u8>),
    /// A weekday whose week the context decides.
    Weekday(u8),
    /// "the third quarter": the year from context.
    QuarterOf(u8),
    /// "the first half": the year from context.
    HalfOf(u8),
    /// "the summer": the year from context.
    SeasonOf(Season),
    /// "the nineties": the century from the document's date.
    DecadeOf(u8),
    /// Relative to the document's date: "yesterday" is (Day, -1), "this
    /// year" (Year, 0), "last week" (Week, -1).
    Relative(Unit, i32),
    /// "last Friday" (-1), "next Friday" (+1), "this Friday" (0).
    WeekdayRelative(u8, i32),
    /// "last March" (-1), "next March" (+1), "this March" (0).
    MonthRelative(u8, i32),
    /// "last summer", "this summer".
    SeasonRelative(Season, i32),
    /// "the weekend": which one the tense decides.
    Weekend,
    /// "two days ago" (from the document's date), "a year earlier" (from
    /// the last date mentioned).
    Shift {
        amount: Amount,
        direction: i32,
        from_reference: bool,
    },
    /// "this year's third quarter": a period of a year relative to the
    /// document's date; the point's own year is a placeholder.
    InRelativeYear(i32, Point),
    /// "the year-ago quarter", "year-earlier": the period in focus, a year
    /// before; with `quarter`, the period is a quarter.
    YearEarlier {
        quarter: bool,
    },
    /// A holiday whose year the context decides; "last Christmas" is -1.
    Holiday(crate::holiday::Holiday, Option<i32>),
    /// "that year", "that day": the period in focus, at this granularity.
    InFocus(Unit),
    /// "the quarter", "the latest quarter": the quarter being reported on.
    ReportedQuarter,
    /// "the year": the year in focus.
    ReportedYear,
    /// A day expression with a part of the day: "Friday morning".
    WithPart(Box<Expr>, DayPart),
    /// A clock time, on the day of an expression or of the context.
    Clock(Option<Box<Expr>>, u8, Option<u8>),
    Duration(Amount),
    /// A recurrence, with its TIMEX3 value.
    Set(String),
    Ref(Reference),
}

/// The year part of a date: written out, or relative to the article.
enum YearSlot {
    Absolute(i16),
    Relative(i32),
}

/// A recognised expression: tokens `first..last` and what they mean.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) expr: Expr,
    pub(crate) modifier: Option<TimexMod>,
}

/// Words ending in "s" that may follow a year without making it a count.
const VERB_LIKE_S: &[&str] =
    &["was", "is", "as", "has", "this", "its", "his", "thus", "plus", "versus", "less"];

/// Nouns that make the number before them a count, not a year.
const COUNT_NOUNS: &[&str] = &[
    "people",
    "children",
    "men",
    "women",
    "police",
    "staff",
    "personnel",
    "feet",
    "foot",
    "cattle",
    "head",
    "tonne",
    "ton",
    "barrel",
    "mile",
    "acre",
    "square",
    "km",
    "kg",
    "mw",
];

/// Words after which "weekly" or "quarterly" is an adverb, not an adjective.
const FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "but",
    "from",
    "with",
    "for",
    "since",
    "until",
    "if",
    "as",
    "because",
    "while",
    "when",
    "so",
    "than",
    "through",
    "thereafter",
    "basis",
];

/// One token as the grammar sees it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Word<'a> {
    pub(crate) text: &'a str,
    pub(crate) lex: Lex,
    pub(crate) capitalized: bool,
    pub(crate) space_before: bool,
    pub(crate) punct: bool,
}

impl<'a> Word<'a> {
    pub(crate) fn classify(token: &Token<'a>) -> Word<'a> {
        let lex = match token.kind {
            TokenKind::Number if token.text.len() <= 9 => {
                Lex::Digits(token.text.parse().unwrap_or(0), token.text.len() as u8)
            }
            TokenKind::Word if token.text.len() <= 16 && token.text.is_ascii() => {
                let mut buffer = [0u8; 16];
                let lower = &mut buffer[..token.text.len()];
                lower.copy_from_slice(token.text.as_bytes());
                lower.make_ascii_lowercase();
                // The bytes were ASCII, so they still are.
                std::str::from_utf8(lower).map_or(Lex::Other, classify)
            }
            _ => Lex::Other,
        };
        Word {
            text: token.text,
            lex,
            capitalized: token.is_capitalized(),
            space_before: token.space_before,
            punct: token.kind == TokenKind::Punct,
        }
    }
}

const OTHER: Word<'static> =
    Word { text: "", lex: Lex::Other, capitalized: false, space_before: true, punct: false };

/// The grammar over one text's words.
pub(crate) struct Grammar<'w, 'a> {
    words: &'w [Word<'a>],
}

type Parsed = Option<(usize, Expr)>;

impl<'w, 'a> Grammar<'w, 'a> {
    pub(crate) fn new(words: &'w [Word<'a>]) -> Self {
        Grammar { words }
    }

    fn word(&self, i: usize) -> Word<'a> {
        self.words.get(i).copied().unwrap_or(OTHER)
    }

    fn lex(&self, i: usize) -> Lex {
        self.word(i).lex
    }

    fn kw(&self, i: usize, kw: Kw) -> bool {
        self.lex(i) == Lex::Kw(kw)
    }

    fn punct(&self, i: usize, p: &str) -> bool {
        let w = self.word(i);
        w.punct && w.text == p
    }

    /// Token `i` is attached to the one before it (no space between).
    fn glued(&self, i: usize) -> bool {
        i < self.words.len() && !self.word(i).space_before
    }

    fn text_is(&self, i: usize, text: &str) -> bool {
        self.word(i).text.eq_ignore_ascii_case(text)
    }

    /// A hyphen (or dash) glued between two tokens, as in "mid-July".
    fn hyphen(&self, i: usize) -> bool {
        (self.punct(i, "-") || self.punct(i, "–")) && self.glued(i) && self.glued(i + 1)
    }

    /// Skips "the" at `i`.
    fn skip_the(&self, i: usize) -> usize {
        if self.kw(i, Kw::The) {
            i + 1
        } else {
            i
        }
    }

    /// The longest expression that starts at token `i`.
    pub(crate) fn longest_at(&self, i: usize) -> Option<Found> {
        let w = self.word(i);
        if w.lex == Lex::Other && !w.punct && !w.capitalized {
            // Nothing in the grammar starts with an unknown lowercase word,
            // except a handful spelled out below.
            if !(w.text == "Q" || w.text == "q") {
                return None;
            }
        }
        let candidates = [
            self.modified(i),
            self.amount_phrase(i).map(|(end, expr, modifier)| Found { first: i, last: end, expr, modifier }),
            self.date_time(i).map(|(end, expr)| Found { first: i, last: end, expr, modifier: None }),
            self.set(i).map(|(end, expr)| Found { first: i, last: end, expr, modifier: None }),
            self.reference(i).map(|(end, expr)| Found { first: i, last: end, expr, modifier: None }),
        ];
        candidates.into_iter().flatten().max_by_key(|found| found.last)
    }

    // ----- numbers -----

    /// A count written in digits or words: "48", "1,000", "2.5", "twenty-five",
    /// "a hundred", "two and a half".
    fn number(&self, i: usize) -> Option<(usize, f64)> {
        let (mut end, mut value) = match self.lex(i) {
            Lex::Digits(n, len) => {
                let mut value = f64::from(n);
                let mut end = i + 1;
                // Thousands groups: "1,000".
                while self.punct(end, ",") && self.glued(end) && self.glued(end + 1) {
                    match self.lex(end + 1) {
                        Lex::Digits(group, 3) if len <= 3 => {
                            value = value * 1000.0 + f64::from(group);
                            end += 2;
                        }
                        _ => break,
                    }
                }
                // Decimals: "2.5".
                if self.punct(end, ".") && self.glued(end) && self.glued(end + 1) {
                    if let Lex::Digits(fraction, flen) = self.lex(end + 1) {
                        value += f64::from(fraction) / 10f64.powi(i32::from(flen));
                        end += 2;
                    }
                }
                (end, value)
            }
            Lex::Cardinal(n) => {
                let mut value = f64::from(n);
                let mut end = i + 1;
                // "twenty-five", "twenty five"
                if (20..100).contains(&n) && n % 10 == 0 {
                    let next = if self.hyphen(end) { end + 1 } else { end };
                    if let Lex::Cardinal(unit @ 1..=9) = self.lex(next) {
                        value += f64::from(unit);
                        end = next + 1;
                    }
                }
                // "two hundred", "three thousand"
                while let Lex::Cardinal(scale @ (100 | 1000)) = self.lex(end) {
                    if n >= 100 {
                        break;
                    }
                    value *= f64::from(scale);
                    end += 1;
                }
                (end, value)
            }
            Lex::Kw(Kw::A) => match self.lex(i + 1) {
                Lex::Cardinal(scale @ (100 | 1000)) => (i + 2, f64::from(scale)),
                Lex::Kw(Kw::Dozen) => (i + 2, 12.0),
                _ => return None,
            },
            _ => return None,
        };
        // "two and a half", "2 1/2"
        let and_a_half = self.kw(end, Kw::And) && self.kw(end + 1, Kw::A) && self.kw(end + 2, Kw::Half);
        let slash_half = self.lex(end) == Lex::Digits(1, 1)
            && self.punct(end + 1, "/")
            && self.glued(end + 1)
            && self.glued(end + 2)
            && self.lex(end + 2) == Lex::Digits(2, 1);
        if and_a_half || slash_half {
            value += 0.5;
            end += 3;
        }
        Some((end, value))
    }

    /// How many units: a number, "a", "a few", "several", "a couple of".
    fn count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        if let Some((end, n)) = self.number(i) {
            return Some((end, Some(n)));
        }
        match self.lex(i) {
            Lex::Kw(Kw::A) => match self.lex(i + 1) {
                Lex::Kw(Kw::Few) => Some((i + 2, None)),
                Lex::Kw(Kw::Couple) if self.kw(i + 2, Kw::Of) => Some((i + 3, Some(2.0))),
                Lex::Kw(Kw::Half) => Some((i + 2, Some(0.5))),
                _ => Some((i + 1, Some(1.0))),
            },
            Lex::Kw(Kw::Few | Kw::Several | Kw::Many) => Some((i + 1, None)),
            Lex::Kw(Kw::Couple) if self.kw(i + 1, Kw::Of) => Some((i + 2, Some(2.0))),
            Lex::Kw(Kw::Half) if self.kw(i + 1, Kw::A) => Some((i + 2, Some(0.5))),
            _ => None,
        }
    }

    /// A unit word; "second" doubles as an ordinal.
    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(unit, plural) => Some((unit, plural)),
            Lex::Ordinal(2) => Some((Unit::Second, false)),
            _ => None,
        }
    }

    // ----- durations and shifts -----

    /// Durations with their qualifiers, and the shifts built from them
    /// ("three days ago", "a year earlier").
    fn amount_phrase(&self, i: usize) -> Option<(usize, Expr, Option<TimexMod>)> {
        let (start, modifier) = self.quantity_modifier(i).unwrap_or((i, None));
        let (end, amount) = self.amount(start)?;
        // "three days ago", "a year earlier", "two weeks from now"
        let shift = |direction, from_reference, end| {
            Some((end, Expr::Shift { amount, direction, from_reference }, modifier))
        };
        match self.lex(end) {
            Lex::Kw(Kw::Ago) => return shift(-1, false, end + 1),
            Lex::Kw(Kw::Earlier) if amount.count.is_some() => return shift(-1, true, end + 1),
            Lex::Kw(Kw::Later) if amount.count.is_some() => return shift(1, true, end + 1),
            Lex::Kw(Kw::Hence) => return shift(1, false, end + 1),
            Lex::Kw(Kw::From) if self.kw(end + 1, Kw::Now) => return shift(1, false, end + 2),
            _ => {}
        }
        Some((end, Expr::Duration(amount), modifier))
    }

    /// "more than", "about", "at least"... before an amount.
    fn quantity_modifier(&self, i: usize) -> Option<(usize, Option<TimexMod>)> {
        use TimexMod::*;
        let m = match (self.lex(i), self.lex(i + 1)) {
            (Lex::Kw(Kw::More | Kw::Over), Lex::Kw(Kw::Than)) => (i + 2, MoreThan),
            (Lex::Kw(Kw::Less), Lex::Kw(Kw::Than)) => (i + 2, LessThan),
            (Lex::Kw(Kw::At), Lex::Kw(Kw::Least)) => (i + 2, EqualOrMore),
            (Lex::Kw(Kw::At), Lex::Kw(Kw::Most)) => (i + 2, EqualOrLess),
            (Lex::Kw(Kw::Up), Lex::Kw(Kw::To)) => (i + 2, EqualOrLess),
            (Lex::Other, Lex::Kw(Kw::More)) if self.text_is(i, "no") && self.kw(i + 2, Kw::Than) => {
                (i + 3, EqualOrLess)
            }
            (Lex::Kw(Kw::Over), next) if next != Lex::Kw(Kw::The) => (i + 1, MoreThan),
            (Lex::Kw(Kw::Under), _) => (i + 1, LessThan),
            (Lex::Kw(Kw::Nearly | Kw::Almost), _) => (i + 1, LessThan),
            (Lex::Kw(Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly | Kw::Some), _) => {
                (i + 1, Approx)
            }
            (Lex::Kw(Kw::Within), _) => (i + 1, EqualOrLess),
            _ => return None,
        };
        Some((m.0, Some(m.1)))
    }

    /// "three months", "48 hours", "two-year", "month-long", "the past two
    /// months", "several weeks", "decades".
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        // "the past two months", "the next few days", "the first nine months"
        let after_the = self.skip_the(i);
        if let Lex::Kw(Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following)
        | Lex::Ordinal(1) = self.lex(after_the)
        {
            let j = after_the + 1;
            if let Some((end, count)) = self.count(j).filter(|_| !self.kw(j, Kw::A)) {
                if let Some((unit, true)) = self.unit(end) {
                    if unit != Unit::Second || count.is_some() {
                        return Some((end + 1, Amount { count, unit }));
                    }
                }
            }
            // "the past year", "the past week": a duration of one unit.
            if matches!(self.lex(after_the), Lex::Kw(Kw::Past)) && after_the > i {
                if let Some((
                    unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade),
                    false,
                )) = self.unit(j)
                {
                    return Some((j + 1, Amount { count: Some(1.0), unit }));
                }
            }
        }
        // "the nine months"
        if after_the > i {
            if let Some((end, Some(n))) = self.number(after_the).map(|(e, n)| (e, Some(n))) {
                if let Some((unit, true)) = self.unit(end) {
                    return Some((end + 1, Amount { count: Some(n), unit }));
                }
            }
            return None;
        }
        // "month-long"
        if let Some((unit, false)) = self.unit(i) {
            if self.hyphen(i + 1) && self.kw(i + 2, Kw::Long) {
                return Some((i + 3, Amount { count: Some(1.0), unit }));
            }
        }
        // "decades-long", "years ago", "for years", "within weeks", "in
        // coming months", "the weeks ahead": an unknown number of units.
        if let Some((unit, true)) = self.unit(i) {
            let long = self.hyphen(i + 1) && self.kw(i + 2, Kw::Long);
            let after_preposition = i > 0
                && (matches!(self.lex(i - 1), Lex::Kw(Kw::Within | Kw::Coming | Kw::Over))
                    || ["for", "in"].iter().any(|p| self.text_is(i - 1, p)));
            if long || self.kw(i + 1, Kw::Ago) || after_preposition {
                return Some((if long { i + 3 } else { i + 1 }, Amount { count: None, unit }));
            }
        }
        if after_the > i {
            if let Some((unit, true)) = self.unit(after_the) {
                if self.kw(after_the + 1, Kw::Ahead) {
                    return Some((after_the + 2, Amount { count: None, unit }));
                }
            }
        }
        // "a month-long battle": the expression is "month-long".
        if self.kw(i, Kw::A) && self.unit(i + 1).is_some() && self.hyphen(i + 2) {
            return None;
        }
        let (end, count) = self.count(i)?;
        // "two-year", "24-hour", "five-day-old"
        let (unit_at, hyphenated) = if self.hyphen(end) && count.is_some() && !self.kw(i, Kw::A) {
            (end + 1, true)
        } else {
            (end, false)
        };
        let unit_at = if self.kw(unit_at, Kw::More) && !hyphenated { unit_at + 1 } else { unit_at };
        let (unit, plural) = self.unit(unit_at)?;
        if unit == Unit::Second && !plural && !hyphenated {
            return None; // "the second", "a second time": an ordinal
        }
        if plural && count == Some(1.0) && self.kw(i, Kw::A) {
            return None;
        }
        // "the 1988 quarter": a year before a singular unit is no amount;
        // "a five year low" (transcripts drop the hyphen) is one.
        if !plural && !hyphenated && count.is_some_and(|c| c >= 100.0) {
            return None;
        }
        let mut end = unit_at + 1;
        // Ages ("a 6-year-old boy", "58 years old") are left out, as the
        // TimeML corpora leave them.
        if self.kw(end, Kw::Old) || (self.hyphen(end) && self.kw(end + 1, Kw::Old)) {
            return None;
        }
        if self.hyphen(end) && self.kw(end + 1, Kw::Long) {
            end += 2;
        }
        // "a minute and a half", "an hour and a half"
        let mut count = count;
        if !plural && self.kw(end, Kw::And) && self.kw(end + 1, Kw::A) && self.kw(end + 2, Kw::Half) {
            count = count.map(|c| c + 0.5);
            end += 3;
        }
        Some((end, Amount { count, unit }))
    }

    // ----- dates and times -----

    /// A date, a time, or a day with its time: the core of the grammar.
    fn date_time(&self, i: usize) -> Parsed {
        if let Some(found) = self.clock_phrase(i) {
            return Some(found);
        }
        let (end, expr) = self.date(i)?;
        // "Friday morning", "yesterday afternoon"
        if let Lex::DayPart(part) = self.lex(end) {
            if is_day(&expr) && !self.glued(end) {
                return Some((end + 1, Expr::WithPart(Box::new(expr), part)));
            }
        }
        // "Friday at 3 p.m." stays two expressions, as TimeML annotates it.
        Some((end, expr))
    }

    /// A clock time, optionally followed by its day: "10:35 a.m.",
    /// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6".
    fn clock_phrase(&self, i: usize) -> Parsed {
        let (end, hour, minute) = self.clock(i)?;
        let mut day_at = end;
        if self.punct(day_at, ",") {
            day_at += 1;
        }
        if let Some((day_end, day)) = self.date(day_at).filter(|(_, d)| is_day(d)) {
            return Some((day_end, Expr::Clock(Some(Box::new(day)), hour, minute)));
        }
        Some((end, Expr::Clock(None, hour, minute)))
    }

    /// "10:35 a.m.", "3 p.m.", "15:00 GMT", "noon", "midnight".
    fn clock(&self, i: usize) -> Option<(usize, u8, Option<u8>)> {
        match self.lex(i) {
            Lex::Kw(Kw::Noon | Kw::Midday) => return Some((i + 1, 12, Some(0))),
            Lex::Kw(Kw::Midnight) => return Some((i + 1, 24, None)),
            _ => {}
        }
        let Lex::Digits(hour, 1..=2) = self.lex(i) else {
            return None;
        };
        let mut end = i + 1;
        let mut minute = None;
        if self.punct(end, ":") && self.glued(end) && self.glued(end + 1) {
            if let Lex::Digits(m @ 0..=59, 2) = self.lex(end + 1) {
                minute = Some(m as u8);
                end += 2;
            } else {
                return None;
            }
        }
        let (after, meridiem) = self.meridiem(end);
        if meridiem.is_none() && minute.is_none() {
            return None;
        }
        // "3 p.m." is 15:00, as the TimeML gold writes it.
        let minute = minute.or(meridiem.map(|_| 0));
        let hour = match meridiem {
            Some(true) if (1..=11).contains(&hour) => hour + 12,
            Some(false) if hour == 12 => 0,
            Some(_) if !(1..=12).contains(&hour) => return None,
            _ if hour > 23 => return None,
            _ => hour,
        };
        let mut end = after;
        if self.time_zone(end) {
            end += 1;
        }
        Some((end, hour as u8, minute))
    }

    /// "a.m.", "p.m", "am", "PM": Some(true) for the afternoon.
    fn meridiem(&self, i: usize) -> (usize, Option<bool>) {
        match self.lex(i) {
            Lex::Kw(Kw::Am) => return (i + 1, Some(false)),
            Lex::Kw(Kw::Pm) => return (i + 1, Some(true)),
            _ => {}
        }
        let first = self.word(i).text.to_ascii_lowercase();
        if (first == "a" || first == "p")
            && self.punct(i + 1, ".")
            && self.glued(i + 1)
            && self.text_is(i + 2, "m")
            && self.glued(i + 2)
        {
            let end = if self.punct(i + 3, ".") && self.glued(i + 3) { i + 4 } else { i + 3 };
            return (end, Some(first == "p"));
        }
        (i, None)
    }

    fn time_zone(&self, i: usize) -> bool {
        const ZONES: &[&str] =
            &["GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST"];
        ZONES.contains(&self.word(i).text)
    }

    /// A date of any granularity, without modifiers.
    fn date(&self, i: usize) -> Parsed {
        let candidates = [
            self.month_date(i),
            self.day_month(i),
            self.weekday_date(i),
            self.numeric_date(i),
            self.year(i).map(|(end, y)| (end, Expr::Point(Point::Year(y)))),
            self.decade(i),
            self.century(i),
            self.quarter(i),
            self.half(i),
            self.season(i),
            self.relative_word(i),
            self.deictic(i),
            self.fiscal(i),
            self.year_earlier(i),
            self.neighbour_day(i),
            self.anaphor(i),
            self.year_words(i).map(|(end, y)| (end, Expr::Point(Point::Year(y)))),
            self.holiday(i),
        ];
        candidates.into_iter().flatten().max_by_key(|(end, _)| *end)
    }

    /// A month name, capitalised, with its abbreviation period.
    fn month(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.word(i);
        let Lex::Month(m) = w.lex else { return None };
        if !w.capitalized {
            return None;
        }
        let abbreviated =
            w.text.len() <= 4 && !matches!(w.text.to_ascii_lowercase().as_str(), "may" | "june" | "july");
        if abbreviated {
            if self.punct(i + 1, ".") && self.glued(i + 1) {
                return Some((i + 2, m));
            }
            // "Sept 30" without the period still needs a number after it.
            return matches!(self.lex(i + 1), Lex::Digits(..)).then_some((i + 1, m));
        }
        Some((i + 1, m))
    }

    /// A day of the month in digits, with an optional suffix: "25", "25th".
    fn day_number(&self, i: usize) -> Option<(usize, u8)> {
        let Lex::Digits(d @ 1..=31, 1..=2) = self.lex(i) else {
            return None;
        };
        let suffix = ["st", "nd", "rd", "th"].iter().any(|s| self.text_is(i + 1, s)) && self.glued(i + 1);
        Some((if suffix { i + 2 } else { i + 1 }, d as u8))
    }

    /// A four-digit year that reads as a year, not as a quantity.
    fn year(&self, i: usize) -> Option<(usize, i16)> {
        let (end, year) = self.year_digits(i)?;
        let next = self.word(end);
        let lower = next.text.to_ascii_lowercase();
        // "2000 people" counts; "the 1992 protests" dates (news style
        // writes counts of a thousand or more with a comma).
        let determiner =
            i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::The | Kw::In | Kw::Of | Kw::Since | Kw::By));
        let counted_noun = !next.punct
            && !next.capitalized
            && next.lex == Lex::Other
            && (COUNT_NOUNS.contains(&lower.as_str())
                || (!determiner && lower.ends_with('s') && !VERB_LIKE_S.contains(&lower.as_str())));
        (!counted_noun).then_some((end, year))
    }

    /// Four digits that can be a year (1000 to 2199) and are not part of a
    /// larger number, an amount of money, a percentage or a decade.
    fn year_digits(&self, i: usize) -> Option<(usize, i16)> {
        let Lex::Digits(y @ 1000..=2199, 4) = self.lex(i) else {
            return None;
        };
        let before_glued = |p: &str| i > 0 && self.punct(i - 1, p) && self.glued(i);
        if (i > 0 && self.punct(i - 1, "$")) || before_glued(",") || before_glued(".") {
            return None;
        }
        let next = self.word(i + 1);
        let glued_number = self.glued(i + 1)
            && next.punct
            && matches!(next.text, "," | "." | "-" | ":" | "/")
            && self.glued(i + 2)
            && matches!(self.lex(i + 2), Lex::Digits(..));
        let percent = next.text == "%" || next.text.eq_ignore_ascii_case("percent");
        // "1990s" and "1990's" are decades, handled elsewhere.
        let decade = self.glued(i + 1)
            && (self.text_is(i + 1, "s") || self.punct(i + 1, "'") && self.text_is(i + 2, "s"));
        (!glued_number && !percent && !decade).then_some((i + 1, y as i16))
    }

    /// "November 25", "Nov. 25, 2020", "November 2020", "November of 2020",
    /// "November".
    fn month_date(&self, i: usize) -> Parsed {
        let (end, month) = self.month(i)?;
        if let Some((day_end, day)) = self.day_number(end) {
            let clock = self.punct(day_end, ":") && matches!(self.lex(day_end + 1), Lex::Digits(..));
            let quantity = matches!(self.lex(day_end), Lex::Unit(..)) || self.hyphen(day_end);
            if !clock && !quantity {
                let date = |y| jiff::civil::Date::new(y, month as i8, day as i8).ok();
                return match self.year_slot(day_end, false) {
                    Some((year_end, YearSlot::Absolute(y))) => {
                        Some((year_end, Expr::Point(Point::Day(date(y)?))))
                    }
                    Some((year_end, YearSlot::Relative(n))) => {
                        // A leap year holds every day of every month.
                        Some((year_end, Expr::InRelativeYear(n, Point::Day(date(2000)?))))
                    }
                    None => Some((day_end, Expr::MonthDay(month, Some(day)))),
                };
            }
        }
        match self.year_slot(end, true) {
            Some((year_end, YearSlot::Absolute(y))) => {
                return Some((year_end, Expr::Point(Point::Month(y, month))))
            }
            Some((year_end, YearSlot::Relative(n))) => {
                return Some((year_end, Expr::InRelativeYear(n, Point::Month(0, month))))
            }
            None => {}
        }
        // A month alone needs a word before it that expects a date ("in
        // March") or punctuation after it: "May" and "March" are verbs too.
        let closes = self.word(end).punct
            || end >= self.words.len()
            || matches!(self.lex(end), Lex::Kw(Kw::And | Kw::Or | Kw::To));
        if !self.month_context(i) && (month == 5 || !closes) {
            return None;
        }
        Some((end, Expr::MonthDay(month, None)))
    }

    /// The year after a month or a day: ", 2020", "of 2020", "2020",
    /// "nineteen ninety-six", or "this year", "last year", "next year".
    fn year_slot(&self, i: usize, allow_of: bool) -> Option<(usize, YearSlot)> {
        let mut j = i;
        if self.punct(j, ",") || (allow_of && self.kw(j, Kw::Of)) {
            j += 1;
        }
        if let Some((end, year)) = self.year_digits(j).or_else(|| self.year_words(j)) {
            return Some((end, YearSlot::Absolute(year)));
        }
        if j > i || self.lex(i + 1) != Lex::Unit(Unit::Year, false) {
            return None;
        }
        let offset = match self.lex(i) {
            Lex::Kw(Kw::This) => 0,
            Lex::Kw(Kw::Last) => -1,
            Lex::Kw(Kw::Next) => 1,
            _ => return None,
        };
        Some((i + 2, YearSlot::Relative(offset)))
    }

    /// A year in words, as transcripts write it: "nineteen ninety-six",
    /// "two thousand", "two thousand and one".
    fn year_words(&self, i: usize) -> Option<(usize, i16)> {
        match (self.lex(i), self.lex(i + 1)) {
            (Lex::Cardinal(century @ (19 | 20)), Lex::Cardinal(tens)) if (10..100).contains(&tens) => {
                let (end, rest) = self.number(i + 1)?;
                (rest < 100.0).then_some((end, (century * 100 + rest as u32) as i16))
            }
            (Lex::Cardinal(2), Lex::Cardinal(1000)) => {
                let mut end = i + 2;
                if self.kw(end, Kw::And) {
                    end += 1;
                }
                match self.number(end) {
                    Some((e, n)) if n < 100.0 && n.fract() == 0.0 => Some((e, 2000 + n as i16)),
                    _ => Some((i + 2, 2000)),
                }
            }
            _ => None,
        }
    }

    /// Words before a bare month that show it is one: "in May", "since May".
    fn month_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let before = self.word(i - 1);
        matches!(
            before.lex,
            Lex::Kw(
                Kw::In
                    | Kw::Of
                    | Kw::By
                    | Kw::Early
                    | Kw::Mid
                    | Kw::Late
                    | Kw::Last
                    | Kw::Next
                    | Kw::This
                    | Kw::From
                    | Kw::To
            )
        ) || before.text.eq_ignore_ascii_case("since")
            || before.text.eq_ignore_ascii_case("until")
            || before.text.eq_ignore_ascii_case("during")
            || before.text.eq_ignore_ascii_case("through")
            || before.text.eq_ignore_ascii_case("between")
            || before.text.eq_ignore_ascii_case("for")
            || before.text.eq_ignore_ascii_case("the")
            || before.text.eq_ignore_ascii_case("and")
            || before.text.eq_ignore_ascii_case("or")
            || (before.punct && before.text == "-")
    }

    /// "25 November 2020", "25th November", "the 25th of November".
    fn day_month(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let (mut end, day) = self.day_number(start)?;
        if start > i || self.kw(end, Kw::Of) {
            if !self.kw(end, Kw::Of) {
                return None;
            }
            end += 1;
        }
        let (end, month) = self.month(end)?;
        let mut year_at = end;
        if self.punct(year_at, ",") {
            year_at += 1;
        }
        if let Some((year_end, year)) = self.year(year_at) {
            return Some((year_end, day_point(year, month, day)?));
        }
        Some((end, Expr::MonthDay(month, Some(day))))
    }

    /// "Friday", "Wednesday, November 25": the weekday alone, or as a label
    /// in front of the full date.
    fn weekday_date(&self, i: usize) -> Parsed {
        let (end, weekday) = self.weekday(i)?;
        let after = if self.punct(end, ",") { end + 1 } else { end };
        if let Some(found) = self.month_date(after).or_else(|| self.day_month(after)) {
            if matches!(found.1, Expr::MonthDay(_, Some(_)) | Expr::Point(Point::Day(_))) {
                return Some(found);
            }
        }
        Some((end, Expr::Weekday(weekday)))
    }

    /// A weekday name; abbreviations need their period.
    fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.word(i);
        let Lex::Weekday(d) = w.lex else { return None };
        if !w.capitalized {
            return None;
        }
        if w.text.len() <= 5 && !w.text.to_ascii_lowercase().ends_with("day") {
            return (self.punct(i + 1, ".") && self.glued(i + 1)).then_some((i + 2, d));
        }
        Some((i + 1, d))
    }

    /// "2020-11-25", "2020-11", "11/25/2020", "11/25/20".
    fn numeric_date(&self, i: usize) -> Parsed {
        let Lex::Digits(a, alen) = self.lex(i) else {
            return None;
        };
        let sep = self.word(i + 1).text;
        if !(self.punct(i + 1, "-") || self.punct(i + 1, "/")) || !self.glued(i + 1) || !self.glued(i + 2) {
            return None;
        }
        let Lex::Digits(b, blen) = self.lex(i + 2) else {
            return None;
        };
        let third = (self.punct(i + 3, sep) && self.glued(i + 3) && self.glued(i + 4))
            .then(|| match self.lex(i + 4) {
                Lex::Digits(c, clen) => Some((c, clen)),
                _ => None,
            })
            .flatten();
        if sep == "-" && alen == 4 && blen == 2 {
            let (year, month) = (a as i16, b as u8);
            if !(1..=12).contains(&month) {
                return None;
            }
            return match third {
                Some((day, 2)) => Some((i + 5, day_point(year, month, day as u8)?)),
                None => Some((i + 3, Expr::Point(Point::Month(year, month)))),
                _ => None,
            };
        }
        if sep == "/" && alen <= 2 && blen <= 2 {
            let (c, clen) = third?;
            let year = match clen {
                4 => c as i16,
                2 if c >= 50 => 1900 + c as i16,
                2 => 2000 + c as i16,
                _ => return None,
            };
            return Some((i + 5, day_point(year, u8::try_from(a).ok()?, u8::try_from(b).ok()?)?));
        }
        None
    }

    /// "the 1990s", "1990's", "the '90s", "the nineties".
    fn decade(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        if let Lex::DecadeWord(d) = self.lex(start) {
            return Some((start + 1, Expr::DecadeOf((d / 10) as u8)));
        }
        let plural_s = |j: usize| -> Option<usize> {
            if self.text_is(j, "s") && self.glued(j) {
                Some(j + 1)
            } else if self.punct(j, "'") && self.glued(j) && self.text_is(j + 1, "s") && self.glued(j + 1) {
                Some(j + 2)
            } else {
                None
            }
        };
        match self.lex(start) {
            Lex::Digits(y, 4) if y % 10 == 0 && (1000..2200).contains(&y) => {
                let end = plural_s(start + 1)?;
                Some((end, Expr::Point(Point::Decade((y / 10) as i16))))
            }
            _ if self.punct(start, "'") || self.punct(start, "‘") || self.punct(start, "’") => {
                let Lex::Digits(y, 2) = self.lex(start + 1) else {
                    return None;
                };
                if y % 10 != 0 || !self.glued(start + 1) {
                    return None;
                }
                let end = plural_s(start + 2)?;
                Some((end, Expr::DecadeOf((y / 10) as u8)))
            }
            _ => None,
        }
    }

    /// "the 20th century", "the nineteenth century".
    fn century(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let (end, n) = match self.lex(start) {
            Lex::Ordinal(n) => (start + 1, n),
            Lex::Digits(n, 1..=2) if ["st", "nd", "rd", "th"].iter().any(|s| self.text_is(start + 1, s)) => {
                (start + 2, n)
            }
            _ => return None,
        };
        let end = if self.hyphen(end) { end + 1 } else { end };
        if self.lex(end) != Lex::Unit(Unit::Century, false) || n == 0 {
            return None;
        }
        Some((end + 1, Expr::Point(Point::Century((n - 1) as i16))))
    }

    /// An explicit year after a period: "of 2019", ", 2019", "2019" or
    /// "fiscal 2019"; returns the end and the year.
    fn of_year(&self, i: usize) -> Option<(usize, i16)> {
        let mut j = i;
        if self.kw(j, Kw::Of) || self.punct(j, ",") {
            j += 1;
        }
        if self.kw(j, Kw::Fiscal) {
            j += 1;
            if self.lex(j) == Lex::Unit(Unit::Year, false) {
                j += 1;
            }
        }
        self.year(j).or_else(|| self.year_words(j))
    }

    /// "the third quarter", "third-quarter", "the fourth quarter of 1989",
    /// "Q3 2020", "the fiscal first quarter", "the latest quarter".
    fn quarter(&self, i: usize) -> Parsed {
        let mut start = self.skip_the(i);
        // "the 1988 second quarter", "1989's third quarter"
        if let Some((year_end, year)) = self.year(start) {
            let after = if self.punct(year_end, "'") && self.text_is(year_end + 1, "s") {
                year_end + 2
            } else {
                year_end
            };
            return match self.quarter(after) {
                Some((end, Expr::QuarterOf(q))) => Some((end, Expr::Point(Point::Quarter(year, q)))),
                _ => None,
            };
        }
        if self.kw(start, Kw::Fiscal) {
            start += 1;
        }
        // "Q3"
        if self.text_is(start, "q") && self.glued(start + 1) {
            if let Lex::Digits(q @ 1..=4, 1) = self.lex(start + 1) {
                return Some(self.with_year(
                    start + 2,
                    |y| Point::Quarter(y, q as u8),
                    Expr::QuarterOf(q as u8),
                ));
            }
        }
        let (q_at, which) = match self.lex(start) {
            Lex::Ordinal(q @ 1..=4) => (start + 1, Some(q as u8)),
            _ => (start, None),
        };
        let q_at = if which.is_some() && self.hyphen(q_at) { q_at + 1 } else { q_at };
        let mut unit_at = q_at;
        if self.kw(unit_at, Kw::Fiscal) {
            unit_at += 1;
        }
        if self.lex(unit_at) != Lex::Unit(Unit::Quarter, false) {
            // "the latest quarter", "the same quarter", "the quarter"
            return None;
        }
        match which {
            Some(q) => Some(self.with_year(unit_at + 1, |y| Point::Quarter(y, q), Expr::QuarterOf(q))),
            None if start > i && (q_at == start) => Some((unit_at + 1, Expr::ReportedQuarter)),
            None => None,
        }
    }

    /// Follows a partial period with an optional explicit year.
    fn with_year(&self, i: usize, point: impl Fn(i16) -> Point, without: Expr) -> (usize, Expr) {
        match self.of_year(i) {
            Some((end, year)) => (end, Expr::Point(point(year))),
            None => (i, without),
        }
    }

    /// "the first half of 2019", "the second half".
    fn half(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let Lex::Ordinal(h @ 1..=2) = self.lex(start) else {
            return None;
        };
        let at = if self.hyphen(start + 1) { start + 2 } else { start + 1 };
        if !self.kw(at, Kw::Half) {
            return None;
        }
        Some(self.with_year(at + 1, |y| Point::Half(y, h as u8), Expr::HalfOf(h as u8)))
    }

    /// "the autumn of 2020", "summer 2019", "the spring".
    fn season(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let Lex::Season(season) = self.lex(start) else {
            return None;
        };
        let (end, expr) = self.with_year(start + 1, |y| Point::Season(y, season), Expr::SeasonOf(season));
        // "spring" and "fall" are also verbs and nouns ("the fall of the
        // wall"): a season without a year needs a preposition before it.
        if matches!(expr, Expr::SeasonOf(_)) && (!self.season_context(i) || self.kw(end, Kw::Of)) {
            return None;
        }
        Some((end, expr))
    }

    fn season_context(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1).map(|b| self.word(b)) else {
            return false;
        };
        matches!(before.lex, Lex::Kw(Kw::In | Kw::By | Kw::Early | Kw::Late | Kw::Mid | Kw::Of))
            || ["since", "until", "during"].iter().any(|w| before.text.eq_ignore_ascii_case(w))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "the day before
    /// yesterday", "this morning", "last night".
    fn relative_word(&self, i: usize) -> Parsed {
        match self.lex(i) {
            Lex::Kw(Kw::Today) => Some((i + 1, Expr::Relative(Unit::Day, 0))),
            Lex::Kw(Kw::Yesterday) => Some((i + 1, Expr::Relative(Unit::Day, -1))),
            Lex::Kw(Kw::Tomorrow) => Some((i + 1, Expr::Relative(Unit::Day, 1))),
            Lex::Kw(Kw::Tonight) => {
                Some((i + 1, Expr::WithPart(Box::new(Expr::Relative(Unit::Day, 0)), DayPart::Night)))
            }
            Lex::Kw(Kw::This) => match self.lex(i + 1) {
                Lex::DayPart(part) => {
                    Some((i + 2, Expr::WithPart(Box::new(Expr::Relative(Unit::Day, 0)), part)))
                }
                _ => None,
            },
            Lex::Kw(Kw::Last) if self.lex(i + 1) == Lex::DayPart(DayPart::Night) => {
                Some((i + 2, Expr::WithPart(Box::new(Expr::Relative(Unit::Day, -1)), DayPart::Night)))
            }
            Lex::Kw(Kw::The) if self.lex(i + 1) == Lex::Unit(Unit::Day, false) => {
                match (self.lex(i + 2), self.lex(i + 3)) {
                    (Lex::Kw(Kw::Before), Lex::Kw(Kw::Yesterday)) => {
                        Some((i + 4, Expr::Relative(Unit::Day, -2)))
                    }
                    (Lex::Kw(Kw::After), Lex::Kw(Kw::Tomorrow)) => {
                        Some((i + 4, Expr::Relative(Unit::Day, 2)))
                    }
                    _ => None,
                }
            }
            _ => None,
        }
    }

    /// "last week", "this year", "next month", "last Friday", "this
    /// September", "next summer", "the coming week", "this year's third
    /// quarter", "the weekend".
    fn deictic(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let direction = match self.lex(start) {
            // "the next year" is anaphoric: see `neighbour_day`.
            Lex::Kw(Kw::Next | Kw::Following | Kw::Previous) if start > i => return None,
            Lex::Kw(Kw::Last | Kw::Past | Kw::Previous) => -1,
            Lex::Kw(Kw::This | Kw::Current | Kw::Same)
                if start == i || self.kw(start, Kw::Current) || self.kw(start, Kw::Same) =>
            {
                0
            }
            Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) => 1,
            Lex::Kw(Kw::Latest) => -1,
            Lex::Unit(Unit::Weekend, false) if start > i => return Some((start + 1, Expr::Weekend)),
            Lex::Unit(Unit::Year, false) if start > i => {
                // "the year 2000", "the year two thousand"
                if let Some((end, y)) = self.year(start + 1).or_else(|| self.year_words(start + 1)) {
                    return Some((end, Expr::Point(Point::Year(y))));
                }
                return Some((start + 1, self.year_in_focus(start + 1)));
            }
            Lex::Kw(Kw::Fiscal) if start > i && self.lex(start + 1) == Lex::Unit(Unit::Year, false) => {
                return Some((start + 2, self.year_in_focus(start + 2)));
            }

            Lex::Unit(Unit::Quarter, false) if start > i => return Some((start + 1, Expr::ReportedQuarter)),
            Lex::Unit(Unit::Month, false) if start > i => {
                return Some((start + 1, Expr::Relative(Unit::Month, 0)))
            }
            // "the full year": the year being reported.
            Lex::Kw(Kw::Full) if start > i && self.lex(start + 1) == Lex::Unit(Unit::Year, false) => {
                return Some((start + 2, Expr::ReportedYear));
            }
            _ => return None,
        };
        // "the past year" and "the last week" are durations (see `amount`),
        // "the latest quarter" is the one being reported.
        let j = start + 1;
        let expr = match self.lex(j) {
            Lex::Weekday(d) if self.weekday(j).is_some() => Expr::WeekdayRelative(d, direction),
            Lex::Month(m) if self.word(j).capitalized => Expr::MonthRelative(m, direction),
            Lex::Season(s) => Expr::SeasonRelative(s, direction),
            Lex::Unit(Unit::Quarter, false) if self.kw(start, Kw::Latest) || self.kw(start, Kw::Same) => {
                Expr::ReportedQuarter
            }
            Lex::Unit(Unit::Weekend, false) => Expr::Relative(Unit::Weekend, direction),
            Lex::Unit(
                unit @ (Unit::Day
                | Unit::Week
                | Unit::Month
                | Unit::Quarter
                | Unit::Year
                | Unit::Decade
                | Unit::Century),
                false,
            ) => {
                if unit == Unit::Day && direction != 0 {
                    return None; // "the next day" is anaphoric, see `neighbour_day`
                }
                if start > i && self.kw(start, Kw::Past) {
                    return None;
                }
                Expr::Relative(unit, direction)
            }
            Lex::Kw(Kw::Fiscal) if self.lex(j + 1) == Lex::Unit(Unit::Year, false) => {
                return Some((j + 2, Expr::Relative(Unit::Year, direction)));
            }
            _ => return None,
        };
        let end = j + 1;
        // "this year's third quarter", "last year's first half"
        if let Expr::Relative(Unit::Year, offset) = expr {
            if self.punct(end, "'") && self.text_is(end + 1, "s") {
                match self.quarter(end + 2).or_else(|| self.half(end + 2)) {
                    Some((q_end, Expr::QuarterOf(q))) => {
                        return Some((q_end, Expr::InRelativeYear(offset, Point::Quarter(0, q))))
                    }
                    Some((h_end, Expr::HalfOf(h))) => {
                        return Some((h_end, Expr::InRelativeYear(offset, Point::Half(0, h))))
                    }
                    _ => {}
                }
            }
        }
        Some((end, expr))
    }

    /// "the year" in "the year ended June 30" is a twelve-month period;
    /// otherwise it is the year in focus.
    fn year_in_focus(&self, after: usize) -> Expr {
        let period = ["ended", "ending", "ends", "to"].iter().any(|w| self.text_is(after, w));
        if period {
            Expr::Duration(Amount { count: Some(1.0), unit: Unit::Year })
        } else {
            Expr::ReportedYear
        }
    }

    /// "Thanksgiving Day", "last Christmas", "Easter 2000".
    fn holiday(&self, i: usize) -> Parsed {
        let direction = match self.lex(i) {
            Lex::Kw(Kw::Last) => Some(-1),
            Lex::Kw(Kw::Next) => Some(1),
            Lex::Kw(Kw::This) => Some(0),
            _ => None,
        };
        let start = if direction.is_some() { i + 1 } else { i };
        let names: Vec<&str> =
            (start..(start + 5).min(self.words.len())).map(|j| self.word(j).text).collect();
        let (len, holiday) = crate::holiday::holiday(&names)?;
        let end = start + len;
        if let Some((year_end, year)) = self.year_digits(end) {
            let date = holiday.in_year(year)?;
            return Some((year_end, Expr::Point(Point::Day(date))));
        }
        Some((end, Expr::Holiday(holiday, direction)))
    }

    /// "that year", "that quarter", "that day", "the latest period": the
    /// period in focus.
    fn anaphor(&self, i: usize) -> Parsed {
        if self.kw(i, Kw::That) {
            return match self.lex(i + 1) {
                Lex::Unit(Unit::Year, false) => Some((i + 2, Expr::InFocus(Unit::Year))),
                Lex::Unit(Unit::Quarter, false) => Some((i + 2, Expr::InFocus(Unit::Quarter))),
                Lex::Unit(Unit::Month, false) => Some((i + 2, Expr::InFocus(Unit::Month))),
                Lex::Unit(Unit::Day, false) => Some((i + 2, Expr::InFocus(Unit::Day))),
                _ => None,
            };
        }
        let start = self.skip_the(i);
        if start > i
            && matches!(self.lex(start), Lex::Kw(Kw::Latest | Kw::Same))
            && self.text_is(start + 1, "period")
        {
            return Some((start + 2, Expr::ReportedQuarter));
        }
        None
    }

    /// "fiscal 1989", "fiscal year 2021", "FY2021", "fiscal '89".
    fn fiscal(&self, i: usize) -> Parsed {
        if !self.kw(i, Kw::Fiscal) {
            return None;
        }
        let mut j = i + 1;
        if self.lex(j) == Lex::Unit(Unit::Year, false) {
            j += 1;
        }
        if let Some((end, year)) = self.year_digits(j) {
            return Some((end, Expr::Point(Point::Year(year))));
        }
        if self.punct(j, "'") {
            if let Lex::Digits(y, 2) = self.lex(j + 1) {
                let year = if y >= 50 { 1900 + y } else { 2000 + y };
                return Some((j + 2, Expr::Point(Point::Year(year as i16))));
            }
        }
        None
    }

    /// "year-earlier", "year-ago", "the year-earlier quarter": the period a
    /// year before the one in focus.
    fn year_earlier(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        if self.lex(start) != Lex::Unit(Unit::Year, false) || !self.hyphen(start + 1) {
            return None;
        }
        if !matches!(self.lex(start + 2), Lex::Kw(Kw::Earlier | Kw::Ago)) {
            return None;
        }
        let end = start + 3;
        // "the year-ago third quarter"
        if let Some((q_end, Expr::QuarterOf(q))) = self.quarter(end) {
            return Some((q_end, Expr::InRelativeYear(-1, Point::Quarter(0, q))));
        }
        if self.lex(end) == Lex::Unit(Unit::Quarter, false) {
            return Some((end + 1, Expr::YearEarlier { quarter: true }));
        }
        if self.text_is(end, "period") {
            return Some((end + 1, Expr::YearEarlier { quarter: false }));
        }
        (start == i).then_some((end, Expr::YearEarlier { quarter: false }))
    }

    /// "the next day", "the following year", "the previous week": a
    /// period after or before the one in focus.
    fn neighbour_day(&self, i: usize) -> Parsed {
        if !self.kw(i, Kw::The) {
            return None;
        }
        let direction = match self.lex(i + 1) {
            Lex::Kw(Kw::Next | Kw::Following) => 1,
            Lex::Kw(Kw::Previous) => -1,
            _ => return None,
        };
        match self.lex(i + 2) {
            Lex::Unit(unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) => {
                let amount = Amount { count: Some(1.0), unit };
                Some((i + 3, Expr::Shift { amount, direction, from_reference: true }))
            }
            _ => None,
        }
    }

    // ----- modifiers -----

    /// "early 2019", "mid-December", "late last year", "the end of 1990",
    /// "earlier this month", "the beginning of the year".
    fn modified(&self, i: usize) -> Option<Found> {
        use TimexMod::*;
        let (core_at, modifier) = match self.lex(i) {
            Lex::Kw(Kw::Early) => (i + 1, Start),
            Lex::Kw(Kw::Mid) => (if self.hyphen(i + 1) { i + 2 } else { i + 1 }, Mid),
            Lex::Kw(Kw::Late) => (i + 1, End),
            Lex::Kw(Kw::Earlier)
                if matches!(self.lex(i + 1), Lex::Kw(Kw::This) | Lex::Weekday(_) | Lex::Kw(Kw::Today)) =>
            {
                (i + 1, Start)
            }
            Lex::Kw(Kw::Later)
                if matches!(self.lex(i + 1), Lex::Kw(Kw::This) | Lex::Weekday(_) | Lex::Kw(Kw::Today)) =>
            {
                (i + 1, End)
            }
            Lex::Kw(Kw::The) => {
                let m = match self.lex(i + 1) {
                    Lex::Kw(Kw::End) => End,
                    Lex::Kw(Kw::Beginning | Kw::Start) => Start,
                    Lex::Kw(Kw::Middle) => Mid,
                    _ => return None,
                };
                if !self.kw(i + 2, Kw::Of) {
                    return None;
                }
                (i + 3, m)
            }
            _ => return None,
        };
        // "the early 1990s" puts the modifier after "the".
        let (end, expr) = if let Lex::DayPart(part) = self.lex(core_at) {
            (core_at + 1, Expr::WithPart(Box::new(Expr::Relative(Unit::Day, 0)), part))
        } else {
            self.date_time(core_at)?
        };
        if matches!(expr, Expr::Clock(..)) {
            return None;
        }
        Some(Found { first: i, last: end, expr, modifier: Some(modifier) })
    }

    // ----- sets and references -----

    /// "daily", "every week", "each Thursday", "every morning", "per year",
    /// "twice a month", "Tuesday nights".
    fn set(&self, i: usize) -> Parsed {
        if let Lex::Kw(Kw::Frequency(unit)) = self.lex(i) {
            // "paid quarterly" recurs; "a quarterly dividend" describes a
            // noun, and the gold standards leave it out ("daily" excepted).
            let next = self.word(i + 1);
            let before_noun = !next.punct && next.lex == Lex::Other && !next.capitalized && unit != Unit::Day;
            if before_noun && !FUNCTION_WORDS.contains(&next.text.to_ascii_lowercase().as_str()) {
                return None;
            }
            return Some((i + 1, Expr::Set(Amount { count: Some(1.0), unit }.to_string())));
        }
        let (j, explicit) = match self.lex(i) {
            Lex::Kw(Kw::Every | Kw::Each | Kw::Per) => (i + 1, true),
            Lex::Kw(Kw::A) if i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::Times)) => (i + 1, true),
            _ => (i, false),
        };
        if explicit {
            if let Some((end, count)) = self.number(j) {
                if let Some((unit, true)) = self.unit(end) {
                    return Some((end + 1, Expr::Set(Amount { count: Some(count), unit }.to_string())));
                }
            }
            match self.lex(j) {
                Lex::Unit(unit, false) if unit != Unit::Weekend => {
                    return Some((j + 1, Expr::Set(Amount { count: Some(1.0), unit }.to_string())));
                }
                Lex::Weekday(d) => return Some((j + 1, Expr::Set(format!("XXXX-WXX-{d}")))),
                // "each July"
                Lex::Month(m) if self.word(j).capitalized => {
                    return Some((j + 1, Expr::Set(format!("XXXX-{m:02}"))));
                }
                Lex::DayPart(part) => return Some((j + 1, Expr::Set(format!("XXXX-XX-XXT{}", part.code())))),
                _ => return None,
            }
        }
        None
    }

    /// "now", "currently", "recently", "the past", "the future", "soon",
    /// "these days", "the near future".
    fn reference(&self, i: usize) -> Parsed {
        let w = self.word(i);
        match w.lex {
            Lex::Kw(Kw::Now) => Some((i + 1, Expr::Ref(Reference::Present))),
            Lex::Kw(Kw::Ref(r)) => Some((i + 1, Expr::Ref(r))),
            // "recent years" is a vague past; "recent weeks" a vague
            // duration; "recent" and "current" alone are adjectives the
            // gold standards rarely annotate.
            Lex::Kw(Kw::Recent) => match self.lex(i + 1) {
                Lex::Unit(Unit::Year | Unit::Decade, true) => Some((i + 2, Expr::Ref(Reference::Past))),
                Lex::Unit(unit, true) => Some((i + 2, Expr::Duration(Amount { count: None, unit }))),
                _ => None,
            },
            Lex::Kw(Kw::These) if self.lex(i + 1) == Lex::Unit(Unit::Day, true) => {
                Some((i + 2, Expr::Ref(Reference::Present)))
            }
            Lex::Kw(Kw::The) => match (self.lex(i + 1), self.lex(i + 2)) {
                (Lex::Kw(Kw::Past), next)
                    if !matches!(
                        next,
                        Lex::Unit(..)
                            | Lex::Digits(..)
                            | Lex::Cardinal(_)
                            | Lex::Kw(Kw::Few | Kw::Several | Kw::Couple)
                    ) =>
                {
                    Some((i + 2, Expr::Ref(Reference::Past)))
                }
                (Lex::Kw(Kw::Future), _) => Some((i + 2, Expr::Ref(Reference::Future))),
                (Lex::Kw(Kw::Near), Lex::Kw(Kw::Future)) => Some((i + 3, Expr::Ref(Reference::Future))),
                (Lex::Kw(Kw::Moment), _) if i > 0 && self.kw(i - 1, Kw::At) => {
                    Some((i + 2, Expr::Ref(Reference::Present)))
                }
                _ => None,
            },
            _ => None,
        }
    }
}

/// Whether an expression names one day (so a part of day can follow it).
fn is_day(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Weekday(_)
            | Expr::WeekdayRelative(..)
            | Expr::MonthDay(_, Some(_))
            | Expr::Point(Point::Day(_))
            | Expr::Relative(Unit::Day, _)
            | Expr::Shift { amount: Amount { unit: Unit::Day, .. }, .. }
    )
}

fn day_point(year: i16, month: u8, day: u8) -> Option<Expr> {
    let date = jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
    Some(Expr::Point(Point::Day(date)))
}
