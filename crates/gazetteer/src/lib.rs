//! Builds the gazetteer that `dateline-geo` ships, from the GeoNames files:
//! populated places (`cities500.json.gz`), first- and second-level
//! divisions (`admin1CodesASCII.txt`, `admin2Codes.txt`) and countries
//! (`countries.json`), plus the curated names of `dateline-geo`.
//!
//! Kept apart from `dateline-geo` so that the library, which only reads
//! the finished gazetteer, needs neither a JSON parser nor this code at run
//! time. `dateline gazetteer` runs it:
//!
//! ```no_run
//! let tsv = dateline_gazetteer::from_geonames("../shared/data/geonames".as_ref())?;
//! std::fs::write("crates/geo/data/gazetteer.tsv.gz", dateline_gazetteer::gzip(&tsv)?)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod error;

pub use error::Error;

use dateline_geo::curated::{
    ADMIN1_POINTS, CANADIAN_PROVINCE_ABBREVIATIONS, COUNTRY_ALIASES, COUNTRY_POINTS, ENGLISH_COUNTY_POINTS,
    REGIONS, US_STATE_ABBREVIATIONS,
};
use dateline_geo::{fold, PlaceKind};
use flate2::read::GzDecoder;
use flate2::write::GzEncoder;
use serde::Deserialize;
use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::Path;

#[derive(Deserialize)]
struct City {
    geonameid: u32,
    name: String,
    latitude: f64,
    longitude: f64,
    countrycode: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    admin1code: Option<String>,
    #[serde(default)]
    alternatenames: Vec<String>,
}

#[derive(Deserialize)]
struct Country {
    geonameid: u32,
    name: String,
    iso: String,
    #[serde(default)]
    population: u64,
    #[serde(default)]
    capital: String,
}

/// A member place: latitude, longitude, population.
type Point = (f64, f64, u64);

/// One row of the gazetteer file.
struct Row {
    id: Option<u32>,
    kind: PlaceKind,
    capital: bool,
    /// The point is a guess: a county's namesake town, or the middle of
    /// its state.
    approximate: bool,
    name: String,
    country: String,
    admin1: String,
    lat: f64,
    lon: f64,
    population: u64,
    alternates: Vec<String>,
}

