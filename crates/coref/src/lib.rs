//! Coreference within one document: which mentions refer to the same
//! person, organisation or place.
//!
//! Names are joined first: the same place (its GeoNames id), the same
//! person (a later surname is already given the full name), an
//! organisation's short form or acronym ("Boeing Co." and "Boeing", "GM"
//! and "General Motors"). With the syntax stage's trees, runs of proper
//! nouns the recogniser has no rule for are names too ("Zotero", "Melanie"),
//! and definite
//! descriptions that name an entity's type ("the company", "the Seattle-based
//! planemaker", "the country") and personal pronouns ("it", "its", "he",
//! "she") are then resolved to the most salient compatible entity before
//! them: one mentioned recently, as a subject, often (a salience model in
//! the manner of Lappin and Leass), never a co-argument of the same verb
//! ("Boeing sued it"). What is said of a mention joins it: an apposition
//! ("Mary Barra, the chief executive"), a predicate ("Byron was a poet"),
//! the kind a name is said with ("the Kalbajar region"); and a later "the
//! president" or "the school" goes to the entity named or described with
//! that noun ("President Vladimir Putin", "Harrow, a school"). First
//! person in a quotation is its speaker (the subject of a verb of saying
//! beside it); outside quotations "I", "we" and "you" are the writer, the
//! writer's group and the reader, a chain each with no name.
//!
//! ```
//! use dateline_core::{Entity, EntityKind};
//! use dateline_coref::resolve;
//! let boeing = |start, text: &str| Entity {
//!     start, end: start + text.chars().count(), text: text.into(),
//!     kind: EntityKind::Organization, role: None, name: None, geonameid: None,
//!     lat: None, lon: None, country: None, admin1: None,
//! };
//! // Without trees, names only.
//! let found = resolve(&[boeing(0, "Boeing Co."), boeing(30, "Boeing")], &[]);
//! assert_eq!(found.chains.len(), 1);
//! assert_eq!(found.chains[0].name, "Boeing Co.");
//! assert_eq!(found.mentions[1].chain, 0);
//! ```

mod names;
mod proper;

use dateline_core::{Entity, EntityKind};
use dateline_english::referents::{
    description_referent, names_its_kind, Referent, FEMININE_NAMES, FEMININE_TITLES, MASCULINE_TITLES,
};
use dateline_english::verbs::SPEECH_VERBS;
use dateline_syntax::{Parse, Upos};
use names::NameKey;
use serde::Serialize;
use std::collections::HashMap;

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// First character (inclusive).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// A name, a description or a pronoun.
    pub kind: MentionKind,
    /// The chain it belongs to: an index into [`Coreference::chains`].
    pub chain: usize,
}

/// How a mention refers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// By name: "General Motors", "GM", "Putin".
    Name,
    /// By a description of its type: "the carmaker".
    Description,
    /// By a pronoun: "it", "she".
    Pronoun,
}

/// The mentions of one entity in a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Chain {
    /// Its fullest name: the longest name it is mentioned by (a person's
    /// full name, a place's gazetteer name).
    pub name: String,
    /// Place, person or organisation.
    pub kind: EntityKind,
    /// GeoNames id of a place.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u32>,
    /// The other names it goes by in the document ("GM", "Boeing").
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Its mentions: indexes into [`Coreference::mentions`], in order.
    pub mentions: Vec<usize>,
}

/// The coreference chains of one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Coreference {
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Every entity, in order of first mention.
    pub chains: Vec<Chain>,
}

impl Coreference {
    /// The chain of the mention that covers the character `offset`.
    pub fn chain_at(&self, offset: usize) -> Option<usize> {
        let i = self.mentions.partition_point(|m| m.end <= offset);
        self.mentions.get(i).filter(|m| m.start <= offset).map(|m| m.chain)
    }

    /// Whether a chain is mentioned by name at least once (the writer's
    /// "I" and the reader's "you" may be only pronouns).
    pub fn is_named(&self, chain: usize) -> bool {
        self.chains[chain].mentions.iter().any(|&m| self.mentions[m].kind == MentionKind::Name)
    }
}

