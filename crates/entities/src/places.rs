//! Place names: the longest prefix of a run the gazetteer knows, demonyms,
//! and how sure a name is to be a place.

use crate::found::{Found, PlaceMention};
use crate::keys::Keys;
use crate::lexicon::{AREA_WORDS, GIVEN_NAMES, METONYM_VERBS, NOT_PLACES, NOT_PLACE_NAMES};
use crate::words::{join, Word};
use crate::Recognizer;
use dateline_core::PlaceRole;
use dateline_geo::{fold, PlaceKind, DEMONYMS};
use std::collections::HashMap;
use std::sync::LazyLock;

/// Natural features named after a place ("Mississippi River"), which lie
/// elsewhere than the place.
#[rustfmt::skip]
pub(crate) const FEATURE_WORDS: &[&str] = &[
    "ocean", "sea", "river", "delta", "peninsula", "mountains", "mountain", "valley", "gulf", "strait", "canal",
    "basin", "desert", "island", "islands", "creek", "falls", "canyon", "forest", "coast",
];

/// Waters by a town and named after it ("Boston Harbor", "Tampa Bay"):
/// the town places them well enough, and the word is no town of its own.
pub(crate) const LOCAL_WATERS: &[&str] = &["bay", "harbor", "harbour", "lake", "lagoon", "reservoir"];

/// Buildings and businesses named after their owner ("Wilson's Farm").
#[rustfmt::skip]
pub(crate) const FACILITY_WORDS: &[&str] = &[
    "farm", "farms", "village", "chapel", "basilica", "cathedral", "church", "castle", "centre", "center",
    "theatre", "theater", "club", "hall", "hotel", "restaurant", "bar", "cafe", "kitchen", "shop", "store",
    "house", "garden", "gardens", "market", "tavern", "inn", "grill",
];

/// Words of direction before a place's name ("Western Pennsylvania").
pub(crate) const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Prepositions after which a name is a place.
pub(crate) const LOCATIVES: &[&str] =
    &["in", "at", "near", "from", "to", "into", "across", "outside", "inside", "toward", "towards", "around"];

/// Nouns whose "of" names a place: "the city of Douma", "the siege of
/// Sarajevo".
pub(crate) const PLACE_OF: &[&str] = &[
    "city",
    "town",
    "village",
    "outskirts",
    "capital",
    "province",
    "region",
    "district",
    "suburb",
    "suburbs",
    "streets",
    "residents",
    "bastion",
    "stronghold",
    "siege",
    "mayor",
    "governor",
    "port",
    "municipality",
    "county",
    "state",
    "island",
    "centre",
    "center",
    "north",
    "south",
    "east",
    "west",
];

