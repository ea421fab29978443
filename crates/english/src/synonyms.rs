//! Words that name the same kind of event in news, so that two articles
//! telling one event in different words can be joined: "struck" and
//! "hit", "nabbed" and "arrested", "blast" and "explosion". Written for
//! dateline from the wording of wire news; each group is one kind of
//! happening, and a word stands in one group only (an ambiguous word such
//! as "fire", which shoots, burns and dismisses, stands in none).

/// The groups, each word in its dictionary form.
#[rustfmt::skip]
pub const EVENT_SYNONYMS: &[&[&str]] = &[
    &["hit", "strike", "struck", "jolt", "rock", "shake", "shook", "quake", "earthquake", "tremor", "temblor"],
    &["kill", "die", "death", "dead", "slay", "slain", "killing"],
    &["arrest", "capture", "nab", "detain", "apprehend", "catch", "caught", "custody"],
    &["flee", "fled", "escape"],
    &["shoot", "shooting", "shot", "gunfire"],
    &["crash", "accident", "collision", "collide", "wreck", "smash"],
    &["attack", "assault", "raid", "ambush"],
    &["foil", "thwart", "prevent", "avert"],
    &["unveil", "announce", "introduce", "launch", "debut", "unveiling", "announcement", "introduction"],
    &["acquire", "buy", "bought", "purchase", "acquisition", "takeover"],
    &["dismiss", "sack", "oust", "axe", "dismissal", "ouster"],
    &["hire", "appoint", "appointment", "tap"],
    &["injure", "wound", "hurt", "injury"],
    &["win", "won", "victory", "triumph", "defeat", "beat", "rout", "lose", "lost"],
    &["resign", "quit", "resignation"],
    &["sentence", "jail", "imprison", "prison", "sentencing"],
    &["charge", "indict", "indictment", "accuse"],
    &["explode", "explosion", "blast", "detonate", "bomb", "bombing"],
    &["fall", "fell", "fallen", "plunge", "drop", "tumble", "slide", "decline"],
    &["rise", "rose", "risen", "soar", "climb", "jump", "surge"],
    &["rescue", "save", "evacuate", "evacuation"],
    &["protest", "demonstrate", "demonstration", "rally", "march"],
    &["meet", "met", "meeting", "talk", "talks", "summit"],
    &["burn", "blaze", "inferno", "wildfire"],
    &["flood", "flooding", "deluge", "inundate"],
    &["discover", "discovery", "find", "uncover"],
    &["retain", "keep", "kept"],
    &["fix", "plug", "repair", "patch", "mend"],
    &["cut", "sever"],
];

/// The group a word (in its dictionary form, lower case) stands in.
///
/// ```
/// use dateline_english::synonyms::event_group;
/// assert_eq!(event_group("nab"), event_group("arrest"));
/// assert!(event_group("hit").is_some() && event_group("hit") != event_group("kill"));
/// assert_eq!(event_group("table"), None);
/// ```
pub fn event_group(lemma: &str) -> Option<usize> {
    EVENT_SYNONYMS.iter().position(|group| group.contains(&lemma))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_word_stands_in_one_group_in_lower_case() {
        let mut seen = std::collections::HashSet::new();
        for word in EVENT_SYNONYMS.iter().flat_map(|g| g.iter()) {
            assert_eq!(*word, word.to_lowercase());
            assert!(seen.insert(*word), "{word} stands in two groups");
        }
    }
}
