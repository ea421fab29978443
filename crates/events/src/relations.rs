//! Temporal relations (TempEval-3 Task C): how an event stands in time to
//! the publication date, to a date of its sentence, and to the events
//! around it — BEFORE, AFTER, INCLUDES, IS_INCLUDED, SIMULTANEOUS, ...
//!
//! Which pairs are related is what the TimeBank annotators related: every
//! event with the document creation time, every event with each date of its
//! sentence (but a date another event has, when it has one of its own),
//! every two events of a sentence, and the main events of consecutive
//! sentences. An averaged perceptron learnt from TimeBank (`dateline
//! train relations`: its links and the relations they imply) tells, for
//! each pair, its relation or that it has none; a second, learnt from the
//! drawn links alone, tells which event a date dates. A date is not
//! related to the creation time by its value: TimeBank seldom states those
//! relations, and stating them cost more precision than the recall they
//! brought.

use crate::mentions::learn;
use dateline_core::{Date, Reference, Timex, TimexValue};
use dateline_syntax::perceptron::{argmax, gzipped, read_gzipped, write_string, Features, Model, Reader};
use dateline_syntax::{Error, Parse, Word};
use std::collections::HashMap;
use std::sync::OnceLock;

/// What a model file starts with: the format and its version.
const MAGIC: &[u8] = b"dateline-relations 2\n";

/// How much less "no relation" counts than its score: TimeBank leaves
/// most pairs unrelated, so the perceptron errs towards leaving them, and
/// temporal awareness rewards the relations it then misses. Tuned on
/// TimeBank (learning from four fifths, scoring the fifth left: awareness
/// 0.343 with a margin of 8, 0.357 with 10, 0.354 with 12, 0.351 with 16;
/// with no margin, on fewer pairs, 0.25; with one perceptron. Retuned for
/// the mean of five perceptrons: 0.314 with 4, 0.318 with 6, 0.329 with 8,
/// 0.347 with 10, 0.341 with 12, 0.339 with 14; learning from the implied
/// links too: 0.324 with 0, 0.341 with 3, 0.342 with 6, 0.346 with 10,
/// 0.336 with 14).
const LINK_MARGIN: f32 = 10.0;

/// How many of the events after it in its sentence an event is paired
/// with, so that a sentence of thousands of words stays linear: on
/// TimeBank's fifth held out, awareness is the same as with every pair
/// (0.357; with 8, 0.331).
const PAIRS_AHEAD: usize = 16;

/// The relations the model tells, after "no relation" (class 0). TimeML's
/// DURING and IDENTITY are read as SIMULTANEOUS, as the TempEval-3 scorer
/// reads them.
pub const RELATIONS: [&str; 11] = [
    "BEFORE",
    "AFTER",
    "INCLUDES",
    "IS_INCLUDED",
    "SIMULTANEOUS",
    "IBEFORE",
    "IAFTER",
    "BEGINS",
    "BEGUN_BY",
    "ENDS",
    "ENDED_BY",
];

/// The relation `y rel x` that says the same as `x rel y`.
pub fn inverse(rel: &str) -> &'static str {
    match rel {
        "BEFORE" => "AFTER",
        "AFTER" => "BEFORE",
        "INCLUDES" => "IS_INCLUDED",
        "IS_INCLUDED" => "INCLUDES",
        "IBEFORE" => "IAFTER",
        "IAFTER" => "IBEFORE",
        "BEGINS" => "BEGUN_BY",
        "BEGUN_BY" => "BEGINS",
        "ENDS" => "ENDED_BY",
        "ENDED_BY" => "ENDS",
        _ => "SIMULTANEOUS",
    }
}

/// A TimeML relType as the model knows it: DURING, DURING_INV and
/// IDENTITY are SIMULTANEOUS; None for a type TimeML does not have.
pub fn normalise(rel: &str) -> Option<&'static str> {
    match rel {
        "DURING" | "DURING_INV" | "IDENTITY" => Some("SIMULTANEOUS"),
        _ => RELATIONS.iter().find(|r| **r == rel).copied(),
    }
}

/// One end of a relation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Endpoint {
    /// An event: its index in the events given.
    Event(usize),
    /// A temporal expression: its index in the expressions given.
    Time(usize),
    /// The document creation (publication) time.
    Creation,
}

/// A temporal relation: `source kind target`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Relation {
    /// The first end.
    pub source: Endpoint,
    /// The second end.
    pub target: Endpoint,
    /// One of [`RELATIONS`].
    pub kind: &'static str,
}

