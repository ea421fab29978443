//! TempEval-3 Task C: temporal relations (TimeML TLINKs) scored by
//! temporal awareness (UzZaman and Allen 2011), as the task's official
//! script `temporal_evaluation.py` does with its default method (see
//! [`AwarenessScore`]); the graph work is [`crate::timegraph`]'s.

use crate::timegraph::{awareness_counts, Rel, Relation};
use crate::xml::attribute;
use serde::Serialize;

/// One temporal link: source id, target id, TimeML relType as written.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Tlink {
    /// The event instance (`eiid`) or time (`tid`) the link starts from.
    pub source: String,
    /// The event instance or time it relates the source to.
    pub target: String,
    /// The `relType`, as written (`BEFORE`, `IS_INCLUDED`, ...).
    pub rel: String,
}

/// One document's gold and system links (ids already shared: the caller
/// maps system entities to gold ids).
#[derive(Clone, Copy, Debug)]
pub struct DocumentTlinks<'a> {
    /// The document's name (the script pairs files by name).
    pub id: &'a str,
    /// The gold links, in file order.
    pub gold: &'a [Tlink],
    /// The system's links, in the order it gives them.
    pub system: &'a [Tlink],
}

/// Temporal awareness over a set of documents, micro-averaged, with the
/// counts the official TempEval-3 script (`temporal_evaluation.py`, its
/// default method) prints after its scores.
///
/// Each side's links of a document, in order, build a time graph over the
/// start and end points of the intervals: a link the links before it
/// already imply is left out, one they contradict (a violation) is kept
/// but not added, any other is kept and added. A kept system link is right
/// when the gold states it (either way round: `a BEFORE b` is
/// `b AFTER a`) or the gold graph implies it; precision is the share of
/// kept system links that are right, recall the share of kept gold links
/// the system states or implies, both summed over the documents first.
///
/// DURING and DURING_INV are read as SIMULTANEOUS, as the script reads
/// them. A link whose relType is none of the TimeML temporal relations
/// (BEFORE, AFTER, IBEFORE, IAFTER, INCLUDES, IS_INCLUDED, DURING,
/// DURING_INV, SIMULTANEOUS, IDENTITY, BEGINS, BEGUN_BY, ENDS, ENDED_BY,
/// in any case) is skipped; the script would keep it as a violation.
///
/// The counts agree with the script's on ordinary data but for a few
/// links in a thousand, where its time graph (chains of points placed by
/// a pseudo-time, with a metagraph between chains) slips and this one,
/// exact, does not: BEGINS between two intervals it already holds is
/// never implied and always taken for a violation (its test asks for `=`
/// and `UNKNOWN` at once); two intervals put in the same slot of a chain
/// (both IS_INCLUDED in one interval, say) come out equal; and the start
/// of an interval placed before one already there gets a pseudo-time
/// computed before its end's is set, which puts it after its end, so that
/// backward chains of BEFORE come out wrong. On the AQUAINT gold against
/// perturbed copies of it, each of the four counts differs by at most 13
/// in about 5,000. Its matching of ids by regular expression does no harm
/// on TimeML ids (the patterns are bounded by tabs).
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AwarenessScore {
    /// `precision_matched / system` (0 with no system links).
    pub precision: f64,
    /// `recall_matched / gold` (0 with no gold links).
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
    /// Kept system links the gold states or implies.
    pub precision_matched: usize,
    /// System links kept (the system graph's reduced links and violations).
    pub system: usize,
    /// Kept gold links the system states or implies.
    pub recall_matched: usize,
    /// Gold links kept.
    pub gold: usize,
    /// Documents scored.
    pub documents: usize,
}

/// A document's links as the graph takes them, links of unknown type left
/// out.
fn relations(links: &[Tlink]) -> Vec<Relation> {
    links
        .iter()
        .filter_map(|link| Some((link.source.clone(), link.target.clone(), Rel::parse(&link.rel)?)))
        .collect()
}

