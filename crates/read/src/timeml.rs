//! TimeML: read the DCT and the raw text, and write tags back into the
//! document without changing a character of it.

use crate::{parse_date, Error, Input};
use dateline_core::{Document, Timex, TimexMod, TimexType, TimexValue};
use std::ops::Range;

/// A TimeML file as read: the original bytes, where its text lies, and the
/// gold TIMEX3 annotations it carried.
#[derive(Clone, Debug)]
pub struct TimeMl {
    raw: String,
    /// The content of the TEXT element, as a byte range of `raw`.
    text_range: Range<usize>,
    /// For each character of the decoded text, its byte range in `raw`
    /// (an entity such as `&amp;` is one character, five bytes).
    pieces: Vec<(usize, usize)>,
    gold: Gold,
    tlinks: Vec<GoldTlink>,
}

/// One end of a gold temporal link.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum LinkEnd {
    /// An event: its index in [`TimeMl::gold_events`].
    Event(usize),
    /// A temporal expression: its index in [`TimeMl::gold`].
    Time(usize),
    /// The document creation time.
    Creation,
}

/// A gold TLINK between events, times and the creation time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldTlink {
    /// What the link starts from (`eventInstanceID` or `timeID`).
    pub source: LinkEnd,
    /// What it relates to (`relatedToEventInstance` or `relatedToTime`).
    pub target: LinkEnd,
    /// The `relType` as written: `BEFORE`, `IS_INCLUDED`, ...
    pub rel: String,
}

/// Annotations removed from the output: the engine writes its own.
const REMOVED: &[&str] = &["EVENT", "SIGNAL", "TIMEX3", "MAKEINSTANCE", "TLINK", "SLINK", "ALINK"];

impl TimeMl {
    /// A TimeML document holding a text that did not come as TimeML, with
    /// no annotation yet: the text escaped inside TEXT, the publication
    /// date as the creation time `t0`.
    pub fn from_text(id: &str, dct: dateline_core::Date, text: &str) -> TimeMl {
        let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
        let mut raw = format!(
            "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>{}</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"{dct}\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">{dct}</TIMEX3></DCT>\n<TEXT>",
            escape(id)
        );
        let start = raw.len();
        let mut pieces = Vec::with_capacity(text.len());
        for c in text.chars() {
            let at = raw.len();
            match c {
                '&' => raw.push_str("&amp;"),
                '<' => raw.push_str("&lt;"),
                '>' => raw.push_str("&gt;"),
                _ => raw.push(c),
            }
            pieces.push((at, raw.len()));
        }
        let close = raw.len();
        raw.push_str("</TEXT>\n</TimeML>\n");
        TimeMl { raw, text_range: start..close, pieces, gold: Gold::default(), tlinks: Vec::new() }
    }

    /// The gold TIMEX3 annotations inside TEXT, with offsets into the
    /// decoded text.
    pub fn gold(&self) -> &[Timex] {
        &self.gold.timexes
    }

    /// The gold EVENT annotations inside TEXT.
    pub fn gold_events(&self) -> &[GoldEvent] {
        &self.gold.events
    }

    /// Gold links between an event and a temporal expression: pairs of
    /// (index into [`gold_events`](Self::gold_events), index into
    /// [`gold`](Self::gold)).
    pub fn gold_event_time_links(&self) -> Vec<(usize, usize)> {
        self.tlinks
            .iter()
            .filter_map(|link| match (link.source, link.target) {
                (LinkEnd::Event(e), LinkEnd::Time(t)) => Some((e, t)),
                _ => None,
            })
            .collect()
    }

    /// Every gold TLINK whose two ends are annotated in the document, in
    /// the file's order.
    pub fn gold_tlinks(&self) -> &[GoldTlink] {
        &self.tlinks
    }

    /// The document with its old annotations removed and `timexes` (offsets
    /// into the decoded text) inserted as TIMEX3 elements; every character
    /// of the text, entities included, stays as it was.
    pub fn render(&self, timexes: &[Timex]) -> String {
        self.render_annotation(&Annotation { timexes, events: &[], links: &[] })
    }

