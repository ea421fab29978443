//! `dateline timeline`: the dated events of each article.

use super::{exit_code, write_out};
use crate::args::{TimelineArgs, TimelineFormat};
use crate::inputs::gather;
use anyhow::Result;
use dateline_core::{DateSource, DocumentType, Entry};
use dateline_pipeline::{Pipeline, Stages};
use dateline_read::Input;
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct Timeline<'a> {
    id: &'a str,
    dct: String,
    /// How the document was read: `news` or `narrative`.
    #[serde(rename = "type")]
    document_type: DocumentType,
    entries: &'a [Entry],
}

/// The CSV columns, in order.
const CSV_HEADER: &str = "doc,date,start,end,status,event,text,places,actors,expression,date_source\n";

pub fn run(args: &TimelineArgs) -> Result<ExitCode> {
    if args.summary.key_dates.is_some() {
        return super::summary::run(args);
    }
    if args.db.is_some() {
        return super::ingest::timeline_query(args);
    }
    let gathered = gather(&args.input)?;
    let mut stages = if args.syntax { Stages::TIMELINE_BY_SYNTAX } else { Stages::TIMELINE };
    if args.inferred {
        stages = Stages { event_mentions: true, inferred: true, ..stages };
    }
    let pipeline = Pipeline::try_with_stages(stages)?.reading_as(args.input.text_type.fixed());
    let rendered: Vec<String> = gathered
        .inputs
        .par_iter()
        .map(|input| {
            let analysis = pipeline.analyse(&input.document);
            render(input, analysis.document_type, &analysis.entries, args.format)
        })
        .collect();
    let header = (args.format == TimelineFormat::Csv).then(|| CSV_HEADER.to_string());
    write_out(header.into_iter().chain(rendered))?;
    Ok(exit_code(gathered.skipped))
}

fn render(input: &Input, document_type: DocumentType, entries: &[Entry], format: TimelineFormat) -> String {
    let doc = &input.document;
    match format {
        TimelineFormat::Json => {
            let timeline = Timeline { id: &doc.id, dct: doc.dct.to_string(), document_type, entries };
            serde_json::to_string(&timeline).unwrap_or_default() + "\n"
        }
        TimelineFormat::Text => {
            let narrative = match document_type {
                DocumentType::Narrative => "; read as a narrative",
                DocumentType::Colloquial => "; read as colloquial text",
                DocumentType::News => "",
            };
            let mut out = format!("# {}  (published {}{narrative})\n", doc.id, doc.dct);
            for e in entries {
                let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
                let places =
                    if places.is_empty() { String::new() } else { format!("  [{}]", places.join(", ")) };
                let inferred = match e.date_source {
                    DateSource::Inferred => "  (date inferred)",
                    DateSource::Explicit => "",
                };
                out.push_str(&format!(
                    "{:<12} {:<10} {:<12} {}{places}{inferred}\n",
                    e.date,
                    e.status.as_str(),
                    e.event,
                    e.text
                ));
            }
            out
        }
        TimelineFormat::Csv => entries.iter().map(csv_row).collect(),
    }
}

fn csv_row(e: &Entry) -> String {
    let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
    let fields = [
        e.doc.clone(),
        e.date.to_string(),
        e.start.to_string(),
        e.end.to_string(),
        e.status.as_str().to_string(),
        e.event.clone(),
        e.text.clone(),
        places.join("; "),
        e.actors.join("; "),
        e.timex.text.clone(),
        match e.date_source {
            DateSource::Explicit => "explicit".to_string(),
            DateSource::Inferred => "inferred".to_string(),
        },
    ];
    let mut line = fields.iter().map(|f| dateline_store::csv_field(f)).collect::<Vec<_>>().join(",");
    line.push('\n');
    line
}
