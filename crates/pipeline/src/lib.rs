//! The per-document pipeline: one home for the order of the stages.
//!
//! ```text
//! Document ─► segment ─► syntax ─► timex ─► entities ─► events ─► Analysis
//!             (tokens,   (UD words, (TIMEX3   (places,    (dated entries,
//!              sentences) tags,      + tense)  people,     event mentions)
//!                         trees)               orgs,
//!                                              coreference)
//! ```
//!
//! The syntax stage is off unless asked for ([`Stages::syntax`]); with it,
//! coreference resolves descriptions and pronouns as well as names.
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

use dateline_core::{Document, DocumentType, Entity, Entry, Tense, Timex};
use dateline_coref::Coreference;
use dateline_entities::Recognizer;
use dateline_events::{EventModel, EventSpan, Mention, Relation, RelationInput, RelationModel};
use dateline_syntax::{Parse, Syntax};
use dateline_text::Segmented;
use dateline_timex::Tagger;
use std::sync::Arc;

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
    /// Every event mention of the text (TimeML EVENTs, with their class),
    /// dated or not, from the learned event model on the tagger's tags.
    pub event_mentions: bool,
    /// Part-of-speech tags, lemmas, features and a dependency tree for
    /// every sentence, on the words UD splits it into.
    pub syntax: bool,
    /// Entries also for the events with no date of their own, dated from
    /// the story (`DateSource::Inferred`); runs with the event mentions.
    pub inferred: bool,
    /// Temporal relations (TimeML TLINKs) between the event mentions, the
    /// dates and the publication date; runs with the syntax stage and the
    /// event mentions.
    pub relations: bool,
}

impl Stages {
    /// Expressions, entities and entries: what a timeline needs.
    pub const TIMELINE: Stages = Stages {
        entities: true,
        entries: true,
        event_mentions: false,
        syntax: false,
        inferred: false,
        relations: false,
    };
    /// Temporal expressions only.
    pub const TIMEXES: Stages = Stages {
        entities: false,
        entries: false,
        event_mentions: false,
        syntax: false,
        inferred: false,
        relations: false,
    };
    /// Temporal expressions and entities.
    pub const ENTITIES: Stages = Stages {
        entities: true,
        entries: false,
        event_mentions: false,
        syntax: false,
        inferred: false,
        relations: false,
    };
    /// What a timeline needs, with each date anchored to the event
    /// mention the relation model links it to, on the dependency tree:
    /// better anchoring, at the cost of tagging and parsing every sentence.
    pub const TIMELINE_BY_SYNTAX: Stages = Stages { event_mentions: true, syntax: true, ..Stages::TIMELINE };
    /// What a timeline needs, plus an entry for every reported event with
    /// no date of its own, dated from the story.
    pub const TIMELINE_INFERRED: Stages = Stages { event_mentions: true, inferred: true, ..Stages::TIMELINE };
    /// Temporal expressions and syntax.
    pub const SYNTAX: Stages = Stages { syntax: true, ..Stages::TIMEXES };
    /// Temporal expressions, event mentions and the temporal relations
    /// between them: what TimeML output and TempEval-3 Task C need.
    pub const RELATIONS: Stages =
        Stages { syntax: true, event_mentions: true, relations: true, ..Stages::TIMEXES };

    /// Whether these stages read the relation model: for the relations,
    /// or to tell which event each date of an entry dates.
    fn needs_relation_model(self) -> bool {
        self.syntax && self.event_mentions && (self.relations || self.entries)
    }
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
    syntax: Option<Models>,
    /// The event model and the syntax models whose tags it reads.
    mentions: Option<(&'static EventModel, Models)>,
    relations: Option<&'static RelationModel>,
    /// The relation model again, when entries are made with the trees:
    /// it tells which event each date dates.
    anchoring: Option<&'static RelationModel>,
    stages: Stages,
    /// How documents are read: None decides for each one.
    document_type: Option<DocumentType>,
}

/// The shipped event model, with the shipped syntax models for its tags.
fn shipped_mentions() -> Result<(&'static EventModel, Models), dateline_syntax::Error> {
    Ok((EventModel::embedded()?, Models::Shipped(Syntax::embedded()?)))
}

/// The syntax models a pipeline runs: the shipped ones, or others given.
#[derive(Clone)]
enum Models {
    Shipped(&'static Syntax),
    Given(Arc<Syntax>),
}

impl std::ops::Deref for Models {
    type Target = Syntax;
    fn deref(&self) -> &Syntax {
        match self {
            Models::Shipped(syntax) => syntax,
            Models::Given(syntax) => syntax,
        }
    }
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
    ///
    /// With [`Stages::syntax`] or [`Stages::event_mentions`], the shipped
    /// models are loaded; when they cannot be read (a broken build), the
    /// pipeline runs without those stages and [`Pipeline::stages`] says so:
    /// use [`Pipeline::try_with_stages`] to learn why.
    pub fn with_stages(stages: Stages) -> Pipeline {
        let syntax = stages.syntax.then(Syntax::embedded).and_then(Result::ok).map(Models::Shipped);
        let mentions = stages.event_mentions.then(shipped_mentions).and_then(Result::ok);
        let relations = stages.needs_relation_model().then(RelationModel::embedded).and_then(Result::ok);
        Pipeline::build(stages, syntax, mentions, relations)
    }

