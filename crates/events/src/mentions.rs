//! Event mentions as TimeML marks them (TempEval-3 Task B): which words
//! tell an event, its class, tense, aspect, polarity and modality, learnt
//! from TimeBank by averaged perceptrons over the words, their tags and
//! lemmas and their neighbours (`dateline train events`).

use dateline_english::nouns::EVENT_NOUNS;
use dateline_english::verbs::VERB_FORMS;
use dateline_syntax::perceptron::{
    argmax, gzipped, read_gzipped, write_string, Features, Model, Reader, Training,
};
use dateline_syntax::{ud_words, Error, Parse, Syntax, Tagged, Upos};
use dateline_text::Segmented;
use std::sync::OnceLock;

/// What a model file starts with: the format and its version.
const MAGIC: &[u8] = b"dateline-events 3\n";

/// How much less "no event" counts than its score: the perceptron learns
/// from TimeBank, whose annotators missed events more often than they
/// marked words that are not, so it errs towards "no event". Tuned on
/// TimeBank (learning from four fifths, scoring the fifth left: strict
/// F1 0.823 with no margin, 0.834 with 3).
const RECALL_MARGIN: f32 = 3.0;

/// Whether a word of this part of speech can name an event at all.
/// Punctuation, determiners, conjunctions, pronouns, particles, symbols
/// and interjections never do, so the model is not asked about them (a
/// third of the words of news): the mentions found over AQUAINT and the
/// timelines of the silver news are byte-identical either way.
fn may_name_event(upos: Upos) -> bool {
    !matches!(
        upos,
        Upos::Punct
            | Upos::Det
            | Upos::Cconj
            | Upos::Sconj
            | Upos::Pron
            | Upos::Part
            | Upos::Sym
            | Upos::Intj
    )
}

/// The TimeML event classes, in the order the model numbers them (after
/// "no event", class 0).
pub const CLASSES: [&str; 7] =
    ["OCCURRENCE", "STATE", "REPORTING", "I_ACTION", "I_STATE", "ASPECTUAL", "PERCEPTION"];

/// The model's number for REPORTING (its place in [`CLASSES`], after "no
/// event").
const REPORTING: usize = 3;

/// One event mention: where it is and its class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mention {
    /// First character of the word.
    pub start: usize,
    /// One past its last character.
    pub end: usize,
    /// Its TimeML class, one of [`CLASSES`].
    pub class: &'static str,
    /// The word's part of speech, as the tagger read it.
    pub upos: Upos,
    /// TimeML tense: `PAST`, `PRESENT`, `FUTURE`, `INFINITIVE`,
    /// `PRESPART`, `PASTPART` or `NONE`.
    pub tense: String,
    /// TimeML aspect: `NONE`, `PROGRESSIVE`, `PERFECTIVE` or
    /// `PERFECTIVE_PROGRESSIVE`.
    pub aspect: String,
    /// `POS`, or `NEG` for an event said not to happen.
    pub polarity: String,
    /// The modal that qualifies it (`would`, `could`, `may`, ...), empty
    /// when none.
    pub modality: String,
}

/// A document to learn from: its text and its gold event mentions.
#[derive(Clone, Debug)]
pub struct Annotated<'a> {
    /// The text.
    pub text: &'a str,
    /// Gold events, in order.
    pub events: Vec<AnnotatedEvent<'a>>,
}

/// A gold event mention: where it is, its class and its attributes (as
/// [`ATTRIBUTES`] names them, in that order; empty when not given).
#[derive(Clone, Debug)]
pub struct AnnotatedEvent<'a> {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// TimeML class.
    pub class: &'a str,
    /// Tense, aspect, polarity and modality.
    pub attributes: [&'a str; 4],
}

/// The attributes the model tells of each mention besides its class.
pub const ATTRIBUTES: [&str; 4] = ["tense", "aspect", "polarity", "modality"];

