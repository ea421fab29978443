//! `dateline bench`: throughput of the pipeline stages and memory.

use super::{peak_memory_mb, resident_memory_mb};
use crate::args::{BenchArgs, ReportFormat};
use crate::inputs::expand;
use anyhow::{bail, Context, Result};
use dateline_core::{Date, Document, Status};
use dateline_pipeline::{Pipeline, Stages};
use dateline_read::{read, Format, Options};
use dateline_timex::Tagger;
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Serialize)]
struct Report {
    corpus: String,
    documents: usize,
    megabytes: f64,
    threads: usize,
    timex: Throughput,
    entities: Throughput,
    pipeline: Throughput,
    syntax: SyntaxThroughput,
    pipeline_with_syntax: Throughput,
    pipeline_with_relations: Throughput,
    pipeline_with_events: Throughput,
    gazetteer_places: usize,
    gazetteer_load_ms: f64,
    cold_start: ColdStart,
    peak_memory_mb: Option<f64>,
}

/// `dateline timeline` on one short article, as a new process: what a
/// user waits for, everything loaded from nothing.
#[derive(Serialize)]
struct ColdStart {
    runs: usize,
    best_ms: f64,
    median_ms: f64,
    peak_memory_mb: Option<f64>,
}

/// Tagging and parsing together, on the corpus's UD words (segmented and
/// split beforehand), in tokens (UD words) per second; and the models' memory.
#[derive(Serialize)]
struct SyntaxThroughput {
    words: usize,
    single_core_tokens_per_s: f64,
    all_cores_tokens_per_s: f64,
    scaling: f64,
    load_ms: f64,
    /// Resident memory the loaded models added (VmRSS after less before).
    models_resident_mb: Option<f64>,
    /// How much loading raised the peak (VmHWM): what decompressing costs
    /// on top, measured before anything else is loaded.
    models_peak_mb: Option<f64>,
}

/// One stage's speed over the corpus.
#[derive(Serialize)]
struct Throughput {
    found: usize,
    single_core_mb_per_s: f64,
    all_cores_mb_per_s: f64,
    scaling: f64,
}

pub fn run(args: &BenchArgs) -> Result<ExitCode> {
    if let Some(articles) = args.store_articles {
        return store_bench(args, articles);
    }
    // Before anything is loaded here, so the machine is as quiet as it gets.
    let cold_start = cold_start(9)?;
    // The syntax models first, so that their memory is not hidden in a
    // peak the corpus set.
    let (resident, peak) = (resident_memory_mb(), peak_memory_mb());
    let load = Instant::now();
    let syntax_models = dateline_syntax::Syntax::embedded()
        .context("the shipped syntax models (crates/syntax/models/syntax.bin.gz) cannot be read")?;
    let syntax_load_ms = load.elapsed().as_secs_f64() * 1000.0;
    let models_resident_mb = resident_memory_mb().zip(resident).map(|(after, before)| after - before);
    let models_peak_mb = peak_memory_mb().zip(peak).map(|(after, before)| after - before);
    let docs = load_corpus(args)?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let megabytes = bytes as f64 / 1e6;
    let tagger = Tagger::new();
    let timex = measure(&docs, megabytes, |d| tagger.tag(&d.text, d.dct).len());
    let load = Instant::now();
    let gazetteer_places = dateline_geo::Gazetteer::embedded().len();
    let gazetteer_load_ms = load.elapsed().as_secs_f64() * 1000.0;
    let recognizer = dateline_entities::Recognizer::new();
    let entities = measure(&docs, megabytes, |d| recognizer.entities(&d.text).len());
    // The whole per-document pipeline: segment once, tag, entities, anchor.
    let whole = Pipeline::new();
    let pipeline = measure(&docs, megabytes, |d| whole.analyse(d).entries.len());
    let syntax = measure_syntax(syntax_models, &docs);
    let syntax = SyntaxThroughput { load_ms: syntax_load_ms, models_resident_mb, models_peak_mb, ..syntax };
    let with_syntax = Pipeline::try_with_stages(Stages::TIMELINE_BY_SYNTAX)?;
    let pipeline_with_syntax = measure(&docs, megabytes, |d| with_syntax.analyse(d).syntax.len());
    let with_relations = Pipeline::try_with_stages(Stages { relations: true, ..Stages::TIMELINE_BY_SYNTAX })?;
    let pipeline_with_relations = measure(&docs, megabytes, |d| with_relations.analyse(d).relations.len());
    let with_events = Pipeline::try_with_stages(Stages { event_mentions: true, ..Stages::TIMELINE })?;
    let pipeline_with_events = measure(&docs, megabytes, |d| with_events.analyse(d).event_mentions.len());
    let report = Report {
        corpus: args.corpus.display().to_string(),
        documents: docs.len(),
        megabytes,
        threads: rayon::current_num_threads(),
        timex,
        entities,
        pipeline,
        syntax,
        pipeline_with_syntax,
        pipeline_with_relations,
        pipeline_with_events,
        gazetteer_places,
        gazetteer_load_ms,
        cold_start,
        peak_memory_mb: peak_memory_mb(),
    };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        ReportFormat::Text => print_report(&report),
    }
    Ok(ExitCode::SUCCESS)
}

