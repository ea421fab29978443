//! The tense of the clause around an expression: it decides whether "on
//! Friday" is the Friday before the article or the one after it.

use crate::grammar::Word;

pub(crate) use dateline_core::Tense;
use dateline_english::function_words::DETERMINERS;
use dateline_english::nouns::SCHEDULED_EVENTS;
use dateline_english::verbs::{FUTURE_MARKERS, NOT_PAST_ED, PAST_MARKERS, PRESENT_MARKERS};

/// The tense that places the expression at `first..last`: the word
/// before it first, then the verbs around it.
pub(crate) fn tense_of(
    words: &[Word<'_>],
    sentence: std::ops::Range<usize>,
    first: usize,
    last: usize,
) -> Tense {
    let text = |i: usize| words[i].text.to_ascii_lowercase();
    let around = || tense_around(words, sentence.clone(), first, last);
    // "crude for January delivery", "the March contract": a futures
    // month is still to come.
    let after = (last < sentence.end).then(|| text(last));
    if after.as_deref().is_some_and(|w| matches!(w, "delivery" | "deliveries" | "contract" | "contracts"))
        || (first >= 2 && matches!(text(first - 2).as_str(), "delivery" | "deliveries"))
    {
        return Tense::Future;
    }
    // "ahead of January's elections", "ahead of the Monday vote", "ahead
    // of his funeral Wednesday".
    if ahead_of_before(words, sentence.start, first) {
        return Tense::Future;
    }
    // "they turn to Tuesday's match": a fixture is still to come unless
    // the clause tells of it as past.
    if scheduled_event_after(words, sentence.end, last) {
        return unless_past(Tense::Future, around());
    }
    let Some(before) = first.checked_sub(1).map(text) else {
        return around();
    };
    match before.as_str() {
        // "since July" began before the article.
        "since" => Tense::Past,
        // "The vote is Friday", "the deadline is on Monday": still to come.
        "is" | "are" => unless_past(Tense::Future, around()),
        "on" if first >= 2 && matches!(text(first - 2).as_str(), "is" | "are") => {
            unless_past(Tense::Future, around())
        }
        // "as soon as Tuesday", "as early as next week": the earliest a
        // thing may happen is still to come.
        "as" if first >= 3
            && text(first - 3) == "as"
            && matches!(text(first - 2).as_str(), "soon" | "early") =>
        {
            Tense::Future
        }
        // "until", "to" and "by" mark limits that may lie either side,
        // unless the clause looks ahead: "a plan to repay the loan by
        // February" sets a goal.
        "until" | "till" | "to" | "by" | "through" => match around() {
            Tense::Future => Tense::Future,
            _ if infinitive_before(words, sentence.start, first) => Tense::Future,
            _ => Tense::Unknown,
        },
        // "a new office, effective Feb. 1": a change dated either side
        // of the article, whatever the verb that announced it.
        "effective" => Tense::Unknown,
        _ => around(),
    }
}

/// Verbs that open a request or a command typed to a person or an
/// assistant: "add lunch on July 8th", "book a room for Friday".
const REQUEST_VERBS: &[&str] = &[
    "add",
    "book",
    "schedule",
    "reschedule",
    "remind",
    "set",
    "move",
    "put",
    "create",
    "make",
    "plan",
    "arrange",
    "organise",
    "organize",
    "cancel",
    "change",
    "push",
    "postpone",
    "reserve",
    "block",
    "invite",
    "call",
    "text",
    "email",
    "send",
    "pay",
    "order",
    "buy",
    "pick",
    "note",
    "save",
    "alert",
    "wake",
    "remember",
    "meet",
    "start",
    "finish",
    "submit",
    "renew",
    "bring",
    "take",
    "get",
    "go",
    "visit",
    "see",
    "watch",
    "register",
    "join",
    "prepare",
    "check",
    "review",
    "do",
    "come",
    "catch",
];

/// Words that may come before the verb of a request: "please", "can you",
/// "I need to", "don't forget to".
const BEFORE_REQUEST: &[&str] = &[
    "please", "pls", "plz", "kindly", "hey", "hi", "ok", "okay", "so", "and", "then", "also", "just", "can",
    "could", "would", "will", "you", "u", "i", "we", "need", "needs", "to", "want", "wanna", "have", "gotta",
    "must", "should", "let", "lets", "'", "s", "d", "like", "don", "dont", "t", "forget", "remember", ",",
];

/// Whether the clause starting at `clause_start` is a request whose verb
/// comes before `first`: "add lunch with Sam on July 8th", "can you move
/// my meeting to Friday".
pub(crate) fn requested(words: &[Word<'_>], clause_start: usize, first: usize) -> bool {
    let end = first.min(clause_start + 8);
    for (i, word) in words[clause_start..end].iter().enumerate() {
        let lower = word.text.to_ascii_lowercase();
        if REQUEST_VERBS.contains(&lower.as_str()) {
            return true;
        }
        // "how about Friday?", "what about sat": a suggestion looks ahead.
        if matches!(lower.as_str(), "how" | "what")
            && words.get(clause_start + i + 1).is_some_and(|w| w.text.eq_ignore_ascii_case("about"))
        {
            return clause_start + i + 1 < first;
        }
        // A hidden @mention ("@jo how about...") addresses the request.
        let mention = word.text.is_empty() || word.text == "@";
        if !mention && !BEFORE_REQUEST.contains(&lower.as_str()) {
            return false;
        }
    }
    false
}

/// A possessive and a scheduled event after the expression ending at
/// `last`: "Friday's final", "Sunday's vote".
fn scheduled_event_after(words: &[Word<'_>], clause_end: usize, last: usize) -> bool {
    last + 2 < clause_end
        && words[last].text == "'"
        && words[last + 1].text == "s"
        && SCHEDULED_EVENTS.iter().any(|e| words[last + 2].text.eq_ignore_ascii_case(e))
}

/// "ahead of" among the few words before `first`, with no verb or
/// punctuation between.
fn ahead_of_before(words: &[Word<'_>], clause_start: usize, first: usize) -> bool {
    const REACH: usize = 5;
    for i in (clause_start.max(first.saturating_sub(REACH))..first).rev() {
        if words[i].text.eq_ignore_ascii_case("of")
            && i > clause_start
            && words[i - 1].text.eq_ignore_ascii_case("ahead")
        {
            return true;
        }
        if words[i].punct || verb_tense(&words[i]).is_some() {
            return false;
        }
    }
    false
}

/// An infinitive ("to pay") among the few words before `first`, with no
/// finite verb between it and the expression.
fn infinitive_before(words: &[Word<'_>], clause_start: usize, first: usize) -> bool {
    const REACH: usize = 16;
    for i in (clause_start.max(first.saturating_sub(REACH))..first).rev() {
        if words[i].text.eq_ignore_ascii_case("to") {
            let next = words.get(i + 1);
            return next.is_some_and(|w| !w.punct && !w.capitalized && verb_tense(w).is_none())
                && i + 1 < first;
        }
        if verb_tense(&words[i]).is_some() {
            return false;
        }
    }
    false
}

/// `tense`, or the past when the clause is in it.
fn unless_past(tense: Tense, clause: Tense) -> Tense {
    if clause == Tense::Past {
        Tense::Past
    } else {
        tense
    }
}

/// The tense nearest to the expression at `first..last`, looking at most
/// a few words either side within `clause`.
fn tense_around(words: &[Word<'_>], clause: std::ops::Range<usize>, first: usize, last: usize) -> Tense {
    const REACH: usize = 12;
    let left = (clause.start.max(first.saturating_sub(REACH))..first)
        .rev()
        .find_map(|i| tense_at(words, i).map(|t| (first - i, t)));
    let right =
        (last..clause.end.min(last + REACH)).find_map(|i| tense_at(words, i).map(|t| (i + 1 - last, t)));
    // The verb before a date governs it more often than the one after it.
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            if dl <= dr + 3 {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}

/// The tense word `i` signals, if any. A plan reported in the past ("had
/// been scheduled to", "was expected to") dates something that is past too.
fn tense_at(words: &[Word<'_>], i: usize) -> Option<Tense> {
    // "is to resume", "are set to meet", "is due to vote": an arrangement
    // for the future.
    if words[i].text == "to" && i > 0 {
        let before = words[i - 1].text.to_ascii_lowercase();
        if matches!(before.as_str(), "is" | "are" | "set" | "due" | "slated") {
            return Some(arrangement(words, i - 1));
        }
    }
    // "the law takes effect on Monday", "comes into force": a schedule.
    if matches!(words[i].text, "takes" | "comes" | "goes")
        && words.get(i + 1).is_some_and(|w| matches!(w.text, "effect" | "into"))
    {
        return Some(Tense::Future);
    }
    // "elections are set for Sunday": a date fixed ahead, unless the
    // plan itself is past ("had been set for").
    if matches!(words[i].text, "set" | "slated") && words.get(i + 1).is_some_and(|w| w.text == "for") {
        return Some(arrangement(words, i));
    }
    let tense = verb_tense(&words[i])?;
    // "a still unspecified date", "the plan": an adjective or a noun.
    let noun_like =
        (tense == Tense::Past && words[i].text.ends_with("ed")) || matches!(words[i].text, "plan" | "plans");
    if i > 0 && noun_like {
        let mut j = i - 1;
        if j > 0 && matches!(words[j].text, "still" | "yet" | "newly" | "recently") {
            j -= 1;
        }
        if DETERMINERS.iter().any(|d| words[j].text.eq_ignore_ascii_case(d)) {
            return None;
        }
    }
    // "will be held": a participle after "be" takes its tense from the
    // auxiliary further left.
    if tense == Tense::Past && i > 0 && words[i - 1].text.eq_ignore_ascii_case("be") {
        return None;
    }
    let planned = ["scheduled", "planned", "expected", "supposed", "due"];
    if tense == Tense::Future && planned.iter().any(|p| words[i].text.eq_ignore_ascii_case(p)) {
        let before = &words[i.saturating_sub(2)..i];
        // "had been scheduled", "as previously planned": a plan of the past.
        if before
            .iter()
            .any(|w| matches!(w.text, "had" | "was" | "were" | "been" | "previously" | "originally"))
        {
            return Some(Tense::Past);
        }
    }
    Some(tense)
}

/// An arrangement whose word ("set", "due", "is") stands at `at`: ahead,
/// unless a past auxiliary before it reports an old plan ("was set to").
fn arrangement(words: &[Word<'_>], at: usize) -> Tense {
    let past = at > 0 && matches!(words[at - 1].text, "was" | "were" | "had" | "been");
    if past {
        Tense::Past
    } else {
        Tense::Future
    }
}

fn verb_tense(word: &Word<'_>) -> Option<Tense> {
    let text = word.text;
    if word.punct || text.len() > 16 || !text.is_ascii() {
        return None;
    }
    let mut buffer = [0u8; 16];
    let lower = &mut buffer[..text.len()];
    lower.copy_from_slice(text.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).ok()?;
    if FUTURE_MARKERS.contains(&lower) {
        return Some(Tense::Future);
    }
    if PAST_MARKERS.contains(&lower) {
        return Some(Tense::Past);
    }
    if PRESENT_MARKERS.contains(&lower) {
        return Some(Tense::Present);
    }
    if lower.len() > 4 && lower.ends_with("ed") && !word.capitalized && !NOT_PAST_ED.contains(&lower) {
        return Some(Tense::Past);
    }
    None
}
