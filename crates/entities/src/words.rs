//! Words for name finding: tokens with abbreviations put back together
//! ("U.S.", "St."), and the runs of capitalised words names live in.

use dateline_text::{Segmented, TokenKind};
use std::borrow::Cow;
use std::ops::Range;

/// One word of the text. A document of 50 MB has millions of words, so
/// a word holds no allocation of its own: its lower-case form is the text
/// itself or a slice of one buffer shared by the document ([`Lowered`]).
pub(crate) struct Word<'a> {
    pub(crate) text: &'a str,
    pub(crate) lower: &'a str,
    /// The index of its first token; its offsets are those of the tokens
    /// from there that spell [`Word::text`]. A u32 with the flags below
    /// fills what a usize would: a word is 40 bytes, not 48.
    pub(crate) token: u32,
    pub(crate) space_before: bool,
    pub(crate) sentence_start: bool,
    pub(crate) capitalized: bool,
    pub(crate) punct: bool,
}

impl Word<'_> {
    /// The character offsets of words `first` to `last` (both included)
    /// and the text they span, from where the words start.
    pub(crate) fn span<'t>(
        starts: &Starts<'_, 't>,
        words: &[Word<'_>],
        first: usize,
        last: usize,
    ) -> (usize, usize, &'t str) {
        let ((a_char, a_byte), (b_char, b_byte)) = (starts.at(words, first), starts.at(words, last));
        let last = &words[last];
        (a_char, b_char + last.text.chars().count(), &starts.text()[a_byte..b_byte + last.text.len()])
    }
}

