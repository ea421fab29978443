//! Syntax: part-of-speech tags (UPOS and Penn Treebank XPOS), morphological
//! features, lemmas and a dependency tree for every sentence, from models
//! the project trains on Universal Dependencies (`dateline train syntax`).
//!
//! The models are linear (averaged perceptrons over hashed features): a
//! tagger, a lemmatiser and a transition-based parser, helped by word
//! classes learnt from unlabelled news. They ship compressed in `models/`
//! and are loaded once per process.

mod agreement;
mod clusters;
pub mod conllu;
mod error;
mod lemma;
mod model;
mod parser;
pub mod perceptron;
mod tagger;
mod words;

pub use error::Error;
pub use model::{Syntax, TrainOptions};
pub use tagger::Tagged;
pub use words::{is_split_clitic, ud_words, UdWord};

/// The seventeen universal part-of-speech tags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[allow(missing_docs)] // the UD names say it all
pub enum Upos {
    Adj,
    Adp,
    Adv,
    Aux,
    Cconj,
    Det,
    Intj,
    Noun,
    Num,
    Part,
    Pron,
    Propn,
    Punct,
    Sconj,
    Sym,
    Verb,
    X,
}

impl Upos {
    /// Every tag, in order.
    pub const ALL: [Upos; 17] = [
        Upos::Adj,
        Upos::Adp,
        Upos::Adv,
        Upos::Aux,
        Upos::Cconj,
        Upos::Det,
        Upos::Intj,
        Upos::Noun,
        Upos::Num,
        Upos::Part,
        Upos::Pron,
        Upos::Propn,
        Upos::Punct,
        Upos::Sconj,
        Upos::Sym,
        Upos::Verb,
        Upos::X,
    ];

    /// The UD spelling: `NOUN`, `PROPN`.
    pub fn as_str(self) -> &'static str {
        match self {
            Upos::Adj => "ADJ",
            Upos::Adp => "ADP",
            Upos::Adv => "ADV",
            Upos::Aux => "AUX",
            Upos::Cconj => "CCONJ",
            Upos::Det => "DET",
            Upos::Intj => "INTJ",
            Upos::Noun => "NOUN",
            Upos::Num => "NUM",
            Upos::Part => "PART",
            Upos::Pron => "PRON",
            Upos::Propn => "PROPN",
            Upos::Punct => "PUNCT",
            Upos::Sconj => "SCONJ",
            Upos::Sym => "SYM",
            Upos::Verb => "VERB",
            Upos::X => "X",
        }
    }

    /// Reads the UD spelling.
    pub fn parse(s: &str) -> Option<Upos> {
        Upos::ALL.into_iter().find(|u| u.as_str() == s)
    }
}

impl std::fmt::Display for Upos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One syntactic word with its analysis, as a CoNLL-U line holds it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// The word as written.
    pub form: String,
    /// Its dictionary form.
    pub lemma: String,
    /// Universal part of speech.
    pub upos: Upos,
    /// Penn Treebank tag (`VBD`, `NNS`), `_` when unknown.
    pub xpos: String,
    /// Morphological features, `Name=Value` pairs joined by `|` in
    /// alphabetical order, `_` when none.
    pub feats: String,
    /// The word it depends on: its 1-based position in the sentence, or 0
    /// for the root.
    pub head: usize,
    /// The dependency relation to the head (`nsubj`, `obl:tmod`).
    pub deprel: String,
}

impl Word {
    /// The value of a morphological feature: `word.feature("Tense")`.
    ///
    /// ```
    /// use dateline_syntax::{Upos, Word};
    /// let word = Word {
    ///     form: "nominated".into(), lemma: "nominate".into(), upos: Upos::Verb, xpos: "VBD".into(),
    ///     feats: "Mood=Ind|Tense=Past|VerbForm=Fin".into(), head: 0, deprel: "root".into(),
    /// };
    /// assert_eq!(word.feature("Tense"), Some("Past"));
    /// assert_eq!(word.feature("Number"), None);
    /// ```
    pub fn feature(&self, name: &str) -> Option<&str> {
        self.feats.split('|').find_map(|pair| pair.strip_prefix(name)?.strip_prefix('='))
    }
}

/// One analysed sentence of a text: its words, and where each lies in the
/// text (character offsets, half-open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parse {
    /// The words, in order; heads index into this list (1-based).
    pub words: Vec<Word>,
    /// The character span of each word in the text.
    pub spans: Vec<(usize, usize)>,
}
