use std::fmt;

/// A gold file that could not be read: what is wrong, and on which line
/// when that is known.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    line: Option<usize>,
    message: String,
}

impl Error {
    /// A problem of the whole file.
    pub(crate) fn file(message: impl Into<String>) -> Error {
        Error { line: None, message: message.into() }
    }

    /// A problem on a line (1-based).
    pub(crate) fn line(line: usize, message: impl Into<String>) -> Error {
        Error { line: Some(line), message: message.into() }
    }

    /// A problem at a byte offset of `text`, reported by its line.
    pub(crate) fn at(text: &str, offset: usize, message: impl Into<String>) -> Error {
        let offset = offset.min(text.len());
        let line = 1 + text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count();
        Error::line(line, message)
    }

    /// The line (1-based) of the problem, when it has one.
    pub fn line_number(&self) -> Option<usize> {
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
            Some(line) => write!(f, "line {line}: {}", self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