/// Where each word starts, as [`Word::span`] needs it: from the tokens of
/// the text, or, when the text is owned (and under 4 GiB), from the
/// character and byte offsets of each word's first token, taken so that
/// the tokens (56 bytes each, against 8 here) can go before the entities
/// are found.
pub(crate) enum Starts<'s, 't> {
    /// The text and its tokens.
    Tokens(Cow<'s, Segmented<'t>>),
    /// The text, and for each word, its character and byte offsets.
    Offsets { text: &'t str, at: Vec<(u32, u32)> },
}

impl<'s, 't> Starts<'s, 't> {
    /// Where `words` of `text` start; an owned text is let go.
    pub(crate) fn of(text: Cow<'s, Segmented<'t>>, words: &[Word<'_>]) -> Starts<'s, 't> {
        match text {
            // Offsets are at most the length of the text: they fit.
            Cow::Owned(text) if u32::try_from(text.text.len()).is_ok() => {
                let at = words
                    .iter()
                    .map(|w| {
                        let token = &text.tokens[w.token as usize];
                        (token.start as u32, token.bytes.start as u32)
                    })
                    .collect();
                Starts::Offsets { text: text.text, at }
            }
            text => Starts::Tokens(text),
        }
    }

    /// The character and byte offsets of word `i` of `words`.
    fn at(&self, words: &[Word<'_>], i: usize) -> (usize, usize) {
        match self {
            Starts::Tokens(text) => {
                let token = &text.tokens[words[i].token as usize];
                (token.start, token.bytes.start)
            }
            Starts::Offsets { at, .. } => (at[i].0 as usize, at[i].1 as usize),
        }
    }

    /// The whole text.
    fn text(&self) -> &'t str {
        match self {
            Starts::Tokens(text) => text.text,
            Starts::Offsets { text, .. } => text,
        }
    }
}

/// The lower-case forms of the words that are not in lower case already,
/// one after another in one buffer: the words borrow from it, so that a
/// long document costs one allocation here rather than one per word.
#[derive(Default)]
pub(crate) struct Lowered {
    text: String,
    /// For each word that is not ASCII, in order, the length of its
    /// lower-case form (lowering may change it), or 0 when lowering leaves
    /// the word as it is.
    lengths: Vec<usize>,
}

impl Lowered {
    /// The lower-case forms of `words` that differ from the words.
    fn of(words: &[Word<'_>]) -> Lowered {
        let mut lowered = Lowered::default();
        for word in words {
            if word.text.is_ascii() {
                if word.text.bytes().any(|b| b.is_ascii_uppercase()) {
                    let start = lowered.text.len();
                    lowered.text.push_str(word.text);
                    lowered.text[start..].make_ascii_lowercase();
                }
                continue;
            }
            let lower = word.text.to_lowercase();
            let changed = lower != word.text;
            lowered.lengths.push(if changed { lower.len() } else { 0 });
            if changed {
                lowered.text.push_str(&lower);
            }
        }
        lowered
    }

    /// Points each word's [`Word::lower`] at its lower-case form: `words`
    /// are those this was made [`of`](Lowered::of).
    fn lend<'a>(&'a self, words: &mut [Word<'a>]) {
        let (mut at, mut lengths) = (0, self.lengths.iter());
        for word in words {
            let len = match word.text.is_ascii() {
                true if word.text.bytes().any(|b| b.is_ascii_uppercase()) => word.text.len(),
                true => 0,
                false => lengths.next().copied().unwrap_or_default(),
            };
            if len > 0 {
                word.lower = &self.text[at..at + len];
                at += len;
            }
        }
    }
}

/// The words of a text, their lower-case forms kept in `lowered`.
pub(crate) fn words<'a>(text: &Segmented<'a>, lowered: &'a mut Lowered) -> Vec<Word<'a>> {
    let mut words = cased_words(text);
    *lowered = Lowered::of(&words);
    let lowered: &'a Lowered = lowered;
    lowered.lend(&mut words);
    words
}

/// The words of a text, each [`Word::lower`] still its text.
fn cased_words<'a>(text: &Segmented<'a>) -> Vec<Word<'a>> {
    let tokens = &text.tokens;
    let sentence_starts: Vec<usize> = text.sentences.iter().map(|r| r.start).collect();
    let mut out: Vec<Word<'_>> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        let mut end = i + 1;
        // "U.S.", "U.N.", "W.Va.": short capitalised pieces each followed
        // by a period.
        let piece = |t: &dateline_text::Token<'_>| {
            t.kind == TokenKind::Word
                && t.text.len() <= 2
                && t.text.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        };
        if piece(token) {
            let mut j = i;
            while j + 1 < tokens.len()
                && piece(&tokens[j])
                && tokens[j + 1].text == "."
                && !tokens[j + 1].space_before
            {
                j += 2;
                if !tokens.get(j).is_some_and(|t| !t.space_before && piece(t)) {
                    break;
                }
            }
            if j >= i + 4 {
                end = j;
            }
        }
        // "O'Connor", "D’Angelo": an Irish or Italian prefix and apostrophe
        // belong to the name.
        if end == i + 1
            && token.text.len() == 1
            && token.text.chars().all(|c| c.is_ascii_uppercase())
            && tokens.get(i + 1).is_some_and(|t| matches!(t.text, "'" | "’") && !t.space_before)
            && tokens.get(i + 2).is_some_and(|t| t.is_capitalized() && !t.space_before)
        {
            end = i + 3;
        }
        // "George W. Bush", "Matthew D. Flores": a middle initial stays in
        // the name.
        if end == i + 1
            && token.text.len() == 1
            && token.text.chars().all(|c| c.is_ascii_uppercase())
            && i > 0
            && tokens[i - 1].is_capitalized()
            && tokens.get(i + 1).is_some_and(|t| t.text == "." && !t.space_before)
            && tokens.get(i + 2).is_some_and(|t| t.is_capitalized() && t.space_before)
        {
            end = i + 2;
        }
        // "St." before a capitalised word; "Ga." and the other state
        // abbreviations wherever they stand.
        let period_after = tokens.get(i + 1).is_some_and(|t| t.text == "." && !t.space_before);
        let state =
            dateline_geo::US_STATE_ABBREVIATIONS.iter().any(|(a, _)| a.strip_suffix('.') == Some(token.text));
        if end == i + 1
            && period_after
            && (state
                || (dateline_english::abbreviations::IN_NAMES.contains(&token.text)
                    && tokens.get(i + 2).is_some_and(|t| t.is_capitalized())))
        {
            end = i + 2;
        }
        let last = &tokens[end - 1];
        let text_of = &text.text[token.bytes.start..last.bytes.end];
        out.push(Word {
            text: text_of,
            lower: text_of,
            // A text of 4 G tokens would not fit in memory.
            token: i as u32,
            space_before: token.space_before,
            sentence_start: sentence_starts.binary_search(&i).is_ok(),
            capitalized: token.is_capitalized(),
            punct: token.kind == TokenKind::Punct,
        });
        i = end;
    }
    out
}

