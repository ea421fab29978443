//! `dateline syntax` and `dateline eval syntax`: tags, lemmas and trees,
//! on articles or on the words of a CoNLL-U file.

use super::{exit_code, write_out};
use crate::args::{ReportFormat, SyntaxArgs, SyntaxEvalArgs, SyntaxFormat};
use crate::inputs::gather;
use anyhow::{bail, Context, Result};
use dateline_eval::{SyntaxScore, WordScore};
use dateline_pipeline::{Analysis, Pipeline, Stages};
use dateline_syntax::conllu::{self, Sentence};
use dateline_syntax::{Parse, Syntax};
use rayon::prelude::*;
use serde::Serialize;
use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

/// The models a command runs: the shipped ones, or a file's.
pub(super) enum Models {
    Shipped(&'static Syntax),
    File(Arc<Syntax>),
}

impl Models {
    /// The models in `path`, or the shipped ones without it.
    pub(super) fn load(path: Option<&Path>) -> Result<Models> {
        match path {
            None => Syntax::embedded().map(Models::Shipped).context(
                "the shipped syntax models (crates/syntax/models/syntax.bin.gz, built into dateline) \
                 cannot be read: rebuild dateline, or give --model",
            ),
            Some(path) => {
                let bytes = std::fs::read(path).with_context(|| {
                    format!(
                        "{}: cannot read the syntax models (write them with `dateline train syntax --out {0}`)",
                        path.display()
                    )
                })?;
                let models = Syntax::from_gzip(&path.display().to_string(), &bytes)
                    .context("the syntax models are corrupt or not dateline's: train them again")?;
                Ok(Models::File(Arc::new(models)))
            }
        }
    }

    pub(super) fn get(&self) -> &Syntax {
        match self {
            Models::Shipped(syntax) => syntax,
            Models::File(syntax) => syntax,
        }
    }

    fn pipeline(&self) -> Result<Pipeline> {
        Ok(match self {
            Models::Shipped(_) => Pipeline::try_with_stages(Stages::SYNTAX)?,
            Models::File(syntax) => Pipeline::with_syntax(Stages::TIMEXES, syntax.clone()),
        })
    }
}

/// The sentences of a CoNLL-U file; a malformed one is reported with its
/// line and skipped. Also gives the file's text (for copying sentences
/// as they are) and the index of each sentence among all of the file's,
/// broken ones included.
pub(super) struct Treebank {
    pub(super) sentences: Vec<Sentence>,
    pub(super) indices: Vec<usize>,
    pub(super) text: String,
    pub(super) skipped: usize,
}

impl Treebank {
    pub(super) fn read(path: &Path) -> Result<Treebank> {
        let bytes = std::fs::read(path).with_context(|| path.display().to_string())?;
        let text = String::from_utf8(bytes).map_err(|e| {
            anyhow::anyhow!("{}: not UTF-8 (byte {})", path.display(), e.utf8_error().valid_up_to())
        })?;
        let mut treebank =
            Treebank { sentences: Vec::new(), indices: Vec::new(), text: String::new(), skipped: 0 };
        for (index, result) in conllu::read(&path.display().to_string(), &text).into_iter().enumerate() {
            match result {
                Ok(sentence) => {
                    treebank.sentences.push(sentence);
                    treebank.indices.push(index);
                }
                Err(error) => {
                    eprintln!("dateline: {error} (sentence skipped)");
                    treebank.skipped += 1;
                }
            }
        }
        if treebank.sentences.is_empty() && treebank.skipped == 0 {
            bail!("{}: no sentences (is it CoNLL-U?)", path.display());
        }
        treebank.text = text;
        Ok(treebank)
    }

