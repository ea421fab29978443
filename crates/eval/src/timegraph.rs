//! Temporal awareness (UzZaman and Allen 2011) as the official TempEval-3
//! script measures it (`temporal_evaluation.py` with
//! `relation_to_timegraph.py`), for TempEval-3 Task C relations between
//! TimeML events and times and for SemEval-2015 Task 4 timelines (whose
//! official script runs the same code underneath): each side's relations
//! build a time graph in order, and precision and recall count the
//! relations each graph keeps that the other side states or implies.
//!
//! The script turns a timeline into relations so: its lines are sorted in
//! natural order (numbers by value) and those of position 0 dropped; every
//! event (each event field of a line) is SIMULTANEOUS with its date (one
//! node per distinct date string, `XXXX-XX-XX` included); each event is
//! BEFORE the next one in that order when its position is lower, else
//! SIMULTANEOUS with it. System events are matched to gold ones by name
//! (the k-th system occurrence of a name to its k-th gold occurrence),
//! dates by their string.
//!
//! The graph holds the start and end point of each interval, start before
//! end; every TimeML relation is a conjunction of constraints on those
//! points, each `<` or `=` (see [`Rel`]). A relation between intervals
//! already in the graph that the graph implies is redundant (left out of
//! the reduced relations); one it contradicts is a violation (kept in the
//! relations counted, never added); any other is added. A relation is
//! implied when each of its constraints is, contradicted when one is or
//! when they cannot all hold together. Equal points are merged
//! (union-find) and the strict edges hang off each class's root, so a
//! point comes before another exactly when a path of edges leads from its
//! class to the other's: for constraints that only order or equate
//! points, that is everything they imply. The script's time graph (chains
//! of points with a metagraph between them) gives the same answers on
//! timelines (BEFORE and SIMULTANEOUS in order); with the other TimeML
//! relations it slips now and then (see [`crate::AwarenessScore`]).

use std::collections::{HashMap, HashSet};

/// A TimeML relation between two intervals `x rel y`, as the script knows
/// them. DURING and DURING_INV are read as SIMULTANEOUS, as the script
/// reads them; IDENTITY says what SIMULTANEOUS says but is a relation of
/// its own name (a relation the other side states word for word matches
/// only the same name).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rel {
    /// `x.end < y.start`.
    Before,
    /// `y.end < x.start`.
    After,
    /// `x.end = y.start`.
    IBefore,
    /// `y.end = x.start`.
    IAfter,
    /// `x.start < y.start`, `y.end < x.end`.
    Includes,
    /// `y.start < x.start`, `x.end < y.end`.
    IsIncluded,
    /// `x.start = y.start`, `x.end = y.end`.
    Simultaneous,
    /// As [`Rel::Simultaneous`].
    Identity,
    /// `x.start = y.start`, `x.end < y.end`.
    Begins,
    /// `x.start = y.start`, `y.end < x.end`.
    BegunBy,
    /// `x.end = y.end`, `y.start < x.start`.
    Ends,
    /// `x.end = y.end`, `x.start < y.start`.
    EndedBy,
}

/// An end point of one of the two intervals of a relation.
#[derive(Clone, Copy, Debug)]
enum Bound {
    XStart,
    XEnd,
    YStart,
    YEnd,
}

/// A constraint between two end points: the first before the second
/// (`true`, strict) or equal to it (`false`).
type Constraint = (Bound, Bound, bool);

impl Rel {
    /// The relation a TimeML `relType` names (any case), `None` for one
    /// that orders nothing the graph can hold.
    pub(crate) fn parse(rel_type: &str) -> Option<Rel> {
        Some(match rel_type.trim().to_ascii_uppercase().as_str() {
            "BEFORE" => Rel::Before,
            "AFTER" => Rel::After,
            "IBEFORE" => Rel::IBefore,
            "IAFTER" => Rel::IAfter,
            "INCLUDES" => Rel::Includes,
            "IS_INCLUDED" => Rel::IsIncluded,
            "SIMULTANEOUS" | "DURING" | "DURING_INV" => Rel::Simultaneous,
            "IDENTITY" => Rel::Identity,
            "BEGINS" => Rel::Begins,
            "BEGUN_BY" => Rel::BegunBy,
            "ENDS" => Rel::Ends,
            "ENDED_BY" => Rel::EndedBy,
            _ => return None,
        })
    }

    /// The relation of `y` to `x` when `self` is that of `x` to `y`.
    pub(crate) fn inverse(self) -> Rel {
        match self {
            Rel::Before => Rel::After,
            Rel::After => Rel::Before,
            Rel::IBefore => Rel::IAfter,
            Rel::IAfter => Rel::IBefore,
            Rel::Includes => Rel::IsIncluded,
            Rel::IsIncluded => Rel::Includes,
            Rel::Simultaneous => Rel::Simultaneous,
            Rel::Identity => Rel::Identity,
            Rel::Begins => Rel::BegunBy,
            Rel::BegunBy => Rel::Begins,
            Rel::Ends => Rel::EndedBy,
            Rel::EndedBy => Rel::Ends,
        }
    }

