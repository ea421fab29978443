//! Who may ask: the host a request names, the origin it comes from and
//! the token it carries.
//!
//! A page on another site can make a browser send requests to a server on
//! loopback, and DNS rebinding can make it read the answers. The Host
//! check stops rebinding (the browser names the attacker's host), the
//! Origin check stops cross-site writes, and the token, when set, travels
//! only in a header or in a cookie the browser keeps to this site.

use crate::{error, AppState, Error};
use axum::body::Body;
use axum::extract::State;
use axum::http::{header, HeaderMap, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The fewest characters a token may have.
pub const MIN_TOKEN_CHARS: usize = 16;

/// A secret every request must carry: at least [`MIN_TOKEN_CHARS`]
/// characters of visible ASCII (it travels in an HTTP header).
///
/// ```
/// use dateline_server::Token;
///
/// assert!(Token::new("3f9c2a7e41b08d65").is_ok());
/// assert!(Token::new("").is_err());
/// assert!(Token::new("too short").is_err());
/// assert!(Token::new("a space in sixteen").is_err());
/// ```
#[derive(Clone)]
pub struct Token {
    secret: String,
    /// The token as the page's cookie holds it (hex: any byte of a token
    /// is then a valid cookie value).
    cookie: String,
}

impl Token {
    /// Checks a token; the error says what a usable one looks like.
    pub fn new(secret: &str) -> Result<Token, Error> {
        let chars = secret.chars().count();
        let problem = if secret.is_empty() {
            Some("the token is empty".to_string())
        } else if let Some(c) = secret.chars().find(|c| !c.is_ascii_graphic()) {
            Some(format!("the token holds {c:?}, which cannot travel in an HTTP header"))
        } else if chars < MIN_TOKEN_CHARS {
            Some(format!("the token is {chars} characters long, fewer than {MIN_TOKEN_CHARS}"))
        } else {
            None
        };
        match problem {
            Some(problem) => Err(Error::bad_token(problem)),
            None => Ok(Token { secret: secret.to_string(), cookie: hex(secret.as_bytes()) }),
        }
    }

    fn matches(&self, given: &str) -> bool {
        constant_time_eq(given.as_bytes(), self.secret.as_bytes())
    }

    fn matches_cookie(&self, given: &str) -> bool {
        constant_time_eq(given.as_bytes(), self.cookie.as_bytes())
    }
}

/// The secret stays out of logs and panic messages.
impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(..)")
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `given` equals `secret`, in a time that depends only on the
/// length of `given`: every byte is compared, whatever the first
/// difference, so the time taken does not say how much of a guess was
/// right.
fn constant_time_eq(given: &[u8], secret: &[u8]) -> bool {
    if secret.is_empty() {
        return given.is_empty();
    }
    let mut difference = u8::from(given.len() != secret.len());
    for (i, byte) in given.iter().enumerate() {
        difference |= byte ^ secret[i % secret.len()];
    }
    std::hint::black_box(difference) == 0
}

/// A host name a request may name, with its port, or with any port.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Allowed {
    /// Lower case; an IPv6 address in brackets.
    name: String,
    port: Option<u16>,
}

/// Who the server answers: the hosts a request may name (those of the
/// address it listens on, and any named with `--allowed-host`) and the
/// token, if one is set.
#[derive(Clone, Debug)]
pub struct Access {
    hosts: Vec<Allowed>,
    token: Option<Token>,
    /// Per port, so that two servers on one machine keep their own.
    cookie_name: String,
}

