//! The event word of a clause: its main verb, or an event noun.

use dateline_english::nouns::EVENT_NOUNS;
use dateline_english::verbs::{AUXILIARIES, NOT_VERBS, PARTICLES, VERB_FORMS};
use dateline_text::Token;
use std::ops::Range;

/// The event word of the clause `clause` (token range) for a date at
/// tokens `first..last`: the verb nearest before the date, else the verb
/// nearest after it, else an event noun, else the clause's first word.
pub(crate) fn trigger(
    tokens: &[Token<'_>],
    clause: Range<usize>,
    first: usize,
    last: usize,
) -> (String, Range<usize>) {
    let lower = |i: usize| tokens[i].text.to_ascii_lowercase();
    let outside = |i: &usize| !(first..last).contains(i);
    let before = (clause.start..first).rev();
    let after = last..clause.end;
    // A finite verb ("shook") tells the event before a participle
    // ("measuring", "surrounding") does.
    let finite = |i: &usize| is_verb(tokens, *i) && !is_participle(tokens, *i);
    let any = |i: &usize| is_verb(tokens, *i);
    let verb = before
        .clone()
        .find(finite)
        .or_else(|| after.clone().find(finite))
        .or_else(|| before.clone().find(any))
        .or_else(|| after.clone().find(any));
    if let Some(i) = verb {
        let mut word = lower(i);
        if i + 1 < clause.end && outside(&(i + 1)) && PARTICLES.contains(&lower(i + 1).as_str()) {
            word.push(' ');
            word.push_str(&lower(i + 1));
        }
        return (word, i..i + 1);
    }
    let noun = before.clone().chain(after.clone()).find(|&i| EVENT_NOUNS.contains(&lower(i).as_str()));
    let fallback = || clause.clone().find(|i| outside(i) && tokens[*i].text.len() > 3);
    // "as he was last year": the copula is the event, a state.
    let copula = || before.chain(after).find(|&i| COPULAS.contains(&tokens[i].text));
    match noun.or_else(fallback).or_else(copula) {
        Some(i) => (lower(i), i..i + 1),
        None => (String::new(), first..first),
    }
}

/// Forms of "be", the event of a clause that has no other verb.
const COPULAS: [&str; 6] = ["is", "are", "was", "were", "been", "being"];

/// Verbs joined to the event word by "and" inside the clause: "troops
/// entered Aghdam and seized the town on Friday" dates both.
pub(crate) fn coordinated(
    tokens: &[Token<'_>],
    clause: Range<usize>,
    at: usize,
    date: Range<usize>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for i in clause.clone() {
        let same_form = is_participle(tokens, i) == is_participle(tokens, at);
        if i == at
            || date.contains(&i)
            || !is_verb(tokens, i)
            || !same_form
            || (i > 0 && tokens[i - 1].text == "to")
        {
            continue;
        }
        // The two verbs are joined when "and" (perhaps with one adverb)
        // stands right before the later one.
        let later = i.max(at);
        let joined = (later.saturating_sub(2)..later).any(|k| k > clause.start && tokens[k].text == "and");
        let between_clean =
            (i.min(at) + 1..later).all(|k| !matches!(tokens[k].text, "," | ";" | "but" | "or"));
        if joined && between_clean {
            out.push(i);
        }
    }
    out
}

/// "until November 25 to leave": the verb of a "to" right after the date.
pub(crate) fn verb_after_to(
    tokens: &[Token<'_>],
    clause: Range<usize>,
    last: usize,
) -> Option<(String, Range<usize>)> {
    (last + 1 < clause.end && tokens[last].text == "to" && is_verb(tokens, last + 1))
        .then(|| (tokens[last + 1].text.to_ascii_lowercase(), last + 1..last + 2))
}

/// An "-ing" form: a participle or gerund, not a finite verb.
fn is_participle(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].text.len() > 4 && tokens[i].text.ends_with("ing")
}

fn is_verb(tokens: &[Token<'_>], i: usize) -> bool {
    let word = tokens[i].text;
    if !word.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if AUXILIARIES.contains(&word) || NOT_VERBS.contains(&word) {
        return false;
    }
    let after_auxiliary = i > 0
        && matches!(
            tokens[i - 1].text,
            "to" | "will" | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "did"
        );
    VERB_FORMS.contains(&word)
        || (word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
        || (after_auxiliary && word.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_text::tokenize;

    #[test]
    fn table() {
        let cases = [
            ("Azerbaijan will hand over the Lachin district on December 1", "December", "hand over"),
            ("the country's troops had entered the Aghdam district on Friday", "Friday", "entered"),
            ("a peace deal came into force on November 10", "November", "came"),
            ("the war since September 27", "September", "war"),
        ];
        for (text, date, want) in cases {
            let tokens = tokenize(text);
            let at = tokens.iter().position(|t| t.text == date).unwrap();
            assert_eq!(trigger(&tokens, 0..tokens.len(), at, at + 2).0, want, "{text}");
        }
    }
}
