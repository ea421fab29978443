//! Names of one entity: the same place, the same person, an organisation's
//! short form or acronym.

use dateline_core::{Entity, EntityKind};
use dateline_english::referents::{ACRONYM_SKIPS, LEGAL_SUFFIXES};

/// What a named mention is compared by.
#[derive(Clone, Debug)]
pub(crate) struct NameKey {
    pub kind: EntityKind,
    pub geonameid: Option<u32>,
    /// The name's words in lower case, without a possessive, a leading
    /// "the" or a legal suffix: "the Boeing Co.'s" → ["boeing"].
    pub words: Vec<String>,
    /// The name as written, when it is an acronym ("EADS", "U.N.").
    pub acronym: Option<String>,
}

impl NameKey {
    pub fn of(entity: &Entity) -> NameKey {
        let name = entity.name.as_deref().unwrap_or(&entity.text);
        let mut words: Vec<String> = name
            .split_whitespace()
            .map(|w| {
                let w = w.trim_end_matches("'s").trim_end_matches("’s").trim_end_matches('\'');
                w.to_lowercase()
            })
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() > 1 && words[0] == "the" {
            words.remove(0);
        }
        while words.len() > 1
            && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(&w.trim_end_matches(',')))
        {
            words.pop();
        }
        let letters: String = entity.text.chars().filter(|c| *c != '.').collect();
        let letters = letters.trim_end_matches("'s").trim_end_matches("’s");
        let acronym = (entity.kind != EntityKind::Person
            && (2..=6).contains(&letters.chars().count())
            && letters.chars().all(|c| c.is_ascii_uppercase() || c == '&'))
        .then(|| letters.to_string());
        NameKey { kind: entity.kind, geonameid: entity.geonameid, words, acronym }
    }

    /// The keys a name is found again by, for a map from key to chain:
    /// its GeoNames id (a place), its words, its acronym, and the
    /// initials of a longer organisation name ("GM" for "General
    /// Motors"). Looked up in this order by [`NameKey::lookups`].
    pub fn keys(&self) -> Vec<String> {
        let mut keys = vec![self.identity()];
        if self.geonameid.is_some() {
            keys.push(format!("w:{}", self.words.join(" ")));
        }
        if let Some(acronym) = &self.acronym {
            keys.push(format!("a:{acronym}"));
        }
        keys.extend(self.initials().into_iter().map(|i| format!("i:{i}")));
        keys
    }

    /// The key of the same place, person or organisation.
    fn identity(&self) -> String {
        match self.geonameid {
            Some(id) => format!("g:{id}"),
            None => format!("w:{}", self.words.join(" ")),
        }
    }

    /// The keys to look a name up by: the same place, person or
    /// organisation, then for an organisation its acronym's long form or
    /// its long form's acronym.
    pub fn lookups(&self) -> Vec<String> {
        let mut keys = vec![self.identity()];
        if let Some(acronym) = &self.acronym {
            keys.push(format!("i:{acronym}"));
        }
        keys.extend(self.initials().into_iter().map(|i| format!("a:{i}")));
        keys
    }

    /// The initials of an organisation's name of two words or more, with
    /// and without the words acronyms skip ("EADS" for "European
    /// Aeronautic Defence and Space").
    fn initials(&self) -> Vec<String> {
        if self.kind != EntityKind::Organization || self.words.len() < 2 || self.acronym.is_some() {
            return Vec::new();
        }
        let initials = |skip: bool| -> String {
            self.words
                .iter()
                .flat_map(|w| w.split('-'))
                .filter(|w| !skip || !ACRONYM_SKIPS.contains(w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_uppercase)
                .collect()
        };
        let (short, long) = (initials(true), initials(false));
        if short == long {
            vec![short]
        } else {
            vec![short, long]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn org(text: &str) -> NameKey {
        NameKey::of(&Entity::bare(0, text.chars().count(), text.into(), EntityKind::Organization))
    }

    /// Whether `b` is found by a key of `a`.
    fn same(a: &str, b: &str) -> bool {
        let keys = org(a).keys();
        org(b).lookups().iter().any(|k| keys.contains(k))
    }

    #[test]
    fn short_forms_and_acronyms_name_the_same_organisation() {
        assert!(same("Boeing Co.", "Boeing's"));
        assert!(same("General Motors", "GM") && same("GM", "General Motors"));
        assert!(same("European Aeronautic Defence and Space", "EADS"));
        assert!(same("U.N.", "United Nations"));
        assert!(!same("Airbus", "Boeing"));
        assert!(!same("GM", "Boeing") && same("Grand Motors Inc", "GM"));
        // Two long names with the same initials are two organisations.
        assert!(!same("National Labor Council", "National Logistic Committee"));
    }
}
