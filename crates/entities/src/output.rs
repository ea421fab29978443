//! Resolving the places of a document together and writing the entities.

use crate::found::Found;
use crate::places::placed_by_text;
use crate::words::{Starts, Word};
use crate::Recognizer;
use dateline_core::{Entity, EntityKind, PlaceRole};
use dateline_geo::resolve::Mention;
use dateline_geo::{fold, Resolver};

impl Recognizer {
    /// Resolves the places together and builds the entities, in text
    /// order. The words go as soon as what the entities need of them is
    /// taken, before the places are resolved: in a long document they are
    /// most of the memory (the tokens of an owned text are gone already,
    /// see [`Starts`]).
    pub(crate) fn finish<'t>(
        &self,
        starts: Starts<'_, 't>,
        words: Vec<Word<'_>>,
        found: Found,
    ) -> Vec<Entity> {
        let Found { mut people, orgs, places, .. } = found;
        // What the words around each place tell the resolver: the place
        // holding it, and whether the text puts it as a place.
        let around: Vec<(Option<usize>, bool)> = places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // "Dublin, Ga.": a place, a comma, then the place holding it.
                let within = places.get(i + 1).filter(|next| {
                    next.first == p.last + 1
                        && words.get(p.last).is_some_and(|w| w.text == ",")
                        && next.role == PlaceRole::Literal
                });
                (within.map(|_| i + 1), placed_by_text(&words, &places, i))
            })
            .collect();
        // Where each place, person and organisation lies, and how it is
        // written.
        let spans: Vec<(usize, usize, &'t str)> = places
            .iter()
            .map(|p| (p.first, p.last))
            .chain(people.iter().map(|&(first, last, _)| (first, last)))
            .chain(orgs.iter().map(|&(first, last, _)| (first, last)))
            .map(|(first, last)| Word::span(&starts, &words, first, last - 1))
            .collect();
        drop(words);
        drop(starts);
        let mentions: Vec<Mention<'_>> = places
            .iter()
            .zip(around)
            .map(|(p, (within, placed))| Mention {
                name: &p.lookup,
                area: p.area,
                demonym: p.role == PlaceRole::Demonym,
                within,
                placed,
            })
            .collect();
        let context: Vec<&str> = Vec::new();
        let resolved = Resolver::new(self.gazetteer).resolve(&mentions, &context);
        let points = dateline_geo::resolve::points(&resolved);
        // In the order a stable sort of the places, then the people, then
        // the organisations by their offsets gives, without sorting the
        // entities themselves (and so without a copy of half of them).
        let mut order: Vec<usize> = (0..spans.len()).collect();
        order.sort_by_key(|&i| (spans[i].0, spans[i].1));
        let people_from = places.len();
        let orgs_from = people_from + people.len();
        let mut out = Vec::with_capacity(spans.len());
        for i in order {
            let (start, end, written) = spans[i];
            let written = || written.to_string();
            if i < people_from {
                let (mention, place, point) = (&places[i], resolved[i], points[i]);
                // A name the resolver turned down (see `Resolver::resolve`)
                // was no place after all.
                if place.is_none() && self.gazetteer.contains_key(&fold(&mention.lookup)) {
                    continue;
                }
                let mut entity = Entity::bare(start, end, written(), EntityKind::Place);
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
            } else if i < orgs_from {
                let canonical = std::mem::take(&mut people[i - people_from].2);
                let mut entity = Entity::bare(start, end, written(), EntityKind::Person);
                entity.name = (canonical != entity.text).then_some(canonical);
                out.push(entity);
            } else {
                let mut entity = Entity::bare(start, end, written(), EntityKind::Organization);
                entity.role = orgs[i - orgs_from].2;
                out.push(entity);
            }
        }
        out
    }
}
