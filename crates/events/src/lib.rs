//! Anchoring: for every dated expression of an article, the event it
//! dates (its clause and trigger word), whether that event happened, is
//! scheduled, was missed, is a deadline or is ongoing, and who and where.
//!
//! ```
//! use dateline_core::{Date, Document, Status};
//! use dateline_events::anchor;
//! use dateline_timex::Tagger;
//!
//! let doc = Document::new(Date::new(2020, 11, 26).unwrap(), "Azerbaijan will hand over the Lachin district on December 1.");
//! let timexes = Tagger::new().tag(&doc.text, doc.dct);
//! let entries = anchor(&doc, &timexes, &[]);
//! assert_eq!(entries[0].date, "2020-12-01");
//! assert_eq!(entries[0].status, Status::Scheduled);
//! assert_eq!(entries[0].event, "hand over");
//! ```

mod clause;
mod status;
mod trigger;

use dateline_core::{
    calendar_range, Document, Entity, EntityKind, Entry, EntryPlace, PlaceRole, Status, Timex,
};
use dateline_text::{sentences, tokenize, Token};

/// The timeline entries of one document, sorted by the day they start.
///
/// `timexes` and `entities` are the document's own (from the temporal
/// tagger and the entity recognizer). Only DATE and TIME expressions with
/// a calendar value anchor entries; no entry is made for a clause without
/// a date.
pub fn anchor(doc: &Document, timexes: &[Timex], entities: &[Entity]) -> Vec<Entry> {
    let tokens = tokenize(&doc.text);
    let sentences = sentences(&tokens);
    let mut entries = Vec::new();
    for timex in timexes.iter().filter(|t| t.is_dated()) {
        let Some((start, end)) = calendar_range(&timex.value) else { continue };
        let Some(first) = tokens.iter().position(|t| t.end > timex.start) else { continue };
        let last = tokens.iter().position(|t| t.start >= timex.end).unwrap_or(tokens.len());
        let Some(sentence) = sentences.iter().find(|s| s.contains(&first)).cloned() else { continue };
        let clause = clause::clause_of(&tokens, sentence.clone(), first, last);
        let words: Vec<String> = tokens[clause.clone()].iter().map(|t| t.text.to_ascii_lowercase()).collect();
        let word_before =
            |n: usize| first.checked_sub(n).map(|i| tokens[i].text.to_ascii_lowercase()).unwrap_or_default();
        let status = status::status(&words, &word_before(1), &word_before(2), start, doc.dct);
        // "time until November 25 to leave": a limit dates what must be
        // done by then.
        let deadline_verb = (status == Status::Deadline)
            .then(|| trigger::verb_after_to(&tokens, clause.clone(), last))
            .flatten();
        let (event, at) =
            deadline_verb.unwrap_or_else(|| trigger::trigger(&tokens, clause.clone(), first, last));
        let trigger = match (tokens.get(at.start), at.end.checked_sub(1).and_then(|e| tokens.get(e))) {
            (Some(a), Some(b)) if at.start < at.end => (a.start, b.end),
            _ => (timex.start, timex.start),
        };
        let (clause_start, clause_end) = (tokens[clause.start].start, tokens[clause.end - 1].end);
        let (actors, places) = who_and_where(entities, clause_start, clause_end);
        entries.push(Entry {
            date: timex.value.clone(),
            start,
            end,
            status,
            event,
            trigger,
            text: tidy(&doc.text, &tokens[clause.clone()]),
            timex: timex.clone(),
            sentence: (tokens[sentence.start].start, tokens[sentence.end - 1].end),
            actors,
            places,
            doc: doc.id.clone(),
        });
    }
    entries.sort_by_key(|e| (e.start, e.end, e.timex.start));
    entries
}

/// Event mentions of a whole text (character spans), as TimeML marks
/// them: verbs other than auxiliaries, event nouns, nominalisations.
///
/// ```
/// let spans = dateline_events::event_mentions("Troops entered the town after the election.");
/// assert_eq!(spans, vec![(7, 14), (34, 42)]);
/// ```
pub fn event_mentions(text: &str) -> Vec<(usize, usize)> {
    trigger::events_in(&tokenize(text))
}

/// The people and organisations, and the places, named in a clause
/// (characters `start..end`). A demonym ("Armenian troops") is not a place
/// where the event happened.
fn who_and_where(entities: &[Entity], start: usize, end: usize) -> (Vec<String>, Vec<EntryPlace>) {
    let mut actors: Vec<String> = Vec::new();
    let mut places: Vec<EntryPlace> = Vec::new();
    for entity in entities.iter().filter(|e| e.start >= start && e.end <= end) {
        let name = entity.name.clone().unwrap_or_else(|| entity.text.clone());
        match (entity.kind, entity.role) {
            (EntityKind::Person | EntityKind::Organization, _) => {
                if !actors.contains(&name) {
                    actors.push(name);
                }
            }
            (EntityKind::Place, Some(PlaceRole::Demonym)) => {}
            (EntityKind::Place, _) => {
                if !places.iter().any(|p| p.name == name) {
                    places.push(EntryPlace {
                        name,
                        geonameid: entity.geonameid,
                        lat: entity.lat,
                        lon: entity.lon,
                        country: entity.country.clone(),
                    });
                }
            }
        }
    }
    (actors, places)
}

/// The clause as written, without the openers and punctuation at its
/// edges: "but Yerevan sought time," becomes "Yerevan sought time".
fn tidy(text: &str, clause: &[Token<'_>]) -> String {
    let edge = |t: &Token<'_>| {
        matches!(t.text, "," | ";" | ":" | "." | "—" | "–" | "-" | "\"" | "'" | "(" | ")")
            || matches!(
                t.text.to_ascii_lowercase().as_str(),
                "but"
                    | "and"
                    | "while"
                    | "as"
                    | "that"
                    | "which"
                    | "after"
                    | "before"
                    | "when"
                    | "although"
                    | "because"
            )
    };
    let from = clause.iter().position(|t| !edge(t)).unwrap_or(0);
    let to = clause.iter().rposition(|t| !edge(t)).map_or(clause.len(), |i| i + 1);
    if from >= to {
        return String::new();
    }
    let raw = &text[clause[from].bytes.start..clause[to - 1].bytes.end];
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}
