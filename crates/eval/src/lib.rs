//! Scorers that measure dateline against gold annotations.

mod tempeval;

pub use tempeval::{Attribute, DocumentTimexes, Mistake, MistakeKind, Prf, TimexScore};