/// One attribute's classifier: the values seen in training, and a
/// perceptron choosing among them.
#[derive(Clone, Debug, PartialEq)]
struct Attribute {
    values: Vec<String>,
    model: Model,
}

/// The trained event-mention model.
#[derive(Clone, Debug, PartialEq)]
pub struct EventModel {
    model: Model,
    /// One per [`ATTRIBUTES`], in order.
    attributes: Vec<Attribute>,
    /// The lemmas (lower case) TimeBank marks as reporting events, sorted:
    /// a closed class, so a word it never reports with ("exploded Friday"
    /// read like "said Friday") takes its next best class.
    reporting: Vec<String>,
}

static EMBEDDED: OnceLock<Result<EventModel, Error>> = OnceLock::new();

impl EventModel {
    /// The model shipped with the crate (`models/events.bin.gz`), loaded on
    /// first use.
    pub fn embedded() -> Result<&'static EventModel, Error> {
        EMBEDDED
            .get_or_init(|| {
                EventModel::from_gzip("models/events.bin.gz", include_bytes!("../models/events.bin.gz"))
            })
            .as_ref()
            .map_err(Clone::clone)
    }

    /// Reads a model written by [`EventModel::to_gzip`]; `name` names it in
    /// errors.
    pub fn from_gzip(name: &str, bytes: &[u8]) -> Result<EventModel, Error> {
        let body = read_gzipped(name, bytes, MAGIC, "event")?;
        let mut reader = Reader(&body);
        let count = reader.u32().ok_or_else(|| Error::whole(name, "the event model is cut short"))?;
        for class in CLASSES.iter().take(count as usize) {
            if reader.string() != Some(class) {
                return Err(Error::whole(name, "the event model's classes are not TimeML's"));
            }
        }
        let corrupt = || Error::whole(name, "the event model is corrupt");
        let (model, rest) = Model::read(reader.0).ok_or_else(corrupt)?;
        if count as usize != CLASSES.len() || model.classes() != CLASSES.len() + 1 {
            return Err(corrupt());
        }
        reader = Reader(rest);
        let mut attributes = Vec::new();
        for _ in ATTRIBUTES {
            let count = reader.u32().ok_or_else(corrupt)? as usize;
            let values = (0..count)
                .map(|_| reader.string().map(str::to_string))
                .collect::<Option<Vec<String>>>()
                .ok_or_else(corrupt)?;
            let (model, rest) = Model::read(reader.0).ok_or_else(corrupt)?;
            if model.classes() != values.len() || values.is_empty() {
                return Err(corrupt());
            }
            reader = Reader(rest);
            attributes.push(Attribute { values, model });
        }
        let count = reader.u32().ok_or_else(corrupt)? as usize;
        let reporting = (0..count)
            .map(|_| reader.string().map(str::to_string))
            .collect::<Option<Vec<String>>>()
            .ok_or_else(corrupt)?;
        if !reporting.is_sorted() {
            return Err(corrupt());
        }
        if !reader.0.is_empty() {
            return Err(Error::whole(name, "bytes left after the event model"));
        }
        Ok(EventModel { model, attributes, reporting })
    }

    /// The model, gzipped.
    pub fn to_gzip(&self) -> Vec<u8> {
        let mut raw = MAGIC.to_vec();
        raw.extend_from_slice(&(CLASSES.len() as u32).to_le_bytes());
        for class in CLASSES {
            write_string(&mut raw, class);
        }
        self.model.write(&mut raw);
        for attribute in &self.attributes {
            raw.extend_from_slice(&(attribute.values.len() as u32).to_le_bytes());
            for value in &attribute.values {
                write_string(&mut raw, value);
            }
            attribute.model.write(&mut raw);
        }
        raw.extend_from_slice(&(self.reporting.len() as u32).to_le_bytes());
        for lemma in &self.reporting {
            write_string(&mut raw, lemma);
        }
        gzipped(&raw)
    }

    /// The event mentions of a text, in order.
    pub fn mentions(&self, syntax: &Syntax, text: &Segmented<'_>) -> Vec<Mention> {
        let mut out = Vec::new();
        for words in ud_words(text) {
            let forms: Vec<&str> = words.iter().map(|w| w.text).collect();
            let spans: Vec<(usize, usize)> = words.iter().map(|w| (w.start, w.end)).collect();
            self.find(&Sentence::new(syntax, &forms, syntax.tag(&forms)), &spans, &mut out);
        }
        out
    }

    /// The event mentions of a text the syntax stage has analysed (one
    /// parse per sentence), reading its tags instead of tagging again.
    pub fn mentions_in_parses(&self, syntax: &Syntax, parses: &[Parse]) -> Vec<Mention> {
        let mut out = Vec::new();
        for parse in parses {
            let forms: Vec<&str> = parse.words.iter().map(|w| w.form.as_str()).collect();
            let tags = parse
                .words
                .iter()
                .map(|w| Tagged {
                    upos: w.upos,
                    xpos: w.xpos.clone(),
                    feats: w.feats.clone(),
                    lemma: w.lemma.clone(),
                })
                .collect();
            self.find(&Sentence::new(syntax, &forms, tags), &parse.spans, &mut out);
        }
        out
    }

    /// Adds the mentions among one sentence's words (at `spans`) to `out`.
    fn find(&self, sentence: &Sentence<'_>, spans: &[(usize, usize)], out: &mut Vec<Mention>) {
        let mut features = Features::default();
        let mut scores = Vec::new();
        for (i, &(start, end)) in spans.iter().enumerate() {
            if !may_name_event(sentence.tags[i].upos) {
                continue;
            }
            features.clear();
            sentence.features(i, &mut features);
            self.model.score(features.hashes(), &mut scores);
            scores[0] -= RECALL_MARGIN;
            let mut class = argmax(&scores);
            if class == REPORTING
                && self.reporting.binary_search(&sentence.tags[i].lemma.to_lowercase()).is_err()
            {
                scores[REPORTING] = f32::NEG_INFINITY;
                class = argmax(&scores[1..]) + 1;
            }
            if class > 0 {
                sentence.attribute_features(i, &mut features);
                let [tense, aspect, polarity, modality] = [0, 1, 2, 3].map(|a| {
                    let attribute = &self.attributes[a];
                    attribute.model.score(features.hashes(), &mut scores);
                    attribute.values[argmax(&scores)].clone()
                });
                let upos = sentence.tags[i].upos;
                out.push(Mention {
                    start,
                    end,
                    class: CLASSES[class - 1],
                    upos,
                    tense,
                    aspect,
                    polarity,
                    modality,
                });
            }
        }
    }

    /// Learns from annotated documents in `epochs` passes; the same
    /// documents always give the same model.
    pub fn train(documents: &[Annotated<'_>], syntax: &Syntax, epochs: usize) -> EventModel {
        // Every word's features and gold class, worked out once; and, for
        // each gold event, the features the attributes read and their values.
        let mut examples: Vec<(Vec<u64>, usize)> = Vec::new();
        let mut events: Vec<(Vec<u64>, [&str; 4])> = Vec::new();
        let mut reporting: Vec<String> = Vec::new();
        for document in documents {
            let text = Segmented::new(document.text);
            for words in ud_words(&text) {
                let forms: Vec<&str> = words.iter().map(|w| w.text).collect();
                let sentence = Sentence::new(syntax, &forms, syntax.tag(&forms));
                for (i, word) in words.iter().enumerate() {
                    let gold = document.events.iter().find(|e| e.start < word.end && word.start < e.end);
                    let class =
                        gold.and_then(|e| CLASSES.iter().position(|c| *c == e.class)).map_or(0, |c| c + 1);
                    let mut features = Features::default();
                    sentence.features(i, &mut features);
                    examples.push((features.hashes().to_vec(), class));
                    if class == REPORTING {
                        reporting.push(sentence.tags[i].lemma.to_lowercase());
                    }
                    if let Some(gold) = gold.filter(|_| class > 0) {
                        sentence.attribute_features(i, &mut features);
                        events.push((features.hashes().to_vec(), gold.attributes));
                    }
                }
            }
        }
        let model = learn(&examples, CLASSES.len() + 1, epochs);
        reporting.sort_unstable();
        reporting.dedup();
        let attributes = (0..ATTRIBUTES.len())
            .map(|a| {
                let mut values: Vec<String> = events.iter().map(|(_, v)| v[a].to_string()).collect();
                values.sort_unstable();
                values.dedup();
                if values.is_empty() {
                    values.push(String::new());
                }
                let examples: Vec<(Vec<u64>, usize)> = events
                    .iter()
                    .map(|(f, v)| (f.clone(), values.iter().position(|x| x == v[a]).unwrap_or(0)))
                    .collect();
                Attribute { model: learn(&examples, values.len(), epochs), values }
            })
            .collect();
        EventModel { model, attributes, reporting }
    }
}

