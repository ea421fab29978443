use std::fmt;

/// A CoNLL-U file or a model that could not be read: which one, which line
/// when one is to blame, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    source: String,
    line: Option<usize>,
    message: String,
}

impl Error {
    /// A problem on a line (1-based) of a named input.
    pub(crate) fn at(source: &str, line: usize, message: impl Into<String>) -> Error {
        Error { source: source.to_string(), line: Some(line), message: message.into() }
    }

    /// A problem with a whole input (a model that is cut short, say).
    pub fn whole(source: &str, message: impl Into<String>) -> Error {
        Error { source: source.to_string(), line: None, message: message.into() }
    }

    /// The file or model at fault.
    pub fn source_name(&self) -> &str {
        &self.source
    }

    /// The line (1-based) where the problem is, when one is to blame.
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
            Some(line) => write!(f, "{}:{line}: {}", self.source, self.message),
            None => write!(f, "{}: {}", self.source, self.message),
        }
    }
}

impl std::error::Error for Error {}
