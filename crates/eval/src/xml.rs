//! The little XML the gold files need: an attribute of a tag, and the
//! five predefined entities. The corpora are flat and regular; a parser
//! would be a dependency for nothing.

/// The value of `name="..."` in a tag, the name standing at the start or
/// after white space (`m_id`, not `doc_m_id`).
pub(crate) fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!("{name}=\"");
    let mut from = 0;
    while let Some(found) = tag[from..].find(&key) {
        let at = from + found;
        if at == 0 || tag[..at].ends_with(char::is_whitespace) {
            let start = at + key.len();
            let end = tag[start..].find('"')? + start;
            return Some(&tag[start..end]);
        }
        from = at + 1;
    }
    None
}

/// Text with its entities decoded (`&amp;` last, so `&amp;lt;` stays `&lt;`).
pub(crate) fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_whole_names_and_entities_decode_once() {
        let tag = r#"<token doc_m_id="9" m_id="3" sentence="0">"#;
        assert_eq!((attribute(tag, "m_id"), attribute(tag, "sentence")), (Some("3"), Some("0")));
        assert_eq!(attribute(tag, "t_id"), None);
        assert_eq!(decode("AT&amp;T &amp;lt;"), "AT&T &lt;");
    }
}