impl AwarenessScore {
    /// Scores each document's system links against its gold ones and sums
    /// the counts. Links of a relType that is no TimeML temporal relation
    /// are skipped.
    ///
    /// ```
    /// use dateline_eval::{AwarenessScore, DocumentTlinks, Tlink};
    /// let link = |source: &str, rel: &str, target: &str| Tlink {
    ///     source: source.into(),
    ///     target: target.into(),
    ///     rel: rel.into(),
    /// };
    /// let gold = [link("e1", "BEFORE", "e2"), link("e2", "BEFORE", "e3")];
    /// // e1 BEFORE e3 follows from the gold; e3 AFTER e2 is what it says.
    /// let system = [link("e1", "BEFORE", "e3"), link("e3", "AFTER", "e2")];
    /// let score = AwarenessScore::compute(&[DocumentTlinks { id: "d", gold: &gold, system: &system }]);
    /// assert_eq!((score.precision_matched, score.system), (2, 2));
    /// // The system does not imply e1 BEFORE e2.
    /// assert_eq!((score.recall_matched, score.gold), (1, 2));
    /// assert_eq!(score.recall, 0.5);
    /// ```
    pub fn compute(docs: &[DocumentTlinks<'_>]) -> AwarenessScore {
        let mut score = AwarenessScore { documents: docs.len(), ..AwarenessScore::default() };
        for doc in docs {
            let (precision_hits, system, recall_hits, gold) =
                awareness_counts(&relations(doc.gold), &relations(doc.system));
            score.precision_matched += precision_hits;
            score.system += system;
            score.recall_matched += recall_hits;
            score.gold += gold;
        }
        let prf =
            crate::tempeval::prf(score.precision_matched, score.system, score.recall_matched, score.gold);
        (score.precision, score.recall, score.f1) = (prf.p, prf.r, prf.f1);
        score
    }
}

/// The `<TLINK>` elements of a TimeML document, in order, as the official
/// script reads them: the source is the `eventInstanceID`, or the `timeID`
/// when there is one; the target the `relatedToEventInstance`, or the
/// `relatedToTime` when there is one; a link without a source, a target or
/// a `relType` (or with one empty) is skipped.
///
/// ```
/// let tml = r#"<TimeML><TLINK lid="l1" relType="IS_INCLUDED" eventInstanceID="ei1" relatedToTime="t0"/>
/// <TLINK lid="l2" relType="BEFORE" timeID="t3" relatedToEventInstance="ei2"/></TimeML>"#;
/// let links = dateline_eval::read_tlinks(tml);
/// assert_eq!(links.len(), 2);
/// assert_eq!((links[0].source.as_str(), links[0].rel.as_str(), links[0].target.as_str()), ("ei1", "IS_INCLUDED", "t0"));
/// assert_eq!((links[1].source.as_str(), links[1].target.as_str()), ("t3", "ei2"));
/// ```
pub fn read_tlinks(tml: &str) -> Vec<Tlink> {
    let mut links = Vec::new();
    let mut rest = tml;
    while let Some(open) = rest.find("<TLINK") {
        let tag = &rest[open..];
        let end = tag.find('>').unwrap_or(tag.len());
        let tag = &tag[..end];
        rest = &rest[open + end..];
        // `<TLINKS>` or the like is another element.
        if tag[6..].starts_with(|c: char| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | ':')) {
            continue;
        }
        let either = |first: &str, second: &str| attribute(tag, second).or_else(|| attribute(tag, first));
        let source = either("eventInstanceID", "timeID");
        let target = either("relatedToEventInstance", "relatedToTime");
        if let (Some(source), Some(target), Some(rel)) = (source, target, attribute(tag, "relType")) {
            if !source.is_empty() && !target.is_empty() && !rel.is_empty() {
                links.push(Tlink {
                    source: source.to_string(),
                    target: target.to_string(),
                    rel: rel.to_string(),
                });
            }
        }
    }
    links
}

#[cfg(test)]
mod tests {
    use super::*;

