//! Temporal awareness of a timeline as the official SemEval-2015 Task 4
//! script measures it (UzZaman and Allen's TempEval-3 code underneath):
//! each timeline becomes TimeML relations, those relations build a time
//! graph in order, and precision and recall count the relations each graph
//! keeps that the other implies.
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
//! end. A relation between intervals already in the graph that the graph
//! implies is redundant (left out of the reduced relations); one it
//! contradicts is a violation (kept in the relations counted, never
//! added); any other is added. The script's time graph (chains of points
//! with a metagraph between them) is exact on these relations, which only
//! equate points or order them, so a union of equal points with a
//! reachability test over strict edges gives the same answers.

use std::collections::HashMap;

/// A relation between two intervals, as the script writes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Rel {
    Before,
    Simultaneous,
}

/// Intervals (by name) with their end points, equal points merged.
#[derive(Default)]
struct Graph {
    intervals: HashMap<String, (usize, usize)>,
    /// Union-find over points.
    parent: Vec<usize>,
    /// Strict "earlier than" edges between points (any member of a class).
    later: Vec<Vec<usize>>,
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
        self.parent.push(self.parent.len());
        self.later.push(Vec::new());
        self.parent.len() - 1
    }

    fn interval(&mut self, name: &str) -> (usize, usize) {
        if let Some(&points) = self.intervals.get(name) {
            return points;
        }
        let (start, end) = (self.point(), self.point());
        self.later[start].push(end);
        self.intervals.insert(name.to_string(), (start, end));
        (start, end)
    }

    /// Whether point `b` comes strictly after point `a`.
    fn before(&mut self, a: usize, b: usize) -> bool {
        let (from, to) = (self.find(a), self.find(b));
        if from == to {
            return false;
        }
        // The edges hang off any member of a class: gather them by class.
        let mut edges: HashMap<usize, Vec<usize>> = HashMap::new();
        for p in 0..self.parent.len() {
            let root = self.find(p);
            for k in 0..self.later[p].len() {
                let next = self.find(self.later[p][k]);
                edges.entry(root).or_default().push(next);
            }
        }
        let mut seen = vec![false; self.parent.len()];
        let mut stack = vec![from];
        while let Some(p) = stack.pop() {
            for &next in edges.get(&p).map_or(&[][..], Vec::as_slice) {
                if next == to {
                    return true;
                }
                if !seen[next] {
                    seen[next] = true;
                    stack.push(next);
                }
            }
        }
        false
    }

    fn equal(&mut self, a: usize, b: usize) -> bool {
        self.find(a) == self.find(b)
    }

    /// What the graph says of `x rel y`: `Some(true)` implied,
    /// `Some(false)` contradicted, `None` open (or an interval unknown).
    fn holds(&mut self, x: &str, y: &str, rel: Rel) -> Option<bool> {
        let (&(xs, xe), &(ys, ye)) = (self.intervals.get(x)?, self.intervals.get(y)?);
        match rel {
            Rel::Before => {
                if self.before(xe, ys) {
                    Some(true)
                } else if self.equal(xe, ys) || self.before(ys, xe) {
                    Some(false)
                } else {
                    None
                }
            }
            Rel::Simultaneous => {
                if self.equal(xs, ys) && self.equal(xe, ye) {
                    Some(true)
                } else if self.before(xs, ys)
                    || self.before(ys, xs)
                    || self.before(xe, ye)
                    || self.before(ye, xe)
                {
                    Some(false)
                } else {
                    None
                }
            }
        }
    }

    fn add(&mut self, x: &str, y: &str, rel: Rel) {
        let (xs, xe) = self.interval(x);
        let (ys, ye) = self.interval(y);
        match rel {
            Rel::Before => self.later[xe].push(ys),
            Rel::Simultaneous => {
                for (a, b) in [(xs, ys), (xe, ye)] {
                    let (a, b) = (self.find(a), self.find(b));
                    if a != b {
                        self.parent[b] = a;
                    }
                }
            }
        }
    }
}

/// The relations a graph keeps of `relations` added in order (the reduced
/// ones and the violations), and the graph.
fn build(relations: &[(String, String, Rel)]) -> (Vec<(String, String, Rel)>, Graph) {
    let mut graph = Graph::default();
    let mut kept = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (x, y, rel) in relations {
        if !seen.insert((x.clone(), y.clone(), *rel)) {
            continue;
        }
        match graph.holds(x, y, *rel) {
            Some(true) => {}
            Some(false) => kept.push((x.clone(), y.clone(), *rel)),
            None => {
                graph.add(x, y, *rel);
                kept.push((x.clone(), y.clone(), *rel));
            }
        }
    }
    (kept, graph)
}

/// How many of `relations` the other side states (either way round) or
/// its graph implies.
fn matched(
    relations: &[(String, String, Rel)],
    stated: &[(String, String, Rel)],
    graph: &mut Graph,
) -> usize {
    relations
        .iter()
        .filter(|(x, y, rel)| {
            stated.iter().any(|(a, b, r)| {
                r == rel && ((a == x && b == y) || (*rel == Rel::Simultaneous && a == y && b == x))
            }) || graph.holds(x, y, *rel) == Some(true)
        })
        .count()
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
fn relations(
    rows: &[Line],
    gold_events: &[String],
    gold_dates: &[String],
    is_gold: bool,
) -> Vec<(String, String, Rel)> {
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
    let (gold_kept, mut gold_graph) = build(&gold_relations);
    let (system_kept, mut system_graph) = build(&system_relations);
    let precision_hits = matched(&system_kept, &gold_relations, &mut gold_graph);
    let recall_hits = matched(&gold_kept, &system_relations, &mut system_graph);
    (precision_hits, system_kept.len(), recall_hits, gold_kept.len())
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
}
