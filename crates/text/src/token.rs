use std::ops::Range;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    /// A run of letters.
    Word,
    /// A run of ASCII digits.
    Number,
    /// Any other visible character, alone.
    Punct,
}

/// One token of a text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token<'a> {
    /// The token as written.
    pub text: &'a str,
    /// What it is made of.
    pub kind: TokenKind,
    /// Character offset of its first character.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
    /// Byte range in the text.
    pub bytes: Range<usize>,
    /// Whether whitespace (or the start of the text) comes right before it.
    pub space_before: bool,
    /// How many line breaks come between it and the previous token.
    pub line_breaks_before: u32,
}

impl Token<'_> {
    /// Whether the first character is an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// Splits a text into tokens.
///
/// ```
/// use dateline_text::{tokenize, TokenKind};
/// let tokens = tokenize("Since mid-July, 2020");
/// let words: Vec<&str> = tokens.iter().map(|t| t.text).collect();
/// assert_eq!(words, ["Since", "mid", "-", "July", ",", "2020"]);
/// assert_eq!(tokens[5].kind, TokenKind::Number);
/// assert_eq!((tokens[5].start, tokens[5].end), (16, 20));
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut chars = text.char_indices().peekable();
    let mut char_pos = 0;
    let mut space_before = true;
    let mut line_breaks_before = 0;
    while let Some((byte, c)) = chars.next() {
        let start = char_pos;
        char_pos += 1;
        if c.is_whitespace() {
            space_before = true;
            line_breaks_before += u32::from(c == '\n');
            continue;
        }
        let kind = if c.is_ascii_digit() {
            TokenKind::Number
        } else if c.is_alphabetic() {
            TokenKind::Word
        } else {
            TokenKind::Punct
        };
        let mut end_byte = byte + c.len_utf8();
        if kind != TokenKind::Punct {
            while let Some(&(b, next)) = chars.peek() {
                let same = match kind {
                    TokenKind::Number => next.is_ascii_digit(),
                    _ => next.is_alphabetic() || is_combining_mark(next),
                };
                if !same {
                    break;
                }
                chars.next();
                char_pos += 1;
                end_byte = b + next.len_utf8();
            }
        }
        tokens.push(Token {
            text: &text[byte..end_byte],
            kind,
            start,
            end: char_pos,
            bytes: byte..end_byte,
            space_before,
            line_breaks_before,
        });
        space_before = false;
        line_breaks_before = 0;
    }
    tokens
}

/// Combining marks stay inside words ("é" written as e + accent).
fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn offsets_are_characters_not_bytes() {
        let tokens = tokenize("Laçın, 1 Dec");
        assert_eq!(tokens[0].text, "Laçın");
        assert_eq!((tokens[0].start, tokens[0].end), (0, 5));
        assert_eq!((tokens[2].start, tokens[2].end), (7, 8));
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("10:30 a.m.", &["10", ":", "30", "a", ".", "m", "."]),
            ("2020-11-25", &["2020", "-", "11", "-", "25"]),
            ("country's", &["country", "'", "s"]),
            ("", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = tokenize(text).iter().map(|t| t.text).collect();
            assert_eq!(&got, want, "{text:?}");
        }
    }

    #[test]
    fn line_breaks_are_counted() {
        let tokens = tokenize("a\n\nb c");
        assert_eq!(tokens[1].line_breaks_before, 2);
        assert_eq!(tokens[2].line_breaks_before, 0);
    }

    proptest! {
        #[test]
        fn spans_slice_back_to_token_text(text in "\\PC{0,80}") {
            let chars: Vec<char> = text.chars().collect();
            for token in tokenize(&text) {
                let by_chars: String = chars[token.start..token.end].iter().collect();
                prop_assert_eq!(&by_chars, token.text);
                prop_assert_eq!(&text[token.bytes.clone()], token.text);
            }
        }
    }
}
