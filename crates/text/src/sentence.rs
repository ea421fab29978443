use crate::{Token, TokenKind};
use std::ops::Range;

/// Splits tokens into sentences; returns token index ranges.
///
/// A sentence ends at `.`, `!` or `?` (with any closing quotes or brackets)
/// when the next token starts with a capital, a digit or a quote and the
/// period does not close an abbreviation; and at a blank line.
///
/// ```
/// use dateline_text::{sentences, tokenize};
/// let tokens = tokenize("Gen. Smith left on Nov. 5. He returned.\n\nNew part");
/// assert_eq!(sentences(&tokens).len(), 3);
/// ```
pub fn sentences(tokens: &[Token<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut begin = 0;
    let mut i = 0;
    while i < tokens.len() {
        if i > begin && paragraph_break(&tokens[i]) {
            out.push(begin..i);
            begin = i;
        }
        let token = &tokens[i];
        if token.kind == TokenKind::Punct && matches!(token.text, "." | "!" | "?") {
            let mut end = i + 1;
            while end < tokens.len()
                && !tokens[end].space_before
                && matches!(tokens[end].text, "\"" | "'" | ")" | "]" | "”" | "’" | "." | "!" | "?")
            {
                end += 1;
            }
            let previous = i.checked_sub(1).map(|p| tokens[p].text.to_ascii_lowercase()).unwrap_or_default();
            let abbreviation = token.text == "."
                && i > 0
                && !token.space_before
                && tokens[i - 1].kind == TokenKind::Word
                && dateline_english::abbreviation_ends_no_sentence(&previous)
                // "at 6 p.m. The talks": an abbreviation that ends the sentence.
                && !tokens.get(end).is_some_and(|next| {
                    let dotted = i > 2 && tokens[i - 2].text == "." && !tokens[i - 1].space_before;
                    next.space_before
                        && dateline_english::abbreviations::abbreviation_ends_sentence_before(
                            &previous, dotted, next.text,
                        )
                });
            // "Matthew D. Flores": a middle initial after a given name.
            let initial = token.text == "."
                && i > 1
                && !token.space_before
                && tokens[i - 1].text.len() == 1
                && tokens[i - 1].text.chars().all(|c| c.is_ascii_uppercase())
                && tokens[i - 1].space_before
                && tokens[i - 2].kind == TokenKind::Word
                && tokens[i - 2].is_capitalized();
            let abbreviation = abbreviation || initial;
            let next_starts = tokens.get(end).is_none_or(|next| {
                next.space_before
                    && (next.is_capitalized()
                        || next.kind == TokenKind::Number
                        || matches!(next.text, "\"" | "“" | "'" | "(" | "‘"))
            });
            if next_starts && !abbreviation {
                out.push(begin..end);
                begin = end;
            }
            i = end;
            continue;
        }
        i += 1;
    }
    if begin < tokens.len() {
        out.push(begin..tokens.len());
    }
    out
}

/// A blank line ends a sentence; a single line break does not, because
/// wire copy wraps lines in the middle of sentences.
fn paragraph_break(token: &Token<'_>) -> bool {
    token.line_breaks_before >= 2
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize;

    fn split(text: &str) -> Vec<String> {
        let tokens = tokenize(text);
        sentences(&tokens)
            .into_iter()
            .map(|r| {
                let words: Vec<&str> = tokens[r].iter().map(|t| t.text).collect();
                words.join(" ")
            })
            .collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("It rained. Then it stopped.", &["It rained .", "Then it stopped ."]),
            ("At 10 a.m. Friday the U.S. Army left.", &["At 10 a . m . Friday the U . S . Army left ."]),
            ("\"We won.\" He said so.", &["\" We won . \"", "He said so ."]),
            ("Title\n\nBody text\nhere.", &["Title", "Body text here ."]),
            ("no end", &["no end"]),
            ("Matthew D. Flores left. He ran.", &["Matthew D . Flores left .", "He ran ."]),
            (
                "Trains resume at 6 p.m. The minister said so.",
                &["Trains resume at 6 p . m .", "The minister said so ."],
            ),
            ("Aid reached the U.S. It came late.", &["Aid reached the U . S .", "It came late ."]),
        ];
        for (text, want) in cases {
            assert_eq!(&split(text), want, "{text:?}");
        }
    }
}
