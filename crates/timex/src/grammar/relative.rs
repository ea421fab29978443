//! Dates relative to the article or to the date in focus: "yesterday",
//! "last week", "the following year", "that quarter", holidays.

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// "today", "yesterday", "tomorrow", "tonight", "the day before
    /// yesterday", "this morning", "last night".
    pub(super) fn relative_word(&self, i: usize) -> Parsed {
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
    pub(super) fn deictic(&self, i: usize) -> Parsed {
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
            // "the year-ago results" is the year before, found apart.
            Lex::Unit(Unit::Year, false) if start > i && self.hyphen(start + 1) => return None,
            // "coach of the year" is a title.
            Lex::Unit(Unit::Year, false) if start > i && self.award_before(i) => return None,
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

            // "the quarter-to-quarter comparison" compares no quarter.
            Lex::Unit(Unit::Quarter, false) if start > i && self.hyphen(start + 1) => return None,
            Lex::Unit(Unit::Quarter, false) if start > i => {
                return Some((start + 1, self.quarter_ended(start + 1).unwrap_or(Expr::ReportedQuarter)))
            }
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
        // "the latest quarter" is the one being reported; "this past
        // weekend" is the last one.
        let (direction, j) = if self.kw(start, Kw::This) && self.kw(start + 1, Kw::Past) {
            (-1, start + 2)
        } else {
            (direction, start + 1)
        };
        let expr = match self.lex(j) {
            Lex::Weekday(d) if self.weekday(j).is_some() => Expr::WeekdayRelative(d, direction),
            Lex::Month(m) if self.word(j).capitalized => {
                // "next Jan. 1": that day, the next time it comes.
                if let Some((end, Expr::MonthDay(month, Some(day)))) = self.month_date(j) {
                    return Some((end, Expr::MonthDayRelative(month, day, direction)));
                }
                Expr::MonthRelative(m, direction)
            }
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

    /// "player of" before `i`: an award's title ("player of the year").
    fn award_before(&self, i: usize) -> bool {
        const AWARDS: &[&str] = &[
            "player",
            "coach",
            "person",
            "man",
            "woman",
            "album",
            "song",
            "record",
            "team",
            "rookie",
            "manager",
            "athlete",
            "book",
            "car",
            "word",
            "sportsman",
            "sportswoman",
            "footballer",
        ];
        i >= 2
            && self.text_is(i - 1, "of")
            && AWARDS.contains(&self.word(i - 2).text.to_ascii_lowercase().as_str())
    }

    /// "the year" in "the year ended June 30" is a twelve-month period;
    /// otherwise it is the year in focus.
    pub(super) fn year_in_focus(&self, after: usize) -> Expr {
        let period = ["ended", "ending", "ends", "to"].iter().any(|w| self.text_is(after, w));
        if period {
            Expr::Duration(Amount { count: Some(1.0), unit: Unit::Year })
        } else {
            Expr::ReportedYear
        }
    }

    /// "Thanksgiving Day", "last Christmas", "Easter 2000".
    pub(super) fn holiday(&self, i: usize) -> Parsed {
        let direction = match self.lex(i) {
            Lex::Kw(Kw::Last) => Some(-1),
            Lex::Kw(Kw::Next) => Some(1),
            Lex::Kw(Kw::This) => Some(0),
            _ => None,
        };
        let start = if direction.is_some() { i + 1 } else { i };
        let names: Vec<&str> =
            (start..(start + 8).min(self.words.len())).map(|j| self.word(j).text).collect();
        let before = start.checked_sub(1).map_or("", |j| self.word(j).text);
        let (len, holiday) = crate::holiday::holiday(before, &names)?;
        let end = start + len;
        if let Some((year_end, year)) = self.year_digits(end) {
            let date = holiday.in_year(year)?;
            return Some((year_end, Expr::Point(Point::Day(date))));
        }
        Some((end, Expr::Holiday(holiday, direction)))
    }

    /// "that year", "that quarter", "that day", "that spring", "the latest
    /// period": the period in focus.
    pub(super) fn anaphor(&self, i: usize) -> Parsed {
        if self.kw(i, Kw::That) {
            return match self.lex(i + 1) {
                Lex::Unit(Unit::Year, false) => Some((i + 2, Expr::InFocus(Unit::Year))),
                Lex::Unit(Unit::Quarter, false) => Some((i + 2, Expr::InFocus(Unit::Quarter))),
                Lex::Unit(Unit::Month, false) => Some((i + 2, Expr::InFocus(Unit::Month))),
                Lex::Unit(Unit::Day, false) => Some((i + 2, Expr::InFocus(Unit::Day))),
                // "that spring": of the year in focus in a narrative, of
                // the publication's in news.
                Lex::Season(season) => Some((i + 2, Expr::InRelativeYear(0, Point::Season(0, season)))),
                // "that morning": of the day in focus.
                Lex::DayPart(
                    part @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
                ) => Some((i + 2, Expr::WithPart(Box::new(Expr::InFocus(Unit::Day)), part))),
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
    pub(super) fn fiscal(&self, i: usize) -> Parsed {
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
    pub(super) fn year_earlier(&self, i: usize) -> Parsed {
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
        Some((end, Expr::YearEarlier { quarter: false }))
    }

    /// Earnings reports' periods: "the corresponding period last year",
    /// "last year's quarter" (the period in focus, a year before) and "the
    /// 1988 quarter" (the period in focus, in that year).
    pub(super) fn report_period(&self, i: usize) -> Parsed {
        let period_at = |k: usize| {
            if self.lex(k) == Lex::Unit(Unit::Quarter, false) {
                Some(true)
            } else {
                self.text_is(k, "period").then_some(false)
            }
        };
        // "last year's quarter"
        if self.kw(i, Kw::Last) && self.lex(i + 1) == Lex::Unit(Unit::Year, false) {
            if self.punct(i + 2, "'") && self.text_is(i + 3, "s") {
                let quarter = period_at(i + 4)?;
                return Some((i + 5, Expr::YearEarlier { quarter }));
            }
            return None;
        }
        if !self.kw(i, Kw::The) {
            return None;
        }
        // "the 1988 quarter", "the 1989 period"
        if let Some((end, year)) = self.year(i + 1) {
            period_at(end)?;
            return Some((end + 1, Expr::PeriodOfYear(year)));
        }
        // "the corresponding period last year", "the same quarter a year ago"
        let mut k = i + 1;
        if ["corresponding", "comparable", "same", "like"].iter().any(|w| self.text_is(k, w)) {
            k += 1;
        }
        let quarter = period_at(k)?;
        let end = match (self.lex(k + 1), self.lex(k + 2), self.lex(k + 3)) {
            (Lex::Kw(Kw::Last), Lex::Unit(Unit::Year, false), _) => k + 3,
            (Lex::Kw(Kw::A), Lex::Unit(Unit::Year, false), Lex::Kw(Kw::Ago | Kw::Earlier)) => k + 4,
            _ => return None,
        };
        Some((end, Expr::YearEarlier { quarter }))
    }

    /// "the next day", "the following year", "the previous week", "the
    /// previous Friday": a period after or before the one in focus.
    pub(super) fn neighbour_day(&self, i: usize) -> Parsed {
        if !self.kw(i, Kw::The) {
            return None;
        }
        // "Today is the eighth day of the siege": the day of the article.
        let is_before = (i > 0 && self.word(i - 1).text == "is")
            || (i > 1 && self.word(i - 1).text == "s" && self.punct(i - 2, "'"));
        if is_before
            && matches!(self.lex(i + 1), Lex::Ordinal(_))
            && self.lex(i + 2) == Lex::Unit(Unit::Day, false)
        {
            return Some((i + 3, Expr::Relative(Unit::Day, 0)));
        }
        let direction = match self.lex(i + 1) {
            Lex::Kw(Kw::Next | Kw::Following) => 1,
            Lex::Kw(Kw::Previous) => -1,
            _ => return None,
        };
        match self.lex(i + 2) {
            Lex::Unit(unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) => {
                let amount = Amount { count: Some(1.0), unit };
                Some((i + 3, Expr::Shift { amount, direction, from_reference: true, whole: true }))
            }
            // "down 4.5% from the previous Friday": before the day in focus.
            Lex::Weekday(d) => Some((i + 3, Expr::NeighbourWeekday(d, direction))),
            // "the next morning": the day after the one in focus; a history
            // tells its part of the day too, news (as TimeML annotates it)
            // the day.
            Lex::DayPart(
                part @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night),
            ) => {
                let amount = Amount { count: Some(1.0), unit: Unit::Day };
                let day = Expr::Shift { amount, direction, from_reference: true, whole: true };
                match self.narrative {
                    true => Some((i + 3, Expr::WithPart(Box::new(day), part))),
                    false => Some((i + 3, day)),
                }
            }
            _ => None,
        }
    }
}
