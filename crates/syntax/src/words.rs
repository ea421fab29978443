//! Words as Universal Dependencies splits them, from the pipeline's
//! tokens ("don't" is "do" + "n't", "U.S." one word, "mid-July" one word).

use dateline_text::Segmented;

/// One word as UD splits the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct UdWord<'a> {
    /// The word as written.
    pub text: &'a str,
    /// Character offset of its first character.
    pub start: usize,
    /// Character offset one past its end.
    pub end: usize,
}

/// The UD words of each sentence of a segmented text.
pub fn ud_words<'a>(text: &Segmented<'a>) -> Vec<Vec<UdWord<'a>>> {
    text.sentences
        .iter()
        .map(|sentence| {
            text.tokens[sentence.clone()]
                .iter()
                .map(|t| UdWord { text: t.text, start: t.start, end: t.end })
                .collect()
        })
        .collect()
}