/// Builds the gazetteer TSV (uncompressed) from a GeoNames folder.
pub fn from_geonames(dir: &Path) -> Result<String, Error> {
    let read = |name: &str| {
        let path = dir.join(name);
        std::fs::read(&path).map_err(|e| Error::in_file(&path, e.to_string()))
    };
    let json =
        |name: &str, e: serde_json::Error| Error::in_file(&dir.join(name), e.to_string()).at_line(e.line());
    let text = |name: &str| {
        String::from_utf8(read(name)?).map_err(|e| Error::in_file(&dir.join(name), e.to_string()))
    };
    let cities: HashMap<String, City> =
        serde_json::from_reader(GzDecoder::new(&read("cities500.json.gz")?[..]))
            .map_err(|e| json("cities500.json.gz", e))?;
    let countries: HashMap<String, Country> =
        serde_json::from_slice(&read("countries.json")?).map_err(|e| json("countries.json", e))?;
    let admin1 = text("admin1CodesASCII.txt")?;
    let admin2 = text("admin2Codes.txt")?;

    let mut rows = Vec::new();
    // Member towns place the divisions and countries, which the files give
    // no coordinates for.
    let mut members: HashMap<(String, String), Vec<Point>> = HashMap::new();
    let mut by_country: HashMap<String, Vec<Point>> = HashMap::new();
    let mut towns_by_key: HashMap<(String, String, String), Point> = HashMap::new();
    let mut ids: Vec<&String> = cities.keys().collect();
    ids.sort_by_key(|id| id.parse::<u64>().unwrap_or(u64::MAX));
    for id in ids {
        let city = &cities[id];
        let admin1 = city.admin1code.clone().unwrap_or_default();
        let point = (city.latitude, city.longitude, city.population);
        members.entry((city.countrycode.clone(), admin1.clone())).or_default().push(point);
        by_country.entry(city.countrycode.clone()).or_default().push(point);
        let key = (city.countrycode.clone(), admin1.clone(), fold(&city.name));
        let best = towns_by_key.entry(key).or_insert(point);
        if point.2 > best.2 {
            *best = point;
        }
        rows.push(Row {
            id: Some(city.geonameid),
            kind: PlaceKind::City,
            capital: false,
            approximate: false,
            name: city.name.clone(),
            country: city.countrycode.clone(),
            admin1,
            lat: city.latitude,
            lon: city.longitude,
            population: city.population,
            alternates: latin_names(&city.name, &city.alternatenames),
        });
    }

    for line in admin1.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let Some((cc, code)) = f[0].split_once('.') else { continue };
        let Ok(id) = f[3].trim().parse() else { continue };
        let points = members.get(&(cc.to_string(), code.to_string()));
        let curated = ADMIN1_POINTS
            .iter()
            .find(|(c, a, ..)| *c == cc && *a == code)
            .map(|&(_, _, lat, lon)| (f64::from(lat), f64::from(lon)));
        let Some((lat, lon)) = curated.or_else(|| points.and_then(|p| middle(p))) else { continue };
        let population = points.map_or(0, |p| p.iter().map(|x| x.2).sum());
        let mut alternates = vec![f[2].to_string()];
        if cc == "US" {
            // Abbreviations are indexed apart ("~ga"): "Ga." must not
            // match every capitalised "Ga" or "Miss".
            alternates.extend(
                US_STATE_ABBREVIATIONS.iter().filter(|(_, c)| *c == code).map(|(a, _)| format!("~{a}")),
            );
        }
        if cc == "CA" {
            alternates.extend(CANADIAN_PROVINCE_ABBREVIATIONS.iter().filter(|(_, c)| *c == code).map(
                |(a, _)| {
                    if a.ends_with('.') {
                        format!("~{a}")
                    } else {
                        a.to_string()
                    }
                },
            ));
        }
        alternates.extend(without_suffix(f[1]));
        alternates.extend(without_suffix(f[2]));
        rows.push(Row {
            id: Some(id),
            kind: PlaceKind::Admin1,
            capital: false,
            approximate: false,
            name: f[1].to_string(),
            country: cc.to_string(),
            admin1: code.to_string(),
            lat,
            lon,
            population,
            alternates,
        });
    }

    for line in admin2.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 4 {
            continue;
        }
        let mut code = f[0].split('.');
        let (Some(cc), Some(a1)) = (code.next(), code.next()) else { continue };
        let Ok(id) = f[3].trim().parse() else { continue };
        // An English county at its curated middle; any other county at its
        // namesake town when there is one, else in the middle of its state,
        // and marked as a guess that the document's towns may correct.
        let stem = without_suffix(f[2]).unwrap_or_else(|| f[2].to_string());
        let town = towns_by_key.get(&(cc.to_string(), a1.to_string(), fold(&stem)));
        let english = (cc == "GB" && a1 == "ENG")
            .then(|| ENGLISH_COUNTY_POINTS.iter().find(|(name, ..)| *name == f[2]))
            .flatten();
        let (lat, lon, population, approximate) = match (english, town) {
            (Some(&(_, lat, lon)), _) => (f64::from(lat), f64::from(lon), 0, false),
            (None, Some(&(lat, lon, population))) => (lat, lon, population, true),
            (None, None) => match members.get(&(cc.to_string(), a1.to_string())).and_then(|p| middle(p)) {
                Some((lat, lon)) => (lat, lon, 0, true),
                None => continue,
            },
        };
        rows.push(Row {
            id: Some(id),
            kind: PlaceKind::Admin2,
            capital: false,
            approximate,
            name: f[1].to_string(),
            country: cc.to_string(),
            admin1: a1.to_string(),
            lat,
            lon,
            population,
            alternates: vec![f[2].to_string()],
        });
    }

    let mut isos: Vec<&String> = countries.keys().collect();
    isos.sort();
    for iso in isos {
        let country = &countries[iso];
        let curated = COUNTRY_POINTS
            .iter()
            .find(|(iso, ..)| *iso == country.iso)
            .map(|&(_, lat, lon)| (f64::from(lat), f64::from(lon)));
        let Some((lat, lon)) = curated.or_else(|| by_country.get(&country.iso).and_then(|p| middle(p)))
        else {
            continue;
        };
        let alternates = COUNTRY_ALIASES
            .iter()
            .filter(|(code, _)| *code == country.iso)
            .flat_map(|(_, names)| names.iter().map(|n| n.to_string()))
            .chain(country.name.strip_prefix("The ").map(str::to_string))
            .collect();
        rows.push(Row {
            id: Some(country.geonameid),
            kind: PlaceKind::Country,
            capital: false,
            approximate: false,
            name: country.name.clone(),
            country: country.iso.clone(),
            admin1: String::new(),
            lat,
            lon,
            population: country.population,
            alternates,
        });
    }

    for (name, alternates, country, lat, lon, population) in REGIONS {
        rows.push(Row {
            id: None,
            kind: PlaceKind::Region,
            capital: false,
            approximate: false,
            name: name.to_string(),
            country: country.to_string(),
            admin1: String::new(),
            lat: f64::from(*lat),
            lon: f64::from(*lon),
            population: *population,
            alternates: alternates.iter().map(|a| a.to_string()).collect(),
        });
    }

    // Capitals: the most populous town of the capital's name in its country.
    for country in countries.values().filter(|c| !c.capital.is_empty()) {
        let wanted = fold(&country.capital);
        let best = rows
            .iter()
            .enumerate()
            .filter(|(_, r)| r.kind == PlaceKind::City && r.country == country.iso && fold(&r.name) == wanted)
            .max_by_key(|(_, r)| r.population)
            .map(|(i, _)| i);
        if let Some(i) = best {
            rows[i].capital = true;
        }
    }

    let mut out = String::from(
        "# dateline gazetteer, derived from GeoNames (https://www.geonames.org/, CC-BY 4.0) by `dateline gazetteer`.\n\
         # id\tkind (* capital, ? point guessed)\tname\tcountry\tadmin1\tlat\tlon\tpopulation\talternate names\n",
    );
    for row in rows {
        let clean = |s: &str| s.replace(['\t', '|', '\n'], " ");
        let alternates: Vec<String> = row.alternates.iter().map(|a| clean(a)).collect();
        out.push_str(&format!(
            "{}\t{}{}\t{}\t{}\t{}\t{:.4}\t{:.4}\t{}\t{}\n",
            row.id.map(|i| i.to_string()).unwrap_or_default(),
            row.kind.code(),
            if row.capital {
                "*"
            } else if row.approximate {
                "?"
            } else {
                ""
            },
            clean(&row.name),
            row.country,
            row.admin1,
            row.lat,
            row.lon,
            row.population,
            alternates.join("|")
        ));
    }
    Ok(out)
}