impl Access {
    /// The rules for a server listening on `addr`. Off loopback it needs
    /// a token; on every address (`0.0.0.0`, `[::]`) it needs the names
    /// clients will use, in `allowed_hosts` (`NAME` for any port, or
    /// `NAME:PORT`).
    ///
    /// ```
    /// use dateline_server::{Access, Token};
    ///
    /// let loopback = "127.0.0.1:8080".parse().unwrap();
    /// assert!(Access::new(loopback, None, &[]).is_ok());
    /// let everywhere = "0.0.0.0:8080".parse().unwrap();
    /// assert!(Access::new(everywhere, None, &[]).is_err(), "needs a token");
    /// let token = Token::new("3f9c2a7e41b08d65").unwrap();
    /// assert!(Access::new(everywhere, Some(token.clone()), &[]).is_err(), "needs a name");
    /// assert!(Access::new(everywhere, Some(token), &["news.example.org".into()]).is_ok());
    /// ```
    pub fn new(addr: SocketAddr, token: Option<Token>, allowed_hosts: &[String]) -> Result<Access, Error> {
        let ip = addr.ip();
        if !ip.is_loopback() && token.is_none() {
            return Err(Error::needs_token(addr));
        }
        if ip.is_unspecified() && allowed_hosts.is_empty() {
            return Err(Error::needs_allowed_host(addr));
        }
        let port = Some(addr.port());
        let mut hosts = Vec::new();
        if ip.is_loopback() || ip.is_unspecified() {
            for name in ["localhost", "127.0.0.1", "[::1]"] {
                hosts.push(Allowed { name: name.to_string(), port });
            }
        } else {
            let name = match ip {
                IpAddr::V4(v4) => v4.to_string(),
                IpAddr::V6(v6) => format!("[{v6}]"),
            };
            hosts.push(Allowed { name, port });
        }
        for given in allowed_hosts {
            let allowed = allowed_host(given).ok_or_else(|| Error::bad_allowed_host(given))?;
            hosts.push(allowed);
        }
        Ok(Access { hosts, token, cookie_name: format!("dateline_token_{}", addr.port()) })
    }

    /// The names a request may use, for messages.
    fn host_list(&self) -> String {
        let names: Vec<String> = self
            .hosts
            .iter()
            .map(|h| match h.port {
                Some(port) => format!("{}:{port}", h.name),
                None => h.name.clone(),
            })
            .collect();
        names.join(", ")
    }

    fn allows(&self, host: &Authority) -> bool {
        let port = host.port.unwrap_or(80);
        self.hosts.iter().any(|h| h.name == host.name && h.port.is_none_or(|p| p == port))
    }

    /// The page's cookie: HttpOnly (no script reads it), SameSite=Strict
    /// (no other site's request carries it).
    fn cookie(&self, token: &Token) -> HeaderValue {
        let cookie = format!("{}={}; HttpOnly; SameSite=Strict; Path=/", self.cookie_name, token.cookie);
        HeaderValue::from_str(&cookie).unwrap_or_else(|_| HeaderValue::from_static(""))
    }

    fn cookie_matches(&self, token: &Token, headers: &HeaderMap) -> bool {
        headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .any(|(name, value)| name == self.cookie_name && token.matches_cookie(value))
    }
}

/// `--allowed-host NAME` or `NAME:PORT`, or None when it is not a host.
fn allowed_host(given: &str) -> Option<Allowed> {
    let given = given.trim();
    // A bare IPv6 address has colons but no brackets.
    if let Ok(IpAddr::V6(v6)) = given.parse::<IpAddr>() {
        return Some(Allowed { name: format!("[{v6}]"), port: None });
    }
    let authority = Authority::parse(given)?;
    Some(Allowed { name: authority.name, port: authority.port })
}

/// A host and an optional port, as in a Host header.
#[derive(Debug, PartialEq, Eq)]
struct Authority {
    /// Lower case; an IPv6 address in brackets.
    name: String,
    port: Option<u16>,
}

impl Authority {
    fn parse(text: &str) -> Option<Authority> {
        let (name, port) = if text.starts_with('[') {
            let end = text.find(']')?;
            let (name, rest) = text.split_at(end + 1);
            name[1..end].parse::<std::net::Ipv6Addr>().ok()?;
            match rest {
                "" => (name, None),
                _ => (name, Some(rest.strip_prefix(':')?)),
            }
        } else {
            match text.split_once(':') {
                Some((name, port)) => (name, Some(port)),
                None => (text, None),
            }
        };
        let valid_name = !name.is_empty()
            && (name.starts_with('[')
                || name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b'_'));
        if !valid_name {
            return None;
        }
        let port = match port {
            Some(port) => Some(port.parse::<u16>().ok()?),
            None => None,
        };
        Some(Authority { name: name.to_ascii_lowercase(), port })
    }
}

