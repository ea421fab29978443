use crate::{parse_date, Error, Input};
use dateline_core::{content_id, Date, Document, DocumentType};
use serde::Deserialize;

#[derive(Deserialize)]
struct Line {
    text: String,
    #[serde(default)]
    date: Option<String>,
    #[serde(default)]
    dct: Option<String>,
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    source: Option<String>,
    /// "news", "narrative" or "colloquial": how to read this document.
    #[serde(default, rename = "type")]
    document_type: Option<String>,
}

/// JSON Lines: one article per line; blank lines are skipped.
pub(crate) fn read(name: &str, bytes: &[u8], fallback: Option<Date>) -> Vec<Result<Input, Error>> {
    bytes
        .split(|&b| b == b'\n')
        .enumerate()
        .filter(|(_, line)| !line.iter().all(u8::is_ascii_whitespace))
        .map(|(index, line)| read_line(name, index + 1, line, fallback))
        .collect()
}

fn read_line(name: &str, line_number: usize, bytes: &[u8], fallback: Option<Date>) -> Result<Input, Error> {
    let error = |message: String| Error::new(name, line_number, message);
    let text = std::str::from_utf8(bytes)
        .map_err(|e| error(format!("invalid UTF-8 at column {}", e.valid_up_to() + 1)))?;
    let line: Line = serde_json::from_str(text)
        .map_err(|e| error(format!("not a JSON object with a \"text\" string: {e}")))?;
    let dct = match line.date.as_deref().or(line.dct.as_deref()) {
        Some(date) => parse_date(date).map_err(|e| error(e.message().to_string()))?,
        None => fallback.ok_or_else(|| error("no \"date\" (or \"dct\") field and no --dct".to_string()))?,
    };
    let id = match line.id {
        Some(serde_json::Value::String(s)) => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(other) => return Err(error(format!("\"id\" must be a string or a number, not {other}"))),
        None => content_id(dct, &line.text),
    };
    let document_type = match line.document_type.as_deref().map(str::parse::<DocumentType>) {
        Some(Ok(kind)) => Some(kind),
        Some(Err(message)) => return Err(error(format!("\"type\": {message}"))),
        None => None,
    };
    let document = Document {
        id,
        dct,
        title: line.title,
        text: line.text,
        source: line.source,
        url: line.url,
        document_type,
    };
    Ok(Input { document, file: String::new(), line: line_number, timeml: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_broken_line_does_not_lose_the_others() {
        let input = b"{\"text\":\"a\",\"date\":\"2020-11-26\"}\n{broken\n\n{\"text\":\"b\",\"dct\":\"2020-11-27T10:00:00Z\",\"id\":7}\n";
        let out = read("feed.jsonl", input, None);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().document.text, "a");
        let err = out[1].as_ref().unwrap_err();
        assert_eq!((err.file(), err.line()), ("feed.jsonl", 2));
        let third = out[2].as_ref().unwrap();
        assert_eq!((third.line, third.document.id.as_str()), (4, "7"));
    }

    #[test]
    fn a_type_field_fixes_the_type_and_an_unknown_one_skips_only_its_line() {
        let input = concat!(
            "{\"text\":\"see u tmrw\",\"date\":\"2020-11-26\",\"type\":\"colloquial\"}\n",
            "{\"text\":\"b\",\"date\":\"2020-11-26\",\"type\":\"tweet\"}\n",
            "{\"text\":\"c\",\"date\":\"2020-11-26\"}\n",
        );
        let out = read("feed.jsonl", input.as_bytes(), None);
        assert_eq!(out.len(), 3);
        assert_eq!(out[0].as_ref().unwrap().document.document_type, Some(DocumentType::Colloquial));
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.line(), 2);
        assert_eq!(
            err.message(),
            "\"type\": unknown document type \"tweet\": expected news, narrative or colloquial"
        );
        assert_eq!(out[2].as_ref().unwrap().document.document_type, None);
    }

    #[test]
    fn missing_date_is_reported() {
        let out = read("f", b"{\"text\":\"a\"}", None);
        assert!(out[0].as_ref().unwrap_err().message().contains("no \"date\""));
        let out = read("f", b"{\"text\":\"a\"}", Date::new(2020, 1, 1).ok());
        assert!(out[0].is_ok());
    }
}
