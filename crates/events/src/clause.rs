//! Clauses: the part of a sentence that tells one event.

use dateline_text::Token;
use std::ops::Range;

/// Words that open a new clause.
const OPENERS: &[&str] = &[
    "but", "while", "whereas", "although", "though", "because", "which", "who", "whom", "that", "after",
    "before", "when", "as", "so", "yet", "where", "until", "unless", "if",
];

/// Auxiliaries and modals that open a verb group of their own after
/// "and".
const FINITE_AUXILIARIES: &[&str] = &[
    "will", "would", "shall", "should", "can", "could", "may", "might", "must", "has", "have", "had", "was",
    "were", "is", "are", "did", "does",
];

/// Relative pronouns: a clause they open is about the noun before them.
const RELATIVES: &[&str] = &["which", "who", "whom", "that"];

/// The clause of `sentence` (token range) that holds tokens `first..last`.
///
/// A clause ends at a semicolon or dash, before an opener word ("but",
/// "that", "after"), before ", and" and before "and" with a verb group
/// of its own ("and will resume"); an opener that heads the date
/// itself ("until November 25", "before Friday") does not split. A
/// relative clause takes in the clause before it, which names what it
/// is about.
pub(crate) fn clause_of(
    tokens: &[Token<'_>],
    sentence: Range<usize>,
    first: usize,
    last: usize,
) -> Range<usize> {
    let is_boundary = |i: usize| -> bool {
        if i <= sentence.start || (first..last).contains(&i) || i == first {
            return false;
        }
        let t = tokens[i].text;
        let lower = t.to_ascii_lowercase();
        if matches!(t, ";" | "—" | "–" | ":") {
            return true;
        }
        // "until November 25": an opener right before the date belongs to it.
        if i + 1 == first {
            return false;
        }
        let after_comma = tokens[i - 1].text == ",";
        // "were suspended this morning and will resume at 6 p.m.": a verb
        // group of its own after "and" tells an event of its own.
        let own_verb_group = tokens
            .get(i + 1)
            .is_some_and(|next| FINITE_AUXILIARIES.contains(&next.text.to_ascii_lowercase().as_str()));
        OPENERS.contains(&lower.as_str()) || (lower == "and" && (after_comma || own_verb_group))
    };
    let start = (sentence.start..=first).rev().find(|&i| is_boundary(i)).unwrap_or(sentence.start);
    let end = (last..sentence.end).find(|&i| is_boundary(i)).unwrap_or(sentence.end);
    let opener = tokens[start].text.to_ascii_lowercase();
    if start > sentence.start && RELATIVES.contains(&opener.as_str()) && tokens[start - 1].text == "," {
        // ", that were going on since July, turned hostile": the relative
        // clause ends at its closing comma.
        let previous = (sentence.start..start - 1).rev().find(|&i| is_boundary(i)).unwrap_or(sentence.start);
        let closing = (last..end).find(|&i| tokens[i].text == ",").map_or(end, |i| i + 1);
        return previous..closing;
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_text::{sentences, tokenize};

    fn clause(text: &str, date: &str) -> String {
        let tokens = tokenize(text);
        let at = tokens.iter().position(|t| t.text == date).unwrap();
        let sentence = sentences(&tokens).into_iter().find(|s| s.contains(&at)).unwrap();
        let range = clause_of(&tokens, sentence, at, at + 1);
        tokens[range].iter().map(|t| t.text).collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn table() {
        let cases = [
            (
                "Armenia was due to leave on Friday, but Yerevan sought time.",
                "Friday",
                "Armenia was due to leave on Friday ,",
            ),
            ("He said on Monday that the army would leave.", "Monday", "He said on Monday"),
            (
                "The fighting lasted before a deal came into force on Tuesday.",
                "Tuesday",
                "before a deal came into force on Tuesday .",
            ),
            (
                "It began after skirmishes, that were going on since July, turned hostile.",
                "July",
                "after skirmishes , that were going on since July ,",
            ),
            ("Troops had time until Friday to leave.", "Friday", "Troops had time until Friday to leave ."),
            (
                "Services were suspended this morning and will resume at 6 p.m.",
                "morning",
                "Services were suspended this morning",
            ),
            (
                "Services were suspended this morning and will resume at 6 p.m.",
                "6",
                "and will resume at 6 p . m .",
            ),
            (
                "Talks began on Monday and ended in a deal.",
                "Monday",
                "Talks began on Monday and ended in a deal .",
            ),
        ];
        for (text, date, want) in cases {
            assert_eq!(clause(text, date), want, "{text}");
        }
    }
}
