//! SemEval-2015 Task 4 (TimeLine: cross-document event ordering): the CAT
//! document format, the timeline file format, and a scorer of temporal
//! awareness (UzZaman and Allen) over the timelines' event graphs.
//!
//! A timeline file has the target entity on its first line, then one line
//! per position: `index<TAB>date<TAB>event[<TAB>event...]`, where an event
//! is `docid-sentence-word` and events on one line are the same event.
//! Index 0 holds events that cannot be placed.

use crate::xml::{attribute, decode};
use crate::Error;
use serde::Serialize;

/// A document in CAT format: its id, creation time and tokens.
#[derive(Clone, Debug, PartialEq)]
pub struct CatDocument {
    /// `doc_id`.
    pub id: String,
    /// The creation time (`YYYY-MM-DD`), when the file gives it.
    pub dct: Option<String>,
    /// Tokens: (sentence number, text).
    pub tokens: Vec<(usize, String)>,
}

/// Reads a CAT XML document.
///
/// ```
/// let xml = "<Document doc_id=\"7\"><token t_id=\"1\" sentence=\"0\" number=\"0\">Apple</token>\
///   <token t_id=\"2\" sentence=\"0\" number=\"1\">won</token><Markables><TIMEX3 m_id=\"1\" \
///   functionInDocument=\"CREATION_TIME\" value=\"2008-01-09\"></TIMEX3></Markables></Document>";
/// let doc = dateline_eval::read_cat(xml).unwrap();
/// assert_eq!(doc.id, "7");
/// assert_eq!(doc.dct.as_deref(), Some("2008-01-09"));
/// assert_eq!(doc.tokens[1], (0, "won".to_string()));
/// ```
pub fn read_cat(xml: &str) -> Result<CatDocument, Error> {
    let head = xml.find("<Document").ok_or_else(|| Error::file("no <Document> element: not a CAT file"))?;
    let head_end = xml[head..]
        .find('>')
        .map(|e| head + e)
        .ok_or_else(|| Error::at(xml, head, "unclosed <Document> tag"))?;
    let id = attribute(&xml[head..head_end], "doc_id")
        .ok_or_else(|| Error::at(xml, head, "<Document> without doc_id"))?
        .to_string();
    let mut tokens = Vec::new();
    let mut rest = &xml[head_end..];
    while let Some(open) = rest.find("<token ") {
        let here = xml.len() - rest.len() + open;
        let tag_end = rest[open..]
            .find('>')
            .map(|e| open + e)
            .ok_or_else(|| Error::at(xml, here, "unclosed <token> tag"))?;
        let close = rest[tag_end..]
            .find("</token>")
            .map(|e| tag_end + e)
            .ok_or_else(|| Error::at(xml, here, "<token> never closed"))?;
        let sentence = attribute(&rest[open..tag_end], "sentence").and_then(|s| s.parse().ok()).unwrap_or(0);
        tokens.push((sentence, decode(&rest[tag_end + 1..close])));
        rest = &rest[close..];
    }
    let dct = xml.find("CREATION_TIME").and_then(|at| {
        let start = xml[..at].rfind('<')?;
        let end = xml[at..].find('>')? + at;
        attribute(&xml[start..end], "value").map(|v| v.chars().take(10).collect())
    });
    Ok(CatDocument { id, dct, tokens })
}

/// A timeline of one target entity.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Timeline {
    /// The target entity.
    pub entity: String,
    /// (index, date, coreferent events).
    pub rows: Vec<(usize, String, Vec<String>)>,
}

impl Timeline {
    /// Reads the task's timeline format.
    pub fn parse(text: &str) -> Result<Timeline, Error> {
        let mut lines = text.lines();
        let entity = lines.next().ok_or_else(|| Error::file("empty timeline file"))?.trim().to_string();
        let mut rows = Vec::new();
        for (n, line) in lines.enumerate().filter(|(_, l)| !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').map(str::trim).filter(|f| !f.is_empty()).collect();
            if fields.len() < 3 {
                return Err(Error::line(n + 2, "want index, date and at least one event"));
            }
            let index =
                fields[0].parse().map_err(|_| Error::line(n + 2, format!("bad index {:?}", fields[0])))?;
            rows.push((index, fields[1].to_string(), fields[2..].iter().map(|s| s.to_string()).collect()));
        }
        Ok(Timeline { entity, rows })
    }