    fn links(text: &str) -> Vec<Tlink> {
        text.split(',')
            .map(|link| {
                let words: Vec<&str> = link.split_whitespace().collect();
                Tlink { source: words[0].into(), rel: words[1].into(), target: words[2].into() }
            })
            .collect()
    }

    fn counts(gold: &str, system: &str) -> (usize, usize, usize, usize) {
        let (gold, system) = (links(gold), links(system));
        let score = AwarenessScore::compute(&[DocumentTlinks { id: "d", gold: &gold, system: &system }]);
        (score.precision_matched, score.system, score.recall_matched, score.gold)
    }

    #[test]
    fn reads_tlinks_as_the_script_does() {
        let tml = r#"<TimeML>
<TIMEX3 tid="t0" type="DATE" value="1998-08-07" functionInDocument="CREATION_TIME">August 7</TIMEX3>
<MAKEINSTANCE eventID="e1" eiid="ei1" tense="PAST"/>
<TLINK lid="l1" relType="BEFORE" eventInstanceID="ei1" relatedToEventInstance="ei2" origin="USER"/>
<TLINK lid="l2" relType="INCLUDES" timeID="t0" relatedToEventInstance="ei2"/>
<TLINK lid="l3" relType="AFTER" eventInstanceID="ei3" relatedToTime="t0" relatedToEventInstance="ei1"/>
<TLINK lid="l4" eventInstanceID="ei3" relatedToTime="t0"/>
<TLINK lid="l5" relType="BEFORE" eventInstanceID="" relatedToTime="t0"/>
<TLINKS count="2"/>
<SLINK lid="l6" relType="MODAL" eventInstanceID="ei1" subordinatedEventInstance="ei3"/>
</TimeML>"#;
        let got: Vec<(String, String, String)> =
            read_tlinks(tml).into_iter().map(|l| (l.source, l.rel, l.target)).collect();
        let want = [("ei1", "BEFORE", "ei2"), ("t0", "INCLUDES", "ei2"), ("ei3", "AFTER", "t0")]
            .map(|(a, r, b)| (a.to_string(), r.to_string(), b.to_string()));
        assert_eq!(got, want);
    }

    #[test]
    fn the_same_links_score_one() {
        let gold =
            "e1 BEFORE e2, e2 INCLUDES e3, t0 SIMULTANEOUS e4, e4 BEGINS e5, e6 ENDS e5, e3 IBEFORE e7, \
                    e1 BEFORE e3";
        // The last gold link follows from the first two: it is not kept.
        assert_eq!(counts(gold, gold), (6, 6, 6, 6));
    }

    #[test]
    fn during_is_simultaneous_word_for_word() {
        // The gold graph holds e1 = e2 either way; the system's DURING is
        // read as SIMULTANEOUS, and so is DURING_INV.
        assert_eq!(counts("e1 SIMULTANEOUS e2", "e1 DURING e2"), (1, 1, 1, 1));
        assert_eq!(counts("e1 DURING_INV e2", "e2 SIMULTANEOUS e1"), (1, 1, 1, 1));
        // IDENTITY says the same as SIMULTANEOUS (implied by the graph).
        assert_eq!(counts("e1 IDENTITY e2", "e2 SIMULTANEOUS e1"), (1, 1, 1, 1));
    }

    #[test]
    fn inverse_and_implied_links_match() {
        // e2 AFTER e1 is e1 BEFORE e2 turned round; e3 AFTER e1 follows
        // from the gold (e3 lies within e2, after e1's end). The system
        // implies nothing of e2 and e3.
        assert_eq!(counts("e1 BEFORE e2, e2 INCLUDES e3", "e2 AFTER e1, e3 AFTER e1"), (2, 2, 1, 2));
        // A wrong type matches nothing; a link between intervals the gold
        // never relates is open, not matched.
        assert_eq!(counts("e1 BEFORE e2", "e1 INCLUDES e2, e7 BEFORE e8"), (0, 2, 0, 1));
    }

