//! Reading articles: the formats dateline accepts, and clear errors for
//! the documents it cannot read.
//!
//! One input (a file or standard input) can hold many documents. A broken
//! document yields an [`Error`] naming the file and line, and reading goes
//! on with the next one: nothing is silently dropped.
//!
//! ```
//! use dateline_read::{read, Options};
//! let input = b"date 2020-11-26\nTroops left on Friday.";
//! let docs = read("seed.txt", input, &Options::default());
//! let doc = &docs[0].as_ref().unwrap().document;
//! assert_eq!(doc.dct.to_string(), "2020-11-26");
//! assert_eq!(doc.text, "Troops left on Friday.");
//! ```

mod date;
mod error;
mod jsonl;
mod seed;
pub mod timeml;

pub use date::parse_date;
use dateline_core::{Date, Document};
pub use error::Error;
pub use timeml::{Annotation, EventTag, GoldEvent, GoldTlink, LinkEnd, LinkTag, TimeMl};

/// How to read an input.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// The format; None guesses it from the name and the first bytes.
    pub format: Option<Format>,
    /// The publication date for documents that carry none.
    pub dct: Option<Date>,
}

/// The input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// `date YYYY-MM-DD`, whitespace, then the article.
    Seed,
    /// One JSON object per line with `text` and `date` (or `dct`).
    JsonLines,
    /// TimeML (`.tml`), the DCT from its `CREATION_TIME` TIMEX3.
    TimeMl,
    /// The whole input is one article; the date comes from `--dct`.
    Text,
}

impl Format {
    /// Parses a format name as the CLI spells it.
    ///
    /// ```
    /// use dateline_read::Format;
    /// assert_eq!(Format::parse("jsonl"), Some(Format::JsonLines));
    /// assert_eq!(Format::parse("pdf"), None);
    /// ```
    pub fn parse(name: &str) -> Option<Format> {
        match name {
            "seed" => Some(Format::Seed),
            "jsonl" | "json" | "ndjson" => Some(Format::JsonLines),
            "timeml" | "tml" => Some(Format::TimeMl),
            "text" | "txt" => Some(Format::Text),
            _ => None,
        }
    }
}

/// A document read from an input, with where it came from.
#[derive(Clone, Debug)]
pub struct Input {
    /// The document.
    pub document: Document,
    /// The input it was read from, as named to [`read`].
    pub file: String,
    /// The line of the input it starts on (1-based).
    pub line: usize,
    /// The original TimeML, kept so output can be written back into it.
    pub timeml: Option<TimeMl>,
}

/// Reads every document of one input. `name` is used in error messages.
pub fn read(name: &str, bytes: &[u8], options: &Options) -> Vec<Result<Input, Error>> {
    let mut results = read_format(name, bytes, options);
    for input in results.iter_mut().flatten() {
        input.file = name.to_string();
    }
    results
}

fn read_format(name: &str, bytes: &[u8], options: &Options) -> Vec<Result<Input, Error>> {
    let format = options.format.unwrap_or_else(|| guess_format(name, bytes));
    match format {
        Format::JsonLines => jsonl::read(name, bytes, options.dct),
        Format::TimeMl => vec![whole_text(name, bytes).and_then(|text| timeml::read(name, text))],
        Format::Seed => vec![whole_text(name, bytes).and_then(|text| seed::read(name, text, options.dct))],
        Format::Text => vec![whole_text(name, bytes).and_then(|text| {
            let dct = options.dct.ok_or_else(|| Error::new(name, 1, "no publication date: give --dct YYYY-MM-DD, or start the file with a line 'date YYYY-MM-DD'"))?;
            Ok(Input { document: Document::new(dct, text), file: String::new(), line: 1, timeml: None })
        })],
    }
}

/// Guesses the format from the file name, then from the first bytes.
fn guess_format(name: &str, bytes: &[u8]) -> Format {
    let lower = name.to_ascii_lowercase();
    if lower.ends_with(".tml") || lower.ends_with(".xml") {
        return Format::TimeMl;
    }
    if lower.ends_with(".jsonl") || lower.ends_with(".ndjson") {
        return Format::JsonLines;
    }
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head = &bytes[start..];
    if head.starts_with(b"<?xml") || head.starts_with(b"<TimeML") {
        Format::TimeMl
    } else if head.starts_with(b"{") {
        Format::JsonLines
    } else if seed::has_header(head) {
        Format::Seed
    } else {
        Format::Text
    }
}

/// The input as UTF-8, or an error at the line of the first bad byte.
fn whole_text<'a>(name: &str, bytes: &'a [u8]) -> Result<&'a str, Error> {
    std::str::from_utf8(bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
        Error::new(name, line, format!("invalid UTF-8 at byte {}", e.valid_up_to()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn guesses_formats() {
        assert_eq!(guess_format("a.tml", b""), Format::TimeMl);
        assert_eq!(guess_format("-", b"  date 2020-01-01 x"), Format::Seed);
        assert_eq!(guess_format("-", b"{\"text\":\"x\"}"), Format::JsonLines);
        assert_eq!(guess_format("-", b"Plain words"), Format::Text);
    }

    #[test]
    fn plain_text_without_a_date_is_an_error() {
        let out = read("notes.txt", b"It rained on Friday.", &Options::default());
        let err = out[0].as_ref().unwrap_err();
        assert_eq!(err.to_string(), "notes.txt:1: no publication date: give --dct YYYY-MM-DD, or start the file with a line 'date YYYY-MM-DD'");
    }

    #[test]
    fn invalid_utf8_names_the_line() {
        let out = read("bad.txt", b"date 2020-01-01\nok\n\xff\n", &Options::default());
        assert_eq!(out[0].as_ref().unwrap_err().line(), 3);
    }

    proptest! {
        // Any bytes in any format: errors, never a panic.
        #[test]
        fn never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..300), which in 0..4usize) {
            let format = [Format::Seed, Format::JsonLines, Format::TimeMl, Format::Text][which];
            let options = Options { format: Some(format), dct: None };
            let _ = read("fuzz", &bytes, &options);
        }

        #[test]
        fn never_panics_on_near_valid_timeml(noise in "[<>&;a-zA-Z =\"/]{0,60}", cut in 0usize..400) {
            let good = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-08-07\" functionInDocument=\"CREATION_TIME\">1998-08-07</TIMEX3></DCT>\n<TEXT>\nA <EVENT eid=\"e1\">blast</EVENT> on Friday &amp; more.\n</TEXT>\n</TimeML>\n";
            let cut = cut.min(good.len());
            let cut = (0..=cut).rev().find(|&c| good.is_char_boundary(c)).unwrap_or(0);
            let broken = format!("{}{}{}", &good[..cut], noise, &good[cut..]);
            let options = Options { format: Some(Format::TimeMl), dct: None };
            let _ = read("fuzz.tml", broken.as_bytes(), &options);
        }
    }
}
