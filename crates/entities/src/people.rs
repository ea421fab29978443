//! People: a name after a title, a later surname, the name's end.

use crate::found::Found;
use crate::lexicon::TITLES;
use crate::words::{join, Word};
use crate::Recognizer;

impl Recognizer {
    /// Records a person and remembers the surname for later mentions.
    pub(crate) fn person(&self, words: &[Word<'_>], first: usize, last: usize, found: &mut Found) {
        if first >= last {
            return;
        }
        let full = join(&words[first..last]);
        let canonical = found.known_people.get(&full.to_lowercase()).cloned().unwrap_or_else(|| full.clone());
        // A surname that is a country or a big city ("India" in "Star
        // India") is not remembered: its later mentions stay places.
        if last - first >= 2 && !self.is_wide_or_big(words[last - 1].text) {
            let surname = words[last - 1].lower.to_string();
            found.known_people.entry(surname).or_insert_with(|| canonical.clone());
            found.known_people.entry(full.to_lowercase()).or_insert_with(|| canonical.clone());
        }
        found.people.push((first, last, canonical));
    }
}

/// Where a name going on from `from` ends: at the first word in lower
/// case or punctuation ("Nadia Moayyad of Southlake" names a place after
/// "of").
pub(crate) fn name_end(words: &[Word<'_>], from: usize, last: usize) -> usize {
    (from..last).find(|&i| !words[i].capitalized || words[i].punct).unwrap_or(last)
}

/// The first title ("President", "Prime Minister", "Foreign Minister")
/// inside a run: its word range. Generic words ("state", "chief") count
/// only next to a real title.
pub(crate) fn title_span(words: &[Word<'_>], first: usize, last: usize) -> Option<(usize, usize)> {
    let is_title = |i: usize| TITLES.contains(&words[i].lower);
    let start = (first..last).find(|&i| is_title(i))?;
    let mut end = start;
    while end < last && (is_title(end) || (words[end].lower == "of" && end + 1 < last && is_title(end + 1))) {
        end += 1;
    }
    let weak = [
        "state",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "chief",
        "executive",
        "crown",
        "vice",
    ];
    let only_weak = (start..end).all(|i| weak.contains(&words[i].lower));
    (!only_weak).then_some((start, end))
}
