//! `dateline tag`: temporal expressions per document; as TimeML, also the
//! event mentions and the temporal relations between them.

use super::{exit_code, write_out};
use crate::args::{TagArgs, TagFormat};
use crate::inputs::gather;
use anyhow::Result;
use dateline_core::{DocumentType, Timex};
use dateline_events::Endpoint;
use dateline_pipeline::{Analysis, Pipeline, Stages};
use dateline_read::{Annotation, EventTag, Input, LinkEnd, LinkTag, TimeMl};
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct TaggedDocument<'a> {
    id: &'a str,
    dct: String,
    /// How the document was read: `news` or `narrative`.
    #[serde(rename = "type")]
    document_type: DocumentType,
    timexes: &'a [Timex],
}

pub fn run(args: &TagArgs) -> Result<ExitCode> {
    let gathered = gather(&args.input)?;
    let stages = match args.format {
        TagFormat::Timeml if !args.timex_only => Stages::RELATIONS,
        _ => Stages::TIMEXES,
    };
    let pipeline = Pipeline::try_with_stages(stages)?.reading_as(args.input.text_type.fixed());
    let rendered: Vec<String> = gathered
        .inputs
        .par_iter()
        .map(|input| render(input, &pipeline.analyse(&input.document), args.format))
        .collect();
    write_out(rendered)?;
    Ok(exit_code(gathered.skipped))
}

fn render(input: &Input, analysis: &Analysis<'_>, format: TagFormat) -> String {
    let doc = &input.document;
    let timexes = &analysis.timexes;
    match format {
        TagFormat::Json => {
            let tagged = TaggedDocument {
                id: &doc.id,
                dct: doc.dct.to_string(),
                document_type: analysis.document_type,
                timexes,
            };
            let mut line = serde_json::to_string(&tagged).unwrap_or_default();
            line.push('\n');
            line
        }
        TagFormat::Timeml => {
            let events: Vec<EventTag<'_>> = analysis
                .event_mentions
                .iter()
                .map(|m| EventTag {
                    start: m.start,
                    end: m.end,
                    class: m.class,
                    tense: &m.tense,
                    aspect: &m.aspect,
                    polarity: &m.polarity,
                    modality: &m.modality,
                })
                .collect();
            let end = |end: Endpoint| match end {
                Endpoint::Event(e) => LinkEnd::Event(e),
                Endpoint::Time(t) => LinkEnd::Time(t),
                Endpoint::Creation => LinkEnd::Creation,
            };
            let links: Vec<LinkTag<'_>> = analysis
                .relations
                .iter()
                .map(|r| LinkTag { source: end(r.source), target: end(r.target), rel: r.kind })
                .collect();
            let annotation = Annotation { timexes, events: &events, links: &links };
            match &input.timeml {
                Some(original) => original.render_annotation(&annotation),
                None => TimeMl::from_text(&doc.id, doc.dct, &doc.text).render_annotation(&annotation),
            }
        }
        TagFormat::Text => {
            let mut out = format!("# {}  (published {})\n", doc.id, doc.dct);
            for t in timexes {
                let modifier = t.modifier.map(|m| m.to_string()).unwrap_or_default();
                out.push_str(&format!(
                    "{:>6}-{:<6} {:<8} {:<18} {:<13} {}\n",
                    t.start, t.end, t.kind, t.value, modifier, t.text
                ));
            }
            out
        }
    }
}
