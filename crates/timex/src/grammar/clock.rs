//! Clock times ("10:35 a.m.", "noon Thursday") and days with their part of
//! the day ("Friday morning").

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// A date, a time, or a day with its time: the core of the grammar.
    pub(super) fn date_time(&self, i: usize) -> Parsed {
        if let Some(found) = self.clock_phrase(i) {
            return Some(found);
        }
        if let Some(found) = self.part_of_a_day(i) {
            return Some(found);
        }
        let (end, expr) = self.date(i)?;
        // "Friday morning", "yesterday afternoon"
        let (end, expr) = match self.lex(end) {
            Lex::DayPart(part) if is_day(&expr) && !self.glued(end) => {
                (end + 1, Expr::WithPart(Box::new(expr), part))
            }
            _ => (end, expr),
        };
        // "Friday at 3 p.m." stays two expressions, as TimeML annotates
        // it; colloquial text is read as one ("this Sat, 7pm", "tomorrow
        // afternoon at 5", "Sun 1:00pm").
        if self.colloquial {
            // "14th December Friday": the day's weekday after it.
            let mut end = end;
            if matches!(expr, Expr::MonthDay(_, Some(_)) | Expr::Point(Point::Day(_))) {
                let at = end + usize::from(self.punct(end, ","));
                if let Some((weekday_end, _)) = self.weekday(at) {
                    end = weekday_end;
                }
            }
            if let Some(joined) = self.day_then_clock(end, &expr) {
                return Some(joined);
            }
            return Some((end, expr));
        }
        Some((end, expr))
    }

    /// "the night of May 13", "the early morning of 31 January 1965": a
    /// part of the day that follows, in a history (TimeML news annotates
    /// the day alone).
    fn part_of_a_day(&self, i: usize) -> Parsed {
        if !self.narrative || !self.kw(i, Kw::The) {
            return None;
        }
        let at = i + 1 + usize::from(self.kw(i + 1, Kw::Early) || self.kw(i + 1, Kw::Late));
        let Lex::DayPart(part @ (DayPart::Morning | DayPart::Afternoon | DayPart::Evening | DayPart::Night)) =
            self.lex(at)
        else {
            return None;
        };
        let of = at + 1 + usize::from(self.text_is(at + 1, "hours"));
        if !self.kw(of, Kw::Of) {
            return None;
        }
        let (end, day) = self.date(of + 1)?;
        is_day(&day).then(|| (end, Expr::WithPart(Box::new(day), part)))
    }

    /// The clock time after a day ending at `i`, joined to it.
    fn day_then_clock(&self, i: usize, day: &Expr) -> Parsed {
        let (day, part) = match day {
            Expr::WithPart(inner, part) => (inner.as_ref(), Some(*part)),
            other => (other, None),
        };
        if !is_day(day) {
            return None;
        }
        // "this Sat, 7pm" and "Sun 1:00pm" are one expression; "today at
        // 9am" two, unless the time alone is no time: "tomorrow afternoon
        // at 5".
        let at = self.text_is(i, "at") || self.punct(i, "@");
        let told = self.clock_told(i + usize::from(at || self.punct(i, ",")))?;
        let bare_hour = matches!(self.lex(i + 1), Lex::Digits(_, 1..=2)) && told.end == i + 2;
        if at && !bare_hour {
            return None;
        }
        let (hour, minute) = told.value(part)?;
        Some((told.end, Expr::Clock(Some(Box::new(day.clone())), hour, minute)))
    }

    /// A clock time, optionally followed by its day: "10:35 a.m.",
    /// "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "7pm
    /// tonight".
    pub(super) fn clock_phrase(&self, i: usize) -> Parsed {
        let (end, hour, minute) = self.clock(i)?;
        let mut day_at = end;
        // "1 a.m. local time Tuesday"
        let local = self.text_is(day_at, "local") && self.text_is(day_at + 1, "time");
        if local {
            day_at += 2;
        }
        if self.punct(day_at, ",") {
            day_at += 1;
        }
        if let Some((day_end, day)) = self.date(day_at).and_then(|(end, d)| Some((end, day_of(d)?))) {
            return Some((day_end, Expr::Clock(Some(Box::new(day)), hour, minute)));
        }
        let end = if local { end + 2 } else { end };
        // "at 1 a.m. on Tuesday": the day is an expression of its own, but
        // it dates the clock time.
        if self.text_is(end, "on") {
            if let Some((_, day)) = self.date(end + 1).filter(|(_, d)| is_day(d)) {
                return Some((end, Expr::Clock(Some(Box::new(day)), hour, minute)));
            }
        }
        Some((end, Expr::Clock(None, hour, minute)))
    }

    /// "10:35 a.m.", "3 p.m.", "15:00 GMT", "noon", "midnight", "half past
    /// ten", "3:15 in the afternoon", "15h00", "430pm", the "3" of "3-4pm".
    pub(super) fn clock(&self, i: usize) -> Option<(usize, u8, Option<u8>)> {
        match self.lex(i) {
            Lex::Kw(Kw::Noon | Kw::Midday) => return Some((i + 1, 12, Some(0))),
            // Posts mean the midnight a day starts with, news the one it
            // ends with.
            Lex::Kw(Kw::Midnight) if self.colloquial => return Some((i + 1, 0, Some(0))),
            Lex::Kw(Kw::Midnight) => return Some((i + 1, 24, None)),
            _ => {}
        }
        let told = self.clock_told(i)?;
        let (hour, minute) = told.value(None)?;
        let mut end = told.end;
        if self.time_zone(end) {
            end += 1;
        }
        Some((end, hour, minute))
    }

    /// A clock time as written, before am or pm is settled: the hour and
    /// minute, am (false) or pm (true) when told or implied, and where it
    /// ends.
    pub(super) fn clock_told(&self, i: usize) -> Option<ClockTold> {
        if let Some(told) = self.clock_in_words(i) {
            return Some(told);
        }
        let (digits_end, hour, minute, run_together) = self.clock_digits(i)?;
        let mut end = digits_end;
        // "5+am"
        if self.colloquial && self.punct(end, "+") && self.glued(end) && self.meridiem(end + 1).1.is_some() {
            end += 1;
        }
        let (after, mut meridiem) = self.meridiem(end);
        let mut end = after;
        // Four digits without am or pm ("1130") are a time only in
        // colloquial text; most numbers are no time at all.
        if meridiem.is_none() && run_together && !self.colloquial {
            return None;
        }
        // "3:15 in the afternoon", "at 10 at night" (a bare hour needs a
        // word before it that expects a time: "killed 5 in the morning
        // raid" counts people).
        let part_next = matches!(self.lex(end), Lex::Kw(Kw::In | Kw::At));
        let expects_time = || {
            minute.is_some()
                || i.checked_sub(1).is_some_and(|b| {
                    ["at", "@", "by", "until", "till", "from", "around", "about", "before", "after", "since"]
                        .iter()
                        .any(|w| self.text_is(b, w))
                })
        };
        if meridiem.is_none() && part_next && expects_time() {
            if let Some((part_end, pm)) = self.part_after_clock(end, hour) {
                meridiem = Some(pm);
                end = part_end;
            }
        }
        // "8:30ish", "8ish" (the grammar marks it approximate).
        let approximate = self.text_is(end, "ish") && self.glued(end);
        if approximate {
            end += 1;
        }
        let told = ClockTold { end, hour, minute, meridiem };
        if meridiem.is_some() || self.text_is(end, "o") && self.clock_oclock(end).is_some() {
            let end = self.clock_oclock(end).unwrap_or(end);
            return Some(ClockTold { end, ..told });
        }
        // Ranges carry am or pm across: "3-4pm", "3:30 to 6 PM", "9am-5",
        // "11:30-1:30".
        let joins = |j: usize| {
            let w = self.word(j);
            matches!(w.lex, Lex::Kw(Kw::To | Kw::And))
                || (w.punct && matches!(w.text, "-" | "–"))
                || self.range_connector(j, 0)
        };
        let in_range = joins(digits_end) || i.checked_sub(1).is_some_and(joins);
        if in_range {
            if let Some(meridiem) = self.range_meridiem(i, digits_end, hour, minute) {
                return Some(ClockTold { meridiem, ..told });
            }
        }
        match (minute, run_together) {
            // "0830" runs together without am or pm only after "at".
            (Some(_), true) => self.clock_24h(i).then_some(told),
            (Some(_), false) => Some(told),
            (None, _) if approximate && self.colloquial => Some(told),
            // "tomorrow afternoon at 5": the part of the day tells.
            (None, _) => self.part_before_at(i).map(|pm| ClockTold { meridiem: Some(pm), ..told }),
        }
    }

    /// Digits of a clock time without am or pm: "10", "10:35", "7.30",
    /// "15h00", "430"; the end, hour, minute and whether hour and minute
    /// run together.
    fn clock_digits(&self, i: usize) -> Option<(usize, u8, Option<u8>, bool)> {
        let Lex::Digits(number, digits) = self.lex(i) else {
            return None;
        };
        if digits >= 3 {
            let (hour, minute) = (number / 100, number % 100);
            return (digits <= 4 && hour <= 23 && minute <= 59).then_some((
                i + 1,
                hour as u8,
                Some(minute as u8),
                true,
            ));
        }
        if hour_out_of_range(number) {
            return None;
        }
        let separator = self.word(i + 1);
        let joined = self.glued(i + 1) && self.glued(i + 2);
        if joined && matches!(separator.text, ":" | "." | "h" | "H") {
            match self.lex(i + 2) {
                Lex::Digits(minute @ 0..=59, 2) => {
                    // "7.30" is a time only with am or pm after it.
                    let decimal = separator.text == "." && self.meridiem(i + 3).1.is_none();
                    // "24h00" or "15h30", not "4h" alone.
                    if decimal {
                        return None;
                    }
                    return Some((i + 3, number as u8, Some(minute as u8), false));
                }
                _ if separator.text == ":" => return None,
                _ => {}
            }
        }
        Some((i + 1, number as u8, None, false))
    }

    /// "2359", "1015" as a 24-hour time in colloquial text: after "at",
    /// "by", "till" or a comma, and no year of this age.
    fn clock_24h(&self, i: usize) -> bool {
        let Lex::Digits(number, 4) = self.lex(i) else { return false };
        let before = i.checked_sub(1).map_or("", |b| self.word(b).text);
        let after_word =
            ["at", "@", "by", "till", "til", "until", ",", "from", "to", "-", "abt", "about", "around", "~"]
                .iter()
                .any(|w| before.eq_ignore_ascii_case(w));
        self.colloquial && after_word && !(1900..=2099).contains(&number)
    }

    /// "o'clock" after an hour: where it ends.
    fn clock_oclock(&self, i: usize) -> Option<usize> {
        (self.text_is(i, "o") && self.punct(i + 1, "'") && self.text_is(i + 2, "clock")).then_some(i + 3)
    }

    /// "in the afternoon", "in the morning", "at night" after a clock time
    /// of `hour`: where the phrase ends, and whether it is pm.
    fn part_after_clock(&self, i: usize, hour: u8) -> Option<(usize, bool)> {
        let (part, end) = match (self.lex(i), self.lex(i + 1), self.lex(i + 2)) {
            (Lex::Kw(Kw::In), Lex::Kw(Kw::The), Lex::DayPart(part)) => (part, i + 3),
            (Lex::Kw(Kw::At), Lex::DayPart(part @ DayPart::Night), _) => (part, i + 2),
            _ => return None,
        };
        if !(1..=12).contains(&hour) || self.word(end - 1).text.ends_with('s') {
            return None;
        }
        Some((end, part_is_pm(part, hour)?))
    }

    /// Whether a bare hour after "at" follows a part of the day that says
    /// am or pm: "tomorrow afternoon at 5", "tonight @ 8".
    fn part_before_at(&self, i: usize) -> Option<bool> {
        if i < 2 || !(self.text_is(i - 1, "at") || self.punct(i - 1, "@")) {
            return None;
        }
        let Lex::Digits(hour @ 1..=12, 1..=2) = self.lex(i) else { return None };
        // "at 5 percent", "at 5 Main Street"
        let next = self.word(i + 1);
        if !(next.punct || i + 1 >= self.words.len() || next.lex != Lex::Other) || next.capitalized {
            return None;
        }
        match self.lex(i - 2) {
            Lex::DayPart(part) => part_is_pm(part, hour as u8),
            Lex::Kw(Kw::Tonight) => Some(hour != 12),
            _ => None,
        }
    }

    /// The am or pm a clock time without one takes from the other end of
    /// its range: `first..end` is the time, `hour` and `minute` as written.
    fn range_meridiem(&self, first: usize, end: usize, hour: u8, minute: Option<u8>) -> Option<Option<bool>> {
        // "751-613" is a telephone number.
        if !(1..=12).contains(&hour)
            || self.clock_digits(first).is_some_and(|(.., run_together)| run_together)
        {
            return None;
        }
        // The start of a range: "3-4pm", "3:30 to 6 PM", "between 3 and 5 pm".
        if self.range_connector(end, first) {
            if let Some((other_end, other_hour, _, _)) = self.clock_digits(end + 1) {
                let (_, other) = self.meridiem(other_end);
                if let Some(pm) = other {
                    // "11 to 1 pm" starts in the morning.
                    let later = |h: u8| if h == 12 { 12 } else { h + 12 };
                    let as_pm = pm && later(hour) <= later(other_hour) && (1..=12).contains(&other_hour);
                    return Some(Some(as_pm));
                }
                if minute.is_some() {
                    return None;
                }
            }
        }
        // The end of a range: "9am-5", "11:30-1:30".
        let connector = first.checked_sub(1)?;
        let start = (connector.saturating_sub(5)..connector).find(|&s| {
            self.clock_digits(s).is_some_and(|(e, .., run_together)| {
                !run_together && (e == connector || self.meridiem(e).0 == connector)
            }) && self.range_connector(connector, s)
        })?;
        let (start_end, start_hour, start_minute, _) = self.clock_digits(start)?;
        match self.meridiem(start_end).1 {
            // "9am-5": five in the afternoon.
            Some(false) if hour < start_hour => Some(Some(true)),
            Some(pm) => Some(Some(pm)),
            // "11:30-1:30": the end comes after the start.
            None if minute.is_some() && start_minute.is_some() && hour < start_hour && start_hour <= 12 => {
                Some(Some(true))
            }
            None => None,
        }
    }

    /// A word joining two clock times into a range, at `i`, after a time
    /// starting at `first`: "-", "to", "till", "and" after "between".
    fn range_connector(&self, i: usize, first: usize) -> bool {
        let w = self.word(i);
        matches!(w.text, "-" | "–")
            || ["to", "till", "til", "until", "through"].iter().any(|c| w.text.eq_ignore_ascii_case(c))
            || (w.text.eq_ignore_ascii_case("and") && first > 0 && self.text_is(first - 1, "between"))
    }

    /// "half past ten", "a quarter past 1pm", "twenty to five", "ten
    /// minutes after 5pm", "quarter to midnight".
    fn clock_in_words(&self, i: usize) -> Option<ClockTold> {
        let start = if self.kw(i, Kw::A) { i + 1 } else { i };
        // The minutes, and whether they are told plainly as a number
        // ("twenty"), which "to" or "after" may follow in other senses.
        let (mut j, minutes, plain) = match self.lex(start) {
            Lex::Unit(Unit::Quarter, false) => (start + 1, 15, false),
            Lex::Kw(Kw::Half) if start == i => (start + 1, 30, false),
            // "10 minutes to"
            Lex::Digits(n @ 1..=59, 1..=2)
                if start == i && matches!(self.lex(i + 1), Lex::Unit(Unit::Minute, _)) =>
            {
                (i + 2, n as u8, false)
            }
            // "twenty past", "twenty-five minutes to"
            Lex::Cardinal(_) if start == i => {
                let (end, n) = self.number(start)?;
                let words = matches!(self.lex(start), Lex::Cardinal(_));
                let unit = matches!(self.lex(end), Lex::Unit(Unit::Minute, _));
                if n.fract() != 0.0 || !(1.0..60.0).contains(&n) || !(words || unit) {
                    return None;
                }
                (if unit { end + 1 } else { end }, n as u8, !unit)
            }
            _ => return None,
        };
        let relation = self.word(j).text;
        let before = match () {
            _ if relation.eq_ignore_ascii_case("past") => false,
            _ if relation.eq_ignore_ascii_case("after") && !plain => false,
            _ if ["to", "before", "till", "til"].iter().any(|w| relation.eq_ignore_ascii_case(w)) => true,
            _ => return None,
        };
        j += 1;
        // "from ten to five" is a range; "two to three hours" a span.
        if before && i > 0 && ["from", "between"].iter().any(|w| self.text_is(i - 1, w)) {
            return None;
        }
        let (end, hour, meridiem) = match self.lex(j) {
            Lex::Kw(Kw::Noon | Kw::Midday) => (j + 1, 12, Some(true)),
            Lex::Kw(Kw::Midnight) => (j + 1, 12, Some(false)),
            Lex::Cardinal(h @ 1..=12) | Lex::Digits(h @ 1..=12, 1..=2) => {
                let (after, meridiem) = self.meridiem(j + 1);
                let after = self.clock_oclock(after).unwrap_or(after);
                match self.part_after_clock(after, h as u8) {
                    Some((end, pm)) if meridiem.is_none() => (end, h as u8, Some(pm)),
                    _ => (after, h as u8, meridiem),
                }
            }
            _ => return None,
        };
        // "twenty to five people", "three to four weeks", "outnumbered
        // them three to one": counts, not an hour. A time told plainly
        // before its hour needs a word before it that expects a time, and
        // the hour to end the phrase.
        let next = self.word(end);
        let closes = next.punct
            || end >= self.words.len()
            || matches!(next.lex, Lex::Kw(Kw::Today | Kw::Tomorrow | Kw::Tonight | Kw::On | Kw::This));
        let cue = i == 0 || {
            let b = self.word(i - 1);
            (b.punct && b.text != ",")
                || ["at", "@", "about", "around", "by", "until", "till", "is", "s", "was", "it", "its"]
                    .iter()
                    .any(|w| b.text.eq_ignore_ascii_case(w))
        };
        let told_plainly = before && plain && meridiem.is_none();
        if meridiem.is_none() && matches!(next.lex, Lex::Unit(..)) || told_plainly && !(closes && cue) {
            return None;
        }
        let (hour, minute, meridiem) = match before {
            false => (hour, minutes, meridiem),
            // "a quarter to noon" is 11:45 in the morning.
            true if hour == 12 => (11, 60 - minutes, meridiem.map(|pm| !pm)),
            true => (if hour == 1 { 12 } else { hour - 1 }, 60 - minutes, meridiem),
        };
        Some(ClockTold { end, hour, minute: Some(minute), meridiem })
    }

    /// "a.m.", "p.m", "am", "PM": Some(true) for the afternoon.
    pub(super) fn meridiem(&self, i: usize) -> (usize, Option<bool>) {
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

    pub(super) fn time_zone(&self, i: usize) -> bool {
        const ZONES: &[&str] =
            &["GMT", "UTC", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "BST", "CET", "CEST"];
        ZONES.contains(&self.word(i).text)
    }
}

