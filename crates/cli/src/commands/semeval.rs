//! `dateline eval semeval2015`: timelines of target entities across a
//! corpus (SemEval-2015 Task 4, track A), and their scorer.

use crate::args::{ReportFormat, SemevalArgs};
use crate::inputs::expand;
use anyhow::{bail, Context, Result};
use dateline_core::{Date, Document, Point, TimexValue};
use dateline_eval::{read_cat, CatDocument, Timeline, TimelineScore};
use dateline_pipeline::{Pipeline, Stages};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(args: &SemevalArgs) -> Result<ExitCode> {
    if let Some(dirs) = &args.score {
        return score(&dirs[0], &dirs[1], args.format);
    }
    let (Some(corpus), Some(out)) = (&args.corpus, &args.out) else {
        bail!("give a CORPUS folder and --out DIR, or --score GOLD_DIR SYSTEM_DIR");
    };
    let targets = read_targets(args.targets.as_deref(), corpus)?;
    let files: Vec<PathBuf> = expand(corpus)
        .with_context(|| corpus.display().to_string())?
        .into_iter()
        .filter(|p| p.extension().is_some_and(|e| e == "xml"))
        // Track A is from raw text: the annotated track B copies are left out.
        .filter(|p| {
            !["TimeML", "trackB", "TrackB", "events_timelines"]
                .iter()
                .any(|s| p.to_string_lossy().contains(s))
        })
        .collect();
    let mut docs = Vec::new();
    for file in &files {
        let xml = std::fs::read_to_string(file).with_context(|| file.display().to_string())?;
        match read_cat(&xml) {
            Ok(doc) => docs.push(doc),
            Err(e) => eprintln!("dateline: {}: {e} (document skipped)", file.display()),
        }
    }
    if docs.is_empty() {
        bail!("{}: no CAT documents found", corpus.display());
    }
    let pipeline =
        Pipeline::try_with_stages(Stages { event_mentions: true, syntax: true, ..Stages::TIMELINE })?;
    let analysed: Vec<Analysed> = docs.par_iter().filter_map(|doc| analyse(&pipeline, doc)).collect();
    std::fs::create_dir_all(out).with_context(|| out.display().to_string())?;
    for target in &targets {
        let timeline = timeline_of(target, &analysed);
        let name = format!("{}.txt", target.to_lowercase().replace(' ', "_"));
        std::fs::write(out.join(&name), timeline.render())
            .with_context(|| out.join(&name).display().to_string())?;
    }
    eprintln!(
        "dateline: {} timelines from {} documents written to {}",
        targets.len(),
        analysed.len(),
        out.display()
    );
    Ok(ExitCode::SUCCESS)
}

/// Target entities: a list file, or the first lines of a timeline folder;
/// by default the corpus's list_target_entities*.txt.
fn read_targets(given: Option<&Path>, corpus: &Path) -> Result<Vec<String>> {
    let path = match given {
        Some(p) => p.to_path_buf(),
        None => expand(corpus)?
            .into_iter()
            .find(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("list_target_entities")))
            .with_context(|| format!("{}: no list_target_entities*.txt; give --targets", corpus.display()))?,
    };
    let read = |p: &Path| std::fs::read_to_string(p).with_context(|| p.display().to_string());
    if path.is_dir() {
        let mut names = Vec::new();
        for file in expand(&path)? {
            if let Some(first) = read(&file)?.lines().next() {
                names.push(first.trim().to_string());
            }
        }
        return Ok(names);
    }
    Ok(read(&path)?.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string).collect())
}

/// One document after the pipeline, with its tokens' sentence numbers.
struct Analysed {
    cat: CatDocument,
    /// Character start of each token in the rebuilt text.
    offsets: Vec<usize>,
    entries: Vec<dateline_core::Entry>,
    events: Vec<(usize, usize)>,
    /// The day inferred for each event mention with no date of its own.
    inferred: Vec<Option<Date>>,
    /// Coreference: which descriptions and pronouns refer to which names.
    coreference: dateline_coref::Coreference,
    /// Each sentence's dependency tree.
    parses: Vec<dateline_syntax::Parse>,
}

