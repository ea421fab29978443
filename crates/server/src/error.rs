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
    /// Listening on every address, the server does not know its own
    /// names, and none were given.
    NeedsAllowedHost(SocketAddr),
    /// The token is not one a request can carry, or too easy to guess.
    BadToken(String),
    /// An `--allowed-host` that is not a host name.
    BadAllowedHost(String),
    /// The store file is not there.
    NoStore(PathBuf),
    /// The store would not open.
    Store(dateline_store::Error),
    /// The address could not be bound.
    Bind(SocketAddr, std::io::Error),
}

impl Error {
    pub(crate) fn needs_token(addr: SocketAddr) -> Error {
        Error { kind: ErrorKind::NeedsToken(addr) }
    }

    pub(crate) fn needs_allowed_host(addr: SocketAddr) -> Error {
        Error { kind: ErrorKind::NeedsAllowedHost(addr) }
    }

    pub(crate) fn bad_token(problem: String) -> Error {
        Error { kind: ErrorKind::BadToken(problem) }
    }

    pub(crate) fn bad_allowed_host(given: &str) -> Error {
        Error { kind: ErrorKind::BadAllowedHost(given.to_string()) }
    }

    pub(crate) fn no_store(path: PathBuf) -> Error {
        Error { kind: ErrorKind::NoStore(path) }
    }

    pub(crate) fn bind(addr: SocketAddr, cause: std::io::Error) -> Error {
        Error { kind: ErrorKind::Bind(addr, cause) }
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
                "refusing to listen on {addr} without a token: off loopback every request must carry one \
                 (give it with --token-file PATH or the environment variable DATELINE_TOKEN)"
            ),
            ErrorKind::NeedsAllowedHost(addr) => write!(
                f,
                "listening on {addr}, the server answers only requests that name it: give each host \
                 name or address clients will use with --allowed-host NAME (e.g. --allowed-host 192.0.2.7)"
            ),
            ErrorKind::BadToken(problem) => write!(
                f,
                "{problem}: a token needs at least {} characters of letters, digits and punctuation, \
                 no spaces (make one with `openssl rand -hex 32`)",
                crate::MIN_TOKEN_CHARS
            ),
            ErrorKind::BadAllowedHost(given) => write!(
                f,
                "--allowed-host `{given}` is not a host: give a name or an IP address, with an optional \
                 :PORT (e.g. news.example.org or news.example.org:8443), without http:// or a path"
            ),
            ErrorKind::NoStore(path) => write!(
                f,
                "{}: no such store (create it with `dateline ingest --db {} FILES`)",
                path.display(),
                path.display()
            ),
            ErrorKind::Store(_) => f.write_str("opening the store"),
            ErrorKind::Bind(addr, _) => write!(f, "listening on {addr}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Store(e) => Some(e),
            ErrorKind::Bind(_, e) => Some(e),
            ErrorKind::NeedsToken(_)
            | ErrorKind::NeedsAllowedHost(_)
            | ErrorKind::BadToken(_)
            | ErrorKind::BadAllowedHost(_)
            | ErrorKind::NoStore(_) => None,
        }
    }
}
