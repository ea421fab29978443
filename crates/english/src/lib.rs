//! English word knowledge shared by the stages of dateline: the names of
//! months and weekdays, verb forms and the words that mark a tense, event
//! nouns, determiners and abbreviations.
//!
//! Each list says where it comes from; all were written for dateline from
//! the wording of English wire news, and each module tests what its lists
//! know. A stage that needs a word list of its own (the titles before a
//! person's name, the keywords of the temporal grammar) keeps it beside
//! the rules that use it; what more than one stage needs lives here.

pub mod abbreviations;
pub mod calendar;
pub mod function_words;
pub mod nouns;
pub mod referents;
pub mod synonyms;
pub mod verbs;

pub use abbreviations::abbreviation_ends_no_sentence;
pub use calendar::{month, weekday, weekdays};