    /// Writes the task's timeline format.
    pub fn render(&self) -> String {
        let mut out = format!("{}\n", self.entity);
        for (index, date, events) in &self.rows {
            out.push_str(&format!("{index}\t{date}\t{}\n", events.join("\t")));
        }
        out
    }
}

/// Temporal-awareness scores over a set of timelines.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TimelineScore {
    /// Timelines in the gold standard.
    pub timelines: usize,
    /// Micro-averaged over every relation of every timeline.
    pub micro: crate::Prf,
    /// Per target entity: (entity, F1).
    pub per_entity: Vec<(String, f64)>,
}

impl TimelineScore {
    /// Scores each gold timeline against the system's answer for it (the
    /// official script pairs them by file name), as the official script
    /// does (see [`crate::timegraph`]): precision is the share of the
    /// system's reduced relations that the gold states or implies, recall
    /// the share of the gold's that the system states or implies. A gold
    /// timeline without an answer scores zero and, as in the script, is
    /// left out of the micro average.
    ///
    /// ```
    /// use dateline_eval::{Timeline, TimelineScore};
    /// let gold = Timeline::parse("Apple\n1\t2007-01-09\t1-2-unveiled\n2\t2007-06-29\t1-5-released\n").unwrap();
    /// let score = TimelineScore::compute(&[(&gold, Some(&gold))]);
    /// assert_eq!(score.micro.f1, 1.0);
    /// ```
    pub fn compute(pairs: &[(&Timeline, Option<&Timeline>)]) -> TimelineScore {
        let (mut p_hit, mut p_all, mut r_hit, mut r_all) = (0, 0, 0, 0);
        let mut per_entity = Vec::new();
        for (key, response) in pairs {
            let Some(response) = response else {
                per_entity.push((key.entity.clone(), 0.0));
                continue;
            };
            let (ph, pa, rh, ra) = crate::timegraph::awareness(&key.rows, &response.rows);
            let prf = crate::tempeval::prf(ph, pa, rh, ra);
            per_entity.push((key.entity.clone(), prf.f1));
            p_hit += ph;
            p_all += pa;
            r_hit += rh;
            r_all += ra;
        }
        // The script rounds the micro precision and recall to six decimals
        // and computes F1 from those.
        let round = |x: f64| (x * 1e6).round() / 1e6;
        let mut micro = crate::tempeval::prf(p_hit, p_all, r_hit, r_all);
        (micro.p, micro.r) = (round(micro.p), round(micro.r));
        micro.f1 = if micro.p + micro.r == 0.0 { 0.0 } else { 2.0 * micro.p * micro.r / (micro.p + micro.r) };
        TimelineScore { timelines: pairs.len(), micro, per_entity }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_and_dates_both_count() {
        let gold = Timeline::parse("X\n1\t2007\ta\n2\t2008-XX-XX\tb\tb2\n3\t2009\tc\n").unwrap();
        let swapped = Timeline::parse("X\n1\t2007\ta\n2\t2009\tc\n3\t2008\tb\n").unwrap();
        let score = TimelineScore::compute(&[(&gold, Some(&swapped))]);
        assert!(score.micro.f1 > 0.0 && score.micro.f1 < 1.0, "{score:?}");
        let nothing = TimelineScore::compute(&[(&gold, None)]);
        assert_eq!((nothing.micro.r, nothing.per_entity[0].1), (0.0, 0.0));
    }

    #[test]
    fn round_trip() {
        let text = "Steve Jobs\n0\tXXXX-XX-XX\t1-2-said\n1\t1955-02-24\t3-5-born\t4-1-born\n";
        assert_eq!(Timeline::parse(text).unwrap().render(), text);
    }
}
