use std::fmt;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Why the server could not start or stopped.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug)]
enum ErrorKind {
    /// Off loopback every request must carry a token, and none was given.
    NeedsToken(SocketAddr),
    /// The store file is not there.
    NoStore(PathBuf),
    /// The store would not open.
    Store(dateline_store::Error),
    /// The address could not be bound.
    Bind(SocketAddr, std::io::Error),
    /// Serving failed.
    Serve(std::io::Error),
}

impl Error {
    pub(crate) fn needs_token(addr: SocketAddr) -> Error {
        Error { kind: ErrorKind::NeedsToken(addr) }
    }

    pub(crate) fn no_store(path: PathBuf) -> Error {
        Error { kind: ErrorKind::NoStore(path) }
    }

    pub(crate) fn bind(addr: SocketAddr, cause: std::io::Error) -> Error {
        Error { kind: ErrorKind::Bind(addr, cause) }
    }

    pub(crate) fn serve(cause: std::io::Error) -> Error {
        Error { kind: ErrorKind::Serve(cause) }
    }
}

impl From<dateline_store::Error> for Error {
    fn from(e: dateline_store::Error) -> Error {
        Error { kind: ErrorKind::Store(e) }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::NeedsToken(addr) => write!(
                f,
                "refusing to listen on {addr} without --token: off loopback every request must carry a token"
            ),
            ErrorKind::NoStore(path) => write!(
                f,
                "{}: no such store (create it with `dateline ingest --db {} FILES`)",
                path.display(),
                path.display()
            ),
            ErrorKind::Store(_) => f.write_str("opening the store"),
            ErrorKind::Bind(addr, _) => write!(f, "listening on {addr}"),
            ErrorKind::Serve(_) => f.write_str("serving"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Store(e) => Some(e),
            ErrorKind::Bind(_, e) | ErrorKind::Serve(e) => Some(e),
            ErrorKind::NeedsToken(_) | ErrorKind::NoStore(_) => None,
        }
    }
}
