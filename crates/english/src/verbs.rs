//! Verbs: the forms news uses, as the stages need to tell a verb, its
//! tense and its auxiliaries from the words around it. Every list was
//! written for dateline from the wording of wire news (AP, AFP, Reuters,
//! Xinhua) and is checked by the table tests below; none is copied from a
//! dictionary.

/// Irregular past forms and participles that news uses often, with the
/// few adverbs that mark a past clause as surely ("ago", "earlier",
/// "last"). The temporal tagger reads a clause's tense from them.
#[rustfmt::skip]
pub const PAST_MARKERS: &[&str] = &[
    "was", "were", "had", "did", "said", "told", "went", "came", "left", "took", "gave", "given",
    "made", "saw", "seen", "met", "began", "begun", "broke", "broken", "fell", "fallen", "rose",
    "risen", "won", "lost", "sold", "bought", "paid", "held", "led", "fled", "fought", "brought",
    "thought", "caught", "taught", "sent", "spent", "built", "struck", "hit", "shot", "killed",
    "found", "got", "gotten", "kept", "ran", "set", "put", "cut", "quit", "became", "felt", "stood",
    "wrote", "written", "spoke", "spoken", "chose", "chosen", "drove", "flew", "grew", "knew",
    "known", "drew", "threw", "wore", "swore", "sank", "shut", "slid", "split", "spread", "stole",
    "stuck", "sought", "took", "woke", "been", "ago", "earlier", "ended", "last",
];

/// Words that end in "-ed" but are no past tense: nouns ("hundred"),
/// adjectives ("armed", "limited") and the participles of plans
/// ("scheduled", "expected"), which look ahead.
#[rustfmt::skip]
pub const NOT_PAST_ED: &[&str] = &[
    "need", "needs", "feed", "speed", "seed", "bed", "red", "shed", "hundred", "indeed", "united",
    "proceed", "exceed", "succeed", "breed", "greed", "creed", "weed", "deed", "embed", "shred",
    "naked", "wicked", "sacred", "kindred", "ted", "ed", "fred", "ned", "based", "related", "armed",
    "advanced", "detailed", "limited", "expected", "scheduled", "planned", "supposed", "due", "red",
    "biased", "alleged", "so-called", "aged", "skilled", "qualified", "reed",
];

/// Words that look ahead: modal "will", plans and hopes, and the present
/// tense news uses for a schedule ("talks resume on Monday").
#[rustfmt::skip]
pub const FUTURE_MARKERS: &[&str] = &[
    "will", "shall", "ll", "would", "next", "upcoming", "scheduled", "planned", "plans", "plan",
    "expected", "expects", "tomorrow", "coming", "hopes", "intends", "aims", "wants", "resume", "resumes",
    "begins", "opens", "reopens", "meets", "starts", "convenes", "reconvenes", "plays", "hosts", "visits",
];

/// Words of a present-tense clause.
pub const PRESENT_MARKERS: &[&str] = &["is", "are", "am", "says", "say", "now", "has", "have"];

/// Auxiliaries, modals and the particles that go with them: verbs that
/// never name the event themselves.
#[rustfmt::skip]
pub const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "was", "were", "is", "are", "am", "has", "have", "had", "having", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "to", "not",
    "also", "still",
];

/// Words that end like verbs ("-ing", "-ed") and are not: prepositions,
/// nouns, and adjectives that news uses before nouns.
#[rustfmt::skip]
pub const NOT_VERBS: &[&str] = &[
    "during", "including", "according", "morning", "evening", "following", "nothing", "something",
    "anything", "everything", "thing", "things", "king", "ring", "spring", "string", "ceiling", "wing",
    "pending", "regarding", "concerning", "notwithstanding", "need", "feed", "speed", "seed", "bed",
    "red", "shed", "hundred", "indeed", "united", "armed", "based", "related", "limited", "detailed",
    "alleged", "so-called", "displaced", "damaged", "disputed", "adjacent", "ceded", "supposed",
    "scheduled", "expected", "planned",
];

