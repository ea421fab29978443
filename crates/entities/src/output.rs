//! Resolving the places of a document together and writing the entities.

use crate::found::Found;
use crate::places::placed_by_text;
use crate::words::Word;
use crate::Recognizer;
use dateline_core::{Entity, EntityKind, PlaceRole};
use dateline_geo::resolve::Mention;
use dateline_geo::{fold, Resolver};

impl Recognizer {
    /// Resolves the places together and builds the entities.
    pub(crate) fn finish(&self, text: &str, words: &[Word<'_>], found: Found) -> Vec<Entity> {
        let mentions: Vec<Mention<'_>> = found
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // "Dublin, Ga.": a place, a comma, then the place holding it.
                let within = found.places.get(i + 1).filter(|next| {
                    next.first == p.last + 1
                        && words.get(p.last).is_some_and(|w| w.text == ",")
                        && next.role == PlaceRole::Literal
                });
                Mention {
                    name: &p.lookup,
                    area: p.area,
                    demonym: p.role == PlaceRole::Demonym,
                    within: within.map(|_| i + 1),
                    placed: placed_by_text(words, &found.places, i),
                }
            })
            .collect();
        let context: Vec<&str> = Vec::new();
        let resolved = Resolver::new(self.gazetteer).resolve(&mentions, &context);
        let points = dateline_geo::resolve::points(&resolved);
        let span = |first: usize, last: usize| {
            let (a, b) = (&words[first], &words[last - 1]);
            (a.start, b.end, text[a.bytes.start..b.bytes.end].to_string())
        };
        let mut out = Vec::new();
        for ((mention, place), point) in found.places.iter().zip(resolved).zip(points) {
            // A name the resolver turned down (see `Resolver::resolve`) was
            // no place after all.
            if place.is_none() && self.gazetteer.contains_key(&fold(&mention.lookup)) {
                continue;
            }
            let (start, end, text) = span(mention.first, mention.last);
            let mut entity = bare(start, end, text, EntityKind::Place);
            entity.role = Some(mention.role);
            if let Some(place) = place {
                entity.name = Some(place.name.to_string());
                entity.geonameid = place.id;
                entity.lat = point.map(|p| f64::from(p.0));
                entity.lon = point.map(|p| f64::from(p.1));
                entity.country = (!place.country.is_empty()).then(|| place.country.to_string());
                entity.admin1 = (!place.admin1.is_empty()).then(|| place.admin1.to_string());
            }
            out.push(entity);
        }
        for (first, last, canonical) in found.people {
            let (start, end, text) = span(first, last);
            let mut entity = bare(start, end, text, EntityKind::Person);
            entity.name = (canonical != entity.text).then_some(canonical);
            out.push(entity);
        }
        for (first, last, role) in found.orgs {
            let (start, end, text) = span(first, last);
            let mut entity = bare(start, end, text, EntityKind::Organization);
            entity.role = role;
            out.push(entity);
        }
        out.sort_by_key(|e| (e.start, e.end));
        out
    }
}

pub(crate) fn bare(start: usize, end: usize, text: String, kind: EntityKind) -> Entity {
    Entity {
        start,
        end,
        text,
        kind,
        role: None,
        name: None,
        geonameid: None,
        lat: None,
        lon: None,
        country: None,
        admin1: None,
    }
}
