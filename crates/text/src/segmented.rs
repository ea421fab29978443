use crate::{sentences, tokenize, Token};
use std::ops::Range;

/// A text split once into tokens and sentences: what every later stage
/// reads, so that no stage segments the text again.
///
/// ```
/// use dateline_text::Segmented;
/// let text = Segmented::new("Troops left on Friday. They returned.");
/// assert_eq!(text.sentences.len(), 2);
/// assert_eq!(text.tokens[3].text, "Friday");
/// assert_eq!(text.sentence_of(5), Some(1));
/// assert_eq!(text.first_token_ending_after(16), Some(3));
/// ```
#[derive(Clone, Debug)]
pub struct Segmented<'a> {
    /// The text itself.
    pub text: &'a str,
    /// Its tokens, in order.
    pub tokens: Vec<Token<'a>>,
    /// Its sentences, as ranges of token indices, in order.
    pub sentences: Vec<Range<usize>>,
}

impl<'a> Segmented<'a> {
    /// Tokenises `text` and splits it into sentences.
    pub fn new(text: &'a str) -> Segmented<'a> {
        let tokens = tokenize(text);
        let sentences = sentences(&tokens);
        Segmented { text, tokens, sentences }
    }

    /// The index of the sentence that holds token `token`.
    pub fn sentence_of(&self, token: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= token);
        self.sentences.get(i).filter(|s| s.contains(&token)).map(|_| i)
    }

    /// The first token that ends after character `offset`: the token at
    /// or after it.
    pub fn first_token_ending_after(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.end <= offset);
        (i < self.tokens.len()).then_some(i)
    }

    /// The first token that starts at or after character `offset`.
    pub fn first_token_starting_from(&self, offset: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.start < offset);
        (i < self.tokens.len()).then_some(i)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The binary searches agree with the linear scans they replace.
        #[test]
        fn lookups_agree_with_scans(text in "[A-Za-z .,\n]{0,80}", offset in 0usize..90) {
            let seg = Segmented::new(&text);
            prop_assert_eq!(
                seg.first_token_ending_after(offset),
                seg.tokens.iter().position(|t| t.end > offset)
            );
            prop_assert_eq!(
                seg.first_token_starting_from(offset),
                seg.tokens.iter().position(|t| t.start >= offset)
            );
            for token in 0..seg.tokens.len() + 1 {
                prop_assert_eq!(seg.sentence_of(token), seg.sentences.iter().position(|s| s.contains(&token)));
            }
        }
    }
}
