//! Measures the parser on Universal Dependencies: trains on the project's
//! training files less every tenth sentence, and reports attachment
//! scores on those held-out sentences and on GUM (out of domain), the
//! speed, the model's size and its memory. Slow, so ignored by default:
//!
//! ```text
//! cargo test --release -p dateline-syntax parser_report -- --ignored --nocapture
//! ```
//!
//! Options come from the environment: `PARSER_EPOCHS`, `PARSER_EXPLORE_FROM`,
//! `PARSER_EXPLORE`, `PARSER_NONPROJECTIVE` (lift, costs, skip),
//! `PARSER_MIN_COUNT`, `PARSER_MIN_WEIGHT`, `PARSER_LABEL_MIN_COUNT`,
//! `PARSER_LABEL_MIN_WEIGHT`, `PARSER_NOISE` (the share of
//! words whose tags are replaced, to stand for a tagger's mistakes; 0.06
//! by default), `PARSER_TRAIN_NOISY` (true: train on such tags too),
//! `PARSER_SAVE` and `PARSER_LOAD` (a model file to write, or to read
//! instead of training) and `DATELINE_UD` (the folder of the treebanks).

use super::training::{NonProjective, Options, SplitMix};
use super::{Parser, Token};
use crate::conllu::{self, Sentence};
use crate::Upos;
use std::collections::HashMap;
use std::time::Instant;

const TRAINING: [&str; 3] = [
    "UD_English-EWT/en_ewt-ud-dev.conllu",
    "UD_English-EWT/en_ewt-ud-test.conllu",
    "UD_English-PUD/en_pud-ud-test.conllu",
];
const OUT_OF_DOMAIN: &str = "UD_English-GUM/en_gum-ud-dev.conllu";

fn env<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn read(path: &str) -> Vec<Sentence> {
    let folder = std::env::var("DATELINE_UD")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/ud").to_string());
    let full = format!("{folder}/{path}");
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    conllu::read(path, &text).into_iter().map(|s| s.expect("a well-formed treebank")).collect()
}

/// What a tagger's mistakes look like, learnt from the training
/// sentences: a word it has seen with several tags gets another of them; a
/// rare word, another open-class tag. (Replacing tags at random instead
/// would be harsher than any tagger.)
struct Noise {
    /// The tag pairs each lowercased form is seen with, in order.
    seen: HashMap<String, Vec<(Upos, String)>>,
    /// How often each form is seen.
    counts: HashMap<String, usize>,
    /// The tag pairs of open-class words, as often as they occur.
    open: Vec<(Upos, String)>,
}

impl Noise {
    fn new(training: &[Sentence]) -> Noise {
        let mut seen: HashMap<String, Vec<(Upos, String)>> = HashMap::new();
        let mut counts = HashMap::new();
        let mut open = Vec::new();
        for word in training.iter().flat_map(|s| &s.words) {
            let form = word.form.to_lowercase();
            let pair = (word.upos, word.xpos.clone());
            let pairs = seen.entry(form.clone()).or_default();
            if !pairs.contains(&pair) {
                pairs.push(pair.clone());
            }
            *counts.entry(form).or_insert(0) += 1;
            if matches!(word.upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Verb | Upos::Adv | Upos::Num)
            {
                open.push(pair);
            }
        }
        Noise { seen, counts, open }
    }

    /// Another tag pair a tagger might give `word`, if it is a word a
    /// tagger gets wrong at all.
    fn confusion(&self, word: &crate::Word, random: &mut SplitMix) -> Option<(Upos, String)> {
        let form = word.form.to_lowercase();
        let gold = (word.upos, word.xpos.clone());
        let others: Vec<&(Upos, String)> =
            self.seen.get(&form).map_or(Vec::new(), |pairs| pairs.iter().filter(|&p| *p != gold).collect());
        if !others.is_empty() {
            return Some(others[random.below(others.len())].clone());
        }
        let rare = self.counts.get(&form).copied().unwrap_or(0) <= 1;
        let open =
            matches!(word.upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Verb | Upos::Adv | Upos::Num);
        (rare && open).then(|| self.open[random.below(self.open.len())].clone()).filter(|p| *p != gold)
    }
}

