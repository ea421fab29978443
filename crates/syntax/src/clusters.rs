//! Word classes learnt from unlabelled text, so that the tagger and the
//! parser can generalise from a word they were trained on to words that
//! are used the same way ("Tuesday" to "Thursday", "said" to "added").
//! The treebanks are small; news text without annotation is not.
//!
//! The classes are those of a predictive class bigram model, found by the
//! exchange algorithm (Uszkoreit & Brants 2008): each word is moved, in
//! turn, to the class that most raises the likelihood of
//! `p(w | v) = p(w | class(w)) · p(class(w) | v)` over the text, until few
//! words move. Only the counts of the words before each word are needed,
//! so one pass costs (distinct bigrams × classes), seconds for millions of
//! words.

use crate::perceptron::{write_string, Reader, WordMap};

/// Each frequent enough word's class.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Clusters {
    classes: WordMap<u16>,
}

/// How to learn the classes.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ClusterOptions {
    /// How many classes.
    pub(crate) classes: usize,
    /// Words seen fewer times than this get no class.
    pub(crate) min_count: usize,
    /// Passes of the exchange algorithm.
    pub(crate) passes: usize,
}

impl Default for ClusterOptions {
    fn default() -> ClusterOptions {
        ClusterOptions { classes: 256, min_count: 3, passes: 8 }
    }
}

/// The form a word is classed by: lowercased, every digit `0`.
pub(crate) fn normalise(form: &str) -> String {
    form.chars()
        .map(|c| if c.is_ascii_digit() { '0' } else { c.to_lowercase().next().unwrap_or(c) })
        .collect()
}

impl Clusters {
    /// The class of a word (as written), None for a word too rare to have
    /// one.
    pub(crate) fn get(&self, form: &str) -> Option<u16> {
        // Most words are their own normal form: looked up as they are,
        // without building one.
        if form.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase() && !b.is_ascii_digit()) {
            return self.classes.get(form).copied();
        }
        self.classes.get(&normalise(form)).copied()
    }

    /// How many words have a class.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.classes.len()
    }

    /// Learns classes from sentences of words. Deterministic: the same
    /// sentences and options always give the same classes.
    pub(crate) fn train<'a>(
        sentences: impl IntoIterator<Item = &'a [String]>,
        options: &ClusterOptions,
    ) -> Clusters {
        let sentences: Vec<Vec<String>> =
            sentences.into_iter().map(|s| s.iter().map(|w| normalise(w)).collect()).collect();
        // Words by falling count (ties by spelling, for determinism); the
        // rare ones share one id, as do sentence starts.
        let mut counts: WordMap<usize> = WordMap::default();
        for word in sentences.iter().flatten() {
            *counts.entry(word.clone()).or_insert(0) += 1;
        }
        let mut vocabulary: Vec<(&String, usize)> =
            counts.iter().filter(|(_, &n)| n >= options.min_count).map(|(w, &n)| (w, n)).collect();
        vocabulary.sort_unstable_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
        let ids: WordMap<u32> =
            vocabulary.iter().enumerate().map(|(i, (w, _))| ((*w).clone(), i as u32)).collect();
        let rare = vocabulary.len() as u32;
        let start = rare + 1;
        let id = |w: &String| ids.get(w).copied().unwrap_or(rare);
        // For each word, the words before it and how often: the bigram
        // counts, grouped by the second word.
        let mut pairs: Vec<(u32, u32)> = Vec::new();
        for sentence in &sentences {
            let mut before = start;
            for word in sentence {
                let word = id(word);
                pairs.push((word, before));
                before = word;
            }
        }
        pairs.sort_unstable();
        let words = rare as usize + 1; // the rare id is classed too
        let contexts = words + 1;
        let mut predecessors: Vec<Vec<(u32, u32)>> = vec![Vec::new(); words];
        for run in pairs.chunk_by(|a, b| a == b) {
            let (word, before) = run[0];
            predecessors[word as usize].push((before, run.len() as u32));
        }
        let totals: Vec<u64> =
            predecessors.iter().map(|p| p.iter().map(|&(_, n)| u64::from(n)).sum()).collect();
        let classes = options.classes.max(2).min(words.max(2));
        // Round robin by frequency to start.
        let mut class_of: Vec<usize> = (0..words).map(|w| w % classes).collect();
        // counts[v * classes + c]: how often a word of class c follows v.
        let mut context_class = vec![0u64; contexts * classes];
        let mut class_total = vec![0u64; classes];
        for (word, before) in predecessors.iter().enumerate() {
            let c = class_of[word];
            class_total[c] += totals[word];
            for &(v, n) in before {
                context_class[v as usize * classes + c] += u64::from(n);
            }
        }
        let mut gains = vec![0.0f64; classes];
        for _ in 0..options.passes {
            let mut moved = 0;
            for word in 0..words {
                let (before, total) = (&predecessors[word], totals[word]);
                if total == 0 {
                    continue;
                }
                let from = class_of[word];
                // Take the word out of its class...
                for &(v, n) in before {
                    context_class[v as usize * classes + from] -= u64::from(n);
                }
                class_total[from] -= total;
                // ...and put it where the likelihood gains most.
                for (c, gain) in gains.iter_mut().enumerate() {
                    let mut g = 0.0;
                    for &(v, n) in before {
                        let now = context_class[v as usize * classes + c];
                        g += x_log_x(now + u64::from(n)) - x_log_x(now);
                    }
                    *gain = g - (x_log_x(class_total[c] + total) - x_log_x(class_total[c]));
                }
                let mut to = from;
                for (c, &gain) in gains.iter().enumerate() {
                    if gain > gains[to] + 1e-9 {
                        to = c;
                    }
                }
                for &(v, n) in before {
                    context_class[v as usize * classes + to] += u64::from(n);
                }
                class_total[to] += total;
                if to != from {
                    class_of[word] = to;
                    moved += 1;
                }
            }
            if moved * 1000 < words {
                break;
            }
        }
        let classes =
            vocabulary.iter().enumerate().map(|(i, (w, _))| ((*w).clone(), class_of[i] as u16)).collect();
        Clusters { classes }
    }

    /// Appends the classes to `out`, words in order.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut words: Vec<(&String, &u16)> = self.classes.iter().collect();
        words.sort();
        out.extend_from_slice(&(words.len() as u32).to_le_bytes());
        for (word, class) in words {
            write_string(out, word);
            out.extend_from_slice(&class.to_le_bytes());
        }
    }

    /// Reads what [`Clusters::write`] wrote; None when cut short.
    pub(crate) fn read(bytes: &[u8]) -> Option<(Clusters, &[u8])> {
        let mut reader = Reader(bytes);
        let count = reader.u32()?;
        let mut classes = WordMap::default();
        for _ in 0..count {
            let word = reader.string()?.to_string();
            classes.insert(word, reader.u16()?);
        }
        Some((Clusters { classes }, reader.0))
    }
}

