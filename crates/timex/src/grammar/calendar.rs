//! Calendar dates: month and day, years, weekdays, numeric dates, decades
//! and centuries.

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// A date of any granularity, without modifiers.
    pub(super) fn date(&self, i: usize) -> Parsed {
        let candidates = [
            self.month_date(i),
            self.range_last_day(i),
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
            self.report_period(i),
            self.neighbour_day(i),
            self.anaphor(i),
            self.year_words(i).map(|(end, y)| (end, Expr::Point(Point::Year(y)))),
            self.holiday(i),
            self.small_year_bc(i),
        ];
        let (end, expr) = candidates.into_iter().flatten().max_by_key(|(end, _)| *end)?;
        // "490 BC", "the 5th century BC", "the 480s B.C.": before the era.
        let before_era = |point| Some((self.era_bc(end)?, Expr::Point(point)));
        match expr {
            Expr::Point(Point::Year(y)) => before_era(Point::Year(-y)).or(Some((end, expr))),
            Expr::Point(Point::Century(c)) => before_era(Point::Century(-c)).or(Some((end, expr))),
            Expr::Point(Point::Decade(d)) => before_era(Point::Decade(-d)).or(Some((end, expr))),
            _ => Some((end, expr)),
        }
    }

    /// Where the era marker "BC", "B.C.", "BCE" or "B.C.E." at `i` ends.
    fn era_bc(&self, i: usize) -> Option<usize> {
        let mut letters = String::new();
        let mut j = i;
        while j < i + 6 && j < self.words.len() && (j == i || self.glued(j)) {
            let text = self.word(j).text;
            if text != "." {
                letters.push_str(&text.replace('.', ""));
            }
            j += 1;
            if matches!(letters.as_str(), "BC" | "BCE") && !(letters == "BC" && self.text_is(j, "E")) {
                // Take a closing period glued to it ("B.C.").
                let end = if self.punct(j, ".") && self.glued(j) { j + 1 } else { j };
                return Some(end);
            }
            if !"BCE".starts_with(letters.as_str()) {
                return None;
            }
        }
        None
    }

    /// A year of one to four digits followed by the era, "490 BC", or a
    /// decade, "the 480s BC".
    fn small_year_bc(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let Lex::Digits(y @ 1..=9999, 1..=4) = self.lex(start) else { return None };
        if y % 10 == 0 && self.text_is(start + 1, "s") && self.glued(start + 1) {
            let end = self.era_bc(start + 2)?;
            return Some((end, Expr::Point(Point::Decade(-((y / 10) as i16)))));
        }
        let end = self.era_bc(i + 1)?;
        Some((end, Expr::Point(Point::Year(-(y as i16)))))
    }

    /// A month name, capitalised, with its abbreviation period.
    pub(super) fn month(&self, i: usize) -> Option<(usize, u8)> {
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
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u8)> {
        let Lex::Digits(d @ 1..=31, 1..=2) = self.lex(i) else {
            return None;
        };
        let suffix = ["st", "nd", "rd", "th"].iter().any(|s| self.text_is(i + 1, s)) && self.glued(i + 1);
        Some((if suffix { i + 2 } else { i + 1 }, d as u8))
    }

    /// A four-digit year that reads as a year, not as a quantity.
    pub(super) fn year(&self, i: usize) -> Option<(usize, i16)> {
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
    pub(super) fn year_digits(&self, i: usize) -> Option<(usize, i16)> {
        let Lex::Digits(y @ 1000..=2199, 4) = self.lex(i) else {
            return None;
        };
        let numbered = i > 0 && NUMBERING_NOUNS.iter().any(|noun| self.text_is(i - 1, noun));
        if numbered {
            return None;
        }
        let before_glued = |p: &str| i > 0 && self.punct(i - 1, p) && self.glued(i);
        if (i > 0 && self.punct(i - 1, "$")) || before_glued(",") || before_glued(".") {
            return None;
        }
        let next = self.word(i + 1);
        // "1995-1999" is a range of two years; "2020-11", "1,995" are not.
        let year_range =
            next.text == "-" && matches!(self.lex(i + 2), Lex::Digits(later @ 1000..=2199, 4) if later > y);
        let glued_number = self.glued(i + 1)
            && next.punct
            && matches!(next.text, "," | "." | "-" | ":" | "/")
            && self.glued(i + 2)
            && matches!(self.lex(i + 2), Lex::Digits(..))
            && !year_range;
        let percent = next.text == "%" || next.text.eq_ignore_ascii_case("percent");
        // "1647 GMT" is a clock time, not a year.
        if self.time_zone(i + 1) {
            return None;
        }
        // "1990s" and "1990's" are decades, handled elsewhere.
        let decade = self.glued(i + 1)
            && (self.text_is(i + 1, "s") || self.punct(i + 1, "'") && self.text_is(i + 2, "s"));
        (!glued_number && !percent && !decade).then_some((i + 1, y as i16))
    }

    /// "November 25", "Nov. 25, 2020", "November 2020", "November of 2020",
    /// "November".
    pub(super) fn month_date(&self, i: usize) -> Parsed {
        let (end, month) = self.month(i)?;
        if let Some((day_end, day)) = self.day_number(end) {
            let clock = self.punct(day_end, ":") && matches!(self.lex(day_end + 1), Lex::Digits(..));
            // "Nov. 18-19, 2005": the range's year is after its end.
            let range_end = self.day_range_end(day_end, day);
            let quantity =
                range_end.is_none() && (matches!(self.lex(day_end), Lex::Unit(..)) || self.hyphen(day_end));
            if !clock && !quantity {
                let year = match range_end {
                    Some(range_end) => self.year_slot(range_end, false).map(|(_, slot)| (day_end, slot)),
                    None => self.year_slot(day_end, false),
                };
                return dated_day(month, day, year, day_end);
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

    /// The end of a range of days after its first day (`day`, ending at
    /// `i`): "18-19" in "Nov. 18-19".
    fn day_range_end(&self, i: usize, day: u8) -> Option<usize> {
        if !self.hyphen(i) || !self.glued(i + 1) {
            return None;
        }
        let (end, last) = self.day_number(i + 1)?;
        let counts = matches!(self.lex(end), Lex::Unit(..)) || self.hyphen(end);
        (last > day && !counts).then_some(end)
    }

    /// "19" in "Nov. 18-19": the last day of a range, a date of its own.
    pub(super) fn range_last_day(&self, i: usize) -> Parsed {
        let (day_end, day) = self.day_number(i)?;
        if i < 3 || !self.hyphen(i - 1) {
            return None;
        }
        let (first_end, first) = self.day_number(i - 2)?;
        let month = (i.saturating_sub(4)..i - 2)
            .find_map(|j| self.month(j).filter(|(end, _)| *end == i - 2).map(|(_, m)| m))?;
        if first_end != i - 1 || self.day_range_end(i - 1, first) != Some(day_end) {
            return None;
        }
        dated_day(month, day, self.year_slot(day_end, false), day_end)
    }

    /// The year after a month or a day: ", 2020", "of 2020", "2020",
    /// "nineteen ninety-six", or "this year", "last year", "next year".
    pub(super) fn year_slot(&self, i: usize, allow_of: bool) -> Option<(usize, YearSlot)> {
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
    pub(super) fn year_words(&self, i: usize) -> Option<(usize, i16)> {
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
    pub(super) fn month_context(&self, i: usize) -> bool {
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
    pub(super) fn day_month(&self, i: usize) -> Parsed {
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
    pub(super) fn weekday_date(&self, i: usize) -> Parsed {
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
    pub(super) fn weekday(&self, i: usize) -> Option<(usize, u8)> {
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
    pub(super) fn numeric_date(&self, i: usize) -> Parsed {
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
    pub(super) fn decade(&self, i: usize) -> Parsed {
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
    pub(super) fn century(&self, i: usize) -> Parsed {
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
}

/// A month and day with the year found after it (ending the expression),
/// or without one (the expression ending at `end`).
fn dated_day(month: u8, day: u8, year: Option<(usize, YearSlot)>, end: usize) -> Parsed {
    let date = |y| jiff::civil::Date::new(y, month as i8, day as i8).ok();
    match year {
        Some((year_end, YearSlot::Absolute(y))) => Some((year_end, Expr::Point(Point::Day(date(y)?)))),
        // A leap year holds every day of every month.
        Some((year_end, YearSlot::Relative(n))) => {
            Some((year_end, Expr::InRelativeYear(n, Point::Day(date(2000)?))))
        }
        None => Some((end, Expr::MonthDay(month, Some(day)))),
    }
}
