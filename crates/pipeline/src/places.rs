//! Place filters: a place name as a reader types it, resolved against the
//! gazetteer to the area it names.

/// The places a filter on one place name takes in.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PlaceFilter {
    /// Names the place goes by: as given, and its gazetteer name.
    pub names: Vec<String>,
    /// (country, admin1) areas whose places count as inside; an empty
    /// admin1 takes the whole country.
    pub within: Vec<(String, String)>,
}

/// A filter on `name`: the name, and the area it names when the gazetteer
/// knows it as a country or a state ("Azerbaijan" takes in Baku).
///
/// ```
/// let filter = dateline_pipeline::place_filter("Azerbaijan");
/// assert_eq!(filter.within, [("AZ".to_string(), String::new())]);
/// ```
pub fn place_filter(name: &str) -> PlaceFilter {
    let (names, within) = dateline_geo::area_of(dateline_geo::Gazetteer::embedded(), name);
    PlaceFilter { names, within }
}