    /// What the relation says of the end points (besides each interval's
    /// start coming before its end).
    fn constraints(self) -> &'static [Constraint] {
        use Bound::{XEnd, XStart, YEnd, YStart};
        match self {
            Rel::Before => &[(XEnd, YStart, true)],
            Rel::After => &[(YEnd, XStart, true)],
            Rel::IBefore => &[(XEnd, YStart, false)],
            Rel::IAfter => &[(YEnd, XStart, false)],
            Rel::Includes => &[(XStart, YStart, true), (YEnd, XEnd, true)],
            Rel::IsIncluded => &[(YStart, XStart, true), (XEnd, YEnd, true)],
            Rel::Simultaneous | Rel::Identity => &[(XStart, YStart, false), (XEnd, YEnd, false)],
            Rel::Begins => &[(XStart, YStart, false), (XEnd, YEnd, true)],
            Rel::BegunBy => &[(XStart, YStart, false), (YEnd, XEnd, true)],
            Rel::Ends => &[(XEnd, YEnd, false), (YStart, XStart, true)],
            Rel::EndedBy => &[(XEnd, YEnd, false), (XStart, YStart, true)],
        }
    }

    /// Whether the relation holds of an interval and itself.
    fn reflexive(self) -> bool {
        matches!(self, Rel::Simultaneous | Rel::Identity)
    }
}

/// A relation between two named intervals: `(x, y, rel)`.
pub(crate) type Relation = (String, String, Rel);

/// Ranks of new points are this far apart, leaving room below each.
const GAP: i64 = 1 << 20;

/// Intervals (by name) with their end points, equal points merged.
///
/// The classes of equal points and the strict edges between them make a
/// graph without cycles (the relations added are consistent). Each class
/// has a rank, and every edge goes up in rank, so a point can only come
/// before one of a higher rank, and a search for a path need not pass
/// that rank: most questions end at once. An edge that goes down moves
/// its source and what leads to it just below its target, in the room
/// new points leave there (a fresh interval linked to what came before
/// is two points moved); when there is no room, the classes are ranked
/// afresh in a topological order.
#[derive(Default)]
struct Graph {
    intervals: HashMap<String, (usize, usize)>,
    /// Union-find over points.
    parent: Vec<usize>,
    /// Strict "earlier than" edges out of each class, on its root (the
    /// targets are any points of their classes).
    later: Vec<Vec<usize>>,
    /// The same edges, into each class.
    earlier: Vec<Vec<usize>>,
    /// Each class's rank (on its root): every edge goes up in rank.
    rank: Vec<i64>,
    /// The highest rank given so far.
    top: i64,
    /// Search marks: `seen[p] == stamp` when the class of root `p` has
    /// been reached in the current search.
    seen: Vec<u32>,
    stamp: u32,
}

impl Graph {
    fn find(&mut self, mut p: usize) -> usize {
        while self.parent[p] != p {
            self.parent[p] = self.parent[self.parent[p]];
            p = self.parent[p];
        }
        p
    }

    fn point(&mut self) -> usize {
        let p = self.parent.len();
        self.parent.push(p);
        self.later.push(Vec::new());
        self.earlier.push(Vec::new());
        self.top += GAP;
        self.rank.push(self.top);
        self.seen.push(0);
        p
    }

    fn interval(&mut self, name: &str) -> (usize, usize) {
        if let Some(&points) = self.intervals.get(name) {
            return points;
        }
        let (start, end) = (self.point(), self.point());
        self.later[start].push(end);
        self.earlier[end].push(start);
        self.intervals.insert(name.to_string(), (start, end));
        (start, end)
    }

    /// A fresh mark for a search.
    fn new_search(&mut self) -> u32 {
        self.stamp = self.stamp.wrapping_add(1);
        if self.stamp == 0 {
            self.seen.fill(0);
            self.stamp = 1;
        }
        self.stamp
    }

    /// Ranks the root `first` and the classes that lead to it below the
    /// root `then`, if there is room: they keep their order among
    /// themselves, above every class that leads to them from outside.
    fn lower(&mut self, first: usize, then: usize) -> bool {
        let low = self.rank[then];
        // What leads to `first` from rank `low` up, and the highest rank
        // of what leads to that from below.
        let stamp = self.new_search();
        self.seen[first] = stamp;
        let mut moving = vec![first];
        let mut floor = i64::MIN;
        let mut k = 0;
        while k < moving.len() {
            let p = moving[k];
            k += 1;
            for e in 0..self.earlier[p].len() {
                let q = self.find(self.earlier[p][e]);
                if self.rank[q] < low {
                    floor = floor.max(self.rank[q]);
                } else if self.seen[q] != stamp {
                    self.seen[q] = stamp;
                    moving.push(q);
                }
            }
        }
        let count = moving.len() as i64;
        let floor = floor.max(low - GAP * (count + 1));
        let step = (low - floor) / (count + 1);
        if step < 1 {
            return false;
        }
        moving.sort_unstable_by_key(|&p| self.rank[p]);
        for (i, p) in (1..).zip(moving) {
            self.rank[p] = floor + i * step;
        }
        true
    }