fn x_log_x(x: u64) -> f64 {
    if x == 0 {
        0.0
    } else {
        let x = x as f64;
        x * x.ln()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sentences(text: &str) -> Vec<Vec<String>> {
        text.lines().map(|l| l.split_whitespace().map(String::from).collect()).collect()
    }

    #[test]
    fn words_used_alike_share_a_class() {
        let mut text = String::new();
        for day in ["Monday", "Tuesday", "Friday"] {
            for verb in ["met", "spoke", "left"] {
                text.push_str(&format!("they {verb} on {day} .\nwe {verb} on {day} .\n"));
            }
        }
        let clusters = Clusters::train(
            sentences(&text).iter().map(Vec::as_slice),
            &ClusterOptions { classes: 4, min_count: 1, passes: 10 },
        );
        assert_eq!(clusters.get("Monday"), clusters.get("friday"));
        assert_eq!(clusters.get("met"), clusters.get("left"));
        assert_ne!(clusters.get("met"), clusters.get("Monday"));
        assert_eq!(clusters.get("unseen"), None);
    }

    #[test]
    fn round_trips_and_rejects_cut_bytes() {
        let text = "a b c a b c\nb c a\n";
        let clusters = Clusters::train(
            sentences(text).iter().map(Vec::as_slice),
            &ClusterOptions { classes: 2, min_count: 1, passes: 3 },
        );
        assert_eq!(clusters.len(), 3);
        let mut bytes = Vec::new();
        clusters.write(&mut bytes);
        assert_eq!(Clusters::read(&bytes), Some((clusters, &[][..])));
        assert_eq!(Clusters::read(&bytes[..bytes.len() - 1]), None);
    }

    #[test]
    fn empty_text_gives_no_classes() {
        let clusters = Clusters::train(std::iter::empty(), &ClusterOptions::default());
        assert_eq!(clusters.len(), 0);
    }
}
