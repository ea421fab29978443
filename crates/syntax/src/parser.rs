//! The dependency parser: arc-hybrid transitions with the root at the end
//! of the buffer, greedy decoding. One averaged perceptron chooses each
//! move, trained with a dynamic oracle; a second labels each arc as it is
//! made (choosing the two apart costs little accuracy and keeps parsing
//! fast: three classes per move, a label only per arc).
//!
//! [`system`] defines the moves, [`oracle`] what a move costs against a
//! gold tree, [`features`] what the model sees, [`training`] how it
//! learns.

mod features;
mod oracle;
mod system;
mod training;

use crate::clusters::Clusters;
use crate::conllu::Sentence;
use crate::perceptron::{argmax, write_string, Features, Model, Reader};
use crate::{Error, Upos};
use features::{Key, Lexicon, Subset, ROLES};
use system::{Move, State, ROOT_LABEL};

pub(crate) use training::Options;

/// What the parser reads of one word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Token<'a> {
    pub(crate) form: &'a str,
    #[allow(dead_code, reason = "lemma features did worse than forms, even with gold lemmas (measured)")]
    pub(crate) lemma: &'a str,
    pub(crate) upos: Upos,
    pub(crate) xpos: &'a str,
    /// The word's class learnt from unlabelled text, [`NO_CLUSTER`] when
    /// it has none.
    pub(crate) cluster: u16,
}

/// The class of a word too rare to have one.
pub(crate) const NO_CLUSTER: u16 = u16::MAX;

/// The trained parser.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Parser {
    /// The relations it can predict, `root` aside; a label's number is its
    /// place here.
    labels: Vec<String>,
    /// Scores the moves (numbered as in [`Move::ALL`]).
    moves: Model,
    /// Scores the labels of an arc.
    labeller: Model,
}

/// What a model's part of the file starts with. The number changes with
/// anything that changes what a weight means (the features, the classes).
const MAGIC: &[u8] = b"parser arc-hybrid 2\n";

/// The best-scoring move among those the state allows.
fn best_move(state: &State, scores: &[f32]) -> Move {
    let mut best = None;
    for (mv, &score) in Move::ALL.into_iter().zip(scores) {
        if state.allows(mv) && best.is_none_or(|(_, top)| score > top) {
            best = Some((mv, score));
        }
    }
    // A state that is not terminal allows a move.
    best.map_or(Move::Shift, |(mv, _)| mv)
}

/// The arc a move makes, as (head, dependent), when it makes one.
fn arc(state: &State, mv: Move) -> Option<(u32, u32)> {
    match mv {
        Move::Shift => None,
        Move::Left => Some((state.next as u32, state.stack(0))),
        Move::Right => Some((state.stack(1), state.stack(0))),
    }
}

thread_local! {
    /// Each thread's buffers, kept from one sentence to the next: parsing
    /// allocates nothing then but its answer.
    static WORKSPACE: std::cell::RefCell<Workspace> = std::cell::RefCell::default();
}

/// The reusable buffers of parsing one sentence.
#[derive(Default)]
struct Workspace {
    state: State,
    lexicon: Lexicon,
    features: Features,
    scores: Vec<f32>,
    roles: RoleSums,
}

/// The move model's sums of each role's templates (see
/// [`features::Role`]) for one word, as [`Model::add_sums`] gives them.
type Sums = [[i32; MOVES]; ROLES];

/// How many moves the move model scores.
const MOVES: usize = Move::ALL.len();

/// The sums of the templates of each word of a sentence in each role,
/// worked out once per sentence instead of once per move, and kept from
/// one sentence to the next for the words seen before (most of them: the
/// templates read a word's form, tag and class only). Each move then
/// looks up only the templates that combine words.
#[derive(Default)]
struct RoleSums {
    /// For each item of the lexicon.
    items: Vec<Sums>,
    /// The sums of words seen before, by what their templates read...
    seen: std::collections::HashMap<Key, Sums, std::hash::BuildHasherDefault<PassThrough>>,
    /// ...with the move model whose id this is.
    model: u64,
}

/// At most this many words' sums are kept (about 130 bytes each): past
/// it, they are forgotten and gathered again.
const SEEN_WORDS: usize = 1 << 14;

impl RoleSums {
    /// The sums of every item of `lexicon` under `model`.
    fn fill(&mut self, model: &Model, lexicon: &Lexicon, state: &State, features: &mut Features) {
        if self.model != model.id() || self.seen.len() >= SEEN_WORDS {
            self.seen.clear();
            self.model = model.id();
        }
        self.items.clear();
        for item in 0..lexicon.len() {
            let sums = *self.seen.entry(lexicon.key(item)).or_insert_with(|| {
                let mut sums = [[0; MOVES]; ROLES];
                for (role, sums) in sums.iter_mut().enumerate() {
                    features::extract_role(state, lexicon, item as u32, role, features);
                    model.add_sums(features.hashes(), sums);
                }
                sums
            });
            self.items.push(sums);
        }
    }

    /// Adds the sums of the word in each role to `sums`.
    fn add(&self, lexicon: &Lexicon, words: &[u32; ROLES], sums: &mut [i32; MOVES]) {
        for (role, &word) in words.iter().enumerate() {
            let of_role: &[i32; MOVES] = &self.items[lexicon.item(word)][role];
            sums.iter_mut().zip(of_role).for_each(|(sum, add)| *sum += add);
        }
    }
}