    /// Ranks every class afresh, in a topological order (Kahn's).
    fn rerank(&mut self) {
        let roots: Vec<usize> = (0..self.parent.len()).filter(|&p| self.parent[p] == p).collect();
        let mut waiting = vec![0usize; self.parent.len()];
        for &p in &roots {
            for e in 0..self.later[p].len() {
                let q = self.find(self.later[p][e]);
                waiting[q] += 1;
            }
        }
        let mut ready: Vec<usize> = roots.iter().copied().filter(|&p| waiting[p] == 0).collect();
        self.top = 0;
        while let Some(p) = ready.pop() {
            self.top += GAP;
            self.rank[p] = self.top;
            for e in 0..self.later[p].len() {
                let q = self.find(self.later[p][e]);
                waiting[q] -= 1;
                if waiting[q] == 0 {
                    ready.push(q);
                }
            }
        }
    }

    /// Adds the constraint that point `a` comes before point `b`.
    fn add_before(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        self.later[a].push(b);
        self.earlier[b].push(a);
        if self.rank[a] >= self.rank[b] && !self.lower(a, b) {
            self.rerank();
        }
    }

    /// Makes `a` and `b` one point (nothing orders them yet).
    fn merge(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a == b {
            return;
        }
        // The one of the higher rank, with what leads to it, goes just
        // below the other, whose rank the class takes: above all that
        // leads to either and below all that follows from either.
        let (low, high) = if self.rank[a] < self.rank[b] { (a, b) } else { (b, a) };
        let ranked = self.lower(high, low);
        let rank = self.rank[low];
        // The root keeps the longer edge lists; the other one joins it.
        let size = |p: usize| self.later[p].len() + self.earlier[p].len();
        let (root, other) = if size(a) >= size(b) { (a, b) } else { (b, a) };
        self.parent[other] = root;
        self.rank[root] = rank;
        let moved = std::mem::take(&mut self.later[other]);
        self.later[root].extend(moved);
        let moved = std::mem::take(&mut self.earlier[other]);
        self.earlier[root].extend(moved);
        if !ranked {
            self.rerank();
        }
    }

    /// Whether point `b` comes strictly after point `a`: a path of strict
    /// edges leads from the class of `a` to that of `b`.
    fn before(&mut self, a: usize, b: usize) -> bool {
        let (from, to) = (self.find(a), self.find(b));
        if from == to || self.rank[from] >= self.rank[to] {
            return false;
        }
        let limit = self.rank[to];
        let stamp = self.new_search();
        let mut stack = vec![from];
        while let Some(p) = stack.pop() {
            for k in 0..self.later[p].len() {
                let next = self.find(self.later[p][k]);
                if next == to {
                    return true;
                }
                if self.rank[next] < limit && self.seen[next] != stamp {
                    self.seen[next] = stamp;
                    stack.push(next);
                }
            }
        }
        false
    }

    fn equal(&mut self, a: usize, b: usize) -> bool {
        self.find(a) == self.find(b)
    }

    /// What the graph says of one point constraint: `Some(true)` implied,
    /// `Some(false)` contradicted, `None` open.
    fn point_holds(&mut self, a: usize, b: usize, strict: bool) -> Option<bool> {
        if strict {
            if self.before(a, b) {
                Some(true)
            } else if self.equal(a, b) || self.before(b, a) {
                Some(false)
            } else {
                None
            }
        } else if self.equal(a, b) {
            Some(true)
        } else if self.before(a, b) || self.before(b, a) {
            Some(false)
        } else {
            None
        }
    }