    /// The document with its old annotations removed and `annotation`
    /// written in: TIMEX3 and EVENT elements inside TEXT, MAKEINSTANCE and
    /// TLINK elements after it, as TempEval-3 files hold them. Every
    /// character of the text, entities included, stays as it was.
    pub fn render_annotation(&self, annotation: &Annotation<'_>) -> String {
        let mut out = String::with_capacity(self.raw.len() + annotation.timexes.len() * 64);
        out.push_str(&strip_annotations(&self.raw[..self.text_range.start], true));
        let layout = Layout::new(annotation, self.pieces.len());
        let mut cursor = self.text_range.start;
        let mut next = 0;
        for (index, &(start, end)) in self.pieces.iter().enumerate() {
            // Anything between two characters (removed tags) is dropped.
            layout.tags_at(index, &mut next, &mut out);
            out.push_str(&self.raw[start..end]);
            cursor = end;
        }
        layout.tags_at(self.pieces.len(), &mut next, &mut out);
        // Keep the whitespace (and drop the tags) after the last character.
        out.push_str(&strip_tags(&self.raw[cursor..self.text_range.end]));
        let tail = strip_annotations(&self.raw[self.text_range.end..], false);
        let creation = tags(&self.raw, "TIMEX3")
            .into_iter()
            .find(|t| attribute(t, "functionInDocument") == Some("CREATION_TIME"))
            .and_then(|t| attribute(t, "tid"))
            .unwrap_or("t0");
        let instances = layout.instances_and_links(annotation, creation);
        match tail.rfind("</TimeML>") {
            Some(at) => {
                out.push_str(&tail[..at]);
                out.push_str(&instances);
                out.push_str(&tail[at..]);
            }
            None => {
                out.push_str(&tail);
                out.push_str(&instances);
            }
        }
        out
    }
}

/// What the engine writes into a TimeML document.
#[derive(Clone, Copy, Debug)]
pub struct Annotation<'a> {
    /// Temporal expressions, as TIMEX3 (`tid` `t1`, `t2`, ... in this order).
    pub timexes: &'a [Timex],
    /// Event mentions, as EVENT (`eid` `e1`, ...) with one MAKEINSTANCE each
    /// (`eiid` `ei1`, ...).
    pub events: &'a [EventTag<'a>],
    /// Temporal links between them, as TLINK: ends index `timexes` and
    /// `events`.
    pub links: &'a [LinkTag<'a>],
}

/// An event mention to write.
#[derive(Clone, Copy, Debug, Default)]
pub struct EventTag<'a> {
    /// First character in the decoded text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// TimeML class.
    pub class: &'a str,
    /// `tense` of its MAKEINSTANCE.
    pub tense: &'a str,
    /// `aspect`.
    pub aspect: &'a str,
    /// `polarity`.
    pub polarity: &'a str,
    /// `modality`, empty for none.
    pub modality: &'a str,
}

/// A temporal link to write.
#[derive(Clone, Copy, Debug)]
pub struct LinkTag<'a> {
    /// Its first end.
    pub source: LinkEnd,
    /// Its second end.
    pub target: LinkEnd,
    /// Its `relType`.
    pub rel: &'a str,
}

/// Which expressions and events are written where: TIMEX3 first, then
/// the events that overlap none (elements cannot overlap in XML).
struct Layout {
    /// (start, end, open tag) in text order, none overlapping.
    spans: Vec<(usize, usize, String)>,
    /// Whether each expression and each event was written.
    timex_written: Vec<bool>,
    event_written: Vec<bool>,
}

impl Layout {
    fn new(annotation: &Annotation<'_>, length: usize) -> Layout {
        let mut spans: Vec<(usize, usize, String)> = Vec::new();
        let free = |spans: &[(usize, usize, String)], start: usize, end: usize| {
            start < end && end <= length && !spans.iter().any(|(s, e, _)| *s < end && start < *e)
        };
        let mut timex_written = vec![false; annotation.timexes.len()];
        let mut order: Vec<usize> = (0..annotation.timexes.len()).collect();
        order.sort_by_key(|&k| (annotation.timexes[k].start, std::cmp::Reverse(annotation.timexes[k].end)));
        for k in order {
            let timex = &annotation.timexes[k];
            if free(&spans, timex.start, timex.end) {
                spans.push((timex.start, timex.end, open_tag(timex, k + 1)));
                timex_written[k] = true;
            }
        }
        let mut event_written = vec![false; annotation.events.len()];
        for (k, event) in annotation.events.iter().enumerate() {
            if free(&spans, event.start, event.end) {
                let class = escape_attribute(event.class);
                spans.push((event.start, event.end, format!("<EVENT eid=\"e{}\" class=\"{class}\">", k + 1)));
                event_written[k] = true;
            }
        }
        spans.sort_by_key(|(start, _, _)| *start);
        Layout { spans, timex_written, event_written }
    }

