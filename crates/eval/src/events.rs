//! Event evaluation: event mentions against TimeML EVENT tags (TempEval-3
//! Task B, strict and relaxed), and anchoring: for each gold link between
//! an event and a temporal expression of the same sentence, whether the
//! system anchors that expression to that event.

use serde::Serialize;

/// A character span.
pub type Span = (usize, usize);

/// The attributes scored for each event, in the order
/// [`EventDocument::gold_attributes`] holds them.
pub const EVENT_ATTRIBUTES: [&str; 5] = ["class", "tense", "aspect", "polarity", "modality"];

/// One document's gold and system events and anchors.
pub struct EventDocument {
    /// Gold EVENT spans.
    pub gold_events: Vec<Span>,
    /// System event mentions.
    pub system_events: Vec<Span>,
    /// Each gold event's attributes, as [`EVENT_ATTRIBUTES`] names them
    /// (empty: attributes are not scored).
    pub gold_attributes: Vec<[String; 5]>,
    /// Each system event's attributes, likewise.
    pub system_attributes: Vec<[String; 5]>,
    /// Gold (event span, timex span) links within one sentence.
    pub gold_links: Vec<(Span, Span)>,
    /// System anchors: (timex span, event trigger span).
    pub anchors: Vec<(Span, Span)>,
}

/// Event scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct EventScore {
    /// Gold events.
    pub gold: usize,
    /// System events.
    pub system: usize,
    /// Same span.
    pub strict: crate::Prf,
    /// Overlapping span.
    pub relaxed: crate::Prf,
    /// Gold event–time links within a sentence.
    pub links: usize,
    /// Links whose expression the system anchored to anything.
    pub links_anchored: usize,
    /// Links whose expression the system anchored to the gold event,
    /// over all links.
    pub anchoring_accuracy: f64,
    /// Of the system's anchors of an expression that has a gold link, the
    /// share that anchor it to one of its gold events: anchoring every
    /// event of a sentence would raise the accuracy and lower this.
    pub anchoring_precision: f64,
    /// The best accuracy a system that anchors each expression to one
    /// event can reach: expressions with a gold link over links.
    pub one_anchor_ceiling: f64,
    /// Each attribute of [`EVENT_ATTRIBUTES`]: accuracy over the events
    /// found with the gold span, and that accuracy times the relaxed F1
    /// (the TempEval-3 toolkit's attribute F1); empty when not scored.
    pub attributes: Vec<AttributeScore>,
}

/// How well one event attribute is told.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct AttributeScore {
    /// `class`, `tense`, `aspect`, `polarity` or `modality`.
    pub name: String,
    /// Right values over events found with the gold span.
    pub accuracy: f64,
    /// Accuracy times the relaxed F1.
    pub f1: f64,
}

fn overlaps(a: Span, b: Span) -> bool {
    a.0 < b.1 && b.0 < a.1
}

