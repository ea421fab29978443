//! Accepting connections, with limits on how long each may keep the
//! server waiting: a client that opens a connection and sends nothing, or
//! half a request, or stops reading its answer, is cut off, so that a
//! thousand of them cannot hold the server's sockets.

use crate::{router, AppState, Error};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::{TcpListener, TcpStream};

/// How long a connection may keep the server waiting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timeouts {
    /// From when the server waits for a request (on a new connection, or
    /// the next one on a kept-alive connection) until its headers have
    /// all arrived; so also how long an idle connection is kept.
    pub header_read: Duration,
    /// How long a request's body may take to arrive.
    pub body_read: Duration,
    /// How long an answer may wait on a client that does not read it.
    pub write_stall: Duration,
    /// How long a read of the store may take, from the request's arrival
    /// (waiting for a free connection included); past it the request is
    /// answered 503 with `Retry-After`.
    pub query: Duration,
}

impl Default for Timeouts {
    fn default() -> Timeouts {
        Timeouts {
            header_read: Duration::from_secs(15),
            body_read: Duration::from_secs(60),
            write_stall: Duration::from_secs(60),
            query: Duration::from_secs(5),
        }
    }
}

/// How long the server waits, once interrupted, for the requests under
/// way to finish.
const DRAIN: Duration = Duration::from_secs(5);

/// Serves `state` on `listener` until `shutdown` completes, with the
/// timeouts of `state`.
pub async fn serve_on(
    listener: TcpListener,
    state: Arc<AppState>,
    shutdown: impl Future<Output = ()>,
) -> Result<(), Error> {
    let timeouts = state.timeouts;
    let app = router(state);
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(timeouts.header_read).keep_alive(true);
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok((stream, _)) => stream,
                Err(e) => {
                    wait_after_accept_error(e).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        keep_alive(&stream);
        let io = TokioIo::new(JsonParseErrors::new(WriteDeadline::new(stream, timeouts.write_stall)));
        let connection = http.serve_connection(io, TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        // A connection that times out or breaks ends quietly: it is the
        // client's, and a log line each would let a client fill the log.
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(DRAIN) => {}
    }
    Ok(())
}

/// A connection reset before it was accepted is nothing; anything else
/// (out of file descriptors) is waited out, rather than retried at once
/// in a busy loop.
async fn wait_after_accept_error(e: io::Error) {
    use io::ErrorKind::{ConnectionAborted, ConnectionRefused, ConnectionReset};
    if matches!(e.kind(), ConnectionAborted | ConnectionRefused | ConnectionReset) {
        return;
    }
    eprintln!("dateline: accepting a connection: {e}");
    tokio::time::sleep(Duration::from_millis(100)).await;
}

/// TCP keepalive, so that a peer that vanished without closing (a laptop
/// shut mid-request) does not hold its connection forever.
fn keep_alive(stream: &TcpStream) {
    let keepalive = socket2::TcpKeepalive::new().with_time(Duration::from_secs(60));
    let _ = socket2::SockRef::from(stream).set_tcp_keepalive(&keepalive);
    let _ = stream.set_nodelay(true);
}

/// A stream whose writes fail when they have waited `limit` for the
/// client to take what was already sent.
struct WriteDeadline<S> {
    inner: S,
    limit: Duration,
    stalled: Option<Pin<Box<tokio::time::Sleep>>>,
}

impl<S> WriteDeadline<S> {
    fn new(inner: S, limit: Duration) -> WriteDeadline<S> {
        WriteDeadline { inner, limit, stalled: None }
    }

    /// Passes on a write's progress; a write still pending after `limit`
    /// is an error.
    fn watch<T>(&mut self, cx: &mut Context<'_>, poll: Poll<io::Result<T>>) -> Poll<io::Result<T>> {
        if poll.is_ready() {
            self.stalled = None;
            return poll;
        }
        let limit = self.limit;
        let stalled = self.stalled.get_or_insert_with(|| Box::pin(tokio::time::sleep(limit)));
        match stalled.as_mut().poll(cx) {
            Poll::Ready(()) => Poll::Ready(Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the client stopped reading the answer",
            ))),
            Poll::Pending => Poll::Pending,
        }
    }
}

impl<S: AsyncRead + Unpin> AsyncRead for WriteDeadline<S> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for WriteDeadline<S> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write(cx, buf);
        this.watch(cx, poll)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_write_vectored(cx, bufs);
        this.watch(cx, poll)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        let this = self.get_mut();
        let poll = Pin::new(&mut this.inner).poll_flush(cx);
        this.watch(cx, poll)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}

