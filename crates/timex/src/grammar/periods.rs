//! Periods of a year: quarters, halves and seasons, with or without their
//! year.

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// An explicit year after a period: "of 2019", ", 2019", "2019" or
    /// "fiscal 2019"; returns the end and the year.
    pub(super) fn of_year(&self, i: usize) -> Option<(usize, i16)> {
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
    pub(super) fn quarter(&self, i: usize) -> Parsed {
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
                // "Q3 2012"
                if let Some((end, year)) = self.year_digits(start + 2) {
                    return Some((end, Expr::Point(Point::Quarter(year, q as u8))));
                }
                return Some(self.with_year(
                    start + 2,
                    |y| Point::Quarter(y, q as u8),
                    Expr::QuarterOf(q as u8),
                ));
            }
        }
        let (q_at, which) = match self.lex(start) {
            Lex::Ordinal(q @ 1..=4) => (start + 1, Some(q as u8)),
            // "the final quarter of 2005"
            _ if self.text_is(start, "final") && self.lex(start + 1) == Lex::Unit(Unit::Quarter, false) => {
                (start + 1, Some(4))
            }
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
        // "the second quarter-final" is a match.
        if self.hyphen(unit_at + 1) && self.word(unit_at + 2).text.to_ascii_lowercase().starts_with("final") {
            return None;
        }
        match which {
            // "the fourth quarter in 2005"
            Some(q) if self.kw(unit_at + 1, Kw::In) && self.year(unit_at + 2).is_some() => {
                let (end, year) = self.year(unit_at + 2)?;
                Some((end, Expr::Point(Point::Quarter(year, q))))
            }
            Some(q) => Some(self.with_year(unit_at + 1, |y| Point::Quarter(y, q), Expr::QuarterOf(q))),
            None if start > i && q_at == start && !self.hyphen(unit_at + 1) => {
                Some((unit_at + 1, self.quarter_ended(unit_at + 1).unwrap_or(Expr::ReportedQuarter)))
            }
            None => None,
        }
    }

    /// Follows a partial period with an optional explicit year.
    pub(super) fn with_year(&self, i: usize, point: impl Fn(i16) -> Point, without: Expr) -> (usize, Expr) {
        if let Some((end, year)) = self.of_year(i) {
            return (end, Expr::Point(point(year)));
        }
        // "the summer of last year", "the first half of the year"
        if self.kw(i, Kw::Of) {
            match self.year_slot(i + 1, false) {
                Some((end, YearSlot::Relative(offset))) => {
                    return (end, Expr::InRelativeYear(offset, point(0)))
                }
                Some((end, YearSlot::InFocus)) => return (end, Expr::InFocusYear(point(0))),
                _ => {}
            }
            if self.kw(i + 1, Kw::The) && self.lex(i + 2) == Lex::Unit(Unit::Year, false) {
                return (i + 3, without);
            }
        }
        (i, without)
    }

    /// "the quarter ended Sept. 30": the quarter whose middle lies six
    /// weeks before that day (a fiscal quarter ended July 31 is mostly the
    /// calendar's second).
    pub(super) fn quarter_ended(&self, at: usize) -> Option<Expr> {
        if !["ended", "ending"].iter().any(|w| self.text_is(at, w)) {
            return None;
        }
        let (month, day) = match self.date_time(at + 1)?.1 {
            Expr::MonthDay(month, Some(day)) => (month, day),
            Expr::Point(Point::Day(date)) => (date.month() as u8, date.day() as u8),
            _ => return None,
        };
        let middle = jiff::civil::Date::new(2001, month as i8, day as i8)
            .ok()?
            .checked_sub(jiff::ToSpan::days(45))
            .ok()?;
        Some(Expr::QuarterOf((middle.month() as u8 - 1) / 3 + 1))
    }

    /// "the first half of 2019", "the second half", "the last half of 1989".
    pub(super) fn half(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let h = match self.lex(start) {
            Lex::Ordinal(h @ 1..=2) => h,
            // "last half" only after "the": "last half-year" alone is a span.
            Lex::Kw(Kw::Last) if start > i => 2,
            _ if start > i && self.text_is(start, "latter") => 2,
            _ => return None,
        };
        let at = if self.hyphen(start + 1) { start + 2 } else { start + 1 };
        if !self.kw(at, Kw::Half) {
            return None;
        }
        let (end, expr) = self.with_year(at + 1, |y| Point::Half(y, h as u8), Expr::HalfOf(h as u8));
        // "the last half of the '80s" halves something else than a year.
        let of_other = end == at + 1 && self.kw(end, Kw::Of) && !matches!(self.lex(start), Lex::Ordinal(_));
        // A half with no year ("the first half", "a second-half goal") is
        // most often a match's in news, and TimeBank leaves it out.
        let bare = end == at + 1 && matches!(expr, Expr::HalfOf(_));
        (!of_other && !bare).then_some((end, expr))
    }

    /// "the autumn of 2020", "summer 2019", "the spring".
    pub(super) fn season(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let Lex::Season(season) = self.lex(start) else {
            return None;
        };
        let (end, expr) = self.with_year(start + 1, |y| Point::Season(y, season), Expr::SeasonOf(season));
        // "spring" and "fall" are also verbs and nouns ("the fall of the
        // wall"): a season without a year needs a preposition before it.
        let told = self.season_context(i) || (self.narrative && self.season_in_history(i, start, end));
        if matches!(expr, Expr::SeasonOf(_)) && (!told || self.kw(end, Kw::Of)) {
            return None;
        }
        Some((end, expr))
    }

    /// In a history, "the spring" and "the summer offensive" are seasons
    /// of the year told, with no preposition: the season word at `start`
    /// (after "the" when `start > i`), ending at `end`. "Fall" is a verb
    /// and a noun far more often, and "to spring" a verb.
    fn season_in_history(&self, i: usize, start: usize, end: usize) -> bool {
        let verb = start.checked_sub(1).is_some_and(|b| {
            ["to", "will", "would", "could", "can", "may", "might"].iter().any(|v| self.text_is(b, v))
        });
        let next = self.word(end);
        let describes = end < self.words.len() && !next.punct && next.lex == Lex::Other;
        !self.text_is(start, "fall") && !verb && (start > i || describes)
    }

    pub(super) fn season_context(&self, i: usize) -> bool {
        let Some(before) = i.checked_sub(1).map(|b| self.word(b)) else {
            return false;
        };
        matches!(before.lex, Lex::Kw(Kw::In | Kw::By | Kw::Early | Kw::Late | Kw::Mid | Kw::Of))
            || ["since", "until", "during", "over", "into", "through", "throughout"]
                .iter()
                .any(|w| before.text.eq_ignore_ascii_case(w))
    }
}