/// The chains of a document from its entities (in text order) and, when
/// the syntax stage ran, its sentences' trees (empty otherwise: names are
/// then joined, and descriptions and pronouns left alone).
pub fn resolve(entities: &[Entity], parses: &[Parse]) -> Coreference {
    let with_proper;
    let entities = match parses.is_empty() {
        true => entities,
        false => {
            with_proper = proper::with_proper_names(entities, parses);
            &with_proper[..]
        }
    };
    let mut chains: Vec<(EntityKind, Chain)> = Vec::new();
    // Each chain under the keys of its names, so that a document of many
    // names costs a lookup per name, not a comparison with every chain.
    let mut by_key: HashMap<(EntityKind, String), usize> = HashMap::new();
    let mut named: Vec<usize> = Vec::with_capacity(entities.len());
    // The chain of each name already seen, by what its key is made of: a
    // name seen before is in the chain it joined then (its keys are all
    // taken, the first it is looked up by leading to that chain), and a
    // long text repeats its names thousands of times.
    type Seen<'e> = (EntityKind, Option<u32>, Option<&'e str>, &'e str);
    let mut seen: HashMap<Seen<'_>, usize> = HashMap::new();
    for entity in entities {
        let seen_as = (entity.kind, entity.geonameid, entity.name.as_deref(), entity.text.as_str());
        if let Some(&chain) = seen.get(&seen_as) {
            named.push(chain);
            continue;
        }
        let key = NameKey::of(entity);
        let found = key.lookups().into_iter().find_map(|k| by_key.get(&(entity.kind, k)).copied());
        let chain = found.unwrap_or_else(|| {
            let name = entity.name.clone().unwrap_or_else(|| entity.text.clone());
            let chain = Chain {
                name,
                kind: entity.kind,
                geonameid: entity.geonameid,
                aliases: Vec::new(),
                mentions: Vec::new(),
            };
            chains.push((entity.kind, chain));
            chains.len() - 1
        });
        for k in key.keys() {
            by_key.entry((entity.kind, k)).or_insert(chain);
        }
        seen.insert(seen_as, chain);
        named.push(chain);
    }
    // The keys go before the mentions come: in a long document both are
    // large.
    drop(by_key);
    drop(seen);
    let mut mentions: Vec<Mention> = entities
        .iter()
        .zip(&named)
        .map(|(e, &chain)| Mention {
            start: e.start,
            end: e.end,
            text: e.text.clone(),
            kind: MentionKind::Name,
            chain,
        })
        .collect();
    if !parses.is_empty() {
        mentions.extend(Referring::new(entities, &named, &chains).resolve(parses, &mut chains));
        mentions.sort_by_key(|m| (m.start, m.end));
    }
    let mut chains: Vec<Chain> = chains.into_iter().map(|(_, c)| c).collect();
    for (i, mention) in mentions.iter().enumerate() {
        let chain = &mut chains[mention.chain];
        chain.mentions.push(i);
        if mention.kind == MentionKind::Name && chain.kind != EntityKind::Place {
            let better = mention.text.chars().count() > chain.name.chars().count()
                && !mention.text.ends_with("'s")
                && chain.kind == EntityKind::Organization;
            if better {
                let old = std::mem::replace(&mut chain.name, mention.text.clone());
                chain.aliases.push(old);
            } else if mention.text != chain.name && !chain.aliases.contains(&mention.text) {
                chain.aliases.push(mention.text.clone());
            }
        }
    }
    for chain in &mut chains {
        let name = chain.name.clone();
        chain.aliases.retain(|a| *a != name);
        chain.aliases.dedup();
    }
    Coreference { mentions, chains }
}

/// A mention seen so far, for salience.
struct Seen {
    chain: usize,
    sentence: usize,
    subject: bool,
    /// The word its head depends on (1-based), in its sentence.
    governor: usize,
}

/// Descriptions and pronouns, resolved in text order against what came
/// before them.
struct Referring<'a> {
    entities: &'a [Entity],
    named: &'a [usize],
    kinds: Vec<EntityKind>,
}

