//! Named entities in news: places (resolved to GeoNames), people and
//! organisations, found by rules over capitalised runs of words, an
//! offline gazetteer and word lists; no model to download.
//!
//! ```
//! use dateline_entities::Recognizer;
//! use dateline_core::EntityKind;
//!
//! let recognizer = Recognizer::new();
//! let found = recognizer.entities("President Ilham Aliyev visited Baku. Aliyev spoke.");
//! let people: Vec<_> = found.iter().filter(|e| e.kind == EntityKind::Person).collect();
//! assert_eq!(people[1].name.as_deref(), Some("Ilham Aliyev"));
//! let baku = found.iter().find(|e| e.text == "Baku").unwrap();
//! assert_eq!(baku.geonameid, Some(587084));
//! ```

mod lexicon;
mod words;

use dateline_core::{Entity, EntityKind, PlaceRole};
use dateline_geo::resolve::Mention;
use dateline_geo::{fold, Gazetteer, PlaceKind, Resolver, DEMONYMS};
use lexicon::{
    AREA_WORDS, GIVEN_NAMES, KNOWN_ORGS, METONYM_VERBS, NOT_PLACES, NOT_PLACE_NAMES, ORG_WORDS, SEATS, TITLES,
};
use std::collections::HashMap;
use words::{runs, words, Word};

/// Finds entities; built once and shared across threads.
pub struct Recognizer {
    gazetteer: &'static Gazetteer,
}

impl Default for Recognizer {
    fn default() -> Self {
        Recognizer::new()
    }
}

/// Last words of street names and addresses.
const STREET_WORDS: &[&str] = &[
    "street",
    "st.",
    "road",
    "rd",
    "avenue",
    "ave",
    "drive",
    "dr.",
    "lane",
    "boulevard",
    "blvd",
    "way",
    "trail",
    "circle",
    "parkway",
    "pkwy",
    "highway",
    "hwy",
    "pike",
    "terrace",
];

/// Natural features named after a place ("Mississippi River"), which lie
/// elsewhere than the place.
#[rustfmt::skip]
const FEATURE_WORDS: &[&str] = &[
    "ocean", "sea", "river", "delta", "peninsula", "mountains", "mountain", "valley", "gulf", "strait", "canal",
    "basin", "desert", "island", "islands", "creek", "falls", "canyon", "forest", "coast",
];

/// Waters by a town and named after it ("Boston Harbor", "Tampa Bay"):
/// the town places them well enough, and the word is no town of its own.
const LOCAL_WATERS: &[&str] = &["bay", "harbor", "harbour", "lake", "lagoon", "reservoir"];

/// Buildings and businesses named after their owner ("Wilson's Farm").
#[rustfmt::skip]
const FACILITY_WORDS: &[&str] = &[
    "farm", "farms", "village", "chapel", "basilica", "cathedral", "church", "castle", "centre", "center",
    "theatre", "theater", "club", "hall", "hotel", "restaurant", "bar", "cafe", "kitchen", "shop", "store",
    "house", "garden", "gardens", "market", "tavern", "inn", "grill",
];

