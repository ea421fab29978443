use crate::error::Error;
use crate::fold;
use flate2::read::GzDecoder;
use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

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

    fn from_code(c: &str) -> Option<PlaceKind> {
        Some(match c {
            "C" => PlaceKind::Country,
            "A" => PlaceKind::Admin1,
            "B" => PlaceKind::Admin2,
            "P" => PlaceKind::City,
            "R" => PlaceKind::Region,
            _ => return None,
        })
    }
}

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// GeoNames id; None for curated regions.
    pub id: Option<u32>,
    /// What kind of place it is.
    pub kind: PlaceKind,
    /// Its name as GeoNames writes it.
    pub name: String,
    /// ISO 3166 country code; empty for regions spanning countries.
    pub country: String,
    /// GeoNames admin1 code within the country; empty when unknown.
    pub admin1: String,
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
}

/// The gazetteer: places and an index from name keys to them.
pub struct Gazetteer {
    places: Vec<Place>,
    index: HashMap<String, Vec<u32>>,
    countries: HashMap<String, u32>,
}

static EMBEDDED: OnceLock<Gazetteer> = OnceLock::new();

impl Gazetteer {
    /// The gazetteer shipped with the library, loaded on first use.
    pub fn embedded() -> &'static Gazetteer {
        EMBEDDED.get_or_init(|| {
            let bytes = include_bytes!("../data/gazetteer.tsv.gz");
            // The file is built and tested with the crate; a failure here is
            // a broken build, not bad input.
            Gazetteer::from_gzip(bytes).expect("the embedded gazetteer is valid")
        })
    }

    /// Reads a gazetteer from its gzipped TSV form.
    pub fn from_gzip(bytes: &[u8]) -> Result<Gazetteer, Error> {
        let mut text = String::new();
        GzDecoder::new(bytes).read_to_string(&mut text).map_err(|e| Error::whole(e.to_string()))?;
        Gazetteer::from_tsv(&text)
    }

    /// Reads a gazetteer from TSV: id, kind (`P*` for a capital, `B?` for a
    /// county placed by guess), name,
    /// country, admin1, lat, lon, population, alternate names separated by
    /// `|`.
    pub fn from_tsv(text: &str) -> Result<Gazetteer, Error> {
        let mut places = Vec::new();
        let mut index: HashMap<String, Vec<u32>> = HashMap::new();
        let mut countries = HashMap::new();
        for (n, line) in text.lines().enumerate().filter(|(_, l)| !l.starts_with('#') && !l.is_empty()) {
            let bad = |what: &str| Error::at_line(n + 1, what);
            let fields: Vec<&str> = line.split('\t').collect();
            if fields.len() != 9 {
                return Err(bad("want 9 tab-separated fields"));
            }
            let place = Place {
                id: if fields[0].is_empty() {
                    None
                } else {
                    Some(fields[0].parse().map_err(|_| bad("bad id"))?)
                },
                kind: PlaceKind::from_code(fields[1].trim_end_matches(['*', '?']))
                    .ok_or_else(|| bad("bad kind"))?,
                name: fields[2].to_string(),
                country: fields[3].to_string(),
                admin1: fields[4].to_string(),
                lat: fields[5].parse().map_err(|_| bad("bad latitude"))?,
                lon: fields[6].parse().map_err(|_| bad("bad longitude"))?,
                population: fields[7].parse().map_err(|_| bad("bad population"))?,
                capital: fields[1].ends_with('*'),
                approximate: fields[1].ends_with('?'),
            };
            let at = places.len() as u32;
            if place.kind == PlaceKind::Country {
                countries.insert(place.country.clone(), at);
            }
            let mut keys: Vec<String> = std::iter::once(fields[2])
                .chain(fields[8].split('|').filter(|a| !a.is_empty()))
                .map(|name| match name.strip_prefix('~') {
                    Some(abbreviation) => abbreviation_key(abbreviation),
                    None => fold(name),
                })
                .filter(|k| !k.is_empty())
                .collect();
            keys.sort();
            keys.dedup();
            for key in keys {
                index.entry(key).or_default().push(at);
            }
            places.push(place);
        }
        Ok(Gazetteer { places, index, countries })
    }

    /// The places an abbreviation with its period stands for ("Ga." is
    /// Georgia, the state).
    pub fn lookup_abbreviation<'a>(&'a self, abbreviation: &str) -> impl Iterator<Item = &'a Place> + 'a {
        let key = abbreviation_key(abbreviation);
        self.index.get(&key).into_iter().flatten().map(|&i| &self.places[i as usize])
    }

    /// Every place a name may refer to.
    pub fn lookup(&self, name: &str) -> Vec<&Place> {
        self.lookup_key(&fold(name)).collect()
    }

    /// Every place under a folded key (see [`fold`]).
    pub fn lookup_key<'a>(&'a self, key: &str) -> impl Iterator<Item = &'a Place> + 'a {
        self.index.get(key).into_iter().flatten().map(|&i| &self.places[i as usize])
    }

    /// Whether any place has this folded key.
    pub fn contains_key(&self, key: &str) -> bool {
        self.index.contains_key(key)
    }

    /// The country entry for an ISO code.
    pub fn country(&self, iso: &str) -> Option<&Place> {
        self.countries.get(iso).map(|&i| &self.places[i as usize])
    }

    /// The named region (curated entries and countries), by exact name.
    pub fn region(&self, name: &str) -> Option<&Place> {
        self.lookup_key(&fold(name)).find(|p| matches!(p.kind, PlaceKind::Region | PlaceKind::Country))
    }

    /// How many places it holds.
    pub fn len(&self) -> usize {
        self.places.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }
}

/// The index key of an abbreviation: apart from every name key, and with
/// its periods, so that "L.A." (Los Angeles) is not "La." (Louisiana).
pub(crate) fn abbreviation_key(abbreviation: &str) -> String {
    format!("~{}", abbreviation.to_lowercase().replace(' ', ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn malformed_lines_say_what_and_where() {
        let good = "1\tP\tAgdam\tAZ\t\t40.0\t46.9\t100\tAğdam";
        let cases = [
            ("1\tP\tAgdam", "want 9 tab-separated fields"),
            (&*format!("{good}\textra"), "want 9 tab-separated fields"),
            ("x\tP\tAgdam\tAZ\t\t40.0\t46.9\t100\t", "bad id"),
            ("1\tZ\tAgdam\tAZ\t\t40.0\t46.9\t100\t", "bad kind"),
            ("1\tP*?x\tAgdam\tAZ\t\t40.0\t46.9\t100\t", "bad kind"),
            ("1\tP\tAgdam\tAZ\t\t40,0\t46.9\t100\t", "bad latitude"),
            ("1\tP\tAgdam\tAZ\t\t40.0\t\t100\t", "bad longitude"),
            ("1\tP\tAgdam\tAZ\t\t40.0\t46.9\t1e3\t", "bad population"),
        ];
        for (line, message) in cases {
            let tsv = format!("# comment\n{good}\n{line}\n{good}\n");
            let error = Gazetteer::from_tsv(&tsv).err().unwrap_or_else(|| panic!("{line:?} was taken"));
            assert_eq!((error.line(), error.message()), (Some(3), message), "{line:?}");
        }
    }

    #[test]
    fn broken_gzip_is_an_error() {
        let error = Gazetteer::from_gzip(b"not gzip").err().unwrap();
        assert_eq!(error.line(), None);
    }
}