impl<'a> Referring<'a> {
    fn new(entities: &'a [Entity], named: &'a [usize], chains: &[(EntityKind, Chain)]) -> Referring<'a> {
        Referring { entities, named, kinds: chains.iter().map(|(kind, _)| *kind).collect() }
    }

    /// The descriptions and pronouns of the document's sentences; the
    /// chains of a writer, group or reader no name gives ("I", "we",
    /// "you") are added to `chains`.
    fn resolve(&self, parses: &[Parse], chains: &mut Vec<(EntityKind, Chain)>) -> Vec<Mention> {
        let mut seen: Vec<Seen> = Vec::new();
        let mut genders: Vec<Option<Gender>> = vec![None; self.kinds.len()];
        // The nouns an entity was named or described with: a title
        // ("President" of "President Vladimir Putin"), an apposition or a
        // predicate ("Harrow, a school"), the head of a name ("Leiden
        // University"). "The president", "the school", "the university"
        // are then that entity.
        let mut roles: Vec<Vec<String>> = vec![Vec::new(); self.kinds.len()];
        // For each word of each sentence, the chain of the mention it heads.
        let mut heads: Vec<Vec<Option<usize>>> = Vec::with_capacity(parses.len());
        let mut found = Vec::new();
        let mut next_entity = 0;
        for (sentence, parse) in parses.iter().enumerate() {
            let mut here: Vec<Option<usize>> = vec![None; parse.words.len()];
            // The same for names only: what is said of a name is the
            // entity's, while a pronoun may have gone astray.
            let mut names: Vec<Option<usize>> = vec![None; parse.words.len()];
            for (w, word) in parse.words.iter().enumerate() {
                let (start, end) = parse.spans[w];
                while next_entity < self.entities.len() && self.entities[next_entity].end <= start {
                    next_entity += 1;
                }
                // A word that overlaps a name is part of it ("Co." of "Boeing Co").
                if let Some(entity) =
                    self.entities.get(next_entity).filter(|e| e.start < end && start < e.end)
                {
                    let chain = self.named[next_entity];
                    if entity.start >= start && self.kinds[chain] == EntityKind::Person {
                        let title = w.checked_sub(1).map(|t| parse.words[t].form.to_lowercase());
                        genders[chain] = genders[chain].or(gender_of(&word.form, title.as_deref()));
                        if let Some(role) = w.checked_sub(1).filter(|&t| is_title(parse, t, w)) {
                            add_role(&mut roles[chain], &parse.words[role]);
                        }
                    }
                    // The name's head word stands for it.
                    if name_head(parse, w, entity.end) == w {
                        seen.push(Seen::at(parse, w, chain, sentence));
                        here[w] = Some(chain);
                        names[w] = Some(chain);
                        // "Leiden University" is "the university", "the
                        // Kalbajar Region" "the region".
                        if entity.start < start && self.kinds[chain] != EntityKind::Person {
                            add_role(&mut roles[chain], word);
                        }
                    }
                    continue;
                }
                // "Ann Lee, the spokeswoman", "Byron was a poet": what the
                // entity is, said of it; "the Kalbajar region": its kind.
                if let Some(chain) = self.said_of(parse, w, &names).or_else(|| self.of_kind(parse, w, &names))
                {
                    let first = self.after_names(parse, description_start(parse, w), w);
                    add_role(&mut roles[chain], word);
                    seen.push(Seen::at(parse, w, chain, sentence));
                    here[w] = Some(chain);
                    found.push(mention(parse, first, w, MentionKind::Description, chain));
                    continue;
                }
                // "the president", after "President Vladimir Putin"; "the
                // school", after "Harrow, a school".
                // Not the title of a name it governs: "the company president
                // and CEO Louis Gallois".
                if let Some(first) = definite(parse, w).filter(|_| {
                    matches!(word.upos, Upos::Noun | Upos::Propn) && !self.titles_a_name(parse, w)
                }) {
                    let role = word.lemma.to_lowercase();
                    let chain = best(&seen, sentence, usize::MAX, |s| {
                        s.chain < roles.len() && roles[s.chain].contains(&role)
                    });
                    if let Some(chain) = chain {
                        let first = self.after_names(parse, first, w);
                        seen.push(Seen::at(parse, w, chain, sentence));
                        here[w] = Some(chain);
                        found.push(mention(parse, first, w, MentionKind::Description, chain));
                        continue;
                    }
                }
                let Some((wants, first)) = referring(parse, w).filter(|&(_, first)| {
                    // "the Kalbajar region" is named, not described.
                    !self.entities.iter().any(|e| e.start < end && parse.spans[first].0 < e.end)
                }) else {
                    // Something else that "it" could stand for: "the plane".
                    if competes(word) {
                        seen.push(Seen::at(parse, w, NOTHING, sentence));
                    }
                    continue;
                };
                let pronoun = first == w;
                let gender = pronoun.then(|| pronoun_gender(&word.form)).flatten();
                let window = if pronoun { 2 } else { 4 };
                let core = ["nsubj", "nsubj:pass", "obj", "iobj"].contains(&word.deprel.as_str());
                let chain = best(&seen, sentence, window, |s| {
                    let fits = match s.chain {
                        NOTHING => pronoun && wants.contains(&EntityKind::Organization),
                        chain => {
                            wants.contains(&self.kinds[chain])
                                && (gender.is_none() || genders[chain].is_none() || genders[chain] == gender)
                        }
                    };
                    fits && !(core && s.sentence == sentence && s.governor == word.head)
                });
                let Some(chain) = chain.filter(|&c| c != NOTHING) else {
                    // "the plane" with no product named before is still
                    // something else that "it" could stand for.
                    if wants == PRODUCT_ONLY && competes(word) {
                        seen.push(Seen::at(parse, w, NOTHING, sentence));
                    }
                    continue;
                };
                genders[chain] = genders[chain].or(gender);
                seen.push(Seen::at(parse, w, chain, sentence));
                here[w] = Some(chain);
                let kind = if pronoun { MentionKind::Pronoun } else { MentionKind::Description };
                found.push(mention(parse, first, w, kind, chain));
            }
            heads.push(here);
        }
        found.extend(self.persons(parses, &heads, chains));
        found
    }

    /// The chain of the name the common noun at `w` is said of
    /// ([`predicated`]): any for a person ("a poet", "the spokeswoman"), for
    /// a place or an organisation only a noun of its kind ("Kalbajar, a
    /// district"), as a misparsed "US$40 billion (...) contract" is no
    /// apposition of "US".
    fn said_of(&self, parse: &Parse, w: usize, names: &[Option<usize>]) -> Option<usize> {
        let chain = predicated(parse, w, names)?;
        let lemma = parse.words[w].lemma.to_lowercase();
        match self.kinds[chain] {
            EntityKind::Person => Some(chain),
            EntityKind::Place => names_its_kind(&lemma, Referent::Place).then_some(chain),
            EntityKind::Organization => names_its_kind(&lemma, Referent::Organization).then_some(chain),
            EntityKind::Product => names_its_kind(&lemma, Referent::Product).then_some(chain),
        }
    }

    /// The chain of a name that the noun at `w` follows as the kind of
    /// thing it names: "the Kalbajar region", "the Boeing company".
    fn of_kind(&self, parse: &Parse, w: usize, names: &[Option<usize>]) -> Option<usize> {
        let word = &parse.words[w];
        definite(parse, w).filter(|_| word.upos == Upos::Noun)?;
        let lemma = word.lemma.to_lowercase();
        parse.words[..w].iter().enumerate().rev().find_map(|(i, c)| {
            let chain = names[i].filter(|_| c.head == w + 1 && c.deprel == "compound")?;
            let kind = match self.kinds[chain] {
                EntityKind::Place => Referent::Place,
                EntityKind::Organization => Referent::Organization,
                EntityKind::Product => Referent::Product,
                EntityKind::Person => return None,
            };
            names_its_kind(&lemma, kind).then_some(chain)
        })
    }

    /// Whether a name after word `w` depends on it, directly or through
    /// the words between ("the president and CEO Louis Gallois").
    fn titles_a_name(&self, parse: &Parse, w: usize) -> bool {
        (w + 1..parse.words.len()).any(|i| {
            let (start, end) = parse.spans[i];
            let named = self.entities.iter().any(|e| e.start < end && start < e.end);
            // Up the tree from `i`, as far as the words after `w` go (a
            // step per word at most, should a tree be malformed).
            let mut head = parse.words[i].head;
            for _ in 0..parse.words.len() {
                if head <= w + 1 {
                    break;
                }
                head = parse.words[head - 1].head;
            }
            named && head == w + 1
        })
    }

    /// `first`, or the first word after the names that begin the phrase
    /// `first..=w` ("Prime Minister" of "the Armenian Prime Minister"), so
    /// that mentions do not overlap.
    fn after_names(&self, parse: &Parse, first: usize, w: usize) -> usize {
        (first..w)
            .find(|&i| {
                let (start, end) = (parse.spans[i].0, parse.spans[w].1);
                !self.entities.iter().any(|e| e.start < end && start < e.end)
            })
            .unwrap_or(w)
    }

    /// First and second person. "I" in a quotation is its speaker: the
    /// subject of a verb of saying beside it (`"I will stay," he said`),
    /// or the speaker of the quotation just before. Outside quotations
    /// every "I" is the one who writes, every "we" the writer's group and
    /// every "you" the one written to (the reader, or the one
    /// interviewed): a chain each, when they occur.
    fn persons(
        &self,
        parses: &[Parse],
        heads: &[Vec<Option<usize>>],
        chains: &mut Vec<(EntityKind, Chain)>,
    ) -> Vec<Mention> {
        let quotes = quotations(parses);
        // The sentences each quotation spans.
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for (s, words) in quotes.iter().enumerate() {
            for &q in words.iter().flatten() {
                if q == spans.len() {
                    spans.push((s, s));
                }
                spans[q].1 = s;
            }
        }
        let mut speakers: Vec<Option<usize>> = Vec::with_capacity(spans.len());
        for (q, &(first, last)) in spans.iter().enumerate() {
            let around = (first..=last).chain([last + 1]).chain(first.checked_sub(1));
            let said = around
                .filter(|&s| s < parses.len())
                .find_map(|s| speaker(&parses[s], &quotes[s], &heads[s], &self.kinds));
            // `"...," he said. "More."`: the same speaker goes on.
            let before = q.checked_sub(1).filter(|&p| spans[p].1 + 1 >= first).and_then(|p| speakers[p]);
            speakers.push(said.or(before));
        }
        let mut writer: Option<usize> = None;
        let mut reader: Option<usize> = None;
        let mut group: Option<usize> = None;
        let mut found = Vec::new();
        for (s, parse) in parses.iter().enumerate() {
            for (w, word) in parse.words.iter().enumerate() {
                if word.upos != Upos::Pron {
                    continue;
                }
                let form = word.form.to_lowercase();
                let first_person = FIRST_PERSON.contains(&form.as_str());
                let chain = match quotes[s][w] {
                    Some(q) if first_person => speakers[q],
                    Some(_) => None,
                    None if first_person => Some(*writer.get_or_insert_with(|| new_chain(chains, "I"))),
                    None if SECOND_PERSON.contains(&form.as_str()) => {
                        Some(*reader.get_or_insert_with(|| new_chain(chains, "you")))
                    }
                    None if FIRST_PLURAL.contains(&form.as_str()) => {
                        Some(*group.get_or_insert_with(|| new_chain(chains, "we")))
                    }
                    None => None,
                };
                if let Some(chain) = chain {
                    found.push(mention(parse, w, w, MentionKind::Pronoun, chain));
                }
            }
        }
        found
    }
}