    /// A pipeline that runs only the given stages, or why the shipped
    /// syntax models (asked for with [`Stages::syntax`]) cannot be read.
    ///
    /// ```
    /// use dateline_core::{Date, Document};
    /// use dateline_pipeline::{Pipeline, Stages};
    /// let pipeline = Pipeline::try_with_stages(Stages::SYNTAX)?;
    /// let doc = Document::new(Date::new(2020, 11, 26).unwrap(), "Baku didn't vote. It waited.");
    /// let analysis = pipeline.analyse(&doc);
    /// let forms: Vec<&str> = analysis.syntax[0].words.iter().map(|w| w.form.as_str()).collect();
    /// assert_eq!(forms, ["Baku", "did", "n't", "vote", "."]);
    /// assert_eq!(analysis.syntax[1].spans[0], (18, 20));
    /// # Ok::<(), dateline_syntax::Error>(())
    /// ```
    pub fn try_with_stages(stages: Stages) -> Result<Pipeline, dateline_syntax::Error> {
        let syntax = stages.syntax.then(Syntax::embedded).transpose()?.map(Models::Shipped);
        let mentions = stages.event_mentions.then(shipped_mentions).transpose()?;
        let relations = stages.needs_relation_model().then(RelationModel::embedded).transpose()?;
        Ok(Pipeline::build(stages, syntax, mentions, relations))
    }

    /// A pipeline that runs the given stages, and the syntax stage with
    /// these models (trained or read from a file) instead of the shipped
    /// ones.
    pub fn with_syntax(stages: Stages, syntax: Arc<Syntax>) -> Pipeline {
        let mentions = stages.event_mentions.then(shipped_mentions).and_then(Result::ok);
        let relations = stages.needs_relation_model().then(RelationModel::embedded).and_then(Result::ok);
        Pipeline::build(stages, Some(Models::Given(syntax)), mentions, relations)
    }

