//! The cross-document merge as plain Rust: accounts of dated events in,
//! events with their conflicts and links out.
//!
//! Two accounts tell the same event when their event words share a stem
//! ([`crate::identity`]: "exploded" and "explosion" do),
//! they share a place or an actor, and their dates overlap. Two accounts
//! of something that happened a few days apart are one event in
//! conflict. A planned, missed or deadline date is linked to the event
//! with the same word and place that did happen.
//!
//! The store reads the accounts from its entries and writes the events
//! back (`merge_sqlite.rs`); nothing here knows about SQLite, so the rules
//! are tested on tables of accounts at the bottom of this file.

use crate::identity::event_stems;
use dateline_core::{Date, DateSource, EntryPlace, Status, TimexValue};
use std::collections::HashMap;

/// One article's account of a dated event: a stored entry, as the merge
/// reads it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Account {
    /// The stored entry.
    pub entry: i64,
    /// The article that gives it.
    pub doc: String,
    /// The TIMEX3 value of its date.
    pub date: TimexValue,
    /// First day the date covers.
    pub start: Date,
    /// Last day the date covers (inclusive).
    pub end: Date,
    pub status: Status,
    /// The event word.
    pub event: String,
    /// The clause that tells it.
    pub text: String,
    pub places: Vec<EntryPlace>,
    /// People and organisations.
    pub actors: Vec<String>,
    /// Its date is inferred from the story, not told
    /// ([`DateSource::Inferred`]).
    pub inferred: bool,
}

/// One event: the accounts that tell it and what they agree on.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct MergedEvent {
    /// Its accounts (indices into the merge's input), in input order.
    pub accounts: Vec<usize>,
    /// The account that stands for the event (its range, word and
    /// clause): the first that gives the most common date.
    pub leader: usize,
    /// The date most accounts give.
    pub date: TimexValue,
    /// The status most accounts give.
    pub status: Status,
    /// Every date the accounts give, each once, in the order of their
    /// TIMEX3 strings.
    pub dates: Vec<TimexValue>,
    /// The event on the other side of a planned/happened pair (an index
    /// into the merge's events).
    pub linked: Option<usize>,
    /// Every account's date is inferred from its story.
    pub inferred: bool,
}

impl MergedEvent {
    /// Told with a date by at least one account, or only inferred.
    pub fn date_source(&self) -> DateSource {
        if self.inferred {
            DateSource::Inferred
        } else {
            DateSource::Explicit
        }
    }

    /// Whether its accounts disagree on the date.
    pub fn conflict(&self) -> bool {
        self.dates.len() > 1
    }

    /// Its places, each name once, in the order the accounts give them.
    pub fn places<'a>(&self, accounts: &'a [Account]) -> Vec<&'a EntryPlace> {
        let mut places: Vec<&EntryPlace> = Vec::new();
        for place in self.accounts.iter().flat_map(|&a| &accounts[a].places) {
            if !places.iter().any(|seen| seen.name == place.name) {
                places.push(place);
            }
        }
        places
    }

    /// Its people and organisations, each once, in the order the accounts
    /// give them.
    pub fn actors<'a>(&self, accounts: &'a [Account]) -> Vec<&'a str> {
        let mut actors: Vec<&str> = Vec::new();
        for actor in self.accounts.iter().flat_map(|&a| &accounts[a].actors) {
            if !actors.contains(&actor.as_str()) {
                actors.push(actor);
            }
        }
        actors
    }
}

/// The events of a merge, sorted by the first day of their first account.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Merged {
    pub events: Vec<MergedEvent>,
    /// Planned/happened pairs of accounts that ended up in two events.
    pub links: usize,
}

impl Merged {
    /// Events whose accounts disagree on the date.
    pub fn conflicts(&self) -> usize {
        self.events.iter().filter(|event| event.conflict()).count()
    }
}

/// Accounts of one happening this many days apart or fewer are one event
/// whose sources disagree, not two events.
const CONFLICT_DAYS: i64 = 3;

/// Accounts further apart than this are neither merged nor linked: a plan
/// and a happening months apart are two stories.
pub(crate) const WINDOW_DAYS: i64 = 40;