/// First-person singular pronouns.
const FIRST_PERSON: &[&str] = &["i", "me", "my", "mine", "myself"];

/// First-person plural pronouns.
const FIRST_PLURAL: &[&str] = &["we", "us", "our", "ours", "ourselves"];

/// Second-person pronouns.
const SECOND_PERSON: &[&str] = &["you", "your", "yours", "yourself"];

/// A chain for a person no name gives: the writer, the writer's group,
/// the reader.
fn new_chain(chains: &mut Vec<(EntityKind, Chain)>, name: &str) -> usize {
    let chain = Chain {
        name: name.into(),
        kind: EntityKind::Person,
        geonameid: None,
        aliases: Vec::new(),
        mentions: Vec::new(),
    };
    chains.push((EntityKind::Person, chain));
    chains.len() - 1
}

/// The mention of words `first..=w` of a sentence.
fn mention(parse: &Parse, first: usize, w: usize, kind: MentionKind, chain: usize) -> Mention {
    let forms: Vec<&str> = parse.words[first..=w].iter().map(|x| x.form.as_str()).collect();
    Mention { start: parse.spans[first].0, end: parse.spans[w].1, text: forms.join(" "), kind, chain }
}

/// Records a noun an entity was named or described with (its lemma in
/// lower case, once).
fn add_role(roles: &mut Vec<String>, word: &dateline_syntax::Word) {
    let role = word.lemma.to_lowercase();
    if !roles.contains(&role) {
        roles.push(role);
    }
}