    /// Whether the graph with the constraints `extra` (points, strict)
    /// added stays consistent: no cycle of edges (an equality an edge each
    /// way) passes through a strict one. The graph alone has none, so such
    /// a cycle takes added edges, with paths of the graph between them:
    /// over the few classes the constraints touch, the graph's paths
    /// between them and the added edges, look for a cycle with a strict
    /// step (Floyd and Warshall).
    fn consistent_with(&mut self, extra: &[(usize, usize, bool)]) -> bool {
        let mut classes: Vec<usize> = Vec::with_capacity(2 * extra.len());
        for &(a, b, _) in extra {
            for p in [self.find(a), self.find(b)] {
                if !classes.contains(&p) {
                    classes.push(p);
                }
            }
        }
        let n = classes.len();
        let at = |p: usize| classes.iter().position(|&c| c == p).unwrap_or(0);
        // steps[i * n + j]: a way from class i to class j, and whether one
        // with a strict step.
        let mut steps: Vec<Option<bool>> = vec![None; n * n];
        for i in 0..n {
            for j in 0..n {
                if i != j && self.before(classes[i], classes[j]) {
                    steps[i * n + j] = Some(true);
                }
            }
        }
        for &(a, b, strict) in extra {
            let (i, j) = (at(self.find(a)), at(self.find(b)));
            steps[i * n + j] = Some(steps[i * n + j] == Some(true) || strict);
            if !strict {
                steps[j * n + i] = Some(steps[j * n + i] == Some(true));
            }
        }
        for k in 0..n {
            for i in 0..n {
                for j in 0..n {
                    if let (Some(first), Some(then)) = (steps[i * n + k], steps[k * n + j]) {
                        steps[i * n + j] = Some(steps[i * n + j] == Some(true) || first || then);
                    }
                }
            }
        }
        (0..n).all(|i| steps[i * n + i] != Some(true))
    }

    /// The end points a relation of `x` to `y` constrains, with how.
    fn constraints(&self, x: &str, y: &str, rel: Rel) -> Option<Vec<(usize, usize, bool)>> {
        let (&(xs, xe), &(ys, ye)) = (self.intervals.get(x)?, self.intervals.get(y)?);
        let point = |bound: Bound| match bound {
            Bound::XStart => xs,
            Bound::XEnd => xe,
            Bound::YStart => ys,
            Bound::YEnd => ye,
        };
        Some(rel.constraints().iter().map(|&(a, b, strict)| (point(a), point(b), strict)).collect())
    }

    /// What the graph says of `x rel y`: `Some(true)` implied (every
    /// constraint of the relation is), `Some(false)` contradicted (some
    /// constraint is, or they cannot all hold together), `None` open (or
    /// an interval unknown).
    fn holds(&mut self, x: &str, y: &str, rel: Rel) -> Option<bool> {
        let constraints = self.constraints(x, y, rel)?;
        let mut open = 0;
        for &(a, b, strict) in &constraints {
            match self.point_holds(a, b, strict) {
                Some(true) => {}
                Some(false) => return Some(false),
                None => open += 1,
            }
        }
        match open {
            0 => Some(true),
            1 => None,
            _ if self.consistent_with(&constraints) => None,
            _ => Some(false),
        }
    }

    fn add(&mut self, x: &str, y: &str, rel: Rel) {
        self.interval(x);
        self.interval(y);
        for (a, b, strict) in self.constraints(x, y, rel).unwrap_or_default() {
            if strict {
                self.add_before(a, b);
            } else {
                self.merge(a, b);
            }
        }
    }
}

/// The relations a graph keeps of `relations` added in order (the reduced
/// ones and the violations), and the graph. A relation given twice counts
/// once; one of an interval to itself is a violation unless it equates
/// them, as in the script.
fn build(relations: &[Relation]) -> (Vec<Relation>, Graph) {
    let mut graph = Graph::default();
    let mut kept = Vec::new();
    let mut seen = HashSet::new();
    for relation @ (x, y, rel) in relations {
        if !seen.insert((x.as_str(), y.as_str(), *rel)) {
            continue;
        }
        if x == y && !rel.reflexive() {
            kept.push(relation.clone());
            continue;
        }
        match graph.holds(x, y, *rel) {
            Some(true) => {}
            Some(false) => kept.push(relation.clone()),
            None => {
                graph.add(x, y, *rel);
                kept.push(relation.clone());
            }
        }
    }
    (kept, graph)
}

/// How many of `relations` the other side states (either way round: its
/// relations with their inverses, as the script's triples) or its graph
/// implies.
fn matched(relations: &[Relation], stated: &[Relation], graph: &mut Graph) -> usize {
    let mut triples: HashSet<(&str, &str, Rel)> = HashSet::new();
    for (a, b, rel) in stated {
        triples.insert((a, b, *rel));
        if a != b {
            triples.insert((b, a, rel.inverse()));
        }
    }
    relations
        .iter()
        .filter(|(x, y, rel)| {
            triples.contains(&(x.as_str(), y.as_str(), *rel)) || graph.holds(x, y, *rel) == Some(true)
        })
        .count()
}

/// Temporal awareness of one document's system relations against its gold
/// ones, as counts: (system relations the gold states or implies, system
/// relations kept, gold relations the system states or implies, gold
/// relations kept).
pub(crate) fn awareness_counts(gold: &[Relation], system: &[Relation]) -> (usize, usize, usize, usize) {
    let (gold_kept, mut gold_graph) = build(gold);
    let (system_kept, mut system_graph) = build(system);
    let precision_hits = matched(&system_kept, gold, &mut gold_graph);
    let recall_hits = matched(&gold_kept, system, &mut system_graph);
    (precision_hits, system_kept.len(), recall_hits, gold_kept.len())
}

