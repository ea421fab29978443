use std::fmt;

/// A gazetteer that could not be read: what is wrong, and on which line of
/// the gazetteer file when one line is to blame.
///
/// ```
/// use dateline_geo::Gazetteer;
/// let tsv = "# a comment\n1\tP\tAgdam\tAZ\t\t40.0\t46.9\tx\t\n";
/// let error = Gazetteer::from_tsv(tsv).err().unwrap();
/// assert_eq!(error.line(), Some(2));
/// assert_eq!(error.to_string(), "gazetteer line 2: bad population");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    line: Option<usize>,
    message: String,
}

impl Error {
    /// A problem with one line (1-based) of the gazetteer file.
    pub(crate) fn at_line(line: usize, message: impl Into<String>) -> Error {
        Error { line: Some(line), message: message.into() }
    }

    /// A problem with the file as a whole (it does not decompress, say).
    pub(crate) fn whole(message: impl Into<String>) -> Error {
        Error { line: None, message: message.into() }
    }

    /// The line (1-based, comments counted) where the problem is, if one
    /// line is to blame.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "gazetteer line {line}: {}", self.message),
            None => write!(f, "gazetteer: {}", self.message),
        }
    }
}

impl std::error::Error for Error {}
