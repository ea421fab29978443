//! `dateline train syntax`: the tagger, lemmatiser and parser, trained
//! on UD English and written where the crate ships them.

use super::syntax::{score, scores_table, Treebank};
use crate::args::{ReportFormat, TrainEventsArgs, TrainSyntaxArgs};
use anyhow::{Context, Result};
use dateline_eval::{EventDocument, EventScore, SyntaxScore};
use dateline_events::{Annotated, AnnotatedEvent, EventModel};
use dateline_syntax::{Syntax, TrainOptions};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// The treebanks trained on, under `--ud`.
const TRAINING: [&str; 3] = [
    "UD_English-EWT/en_ewt-ud-dev.conllu",
    "UD_English-EWT/en_ewt-ud-test.conllu",
    "UD_English-PUD/en_pud-ud-test.conllu",
];

/// The out-of-domain check, never trained on.
const CHECK: &str = "UD_English-GUM/en_gum-ud-dev.conllu";

/// Whether the sentence at `index` (from 0, in its file, broken sentences
/// counted) is held out: every 10th.
pub fn held_out(index: usize) -> bool {
    index % 10 == 9
}

#[derive(Serialize)]
struct TrainReport {
    training_sentences: usize,
    training_words: usize,
    train_seconds: f64,
    model: String,
    model_bytes: usize,
    held_out: SyntaxScore,
    held_out_words_per_second: f64,
    gum_dev: SyntaxScore,
    gum_dev_words_per_second: f64,
}

