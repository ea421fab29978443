//! The parser's features, in the style of Zhang & Nivre (2011): words and
//! tags of the stack's top three items and the buffer's first three, the
//! outermost dependents found so far and their labels, distance, valency
//! and label sets, conjoined in pairs and triples.
//!
//! Every value a template reads is hashed once per sentence (or per arc,
//! for labels), so a template costs one combination of hashes.

use super::system::{Children, State, NONE};
use super::Token;
use crate::perceptron::Features;

/// The hashed values of one word (or of the root, or of "no word").
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Lexical {
    /// The form, lowercased, digits as `0`.
    word: u64,
    upos: u64,
    xpos: u64,
    /// The word with its XPOS, the most telling single value.
    word_xpos: u64,
    /// The last three letters, for words too rare to have a weight of
    /// their own.
    suffix: u64,
    /// Capitals, digits, hyphens: what a name or a number looks like.
    shape: u64,
    /// The word's class learnt from unlabelled text.
    cluster: u64,
}

/// The hashed values of a sentence's words, then the root's, then those of
/// a missing word (indexed by [`NONE`] and anything past the root).
#[derive(Clone, Debug, Default)]
pub(super) struct Lexicon {
    items: Vec<Lexical>,
}

impl Lexicon {
    /// Hashes the words of a sentence, reusing the buffer.
    pub(super) fn fill(&mut self, tokens: &[Token<'_>]) {
        self.items.clear();
        self.items.extend(tokens.iter().map(lexical));
        self.items.push(special(1));
        self.items.push(special(2));
    }

    fn get(&self, word: u32) -> &Lexical {
        &self.items[self.item(word)]
    }

    /// Where the values of a word lie: past the root, every number is
    /// "no word".
    pub(super) fn item(&self, word: u32) -> usize {
        (word as usize).min(self.items.len() - 1)
    }

    /// How many items it holds: the words, the root and "no word".
    pub(super) fn len(&self) -> usize {
        self.items.len()
    }

    /// What the templates of one word in a [`Role`] read of item `item`:
    /// items with the same key have the same features there.
    pub(super) fn key(&self, item: usize) -> Key {
        let lexical = &self.items[item];
        Key { word: lexical.word, xpos: lexical.xpos, cluster: lexical.cluster }
    }
}

/// The values of a word that its templates in a [`Role`] read (its form,
/// tag and class, hashed).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Key {
    word: u64,
    xpos: u64,
    cluster: u64,
}

impl std::hash::Hash for Key {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        // The parts are well-mixed hashes already.
        state.write_u64(self.word ^ self.xpos.rotate_left(21) ^ self.cluster.rotate_left(42));
    }
}

fn lexical(token: &Token<'_>) -> Lexical {
    let word = hash_chars(1, normalised(token.form));
    let xpos = hash_bytes(2, token.xpos.as_bytes());
    Lexical {
        word,
        upos: hash_bytes(3, token.upos.as_str().as_bytes()),
        xpos,
        word_xpos: combine(word, xpos),
        suffix: hash_chars(4, normalised(token.form).rev().take(3)),
        shape: shape(token.form),
        cluster: mix(0xc1a5_0000_0000 + u64::from(token.cluster)),
    }
}

/// The root (`kind` 1) and no word (2): values no real word hashes to.
fn special(kind: u64) -> Lexical {
    let value = mix(0x5eed_0000 + kind);
    Lexical {
        word: value,
        upos: value,
        xpos: value,
        word_xpos: value,
        suffix: value,
        shape: value,
        cluster: value,
    }
}

/// The form's characters, lowercased, every digit as `0` (numbers are
/// told apart by shape, not value).
fn normalised(form: &str) -> impl DoubleEndedIterator<Item = char> + '_ {
    form.chars().map(|c| if c.is_ascii_digit() { '0' } else { c.to_lowercase().next().unwrap_or(c) })
}

