//! Place resolution: which of the places a name may refer to is meant,
//! given the other places of the same document.

use crate::{fold, Gazetteer, Place, PlaceKind};
use dateline_core::distance_km;
use std::collections::{HashMap, HashSet};

/// Resolves the place names of one document together.
pub struct Resolver<'g> {
    gazetteer: &'g Gazetteer,
}

/// A name to resolve, with what the text says about it.
#[derive(Clone, Debug)]
pub struct Mention<'a> {
    /// The name as written.
    pub name: &'a str,
    /// The text calls it a region, district or province ("the Kalbajar
    /// region"): an administrative area is meant, not its town.
    pub area: bool,
    /// The text names the people or an adjective of the place
    /// ("Georgian"): a country or region is meant, not a town or state.
    pub demonym: bool,
    /// The mention (by index) of the place that contains this one, when
    /// the text says so: "Dublin, Ga.".
    pub within: Option<usize>,
    /// A preposition of place comes before it ("in Bakhmut"): the text
    /// means a place, however unlikely the name.
    pub placed: bool,
}

impl<'g> Resolver<'g> {
    /// A resolver over a gazetteer.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Resolver { gazetteer }
    }

    /// Resolves every mention; `countries` are ISO codes the document is
    /// known to be about (from demonyms, say). None where no place has the
    /// name, or where the only sense is a small town that nothing in the
    /// story comes near (a word of something else: see `drop_strays`).
    ///
    /// ```
    /// use dateline_geo::{Gazetteer, Resolver};
    /// use dateline_geo::resolve::Mention;
    /// let resolver = Resolver::new(Gazetteer::embedded());
    /// let places = resolver.resolve(&[
    ///     Mention { name: "Azerbaijan", area: false, demonym: false, within: None, placed: false },
    ///     Mention { name: "Lachin", area: true, demonym: false, within: None, placed: false },
    /// ], &[]);
    /// assert_eq!(places[1].unwrap().country, "AZ");
    /// ```
    pub fn resolve(&self, mentions: &[Mention<'_>], countries: &[&str]) -> Vec<Option<Place<'g>>> {
        // Each name folded once; the mentions borrow their keys.
        let mut folded: HashMap<&str, usize> = HashMap::new();
        let mut names: Vec<String> = Vec::new();
        let key_of: Vec<usize> = mentions
            .iter()
            .map(|m| {
                *folded.entry(m.name).or_insert_with(|| {
                    names.push(fold(m.name));
                    names.len() - 1
                })
            })
            .collect();
        drop(folded);
        let keys: Vec<&str> = key_of.into_iter().map(|i| names[i].as_str()).collect();
        // The candidates of a name, looked up once per name: a long text
        // names its places thousands of times, and a list per mention of
        // a name with dozens of senses ("Paris", "Berlin") cost gigabytes.
        let mut looked_up: HashMap<(&str, bool), usize> = HashMap::new();
        let mut lists: Vec<Vec<Place<'g>>> = Vec::new();
        let which: Vec<usize> = mentions
            .iter()
            .zip(&keys)
            .map(|(m, key)| {
                *looked_up.entry((m.name, m.demonym)).or_insert_with(|| {
                    lists.push(self.candidates(m, key));
                    lists.len() - 1
                })
            })
            .collect();
        drop(looked_up);
        let candidates: Vec<&[Place<'g>]> = which.iter().map(|&i| lists[i].as_slice()).collect();
        // Each round resolves every mention in the light of where the others
        // landed in the round before: "Georgia" beside "Atlanta" is the state.
        let given: HashSet<&str> = countries.iter().copied().collect();
        // A mention's pick depends only on its candidates (its name), its
        // container, whether it is an area and its name's context: each
        // such choice is made once, not once per mention (a long text
        // names its places thousands of times).
        let nothing = Context::default();
        let nothing = nothing.without(std::iter::empty(), std::iter::empty());
        let mut picked: HashMap<(usize, bool, Option<u32>), Option<Place<'g>>> = HashMap::new();
        let mut chosen: Vec<Option<Place<'g>>> = mentions
            .iter()
            .enumerate()
            .map(|(i, m)| {
                *picked
                    .entry((which[i], m.area, None))
                    .or_insert_with(|| pick(candidates[i], m, None, &nothing))
            })
            .collect();
        for _ in 0..2 {
            // Which choices are sure enough to vote: a flag per mention
            // rather than a copy of its place.
            let confident: Vec<bool> = chosen
                .iter()
                .zip(&candidates)
                .map(|(c, found)| c.is_some_and(|p| is_confident(&p, found)))
                .collect();
            let votes = |j: usize| chosen[j].filter(|_| confident[j]);
            // A name whose every candidate lies in one country ("Laurens
            // County") tells the country even when the place is unsure.
            let countries_only: Vec<&'g str> = candidates
                .iter()
                .filter_map(|found| {
                    let first = found.first()?;
                    (!first.country.is_empty() && found.iter().all(|p| p.country == first.country))
                        .then_some(first.country)
                })
                .collect();
            let mut context = Context::of((0..chosen.len()).filter_map(votes), &given);
            for country in countries_only {
                *context.countries.entry(country).or_default() += 1;
            }
            context.home = home_area(&candidates);
            // Every place of the last round counts for nearness: the
            // small towns of a local story lie together.
            // Each place once, however often it is named: nearness asks
            // whether any is near, and a long text names its places
            // thousands of times.
            let mut seen = HashSet::new();
            context.placed = chosen.iter().flatten().filter(|p| seen.insert(p.at)).map(Point::of).collect();
            context.sort_placed();
            // Neither a mention nor the others of its name vote for it:
            // fourteen "Dublin"s are no evidence for Ireland.
            let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
            for (i, key) in keys.iter().enumerate() {
                by_name.entry(*key).or_default().push(i);
            }
            let contexts: HashMap<&str, Seen<'_, '_>> = by_name
                .iter()
                .map(|(key, same_name)| {
                    let own = context.without(
                        same_name.iter().filter_map(|&j| votes(j)),
                        same_name.iter().filter_map(|&j| chosen[j]),
                    );
                    (*key, own)
                })
                .collect();
            picked.clear();
            chosen = mentions
                .iter()
                .enumerate()
                .map(|(i, m)| {
                    let container = m.within.and_then(|w| chosen.get(w).copied().flatten());
                    *picked
                        .entry((which[i], m.area, container.map(|c| c.at)))
                        .or_insert_with(|| pick(candidates[i], m, container, &contexts[keys[i]]))
                })
                .collect();
        }
        settle(mentions, &keys, &mut chosen);
        drop_strays(mentions, &keys, &given, &mut chosen);
        chosen
    }

    /// The places a mention may name: they depend on its name and whether
    /// it is a demonym, nothing else.
    fn candidates(&self, mention: &Mention<'_>, key: &str) -> Vec<Place<'g>> {
        // "Ga." is Georgia, the state, and nothing else.
        let abbreviated: Vec<Place<'g>> = self.gazetteer.lookup_abbreviation(mention.name).collect();
        if mention.name.ends_with('.') && !abbreviated.is_empty() {
            return abbreviated;
        }
        let all: Vec<Place<'g>> = self.gazetteer.lookup_key(key).collect();
        // "Georgian" is of the country, not the state.
        let wide = |p: &Place<'g>| matches!(p.kind, PlaceKind::Country | PlaceKind::Region);
        if mention.demonym && all.iter().any(wide) {
            all.into_iter().filter(wide).collect()
        } else {
            all
        }
    }
}

/// One place per name in a story: "Parkland, Florida" settles every later
/// "Parkland" (unless the text calls one a region).
fn settle<'g>(mentions: &[Mention<'_>], keys: &[&str], chosen: &mut [Option<Place<'g>>]) {
    let mut settled: HashMap<&str, Place<'g>> = mentions
        .iter()
        .zip(keys)
        .zip(chosen.iter())
        .filter(|((m, _), _)| m.within.is_some())
        .filter_map(|((_, key), place)| Some((*key, (*place)?)))
        .collect();
    // "OLYMPIA, Wash.": the state of the dateline is the "Washington" of
    // the story.
    let folded: Vec<(String, Place<'g>)> = mentions
        .iter()
        .zip(chosen.iter())
        .filter(|(m, _)| m.name.ends_with('.'))
        .filter_map(|(_, place)| (*place).filter(|p| p.kind == PlaceKind::Admin1).map(|p| (fold(p.name), p)))
        .collect();
    for (name, place) in &folded {
        settled.insert(name.as_str(), *place);
    }
    for ((m, key), place) in mentions.iter().zip(keys).zip(chosen.iter_mut()) {
        if let (None, false, Some(settled)) = (m.within, m.area, settled.get(key)) {
            if place.is_some() {
                *place = Some(*settled);
            }
        }
    }
}

/// A town smaller than this, named by one word, needs company.
const STRAY_POPULATION: u64 = 100_000;

/// How near another place of the story must lie to keep such a town company.
const STRAY_KM: f64 = 500.0;

/// "Stonewall", "Pioneer", "Obama", "Eva's Village": a one-word name whose
/// sense is a small town or a county far from the story's surer places,
/// in a country none of them lies in, is a word of something else (a bar,
/// a golf club, a person), not that town. A preposition of place ("in
/// Saipan"), a container ("Dublin, Ga.") or a story with no other setting
/// keeps it; in a story of small towns only, they keep each other.
fn drop_strays(
    mentions: &[Mention<'_>],
    keys: &[&str],
    given: &HashSet<&str>,
    chosen: &mut [Option<Place<'_>>],
) {
    // A lone small town by one word, before asking what keeps it company.
    let suspect: Vec<bool> = mentions
        .iter()
        .zip(chosen.iter())
        .map(|(m, place)| {
            place.is_some_and(|town| {
                !m.name.contains([' ', '-'])
                    && !m.placed
                    && !m.area
                    && !m.demonym
                    && m.within.is_none()
                    && matches!(town.kind, PlaceKind::City | PlaceKind::Admin2)
                    && town.population < STRAY_POPULATION
                    && !given.contains(town.country)
            })
        })
        .collect();
    // Company is kept by places beyond suspicion: "Rue" and "Chartres" in
    // a story on New Orleans streets do not vouch for each other.
    // Each (name, place) once: a long text repeats its names thousands of
    // times, and asking each mention about every other would cost their
    // square.
    let mut seen = HashSet::new();
    let sure: Vec<(&str, Place<'_>)> = keys
        .iter()
        .zip(chosen.iter())
        .zip(&suspect)
        .filter(|(_, suspect)| !**suspect)
        .filter_map(|((key, place), _)| Some((*key, (*place)?)))
        .filter(|(key, place)| seen.insert((*key, place.at)))
        .collect();
    // Only places named as places set a story: "Armenian troops left
    // Kalbajar" is set in Kalbajar.
    let settings: HashSet<&str> = mentions
        .iter()
        .zip(keys)
        .zip(chosen.iter())
        .filter(|((m, _), place)| place.is_some() && !m.demonym)
        .map(|((_, key), _)| *key)
        .collect();
    // With nothing beyond suspicion (a local story of small towns), the
    // suspects keep each other company.
    let mut seen = HashSet::new();
    let all: Vec<(&str, Place<'_>)> = keys
        .iter()
        .zip(chosen.iter())
        .filter_map(|(key, place)| Some((*key, (*place)?)))
        .filter(|(key, place)| seen.insert((*key, place.at)))
        .collect();
    // Whether a town named so keeps company, worked out once per name and
    // place.
    let mut company: HashMap<(&str, u32), bool> = HashMap::new();
    for ((key, place), suspect) in keys.iter().zip(chosen.iter_mut()).zip(&suspect) {
        let Some(town) = *place else { continue };
        if !*suspect {
            continue;
        }
        let keeps_company = *company.entry((*key, town.at)).or_insert_with(|| {
            let witnesses = if sure.iter().any(|(other, _)| other != key) { &sure } else { &all };
            witnesses
                .iter()
                .filter(|(other, _)| other != key)
                .any(|(_, p)| p.country == town.country || km_between(p, &town) <= STRAY_KM)
        });
        if !keeps_company && settings.iter().any(|n| n != key) {
            *place = None;
        }
    }
}

/// Local news names its neighbourhood: "Dublin", "Laurens County" and
/// "East Dublin" can all lie in one state, and that state is the story's
/// home. The area holding candidates of the most distinct names wins when
/// it covers at least three names and a third more than any other.
fn home_area<'g>(candidates: &[&[Place<'g>]]) -> Option<(&'g str, &'g str)> {
    let mut coverage: HashMap<(&str, &str), usize> = HashMap::new();
    for found in candidates {
        let mut areas: Vec<(&str, &str)> = found
            .iter()
            .filter(|p| !matches!(p.kind, PlaceKind::Country | PlaceKind::Region) && !p.admin1.is_empty())
            .map(|p| (p.country, p.admin1))
            .collect();
        areas.sort();
        areas.dedup();
        for area in areas {
            *coverage.entry(area).or_default() += 1;
        }
    }
    let mut ranked: Vec<((&str, &str), usize)> = coverage.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let (best, n) = *ranked.first()?;
    let runner_up = ranked.get(1).map_or(0, |r| r.1);
    (n >= 3 && n as f64 >= 1.3 * runner_up as f64).then_some(best)
}

/// A choice sure enough to vote on the others: a country, a state or
/// region, or a city much bigger than any other of its name.
fn is_confident(place: &Place<'_>, found: &[Place<'_>]) -> bool {
    match place.kind {
        PlaceKind::Country | PlaceKind::Region | PlaceKind::Admin1 => true,
        _ => {
            let second = found.iter().filter(|p| p.id != place.id).map(|p| p.population).max().unwrap_or(0);
            place.population >= 100_000 && place.population >= second.saturating_mul(10)
        }
    }
}

/// Where the places of a document lie: countries and first-level areas,
/// with how many mentions fall in each.
#[derive(Default)]
struct Context<'g> {
    countries: HashMap<&'g str, usize>,
    areas: HashMap<(&'g str, &'g str), usize>,
    /// The state or province most of the document's ambiguous names could
    /// lie in together, when one stands out.
    home: Option<(&'g str, &'g str)>,
    /// The places chosen so far, for nearness.
    placed: Vec<Point>,
}

/// Where a chosen place lies: all that nearness asks, and cheap to copy
/// into every mention's context.
#[derive(Clone, Copy)]
struct Point {
    /// The place's position in the gazetteer, which tells it from others.
    at: u32,
    lat: f32,
    lon: f32,
}

impl Point {
    fn of(place: &Place<'_>) -> Point {
        Point { at: place.at, lat: place.lat, lon: place.lon }
    }
}

impl<'g> Context<'g> {
    fn of(votes: impl Iterator<Item = Place<'g>>, given: &HashSet<&'g str>) -> Context<'g> {
        let mut context = Context::default();
        for country in given {
            *context.countries.entry(country).or_default() += 2;
        }
        for place in votes {
            context.add(place, 1);
        }
        context
    }

    /// Orders the placed points by latitude, so that nearness looks only
    /// at a band of them. A point of no finite latitude is near nothing
    /// and is left out.
    fn sort_placed(&mut self) {
        self.placed.retain(|p| p.lat.is_finite());
        self.placed.sort_by(|a, b| a.lat.total_cmp(&b.lat));
    }

    fn add(&mut self, place: Place<'g>, n: usize) {
        if place.country.is_empty() {
            return;
        }
        *self.countries.entry(place.country).or_default() += n;
        if place.kind != PlaceKind::Country && !place.admin1.is_empty() {
            *self.areas.entry((place.country, place.admin1)).or_default() += n;
        }
    }

    /// The context as the other mentions see it: one's own choices must
    /// not vote for themselves.
    fn without<'a>(
        &self,
        own_votes: impl Iterator<Item = Place<'g>>,
        own_places: impl Iterator<Item = Place<'a>>,
    ) -> Seen<'_, 'g> {
        let mut seen =
            Seen { all: self, countries: HashMap::new(), areas: HashMap::new(), places: HashSet::new() };
        seen.places.extend(own_places.map(|place| place.at));
        for place in own_votes {
            *seen.countries.entry(place.country).or_default() += 1;
            *seen.areas.entry((place.country, place.admin1)).or_default() += 1;
        }
        seen
    }
}