/// At least `--megabytes` of article text (1 MB minimum) from the corpus.
fn load_corpus(args: &BenchArgs) -> Result<Vec<Document>> {
    let wanted = (args.megabytes.max(1.0) * 1e6) as usize;
    let files = expand(&args.corpus)
        .with_context(|| format!("{} (give --corpus a folder of .tml news)", args.corpus.display()))?;
    let options = Options { format: Some(Format::TimeMl), dct: None };
    let mut docs = Vec::new();
    let mut bytes = 0;
    for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "tml")) {
        if bytes >= wanted {
            break;
        }
        let raw = std::fs::read(file).with_context(|| file.display().to_string())?;
        for input in read(&file.display().to_string(), &raw, &options).into_iter().flatten() {
            bytes += input.document.text.len();
            docs.push(input.document);
        }
    }
    if bytes < 1_000_000 {
        bail!(
            "{}: only {bytes} bytes of text found; the benchmark needs at least 1 MB",
            args.corpus.display()
        );
    }
    Ok(docs)
}

/// Measures a stage on one core, then on all, best of three runs each.
fn measure(docs: &[Document], megabytes: f64, stage: impl Fn(&Document) -> usize + Sync) -> Throughput {
    let found = docs.iter().map(&stage).sum();
    let single = best_of(3, || {
        for d in docs {
            std::hint::black_box(stage(d));
        }
    });
    let parallel = best_of(3, || {
        docs.par_iter().for_each(|d| {
            std::hint::black_box(stage(d));
        });
    });
    Throughput {
        found,
        single_core_mb_per_s: megabytes / single.as_secs_f64(),
        all_cores_mb_per_s: megabytes / parallel.as_secs_f64(),
        scaling: single.as_secs_f64() / parallel.as_secs_f64(),
    }
}

/// Tagging and parsing on one core, then on all, best of three runs each,
/// over the UD words of the corpus (found beforehand: `ud_words` is part of
/// segmentation, timed with the pipeline).
fn measure_syntax(syntax: &dateline_syntax::Syntax, docs: &[Document]) -> SyntaxThroughput {
    let sentences: Vec<Vec<&str>> = docs
        .iter()
        .flat_map(|d| {
            let text = dateline_text::Segmented::new(&d.text);
            dateline_syntax::ud_words(&text)
                .into_iter()
                .map(|words| words.into_iter().map(|w| w.text).collect::<Vec<_>>())
                .collect::<Vec<_>>()
        })
        .collect();
    let words: usize = sentences.iter().map(Vec::len).sum();
    let single = best_of(3, || {
        for forms in &sentences {
            std::hint::black_box(syntax.analyse_words(forms));
        }
    });
    let parallel = best_of(3, || {
        sentences.par_iter().for_each(|forms| {
            std::hint::black_box(syntax.analyse_words(forms));
        });
    });
    SyntaxThroughput {
        words,
        single_core_tokens_per_s: words as f64 / single.as_secs_f64(),
        all_cores_tokens_per_s: words as f64 / parallel.as_secs_f64(),
        scaling: single.as_secs_f64() / parallel.as_secs_f64(),
        load_ms: 0.0,
        models_resident_mb: None,
        models_peak_mb: None,
    }
}

