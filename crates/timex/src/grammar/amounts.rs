//! Amounts of time: durations with their qualifiers ("over a month"), and
//! the shifts built from them ("three days ago", "a year earlier").

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// Durations with their qualifiers, and the shifts built from them
    /// ("three days ago", "a year earlier").
    pub(super) fn amount_phrase(&self, i: usize) -> Option<(usize, Expr, Option<TimexMod>)> {
        let (start, modifier) = self.quantity_modifier(i).unwrap_or((i, None));
        // "over the past year": the TimeML corpora date it (the year
        // before), as they date "the last week".
        if start == i && self.kw(i, Kw::The) && self.kw(i + 1, Kw::Past) {
            if let Some((unit @ (Unit::Week | Unit::Month | Unit::Year), false)) = self.unit(i + 2) {
                return Some((i + 3, Expr::Relative(unit, -1), None));
            }
        }
        let (end, amount) = self.amount(start)?;
        // "$2 million a year", "358,000 a month": a rate, which the TimeML
        // corpora leave out.
        let shifted = matches!(self.lex(end), Lex::Kw(Kw::Ago | Kw::Earlier | Kw::Later | Kw::Hence));
        let after_quantity = || {
            i > 0
                && (matches!(self.lex(i - 1), Lex::Digits(..))
                    || ["million", "billion", "thousand", "percent", "%", "cents", "dollars"]
                        .iter()
                        .any(|w| self.text_is(i - 1, w)))
        };
        if start == i && self.kw(i, Kw::A) && !shifted && after_quantity() {
            return None;
        }
        // "a week or so ago": roughly that long.
        let (end, modifier) = if self.text_is(end, "or") && self.text_is(end + 1, "so") {
            (end + 2, modifier.or(Some(TimexMod::Approx)))
        } else {
            (end, modifier)
        };
        // "three-quarters of its food", "a quarter of the market": a share.
        if amount.unit == Unit::Quarter && self.kw(end, Kw::Of) {
            return None;
        }
        // "three days ago", "a year earlier", "two weeks from now"
        let shift = |direction, from_reference, end| {
            Some((end, Expr::Shift { amount, direction, from_reference, whole: false }, modifier))
        };
        match self.lex(end) {
            Lex::Kw(Kw::Ago) => return shift(-1, false, end + 1),
            Lex::Kw(Kw::Earlier) if amount.count.is_some() => return shift(-1, true, end + 1),
            Lex::Kw(Kw::Later) if amount.count.is_some() => return shift(1, true, end + 1),
            Lex::Kw(Kw::Hence) => return shift(1, false, end + 1),
            Lex::Kw(Kw::From) if self.kw(end + 1, Kw::Now) => return shift(1, false, end + 2),
            _ => {}
        }
        Some((end, Expr::Duration(amount), modifier))
    }

    /// "more than", "about", "at least"... before an amount.
    pub(super) fn quantity_modifier(&self, i: usize) -> Option<(usize, Option<TimexMod>)> {
        use TimexMod::*;
        let m = match (self.lex(i), self.lex(i + 1)) {
            (Lex::Kw(Kw::More | Kw::Over), Lex::Kw(Kw::Than)) => (i + 2, MoreThan),
            (Lex::Kw(Kw::Less), Lex::Kw(Kw::Than)) => (i + 2, LessThan),
            (Lex::Kw(Kw::At), Lex::Kw(Kw::Least)) => (i + 2, EqualOrMore),
            (Lex::Kw(Kw::At), Lex::Kw(Kw::Most)) => (i + 2, EqualOrLess),
            (Lex::Kw(Kw::Up), Lex::Kw(Kw::To)) => (i + 2, EqualOrLess),
            (Lex::Other, Lex::Kw(Kw::More)) if self.text_is(i, "no") && self.kw(i + 2, Kw::Than) => {
                (i + 3, EqualOrLess)
            }
            (Lex::Kw(Kw::Over), next) if next != Lex::Kw(Kw::The) => (i + 1, MoreThan),
            (Lex::Kw(Kw::Under), _) => (i + 1, LessThan),
            (Lex::Kw(Kw::Nearly | Kw::Almost), _) => (i + 1, LessThan),
            (Lex::Kw(Kw::About | Kw::Around | Kw::Approximately | Kw::Roughly | Kw::Some), _) => {
                (i + 1, Approx)
            }
            (Lex::Kw(Kw::Within), _) => (i + 1, EqualOrLess),
            _ => return None,
        };
        Some((m.0, Some(m.1)))
    }

    /// "three months", "48 hours", "two-year", "month-long", "the past two
    /// months", "several weeks", "decades".
    pub(super) fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        // "the past two months", "the next few days", "the first nine months"
        let after_the = self.skip_the(i);
        if let Lex::Kw(Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following)
        | Lex::Ordinal(1) = self.lex(after_the)
        {
            let j = after_the + 1;
            if let Some((end, count)) = self.count(j).filter(|_| !self.kw(j, Kw::A)) {
                if let Some((unit, true)) = self.unit(end) {
                    if unit != Unit::Second || count.is_some() {
                        return Some((end + 1, Amount { count, unit }));
                    }
                }
            }
            // "the past year", "the past week": a duration of one unit.
            if matches!(self.lex(after_the), Lex::Kw(Kw::Past)) && after_the > i {
                if let Some((
                    unit @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year | Unit::Decade),
                    false,
                )) = self.unit(j)
                {
                    return Some((j + 1, Amount { count: Some(1.0), unit }));
                }
            }
        }
        // "the nine months", "the weeks ahead"
        if after_the > i {
            if let Some((end, Some(n))) = self.number(after_the).map(|(e, n)| (e, Some(n))) {
                if let Some((unit, true)) = self.unit(end) {
                    return Some((end + 1, Amount { count: Some(n), unit }));
                }
            }
            if let Some((unit, true)) = self.unit(after_the) {
                if self.kw(after_the + 1, Kw::Ahead) {
                    return Some((after_the + 2, Amount { count: None, unit }));
                }
            }
            // "in the coming days"
            if self.kw(after_the, Kw::Coming) {
                if let Some((unit, true)) = self.unit(after_the + 1) {
                    return Some((after_the + 2, Amount { count: None, unit }));
                }
            }
            return None;
        }
        // "month-long"
        if let Some((unit, false)) = self.unit(i) {
            if self.hyphen(i + 1) && self.kw(i + 2, Kw::Long) {
                return Some((i + 3, Amount { count: Some(1.0), unit }));
            }
        }
        // "decades-long", "years ago", "for years", "within weeks", "in
        // coming months", "the weeks ahead": an unknown number of units.
        if let Some((unit, true)) = self.unit(i) {
            let long = self.hyphen(i + 1) && self.kw(i + 2, Kw::Long);
            let after_preposition = i > 0
                && (matches!(self.lex(i - 1), Lex::Kw(Kw::Within | Kw::Coming | Kw::Over))
                    || ["for", "in"].iter().any(|p| self.text_is(i - 1, p)));
            if long || self.kw(i + 1, Kw::Ago) || after_preposition {
                return Some((if long { i + 3 } else { i + 1 }, Amount { count: None, unit }));
            }
        }
        // "a month-long battle": the expression is "month-long".
        if self.kw(i, Kw::A) && self.unit(i + 1).is_some() && self.hyphen(i + 2) {
            return None;
        }
        let (end, count) = self.count(i)?;
        // "two-year", "24-hour", "five-day-old"
        let (unit_at, hyphenated) = if self.hyphen(end) && count.is_some() && !self.kw(i, Kw::A) {
            (end + 1, true)
        } else {
            (end, false)
        };
        // "two more days", "an additional year", "eight trading days"
        let qualified = self.kw(unit_at, Kw::More)
            || ["additional", "extra", "trading", "business", "working", "consecutive", "straight"]
                .iter()
                .any(|w| self.text_is(unit_at, w));
        let unit_at = if qualified && !hyphenated { unit_at + 1 } else { unit_at };
        let (unit, plural) = self.unit(unit_at)?;
        if unit == Unit::Second && !plural && !hyphenated {
            return None; // "the second", "a second time": an ordinal
        }
        if plural && count == Some(1.0) && self.kw(i, Kw::A) {
            return None;
        }
        // "the 1988 quarter": a year before a singular unit is no amount;
        // "a five year low" (transcripts drop the hyphen) is one.
        if !plural && !hyphenated && count.is_some_and(|c| c >= 100.0) {
            return None;
        }
        let mut end = unit_at + 1;
        // Ages ("a 6-year-old boy", "58 years old") are left out, as the
        // TimeML corpora of news leave them; posts tell them as spans of
        // time ("16 days old").
        if self.kw(end, Kw::Old) && self.colloquial {
            end += 1;
        } else if self.kw(end, Kw::Old) || (self.hyphen(end) && self.kw(end + 1, Kw::Old)) {
            return None;
        }
        if self.hyphen(end) && self.kw(end + 1, Kw::Long) {
            end += 2;
        }
        // "a minute and a half", "an hour and a half"
        let mut count = count;
        if !plural && self.kw(end, Kw::And) && self.kw(end + 1, Kw::A) && self.kw(end + 2, Kw::Half) {
            count = count.map(|c| c + 0.5);
            end += 3;
        }
        Some((end, Amount { count, unit }))
    }
}
