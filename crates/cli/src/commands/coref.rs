//! `dateline eval coref`: coreference chains against a CorefUD file.

use crate::args::{CorefEvalArgs, ReportFormat};
use anyhow::{Context, Result};
use dateline_core::{Date, Document};
use dateline_eval::{read_corefud, CorefDocument, CorefScore};
use dateline_pipeline::{Pipeline, Stages};
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;

/// A mention in the scoring: a gold mention (document, index), or one the
/// system found where the gold has none.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Key {
    Gold(usize, usize),
    Spurious(usize, usize),
}

#[derive(Serialize)]
struct Report {
    documents: usize,
    /// Over the gold chains of people, organisations and places with a
    /// proper name, and the system mentions not matched to other chains.
    named: CorefScore,
    /// Over every gold chain.
    all: CorefScore,
    /// Mentions the system found, and how many matched a gold mention.
    system_mentions: usize,
    matched_mentions: usize,
}

pub fn eval(args: &CorefEvalArgs) -> Result<ExitCode> {
    let text = std::fs::read_to_string(&args.file).with_context(|| args.file.display().to_string())?;
    let docs = read_corefud(&text).with_context(|| args.file.display().to_string())?;
    let stages = Stages { syntax: !args.names_only, ..Stages::ENTITIES };
    let pipeline = Pipeline::try_with_stages(stages)?;
    let found: Vec<Vec<(Key, usize)>> =
        docs.par_iter().enumerate().map(|(d, doc)| system_chains(&pipeline, d, doc)).collect();
    let (mut named_key, mut all_key) = (Vec::new(), Vec::new());
    let (mut named_response, mut all_response) = (Vec::new(), Vec::new());
    let (mut system_mentions, mut matched_mentions) = (0, 0);
    for (d, (doc, found)) in docs.iter().zip(&found).enumerate() {
        if args.errors {
            print!("{}", errors(d, doc, found));
        }
        let key = |chains: Vec<Vec<usize>>| -> Vec<Vec<Key>> {
            chains.into_iter().map(|c| c.into_iter().map(|m| Key::Gold(d, m)).collect()).collect()
        };
        let named = key(doc.named_chains());
        let in_named = |k: &Key| match k {
            Key::Gold(..) => named.iter().any(|c| c.contains(k)),
            Key::Spurious(..) => true,
        };
        system_mentions += found.len();
        matched_mentions += found.iter().filter(|(k, _)| matches!(k, Key::Gold(..))).count();
        all_response.extend(group(found.iter().copied()));
        named_response.extend(group(found.iter().copied().filter(|(k, _)| in_named(k))));
        named_key.extend(named);
        all_key.extend(key(doc.chains()));
    }
    let report = Report {
        documents: docs.len(),
        named: CorefScore::compute(&named_key, &named_response),
        all: CorefScore::compute(&all_key, &all_response),
        system_mentions,
        matched_mentions,
    };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report)?),
        ReportFormat::Text => {
            println!(
                "{} documents; {} mentions found, {} of them gold mentions (singletons included)",
                report.documents, report.system_mentions, report.matched_mentions
            );
            for (name, score) in [("named chains", &report.named), ("all chains", &report.all)] {
                let row = |p: &dateline_eval::Prf| format!("P {:.3} R {:.3} F1 {:.3}", p.p, p.r, p.f1);
                println!("{name}:");
                println!("  MUC     {}", row(&score.muc));
                println!("  B3      {}", row(&score.b_cubed));
                println!("  CEAF-e  {}", row(&score.ceaf_e));
                println!("  CoNLL   F1 {:.3}", score.conll);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The document's chains as the pipeline finds them: each mention keyed
/// by the gold mention it matches (the smallest that contains it and whose
/// head word it covers), with its chain.
fn system_chains(pipeline: &Pipeline, d: usize, doc: &CorefDocument) -> Vec<(Key, usize)> {
    // The file has no publication date; coreference does not need one.
    let dct = Date::new(2000, 1, 1).expect("a valid date");
    let document = Document::new(dct, doc.text.clone());
    let coreference = pipeline.analyse(&document).coreference;
    let mut used = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, mention) in coreference.mentions.iter().enumerate() {
        let words: Vec<usize> = (0..doc.words.len())
            .filter(|&w| mention.start <= doc.words[w].start && doc.words[w].end <= mention.end)
            .collect();
        let (Some(&first), Some(&last)) = (words.first(), words.last()) else {
            out.push((Key::Spurious(d, i), mention.chain));
            continue;
        };
        let gold = (0..doc.mentions.len())
            .filter(|&g| {
                let m = &doc.mentions[g];
                m.start <= first && last < m.end && (first..=last).contains(&m.head)
            })
            .min_by_key(|&g| doc.mentions[g].end - doc.mentions[g].start);
        match gold.filter(|&g| used.insert(g)) {
            Some(g) => out.push((Key::Gold(d, g), mention.chain)),
            None => out.push((Key::Spurious(d, i), mention.chain)),
        }
    }
    out
}

/// Mentions grouped by chain.
fn group(mentions: impl Iterator<Item = (Key, usize)>) -> Vec<Vec<Key>> {
    let mut chains: std::collections::BTreeMap<usize, Vec<Key>> = Default::default();
    for (key, chain) in mentions {
        chains.entry(chain).or_default().push(key);
    }
    chains.into_values().collect()
}

/// The named gold chains of a document with what was found of each.
fn errors(d: usize, doc: &CorefDocument, found: &[(Key, usize)]) -> String {
    let mut out = format!("# {}\n", doc.id);
    let text = |start: usize, end: usize| -> String {
        let words: Vec<&str> = doc.words[start..end].iter().map(|w| w.form.as_str()).collect();
        words.join(" ")
    };
    for chain in doc.named_chains() {
        let marks: Vec<String> = chain
            .iter()
            .map(|&m| {
                let g = &doc.mentions[m];
                let chain = found.iter().find(|(k, _)| *k == Key::Gold(d, m)).map(|(_, c)| c.to_string());
                format!("{}[{}]", text(g.start, g.end), chain.unwrap_or_else(|| "-".into()))
            })
            .collect();
        out.push_str(&format!(
            "{} {}: {}\n",
            doc.mentions[chain[0]].entity,
            doc.mentions[chain[0]].etype,
            marks.join(" | ")
        ));
    }
    let spurious = found.iter().filter(|(k, _)| matches!(k, Key::Spurious(..))).count();
    out.push_str(&format!("({spurious} mentions found outside gold mentions)\n"));
    out
}
