use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One dated article: the unit every pipeline stage works on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Given by the input, or derived from the content (see [`content_id`]),
    /// so that the same article read twice has the same id.
    pub id: String,
    /// The document creation time: the publication date every relative
    /// expression is resolved against.
    pub dct: Date,
    /// The headline, when the input has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The article text; all offsets point into it.
    pub text: String,
    /// The publisher or feed, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Where the article was published, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The kind of text the input says the document is; None leaves it
    /// to the reader (`--type`, or `auto` deciding from the text).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_type: Option<DocumentType>,
}

impl Document {
    /// A document with an id derived from its date and text.
    ///
    /// ```
    /// use dateline_core::{Date, Document};
    /// let dct = Date::new(2020, 11, 26).unwrap();
    /// let a = Document::new(dct, "Troops left on Friday.");
    /// let b = Document::new(dct, "Troops left on Friday.");
    /// assert_eq!(a.id, b.id);
    /// ```
    pub fn new(dct: Date, text: impl Into<String>) -> Document {
        let text = text.into();
        Document {
            id: content_id(dct, &text),
            dct,
            title: None,
            text,
            source: None,
            url: None,
            document_type: None,
        }
    }
}

/// What kind of text a document is, which decides what its relative dates
/// count from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentType {
    /// A news report: relative dates count from the publication date.
    #[default]
    News,
    /// A history, chronology or background piece: relative dates count
    /// from the date in focus in the text ("In March 1965 ...; two months
    /// later"), the publication date only until the text tells one.
    Narrative,
    /// A social post, a chat message or a request typed to an assistant:
    /// relative dates count from the publication date as in news, and the
    /// spellings of informal writing are read ("tmrw", "2nite", "sat",
    /// "this wknd", "@ 8pm"), as are bare time words ("all day", "at
    /// night") that news leaves out.
    Colloquial,
}

impl DocumentType {
    /// Every type, in the order the help and the errors list them.
    pub const ALL: [DocumentType; 3] =
        [DocumentType::News, DocumentType::Narrative, DocumentType::Colloquial];

    /// The name as written on the command line and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentType::News => "news",
            DocumentType::Narrative => "narrative",
            DocumentType::Colloquial => "colloquial",
        }
    }
}

/// Reads a type by its name; the error names the accepted ones.
///
/// ```
/// use dateline_core::DocumentType;
/// assert_eq!("colloquial".parse::<DocumentType>(), Ok(DocumentType::Colloquial));
/// let error = "tweet".parse::<DocumentType>().unwrap_err();
/// assert_eq!(error, "unknown document type \"tweet\": expected news, narrative or colloquial");
/// ```
impl std::str::FromStr for DocumentType {
    type Err = String;

    fn from_str(name: &str) -> Result<DocumentType, String> {
        DocumentType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
            .ok_or_else(|| format!("unknown document type {name:?}: expected news, narrative or colloquial"))
    }
}

impl std::fmt::Display for DocumentType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A stable id for an article: 64-bit FNV-1a over the date and the text.
///
/// Stable across runs and platforms (unlike `std`'s hasher), so an article
/// ingested twice maps to the same id.
///
/// ```
/// use dateline_core::{content_id, Date};
/// let dct = Date::new(2020, 11, 26).unwrap();
/// assert_eq!(content_id(dct, "x").len(), 16);
/// assert_ne!(content_id(dct, "x"), content_id(dct, "y"));
/// ```
pub fn content_id(dct: Date, text: &str) -> String {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut hash = OFFSET;
    let date = dct.to_string();
    for byte in date.bytes().chain([0]).chain(text.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(PRIME);
    }
    format!("{hash:016x}")
}
