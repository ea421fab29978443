//! The gazetteer keys of a run's spans from one word, folded in one pass:
//! asking the gazetteer about each span `first..end` of a run would
//! otherwise join and fold the words again for each `end`, the square of
//! the run's length in copies.

use crate::words::Word;
use dateline_geo::fold;
use std::sync::LazyLock;

/// What [`fold`] makes of one character.
#[derive(Clone, Copy)]
enum Folded {
    /// A character of the key.
    Char(char),
    /// A separator: one space between the characters around it.
    Space,
    /// Nothing.
    Drop,
}

/// What [`fold`] makes of `c`, asked of `fold` itself (between two
/// letters, so that a separator shows), so that the keys here are its
/// keys exactly.
fn probe(c: char) -> Folded {
    let folded = fold(&format!("a{c}a"));
    let middle = &folded[1..folded.len() - 1];
    match middle {
        "" => Folded::Drop,
        " " => Folded::Space,
        _ => middle.chars().next().map_or(Folded::Drop, Folded::Char),
    }
}

/// [`probe`] for every ASCII character, asked once.
static ASCII: LazyLock<[Folded; 128]> = LazyLock::new(|| std::array::from_fn(|b| probe(b as u8 as char)));

/// The keys of the spans of words from `first`: the key of
/// `words[first..end]` is a prefix of the key of the whole run (folding
/// goes character by character, and a separator is written only before
/// the next character), so one folded string and where each word ends in
/// it give them all.
pub(crate) struct Keys {
    first: usize,
    folded: String,
    /// The length of the key after each word: `ends[k]` is that of the
    /// span of `k` words.
    ends: Vec<usize>,
}

impl Keys {
    /// The keys of the spans of `words[first..last]` that start at `first`,
    /// with the words joined as [`crate::words::join`] joins them.
    pub(crate) fn of(words: &[Word<'_>], first: usize, last: usize) -> Keys {
        let mut keys = Keys { first, folded: String::new(), ends: Vec::with_capacity(last - first + 1) };
        let mut space = false;
        keys.ends.push(0);
        for (k, word) in words[first..last].iter().enumerate() {
            if k > 0 && word.space_before {
                keys.push(' ', &mut space);
            }
            for c in word.text.chars() {
                keys.push(c, &mut space);
            }
            keys.ends.push(keys.folded.len());
        }
        keys
    }

    /// Folds one more character, as [`fold`] does.
    fn push(&mut self, c: char, space: &mut bool) {
        let folded = if c.is_ascii() { ASCII[c as usize] } else { probe(c) };
        match folded {
            Folded::Space => *space = !self.folded.is_empty(),
            Folded::Char(m) => {
                if *space {
                    self.folded.push(' ');
                    *space = false;
                }
                self.folded.push(m);
            }
            Folded::Drop => {}
        }
    }

    /// The key of `words[first..end]`: `fold(&join(&words[first..end]))`.
    pub(crate) fn key(&self, end: usize) -> &str {
        &self.folded[..self.ends[end - self.first]]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::words::{join, words, Lowered};
    use dateline_text::Segmented;

    #[test]
    fn every_key_is_the_fold_of_the_joined_words() {
        let texts = [
            "Troops left Nagorno-Karabakh and St. Louis, Mo. for the U.S. Army",
            "Laçın  Kəlbəcər — O'Connor D’Angelo / ÉCOLE Ÿork Straße ΑΘΗΝΑ 東京 Tokyo",
            "  A , B -- C.D. \"Quoted\" (Bracket) _under_ Ǆungla İstanbul ǅ",
        ];
        for text in texts {
            let segmented = Segmented::new(text);
            let mut lowered = Lowered::default();
            let words = words(&segmented, &mut lowered);
            for first in 0..words.len() {
                let keys = Keys::of(&words, first, words.len());
                for end in first..=words.len() {
                    assert_eq!(keys.key(end), fold(&join(&words[first..end])), "{text:?} {first}..{end}");
                }
            }
        }
    }
}
