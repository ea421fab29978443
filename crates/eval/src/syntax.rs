//! Syntax against Universal Dependencies, as the CoNLL 2018 shared task
//! scores it.
//!
//! [`SyntaxScore`] compares system sentences with gold ones over the same
//! words (gold tokenisation): UPOS, XPOS, UFeats, AllTags (the three
//! together), Lemma, UAS and LAS. With the same words precision, recall
//! and F1 are one number, the accuracy. LAS is given on the full relation
//! (`obl:tmod`) and on its universal part before the colon (`obl`), which
//! is what the official script compares. UFeats compares the whole FEATS
//! column, where the official script keeps only the 2018 universal
//! features (it drops `NumForm`, `ExtPos`, `Style`): ours is the stricter.
//!
//! [`WordScore`] scores a tokeniser: each sentence's words found in its raw
//! text against the gold words (CoNLL 2018 "Words"): a word is right when
//! its span of the text is a gold word's span. A multiword token ("don't")
//! counts as the words it splits into ("do", "n't").

use crate::{Error, Prf};
use dateline_syntax::conllu::Sentence;
use serde::Serialize;
use std::collections::HashMap;

/// Accuracies over the words of a treebank, each between 0 and 1.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct SyntaxScore {
    /// Sentences scored.
    pub sentences: usize,
    /// Words scored.
    pub words: usize,
    /// Universal part of speech.
    pub upos: f64,
    /// Language-specific tag (Penn Treebank).
    pub xpos: f64,
    /// Morphological features: the whole FEATS column.
    pub ufeats: f64,
    /// UPOS, XPOS and FEATS all right.
    pub alltags: f64,
    /// Lemma (a gold "_" accepts any lemma, as the official script does).
    pub lemma: f64,
    /// Unlabelled attachment: the right head.
    pub uas: f64,
    /// Labelled attachment: the right head and the full relation.
    pub las: f64,
    /// The right head and the universal relation (the part before `:`):
    /// the official script's LAS.
    pub las_universal: f64,
}

impl SyntaxScore {
    /// Scores system sentences against gold ones, sentence by sentence.
    /// Both must have the same sentences with the same word forms; the
    /// first that does not is an error naming its gold line.
    ///
    /// ```
    /// use dateline_eval::SyntaxScore;
    /// use dateline_syntax::conllu;
    /// let gold = "1\tTalks\ttalk\tNOUN\tNNS\tNumber=Plur\t2\tnsubj\t_\t_\n\
    ///             2\tresume\tresume\tVERB\tVBP\t_\t0\troot\t_\t_\n\n";
    /// let system = "1\tTalks\ttalk\tVERB\tVBZ\tNumber=Plur\t2\tobj\t_\t_\n\
    ///               2\tresume\tresume\tVERB\tVBP\t_\t0\troot\t_\t_\n\n";
    /// let read = |text| conllu::read("t", text).into_iter().collect::<Result<Vec<_>, _>>().unwrap();
    /// let score = SyntaxScore::compute(&read(gold), &read(system))?;
    /// assert_eq!((score.upos, score.uas, score.las), (0.5, 1.0, 0.5));
    /// # Ok::<(), dateline_eval::Error>(())
    /// ```
    pub fn compute(gold: &[Sentence], system: &[Sentence]) -> Result<SyntaxScore, Error> {
        if gold.len() != system.len() {
            let line = gold.get(system.len()).map_or(0, |s| s.line);
            return Err(Error::line(
                line,
                format!("the gold has {} sentences, the system {}", gold.len(), system.len()),
            ));
        }
        let mut counts = [0usize; 8];
        let mut words = 0;
        for (g, s) in gold.iter().zip(system) {
            if g.words.len() != s.words.len() {
                return Err(Error::line(
                    g.line,
                    format!(
                        "the sentence has {} gold words and {} system words",
                        g.words.len(),
                        s.words.len()
                    ),
                ));
            }
            for (i, (gw, sw)) in g.words.iter().zip(&s.words).enumerate() {
                if gw.form != sw.form {
                    return Err(Error::line(
                        g.line,
                        format!(
                            "word {} is {:?} in the gold and {:?} in the system",
                            i + 1,
                            gw.form,
                            sw.form
                        ),
                    ));
                }
                let upos = gw.upos == sw.upos;
                let xpos = gw.xpos == sw.xpos;
                let feats = gw.feats == sw.feats;
                let head = gw.head == sw.head;
                let universal = |deprel: &str| deprel.split(':').next().unwrap_or_default().to_string();
                let right = [
                    upos,
                    xpos,
                    feats,
                    upos && xpos && feats,
                    gw.lemma == sw.lemma || gw.lemma == "_",
                    head,
                    head && gw.deprel == sw.deprel,
                    head && universal(&gw.deprel) == universal(&sw.deprel),
                ];
                for (count, right) in counts.iter_mut().zip(right) {
                    *count += usize::from(right);
                }
            }
            words += g.words.len();
        }
        let share = |n: usize| if words == 0 { 0.0 } else { n as f64 / words as f64 };
        Ok(SyntaxScore {
            sentences: gold.len(),
            words,
            upos: share(counts[0]),
            xpos: share(counts[1]),
            ufeats: share(counts[2]),
            alltags: share(counts[3]),
            lemma: share(counts[4]),
            uas: share(counts[5]),
            las: share(counts[6]),
            las_universal: share(counts[7]),
        })
    }