    /// A stage with models runs exactly when it has them.
    fn build(
        stages: Stages,
        syntax: Option<Models>,
        mentions: Option<(&'static EventModel, Models)>,
        relations: Option<&'static RelationModel>,
    ) -> Pipeline {
        let recognizer = stages.entities.then(Recognizer::new);
        let has_mentions = mentions.is_some();
        let relations = relations.filter(|_| has_mentions && syntax.is_some());
        let anchoring = relations.filter(|_| stages.entries);
        let relations = relations.filter(|_| stages.relations);
        let stages = Stages {
            syntax: syntax.is_some(),
            event_mentions: has_mentions,
            inferred: stages.inferred && has_mentions && stages.entries,
            relations: relations.is_some(),
            ..stages
        };
        Pipeline {
            tagger: Tagger::new(),
            recognizer,
            syntax,
            mentions,
            relations,
            anchoring,
            stages,
            document_type: None,
        }
    }

    /// The stages this pipeline runs.
    pub fn stages(&self) -> Stages {
        self.stages
    }

    /// Reads every document as `kind`, or (None, the default) decides for
    /// each: a text whose written-out years mostly lie far from its
    /// publication date is a narrative, whose relative dates count from
    /// the date in focus; a short informal one is colloquial. A document
    /// that carries its own `document_type` is read as that.
    ///
    /// ```
    /// use dateline_core::{Date, Document, DocumentType};
    /// use dateline_pipeline::{Pipeline, Stages};
    /// let history = "Paris fell in June 1940. In August, the Blitz began. The war had begun in 1939 and ended in 1945.";
    /// let doc = Document::new(Date::new(2009, 12, 19).unwrap(), history);
    /// let as_news = Pipeline::with_stages(Stages::TIMEXES).reading_as(Some(DocumentType::News));
    /// assert_eq!(as_news.analyse(&doc).timexes[1].value, "2009-08");
    /// let analysis = Pipeline::with_stages(Stages::TIMEXES).analyse(&doc);
    /// assert_eq!(analysis.document_type, DocumentType::Narrative);
    /// assert_eq!(analysis.timexes[1].value, "1940-08");
    /// ```
    pub fn reading_as(self, kind: Option<DocumentType>) -> Pipeline {
        Pipeline { document_type: kind, ..self }
    }

    /// The entities of one document and their coreference chains, as
    /// [`Pipeline::analyse`] finds them, and nothing else (no dates, no
    /// segmentation kept): what `dateline entities` writes. The tokens go
    /// before the places are resolved, the entities made and their chains
    /// joined: in a document of 50 MB, they are hundreds of megabytes.
    /// Both are empty when the pipeline has no entities stage.
    ///
    /// ```
    /// use dateline_core::{Date, Document};
    /// use dateline_pipeline::{Pipeline, Stages};
    /// let pipeline = Pipeline::with_stages(Stages::ENTITIES);
    /// let text = "General Motors cut jobs in Detroit. GM said sales fell.";
    /// let doc = Document::new(Date::new(2020, 11, 26).unwrap(), text);
    /// let (entities, coreference) = pipeline.entities(&doc);
    /// let analysis = pipeline.analyse(&doc);
    /// assert_eq!(entities, analysis.entities);
    /// assert_eq!(coreference, analysis.coreference);
    /// assert_eq!(coreference.chain_at(0), coreference.chain_at(36));
    /// ```
    pub fn entities(&self, document: &Document) -> (Vec<Entity>, Coreference) {
        let Some(recognizer) = &self.recognizer else {
            return (Vec::new(), Coreference::default());
        };
        let text = Segmented::new(&document.text);
        let syntax = match &self.syntax {
            Some(models) => models.analyse(&text),
            None => Vec::new(),
        };
        let entities = recognizer.recognize_owned(text);
        let coreference = dateline_coref::resolve(&entities, &syntax);
        (entities, coreference)
    }

    /// Runs the stages over one document.
    pub fn analyse<'d>(&self, document: &'d Document) -> Analysis<'d> {
        let text = Segmented::new(&document.text);
        // A type the input gives the document (a JSON Lines "type") wins.
        let (tagged, document_type) = match document.document_type.or(self.document_type) {
            Some(kind) => (self.tagger.tag_as(&text, document.dct, kind), kind),
            None => self.tagger.tag_auto(&text, document.dct),
        };
        let (timexes, tenses) = tagged.into_iter().map(|t| (t.timex, t.tense)).unzip();
        let entities = match &self.recognizer {
            Some(recognizer) => recognizer.recognize(&text),
            None => Vec::new(),
        };
        let syntax = match &self.syntax {
            Some(models) => models.analyse(&text),
            None => Vec::new(),
        };
        let coreference = match self.recognizer.is_some() {
            true => dateline_coref::resolve(&entities, &syntax),
            false => Coreference::default(),
        };
        let mut analysis = Analysis {
            document,
            document_type,
            text,
            syntax,
            timexes,
            tenses,
            entities,
            coreference,
            entries: Vec::new(),
            event_mentions: Vec::new(),
            relations: Vec::new(),
            dated_events: Vec::new(),
        };
        if let Some((model, syntax)) = &self.mentions {
            // The syntax stage's tags when it ran: tagging twice costs twice.
            analysis.event_mentions = match self.syntax.is_some() {
                true => model.mentions_in_parses(syntax, &analysis.syntax),
                false => model.mentions(syntax, &analysis.text),
            };
        }
        if self.relations.is_some() || self.anchoring.is_some() {
            let events: Vec<EventSpan<'_>> = analysis
                .event_mentions
                .iter()
                .map(|m| EventSpan { start: m.start, end: m.end, class: m.class })
                .collect();
            let input = RelationInput {
                parses: &analysis.syntax,
                events: &events,
                timexes: &analysis.timexes,
                dct: document.dct,
            };
            if let Some(model) = self.relations {
                analysis.relations = model.relations(&input);
            }
            if let Some(model) = self.anchoring {
                analysis.dated_events = model.dated_events(&input);
            }
        }
        if self.stages.entries {
            analysis.entries = dateline_events::anchor(&analysis.events_input());
        }
        if self.stages.inferred {
            let inferred = dateline_events::inferred_entries(&analysis.events_input(), &analysis.entries);
            analysis.entries.extend(inferred);
            analysis.entries.sort_by_key(|e| (e.start, e.end, e.timex.start));
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
    /// How it was read: news, or a narrative whose relative dates count
    /// from the date in focus.
    pub document_type: DocumentType,
    /// Its tokens and sentences, segmented once.
    pub text: Segmented<'d>,
    /// Each sentence's UD words with their tags, lemmas, features and
    /// dependency tree, one per sentence of `text` (empty unless the
    /// syntax stage ran).
    pub syntax: Vec<Parse>,
    /// Its temporal expressions, in order.
    pub timexes: Vec<Timex>,
    /// The tense of each expression's clause, one per expression.
    pub tenses: Vec<Tense>,
    /// Its places, people and organisations, in order.
    pub entities: Vec<Entity>,
    /// Which mentions refer to the same entity: names always (with the
    /// entities), descriptions and pronouns when the syntax stage ran.
    pub coreference: Coreference,
    /// Its timeline entries, sorted by the day they start.
    pub entries: Vec<Entry>,
    /// Every event mention, dated or not, in order (empty unless the
    /// event-mention stage ran).
    pub event_mentions: Vec<Mention>,
    /// Temporal relations between [`event_mentions`](Self::event_mentions),
    /// [`timexes`](Self::timexes) and the publication date (empty unless
    /// the relation stage ran).
    pub relations: Vec<Relation>,
    /// For each of [`timexes`](Self::timexes), the index in
    /// [`event_mentions`](Self::event_mentions) of the event it dates, as
    /// the relation model tells (empty unless entries are made with the
    /// syntax and event-mention stages).
    pub dated_events: Vec<Option<usize>>,
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
            mentions: &self.event_mentions,
            parses: &self.syntax,
            coreference: &self.coreference,
            dated_events: &self.dated_events,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_core::Date;

    #[test]
    fn syntax_runs_only_when_asked_and_gives_a_parse_per_sentence() {
        let doc = Document::new(
            Date::new(2020, 11, 26).unwrap(),
            "Armenia didn't leave Kalbajar on Nov. 15. It left on Wednesday.",
        );
        assert!(!Stages::TIMELINE.syntax && !Pipeline::new().stages().syntax);
        assert!(Pipeline::new().analyse(&doc).syntax.is_empty());
        let pipeline = Pipeline::try_with_stages(Stages { syntax: true, ..Stages::TIMELINE }).unwrap();
        let analysis = pipeline.analyse(&doc);
        assert_eq!(analysis.syntax.len(), analysis.text.sentences.len());
        let chars: Vec<char> = doc.text.chars().collect();
        for parse in &analysis.syntax {
            assert_eq!(parse.words.len(), parse.spans.len());
            for (word, &(start, end)) in parse.words.iter().zip(&parse.spans) {
                assert_eq!(word.form, chars[start..end].iter().collect::<String>());
            }
        }
        // The other stages do not change with syntax on, but for the
        // actors: who takes part, the country and "it" that stands for it.
        let without = Pipeline::new().analyse(&doc);
        assert_eq!((analysis.timexes, analysis.entities), (without.timexes, without.entities));
        let actors: Vec<&[String]> = analysis.entries.iter().map(|e| e.actors.as_slice()).collect();
        assert_eq!(actors, [["Armenia"], ["Armenia"]]);
        let unnamed = |entries: Vec<Entry>| -> Vec<Entry> {
            entries.into_iter().map(|e| Entry { actors: Vec::new(), ..e }).collect()
        };
        assert_eq!(unnamed(analysis.entries), unnamed(without.entries));
    }

    #[test]
    fn with_trees_an_entrys_actors_are_who_takes_part_even_as_a_pronoun() {
        let doc = Document::new(
            Date::new(2008, 1, 10).unwrap(),
            "Boeing Co. said on Tuesday that it would deliver the first jet in March.",
        );
        let actors = |stages: Stages| -> Vec<(String, Vec<String>)> {
            let pipeline = Pipeline::try_with_stages(stages).unwrap();
            pipeline.analyse(&doc).entries.into_iter().map(|e| (e.event, e.actors)).collect()
        };
        let by_clause = actors(Stages::TIMELINE);
        assert!(by_clause.contains(&("deliver".into(), vec![])), "{by_clause:?}");
        let by_syntax = actors(Stages::TIMELINE_BY_SYNTAX);
        assert!(by_syntax.contains(&("deliver".into(), vec!["Boeing Co".into()])), "{by_syntax:?}");
        assert!(by_syntax.contains(&("said".into(), vec!["Boeing Co".into()])), "{by_syntax:?}");
    }

    #[test]
    fn given_models_run_the_syntax_stage() {
        let models = Arc::new(Syntax::embedded().unwrap().clone());
        let pipeline = Pipeline::with_syntax(Stages::TIMEXES, models);
        assert!(pipeline.stages().syntax);
        let doc = Document::new(Date::new(2020, 11, 26).unwrap(), "Talks resume on Monday.");
        assert_eq!(pipeline.analyse(&doc).syntax[0].words.len(), 5);
    }
}