/// Connectors allowed inside a name when a capitalised word follows:
/// "Bank of America", "Commissioner for Refugees", "Abd al Aziz".
const CONNECTORS: &[&str] =
    &["of", "for", "de", "la", "le", "du", "del", "da", "al", "el", "bin", "van", "von", "der"];

/// The most words a run may have. Names are a few words long; the
/// stages try the sub-spans of a run, so a run of thousands of
/// capitalised words (a shouted page, a list of names with no stop) would
/// cost their square: a longer run is cut into pieces of this length.
const MAX_RUN_WORDS: usize = 16;

/// Runs of capitalised words, as word index ranges, at most
/// [`MAX_RUN_WORDS`] long.
pub(crate) fn runs(words: &[Word<'_>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_name_word(&words[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        while let Some(next) = words.get(end) {
            if next.sentence_start || end - start >= MAX_RUN_WORDS {
                break;
            }
            if is_name_word(next) {
                end += 1;
                continue;
            }
            // "Nagorno-Karabakh": a hyphen between two capitalised words.
            let hyphen = next.punct && next.text == "-" && !next.space_before;
            let after = words.get(end + 1);
            if hyphen && after.is_some_and(|w| !w.space_before && is_name_word(w)) {
                end += 2;
                continue;
            }
            if CONNECTORS.contains(&next.lower) && after.is_some_and(is_name_word) {
                end += 2;
                continue;
            }
            break;
        }
        out.push(start..end);
        i = end;
    }
    out
}

fn is_name_word(word: &Word<'_>) -> bool {
    !word.punct && word.capitalized
}

/// The words of a run joined as written (hyphens kept).
pub(crate) fn join(run: &[Word<'_>]) -> String {
    let mut out = String::new();
    for (i, w) in run.iter().enumerate() {
        if i > 0 && w.space_before {
            out.push(' ');
        }
        out.push_str(w.text);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_texts(text: &str) -> Vec<String> {
        let text = Segmented::new(text);
        let mut lowered = Lowered::default();
        let words = words(&text, &mut lowered);
        runs(&words)
            .into_iter()
            .map(|r| words[r].iter().map(|w| w.text).collect::<Vec<_>>().join(" "))
            .collect()
    }

    #[test]
    fn a_word_stays_small() {
        // A document of 50 MB has eight million words.
        assert!(std::mem::size_of::<Word<'_>>() <= 40, "{} bytes", std::mem::size_of::<Word<'_>>());
    }

    #[test]
    fn runs_table() {
        let cases: &[(&str, &[&str])] = &[
            ("troops left the Nagorno-Karabakh region", &["Nagorno - Karabakh"]),
            ("a Moscow-brokered deal", &["Moscow"]),
            ("the U.S. Army and the Bank of America", &["U.S. Army", "Bank of America"]),
            ("Armenia and Azerbaijan", &["Armenia", "Azerbaijan"]),
            ("He moved to St. Louis. Then he left.", &["He", "St. Louis", "Then"]),
            ("Brian O’Connor, 38, of Hoboken", &["Brian O’Connor", "Hoboken"]),
        ];
        for (text, want) in cases {
            assert_eq!(&run_texts(text), want, "{text:?}");
        }
    }
}
