//! When two event words can tell the same event: the word rule of the
//! cross-document merge, public so that it can be measured on its own
//! (`dateline eval ecb`).
//!
//! A word is reduced to a few stems: its inflections removed ("handed",
//! "hands", "handing" meet at "hand") and, for a noun that names an action,
//! the verb it comes from ("explosion" meets "exploded", "arrival" meets
//! "arrived", "announcement" meets "announced"), and words that name the
//! same kind of event meet at their group ("nabbed" and "arrested",
//! `english::synonyms`). Two words can tell the same event when their
//! stems meet.

use dateline_english::synonyms::EVENT_SYNONYMS;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The stems of an event word (its first word, in lower case).
///
/// ```
/// use dateline_store::{event_stems, same_event_word};
/// assert!(same_event_word("exploded", "explosion"));
/// assert!(same_event_word("arrested", "arrest"));
/// assert!(same_event_word("nominated", "nomination"));
/// assert!(same_event_word("nominee", "nominated") && same_event_word("detainee", "detained"));
/// assert!(same_event_word("announcement", "announces"));
/// assert!(!same_event_word("fired", "hired"));
/// assert!(same_event_word("nabbed", "arrested") && same_event_word("struck", "hit"));
/// assert!(event_stems("hands").contains(&"hand".to_string()));
/// ```
pub fn event_stems(word: &str) -> Vec<String> {
    let mut stems = plain_stems(word);
    // Words of one kind of event meet at their group: "nabbed", "arrest".
    let groups: Vec<String> =
        stems.iter().filter_map(|s| SYNONYM_STEMS.get(s.as_str())).map(|group| format!("={group}")).collect();
    for group in groups {
        if !stems.contains(&group) {
            stems.push(group);
        }
    }
    stems
}

/// The stems of a word without its synonyms.
fn plain_stems(word: &str) -> Vec<String> {
    let word = word.split_whitespace().next().unwrap_or("").to_lowercase();
    let mut forms = vec![word.clone()];
    // A noun of action back to its verb.
    for (suffix, replacements) in NOMINAL_SUFFIXES {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 {
                forms.extend(replacements.iter().map(|r| format!("{base}{r}")));
            }
        }
    }
    let mut stems: Vec<String> = Vec::new();
    for form in forms {
        let form = form.as_str();
        let stem = inflection_stem(form);
        // "explode" and "exploded" meet at "explod"; "admitted" and "admit".
        let stem = stem.strip_suffix('e').filter(|s| s.len() >= 3).unwrap_or(&stem).to_string();
        let undoubled = undouble(&stem);
        for s in [stem, undoubled] {
            if !stems.contains(&s) {
                stems.push(s);
            }
        }
    }
    stems
}

/// The stems of each word of [`EVENT_SYNONYMS`], with its group.
static SYNONYM_STEMS: LazyLock<HashMap<String, usize>> = LazyLock::new(|| {
    let mut stems = HashMap::new();
    for (group, words) in EVENT_SYNONYMS.iter().enumerate() {
        for word in *words {
            for form in plain_stems(word) {
                stems.entry(form).or_insert(group);
            }
        }
    }
    stems
});

/// Whether two event words can tell the same event: their stems meet,
/// and neither only reports what someone said ("said", "told": two
/// sayings are two events unless more than the word joins them).
pub fn same_event_word(a: &str, b: &str) -> bool {
    let b = event_stems(b);
    !reports(a) && event_stems(a).iter().any(|s| b.contains(s))
}

/// Whether a word only reports speech.
pub fn reports(word: &str) -> bool {
    // Stemmed once, not once for each reporting verb.
    plain_stems(word).iter().any(|s| REPORTING.contains(&s.as_str()))
}

/// The stems of verbs that report speech.
const REPORTING: &[&str] =
    &["say", "said", "tell", "told", "add", "stat", "report", "explain", "not", "comment"];

/// Endings of nouns that name an action (or the one it befalls), with
/// the verb endings they come from: "explosion" ← "explode", "discussion"
/// ← "discuss", "arrival" ← "arrive", "nominee" ← "nominate".
const NOMINAL_SUFFIXES: &[(&str, &[&str])] = &[
    ("ssion", &["ss", "t"]),
    ("sion", &["de", "d", "se"]),
    ("ation", &["ate", "e", ""]),
    ("ition", &["ite", "ish"]),
    ("tion", &["te", "t"]),
    ("ment", &[""]),
    ("ance", &["", "e"]),
    ("ence", &["", "e"]),
    ("al", &["e", ""]),
    ("ure", &["", "e"]),
    ("ery", &["er"]),
    ("ee", &["ate", ""]),
];

/// The word without an inflection: "handed", "hands", "handing" → "hand".
fn inflection_stem(word: &str) -> String {
    for suffix in ["ing", "ied", "ies", "ed", "es", "s"] {
        if let Some(base) = word.strip_suffix(suffix) {
            if base.len() >= 3 && !word.ends_with("ss") {
                return match suffix {
                    "ied" | "ies" => format!("{base}y"),
                    _ => base.to_string(),
                };
            }
        }
    }
    word.to_string()
}

/// "admitt" → "admit", "stopp" → "stop": a consonant doubled before an
/// ending.
fn undouble(stem: &str) -> String {
    let chars: Vec<char> = stem.chars().collect();
    match chars.as_slice() {
        [.., a, b] if a == b && !"aeiousl".contains(*a) && chars.len() > 3 => {
            chars[..chars.len() - 1].iter().collect()
        }
        _ => stem.to_string(),
    }
}