/// Whether word `t`, just before a person's name at `w`, is a title of
/// it: a noun that depends on the name ("President", "Prime Minister",
/// "spokeswoman Ann Lee").
fn is_title(parse: &Parse, t: usize, w: usize) -> bool {
    let word = &parse.words[t];
    matches!(word.upos, Upos::Noun | Upos::Propn)
        && word.head > w
        && matches!(word.deprel.split(':').next(), Some("compound" | "nmod" | "flat" | "amod"))
        && word.form.chars().all(char::is_alphabetic)
}

/// The chain a common noun at `w` is said to be: in apposition to a
/// name ("Ann Lee, the spokeswoman") or the predicate of one ("Byron
/// was a poet"), `names` giving the chain of each name's head word.
/// Singular, and not denied ("was not a poet").
fn predicated(parse: &Parse, w: usize, names: &[Option<usize>]) -> Option<usize> {
    let word = &parse.words[w];
    if word.upos != Upos::Noun || word.feature("Number") == Some("Plur") {
        return None;
    }
    if word.deprel == "appos" {
        return word.head.checked_sub(1).and_then(|h| names[h]);
    }
    let children = || parse.words.iter().enumerate().filter(|(_, c)| c.head == w + 1);
    let copula = children().any(|(_, c)| c.deprel == "cop");
    let denied =
        children().any(|(_, c)| c.deprel == "advmod" && ["not", "never", "n't"].contains(&c.lemma.as_str()));
    if !copula || denied {
        return None;
    }
    children().find(|(i, c)| *i < w && c.deprel == "nsubj").and_then(|(i, _)| names[i])
}

/// The first word of the noun phrase headed by `w`, up to its head: its
/// determiner and the adjectives and nouns before it.
fn description_start(parse: &Parse, w: usize) -> usize {
    let modifier = |c: &dateline_syntax::Word| matches!(c.deprel.as_str(), "det" | "amod" | "compound");
    parse
        .words
        .iter()
        .enumerate()
        .filter(|&(i, c)| i < w && c.head == w + 1 && modifier(c))
        .map(|(i, _)| i)
        .min()
        .unwrap_or(w)
}

