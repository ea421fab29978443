//! Segmentation: tokens and sentences, with character offsets.
//!
//! The tokenizer is deliberately plain: words are runs of letters, numbers
//! are runs of ASCII digits, and every other visible character is a token of
//! its own. Later stages (the temporal grammar, the entity recognizer) put
//! "a.m.", "2020-11-25" or "Nagorno-Karabakh" back together, because only
//! they know which joins matter.

mod segmented;
mod sentence;
mod token;

pub use segmented::Segmented;
pub use sentence::sentences;
pub use token::{tokenize, Token, TokenKind};
