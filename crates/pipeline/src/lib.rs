//! The per-document pipeline: one home for the order of the stages.
//!
//! ```text
//! Document ─► segment ─► timex ─► entities ─► events ─► Analysis
//!             (tokens,   (TIMEX3   (places,    (dated entries,
//!              sentences) + tense)  people,     event mentions)
//!                                   orgs)
//! ```
//!
//! The text is segmented once and every stage reads that segmentation. A
//! [`Pipeline`] is built once and shared by every thread; analysing a
//! document is a pure function of the document.
//!
//! ```
//! use dateline_core::{Date, Document, Status};
//! use dateline_pipeline::Pipeline;
//!
//! let pipeline = Pipeline::new();
//! let doc = Document::new(Date::new(2020, 11, 26)?, "Troops had entered Aghdam on Friday.");
//! let analysis = pipeline.analyse(&doc);
//! assert_eq!(analysis.timexes[0].value, "2020-11-20");
//! assert_eq!(analysis.entries[0].status, Status::Occurred);
//! assert_eq!(analysis.entries[0].places[0].name, "Aghdam");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod places;

use dateline_core::{Document, Entity, Entry, Tense, Timex};
use dateline_entities::Recognizer;
use dateline_text::Segmented;
use dateline_timex::Tagger;

pub use places::{place_filter, PlaceFilter};

/// Which stages a [`Pipeline`] runs. Segmentation and temporal expressions
/// always run; the others can be left out when a caller does not need
/// them (`dateline tag` needs no entities).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stages {
    /// Places (resolved to GeoNames), people and organisations.
    pub entities: bool,
    /// Timeline entries: each dated event with its status.
    pub entries: bool,
    /// Every event mention of the text (TimeML EVENTs), dated or not.
    pub event_mentions: bool,
}

impl Stages {
    /// Expressions, entities and entries: what a timeline needs.
    pub const TIMELINE: Stages = Stages { entities: true, entries: true, event_mentions: false };
    /// Temporal expressions only.
    pub const TIMEXES: Stages = Stages { entities: false, entries: false, event_mentions: false };
    /// Temporal expressions and entities.
    pub const ENTITIES: Stages = Stages { entities: true, entries: false, event_mentions: false };
}

impl Default for Stages {
    fn default() -> Stages {
        Stages::TIMELINE
    }
}

/// The stages, built once and shared across threads.
pub struct Pipeline {
    tagger: Tagger,
    recognizer: Option<Recognizer>,
    stages: Stages,
}

impl std::fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Pipeline").field("stages", &self.stages).finish_non_exhaustive()
    }
}

impl Default for Pipeline {
    fn default() -> Pipeline {
        Pipeline::new()
    }
}

impl Pipeline {
    /// The whole timeline pipeline: expressions, entities and entries.
    pub fn new() -> Pipeline {
        Pipeline::with_stages(Stages::TIMELINE)
    }

    /// A pipeline that runs only the given stages.
    ///
    /// ```
    /// use dateline_core::{Date, Document};
    /// use dateline_pipeline::{Pipeline, Stages};
    /// let tagger_only = Pipeline::with_stages(Stages::TIMEXES);
    /// let doc = Document::new(Date::new(2020, 11, 26).unwrap(), "Baku voted on Sunday.");
    /// let analysis = tagger_only.analyse(&doc);
    /// assert_eq!(analysis.timexes.len(), 1);
    /// assert!(analysis.entities.is_empty() && analysis.entries.is_empty());
    /// ```
    pub fn with_stages(stages: Stages) -> Pipeline {
        let recognizer = stages.entities.then(Recognizer::new);
        Pipeline { tagger: Tagger::new(), recognizer, stages }
    }

    /// The stages this pipeline runs.
    pub fn stages(&self) -> Stages {
        self.stages
    }

    /// Runs the stages over one document.
    pub fn analyse<'d>(&self, document: &'d Document) -> Analysis<'d> {
        let text = Segmented::new(&document.text);
        let (timexes, tenses) =
            self.tagger.tag_segmented(&text, document.dct).into_iter().map(|t| (t.timex, t.tense)).unzip();
        let entities = match &self.recognizer {
            Some(recognizer) => recognizer.recognize(&text),
            None => Vec::new(),
        };
        let mut analysis = Analysis {
            document,
            text,
            timexes,
            tenses,
            entities,
            entries: Vec::new(),
            event_mentions: Vec::new(),
        };
        if self.stages.entries {
            analysis.entries = dateline_events::anchor(&analysis.events_input());
        }
        if self.stages.event_mentions {
            analysis.event_mentions = dateline_events::event_mentions(&analysis.text);
        }
        analysis
    }
}

/// One document after the pipeline: the document, its segmentation and
/// what every stage found. A stage left out leaves its field empty.
#[derive(Clone, Debug)]
pub struct Analysis<'d> {
    /// The article.
    pub document: &'d Document,
    /// Its tokens and sentences, segmented once.
    pub text: Segmented<'d>,
    /// Its temporal expressions, in order.
    pub timexes: Vec<Timex>,
    /// The tense of each expression's clause, one per expression.
    pub tenses: Vec<Tense>,
    /// Its places, people and organisations, in order.
    pub entities: Vec<Entity>,
    /// Its timeline entries, sorted by the day they start.
    pub entries: Vec<Entry>,
    /// Every event mention (character spans), dated or not.
    pub event_mentions: Vec<(usize, usize)>,
}

impl Analysis<'_> {
    /// What the event stage reads from this analysis.
    pub fn events_input(&self) -> dateline_events::Input<'_> {
        dateline_events::Input {
            document: self.document,
            text: &self.text,
            timexes: &self.timexes,
            tenses: &self.tenses,
            entities: &self.entities,
        }
    }
}