impl EventScore {
    /// Scores a corpus.
    ///
    /// ```
    /// use dateline_eval::{EventDocument, EventScore};
    /// let doc = EventDocument {
    ///     gold_events: vec![(7, 14)],
    ///     system_events: vec![(7, 14), (20, 25)],
    ///     gold_links: vec![((7, 14), (30, 36))],
    ///     anchors: vec![((30, 36), (7, 14))],
    ///     gold_attributes: vec![["OCCURRENCE", "PAST", "NONE", "POS", ""].map(String::from)],
    ///     system_attributes: vec![
    ///         ["OCCURRENCE", "PRESENT", "NONE", "POS", ""].map(String::from),
    ///         ["STATE", "NONE", "NONE", "POS", ""].map(String::from),
    ///     ],
    /// };
    /// let score = EventScore::compute(&[doc]);
    /// assert_eq!(score.strict.r, 1.0);
    /// assert_eq!(score.strict.p, 0.5);
    /// assert_eq!(score.anchoring_accuracy, 1.0);
    /// assert_eq!(score.anchoring_precision, 1.0);
    /// assert_eq!(score.attributes[0].accuracy, 1.0); // class
    /// assert_eq!(score.attributes[1].accuracy, 0.0); // tense
    /// ```
    pub fn compute(docs: &[EventDocument]) -> EventScore {
        let mut score = EventScore::default();
        let (mut strict, mut relaxed_gold, mut relaxed_system, mut right) = (0, 0, 0, 0);
        let (mut compared, mut agreeing) = (0, [0usize; 5]);
        let (mut anchors_scored, mut anchors_right, mut linked_expressions) = (0, 0, 0);
        for doc in docs {
            score.gold += doc.gold_events.len();
            score.system += doc.system_events.len();
            strict += doc.gold_events.iter().filter(|g| doc.system_events.contains(g)).count();
            let scored = !doc.gold_attributes.is_empty() && !doc.system_attributes.is_empty();
            for (g, gold) in doc.gold_events.iter().enumerate().filter(|_| scored) {
                let Some(s) = doc.system_events.iter().position(|s| s == gold) else { continue };
                let (Some(want), Some(got)) = (doc.gold_attributes.get(g), doc.system_attributes.get(s))
                else {
                    continue;
                };
                compared += 1;
                for (a, count) in agreeing.iter_mut().enumerate() {
                    *count += usize::from(want[a] == got[a]);
                }
            }
            relaxed_gold += doc
                .gold_events
                .iter()
                .filter(|g| doc.system_events.iter().any(|s| overlaps(**g, *s)))
                .count();
            relaxed_system += doc
                .system_events
                .iter()
                .filter(|s| doc.gold_events.iter().any(|g| overlaps(**s, *g)))
                .count();
            for (event, timex) in &doc.gold_links {
                score.links += 1;
                let anchored: Vec<&Span> =
                    doc.anchors.iter().filter(|(t, _)| overlaps(*t, *timex)).map(|(_, e)| e).collect();
                if !anchored.is_empty() {
                    score.links_anchored += 1;
                }
                if anchored.iter().any(|e| overlaps(**e, *event)) {
                    right += 1;
                }
            }
            let mut expressions: Vec<Span> = doc.gold_links.iter().map(|(_, t)| *t).collect();
            expressions.sort_unstable();
            expressions.dedup();
            linked_expressions += expressions.len();
            for (timex, event) in &doc.anchors {
                let gold: Vec<Span> =
                    doc.gold_links.iter().filter(|(_, t)| overlaps(*t, *timex)).map(|(e, _)| *e).collect();
                if !gold.is_empty() {
                    anchors_scored += 1;
                    anchors_right += usize::from(gold.iter().any(|e| overlaps(*e, *event)));
                }
            }
        }
        score.strict = crate::tempeval::prf(strict, score.system, strict, score.gold);
        score.relaxed = crate::tempeval::prf(relaxed_system, score.system, relaxed_gold, score.gold);
        let share = |part: usize, whole: usize| if whole == 0 { 0.0 } else { part as f64 / whole as f64 };
        score.anchoring_accuracy = share(right, score.links);
        score.anchoring_precision = share(anchors_right, anchors_scored);
        score.one_anchor_ceiling = share(linked_expressions, score.links);
        if compared > 0 {
            score.attributes = EVENT_ATTRIBUTES
                .iter()
                .zip(agreeing)
                .map(|(name, agree)| {
                    let accuracy = agree as f64 / compared as f64;
                    AttributeScore { name: name.to_string(), accuracy, f1: accuracy * score.relaxed.f1 }
                })
                .collect();
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchoring_every_event_raises_accuracy_and_lowers_precision() {
        // One expression linked to two gold events of its sentence.
        let doc = |anchors: Vec<(Span, Span)>| EventDocument {
            gold_events: vec![(0, 4), (10, 14)],
            system_events: vec![(0, 4), (10, 14), (20, 24)],
            gold_attributes: Vec::new(),
            system_attributes: Vec::new(),
            gold_links: vec![((0, 4), (30, 36)), ((10, 14), (30, 36))],
            anchors,
        };
        let one = EventScore::compute(&[doc(vec![((30, 36), (0, 4))])]);
        assert_eq!((one.anchoring_accuracy, one.anchoring_precision), (0.5, 1.0));
        assert_eq!(one.one_anchor_ceiling, 0.5);
        let all =
            EventScore::compute(&[doc(vec![((30, 36), (0, 4)), ((30, 36), (10, 14)), ((30, 36), (20, 24))])]);
        assert_eq!(all.anchoring_accuracy, 1.0);
        assert!((all.anchoring_precision - 2.0 / 3.0).abs() < 1e-9);
    }
}