/// Whether an `Origin` header names the same host and port as the Host
/// header (over http, or https in front of a proxy).
fn same_origin(origin: &str, host: &Authority) -> bool {
    let lower = origin.to_ascii_lowercase();
    let (rest, default_port) = if let Some(rest) = lower.strip_prefix("http://") {
        (rest, 80)
    } else if let Some(rest) = lower.strip_prefix("https://") {
        (rest, 443)
    } else {
        return false;
    };
    Authority::parse(rest).is_some_and(|origin| {
        origin.name == host.name && origin.port.unwrap_or(default_port) == host.port.unwrap_or(default_port)
    })
}

/// Refuses a request that names a host this server is not, comes from
/// another origin, or lacks the token when one is set; lets the page in
/// once by `/?token=TOKEN`, which it trades for a cookie.
pub(crate) async fn guard(
    State(state): State<Arc<AppState>>,
    request: Request<Body>,
    next: Next,
) -> Response {
    let access = &state.access;
    if request.headers().get_all(header::HOST).iter().count() > 1 {
        return error(StatusCode::BAD_REQUEST, "the request has more than one Host header");
    }
    let named = request
        .headers()
        .get(header::HOST)
        .map(|v| v.to_str().ok())
        .or_else(|| request.uri().authority().map(|a| Some(a.as_str())));
    let host = match named {
        None => return error(StatusCode::BAD_REQUEST, "the request names no host: send a Host header"),
        Some(named) => match named.and_then(Authority::parse) {
            Some(host) => host,
            None => {
                return error(
                    StatusCode::BAD_REQUEST,
                    "the Host header is not a host name with an optional port",
                )
            }
        },
    };
    if !access.allows(&host) {
        let shown = request.headers().get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or(&host.name);
        return error(
            StatusCode::MISDIRECTED_REQUEST,
            format!(
                "this server does not answer to the host `{shown}`: it answers to {}; \
                 to serve another name, start it with --allowed-host NAME",
                access.host_list()
            ),
        );
    }
    if let Some(origin) = request.headers().get(header::ORIGIN) {
        let origin = origin.to_str().unwrap_or("");
        if !same_origin(origin, &host) {
            return error(
                StatusCode::FORBIDDEN,
                format!("requests from other sites are refused: the Origin `{origin}` is not this server"),
            );
        }
    }
    let Some(token) = &access.token else {
        return next.run(request).await;
    };
    if request.uri().path() == "/" {
        if let Some(given) = query_token(request.uri().query()) {
            return let_the_page_in(access, token, &given, request.uri().query().unwrap_or(""));
        }
    }
    let bearer = request
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().split_once(' '))
        .filter(|(scheme, _)| scheme.eq_ignore_ascii_case("bearer"))
        .is_some_and(|(_, given)| token.matches(given.trim()));
    if bearer || access.cookie_matches(token, request.headers()) {
        return next.run(request).await;
    }
    let message = if query_token(request.uri().query()).is_some() {
        "tokens are not accepted in URLs (they end up in logs and histories): send \
         `Authorization: Bearer TOKEN`; only the page takes `/?token=TOKEN`, once, to set its cookie"
    } else {
        "this server needs a token: send `Authorization: Bearer TOKEN`, \
         or open the page once as /?token=TOKEN"
    };
    unauthorized(message)
}

fn unauthorized(message: &str) -> Response {
    let mut response = error(StatusCode::UNAUTHORIZED, message);
    response.headers_mut().insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    response
}