/// An event as relations read it: where it is and its TimeML class.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventSpan<'a> {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Its TimeML class (`OCCURRENCE`, `REPORTING`, ...).
    pub class: &'a str,
}

/// One document as relations read it.
#[derive(Clone, Copy, Debug)]
pub struct RelationInput<'a> {
    /// Each sentence's dependency tree.
    pub parses: &'a [Parse],
    /// Its events, in order.
    pub events: &'a [EventSpan<'a>],
    /// Its temporal expressions, in order.
    pub timexes: &'a [Timex],
    /// The publication date.
    pub dct: Date,
}

/// A document to learn from: what relations read, and its gold links
/// (any direction; relTypes as TimeML writes them).
#[derive(Clone, Debug)]
pub struct AnnotatedRelations<'a> {
    /// The document.
    pub input: RelationInput<'a>,
    /// Gold links: (source, target, relType).
    pub links: Vec<(Endpoint, Endpoint, &'a str)>,
    /// The relations the gold links make certain between ends they leave
    /// unlinked ("A before B" and "B before C": "A before C"), as the
    /// closure of the gold graph gives them.
    pub implied: Vec<(Endpoint, Endpoint, &'a str)>,
}

/// The trained relation model: two perceptrons over the same pairs and
/// features.
#[derive(Clone, Debug, PartialEq)]
pub struct RelationModel {
    /// Tells the relation of a pair, learnt from the gold links and what
    /// they imply. Annotators link a few pairs, and temporal awareness
    /// counts what their links imply as surely as what they drew: learning
    /// from it (as Mani et al. 2006 did) keeps the model from learning "no
    /// relation" where the gold graph has one. TimeBank's fifth held out:
    /// awareness 0.347 without, 0.346 with; AQUAINT, given the gold events
    /// and times, 0.234 → 0.264.
    links: Model,
    /// Tells which event a date dates, learnt from the drawn links alone:
    /// a date stands in some implied relation to most events of its
    /// sentence, and the link an annotator drew is the one that says which
    /// it dates (AQUAINT anchoring 0.488 with this model, 0.474 with the
    /// one above).
    anchors: Model,
}

static EMBEDDED: OnceLock<Result<RelationModel, Error>> = OnceLock::new();

impl RelationModel {
    /// The model shipped with the crate (`models/relations.bin.gz`), loaded
    /// on first use.
    pub fn embedded() -> Result<&'static RelationModel, Error> {
        EMBEDDED
            .get_or_init(|| {
                RelationModel::from_gzip(
                    "models/relations.bin.gz",
                    include_bytes!("../models/relations.bin.gz"),
                )
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a model written by [`RelationModel::to_gzip`]; `name` names
    /// it in errors.
    pub fn from_gzip(name: &str, bytes: &[u8]) -> Result<RelationModel, Error> {
        let body = read_gzipped(name, bytes, MAGIC, "relation")?;
        let mut reader = Reader(&body);
        let corrupt = || Error::whole(name, "the relation model is corrupt");
        let count = reader.u32().ok_or_else(corrupt)? as usize;
        if count != RELATIONS.len() {
            return Err(Error::whole(name, "the relation model's relations are not TimeML's"));
        }
        for rel in RELATIONS {
            if reader.string() != Some(rel) {
                return Err(Error::whole(name, "the relation model's relations are not TimeML's"));
            }
        }
        let (links, rest) = Model::read(reader.0).ok_or_else(corrupt)?;
        let (anchors, rest) = Model::read(rest).ok_or_else(corrupt)?;
        if links.classes() != RELATIONS.len() + 1 || anchors.classes() != RELATIONS.len() + 1 {
            return Err(corrupt());
        }
        if !rest.is_empty() {
            return Err(Error::whole(name, "bytes left after the relation model"));
        }
        Ok(RelationModel { links, anchors })
    }

    /// The model, gzipped.
    pub fn to_gzip(&self) -> Vec<u8> {
        let mut raw = MAGIC.to_vec();
        raw.extend_from_slice(&(RELATIONS.len() as u32).to_le_bytes());
        for rel in RELATIONS {
            write_string(&mut raw, rel);
        }
        self.links.write(&mut raw);
        self.anchors.write(&mut raw);
        gzipped(&raw)
    }

    /// The temporal relations of a document, in the document's order.
    pub fn relations(&self, input: &RelationInput<'_>) -> Vec<Relation> {
        let document = Located::new(input);
        let mut out = Vec::new();
        let mut features = Features::default();
        let mut scores = Vec::new();
        for (source, target) in document.candidates() {
            features.clear();
            document.features(source, target, &mut features);
            self.links.score(features.hashes(), &mut scores);
            scores[0] -= LINK_MARGIN;
            let class = argmax(&scores);
            if class > 0 {
                out.push(Relation { source, target, kind: RELATIONS[class - 1] });
            }
        }
        out
    }

    /// For each date, the event mention it dates: of the events its
    /// sentence pairs it with, the one whose likeliest relation to it beats
    /// "no relation" by the most (None for a date paired with no event).
    /// Learnt from the event–date links TimeBank's annotators drew; where
    /// it lies in the date's clause, an entry takes it before the nearest
    /// mention above the date in the tree.
    pub fn dated_events(&self, input: &RelationInput<'_>) -> Vec<Option<usize>> {
        let document = Located::new(input);
        let mut best: Vec<Option<(usize, f32)>> = vec![None; input.timexes.len()];
        let mut features = Features::default();
        let mut scores = Vec::new();
        for (source, target) in document.candidates() {
            let (Endpoint::Event(e), Endpoint::Time(t)) = (source, target) else { continue };
            features.clear();
            document.features(source, target, &mut features);
            self.anchors.score(features.hashes(), &mut scores);
            let related = scores[1..].iter().copied().fold(f32::MIN, f32::max);
            let margin = related - scores[0];
            if best[t].is_none_or(|(_, m)| margin > m) {
                best[t] = Some((e, margin));
            }
        }
        best.into_iter().map(|b| b.map(|(e, _)| e)).collect()
    }

    /// Learns from annotated documents in `epochs` passes; the same
    /// documents always give the same model.
    pub fn train(documents: &[AnnotatedRelations<'_>], epochs: usize) -> RelationModel {
        let mut with_implied: Vec<(Vec<u64>, usize)> = Vec::new();
        let mut drawn_only: Vec<(Vec<u64>, usize)> = Vec::new();
        for document in documents {
            let located = Located::new(&document.input);
            let drawn = labels(&document.links);
            let implied = labels(&document.implied);
            let class = |pair: &(Endpoint, Endpoint), gold: &HashMap<(Endpoint, Endpoint), &str>| {
                gold.get(pair).and_then(|rel| RELATIONS.iter().position(|r| r == rel)).map_or(0, |k| k + 1)
            };
            let mut features = Features::default();
            for pair in located.candidates() {
                features.clear();
                located.features(pair.0, pair.1, &mut features);
                let drawn_class = class(&pair, &drawn);
                let implied_class = if drawn_class > 0 { drawn_class } else { class(&pair, &implied) };
                drawn_only.push((features.hashes().to_vec(), drawn_class));
                with_implied.push((features.hashes().to_vec(), implied_class));
            }
        }
        let classes = RELATIONS.len() + 1;
        RelationModel {
            links: learn(&with_implied, classes, epochs),
            anchors: learn(&drawn_only, classes, epochs),
        }
    }
}

/// Links as labels of ordered pairs, each also the other way round with
/// the inverse relation; the first link of a pair wins.
fn labels(links: &[(Endpoint, Endpoint, &str)]) -> HashMap<(Endpoint, Endpoint), &'static str> {
    let mut gold = HashMap::new();
    for &(source, target, rel) in links {
        let Some(rel) = normalise(rel) else { continue };
        gold.entry((source, target)).or_insert(rel);
        gold.entry((target, source)).or_insert(inverse(rel));
    }
    gold
}

/// How a date's value stands to the creation day, when the value tells.
fn to_creation(value: &TimexValue, dct: Date) -> Option<&'static str> {
    if let TimexValue::Reference(reference) = value {
        return Some(match reference {
            Reference::Past => "BEFORE",
            Reference::Future => "AFTER",
            Reference::Present => "INCLUDES",
        });
    }
    let (first, last) = value.range()?;
    Some(if last < dct {
        "BEFORE"
    } else if first > dct {
        "AFTER"
    } else if first == last && value.point().is_some_and(|p| p.is_time()) {
        "IS_INCLUDED"
    } else if first == last {
        "SIMULTANEOUS"
    } else {
        "INCLUDES"
    })
}

/// Where an event or a date lies in the trees: its sentence and head word.
#[derive(Clone, Copy, Debug)]
struct Place {
    sentence: usize,
    word: usize,
}

/// A document with its events and dates placed in the trees.
struct Located<'a> {
    input: &'a RelationInput<'a>,
    events: Vec<Option<Place>>,
    times: Vec<Option<Place>>,
    /// Per sentence, its events in order.
    by_sentence: Vec<Vec<usize>>,
    /// Per sentence, its dates in order.
    times_by_sentence: Vec<Vec<usize>>,
    /// For each date, the event it modifies.
    modifies: Vec<Option<usize>>,
}

/// Bytes standing for "nothing there".
const NONE: &[u8] = b"-";

impl<'a> Located<'a> {
    fn new(input: &'a RelationInput<'a>) -> Located<'a> {
        let find = |start: usize, end: usize| -> Option<Place> {
            let sentence = input.parses.iter().position(|p| {
                p.spans.first().is_some_and(|s| s.0 <= start) && p.spans.last().is_some_and(|s| start < s.1)
            })?;
            let parse = &input.parses[sentence];
            let inside: Vec<usize> = (0..parse.spans.len())
                .filter(|&w| parse.spans[w].0 < end && start < parse.spans[w].1)
                .collect();
            // The head of a span is the word whose own head lies outside it.
            let word = inside
                .iter()
                .copied()
                .find(|&w| {
                    let head = parse.words[w].head;
                    head == 0 || !inside.contains(&(head - 1))
                })
                .or_else(|| inside.first().copied())?;
            Some(Place { sentence, word })
        };
        let events: Vec<Option<Place>> = input.events.iter().map(|e| find(e.start, e.end)).collect();
        let times: Vec<Option<Place>> = input.timexes.iter().map(|t| find(t.start, t.end)).collect();
        let mut by_sentence = vec![Vec::new(); input.parses.len()];
        for (k, place) in events.iter().enumerate() {
            if let Some(place) = place {
                by_sentence[place.sentence].push(k);
            }
        }
        let mut times_by_sentence = vec![Vec::new(); input.parses.len()];
        for (k, place) in times.iter().enumerate() {
            if let Some(place) = place {
                times_by_sentence[place.sentence].push(k);
            }
        }
        let mut located =
            Located { input, events, times, by_sentence, times_by_sentence, modifies: Vec::new() };
        located.find_modified();
        located
    }

    fn word(&self, place: Place) -> &Word {
        &self.input.parses[place.sentence].words[place.word]
    }

    /// How deep a word lies in its tree (the root is 0).
    fn depth(&self, place: Place) -> usize {
        let words = &self.input.parses[place.sentence].words;
        let mut depth = 0;
        let mut at = place.word;
        while words[at].head != 0 && depth < words.len() {
            at = words[at].head - 1;
            depth += 1;
        }
        depth
    }

    /// The pairs to relate, in the document's order.
    fn candidates(&self) -> Vec<(Endpoint, Endpoint)> {
        let mut out = Vec::new();
        let mut main_events: Vec<Option<usize>> = Vec::new();
        for (sentence, events) in self.by_sentence.iter().enumerate() {
            for (n, &e) in events.iter().enumerate() {
                out.push((Endpoint::Event(e), Endpoint::Creation));
                // A date that modifies another event is this one's too,
                // unless this one has a date of its own: "arrested and
                // charged on Friday", but "suspended this morning and
                // will resume at 6 p.m.".
                let times = &self.times_by_sentence[sentence];
                let dated = times.iter().any(|&t| self.modified(t) == Some(e));
                for &t in times {
                    if !dated || self.modified(t).is_none_or(|m| m == e) {
                        out.push((Endpoint::Event(e), Endpoint::Time(t)));
                    }
                }
                for &f in events[n + 1..].iter().take(PAIRS_AHEAD) {
                    out.push((Endpoint::Event(e), Endpoint::Event(f)));
                }
            }
            let main =
                events.iter().copied().min_by_key(|&e| self.events[e].map_or(usize::MAX, |p| self.depth(p)));
            main_events.push(main);
        }
        for pair in main_events.windows(2) {
            if let [Some(a), Some(b)] = pair {
                out.push((Endpoint::Event(*a), Endpoint::Event(*b)));
            }
        }
        out
    }

    /// The event a date modifies: the nearest event above it in the tree.
    fn modified(&self, t: usize) -> Option<usize> {
        self.modifies[t]
    }

    /// Works out [`Located::modified`] for every date, once.
    fn find_modified(&mut self) {
        self.modifies = (0..self.times.len())
            .map(|t| {
                let tp = self.times[t]?;
                self.by_sentence[tp.sentence]
                    .iter()
                    .filter_map(|&f| Some((f, self.path_up(tp, self.events[f]?)?.matches('/').count())))
                    .min_by_key(|(_, steps)| *steps)
                    .map(|(f, _)| f)
            })
            .collect();
    }

    /// The words an event's verb group puts before it: auxiliaries and
    /// negation, in order, as one string ("will", "have been", "not").
    fn auxiliaries(&self, place: Place) -> String {
        let words = &self.input.parses[place.sentence].words;
        let mut out = String::new();
        for w in words.iter().filter(|w| w.head == place.word + 1) {
            if w.deprel.starts_with("aux") || w.deprel == "advmod" && is_negation(&w.form) {
                if !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(&w.lemma.to_lowercase());
            }
        }
        out
    }

    /// The time an event's verb group tells: `future` ("will resume"),
    /// `past` ("were suspended", "left"), `present`, or `none` (an
    /// infinitive, a noun).
    fn verb_time(&self, place: Place) -> &'static str {
        let words = &self.input.parses[place.sentence].words;
        let group = words.iter().filter(|w| w.head == place.word + 1 && w.deprel.starts_with("aux"));
        let mut time = "none";
        for w in group.chain(std::iter::once(&words[place.word])) {
            if matches!(w.lemma.to_lowercase().as_str(), "will" | "shall") {
                return "future";
            }
            match w.feature("Tense") {
                Some("Past") if time == "none" && w.feature("VerbForm") != Some("Part") => time = "past",
                Some("Pres") if time == "none" && w.feature("VerbForm") == Some("Fin") => time = "present",
                _ => {}
            }
        }
        time
    }

    /// The subordinating word that opens an event's clause ("after",
    /// "when", "to"), if any.
    fn mark(&self, place: Place) -> String {
        let words = &self.input.parses[place.sentence].words;
        words
            .iter()
            .find(|w| w.head == place.word + 1 && w.deprel == "mark")
            .map_or(String::new(), |w| w.lemma.to_lowercase())
    }

    /// The preposition before a date ("in", "since", "until"), from its
    /// case word or the word just before it.
    fn preposition(&self, time: usize, place: Place) -> String {
        let parse = &self.input.parses[place.sentence];
        if let Some(w) = parse.words.iter().find(|w| w.head == place.word + 1 && w.deprel == "case") {
            return w.lemma.to_lowercase();
        }
        let start = self.input.timexes[time].start;
        let before = (0..parse.spans.len()).rev().find(|&w| parse.spans[w].1 <= start);
        before
            .map(|w| &parse.words[w])
            .filter(|w| matches!(w.upos, dateline_syntax::Upos::Adp | dateline_syntax::Upos::Sconj))
            .map_or(String::new(), |w| w.lemma.to_lowercase())
    }

    /// What tells an event's own time: tense, verb form, auxiliaries,
    /// class.
    fn event_features(&self, e: usize, slot: u32, out: &mut Features) {
        let class = self.input.events[e].class.as_bytes();
        let Some(place) = self.events[e] else {
            out.add(slot, &[b"unplaced", class]);
            return;
        };
        let word = self.word(place);
        let tense = word.feature("Tense").unwrap_or("").as_bytes();
        let form = word.feature("VerbForm").unwrap_or("").as_bytes();
        let aux = self.auxiliaries(place);
        let group = [word.xpos.as_bytes(), aux.as_bytes()];
        let head = (word.head > 0).then(|| &self.input.parses[place.sentence].words[word.head - 1]);
        let head_lemma = head.map_or(NONE, |h| h.lemma.as_bytes());
        let lemma = word.lemma.to_lowercase();
        out.add(slot, &[class]);
        out.add(slot + 1, &group);
        out.add(slot + 2, &[class, word.xpos.as_bytes(), aux.as_bytes()]);
        out.add(slot + 3, &[tense, form, word.upos.as_str().as_bytes()]);
        out.add(slot + 4, &[lemma.as_bytes()]);
        out.add(slot + 5, &[word.deprel.as_bytes()]);
        out.add(slot + 6, &[word.deprel.as_bytes(), head_lemma]);
        out.add(slot + 7, &[self.mark(place).as_bytes()]);
        out.add(slot + 8, &[head.map_or(NONE, |h| h.xpos.as_bytes()), word.deprel.as_bytes(), group[0]]);
        // The creation-time relation of a date the event governs: "was
        // signed on Friday" is as past as Friday.
        let governed = self.times_by_sentence[place.sentence]
            .iter()
            .filter(|&&t| self.times[t].is_some_and(|tp| self.heads_up_to(tp, place.word, 3)))
            .filter_map(|&t| to_creation(&self.input.timexes[t].value, self.input.dct))
            .next()
            .unwrap_or("");
        out.add(slot + 9, &[governed.as_bytes()]);
        let time = self.verb_time(place).as_bytes();
        out.add(slot + 11, &[time]);
        out.add(slot + 12, &[time, class]);
        out.add(slot + 10, &[governed.as_bytes(), group[0], aux.as_bytes()]);
    }

    /// Whether `target` is among the first `steps` heads above `from`.
    fn heads_up_to(&self, from: Place, target: usize, steps: usize) -> bool {
        let words = &self.input.parses[from.sentence].words;
        let mut at = from.word;
        for _ in 0..steps {
            let head = words[at].head;
            if head == 0 {
                return false;
            }
            at = head - 1;
            if at == target {
                return true;
            }
        }
        false
    }

    /// The dependency path from one word up to another, as the relations
    /// passed ("obl up", "advcl up"), when the second is an ancestor of the
    /// first within four steps.
    fn path_up(&self, from: Place, to: Place) -> Option<String> {
        if from.sentence != to.sentence {
            return None;
        }
        let words = &self.input.parses[from.sentence].words;
        let mut at = from.word;
        let mut path = String::new();
        for _ in 0..4 {
            path.push_str(&words[at].deprel);
            path.push('/');
            let head = words[at].head;
            if head == 0 {
                return None;
            }
            at = head - 1;
            if at == to.word {
                return Some(path);
            }
        }
        None
    }

    fn features(&self, source: Endpoint, target: Endpoint, out: &mut Features) {
        match (source, target) {
            (Endpoint::Event(e), Endpoint::Creation) => {
                out.add(0, &[b"ed"]);
                self.event_features(e, 100, out);
            }
            (Endpoint::Event(e), Endpoint::Time(t)) => {
                out.add(0, &[b"et"]);
                self.event_features(e, 200, out);
                self.event_time_features(e, t, out);
            }
            (Endpoint::Event(a), Endpoint::Event(b)) => {
                let same = self.events[a].zip(self.events[b]).is_some_and(|(x, y)| x.sentence == y.sentence);
                out.add(0, &[if same { b"ee" } else { b"ee+1" }]);
                let (first, second) = if same { (300, 400) } else { (500, 600) };
                self.event_features(a, first, out);
                self.event_features(b, second, out);
                self.event_event_features(a, b, same, out);
            }
            _ => out.add(0, &[b"other"]),
        }
    }

    fn event_time_features(&self, e: usize, t: usize, out: &mut Features) {
        let timex = &self.input.timexes[t];
        let kind = timex.kind.to_string();
        let creation = to_creation(&timex.value, self.input.dct).unwrap_or("?");
        let (Some(ep), Some(tp)) = (self.events[e], self.times[t]) else {
            out.add(250, &[kind.as_bytes(), creation.as_bytes()]);
            return;
        };
        let preposition = self.preposition(t, tp);
        let path = self.path_up(tp, ep);
        let governs: &[u8] = match (self.modified(t), &path) {
            (Some(f), _) if f == e => b"nearest",
            (_, Some(_)) => b"above",
            _ => b"apart",
        };
        let order: &[u8] = if ep.word < tp.word { b"event first" } else { b"date first" };
        let gap = ep.word.abs_diff(tp.word);
        let gap: &[u8] = match gap {
            0..=2 => b"near",
            3..=6 => b"mid",
            _ => b"far",
        };
        let aux = self.auxiliaries(ep);
        let xpos = self.word(ep).xpos.as_bytes();
        let time_word = self.word(tp);
        let value_kind: &[u8] = match &timex.value {
            TimexValue::Point(p) if p.day().is_some() => b"day",
            TimexValue::Point(_) => b"period",
            TimexValue::Duration(_) => b"duration",
            TimexValue::Reference(_) => b"reference",
            _ => b"other",
        };
        out.add(250, &[kind.as_bytes(), creation.as_bytes()]);
        out.add(251, &[preposition.as_bytes()]);
        out.add(252, &[preposition.as_bytes(), kind.as_bytes()]);
        out.add(253, &[governs]);
        out.add(254, &[governs, preposition.as_bytes()]);
        out.add(255, &[path.as_deref().unwrap_or("-").as_bytes()]);
        out.add(256, &[order, gap]);
        out.add(257, &[governs, order]);
        out.add(258, &[preposition.as_bytes(), creation.as_bytes(), xpos, aux.as_bytes()]);
        out.add(259, &[time_word.deprel.as_bytes(), governs]);
        out.add(260, &[value_kind, preposition.as_bytes(), governs]);
        out.add(261, &[creation.as_bytes(), xpos, aux.as_bytes()]);
        out.add(262, &[self.input.events[e].class.as_bytes(), governs, preposition.as_bytes()]);
    }

    fn event_event_features(&self, a: usize, b: usize, same: bool, out: &mut Features) {
        let (Some(pa), Some(pb)) = (self.events[a], self.events[b]) else {
            out.add(700, &[b"unplaced"]);
            return;
        };
        let (wa, wb) = (self.word(pa), self.word(pb));
        let link: String = if !same {
            "next sentence".into()
        } else if wb.head == pa.word + 1 {
            format!("a heads b {}", wb.deprel)
        } else if wa.head == pb.word + 1 {
            format!("b heads a {}", wa.deprel)
        } else if wa.head == wb.head {
            format!("siblings {} {}", wa.deprel, wb.deprel)
        } else {
            "apart".into()
        };
        let mark_a = self.mark(pa);
        let mark_b = self.mark(pb);
        let (ca, cb) = (self.input.events[a].class.as_bytes(), self.input.events[b].class.as_bytes());
        let (aux_a, aux_b) = (self.auxiliaries(pa), self.auxiliaries(pb));
        out.add(700, &[link.as_bytes()]);
        out.add(701, &[link.as_bytes(), mark_a.as_bytes(), mark_b.as_bytes()]);
        out.add(702, &[ca, cb]);
        out.add(703, &[wa.xpos.as_bytes(), aux_a.as_bytes(), wb.xpos.as_bytes(), aux_b.as_bytes()]);
        out.add(704, &[link.as_bytes(), wa.xpos.as_bytes(), wb.xpos.as_bytes()]);
        out.add(705, &[mark_b.as_bytes(), wa.xpos.as_bytes(), wb.xpos.as_bytes()]);
        out.add(706, &[mark_a.as_bytes(), wa.xpos.as_bytes(), wb.xpos.as_bytes()]);
        out.add(707, &[link.as_bytes(), ca, cb]);
        out.add(708, &[wa.lemma.as_bytes(), wb.lemma.as_bytes()]);
        out.add(709, &[ca, wb.lemma.as_bytes()]);
        let (ta, tb) = (self.verb_time(pa).as_bytes(), self.verb_time(pb).as_bytes());
        out.add(710, &[ta, tb]);
        out.add(711, &[link.as_bytes(), ta, tb]);
    }
}