/// Merges accounts into events.
pub(crate) fn merge(accounts: &[Account]) -> Merged {
    let mut groups = UnionFind::new(accounts.len());
    let mut links: Vec<(usize, usize)> = Vec::new();
    for members in candidates(accounts).values_mut() {
        members.sort_by_key(|&a| accounts[a].start);
        for (k, &i) in members.iter().enumerate() {
            for &j in &members[k + 1..] {
                let (a, b) = (&accounts[i], &accounts[j]);
                let gap = days_between(a.end, b.start);
                if gap > WINDOW_DAYS {
                    break;
                }
                let happened = (a.status.happened(), b.status.happened());
                let same_telling = b.start <= a.end && happened.0 == happened.1;
                let conflicting =
                    happened == (true, true) && gap <= CONFLICT_DAYS && a.start == a.end && b.start == b.end;
                if same_telling || conflicting {
                    groups.union(i, j);
                } else if happened.0 != happened.1 {
                    links.push((i, j));
                }
            }
        }
    }
    let mut events: Vec<MergedEvent> = groups.sets().into_iter().map(|set| event(accounts, set)).collect();
    events.sort_by_key(|event| (accounts[event.accounts[0]].start, event.accounts[0]));
    let mut event_of = vec![0; accounts.len()];
    for (n, event) in events.iter().enumerate() {
        for &a in &event.accounts {
            event_of[a] = n;
        }
    }
    links.sort_unstable();
    links.dedup();
    let mut merged = Merged { links: 0, ..Merged::default() };
    for (i, j) in links {
        let (a, b) = (event_of[i], event_of[j]);
        if a != b {
            merged.links += 1;
            // An event keeps the first link it gets.
            events[a].linked.get_or_insert(b);
            events[b].linked.get_or_insert(a);
        }
    }
    merged.events = events;
    merged
}

/// Accounts that could tell the same event, by what they share: the stem
/// of the event word with a place or an actor.
fn candidates(accounts: &[Account]) -> HashMap<(String, Shared<'_>), Vec<usize>> {
    let mut buckets: HashMap<(String, Shared<'_>), Vec<usize>> = HashMap::new();
    for (i, account) in accounts.iter().enumerate() {
        for key in keys(account) {
            buckets.entry(key).or_default().push(i);
        }
    }
    buckets
}

/// The buckets an account falls in: each stem of its event word with each
/// place and actor it names.
fn keys(account: &Account) -> Vec<(String, Shared<'_>)> {
    let places = account.places.iter().map(|p| Shared::Place(&p.name));
    let actors = account.actors.iter().map(|a| Shared::Actor(a));
    let shared: Vec<Shared<'_>> = places.chain(actors).collect();
    event_stems(&account.event)
        .into_iter()
        .flat_map(|stem| shared.iter().map(move |&s| (stem.clone(), s)))
        .collect()
}

/// Whether two accounts could be merged or linked: they share a bucket
/// and lie within [`WINDOW_DAYS`] of each other. Only such pairs decide a
/// merge, so the events of accounts that cannot meet a new one stay as
/// they are when it is added.
pub(crate) fn could_meet(a: &Account, b: &Account) -> bool {
    let near = days_between(a.end, b.start) <= WINDOW_DAYS && days_between(b.end, a.start) <= WINDOW_DAYS;
    near && {
        let theirs = keys(b);
        keys(a).iter().any(|key| theirs.contains(key))
    }
}

/// A place or an actor two accounts name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Shared<'a> {
    Place(&'a str),
    Actor(&'a str),
}

/// The event told by a set of accounts (in input order). The accounts
/// that tell its date decide it, its status and its conflicts; those whose
/// date is inferred from their story decide only when no account tells
/// one, and then disagree with nobody.
fn event(accounts: &[Account], members: Vec<usize>) -> MergedEvent {
    let told: Vec<usize> = members.iter().copied().filter(|&m| !accounts[m].inferred).collect();
    let inferred = told.is_empty();
    let deciding = if inferred { &members } else { &told };
    let date = most_common(deciding.iter().map(|&m| &accounts[m].date), ToString::to_string).clone();
    let status = *most_common(deciding.iter().map(|&m| &accounts[m].status), |s| s.as_str());
    let leader = deciding.iter().copied().find(|&m| accounts[m].date == date).unwrap_or(deciding[0]);
    let mut dates: Vec<TimexValue> = vec![date.clone()];
    for &m in deciding.iter().filter(|_| !inferred) {
        if !dates.contains(&accounts[m].date) {
            dates.push(accounts[m].date.clone());
        }
    }
    dates.sort_by_cached_key(ToString::to_string);
    MergedEvent { accounts: members, leader, date, status, dates, linked: None, inferred }
}

/// The value given most often; a tie goes to the first by `spelling`, so
/// that the choice depends neither on the order of the accounts nor on the
/// order of an enum's variants.
fn most_common<'a, T: PartialEq, K: Ord>(
    values: impl Iterator<Item = &'a T>,
    spelling: impl Fn(&T) -> K,
) -> &'a T {
    let mut counts: Vec<(&T, usize)> = Vec::new();
    for value in values {
        match counts.iter_mut().find(|(seen, _)| *seen == value) {
            Some((_, count)) => *count += 1,
            None => counts.push((value, 1)),
        }
    }
    counts
        .into_iter()
        .min_by(|a, b| b.1.cmp(&a.1).then_with(|| spelling(a.0).cmp(&spelling(b.0))))
        .map(|(value, _)| value)
        .expect("an event has at least one account")
}