    /// Writes the tags that close and open before character `index`;
    /// `next` is the first span not yet opened (calls come in text order).
    fn tags_at(&self, index: usize, next: &mut usize, out: &mut String) {
        if let Some((_, end, open)) = next.checked_sub(1).map(|k| &self.spans[k]) {
            if *end == index {
                out.push_str(if open.starts_with("<EVENT") { "</EVENT>" } else { "</TIMEX3>" });
            }
        }
        if let Some((start, _, open)) = self.spans.get(*next) {
            if *start == index {
                out.push_str(open);
                *next += 1;
            }
        }
    }

    /// The MAKEINSTANCE elements of the written events and the TLINKs
    /// whose two ends were written, one per line.
    fn instances_and_links(&self, annotation: &Annotation<'_>, creation: &str) -> String {
        let mut out = String::new();
        for (k, event) in annotation.events.iter().enumerate().filter(|(k, _)| self.event_written[*k]) {
            let modality = match event.modality {
                "" => String::new(),
                m => format!(" modality=\"{}\"", escape_attribute(m)),
            };
            out.push_str(&format!(
                "<MAKEINSTANCE eventID=\"e{n}\" eiid=\"ei{n}\" tense=\"{}\" aspect=\"{}\" polarity=\"{}\" pos=\"UNKNOWN\"{modality}/>\n",
                escape_attribute(event.tense),
                escape_attribute(event.aspect),
                escape_attribute(event.polarity),
                n = k + 1
            ));
        }
        let end = |end: LinkEnd, first: bool| -> Option<String> {
            let (attribute, id) = match end {
                LinkEnd::Event(e) if self.event_written.get(e) == Some(&true) => {
                    (if first { "eventInstanceID" } else { "relatedToEventInstance" }, format!("ei{}", e + 1))
                }
                LinkEnd::Time(t) if self.timex_written.get(t) == Some(&true) => {
                    (if first { "timeID" } else { "relatedToTime" }, format!("t{}", t + 1))
                }
                LinkEnd::Creation => (if first { "timeID" } else { "relatedToTime" }, creation.to_string()),
                _ => return None,
            };
            Some(format!("{attribute}=\"{id}\""))
        };
        let mut lid = 0;
        for link in annotation.links {
            let (Some(source), Some(target)) = (end(link.source, true), end(link.target, false)) else {
                continue;
            };
            lid += 1;
            out.push_str(&format!(
                "<TLINK lid=\"l{lid}\" relType=\"{}\" {source} {target}/>\n",
                escape_attribute(link.rel)
            ));
        }
        out
    }
}

fn open_tag(timex: &Timex, number: usize) -> String {
    let modifier = timex.modifier.map(|m| format!(" mod=\"{m}\"")).unwrap_or_default();
    format!(
        "<TIMEX3 tid=\"t{number}\" type=\"{}\" value=\"{}\"{modifier}>",
        timex.kind,
        escape_attribute(&timex.value.to_string())
    )
}