/// Each sentence's tags: gold, or with a share `rate` of all words given a
/// tagger-like mistake (seeded).
fn tags(sentences: &[Sentence], noise: &Noise, rate: f64, seed: u64) -> Vec<Vec<(Upos, String)>> {
    let gold = |s: &Sentence| s.words.iter().map(|w| (w.upos, w.xpos.clone())).collect::<Vec<_>>();
    if rate == 0.0 {
        return sentences.iter().map(gold).collect();
    }
    let mut random = SplitMix(seed);
    let words = sentences.iter().map(|s| s.words.len()).sum::<usize>();
    let mut probe = SplitMix(seed);
    let liable =
        sentences.iter().flat_map(|s| &s.words).filter(|w| noise.confusion(w, &mut probe).is_some()).count();
    let chance = (rate * words as f64 / liable.max(1) as f64).min(1.0);
    sentences
        .iter()
        .map(|s| {
            s.words
                .iter()
                .map(|w| {
                    let roll = (random.next() >> 11) as f64 / (1u64 << 53) as f64;
                    let mistake = if roll < chance { noise.confusion(w, &mut random) } else { None };
                    mistake.unwrap_or_else(|| (w.upos, w.xpos.clone()))
                })
                .collect()
        })
        .collect()
}

/// The share of words whose UPOS the tags get right.
fn upos_accuracy(sentences: &[Sentence], tags: &[Vec<(Upos, String)>]) -> f64 {
    let words = sentences.iter().flat_map(|s| &s.words);
    let right = words.zip(tags.iter().flatten()).filter(|(w, t)| w.upos == t.0).count();
    100.0 * right as f64 / sentences.iter().map(|s| s.words.len()).sum::<usize>().max(1) as f64
}

/// Words, correct heads, correct heads and full labels, correct heads and
/// universal labels (before any `:`).
#[derive(Default, Debug)]
struct Score {
    words: usize,
    heads: usize,
    labels: usize,
    universal: usize,
}

impl Score {
    fn show(&self, name: &str) -> String {
        let pct = |n: usize| 100.0 * n as f64 / self.words.max(1) as f64;
        format!(
            "{name:<28} UAS {:5.2}  LAS {:5.2}  LAS(universal) {:5.2}  ({} words)",
            pct(self.heads),
            pct(self.labels),
            pct(self.universal),
            self.words
        )
    }
}

fn tokens<'s>(sentence: &'s Sentence, tags: &'s [(Upos, String)]) -> Vec<Token<'s>> {
    sentence
        .words
        .iter()
        .zip(tags)
        .map(|(w, (upos, xpos))| Token {
            form: &w.form,
            lemma: &w.lemma,
            upos: *upos,
            xpos,
            cluster: super::NO_CLUSTER,
        })
        .collect()
}

fn score(parser: &Parser, sentences: &[Sentence], tags: &[Vec<(Upos, String)>]) -> Score {
    let mut score = Score::default();
    for (sentence, tags) in sentences.iter().zip(tags) {
        let parsed = parser.parse(&tokens(sentence, tags));
        for (word, (head, label)) in sentence.words.iter().zip(parsed) {
            score.words += 1;
            if word.head == head {
                score.heads += 1;
                score.labels += usize::from(word.deprel == label);
                let universal = |l: &str| l.split(':').next().unwrap_or("").to_string();
                score.universal += usize::from(universal(&word.deprel) == universal(&label));
            }
        }
    }
    score
}

