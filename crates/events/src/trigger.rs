//! The event word of a clause: its main verb, or an event noun.

use dateline_text::Token;
use std::ops::Range;

#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "be", "been", "being", "was", "were", "is", "are", "am", "has", "have", "had", "having", "will",
    "would", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "to", "not",
    "also", "still",
];

/// Words that end like verbs and are not.
#[rustfmt::skip]
const NOT_VERBS: &[&str] = &[
    "during", "including", "according", "morning", "evening", "following", "nothing", "something",
    "anything", "everything", "thing", "things", "king", "ring", "spring", "string", "ceiling", "wing",
    "pending", "regarding", "concerning", "notwithstanding", "need", "feed", "speed", "seed", "bed",
    "red", "shed", "hundred", "indeed", "united", "armed", "based", "related", "limited", "detailed",
    "alleged", "so-called", "displaced", "damaged", "disputed", "adjacent", "ceded", "supposed",
    "scheduled", "expected", "planned",
];

/// Irregular verb forms common in news.
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
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

/// Nouns that name events, for clauses without a verb.
#[rustfmt::skip]
const EVENT_NOUNS: &[&str] = &[
    "war", "deal", "ceasefire", "truce", "election", "elections", "vote", "attack", "attacks", "strike",
    "talks", "meeting", "summit", "agreement", "referendum", "protest", "protests", "visit", "launch",
    "handover", "transfer", "withdrawal", "invasion", "offensive", "battle", "fighting", "skirmishes",
    "clashes", "exchange", "earthquake", "flood", "floods", "storm", "fire", "explosion", "bombing",
    "trial", "hearing", "ruling", "deadline", "conference", "ceremony", "funeral", "wedding", "release",
    "crash", "collapse",
];

/// Particles that belong to the verb before them ("hand over").
const PARTICLES: &[&str] = &["over", "up", "down", "out", "off", "back", "away"];

/// The event word of the clause `clause` (token range) for a date at
/// tokens `first..last`: the verb nearest before the date, else the verb
/// nearest after it, else an event noun, else the clause's first word.
pub(crate) fn trigger(
    tokens: &[Token<'_>],
    clause: Range<usize>,
    first: usize,
    last: usize,
) -> (String, Range<usize>) {
    let lower = |i: usize| tokens[i].text.to_ascii_lowercase();
    let outside = |i: &usize| !(first..last).contains(i);
    let before = (clause.start..first).rev();
    let after = last..clause.end;
    // A finite verb ("shook") tells the event before a participle
    // ("measuring", "surrounding") does.
    let finite = |i: &usize| is_verb(tokens, *i) && !is_participle(tokens, *i);
    let any = |i: &usize| is_verb(tokens, *i);
    let verb = before
        .clone()
        .find(finite)
        .or_else(|| after.clone().find(finite))
        .or_else(|| before.clone().find(any))
        .or_else(|| after.clone().find(any));
    if let Some(i) = verb {
        let mut word = lower(i);
        if i + 1 < clause.end && outside(&(i + 1)) && PARTICLES.contains(&lower(i + 1).as_str()) {
            word.push(' ');
            word.push_str(&lower(i + 1));
        }
        return (word, i..i + 1);
    }
    let noun = before.chain(after).find(|&i| EVENT_NOUNS.contains(&lower(i).as_str()));
    let fallback = || clause.clone().find(|i| outside(i) && tokens[*i].text.len() > 3);
    match noun.or_else(fallback) {
        Some(i) => (lower(i), i..i + 1),
        None => (String::new(), first..first),
    }
}

/// Event mentions of a whole text, as TimeML marks them: verbs (not
/// auxiliaries), event nouns and nominalisations; character spans.
pub(crate) fn events_in(tokens: &[Token<'_>]) -> Vec<(usize, usize)> {
    (0..tokens.len())
        .filter(|&i| {
            let word = tokens[i].text.to_ascii_lowercase();
            is_verb(tokens, i)
                || EVENT_NOUNS.contains(&word.as_str())
                || (word.len() > 6
                    && (word.ends_with("tion") || word.ends_with("sion") || word.ends_with("ment")))
        })
        .map(|i| (tokens[i].start, tokens[i].end))
        .collect()
}

/// Verbs joined to the event word by "and" inside the clause: "troops
/// entered Aghdam and seized the town on Friday" dates both.
pub(crate) fn coordinated(
    tokens: &[Token<'_>],
    clause: Range<usize>,
    at: usize,
    date: Range<usize>,
) -> Vec<usize> {
    let mut out = Vec::new();
    for i in clause.clone() {
        let same_form = is_participle(tokens, i) == is_participle(tokens, at);
        if i == at
            || date.contains(&i)
            || !is_verb(tokens, i)
            || !same_form
            || (i > 0 && tokens[i - 1].text == "to")
        {
            continue;
        }
        // The two verbs are joined when "and" (perhaps with one adverb)
        // stands right before the later one.
        let later = i.max(at);
        let joined = (later.saturating_sub(2)..later).any(|k| k > clause.start && tokens[k].text == "and");
        let between_clean =
            (i.min(at) + 1..later).all(|k| !matches!(tokens[k].text, "," | ";" | "but" | "or"));
        if joined && between_clean {
            out.push(i);
        }
    }
    out
}

/// "until November 25 to leave": the verb of a "to" right after the date.
pub(crate) fn verb_after_to(
    tokens: &[Token<'_>],
    clause: Range<usize>,
    last: usize,
) -> Option<(String, Range<usize>)> {
    (last + 1 < clause.end && tokens[last].text == "to" && is_verb(tokens, last + 1))
        .then(|| (tokens[last + 1].text.to_ascii_lowercase(), last + 1..last + 2))
}

/// An "-ing" form: a participle or gerund, not a finite verb.
fn is_participle(tokens: &[Token<'_>], i: usize) -> bool {
    tokens[i].text.len() > 4 && tokens[i].text.ends_with("ing")
}

fn is_verb(tokens: &[Token<'_>], i: usize) -> bool {
    let word = tokens[i].text;
    if !word.chars().all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    if AUXILIARIES.contains(&word) || NOT_VERBS.contains(&word) {
        return false;
    }
    let after_auxiliary = i > 0
        && matches!(
            tokens[i - 1].text,
            "to" | "will" | "would" | "can" | "could" | "should" | "may" | "might" | "must" | "did"
        );
    IRREGULAR.contains(&word)
        || (word.len() > 4 && (word.ends_with("ed") || word.ends_with("ing")))
        || (after_auxiliary && word.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_text::tokenize;

    #[test]
    fn table() {
        let cases = [
            ("Azerbaijan will hand over the Lachin district on December 1", "December", "hand over"),
            ("the country's troops had entered the Aghdam district on Friday", "Friday", "entered"),
            ("a peace deal came into force on November 10", "November", "came"),
            ("the war since September 27", "September", "war"),
        ];
        for (text, date, want) in cases {
            let tokens = tokenize(text);
            let at = tokens.iter().position(|t| t.text == date).unwrap();
            assert_eq!(trigger(&tokens, 0..tokens.len(), at, at + 2).0, want, "{text}");
        }
    }
}
