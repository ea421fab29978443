//! `dateline bench`: throughput and memory of the temporal tagger.

use crate::args::{BenchArgs, ReportFormat};
use crate::inputs::expand;
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
    timexes: usize,
    single_core_mb_per_s: f64,
    all_cores_mb_per_s: f64,
    threads: usize,
    scaling: f64,
    peak_memory_mb: Option<f64>,
}

pub fn run(args: &BenchArgs) -> Result<ExitCode, String> {
    let wanted = (args.megabytes.max(1.0) * 1e6) as usize;
    let files = expand(&args.corpus)
        .map_err(|e| format!("{}: {e} (give --corpus a folder of .tml news)", args.corpus.display()))?;
    let options = Options { format: Some(Format::TimeMl), dct: None };
    let mut docs = Vec::new();
    let mut bytes = 0;
    for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "tml")) {
        if bytes >= wanted {
            break;
        }
        let raw = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        for input in read(&file.display().to_string(), &raw, &options).into_iter().flatten() {
            bytes += input.document.text.len();
            docs.push(input.document);
        }
    }
    if bytes < 1_000_000 {
        return Err(format!(
            "{}: only {bytes} bytes of text found; the benchmark needs at least 1 MB",
            args.corpus.display()
        ));
    }
    let tagger = Tagger::new();
    let megabytes = bytes as f64 / 1e6;
    // Warm up, and count what is found.
    let timexes: usize = docs.iter().map(|d| tagger.tag(&d.text, d.dct).len()).sum();
    let single = best_of(3, || {
        for d in &docs {
            std::hint::black_box(tagger.tag(&d.text, d.dct));
        }
    });
    let parallel = best_of(3, || {
        docs.par_iter().for_each(|d| {
            std::hint::black_box(tagger.tag(&d.text, d.dct));
        });
    });
    let report = Report {
        corpus: args.corpus.display().to_string(),
        documents: docs.len(),
        megabytes,
        timexes,
        single_core_mb_per_s: megabytes / single.as_secs_f64(),
        all_cores_mb_per_s: megabytes / parallel.as_secs_f64(),
        threads: rayon::current_num_threads(),
        scaling: single.as_secs_f64() / parallel.as_secs_f64(),
        peak_memory_mb: peak_memory_mb(),
    };
    match args.format {
        ReportFormat::Json => println!("{}", serde_json::to_string_pretty(&report).unwrap_or_default()),
        ReportFormat::Text => {
            println!(
                "corpus        {} ({} documents, {:.2} MB of text, {} expressions)",
                report.corpus, report.documents, report.megabytes, report.timexes
            );
            println!("one core      {:.1} MB/s", report.single_core_mb_per_s);
            println!(
                "all cores     {:.1} MB/s on {} threads ({:.2}x)",
                report.all_cores_mb_per_s, report.threads, report.scaling
            );
            if let Some(mb) = report.peak_memory_mb {
                println!("peak memory   {mb:.0} MB (resident, whole process, corpus included)");
            }
            println!("anchors       HeidelTime ~0.005 MB/s, dateparser ~0.085 MB/s per core (published/measured separately)");
            println!(
                "ratio         {:.0}x HeidelTime, {:.0}x dateparser on one core",
                report.single_core_mb_per_s / 0.005,
                report.single_core_mb_per_s / 0.085
            );
        }
    }
    Ok(ExitCode::SUCCESS)
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

/// Peak resident memory (VmHWM) on Linux; None elsewhere.
fn peak_memory_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
