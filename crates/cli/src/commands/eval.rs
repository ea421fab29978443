//! `dateline eval`: scores against gold annotations.

use crate::args::{EvalArgs, EventsEvalArgs, GeoEvalArgs, ReportFormat};
use crate::inputs::expand;
use anyhow::{bail, Context, Result};
use dateline_core::Timex;
use dateline_eval::{AwarenessScore, DocumentTimexes, DocumentTlinks, TimexScore, Tlink};
use dateline_pipeline::{Pipeline, Stages};
use dateline_read::{read, Format, Options};
use rayon::prelude::*;
use std::process::ExitCode;

/// Reads every .tml file of a folder; unreadable ones are reported and
/// counted.
pub(crate) fn read_timeml_dir(dir: &std::path::Path) -> Result<(Vec<dateline_read::Input>, usize)> {
    let files: Vec<_> = expand(dir)
        .with_context(|| dir.display().to_string())?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    if files.is_empty() {
        bail!("{}: no .tml files found", dir.display());
    }
    let options = Options { format: Some(Format::TimeMl), dct: None };
    let mut skipped = 0;
    let mut docs = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).with_context(|| file.display().to_string())?;
        for result in read(&file.display().to_string(), &bytes, &options) {
            match result {
                Ok(input) => docs.push(input),
                Err(e) => {
                    eprintln!("dateline: {e} (document skipped)");
                    skipped += 1;
                }
            }
        }
    }
    Ok((docs, skipped))
}

pub fn events(args: &EventsEvalArgs) -> Result<ExitCode> {
    let (docs, skipped) = read_timeml_dir(&args.dir)?;
    // Anchoring alone is scored: entities only name an entry's actors.
    let pipeline = Pipeline::try_with_stages(Stages {
        entries: true,
        event_mentions: true,
        syntax: args.syntax,
        ..Stages::TIMEXES
    })?;
    let scored: Vec<(dateline_eval::EventDocument, String)> = docs
        .par_iter()
        .filter_map(|input| {
            let timeml = input.timeml.as_ref()?;
            let analysis = pipeline.analyse(&input.document);
            let gold_events: Vec<(usize, usize)> =
                timeml.gold_events().iter().map(|e| (e.start, e.end)).collect();
            let (tokens, sentences) = (&analysis.text.tokens, &analysis.text.sentences);
            let sentence_of = |char_pos: usize| {
                sentences
                    .iter()
                    .position(|s| tokens[s.start].start <= char_pos && char_pos < tokens[s.end - 1].end)
            };
            let gold_links: Vec<((usize, usize), (usize, usize))> = timeml
                .gold_event_time_links()
                .into_iter()
                .map(|(e, t)| (gold_events[e], (timeml.gold()[t].start, timeml.gold()[t].end)))
                .filter(|(e, t)| sentence_of(e.0).is_some() && sentence_of(e.0) == sentence_of(t.0))
                .collect();
            let anchors: Vec<((usize, usize), (usize, usize))> = analysis
                .entries
                .iter()
                .map(|entry| ((entry.timex.start, entry.timex.end), entry.trigger))
                .collect();
            let errors = if args.errors {
                anchoring_errors(&input.document, &gold_links, &anchors, &analysis.text)
            } else {
                String::new()
            };
            let system_events = analysis.event_mentions.iter().map(|m| (m.start, m.end)).collect();
            let document = dateline_eval::EventDocument {
                gold_events,
                system_events,
                gold_links,
                anchors,
                gold_attributes: gold_attributes(timeml),
                system_attributes: system_attributes(&analysis.event_mentions),
            };
            Some((document, errors))
        })
        .collect();
    let (scored, errors): (Vec<_>, Vec<String>) = scored.into_iter().unzip();
    print!("{}", errors.concat());
    let score = dateline_eval::EventScore::compute(&scored);
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&score).unwrap_or_default()),
        ReportFormat::Text => print_event_score(&format!("documents {}", scored.len()), &score),
    }
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

type Span = (usize, usize);

/// The gold class and attributes of each event, as the scorer takes them.
pub(crate) fn gold_attributes(timeml: &dateline_read::TimeMl) -> Vec<[String; 5]> {
    timeml
        .gold_events()
        .iter()
        .map(|e| [&e.class, &e.tense, &e.aspect, &e.polarity, &e.modality].map(|v| v.to_string()))
        .collect()
}

/// The class and attributes of each mention, as the scorer takes them.
pub(crate) fn system_attributes(mentions: &[dateline_events::Mention]) -> Vec<[String; 5]> {
    mentions
        .iter()
        .map(|m| [m.class, &m.tense, &m.aspect, &m.polarity, &m.modality].map(|v| v.to_string()))
        .collect()
}