/// Gzips the TSV for shipping.
pub fn gzip(tsv: &str) -> Result<Vec<u8>, Error> {
    let mut encoder = GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(tsv.as_bytes()).map_err(|e| Error::gzip(e.to_string()))?;
    encoder.finish().map_err(|e| Error::gzip(e.to_string()))
}

/// Alternate names worth indexing: Latin script, capitalised, short, and
/// different (once folded) from the main name and each other.
fn latin_names(name: &str, alternates: &[String]) -> Vec<String> {
    let mut seen: HashSet<String> = HashSet::from([fold(name)]);
    alternates
        .iter()
        .filter(|a| {
            a.chars().next().is_some_and(char::is_uppercase)
                && a.len() <= 40
                && a.split_whitespace().count() <= 4
                && a.chars().all(|c| (c.is_alphabetic() && (c as u32) < 0x250) || " -'’.".contains(c))
        })
        .filter(|a| seen.insert(fold(a)))
        .cloned()
        .collect()
}

/// "Kalbajar Rayon" → "Kalbajar", "Rapides Parish" → "Rapides".
fn without_suffix(name: &str) -> Option<String> {
    const SUFFIXES: &[&str] = &[
        " Province",
        " Region",
        " Oblast",
        " Governorate",
        " District",
        " Rayon",
        " Raion",
        " County",
        " Parish",
        " Borough",
        " Prefecture",
        " State",
        " Department",
        " Municipality",
        " Voivodeship",
        " Kray",
        " Krai",
    ];
    SUFFIXES.iter().find_map(|s| name.strip_suffix(s)).map(str::to_string).filter(|s| !s.is_empty())
}

/// The middle of a set of places: the midpoint of the range between the
/// 5th and 95th percentile of latitude and longitude, which sits near the
/// centre of an area whatever its shape and however its towns cluster.
fn middle(points: &[Point]) -> Option<(f64, f64)> {
    if points.is_empty() {
        return None;
    }
    let percentile_mid = |mut values: Vec<f64>| {
        values.sort_by(f64::total_cmp);
        let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
        (at(0.05) + at(0.95)) / 2.0
    };
    let lat = percentile_mid(points.iter().map(|p| p.0).collect());
    let lon = percentile_mid(points.iter().map(|p| p.1).collect());
    Some((lat, lon))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_file_is_named() {
        let dir = std::env::temp_dir().join(format!("dateline-gazetteer-missing-{}", std::process::id()));
        let error = from_geonames(&dir).unwrap_err();
        assert_eq!(error.file(), Some(dir.join("cities500.json.gz").as_path()));
        assert!(error.to_string().starts_with(&format!("{}: ", dir.join("cities500.json.gz").display())));
    }

    #[test]
    fn broken_json_says_where() {
        let dir = std::env::temp_dir().join(format!("dateline-gazetteer-json-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let cities = gzip("{\n\"1\": {\"geonameid\": 1,\n oops}\n}").unwrap();
        std::fs::write(dir.join("cities500.json.gz"), cities).unwrap();
        let error = from_geonames(&dir).unwrap_err();
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(error.file(), Some(dir.join("cities500.json.gz").as_path()));
        assert_eq!(error.line(), Some(3), "{error}");
    }

    #[test]
    fn latin_alternates_only() {
        let alternates = ["Lachin", "lachn", "Лачин", "Laçın", "Lacin", "Berdzor"].map(String::from);
        assert_eq!(latin_names("Laçın", &alternates), ["Lachin", "Berdzor"]);
    }

    #[test]
    fn suffixes() {
        assert_eq!(without_suffix("Kalbajar Rayon").as_deref(), Some("Kalbajar"));
        assert_eq!(without_suffix("Baku"), None);
    }

    #[test]
    fn middle_ignores_outliers() {
        let mut points: Vec<(f64, f64, u64)> =
            (0..40).map(|i| (40.0 + f64::from(i) * 0.1, -100.0, 1)).collect();
        points.push((70.0, -150.0, 1));
        let (lat, _) = middle(&points).unwrap();
        assert!((lat - 42.0).abs() < 0.5, "{lat}");
    }
}