/// A [`Context`] as the mentions of one name see it: the document's, less
/// their own votes and places. A view rather than a copy: a long text
/// names thousands of places, and a copy of them for each of its names
/// cost their square in time and memory.
struct Seen<'c, 'g> {
    all: &'c Context<'g>,
    /// The own votes in each country and area, taken off the counts.
    countries: HashMap<&'g str, usize>,
    areas: HashMap<(&'g str, &'g str), usize>,
    /// The own places, which count for no nearness.
    places: HashSet<u32>,
}

impl<'g> Seen<'_, 'g> {
    /// How many votes a country has (none below zero).
    fn country(&self, country: &str) -> usize {
        let own = self.countries.get(country).copied().unwrap_or(0);
        self.all.countries.get(country).map_or(0, |n| n.saturating_sub(own))
    }

    /// Whether an area has votes left.
    fn has_area(&self, area: (&str, &str)) -> bool {
        let own = self.areas.get(&area).copied().unwrap_or(0);
        self.all.areas.get(&area).is_some_and(|n| n.saturating_sub(own) > 0)
    }

    /// Every country with votes left.
    fn countries(&self) -> impl Iterator<Item = &'g str> + '_ {
        self.all.countries.keys().copied().filter(|c| self.country(c) > 0)
    }

    /// Whether a place lies near another place of the document: "Georgia"
    /// beside Armenia and Azerbaijan is the country, "Paris" beside
    /// "Henry County" and "Lone Oak" the town in Tennessee.
    fn is_near(&self, place: &Place<'_>) -> bool {
        // A degree of latitude is 111 km: most places fail this cheap test.
        let max_degrees = (NEAR_KM / 111.0) as f32;
        // The points are sorted by latitude: only a band of them (with a
        // degree to spare for rounding) can pass the test.
        let placed = &self.all.placed;
        let from = placed.partition_point(|p| p.lat < place.lat - max_degrees - 1.0);
        let widest = widest_longitudes(place.lat, max_degrees);
        placed[from..].iter().take_while(|p| p.lat <= place.lat + max_degrees + 1.0).any(|p| {
            p.at != place.at
                && (p.lat - place.lat).abs() < max_degrees
                && degrees_apart(p.lon, place.lon) <= widest
                && !self.places.contains(&p.at)
                && distance_km(f64::from(p.lat), f64::from(p.lon), f64::from(place.lat), f64::from(place.lon))
                    < NEAR_KM
        })
    }
}