/// How many perceptrons, each seeing the examples in its own order, are
/// averaged into one model. One perceptron's scores move with the order
/// of its examples (on TimeBank's fifth held out, temporal awareness
/// 0.332–0.357 over seven orders, so that splitting seven more sentences
/// moved it by 0.02); their mean moves less, and its event mentions are
/// better (AQUAINT strict F1 0.837 with one, 0.840 with five).
const RUNS: u64 = 5;

/// An averaged perceptron over `classes` classes learnt from `examples`
/// (features, class) in `epochs` shuffled passes, always in the same
/// orders: the mean of [`RUNS`] of them.
pub(crate) fn learn(examples: &[(Vec<u64>, usize)], classes: usize, epochs: usize) -> Model {
    let runs: Vec<Training> = (0..RUNS)
        .map(|run| {
            let mut training = Training::new(classes);
            let mut order: Vec<usize> = (0..examples.len()).collect();
            let mut seed = 0x2545_f491_4f6c_dd1d_u64 ^ run.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            let mut scores = vec![0.0; classes];
            for _ in 0..epochs {
                shuffle(&mut order, &mut seed);
                for &k in &order {
                    let (features, truth) = &examples[k];
                    scores.iter_mut().for_each(|s| *s = 0.0);
                    training.score(features, &mut scores);
                    training.update(features, *truth, argmax(&scores));
                    training.tick();
                }
            }
            training
        })
        .collect();
    Training::average_of(&runs, 1, 0.0)
}