/// A clock time as written: the hour (0 to 23, or 1 to 12 before am or
/// pm), the minute, am or pm when told, and where it ends.
#[derive(Clone, Copy, Debug)]
pub(super) struct ClockTold {
    pub(super) end: usize,
    hour: u8,
    minute: Option<u8>,
    /// Some(true) for pm.
    meridiem: Option<bool>,
}

impl ClockTold {
    /// The hour and minute on the 24-hour clock; `part`, the part of the
    /// day told with it, settles am or pm when the time does not.
    fn value(&self, part: Option<DayPart>) -> Option<(u8, Option<u8>)> {
        let twelve_hour = (1..=12).contains(&self.hour);
        let meridiem =
            self.meridiem.or_else(|| part.filter(|_| twelve_hour).and_then(|p| part_is_pm(p, self.hour)));
        // "3 p.m." is 15:00, as the TimeML gold writes it.
        let minute = self.minute.or(Some(0));
        let hour = match meridiem {
            Some(true) if (1..=11).contains(&self.hour) => self.hour + 12,
            Some(false) if self.hour == 12 => 0,
            Some(_) if !(1..=12).contains(&self.hour) => return None,
            _ if self.hour > 23 => return None,
            _ => self.hour,
        };
        Some((hour, minute))
    }
}

/// Whether a part of the day makes `hour` pm: the afternoon and evening
/// do, the night after six does ("10 at night", not "2 at night").
fn part_is_pm(part: DayPart, hour: u8) -> Option<bool> {
    match part {
        DayPart::Morning => Some(false),
        DayPart::Afternoon | DayPart::Evening => Some(true),
        DayPart::Night => Some((6..=11).contains(&hour)),
        DayPart::Day => None,
    }
}

/// An hour no clock shows.
fn hour_out_of_range(hour: u32) -> bool {
    hour > 24
}

/// The day a clock time after it falls on: a day ("10 p.m. Wednesday"),
/// or the day of a part of a day ("7pm tonight").
fn day_of(expr: Expr) -> Option<Expr> {
    match expr {
        Expr::WithPart(day, _) if is_day(&day) => Some(*day),
        day if is_day(&day) => Some(day),
        _ => None,
    }
}
