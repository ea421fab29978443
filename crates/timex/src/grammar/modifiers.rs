//! Modified dates: "early 2019", "mid-December", "the end of 1990".

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// "early 2019", "mid-December", "late last year", "the end of 1990",
    /// "earlier this month", "the beginning of the year".
    pub(super) fn modified(&self, i: usize) -> Option<Found> {
        use TimexMod::*;
        let (core_at, modifier) = match self.lex(i) {
            // "mid-year", "midyear": the middle of the year in focus.
            Lex::Kw(Kw::Mid) if self.hyphen(i + 1) && self.lex(i + 2) == Lex::Unit(Unit::Year, false) => {
                return Some(Found { first: i, last: i + 3, expr: Expr::ReportedYear, modifier: Some(Mid) });
            }
            Lex::Other if self.text_is(i, "midyear") => {
                return Some(Found { first: i, last: i + 1, expr: Expr::ReportedYear, modifier: Some(Mid) });
            }
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
            // "year-end", "year end", "year's end": the end of the year in
            // focus.
            Lex::Unit(Unit::Year, false) => {
                let end_at = if self.hyphen(i + 1) {
                    i + 2
                } else if self.punct(i + 1, "'") && self.text_is(i + 2, "s") {
                    i + 3
                } else {
                    i + 1
                };
                if !self.kw(end_at, Kw::End) {
                    return None;
                }
                return Some(Found {
                    first: i,
                    last: end_at + 1,
                    expr: Expr::ReportedYear,
                    modifier: Some(End),
                });
            }
            _ => return None,
        };
        // "the early 1990s" puts the modifier after "the".
        let (end, expr) = if let Lex::DayPart(part) = self.lex(core_at) {
            // "mid-afternoon yesterday": the part of the day named after.
            let (end, day) = match self.lex(core_at + 1) {
                Lex::Kw(Kw::Yesterday) => (core_at + 2, -1),
                Lex::Kw(Kw::Today) => (core_at + 2, 0),
                Lex::Kw(Kw::Tomorrow) => (core_at + 2, 1),
                _ => (core_at + 1, 0),
            };
            (end, Expr::WithPart(Box::new(Expr::Relative(Unit::Day, day)), part))
        } else if self.kw(core_at, Kw::The) && self.lex(core_at + 1) == Lex::Unit(Unit::Week, false) {
            // "by the end of the week": this week ("the week" alone is
            // left out, as the corpora mostly leave it).
            (core_at + 2, Expr::Relative(Unit::Week, 0))
        } else {
            self.date_time(core_at)?
        };
        if matches!(expr, Expr::Clock(..)) {
            return None;
        }
        Some(Found { first: i, last: end, expr, modifier: Some(modifier) })
    }
}
