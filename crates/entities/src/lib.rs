//! Named entities in news: places (resolved to GeoNames), people and
//! organisations, found by rules over capitalised runs of words, an
//! offline gazetteer and word lists; no model to download.
//!
//! ```
//! use dateline_entities::Recognizer;
//! use dateline_core::EntityKind;
//!
//! let recognizer = Recognizer::new();
//! let found = recognizer.entities("President Ilham Aliyev visited Baku. Aliyev spoke.");
//! let people: Vec<_> = found.iter().filter(|e| e.kind == EntityKind::Person).collect();
//! assert_eq!(people[1].name.as_deref(), Some("Ilham Aliyev"));
//! let baku = found.iter().find(|e| e.text == "Baku").unwrap();
//! assert_eq!(baku.geonameid, Some(587084));
//! // An acronym of an organisation the article names is that organisation.
//! let found = recognizer.entities("General Motors Corp. cut jobs. GM said sales fell.");
//! assert_eq!(found[1].name.as_deref(), Some("General Motors Corp"));
//! ```

mod found;
mod keys;
mod lexicon;
mod output;
mod people;
mod places;
mod runs;
mod words;

use dateline_core::{Covered, Entity};
use dateline_geo::Gazetteer;
use dateline_text::Segmented;
use found::Found;
use std::borrow::Cow;
use std::collections::HashMap;
use words::{runs, words, Lowered, Starts};

/// Finds entities; built once and shared across threads.
pub struct Recognizer {
    gazetteer: &'static Gazetteer,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
}

impl Recognizer {
    /// A recognizer over the embedded gazetteer (loaded on first use).
    pub fn new() -> Recognizer {
        Recognizer { gazetteer: Gazetteer::embedded() }
    }

    /// Every entity in `text`, in order, with places resolved.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        self.recognize(&Segmented::new(text))
    }

    /// Every entity of a segmented text, in order, with places resolved.
    ///
    /// ```
    /// use dateline_entities::Recognizer;
    /// use dateline_text::Segmented;
    /// let found = Recognizer::new().recognize(&Segmented::new("Floods hit Dhaka on Monday."));
    /// assert_eq!(found[0].country.as_deref(), Some("BD"));
    /// ```
    pub fn recognize(&self, text: &Segmented<'_>) -> Vec<Entity> {
        self.recognize_text(Cow::Borrowed(text))
    }

    /// Every entity of a segmented text, as [`Recognizer::recognize`]
    /// finds them, taking the text: its tokens go as soon as the words
    /// are made, before the names are looked for (in a document of 50 MB,
    /// they are hundreds of megabytes).
    ///
    /// ```
    /// use dateline_entities::Recognizer;
    /// use dateline_text::Segmented;
    /// let found = Recognizer::new().recognize_owned(Segmented::new("Floods hit Dhaka on Monday."));
    /// assert_eq!(found[0].country.as_deref(), Some("BD"));
    /// ```
    pub fn recognize_owned(&self, text: Segmented<'_>) -> Vec<Entity> {
        self.recognize_text(Cow::Owned(text))
    }

    /// What [`Recognizer::recognize`] does, with the text borrowed or owned.
    fn recognize_text(&self, text: Cow<'_, Segmented<'_>>) -> Vec<Entity> {
        // The words in capitals that may be acronyms, taken now: the
        // tokens may be gone when the entities are made.
        let acronyms = acronyms(&text);
        let mut lowered = Lowered::default();
        let words = words(&text, &mut lowered);
        // Where the words start is all the entities need of the tokens: an
        // owned text's tokens go now, before the names are looked for (in
        // a document of 50 MB, they are hundreds of megabytes).
        let starts = Starts::of(text, &words);
        let runs = self.join_known(&words, runs(&words));
        // A first pass learns the people, so that "Clark said" before
        // "Sheriff Tom Clark" is a person too; what else it finds is let go
        // run by run.
        let mut first_pass = Found::default();
        for run in &runs {
            self.classify(&words, run.start, run.end, &mut first_pass);
            first_pass.people.clear();
            first_pass.orgs.clear();
            first_pass.places.clear();
        }
        let mut found = Found { known_people: first_pass.known_people, ..Found::default() };
        for run in &runs {
            self.classify(&words, run.start, run.end, &mut found);
        }
        drop(runs);
        let mut entities = self.finish(starts, words, found);
        add_acronyms(&acronyms, &mut entities);
        entities
    }
}

/// The tokens that may be acronyms ("GM", "NATO": two to five capitals),
/// as their character offsets and text, in order.
fn acronyms<'t>(text: &Segmented<'t>) -> Vec<(usize, usize, &'t str)> {
    text.tokens
        .iter()
        .filter(|t| (2..=5).contains(&t.text.len()) && t.text.chars().all(|c| c.is_ascii_uppercase()))
        .map(|t| (t.start, t.end, t.text))
        .collect()
}

/// "GM" after (or before) "General Motors": a word in capitals that spells
/// the initials of an organisation the article names is that
/// organisation, under its full name. `acronyms` are the text's tokens
/// that may be acronyms.
fn add_acronyms(acronyms: &[(usize, usize, &str)], entities: &mut Vec<Entity>) {
    use dateline_core::EntityKind;
    use dateline_english::referents::{ACRONYM_SKIPS, LEGAL_SUFFIXES};
    // Each spelling of initials to the first organisation that has them.
    let mut initials: HashMap<String, String> = HashMap::new();
    let spelled = entities.iter().filter(|e| e.kind == EntityKind::Organization).filter_map(|e| {
        let words: Vec<String> = e
            .text
            .split_whitespace()
            .map(str::to_lowercase)
            .filter(|w| !ACRONYM_SKIPS.contains(&w.as_str()) && !LEGAL_SUFFIXES.contains(&w.as_str()))
            .collect();
        let letters: String =
            words.iter().filter_map(|w| w.chars().next()).flat_map(char::to_uppercase).collect();
        (words.len() >= 2).then(|| (letters, e.text.clone()))
    });
    for (letters, full) in spelled {
        initials.entry(letters).or_insert(full);
    }
    if initials.is_empty() || acronyms.is_empty() {
        return;
    }
    // Whether an acronym lies over an entity, without a scan of all of
    // them for each acronym.
    let covered = Covered::new(entities);
    let mut added = Vec::new();
    for &(start, end, letters) in acronyms {
        if covered.overlaps(start, end) {
            continue;
        }
        if let Some(full) = initials.get(letters) {
            let mut acronym = Entity::bare(start, end, letters.to_string(), EntityKind::Organization);
            acronym.name = Some(full.clone());
            added.push(acronym);
        }
    }
    if !added.is_empty() {
        entities.extend(added);
        entities.sort_by_key(|e| (e.start, e.end));
    }
}
