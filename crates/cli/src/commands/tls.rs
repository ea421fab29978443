//! `dateline eval tls`: timeline summarisation on Timeline17 story folders.
//!
//! Each story's articles are analysed and stored as `dateline ingest
//! --inferred` stores them (in memory), and the key dates of the store are
//! scored against each gold timeline with the standard protocol: as many
//! dates as the gold timeline has, its mean number of sentences per date
//! (rounded, at least 1), candidate dates within its first and last date.

use crate::args::{ReportFormat, TlsEvalArgs};
use anyhow::{bail, Context, Result};
use dateline_core::{Date, Document};
use dateline_eval::{read_t17_timeline, score_tls, DatedSummary, TimelineSummary, TlsScore};
use dateline_pipeline::{Analysis, Pipeline, Stages};
use dateline_store::{Query, Store};
use dateline_summary::{key_dates, Options};
use rayon::prelude::*;
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Serialize)]
struct TimelineReport {
    story: String,
    timeline: String,
    dates: usize,
    sentences_per_date: usize,
    score: TlsScore,
}

pub fn eval(args: &TlsEvalArgs) -> Result<ExitCode> {
    let stories = stories(&args.dir)?;
    if stories.is_empty() {
        bail!(
            "{}: no Timeline17 story here (a folder with InputDocs/ and timelines/, or a folder of them)",
            args.dir.display()
        );
    }
    if let Some(out) = &args.out {
        std::fs::create_dir_all(out).with_context(|| out.display().to_string())?;
    }
    let stages = Stages { event_mentions: true, inferred: true, ..Stages::TIMELINE };
    let pipeline = Pipeline::try_with_stages(stages)?;
    let mut reports = Vec::new();
    for story in &stories {
        let name = story.file_name().unwrap_or_default().to_string_lossy().to_string();
        let articles = read_articles(&story.join("InputDocs"))?;
        let mut store = Store::open_in_memory()?;
        let batch: Vec<Analysis<'_>> = articles.par_iter().map(|a| pipeline.analyse(a)).collect();
        store.insert(&batch)?;
        store.merge()?;
        let sources = store.sources(&Query::default())?;
        for (timeline, gold) in gold_timelines(story)? {
            let (Some(first), Some(last)) = (gold.first_date(), gold.last_date()) else { continue };
            let sentences = (gold.mean_sentences_per_date().round() as usize).max(1);
            let options = Options {
                dates: Some(gold.len()),
                sentences,
                query: Vec::new(),
                from: Some(first),
                to: Some(last),
            };
            let system = TimelineSummary::from_entries(key_dates(&sources, &options)?.into_iter().map(|d| {
                DatedSummary { date: d.start, sentences: d.summary.into_iter().map(|c| c.sentence).collect() }
            }));
            if let Some(out) = &args.out {
                let path = out.join(format!("{name}-{timeline}.txt"));
                std::fs::write(&path, t17_text(&system)).with_context(|| path.display().to_string())?;
            }
            reports.push(TimelineReport {
                story: name.clone(),
                timeline,
                dates: gold.len(),
                sentences_per_date: sentences,
                score: score_tls(&system, &gold),
            });
        }
    }
    let scores: Vec<TlsScore> = reports.iter().map(|r| r.score).collect();
    let mean = TlsScore::mean(&scores);
    match args.format {
        ReportFormat::Json => {
            let report = serde_json::json!({ "timelines": reports, "mean": mean });
            println!("{}", serde_json::to_string_pretty(&report)?);
        }
        ReportFormat::Text => {
            println!(
                "{:<36} {:>5} {:>3}  {:>6} {:>6} {:>6} {:>6} {:>6}",
                "timeline (F1)", "dates", "L", "date", "c-R1", "c-R2", "a-R1", "a-R2"
            );
            for r in &reports {
                print_row(&format!("{}/{}", r.story, r.timeline), r.dates, r.sentences_per_date, &r.score);
            }
            print_row(&format!("mean of {} (F1 of mean P, R)", reports.len()), 0, 0, &mean);
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn print_row(name: &str, dates: usize, sentences: usize, s: &TlsScore) {
    let count = |n: usize| if n == 0 { String::new() } else { n.to_string() };
    println!(
        "{name:<36} {:>5} {:>3}  {:>6.3} {:>6.3} {:>6.3} {:>6.3} {:>6.3}",
        count(dates),
        count(sentences),
        s.date.f1,
        s.concat_rouge1.f1,
        s.concat_rouge2.f1,
        s.align_rouge1.f1,
        s.align_rouge2.f1
    );
}

/// A story's gold timelines, named: from `timelines.jsonl` where there is
/// one (the form the published Timeline17 scores were computed on), else
/// from the `timelines/*.txt` files.
fn gold_timelines(story: &Path) -> Result<Vec<(String, TimelineSummary)>> {
    let files = files_with_extension(&story.join("timelines"), "txt").unwrap_or_default();
    let name = |i: usize| {
        files
            .get(i)
            .and_then(|f| f.file_stem())
            .map_or_else(|| format!("timeline-{}", i + 1), |s| s.to_string_lossy().to_string())
    };
    let jsonl = story.join("timelines.jsonl");
    if !jsonl.exists() {
        return files.iter().enumerate().map(|(i, f)| Ok((name(i), read_t17_timeline(f)?))).collect();
    }
    let text = std::fs::read_to_string(&jsonl).with_context(|| jsonl.display().to_string())?;
    let mut timelines = Vec::new();
    for (i, line) in text.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let where_ = || format!("{}:{}", jsonl.display(), i + 1);
        let dated: Vec<(String, Vec<String>)> = serde_json::from_str(line)
            .with_context(|| format!("{}: want [[\"YYYY-MM-DD\", [sentences]], ...]", where_()))?;
        let mut entries = Vec::new();
        for (date, sentences) in dated {
            let date: Date = date
                .get(..10)
                .unwrap_or(&date)
                .parse()
                .with_context(|| format!("{}: date '{date}'", where_()))?;
            entries.push(DatedSummary {
                date,
                sentences: sentences.iter().map(|s| s.trim().to_string()).collect(),
            });
        }
        timelines.push((name(timelines.len()), TimelineSummary::from_entries(entries)));
    }
    Ok(timelines)
}

/// The story folders: `dir` itself when it holds `InputDocs`, else its
/// subfolders that do.
fn stories(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.join("InputDocs").is_dir() {
        return Ok(vec![dir.to_path_buf()]);
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| dir.display().to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.join("InputDocs").is_dir())
        .collect();
    found.sort();
    Ok(found)
}

fn files_with_extension(dir: &Path, extension: &str) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| dir.display().to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == extension))
        .collect();
    files.sort();
    Ok(files)
}