fn escape_attribute(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

/// Removes annotation elements outside TEXT; the DCT's TIMEX3 stays.
/// Lines left empty by the removal go too.
fn strip_annotations(segment: &str, keep_dct: bool) -> String {
    let mut out = String::with_capacity(segment.len());
    for line in segment.split_inclusive('\n') {
        if keep_dct && line.contains("CREATION_TIME") {
            out.push_str(line);
            continue;
        }
        let stripped = strip_tags_named(line, REMOVED);
        if stripped.trim().is_empty() && !line.trim().is_empty() {
            continue;
        }
        out.push_str(&stripped);
    }
    out
}

fn strip_tags(segment: &str) -> String {
    strip_tags_named(segment, &[])
}

/// Removes tags whose name is in `names` (all tags when `names` is empty).
fn strip_tags_named(segment: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(segment.len());
    let mut rest = segment;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        let tag = &rest[open + 1..open + close];
        let name =
            tag.trim_start_matches('/').split(|c: char| c.is_whitespace() || c == '/').next().unwrap_or("");
        out.push_str(&rest[..open]);
        if !names.is_empty() && !names.contains(&name) {
            out.push_str(&rest[open..=open + close]);
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Reads a TimeML document.
pub(crate) fn read(name: &str, raw: &str) -> Result<Input, Error> {
    let line_of = |byte: usize| 1 + raw[..byte].matches('\n').count();
    let dct = read_dct(raw).map_err(|(byte, message)| Error::new(name, line_of(byte), message))?;
    let open = raw.find("<TEXT>").ok_or_else(|| Error::new(name, 1, "no <TEXT> element"))?;
    let text_start = open + "<TEXT>".len();
    let close = raw[text_start..]
        .find("</TEXT>")
        .map(|c| text_start + c)
        .ok_or_else(|| Error::new(name, line_of(open), "<TEXT> is never closed"))?;
    let (text, pieces, mut gold) =
        decode(raw, text_start..close).map_err(|(byte, message)| Error::new(name, line_of(byte), message))?;
    instance_attributes(raw, &mut gold.events);
    let id = element(raw, "DOCID").map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    let title = element(raw, "TITLE").map(|t| strip_tags(t).trim().to_string()).filter(|s| !s.is_empty());
    let mut document = Document::new(dct, text);
    if let Some(id) = id {
        document.id = id;
    }
    document.title = title;
    let tlinks = temporal_links(raw, &gold);
    let timeml = TimeMl { raw: raw.to_string(), text_range: text_start..close, pieces, gold, tlinks };
    Ok(Input { document, file: String::new(), line: 1, timeml: Some(timeml) })
}

fn element<'a>(raw: &'a str, name: &str) -> Option<&'a str> {
    let open = format!("<{name}>");
    let start = raw.find(&open)? + open.len();
    let end = raw[start..].find(&format!("</{name}>"))? + start;
    Some(&raw[start..end])
}

/// The date of the TIMEX3 whose function is CREATION_TIME.
fn read_dct(raw: &str) -> Result<dateline_core::Date, (usize, String)> {
    let at = raw.find("CREATION_TIME").ok_or((
        0,
        "no document creation time: no TIMEX3 with functionInDocument=\"CREATION_TIME\"".to_string(),
    ))?;
    let tag_start = raw[..at].rfind('<').ok_or((at, "CREATION_TIME outside a tag".to_string()))?;
    let tag_end = raw[at..].find('>').map(|e| at + e).ok_or((at, "unclosed TIMEX3 tag".to_string()))?;
    let value = attribute(&raw[tag_start..tag_end], "value")
        .ok_or((at, "the CREATION_TIME TIMEX3 has no value".to_string()))?;
    parse_date(value).map_err(|e| (at, format!("bad creation time: {}", e.message())))
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut search = 0;
    while let Some(found) = tag[search..].find(&key) {
        let at = search + found;
        let before_ok = at == 0 || tag[..at].ends_with(char::is_whitespace);
        let start = at + key.len();
        if before_ok {
            let end = tag[start..].find('"')? + start;
            return Some(&tag[start..end]);
        }
        search = start;
    }
    None
}

/// An EVENT of the gold annotation.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldEvent {
    /// Its `eid`.
    pub id: String,
    /// First character in the decoded text.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
    /// Its TimeML class (`OCCURRENCE`, `REPORTING`, `STATE`, ...), empty
    /// when the tag has none.
    pub class: String,
    /// The attributes of its first MAKEINSTANCE: `tense`, `aspect`,
    /// `polarity` as written (`PAST`, `PERFECTIVE`, `NEG`), `modality` in
    /// lower case (`would`); each empty when not given.
    pub tense: String,
    /// See [`GoldEvent::tense`].
    pub aspect: String,
    /// See [`GoldEvent::tense`].
    pub polarity: String,
    /// See [`GoldEvent::tense`].
    pub modality: String,
}

/// The gold annotation inside TEXT.
#[derive(Clone, Debug, Default)]
struct Gold {
    timexes: Vec<Timex>,
    /// The `tid` of each timex, in the same order.
    timex_ids: Vec<String>,
    events: Vec<GoldEvent>,
}

type Decoded = (String, Vec<(usize, usize)>, Gold);

