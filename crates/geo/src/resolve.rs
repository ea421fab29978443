//! Place resolution: which of the places a name may refer to is meant,
//! given the other places of the same document.

use crate::{fold, Gazetteer, Place, PlaceKind};
use std::collections::HashSet;

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
}

impl<'g> Resolver<'g> {
    /// A resolver over a gazetteer.
    pub fn new(gazetteer: &'g Gazetteer) -> Self {
        Resolver { gazetteer }
    }

    /// Resolves every mention; `countries` are ISO codes the document is
    /// known to be about (from demonyms, say). None where no place has the
    /// name.
    ///
    /// ```
    /// use dateline_geo::{Gazetteer, Resolver};
    /// use dateline_geo::resolve::Mention;
    /// let resolver = Resolver::new(Gazetteer::embedded());
    /// let places = resolver.resolve(&[
    ///     Mention { name: "Azerbaijan", area: false },
    ///     Mention { name: "Lachin", area: true },
    /// ], &[]);
    /// assert_eq!(places[1].unwrap().country, "AZ");
    /// ```
    pub fn resolve(&self, mentions: &[Mention<'_>], countries: &[&str]) -> Vec<Option<&'g Place>> {
        let keys: Vec<String> = mentions.iter().map(|m| fold(m.name)).collect();
        let candidates: Vec<Vec<&'g Place>> =
            keys.iter().map(|k| self.gazetteer.lookup_key(k).collect()).collect();
        // First pass: what the document is evidently about.
        let mut context_countries: HashSet<&str> = countries.iter().copied().collect();
        let mut context_areas: HashSet<(&str, &str)> = HashSet::new();
        for (mention, found) in mentions.iter().zip(&candidates) {
            let best = pick(found, mention, &keys, &HashSet::new(), &HashSet::new());
            let Some(best) = best else { continue };
            let dominant = match best.kind {
                PlaceKind::Country | PlaceKind::Region => true,
                PlaceKind::Admin1 => true,
                _ => {
                    let second =
                        found.iter().filter(|p| p.id != best.id).map(|p| p.population).max().unwrap_or(0);
                    best.population >= 100_000 && best.population >= second.saturating_mul(10)
                }
            };
            if dominant && !best.country.is_empty() {
                context_countries.insert(&best.country);
                if best.kind != PlaceKind::Country && !best.admin1.is_empty() {
                    context_areas.insert((&best.country, &best.admin1));
                }
            }
        }
        mentions
            .iter()
            .zip(&candidates)
            .map(|(mention, found)| pick(found, mention, &keys, &context_countries, &context_areas))
            .collect()
    }
}

/// The best candidate for a mention in its context.
fn pick<'g>(
    found: &[&'g Place],
    mention: &Mention<'_>,
    keys: &[String],
    countries: &HashSet<&str>,
    areas: &HashSet<(&str, &str)>,
) -> Option<&'g Place> {
    let key = fold(mention.name);
    let score = |place: &Place| -> f64 {
        let mut score = (1.0 + place.population as f64).ln();
        score += match place.kind {
            PlaceKind::Country => 8.0,
            PlaceKind::Region => 8.0,
            PlaceKind::Admin1 if mention.area => 8.0,
            PlaceKind::Admin1 => 1.0,
            PlaceKind::Admin2 if mention.area => 6.0,
            PlaceKind::Admin2 => -1.0,
            PlaceKind::City => 0.0,
        };
        if countries.contains(place.country.as_str()) {
            score += 6.0;
        }
        if areas.contains(&(place.country.as_str(), place.admin1.as_str())) {
            score += 4.0;
        }
        if fold(&place.name) == key {
            score += 1.0;
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
        // A place named after another mention of the document ("Georgia"
        // beside "Atlanta") is likelier the one in that company.
        if place.kind == PlaceKind::City && keys.iter().filter(|k| **k == key).count() > 1 {
            score += 0.5;
        }
        score
    };
    found.iter().copied().max_by(|a, b| score(a).total_cmp(&score(b)).then_with(|| b.id.cmp(&a.id)))
}

/// Great-circle distance in kilometres.
///
/// ```
/// use dateline_geo::distance_km;
/// let baku_to_yerevan = distance_km(40.3777, 49.892, 40.1777, 44.5126);
/// assert!((baku_to_yerevan - 456.0).abs() < 10.0);
/// ```
pub fn distance_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * a.sqrt().asin()
}