/// A definite description headed by the singular noun at `w` and not
/// specified further ("the company", "this city", not "a company" nor
/// "the company of X"): its first word.
fn definite(parse: &Parse, w: usize) -> Option<usize> {
    let word = &parse.words[w];
    if word.deprel == "compound" || word.feature("Number") == Some("Plur") {
        return None;
    }
    let children = || parse.words.iter().filter(move |c| c.head == w + 1);
    // A demonstrative points back as "the" does: "this city".
    let the = children()
        .any(|c| c.deprel == "det" && ["the", "this", "that"].contains(&c.lemma.to_lowercase().as_str()));
    let specified = children().any(|c| matches!(c.deprel.as_str(), "nmod" | "acl:relcl" | "appos"));
    (the && !specified).then(|| description_start(parse, w))
}

/// For each word of each sentence, the quotation it lies in (numbered in
/// text order), if any. A straight quotation mark opens when a word
/// follows it without a space and closes when it follows a word so.
fn quotations(parses: &[Parse]) -> Vec<Vec<Option<usize>>> {
    let mut open: Option<usize> = None;
    let mut count = 0;
    let mut out = Vec::with_capacity(parses.len());
    for parse in parses {
        let n = parse.words.len();
        let mut inside = vec![None; n];
        for (w, word) in parse.words.iter().enumerate() {
            let (start, end) = parse.spans[w];
            let opens = match word.form.as_str() {
                "“" | "``" | "„" => Some(true),
                "”" | "''" => Some(false),
                "\"" => {
                    let space_before = w == 0 || parse.spans[w - 1].1 < start;
                    let space_after = w + 1 == n || parse.spans[w + 1].0 > end;
                    Some(match (space_before, space_after) {
                        (true, false) => true,
                        (false, true) => false,
                        _ => open.is_none(),
                    })
                }
                _ => None,
            };
            match opens {
                Some(true) => {
                    open = Some(count);
                    count += 1;
                }
                Some(false) => open = None,
                None => inside[w] = open,
            }
        }
        out.push(inside);
    }
    out
}

/// The person a sentence says is speaking: the subject, outside
/// quotations, of a verb of saying ("he said", "Lee told reporters").
fn speaker(
    parse: &Parse,
    quotes: &[Option<usize>],
    here: &[Option<usize>],
    kinds: &[EntityKind],
) -> Option<usize> {
    parse.words.iter().enumerate().find_map(|(v, verb)| {
        if quotes[v].is_some() || !SPEECH_VERBS.contains(&verb.lemma.to_lowercase().as_str()) {
            return None;
        }
        parse
            .words
            .iter()
            .enumerate()
            .filter(|&(i, c)| c.head == v + 1 && c.deprel == "nsubj" && quotes[i].is_none())
            .find_map(|(i, _)| here[i])
            .filter(|&chain| chain < kinds.len() && kinds[chain] == EntityKind::Person)
    })
}

/// The chain of a noun phrase that is none of the entities.
const NOTHING: usize = usize::MAX;

/// What a description by a noun of made things ("the aircraft") can
/// refer to.
const PRODUCT_ONLY: &[EntityKind] = &[EntityKind::Product];

impl Seen {
    fn at(parse: &Parse, w: usize, chain: usize, sentence: usize) -> Seen {
        let word = &parse.words[w];
        Seen { chain, sentence, subject: word.deprel.starts_with("nsubj"), governor: word.head }
    }
}

/// A woman or a man, as a pronoun or a name tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Gender {
    Feminine,
    Masculine,
}

fn pronoun_gender(form: &str) -> Option<Gender> {
    match form.to_lowercase().as_str() {
        "she" | "her" | "hers" | "herself" => Some(Gender::Feminine),
        "he" | "him" | "his" | "himself" => Some(Gender::Masculine),
        _ => None,
    }
}

/// A person's gender from the title before the name or its given name.
fn gender_of(given: &str, title: Option<&str>) -> Option<Gender> {
    let title = title.map(|t| t.trim_end_matches('.'));
    let has = |list: &[&str]| title.is_some_and(|t| list.iter().any(|l| l.trim_end_matches('.') == t));
    if has(FEMININE_TITLES) || FEMININE_NAMES.contains(&given.to_lowercase().as_str()) {
        Some(Gender::Feminine)
    } else if has(MASCULINE_TITLES) {
        Some(Gender::Masculine)
    } else {
        None
    }
}

/// A singular common noun heading a subject or an object: what "it" may
/// stand for when no entity does.
fn competes(word: &dateline_syntax::Word) -> bool {
    matches!(word.upos, Upos::Noun | Upos::Propn)
        && word.feature("Number") != Some("Plur")
        && matches!(word.deprel.as_str(), "nsubj" | "nsubj:pass" | "obj" | "root")
}

/// The word of a name that heads it: the first whose head lies outside
/// the name (or `w` itself when the name goes on past the sentence).
fn name_head(parse: &Parse, w: usize, end: usize) -> usize {
    let last = (w..parse.words.len()).take_while(|&i| parse.spans[i].0 < end).last().unwrap_or(w);
    (w..=last)
        .find(|&i| {
            let head = parse.words[i].head;
            head == 0 || head - 1 < w || head - 1 > last
        })
        .unwrap_or(w)
}

