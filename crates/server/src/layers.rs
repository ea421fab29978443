//! What every request and every answer goes through: limits on the
//! request line and headers, JSON for every error, and the headers that
//! keep the page and the API's answers to themselves.

use crate::error;
use axum::body::Body;
use axum::http::{header, HeaderValue, Request, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// The longest request URI accepted.
pub(crate) const MAX_URI_BYTES: usize = 8 * 1024;

/// The most bytes of request headers accepted (names and values). Past
/// hyper's own limit (far larger) hyper answers 431 itself, without a body.
pub(crate) const MAX_HEADER_BYTES: usize = 16 * 1024;

/// Refuses a request whose URI or headers are too long, or whose path or
/// query is not percent-encoded UTF-8, before any route reads it.
pub(crate) async fn check_request(request: Request<Body>, next: Next) -> Response {
    let uri = request.uri();
    if uri.to_string().len() > MAX_URI_BYTES {
        return error(
            StatusCode::URI_TOO_LONG,
            format!("the request URI is longer than {MAX_URI_BYTES} bytes"),
        );
    }
    let header_bytes: usize = request.headers().iter().map(|(k, v)| k.as_str().len() + v.len() + 4).sum();
    if header_bytes > MAX_HEADER_BYTES {
        return error(
            StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            format!("the request headers take {header_bytes} bytes, more than {MAX_HEADER_BYTES}"),
        );
    }
    for (part, text) in [("path", Some(uri.path())), ("query", uri.query())] {
        if let Some(Err(at)) = text.map(percent_decode) {
            return error(
                StatusCode::BAD_REQUEST,
                format!(
                    "the {part} is not percent-encoded UTF-8 (at byte {at}): write `%` as %25 \
                     and other characters as the %XX bytes of their UTF-8"
                ),
            );
        }
    }
    next.run(request).await
}

/// `text` with its `%XX` escapes decoded, or the byte offset where it
/// stops being percent-encoded UTF-8: a `%` without two hex digits, or
/// bytes that are not UTF-8.
pub(crate) fn percent_decode(text: &str) -> Result<String, usize> {
    let bytes = text.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            let byte = hex.and_then(|h| u8::from_str_radix(h, 16).ok()).ok_or(i)?;
            decoded.push(byte);
            i += 3;
        } else {
            decoded.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(decoded).map_err(|e| {
        // The offset in the decoded bytes, mapped back to the text.
        let bad = e.utf8_error().valid_up_to();
        let mut seen = 0;
        let mut i = 0;
        while i < bytes.len() && seen < bad {
            i += if bytes[i] == b'%' { 3 } else { 1 };
            seen += 1;
        }
        i
    })
}

/// Every error is JSON `{error, status}`: the answers axum gives itself
/// (405, a path parameter it cannot read) come as plain text or nothing,
/// and are rewritten here, keeping their headers (such as `Allow`).
pub(crate) async fn json_errors(request: Request<Body>, next: Next) -> Response {
    let method = request.method().clone();
    let path = request.uri().path().to_string();
    let response = next.run(request).await;
    let status = response.status();
    let is_json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if !(status.is_client_error() || status.is_server_error()) || is_json {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let text = axum::body::to_bytes(body, 16 * 1024).await.unwrap_or_default();
    let text = String::from_utf8_lossy(&text);
    let message = if status == StatusCode::METHOD_NOT_ALLOWED {
        // axum sets `Allow` only on routes without layers.
        let allowed = crate::allowed_methods(&path);
        parts.headers.entry(header::ALLOW).or_insert(HeaderValue::from_static(allowed));
        format!("{path} does not answer to {method} (it answers to {allowed}): see /openapi.json")
    } else if !text.trim().is_empty() {
        text.trim().to_string()
    } else {
        status.canonical_reason().unwrap_or("the request failed").to_string()
    };
    let mut json = error(status, message);
    for (name, value) in &parts.headers {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            json.headers_mut().append(name, value.clone());
        }
    }
    json
}

/// The page may load only its own scripts, styles and data; an answer
/// that does not say how to cache itself (the API's) is not stored.
pub(crate) async fn security_headers(request: Request<Body>, next: Next) -> Response {
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    headers.entry(header::CACHE_CONTROL).or_insert(HeaderValue::from_static("no-store"));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_decoding_is_strict() {
        assert_eq!(percent_decode("a%20b+c"), Ok("a b+c".into()));
        assert_eq!(percent_decode("Bak%C4%B1"), Ok("Bakı".into()));
        assert_eq!(percent_decode("caf\u{e9}"), Ok("café".into()));
        assert_eq!(percent_decode("100%"), Err(3));
        assert_eq!(percent_decode("a%zzb"), Err(1));
        assert_eq!(percent_decode("a%4"), Err(1));
        assert_eq!(percent_decode("ok%FF"), Err(2), "not UTF-8");
        assert_eq!(percent_decode("%C4%B1%C4"), Err(6), "a sequence cut short");
    }
}