fn is_negation(word: &str) -> bool {
    matches!(word.to_lowercase().as_str(), "not" | "n't" | "never")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_relation_has_its_inverse_and_back() {
        for rel in RELATIONS {
            assert_eq!(inverse(inverse(rel)), rel);
        }
        assert_eq!(normalise("DURING"), Some("SIMULTANEOUS"));
        assert_eq!(normalise("IDENTITY"), Some("SIMULTANEOUS"));
        assert_eq!(normalise("OVERLAPS"), None);
    }

    #[test]
    fn a_corrupt_model_is_an_error_that_names_it() {
        let error = RelationModel::from_gzip("broken.bin.gz", b"not a model").unwrap_err();
        assert!(error.to_string().contains("broken.bin.gz"), "{error}");
        let model = RelationModel::embedded().unwrap();
        assert_eq!(RelationModel::from_gzip("again", &model.to_gzip()).as_ref(), Ok(model));
    }

    #[test]
    fn implied_links_teach_the_relations_but_not_which_event_a_date_dates() {
        let syntax = dateline_syntax::Syntax::embedded().unwrap();
        let text = "Rebels seized the airport on Friday. Troops left the city on Monday.";
        let dct = Date::new(2020, 11, 26).unwrap();
        let parses = syntax.analyse(&dateline_text::Segmented::new(text));
        let events = [
            EventSpan { start: 7, end: 13, class: "OCCURRENCE" },
            EventSpan { start: 44, end: 48, class: "OCCURRENCE" },
        ];
        let timexes = dateline_timex::Tagger::new().tag(text, dct);
        let input = RelationInput { parses: &parses, events: &events, timexes: &timexes, dct };
        let links = vec![(Endpoint::Event(0), Endpoint::Time(0), "IS_INCLUDED")];
        // "seized" on Friday, Friday before the creation day: seized before it.
        let implied = vec![(Endpoint::Event(0), Endpoint::Creation, "BEFORE")];
        let drawn = [AnnotatedRelations { input, links: links.clone(), implied: Vec::new() }];
        let both = [AnnotatedRelations { input, links, implied }];
        let (drawn, both) = (RelationModel::train(&drawn, 5), RelationModel::train(&both, 5));
        let to_creation = |model: &RelationModel| {
            model
                .relations(&input)
                .into_iter()
                .any(|r| (r.source, r.target, r.kind) == (Endpoint::Event(0), Endpoint::Creation, "BEFORE"))
        };
        // What "seized" is to the creation day is learnt only with the
        // implied link; the anchors learn from the drawn links alone.
        assert_ne!(drawn.links, both.links);
        assert!(to_creation(&both));
        assert_eq!(drawn.anchors, both.anchors);
        assert_eq!(both.dated_events(&input)[0], Some(0));
    }

    /// The relations of one sentence, as (event word, relation, other end).
    fn relations_of(text: &str, dct: Date) -> Vec<(String, &'static str, String)> {
        let syntax = dateline_syntax::Syntax::embedded().unwrap();
        let segmented = dateline_text::Segmented::new(text);
        let parses = syntax.analyse(&segmented);
        let mentions = crate::EventModel::embedded().unwrap().mentions_in_parses(syntax, &parses);
        let events: Vec<EventSpan<'_>> =
            mentions.iter().map(|m| EventSpan { start: m.start, end: m.end, class: m.class }).collect();
        let timexes = dateline_timex::Tagger::new().tag(text, dct);
        let input = RelationInput { parses: &parses, events: &events, timexes: &timexes, dct };
        let cut = |start: usize, end: usize| text.chars().skip(start).take(end - start).collect::<String>();
        let name = |end: Endpoint| match end {
            Endpoint::Event(e) => cut(events[e].start, events[e].end),
            Endpoint::Time(t) => timexes[t].text.clone(),
            Endpoint::Creation => "DCT".into(),
        };
        let relations = RelationModel::embedded().unwrap().relations(&input);
        relations.into_iter().map(|r| (name(r.source), r.kind, name(r.target))).collect()
    }

    #[test]
    fn coordinated_events_keep_their_own_dates() {
        let dct = Date::new(2020, 11, 26).unwrap();
        let found = relations_of("Rail services were suspended this morning and will resume at 6 p.m.", dct);
        let with = |event: &str, time: &str| found.iter().filter(|(e, _, t)| e == event && t == time).count();
        assert_eq!((with("suspended", "this morning"), with("suspended", "6 p.m.")), (1, 0), "{found:?}");
        assert_eq!((with("resume", "6 p.m."), with("resume", "this morning")), (1, 0), "{found:?}");
        assert!(found.contains(&("resume".into(), "AFTER", "DCT".into())), "{found:?}");
    }

    #[test]
    fn each_date_dates_its_own_event() {
        let dct = Date::new(2020, 11, 26).unwrap();
        let text = "Rail services were suspended this morning and will resume at 6 p.m.";
        let syntax = dateline_syntax::Syntax::embedded().unwrap();
        let parses = syntax.analyse(&dateline_text::Segmented::new(text));
        let mentions = crate::EventModel::embedded().unwrap().mentions_in_parses(syntax, &parses);
        let events: Vec<EventSpan<'_>> =
            mentions.iter().map(|m| EventSpan { start: m.start, end: m.end, class: m.class }).collect();
        let timexes = dateline_timex::Tagger::new().tag(text, dct);
        let input = RelationInput { parses: &parses, events: &events, timexes: &timexes, dct };
        let dated = RelationModel::embedded().unwrap().dated_events(&input);
        let words: Vec<&str> =
            dated.iter().map(|e| e.map_or("-", |e| &text[events[e].start..events[e].end])).collect();
        assert_eq!(words, ["suspended", "resume"], "{timexes:?}");
    }

    #[test]
    fn a_date_stands_to_the_creation_day_by_its_value() {
        let dct = Date::new(2020, 11, 26).unwrap();
        let rel = |v: &str| to_creation(&TimexValue::parse(v), dct);
        assert_eq!(rel("2020-11-20"), Some("BEFORE"));
        assert_eq!(rel("2020-12-01"), Some("AFTER"));
        assert_eq!(rel("2020-11"), Some("INCLUDES"));
        assert_eq!(rel("2020-11-26"), Some("SIMULTANEOUS"));
        assert_eq!(rel("2020-11-26T15:00"), Some("IS_INCLUDED"));
        assert_eq!(rel("PAST_REF"), Some("BEFORE"));
        assert_eq!(rel("P3D"), None);
    }
}