fn print_report(report: &Report) {
    println!(
        "corpus      {} ({} documents, {:.2} MB of text)",
        report.corpus, report.documents, report.megabytes
    );
    for (name, t) in
        [("timex", &report.timex), ("entities", &report.entities), ("pipeline", &report.pipeline)]
    {
        println!(
            "{name:<11} {:.1} MB/s on one core, {:.1} MB/s on {} threads ({:.2}x); {} found",
            t.single_core_mb_per_s, t.all_cores_mb_per_s, report.threads, t.scaling, t.found
        );
    }
    let t = &report.pipeline_with_syntax;
    println!(
        "{:<11} {:.1} MB/s on one core, {:.1} MB/s on {} threads ({:.2}x): the pipeline with syntax and event mentions (`timeline --syntax`); {} sentences parsed",
        "+ syntax", t.single_core_mb_per_s, t.all_cores_mb_per_s, report.threads, t.scaling, t.found
    );
    let t = &report.pipeline_with_relations;
    println!(
        "{:<11} {:.1} MB/s on one core, {:.1} MB/s on {} threads ({:.2}x): and temporal relations (`tag --format timeml`); {} found",
        "+ relations", t.single_core_mb_per_s, t.all_cores_mb_per_s, report.threads, t.scaling, t.found
    );
    let t = &report.pipeline_with_events;
    println!(
        "{:<11} {:.1} MB/s on one core, {:.1} MB/s on {} threads ({:.2}x): the pipeline with event mentions; {} found",
        "+ events", t.single_core_mb_per_s, t.all_cores_mb_per_s, report.threads, t.scaling, t.found
    );
    let s = &report.syntax;
    let mb = |v: Option<f64>| v.map_or("unknown".to_string(), |mb| format!("{mb:.1} MB"));
    println!(
        "syntax      {:.0} tokens/s on one core, {:.0} tokens/s on {} threads ({:.2}x); {} UD words tagged and parsed",
        s.single_core_tokens_per_s, s.all_cores_tokens_per_s, report.threads, s.scaling, s.words
    );
    println!(
        "            models ready in {:.1} ms, {} resident (loading peaks {} higher)",
        s.load_ms,
        mb(s.models_resident_mb),
        mb(s.models_peak_mb)
    );
    println!("gazetteer   {} places, ready in {:.1} ms", report.gazetteer_places, report.gazetteer_load_ms);
    let cold = &report.cold_start;
    println!(
        "cold start  `dateline timeline` on one short article: best {:.0} ms, median {:.0} ms of {} runs; peak {}",
        cold.best_ms,
        cold.median_ms,
        cold.runs,
        cold.peak_memory_mb.map_or("unknown".to_string(), |mb| format!("{mb:.1} MB resident"))
    );
    if let Some(mb) = report.peak_memory_mb {
        println!("peak memory {mb:.0} MB resident (whole process: corpus, gazetteer, both stages)");
    }
    println!(
        "anchors     timex on one core: {:.0}x HeidelTime (~0.005 MB/s), {:.0}x dateparser (~0.085 MB/s); \
         entities: {:.0}x spaCy en_core_web_sm (~0.03 MB/s). Anchors are the brief's figures, not re-measured.",
        report.timex.single_core_mb_per_s / 0.005,
        report.timex.single_core_mb_per_s / 0.085,
        report.entities.single_core_mb_per_s / 0.03
    );
}

/// A short article written for the project.
const ONE_ARTICLE: &str =
    "Azerbaijan will hand over the Lachin district on December 1, officials in Baku said \
    on Thursday. Armenian troops had left Kalbajar on Wednesday.";

/// Runs `dateline timeline` on one short article `runs` times as a new
/// process: wall time from spawn to exit, and the peak memory the process
/// reports of itself.
fn cold_start(runs: usize) -> Result<ColdStart> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let exe = std::env::current_exe().context("finding the dateline binary")?;
    let mut times = Vec::with_capacity(runs);
    let mut peak = None;
    for _ in 0..runs {
        let start = Instant::now();
        let mut child = Command::new(&exe)
            .args(["timeline", "--dct", "2020-11-26", "-"])
            .env(super::REPORT_PEAK_MEMORY, "1")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .with_context(|| format!("running {}", exe.display()))?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(ONE_ARTICLE.as_bytes()).context("writing to the timeline")?;
        }
        let output = child.wait_with_output().context("waiting for the timeline")?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        if !output.status.success() {
            bail!("the cold-start run failed: {}", String::from_utf8_lossy(&output.stderr));
        }
        let reported = String::from_utf8_lossy(&output.stderr)
            .lines()
            .find_map(|l| l.strip_prefix("dateline: peak memory ")?.strip_suffix(" MB")?.parse::<f64>().ok());
        peak = match (peak, reported) {
            (Some(a), Some(b)) => Some(f64::max(a, b)),
            (a, b) => a.or(b),
        };
    }
    times.sort_by(f64::total_cmp);
    Ok(ColdStart { runs, best_ms: times[0], median_ms: times[runs / 2], peak_memory_mb: peak })
}

