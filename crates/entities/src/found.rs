//! What one document has found so far: the mentions of people,
//! organisations and places before resolution.

use dateline_core::PlaceRole;
use std::collections::HashMap;

/// What the words around a name say it is.
pub(crate) enum Cue {
    Person,
    Firm,
}

/// A place mention before resolution.
pub(crate) struct PlaceMention {
    pub(crate) first: usize,
    pub(crate) last: usize,
    pub(crate) role: PlaceRole,
    /// The name to look up (for a demonym, its country or region).
    pub(crate) lookup: String,
    pub(crate) area: bool,
}

/// What one document has found so far.
#[derive(Default)]
pub(crate) struct Found {
    pub(crate) people: Vec<(usize, usize, String)>,
    pub(crate) orgs: Vec<(usize, usize, Option<PlaceRole>)>,
    pub(crate) places: Vec<PlaceMention>,
    /// Surnames and full names seen, to the full name.
    pub(crate) known_people: HashMap<String, String>,
    /// Words before this index belong to a longer name that is no place
    /// ("Woodman Point"): a small town named by one of them is not meant.
    pub(crate) inside_name_until: usize,
}
