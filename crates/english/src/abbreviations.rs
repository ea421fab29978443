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
