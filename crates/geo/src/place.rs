/// What kind of place an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A sovereign country or dependent territory.
    Country,
    /// A first-level division: state, province, region, rayon.
    Admin1,
    /// A second-level division: county, district, parish.
    Admin2,
    /// A city, town or village.
    City,
    /// A named region without administrative status (curated).
    Region,
}

impl PlaceKind {
    /// The one-letter code used in the gazetteer file.
    pub fn code(self) -> char {
        match self {
            PlaceKind::Country => 'C',
            PlaceKind::Admin1 => 'A',
            PlaceKind::Admin2 => 'B',
            PlaceKind::City => 'P',
            PlaceKind::Region => 'R',
        }
    }

    /// The kind a one-letter code stands for.
    pub(crate) fn from_code(code: &str) -> Option<PlaceKind> {
        match code.as_bytes() {
            [byte] => PlaceKind::from_byte(*byte),
            _ => None,
        }
    }

    /// The kind stored as a byte in the packed gazetteer (its code).
    pub(crate) fn from_byte(byte: u8) -> Option<PlaceKind> {
        match byte {
            b'C' => Some(PlaceKind::Country),
            b'A' => Some(PlaceKind::Admin1),
            b'B' => Some(PlaceKind::Admin2),
            b'P' => Some(PlaceKind::City),
            b'R' => Some(PlaceKind::Region),
            _ => None,
        }
    }
}

/// One gazetteer entry, read in place from the packed gazetteer: a copy
/// costs a few words, and its names borrow from the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Place<'g> {
    /// GeoNames id; None for curated regions.
    pub id: Option<u32>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Its name as GeoNames writes it.
    pub name: &'g str,
    /// ISO 3166 country code; empty for regions spanning countries.
    pub country: &'g str,
    /// GeoNames admin1 code within the country; empty when unknown.
    pub admin1: &'g str,
    /// Latitude in degrees.
    pub lat: f32,
    /// Longitude in degrees.
    pub lon: f32,
    /// Population (for divisions and countries, of the whole area).
    pub population: u64,
    /// Whether it is the capital of its country.
    pub capital: bool,
    /// Whether its point is a guess: GeoNames gives counties no point, so
    /// one is placed at its namesake town or in the middle of its state.
    pub approximate: bool,
    /// Its position in the gazetteer: what makes two views the same place
    /// (two towns may agree in every other field).
    pub(crate) at: u32,
}
