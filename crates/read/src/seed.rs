use crate::{parse_date, Error, Input};
use dateline_core::{Date, Document};

/// Whether the bytes (after leading whitespace) start with `date `.
pub(crate) fn has_header(head: &[u8]) -> bool {
    head.starts_with(b"date ") || head.starts_with(b"date\t")
}

/// The seed format: optional whitespace, `date YYYY-MM-DD`, whitespace, text.
pub(crate) fn read(name: &str, text: &str, fallback: Option<Date>) -> Result<Input, Error> {
    let trimmed = text.trim_start();
    let skipped = &text[..text.len() - trimmed.len()];
    let line = 1 + skipped.matches('\n').count();
    let Some(rest) = trimmed.strip_prefix("date").filter(|r| r.starts_with([' ', '\t'])) else {
        return match fallback {
            Some(dct) => {
                Ok(Input { document: Document::new(dct, text), file: String::new(), line: 1, timeml: None })
            }
            None => Err(Error::new(name, line, "no 'date YYYY-MM-DD' header and no --dct")),
        };
    };
    let rest = rest.trim_start_matches([' ', '\t']);
    let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    let dct = parse_date(&rest[..end])
        .map_err(|e| Error::new(name, line, format!("bad date header: {}", e.message())))?;
    let body = rest[end..].trim_start();
    Ok(Input { document: Document::new(dct, body), file: String::new(), line, timeml: None })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_then_text() {
        let input = read("k.txt", " date 2020-11-26 Azerbaijani President", None).unwrap();
        assert_eq!(input.document.text, "Azerbaijani President");
        assert_eq!(input.document.dct.to_string(), "2020-11-26");
    }

    #[test]
    fn bad_date_names_its_line() {
        let err = read("k.txt", "\n\ndate 2020-13-01\ntext", None).unwrap_err();
        assert_eq!(err.line(), 3);
        assert!(err.message().contains("2020-13-01"), "{err}");
    }
}
