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
//! ```

mod found;
mod lexicon;
mod output;
mod people;
mod places;
mod runs;
mod words;

use dateline_core::Entity;
use dateline_geo::Gazetteer;
use dateline_text::Segmented;
use found::Found;
use words::{runs, words};

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
        let words = words(text);
        let runs = self.join_known(&words, runs(&words));
        // A first pass learns the people, so that "Clark said" before
        // "Sheriff Tom Clark" is a person too.
        let mut first_pass = Found::default();
        for run in &runs {
            self.classify(&words, run.start, run.end, &mut first_pass);
        }
        let mut found = Found { known_people: first_pass.known_people, ..Found::default() };
        for run in &runs {
            self.classify(&words, run.start, run.end, &mut found);
        }
        self.finish(text.text, &words, found)
    }
}