/// The `token` parameter of a query, percent-decoded.
fn query_token(query: Option<&str>) -> Option<String> {
    query?
        .split('&')
        .find_map(|pair| pair.strip_prefix("token="))
        .map(|value| crate::layers::percent_decode(value).unwrap_or_default())
}

/// The page's way in: a right token becomes a cookie, and the browser is
/// sent to the same address without it, so that it stays out of the
/// history and of what the page's own requests send.
fn let_the_page_in(access: &Access, token: &Token, given: &str, query: &str) -> Response {
    if !token.matches(given) {
        return unauthorized("the token in the address is not this server's");
    }
    let rest: Vec<&str> =
        query.split('&').filter(|pair| !pair.starts_with("token=") && *pair != "token").collect();
    let location = if rest.iter().all(|pair| pair.is_empty()) {
        "/".to_string()
    } else {
        format!("/?{}", rest.join("&"))
    };
    let mut response = (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response();
    response.headers_mut().insert(header::SET_COOKIE, access.cookie(token));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_only_when_every_byte_is() {
        let secret = b"0123456789abcdef";
        assert!(constant_time_eq(secret, secret));
        assert!(!constant_time_eq(b"0123456789abcdeF", secret));
        assert!(!constant_time_eq(b"0123456789abcde", secret), "a prefix");
        assert!(!constant_time_eq(b"0123456789abcdef0", secret), "longer");
        assert!(!constant_time_eq(b"0123456789abcdef0123456789abcdef", secret), "repeated");
        assert!(!constant_time_eq(b"", secret));
    }

    #[test]
    fn host_headers_are_read_as_name_and_port() {
        let parse = |s: &str| Authority::parse(s).map(|a| (a.name, a.port));
        assert_eq!(parse("LocalHost:8080"), Some(("localhost".into(), Some(8080))));
        assert_eq!(parse("127.0.0.1"), Some(("127.0.0.1".into(), None)));
        assert_eq!(parse("[::1]:8080"), Some(("[::1]".into(), Some(8080))));
        for bad in ["", ":8080", "evil.com:80:80", "a b", "[::1", "[nope]:80", "host:port", "x:99999", "a/b"]
        {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn origins_match_the_host_they_name() {
        let host = Authority::parse("localhost:8080").unwrap();
        assert!(same_origin("http://localhost:8080", &host));
        assert!(same_origin("HTTP://LOCALHOST:8080", &host));
        for other in
            ["http://localhost:8081", "http://evil.com:8080", "null", "", "localhost:8080", "file://"]
        {
            assert!(!same_origin(other, &host), "{other}");
        }
        let proxied = Authority::parse("news.example.org").unwrap();
        assert!(same_origin("https://news.example.org", &proxied));
        assert!(same_origin("http://news.example.org", &proxied));
        assert!(!same_origin("https://news.example.org:8443", &proxied));
    }

    #[test]
    fn allowed_hosts_take_a_name_with_or_without_a_port() {
        assert_eq!(
            allowed_host("News.Example.org"),
            Some(Allowed { name: "news.example.org".into(), port: None })
        );
        assert_eq!(
            allowed_host("example.org:8443"),
            Some(Allowed { name: "example.org".into(), port: Some(8443) })
        );
        assert_eq!(allowed_host("2001:db8::1"), Some(Allowed { name: "[2001:db8::1]".into(), port: None }));
        assert_eq!(allowed_host("http://example.org"), None);
        assert_eq!(allowed_host(""), None);
    }

    #[test]
    fn tokens_too_short_or_unprintable_are_refused_with_the_reason() {
        let reason = |s: &str| Token::new(s).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(reason("").contains("empty"));
        assert!(reason("short").contains("5 characters"));
        assert!(reason("sixteen chars ok").contains("' '"));
        assert!(reason("ünïcödé-töken-0123").contains("HTTP header"));
        assert!(Token::new("0123456789abcdef").is_ok());
        assert_eq!(format!("{:?}", Token::new("0123456789abcdef").unwrap()), "Token(..)");
    }
}
