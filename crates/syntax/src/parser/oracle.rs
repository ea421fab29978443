//! The dynamic oracle of the arc-hybrid system (Goldberg & Nivre 2013):
//! the cost of a move is how many gold arcs it makes unreachable, so
//! training can go on from any configuration, the model's own mistakes
//! included. Also a static oracle, and the projectivity of trees.

use super::system::{Move, State, NONE};

/// A gold tree, in the numbering of [`State`]: words from 0, the root `n`.
#[derive(Clone, Debug)]
pub(super) struct Gold {
    pub(super) heads: Vec<u32>,
    pub(super) labels: Vec<u16>,
    /// Each word's gold dependents.
    dependents: Vec<Vec<u32>>,
}

impl Gold {
    /// The tree with these heads and labels; a head may be anything (a
    /// corrupt tree costs accuracy, never a panic).
    pub(super) fn new(heads: Vec<u32>, labels: Vec<u16>) -> Gold {
        let mut dependents = vec![Vec::new(); heads.len()];
        for (dependent, &head) in heads.iter().enumerate() {
            if let Some(list) = dependents.get_mut(head as usize) {
                list.push(dependent as u32);
            }
        }
        Gold { heads, labels, dependents }
    }

    fn head(&self, word: u32) -> u32 {
        self.heads.get(word as usize).copied().unwrap_or(NONE)
    }

    fn dependents(&self, word: u32) -> &[u32] {
        self.dependents.get(word as usize).map_or(&[], Vec::as_slice)
    }
}

/// How many gold heads `mv` loses in `state` (unlabelled). Exact for
/// projective trees with one root; for others, a count of the arcs that
/// `mv` itself rules out.
pub(super) fn cost(state: &State, gold: &Gold, mv: Move) -> u32 {
    match mv {
        Move::Shift => shift_cost(state, gold),
        Move::Left => {
            let s0 = state.stack(0);
            let head = gold.head(s0);
            // s0 could still get s1 (by RIGHT) or any word of the buffer
            // after its front (by shifting on); it gets the front.
            let lost = head == state.stack(1) || head as usize > state.next;
            u32::from(lost && still_reachable(state, head)) + dependents_in_buffer(state, gold, s0)
        }
        Move::Right => {
            let s0 = state.stack(0);
            let head = gold.head(s0);
            let lost = head as usize >= state.next;
            u32::from(lost && still_reachable(state, head)) + dependents_in_buffer(state, gold, s0)
        }
    }
}

/// Shifting b0 covers the stack: b0 can no longer take a head below s0
/// (s0 itself it can, by RIGHT), nor any dependent from the stack. Nor can
/// it go under the root, which it must reach alone on the stack.
fn shift_cost(state: &State, gold: &Gold) -> u32 {
    let b0 = state.next as u32;
    let head = gold.head(b0);
    let mut lost = u32::from(head != state.stack(0) && on_stack(state, head));
    lost += gold.dependents(b0).iter().filter(|&&d| on_stack(state, d)).count() as u32;
    if head as usize == state.words() && !state.stack.is_empty() {
        lost += 1;
    }
    lost
}

/// Whether the stack's top can still get `head`, a head in the buffer or
/// s1, as far as the root's rule goes: the root's one word must be alone on
/// the stack, so a word above another has lost the root already (and the
/// shift that put it there counted that).
fn still_reachable(state: &State, head: u32) -> bool {
    head != NONE && (head as usize != state.words() || state.stack.len() == 1)
}

/// A word is on the stack when it has been shifted and not attached.
fn on_stack(state: &State, word: u32) -> bool {
    (word as usize) < state.next && state.heads[word as usize] == NONE
}

/// The gold dependents of `word` still in the buffer, which popping it
/// loses.
fn dependents_in_buffer(state: &State, gold: &Gold, word: u32) -> u32 {
    gold.dependents(word).iter().filter(|&&d| d as usize >= state.next).count() as u32
}

/// The one move that derives a projective gold tree from a configuration
/// on its way: attach the stack's top as soon as it has all its
/// dependents, else shift.
#[cfg(test)]
pub(super) fn static_move(state: &State, gold: &Gold) -> Move {
    let s0 = state.stack(0);
    if s0 != NONE && gold.dependents(s0).iter().all(|&d| state.heads[d as usize] != NONE) {
        let head = gold.head(s0);
        if head as usize == state.next && state.allows(Move::Left) {
            return Move::Left;
        }
        if head == state.stack(1) {
            return Move::Right;
        }
    }
    if state.allows(Move::Shift) {
        Move::Shift
    } else {
        Move::Right
    }
}

/// Whether no two arcs cross, the root's arc (from the end) included.
pub(super) fn is_projective(heads: &[u32]) -> bool {
    first_crossing(heads).is_none()
}

/// Makes a tree projective by lifting (Nivre & Nilsson 2005): while two
/// arcs cross, the shorter one whose head has a head of its own hangs its
/// dependent on that head's head. The labels stay, so the parser learns
/// the nearest projective tree and no more. A word is never lifted under
/// the root, which takes only one.
pub(super) fn projectivize(heads: &mut [u32]) {
    // Each lift moves a dependent up its chain of heads, so this ends;
    // the bound keeps a corrupt (cyclic) tree from looping.
    for _ in 0..heads.len() * heads.len() {
        let Some((a, b)) = first_crossing(heads) else { return };
        let length = |d: usize| (heads[d] as usize).abs_diff(d);
        let (shorter, longer) = if length(a) <= length(b) { (a, b) } else { (b, a) };
        let Some((dependent, grand)) =
            [shorter, longer].into_iter().find_map(|d| Some((d, grandparent(heads, d)?)))
        else {
            return;
        };
        heads[dependent] = grand;
    }
}

/// The head of `word`'s head, when both are words and not `word` itself.
fn grandparent(heads: &[u32], word: usize) -> Option<u32> {
    let grand = *heads.get(*heads.get(word)? as usize)?;
    (grand as usize != word && (grand as usize) < heads.len()).then_some(grand)
}

/// The dependents of the first two arcs found that cross.
fn first_crossing(heads: &[u32]) -> Option<(usize, usize)> {
    let span = |d: usize| {
        let h = heads[d] as usize;
        (h.min(d), h.max(d))
    };
    for a in 0..heads.len() {
        let (a_start, a_end) = span(a);
        for b in a + 1..heads.len() {
            let (b_start, b_end) = span(b);
            let crosses = (a_start < b_start && b_start < a_end && a_end < b_end)
                || (b_start < a_start && a_start < b_end && b_end < a_end);
            if crosses {
                return Some((a, b));
            }
        }
    }
    None
}