    #[test]
    fn unknown_types_and_self_links() {
        // An unknown relType is skipped; a link of an event to itself that
        // does not equate it is a violation, kept.
        assert_eq!(counts("e1 BEFORE e2", "e1 BEFORE e2, e1 MODAL e2, e1 BEFORE e1"), (1, 2, 1, 1));
        assert_eq!(counts("e1 BEFORE e2, e3 VAGUE e4", "e1 BEFORE e2"), (1, 1, 1, 1));
    }

    #[test]
    fn redundant_and_violating_system_links() {
        // The system's third link is implied by its first two (left out);
        // its fourth contradicts them (kept, and not implied by the gold).
        let system = "e1 BEFORE e2, e2 BEFORE e3, e1 BEFORE e3, e3 BEFORE e1";
        assert_eq!(counts("e1 BEFORE e2, e2 BEFORE e3", system), (2, 3, 2, 2));
    }

    #[test]
    fn score_is_micro_averaged_and_serializes() {
        let (g1, s1) = (links("e1 BEFORE e2"), links("e1 AFTER e2"));
        let (g2, s2) = (links("e1 BEFORE e2, e3 BEFORE e4, e5 BEFORE e6"), links("e1 BEFORE e2"));
        let score = AwarenessScore::compute(&[
            DocumentTlinks { id: "a", gold: &g1, system: &s1 },
            DocumentTlinks { id: "b", gold: &g2, system: &s2 },
        ]);
        assert_eq!((score.precision_matched, score.system, score.recall_matched, score.gold), (1, 2, 1, 4));
        assert_eq!((score.precision, score.recall, score.documents), (0.5, 0.25, 2));
        assert!((score.f1 - 1.0 / 3.0).abs() < 1e-12);
        let empty = AwarenessScore::compute(&[]);
        assert_eq!((empty.precision, empty.recall, empty.f1), (0.0, 0.0, 0.0));
    }

    /// Scores the same-named `.tml` files of two folders, as the official
    /// script does with `GOLD_DIR/ SYSTEM_DIR/`: `TLINKS_GOLD=dir
    /// TLINKS_SYSTEM=dir cargo test -p dateline-eval -- --ignored
    /// --nocapture tlink_folders`.
    #[test]
    #[ignore = "needs TLINKS_GOLD and TLINKS_SYSTEM folders"]
    fn tlink_folders() {
        let (Ok(gold), Ok(system)) = (std::env::var("TLINKS_GOLD"), std::env::var("TLINKS_SYSTEM")) else {
            panic!("set TLINKS_GOLD and TLINKS_SYSTEM");
        };
        let mut names: Vec<String> = std::fs::read_dir(&gold)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        let read =
            |dir: &str, name: &str| read_tlinks(&std::fs::read_to_string(format!("{dir}/{name}")).unwrap());
        let files: Vec<(Vec<Tlink>, Vec<Tlink>)> =
            names.iter().map(|name| (read(&gold, name), read(&system, name))).collect();
        let started = std::time::Instant::now();
        let docs: Vec<DocumentTlinks> = names
            .iter()
            .zip(&files)
            .map(|(id, (gold, system))| DocumentTlinks { id, gold, system })
            .collect();
        let score = AwarenessScore::compute(&docs);
        let elapsed = started.elapsed();
        for doc in &docs {
            let one = AwarenessScore::compute(std::slice::from_ref(doc));
            println!(
                "{}\t{}\t{}\t{}\t{}",
                doc.id, one.precision_matched, one.system, one.recall_matched, one.gold
            );
        }
        println!(
            "TOTAL\t{:.4}\t{:.4}\t{:.4}\t{}\t{}\t{}\t{}\t({} documents, {elapsed:?})",
            100.0 * score.f1,
            100.0 * score.precision,
            100.0 * score.recall,
            score.precision_matched,
            score.system,
            score.recall_matched,
            score.gold,
            score.documents
        );
    }
}