    /// The metrics by name, in the order the official script prints them.
    pub fn metrics(&self) -> [(&'static str, f64); 8] {
        [
            ("UPOS", self.upos),
            ("XPOS", self.xpos),
            ("UFeats", self.ufeats),
            ("AllTags", self.alltags),
            ("Lemmas", self.lemma),
            ("UAS", self.uas),
            ("LAS", self.las),
            ("LAS (universal relation)", self.las_universal),
        ]
    }
}

/// A tokeniser's words against the gold words of a treebank.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct WordScore {
    /// Sentences scored.
    pub sentences: usize,
    /// Gold words.
    pub gold: usize,
    /// System words.
    pub system: usize,
    /// System words with a gold word's span.
    pub correct: usize,
    /// Precision, recall and F1 of the words.
    pub words: Prf,
    /// Where the two disagree: each stretch of text the gold and the
    /// system split differently, most frequent first.
    pub differences: Vec<Difference>,
}

/// One way the system splits a stretch of text that the gold splits
/// otherwise, and how often.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Difference {
    /// The gold words, separated by spaces.
    pub gold: String,
    /// The system words, separated by spaces.
    pub system: String,
    /// How many times.
    pub count: usize,
}

/// A word as a character span of the sentence's text.
type Span = (usize, usize);

impl WordScore {
    /// Scores system words against gold sentences. Each item is a gold
    /// sentence (with its `# text`) and the system's words as character
    /// spans of that text, in order.
    ///
    /// ```
    /// use dateline_eval::WordScore;
    /// use dateline_syntax::conllu;
    /// let gold = "# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t2\tnsubj\t_\t_\n\
    ///             2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\
    ///             3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";
    /// let gold = conllu::read("t", gold).remove(0).unwrap();
    /// // "I" "don" "'" "t" "." against "I" "do" "n't" ".": two right.
    /// let score = WordScore::compute(&[(&gold, vec![(0, 1), (2, 5), (5, 6), (6, 7), (7, 8)])])?;
    /// assert_eq!((score.gold, score.system, score.correct), (4, 5, 2));
    /// assert_eq!(score.differences[0].gold, "don't → do n't");
    /// assert_eq!(score.differences[0].system, "don ' t");
    /// # Ok::<(), dateline_eval::Error>(())
    /// ```
    pub fn compute(sentences: &[(&Sentence, Vec<Span>)]) -> Result<WordScore, Error> {
        let mut score = WordScore { sentences: sentences.len(), ..WordScore::default() };
        let mut differences: HashMap<(String, String), usize> = HashMap::new();
        for (sentence, system) in sentences {
            let text = sentence.text.as_deref().ok_or_else(|| {
                Error::line(sentence.line, "the sentence has no `# text =` comment to tokenise")
            })?;
            let chars: Vec<char> = text.chars().collect();
            let gold = gold_words(sentence, &chars)?;
            score.gold += gold.len();
            score.system += system.len();
            score.correct += matched(&gold, system, &chars);
            for (g, s) in disagreements(&gold, system, &chars) {
                *differences.entry((g, s)).or_default() += 1;
            }
        }
        score.words = crate::tempeval::prf(score.correct, score.system, score.correct, score.gold);
        let mut differences: Vec<Difference> = differences
            .into_iter()
            .map(|((gold, system), count)| Difference { gold, system, count })
            .collect();
        differences.sort_by(|a, b| {
            b.count.cmp(&a.count).then_with(|| (&a.gold, &a.system).cmp(&(&b.gold, &b.system)))
        });
        score.differences = differences;
        Ok(score)
    }
}