/// Tokens parsed per second on one thread, over at least a second.
/// Tokens parsed per second on one thread: the best of three runs of a
/// second or more (the machine is shared; the best run is the one least
/// disturbed).
fn speed(parser: &Parser, sentences: &[Sentence], tags: &[Vec<(Upos, String)>]) -> f64 {
    let inputs: Vec<Vec<Token<'_>>> = sentences.iter().zip(tags).map(|(s, t)| tokens(s, t)).collect();
    let run = || {
        let start = Instant::now();
        let mut words = 0;
        while start.elapsed().as_secs_f64() < 1.0 {
            for input in &inputs {
                words += parser.parse(input).len();
            }
        }
        words as f64 / start.elapsed().as_secs_f64()
    };
    (0..3).map(|_| run()).fold(0.0, f64::max)
}

fn gzipped_size(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes).unwrap();
    encoder.finish().unwrap().len()
}

#[test]
#[ignore = "trains on the UD files for a minute; run it to measure"]
fn parser_report() {
    let options = Options {
        epochs: env("PARSER_EPOCHS", Options::default().epochs),
        explore_from: env("PARSER_EXPLORE_FROM", Options::default().explore_from),
        explore: env("PARSER_EXPLORE", Options::default().explore),
        nonprojective: match std::env::var("PARSER_NONPROJECTIVE").as_deref() {
            Ok("costs") => NonProjective::Costs,
            Ok("skip") => NonProjective::Skip,
            _ => NonProjective::Lift,
        },
        min_count: env("PARSER_MIN_COUNT", Options::default().min_count),
        min_weight: env("PARSER_MIN_WEIGHT", Options::default().min_weight),
        label_min_count: env("PARSER_LABEL_MIN_COUNT", Options::default().label_min_count),
        label_min_weight: env("PARSER_LABEL_MIN_WEIGHT", Options::default().label_min_weight),
        ..Options::default()
    };
    let noise: f64 = env("PARSER_NOISE", 0.07);
    let train_noisy = env("PARSER_TRAIN_NOISY", false);
    let (mut train, mut held_out) = (Vec::new(), Vec::new());
    for file in TRAINING {
        for (i, sentence) in read(file).into_iter().enumerate() {
            if i % 10 == 9 {
                held_out.push(sentence)
            } else {
                train.push(sentence)
            }
        }
    }
    let pool = Noise::new(&train);
    let train_tags = tags(&train, &pool, if train_noisy { noise } else { 0.0 }, 1);
    let count = |s: &[Sentence]| s.iter().map(|s| s.words.len()).sum::<usize>();
    println!("{options:?}, noise {noise}, training on noisy tags: {train_noisy}");
    println!("training on {} sentences ({} words)", train.len(), count(&train));

    let start = Instant::now();
    let parser = match std::env::var("PARSER_LOAD") {
        Ok(path) => Parser::read(&path, &std::fs::read(&path).unwrap()).unwrap().0,
        Err(_) => Parser::train_with(&train, &train_tags, &crate::clusters::Clusters::default(), &options),
    };
    println!("trained (or loaded) in {:.1} s", start.elapsed().as_secs_f64());

    let gum = read(OUT_OF_DOMAIN);
    let mut bytes = Vec::new();
    parser.write(&mut bytes);
    if let Ok(path) = std::env::var("PARSER_SAVE") {
        std::fs::write(path, &bytes).unwrap();
    }
    if std::env::var("PARSER_ONLY_SPEED").is_ok() {
        println!("speed: {:.0} tokens/s", speed(&parser, &gum, &tags(&gum, &pool, 0.0, 4)));
        return;
    }
    println!(
        "model: {:.1} MB raw, {:.2} MB gzipped",
        bytes.len() as f64 / 1e6,
        gzipped_size(&bytes) as f64 / 1e6
    );
    for (name, model) in [("moves", &parser.moves), ("labeller", &parser.labeller)] {
        let (features, weights) = model.size();
        let memory = model.memory() as f64 / 1e6;
        println!("  {name}: {features} features, {weights} weights, {memory:.1} MB in memory");
    }

    let gold_held = tags(&held_out, &pool, 0.0, 2);
    let noisy_held = tags(&held_out, &pool, noise, 3);
    let gold_gum = tags(&gum, &pool, 0.0, 4);
    let noisy_gum = tags(&gum, &pool, noise, 5);
    println!(
        "noisy tags' UPOS accuracy: held out {:.2}, GUM {:.2}",
        upos_accuracy(&held_out, &noisy_held),
        upos_accuracy(&gum, &noisy_gum)
    );
    println!("{}", score(&parser, &held_out, &gold_held).show("held out, gold tags"));
    println!("{}", score(&parser, &held_out, &noisy_held).show("held out, noisy tags"));
    println!("{}", score(&parser, &gum, &gold_gum).show("GUM dev, gold tags"));
    println!("{}", score(&parser, &gum, &noisy_gum).show("GUM dev, noisy tags"));
    println!("speed: {:.0} tokens/s", speed(&parser, &gum, &gold_gum));
}

