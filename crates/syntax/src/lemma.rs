//! The lemmatiser: a word's lemma as training saw it with its tag, else
//! the ending change most often seen on words with the same tag and
//! ending ("-ies" → "-y" for NNS, "-ed" → "" for VBD). When that change
//! gives no lemma training knows for the word's kind ("scored" → "scor")
//! and a regular English ending gives one ("score"), the known one wins.

use crate::conllu::Sentence;
use crate::perceptron::{write_string, Reader, WordMap};
use crate::Upos;
use std::collections::{HashMap, HashSet};

/// The longest ending a rule looks at, in characters.
const LONGEST_ENDING: usize = 5;

/// What a word's ending becomes: strip this many characters, then append.
type Edit = (u8, String);

/// The trained lemmatiser.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Lemmatiser {
    /// form → (XPOS, lemma) for every word of training.
    known: WordMap<Vec<(String, String)>>,
    /// (XPOS, lowercased ending) → the most frequent edit.
    endings: HashMap<(String, String), Edit>,
    /// Every lemma of training, with the first letter of its XPOS (its
    /// kind: verb, noun, adjective); derived from `known`, not stored.
    lemmas: HashSet<(char, String)>,
}

impl Lemmatiser {
    /// The lemma of a word with its tags.
    pub(crate) fn lemma(&self, form: &str, upos: Upos, xpos: &str) -> String {
        let known = |word: &str| {
            let all = self.known.get(word)?;
            all.iter().find(|(x, _)| x == xpos).map(|(_, lemma)| lemma.clone())
        };
        if let Some(lemma) = known(form) {
            return lemma;
        }
        let lower = form.to_lowercase();
        if let Some(lemma) = known(&lower) {
            return lemma;
        }
        // Names are their own lemma, as written.
        if upos == Upos::Propn {
            return form.to_string();
        }
        let ruled = self.ruled(&lower, xpos);
        let kind = xpos.chars().next().unwrap_or('_');
        let known_lemma = |lemma: &String| self.lemmas.contains(&(kind, lemma.clone()));
        match ruled {
            Some(lemma) if known_lemma(&lemma) => lemma,
            ruled => regular_lemmas(&lower, xpos).into_iter().find(known_lemma).or(ruled).unwrap_or(lower),
        }
    }

    /// The lemma the learnt ending changes give, if one applies.
    fn ruled(&self, lower: &str, xpos: &str) -> Option<String> {
        let chars: Vec<char> = lower.chars().collect();
        for n in (1..=LONGEST_ENDING.min(chars.len())).rev() {
            let ending: String = chars[chars.len() - n..].iter().collect();
            if let Some((strip, append)) = self.endings.get(&(xpos.to_string(), ending)) {
                // An edit never takes the whole word ("d" as a past
                // tense keeps a lemma).
                let Some(keep) =
                    chars.len().checked_sub(*strip as usize).filter(|&k| k > 0 || !append.is_empty())
                else {
                    continue;
                };
                let mut lemma: String = chars[..keep].iter().collect();
                lemma.push_str(append);
                return Some(lemma);
            }
        }
        None
    }