/// Irregular verb forms common in news (base, third person and past), and
/// the regular verbs of events whose base form ends like no verb ("hand",
/// "vote").
#[rustfmt::skip]
pub const VERB_FORMS: &[&str] = &[
    "said", "says", "say", "told", "tells", "went", "goes", "go", "came", "comes", "come", "left",
    "leave", "leaves", "took", "takes", "take", "gave", "gives", "give", "given", "made", "makes",
    "make", "met", "meet", "meets", "began", "begins", "begin", "fell", "falls", "fall", "rose", "rises",
    "rise", "won", "wins", "win", "lost", "loses", "lose", "sold", "sells", "sell", "held", "holds",
    "hold", "fled", "flee", "fought", "fight", "brought", "bring", "sent", "send", "built", "build",
    "struck", "strike", "hit", "shot", "found", "find", "kept", "keep", "ran", "run", "set", "put",
    "cut", "became", "become", "spoke", "speak", "wrote", "write", "flew", "grew", "knew", "drew",
    "threw", "sank", "sought", "seek", "agree", "hand", "hands", "sign", "signs", "vote", "votes",
    "open", "opens", "close", "closes", "end", "ends", "start", "starts", "return", "returns", "visit",
    "visits", "launch", "launches", "announce", "withdraw", "withdrew", "resign", "resigns", "arrive",
    "arrives", "stop", "stops", "resume", "resumes", "attack", "elect", "release", "lead", "led",
    "broke", "break", "paid", "pay", "bought", "buy", "lasted", "last", "expect", "expects", "plan",
    "plans", "hope", "hopes", "want", "wants", "intend", "intends", "aim", "aims", "predict", "predicts",
    "warn", "warns", "promise", "promises", "vow", "vows", "pledge", "pledges", "agrees", "decide",
    "decides", "claim", "claims", "deny", "denies", "accuse", "accuses", "urge", "urges", "call",
    "calls", "ask", "asks", "try", "tries", "seeks", "face", "faces", "remain", "remains", "continue",
    "continues", "meets", "occur", "occurs", "happen", "happens",
    "shook", "shake", "shakes", "swept", "sweep", "stood", "sat", "lay", "laid", "slid", "tore", "swore",
    "dug", "hung", "stuck", "swung", "bit", "hid", "fed", "lit", "slept", "meant", "dealt", "felt",
    "bent", "lent", "rode", "strove", "froze", "chose", "woke", "ate", "forgot", "got", "beat", "bled",
    "dove", "flung", "wound", "taught", "thought", "caught", "crept", "blew", "sang", "rang", "swam",
    "drank", "wore", "spun", "sprang", "shrank", "stole",
];

/// Particles that belong to the verb before them ("hand over").
pub const PARTICLES: &[&str] = &["over", "up", "down", "out", "off", "back", "away"];

/// Verbs of saying and deciding: after a place name they make it stand for
/// its government ("Yerevan decided").
#[rustfmt::skip]
pub const GOVERNMENT_VERBS: &[&str] = &[
    "said", "says", "decided", "decides", "sought", "seeks", "agreed", "agrees", "announced",
    "announces", "accused", "accuses", "warned", "warns", "demanded", "demands", "denied", "denies",
    "insisted", "insists", "rejected", "rejects", "signed", "signs", "wants", "wanted", "refused",
    "refuses", "urged", "urges", "threatened", "threatens", "claimed", "claims", "ordered", "orders",
    "hopes", "hoped", "responded", "responds", "condemned", "condemns", "vowed", "vows", "has", "had",
    "will", "would", "is", "was",
];

/// Verbs of saying, as lemmas: their subject is the speaker of the
/// quotation beside them (`"I will stay," he said`).
#[rustfmt::skip]
pub const SPEECH_VERBS: &[&str] = &[
    "say", "tell", "add", "ask", "write", "explain", "note", "insist", "declare", "announce",
    "reply", "answer", "state", "claim", "argue", "warn", "recall", "admit", "comment", "continue",
    "conclude", "remark", "acknowledge", "confirm", "deny", "suggest", "urge", "shout",
    "tweet", "vow", "promise", "testify",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_lowercase_words() {
        for list in [
            PAST_MARKERS,
            NOT_PAST_ED,
            FUTURE_MARKERS,
            PRESENT_MARKERS,
            AUXILIARIES,
            NOT_VERBS,
            VERB_FORMS,
            PARTICLES,
            GOVERNMENT_VERBS,
            SPEECH_VERBS,
        ] {
            assert!(!list.is_empty());
            for word in list {
                assert!(
                    !word.is_empty() && word.chars().all(|c| c.is_ascii_lowercase() || c == '-'),
                    "{word:?}"
                );
            }
        }
    }

    #[test]
    fn what_each_list_knows() {
        let cases: &[(&[&str], &str, bool)] = &[
            (PAST_MARKERS, "said", true),
            (PAST_MARKERS, "ago", true),
            (PAST_MARKERS, "says", false),
            (NOT_PAST_ED, "scheduled", true),
            (NOT_PAST_ED, "entered", false),
            (FUTURE_MARKERS, "will", true),
            (FUTURE_MARKERS, "resumes", true),
            (AUXILIARIES, "would", true),
            (AUXILIARIES, "entered", false),
            (NOT_VERBS, "morning", true),
            (VERB_FORMS, "withdrew", true),
            (PARTICLES, "over", true),
            (GOVERNMENT_VERBS, "decided", true),
            (SPEECH_VERBS, "say", true),
            (SPEECH_VERBS, "said", false),
        ];
        for (list, word, known) in cases {
            assert_eq!(list.contains(word), *known, "{word}");
        }
    }

    #[test]
    fn no_word_is_both_a_verb_form_and_no_verb() {
        for word in VERB_FORMS {
            assert!(!NOT_VERBS.contains(word), "{word}");
        }
    }
}