/// Decodes the TEXT content: tags dropped (gold TIMEX3 recorded), entities
/// resolved, and each character mapped back to its bytes.
fn decode(raw: &str, range: Range<usize>) -> Result<Decoded, (usize, String)> {
    let mut text = String::with_capacity(range.len());
    let mut pieces = Vec::with_capacity(range.len());
    let mut gold = Gold::default();
    let mut open_timex: Option<(usize, TimexType, String, Option<TimexMod>, String)> = None;
    let mut open_event: Option<(usize, String, String)> = None;
    let mut i = range.start;
    while i < range.end {
        let rest = &raw[i..range.end];
        let c = rest.chars().next().unwrap_or('\0');
        if c == '<' {
            let close = rest.find('>').ok_or((i, "a tag is never closed ('<' without '>')".to_string()))?;
            let tag = &rest[1..close];
            // `pieces` holds one entry per decoded character: its length is
            // the character offset.
            let here = pieces.len();
            if let Some(attrs) = tag.strip_prefix("TIMEX3") {
                let kind = attribute(attrs, "type")
                    .and_then(TimexType::parse)
                    .ok_or((i, "TIMEX3 without a valid type".to_string()))?;
                let value = attribute(attrs, "value").unwrap_or("").to_string();
                let modifier = attribute(attrs, "mod").and_then(|m| m.parse::<TimexMod>().ok());
                let id = attribute(attrs, "tid").unwrap_or("").to_string();
                open_timex = Some((here, kind, value, modifier, id));
            } else if tag == "/TIMEX3" {
                let (start, kind, value, modifier, id) =
                    open_timex.take().ok_or((i, "</TIMEX3> without its opening tag".to_string()))?;
                let text_of: String = text.chars().skip(start).collect();
                gold.timexes.push(Timex {
                    start,
                    end: here,
                    text: text_of,
                    kind,
                    value: TimexValue::parse(&value),
                    modifier,
                });
                gold.timex_ids.push(id);
            } else if let Some(attrs) = tag.strip_prefix("EVENT ") {
                let class = attribute(attrs, "class").unwrap_or("").to_string();
                open_event = Some((here, attribute(attrs, "eid").unwrap_or("").to_string(), class));
            } else if tag == "/EVENT" {
                if let Some((start, id, class)) = open_event.take() {
                    gold.events.push(GoldEvent { id, start, end: here, class, ..GoldEvent::default() });
                }
            }
            i += close + 1;
            continue;
        }
        if c == '&' {
            if let Some((decoded, len)) = entity(rest) {
                text.push(decoded);
                pieces.push((i, i + len));
                i += len;
                continue;
            }
        }
        text.push(c);
        pieces.push((i, i + c.len_utf8()));
        i += c.len_utf8();
    }
    Ok((text, pieces, gold))
}

/// The opening tags named `name` in `raw`, without their closing `>`.
fn tags<'a>(raw: &'a str, name: &str) -> Vec<&'a str> {
    raw.match_indices(&format!("<{name} "))
        .filter_map(|(at, _)| raw[at..].find('>').map(|end| &raw[at..at + end]))
        .collect()
}

/// Gives each event the attributes of its first MAKEINSTANCE.
fn instance_attributes(raw: &str, events: &mut [GoldEvent]) {
    let mut first: std::collections::HashMap<&str, &str> = std::collections::HashMap::new();
    for tag in tags(raw, "MAKEINSTANCE") {
        if let Some(event) = attribute(tag, "eventID") {
            first.entry(event).or_insert(tag);
        }
    }
    for event in events {
        if let Some(tag) = first.get(event.id.as_str()) {
            let get = |name| attribute(tag, name).unwrap_or("").trim().to_string();
            event.tense = get("tense");
            event.aspect = get("aspect");
            event.polarity = get("polarity");
            event.modality = get("modality").to_lowercase();
        }
    }
}

