//! Names the recogniser has no rule for: runs of words the tagger calls
//! proper nouns ("Byron", "Kendra", "Zotero"), which the recogniser's
//! lists and cues miss when a name stands alone. They take part in
//! coreference like any name: a later "Byron" joins the first, "he" finds
//! it.

use dateline_core::{Covered, Entity, EntityKind};
use dateline_english::referents::{names_its_kind, Referent, GIVEN_NAMES};
use dateline_english::{month, weekday};
use dateline_syntax::{Parse, Upos};
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// The entities with the proper names they leave out added, in text order.
pub(crate) fn with_proper_names(entities: &[Entity], parses: &[Parse]) -> Vec<Entity> {
    let mut all = entities.to_vec();
    // A capitalised word that opens a sentence is a name only if it is
    // also written inside one: the tagger calls many an opening "Well"
    // or "Mm" a proper noun.
    let inside: HashSet<&str> = parses
        .iter()
        .flat_map(|parse| {
            (0..parse.words.len()).filter(|&w| !opens(parse, w)).map(|w| parse.words[w].form.as_str())
        })
        .collect();
    // Words written just before a person's name: "Minister" of "Prime
    // Minister Nikol Pashinyan".
    let people_at: HashSet<usize> =
        entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.start).collect();
    let titles: HashSet<String> = parses
        .iter()
        .flat_map(|parse| {
            (1..parse.words.len())
                .filter(|&w| people_at.contains(&parse.spans[w].0))
                .map(|w| parse.words[w - 1].form.to_lowercase())
        })
        .collect();
    let mut next = 0;
    // The people named in full so far, by surname and by given name; a
    // word two people share names neither (`None`).
    let mut people: HashMap<String, Option<String>> = HashMap::new();
    let mut known_until = 0;
    for parse in parses {
        let mut w = 0;
        while w < parse.words.len() {
            if !is_name_word(parse, w) {
                w += 1;
                continue;
            }
            let first = w;
            while w < parse.words.len() && is_name_word(parse, w) {
                w += 1;
            }
            let (start, end) = (parse.spans[first].0, parse.spans[w - 1].1);
            // The recognised names are in order: skip those before the run.
            while next < entities.len() && entities[next].end <= start {
                next += 1;
            }
            for e in &entities[known_until..next] {
                let name = e.name.as_deref().unwrap_or(&e.text);
                let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
                if e.kind == EntityKind::Person && words.len() > 1 {
                    for word in [&words[0], &words[words.len() - 1]] {
                        let known = people.entry(word.clone()).or_insert_with(|| Some(name.to_string()));
                        if known.as_deref() != Some(name) {
                            *known = None;
                        }
                    }
                }
            }
            known_until = next;
            let overlaps = entities.get(next).is_some_and(|e| e.start < end);
            let unsure =
                w - first == 1 && opens(parse, first) && !inside.contains(parse.words[first].form.as_str());
            if !overlaps && !unsure && !is_title(parse, first, w, &titles) {
                all.push(proper_name(parse, first, w, &people));
            }
        }
    }
    all.sort_by_key(|e| (e.start, e.end));
    let codes = model_codes(parses, &all);
    if !codes.is_empty() {
        all.extend(codes);
        all.sort_by_key(|e| (e.start, e.end));
    }
    all
}

/// The products named by a model code ("A380", "F-16"): codes that the
/// document calls a product somewhere ("the A380, a twin-deck aircraft",
/// "the A380 superjumbo"), at each place they stand outside a name already
/// found. Without such a word a code may be a forum ("G20"), a virus or a
/// flight, and is left alone. `found` is in text order.
fn model_codes(parses: &[Parse], found: &[Entity]) -> Vec<Entity> {
    let named = Covered::new(found);
    let said_to_be_products: HashSet<&str> = parses
        .iter()
        .flat_map(|parse| {
            (0..parse.words.len())
                .filter(|&w| is_model_code(&parse.words[w].form) && called_a_product(parse, w))
                .map(move |w| parse.words[w].form.as_str())
        })
        .collect();
    let mut codes = Vec::new();
    for parse in parses {
        for (w, word) in parse.words.iter().enumerate() {
            let (start, end) = parse.spans[w];
            if said_to_be_products.contains(word.form.as_str()) && !named.overlaps(start, end) {
                codes.push(Entity::bare(start, end, word.form.clone(), EntityKind::Product));
            }
        }
    }
    codes
}

/// Whether a word looks like a model code: capitals and digits, at least
/// three characters, perhaps a hyphen ("A380", "7E7", "F-16", "MD-11").
fn is_model_code(form: &str) -> bool {
    form.chars().count() >= 3
        && form.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        && form.chars().any(|c| c.is_ascii_digit())
        && form.chars().any(|c| c.is_ascii_uppercase())
        && !form.starts_with('-')
        && !form.ends_with('-')
}

