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