impl Recognizer {
    /// The longest run of words from `first` that names a place (`keys`
    /// are the keys of the spans from `first`), recorded in `found`, or a person's name made of hamlets' names: where the
    /// rest of the run starts. None when no prefix is a place.
    pub(crate) fn place_prefix(
        &self,
        words: &[Word<'_>],
        first: usize,
        last: usize,
        whole_is_place: bool,
        keys: &Keys,
        found: &mut Found,
    ) -> Option<usize> {
        let lower = |i: usize| words[i].lower;
        for end in (first + 1..=last).rev() {
            let key = keys.key(end);
            if words[end - 1].punct || !self.is_key(key) {
                continue;
            }
            // "Tri-State": half a hyphenated word is no place unless the
            // other half is one too ("Armenia-Azerbaijan").
            let hyphen_after = end < last && words[end].punct && words[end].text == "-";
            if hyphen_after {
                let other = words.get(end + 1).map(|w| fold(w.text)).unwrap_or_default();
                if NOT_PLACES.contains(&other.as_str()) || !self.gazetteer.contains_key(&other) {
                    break;
                }
            }
            // "in Douma", "the outskirts of Douma": the text places the name.
            let locative = first > 0
                && (LOCATIVES.contains(&lower(first - 1))
                    || (first > 1 && lower(first - 1) == "of" && PLACE_OF.contains(&lower(first - 2))));
            let area_after = words.get(end).is_some_and(|w| AREA_WORDS.contains(&w.lower));
            // "CHARLESTON, W.Va. --", "TORONTO — The family", "LONDON (AP)".
            // "LONDON The Latest on...": a dateline in capitals opens the text.
            let opening_capitals = first == 0
                && words[first].text.len() >= 4
                && words[first].text.chars().all(|c| c.is_ascii_uppercase());
            let dateline = words[first].sentence_start
                && (opening_capitals
                    || words
                        .get(end)
                        .is_some_and(|w| matches!(w.text, "," | "—" | "–" | "-" | "--" | "(" | ":")));
            // "Indian Ocean", "Mississippi River": a feature named after
            // the place is not the place.
            let feature_after = end < last && FEATURE_WORDS.contains(&lower(end));
            let inside_name = first < found.inside_name_until && !self.is_wide_or_big(key);
            if feature_after {
                // The feature's name ends with its words: nothing in it is
                // a place of its own ("Niger Delta" is not Delta State, the
                // "Red River Valley" holds no Valley).
                let after = (end..last).find(|&i| !FEATURE_WORDS.contains(&lower(i))).unwrap_or(last);
                return Some(after);
            }
            // "Wilson's Farm", "St. Peter's Basilica": a small town's name
            // owning a building is someone's.
            let possessive_name = {
                let quote = |k: usize| words.get(k).is_some_and(|w| matches!(w.text, "'" | "’"));
                let s_at = |k: usize| words.get(k).is_some_and(|w| w.lower == "s" && !w.space_before);
                let name_at = |k: usize| {
                    words
                        .get(k)
                        .is_some_and(|w| w.capitalized && w.space_before && FACILITY_WORDS.contains(&w.lower))
                };
                quote(end) && s_at(end + 1) && name_at(end + 2) && !self.is_strong_place(key)
            };
            // "500 BC": an era.
            let era = end == first + 1
                && matches!(key, "bc" | "ad" | "bce" | "ce")
                && first > 0
                && words[first - 1].text.chars().all(|c| c.is_ascii_digit());
            if (end == first + 1 && inside_name) || possessive_name || era || NOT_PLACE_NAMES.contains(&key) {
                break;
            }
            if end == first + 1
                && (NOT_PLACES.contains(&key)
                    || key.len() < 2
                    || !self.plausible_single(&words[first], key, locative || area_after || dateline))
            {
                break;
            }
            // "Kelli Blackwell": two names each of some hamlet, side by side,
            // are a person's first name and surname.
            let name_pair = end == first + 1
                && (2..=3).contains(&(last - first))
                && !whole_is_place
                // "Texas Roadhouse", "Star India", "Air France": a country,
                // state or big city in the pair names a place or a firm.
                && !self.is_strong_place(words[first].text)
                && !self.is_strong_place(words[last - 1].text)
                && words[first..last]
                    .iter()
                    .all(|w| !w.punct && w.capitalized && w.text.chars().skip(1).all(char::is_lowercase));
            if name_pair && !words[first].sentence_start && !locative {
                self.person(words, first, last, found);
                return Some(last);
            }
            let next = words.get(end).map(|w| w.lower).unwrap_or("");
            // "upstate New York", "the New York border": the state.
            let previous = if first > 0 { lower(first - 1) } else { "" };
            let area = AREA_WORDS.contains(&next)
                || matches!(next, "border" | "borders")
                || matches!(previous, "upstate" | "downstate")
                // "central Washington", "eastern Oregon": part of a state,
                // said in lower case (a capital would start a name).
                || (first > 0
                    && !words[first - 1].capitalized
                    && matches!(previous, "central" | "northern" | "southern" | "eastern" | "western")
                    && !self.gazetteer.lookup_key(key).any(|p| p.kind == PlaceKind::Country));
            let role = if METONYM_VERBS.contains(&next) && end == last && self.is_strong_place(key) {
                PlaceRole::Metonym
            } else {
                PlaceRole::Literal
            };
            found.places.push(PlaceMention {
                first,
                last: end,
                role,
                lookup: join(&words[first..end]),
                area,
            });
            let waters = end < last && LOCAL_WATERS.contains(&lower(end));
            return Some(if waters { end + 1 } else { end });
        }
        None
    }

    /// Whether the gazetteer has a key: most spans of a run are none, and
    /// a quick test tells most of them (see `Gazetteer::may_contain_key`).
    pub(crate) fn is_key(&self, key: &str) -> bool {
        self.gazetteer.may_contain_key(key) && self.gazetteer.contains_key(key)
    }

    /// Whether a key names an area, or a town of 20,000 people or more.
    pub(crate) fn is_named_area(&self, key: &str) -> bool {
        self.gazetteer.lookup_key(key).any(|p| !matches!(p.kind, PlaceKind::City) || p.population >= 20_000)
    }

    /// A demonym ("Azerbaijani", "Canadians") as a mention of its place.
    pub(crate) fn demonym(&self, words: &[Word<'_>], first: usize, len: usize) -> PlaceMention {
        let text = join(&words[first..first + len]);
        let target = demonym_target(&text).unwrap_or_default();
        let lookup = match self.gazetteer.country(target) {
            Some(country) => country.name.to_string(),
            None => target.to_string(),
        };
        PlaceMention { first, last: first + len, role: PlaceRole::Demonym, lookup, area: false }
    }

    /// A country, a region or a city of a million: a place that keeps its
    /// own sense inside a longer name ("Paris Saint-Germain").
    pub(crate) fn is_wide_or_big(&self, name: &str) -> bool {
        self.gazetteer.lookup_key(&fold(name)).any(|p| match p.kind {
            PlaceKind::Country | PlaceKind::Region => true,
            PlaceKind::City => p.population >= 1_000_000,
            PlaceKind::Admin1 | PlaceKind::Admin2 => false,
        })
    }

    /// A country, region or big city: a name that can stand for a
    /// government.
    pub(crate) fn is_strong_place(&self, name: &str) -> bool {
        self.gazetteer.lookup_key(&fold(name)).any(|p| {
            matches!(p.kind, PlaceKind::Country | PlaceKind::Region | PlaceKind::Admin1)
                || p.population >= 300_000
        })
    }

    /// A one-word match is taken when the place is of some size, or when
    /// the word is not at the start of a sentence (where any word is
    /// capitalised).
    pub(crate) fn plausible_single(&self, word: &Word<'_>, key: &str, placed: bool) -> bool {
        // A single word known only as another name of some place ("Aid")
        // is noise, unless the text places it ("in Lachin", "the Lachin
        // district"); a place's own name, a country or a state is not.
        // "L.A.": initials with periods that abbreviate a big city.
        let dotted =
            word.text.len() > 2 && word.text.ends_with('.') && word.text[..word.text.len() - 1].contains('.');
        if dotted && self.gazetteer.lookup_key(key).any(|p| p.population >= 1_000_000) {
            return true;
        }
        let named = self.gazetteer.lookup_key(key).any(|p| {
            fold(p.name) == key
                || matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region)
        });
        if !named && !placed {
            return false;
        }
        // "Kim left early": a given name alone is a person's more often
        // than a small town's, unless the text places it ("in Kim"). Big
        // is what bears the name as its own ("Kim" is also Kimberley's).
        let big = |p: dateline_geo::Place<'_>| {
            matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region)
                || (p.population >= 100_000 && fold(p.name) == key)
        };
        if !placed && GIVEN_NAMES.contains(key) && !self.gazetteer.lookup_key(key).any(big) {
            return false;
        }
        // "KBR", "TIF": acronyms are places only as countries or states;
        // but "CHARLESTON, W.Va. --" is a dateline in capitals.
        let all_caps = word.text.len() > 1 && word.text.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if all_caps && !(word.text.len() >= 4 && placed) {
            return self
                .gazetteer
                .lookup_key(key)
                .any(|p| matches!(p.kind, PlaceKind::Country | PlaceKind::Admin1));
        }
        let biggest = self.gazetteer.lookup_key(key).map(|p| p.population).max().unwrap_or(0);
        let named_area = self.gazetteer.lookup_key(key).any(|p| !matches!(p.kind, PlaceKind::City));
        !word.sentence_start || biggest >= 10_000 || named_area
    }
}