/// The most degrees of longitude two places can lie apart and still be
/// nearer than [`NEAR_KM`], the one at latitude `lat`, the other less than
/// `max_degrees` of latitude from it (a little more, to be safe; 180 where
/// the poles are too near to tell). By the haversine formula that
/// [`distance_km`] computes, the distance is less than `NEAR_KM` only when
/// cos φ1 · cos φ2 · sin²(Δλ/2) < sin²(NEAR_KM / 2R): a test on the
/// longitudes spares the sines of most points a latitude lets through.
fn widest_longitudes(lat: f32, max_degrees: f32) -> f64 {
    let nearest_pole = f64::from(lat).abs() + f64::from(max_degrees) + 0.01;
    if nearest_pole.is_nan() || nearest_pole >= 89.0 {
        return 180.0;
    }
    // The smallest cos φ1 · cos φ2 in the band, and the haversine bound
    // with 5% to spare for rounding.
    let cosines = f64::from(lat).to_radians().cos() * nearest_pole.to_radians().cos();
    let bound = (NEAR_KM / (2.0 * 6371.0)).sin() * 1.05;
    let sine = bound / cosines.sqrt();
    if sine >= 1.0 {
        return 180.0;
    }
    (2.0 * sine.asin()).to_degrees() * 1.01 + 0.01
}

