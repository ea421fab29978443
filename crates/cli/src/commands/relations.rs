//! Temporal relations: `dateline train relations`, and the TLINKs that
//! `eval tempeval` scores (TempEval-3 Task C, temporal awareness).
//!
//! Scored links name their ends as the gold file does: gold events `e0`,
//! `e1`, ... and gold dates `t1`, `t2`, ... by their order, `t0` the
//! creation time. A system event or date takes the name of the gold one
//! its span overlaps (each gold one taken once, as the TempEval-3 toolkit
//! aligns extents); one that overlaps none keeps a name of its own, so its
//! links count against precision.

use crate::args::TrainRelationsArgs;
use anyhow::{Context, Result};
use dateline_core::Timex;
use dateline_eval::{AwarenessScore, DocumentTlinks, Tlink};
use dateline_events::{AnnotatedRelations, Endpoint, EventSpan, Relation, RelationInput, RelationModel};
use dateline_read::{Input, LinkEnd, TimeMl};
use dateline_syntax::{Parse, Syntax};
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::Instant;

/// A TimeML document with its gold events and dates, parsed.
struct Gold<'a> {
    input: &'a Input,
    timeml: &'a TimeMl,
    parses: Vec<Parse>,
    events: Vec<EventSpan<'a>>,
}

impl<'a> Gold<'a> {
    fn new(input: &'a Input, syntax: &Syntax) -> Option<Gold<'a>> {
        let timeml = input.timeml.as_ref()?;
        let parses = syntax.analyse(&dateline_text::Segmented::new(&input.document.text));
        let events = timeml
            .gold_events()
            .iter()
            .map(|e| EventSpan { start: e.start, end: e.end, class: &e.class })
            .collect();
        Some(Gold { input, timeml, parses, events })
    }

    fn relation_input(&self) -> RelationInput<'_> {
        RelationInput {
            parses: &self.parses,
            events: &self.events,
            timexes: self.timeml.gold(),
            dct: self.input.document.dct,
        }
    }

    fn annotated(&self) -> AnnotatedRelations<'_> {
        let end = |end: LinkEnd| match end {
            LinkEnd::Event(e) => Endpoint::Event(e),
            LinkEnd::Time(t) => Endpoint::Time(t),
            LinkEnd::Creation => Endpoint::Creation,
        };
        let links: Vec<(Endpoint, Endpoint, &str)> = self
            .timeml
            .gold_tlinks()
            .iter()
            .map(|l| (end(l.source), end(l.target), l.rel.as_str()))
            .collect();
        AnnotatedRelations { input: self.relation_input(), links, implied: self.implied_links() }
    }

    /// The relations the closure of the gold links makes certain between
    /// ends the annotators left unlinked.
    fn implied_links(&self) -> Vec<(Endpoint, Endpoint, &'static str)> {
        let gold: Vec<(String, String, String)> = self
            .timeml
            .gold_tlinks()
            .iter()
            .map(|l| (gold_name(l.source), gold_name(l.target), l.rel.clone()))
            .collect();
        let mut ends: Vec<(Endpoint, String)> = vec![(Endpoint::Creation, gold_name(LinkEnd::Creation))];
        ends.extend((0..self.events.len()).map(|e| (Endpoint::Event(e), gold_name(LinkEnd::Event(e)))));
        ends.extend((0..self.timeml.gold().len()).map(|t| (Endpoint::Time(t), gold_name(LinkEnd::Time(t)))));
        let mut pairs = Vec::new();
        let mut names = Vec::new();
        for (i, (a, x)) in ends.iter().enumerate() {
            for (b, y) in &ends[i + 1..] {
                pairs.push((*a, *b));
                names.push((x.clone(), y.clone()));
            }
        }
        dateline_eval::implied_relations(&gold, &names)
            .into_iter()
            .zip(pairs)
            .filter_map(|(rel, (a, b))| Some((a, b, rel?)))
            .collect()
    }
}

/// The name a scored link gives a gold end.
fn gold_name(end: LinkEnd) -> String {
    match end {
        LinkEnd::Event(e) => format!("e{e}"),
        LinkEnd::Time(t) => format!("t{}", t + 1),
        LinkEnd::Creation => "t0".into(),
    }
}

/// The gold TLINKs of a document, ends named as scored.
pub(crate) fn gold_tlinks(timeml: &TimeMl) -> Vec<Tlink> {
    timeml
        .gold_tlinks()
        .iter()
        .map(|l| Tlink { source: gold_name(l.source), target: gold_name(l.target), rel: l.rel.clone() })
        .collect()
}

/// For each system span, the gold span it overlaps (first come, each gold
/// span taken once).
fn align(system: &[(usize, usize)], gold: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut taken = vec![false; gold.len()];
    system
        .iter()
        .map(|&(start, end)| {
            let g = (0..gold.len()).find(|&g| !taken[g] && gold[g].0 < end && start < gold[g].1)?;
            taken[g] = true;
            Some(g)
        })
        .collect()
}

