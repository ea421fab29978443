//! Verb features that depend on the sentence, not the word: the voice of
//! a participle (a passive has an `aux:pass` child), gerund or participle,
//! infinitive or imperative, and the person and number a finite verb
//! takes from its subject. Read off the tree once it is parsed, from what
//! training saw of verbs in the same position.

use crate::conllu::Sentence;
use crate::perceptron::{write_string, Reader, WordMap};
use crate::{Upos, Word};
use std::collections::HashMap;

/// The trained table: a verb's position (from most to least specific) to
/// its most frequent features.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Agreement {
    features: WordMap<String>,
}

/// How many of a position's parts a key keeps, from the whole position
/// down to the tag alone: the first key training saw decides.
const BACKOFF: [usize; 4] = [7, 6, 4, 1];

impl Agreement {
    /// Counts the features of every verb in the training trees.
    pub(crate) fn train(sentences: &[Sentence]) -> Agreement {
        let mut counts: HashMap<String, HashMap<&str, usize>> = HashMap::new();
        for sentence in sentences {
            for (i, word) in sentence.words.iter().enumerate() {
                let Some(position) = position(&sentence.words, i) else { continue };
                for keep in BACKOFF {
                    *counts.entry(position[..keep].join("|")).or_default().entry(&word.feats).or_default() +=
                        1;
                }
            }
        }
        let features = counts
            .into_iter()
            .map(|(key, counts)| {
                let best =
                    counts.iter().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0))).map(|(f, _)| f.to_string());
                (key, best.unwrap_or_default())
            })
            .collect();
        Agreement { features }
    }

    /// Sets the features of the verbs of a parsed sentence.
    pub(crate) fn apply(&self, words: &mut [Word]) {
        let found: Vec<(usize, String)> = (0..words.len())
            .filter_map(|i| {
                let position = position(words, i)?;
                BACKOFF
                    .iter()
                    .find_map(|&keep| self.features.get(&position[..keep].join("|")))
                    .map(|features| (i, features.clone()))
            })
            .collect();
        for (i, features) in found {
            words[i].feats = features;
        }
    }

    /// Appends the table to `out`, in a stable order.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut features: Vec<_> = self.features.iter().collect();
        features.sort();
        out.extend_from_slice(&(features.len() as u32).to_le_bytes());
        for (key, value) in features {
            write_string(out, key);
            write_string(out, value);
        }
    }

    /// Reads what [`Agreement::write`] wrote; None when cut short.
    pub(crate) fn read(bytes: &[u8]) -> Option<(Agreement, &[u8])> {
        let mut reader = Reader(bytes);
        let mut features = WordMap::default();
        for _ in 0..reader.u32()? {
            let key = reader.string()?.to_string();
            features.insert(key, reader.string()?.to_string());
        }
        Some((Agreement { features }, reader.0))
    }
}

/// Where verb `i` stands, most telling part first: its tag, its relation,
/// its subject's person and number, whether it is passive, has "to" or
/// an auxiliary, and (for auxiliaries) the word itself. None for words
/// that are not verbs.
fn position(words: &[Word], i: usize) -> Option<[String; 7]> {
    let word = &words[i];
    if !matches!(word.upos, Upos::Verb | Upos::Aux) || !word.xpos.starts_with("VB") {
        return None;
    }
    let children = |head: usize| words.iter().filter(move |w| w.head == head + 1);
    let relation = |w: &Word| w.deprel.split(':').next().unwrap_or("").to_string();
    let is_subject = |w: &Word| matches!(relation(w).as_str(), "nsubj" | "expl" | "csubj");
    // A verb joined by "and" shares the subject of the one before it.
    let subject = children(i).find(|w| is_subject(w)).or_else(|| {
        (relation(word) == "conj" && word.head > 0)
            .then(|| children(word.head - 1).find(|w| is_subject(w)))
            .flatten()
    });
    let agreement = match subject {
        Some(s) => format!("{}{}", s.feature("Person").unwrap_or("3"), s.feature("Number").unwrap_or("Sing")),
        None => "none".to_string(),
    };
    let passive = children(i).any(|w| matches!(w.deprel.as_str(), "aux:pass" | "nsubj:pass" | "csubj:pass"));
    let to = children(i).any(|w| w.deprel == "mark" && w.form.eq_ignore_ascii_case("to"));
    let auxiliary = children(i).any(|w| w.deprel == "aux");
    let itself = if word.upos == Upos::Aux { word.form.to_lowercase() } else { String::new() };
    Some([
        word.xpos.clone(),
        relation(word),
        agreement,
        passive.to_string(),
        to.to_string(),
        auxiliary.to_string(),
        itself,
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu;

    #[test]
    fn a_passive_participle_and_a_plural_subject() {
        let text = "1\tTroops\ttroop\tNOUN\tNNS\tNumber=Plur\t3\tnsubj:pass\t_\t_\n\
            2\twere\tbe\tAUX\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t3\taux:pass\t_\t_\n\
            3\tsent\tsend\tVERB\tVBN\tTense=Past|VerbForm=Part|Voice=Pass\t0\troot\t_\t_\n\n\
            1\tThey\tthey\tPRON\tPRP\tCase=Nom|Number=Plur|Person=3|PronType=Prs\t2\tnsubj\t_\t_\n\
            2\tleft\tleave\tVERB\tVBD\tMood=Ind|Number=Plur|Person=3|Tense=Past|VerbForm=Fin\t0\troot\t_\t_\n\n";
        let sentences: Vec<Sentence> = conllu::read("t", text).into_iter().map(Result::unwrap).collect();
        let agreement = Agreement::train(&sentences);
        let mut words = sentences[0].words.clone();
        words[2].feats = "Tense=Past|VerbForm=Part".to_string();
        agreement.apply(&mut words);
        assert_eq!(words[2].feats, "Tense=Past|VerbForm=Part|Voice=Pass");
        let mut bytes = Vec::new();
        agreement.write(&mut bytes);
        assert_eq!(Agreement::read(&bytes).map(|(a, _)| a), Some(agreement));
    }
}
