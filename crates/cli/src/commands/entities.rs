//! `dateline entities`: places, people and organisations per document.

use super::{exit_code, write_out};
use crate::args::{EntitiesArgs, ReportFormat};
use crate::inputs::gather;
use anyhow::Result;
use dateline_core::Entity;
use dateline_pipeline::{Pipeline, Stages};
use dateline_read::Input;
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a str,
    dct: String,
    entities: &'a [Entity],
}

pub fn run(args: &EntitiesArgs) -> Result<ExitCode> {
    let gathered = gather(&args.input)?;
    let pipeline = Pipeline::with_stages(Stages::ENTITIES);
    let rendered: Vec<String> = gathered
        .inputs
        .par_iter()
        .map(|input| render(input, &pipeline.analyse(&input.document).entities, args.format))
        .collect();
    write_out(rendered)?;
    Ok(exit_code(gathered.skipped))
}

fn render(input: &Input, entities: &[Entity], format: ReportFormat) -> String {
    let doc = &input.document;
    match format {
        ReportFormat::Json => {
            let found = Found { id: &doc.id, dct: doc.dct.to_string(), entities };
            serde_json::to_string(&found).unwrap_or_default() + "\n"
        }
        ReportFormat::Text => {
            let mut out = format!("# {}  (published {})\n", doc.id, doc.dct);
            for e in entities {
                let kind = e.kind.as_str();
                let role = e.role.map(|r| r.as_str()).unwrap_or_default();
                let place = match (e.geonameid, e.lat, e.lon) {
                    (id, Some(lat), Some(lon)) => format!(
                        "{} {} ({lat:.3}, {lon:.3}) {}",
                        e.name.as_deref().unwrap_or(""),
                        id.map(|i| format!("#{i}")).unwrap_or_default(),
                        e.country.as_deref().unwrap_or("")
                    ),
                    _ => e.name.clone().unwrap_or_default(),
                };
                out.push_str(&format!(
                    "{:>6}-{:<6} {:<12} {:<8} {:<28} {}\n",
                    e.start, e.end, kind, role, e.text, place
                ));
            }
            out
        }
    }
}