/// The articles of `InputDocs/YYYY-MM-DD/*.txt`: published on their
/// folder's day, one sentence a line, tokenised as the Penn Treebank
/// writes text (read back to plain text, one sentence a paragraph).
fn read_articles(input_docs: &Path) -> Result<Vec<Document>> {
    let mut articles = Vec::new();
    let mut days: Vec<PathBuf> = std::fs::read_dir(input_docs)
        .with_context(|| input_docs.display().to_string())?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    days.sort();
    for day in days {
        let name = day.file_name().unwrap_or_default().to_string_lossy().to_string();
        let Ok(dct) = name.parse::<Date>() else {
            bail!("{}: a folder of InputDocs must be named by its day (YYYY-MM-DD)", day.display())
        };
        for file in files_with_extension(&day, "txt")? {
            let bytes = std::fs::read(&file).with_context(|| file.display().to_string())?;
            let text: Vec<String> = String::from_utf8_lossy(&bytes)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(untokenised)
                .collect();
            let id = format!("{name}/{}", file.file_name().unwrap_or_default().to_string_lossy());
            articles.push(Document {
                id,
                dct,
                title: None,
                text: text.join("\n\n"),
                source: None,
                url: None,
                document_type: None,
            });
        }
    }
    Ok(articles)
}

/// A Penn Treebank tokenised sentence as plain text: brackets and quotes
/// restored, and no space before punctuation or a clitic.
fn untokenised(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut glue_next = false;
    for token in line.split_whitespace() {
        // (text, joins the token before, joins the token after)
        let (text, joins_before, joins_after) = match token {
            "-LRB-" | "-LCB-" => ("(", false, true),
            "-LSB-" => ("[", false, true),
            "-RRB-" | "-RCB-" => (")", true, false),
            "-RSB-" => ("]", true, false),
            "``" => ("\"", false, true),
            "''" => ("\"", true, false),
            "$" | "#" => (token, false, true),
            t => {
                let clitic =
                    (t.starts_with('\'') && (2..=3).contains(&t.len())) || t.eq_ignore_ascii_case("n't");
                (t, clitic || matches!(t, "," | "." | ";" | ":" | "!" | "?" | "%" | "..."), false)
            }
        };
        if !out.is_empty() && !joins_before && !glue_next {
            out.push(' ');
        }
        out.push_str(text);
        glue_next = joins_after;
    }
    out
}

/// A timeline in Timeline17's format: a date line, its sentences, a line
/// of dashes between dates.
fn t17_text(timeline: &TimelineSummary) -> String {
    let blocks: Vec<String> =
        timeline.entries.iter().map(|e| format!("{}\n{}\n", e.date, e.sentences.join("\n"))).collect();
    blocks.join("--------------------------------\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn penn_treebank_tokens_read_as_plain_text() {
        assert_eq!(
            untokenised("The WHO -LRB- World Health Organisation -RRB- said it was `` concerned '' , and it does n't know what 's next ."),
            "The WHO (World Health Organisation) said it was \"concerned\", and it doesn't know what's next."
        );
        assert_eq!(untokenised("Costs rose 5 % to $ 3 million ."), "Costs rose 5% to $3 million.");
    }
}