#[test]
#[ignore = "a micro-benchmark"]
fn parser_micro() {
    let path = std::env::var("PARSER_LOAD").unwrap();
    let parser = Parser::read(&path, &std::fs::read(&path).unwrap()).unwrap().0;
    let gum = read(OUT_OF_DOMAIN);
    let tags: Vec<Vec<(Upos, String)>> =
        gum.iter().map(|s| s.words.iter().map(|w| (w.upos, w.xpos.clone())).collect()).collect();
    let mut work = super::Workspace::default();
    let mut decisions: Vec<Vec<u64>> = Vec::new();
    let mut arcs: Vec<Vec<u64>> = Vec::new();
    for (s, t) in gum.iter().zip(&tags) {
        let toks = tokens(s, t);
        work.state.reset(toks.len());
        work.lexicon.fill(&toks);
        while !work.state.is_terminal() {
            if let Some(mv) = work.state.forced() {
                work.state.apply(mv, 0);
                continue;
            }
            super::features::extract(
                &work.state,
                &work.lexicon,
                super::features::Subset::All,
                &mut work.features,
            );
            decisions.push(work.features.hashes().to_vec());
            parser.moves.score(work.features.hashes(), &mut work.scores);
            let mv = super::best_move(&work.state, &work.scores);
            if let Some((h, d)) = super::arc(&work.state, mv) {
                super::features::extract_arc(&work.state, &work.lexicon, h, d, &mut work.features);
                arcs.push(work.features.hashes().to_vec());
            }
            work.state.apply(mv, 0);
        }
    }
    let words: usize = gum.iter().map(|s| s.words.len()).sum();
    let time = |model: &crate::perceptron::Model, features: &[Vec<u64>]| {
        let mut scores = Vec::new();
        let mut best = f64::MAX;
        for _ in 0..5 {
            let start = Instant::now();
            for f in features {
                model.score(f, &mut scores);
                std::hint::black_box(&scores);
            }
            best = best.min(start.elapsed().as_secs_f64());
        }
        let lookups: usize = features.iter().map(Vec::len).sum();
        (best * 1e9 / lookups as f64, best * 1e9 / words as f64)
    };
    let (per_lookup, per_word) = time(&parser.moves, &decisions);
    println!("moves: {per_lookup:.1} ns a lookup, {per_word:.0} ns a word");
    let (per_lookup, per_word) = time(&parser.labeller, &arcs);
    println!("labels: {per_lookup:.1} ns a lookup, {per_word:.0} ns a word");
    let mut work = super::Workspace::default();
    let inputs: Vec<Vec<Token<'_>>> = gum.iter().zip(&tags).map(|(s, t)| tokens(s, t)).collect();
    let start = Instant::now();
    for input in &inputs {
        parser.parse_in(input, &mut work);
    }
    println!("parse_in: {:.0} ns a word", start.elapsed().as_secs_f64() * 1e9 / words as f64);
}