/// How many degrees of longitude apart two places lie, the shorter way
/// round (0 to 180).
fn degrees_apart(a: f32, b: f32) -> f64 {
    let apart = (f64::from(a) - f64::from(b)).abs() % 360.0;
    apart.min(360.0 - apart)
}

// The weights of the evidence, on the scale of the natural log of the
// population that starts every candidate's score (chosen on LGL and
// GeoWebNews as a whole, not for any one story).
/// Places closer than this to another place of the story are near it.
const NEAR_KM: f64 = 200.0;
/// Being near another place of the story.
const NEAR_BONUS: f64 = 2.5;
/// What every county starts with in place of a population.
const COUNTY_WEIGHT: f64 = 9.0;
/// Lying in a country the story names.
const COUNTRY_BONUS: f64 = 5.0;
/// Lying in the state most of the story's ambiguous names share.
const HOME_BONUS: f64 = 5.0;

/// The best candidate for a mention in its context.
fn pick<'g>(
    found: &[Place<'g>],
    mention: &Mention<'_>,
    container: Option<Place<'_>>,
    context: &Seen<'_, '_>,
) -> Option<Place<'g>> {
    let key = fold(mention.name);
    let score = |place: &Place<'_>| -> f64 {
        // A county's population is not known (the gazetteer lends it its
        // namesake town's, when it has one): all counties start equal.
        let mut score = match place.kind {
            PlaceKind::Admin2 => COUNTY_WEIGHT,
            _ => (1.0 + place.population as f64).ln(),
        };
        score += match place.kind {
            PlaceKind::Country | PlaceKind::Region => 8.0,
            PlaceKind::Admin1 if mention.area => 8.0,
            PlaceKind::Admin1 => 1.0,
            PlaceKind::Admin2 if mention.area => 6.0,
            PlaceKind::Admin2 => -1.0,
            PlaceKind::City => 0.0,
        };
        if context.country(place.country) > 0 {
            score += COUNTRY_BONUS;
        }
        if context.has_area((place.country, place.admin1)) {
            score += 4.0;
        }
        if context.is_near(place) {
            score += NEAR_BONUS;
        }
        if context.all.home == Some((place.country, place.admin1)) && place.kind != PlaceKind::Country {
            score += HOME_BONUS;
        }
        // "Dublin, Ga.": the place named right after contains this one.
        if let Some(container) = container {
            let inside = match container.kind {
                PlaceKind::Country => place.country == container.country,
                PlaceKind::Admin1 | PlaceKind::Admin2 => {
                    place.country == container.country && place.admin1 == container.admin1
                }
                _ => false,
            };
            if inside {
                score += 10.0;
            }
        }
        // A place's own name counts for more than one of its other names
        // ("Venice" is the Italian city before an alias of Dayton).
        // "New York" is New York City as much as the state.
        let own_name = fold(place.name);
        if own_name == key || (place.kind == PlaceKind::City && own_name.strip_suffix(" city") == Some(&key))
        {
            score += 3.0;
        }
        // "Washington" in the news is the capital before the state, unless
        // the document is about another country ("Paris" beside "Dallas").
        if place.capital {
            // ... but only a namesake in that other country can take its
            // place: "Washington" in a story on the Caribbean is the capital.
            let elsewhere =
                context.countries().any(|c| c != place.country && found.iter().any(|p| p.country == c));
            let here = context.country(place.country) > 0;
            score += if elsewhere && !here { 1.0 } else { 5.0 };
        }
        // "Yerevan" is the city, not the province named after it, unless
        // the text says "region".
        let has_namesake_town = || {
            found
                .iter()
                .any(|p| p.kind == PlaceKind::City && p.country == place.country && p.admin1 == place.admin1)
        };
        if matches!(place.kind, PlaceKind::Admin1 | PlaceKind::Admin2) && !mention.area && has_namesake_town()
        {
            score -= 4.0;
        }
        score
    };
    // Each candidate scored once, not once per comparison: scoring folds
    // the candidate's name.
    found
        .iter()
        .map(|place| (score(place), place))
        .max_by(|(a_score, a), (b_score, b)| a_score.total_cmp(b_score).then_with(|| b.id.cmp(&a.id)))
        .map(|(_, place)| *place)
}

