//! Colloquial text: the spellings of chat ("2moro", "2nite") and the bare
//! time words that posts use and news leaves out ("all day", "at night",
//! "weekends", "the future").

use super::*;
use dateline_core::TimexValue;

/// Words that name the time of a day in colloquial text and are read as
/// that day: "sunset", "teatime".
const DAY_TIMES: &[&str] =
    &["sunset", "sunrise", "dawn", "dusk", "teatime", "lunchtime", "dinnertime", "suppertime", "bedtime"];

/// The units a post may write alone ("day", "hours"): full words only.
const UNIT_WORDS: &[&str] = &[
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes",
];

impl<'w, 'a> Grammar<'w, 'a> {
    /// "2moro", "2morrow", "2nite", "2day": a digit glued to the rest of
    /// the word, read in every type of text (no other word is spelled so).
    pub(super) fn digit_spelling(&self, i: usize) -> Parsed {
        if self.lex(i) != Lex::Digits(2, 1) || !self.glued(i + 1) {
            return None;
        }
        let rest = self.word(i + 1).text.to_ascii_lowercase();
        let expr = match rest.as_str() {
            "moro" | "morro" | "morrow" | "mrw" | "mrrw" | "moz" | "mro" => Expr::Relative(Unit::Day, 1),
            "nite" | "night" | "nyt" => {
                Expr::WithPart(Box::new(Expr::Relative(Unit::Day, 0)), DayPart::Night)
            }
            "day" => Expr::Relative(Unit::Day, 0),
            _ => return None,
        };
        Some((i + 2, expr))
    }

    /// Whether a word that the grammar otherwise ignores starts one of
    /// the colloquial expressions below.
    pub(super) fn starts_informal(&self, text: &str) -> bool {
        self.colloquial
            && ["right", "all", "another", "whole", "entire"]
                .iter()
                .chain(DAY_TIMES)
                .any(|w| text.eq_ignore_ascii_case(w))
    }

    /// The bare time words of colloquial text: "day" (a day long),
    /// "days", "the week" (this one), "weekends" (every weekend), "all
    /// day", "the whole morning", "night" (tonight), "the morning",
    /// "future", "right now", "Spring", "sunset".
    pub(super) fn bare_time_word(&self, i: usize) -> Option<Found> {
        if !self.colloquial {
            return None;
        }
        let found = |last: usize, expr: Expr| Some(Found { first: i, last, expr, modifier: None });
        let today = || Box::new(Expr::Relative(Unit::Day, 0));
        let w = self.word(i);
        if DAY_TIMES.iter().any(|t| w.text.eq_ignore_ascii_case(t)) {
            return found(i + 1, Expr::Relative(Unit::Day, 0));
        }
        if self.text_is(i, "right") && self.kw(i + 1, Kw::Now) {
            return found(i + 2, Expr::Ref(Reference::Present));
        }
        if self.kw(i, Kw::Future) {
            return found(i + 1, Expr::Ref(Reference::Future));
        }
        if self.kw(i, Kw::Overnight) {
            return found(i + 1, Expr::WithPart(today(), DayPart::Night));
        }
        // "Spring", "WINTER": that season of the year of writing ("fall"
        // is a verb far more often).
        if let Lex::Season(season) = w.lex {
            let verb = w.text.eq_ignore_ascii_case("fall")
                || w.text.eq_ignore_ascii_case("spring")
                    && i > 0
                    && ["to", "will", "ll", "can", "would", "could", "may", "might"]
                        .iter()
                        .any(|v| self.text_is(i - 1, v));
            // "Winter Show": a name.
            let shouted = w.text.chars().all(|c| c.is_ascii_uppercase());
            let name = w.capitalized && !shouted && self.word(i + 1).capitalized && !self.word(i + 1).punct;
            return (!verb && !name && !self.kw(i + 1, Kw::Of)).then(|| Found {
                first: i,
                last: i + 1,
                expr: Expr::SeasonOf(season),
                modifier: None,
            });
        }
        // What comes before the unit: nothing, "the", "a", "all", "another",
        // "the whole".
        let (unit_at, before) = match w.lex {
            Lex::Kw(Kw::The) if self.kw(i + 1, Kw::Full) => (i + 2, Before::Whole),
            Lex::Kw(Kw::The) => (i + 1, Before::The),
            Lex::Kw(Kw::A) | Lex::Cardinal(1) => (i + 1, Before::One),
            Lex::Kw(Kw::Full) => (i + 1, Before::Whole),
            _ if self.text_is(i, "all") || self.text_is(i, "another") => (i + 1, Before::Whole),
            _ => (i, Before::Nothing),
        };
        // Bare units are the full words: "yr" is as often "your", "min" a name.
        let full_word = || UNIT_WORDS.iter().any(|w| self.word(unit_at).text.eq_ignore_ascii_case(w));
        match self.lex(unit_at) {
            // "night", "the morning", "a night", "the whole morning": that
            // part of the day of writing.
            Lex::DayPart(
                part @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
            ) => found(unit_at + 1, Expr::WithPart(today(), part)),
            Lex::Unit(Unit::Weekend, false) if before != Before::One => found(unit_at + 1, Expr::Weekend),
            // "weekends": every weekend.
            Lex::Unit(Unit::Weekend, true) if before == Before::Nothing => {
                found(unit_at + 1, Expr::Set(TimexValue::parse("XXXX-WE")))
            }
            // "the day", "the week": the one of writing.
            Lex::Unit(unit @ (Unit::Day | Unit::Week), false) if before == Before::The => {
                found(unit_at + 1, Expr::Relative(unit, 0))
            }
            // "day", "all day", "Day 2": a day long.
            Lex::Unit(
                unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Hour | Unit::Minute),
                false,
            ) if before != Before::The && full_word() => {
                let numbered =
                    matches!(self.lex(unit_at + 1), Lex::Digits(1..=99, 1..=2)) && before == Before::Nothing;
                let last = if numbered { unit_at + 2 } else { unit_at + 1 };
                found(last, Expr::Duration(Amount { count: Some(1.0), unit }))
            }
            // "days", "the hours": some number of them.
            Lex::Unit(
                unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Hour | Unit::Minute),
                true,
            ) if matches!(before, Before::Nothing | Before::The) && full_word() => {
                found(unit_at + 1, Expr::Duration(Amount { count: None, unit }))
            }
            _ => None,
        }
    }
}

/// What stands before a bare unit word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Before {
    Nothing,
    /// "the day": the one of writing.
    The,
    /// "a day", "one night".
    One,
    /// "all day", "the whole day", "another day": a day long.
    Whole,
}