/// Days from `from` to `to`, negative when `to` comes first.
///
/// Civil dates have no time zone, so every day is 24 hours long and the
/// exact duration divides evenly.
fn days_between(from: Date, to: Date) -> i64 {
    to.duration_since(from).as_hours() / 24
}

/// Disjoint sets of accounts, joined pair by pair.
struct UnionFind(Vec<usize>);

impl UnionFind {
    fn new(len: usize) -> UnionFind {
        UnionFind((0..len).collect())
    }

    fn find(&mut self, i: usize) -> usize {
        let mut root = i;
        while self.0[root] != root {
            root = self.0[root];
        }
        let mut i = i;
        while self.0[i] != root {
            let next = self.0[i];
            self.0[i] = root;
            i = next;
        }
        root
    }

    fn union(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            self.0[b] = a;
        }
    }

    /// Every set, its members in increasing order.
    fn sets(mut self) -> Vec<Vec<usize>> {
        let mut sets: HashMap<usize, Vec<usize>> = HashMap::new();
        for i in 0..self.0.len() {
            let root = self.find(i);
            sets.entry(root).or_default().push(i);
        }
        sets.into_values().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One account of a table: event word, TIMEX3 value, status, place and
    /// actor ("" for none).
    type Row = (&'static str, &'static str, &'static str, &'static str, &'static str);

    fn account(n: usize, (word, date, status, place, actor): Row) -> Account {
        let date = TimexValue::parse(date);
        let (start, end) = date.range().expect("a calendar value");
        let place = EntryPlace {
            name: place.into(),
            geonameid: None,
            lat: None,
            lon: None,
            country: None,
            admin1: None,
        };
        Account {
            entry: n as i64 + 1,
            doc: format!("doc{n}"),
            date,
            start,
            end,
            status: status.parse().expect("a status"),
            event: word.into(),
            text: format!("{word} ({n})"),
            places: if place.name.is_empty() { vec![] } else { vec![place] },
            actors: if actor.is_empty() { vec![] } else { vec![actor.into()] },
            inferred: false,
        }
    }

    struct Case {
        name: &'static str,
        accounts: &'static [Row],
        /// The accounts of each event, in the order of the timeline.
        events: &'static [&'static [usize]],
        /// Each linked event with the event it is linked to.
        linked: &'static [(usize, usize)],
    }

    const CASES: &[Case] = &[
        Case {
            name: "the same event from three articles is one event in conflict",
            accounts: &[
                ("left", "2020-11-25", "occurred", "Kalbajar", ""),
                ("left", "2020-11-25", "occurred", "Kalbajar", ""),
                ("left", "2020-11-24", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0, 1, 2]],
            linked: &[],
        },
        Case {
            name: "a missed date is linked to the day it happened, both ways",
            accounts: &[
                ("hand", "2020-11-15", "missed", "Kalbajar", ""),
                ("handed", "2020-11-25", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[(0, 1), (1, 0)],
        },
        Case {
            name: "a plan and its happening on the same day are linked, not merged",
            accounts: &[
                ("sign", "2020-11-25", "scheduled", "Baku", ""),
                ("signed", "2020-11-25", "occurred", "Baku", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[(0, 1), (1, 0)],
        },
        Case {
            name: "different stems are not merged",
            accounts: &[
                ("left", "2020-11-25", "occurred", "Kalbajar", ""),
                ("arrived", "2020-11-25", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[],
        },
        Case {
            name: "the same word at two places is two events",
            accounts: &[
                ("left", "2020-11-25", "occurred", "Kalbajar", ""),
                ("left", "2020-11-25", "occurred", "Aghdam", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[],
        },
        Case {
            name: "a shared actor is enough",
            accounts: &[
                ("visited", "2020-11-26", "occurred", "Austin", "Sarah Kim"),
                ("visits", "2020-11-26", "occurred", "", "Sarah Kim"),
            ],
            events: &[&[0, 1]],
            linked: &[],
        },
        Case {
            name: "a gap over the window is neither merged nor linked",
            accounts: &[
                ("hand", "2020-01-10", "scheduled", "Kalbajar", ""),
                ("handed", "2020-03-01", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[],
        },
        Case {
            name: "two accounts of a day four days apart are two events",
            accounts: &[
                ("left", "2020-11-20", "occurred", "Kalbajar", ""),
                ("left", "2020-11-24", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[],
        },
        Case {
            name: "a month and a day inside it overlap: one event",
            accounts: &[
                ("fought", "2020-07-15", "occurred", "Tovuz", ""),
                ("fought", "2020-07", "ongoing", "Tovuz", ""),
            ],
            events: &[&[0, 1]],
            linked: &[],
        },
        // Issue 12: the merge counted a month as 31 days, so that 28
        // February to 2 March was five days, and the window closed two or
        // three days early after every short month.
        Case {
            name: "issue 12: two accounts over the end of February are two days apart",
            accounts: &[
                ("left", "2021-02-28", "occurred", "Kalbajar", ""),
                ("left", "2021-03-02", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0, 1]],
            linked: &[],
        },
        Case {
            name: "issue 12: a plan 40 days before its happening, over a leap February, is linked",
            accounts: &[
                ("hand", "2020-02-27", "missed", "Kalbajar", ""),
                ("handed", "2020-04-07", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[(0, 1), (1, 0)],
        },
        Case {
            name: "issue 12: 41 days are over the window, whatever the months",
            accounts: &[
                ("hand", "2021-02-27", "missed", "Kalbajar", ""),
                ("handed", "2021-04-09", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[],
        },
        Case {
            name: "issue 12: over the new year, four days are four days",
            accounts: &[
                ("left", "2020-12-30", "occurred", "Kalbajar", ""),
                ("left", "2021-01-03", "occurred", "Kalbajar", ""),
            ],
            events: &[&[0], &[1]],
            linked: &[],
        },
        Case {
            name: "a happening links to the plan before it, not to the one after the window",
            accounts: &[
                ("open", "2020-05-01", "expected", "Lachin", ""),
                ("opened", "2020-05-20", "occurred", "Lachin", ""),
                ("open", "2020-08-01", "expected", "Lachin", ""),
            ],
            events: &[&[0], &[1], &[2]],
            linked: &[(0, 1), (1, 0)],
        },
    ];

    #[test]
    fn merge_table() {
        for case in CASES {
            let accounts: Vec<Account> =
                case.accounts.iter().enumerate().map(|(n, &row)| account(n, row)).collect();
            let merged = merge(&accounts);
            let events: Vec<&[usize]> = merged.events.iter().map(|e| e.accounts.as_slice()).collect();
            assert_eq!(events, case.events, "{}", case.name);
            let linked: Vec<(usize, usize)> =
                merged.events.iter().enumerate().filter_map(|(n, e)| Some((n, e.linked?))).collect();
            assert_eq!(linked, case.linked, "{}", case.name);
            assert_eq!(merged.links, case.linked.len() / 2, "{}", case.name);
        }
    }

    #[test]
    fn days_between_counts_calendar_days() {
        let day = |s: &str| s.parse::<Date>().unwrap();
        for (from, to, days) in [
            ("2020-11-24", "2020-11-25", 1),
            ("2020-02-28", "2020-03-01", 2),
            ("2021-02-28", "2021-03-01", 1),
            ("2019-12-31", "2020-01-01", 1),
            ("2020-11-25", "2020-11-15", -10),
            ("2000-01-01", "2001-01-01", 366),
        ] {
            assert_eq!(days_between(day(from), day(to)), days, "{from} to {to}");
        }
    }

    #[test]
    fn an_event_takes_the_date_and_status_most_accounts_give() {
        let accounts: Vec<Account> = [
            ("left", "2020-11-24", "ongoing", "Kalbajar", ""),
            ("left", "2020-11-25", "occurred", "Kalbajar", ""),
            ("left", "2020-11-25", "occurred", "Kalbajar", ""),
        ]
        .into_iter()
        .enumerate()
        .map(|(n, row)| account(n, row))
        .collect();
        let merged = merge(&accounts);
        assert_eq!(merged.conflicts(), 1);
        let event = &merged.events[0];
        assert_eq!((event.date.to_string(), event.status), ("2020-11-25".to_string(), Status::Occurred));
        assert_eq!(event.dates, [TimexValue::parse("2020-11-24"), TimexValue::parse("2020-11-25")]);
        assert_eq!(event.leader, 1, "the first account with the most common date");
    }

    #[test]
    fn a_told_date_outweighs_inferred_ones_and_they_disagree_with_nobody() {
        let rows = [
            ("capped", "2010-07-17", "occurred", "", "BP"),
            ("capped", "2010-07-15", "occurred", "", "BP"),
            ("capped", "2010-07-17", "occurred", "", "BP"),
        ];
        let mut accounts: Vec<Account> =
            rows.into_iter().enumerate().map(|(n, row)| account(n, row)).collect();
        // The first and last dated from their stories, the second told.
        accounts[0].inferred = true;
        accounts[2].inferred = true;
        let merged = merge(&accounts);
        assert_eq!(merged.events.len(), 1);
        let event = &merged.events[0];
        assert_eq!((event.date.to_string(), event.leader), ("2010-07-15".to_string(), 1));
        assert!(!event.conflict() && event.date_source() == DateSource::Explicit);
        // Only inferred: the most common inferred day, no conflict.
        accounts[1].inferred = true;
        let event = &merge(&accounts).events[0];
        assert_eq!(event.date.to_string(), "2010-07-17");
        assert!(!event.conflict() && event.date_source() == DateSource::Inferred);
    }

    #[test]
    fn a_tie_goes_to_the_first_name_in_alphabetical_order() {
        // "expected" comes after "scheduled" among the variants, before it
        // in the alphabet; "2020-12" before "2020-12-01" in both.
        let accounts: Vec<Account> =
            [("vote", "2020-12-01", "scheduled", "Baku", ""), ("vote", "2020-12", "expected", "Baku", "")]
                .into_iter()
                .enumerate()
                .map(|(n, row)| account(n, row))
                .collect();
        let event = &merge(&accounts).events[0];
        assert_eq!((event.date.to_string(), event.status), ("2020-12".to_string(), Status::Expected));
        assert_eq!(event.leader, 1);
    }

    #[test]
    fn an_event_lists_each_place_and_actor_once_in_the_order_given() {
        let mut accounts: Vec<Account> = [
            ("met", "2020-11-26", "occurred", "Moscow", "Pashinyan"),
            ("met", "2020-11-26", "occurred", "Moscow", "Aliyev"),
        ]
        .into_iter()
        .enumerate()
        .map(|(n, row)| account(n, row))
        .collect();
        accounts[1].actors.push("Pashinyan".into());
        let merged = merge(&accounts);
        let event = &merged.events[0];
        let places: Vec<&str> = event.places(&accounts).iter().map(|p| p.name.as_str()).collect();
        assert_eq!(places, ["Moscow"]);
        assert_eq!(event.actors(&accounts), ["Pashinyan", "Aliyev"]);
    }
}