/// The TLINKs of the gold annotation, their ends resolved through the
/// MAKEINSTANCE elements that name event instances; a link to an id the
/// document does not annotate is left out.
fn temporal_links(raw: &str, gold: &Gold) -> Vec<GoldTlink> {
    let instances: std::collections::HashMap<&str, &str> = tags(raw, "MAKEINSTANCE")
        .into_iter()
        .filter_map(|t| Some((attribute(t, "eiid")?, attribute(t, "eventID")?)))
        .collect();
    let creation = tags(raw, "TIMEX3")
        .into_iter()
        .find(|t| attribute(t, "functionInDocument") == Some("CREATION_TIME"))
        .and_then(|t| attribute(t, "tid"));
    let event = |instance: &str| {
        let id = instances.get(instance)?;
        gold.events.iter().position(|g| g.id == *id).map(LinkEnd::Event)
    };
    let time = |id: &str| {
        if Some(id) == creation {
            return Some(LinkEnd::Creation);
        }
        gold.timex_ids.iter().position(|t| t == id).map(LinkEnd::Time)
    };
    tags(raw, "TLINK")
        .into_iter()
        .filter_map(|t| {
            let source = match attribute(t, "eventInstanceID") {
                Some(instance) => event(instance)?,
                None => time(attribute(t, "timeID")?)?,
            };
            let target = match attribute(t, "relatedToEventInstance") {
                Some(instance) => event(instance)?,
                None => time(attribute(t, "relatedToTime")?)?,
            };
            Some(GoldTlink { source, target, rel: attribute(t, "relType")?.to_string() })
        })
        .collect()
}