fn analyse(pipeline: &Pipeline, cat: &CatDocument) -> Option<Analysed> {
    let dct: Date = cat.dct.as_deref()?.parse().ok()?;
    let mut text = String::new();
    let mut offsets = Vec::with_capacity(cat.tokens.len());
    let mut chars = 0;
    let mut previous_sentence = None;
    for (sentence, token) in &cat.tokens {
        let separator = if previous_sentence.is_some_and(|p| p != *sentence) { "\n\n" } else { " " };
        if previous_sentence.is_some() {
            text.push_str(separator);
            chars += separator.chars().count();
        }
        previous_sentence = Some(*sentence);
        offsets.push(chars);
        text.push_str(token);
        chars += token.chars().count();
    }
    let doc = Document::new(dct, text);
    let analysis = pipeline.analyse(&doc);
    let inferred =
        dateline_events::inferred_dates(&analysis.event_mentions, &analysis.entries, &analysis.syntax, dct);
    Some(Analysed {
        cat: cat.clone(),
        offsets,
        entries: analysis.entries,
        events: analysis.event_mentions.iter().map(|m| (m.start, m.end)).collect(),
        inferred,
        coreference: analysis.coreference,
        parses: analysis.syntax,
    })
}

impl Analysed {
    /// The token at a character offset.
    fn token_at(&self, offset: usize) -> Option<usize> {
        self.offsets.partition_point(|&o| o <= offset).checked_sub(1)
    }

    /// `docid-sentence-word` for the token at a character offset.
    fn event_id(&self, offset: usize) -> Option<String> {
        let (sentence, word) = &self.cat.tokens[self.token_at(offset)?];
        Some(format!("{}-{}-{}", self.cat.id, sentence, word))
    }

    /// Where the target is mentioned: character spans of its name (in
    /// full, or the last word of a longer name: "Jobs" for "Steve Jobs"),
    /// and of the descriptions and pronouns that refer to it.
    fn target_spans(&self, target: &str) -> Vec<(usize, usize)> {
        let words: Vec<String> = target.split_whitespace().map(str::to_lowercase).collect();
        let surname = words.last().filter(|w| words.len() > 1 && (is_surname(w) || is_model(w)));
        let tokens = &self.cat.tokens;
        let mut spans = Vec::new();
        for i in 0..tokens.len() {
            let full = words
                .iter()
                .enumerate()
                .all(|(k, w)| tokens.get(i + k).is_some_and(|(_, t)| t.to_lowercase() == *w));
            let length = if full {
                words.len()
            } else if surname.is_some_and(|s| tokens[i].1.to_lowercase() == *s) {
                1
            } else {
                0
            };
            if length > 0 {
                let last = i + length - 1;
                spans.push((self.offsets[i], self.offsets[last] + tokens[last].1.chars().count()));
            }
        }
        let coref = &self.coreference;
        let overlaps = |m: &dateline_coref::Mention| spans.iter().any(|&(a, b)| m.start < b && a < m.end);
        let chains: Vec<usize> = coref
            .mentions
            .iter()
            .filter(|m| m.kind == dateline_coref::MentionKind::Name && overlaps(m))
            .map(|m| m.chain)
            .collect();
        let referring: Vec<(usize, usize)> = coref
            .mentions
            .iter()
            .filter(|m| m.kind != dateline_coref::MentionKind::Name && chains.contains(&m.chain))
            .map(|m| (m.start, m.end))
            .collect();
        spans.extend(referring);
        spans
    }

    /// Whether the event mention at `offset` has the target among its
    /// arguments (the word heading an argument lies in one of `spans`).
    fn takes_part(&self, offset: usize, spans: &[(usize, usize)]) -> bool {
        let Some(parse) = self.parses.iter().find(|p| {
            p.spans.first().is_some_and(|s| s.0 <= offset) && p.spans.last().is_some_and(|s| offset < s.1)
        }) else {
            return false;
        };
        let Some(w) = parse.spans.iter().position(|s| s.0 <= offset && offset < s.1) else { return false };
        let inside =
            |word: usize| spans.iter().any(|&(a, b)| a <= parse.spans[word].0 && parse.spans[word].1 <= b);
        dateline_events::arguments(parse, w).iter().any(|arg| inside(arg.word))
    }
}

/// A word that names a person alone when it ends a longer name ("Jobs").
fn is_surname(word: &str) -> bool {
    word.len() > 3 && word.chars().all(char::is_alphabetic)
}

/// A model code that names a product alone when it ends a longer name
/// ("A380" of "Airbus A380").
///
/// Letters and digits both: a bare number ("777") is too often a number.
fn is_model(word: &str) -> bool {
    word.len() >= 3
        && word.chars().all(char::is_alphanumeric)
        && word.chars().any(|c| c.is_ascii_digit())
        && word.chars().any(char::is_alphabetic)
}

