use crate::names::names;
use serde::{Deserialize, Serialize};

/// A named entity: a place, a person or an organisation.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entity {
    /// First character of the mention (inclusive).
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// Place, person or organisation.
    pub kind: EntityKind,
    /// How a place is mentioned: by name, by its people's adjective, or
    /// standing for its government.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<PlaceRole>,
    /// The canonical name: the gazetteer name of a place, the full name of
    /// a person mentioned before by surname.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// GeoNames id of a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geonameid: Option<u32>,
    /// Latitude of a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lat: Option<f64>,
    /// Longitude of a place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lon: Option<f64>,
    /// ISO 3166 code of a place's country.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// GeoNames admin1 code of a place (its state or province).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub admin1: Option<String>,
}

impl Entity {
    /// An entity known only by where it stands, what it says and its
    /// kind: no canonical name, role or place data.
    pub fn bare(start: usize, end: usize, text: String, kind: EntityKind) -> Entity {
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
}

/// Whether a stretch of text lies over any of some entities in text order
/// (sorted by start), answered by halving rather than a scan of all of
/// them: the furthest end among those starting before a point tells.
#[derive(Clone, Debug)]
pub struct Covered<'e> {
    entities: &'e [Entity],
    furthest_end: Vec<usize>,
}

impl<'e> Covered<'e> {
    /// The entities, sorted by start.
    pub fn new(entities: &'e [Entity]) -> Covered<'e> {
        debug_assert!(entities.windows(2).all(|pair| pair[0].start <= pair[1].start), "entities in order");
        let furthest_end = entities
            .iter()
            .scan(0, |furthest, e| {
                *furthest = e.end.max(*furthest);
                Some(*furthest)
            })
            .collect();
        Covered { entities, furthest_end }
    }

    /// Whether `start..end` overlaps one of the entities.
    ///
    /// ```
    /// use dateline_core::{Covered, Entity, EntityKind};
    /// let names = [Entity::bare(0, 10, "Boeing Co.".into(), EntityKind::Organization)];
    /// assert!(Covered::new(&names).overlaps(7, 12));
    /// assert!(!Covered::new(&names).overlaps(10, 14));
    /// ```
    pub fn overlaps(&self, start: usize, end: usize) -> bool {
        let before = self.entities.partition_point(|e| e.start < end);
        before > 0 && self.furthest_end[before - 1] > start
    }
}

/// The kinds of entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A place on the map.
    Place,
    /// A person.
    Person,
    /// An organisation, an institution, a government.
    Organization,
    /// A made thing known by its model: "the A380", "the 787 Dreamliner".
    Product,
}

names!(EntityKind, "an entity kind", {
    Place => "place",
    Person => "person",
    Organization => "organization",
    Product => "product",
});

/// How a place is mentioned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PlaceRole {
    /// By its name, as a place: "troops entered Aghdam".
    Literal,
    /// By the adjective of its people: "Armenian troops".
    Demonym,
    /// Standing for its government or people: "Yerevan decided".
    Metonym,
}

names!(PlaceRole, "a place role", {
    Literal => "literal",
    Demonym => "demonym",
    Metonym => "metonym",
});
