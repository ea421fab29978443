//! Numbers and counts: "48", "1,000", "twenty-five", "a few", and unit words.

use super::*;

impl<'w, 'a> Grammar<'w, 'a> {
    /// A count written in digits or words: "48", "1,000", "2.5", "twenty-five",
    /// "a hundred", "two and a half".
    pub(super) fn number(&self, i: usize) -> Option<(usize, f64)> {
        let (mut end, mut value) = match self.lex(i) {
            Lex::Digits(n, len) => {
                let mut value = f64::from(n);
                let mut end = i + 1;
                // Thousands groups: "1,000".
                while self.punct(end, ",") && self.glued(end) && self.glued(end + 1) {
                    match self.lex(end + 1) {
                        Lex::Digits(group, 3) if len <= 3 => {
                            value = value * 1000.0 + f64::from(group);
                            end += 2;
                        }
                        _ => break,
                    }
                }
                // Decimals: "2.5".
                if self.punct(end, ".") && self.glued(end) && self.glued(end + 1) {
                    if let Lex::Digits(fraction, flen) = self.lex(end + 1) {
                        value += f64::from(fraction) / 10f64.powi(i32::from(flen));
                        end += 2;
                    }
                }
                (end, value)
            }
            Lex::Cardinal(n) => {
                let mut value = f64::from(n);
                let mut end = i + 1;
                // "twenty-five", "twenty five"
                if (20..100).contains(&n) && n % 10 == 0 {
                    let next = if self.hyphen(end) { end + 1 } else { end };
                    if let Lex::Cardinal(unit @ 1..=9) = self.lex(next) {
                        value += f64::from(unit);
                        end = next + 1;
                    }
                }
                // "two hundred", "three thousand"
                while let Lex::Cardinal(scale @ (100 | 1000)) = self.lex(end) {
                    if n >= 100 {
                        break;
                    }
                    value *= f64::from(scale);
                    end += 1;
                }
                (end, value)
            }
            Lex::Kw(Kw::A) => match self.lex(i + 1) {
                Lex::Cardinal(scale @ (100 | 1000)) => (i + 2, f64::from(scale)),
                Lex::Kw(Kw::Dozen) => (i + 2, 12.0),
                _ => return None,
            },
            _ => return None,
        };
        // "two and a half", "2 1/2"
        let and_a_half = self.kw(end, Kw::And) && self.kw(end + 1, Kw::A) && self.kw(end + 2, Kw::Half);
        let slash_half = self.lex(end) == Lex::Digits(1, 1)
            && self.punct(end + 1, "/")
            && self.glued(end + 1)
            && self.glued(end + 2)
            && self.lex(end + 2) == Lex::Digits(2, 1);
        if and_a_half || slash_half {
            value += 0.5;
            end += 3;
        }
        Some((end, value))
    }

    /// How many units: a number, "a", "a few", "several", "a couple of".
    pub(super) fn count(&self, i: usize) -> Option<(usize, Option<f64>)> {
        // "the 2012-13 season": the end of a span of years counts nothing.
        let digits = matches!(self.lex(i), Lex::Digits(..));
        let ends_years = digits
            && i >= 2
            && self.hyphen(i - 1)
            && self.glued(i)
            && matches!(self.lex(i - 2), Lex::Digits(1000..=2199, 4));
        // "the world No. 1": a rank.
        let ranked = digits
            && ((i >= 1 && self.word(i - 1).text == "No")
                || (i >= 2 && self.punct(i - 1, ".") && self.word(i - 2).text == "No"));
        if ends_years || ranked {
            return None;
        }
        if let Some((end, n)) = self.number(i) {
            return Some((end, Some(n)));
        }
        match self.lex(i) {
            Lex::Kw(Kw::A) => match self.lex(i + 1) {
                Lex::Kw(Kw::Few) => Some((i + 2, None)),
                Lex::Kw(Kw::Couple) if self.kw(i + 2, Kw::Of) => Some((i + 3, Some(2.0))),
                Lex::Kw(Kw::Half) => Some((i + 2, Some(0.5))),
                _ => Some((i + 1, Some(1.0))),
            },
            Lex::Kw(Kw::Few | Kw::Several | Kw::Many) => Some((i + 1, None)),
            Lex::Kw(Kw::Couple) if self.kw(i + 1, Kw::Of) => Some((i + 2, Some(2.0))),
            Lex::Kw(Kw::Half) if self.kw(i + 1, Kw::A) => Some((i + 2, Some(0.5))),
            _ => None,
        }
    }

    /// A unit word; "second" doubles as an ordinal.
    pub(super) fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i) {
            Lex::Unit(unit, plural) => Some((unit, plural)),
            Lex::Ordinal(2) => Some((Unit::Second, false)),
            _ => None,
        }
    }
}
