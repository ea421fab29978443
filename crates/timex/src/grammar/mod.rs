//! Recognition: which tokens form a temporal expression, and what it means
//! before it is resolved against the document's date.
//!
//! The grammar is a set of small hand-written parsers over classified
//! tokens. Each returns the index one past its last token and an [`Expr`];
//! [`Grammar::longest_at`] tries them all and keeps the longest match.

mod amounts;
mod calendar;
mod clock;
mod informal;
mod modifiers;
mod numbers;
mod periods;
mod relative;
mod sets;

use crate::lexicon::{classify, classify_informal, DayPart, Kw, Lex, Reference, Season, Unit};
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
    /// "the previous Friday" (-1), "the following Monday" (+1): the
    /// weekday before or after the day in focus.
    NeighbourWeekday(u8, i32),
    /// "last March 3" (-1), "next Jan. 1" (+1), "this May 5" (0).
    MonthDayRelative(u8, u8, i32),
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
        /// "the following year" names the whole year after, not the
        /// point a year after ("a year later").
        whole: bool,
    },
    /// "July 25 of that year", "November of the same year": a period of
    /// the year in focus; the point's own year is a placeholder.
    InFocusYear(Point),
    /// "this year's third quarter": a period of a year relative to the
    /// document's date; the point's own year is a placeholder.
    InRelativeYear(i32, Point),
    /// "the year-ago quarter", "year-earlier": the period in focus, a year
    /// before; with `quarter`, the period is a quarter.
    YearEarlier {
        quarter: bool,
    },
    /// "the 1988 quarter": the period in focus (a quarter or a half), in
    /// that year; the year when none is in focus.
    PeriodOfYear(i16),
    /// A holiday whose year the context decides; "last Christmas" is -1.
    Holiday(crate::holiday::Holiday, Option<i32>),
    /// "that year", "that day": the period in focus, at this granularity.
    InFocus(Unit),
    /// "the quarter", "the latest quarter": the quarter being reported on.
    ReportedQuarter,
    /// "the year": the year in focus.
    ReportedYear,
    /// A part of some day not told: "fled at night", "night raids".
    PartOfAnyDay(DayPart),
    /// A day expression with a part of the day: "Friday morning".
    WithPart(Box<Expr>, DayPart),
    /// "the first Monday of this month" (`nth` 1), "the last Friday of
    /// October" (-1): a weekday counted in a month.
    NthWeekday {
        nth: i8,
        weekday: u8,
        month: Box<Expr>,
    },
    /// A clock time, on the day of an expression or of the context.
    Clock(Option<Box<Expr>>, u8, Option<u8>),
    Duration(Amount),
    /// A recurrence, with its TIMEX3 value.
    Set(dateline_core::TimexValue),
    Ref(Reference),
}

/// The year part of a date: written out, or relative to the article.
enum YearSlot {
    Absolute(i16),
    Relative(i32),
    /// "of that year", "of the same year".
    InFocus,
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

/// Nouns that number what follows them: "Resolution 1737", "Flight 1549".
const NUMBERING_NOUNS: &[&str] = &[
    "resolution",
    "resolutions",
    "flight",
    "route",
    "room",
    "article",
    "paragraph",
    "section",
    "chapter",
    "highway",
    "interstate",
    "platform",
    "page",
    "no",
    "number",
    "bus",
    "train",
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
    /// A token as the grammar sees it; `informal` also reads the chat
    /// spellings of colloquial text ("tmr", "tdy").
    pub(crate) fn classify(token: &Token<'a>, informal: bool) -> Word<'a> {
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
                match std::str::from_utf8(lower) {
                    Ok(lower) => match classify(lower) {
                        Lex::Other if informal => classify_informal(lower).unwrap_or(Lex::Other),
                        lex => lex,
                    },
                    Err(_) => Lex::Other,
                }
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

/// A word the grammar must not read: a web address or the name of an
/// @mention.
pub(crate) const HIDDEN: Word<'static> =
    Word { text: "", lex: Lex::Other, capitalized: false, space_before: true, punct: true };

/// The grammar over one text's words.
pub(crate) struct Grammar<'w, 'a> {
    words: &'w [Word<'a>],
    /// Colloquial text: names in any case, abbreviations without their
    /// period, bare time words ("all day", "at night"), chat spellings.
    colloquial: bool,
    /// A narrative (a history): the adjectives that place a thing in time
    /// ("former", "current", "future"), bare seasons ("the summer
    /// offensive"), nights of no day ("at night") and the part of a day
    /// ("the night of May 13") are read too, as histories are annotated.
    narrative: bool,
}

type Parsed = Option<(usize, Expr)>;

impl<'w, 'a> Grammar<'w, 'a> {
    pub(crate) fn new(words: &'w [Word<'a>], colloquial: bool, narrative: bool) -> Self {
        Grammar { words, colloquial, narrative }
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
        if w.lex == Lex::Other && !w.punct && !w.capitalized && !crate::holiday::may_start(w.text) {
            // Nothing in the grammar starts with an unknown lowercase word,
            // except holidays' names ("christmas") and a handful spelled out
            // below.
            if !(w.text == "Q"
                || w.text == "q"
                || w.text == "midyear"
                || self.starts_informal(w.text)
                || (self.narrative && w.text == "former"))
            {
                return None;
            }
        }
        // "KLPF2013", "CN1111FC", "#HWW1HR": digits glued to a word name
        // something; the "00:00" of "17:00:00" is part of a time that
        // starts before.
        if matches!(w.lex, Lex::Digits(..)) && i > 0 && !w.space_before {
            let before = self.word(i - 1);
            let named = !before.punct && before.text.chars().all(char::is_alphabetic);
            let continued = (before.text == ":" || before.text == ".")
                && i > 1
                && !before.space_before
                && matches!(self.lex(i - 2), Lex::Digits(..));
            if named || continued {
                return None;
            }
        }
        // The bare words of colloquial text come first: any other reading
        // as long wins.
        let candidates = [
            self.bare_time_word(i),
            self.modified(i),
            self.amount_phrase(i).map(|(end, expr, modifier)| Found { first: i, last: end, expr, modifier }),
            self.date_time(i).map(|(end, expr)| Found { first: i, last: end, expr, modifier: None }),
            self.set(i).map(|(end, expr)| Found { first: i, last: end, expr, modifier: None }),
            self.reference(i).map(|(end, expr)| Found { first: i, last: end, expr, modifier: None }),
        ];
        let mut found = candidates.into_iter().flatten().max_by_key(|found| found.last)?;
        // "8:30ish": about then.
        if matches!(found.expr, Expr::Clock(..)) && self.text_is(found.last - 1, "ish") {
            found.modifier = Some(TimexMod::Approx);
        }
        Some(found)
    }
}

/// Whether an expression names one day (so a part of day can follow it).
fn is_day(expr: &Expr) -> bool {
    matches!(
        expr,
        Expr::Weekday(_)
            | Expr::WeekdayRelative(..)
            | Expr::NeighbourWeekday(..)
            | Expr::MonthDay(_, Some(_))
            | Expr::MonthDayRelative(..)
            | Expr::Point(Point::Day(_))
            | Expr::Relative(Unit::Day, _)
            | Expr::Shift { amount: Amount { unit: Unit::Day, .. }, .. }
            | Expr::NthWeekday { .. }
    )
}

fn day_point(year: i16, month: u8, day: u8) -> Option<Expr> {
    let date = jiff::civil::Date::new(year, month as i8, day as i8).ok()?;
    Some(Expr::Point(Point::Day(date)))
}