/// A Fisher–Yates shuffle driven by a xorshift generator: the same seed,
/// the same order.
fn shuffle(items: &mut [usize], seed: &mut u64) {
    for i in (1..items.len()).rev() {
        *seed ^= *seed << 13;
        *seed ^= *seed >> 7;
        *seed ^= *seed << 17;
        items.swap(i, (*seed % (i as u64 + 1)) as usize);
    }
}

/// One sentence's words with what the features read.
struct Sentence<'a> {
    forms: &'a [&'a str],
    lower: Vec<String>,
    tags: Vec<Tagged>,
    clusters: Vec<[u8; 2]>,
}

/// What stands for a word before the sentence or after it.
const EDGE: &[u8] = b"-EDGE-";

impl<'a> Sentence<'a> {
    fn new(syntax: &Syntax, forms: &'a [&'a str], tags: Vec<Tagged>) -> Sentence<'a> {
        Sentence {
            forms,
            lower: forms.iter().map(|f| f.to_lowercase()).collect(),
            tags,
            clusters: forms.iter().map(|f| syntax.cluster(f).unwrap_or(u16::MAX).to_le_bytes()).collect(),
        }
    }

    fn features(&self, i: usize, out: &mut Features) {
        let at = |k: isize| -> Option<usize> {
            let j = i as isize + k;
            (0..self.forms.len() as isize).contains(&j).then_some(j as usize)
        };
        let word = |k| at(k).map_or(EDGE, |j| self.lower[j].as_bytes());
        let xpos = |k| at(k).map_or(EDGE, |j| self.tags[j].xpos.as_bytes());
        let upos = |k| at(k).map_or(EDGE, |j| self.tags[j].upos.as_str().as_bytes());
        let lemma = |k| at(k).map_or(EDGE, |j| self.tags[j].lemma.as_bytes());
        let cluster = |k| at(k).map_or(EDGE, |j| self.clusters[j].as_slice());
        let w = word(0);
        let tag = &self.tags[i];
        let lower_lemma = tag.lemma.to_lowercase();
        out.add(0, &[]);
        out.add(1, &[w]);
        out.add(2, &[lemma(0)]);
        out.add(3, &[xpos(0)]);
        out.add(4, &[upos(0), lemma(0)]);
        out.add(5, &[suffix(w, 3)]);
        out.add(6, &[suffix(w, 4)]);
        out.add(7, &[suffix(w, 2), upos(0)]);
        out.add(8, &[cluster(0)]);
        out.add(9, &[cluster(0), xpos(0)]);
        out.add(10, &[word(-1)]);
        out.add(11, &[word(1)]);
        out.add(12, &[xpos(-1)]);
        out.add(13, &[xpos(1)]);
        out.add(14, &[xpos(-1), xpos(0)]);
        out.add(15, &[xpos(0), xpos(1)]);
        out.add(16, &[word(-1), xpos(0)]);
        out.add(17, &[word(-2)]);
        out.add(18, &[xpos(-2), xpos(-1), xpos(0)]);
        out.add(19, &[lemma(-1), lemma(0)]);
        out.add(20, &[cluster(-1)]);
        out.add(21, &[cluster(1)]);
        out.add(22, &[upos(-1), upos(0), upos(1)]);
        out.add(23, &[word(2)]);
        let listed = |list: &[&str], s: &str| list.contains(&s);
        out.add(
            24,
            &[&[u8::from(listed(EVENT_NOUNS, &lower_lemma)), u8::from(listed(VERB_FORMS, &self.lower[i]))]],
        );
        let capital = self.forms[i].chars().next().is_some_and(char::is_uppercase);
        out.add(25, &[&[u8::from(capital), u8::from(i == 0)], upos(0)]);
        if tag.upos == Upos::Noun || tag.upos == Upos::Verb || tag.upos == Upos::Adj {
            out.add(26, &[lemma(0), xpos(-1)]);
        }
    }
}

