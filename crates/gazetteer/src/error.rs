use std::fmt;
use std::path::{Path, PathBuf};

/// A gazetteer that could not be built: which GeoNames file, which line
/// when the file's parser says, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    file: Option<PathBuf>,
    line: Option<usize>,
    message: String,
}

impl Error {
    pub(crate) fn in_file(file: &Path, message: impl Into<String>) -> Error {
        Error { file: Some(file.to_path_buf()), line: None, message: message.into() }
    }

    pub(crate) fn gzip(message: impl Into<String>) -> Error {
        Error { file: None, line: None, message: format!("gzip: {}", message.into()) }
    }

    /// The same error, known to lie on a line (1-based) of its file.
    pub(crate) fn at_line(self, line: usize) -> Error {
        Error { line: (line > 0).then_some(line), ..self }
    }

    /// The GeoNames file at fault, when one is.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The line (1-based) of that file where the problem is, when known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// What is wrong.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    // The message of a JSON file already says where (serde_json's "at line
    // 3 column 7"), so the line is not repeated.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.file {
            Some(file) => write!(f, "{}: {}", file.display(), self.message),
            None => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for Error {}