/// Words of direction before a place's name ("Western Pennsylvania").
const COMPASS: &[&str] = &[
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
const LOCATIVES: &[&str] =
    &["in", "at", "near", "from", "to", "into", "across", "outside", "inside", "toward", "towards", "around"];

/// Nouns whose "of" names a place: "the city of Douma", "the siege of
/// Sarajevo".
const PLACE_OF: &[&str] = &[
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

/// What the words around a name say it is.
enum Cue {
    Person,
    Firm,
}

/// A place mention before resolution.
struct PlaceMention {
    first: usize,
    last: usize,
    role: PlaceRole,
    /// The name to look up (for a demonym, its country or region).
    lookup: String,
    area: bool,
}

/// What one document has found so far.
#[derive(Default)]
struct Found {
    people: Vec<(usize, usize, String)>,
    orgs: Vec<(usize, usize, Option<PlaceRole>)>,
    places: Vec<PlaceMention>,
    /// Surnames and full names seen, to the full name.
    known_people: HashMap<String, String>,
    /// Words before this index belong to a longer name that is no place
    /// ("Woodman Point"): a small town named by one of them is not meant.
    inside_name_until: usize,
}

impl Recognizer {
    /// A recognizer over the embedded gazetteer (loaded on first use).
    pub fn new() -> Recognizer {
        Recognizer { gazetteer: Gazetteer::embedded() }
    }

    /// Every entity in `text`, in order, with places resolved.
    pub fn entities(&self, text: &str) -> Vec<Entity> {
        let words = words(text);
        let runs = self.join_known(&words, runs(&words));
        // A first pass learns the people, so that "Clark said" before
        // "Sheriff Tom Clark" is a person too.
        let mut first_pass = Found::default();
        for run in &runs {
            self.classify(&words, run.start, run.end, &mut first_pass);
        }
        let mut found = Found { known_people: first_pass.known_people, ..Found::default() };
        for run in &runs {
            self.classify(&words, run.start, run.end, &mut found);
        }
        self.finish(text, &words, found)
    }

    /// Decides what a run of capitalised words `first..last` names.
    fn classify(&self, words: &[Word<'_>], first: usize, last: usize, found: &mut Found) {
        if first >= last {
            return;
        }
        if words[first].punct {
            return self.classify(words, first + 1, last, found);
        }
        let run = &words[first..last];
        let lower = |i: usize| words[i].lower.as_str();
        // "3800 block of Silkwood Trail": an address is not a place the
        // gazetteer can tell.
        if last - first >= 2 && STREET_WORDS.contains(&lower(last - 1)) {
            return;
        }
        // A name of several words the gazetteer knows: "New York", "South
        // Korea" at a sentence start, "Indian Ocean" before the demonym.
        // Asked only when a run starts with a function word or a demonym.
        let known = || self.known_name(words, first, last);
        // Sentence-initial function words and "The" are not part of names.
        if NOT_PLACES.contains(&lower(first))
            && (words[first].sentence_start || lower(first) == "the")
            && known().is_none()
        {
            let is_name_start = GIVEN_NAMES.contains(&lower(first)) && last - first > 1;
            if !is_name_start {
                return self.classify(words, first + 1, last, found);
            }
        }
        let joined = join(run);
        if SEATS.contains(&joined.as_str()) {
            // "the Kremlin": the government that sits there.
            found.orgs.push((first, last, Some(PlaceRole::Metonym)));
            return;
        }
        // "Azerbaijani President Ilham Aliyev": a title, the person after
        // it, and whatever came before it on its own.
        if let Some((title_start, title_end)) = title_span(words, first, last) {
            let tail_end =
                (title_end..last).find(|&i| TITLES.contains(&lower(i))).unwrap_or(last).min(title_end + 3);
            let org_in_tail = (title_end..tail_end).any(|i| ORG_WORDS.contains(&lower(i)));
            if tail_end > title_end && !org_in_tail {
                self.classify(words, first, title_start, found);
                self.person(words, title_end, tail_end, found);
                return self.classify(words, tail_end, last, found);
            }
            if tail_end == title_end && title_end == last {
                // "the Armenian Prime Minister": only the prefix is a name.
                return self.classify(words, first, title_start, found);
            }
        }
        let starts_with_org = KNOWN_ORGS.contains(&words[first].text);
        // "the American Red Cross": a known name of several words at the end.
        let known_tail = (first + 1..last.saturating_sub(1))
            .any(|i| !words[i].punct && KNOWN_ORGS.contains(join(&words[i..last]).as_str()));
        if KNOWN_ORGS.contains(&joined.as_str())
            || known_tail
            || (first..last).any(|i| ORG_WORDS.contains(&lower(i)))
        {
            found.orgs.push((first, last, None));
            // "the EU" is also the place its members make up.
            let region = self.gazetteer.lookup_key(&fold(&joined)).any(|p| p.kind == PlaceKind::Region);
            if region {
                found.places.push(PlaceMention {
                    first,
                    last,
                    role: PlaceRole::Metonym,
                    lookup: joined,
                    area: false,
                });
            } else if last - first > 1 && !KNOWN_ORGS.contains(&joined.as_str()) {
                // "Kentucky Department of Education"; a one-word name
                // ("Hamas") holds no place.
                self.embedded_places(words, first, last, found);
            }
            return;
        }
        if starts_with_org {
            found.orgs.push((first, first + 1, None));
            return self.classify(words, first + 1, last, found);
        }
        // A person seen before, by full name or surname.
        if let Some(full) = found.known_people.get(&joined.to_lowercase()).cloned() {
            found.people.push((first, last, full));
            return;
        }
        if let Some(len) =
            demonym_len(words, first, last).filter(|len| known().is_none_or(|end| end <= first + len))
        {
            found.places.push(self.demonym(words, first, len));
            // "French Quarter": the words after a demonym go on its name.
            found.inside_name_until = found.inside_name_until.max(name_end(words, first + len, last));
            return self.classify(words, first + len, last, found);
        }
        // "Henry County", "Mount Pleasant": a whole run the gazetteer knows
        // is a place even when it starts with a given name.
        let whole_is_place = last - first >= 2 && self.gazetteer.contains_key(&fold(&joined));
        // "coach Darren Ripley", "spokesman John Smith": a title in lower
        // case right before the run.
        let titled = first > 0 && !words[first - 1].capitalized && TITLES.contains(&lower(first - 1));
        if titled && !whole_is_place && last - first <= 3 && !self.is_strong_place(&joined) {
            return self.person(words, first, last, found);
        }
        // "Ga.", "W.Va.": a state abbreviation.
        if last - first == 1
            && words[first].text.ends_with('.')
            && self.gazetteer.lookup_abbreviation(words[first].text).next().is_some()
        {
            let lookup = words[first].text.to_string();
            found.places.push(PlaceMention { first, last, role: PlaceRole::Literal, lookup, area: false });
            return;
        }
        // "Nadia Moayyad of Southlake": a person, then where they are from.
        if let Some(of) = (first + 2..last.min(first + 4)).find(|&k| words[k].lower == "of") {
            if GIVEN_NAMES.contains(&lower(first)) && !whole_is_place {
                self.person(words, first, of, found);
                return self.classify(words, of + 1, last, found);
            }
        }
        match self.name_cue(words, first, last, &joined, whole_is_place) {
            Some(Cue::Person) => return self.person(words, first, last, found),
            Some(Cue::Firm) => {
                found.orgs.push((first, last, None));
                return;
            }
            None => {}
        }
        // The longest prefix that the gazetteer knows.
        if let Some(next) = self.place_prefix(words, first, last, whole_is_place, found) {
            return self.classify(words, next, last, found);
        }
        if words[first].capitalized && !words[first].sentence_start && !NOT_PLACES.contains(&lower(first)) {
            found.inside_name_until = found.inside_name_until.max(name_end(words, first + 1, last));
        }
        self.classify(words, first + 1, last, found);
    }

    /// The longest run of words from `first` that names a place, recorded
    /// in `found`, or a person's name made of hamlets' names: where the
    /// rest of the run starts. None when no prefix is a place.
    fn place_prefix(
        &self,
        words: &[Word<'_>],
        first: usize,
        last: usize,
        whole_is_place: bool,
        found: &mut Found,
    ) -> Option<usize> {
        let lower = |i: usize| words[i].lower.as_str();
        for end in (first + 1..=last).rev() {
            let key = fold(&join(&words[first..end]));
            if words[end - 1].punct || !self.gazetteer.contains_key(&key) {
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
            let area_after = words.get(end).is_some_and(|w| AREA_WORDS.contains(&w.lower.as_str()));
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
            let inside_name = first < found.inside_name_until && !self.is_wide_or_big(&key);
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
                    words.get(k).is_some_and(|w| {
                        w.capitalized && w.space_before && FACILITY_WORDS.contains(&w.lower.as_str())
                    })
                };
                quote(end) && s_at(end + 1) && name_at(end + 2) && !self.is_strong_place(&key)
            };
            // "500 BC": an era.
            let era = end == first + 1
                && matches!(key.as_str(), "bc" | "ad" | "bce" | "ce")
                && first > 0
                && words[first - 1].text.chars().all(|c| c.is_ascii_digit());
            if (end == first + 1 && inside_name)
                || possessive_name
                || era
                || NOT_PLACE_NAMES.contains(&key.as_str())
            {
                break;
            }
            if end == first + 1
                && (NOT_PLACES.contains(&key.as_str())
                    || key.len() < 2
                    || !self.plausible_single(&words[first], &key, locative || area_after || dateline))
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
            let next = words.get(end).map(|w| w.lower.as_str()).unwrap_or("");
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
                    && !self.gazetteer.lookup_key(&key).any(|p| p.kind == PlaceKind::Country));
            let role = if METONYM_VERBS.contains(&next) && end == last && self.is_strong_place(&key) {
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

    /// What the words around a run of capitalised words say it is: a
    /// person ("Nikol Pashinyan", "Clark said", "Clark, 22,", "Cleve R.
    /// Wootson", "Mary-Kate Olsen") or a firm ("Stevens & Wilkinson").
    fn name_cue(
        &self,
        words: &[Word<'_>],
        first: usize,
        last: usize,
        joined: &str,
        whole_is_place: bool,
    ) -> Option<Cue> {
        let lower = |i: usize| words[i].lower.as_str();
        // "Nikol Pashinyan", or a name followed by "said".
        let said_after =
            words.get(last).is_some_and(|w| matches!(w.lower.as_str(), "said" | "says" | "told" | "added"));
        // "Desmond Demetrius Clark, 22,": a name with an age after it.
        let age_after = words.get(last).is_some_and(|w| w.text == ",")
            && words
                .get(last + 1)
                .is_some_and(|w| w.text.parse::<u8>().is_ok_and(|age| (1..=110).contains(&age)))
            && words.get(last + 2).is_some_and(|w| w.text == ",");
        let lone_surname = last - first == 1 && (said_after || age_after) && !self.is_strong_place(joined);
        // Not at a sentence start: "Officials said" is no one's name.
        if lone_surname && words[first].capitalized && !words[first].sentence_start {
            return Some(Cue::Person);
        }
        // "Stevens & Wilkinson": names joined by an ampersand are a firm.
        let ampersand = |k: Option<&Word<'_>>| k.is_some_and(|w| w.text == "&");
        let by_ampersand = ampersand(words.get(last)) || (first > 0 && ampersand(words.get(first - 1)));
        if by_ampersand && !self.is_strong_place(joined) {
            return Some(Cue::Firm);
        }
        // "Cleve R. Wootson": a middle initial is a person's.
        let middle_initial = (first + 1..last.saturating_sub(1)).any(|k| {
            let t = words[k].text;
            t.len() == 2 && t.ends_with('.') && t.starts_with(|c: char| c.is_ascii_uppercase())
        });
        // "Logan-Rogersville": two towns' own names joined by a hyphen.
        let town_pair = last - first == 3
            && words[first + 1].text == "-"
            && [first, last - 1].iter().all(|&k| {
                let key = fold(words[k].text);
                self.gazetteer.lookup_key(&key).any(|p| fold(p.name) == key)
            });
        // "Mary-Kate Olsen", "Jean-Pierre Raffarin": a hyphenated given name.
        let hyphenated_given = (4..=5).contains(&(last - first))
            && words[first + 1].text == "-"
            && GIVEN_NAMES.contains(&lower(first))
            && GIVEN_NAMES.contains(&lower(first + 2));
        let looks_like_person = hyphenated_given
            || !whole_is_place
                && !town_pair
                && ((2..=3).contains(&(last - first))
                    && (GIVEN_NAMES.contains(&lower(first))
                        || ((said_after || age_after) && !self.is_strong_place(joined)))
                    || (middle_initial
                        && last - first <= 4
                        && !(first..last).any(|k| words[k].lower == "of")));
        looks_like_person.then_some(Cue::Person)
    }

    /// Places named inside an organisation's name: "Kentucky Department of
    /// Education", "University of Texas", "Paris Police Department".
    fn embedded_places(&self, words: &[Word<'_>], first: usize, last: usize, found: &mut Found) {
        let org_word = (first..last).find(|&i| ORG_WORDS.contains(&words[i].lower.as_str())).unwrap_or(last);
        // "Russian Foreign Ministry", "the European Investment Bank"
        if let Some(len) = demonym_len(words, first, org_word.max(first + 1).min(last)) {
            found.places.push(self.demonym(words, first, len));
            return;
        }
        let push = |from: usize, to: usize, found: &mut Found| {
            // "Association of Western Pennsylvania", "Northeast Georgia
            // Medical Center": a compass word before the place is no part of it.
            let from =
                if from + 1 < to && COMPASS.contains(&words[from].lower.as_str()) { from + 1 } else { from };
            for end in (from + 1..=to).rev() {
                let name = join(&words[from..end]);
                let key = fold(&name);
                if words[end - 1].punct
                    || !self.gazetteer.contains_key(&key)
                    || NOT_PLACES.contains(&key.as_str())
                {
                    continue;
                }
                if end - from == 1 && !self.is_strong_place(&name) && !self.is_named_area(&key) {
                    continue;
                }
                found.places.push(PlaceMention {
                    first: from,
                    last: end,
                    role: PlaceRole::Literal,
                    lookup: name,
                    area: false,
                });
                return;
            }
        };
        if org_word > first {
            push(first, org_word, found);
        }
        if let Some(of) = (org_word..last).find(|&i| matches!(words[i].lower.as_str(), "of" | "for" | "in")) {
            push(of + 1, last, found);
        }
    }

    /// Runs joined by "and" into one when the gazetteer knows the whole:
    /// "Trinidad and Tobago", "Bosnia and Herzegovina".
    fn join_known(
        &self,
        words: &[Word<'_>],
        runs: Vec<std::ops::Range<usize>>,
    ) -> Vec<std::ops::Range<usize>> {
        let mut out: Vec<std::ops::Range<usize>> = Vec::with_capacity(runs.len());
        for run in runs {
            if let Some(previous) = out.last_mut() {
                // "Trinidad and Tobago", "Democratic People's Republic of Korea"
                let gap = &words[previous.end..run.start];
                let and_between = gap.len() == 1 && gap[0].lower == "and";
                let possessive_between = gap.len() == 2
                    && matches!(gap[0].text, "'" | "’")
                    && gap[1].lower == "s"
                    && !gap[1].space_before;
                let start =
                    if words[previous.start].lower == "the" { previous.start + 1 } else { previous.start };
                if (and_between || possessive_between)
                    && start < previous.end
                    && self.gazetteer.contains_key(&fold(&join(&words[start..run.end])))
                {
                    previous.end = run.end;
                    continue;
                }
            }
            out.push(run);
        }
        out
    }

    /// The end of the longest run of two or more words from `first` that
    /// the gazetteer knows as one name.
    fn known_name(&self, words: &[Word<'_>], first: usize, last: usize) -> Option<usize> {
        (first + 2..=last.min(first + 6)).rev().find(|&end| {
            !words[end - 1].punct && self.gazetteer.contains_key(&fold(&join(&words[first..end])))
        })
    }

    fn is_named_area(&self, key: &str) -> bool {
        self.gazetteer.lookup_key(key).any(|p| !matches!(p.kind, PlaceKind::City) || p.population >= 20_000)
    }

    /// A demonym ("Azerbaijani", "Canadians") as a mention of its place.
    fn demonym(&self, words: &[Word<'_>], first: usize, len: usize) -> PlaceMention {
        let text = join(&words[first..first + len]);
        let target = demonym_target(&text).unwrap_or_default();
        let lookup = match self.gazetteer.country(target) {
            Some(country) => country.name.to_string(),
            None => target.to_string(),
        };
        PlaceMention { first, last: first + len, role: PlaceRole::Demonym, lookup, area: false }
    }

    /// Records a person and remembers the surname for later mentions.
    fn person(&self, words: &[Word<'_>], first: usize, last: usize, found: &mut Found) {
        if first >= last {
            return;
        }
        let full = join(&words[first..last]);
        let canonical = found.known_people.get(&full.to_lowercase()).cloned().unwrap_or_else(|| full.clone());
        // A surname that is a country or a big city ("India" in "Star
        // India") is not remembered: its later mentions stay places.
        if last - first >= 2 && !self.is_wide_or_big(words[last - 1].text) {
            let surname = words[last - 1].lower.clone();
            found.known_people.entry(surname).or_insert_with(|| canonical.clone());
            found.known_people.entry(full.to_lowercase()).or_insert_with(|| canonical.clone());
        }
        found.people.push((first, last, canonical));
    }

    /// A country, a region or a city of a million: a place that keeps its
    /// own sense inside a longer name ("Paris Saint-Germain").
    fn is_wide_or_big(&self, name: &str) -> bool {
        self.gazetteer.lookup_key(&fold(name)).any(|p| match p.kind {
            PlaceKind::Country | PlaceKind::Region => true,
            PlaceKind::City => p.population >= 1_000_000,
            PlaceKind::Admin1 | PlaceKind::Admin2 => false,
        })
    }

    /// A country, region or big city: a name that can stand for a
    /// government.
    fn is_strong_place(&self, name: &str) -> bool {
        self.gazetteer.lookup_key(&fold(name)).any(|p| {
            matches!(p.kind, PlaceKind::Country | PlaceKind::Region | PlaceKind::Admin1)
                || p.population >= 300_000
        })
    }

    /// A one-word match is taken when the place is of some size, or when
    /// the word is not at the start of a sentence (where any word is
    /// capitalised).
    fn plausible_single(&self, word: &Word<'_>, key: &str, placed: bool) -> bool {
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

    /// Resolves the places together and builds the entities.
    fn finish(&self, text: &str, words: &[Word<'_>], found: Found) -> Vec<Entity> {
        let mentions: Vec<Mention<'_>> = found
            .places
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // "Dublin, Ga.": a place, a comma, then the place holding it.
                let within = found.places.get(i + 1).filter(|next| {
                    next.first == p.last + 1
                        && words.get(p.last).is_some_and(|w| w.text == ",")
                        && next.role == PlaceRole::Literal
                });
                Mention {
                    name: &p.lookup,
                    area: p.area,
                    demonym: p.role == PlaceRole::Demonym,
                    within: within.map(|_| i + 1),
                    placed: placed_by_text(words, &found.places, i),
                }
            })
            .collect();
        let context: Vec<&str> = Vec::new();
        let resolved = Resolver::new(self.gazetteer).resolve(&mentions, &context);
        let points = dateline_geo::resolve::points(&resolved);
        let span = |first: usize, last: usize| {
            let (a, b) = (&words[first], &words[last - 1]);
            (a.start, b.end, text[a.bytes.start..b.bytes.end].to_string())
        };
        let mut out = Vec::new();
        for ((mention, place), point) in found.places.iter().zip(resolved).zip(points) {
            // A name the resolver turned down (see `Resolver::resolve`) was
            // no place after all.
            if place.is_none() && self.gazetteer.contains_key(&fold(&mention.lookup)) {
                continue;
            }
            let (start, end, text) = span(mention.first, mention.last);
            let mut entity = bare(start, end, text, EntityKind::Place);
            entity.role = Some(mention.role);
            if let Some(place) = place {
                entity.name = Some(place.name.to_string());
                entity.geonameid = place.id;
                entity.lat = point.map(|p| f64::from(p.0));
                entity.lon = point.map(|p| f64::from(p.1));
                entity.country = (!place.country.is_empty()).then(|| place.country.to_string());
                entity.admin1 = (!place.admin1.is_empty()).then(|| place.admin1.to_string());
            }
            out.push(entity);
        }
        for (first, last, canonical) in found.people {
            let (start, end, text) = span(first, last);
            let mut entity = bare(start, end, text, EntityKind::Person);
            entity.name = (canonical != entity.text).then_some(canonical);
            out.push(entity);
        }
        for (first, last, role) in found.orgs {
            let (start, end, text) = span(first, last);
            let mut entity = bare(start, end, text, EntityKind::Organization);
            entity.role = role;
            out.push(entity);
        }
        out.sort_by_key(|e| (e.start, e.end));
        out
    }
}

fn bare(start: usize, end: usize, text: String, kind: EntityKind) -> Entity {
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

/// Whether the text itself makes place mention `i` a place: a preposition
/// of place before it ("in Bakhmut"; "at" and "to" lead as often to a
/// venue, "at Salt + Smoke", as to a town), or a hyphen joining it to
/// another place ("Logan-Rogersville").
fn placed_by_text(words: &[Word<'_>], places: &[PlaceMention], i: usize) -> bool {
    let p = &places[i];
    let before = p.first.checked_sub(1).map(|b| words[b].lower.as_str());
    let preposition = before.is_some_and(|b| LOCATIVES.contains(&b) && !matches!(b, "at" | "to" | "from"));
    let hyphen_before = i > 0 && places[i - 1].last + 1 == p.first && words[p.first - 1].text == "-";
    let hyphen_after =
        places.get(i + 1).is_some_and(|next| next.first == p.last + 1 && words[p.last].text == "-");
    preposition || hyphen_before || hyphen_after
}

/// Where a name going on from `from` ends: at the first word in lower
/// case or punctuation ("Nadia Moayyad of Southlake" names a place after
/// "of").
fn name_end(words: &[Word<'_>], from: usize, last: usize) -> usize {
    (from..last).find(|&i| !words[i].capitalized || words[i].punct).unwrap_or(last)
}

/// The words of a run joined as written (hyphens kept).
fn join(run: &[Word<'_>]) -> String {
    let mut out = String::new();
    for (i, w) in run.iter().enumerate() {
        if i > 0 && w.space_before {
            out.push(' ');
        }
        out.push_str(w.text);
    }
    out
}

/// The first title ("President", "Prime Minister", "Foreign Minister")
/// inside a run: its word range. Generic words ("state", "chief") count
/// only next to a real title.
fn title_span(words: &[Word<'_>], first: usize, last: usize) -> Option<(usize, usize)> {
    let is_title = |i: usize| TITLES.contains(&words[i].lower.as_str());
    let start = (first..last).find(|&i| is_title(i))?;
    let mut end = start;
    while end < last && (is_title(end) || (words[end].lower == "of" && end + 1 < last && is_title(end + 1))) {
        end += 1;
    }
    let weak = [
        "state",
        "foreign",
        "defense",
        "defence",
        "interior",
        "finance",
        "chief",
        "executive",
        "crown",
        "vice",
    ];
    let only_weak = (start..end).all(|i| weak.contains(&words[i].lower.as_str()));
    (!only_weak).then_some((start, end))
}

/// How many words of a demonym start the run ("South Korean" is two).
fn demonym_len(words: &[Word<'_>], first: usize, last: usize) -> Option<usize> {
    (1..=2.min(last.saturating_sub(first)))
        .rev()
        .find(|&len| demonym_target(&join(&words[first..first + len])).is_some())
}

/// The country code or region a demonym points to; plurals too
/// ("Canadians", "Palestinians").
fn demonym_target(text: &str) -> Option<&'static str> {
    let find = |t: &str| DEMONYMS.iter().find(|(d, _)| *d == t).map(|(_, target)| *target);
    find(text).or_else(|| text.strip_suffix('s').and_then(find))
}