fn best_of(runs: usize, mut work: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let start = Instant::now();
            work();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[derive(Serialize)]
struct StoreReport {
    articles: usize,
    ingest_seconds: f64,
    articles_per_second: f64,
    merge_seconds: f64,
    events: usize,
    entries: usize,
    database_mb: f64,
    queries: usize,
    query_p50_ms: f64,
    query_p99_ms: f64,
    query_max_ms: f64,
    peak_memory_mb: Option<f64>,
}

/// Ingests synthetic articles into a fresh store, then times queries.
fn store_bench(args: &BenchArgs, articles: usize) -> Result<ExitCode> {
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", args.db.display()));
    }
    let mut store = dateline_store::Store::open(&args.db)?;
    let pipeline = Pipeline::new();
    let bar = super::ingest::progress(articles as u64);
    let started = Instant::now();
    const BATCH: usize = 2048;
    for first in (0..articles).step_by(BATCH) {
        let docs: Vec<Document> =
            (first..(first + BATCH).min(articles)).into_par_iter().map(super::synthetic::article).collect();
        let batch: Vec<_> = docs.par_iter().map(|doc| pipeline.analyse(doc)).collect();
        store.insert(&batch)?;
        bar.inc(batch.len() as u64);
    }
    bar.finish_and_clear();
    let ingest_seconds = started.elapsed().as_secs_f64();
    eprintln!("dateline: ingested {articles} articles in {ingest_seconds:.1} s; merging");
    let merging = Instant::now();
    let merge = store.merge()?;
    let merge_seconds = merging.elapsed().as_secs_f64();
    eprintln!("dateline: merged in {merge_seconds:.1} s; querying");
    // A fixed mix of the queries a reader of the timeline makes, one page each.
    let places = ["Baku", "Azerbaijan", "Texas", "France", "Crimea", "Tokyo", "Georgia", "Kashmir"];
    let statuses = [Status::Occurred, Status::Scheduled, Status::Missed, Status::Deadline, Status::Expected];
    let searches = ["bridge", "elections", "prisoners", "border", "talks"];
    let mut latencies = Vec::new();
    let mut by_kind: [Vec<f64>; 5] = Default::default();
    for i in 0..500usize {
        let year = 2015 + (i % 9) as i16;
        let mut query =
            dateline_store::Query { limit: Some(50), max_sources: Some(20), ..Default::default() };
        match i % 5 {
            0 => query.place = Some(dateline_pipeline::place_filter(places[i % places.len()])),
            1 => query.status = Some(statuses[i % statuses.len()]),
            2 => query.search = Some(searches[i % searches.len()].to_string()),
            3 => {
                query.from = Some(Date::new(year, 1, 1)?);
                query.to = Some(Date::new(year, 3, 31)?);
            }
            _ => query.entity = Some("Lopez".to_string()),
        }
        let start = Instant::now();
        std::hint::black_box(store.events(&query)?);
        let ms = start.elapsed().as_secs_f64() * 1000.0;
        latencies.push(ms);
        by_kind[i % 5].push(ms);
    }
    let kind_max: Vec<String> = ["place", "status", "search", "dates", "entity"]
        .iter()
        .zip(&by_kind)
        .map(|(name, ms)| format!("{name} {:.1}", ms.iter().copied().fold(0.0, f64::max)))
        .collect();
    latencies.sort_by(f64::total_cmp);
    let percentile = |q: f64| latencies[((latencies.len() - 1) as f64 * q).round() as usize];
    let database_mb = std::fs::metadata(&args.db).map(|m| m.len() as f64 / 1e6).unwrap_or(0.0)
        + std::fs::metadata(format!("{}-wal", args.db.display()))
            .map(|m| m.len() as f64 / 1e6)
            .unwrap_or(0.0);
    let report = StoreReport {
        articles,
        ingest_seconds,
        articles_per_second: articles as f64 / ingest_seconds,
        merge_seconds,
        events: merge.events,
        entries: merge.entries,
        database_mb,
        queries: latencies.len(),
        query_p50_ms: percentile(0.5),
        query_p99_ms: percentile(0.99),
        query_max_ms: latencies.last().copied().unwrap_or(0.0),
        peak_memory_mb: peak_memory_mb(),
    };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        ReportFormat::Text => {
            println!(
                "ingest      {} synthetic articles in {:.1} s ({:.0} articles/s, analysis and storage)",
                report.articles, report.ingest_seconds, report.articles_per_second
            );
            println!(
                "merge       {} entries into {} events in {:.1} s",
                report.entries, report.events, report.merge_seconds
            );
            println!("store       {:.0} MB at {}", report.database_mb, args.db.display());
            println!(
                "queries     {} timeline queries (50 events a page, 20 sources an event): p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
                report.queries, report.query_p50_ms, report.query_p99_ms, report.query_max_ms
            );
            println!("            slowest by filter (ms): {}", kind_max.join(", "));
            if let Some(mb) = report.peak_memory_mb {
                println!("peak memory {mb:.0} MB resident");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