pub fn syntax(args: &TrainSyntaxArgs) -> Result<ExitCode> {
    let (mut train, mut held) = (Vec::new(), Vec::new());
    let mut held_out_text = String::new();
    let mut skipped = 0;
    for file in TRAINING {
        let path = args.ud.join(file);
        eprintln!("dateline: reading {}", path.display());
        let treebank = read(&path)?;
        skipped += treebank.skipped;
        for (sentence, &index) in treebank.sentences.iter().zip(&treebank.indices) {
            if held_out(index) {
                if args.held_out.is_some() {
                    held_out_text.push_str(&treebank.original(sentence));
                }
                held.push(sentence.clone());
            } else {
                train.push(sentence.clone());
            }
        }
    }
    let check_path = args.ud.join(CHECK);
    eprintln!("dateline: reading {}", check_path.display());
    let check = read(&check_path)?;
    skipped += check.skipped;
    if let Some(path) = &args.held_out {
        std::fs::write(path, &held_out_text).with_context(|| path.display().to_string())?;
        eprintln!("dateline: wrote the {} held-out sentences to {}", held.len(), path.display());
    }
    let training_words: usize = train.iter().map(|s| s.words.len()).sum();
    eprintln!(
        "dateline: training on {} sentences ({training_words} words); {} held out",
        train.len(),
        held.len()
    );
    let unlabelled = unlabelled_sentences(&args.unlabelled)?;
    let options = TrainOptions {
        tagger_epochs: args.tagger_epochs,
        parser_epochs: args.parser_epochs,
        runs: args.runs as usize,
    };
    let started = Instant::now();
    let models = Syntax::train(&train, &unlabelled, &options);
    let train_seconds = started.elapsed().as_secs_f64();
    let bytes = models.to_gzip();
    write_models(&args.out, &bytes)?;
    eprintln!(
        "dateline: trained in {train_seconds:.1} s; wrote {} ({:.2} MB); scoring",
        args.out.display(),
        bytes.len() as f64 / 1e6
    );
    // Scored as they will be used: read back from the bytes written.
    let models = Syntax::from_gzip(&args.out.display().to_string(), &bytes)?;
    let (held_out, held_out_words_per_second) = score(&models, &held).context("the held-out sentences")?;
    let (gum_dev, gum_dev_words_per_second) = score(&models, &check.sentences).context(CHECK)?;
    let report = TrainReport {
        training_sentences: train.len(),
        training_words,
        train_seconds,
        model: args.out.display().to_string(),
        model_bytes: bytes.len(),
        held_out,
        held_out_words_per_second,
        gum_dev,
        gum_dev_words_per_second,
    };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        ReportFormat::Text => {
            print!("{}", scores_table(&[("held out", &report.held_out), ("GUM dev", &report.gum_dev)]));
            println!(
                "{:<26}{:>14.0}{:>14.0}",
                "speed (words/s, 1 thread)",
                report.held_out_words_per_second,
                report.gum_dev_words_per_second
            );
            println!(
                "held out: every 10th sentence (index % 10 == 9, from 0) of {}",
                TRAINING.map(|f| f.rsplit('/').next().unwrap_or(f)).join(", ")
            );
        }
    }
    if skipped > 0 {
        eprintln!("dateline: {skipped} sentence(s) could not be read and were left out");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

fn read(path: &Path) -> Result<Treebank> {
    Treebank::read(path).with_context(|| {
        format!("reading UD (give --ud the folder with UD_English-EWT, UD_English-PUD and UD_English-GUM; now {})", display_parent(path))
    })
}

fn display_parent(path: &Path) -> String {
    path.parent().and_then(Path::parent).map(PathBuf::from).unwrap_or_default().display().to_string()
}

/// Writes the models through a temporary file, so that a failed write
/// leaves the old models whole.
fn write_models(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    std::fs::write(&partial, bytes).with_context(|| partial.display().to_string())?;
    std::fs::rename(&partial, path).with_context(|| path.display().to_string())
}

/// The sentences of the news under `folder`, as UD words; none for "none".
fn unlabelled_sentences(folder: &Path) -> Result<Vec<Vec<String>>> {
    if folder.as_os_str() == "none" {
        return Ok(Vec::new());
    }
    let mut files = crate::inputs::expand(folder).with_context(|| {
        format!("{} (give --unlabelled a folder of .tml news, or none)", folder.display())
    })?;
    files.retain(|p| p.extension().is_some_and(|e| e == "tml"));
    files.sort();
    let options = dateline_read::Options { format: Some(dateline_read::Format::TimeMl), dct: None };
    let mut sentences = Vec::new();
    for file in &files {
        let raw = std::fs::read(file).with_context(|| file.display().to_string())?;
        for input in dateline_read::read(&file.display().to_string(), &raw, &options) {
            match input {
                Ok(input) => {
                    let text = dateline_text::Segmented::new(&input.document.text);
                    sentences.extend(
                        dateline_syntax::ud_words(&text)
                            .into_iter()
                            .map(|words| words.into_iter().map(|w| w.text.to_string()).collect::<Vec<_>>()),
                    );
                }
                Err(e) => eprintln!("dateline: {e} (left out of the word classes)"),
            }
        }
    }
    let words: usize = sentences.iter().map(Vec::len).sum();
    eprintln!(
        "dateline: {} unlabelled sentences ({words} words) from {} files under {}",
        sentences.len(),
        files.len(),
        folder.display()
    );
    Ok(sentences)
}

/// Event mentions of TimeML documents against their gold: strict and
/// relaxed F1 (TempEval-3 Task B) and the accuracy of each attribute.
fn score_events(model: &EventModel, syntax: &Syntax, docs: &[&dateline_read::Input]) -> EventScore {
    let documents: Vec<EventDocument> = docs
        .par_iter()
        .filter_map(|input| {
            let timeml = input.timeml.as_ref()?;
            let mentions = model.mentions(syntax, &dateline_text::Segmented::new(&input.document.text));
            Some(EventDocument {
                gold_events: timeml.gold_events().iter().map(|e| (e.start, e.end)).collect(),
                system_events: mentions.iter().map(|m| (m.start, m.end)).collect(),
                gold_links: Vec::new(),
                anchors: Vec::new(),
                gold_attributes: super::eval::gold_attributes(timeml),
                system_attributes: super::eval::system_attributes(&mentions),
            })
        })
        .collect();
    EventScore::compute(&documents)
}

pub fn events(args: &TrainEventsArgs) -> Result<ExitCode> {
    let syntax = Syntax::embedded().context("the shipped syntax models")?;
    let (timebank, skipped) = super::eval::read_timeml_dir(&args.timebank)?;
    let (learn, check): (Vec<_>, Vec<_>) = if args.tune {
        let (check, learn): (Vec<_>, Vec<_>) = timebank.iter().enumerate().partition(|(i, _)| i % 5 == 4);
        (learn.into_iter().map(|(_, d)| d).collect(), check.into_iter().map(|(_, d)| d).collect())
    } else {
        (timebank.iter().collect(), Vec::new())
    };
    let annotated: Vec<Annotated<'_>> = learn
        .iter()
        .filter_map(|input| {
            let timeml = input.timeml.as_ref()?;
            let events = timeml
                .gold_events()
                .iter()
                .map(|e| AnnotatedEvent {
                    start: e.start,
                    end: e.end,
                    class: &e.class,
                    attributes: [&e.tense, &e.aspect, &e.polarity, &e.modality].map(String::as_str),
                })
                .collect();
            Some(Annotated { text: &input.document.text, events })
        })
        .collect();
    eprintln!("dateline: learning from {} TimeBank documents", annotated.len());
    let started = Instant::now();
    let model = EventModel::train(&annotated, syntax, args.epochs);
    eprintln!("dateline: trained in {:.1} s", started.elapsed().as_secs_f64());
    let aquaint = if args.tune { Vec::new() } else { super::eval::read_timeml_dir(&args.aquaint)?.0 };
    let (report_name, report): (&str, Vec<&dateline_read::Input>) = if args.tune {
        ("TimeBank, every 5th file", check)
    } else {
        let bytes = model.to_gzip();
        std::fs::write(&args.out, &bytes).with_context(|| args.out.display().to_string())?;
        eprintln!("dateline: wrote {} ({} bytes)", args.out.display(), bytes.len());
        ("AQUAINT", aquaint.iter().collect())
    };
    let score = score_events(&model, syntax, &report);
    super::eval::print_event_score(&format!("{report_name}: documents {}", report.len()), &score);
    Ok(if skipped > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_tenth_sentence_is_held_out() {
        let held: Vec<usize> = (0..30).filter(|&i| held_out(i)).collect();
        assert_eq!(held, [9, 19, 29]);
    }
}
