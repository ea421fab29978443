//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez & Satta
//! 2011) with the root at the end of the buffer (Ballesteros & Nivre 2013).
//!
//! Words are numbered from 0; the root is number `n`, the buffer's last
//! item, and is never shifted. Three moves: SHIFT pushes the buffer's
//! front; LEFT makes the front the head of the stack's top and pops it;
//! RIGHT makes the second item of the stack the head of the top and pops
//! it. LEFT onto the root is allowed only when the stack holds one word,
//! so every parse is a tree with exactly one word under the root.

/// No word: a missing stack or buffer position, a child not yet found.
pub(super) const NONE: u32 = u32::MAX;

/// The label of the one arc from the root, which the model never chooses.
pub(super) const ROOT_LABEL: u16 = u16::MAX;

/// A transition, without its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Move {
    Shift,
    Left,
    Right,
}

impl Move {
    /// Every move, in the order classes are numbered.
    pub(super) const ALL: [Move; 3] = [Move::Shift, Move::Left, Move::Right];
}

/// What the features read of a word's dependents so far.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Children {
    /// The leftmost and second leftmost left dependents.
    pub(super) left: [u32; 2],
    /// The rightmost and second rightmost right dependents.
    pub(super) right: [u32; 2],
    pub(super) left_count: u16,
    pub(super) right_count: u16,
    /// The labels of the left and of the right dependents, one bit each
    /// (label number modulo 64).
    pub(super) left_labels: u64,
    pub(super) right_labels: u64,
}

impl Children {
    pub(super) const EMPTY: Children = Children {
        left: [NONE; 2],
        right: [NONE; 2],
        left_count: 0,
        right_count: 0,
        left_labels: 0,
        right_labels: 0,
    };

    fn add(&mut self, head: u32, dependent: u32, label: u16) {
        let bit = 1u64 << (label % 64);
        if dependent < head {
            self.left_count = self.left_count.saturating_add(1);
            self.left_labels |= bit;
            // Arc-hybrid adds left dependents from the nearest outwards,
            // but the order is checked, not assumed.
            insert_outermost(&mut self.left, dependent, |a, b| a < b);
        } else {
            self.right_count = self.right_count.saturating_add(1);
            self.right_labels |= bit;
            insert_outermost(&mut self.right, dependent, |a, b| a > b);
        }
    }
}

/// Keeps the two outermost dependents, `outer(a, b)` saying whether `a`
/// lies further out than `b`.
fn insert_outermost(two: &mut [u32; 2], dependent: u32, outer: impl Fn(u32, u32) -> bool) {
    if two[0] == NONE || outer(dependent, two[0]) {
        two[1] = two[0];
        two[0] = dependent;
    } else if two[1] == NONE || outer(dependent, two[1]) {
        two[1] = dependent;
    }
}

/// A parser configuration: the stack, the buffer (the words from `next`
/// to the root) and the arcs made so far.
#[derive(Clone, Debug, Default)]
pub(super) struct State {
    words: usize,
    pub(super) stack: Vec<u32>,
    /// The buffer's front; `words` (the root) when no word is left in it.
    pub(super) next: usize,
    /// Each word's head (`words` for the root), NONE until attached.
    pub(super) heads: Vec<u32>,
    pub(super) labels: Vec<u16>,
    /// For each word and the root.
    pub(super) children: Vec<Children>,
}

impl State {
    /// The initial configuration for `words` words, reusing the buffers.
    pub(super) fn reset(&mut self, words: usize) {
        self.words = words;
        self.stack.clear();
        self.next = 0;
        self.heads.clear();
        self.heads.resize(words, NONE);
        self.labels.clear();
        self.labels.resize(words, 0);
        self.children.clear();
        self.children.resize(words + 1, Children::EMPTY);
    }

    /// A fresh initial configuration.
    #[cfg(test)]
    pub(super) fn new(words: usize) -> State {
        let mut state = State::default();
        state.reset(words);
        state
    }

    /// How many words the sentence has; the root's number.
    pub(super) fn words(&self) -> usize {
        self.words
    }

    /// Whether the parse is complete.
    pub(super) fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.next == self.words
    }

    /// The `i`th item from the top of the stack, or NONE.
    pub(super) fn stack(&self, i: usize) -> u32 {
        self.stack.len().checked_sub(i + 1).map_or(NONE, |at| self.stack[at])
    }

    /// The `i`th item of the buffer (the root last), or NONE.
    pub(super) fn buffer(&self, i: usize) -> u32 {
        let at = self.next + i;
        if at <= self.words {
            at as u32
        } else {
            NONE
        }
    }

    /// Whether only the root is left in the buffer.
    pub(super) fn at_root(&self) -> bool {
        self.next == self.words
    }

    /// Whether `mv` is allowed here.
    pub(super) fn allows(&self, mv: Move) -> bool {
        match mv {
            Move::Shift => !self.at_root(),
            Move::Left => !self.stack.is_empty() && (!self.at_root() || self.stack.len() == 1),
            Move::Right => self.stack.len() >= 2,
        }
    }

    /// The one move allowed here, when there is only one and its label is
    /// not to be chosen (a shift onto an empty stack, the root's arc).
    pub(super) fn forced(&self) -> Option<Move> {
        if self.stack.is_empty() {
            Some(Move::Shift)
        } else if self.at_root() && self.stack.len() == 1 {
            Some(Move::Left)
        } else {
            None
        }
    }

    /// Applies an allowed move; `label` labels the arc made (the root's
    /// arc is always labelled ROOT_LABEL).
    pub(super) fn apply(&mut self, mv: Move, label: u16) {
        debug_assert!(self.allows(mv), "{mv:?} in {self:?}");
        match mv {
            Move::Shift => {
                self.stack.push(self.next as u32);
                self.next += 1;
            }
            Move::Left => {
                let dependent = self.stack.pop().unwrap_or(NONE);
                let label = if self.at_root() { ROOT_LABEL } else { label };
                self.attach(self.next as u32, dependent, label);
            }
            Move::Right => {
                let dependent = self.stack.pop().unwrap_or(NONE);
                let head = self.stack(0);
                self.attach(head, dependent, label);
            }
        }
    }

    fn attach(&mut self, head: u32, dependent: u32, label: u16) {
        self.heads[dependent as usize] = head;
        self.labels[dependent as usize] = label;
        self.children[head as usize].add(head, dependent, label);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_one_word_goes_under_the_root() {
        let mut state = State::new(2);
        state.apply(Move::Shift, 0);
        state.apply(Move::Shift, 0);
        assert!(state.at_root());
        assert_eq!(state.forced(), None);
        assert!(!state.allows(Move::Left) && !state.allows(Move::Shift) && state.allows(Move::Right));
        state.apply(Move::Right, 3);
        assert_eq!(state.forced(), Some(Move::Left));
        state.apply(Move::Left, 3);
        assert!(state.is_terminal());
        assert_eq!(state.heads, [2, 0]);
        assert_eq!(state.labels, [ROOT_LABEL, 3]);
        assert_eq!(state.children[0].right, [1, NONE]);
    }

    #[test]
    fn children_keep_the_two_outermost() {
        let mut children = Children::EMPTY;
        for (dependent, label) in [(4, 1), (2, 2), (3, 3), (7, 4), (9, 5), (8, 6)] {
            children.add(5, dependent, label);
        }
        assert_eq!((children.left, children.right), ([2, 3], [9, 8]));
        assert_eq!((children.left_count, children.right_count), (3, 3));
        assert_eq!(children.left_labels, 0b1110);
        assert_eq!(children.right_labels, 0b111_0000);
    }
}