/// Where each chosen place lies. The gazetteer knows no town of a county
/// (GeoNames gives none), so a county is put among the towns the same
/// document names in its state, which local news writes about together;
/// every other place keeps its own point.
///
/// ```
/// use dateline_geo::{Gazetteer, Resolver};
/// use dateline_geo::resolve::{points, Mention};
/// let resolver = Resolver::new(Gazetteer::embedded());
/// let chosen = resolver.resolve(&[
///     Mention { name: "Walker County", area: true, demonym: false, within: None, placed: false },
///     Mention { name: "LaFayette", area: false, demonym: false, within: Some(2), placed: false },
///     Mention { name: "Ga.", area: false, demonym: false, within: None, placed: false },
///     Mention { name: "Chickamauga", area: false, demonym: false, within: None, placed: false },
///     Mention { name: "Rossville", area: false, demonym: false, within: None, placed: false },
/// ], &["US"]);
/// assert_eq!(chosen[0].unwrap().admin1, "GA");
/// let (lat, lon) = points(&chosen)[0].unwrap();
/// assert!((lat - 34.7).abs() < 0.5 && (lon + 85.3).abs() < 0.5, "{lat} {lon}");
/// ```
pub fn points(chosen: &[Option<Place<'_>>]) -> Vec<Option<(f32, f32)>> {
    // The middle of the towns of each state, worked out once per state: a
    // long text names its counties thousands of times.
    let mut middles: HashMap<(&str, &str), Option<(f32, f32)>> = HashMap::new();
    chosen
        .iter()
        .map(|place| {
            let place = (*place)?;
            if !place.approximate {
                return Some((place.lat, place.lon));
            }
            let middle = *middles
                .entry((place.country, place.admin1))
                .or_insert_with(|| middle_of_towns(chosen, place.country, place.admin1));
            Some(middle.unwrap_or((place.lat, place.lon)))
        })
        .collect()
}

/// The median latitude and longitude of the towns chosen in a state; None
/// when there are none.
fn middle_of_towns(chosen: &[Option<Place<'_>>], country: &str, admin1: &str) -> Option<(f32, f32)> {
    let towns: Vec<Place<'_>> = chosen
        .iter()
        .flatten()
        .filter(|p| p.kind == PlaceKind::City && p.country == country && p.admin1 == admin1)
        .copied()
        .collect();
    if towns.is_empty() {
        return None;
    }
    let median = |mut values: Vec<f32>| {
        values.sort_by(f32::total_cmp);
        values[values.len() / 2]
    };
    Some((median(towns.iter().map(|p| p.lat).collect()), median(towns.iter().map(|p| p.lon).collect())))
}

/// The distance between two places of the gazetteer, in kilometres.
fn km_between(a: &Place<'_>, b: &Place<'_>) -> f64 {
    distance_km(f64::from(a.lat), f64::from(a.lon), f64::from(b.lat), f64::from(b.lon))
}

/// The names a place filter matches, and the areas whose places it takes
/// in: "Azerbaijan" is the country (AZ) and everything in it; "Texas" the
/// state (US, TX); "Baku" only itself.
///
/// ```
/// use dateline_geo::{area_of, Gazetteer};
/// let (names, within) = area_of(Gazetteer::embedded(), "Azerbaijan");
/// assert!(names.contains(&"Azerbaijan".to_string()));
/// assert_eq!(within, [("AZ".to_string(), String::new())]);
/// ```
pub fn area_of(gazetteer: &Gazetteer, name: &str) -> (Vec<String>, Vec<(String, String)>) {
    let mention = Mention { name, area: false, demonym: false, within: None, placed: false };
    let best = Resolver::new(gazetteer).resolve(&[mention], &[]).into_iter().next().flatten();
    let mut names = vec![name.to_string()];
    let mut within = Vec::new();
    if let Some(place) = best {
        if place.name != name {
            names.push(place.name.to_string());
        }
        match place.kind {
            PlaceKind::Country => within.push((place.country.to_string(), String::new())),
            PlaceKind::Admin1 => within.push((place.country.to_string(), place.admin1.to_string())),
            _ => {}
        }
    }
    (names, within)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longitude_test_keeps_every_near_pair() {
        let max_degrees = (NEAR_KM / 111.0) as f32;
        // Pairs from the equator to the poles, up to a little more than
        // the widest apart in longitude, either way round.
        for lat in (-90..=90).map(|degrees| degrees as f32) {
            let widest = widest_longitudes(lat, max_degrees);
            for apart in [-1.79f32, -1.2, -0.6, 0.0, 0.6, 1.2, 1.79] {
                let other = (lat + apart).clamp(-90.0, 90.0);
                for step in 0..=400 {
                    let offset = (widest.min(178.0) * 1.2 + 1.0) * f64::from(step) / 400.0;
                    // Near the date line too, where longitudes wrap round.
                    for (base, lon) in [(10.0, 10.0 + offset), (10.0, 10.0 - offset), (179.9, offset - 180.1)]
                    {
                        let (base, lon) = (base as f32, lon as f32);
                        let (lat, other) = (f64::from(lat), f64::from(other));
                        if distance_km(lat, f64::from(base), other, f64::from(lon)) < NEAR_KM {
                            assert!(degrees_apart(base, lon) <= widest, "{lat} {other} {base} {lon}");
                        }
                    }
                }
            }
        }
    }
}