/// Whether the text itself makes place mention `i` a place: a preposition
/// of place before it ("in Bakhmut"; "at" and "to" lead as often to a
/// venue, "at Salt + Smoke", as to a town), or a hyphen joining it to
/// another place ("Logan-Rogersville").
pub(crate) fn placed_by_text(words: &[Word<'_>], places: &[PlaceMention], i: usize) -> bool {
    let p = &places[i];
    let before = p.first.checked_sub(1).map(|b| words[b].lower);
    let preposition = before.is_some_and(|b| LOCATIVES.contains(&b) && !matches!(b, "at" | "to" | "from"));
    let hyphen_before = i > 0 && places[i - 1].last + 1 == p.first && words[p.first - 1].text == "-";
    let hyphen_after =
        places.get(i + 1).is_some_and(|next| next.first == p.last + 1 && words[p.last].text == "-");
    preposition || hyphen_before || hyphen_after
}

/// How many words of a demonym start the run ("South Korean" is two).
pub(crate) fn demonym_len(words: &[Word<'_>], first: usize, last: usize) -> Option<usize> {
    (1..=2.min(last.saturating_sub(first)))
        .rev()
        .find(|&len| demonym_target(&join(&words[first..first + len])).is_some())
}

/// The demonyms to what they point to, the first of a demonym listed
/// twice winning: asked of every capitalised word.
static DEMONYM_TARGETS: LazyLock<HashMap<&str, &str>> = LazyLock::new(|| {
    let mut targets = HashMap::new();
    for &(demonym, target) in DEMONYMS {
        targets.entry(demonym).or_insert(target);
    }
    targets
});

/// The country code or region a demonym points to; plurals too
/// ("Canadians", "Palestinians").
pub(crate) fn demonym_target(text: &str) -> Option<&'static str> {
    let find = |t: &str| DEMONYM_TARGETS.get(t).copied();
    find(text).or_else(|| text.strip_suffix('s').and_then(find))
}