/// One gold word: its span, and for a word of a multiword token whose
/// words do not spell it out ("won't" as "will" + "not"), the whole
/// token's span and the word's form.
#[derive(Clone, Debug, PartialEq, Eq)]
struct GoldWord {
    span: Span,
    /// The multiword token it is part of, when that token is not the
    /// concatenation of its words.
    unspelled: Option<(Span, String)>,
    /// The multiword token as written, for the list of differences.
    token: Option<String>,
}

/// The gold words of a sentence as spans of its text: each token's form
/// is found in the text after the previous one, skipping spaces.
fn gold_words(sentence: &Sentence, chars: &[char]) -> Result<Vec<GoldWord>, Error> {
    let mut out = Vec::with_capacity(sentence.words.len());
    let mut position = 0;
    let mut word = 0;
    let find = |form: &str, position: &mut usize| -> Result<Span, Error> {
        while chars.get(*position).is_some_and(|c| c.is_whitespace()) {
            *position += 1;
        }
        let start = *position;
        for want in form.chars().filter(|c| !c.is_whitespace()) {
            // A token written with a space in it ("555 1234").
            while *position > start && chars.get(*position).is_some_and(|c| c.is_whitespace()) {
                *position += 1;
            }
            if chars.get(*position) != Some(&want) {
                return Err(Error::line(
                    sentence.line,
                    format!("the form {form:?} is not in the sentence's text at character {start}"),
                ));
            }
            *position += 1;
        }
        Ok((start, *position))
    };
    while word < sentence.words.len() {
        let number = word + 1;
        if let Some((_, last, form)) = sentence.multiword.iter().find(|m| m.0 == number) {
            let span = find(form, &mut position)?;
            let last = (*last).clamp(number, sentence.words.len());
            let words = &sentence.words[word..last];
            let spelled: String = words.iter().map(|w| w.form.as_str()).collect();
            if spelled.chars().count() == span.1 - span.0
                && spelled == chars[span.0..span.1].iter().collect::<String>()
            {
                let mut start = span.0;
                for w in words {
                    let end = start + w.form.chars().count();
                    out.push(GoldWord { span: (start, end), unspelled: None, token: Some(form.clone()) });
                    start = end;
                }
            } else {
                for w in words {
                    out.push(GoldWord {
                        span,
                        unspelled: Some((span, w.form.to_lowercase())),
                        token: Some(form.clone()),
                    });
                }
            }
            word = last;
        } else {
            let span = find(&sentence.words[word].form, &mut position)?;
            out.push(GoldWord { span, unspelled: None, token: None });
            word += 1;
        }
    }
    Ok(out)
}

/// How many system words match a gold word: the same span, or, inside a
/// multiword token whose words do not spell it, the longest common
/// subsequence of the lowercased forms (as the official script).
fn matched(gold: &[GoldWord], system: &[Span], chars: &[char]) -> usize {
    let mut right = 0;
    let mut s = 0;
    let mut g = 0;
    while g < gold.len() {
        if let Some((token, _)) = &gold[g].unspelled {
            let token = *token;
            let gold_forms: Vec<&str> = gold[g..]
                .iter()
                .take_while(|w| w.unspelled.as_ref().is_some_and(|(t, _)| *t == token))
                .map(|w| w.unspelled.as_ref().map_or("", |(_, f)| f.as_str()))
                .collect();
            while s < system.len() && system[s].0 < token.0 {
                s += 1;
            }
            let inside: Vec<String> = system[s..]
                .iter()
                .take_while(|span| span.1 <= token.1)
                .map(|&(a, b)| chars[a..b].iter().collect::<String>().to_lowercase())
                .collect();
            right += longest_common_subsequence(&gold_forms, &inside);
            g += gold_forms.len();
            continue;
        }
        let span = gold[g].span;
        while s < system.len() && system[s].0 < span.0 {
            s += 1;
        }
        if system.get(s) == Some(&span) {
            right += 1;
        }
        g += 1;
    }
    right
}

fn longest_common_subsequence(a: &[&str], b: &[String]) -> usize {
    let mut table = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for i in 0..a.len() {
        for j in 0..b.len() {
            table[i + 1][j + 1] =
                if a[i] == b[j] { table[i][j] + 1 } else { table[i][j + 1].max(table[i + 1][j]) };
        }
    }
    table[a.len()][b.len()]
}

