//! `dateline eval`: scores against gold annotations.

use crate::args::{EvalArgs, GeoEvalArgs, ReportFormat};
use crate::inputs::expand;
use dateline_eval::{DocumentTimexes, TimexScore};
use dateline_read::{read, Format, Options};
use dateline_timex::Tagger;
use rayon::prelude::*;
use std::process::ExitCode;

pub fn tempeval(args: &EvalArgs) -> Result<ExitCode, String> {
    let files: Vec<_> = expand(&args.dir)
        .map_err(|e| format!("{}: {e}", args.dir.display()))?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    if files.is_empty() {
        return Err(format!("{}: no .tml files found", args.dir.display()));
    }
    let options = Options { format: Some(Format::TimeMl), dct: None };
    let mut skipped = 0;
    let mut docs = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
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
    let tagger = Tagger::new();
    let system: Vec<_> = docs.par_iter().map(|d| tagger.tag(&d.document.text, d.document.dct)).collect();
    let scored: Vec<DocumentTimexes<'_>> = docs
        .iter()
        .zip(&system)
        .map(|(d, s)| DocumentTimexes {
            id: &d.document.id,
            text: &d.document.text,
            gold: d.timeml.as_ref().map_or(&[], |t| t.gold()),
            system: s,
        })
        .collect();
    let score = TimexScore::compute(&scored, args.errors);
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&score).unwrap_or_default()),
        ReportFormat::Text => print_report(&score, docs.len()),
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

pub fn geo(args: &GeoEvalArgs) -> Result<ExitCode, String> {
    let xml = std::fs::read_to_string(&args.file).map_err(|e| format!("{}: {e}", args.file.display()))?;
    let articles =
        dateline_eval::read_geo_corpus(&xml).map_err(|e| format!("{}: {e}", args.file.display()))?;
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
            println!(
                "recognition   P {:.4}  R {:.4}  F1 {:.4}  (overlap)",
                score.recognition.p, score.recognition.r, score.recognition.f1
            );
            println!(
                "              P {:.4}  R {:.4}  F1 {:.4}  (exact span)",
                score.recognition_strict.p, score.recognition_strict.r, score.recognition_strict.f1
            );
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
                    let (lat, lon) = (p.lat.unwrap_or(0.0), p.lon.unwrap_or(0.0));
                    let km = dateline_geo::distance_km(lat, lon, gold.lat, gold.lon);
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
