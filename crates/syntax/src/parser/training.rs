//! Training the parser: greedy parsing of each gold sentence with the
//! dynamic oracle, updating the perceptron whenever the best-scoring move
//! costs more than the best move the oracle allows, and from an early
//! epoch on, sometimes following the model's own mistakes so it learns to
//! recover from them (Goldberg & Nivre 2012, 2013).

use super::oracle::{self, Gold};
use super::system::{Move, State, ROOT_LABEL};
use super::NO_CLUSTER;
use super::{arc, best_move, features, Token, Workspace};
use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::perceptron::{argmax, Model, Training};
use crate::Upos;

/// How to train.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Options {
    /// Passes over the sentences.
    pub(crate) epochs: usize,
    /// How many perceptrons, each seeded apart, are averaged into the
    /// model (features are kept by their updates in all of them).
    pub(crate) runs: usize,
    /// The first epoch (from 0) that follows the model's wrong moves.
    pub(crate) explore_from: usize,
    /// How often a wrong move is followed, from then on.
    pub(crate) explore: f64,
    /// What to do with trees the system cannot build.
    pub(crate) nonprojective: NonProjective,
    /// Features updated fewer times than this are dropped from the model
    /// of moves.
    pub(crate) min_count: u32,
    /// Weights smaller than this are dropped from the model of moves.
    pub(crate) min_weight: f32,
    /// The same for the labeller, which loses more by pruning.
    pub(crate) label_min_count: u32,
    pub(crate) label_min_weight: f32,
    /// Seeds the shuffles and the exploration.
    pub(crate) seed: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            epochs: 15,
            runs: 1,
            explore_from: 1,
            explore: 0.9,
            nonprojective: NonProjective::Lift,
            min_count: 1,
            min_weight: 0.0,
            label_min_count: 1,
            label_min_weight: 0.0,
            seed: 0x5eed,
        }
    }
}

/// How to train on a non-projective tree, which arc-hybrid cannot build.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[cfg_attr(not(test), allow(dead_code, reason = "the others are measured against Lift by the report"))]
pub(crate) enum NonProjective {
    /// Lift its crossing arcs until it is projective (the labels stay).
    Lift,
    /// Train on it as it is: the oracle's costs still count the arcs each
    /// move loses, though no move may then be free of cost.
    Costs,
    /// Leave it out.
    Skip,
}

/// Trains the model that scores moves and the one that labels arcs, for
/// a parser with `labels`.
pub(super) fn train(
    sentences: &[Sentence],
    tags: &[Vec<(Upos, String)>],
    clusters: &Clusters,
    labels: &[String],
    options: &Options,
) -> (Model, Model) {
    let golds: Vec<Option<Gold>> = sentences.iter().map(|s| gold(s, labels, options.nonprojective)).collect();
    // The mean of several perceptrons, each exploring in an order and with
    // wrong moves of its own: one perceptron's weights move with them.
    let mut moves = Vec::new();
    let mut labellers = Vec::new();
    for run in 0..options.runs.max(1) as u64 {
        let mut trainer = Trainer {
            moves: Training::new(Move::ALL.len()),
            labeller: Training::new(labels.len()),
            labels: labels.len(),
            work: Workspace { scores: vec![0.0; labels.len().max(Move::ALL.len())], ..Workspace::default() },
            random: SplitMix(options.seed ^ run.wrapping_mul(0x9e37_79b9_7f4a_7c15)),
        };
        let mut order: Vec<usize> = (0..sentences.len()).collect();
        for epoch in 0..options.epochs {
            trainer.random.shuffle(&mut order);
            let explore = if epoch >= options.explore_from { options.explore } else { 0.0 };
            for &i in &order {
                let Some(gold) = &golds[i] else { continue };
                let tokens = tokens(&sentences[i], tags.get(i), clusters);
                trainer.sentence(&tokens, gold, explore);
            }
        }
        moves.push(trainer.moves);
        labellers.push(trainer.labeller);
    }
    (
        Training::average_of(&moves, options.min_count, options.min_weight),
        Training::average_of(&labellers, options.label_min_count, options.label_min_weight),
    )
}

/// The words of a sentence with the tags to parse them with: the given
/// ones, or the gold ones when none are given for every word.
fn tokens<'s>(
    sentence: &'s Sentence,
    tags: Option<&'s Vec<(Upos, String)>>,
    clusters: &Clusters,
) -> Vec<Token<'s>> {
    let tags = tags.filter(|t| t.len() == sentence.words.len());
    sentence
        .words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let (upos, xpos) = tags.map_or((w.upos, w.xpos.as_str()), |t| (t[i].0, t[i].1.as_str()));
            let cluster = clusters.get(&w.form).unwrap_or(NO_CLUSTER);
            Token { form: &w.form, lemma: &w.lemma, upos, xpos, cluster }
        })
        .collect()
}