    /// The lines of the sentence as the file has them, with the blank line
    /// after it.
    pub(super) fn original(&self, sentence: &Sentence) -> String {
        let mut out = String::new();
        for line in self.text.lines().skip(sentence.line - 1) {
            if line.trim().is_empty() {
                break;
            }
            out.push_str(line.trim_end_matches('\r'));
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

/// The sentence with the columns the models predict written over the
/// gold ones; forms, comments and multiword tokens stay.
pub(super) fn predict(syntax: &Syntax, gold: &Sentence) -> Sentence {
    let forms: Vec<&str> = gold.words.iter().map(|w| w.form.as_str()).collect();
    let mut predicted = gold.clone();
    predicted.words = syntax.analyse_words(&forms);
    predicted
}

pub fn run(args: &SyntaxArgs) -> Result<ExitCode> {
    let models = Models::load(args.model.as_deref())?;
    if let Some(path) = &args.conllu {
        if args.format == Some(SyntaxFormat::Json) {
            bail!("--conllu writes CoNLL-U: leave out --format json");
        }
        return run_conllu(models.get(), path);
    }
    let pipeline = models.pipeline()?;
    let gathered = gather(&args.input)?;
    let format = args.format.unwrap_or(SyntaxFormat::Conllu);
    let rendered: Vec<String> = gathered
        .inputs
        .par_iter()
        .map(|input| {
            let analysis = pipeline.analyse(&input.document);
            match format {
                SyntaxFormat::Conllu => render_conllu(&analysis),
                SyntaxFormat::Json => render_json(&analysis),
            }
        })
        .collect();
    write_out(rendered)?;
    Ok(exit_code(gathered.skipped))
}

fn run_conllu(syntax: &Syntax, path: &Path) -> Result<ExitCode> {
    let treebank = Treebank::read(path)?;
    let rendered: Vec<String> = treebank
        .sentences
        .par_iter()
        .map(|sentence| conllu::write(std::slice::from_ref(&predict(syntax, sentence))))
        .collect();
    write_out(rendered)?;
    if treebank.skipped > 0 {
        eprintln!("dateline: {} sentence(s) skipped, see the messages above", treebank.skipped);
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// One document's parses as CoNLL-U: `# newdoc id`, then for each sentence
/// `# sent_id = DOCID-N` and `# text`, with clitics split off a word
/// ("do" + "n't") under a multiword token line and `SpaceAfter=No` where
/// no space follows.
fn render_conllu(analysis: &Analysis<'_>) -> String {
    let doc = analysis.document;
    let text = &doc.text;
    let bytes_at: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
    let slice = |start: usize, end: usize| &text[bytes_at[start]..bytes_at[end]];
    let mut out = format!("# newdoc id = {}\n", one_line(&doc.id));
    for (n, parse) in analysis.syntax.iter().enumerate() {
        let (Some(first), Some(last)) = (parse.spans.first(), parse.spans.last()) else { continue };
        out.push_str(&format!("# sent_id = {}-{}\n", one_line(&doc.id), n + 1));
        out.push_str(&format!("# text = {}\n", one_line(slice(first.0, last.1))));
        let glued = |i: usize| parse.spans.get(i + 1).is_some_and(|next| next.0 == parse.spans[i].1);
        let mut i = 0;
        while i < parse.words.len() {
            let mut j = i;
            while glued(j) && dateline_syntax::is_split_clitic(&parse.words[j].form, &parse.words[j + 1].form)
            {
                j += 1;
            }
            let space_after = |k: usize| if glued(k) { "SpaceAfter=No" } else { "_" };
            if j > i {
                out.push_str(&format!(
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}\n",
                    i + 1,
                    j + 1,
                    slice(parse.spans[i].0, parse.spans[j].1),
                    space_after(j)
                ));
            }
            for k in i..=j {
                let misc = if j > i { "_" } else { space_after(k) };
                out.push_str(&conllu::word_line(k + 1, &parse.words[k], misc));
            }
            i = j + 1;
        }
        out.push('\n');
    }
    out
}

/// A comment's value on one line: runs of white space become one space.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
struct JsonDocument<'a> {
    id: &'a str,
    dct: String,
    sentences: Vec<JsonSentence<'a>>,
}

#[derive(Serialize)]
struct JsonSentence<'a> {
    words: Vec<JsonWord<'a>>,
}

#[derive(Serialize)]
struct JsonWord<'a> {
    start: usize,
    end: usize,
    form: &'a str,
    lemma: &'a str,
    upos: &'static str,
    xpos: &'a str,
    feats: &'a str,
    head: usize,
    deprel: &'a str,
}

fn render_json(analysis: &Analysis<'_>) -> String {
    let sentences = analysis
        .syntax
        .iter()
        .map(|Parse { words, spans }| JsonSentence {
            words: words
                .iter()
                .zip(spans)
                .map(|(w, &(start, end))| JsonWord {
                    start,
                    end,
                    form: &w.form,
                    lemma: &w.lemma,
                    upos: w.upos.as_str(),
                    xpos: &w.xpos,
                    feats: &w.feats,
                    head: w.head,
                    deprel: &w.deprel,
                })
                .collect(),
        })
        .collect();
    let doc = JsonDocument { id: &analysis.document.id, dct: analysis.document.dct.to_string(), sentences };
    serde_json::to_string(&doc).unwrap_or_default() + "\n"
}

#[derive(Serialize)]
struct EvalReport {
    file: String,
    #[serde(flatten)]
    syntax: SyntaxScore,
    words_per_second: f64,
    /// The UD words found in each sentence's `# text`, against the gold.
    tokenisation: Option<WordScore>,
}

pub fn eval(args: &SyntaxEvalArgs) -> Result<ExitCode> {
    let models = Models::load(args.model.as_deref())?;
    let treebank = Treebank::read(&args.file)?;
    let name = args.file.display().to_string();
    let (syntax, words_per_second) =
        score(models.get(), &treebank.sentences).with_context(|| name.clone())?;
    let mut tokenisation = score_words(&treebank.sentences);
    if let Some(words) = &mut tokenisation {
        if !args.errors {
            words.differences.truncate(10);
        }
    }
    let report = EvalReport { file: name, syntax, words_per_second, tokenisation };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        ReportFormat::Text => {
            println!("{} (gold words; scores in %)", report.file);
            print!("{}", scores_table(&[("", &report.syntax)]));
            println!("speed     {:.0} words/s (tagging and parsing, one thread)", report.words_per_second);
            match &report.tokenisation {
                Some(words) => print_words(words),
                None => println!("tokenisation  not scored: some sentences have no `# text =` comment"),
            }
        }
    }
    if treebank.skipped > 0 {
        eprintln!(
            "dateline: {} sentence(s) could not be read and were left out of the score",
            treebank.skipped
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The models' scores on gold sentences, and their speed in words/s on
/// one thread.
pub(super) fn score(syntax: &Syntax, gold: &[Sentence]) -> Result<(SyntaxScore, f64)> {
    let started = Instant::now();
    let system: Vec<Sentence> = gold.iter().map(|sentence| predict(syntax, sentence)).collect();
    let seconds = started.elapsed().as_secs_f64();
    let score = SyntaxScore::compute(gold, &system)?;
    let words_per_second = if seconds > 0.0 { score.words as f64 / seconds } else { 0.0 };
    Ok((score, words_per_second))
}

/// The words `ud_words` finds in each sentence's `# text`, against the
/// gold words; None when a sentence has no text. A sentence whose forms
/// are not in its text is left out, with a message.
pub(super) fn score_words(gold: &[Sentence]) -> Option<WordScore> {
    let mut items = Vec::with_capacity(gold.len());
    for sentence in gold {
        let text = sentence.text.as_deref()?;
        let segmented = dateline_text::Segmented::new(text);
        let spans: Vec<(usize, usize)> =
            dateline_syntax::ud_words(&segmented).into_iter().flatten().map(|w| (w.start, w.end)).collect();
        // A sentence whose gold forms cannot be found in its text cannot be
        // scored; say so and leave it out rather than lose the whole score.
        if let Err(error) = WordScore::compute(&[(sentence, Vec::new())]) {
            eprintln!("dateline: tokenisation: {error} (sentence left out)");
            continue;
        }
        items.push((sentence, spans));
    }
    WordScore::compute(&items).ok()
}

/// The metrics as a table, one column per scored set.
pub(super) fn scores_table(columns: &[(&str, &SyntaxScore)]) -> String {
    let mut out = String::new();
    if columns.iter().any(|(name, _)| !name.is_empty()) {
        out.push_str(&format!("{:<26}", ""));
        for (name, _) in columns {
            out.push_str(&format!("{name:>14}"));
        }
        out.push('\n');
    }
    let mut line = |label: &str, value: &dyn Fn(&SyntaxScore) -> String| {
        out.push_str(&format!("{label:<26}"));
        for (_, score) in columns {
            out.push_str(&format!("{:>14}", value(score)));
        }
        out.push('\n');
    };
    line("sentences", &|s| s.sentences.to_string());
    line("words", &|s| s.words.to_string());
    for (k, (metric, _)) in SyntaxScore::default().metrics().iter().enumerate() {
        line(metric, &|s| format!("{:.2}", 100.0 * s.metrics()[k].1));
    }
    out
}

fn print_words(words: &WordScore) {
    println!(
        "tokenisation  {} gold words, {} found in the sentences' text: Words {}",
        words.gold, words.system, words.words
    );
    for d in &words.differences {
        println!("  {:>5}  gold: {}  |  found: {}", d.count, d.gold, d.system);
    }
}
