//! Abbreviations whose period is no full stop. Written for dateline from
//! the titles, company suffixes and street words of wire news.

/// Abbreviations (lowercase, without their period) after which a period
/// does not end a sentence: titles ("Gen.", "Sen."), company suffixes
/// ("Corp."), single letters of initials and "a.m.", and street words.
/// Months and weekdays are in [`crate::calendar::ABBREVIATIONS`].
pub const NO_SENTENCE_END: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st", "jr",
    "sr", "inc", "corp", "co", "ltd", "vs", "no", "u", "s", "a", "m", "p", "e", "g", "i", "mt", "ft", "ave",
    "blvd", "rev", "messrs", "adm", "maj", "cmdr", "gens",
];

/// Abbreviations (as written, without their period) that keep their
/// period inside a name: "St. Louis", "Sen. Kim", "Mt. Everest".
pub const IN_NAMES: &[&str] =
    &["St", "Mt", "Ft", "Sen", "Gov", "Rep", "Gen", "Dr", "Mr", "Mrs", "Ms", "Lt", "Col"];

/// Whether a period after `word` (lowercase) may leave the sentence open.
///
/// ```
/// assert!(dateline_english::abbreviation_ends_no_sentence("gen"));
/// assert!(dateline_english::abbreviation_ends_no_sentence("nov"));
/// assert!(!dateline_english::abbreviation_ends_no_sentence("troops"));
/// ```
pub fn abbreviation_ends_no_sentence(word: &str) -> bool {
    NO_SENTENCE_END.contains(&word) || crate::calendar::ABBREVIATIONS.contains(&word)
}

/// Abbreviations (lowercase, without their period) that often end a
/// sentence too: the "m" of "6 p.m.", the "s" of "the U.S.", company
/// suffixes. After one, a period ends the sentence when a word of
/// [`SENTENCE_OPENERS`] follows.
const MAY_END_SENTENCE: &[&str] = &["m", "s", "inc", "corp", "co", "ltd", "jr", "sr"];

/// Capitalised function words that open a sentence and never continue a
/// name or a time after an abbreviation ("at 6 p.m. The talks", but "6
/// p.m. Monday" and "the U.S. Embassy" go on).
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our",
    "This", "That", "These", "Those", "There", "But", "And", "Yet", "So", "In", "On", "At", "After",
    "Before", "When", "While", "If", "As", "Some", "Many", "Most", "No", "Earlier", "Later",
];

/// Whether a period after abbreviation `word` (lowercase; `dotted`: it
/// follows another letter and period, as "p.m." and "U.S." do) ends the
/// sentence because `next` opens one.
///
/// ```
/// use dateline_english::abbreviations::abbreviation_ends_sentence_before;
/// assert!(abbreviation_ends_sentence_before("m", true, "The"));
/// assert!(!abbreviation_ends_sentence_before("m", true, "Monday"));
/// assert!(!abbreviation_ends_sentence_before("gen", false, "The"));
/// ```
pub fn abbreviation_ends_sentence_before(word: &str, dotted: bool, next: &str) -> bool {
    let multi_letter = !matches!(word, "m" | "s") || dotted;
    multi_letter && MAY_END_SENTENCE.contains(&word) && SENTENCE_OPENERS.contains(&next)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_abbreviations_do_not_end_sentences_either() {
        for word in IN_NAMES {
            assert!(abbreviation_ends_no_sentence(&word.to_ascii_lowercase()), "{word}");
        }
    }
}
