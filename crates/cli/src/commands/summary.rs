//! `dateline timeline --db D --key-dates [K]` and `dateline export
//! --key-dates [K]`: the story of a store in key dates.

use crate::args::{ExportArgs, ExportFormat, TimelineArgs, TimelineFormat};
use anyhow::{bail, Result};
use dateline_core::Date;
use dateline_store::{csv_field, Query};
use dateline_summary::{key_dates, KeyDate, Options};
use std::path::Path;
use std::process::ExitCode;

/// `timeline --db --key-dates`.
pub fn run(args: &TimelineArgs) -> Result<ExitCode> {
    let Some(db) = &args.db else { bail!("--key-dates needs --db") };
    let options = options(
        args.summary.key_dates.flatten(),
        args.summary.sentences,
        args.query.as_deref(),
        args.from,
        args.to,
    )?;
    // Events dated only from their stories count too: they lend their
    // sentences to the days they fall on.
    let query = Query {
        search: args.query.clone().or_else(|| args.search.clone()),
        explicit_only: false,
        ..super::ingest::filters(args)
    };
    let Some(dates) = summarise(db, &query, &options)? else { return Ok(ExitCode::SUCCESS) };
    let text = match args.format {
        TimelineFormat::Json => {
            dates.iter().map(|d| serde_json::to_string(d).unwrap_or_default() + "\n").collect()
        }
        TimelineFormat::Text => dates.iter().map(text_block).collect(),
        TimelineFormat::Csv => csv(&dates),
    };
    super::write_out([text])?;
    Ok(ExitCode::SUCCESS)
}

/// `export --format timelinejs --key-dates`.
pub fn export(args: &ExportArgs) -> Result<ExitCode> {
    let options = options(args.summary.key_dates.flatten(), args.summary.sentences, None, None, None)?;
    let Some(dates) = summarise(&args.db, &Query::default(), &options)? else { return Ok(ExitCode::SUCCESS) };
    let text = match args.format {
        ExportFormat::Timelinejs => {
            serde_json::to_string_pretty(&dateline_summary::to_timelinejs(&dates, &args.title))? + "\n"
        }
        ExportFormat::Json => serde_json::to_string_pretty(&dates)? + "\n",
        ExportFormat::Csv => csv(&dates),
    };
    super::write_out([text])?;
    Ok(ExitCode::SUCCESS)
}

/// The summary options from the command line's numbers, or an error that
/// says which is wrong.
fn options(
    dates: Option<i64>,
    sentences: i64,
    query: Option<&str>,
    from: Option<Date>,
    to: Option<Date>,
) -> Result<Options> {
    let dates = match dates {
        Some(k) if k < 1 => {
            bail!("--key-dates {k}: give at least 1 (or no number to let the collection decide)")
        }
        Some(k) => Some(usize::try_from(k)?),
        None => None,
    };
    let Ok(sentences) = usize::try_from(sentences) else {
        bail!("--sentences {sentences}: give 1 to {}", dateline_summary::MAX_SENTENCES)
    };
    let query = query.map(|q| q.split_whitespace().map(str::to_string).collect()).unwrap_or_default();
    let options = Options { dates, sentences, query, from, to };
    if let Err(e) = options.validate() {
        bail!("{e}");
    }
    Ok(options)
}

/// The key dates of the store's events that match, or `None` (with a
/// message on standard error) when there are none.
fn summarise(db: &Path, query: &Query, options: &Options) -> Result<Option<Vec<KeyDate>>> {
    let store = super::ingest::open_to_query(db)?;
    if store.document_count()? == 0 {
        eprintln!(
            "dateline: {} holds no articles yet: add some with `dateline ingest --db {}`",
            db.display(),
            db.display()
        );
        return Ok(None);
    }
    let sources = store.sources(query)?;
    let dates = key_dates(&sources, options)?;
    if dates.is_empty() {
        eprintln!("dateline: no dated event matches: no key dates");
        return Ok(None);
    }
    Ok(Some(dates))
}

fn text_block(d: &KeyDate) -> String {
    let mut out = format!("{}  {} · {} source(s)\n", d.date, d.status, d.source_count);
    for c in &d.summary {
        out.push_str(&format!("    {}  ({}, {})\n", c.sentence, c.title.as_deref().unwrap_or(&c.doc), c.dct));
    }
    out
}

fn csv(dates: &[KeyDate]) -> String {
    let mut out = String::from("date,start,end,status,score,sources,summary,docs\n");
    out.extend(dates.iter().map(csv_row));
    out
}

fn csv_row(d: &KeyDate) -> String {
    let summary: Vec<&str> = d.summary.iter().map(|c| c.sentence.as_str()).collect();
    let mut docs: Vec<&str> = d.sources.iter().map(|c| c.doc.as_str()).collect();
    docs.dedup();
    let fields = [
        d.date.to_string(),
        d.start.to_string(),
        d.end.to_string(),
        d.status.to_string(),
        format!("{:.3}", d.score),
        d.source_count.to_string(),
        summary.join(" "),
        docs.join("; "),
    ];
    fields.iter().map(|f| csv_field(f)).collect::<Vec<_>>().join(",") + "\n"
}