/// A pronoun or a definite description at word `w`: the kinds of entity
/// it can refer to and its first word.
fn referring(parse: &Parse, w: usize) -> Option<(&'static [EntityKind], usize)> {
    const NOT_PERSON: &[EntityKind] = &[EntityKind::Organization, EntityKind::Place, EntityKind::Product];
    const ORGANIZATION: &[EntityKind] = &[EntityKind::Organization];
    const PLACE: &[EntityKind] = &[EntityKind::Place];
    const PERSON: &[EntityKind] = &[EntityKind::Person];
    let word = &parse.words[w];
    match word.upos {
        Upos::Pron => {
            let wants = match word.form.to_lowercase().as_str() {
                // "It is likely that ..." refers to nothing.
                "it" if word.deprel == "expl" || impersonal(parse, w) => return None,
                "it" | "its" | "itself" => NOT_PERSON,
                "he" | "him" | "his" | "himself" | "she" | "her" | "hers" | "herself" => PERSON,
                _ => return None,
            };
            Some((wants, w))
        }
        Upos::Noun => {
            let wants = match description_referent(&word.lemma.to_lowercase())? {
                Referent::Organization => ORGANIZATION,
                Referent::Place => PLACE,
                Referent::Product => PRODUCT_ONLY,
            };
            let first = definite(parse, w)?;
            // "the Seattle-based planemaker", "the U.S. carmaker"; not "the
            // product development team".
            let common_compound = parse
                .words
                .iter()
                .any(|c| c.head == w + 1 && c.deprel == "compound" && c.upos != Upos::Propn);
            (!common_compound).then_some((wants, first))
        }
        _ => None,
    }
}

/// "it" as the subject of a clause whose real subject comes later: "it is
/// likely that", "it seems", "it takes years to".
fn impersonal(parse: &Parse, w: usize) -> bool {
    let head = parse.words[w].head;
    head > 0
        && parse
            .words
            .iter()
            .any(|c| c.head == head && matches!(c.deprel.as_str(), "csubj" | "ccomp" | "xcomp"))
        && matches!(parse.words[head - 1].upos, Upos::Adj | Upos::Aux)
        || head > 0 && ["seem", "appear", "rain"].contains(&parse.words[head - 1].lemma.as_str())
}