    /// Counts the lemmas and ending changes of the training sentences.
    pub(crate) fn train(sentences: &[Sentence]) -> Lemmatiser {
        let mut known: HashMap<(String, String), HashMap<&str, usize>> = HashMap::new();
        let mut endings: HashMap<(String, String), HashMap<Edit, usize>> = HashMap::new();
        for word in sentences.iter().flat_map(|s| &s.words) {
            *known
                .entry((word.form.clone(), word.xpos.clone()))
                .or_default()
                .entry(&word.lemma)
                .or_default() += 1;
            if word.upos == Upos::Propn {
                continue;
            }
            let form: Vec<char> = word.form.to_lowercase().chars().collect();
            let lemma: Vec<char> = word.lemma.chars().collect();
            let common = form.iter().zip(&lemma).take_while(|(a, b)| a == b).count();
            let strip = form.len() - common;
            let append: String = lemma[common..].iter().collect();
            for n in strip.max(1)..=LONGEST_ENDING.min(form.len()) {
                let ending: String = form[form.len() - n..].iter().collect();
                *endings
                    .entry((word.xpos.clone(), ending))
                    .or_default()
                    .entry((strip as u8, append.clone()))
                    .or_default() += 1;
            }
        }
        let mut by_form: WordMap<Vec<(String, String)>> = WordMap::default();
        for ((form, xpos), counts) in known {
            let best =
                counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(l, _)| l.to_string());
            by_form.entry(form).or_default().push((xpos, best.unwrap_or_default()));
        }
        by_form.values_mut().for_each(|all| all.sort());
        let known = by_form;
        let lemmas = lemma_set(&known);
        let endings = endings
            .into_iter()
            .filter_map(|(key, counts)| {
                let (edit, &n) = counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))?;
                // An ending seen once is no rule.
                (n >= 2).then(|| (key, edit.clone()))
            })
            .collect();
        Lemmatiser { known, endings, lemmas }
    }

    /// Appends the lemmatiser to `out`, in a stable order.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut known: Vec<_> =
            self.known.iter().flat_map(|(form, all)| all.iter().map(move |(x, l)| (form, x, l))).collect();
        known.sort();
        out.extend_from_slice(&(known.len() as u32).to_le_bytes());
        for (form, xpos, lemma) in known {
            write_string(out, form);
            write_string(out, xpos);
            write_string(out, lemma);
        }
        let mut endings: Vec<_> = self.endings.iter().collect();
        endings.sort();
        out.extend_from_slice(&(endings.len() as u32).to_le_bytes());
        for ((xpos, ending), (strip, append)) in endings {
            write_string(out, xpos);
            write_string(out, ending);
            out.push(*strip);
            write_string(out, append);
        }
    }

    /// Reads what [`Lemmatiser::write`] wrote; None when cut short.
    pub(crate) fn read(bytes: &[u8]) -> Option<(Lemmatiser, &[u8])> {
        let mut reader = Reader(bytes);
        let mut lemmatiser = Lemmatiser::default();
        for _ in 0..reader.u32()? {
            let form = reader.string()?.to_string();
            let xpos = reader.string()?.to_string();
            lemmatiser.known.entry(form).or_default().push((xpos, reader.string()?.to_string()));
        }
        for _ in 0..reader.u32()? {
            let key = (reader.string()?.to_string(), reader.string()?.to_string());
            let strip = reader.take::<1>()?[0];
            lemmatiser.endings.insert(key, (strip, reader.string()?.to_string()));
        }
        lemmatiser.lemmas = lemma_set(&lemmatiser.known);
        Some((lemmatiser, reader.0))
    }
}

/// The lemmas of training by kind (the first letter of the XPOS).
fn lemma_set(known: &WordMap<Vec<(String, String)>>) -> HashSet<(char, String)> {
    known
        .values()
        .flatten()
        .map(|(xpos, lemma)| (xpos.chars().next().unwrap_or('_'), lemma.to_lowercase()))
        .collect()
}

/// What an inflected word's lemma can be by the regular English endings
/// of its tag, most likely first: "scored" → "scor", "score"; "hanged" →
/// "hang"; "dies" → "dy", "die"; "stopped" → "stop"; "bigger" → "big".
/// A word of an uninflected tag ("dealer" NN, "meaning" NN) has none.
fn regular_lemmas(word: &str, xpos: &str) -> Vec<String> {
    let endings: &[(&str, &[&str])] = match xpos {
        "VBD" | "VBN" | "VBG" | "VBZ" => VERB_ENDINGS,
        "NNS" => PLURAL_ENDINGS,
        "JJR" | "JJS" | "RBR" | "RBS" => COMPARISON_ENDINGS,
        _ => &[],
    };
    let mut out = Vec::new();
    for (ending, replacements) in endings {
        let Some(base) = word.strip_suffix(ending) else { continue };
        if base.is_empty() {
            continue;
        }
        for replacement in *replacements {
            out.push(format!("{base}{replacement}"));
        }
        // A doubled consonant before the ending: "stopped" → "stop".
        let mut chars = base.chars().rev();
        if let (Some(a), Some(b)) = (chars.next(), chars.next()) {
            if a == b && !"aeiouy".contains(a) {
                out.push(base[..base.len() - a.len_utf8()].to_string());
            }
        }
    }
    out
}