/// The timeline of one target: dated events of sentences that name it,
/// ordered by date (same date, same position), undated events at 0.
fn timeline_of(target: &str, docs: &[Analysed]) -> Timeline {
    let mut dated: BTreeMap<(Date, Date, String), Vec<String>> = BTreeMap::new();
    let mut undated: Vec<String> = Vec::new();
    for doc in docs {
        let spans = doc.target_spans(target);
        let takes_part = |offset: usize| doc.takes_part(offset, &spans);
        let mut used = Vec::new();
        for entry in &doc.entries {
            if entry.trigger.0 == entry.trigger.1 || !takes_part(entry.trigger.0) {
                continue;
            }
            let Some((start, end)) = entry.date.range() else { continue };
            if let Some(id) = doc.event_id(entry.trigger.0) {
                used.push(entry.trigger.0);
                let date = task_date(&entry.date);
                let group = dated.entry((start, end, date)).or_default();
                if !group.contains(&id) {
                    group.push(id);
                }
            }
        }
        for ((start, _), inferred) in doc.events.iter().zip(&doc.inferred) {
            if !takes_part(*start) || used.contains(start) {
                continue;
            }
            let Some(id) = doc.event_id(*start) else { continue };
            // An event placed by the story's reference time (the last day
            // told, or the publication date) rather than a date of its own.
            match inferred {
                Some(day) => {
                    let date = format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day());
                    let group = dated.entry((*day, *day, date)).or_default();
                    if !group.contains(&id) {
                        group.push(id);
                    }
                }
                None => undated.push(id),
            }
        }
    }
    let mut rows: Vec<(usize, String, Vec<String>)> =
        undated.into_iter().map(|e| (0, "XXXX-XX-XX".to_string(), vec![e])).collect();
    for (index, ((_, _, date), events)) in dated.into_iter().enumerate() {
        for event in events {
            rows.push((index + 1, date.clone(), vec![event]));
        }
    }
    Timeline { entity: target.to_string(), rows }
}

/// A TIMEX3 value as the task writes dates: `2008-03-XX`, `2008-XX-XX`.
fn task_date(value: &TimexValue) -> String {
    match value.point() {
        Some(Point::Day(day) | Point::DayPart(day, _) | Point::Clock(day, ..)) => {
            format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day())
        }
        Some(Point::Month(y, m)) => format!("{y:04}-{m:02}-XX"),
        Some(Point::Century(_) | Point::Decade(_)) | None => "XXXX-XX-XX".to_string(),
        Some(point) => format!("{:04}-XX-XX", point.year()),
    }
}

fn score(gold_dir: &Path, system_dir: &Path, format: ReportFormat) -> Result<ExitCode> {
    // Keyed by file name: the official script pairs gold and answer so
    // (a gold file's first line may misspell its entity).
    let read_all = |dir: &Path| -> Result<Vec<(std::ffi::OsString, Timeline)>> {
        let mut out = Vec::new();
        for file in expand(dir).with_context(|| dir.display().to_string())? {
            let text = std::fs::read_to_string(&file).with_context(|| file.display().to_string())?;
            let timeline = Timeline::parse(&text).with_context(|| file.display().to_string())?;
            out.push((file.file_name().unwrap_or_default().to_os_string(), timeline));
        }
        Ok(out)
    };
    let gold = read_all(gold_dir)?;
    let system = read_all(system_dir)?;
    let pairs: Vec<(&Timeline, Option<&Timeline>)> = gold
        .iter()
        .map(|(name, key)| (key, system.iter().find(|(n, _)| n == name).map(|(_, t)| t)))
        .collect();
    for (key, answer) in &pairs {
        if answer.is_none() {
            eprintln!("dateline: no answer for the timeline of {} (scored 0, left out of the micro average, as the official script does)", key.entity);
        }
    }
    let result = TimelineScore::compute(&pairs);
    match format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&result).unwrap_or_default()),
        ReportFormat::Text => {
            for (entity, f1) in &result.per_entity {
                println!("{entity:<30} F1 {:.2}", f1 * 100.0);
            }
            println!(
                "{} timelines: micro P {:.2}  R {:.2}  F1 {:.2} (temporal awareness, in percent)",
                result.timelines,
                result.micro.p * 100.0,
                result.micro.r * 100.0,
                result.micro.f1 * 100.0
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_names_last_word_stands_alone_when_it_is_a_surname_or_a_model() {
        assert!(is_surname("jobs"));
        assert!(!is_surname("air"));
        assert!(is_model("a380") && is_model("7e7"));
        // A bare number, a short code and a word are not models.
        assert!(!is_model("777") && !is_model("3g") && !is_model("store"));
    }
}
