//! Synthetic articles for scale tests, made from the project's own
//! templates: places, people, events and date phrasing combined by a fixed
//! pseudo-random sequence, so every run makes the same corpus.

use dateline_core::{Date, Document};

const PLACES: &[&str] = &[
    "Baku",
    "Yerevan",
    "Moscow",
    "Kyiv",
    "Paris",
    "Berlin",
    "Madrid",
    "Rome",
    "Cairo",
    "Nairobi",
    "Lagos",
    "Tokyo",
    "Seoul",
    "Beijing",
    "Delhi",
    "Karachi",
    "Tehran",
    "Baghdad",
    "Ankara",
    "Athens",
    "Lisbon",
    "Warsaw",
    "Vienna",
    "Prague",
    "Budapest",
    "Bucharest",
    "Sofia",
    "Belgrade",
    "Zagreb",
    "Tbilisi",
    "Kabul",
    "Dhaka",
    "Jakarta",
    "Manila",
    "Hanoi",
    "Bangkok",
    "Lima",
    "Bogota",
    "Caracas",
    "Santiago",
    "Texas",
    "Ohio",
    "Georgia",
    "Ontario",
    "Bavaria",
    "Crimea",
    "Darfur",
    "Kashmir",
    "Sinai",
    "Gaza Strip",
];

const PEOPLE: &[&str] = &[
    "President Maria Lopez",
    "Prime Minister John Carter",
    "Foreign Minister Anna Novak",
    "General Ivan Petrov",
    "Governor Sarah Kim",
    "Mayor David Brown",
    "Senator Laura Chen",
    "Minister Ali Hassan",
];

const EVENTS: &[(&str, &str, &str)] = &[
    // (past, future, base)
    ("signed a trade agreement", "will sign a trade agreement", "sign a trade agreement"),
    ("opened a new bridge", "will open a new bridge", "open a new bridge"),
    ("held talks", "will hold talks", "hold talks"),
    ("announced new elections", "will announce new elections", "announce new elections"),
    ("closed the border", "will close the border", "close the border"),
    (
        "launched a vaccination campaign",
        "will launch a vaccination campaign",
        "launch a vaccination campaign",
    ),
    ("evacuated residents", "will evacuate residents", "evacuate residents"),
    ("released prisoners", "will release prisoners", "release prisoners"),
];

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// A small linear congruential generator: enough to vary templates.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self, n: usize) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// The `n`-th synthetic article.
pub fn article(n: usize) -> Document {
    let mut rng = Sequence(n as u64 ^ 0x5eed);
    let base = Date::new(2015, 1, 1).unwrap_or_default();
    let dct = base.checked_add(jiff::Span::new().days(rng.next(3000) as i64)).unwrap_or(base);
    let place = PLACES[rng.next(PLACES.len())];
    let other = PLACES[rng.next(PLACES.len())];
    let person = PEOPLE[rng.next(PEOPLE.len())];
    let (past, future, base_form) = EVENTS[rng.next(EVENTS.len())];
    let (past2, future2, _) = EVENTS[rng.next(EVENTS.len())];
    let month = MONTHS[rng.next(12)];
    let day = 1 + rng.next(28);
    let weekday = WEEKDAYS[rng.next(7)];
    let text = format!(
        "{person} {past} in {place} on {weekday}, officials said. \
         Officials in {other} {past2} on {month} {day}, and the government {future2} next month. \
         {place} was supposed to {base_form} in {month}, but the plan was delayed. \
         Local leaders {future} by the end of the year, according to a statement from {other}.",
    );
    let mut doc = Document::new(dct, text);
    doc.id = format!("synthetic-{n}");
    doc.title = Some(format!("{place}: {past}"));
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_number_makes_the_same_article() {
        assert_eq!(article(7), article(7));
        assert_ne!(article(7).text, article(8).text);
    }
}