/// A stream on which hyper's own answers to a request it cannot parse (a
/// request line or URI too long for it, headers past its buffer, a
/// request that is not HTTP) go out as JSON `{error, status}`, as every
/// other error of the server does. hyper writes them itself, with an
/// empty body, before the application sees the request (a URI over 64 KB
/// is refused by hyper whatever its buffer): here the head it writes is
/// recognised and the whole answer written in its place.
struct JsonParseErrors<S> {
    inner: S,
    /// The answer written instead of hyper's, how much of it is written,
    /// and the length of hyper's, reported once all of it is.
    replacing: Option<(Vec<u8>, usize, usize)>,
}

impl<S> JsonParseErrors<S> {
    fn new(inner: S) -> JsonParseErrors<S> {
        JsonParseErrors { inner, replacing: None }
    }
}

impl<S: AsyncWrite + Unpin> JsonParseErrors<S> {
    /// Writes the replacement answer; ready with the length of hyper's
    /// once all of it is written.
    fn write_replacement(&mut self, cx: &mut Context<'_>) -> Poll<io::Result<usize>> {
        while let Some((answer, written, replaced)) = &mut self.replacing {
            if *written == answer.len() {
                let replaced = *replaced;
                self.replacing = None;
                return Poll::Ready(Ok(replaced));
            }
            match Pin::new(&mut self.inner).poll_write(cx, &answer[*written..]) {
                Poll::Ready(Ok(0)) => return Poll::Ready(Err(io::ErrorKind::WriteZero.into())),
                Poll::Ready(Ok(n)) => *written += n,
                Poll::Ready(Err(e)) => return Poll::Ready(Err(e)),
                Poll::Pending => return Poll::Pending,
            }
        }
        Poll::Ready(Ok(0))
    }
}

/// hyper's answer to a request it could not parse, made JSON; None when
/// `head` is anything else. Its answer is a whole head alone in one write,
/// status 400, 414 or 431, saying no body or an empty one, which no answer
/// of the application is (its errors carry a body).
fn json_parse_error(head: &[u8]) -> Option<Vec<u8>> {
    use axum::http::StatusCode;
    // Most writes are answers of the application: a glance tells them.
    if head.len() > 1024 || !head.starts_with(b"HTTP/1.1 4") {
        return None;
    }
    let text = std::str::from_utf8(head).ok()?;
    let lines = text.strip_suffix("\r\n\r\n")?;
    let (status, message) = match text.strip_prefix("HTTP/1.1 ")?.get(..3)? {
        "400" => (StatusCode::BAD_REQUEST, "the request is not HTTP/1.1 the server can read".to_string()),
        "414" => (
            StatusCode::URI_TOO_LONG,
            format!("the request URI is longer than {} bytes", crate::layers::MAX_URI_BYTES),
        ),
        "431" => {
            (StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE, "the request headers are too large".to_string())
        }
        _ => return None,
    };
    let mut kept = Vec::new();
    for line in lines.split("\r\n") {
        let lower = line.to_ascii_lowercase();
        if lower == "content-length: 0" {
            continue;
        }
        if lower.starts_with("content-") || lower.starts_with("transfer-encoding") {
            return None;
        }
        kept.push(line);
    }
    if !kept.iter().any(|line| line.eq_ignore_ascii_case("connection: close")) {
        kept.push("connection: close");
    }
    let body = serde_json::json!({ "error": message, "status": status.as_u16() }).to_string();
    let mut answer = kept.join("\r\n");
    answer.push_str(&format!(
        "\r\ncontent-type: application/json\r\ncontent-length: {}\r\ncache-control: no-store\r\n\
         x-content-type-options: nosniff\r\n\r\n{body}",
        body.len()
    ));
    Some(answer.into_bytes())
}

impl<S: AsyncRead + Unpin> AsyncRead for JsonParseErrors<S> {
    fn poll_read(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &mut ReadBuf<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_read(cx, buf)
    }
}

impl<S: AsyncWrite + Unpin> AsyncWrite for JsonParseErrors<S> {
    fn poll_write(self: Pin<&mut Self>, cx: &mut Context<'_>, buf: &[u8]) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.replacing.is_none() {
            match json_parse_error(buf) {
                Some(answer) => this.replacing = Some((answer, 0, buf.len())),
                None => return Pin::new(&mut this.inner).poll_write(cx, buf),
            }
        }
        this.write_replacement(cx)
    }

    fn poll_write_vectored(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<io::Result<usize>> {
        let this = self.get_mut();
        if this.replacing.is_none() {
            // hyper's answer is its head alone.
            let mut written = bufs.iter().filter(|b| !b.is_empty());
            let answer = match (written.next(), written.next()) {
                (Some(head), None) => json_parse_error(head),
                _ => None,
            };
            match answer {
                Some(answer) => {
                    let len = bufs.iter().map(|b| b.len()).sum();
                    this.replacing = Some((answer, 0, len));
                }
                None => return Pin::new(&mut this.inner).poll_write_vectored(cx, bufs),
            }
        }
        this.write_replacement(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_flush(cx)
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        Pin::new(&mut self.get_mut().inner).poll_shutdown(cx)
    }
}
