//! Recurrences ("weekly", "every morning") and references ("now",
//! "recently").

use super::*;
use dateline_core::{Pattern, TimexValue};

impl<'w, 'a> Grammar<'w, 'a> {
    /// "daily", "every week", "each Thursday", "every morning", "per year",
    /// "twice a month", "Tuesday nights".
    pub(super) fn set(&self, i: usize) -> Parsed {
        if let Lex::Kw(Kw::Frequency(unit)) = self.lex(i) {
            // "paid quarterly" recurs; "a quarterly dividend" describes a
            // noun, and the gold standards leave it out ("daily" excepted).
            let next = self.word(i + 1);
            // Posts use them as they please ("my weekly bath", "Daily
            // Winners"), and name few newspapers.
            let before_noun = !next.punct && next.lex == Lex::Other && !next.capitalized && unit != Unit::Day;
            if !self.colloquial
                && before_noun
                && !FUNCTION_WORDS.contains(&next.text.to_ascii_lowercase().as_str())
            {
                return None;
            }
            if !self.colloquial && self.newspaper(i) {
                return None;
            }
            return Some((
                i + 1,
                Expr::Set(TimexValue::Duration(Amount { count: Some(1.0), unit }.duration())),
            ));
        }
        // "on Mondays", "Tuesday nights", "Monday and Tuesday nights".
        let plural_part = |k: usize| match self.lex(k) {
            Lex::DayPart(part) if self.word(k).text.ends_with('s') => Some(part),
            _ => None,
        };
        match self.lex(i) {
            Lex::Weekdays(d) if self.word(i).capitalized => {
                return Some((i + 1, Expr::Set(TimexValue::Pattern(Pattern::Weekday(d, None)))));
            }
            Lex::Weekday(d) if self.word(i).capitalized => {
                if let Some(part) = plural_part(i + 1) {
                    return Some((i + 2, Expr::Set(TimexValue::Pattern(Pattern::Weekday(d, Some(part))))));
                }
                let and = matches!(self.word(i + 1).text, "and" | "or");
                if let (true, Lex::Weekday(_), Some(part)) = (and, self.lex(i + 2), plural_part(i + 3)) {
                    return Some((i + 1, Expr::Set(TimexValue::Pattern(Pattern::Weekday(d, Some(part))))));
                }
            }
            _ => {}
        }
        let (j, explicit) = match self.lex(i) {
            Lex::Kw(Kw::Every | Kw::Each | Kw::Per) => (i + 1, true),
            Lex::Kw(Kw::A) if i > 0 && matches!(self.lex(i - 1), Lex::Kw(Kw::Times)) => (i + 1, true),
            _ => (i, false),
        };
        if explicit {
            // "every other week"
            if self.kw(i, Kw::Every) && self.text_is(j, "other") {
                if let Some((unit, false)) = self.unit(j + 1) {
                    return Some((
                        j + 2,
                        Expr::Set(TimexValue::Duration(Amount { count: Some(2.0), unit }.duration())),
                    ));
                }
            }
            if let Some((end, count)) = self.number(j) {
                if let Some((unit, true)) = self.unit(end) {
                    return Some((
                        end + 1,
                        Expr::Set(TimexValue::Duration(Amount { count: Some(count), unit }.duration())),
                    ));
                }
            }
            match self.lex(j) {
                Lex::Unit(unit, false) if unit != Unit::Weekend => {
                    return Some((
                        j + 1,
                        Expr::Set(TimexValue::Duration(Amount { count: Some(1.0), unit }.duration())),
                    ));
                }
                Lex::Weekday(d) => {
                    return Some((j + 1, Expr::Set(TimexValue::Pattern(Pattern::Weekday(d, None)))))
                }
                // "each July"
                Lex::Month(m) if self.word(j).capitalized => {
                    return Some((j + 1, Expr::Set(TimexValue::Pattern(Pattern::Month(m)))));
                }
                Lex::DayPart(part) => {
                    return Some((j + 1, Expr::Set(TimexValue::Pattern(Pattern::DayPart(part)))))
                }
                _ => return None,
            }
        }
        None
    }

    /// "the daily said", "the business daily Le Figaro", "the Bild daily.":
    /// a "daily" (or "weekly") that is a newspaper.
    fn newspaper(&self, i: usize) -> bool {
        const PRESS_WORDS: &[&str] = &[
            "the",
            "a",
            "an",
            "business",
            "tabloid",
            "financial",
            "local",
            "leading",
            "independent",
            "liberal",
            "conservative",
            "economic",
            "national",
            "popular",
            "official",
            "state-run",
            "influential",
            "respected",
            "mass-circulation",
            "english-language",
            "sports",
            "evening",
        ];
        const REPORTING: &[&str] = &[
            "said",
            "says",
            "reported",
            "reports",
            "quoted",
            "quotes",
            "wrote",
            "writes",
            "added",
            "echoed",
            "warned",
            "described",
            "found",
            "noted",
            "pointed",
            "claimed",
            "published",
            "cited",
            "carried",
            "revealed",
            "stated",
            "suggested",
        ];
        if i == 0 {
            return false;
        }
        let before = self.word(i - 1);
        let next = self.word(i + 1);
        if before.punct {
            return false;
        }
        // "Turkish Daily News", "China Daily": a capitalised name.
        if self.word(i).capitalized && (before.capitalized || next.capitalized) {
            return true;
        }
        let reporting = REPORTING.contains(&next.text.to_ascii_lowercase().as_str());
        // After a name only a verb of reporting tells: "flights to Baghdad
        // daily." recur.
        if PRESS_WORDS.contains(&before.text.to_ascii_lowercase().as_str()) {
            reporting || next.capitalized || next.punct || i + 1 >= self.words.len()
        } else {
            before.capitalized && reporting
        }
    }