/// Prints an events score as a table to read: `head` first.
pub(crate) fn print_event_score(head: &str, score: &dateline_eval::EventScore) {
    println!("{head}, gold events {}, system events {}", score.gold, score.system);
    println!("events      strict  {}", score.strict);
    println!("            relaxed {}", score.relaxed);
    for attribute in &score.attributes {
        println!("{:<11} accuracy {:.4}  F1 {:.4}", attribute.name, attribute.accuracy, attribute.f1);
    }
    if score.links > 0 {
        println!(
            "anchoring   {} gold event-time links in one sentence; {} anchored; accuracy {:.4}",
            score.links, score.links_anchored, score.anchoring_accuracy
        );
        println!(
            "            precision of the anchors {:.4}; one event per expression reaches at most {:.4}",
            score.anchoring_precision, score.one_anchor_ceiling
        );
    }
}

/// One block per gold event–time link whose expression was not anchored
/// to its event: the document, the gold event, the expression, what the
/// expression was anchored to, and the sentence.
fn anchoring_errors(
    document: &dateline_core::Document,
    gold_links: &[(Span, Span)],
    anchors: &[(Span, Span)],
    text: &dateline_text::Segmented<'_>,
) -> String {
    let chars: Vec<char> = document.text.chars().collect();
    let cut = |(a, b): Span| chars[a.min(chars.len())..b.min(chars.len())].iter().collect::<String>();
    let overlaps = |a: Span, b: Span| a.0 < b.1 && b.0 < a.1;
    let mut out = String::new();
    for &(event, timex) in gold_links {
        let of_timex: Vec<Span> =
            anchors.iter().filter(|(t, _)| overlaps(*t, timex)).map(|(_, e)| *e).collect();
        if of_timex.iter().any(|e| overlaps(*e, event)) {
            continue;
        }
        let got: Vec<String> = of_timex.into_iter().map(cut).collect();
        let sentence = text
            .first_token_starting_from(event.0)
            .and_then(|i| text.sentence_of(i))
            .map(|s| &text.sentences[s])
            .map_or(String::new(), |s| cut((text.tokens[s.start].start, text.tokens[s.end - 1].end)));
        out.push_str(&format!(
            "{}: event {:?}, expression {:?}, anchored to {:?}\n    {}\n",
            document.id,
            cut(event),
            cut(timex),
            got,
            sentence
        ));
    }
    out
}

/// What `eval tempeval` reports: the expressions (Task A) and, unless
/// left out, the temporal relations (Task C).
#[derive(serde::Serialize)]
struct TempevalReport<'a> {
    #[serde(flatten)]
    timexes: &'a TimexScore,
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<RelationReport>,
}

/// Temporal awareness from raw text and given the gold entities.
#[derive(serde::Serialize)]
struct RelationReport {
    /// Task ABC: the system's own expressions, events and relations.
    raw_text: AwarenessScore,
    /// Task C: relations between the gold events and expressions.
    gold_entities: AwarenessScore,
}

