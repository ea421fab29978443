//! `dateline ingest`, `dateline export` and `dateline timeline --db`: the
//! embedded store.

use crate::args::{ExportArgs, ExportFormat, IngestArgs, TimelineArgs, TimelineFormat};
use crate::inputs::gather_excluding;
use anyhow::{bail, Result};
use dateline_pipeline::{place_filter, Analysis, Pipeline, Stages};
use dateline_store::{Failure, Query, Store};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: &IngestArgs) -> Result<ExitCode> {
    let mut store = Store::open(&args.db)?;
    if args.report {
        let failures = store.failures()?;
        for f in &failures {
            println!("{}:{}: {}", f.source, f.line, f.reason);
        }
        eprintln!("dateline: {} document(s) could not be ingested", failures.len());
        return Ok(ExitCode::SUCCESS);
    }
    let started = Instant::now();
    let mut gathered = gather_excluding(&args.input, &store_files(&args.db))?;
    // Already stored articles are skipped before any work: ingest is
    // idempotent, and a killed ingest resumes where it stopped. An id that
    // comes again with another text is a different article under a taken
    // id: it is reported, not silently dropped.
    let mut todo = Vec::new();
    let mut already = 0;
    let mut this_run: HashMap<&str, &str> = HashMap::new();
    for input in &gathered.inputs {
        let (id, text) = (input.document.id.as_str(), input.document.text.as_str());
        let earlier = match this_run.get(id) {
            Some(&earlier) => Some(earlier == text),
            None => store.stored_text(id)?.map(|stored| stored == text),
        };
        match earlier {
            Some(true) => already += 1,
            Some(false) => {
                let reason = format!(
                    "id '{id}' is already taken by an article with a different text (document skipped; give each article its own id)"
                );
                eprintln!("dateline: {}:{}: {reason}", input.file, input.line);
                gathered.failures.push((input.file.clone(), input.line, reason));
                gathered.skipped += 1;
            }
            None => {
                this_run.insert(id, text);
                todo.push(input);
            }
        }
    }
    for (source, line, reason) in &gathered.failures {
        let failure = Failure { source: source.clone(), line: *line, reason: reason.clone() };
        store.record_failure(&failure)?;
    }
    let bar = progress(todo.len() as u64);
    let stages = Stages {
        syntax: args.syntax,
        event_mentions: args.syntax || args.inferred,
        inferred: args.inferred,
        ..Stages::TIMELINE
    };
    let pipeline = Pipeline::try_with_stages(stages)?.reading_as(args.input.text_type.fixed());
    let mut added = 0;
    for chunk in todo.chunks(args.batch.max(1)) {
        let batch: Vec<Analysis<'_>> =
            chunk.par_iter().map(|input| pipeline.analyse(&input.document)).collect();
        added += store.insert(&batch)?;
        bar.inc(chunk.len() as u64);
    }
    bar.finish_and_clear();
    // A few articles into a large store merge into its events; many, or a
    // new store, merge everything.
    let merge = store.merge_new()?;
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "dateline: {added} article(s) added, {already} already stored, {} skipped; {} events from {} entries \
         ({} with conflicting dates, {} planned/happened links) in {seconds:.1} s ({:.0} articles/s) -> {}",
        gathered.skipped,
        merge.events,
        merge.entries,
        merge.conflicts,
        merge.links,
        added as f64 / seconds.max(1e-9),
        args.db.display()
    );
    if gathered.skipped > 0 {
        eprintln!(
            "dateline: see `dateline ingest --db {} --report` for the skipped documents",
            args.db.display()
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}

/// The files SQLite keeps a store in, which an ingest of the folder
/// holding the store must not read as articles.
fn store_files(db: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut files = vec![db.to_path_buf()];
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut name = db.as_os_str().to_owned();
        name.push(suffix);
        files.push(name.into());
    }
    files
}

/// A progress bar with articles per second, on a terminal only.
pub fn progress(total: u64) -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total);
    let style = ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {rate} articles/s, {eta} left")
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .with_key("rate", |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
            let _ = write!(w, "{:.0}", state.per_sec());
        });
    bar.set_style(style);
    bar
}

/// A store to query, or an error that says how to make one.
pub fn open_to_query(db: &std::path::Path) -> Result<Store> {
    if !db.exists() {
        bail!(
            "{}: no such store (create it with `dateline ingest --db {} FILES`)",
            db.display(),
            db.display()
        );
    }
    Ok(Store::open_read_only(db)?)
}

/// The events `timeline --db`'s filters ask for (all of them, every
/// source of each).
pub fn filters(args: &TimelineArgs) -> Query {
    Query {
        entity: args.entity.clone(),
        place: args.place.as_deref().map(place_filter),
        from: args.from,
        to: args.to,
        status: args.status,
        search: args.search.clone(),
        explicit_only: !args.inferred,
        ..Query::default()
    }
}

/// The query of `dateline timeline --db`.
pub fn timeline_query(args: &TimelineArgs) -> Result<ExitCode> {
    let Some(db) = &args.db else { bail!("--db is required here") };
    let store = open_to_query(db)?;
    let query = Query { limit: args.limit, max_sources: Some(args.max_sources), ..filters(args) };
    let events = store.events(&query)?;
    let text = match args.format {
        TimelineFormat::Json => {
            events.iter().map(|e| serde_json::to_string(e).unwrap_or_default() + "\n").collect()
        }
        TimelineFormat::Csv => dateline_store::to_csv(&events),
        TimelineFormat::Text => {
            let mut out = String::new();
            for e in &events {
                let conflict = if e.conflict {
                    let dates: Vec<String> = e.dates.iter().map(ToString::to_string).collect();
                    format!("  (sources disagree: {})", dates.join(", "))
                } else {
                    String::new()
                };
                let link =
                    e.linked.as_ref().map(|l| format!("  (see {} {})", l.date, l.status)).unwrap_or_default();
                let inferred = match e.date_source {
                    dateline_core::DateSource::Inferred => "  (date inferred)",
                    dateline_core::DateSource::Explicit => "",
                };
                out.push_str(&format!(
                    "{:<12} {:<10} {:<12} {}  [{}] {} source(s){conflict}{link}{inferred}\n",
                    e.date,
                    e.status,
                    e.event,
                    e.text,
                    e.places.join(", "),
                    e.source_count
                ));
            }
            out
        }
    };
    super::write_out([text])?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    if args.summary.key_dates.is_some() {
        return super::summary::export(args);
    }
    if !args.db.exists() {
        bail!("{}: no such store (create it with `dateline ingest`)", args.db.display());
    }
    let store = Store::open_read_only(&args.db)?;
    let events = store.events(&Query::default())?;
    let text = match args.format {
        ExportFormat::Json => serde_json::to_string_pretty(&events).unwrap_or_default() + "\n",
        ExportFormat::Csv => dateline_store::to_csv(&events),
        ExportFormat::Timelinejs => {
            serde_json::to_string_pretty(&dateline_store::to_timelinejs(&events, &args.title))
                .unwrap_or_default()
                + "\n"
        }
    };
    super::write_out([text])?;
    Ok(ExitCode::SUCCESS)
}