/// The most salient chain among those mentioned at most `window`
/// sentences before: each mention counts half as much per sentence back,
/// twice as a subject.
fn best(seen: &[Seen], sentence: usize, window: usize, fits: impl Fn(&Seen) -> bool) -> Option<usize> {
    let mut scores: Vec<(usize, f64, usize)> = Vec::new();
    for (order, s) in seen.iter().enumerate().rev() {
        let distance = sentence - s.sentence;
        if distance > window {
            break;
        }
        if !fits(s) {
            continue;
        }
        let weight = 0.5f64.powi(distance as i32) * if s.subject { 2.0 } else { 1.0 };
        match scores.iter_mut().find(|(c, _, _)| *c == s.chain) {
            Some(score) => score.1 += weight,
            None => scores.push((s.chain, weight, order)),
        }
    }
    // The highest score; on a tie, the latest mentioned.
    scores.into_iter().max_by(|a, b| a.1.total_cmp(&b.1).then(a.2.cmp(&b.2))).map(|(chain, _, _)| chain)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dateline_entities::Recognizer;
    use dateline_syntax::Syntax;
    use dateline_text::Segmented;
    use proptest::prelude::*;

    fn chains(text: &str) -> Coreference {
        let segmented = Segmented::new(text);
        let entities = Recognizer::new().recognize(&segmented);
        let parses = Syntax::embedded().unwrap().analyse(&segmented);
        resolve(&entities, &parses)
    }

    /// The mentions of the chain that `name` is in, as written.
    fn chain_of<'a>(found: &'a Coreference, name: &str) -> Vec<&'a str> {
        let chain = found.mentions.iter().find(|m| m.text == name).map(|m| m.chain);
        found.mentions.iter().filter(|m| Some(m.chain) == chain).map(|m| m.text.as_str()).collect()
    }

    #[test]
    fn pronouns_and_descriptions_join_the_entity_they_refer_to() {
        let found = chains(
            "Boeing Co. said on Tuesday that it would protest the award. \
             The company filed the protest with the Government Accountability Office.",
        );
        assert_eq!(chain_of(&found, "Boeing Co"), ["Boeing Co", "it", "The company"]);
    }

    #[test]
    fn she_and_he_go_to_a_woman_and_a_man() {
        let found = chains("Mary Barra met Rick Wagoner in Detroit. She said he would stay.");
        assert_eq!(chain_of(&found, "Mary Barra"), ["Mary Barra", "She"]);
        assert_eq!(chain_of(&found, "Rick Wagoner"), ["Rick Wagoner", "he"]);
    }

    #[test]
    fn a_lone_proper_name_the_recogniser_misses_is_an_entity_of_its_own() {
        let found = chains("Zotero released an update on Tuesday. Librarians praised Zotero.");
        assert_eq!(chain_of(&found, "Zotero"), ["Zotero", "Zotero"]);
        let zotero = found.mentions.iter().find(|m| m.text == "Zotero").unwrap().chain;
        // Nothing says it is a person: "he" may not stand for it.
        assert_eq!(found.chains[zotero].kind, EntityKind::Organization);
    }

    #[test]
    fn a_given_name_alone_is_the_person_named_in_full_before() {
        let found = chains("Steve Jobs opened the conference. Later Steve called podcasting a revolution.");
        assert_eq!(chain_of(&found, "Steve Jobs"), ["Steve Jobs", "Steve"]);
        // A given name no one bore before is a person of its own.
        let found = chains("The talks ended on Friday and Melanie left early because she was tired.");
        assert_eq!(chain_of(&found, "Melanie"), ["Melanie", "she"]);
    }

    #[test]
    fn a_model_code_called_a_made_thing_is_a_product_its_descriptions_join() {
        let found = chains(
            "Airbus unveiled the A770, a twin-deck airliner that seats 800. \
             The new airliner will fly in March, and the airliner is already late.",
        );
        assert_eq!(chain_of(&found, "A770"), ["A770", "The new airliner", "the airliner"]);
        let a770 = found.mentions.iter().find(|m| m.text == "A770").unwrap().chain;
        assert_eq!(found.chains[a770].kind, EntityKind::Product);
        // A code nothing calls a made thing is no product: a forum, a flight.
        let found = chains("Leaders met at the G30 summit. The meeting ended on Friday.");
        assert!(found.mentions.iter().all(|m| m.text != "G30"));
    }

    #[test]
    fn it_that_refers_to_nothing_stays_alone() {
        let found = chains("Airbus delayed the jet. It is likely that deliveries will slip.");
        assert_eq!(chain_of(&found, "Airbus"), ["Airbus"]);
    }

    #[test]
    fn i_in_a_quotation_is_its_speaker() {
        let found = chains(
            "Nikol Pashinyan spoke in Yerevan on Monday. \"I will not resign,\" Pashinyan told reporters.",
        );
        assert_eq!(chain_of(&found, "Nikol Pashinyan"), ["Nikol Pashinyan", "I", "Pashinyan"]);
    }

    #[test]
    fn the_writer_and_the_reader_are_a_chain_each_with_no_name() {
        let found = chains("I visited Baku in May. My guide told you nothing, and your map was old.");
        assert_eq!(chain_of(&found, "I"), ["I", "My"]);
        assert_eq!(chain_of(&found, "you"), ["you", "your"]);
        let writer = found.mentions.iter().find(|m| m.text == "I").unwrap().chain;
        assert_eq!(found.chains[writer].name, "I");
        assert!(!found.is_named(writer));
    }

    #[test]
    fn a_title_apposition_or_kind_of_the_name_refers_back_to_it() {
        let found = chains(
            "President Vladimir Putin met Nikol Pashinyan in Moscow. The president said the talks went well.",
        );
        assert_eq!(chain_of(&found, "Vladimir Putin"), ["Vladimir Putin", "The president"]);
        let found = chains("Mary Barra, the chief executive, said demand was strong.");
        assert_eq!(chain_of(&found, "Mary Barra"), ["Mary Barra", "the chief executive"]);
        let found = chains("Armenian troops left the Kalbajar region on Wednesday.");
        assert_eq!(chain_of(&found, "Kalbajar"), ["Kalbajar", "region"]);
    }

    #[test]
    fn without_trees_names_are_still_joined() {
        let text = "General Motors raised prices. GM said demand was strong.";
        let segmented = Segmented::new(text);
        let entities = Recognizer::new().recognize(&segmented);
        let found = resolve(&entities, &[]);
        assert!(found.mentions.iter().all(|m| m.kind == MentionKind::Name));
        assert_eq!(
            found.chain_at(found.mentions[0].start),
            found.chain_at(found.mentions.last().unwrap().start)
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        #[test]
        fn any_text_gives_chains_that_index_their_mentions(text in "[A-Za-z .,'itsheTh]{0,200}") {
            let found = chains(&text);
            for (i, m) in found.mentions.iter().enumerate() {
                prop_assert!(found.chains[m.chain].mentions.contains(&i));
                prop_assert!(m.start <= m.end);
            }
        }
    }
}
