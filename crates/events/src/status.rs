//! Status: what the clause says about whether the event happened.

use dateline_core::{Date, Status};

/// Phrases (lowercase words) that mark an event that was due and did not
/// happen.
const MISSED: &[&[&str]] = &[
    &["supposed", "to"],
    &["was", "due", "to"],
    &["were", "due", "to"],
    &["had", "been", "scheduled"],
    &["had", "been", "expected"],
    &["had", "been", "planned"],
    &["had", "been", "due"],
    &["was", "to", "have"],
    &["were", "to", "have"],
    &["postponed", "from"],
    &["meant", "to"],
    &["failed", "to"],
    &["was", "scheduled", "to"],
    &["were", "scheduled", "to"],
    &["delayed", "from"],
];

/// Phrases that announce an event for a date.
const SCHEDULED: &[&[&str]] = &[
    &["will"],
    &["shall"],
    &["ll"],
    &["is", "due"],
    &["are", "due"],
    &["is", "scheduled"],
    &["are", "scheduled"],
    &["plans", "to"],
    &["plan", "to"],
    &["planned", "for"],
    &["is", "set", "to"],
    &["are", "set", "to"],
    &["is", "to"],
    &["are", "to"],
    &["upcoming"],
    &["going", "to"],
];

/// Phrases that forecast, hope or judge likely.
const EXPECTED: &[&[&str]] = &[
    &["expects"],
    &["expected"],
    &["expect"],
    &["hopes"],
    &["hope"],
    &["hoped"],
    &["could"],
    &["may"],
    &["might"],
    &["likely"],
    &["would"],
    &["forecast"],
    &["forecasts"],
    &["predicts"],
    &["predicted"],
    &["anticipated"],
    &["anticipates"],
    &["should"],
];

/// Prepositions that make the date a limit.
const DEADLINE_BEFORE: &[&str] = &["until", "till", "by", "before"];

/// The status of an event told by `words` (the clause, lowercase), dated
/// by a date that `preposition` (the word right before it) introduces.
pub(crate) fn status(
    words: &[String],
    preposition: &str,
    before_preposition: &str,
    start: Date,
    dct: Date,
) -> Status {
    let has = |phrases: &[&[&str]]| phrases.iter().any(|p| contains(words, p));
    if has(MISSED) {
        return Status::Missed;
    }
    let no_later_than = before_preposition == "than" || preposition == "than";
    if DEADLINE_BEFORE.contains(&preposition) || no_later_than || words.iter().any(|w| w == "deadline") {
        return Status::Deadline;
    }
    if preposition == "since" {
        // "were going on since July" continues; "were involved in a war
        // since September 27" dates its start.
        let continuing = words.iter().any(|w| w.ends_with("ing") && w.len() > 4)
            || words.iter().any(|w| matches!(w.as_str(), "has" | "have"))
            || words.iter().any(|w| matches!(w.as_str(), "is" | "are" | "remains" | "remain" | "continues"));
        return if continuing { Status::Ongoing } else { Status::Occurred };
    }
    let future = start > dct;
    if has(SCHEDULED) && (future || start == dct) {
        return Status::Scheduled;
    }
    if has(EXPECTED) && future {
        return Status::Expected;
    }
    if future {
        return Status::Scheduled;
    }
    Status::Occurred
}

fn contains(words: &[String], phrase: &[&str]) -> bool {
    words.windows(phrase.len()).any(|w| w.iter().zip(phrase).all(|(a, b)| a == b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_string).collect()
    }

    #[test]
    fn table() {
        let dct: Date = "2020-11-26".parse().unwrap();
        let d = |s: &str| s.parse::<Date>().unwrap();
        let cases = [
            (
                "armenia was supposed to hand over the region on november 15",
                "on",
                d("2020-11-15"),
                Status::Missed,
            ),
            ("troops had time until november 25 to leave", "until", d("2020-11-25"), Status::Deadline),
            ("that were going on since july", "since", d("2020-07-01"), Status::Ongoing),
            ("they were involved in a war since september 27", "since", d("2020-09-27"), Status::Occurred),
            ("azerbaijan will hand over lachin on december 1", "on", d("2020-12-01"), Status::Scheduled),
            ("the bank expects growth in 2021", "in", d("2021-01-01"), Status::Expected),
            ("troops had entered aghdam on friday", "on", d("2020-11-20"), Status::Occurred),
        ];
        for (text, preposition, start, want) in cases {
            assert_eq!(status(&words(text), preposition, "", start, dct), want, "{text}");
        }
    }
}
