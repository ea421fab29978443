//! Nouns that name events, for clauses without a verb ("the war since
//! September 27") and for events scheduled by name ("Friday's final").
//! Written for dateline from the wording of wire news.

/// Nouns that name events: the trigger of a clause without a verb, and
/// event mentions as TimeML marks them.
#[rustfmt::skip]
pub const EVENT_NOUNS: &[&str] = &[
    "war", "deal", "ceasefire", "truce", "election", "elections", "vote", "attack", "attacks", "strike",
    "talks", "meeting", "summit", "agreement", "referendum", "protest", "protests", "visit", "launch",
    "handover", "transfer", "withdrawal", "invasion", "offensive", "battle", "fighting", "skirmishes",
    "clashes", "exchange", "earthquake", "flood", "floods", "storm", "fire", "explosion", "bombing",
    "trial", "hearing", "ruling", "deadline", "conference", "ceremony", "funeral", "wedding", "release",
    "crash", "collapse",
];

/// Events that are scheduled by name, after a possessive date: "Friday's
/// final", "Sunday's vote", "Tuesday's hearing".
pub const SCHEDULED_EVENTS: &[&str] = &[
    "final",
    "match",
    "game",
    "vote",
    "election",
    "elections",
    "referendum",
    "summit",
    "meeting",
    "talks",
    "deadline",
    "ceremony",
    "race",
    "poll",
    "polls",
    "hearing",
    "session",
    "debate",
    "launch",
    "opening",
    "showdown",
    "clash",
    "semifinal",
    "semi-final",
    "run-off",
    "runoff",
    "inauguration",
    "funeral",
    "parade",
    "rally",
    "kickoff",
    "derby",
    "visit",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_words() {
        for word in EVENT_NOUNS.iter().chain(SCHEDULED_EVENTS) {
            assert!(word.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{word:?}");
        }
        assert!(EVENT_NOUNS.contains(&"ceasefire") && SCHEDULED_EVENTS.contains(&"final"));
    }
}