    /// Whether the word at `i` is a noun that "the future" before it
    /// describes: "the future foreign minister", "the future status of".
    fn describes_noun(&self, i: usize) -> bool {
        const NOT_NOUNS: &[&str] = &[
            "of", "and", "or", "but", "nor", "while", "we", "us", "i", "you", "he", "she", "they", "it",
            "to", "is", "are", "was", "were", "will", "would", "can", "could", "may", "might", "must",
            "should", "from", "for", "in", "on", "at", "as", "if", "when", "that", "this", "an", "a", "the",
            "looks", "look", "holds", "hold", "remains", "seems", "lies", "depends", "belongs", "with",
            "without", "by", "than", "because", "so", "after", "before", "not", "where", "rather", "too",
            "has", "had", "have", "be", "appears", "promises",
        ];
        let w = self.word(i);
        i < self.words.len() && !w.punct && !NOT_NOUNS.contains(&w.text.to_ascii_lowercase().as_str())
    }

    /// "now", "currently", "recently", "the past", "the future", "soon",
    /// "these days", "the near future"; in a history, "former" and "at
    /// night" too.
    pub(super) fn reference(&self, i: usize) -> Parsed {
        self.reference_phrase(i).or_else(|| match self.narrative {
            true => self.time_adjective(i).or_else(|| self.night_in_history(i)),
            false => None,
        })
    }

    /// "travelled at night", "night raids", "a night-time retreat": the
    /// night of no day told, as histories annotate it.
    fn night_in_history(&self, i: usize) -> Parsed {
        let w = self.word(i);
        if w.lex != Lex::DayPart(DayPart::Night) || !w.text.eq_ignore_ascii_case("night") {
            return None;
        }
        let after_at = i > 0 && (self.kw(i - 1, Kw::At) || self.text_is(i - 1, "by"));
        // "night-time", "night attacks"
        let time = self.hyphen(i + 1) && self.text_is(i + 2, "time");
        let next = self.word(i + 1);
        let describes =
            i + 1 < self.words.len() && !next.punct && next.lex == Lex::Other && !next.capitalized;
        // "the night", "a night", "one night", "Friday night": a night
        // counted or told (a "night-time" retreat is any night's).
        let counted = i > 0
            && matches!(
                self.lex(i - 1),
                Lex::Kw(
                    Kw::The
                        | Kw::A
                        | Kw::This
                        | Kw::That
                        | Kw::Last
                        | Kw::Next
                        | Kw::Every
                        | Kw::Each
                        | Kw::Same
                        | Kw::Following
                        | Kw::Previous
                ) | Lex::Ordinal(_)
                    | Lex::Cardinal(_)
                    | Lex::Digits(..)
                    | Lex::Weekday(_)
            );
        match (time, after_at || describes) {
            _ if (counted && !time) || w.capitalized => None,
            (true, _) => Some((i + 3, Expr::PartOfAnyDay(DayPart::Night))),
            (false, true) => Some((i + 1, Expr::PartOfAnyDay(DayPart::Night))),
            (false, false) => None,
        }
    }

    /// "the former regime", "recent defeats", "the current government",
    /// "future elections": histories annotate the adjective that places a
    /// thing before, at or after the time told (news does not).
    fn time_adjective(&self, i: usize) -> Parsed {
        let w = self.word(i);
        let reference = match w.lex {
            Lex::Kw(Kw::Recent) => Reference::Past,
            Lex::Kw(Kw::Current) => Reference::Present,
            Lex::Kw(Kw::Future) => Reference::Future,
            _ if w.text.eq_ignore_ascii_case("former") => Reference::Past,
            _ => return None,
        };
        // An adjective has a word after it: "in future," stands alone.
        let next = self.word(i + 1);
        (i + 1 < self.words.len() && !next.punct).then_some((i + 1, Expr::Ref(reference)))
    }

    fn reference_phrase(&self, i: usize) -> Parsed {
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
            // "in coming months": a vague future (with "the", the amount).
            Lex::Kw(Kw::Coming) if !(i > 0 && self.kw(i - 1, Kw::The)) => match self.lex(i + 1) {
                Lex::Unit(Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year, true) => {
                    Some((i + 2, Expr::Ref(Reference::Future)))
                }
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
                // "in the future" is always a time.
                (Lex::Kw(Kw::Future), _)
                    if (i > 0 && self.kw(i - 1, Kw::In)) || !self.describes_noun(i + 2) =>
                {
                    Some((i + 2, Expr::Ref(Reference::Future)))
                }
                (Lex::Kw(Kw::Near), Lex::Kw(Kw::Future))
                    if (i > 0 && self.kw(i - 1, Kw::In)) || !self.describes_noun(i + 3) =>
                {
                    Some((i + 3, Expr::Ref(Reference::Future)))
                }
                // "in the near term", "over the long term"
                _ if self.text_is(i + 2, "term")
                    && (self.kw(i + 1, Kw::Near)
                        || ["short", "long"].iter().any(|w| self.text_is(i + 1, w))) =>
                {
                    Some((i + 3, Expr::Ref(Reference::Future)))
                }
                (Lex::Kw(Kw::Moment), _) if i > 0 && self.kw(i - 1, Kw::At) => {
                    Some((i + 2, Expr::Ref(Reference::Present)))
                }
                _ => None,
            },
            _ => None,
        }
    }
}
