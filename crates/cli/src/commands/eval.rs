//! `dateline eval`: scores against gold annotations.

use crate::args::{EvalArgs, ReportFormat};
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
