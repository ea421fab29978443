use std::fmt;

/// A word or value of the shared vocabulary that could not be read: an
/// unknown status, entity kind, TIMEX3 type, modifier or value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    given: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorKind {
    Value,
    /// Not one of the names of a kind of thing (a status, an entity kind).
    Name {
        what: &'static str,
        names: &'static [&'static str],
    },
}

impl Error {
    pub(crate) fn value(given: &str) -> Error {
        Error { kind: ErrorKind::Value, given: given.to_string() }
    }

    pub(crate) fn unknown_name(what: &'static str, given: &str, names: &'static [&'static str]) -> Error {
        Error { kind: ErrorKind::Name { what, names }, given: given.to_string() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let given = &self.given;
        match self.kind {
            ErrorKind::Value => write!(f, "{given:?} is not a TIMEX3 value dateline reads"),
            ErrorKind::Name { what, names } => {
                write!(f, "{given:?} is not {what}: use one of {}", names.join(", "))
            }
        }
    }
}

impl std::error::Error for Error {}
