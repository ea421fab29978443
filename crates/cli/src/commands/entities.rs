//! `dateline entities`: places, people and organisations per document.

use super::{exit_code, write_out, write_streamed};
use crate::args::{EntitiesArgs, ReportFormat};
use crate::inputs::gather;
use anyhow::Result;
use dateline_core::{Entity, EntityKind};
use dateline_coref::{Coreference, Mention};
use dateline_pipeline::{Pipeline, Stages};
use dateline_read::Input;
use rayon::prelude::*;
use serde::Serialize;
use std::io::{self, Write};
use std::process::ExitCode;

#[derive(Serialize)]
struct Found<'a> {
    id: &'a str,
    dct: String,
    entities: &'a [Entity],
    /// Coreference: each chain with its mentions.
    chains: Vec<ChainOut<'a>>,
}

/// A chain as written out, with its mentions themselves.
#[derive(Serialize)]
struct ChainOut<'a> {
    name: &'a str,
    kind: EntityKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    geonameid: Option<u32>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    aliases: &'a [String],
    mentions: Vec<&'a Mention>,
}

pub fn run(args: &EntitiesArgs) -> Result<ExitCode> {
    let gathered = gather(&args.input)?;
    let stages = Stages { syntax: args.syntax, ..Stages::ENTITIES };
    let pipeline = Pipeline::try_with_stages(stages)?.reading_as(args.input.text_type.fixed());
    if let [input] = gathered.inputs.as_slice() {
        // One document, perhaps a huge one: written out as it is rendered,
        // never held whole (the JSON of a names-heavy document of 50 MB is
        // some 370 MB, on top of its entities and chains).
        let (entities, coreference) = pipeline.entities(&input.document);
        write_streamed(|out| render(out, input, &entities, &coreference, args.format))?;
    } else {
        let rendered: Vec<String> = gathered
            .inputs
            .par_iter()
            .map(|input| {
                // Only the entities and their chains are written: the tokens
                // of the text go before the places are resolved (in a
                // document of 50 MB, they are hundreds of megabytes).
                let (entities, coreference) = pipeline.entities(&input.document);
                let mut out = Vec::new();
                render(&mut out, input, &entities, &coreference, args.format).expect("writing to memory");
                String::from_utf8(out).expect("rendered as UTF-8")
            })
            .collect();
        write_out(rendered)?;
    }
    Ok(exit_code(gathered.skipped))
}

/// Writes one document's entities and chains to `out`, as one line of JSON
/// or as a table.
fn render(
    out: &mut impl Write,
    input: &Input,
    entities: &[Entity],
    coreference: &Coreference,
    format: ReportFormat,
) -> io::Result<()> {
    let doc = &input.document;
    let chains = coreference.chains.iter().map(|chain| ChainOut {
        name: &chain.name,
        kind: chain.kind,
        geonameid: chain.geonameid,
        aliases: &chain.aliases,
        mentions: chain.mentions.iter().map(|&m| &coreference.mentions[m]).collect(),
    });
    match format {
        ReportFormat::Json => {
            let found = Found { id: &doc.id, dct: doc.dct.to_string(), entities, chains: chains.collect() };
            serde_json::to_writer(&mut *out, &found)?;
            out.write_all(b"\n")
        }
        ReportFormat::Text => {
            writeln!(out, "# {}  (published {})", doc.id, doc.dct)?;
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
                writeln!(
                    out,
                    "{:>6}-{:<6} {:<12} {:<8} {:<28} {}",
                    e.start, e.end, kind, role, e.text, place
                )?;
            }
            // Chains of more than one mention: who is who.
            for (i, chain) in chains.enumerate().filter(|(_, c)| c.mentions.len() > 1) {
                let mentions: Vec<String> =
                    chain.mentions.iter().map(|m| format!("{} @{}", m.text, m.start)).collect();
                writeln!(
                    out,
                    "chain {i:<4} {:<12} {:<28} {}",
                    chain.kind.as_str(),
                    chain.name,
                    mentions.join(", ")
                )?;
            }
            Ok(())
        }
    }
}