/// The gold tree of a sentence in the system's numbering, made projective
/// or left out as `nonprojective` says.
fn gold(sentence: &Sentence, labels: &[String], nonprojective: NonProjective) -> Option<Gold> {
    let root = sentence.words.len() as u32;
    let mut heads: Vec<u32> =
        sentence.words.iter().map(|w| if w.head == 0 { root } else { w.head as u32 - 1 }).collect();
    let tree_labels = sentence
        .words
        .iter()
        .map(|w| match w.head {
            0 => ROOT_LABEL,
            // Every label is in the list, which was made from these trees.
            _ => labels.binary_search(&w.deprel).map_or(0, |l| l as u16),
        })
        .collect();
    if !oracle::is_projective(&heads) {
        match nonprojective {
            NonProjective::Lift => oracle::projectivize(&mut heads),
            NonProjective::Costs => {}
            NonProjective::Skip => return None,
        }
    }
    Some(Gold::new(heads, tree_labels))
}

struct Trainer {
    moves: Training,
    labeller: Training,
    labels: usize,
    work: Workspace,
    random: SplitMix,
}

impl Trainer {
    /// Parses one sentence, learning from each decision.
    fn sentence(&mut self, tokens: &[Token<'_>], gold: &Gold, explore: f64) {
        self.work.state.reset(tokens.len());
        self.work.lexicon.fill(tokens);
        while !self.work.state.is_terminal() {
            if let Some(mv) = self.work.state.forced() {
                self.work.state.apply(mv, 0);
                continue;
            }
            let mv = self.choose_move(gold, explore);
            let label = match arc(&self.work.state, mv) {
                Some((head, dependent)) => self.choose_label(gold, head, dependent),
                None => 0,
            };
            self.work.state.apply(mv, label);
        }
    }

    /// Learns from the move the model prefers here, and returns the move
    /// to follow: the model's when the oracle finds it no worse than the
    /// best, or now and then (`explore`) even when it is worse.
    fn choose_move(&mut self, gold: &Gold, explore: f64) -> Move {
        let work = &mut self.work;
        features::extract(&work.state, &work.lexicon, features::Subset::All, &mut work.features);
        self.moves.score(work.features.hashes(), &mut work.scores[..Move::ALL.len()]);
        let costs = Move::ALL.map(|mv| work.state.allows(mv).then(|| oracle::cost(&work.state, gold, mv)));
        let guess = best_move(&work.state, &work.scores);
        let least = costs.iter().flatten().copied().min();
        let truth = best_move_where(&work.state, &work.scores, |mv| costs[mv as usize] == least);
        self.moves.update(work.features.hashes(), truth as usize, guess as usize);
        self.moves.tick();
        if costs[guess as usize] == least || self.random.chance(explore) {
            guess
        } else {
            truth
        }
    }

    /// Learns the gold label of `dependent`, whatever head it is given
    /// (the relation is mostly the dependent's own), and returns the
    /// label the model chose, as parsing would.
    fn choose_label(&mut self, gold: &Gold, head: u32, dependent: u32) -> u16 {
        let work = &mut self.work;
        features::extract_arc(&work.state, &work.lexicon, head, dependent, &mut work.features);
        let scores = &mut work.scores[..self.labels];
        self.labeller.score(work.features.hashes(), scores);
        let guess = argmax(scores);
        // The gold root has no label to learn when it is made a dependent.
        let truth = match gold.labels.get(dependent as usize) {
            Some(&label) if usize::from(label) < self.labels => usize::from(label),
            _ => guess,
        };
        self.labeller.update(work.features.hashes(), truth, guess);
        self.labeller.tick();
        guess as u16
    }
}

/// The best-scoring move among the allowed ones that `wanted` accepts.
fn best_move_where(state: &State, scores: &[f32], wanted: impl Fn(Move) -> bool) -> Move {
    let mut best = None;
    for (mv, &score) in Move::ALL.into_iter().zip(scores) {
        if state.allows(mv) && wanted(mv) && best.is_none_or(|(_, top)| score > top) {
            best = Some((mv, score));
        }
    }
    best.map_or(Move::Shift, |(mv, _)| mv)
}

/// A small, fast, seeded generator (Steele, Lea & Flood 2014): training
/// must give the same model every time.
pub(super) struct SplitMix(pub(super) u64);

impl SplitMix {
    pub(super) fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        let uniform = (self.next() >> 11) as f64 / (1u64 << 53) as f64;
        p > 0.0 && uniform < p
    }

    /// A uniform number below `n` (n > 0).
    pub(super) fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Fisher-Yates.
    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}
