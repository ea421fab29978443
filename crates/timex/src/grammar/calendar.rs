//! Calendar dates: month and day, years, weekdays, numeric dates, decades
//! and centuries.

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// A date of any granularity, without modifiers.
    pub(super) fn date(&self, i: usize) -> Parsed {
        let (end, expr) = self.date_reading(i)?;
        // "490 BC", "the 5th century BC", "the 480s B.C.": before the era.
        let before_era = |point| Some((self.era_bc(end)?, Expr::Point(point)));
        match expr {
            Expr::Point(Point::Year(y)) => before_era(Point::Year(-y)).or(Some((end, expr))),
            Expr::Point(Point::Century(c)) => before_era(Point::Century(-c)).or(Some((end, expr))),
            Expr::Point(Point::Decade(d)) => before_era(Point::Decade(-d)).or(Some((end, expr))),
            _ => Some((end, expr)),
        }
    }

    /// The longest reading of a date at `i`; of two as long, the later.
    fn date_reading(&self, i: usize) -> Parsed {
        // Most tokens are names and punctuation, which the lexicon does
        // not know: only these readings start with one ("'90s", "Q3",
        // "Christmas").
        if self.lex(i) == Lex::Other {
            let w = self.word(i);
            let decade = if w.punct { self.decade(i) } else { None };
            let quarter = if w.text.len() == 1 { self.quarter(i) } else { None };
            let candidates = [decade, quarter, self.holiday(i)];
            return candidates.into_iter().flatten().max_by_key(|(end, _)| *end);
        }
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
            self.range_end_year(i),
            self.digit_spelling(i),
            self.nth_weekday(i),
            self.range_end_day(i),
            self.range_start_day(i),
            self.listed_day(i),
            self.month_of_phrase(i),
        ];
        candidates.into_iter().flatten().max_by_key(|(end, _)| *end)
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
        // "499-493 BC": the era closes the range; the years count down.
        if self.punct(start + 1, "-") || self.punct(start + 1, "–") {
            if let Lex::Digits(later @ 1..=9999, 1..=4) = self.lex(start + 2) {
                if later < y && self.era_bc(start + 3).is_some() {
                    return Some((start + 1, Expr::Point(Point::Year(-(y as i16)))));
                }
            }
        }
        let end = self.era_bc(i + 1)?;
        Some((end, Expr::Point(Point::Year(-(y as i16)))))
    }

    /// A month name, capitalised, with its abbreviation period. Written
    /// in lower case, a full name that is no other word ("june") is a
    /// month in any text; in colloquial text "may", "march" and "august"
    /// are too where a day or a word that expects a date is next to them,
    /// and an abbreviation needs no period where it closes a phrase
    /// ("for June, July and Aug").
    pub(super) fn month(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.word(i);
        let Lex::Month(m) = w.lex else { return None };
        let number_after = matches!(self.lex(i + 1), Lex::Digits(..));
        let is = |name: &str| w.text.eq_ignore_ascii_case(name);
        let other_word = is("may") || is("march") || is("august");
        if !w.capitalized {
            let day_before = (i > 0 && matches!(self.lex(i - 1), Lex::Digits(1..=31, 1..=2)))
                || (i > 1 && self.day_number(i - 2).is_some_and(|(end, _)| end == i));
            // "and may", "the march": a verb or a noun; "in march" a month.
            let before = i.checked_sub(1).map_or("", |b| self.word(b).text);
            let preposition = [
                "in", "since", "until", "till", "from", "during", "through", "by", "this", "next", "last",
                "early", "mid", "late", "of",
            ]
            .iter()
            .any(|p| before.eq_ignore_ascii_case(p));
            let dated = number_after || day_before || preposition || (!other_word && self.month_context(i));
            let abbreviation = dateline_english::calendar::ABBREVIATIONS.iter().any(|a| is(a));
            let allowed = match other_word || abbreviation {
                true => self.colloquial && dated,
                false => true,
            };
            if !allowed {
                return None;
            }
        }
        let abbreviated = w.text.len() <= 4 && !(is("may") || is("june") || is("july"));
        if abbreviated {
            if self.punct(i + 1, ".") && self.glued(i + 1) {
                return Some((i + 2, m));
            }
            // "Sept 30" without the period still needs a number after it.
            // "June, July and Aug" in colloquial text; "Thanks to Jun V." names.
            let closes = self.colloquial
                && (self.word(i + 1).punct
                    || i + 1 >= self.words.len()
                    || matches!(self.lex(i + 1), Lex::Kw(Kw::And | Kw::Or)));
            return (number_after || closes).then_some((i + 1, m));
        }
        Some((i + 1, m))
    }

    /// A day of the month in digits, with an optional suffix: "25", "25th".
    pub(super) fn day_number(&self, i: usize) -> Option<(usize, u8)> {
        let Lex::Digits(d @ 1..=31, 1..=2) = self.lex(i) else {
            return None;
        };
        let suffix = self.glued(i + 1)
            && self.lex(i + 1) == Lex::Other
            && ["st", "nd", "rd", "th"].iter().any(|s| self.text_is(i + 1, s));
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
        // Posts write amounts without commas ("Lost 1500 in FX"): a year
        // far from ours needs a word that dates it.
        let dated = || {
            i > 0
                && (determiner
                    || ["from", "until", "till", "circa", "year", "c"].iter().any(|w| self.text_is(i - 1, w)))
        };
        let unlikely = self.colloquial && !(1900..=2099).contains(&year) && !dated();
        (!counted_noun && !unlikely && !self.share_of(i, end)).then_some((end, year))
    }

    /// Whether the number at `i` (ending at `end`) counts a share: "of"
    /// and a determiner or pronoun follow it ("sold 1000 of his bottles",
    /// "2000 of them"), and no word before it dates it ("named winner in
    /// 1995 of the prize", "a review in 2008 or 2009 of the budget").
    fn share_of(&self, i: usize, end: usize) -> bool {
        let dated = i.checked_sub(1).is_some_and(|b| {
            matches!(self.lex(b), Lex::Kw(Kw::In | Kw::Of | Kw::Since | Kw::By | Kw::The | Kw::And | Kw::Or))
                || ["until", "till", "from", "during", "before", "after", "to", "early", "late", "mid"]
                    .iter()
                    .any(|w| self.text_is(b, w))
        });
        if dated {
            return false;
        }
        const DETERMINERS: &[&str] = &[
            "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "them",
            "us", "you", "which", "whom", "whose", "all", "each", "both", "this", "that",
        ];
        self.kw(end, Kw::Of) && DETERMINERS.iter().any(|d| self.text_is(end + 1, d))
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
        // "1995-1999" and "1995-96" are ranges of two years; "2020-11",
        // "1,995" are not.
        let year_range = next.text == "-"
            && (matches!(self.lex(i + 2), Lex::Digits(later @ 1000..=2199, 4) if later > y)
                || self.short_range_end(i).is_some());
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
        // "1990s" and "1990's" are decades, handled elsewhere; "1965's
        // totals" is the year's.
        let decade = self.glued(i + 1)
            && (self.text_is(i + 1, "s")
                || y % 10 == 0 && self.punct(i + 1, "'") && self.text_is(i + 2, "s"));
        (!glued_number && !percent && !decade).then_some((i + 1, y as i16))
    }

    /// The later year of "1995-96" or "1947-54", when the four digits at
    /// `i` start such a range: two digits after a glued hyphen, later in
    /// the same century, and no day after them ("2006-07-15" is a date).
    fn short_range_end(&self, i: usize) -> Option<i16> {
        let Lex::Digits(y @ 1000..=2199, 4) = self.lex(i) else { return None };
        let Lex::Digits(later, 2) = self.lex(i + 2) else { return None };
        let joined = self.punct(i + 1, "-") && self.glued(i + 1) && self.glued(i + 2);
        let dated = self.glued(i + 3)
            && matches!(self.word(i + 3).text, "-" | "/" | ":" | ".")
            && matches!(self.lex(i + 4), Lex::Digits(..));
        (joined && !dated && later > y % 100).then_some((y - y % 100 + later) as i16)
    }

    /// "96" in "1995-96": the later year of a range written short.
    fn range_end_year(&self, i: usize) -> Parsed {
        if !matches!(self.lex(i), Lex::Digits(_, 2)) || i < 2 {
            return None;
        }
        let later = self.short_range_end(i - 2)?;
        self.year_digits(i - 2)?;
        Some((i + 1, Expr::Point(Point::Year(later))))
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
            Some((year_end, YearSlot::InFocus)) => {
                return Some((year_end, Expr::InFocusYear(Point::Month(0, month))))
            }
            None => {}
        }
        // A month alone needs a word before it that expects a date ("in
        // March") or punctuation after it: "May" and "March" are verbs too.
        let closes = self.word(end).punct
            || end >= self.words.len()
            || matches!(self.lex(end), Lex::Kw(Kw::And | Kw::Or | Kw::To));
        // "at September" in a post.
        let at = self.colloquial && i > 0 && self.kw(i - 1, Kw::At);
        if !self.month_context(i) && !at && (month == 5 || !closes) {
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
        // "July 25 of that year", "in November the same year".
        let k = i + usize::from(self.kw(i, Kw::Of));
        let year_at = |j: usize| self.lex(j) == Lex::Unit(Unit::Year, false);
        if self.kw(k, Kw::That) && year_at(k + 1) {
            return Some((k + 2, YearSlot::InFocus));
        }
        if self.kw(k, Kw::The) && self.kw(k + 1, Kw::Same) && year_at(k + 2) {
            return Some((k + 3, YearSlot::InFocus));
        }
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

    /// A weekday name, in any case ("monday", "MONDAY"); abbreviations
    /// need their period, except in colloquial text ("this Sat", "fri"),
    /// where the ones that are also words ("sat", "sun", "wed", "mon")
    /// need a word around them that dates them.
    pub(super) fn weekday(&self, i: usize) -> Option<(usize, u8)> {
        let w = self.word(i);
        let Lex::Weekday(d) = w.lex else { return None };
        let is = |name: &str| w.text.eq_ignore_ascii_case(name);
        if w.text.len() > 5 {
            return Some((i + 1, d)); // "Monday", "THURSDAY"
        }
        let period = self.punct(i + 1, ".") && self.glued(i + 1);
        if period && w.capitalized {
            return Some((i + 2, d));
        }
        if !self.colloquial {
            return None;
        }
        let other_word = is("sat") || is("sun") || is("wed") || is("mon");
        let end = if period { i + 2 } else { i + 1 };
        (!other_word || self.weekday_context(i)).then_some((end, d))
    }

    /// Words around a short weekday name that show it is one: "this sat",
    /// "on sun", "sat nite", "Sat-Sun", "sun 1pm", "fri, sat".
    fn weekday_context(&self, i: usize) -> bool {
        let before = i.checked_sub(1).map(|b| self.word(b));
        let dating_before = before.is_some_and(|b| {
            matches!(
                b.lex,
                Lex::Kw(
                    Kw::This
                        | Kw::Next
                        | Kw::Last
                        | Kw::On
                        | Kw::By
                        | Kw::Every
                        | Kw::Each
                        | Kw::To
                        | Kw::From
                        | Kw::Coming
                        | Kw::Since
                        | Kw::Before
                        | Kw::After
                )
            ) || ["till", "til", "until", "-", "–", "/", "&"].iter().any(|t| b.text.eq_ignore_ascii_case(t))
                // "fri, sat", "friday night or sat"
                || ([",", "or", "and"].iter().any(|t| b.text.eq_ignore_ascii_case(t))
                    && (i.saturating_sub(4)..i - 1).any(|j| matches!(self.lex(j), Lex::Weekday(_))))
        });
        let next = self.word(i + 1);
        let dating_after =
            matches!(next.lex, Lex::DayPart(_) | Lex::Digits(..) | Lex::Kw(Kw::Noon | Kw::Midnight))
                || (matches!(next.text, "-" | "–" | "/" | "," | "&" | "and" | "or")
                    && matches!(self.lex(i + 2), Lex::Weekday(_) | Lex::Digits(..)));
        dating_before || dating_after
    }

    /// "2020-11-25", "2020-11", "2015-3-3", "11/25/2020", "11/25/20",
    /// "25/11/2020" (a first number above 12 is the day), "2/15" (a
    /// month and day: the day above 12, or a word before that expects a
    /// date), and in colloquial text "27.03.15".
    pub(super) fn numeric_date(&self, i: usize) -> Parsed {
        let Lex::Digits(a, alen) = self.lex(i) else {
            return None;
        };
        let sep = self.word(i + 1).text;
        let dotted = self.colloquial && sep == "." && alen <= 2;
        if !(self.punct(i + 1, "-") || self.punct(i + 1, "/") || dotted)
            || !self.glued(i + 1)
            || !self.glued(i + 2)
        {
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
        if sep == "-" && alen == 4 && (1..=2).contains(&blen) {
            let (year, month) = (a as i16, b as u8);
            if !(1..=12).contains(&month) {
                return None;
            }
            return match third {
                Some((day, 1..=2)) => Some((i + 5, day_point(year, month, day as u8)?)),
                // "2015-3" alone is as likely a score or a span; "2006-07"
                // in prose is two years.
                None if blen == 2 && self.short_range_end(i).is_none() => {
                    Some((i + 3, Expr::Point(Point::Month(year, month))))
                }
                _ => None,
            };
        }
        if sep == "-" || alen > 2 || blen > 2 {
            return None;
        }
        let Some((c, clen)) = third else {
            return self.month_slash_day(i, a, b);
        };
        let year = match clen {
            4 => c as i16,
            2 if c >= 50 => 1900 + c as i16,
            2 => 2000 + c as i16,
            _ => return None,
        };
        // Day first where the first number cannot be a month, and always
        // with dots.
        let day_first = dotted || (a > 12 && b <= 12);
        let (month, day) = if day_first { (b, a) } else { (a, b) };
        Some((i + 5, day_point(year, u8::try_from(month).ok()?, u8::try_from(day).ok()?)?))
    }

    /// "2/15": a month and a day with no year, told apart from a fraction
    /// ("1/2", "3/4 of") by a day above 12 or a word before that expects a
    /// date ("on 2/5").
    fn month_slash_day(&self, i: usize, month: u32, day: u32) -> Parsed {
        if self.word(i + 1).text != "/" || !(1..=12).contains(&month) || !(1..=31).contains(&day) {
            return None;
        }
        let before = i.checked_sub(1).map(|b| self.word(b));
        let counted = before.is_some_and(|b| matches!(b.lex, Lex::Digits(..)) || b.text == "$");
        let after = self.word(i + 3);
        let share = after.lex == Lex::Kw(Kw::Of)
            || matches!(after.lex, Lex::Unit(..))
            || after.text == "%"
            || (!after.punct && self.glued(i + 3));
        let dated = before.is_some_and(|b| {
            ["on", "by", "until", "till", "from", "since", "before", "after", "for"]
                .iter()
                .any(|w| b.text.eq_ignore_ascii_case(w))
        });
        if counted || share || !(day > 12 || dated) {
            return None;
        }
        Some((i + 3, Expr::MonthDay(month as u8, Some(day as u8))))
    }

    /// "the first Monday of this month", "the last Friday of October",
    /// "the 2nd Tuesday in March 2021": a weekday counted in a month.
    pub(super) fn nth_weekday(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let (weekday_at, nth) = match self.lex(start) {
            Lex::Ordinal(n @ 1..=5) => (start + 1, n as i8),
            // "the 2nd Tuesday"
            Lex::Digits(n @ 1..=5, 1) if self.day_number(start) == Some((start + 2, n as u8)) => {
                (start + 2, n as i8)
            }
            Lex::Kw(Kw::Last) => (start + 1, -1),
            Lex::Other if start > i && self.text_is(start, "final") => (start + 1, -1),
            _ => return None,
        };
        let (weekday_end, weekday) = self.weekday(weekday_at)?;
        if !(self.kw(weekday_end, Kw::Of) || self.kw(weekday_end, Kw::In)) {
            return None;
        }
        let (end, month) = self.month_named(weekday_end + 1)?;
        Some((end, Expr::NthWeekday { nth, weekday, month: Box::new(month) }))
    }

    /// A whole month: "October", "October 2020", "next October", "this
    /// month", "the month".
    fn month_named(&self, i: usize) -> Parsed {
        let (end, expr) = self.month_date(i).or_else(|| self.deictic(i))?;
        let month = matches!(
            expr,
            Expr::MonthDay(_, None)
                | Expr::Point(Point::Month(..))
                | Expr::InRelativeYear(_, Point::Month(..))
                | Expr::MonthRelative(..)
                | Expr::Relative(Unit::Month, _)
        );
        month.then_some((end, expr))
    }

    /// "10" in "10-12 October", "2" in "2-4 July 2013": the first day of a
    /// range whose last day names the month.
    pub(super) fn range_start_day(&self, i: usize) -> Parsed {
        let (end, day) = self.day_number(i)?;
        let joins = self.punct(end, "-")
            || self.punct(end, "–")
            || ["to", "through", "thru", "till", "til", "until"].iter().any(|w| self.text_is(end, w));
        if !joins {
            return None;
        }
        match self.day_month(end + 1)?.1 {
            Expr::MonthDay(month, Some(last)) if day < last => Some((end, Expr::MonthDay(month, Some(day)))),
            Expr::Point(Point::Day(date)) if day < date.day() as u8 => {
                Some((end, day_point(date.year(), date.month() as u8, day)?))
            }
            _ => None,
        }
    }

    /// "9", "10", "16" in "May 2 - 3, 9 - 10, 16": days listed after a
    /// day of a month, in colloquial text (news writes "May 5, 10 people
    /// died"). Each day is later than the one before it.
    pub(super) fn listed_day(&self, i: usize) -> Parsed {
        if !self.colloquial {
            return None;
        }
        let (end, day) = self.day_number(i)?;
        let after = self.word(end);
        if matches!(after.lex, Lex::Unit(..)) || after.text == ":" || after.text == "%" {
            return None;
        }
        let list_mark = |j: usize| {
            self.punct(j, ",")
                || self.punct(j, "-")
                || self.punct(j, "–")
                || self.punct(j, "&")
                || self.kw(j, Kw::And)
        };
        // Walk back over the items before it to the month that starts them.
        let mut mark = i.checked_sub(1).filter(|&j| list_mark(j))?;
        let mut later = day;
        for _ in 0..16 {
            let last = mark.checked_sub(1)?;
            let Lex::Digits(earlier @ 1..=31, 1..=2) = self.lex(last) else { return None };
            if earlier as u8 >= later {
                return None;
            }
            later = earlier as u8;
            if let Some(month) = last.checked_sub(1).and_then(|m| self.month(m).filter(|(e, _)| *e == last)) {
                return Some((end, Expr::MonthDay(month.1, Some(day))));
            }
            mark = last.checked_sub(1).filter(|&j| list_mark(j))?;
        }
        None
    }

    /// "the month of April": the month.
    pub(super) fn month_of_phrase(&self, i: usize) -> Parsed {
        let named =
            self.kw(i, Kw::The) && self.lex(i + 1) == Lex::Unit(Unit::Month, false) && self.kw(i + 2, Kw::Of);
        if !named {
            return None;
        }
        let (end, expr) = self.month_date(i + 3)?;
        matches!(expr, Expr::MonthDay(_, None) | Expr::Point(Point::Month(..))).then_some((end, expr))
    }

    /// "8" in "February 3 to 8", "the 28th" in "July 8th to the 28th",
    /// "3" in "May 2 - 3": the last day of a range whose first day names
    /// the month.
    pub(super) fn range_end_day(&self, i: usize) -> Parsed {
        let start = self.skip_the(i);
        let (end, day) = self.day_number(start)?;
        let connector = i.checked_sub(1)?;
        let joins = self.punct(connector, "-")
            || self.punct(connector, "–")
            || ["to", "through", "thru", "till", "til", "until"].iter().any(|w| self.text_is(connector, w));
        let after = self.word(end);
        // "from May 3 to 8 percent", "to 8 days"
        if !joins
            || matches!(after.lex, Lex::Unit(..))
            || after.text == "%"
            || after.text.eq_ignore_ascii_case("percent")
        {
            return None;
        }
        let first = (connector.saturating_sub(6)..connector).find_map(|j| {
            let (first_end, expr) = self.month_date(j).or_else(|| self.day_month(j))?;
            (first_end == connector).then_some(expr)
        })?;
        match first {
            Expr::MonthDay(month, Some(first_day)) if day > first_day => {
                Some((end, Expr::MonthDay(month, Some(day))))
            }
            Expr::Point(Point::Day(date)) if day > date.day() as u8 => {
                Some((end, day_point(date.year(), date.month() as u8, day)?))
            }
            _ => None,
        }
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
        Some((year_end, YearSlot::InFocus)) => Some((year_end, Expr::InFocusYear(Point::Day(date(2000)?)))),
        None => Some((end, Expr::MonthDay(month, Some(day)))),
    }
}