impl Sentence<'_> {
    /// Adds what tells an event's tense, aspect, polarity and modality
    /// to its features: the words before it, where auxiliaries, modals and
    /// negation stand, as a sequence and as a bag, and its own
    /// morphological features.
    fn attribute_features(&self, i: usize, out: &mut Features) {
        let word = |k: usize| i.checked_sub(k).map_or(EDGE, |j| self.lower[j].as_bytes());
        let xpos = |k: usize| i.checked_sub(k).map_or(EDGE, |j| self.tags[j].xpos.as_bytes());
        for k in 1..=4 {
            out.add(40 + k as u32, &[word(k)]);
            out.add(50, &[word(k)]);
        }
        out.add(45, &[word(2), word(1)]);
        out.add(46, &[word(3), word(2), word(1)]);
        out.add(47, &[xpos(1), xpos(0)]);
        out.add(48, &[self.tags[i].feats.as_bytes()]);
        let after = self.lower.get(i + 1).map_or(EDGE, |w| w.as_bytes());
        out.add(49, &[after]);
    }
}

/// The last `n` bytes of a word (all of it when shorter).
fn suffix(word: &[u8], n: usize) -> &[u8] {
    &word[word.len().saturating_sub(n)..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reporting_is_the_class_the_constant_names() {
        assert_eq!(CLASSES[REPORTING - 1], "REPORTING");
    }

    #[test]
    fn a_verb_timebank_never_reports_with_is_not_reporting() {
        // "Friday" after the verb, as in "said Friday".
        let found = mentions("Bombs exploded Friday near the embassy, police said Friday.");
        let classes: Vec<(&str, &str)> = found.iter().map(|(w, c)| (w.as_str(), *c)).collect();
        assert!(classes.contains(&("exploded", "OCCURRENCE")), "{classes:?}");
        assert!(classes.contains(&("said", "REPORTING")), "{classes:?}");
    }

    fn mentions(text: &str) -> Vec<(String, &'static str)> {
        let syntax = Syntax::embedded().unwrap();
        let model = EventModel::embedded().unwrap();
        let chars: Vec<char> = text.chars().collect();
        model
            .mentions(syntax, &Segmented::new(text))
            .into_iter()
            .map(|m| (chars[m.start..m.end].iter().collect(), m.class))
            .collect()
    }

    #[test]
    fn finds_verbs_and_event_nouns_with_their_class() {
        let found = mentions("Troops entered the town after the election, officials said on Friday.");
        let words: Vec<&str> = found.iter().map(|(w, _)| w.as_str()).collect();
        assert_eq!(words, ["entered", "election", "said"]);
        assert_eq!(found[2].1, "REPORTING");
    }

    #[test]
    fn only_open_class_words_are_asked_whether_they_name_an_event() {
        for upos in [Upos::Punct, Upos::Det, Upos::Cconj, Upos::Sconj, Upos::Pron, Upos::Part] {
            assert!(!may_name_event(upos), "{upos:?}");
        }
        // "was supposed to hand over", "the handover", "ready", "a fifth"
        // (TimeBank marks a few numbers and prepositions as events).
        for upos in [Upos::Verb, Upos::Noun, Upos::Adj, Upos::Aux, Upos::Num, Upos::Adp, Upos::Propn] {
            assert!(may_name_event(upos), "{upos:?}");
        }
    }

    #[test]
    fn leaves_out_what_tells_no_event() {
        let found = mentions("The town is 20 miles from the border.");
        assert!(found.iter().all(|(w, _)| w != "town" && w != "border" && w != "miles"), "{found:?}");
    }

    #[test]
    fn reads_back_what_it_writes_and_names_a_broken_model() {
        let model = EventModel::embedded().unwrap();
        assert_eq!(&EventModel::from_gzip("copy", &model.to_gzip()).unwrap(), model);
        let error = EventModel::from_gzip("/tmp/events.bin.gz", b"not gzip").unwrap_err();
        assert!(error.to_string().starts_with("/tmp/events.bin.gz: not a gzipped model"), "{error}");
        let mut cut = model.to_gzip();
        cut.truncate(cut.len() / 2);
        assert!(EventModel::from_gzip("half", &cut).is_err());
    }

    #[test]
    fn training_is_deterministic_and_learns_its_examples() {
        let syntax = Syntax::embedded().unwrap();
        let text = "Rebels seized the airport. The airport reopened.";
        let event = |start, end, tense| AnnotatedEvent {
            start,
            end,
            class: "OCCURRENCE",
            attributes: [tense, "NONE", "POS", ""],
        };
        let documents = [Annotated { text, events: vec![event(7, 13, "PAST"), event(39, 47, "PAST")] }];
        let one = EventModel::train(&documents, syntax, 5);
        assert_eq!(one, EventModel::train(&documents, syntax, 5));
        let mentions = one.mentions(syntax, &Segmented::new(text));
        assert!(mentions.iter().all(|m| m.tense == "PAST" && m.polarity == "POS" && m.modality.is_empty()));
        let found: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
        // So little data leaves weights too small to outweigh the margin
        // for recall everywhere; what it was taught it finds.
        assert!(found.contains(&(7, 13)) && found.contains(&(39, 47)), "{found:?}");
    }
}
