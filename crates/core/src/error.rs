use std::fmt;

/// A word or value of the shared vocabulary that could not be read: an
/// unknown status, entity kind or TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
    given: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ErrorKind {
    Value,
    Status,
    EntityKind,
}

impl Error {
    pub(crate) fn value(given: &str) -> Error {
        Error { kind: ErrorKind::Value, given: given.to_string() }
    }

    pub(crate) fn status(given: &str) -> Error {
        Error { kind: ErrorKind::Status, given: given.to_string() }
    }

    pub(crate) fn entity_kind(given: &str) -> Error {
        Error { kind: ErrorKind::EntityKind, given: given.to_string() }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let given = &self.given;
        match self.kind {
            ErrorKind::Value => write!(f, "{given:?} is not a TIMEX3 value dateline reads"),
            ErrorKind::Status => {
                let all: Vec<&str> = crate::Status::ALL.iter().map(|s| s.as_str()).collect();
                write!(f, "{given:?} is not a status: use one of {}", all.join(", "))
            }
            ErrorKind::EntityKind => {
                write!(f, "{given:?} is not an entity kind: use place, person or organization")
            }
        }
    }
}

impl std::error::Error for Error {}