/// For each pair `(x, y)`, the TimeML relation that the closure of
/// `links` (`(x, y, relType)`, any TimeML name) makes certain between
/// them, None when it leaves them open. The basic relations exclude one
/// another, so at most one is certain. A learner can take these as labels
/// where annotators drew no link: "A before B" and "B before C" make "A
/// before C" as true as a drawn link.
pub fn implied_relations(
    links: &[(String, String, String)],
    pairs: &[(String, String)],
) -> Vec<Option<&'static str>> {
    let relations: Vec<Relation> =
        links.iter().filter_map(|(x, y, rel)| Some((x.clone(), y.clone(), Rel::parse(rel)?))).collect();
    let (_, mut graph) = build(&relations);
    const BASIC: [(Rel, &str); 11] = [
        (Rel::Before, "BEFORE"),
        (Rel::After, "AFTER"),
        (Rel::IBefore, "IBEFORE"),
        (Rel::IAfter, "IAFTER"),
        (Rel::Includes, "INCLUDES"),
        (Rel::IsIncluded, "IS_INCLUDED"),
        (Rel::Simultaneous, "SIMULTANEOUS"),
        (Rel::Begins, "BEGINS"),
        (Rel::BegunBy, "BEGUN_BY"),
        (Rel::Ends, "ENDS"),
        (Rel::EndedBy, "ENDED_BY"),
    ];
    pairs
        .iter()
        .map(|(x, y)| {
            (x != y)
                .then(|| {
                    BASIC.iter().find(|(rel, _)| graph.holds(x, y, *rel) == Some(true)).map(|(_, name)| *name)
                })
                .flatten()
        })
        .collect()
}

/// A line of a timeline: position, date, events.
type Line = (usize, String, Vec<String>);

/// One timeline's lines as the script reads them, in natural order of the
/// line's text, position 0 left out.
fn lines(rows: &[Line]) -> Vec<Line> {
    let mut out: Vec<Line> = rows.iter().filter(|(index, _, _)| *index > 0).cloned().collect();
    out.sort_by_cached_key(|row| natural(&format!("{}\t{}\t{}", row.0, row.1, row.2.join("\t"))));
    out
}

/// A sort key that orders runs of digits by value, as the script's
/// `natural_keys` does.
fn natural(text: &str) -> Vec<(bool, u128, String)> {
    let mut key = Vec::new();
    let mut rest = text;
    while !rest.is_empty() {
        let digits = rest.find(|c: char| !c.is_ascii_digit()).unwrap_or(rest.len());
        if digits > 0 {
            key.push((false, rest[..digits].parse().unwrap_or(u128::MAX), String::new()));
            rest = &rest[digits..];
        } else {
            let text_end = rest.find(|c: char| c.is_ascii_digit()).unwrap_or(rest.len());
            key.push((true, 0, rest[..text_end].to_string()));
            rest = &rest[text_end..];
        }
    }
    key
}

/// The relations of one timeline, with node names shared with the gold
/// one: the gold's events by their place, a system's by name and
/// occurrence; dates by string.
fn relations(rows: &[Line], gold_events: &[String], gold_dates: &[String], is_gold: bool) -> Vec<Relation> {
    let mut events: Vec<(usize, String)> = Vec::new();
    // How often each name has come so far in this timeline.
    let mut count: HashMap<String, usize> = HashMap::new();
    let mut fresh = gold_events.len();
    let mut out = Vec::new();
    for (index, date, names) in lines(rows) {
        let date_node = match gold_dates.iter().position(|d| *d == date) {
            Some(k) => format!("t{k}"),
            None => format!("t:{date}"),
        };
        for name in names {
            let so_far = count.entry(name.clone()).or_insert(0);
            let in_gold = gold_events.iter().filter(|g| **g == name).count();
            // As the script does: the first gold occurrence of the name at
            // or after (its first position + occurrences so far), which is
            // not always the next one.
            let gold =
                gold_events.iter().position(|g| *g == name).filter(|_| *so_far < in_gold).and_then(|first| {
                    gold_events
                        .iter()
                        .skip(first + *so_far)
                        .position(|g| *g == name)
                        .map(|k| first + *so_far + k)
                });
            *so_far += 1;
            let gold = if is_gold { Some(events.len()) } else { gold };
            let node = match gold {
                Some(k) => format!("e{k}"),
                None => {
                    fresh += 1;
                    format!("e{fresh}")
                }
            };
            out.push((node.clone(), date_node.clone(), Rel::Simultaneous));
            events.push((index, node));
        }
    }
    for pair in events.windows(2) {
        let rel = if pair[0].0 < pair[1].0 { Rel::Before } else { Rel::Simultaneous };
        out.push((pair[0].1.clone(), pair[1].1.clone(), rel));
    }
    out
}

