//! `dateline tag`: temporal expressions per document.

use super::{exit_code, write_out};
use crate::args::{TagArgs, TagFormat};
use crate::inputs::gather;
use anyhow::Result;
use dateline_core::Timex;
use dateline_pipeline::{Pipeline, Stages};
use dateline_read::Input;
use rayon::prelude::*;
use serde::Serialize;
use std::process::ExitCode;

#[derive(Serialize)]
struct TaggedDocument<'a> {
    id: &'a str,
    dct: String,
    timexes: &'a [Timex],
}

pub fn run(args: &TagArgs) -> Result<ExitCode> {
    let gathered = gather(&args.input)?;
    let pipeline = Pipeline::with_stages(Stages::TIMEXES);
    let rendered: Vec<String> = gathered
        .inputs
        .par_iter()
        .map(|input| render(input, &pipeline.analyse(&input.document).timexes, args.format))
        .collect();
    write_out(rendered)?;
    Ok(exit_code(gathered.skipped))
}

fn render(input: &Input, timexes: &[Timex], format: TagFormat) -> String {
    let doc = &input.document;
    match format {
        TagFormat::Json => {
            let tagged = TaggedDocument { id: &doc.id, dct: doc.dct.to_string(), timexes };
            let mut line = serde_json::to_string(&tagged).unwrap_or_default();
            line.push('\n');
            line
        }
        TagFormat::Timeml => match &input.timeml {
            Some(original) => original.render(timexes),
            None => plain_timeml(&doc.id, &doc.dct.to_string(), &doc.text, timexes),
        },
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

/// TimeML for a document that did not come as TimeML.
fn plain_timeml(id: &str, dct: &str, text: &str, timexes: &[Timex]) -> String {
    let mut body = String::with_capacity(text.len() + timexes.len() * 64);
    let mut chars = text.chars();
    let mut position = 0;
    for (n, t) in timexes.iter().enumerate() {
        if t.start < position {
            continue;
        }
        body.push_str(&escape(&chars.by_ref().take(t.start - position).collect::<String>()));
        let inner: String = chars.by_ref().take(t.end - t.start).collect();
        let modifier = t.modifier.map(|m| format!(" mod=\"{m}\"")).unwrap_or_default();
        body.push_str(&format!(
            "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"{modifier}>{}</TIMEX3>",
            n + 1,
            t.kind,
            t.value,
            escape(&inner)
        ));
        position = t.end;
    }
    body.push_str(&escape(&chars.collect::<String>()));
    format!(
        "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{}</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{dct}</TIMEX3></DCT>\n<TEXT>{body}</TEXT>\n</TimeML>\n",
        escape(id)
    )
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