fn shape(form: &str) -> u64 {
    let mut chars = form.chars();
    let first_upper = chars.next().is_some_and(char::is_uppercase);
    let flags = [
        first_upper,
        first_upper && chars.clone().all(|c| !c.is_lowercase()),
        form.chars().any(|c| c.is_ascii_digit()),
        form.contains('-'),
        form.chars().all(|c| !c.is_alphanumeric()),
    ];
    let bits = flags.iter().enumerate().fold(0u64, |bits, (i, &on)| bits | (u64::from(on) << i));
    mix(0x5a9e_0000 + bits)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn hash_bytes(kind: u64, bytes: &[u8]) -> u64 {
    let start = FNV_OFFSET ^ kind.wrapping_mul(FNV_PRIME);
    mix(bytes.iter().fold(start, |h, &b| (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)))
}

fn hash_chars(kind: u64, chars: impl Iterator<Item = char>) -> u64 {
    let start = FNV_OFFSET ^ kind.wrapping_mul(FNV_PRIME);
    mix(chars.fold(start, |h, c| (h ^ u64::from(c)).wrapping_mul(FNV_PRIME)))
}

fn combine(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(17) ^ b)
}

fn mix(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The hashed label of an arc (NONE's own value when there is no arc).
fn label_value(state: &State, word: u32) -> u64 {
    match state.labels.get(word as usize) {
        Some(&label) if state.heads[word as usize] != NONE => mix(0x1abe_0000 + u64::from(label)),
        _ => mix(0x1abe_ffff_0000),
    }
}

/// A small number as a feature value: valencies, distances.
fn number(n: usize) -> u64 {
    mix(0x0000_face_0000 + n as u64)
}

/// The distance between two positions, binned: 1, 2, 3, 4, 5-9, 10+.
fn distance(a: u32, b: u32) -> u64 {
    if a == NONE || b == NONE {
        return number(99);
    }
    let d = a.abs_diff(b) as usize;
    number(match d {
        0..=4 => d,
        5..=9 => 5,
        _ => 6,
    })
}

/// The positions whose word has templates of its own, reading nothing
/// but that word: the stack's top two words and the buffer's first two,
/// then the outermost dependents (s0l, s0r, b0l, s0l2, s0r2, b0l2).
/// Parsing adds up such a word's templates once per sentence, or once per
/// word seen, rather than once per move.
pub(super) type Role = usize;

/// How many [`Role`]s there are.
pub(super) const ROLES: usize = 10;

/// Which of the move templates [`extract`] adds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Subset {
    /// Every template (as training sees them).
    All,
    /// The templates that read more than one word in a [`Role`] (or
    /// anything else): their sum with those of [`Subset::Role`] for each
    /// role is the sum of [`Subset::All`].
    Shared,
    /// Only the templates of the word in one role.
    Role(Role),
}

/// Numbers the templates in the order they are added, so a template is
/// added by listing its parts, and keeps those of the subset asked for.
struct Templates<'f> {
    out: &'f mut Features,
    next: u32,
    subset: Subset,
}

impl Templates<'_> {
    /// A template that reads more than one word in a [`Role`].
    fn add(&mut self, parts: &[u64]) {
        self.next += 1;
        if !matches!(self.subset, Subset::Role(_)) {
            self.out.add_hashed(self.next, parts);
        }
    }

    /// A template that reads only the word in `role`.
    fn add_of(&mut self, role: Role, parts: &[u64]) {
        self.next += 1;
        let wanted = match self.subset {
            Subset::All => true,
            Subset::Shared => false,
            Subset::Role(only) => only == role,
        };
        if wanted {
            self.out.add_hashed(self.next, parts);
        }
    }
}

/// The positions the move features read, and the hashed values of their
/// words.
struct Context<'l> {
    s0: &'l Lexical,
    s1: &'l Lexical,
    s2: &'l Lexical,
    b0: &'l Lexical,
    b1: &'l Lexical,
    b2: &'l Lexical,
    /// The outermost dependents so far: the leftmost and second leftmost
    /// of s0, b0 and s1, the rightmost and second rightmost of s0 and s1.
    s0l: u32,
    s0l2: u32,
    s0r: u32,
    s0r2: u32,
    b0l: u32,
    b0l2: u32,
    s1l: u32,
    s1r: u32,
    s1r2: u32,
    /// The labels of the left and of the right dependents of s0, and of
    /// the left ones of b0.
    s0_left_labels: u64,
    s0_right_labels: u64,
    b0_left_labels: u64,
}