/// Temporal awareness of one system timeline against its gold one, as
/// counts: (system relations implied by the gold, system relations kept,
/// gold relations implied by the system, gold relations kept).
pub(crate) fn awareness(gold: &[Line], system: &[Line]) -> (usize, usize, usize, usize) {
    let gold_lines = lines(gold);
    let gold_events: Vec<String> = gold_lines.iter().flat_map(|(_, _, names)| names.clone()).collect();
    let mut gold_dates: Vec<String> = Vec::new();
    for (_, date, _) in &gold_lines {
        if !gold_dates.contains(date) {
            gold_dates.push(date.clone());
        }
    }
    let gold_relations = relations(gold, &gold_events, &gold_dates, true);
    let system_relations = relations(system, &gold_events, &gold_dates, false);
    awareness_counts(&gold_relations, &system_relations)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Timeline;

    /// Counts the official script gives on the same two files (P 3/10,
    /// R 4/7): a name told twice, two events on one line, a date only the
    /// system has, a position 0 left out, and an order the gold
    /// contradicts.
    #[test]
    fn agrees_with_the_official_script() {
        let gold = Timeline::parse(
            "X\n1\t2008-01-01\t1-1-a\n2\t2008-02-01\t1-2-b\t2-5-b\n2\t2008-02-01\t2-3-c\n\
             3\tXXXX-XX-XX\t3-1-d\n0\tXXXX-XX-XX\t3-4-e\n",
        )
        .unwrap();
        let system = Timeline::parse(
            "X\n1\t2008-01-01\t1-1-a\n1\t2008-01-01\t2-3-c\n2\t2008-02-01\t1-2-b\n3\t2009-01-01\t3-1-d\n\
             4\t2008-01-01\t1-1-a\n5\t2010\t9-9-z\n",
        )
        .unwrap();
        assert_eq!(awareness(&gold.rows, &system.rows), (3, 10, 4, 7));
        assert_eq!(awareness(&gold.rows, &gold.rows), (7, 7, 7, 7));
    }

    #[test]
    fn implied_relations_are_not_kept_and_contradicted_ones_are() {
        let relations = [
            ("a", "t", Rel::Simultaneous),
            ("b", "t", Rel::Simultaneous),
            ("a", "b", Rel::Simultaneous),
            ("a", "b", Rel::Before),
        ]
        .map(|(x, y, r)| (x.to_string(), y.to_string(), r));
        let (kept, mut graph) = build(&relations);
        // a = b follows from a = t = b; a before b contradicts it.
        assert_eq!(kept.len(), 3);
        assert_eq!(graph.holds("a", "b", Rel::Simultaneous), Some(true));
        assert_eq!(graph.holds("a", "b", Rel::Before), Some(false));
        assert_eq!(graph.holds("a", "nowhere", Rel::Before), None);
    }

    #[test]
    fn the_closure_names_the_one_relation_it_makes_certain() {
        let links = [("a", "b", "BEFORE"), ("b", "c", "IBEFORE"), ("d", "c", "DURING"), ("e", "a", "AFTER")]
            .map(|(x, y, r)| (x.to_string(), y.to_string(), r.to_string()));
        let pairs = [("a", "c"), ("c", "a"), ("d", "c"), ("b", "e"), ("a", "a"), ("a", "nowhere")]
            .map(|(x, y)| (x.to_string(), y.to_string()));
        // b and e both follow a, in no known order.
        assert_eq!(
            implied_relations(&links, &pairs),
            [Some("BEFORE"), Some("AFTER"), Some("SIMULTANEOUS"), None, None, None]
        );
    }

    /// Relations written `x REL y, ...` as TimeML names them.
    fn parse(text: &str) -> Vec<Relation> {
        text.split(',')
            .filter(|link| !link.trim().is_empty())
            .map(|link| {
                let words: Vec<&str> = link.split_whitespace().collect();
                (words[0].to_string(), words[2].to_string(), Rel::parse(words[1]).unwrap())
            })
            .collect()
    }

    /// For each relation type, a graph that implies `x REL y`, one that
    /// contradicts it, and one that leaves it open; and the same of
    /// `y INVERSE x`.
    #[test]
    fn every_relation_type_implied_contradicted_or_open() {
        let cases = [
            ("BEFORE", "x IBEFORE z, z BEFORE y", "y BEFORE z, z IBEFORE x", "x INCLUDES z, z BEFORE y"),
            ("AFTER", "y IBEFORE z, z BEFORE x", "x IS_INCLUDED z, z BEFORE y", "x INCLUDES z, y BEFORE z"),
            ("IBEFORE", "x ENDS z, z IBEFORE y", "x BEFORE y", "x BEFORE z, y BEFORE z"),
            ("IAFTER", "y ENDS z, x BEGINS w, z IBEFORE w", "x INCLUDES y", "x AFTER z, y AFTER z"),
            ("INCLUDES", "x INCLUDES z, z INCLUDES y", "x BEGINS y", "z IS_INCLUDED x, z IS_INCLUDED y"),
            (
                "IS_INCLUDED",
                "x IS_INCLUDED z, z SIMULTANEOUS y",
                "x BEFORE y",
                "x IS_INCLUDED z, y IS_INCLUDED z",
            ),
            ("SIMULTANEOUS", "x SIMULTANEOUS z, z IDENTITY y", "x ENDS y", "x BEFORE z, y BEFORE z"),
            ("IDENTITY", "x DURING z, y DURING_INV z", "y INCLUDES x", "x IBEFORE z, y IBEFORE z"),
            ("DURING", "x IDENTITY z, z SIMULTANEOUS y", "x IBEFORE y", "z IBEFORE x, z IBEFORE y"),
            ("BEGINS", "x BEGINS z, z BEGINS y", "x BEGUN_BY y", "z IBEFORE x, z IBEFORE y"),
            ("BEGUN_BY", "x BEGUN_BY z, y BEGINS z", "x BEGINS y", "z IBEFORE x, z IBEFORE y"),
            ("ENDS", "x ENDS z, z ENDS y", "x ENDED_BY y", "x IBEFORE z, y IBEFORE z"),
            ("ENDED_BY", "z ENDS x, y ENDS z", "x ENDS y", "x IBEFORE z, y IBEFORE z"),
        ];
        for (name, implied, contradicted, open) in cases {
            let rel = Rel::parse(name).unwrap();
            for (given, want) in [(implied, Some(true)), (contradicted, Some(false)), (open, None)] {
                let (_, mut graph) = build(&parse(given));
                assert_eq!(graph.holds("x", "y", rel), want, "x {name} y given {given}");
                assert_eq!(graph.holds("y", "x", rel.inverse()), want, "y inverse({name}) x given {given}");
            }
        }
    }

    #[test]
    fn during_is_simultaneous_and_inverses_pair_up() {
        assert_eq!(Rel::parse("DURING"), Some(Rel::Simultaneous));
        assert_eq!(Rel::parse("during_inv"), Some(Rel::Simultaneous));
        assert_eq!(Rel::parse("IDENTITY"), Some(Rel::Identity));
        assert_eq!(Rel::parse("VAGUE"), None);
        for name in ["BEFORE", "IBEFORE", "INCLUDES", "SIMULTANEOUS", "IDENTITY", "BEGINS", "ENDS"] {
            let rel = Rel::parse(name).unwrap();
            assert_eq!(rel.inverse().inverse(), rel);
        }
        assert_eq!(Rel::IsIncluded.inverse(), Rel::Includes);
        assert_eq!(Rel::EndedBy.inverse(), Rel::Ends);
    }

    #[test]
    fn redundant_links_are_left_out_and_violations_kept() {
        let relations = parse(
            "x INCLUDES y, y INCLUDES z, x INCLUDES z, z INCLUDES x, x BEFORE w, w AFTER x, x BEFORE w, \
             y IBEFORE v, t ENDS v, v ENDED_BY t, x DURING u, u SIMULTANEOUS x, x BEFORE x, x IDENTITY x",
        );
        let (kept, _) = build(&relations);
        let kept: Vec<String> = kept.iter().map(|(x, y, rel)| format!("{x} {rel:?} {y}")).collect();
        // x INCLUDES z follows from the two before it; z INCLUDES x
        // contradicts them; w AFTER x is x BEFORE w turned round; the
        // second x BEFORE w is the same link; v ENDED_BY t is t ENDS v
        // turned round; u SIMULTANEOUS x follows from x DURING u; x BEFORE
        // x is a violation; x IDENTITY x holds of any interval.
        assert_eq!(
            kept,
            [
                "x Includes y",
                "y Includes z",
                "z Includes x",
                "x Before w",
                "y IBefore v",
                "t Ends v",
                "x Simultaneous u",
                "x Before x"
            ]
        );
    }

    #[test]
    fn constraints_each_consistent_can_clash_together() {
        // a = b and c = d each fit b < c, d < a; together they make
        // a = b < c = d < a.
        let mut graph = Graph::default();
        let [a, b, c, d] = [0; 4].map(|_| graph.point());
        graph.add_before(b, c);
        graph.add_before(d, a);
        assert!(graph.consistent_with(&[(a, b, false)]));
        assert!(graph.consistent_with(&[(c, d, false)]));
        assert!(!graph.consistent_with(&[(a, b, false), (c, d, false)]));
        assert!(!graph.consistent_with(&[(a, d, true)]));
        assert!(graph.consistent_with(&[(d, c, true), (b, a, true)]));
    }

    /// Whether a path leads from `p` to `q` along `edges` (points,
    /// strict), and whether one with a strict edge does.
    fn path(edges: &[(usize, usize, bool)], p: usize, q: usize) -> (bool, bool) {
        let mut seen = HashSet::from([(p, false)]);
        let mut stack = vec![(p, false)];
        let mut reach = (false, false);
        while let Some((at, strict)) = stack.pop() {
            if at == q {
                reach = (true, reach.1 || strict);
            }
            for &(from, to, s) in edges {
                if from == at && seen.insert((to, strict || s)) {
                    stack.push((to, strict || s));
                }
            }
        }
        reach
    }

    /// The ranks kept for pruning never change an answer: on random
    /// relations (true of random intervals, or not), what the graph says
    /// of every pair of points is what a plain search over the relations
    /// it took says.
    #[test]
    fn answers_agree_with_a_plain_search() {
        let names = [
            "BEFORE",
            "AFTER",
            "IBEFORE",
            "IAFTER",
            "INCLUDES",
            "IS_INCLUDED",
            "SIMULTANEOUS",
            "BEGINS",
            "BEGUN_BY",
            "ENDS",
            "ENDED_BY",
        ];
        let mut state = 1u64;
        let mut next = move |n: u64| {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (state >> 33) % n
        };
        for _ in 0..40 {
            let spans: Vec<(u64, u64)> = (0..12)
                .map(|_| {
                    let start = next(12);
                    (start, start + 1 + next(4))
                })
                .collect();
            let mut relations = Vec::new();
            for _ in 0..30 {
                let (i, j) = (next(12) as usize, next(12) as usize);
                let ((a, b), (c, d)) = (spans[i], spans[j]);
                let told = match () {
                    _ if next(5) == 0 => names[next(names.len() as u64) as usize],
                    _ if b < c => "BEFORE",
                    _ if d < a => "AFTER",
                    _ if b == c => "IBEFORE",
                    _ if d == a => "IAFTER",
                    _ if (a, b) == (c, d) => "SIMULTANEOUS",
                    _ if a == c => ["BEGINS", "BEGUN_BY"][usize::from(b > d)],
                    _ if b == d => ["ENDED_BY", "ENDS"][usize::from(a > c)],
                    _ if a < c && d < b => "INCLUDES",
                    _ if c < a && b < d => "IS_INCLUDED",
                    _ => continue,
                };
                relations.push((format!("i{i}"), format!("i{j}"), Rel::parse(told).unwrap()));
            }
            let (kept, mut graph) = build(&relations);
            // The constraints the graph took, as edges between points (an
            // equality one each way, not strict).
            let mut edges: Vec<(usize, usize, bool)> = Vec::new();
            for (start, end) in graph.intervals.values() {
                edges.push((*start, *end, true));
            }
            let mut taken = Graph::default();
            for (x, y, rel) in &kept {
                if x != y && taken.holds(x, y, *rel).is_none() {
                    taken.add(x, y, *rel);
                    let points = |name: &str| graph.intervals[name];
                    let ((xs, xe), (ys, ye)) = (points(x), points(y));
                    for &(p, q, strict) in rel.constraints() {
                        let point = |bound: Bound| match bound {
                            Bound::XStart => xs,
                            Bound::XEnd => xe,
                            Bound::YStart => ys,
                            Bound::YEnd => ye,
                        };
                        edges.push((point(p), point(q), strict));
                        if !strict {
                            edges.push((point(q), point(p), false));
                        }
                    }
                }
            }
            // Whether a path leads from p to q, and whether one with a
            // strict edge does.
            let points = graph.parent.len();
            for p in 0..points {
                for q in 0..points {
                    let (any, strict) = path(&edges, p, q);
                    assert_eq!(graph.before(p, q), strict, "{p} < {q} in {relations:?}");
                    assert_eq!(graph.equal(p, q), p == q || (any && !strict), "{p} = {q} in {relations:?}");
                }
            }
            // Every edge goes up in rank.
            for p in 0..points {
                for k in 0..graph.later[p].len() {
                    let (from, to) = (graph.find(p), graph.find(graph.later[p][k]));
                    assert!(graph.rank[from] < graph.rank[to]);
                }
            }
            // Constraints added together clash when they close a cycle
            // with a strict step.
            for _ in 0..20 {
                let extra: Vec<(usize, usize, bool)> = (0..2)
                    .map(|_| (next(points as u64) as usize, next(points as u64) as usize, next(2) == 0))
                    .collect();
                let mut more = edges.clone();
                for &(p, q, strict) in &extra {
                    more.push((p, q, strict));
                    if !strict {
                        more.push((q, p, false));
                    }
                }
                let clash = (0..points).any(|p| path(&more, p, p).1);
                assert_eq!(graph.consistent_with(&extra), !clash, "{extra:?} in {relations:?}");
            }
        }
    }
}