/// Whether the word at `w` stands in apposition to, or in a compound
/// with, a noun of a made thing ("aircraft", "jet", "phone"), in the tree
/// or as written. Asked of model codes only: of names it is too often
/// wrong ("Dell computers" are made by Dell).
fn called_a_product(parse: &Parse, w: usize) -> bool {
    let word = &parse.words[w];
    let is_product = |c: &dateline_syntax::Word| {
        c.upos == Upos::Noun && names_its_kind(&c.lemma.to_lowercase(), Referent::Product)
    };
    let below = parse.words.iter().any(|c| c.head == w + 1 && c.deprel == "appos" && is_product(c));
    let above = matches!(word.deprel.as_str(), "compound" | "appos")
        && word.head > 0
        && is_product(&parse.words[word.head - 1]);
    // "the A380, a twin-deck aircraft" as written, for a tree that hangs
    // the apposition elsewhere; its last noun says what it is ("the
    // computer maker" is no computer).
    let written = parse.words.get(w + 1).is_some_and(|c| c.form == ",")
        && parse.words.get(w + 2).is_some_and(|c| c.upos == Upos::Det)
        && parse.words[(w + 3).min(parse.words.len())..]
            .iter()
            .take(6)
            .take_while(|c| (c.upos != Upos::Punct || c.xpos == "HYPH") && c.upos != Upos::Pron)
            .filter(|c| c.upos == Upos::Noun)
            .last()
            .is_some_and(is_product);
    below || above || written
}

/// Whether the run `first..last` is a title said with a determiner ("the
/// Armenian Prime Minister" after "Prime Minister Nikol Pashinyan"): a
/// description, left to the resolver's rules for those. `titles` are the
/// words written just before a person's name in the document.
fn is_title(parse: &Parse, first: usize, last: usize, titles: &HashSet<String>) -> bool {
    let head = run_head(parse, first, last);
    head.is_some_and(|h| {
        titles.contains(&parse.words[h].form.to_lowercase())
            && parse.words[first.saturating_sub(3)..first]
                .iter()
                .any(|c| c.head == h + 1 && c.deprel == "det")
    })
}

/// The word of the run `first..last` whose head lies outside it.
fn run_head(parse: &Parse, first: usize, last: usize) -> Option<usize> {
    (first..last).find(|&w| !(first..last).contains(&(parse.words[w].head.wrapping_sub(1))))
}

/// The run `first..last` as written: its words, a space where the text
/// has one.
fn run_text(parse: &Parse, first: usize, last: usize) -> String {
    let mut text = String::new();
    for w in first..last {
        if w > first && parse.spans[w - 1].1 < parse.spans[w].0 {
            text.push(' ');
        }
        text.push_str(&parse.words[w].form);
    }
    text
}

/// Whether word `w` opens its sentence (after punctuation at most).
fn opens(parse: &Parse, w: usize) -> bool {
    parse.words[..w].iter().all(|word| word.upos == Upos::Punct)
}

/// Whether word `w` can be part of a proper name: a proper noun in
/// capitals that no date or pronoun claims ("May", "Monday", "I").
fn is_name_word(parse: &Parse, w: usize) -> bool {
    let word = &parse.words[w];
    let lower = word.form.to_lowercase();
    let lower = lower.trim_end_matches('.');
    // "Mondays" as well as "Monday".
    let singular = lower.strip_suffix('s').unwrap_or(lower);
    word.upos == Upos::Propn
        && word.form.starts_with(|c: char| c.is_uppercase())
        && word.form.chars().filter(|c| c.is_alphabetic()).count() >= 2
        // "J-": a word broken off in speech.
        && !word.form.ends_with('-')
        && month(lower).is_none()
        && weekday(lower).is_none()
        && weekday(singular).is_none()
}

/// The entity a run of proper nouns `first..last` names: a person named
/// before by that surname or given name ("Jobs", "Steve" after "Steve
/// Jobs"), a person when it starts with a given name ("Kim"), a place
/// after "in" or "at", else an organisation ("Intel", "Zotero"): "it" may
/// then stand for it, "he" may not (a firm says things as often as a
/// person does, so saying tells nothing).
fn proper_name(parse: &Parse, first: usize, last: usize, people: &HashMap<String, Option<String>>) -> Entity {
    let (start, end) = (parse.spans[first].0, parse.spans[last - 1].1);
    let text = run_text(parse, first, last);
    let lower = text.to_lowercase();
    let known = people.get(&lower).cloned().flatten();
    let given = GIVEN.contains(lower.split(' ').next().unwrap_or_default());
    let head = run_head(parse, first, last);
    // "in Dulwich": the preposition stands just before the name.
    let after_place_word = head.is_some_and(|h| {
        parse.words[first.saturating_sub(3)..first].iter().any(|c| {
            c.head == h + 1
                && c.deprel == "case"
                && PLACE_PREPOSITIONS.contains(&c.lemma.to_lowercase().as_str())
        })
    });
    let kind = match () {
        _ if known.is_some() || given => EntityKind::Person,
        _ if after_place_word => EntityKind::Place,
        _ => EntityKind::Organization,
    };
    Entity { name: known, ..Entity::bare(start, end, text, kind) }
}

/// The given names, for lookups.
static GIVEN: LazyLock<HashSet<&str>> = LazyLock::new(|| GIVEN_NAMES.iter().copied().collect());

/// Prepositions after which a name is most often a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "from", "across", "throughout", "outside"];