impl<'l> Context<'l> {
    fn new(state: &State, lexicon: &'l Lexicon) -> Context<'l> {
        let [s0, s1, s2] = [0, 1, 2].map(|i| state.stack(i));
        let [b0, b1, b2] = [0, 1, 2].map(|i| state.buffer(i));
        let children = |w: u32| state.children.get(w as usize).copied().unwrap_or(Children::EMPTY);
        let (s0c, s1c, b0c) = (children(s0), children(s1), children(b0));
        Context {
            s0: lexicon.get(s0),
            s1: lexicon.get(s1),
            s2: lexicon.get(s2),
            b0: lexicon.get(b0),
            b1: lexicon.get(b1),
            b2: lexicon.get(b2),
            s0l: s0c.left[0],
            s0l2: s0c.left[1],
            s0r: s0c.right[0],
            s0r2: s0c.right[1],
            b0l: b0c.left[0],
            b0l2: b0c.left[1],
            s1l: s1c.left[0],
            s1r: s1c.right[0],
            s1r2: s1c.right[1],
            s0_left_labels: s0c.left_labels,
            s0_right_labels: s0c.right_labels,
            b0_left_labels: b0c.left_labels,
        }
    }

    /// The word in every role is `item`, which has no dependents: what
    /// the templates of one role read (the others are not added).
    fn of_one(lexicon: &'l Lexicon, item: u32) -> Context<'l> {
        let lexical = lexicon.get(item);
        Context {
            s0: lexical,
            s1: lexical,
            s2: lexical,
            b0: lexical,
            b1: lexical,
            b2: lexical,
            s0l: item,
            s0l2: item,
            s0r: item,
            s0r2: item,
            b0l: item,
            b0l2: item,
            s1l: item,
            s1r: item,
            s1r2: item,
            s0_left_labels: 0,
            s0_right_labels: 0,
            b0_left_labels: 0,
        }
    }
}

/// The word in each [`Role`] (NONE, or a number past the root, where
/// there is none), as [`extract`] reads them.
pub(super) fn role_words(state: &State) -> [u32; ROLES] {
    let [s0, s1] = [0, 1].map(|i| state.stack(i));
    let [b0, b1] = [0, 1].map(|i| state.buffer(i));
    let children = |w: u32| state.children.get(w as usize).copied().unwrap_or(Children::EMPTY);
    let (s0c, b0c) = (children(s0), children(b0));
    [s0, b0, b1, s1, s0c.left[0], s0c.right[0], b0c.left[0], s0c.left[1], s0c.right[1], b0c.left[1]]
}

/// The features of choosing a move in a configuration.
///
/// Left out because they did not help on held-out EWT (measured one group
/// at a time): UPOS, suffix and shape unigrams, s2 and b2 words, the
/// distance between s0 and b0 or s1, valencies, and s1's dependents' words;
/// lemmas, even gold ones, did worse.
pub(super) fn extract(state: &State, lexicon: &Lexicon, subset: Subset, out: &mut Features) {
    out.clear();
    let c = Context::new(state, lexicon);
    templates(&mut Templates { out, next: 0, subset }, &c, state, lexicon);
}

/// The templates of the word `item` in `role`, wherever it is: the part of
/// [`extract`]'s features that [`Subset::Shared`] leaves out. The state
/// gives nothing that they read.
pub(super) fn extract_role(state: &State, lexicon: &Lexicon, item: u32, role: Role, out: &mut Features) {
    out.clear();
    let c = Context::of_one(lexicon, item);
    templates(&mut Templates { out, next: 0, subset: Subset::Role(role) }, &c, state, lexicon);
}

/// Every move template, in order (the order numbers them).
fn templates(t: &mut Templates<'_>, c: &Context<'_>, state: &State, lexicon: &Lexicon) {
    t.add(&[]); // a bias per class
    words(t, c);
    pairs(t, c);
    tag_triples(t, c);
    dependents(t, c, state, lexicon);
    clusters(t, c);
}

/// The word classes of the stack's top two words and the buffer's first
/// two, alone and with the other's tag.
fn clusters(t: &mut Templates<'_>, c: &Context<'_>) {
    // Roles 0 to 3.
    for (role, w) in [c.s0, c.b0, c.b1, c.s1].into_iter().enumerate() {
        t.add_of(role, &[w.cluster]);
        t.add_of(role, &[w.cluster, w.xpos]);
    }
    t.add(&[c.s0.cluster, c.b0.cluster]);
    t.add(&[c.s0.cluster, c.s1.cluster]);
    t.add(&[c.s0.cluster, c.b0.xpos]);
    t.add(&[c.s0.xpos, c.b0.cluster]);
    t.add(&[c.s0.cluster, c.s1.xpos]);
    t.add(&[c.s0.xpos, c.s1.cluster]);
}

/// The stack's top two words and the buffer's first two.
fn words(t: &mut Templates<'_>, c: &Context<'_>) {
    // Roles 0 to 3.
    for (role, w) in [c.s0, c.b0, c.b1, c.s1].into_iter().enumerate() {
        t.add_of(role, &[w.word_xpos]);
        t.add_of(role, &[w.word]);
        t.add_of(role, &[w.xpos]);
    }
}

/// s0 with each of the two heads it may take, b0 (by LEFT) and s1 (by
/// RIGHT), then b0 with b1.
fn pairs(t: &mut Templates<'_>, c: &Context<'_>) {
    for h in [c.b0, c.s1] {
        t.add(&[c.s0.word_xpos, h.word_xpos]);
        t.add(&[c.s0.word_xpos, h.word]);
        t.add(&[c.s0.word, h.word_xpos]);
        t.add(&[c.s0.word_xpos, h.xpos]);
        t.add(&[c.s0.xpos, h.word_xpos]);
        t.add(&[c.s0.word, h.word]);
        t.add(&[c.s0.xpos, h.xpos]);
        t.add(&[c.s0.upos, h.upos]);
    }
    t.add(&[c.b0.xpos, c.b1.xpos]);
    t.add(&[c.b0.word, c.b1.word]);
}

/// Triples of tags around s0, its dependents included.
fn tag_triples(t: &mut Templates<'_>, c: &Context<'_>) {
    let (s0, s1, b0, b1) = (c.s0.xpos, c.s1.xpos, c.b0.xpos, c.b1.xpos);
    t.add(&[b0, b1, c.b2.xpos]);
    t.add(&[s0, b0, b1]);
    t.add(&[s1, s0, b0]);
    t.add(&[c.s2.xpos, s1, s0]);
    t.add(&[s1, s0, b1]);
}

/// The outermost dependents found so far, their tags and labels, and the
/// label sets of s0 and b0.
fn dependents(t: &mut Templates<'_>, c: &Context<'_>, state: &State, lexicon: &Lexicon) {
    let xpos = |w: u32| lexicon.get(w).xpos;
    let label = |w: u32| label_value(state, w);
    let (s0, s1, b0) = (c.s0.xpos, c.s1.xpos, c.b0.xpos);
    t.add(&[s0, xpos(c.s0l), b0]);
    t.add(&[s0, xpos(c.s0r), b0]);
    t.add(&[s0, b0, xpos(c.b0l)]);
    t.add(&[s1, xpos(c.s1r), s0]);
    t.add(&[s1, xpos(c.s1l), s0]);
    t.add(&[s1, s0, xpos(c.s0l)]);
    t.add(&[s1, s0, xpos(c.s0r)]);
    // Roles 4 to 9 (the label is the state's, not the word's).
    for (role, child) in (4..).zip([c.s0l, c.s0r, c.b0l, c.s0l2, c.s0r2, c.b0l2]) {
        t.add_of(role, &[lexicon.get(child).word]);
        t.add_of(role, &[xpos(child)]);
        t.add(&[label(child)]);
    }
    t.add(&[s0, xpos(c.s0l), xpos(c.s0l2)]);
    t.add(&[s0, xpos(c.s0r), xpos(c.s0r2)]);
    t.add(&[b0, xpos(c.b0l), xpos(c.b0l2)]);
    t.add(&[s1, xpos(c.s1r), xpos(c.s1r2)]);
    t.add(&[s0, label(c.s0l), label(c.s0r)]);
    t.add(&[s1, label(c.s1r), s0]);
    t.add(&[c.s0.word, c.s0_right_labels]);
    t.add(&[s0, c.s0_right_labels]);
    t.add(&[c.s0.word, c.s0_left_labels]);
    t.add(&[s0, c.s0_left_labels]);
    t.add(&[c.b0.word, c.b0_left_labels]);
    t.add(&[b0, c.b0_left_labels]);
}

/// The features of labelling the arc from `head` to `dependent`, which the
/// next move makes: the two words, their tags and the dependents each has
/// so far, the words around the dependent, all conjoined with the arc's
/// direction.
pub(super) fn extract_arc(state: &State, lexicon: &Lexicon, head: u32, dependent: u32, out: &mut Features) {
    out.clear();
    let mut t = Templates { out, next: 0, subset: Subset::All };
    let lex = |w: u32| lexicon.get(w);
    let (h, d) = (lex(head), lex(dependent));
    let direction = number(usize::from(dependent < head));
    let children = |w: u32| state.children.get(w as usize).copied().unwrap_or(Children::EMPTY);
    let (hc, dc) = (children(head), children(dependent));
    let (dl, dr) = (dc.left[0], dc.right[0]);
    let (d_left, d_right) = (dc.left_labels, dc.right_labels);
    let (h_left, h_right) = (hc.left_labels, hc.right_labels);
    let before = lex(dependent.wrapping_sub(1));
    let after = if dependent as usize + 1 < state.words() { lex(dependent + 1) } else { lex(NONE) };

    t.add(&[direction]);
    t.add(&[direction, d.word_xpos]);
    t.add(&[direction, d.word]);
    t.add(&[direction, d.xpos]);
    t.add(&[direction, d.upos]);
    t.add(&[direction, d.suffix, d.upos]);
    t.add(&[direction, d.shape, d.xpos]);
    t.add(&[direction, h.word_xpos]);
    t.add(&[direction, h.word]);
    t.add(&[direction, h.xpos]);
    t.add(&[direction, h.xpos, d.xpos]);
    t.add(&[direction, h.upos, d.upos]);
    t.add(&[direction, h.word, d.xpos]);
    t.add(&[direction, h.xpos, d.word]);
    t.add(&[direction, h.word, d.word]);
    t.add(&[direction, h.xpos, d.xpos, distance(head, dependent)]);
    t.add(&[direction, d.xpos, label_value(state, dl)]);
    t.add(&[direction, d.xpos, label_value(state, dr)]);
    t.add(&[direction, d.xpos, lex(dl).word]);
    t.add(&[direction, h.xpos, lex(dl).word]);
    t.add(&[direction, d.xpos, lex(dr).word]);
    t.add(&[direction, d.xpos, d_left]);
    t.add(&[direction, d.xpos, d_right]);
    t.add(&[direction, h.xpos, h_left]);
    t.add(&[direction, h.xpos, h_right]);
    t.add(&[direction, h.xpos, d.xpos, h_left, h_right]);
    t.add(&[direction, before.xpos, d.xpos]);
    t.add(&[direction, before.word, d.xpos]);
    t.add(&[direction, d.xpos, after.xpos]);
    t.add(&[direction, d.xpos, after.word]);
    t.add(&[direction, d.xpos, lex(state.buffer(1)).xpos]);
    t.add(&[direction, d.cluster]);
    t.add(&[direction, h.cluster, d.cluster]);
    t.add(&[direction, h.xpos, d.cluster]);
    t.add(&[direction, h.cluster, d.xpos]);
}