/// A system's relations as scored links: ends named after the gold events
/// and dates they overlap.
pub(crate) fn system_tlinks(
    relations: &[Relation],
    events: &[(usize, usize)],
    timexes: &[Timex],
    timeml: &TimeMl,
) -> Vec<Tlink> {
    let gold_events: Vec<(usize, usize)> = timeml.gold_events().iter().map(|e| (e.start, e.end)).collect();
    let gold_times: Vec<(usize, usize)> = timeml.gold().iter().map(|t| (t.start, t.end)).collect();
    let event_names = align(events, &gold_events);
    let time_spans: Vec<(usize, usize)> = timexes.iter().map(|t| (t.start, t.end)).collect();
    let time_names = align(&time_spans, &gold_times);
    let name = |end: Endpoint| match end {
        Endpoint::Event(e) => event_names[e].map_or(format!("system-e{e}"), |g| gold_name(LinkEnd::Event(g))),
        Endpoint::Time(t) => time_names[t].map_or(format!("system-t{t}"), |g| gold_name(LinkEnd::Time(g))),
        Endpoint::Creation => gold_name(LinkEnd::Creation),
    };
    relations
        .iter()
        .map(|r| Tlink { source: name(r.source), target: name(r.target), rel: r.kind.to_string() })
        .collect()
}

/// Temporal awareness of a model on documents with their gold events and
/// dates (Task C proper).
fn score_given_gold(model: &RelationModel, golds: &[&Gold<'_>]) -> AwarenessScore {
    let links: Vec<(Vec<Tlink>, Vec<Tlink>)> = golds
        .par_iter()
        .map(|gold| {
            let relations = model.relations(&gold.relation_input());
            let spans: Vec<(usize, usize)> = gold.events.iter().map(|e| (e.start, e.end)).collect();
            (gold_tlinks(gold.timeml), system_tlinks(&relations, &spans, gold.timeml.gold(), gold.timeml))
        })
        .collect();
    let documents: Vec<DocumentTlinks<'_>> = golds
        .iter()
        .zip(&links)
        .map(|(g, (gold, system))| DocumentTlinks { id: &g.input.document.id, gold, system })
        .collect();
    AwarenessScore::compute(&documents)
}

/// Temporal awareness of the shipped model on TimeML documents, given
/// their gold events and dates (TempEval-3 Task C).
pub(crate) fn given_gold_entities(docs: &[Input]) -> Result<AwarenessScore> {
    let syntax = Syntax::embedded().context("the shipped syntax models")?;
    let model = RelationModel::embedded().context("the shipped relation model")?;
    let golds: Vec<Gold<'_>> = docs.par_iter().filter_map(|input| Gold::new(input, syntax)).collect();
    Ok(score_given_gold(model, &golds.iter().collect::<Vec<_>>()))
}

pub(crate) fn print_awareness(name: &str, score: &AwarenessScore) {
    println!(
        "{name:<34} P {:.4}  R {:.4}  F1 {:.4}   ({} of {} system links hold in the gold graph, {} of {} gold links in the system's)",
        score.precision,
        score.recall,
        score.f1,
        score.precision_matched,
        score.system,
        score.recall_matched,
        score.gold
    );
}

pub fn train(args: &TrainRelationsArgs) -> Result<ExitCode> {
    let syntax = Syntax::embedded().context("the shipped syntax models")?;
    let (timebank, skipped) = super::eval::read_timeml_dir(&args.timebank)?;
    let golds: Vec<Gold<'_>> = timebank.par_iter().filter_map(|input| Gold::new(input, syntax)).collect();
    let (learn, check): (Vec<&Gold<'_>>, Vec<&Gold<'_>>) = if args.tune {
        let (check, learn): (Vec<_>, Vec<_>) = golds.iter().enumerate().partition(|(i, _)| i % 5 == 4);
        (learn.into_iter().map(|(_, d)| d).collect(), check.into_iter().map(|(_, d)| d).collect())
    } else {
        (golds.iter().collect(), Vec::new())
    };
    let annotated: Vec<AnnotatedRelations<'_>> = learn.iter().map(|g| g.annotated()).collect();
    eprintln!("dateline: learning from {} TimeBank documents", annotated.len());
    let started = Instant::now();
    let model = RelationModel::train(&annotated, args.epochs);
    eprintln!("dateline: trained in {:.1} s", started.elapsed().as_secs_f64());
    if args.tune {
        let score = score_given_gold(&model, &check);
        print_awareness("TimeBank, every 5th file (Task C)", &score);
    } else {
        let bytes = model.to_gzip();
        std::fs::write(&args.out, &bytes).with_context(|| args.out.display().to_string())?;
        eprintln!("dateline: wrote {} ({} bytes)", args.out.display(), bytes.len());
        let (aquaint, _) = super::eval::read_timeml_dir(&args.aquaint)?;
        let golds: Vec<Gold<'_>> = aquaint.par_iter().filter_map(|input| Gold::new(input, syntax)).collect();
        let score = score_given_gold(&model, &golds.iter().collect::<Vec<_>>());
        print_awareness("AQUAINT (Task C, gold entities)", &score);
    }
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn system_spans_take_the_names_of_the_gold_spans_they_overlap_once() {
        let gold = [(0, 5), (10, 15)];
        assert_eq!(align(&[(11, 14), (0, 3), (2, 4), (20, 25)], &gold), [Some(1), Some(0), None, None]);
    }
}