/// The stretches of text where the gold and the system words differ: from
/// a point where both start a word to the next point where both end one.
/// Gold multiword tokens are written "token → words".
fn disagreements(gold: &[GoldWord], system: &[Span], chars: &[char]) -> Vec<(String, String)> {
    let text = |(a, b): Span| chars[a..b].iter().collect::<String>();
    let gold_text = |words: &[GoldWord]| {
        let mut out: Vec<String> = Vec::new();
        let mut k = 0;
        while k < words.len() {
            match &words[k].token {
                Some(token) => {
                    let same: Vec<&GoldWord> =
                        words[k..].iter().take_while(|w| w.token.as_ref() == Some(token)).collect();
                    let parts: Vec<String> = same
                        .iter()
                        .map(|w| w.unspelled.as_ref().map_or_else(|| text(w.span), |(_, f)| f.clone()))
                        .collect();
                    out.push(format!("{token} → {}", parts.join(" ")));
                    k += same.len();
                }
                None => {
                    out.push(text(words[k].span));
                    k += 1;
                }
            }
        }
        out.join(" ")
    };
    let mut out = Vec::new();
    let (mut g, mut s) = (0, 0);
    while g < gold.len() && s < system.len() {
        if gold[g].span == system[s] && gold[g].unspelled.is_none() {
            g += 1;
            s += 1;
            continue;
        }
        // Extend both sides until they end at the same character.
        let (g0, s0) = (g, s);
        let mut gold_end = gold[g].span.1;
        let mut system_end = system[s].1;
        g += 1;
        s += 1;
        while gold_end != system_end {
            if gold_end < system_end && g < gold.len() {
                gold_end = gold_end.max(gold[g].span.1);
                g += 1;
            } else if s < system.len() {
                system_end = system_end.max(system[s].1);
                s += 1;
            } else if g < gold.len() {
                gold_end = gold_end.max(gold[g].span.1);
                g += 1;
            } else {
                break;
            }
        }
        // Words of the same unspelled token stay together.
        while g < gold.len() && gold[g].span.1 <= gold_end && gold[g].span.0 < gold_end {
            g += 1;
        }
        let system_words: Vec<String> = system[s0..s].iter().map(|&span| text(span)).collect();
        out.push((gold_text(&gold[g0..g]), system_words.join(" ")));
    }
    if g < gold.len() || s < system.len() {
        let system_words: Vec<String> = system[s..].iter().map(|&span| text(span)).collect();
        out.push((gold_text(&gold[g..]), system_words.join(" ")));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_syntax::conllu;

    /// A sentence from rows of (form, lemma, upos, feats, head, deprel).
    fn sentence(rows: &[(&str, &str, &str, &str, usize, &str)]) -> Sentence {
        let mut text = String::new();
        for (i, (form, lemma, upos, feats, head, deprel)) in rows.iter().enumerate() {
            text.push_str(&format!(
                "{}\t{form}\t{lemma}\t{upos}\t_\t{feats}\t{head}\t{deprel}\t_\t_\n",
                i + 1
            ));
        }
        conllu::read("t", &text).remove(0).unwrap()
    }

    #[test]
    fn table_of_scores() {
        let gold = sentence(&[
            ("Troops", "troop", "NOUN", "Number=Plur", 2, "nsubj"),
            ("left", "leave", "VERB", "Tense=Past", 0, "root"),
            ("today", "today", "NOUN", "_", 2, "obl:tmod"),
            (".", ".", "PUNCT", "_", 2, "punct"),
        ]);
        let cases: &[(&str, Sentence, [f64; 8])] = &[
            ("identical", gold.clone(), [1.0; 8]),
            (
                "one tag, one feature, one lemma wrong",
                sentence(&[
                    ("Troops", "troops", "PROPN", "Number=Plur", 2, "nsubj"),
                    ("left", "leave", "VERB", "Tense=Pres", 0, "root"),
                    ("today", "today", "NOUN", "_", 2, "obl:tmod"),
                    (".", ".", "PUNCT", "_", 2, "punct"),
                ]),
                [0.75, 1.0, 0.75, 0.5, 0.75, 1.0, 1.0, 1.0],
            ),
            (
                "a subtype and a head wrong",
                sentence(&[
                    ("Troops", "troop", "NOUN", "Number=Plur", 2, "nsubj"),
                    ("left", "leave", "VERB", "Tense=Past", 0, "root"),
                    ("today", "today", "NOUN", "_", 2, "obl:npmod"),
                    (".", ".", "PUNCT", "_", 3, "punct"),
                ]),
                [1.0, 1.0, 1.0, 1.0, 1.0, 0.75, 0.5, 0.75],
            ),
        ];
        for (name, system, want) in cases {
            let score =
                SyntaxScore::compute(std::slice::from_ref(&gold), std::slice::from_ref(system)).unwrap();
            let got: Vec<f64> = score.metrics().iter().map(|m| m.1).collect();
            assert_eq!(got, want, "{name}");
            assert_eq!(score.words, 4);
        }
    }

    #[test]
    fn an_underscore_gold_lemma_accepts_any() {
        let gold = sentence(&[("x", "_", "X", "_", 0, "root")]);
        let system = sentence(&[("x", "y", "X", "_", 0, "root")]);
        assert_eq!(SyntaxScore::compute(&[gold], &[system]).unwrap().lemma, 1.0);
    }

    #[test]
    fn sentences_that_do_not_align_are_named_by_line() {
        let text = "1\tA\ta\tDET\t_\t_\t0\troot\t_\t_\n\n1\tB\tb\tDET\t_\t_\t0\troot\t_\t_\n\n";
        let gold: Vec<Sentence> = conllu::read("g", text).into_iter().map(Result::unwrap).collect();
        let mut other_form = gold.clone();
        other_form[1].words[0].form = "C".into();
        let mut more_words = gold.clone();
        let word = more_words[1].words[0].clone();
        more_words[1].words.push(word);
        let cases: &[(&[Sentence], usize, &str)] = &[
            (&gold[..1], 3, "2 sentences, the system 1"),
            (&other_form, 3, "\"B\" in the gold and \"C\""),
            (&more_words, 3, "1 gold words and 2 system words"),
        ];
        for (system, line, message) in cases {
            let error = SyntaxScore::compute(&gold, system).unwrap_err();
            assert_eq!(error.line_number(), Some(*line), "{error}");
            assert!(error.message().contains(message), "{error}");
        }
    }

    fn with_text(text: &str, rows: &str) -> Sentence {
        conllu::read("t", &format!("# text = {text}\n{rows}\n")).remove(0).unwrap()
    }

    fn row(n: usize, form: &str) -> String {
        format!("{n}\t{form}\t_\tX\t_\t_\t0\troot\t_\t_\n")
    }

    #[test]
    fn table_of_word_alignments() {
        let gold = with_text(
            "U.S. don't",
            &format!(
                "{}2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n{}{}",
                row(1, "U.S."),
                row(2, "do"),
                row(3, "n't")
            ),
        );
        /// A case: its name, the system's spans, how many are right, and
        /// the differences listed (gold, system).
        type Case = (&'static str, Vec<Span>, usize, &'static [(&'static str, &'static str)]);
        let cases: &[Case] = &[
            ("the same words", vec![(0, 4), (5, 7), (7, 10)], 3, &[]),
            (
                "abbreviation split",
                vec![(0, 1), (1, 2), (2, 3), (3, 4), (5, 7), (7, 10)],
                2,
                &[("U.S.", "U . S .")],
            ),
            ("clitic not split", vec![(0, 4), (5, 10)], 1, &[("don't → do n't", "don't")]),
            ("a word left out at the end", vec![(0, 4), (5, 7)], 2, &[("don't → n't", "")]),
        ];
        for (name, system, correct, differences) in cases {
            let score = WordScore::compute(&[(&gold, system.clone())]).unwrap();
            assert_eq!((score.gold, score.correct), (3, *correct), "{name}");
            let got: Vec<(&str, &str)> =
                score.differences.iter().map(|d| (d.gold.as_str(), d.system.as_str())).collect();
            assert_eq!(&got, differences, "{name}");
        }
    }

    #[test]
    fn a_multiword_token_not_spelled_by_its_words_is_matched_by_form() {
        let gold = with_text(
            "gimme",
            &format!("1-2\tgimme\t_\t_\t_\t_\t_\t_\t_\t_\n{}{}", row(1, "give"), row(2, "me")),
        );
        let score = WordScore::compute(&[(&gold, vec![(0, 3), (3, 5)])]).unwrap();
        assert_eq!(
            (score.gold, score.system, score.correct),
            (2, 2, 1),
            "\"me\" is found, \"gim\" is not \"give\""
        );
        assert_eq!(score.differences[0].gold, "gimme → give me");
    }

    #[test]
    fn a_form_missing_from_the_text_is_an_error_with_the_line() {
        let gold = with_text("Troops left", &format!("{}{}", row(1, "Troops"), row(2, "right")));
        let error = WordScore::compute(&[(&gold, vec![])]).unwrap_err();
        assert_eq!(error.line_number(), Some(1));
        assert!(error.message().contains("\"right\""), "{error}");
    }
}
