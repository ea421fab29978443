use std::fmt;

/// A document that could not be read: which input, which line, and why.
/// A value read on its own (a date given on the command line) has no
/// input or line: then `file()` is empty and only the reason is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    file: String,
    line: usize,
    message: String,
}

impl Error {
    pub(crate) fn new(file: &str, line: usize, message: impl Into<String>) -> Error {
        Error { file: file.to_string(), line, message: message.into() }
    }

    /// A problem with a value that does not come from an input.
    pub(crate) fn unplaced(message: impl Into<String>) -> Error {
        Error::new("", 0, message)
    }

    /// The input the document came from.
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The line (1-based) where the problem is.
    pub fn line(&self) -> usize {
        self.line
    }

    /// What is wrong, and what to do about it.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.file.is_empty() {
            return f.write_str(&self.message);
        }
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for Error {}