/// The regular endings of verbs and what each can replace.
const VERB_ENDINGS: &[(&str, &[&str])] = &[
    ("ied", &["y", "ie"]),
    ("ies", &["y", "ie"]),
    ("ying", &["ie", "y"]),
    ("ing", &["", "e"]),
    ("ed", &["", "e"]),
    ("es", &["", "e"]),
    ("s", &[""]),
];

/// The regular endings of plural nouns.
const PLURAL_ENDINGS: &[(&str, &[&str])] = &[("ies", &["y", "ie"]), ("es", &["", "e"]), ("s", &[""])];

/// The regular endings of comparatives and superlatives.
const COMPARISON_ENDINGS: &[(&str, &[&str])] =
    &[("ier", &["y"]), ("iest", &["y"]), ("er", &["", "e"]), ("est", &["", "e"])];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn known_words_and_learned_endings() {
        let text = "1\tcities\tcity\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n1\tparties\tparty\tNOUN\tNNS\t_\t0\troot\t_\t_\n\n\
                    1\twent\tgo\tVERB\tVBD\t_\t0\troot\t_\t_\n\n1\tBaku\tBaku\tPROPN\tNNP\t_\t0\troot\t_\t_\n\n";
        let sentences: Vec<Sentence> = conllu::read("t", text).into_iter().map(Result::unwrap).collect();
        let lemmatiser = Lemmatiser::train(&sentences);
        assert_eq!(lemmatiser.lemma("went", Upos::Verb, "VBD"), "go");
        assert_eq!(lemmatiser.lemma("Went", Upos::Verb, "VBD"), "go");
        assert_eq!(lemmatiser.lemma("armies", Upos::Noun, "NNS"), "army", "-ies → -y, seen twice");
        assert_eq!(lemmatiser.lemma("Lachin", Upos::Propn, "NNP"), "Lachin");
        assert_eq!(lemmatiser.lemma("Xyz", Upos::Noun, "NN"), "xyz");
        let mut bytes = Vec::new();
        lemmatiser.write(&mut bytes);
        assert_eq!(Lemmatiser::read(&bytes).map(|(l, _)| l), Some(lemmatiser));
    }

    #[test]
    fn a_known_lemma_wins_over_a_learned_ending_that_makes_none() {
        let text = "1\tjumped\tjump\tVERB\tVBD\t_\t0\troot\t_\t_\n\n1\twalked\twalk\tVERB\tVBD\t_\t0\troot\t_\t_\n\n\
                    1\tscore\tscore\tVERB\tVB\t_\t0\troot\t_\t_\n\n1\tstop\tstop\tVERB\tVB\t_\t0\troot\t_\t_\n\n\
                    1\tdeal\tdeal\tVERB\tVB\t_\t0\troot\t_\t_\n\n";
        let sentences: Vec<Sentence> = conllu::read("t", text).into_iter().map(Result::unwrap).collect();
        let lemmatiser = Lemmatiser::train(&sentences);
        assert_eq!(lemmatiser.lemma("talked", Upos::Verb, "VBD"), "talk", "the learned ending");
        assert_eq!(lemmatiser.lemma("scored", Upos::Verb, "VBD"), "score", "not 'scor'");
        assert_eq!(lemmatiser.lemma("stopped", Upos::Verb, "VBD"), "stop", "not 'stopp'");
        assert_eq!(
            lemmatiser.lemma("dealer", Upos::Noun, "NN"),
            "dealer",
            "a singular noun keeps its ending"
        );
        let mut bytes = Vec::new();
        lemmatiser.write(&mut bytes);
        assert_eq!(
            Lemmatiser::read(&bytes).map(|(l, _)| l),
            Some(lemmatiser),
            "the known lemmas are rebuilt"
        );
    }
}
