//! Clock times ("10:35 a.m.", "noon Thursday") and days with their part of
//! the day ("Friday morning").

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// A date, a time, or a day with its time: the core of the grammar.
    pub(super) fn date_time(&self, i: usize) -> Parsed {
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
        if let Some((day_end, day)) = self.date(day_at).filter(|(_, d)| is_day(d)) {
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

    /// "10:35 a.m.", "3 p.m.", "15:00 GMT", "noon", "midnight".
    pub(super) fn clock(&self, i: usize) -> Option<(usize, u8, Option<u8>)> {
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