/// Hashes a [`Key`] by the one number it writes (already well mixed):
/// hashing it again would only cost time.
#[derive(Default)]
struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Keys write one u64; this serves anything else correctly.
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, hash: u64) {
        self.0 = hash;
    }
}

impl Parser {
    /// The head (1-based, 0 for the root) and relation of every word.
    pub(crate) fn parse(&self, tokens: &[Token<'_>]) -> Vec<(usize, String)> {
        WORKSPACE.with_borrow_mut(|work| {
            self.parse_in(tokens, work);
            let root = tokens.len() as u32;
            let state = &work.state;
            state
                .heads
                .iter()
                .zip(&state.labels)
                .map(|(&head, &label)| {
                    let head = if head == root { 0 } else { head as usize + 1 };
                    (head, self.label_name(label).to_string())
                })
                .collect()
        })
    }

    /// Parses into `work.state`, which ends holding the tree.
    fn parse_in(&self, tokens: &[Token<'_>], work: &mut Workspace) {
        work.state.reset(tokens.len());
        work.lexicon.fill(tokens);
        work.roles.fill(&self.moves, &work.lexicon, &work.state, &mut work.features);
        while !work.state.is_terminal() {
            if let Some(mv) = work.state.forced() {
                work.state.apply(mv, 0);
                continue;
            }
            // The scores of every template (Subset::All), in integers
            // (exact whatever the order), from the shared templates and
            // the sums of the words in their roles.
            features::extract(&work.state, &work.lexicon, Subset::Shared, &mut work.features);
            let mut sums = [0; MOVES];
            self.moves.add_sums(work.features.hashes(), &mut sums);
            work.roles.add(&work.lexicon, &features::role_words(&work.state), &mut sums);
            self.moves.scale(&sums, &mut work.scores);
            let mv = best_move(&work.state, &work.scores);
            let label = match arc(&work.state, mv) {
                Some((head, dependent)) => self.label(work, head, dependent),
                None => 0,
            };
            work.state.apply(mv, label);
        }
    }

    /// The best label for an arc about to be made.
    fn label(&self, work: &mut Workspace, head: u32, dependent: u32) -> u16 {
        features::extract_arc(&work.state, &work.lexicon, head, dependent, &mut work.features);
        self.labeller.score(work.features.hashes(), &mut work.scores);
        argmax(&work.scores) as u16
    }

    fn label_name(&self, label: u16) -> &str {
        match label {
            ROOT_LABEL => "root",
            l => self.labels.get(usize::from(l)).map_or("dep", String::as_str),
        }
    }

    /// Trains on gold trees; `tags` gives the (UPOS, XPOS) each word is
    /// parsed with (predicted by the tagger, so that training sees its
    /// mistakes), one list per sentence.
    #[cfg(test)]
    pub(crate) fn train(
        sentences: &[Sentence],
        tags: &[Vec<(Upos, String)>],
        clusters: &Clusters,
        epochs: usize,
    ) -> Parser {
        Parser::train_with(sentences, tags, clusters, &Options { epochs, ..Options::default() })
    }

    /// Trains with every option given.
    pub(crate) fn train_with(
        sentences: &[Sentence],
        tags: &[Vec<(Upos, String)>],
        clusters: &Clusters,
        options: &Options,
    ) -> Parser {
        let mut labels: Vec<String> = sentences
            .iter()
            .flat_map(|s| &s.words)
            .filter(|w| w.head != 0)
            .map(|w| w.deprel.clone())
            .collect();
        labels.sort_unstable();
        labels.dedup();
        if labels.is_empty() {
            // RIGHT needs a label, even in a model that never saw an arc.
            labels.push("dep".to_string());
        }
        let (moves, labeller) = training::train(sentences, tags, clusters, &labels, options);
        Parser { labels, moves, labeller }
    }

    /// Appends the model to `out`.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for label in &self.labels {
            write_string(out, label);
        }
        self.moves.write(out);
        self.labeller.write(out);
    }

    /// Reads a model from the front of `bytes`; returns the bytes after it.
    pub(crate) fn read<'b>(name: &str, bytes: &'b [u8]) -> Result<(Parser, &'b [u8]), Error> {
        let corrupt = || Error::whole(name, "the parser's model is cut short or corrupt");
        let body = bytes.strip_prefix(MAGIC).ok_or_else(|| {
            Error::whole(name, "not a parser model of this version (retrain it with `dateline train syntax`)")
        })?;
        let mut reader = Reader(body);
        let count = reader.u32().ok_or_else(corrupt)?;
        let mut labels = Vec::new();
        for _ in 0..count {
            labels.push(reader.string().ok_or_else(corrupt)?.to_string());
        }
        let (moves, rest) = Model::read(reader.0).ok_or_else(corrupt)?;
        let (labeller, rest) = Model::read(rest).ok_or_else(corrupt)?;
        let fits = moves.classes() == Move::ALL.len() && labeller.classes() == labels.len();
        if labels.is_empty() || labels.len() >= usize::from(ROOT_LABEL) || !fits {
            return Err(corrupt());
        }
        Ok((Parser { labels, moves, labeller }, rest))
    }
}

#[cfg(test)]
mod report;

#[cfg(test)]
mod tests;