pub fn tempeval(args: &EvalArgs) -> Result<ExitCode> {
    let (docs, skipped) = read_timeml_dir(&args.dir)?;
    let stages = if args.timex_only { Stages::TIMEXES } else { Stages::RELATIONS };
    let pipeline = Pipeline::try_with_stages(stages)?.reading_as(args.text_type.fixed());
    let analysed: Vec<(Vec<Timex>, Vec<Tlink>, Vec<Tlink>)> = docs
        .par_iter()
        .map(|d| {
            let analysis = pipeline.analyse(&d.document);
            let (gold, system) = match &d.timeml {
                Some(timeml) if !args.timex_only => {
                    let events: Vec<(usize, usize)> =
                        analysis.event_mentions.iter().map(|m| (m.start, m.end)).collect();
                    let system = super::relations::system_tlinks(
                        &analysis.relations,
                        &events,
                        &analysis.timexes,
                        timeml,
                    );
                    (super::relations::gold_tlinks(timeml), system)
                }
                _ => (Vec::new(), Vec::new()),
            };
            (analysis.timexes, gold, system)
        })
        .collect();
    let scored: Vec<DocumentTimexes<'_>> = docs
        .iter()
        .zip(&analysed)
        .map(|(d, (s, _, _))| DocumentTimexes {
            id: &d.document.id,
            text: &d.document.text,
            gold: d.timeml.as_ref().map_or(&[], |t| t.gold()),
            system: s,
        })
        .collect();
    let score = TimexScore::compute(&scored, args.errors);
    let relations = if args.timex_only {
        None
    } else {
        let documents: Vec<DocumentTlinks<'_>> = docs
            .iter()
            .zip(&analysed)
            .map(|(d, (_, gold, system))| DocumentTlinks { id: &d.document.id, gold, system })
            .collect();
        let raw_text = AwarenessScore::compute(&documents);
        Some(RelationReport { raw_text, gold_entities: super::relations::given_gold_entities(&docs)? })
    };
    match args.format {
        ReportFormat::Json => {
            let report = TempevalReport { timexes: &score, relations };
            println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default())
        }
        ReportFormat::Text => {
            print_report(&score, docs.len());
            if let Some(relations) = relations {
                println!("temporal awareness (TempEval-3 Task C, UzZaman & Allen)");
                super::relations::print_awareness("from raw text (Task ABC)", &relations.raw_text);
                super::relations::print_awareness("given gold events and times", &relations.gold_entities);
            }
        }
    }
    if skipped > 0 {
        eprintln!("dateline: {skipped} file(s) could not be read and were left out of the score");
    }
    if let Some(floor) = args.fail_under {
        if score.value.f1 < floor {
            eprintln!("dateline: value F1 {:.4} is below the floor {floor:.4}", score.value.f1);
            return Ok(ExitCode::from(1));
        }
    }
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn print_report(score: &TimexScore, documents: usize) {
    for e in &score.errors {
        let gold = e.gold.as_deref().unwrap_or("-");
        let system = e.system.as_deref().unwrap_or("-");
        println!(
            "{:<11} {}\n    gold: {gold}\n    system: {system}\n    {}",
            format!("{:?}", e.kind).to_lowercase(),
            e.doc,
            e.context
        );
    }
    println!("documents {documents}, gold {}, system {}", score.gold, score.system);
    println!("            precision  recall     F1");
    println!("strict      {:.4}     {:.4}     {:.4}", score.strict.p, score.strict.r, score.strict.f1);
    println!("relaxed     {:.4}     {:.4}     {:.4}", score.relaxed.p, score.relaxed.r, score.relaxed.f1);
    println!("            accuracy   F1");
    println!("type        {:.4}     {:.4}", score.kind.accuracy, score.kind.f1);
    println!("value       {:.4}     {:.4}", score.value.accuracy, score.value.f1);
}

pub fn geo(args: &GeoEvalArgs) -> Result<ExitCode> {
    let xml = std::fs::read_to_string(&args.file).with_context(|| args.file.display().to_string())?;
    let articles = dateline_eval::read_geo_corpus(&xml).with_context(|| args.file.display().to_string())?;
    let recognizer = dateline_entities::Recognizer::new();
    let system: Vec<Vec<dateline_core::Entity>> =
        articles.par_iter().map(|a| recognizer.entities(&a.text)).collect();
    let score = dateline_eval::GeoScore::compute(&articles, &system);
    if args.errors {
        print_geo_errors(&articles, &system);
    }
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&score).unwrap_or_default()),
        ReportFormat::Text => {
            println!(
                "articles {}, gold toponyms {}, system places {}",
                score.articles, score.gold, score.system
            );
            println!("recognition   {}  (overlap)", score.recognition);
            println!("              {}  (exact span)", score.recognition_strict);
            println!("resolution    {} recognised toponyms scored", score.resolved);
            println!("accuracy@161  {:.4}", score.accuracy_161km);
            println!("error km      mean {:.0}, median {:.1}", score.mean_error_km, score.median_error_km);
            println!("AUC           {:.4} (0 is perfect)", score.auc);
        }
    }
    if let Some(floor) = args.fail_under {
        if score.accuracy_161km < floor {
            eprintln!("dateline: accuracy@161km {:.4} is below the floor {floor:.4}", score.accuracy_161km);
            return Ok(ExitCode::from(1));
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_geo_errors(articles: &[dateline_eval::GeoArticle], system: &[Vec<dateline_core::Entity>]) {
    for (article, entities) in articles.iter().zip(system) {
        let places: Vec<_> = entities.iter().filter(|e| e.kind == dateline_core::EntityKind::Place).collect();
        for gold in &article.toponyms {
            match places.iter().find(|p| p.start < gold.end && gold.start < p.end) {
                None => println!("missed    {} {:?}", article.id, gold.text),
                Some(p) => {
                    let Some((gold_lat, gold_lon)) = gold.point else { continue };
                    let (lat, lon) = (p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0));
                    let km = dateline_geo::distance_km(lat, lon, gold_lat, gold_lon);
                    if km > 161.0 {
                        println!(
                            "far       {} {:?} -> {:?} #{:?} {} ({:.0} km; gold #{:?})",
                            article.id,
                            gold.text,
                            p.name.as_deref().unwrap_or("?"),
                            p.geonameid,
                            p.country.as_deref().unwrap_or(""),
                            km,
                            gold.geonameid
                        );
                    }
                }
            }
        }
        for p in &places {
            if !article.toponyms.iter().any(|g| p.start < g.end && g.start < p.end) {
                println!("spurious  {} {:?}", article.id, p.text);
            }
        }
    }
}