/// An XML entity at the start of `s`: the character and the entity's length.
fn entity(s: &str) -> Option<(char, usize)> {
    let end = s[..s.len().min(12)].find(';')?;
    let name = &s[1..end];
    let c = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            char::from_u32(code)?
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>D1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">1998-08-07</TIMEX3></DCT>\n<TEXT>\nBombs <EVENT eid=\"e1\" class=\"OCCURRENCE\">exploded</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3> at AT&amp;T.\n</TEXT>\n<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\"/>\n<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n</TimeML>\n";

    #[test]
    fn reads_dct_text_and_gold() {
        let input = read("s.tml", SAMPLE).unwrap();
        assert_eq!(input.document.id, "D1");
        assert_eq!(input.document.dct.to_string(), "1998-08-07");
        assert_eq!(input.document.text, "\nBombs exploded Friday at AT&T.\n");
        let gold = input.timeml.unwrap().gold().to_vec();
        assert_eq!((gold[0].start, gold[0].end, gold[0].text.as_str()), (16, 22, "Friday"));
    }

    #[test]
    fn reads_gold_events_with_class_and_instance_attributes() {
        let input = read("s.tml", SAMPLE).unwrap();
        let timeml = input.timeml.unwrap();
        let event = &timeml.gold_events()[0];
        assert_eq!((event.start, event.end, event.class.as_str()), (7, 15, "OCCURRENCE"));
        assert_eq!((event.tense.as_str(), event.aspect.as_str(), event.modality.as_str()), ("PAST", "", ""));
        assert_eq!(timeml.gold_event_time_links(), vec![]);
        let to_creation =
            GoldTlink { source: LinkEnd::Event(0), target: LinkEnd::Creation, rel: "BEFORE".into() };
        assert_eq!(timeml.gold_tlinks(), [to_creation]);
    }

    #[test]
    fn reads_links_between_events_and_times_and_drops_unknown_ends() {
        let links = "<TLINK lid=\"l2\" relType=\"IS_INCLUDED\" eventInstanceID=\"ei1\" relatedToTime=\"t1\"/>\n\
                     <TLINK lid=\"l3\" relType=\"BEFORE\" timeID=\"t1\" relatedToEventInstance=\"ei1\"/>\n\
                     <TLINK lid=\"l4\" relType=\"AFTER\" eventInstanceID=\"ei9\" relatedToTime=\"t1\"/>\n</TimeML>";
        let raw = SAMPLE.replace("</TimeML>", links);
        let timeml = read("s.tml", &raw).unwrap().timeml.unwrap();
        let ends: Vec<_> =
            timeml.gold_tlinks().iter().map(|l| (l.source, l.target, l.rel.as_str())).collect();
        assert_eq!(
            ends,
            [
                (LinkEnd::Event(0), LinkEnd::Creation, "BEFORE"),
                (LinkEnd::Event(0), LinkEnd::Time(0), "IS_INCLUDED"),
                (LinkEnd::Time(0), LinkEnd::Event(0), "BEFORE"),
            ]
        );
        assert_eq!(timeml.gold_event_time_links(), [(0, 0)]);
    }

    #[test]
    fn render_keeps_every_character() {
        let input = read("s.tml", SAMPLE).unwrap();
        let timeml = input.timeml.unwrap();
        let out = timeml.render(&[friday()]);
        assert!(out.contains("Bombs exploded <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3> at AT&amp;T.\n</TEXT>"), "{out}");
        assert!(out.contains("functionInDocument=\"CREATION_TIME\""));
        assert!(!out.contains("EVENT") && !out.contains("TLINK") && !out.contains("MAKEINSTANCE"), "{out}");
        // Reading the output back gives the same text.
        let again = read("s.tml", &out).unwrap();
        assert_eq!(again.document.text, "\nBombs exploded Friday at AT&T.\n");
    }

    /// The gold "Friday" of [`SAMPLE`], as a system would find it.
    fn friday() -> Timex {
        Timex {
            start: 16,
            end: 22,
            text: "Friday".into(),
            kind: TimexType::Date,
            value: "1998-08-07".into(),
            modifier: None,
        }
    }

    #[test]
    fn a_plain_text_becomes_timeml_that_reads_back_as_it_was() {
        let text = "\nBombs exploded Friday at AT&T <HQ>.\n";
        let dct = "1998-08-07".parse().unwrap();
        let out = TimeMl::from_text("d&1", dct, text).render(&[friday()]);
        assert!(out.contains("<DOCID>d&amp;1</DOCID>"), "{out}");
        assert!(out.contains("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1998-08-07\">Friday</TIMEX3> at AT&amp;T &lt;HQ&gt;."), "{out}");
        let again = read("s.tml", &out).unwrap();
        assert_eq!((again.document.text.as_str(), again.document.dct), (text, dct));
        assert_eq!(again.timeml.unwrap().gold(), [friday()]);
    }

    #[test]
    fn events_and_links_are_written_as_tempeval_files_hold_them_and_read_back() {
        let timeml = read("s.tml", SAMPLE).unwrap().timeml.unwrap();
        let friday = friday();
        let event = |start, end| EventTag {
            start,
            end,
            class: "OCCURRENCE",
            tense: "PAST",
            aspect: "NONE",
            polarity: "POS",
            modality: "",
        };
        // The second event overlaps the date: it cannot be written, nor its link.
        let events = [event(7, 15), event(16, 19)];
        let links = [
            LinkTag { source: LinkEnd::Event(0), target: LinkEnd::Time(0), rel: "IS_INCLUDED" },
            LinkTag { source: LinkEnd::Event(0), target: LinkEnd::Creation, rel: "BEFORE" },
            LinkTag { source: LinkEnd::Event(1), target: LinkEnd::Creation, rel: "BEFORE" },
        ];
        let out =
            timeml.render_annotation(&Annotation { timexes: &[friday], events: &events, links: &links });
        assert!(
            out.contains("Bombs <EVENT eid=\"e1\" class=\"OCCURRENCE\">exploded</EVENT> <TIMEX3 tid=\"t1\""),
            "{out}"
        );
        assert!(out.contains("</TEXT>\n<MAKEINSTANCE eventID=\"e1\" eiid=\"ei1\" tense=\"PAST\""), "{out}");
        assert!(out.ends_with("relatedToTime=\"t0\"/>\n</TimeML>\n"), "{out}");
        assert!(!out.contains("e2"), "{out}");
        let again = read("s.tml", &out).unwrap().timeml.unwrap();
        let ends: Vec<_> = again.gold_tlinks().iter().map(|l| (l.source, l.target, l.rel.as_str())).collect();
        assert_eq!(
            ends,
            [
                (LinkEnd::Event(0), LinkEnd::Time(0), "IS_INCLUDED"),
                (LinkEnd::Event(0), LinkEnd::Creation, "BEFORE")
            ]
        );
        assert_eq!(again.gold_events()[0].tense, "PAST");
    }

    #[test]
    fn errors_name_the_line() {
        let err = read("s.tml", "<TimeML>\n<TEXT>x</TEXT>").unwrap_err();
        assert!(err.message().contains("creation time"), "{err}");
        let broken = SAMPLE.replace("<EVENT eid=\"e1\" class=\"OCCURRENCE\">", "<EVENT eid=\"e1\"");
        let err = read(
            "s.tml",
            &broken
                .replace("</EVENT>", "")
                .replace("> <TIMEX3", " TIMEX3")
                .replace(">Friday", " Friday")
                .replace("</TIMEX3> at", " at"),
        )
        .unwrap_err();
        assert_eq!(err.line(), 6, "{err}");
    }
}
