//! Runs of capitalised words: what each one names (a person, an
//! organisation, places), and the runs the gazetteer joins.

use crate::found::{Cue, Found, PlaceMention};
use crate::keys::Keys;
use crate::lexicon::{GIVEN_NAMES, KNOWN_ORGS, LONGEST_KNOWN_ORG, NOT_PLACES, ORG_WORDS, SEATS, TITLES};
use crate::people::{name_end, title_span};
use crate::places::{demonym_len, COMPASS};
use crate::words::{join, Word};
use crate::Recognizer;
use dateline_core::PlaceRole;
use dateline_english::referents::LEGAL_SUFFIXES;
use dateline_geo::{fold, PlaceKind};

/// Last words of street names and addresses.
pub(crate) const STREET_WORDS: &[&str] = &[
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

impl Recognizer {
    /// Decides what a run of capitalised words `first..last` names.
    pub(crate) fn classify(&self, words: &[Word<'_>], first: usize, last: usize, found: &mut Found) {
        if first >= last {
            return;
        }
        if words[first].punct {
            return self.classify(words, first + 1, last, found);
        }
        let run = &words[first..last];
        let lower = |i: usize| words[i].lower;
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
            // "General Motors Corp.": a title word that opens a company's
            // name stays in it.
            let opens_company = TITLES.contains(&lower(first))
                && (first + 2..=last).any(|end| {
                    LEGAL_SUFFIXES.contains(&words[end - 1].lower)
                        || LEGAL_SUFFIXES.contains(&format!("{}.", words[end - 1].lower).as_str())
                });
            if !is_name_start && !opens_company {
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
        // Asked from the shortest tail up, and no further than the longest
        // known name: a tail's words are at least as long as their letters.
        let mut tail_len = words[last - 1].text.len();
        let known_tail = (first + 1..last.saturating_sub(1)).rev().any(|i| {
            tail_len += words[i].text.len();
            tail_len <= *LONGEST_KNOWN_ORG
                && !words[i].punct
                && KNOWN_ORGS.contains(join(&words[i..last]).as_str())
        });
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
        // The keys of the spans from `first`, folded once for this and
        // for the longest known prefix below.
        let keys = Keys::of(words, first, last);
        let whole_is_place = last - first >= 2 && self.is_key(keys.key(last));
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
        if let Some(next) = self.place_prefix(words, first, last, whole_is_place, &keys, found) {
            return self.classify(words, next, last, found);
        }
        if words[first].capitalized && !words[first].sentence_start && !NOT_PLACES.contains(&lower(first)) {
            found.inside_name_until = found.inside_name_until.max(name_end(words, first + 1, last));
        }
        self.classify(words, first + 1, last, found);
    }

    /// What the words around a run of capitalised words say it is: a
    /// person ("Nikol Pashinyan", "Clark said", "Clark, 22,", "Cleve R.
    /// Wootson", "Mary-Kate Olsen") or a firm ("Stevens & Wilkinson").
    pub(crate) fn name_cue(
        &self,
        words: &[Word<'_>],
        first: usize,
        last: usize,
        joined: &str,
        whole_is_place: bool,
    ) -> Option<Cue> {
        let lower = |i: usize| words[i].lower;
        // "Nikol Pashinyan", or a name followed by "said".
        let said_after =
            words.get(last).is_some_and(|w| matches!(w.lower, "said" | "says" | "told" | "added"));
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
    pub(crate) fn embedded_places(&self, words: &[Word<'_>], first: usize, last: usize, found: &mut Found) {
        let org_word = (first..last).find(|&i| ORG_WORDS.contains(&words[i].lower)).unwrap_or(last);
        // "Russian Foreign Ministry", "the European Investment Bank"
        if let Some(len) = demonym_len(words, first, org_word.max(first + 1).min(last)) {
            found.places.push(self.demonym(words, first, len));
            return;
        }
        let push = |from: usize, to: usize, found: &mut Found| {
            // "Association of Western Pennsylvania", "Northeast Georgia
            // Medical Center": a compass word before the place is no part of it.
            let from = if from + 1 < to && COMPASS.contains(&words[from].lower) { from + 1 } else { from };
            let keys = Keys::of(words, from, to);
            for end in (from + 1..=to).rev() {
                let key = keys.key(end);
                if words[end - 1].punct || !self.is_key(key) || NOT_PLACES.contains(&key) {
                    continue;
                }
                let name = join(&words[from..end]);
                if end - from == 1 && !self.is_strong_place(&name) && !self.is_named_area(key) {
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
        if let Some(of) = (org_word..last).find(|&i| matches!(words[i].lower, "of" | "for" | "in")) {
            push(of + 1, last, found);
        }
    }

    /// Runs joined by "and" into one when the gazetteer knows the whole:
    /// "Trinidad and Tobago", "Bosnia and Herzegovina".
    pub(crate) fn join_known(
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
    pub(crate) fn known_name(&self, words: &[Word<'_>], first: usize, last: usize) -> Option<usize> {
        (first + 2..=last.min(first + 6)).rev().find(|&end| {
            !words[end - 1].punct && self.gazetteer.contains_key(&fold(&join(&words[first..end])))
        })
    }
}
