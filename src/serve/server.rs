//! The preview's HTTP/1.1 server: one thread per connection, so that no
//! request ever waits for another connection to close. (tiny_http, used
//! before, hands connections to a pool that could queue a new connection
//! behind idle keep-alive ones: a reloaded page then waited forever for
//! its stylesheet or the live-reload script. The test
//! `a_burst_of_keep_alive_connections_is_answered` shows the case.)
//!
//! The request head is parsed by `httparse`. Only what a browser preview
//! needs: GET and HEAD without a body, keep-alive, and a reply that takes
//! over the connection for a Server-Sent Events stream.

use std::io::{self, BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream, ToSocketAddrs};
use std::sync::Arc;
use std::time::Duration;

/// A connection that sends nothing for this long is closed.
const IDLE: Duration = Duration::from_secs(60);
/// The longest request head accepted (request line and headers).
const HEAD_MAX: usize = 64 * 1024;
/// The most headers a request may carry.
const HEADERS_MAX: usize = 64;

/// A request's method, target and headers.
#[derive(Debug, Clone)]
pub struct Request {
    pub method: String,
    /// Path and query, as sent.
    pub url: String,
    headers: Vec<(String, String)>,
    /// HTTP/1.1 (else 1.0).
    http11: bool,
}

impl Request {
    /// The first header named `name` (any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn is_head(&self) -> bool {
        self.method == "HEAD"
    }

    /// Whether the client wants the connection kept open after the answer.
    fn keep_alive(&self) -> bool {
        let connection = self.header("Connection").unwrap_or("").to_ascii_lowercase();
        if self.http11 {
            !connection.contains("close")
        } else {
            connection.contains("keep-alive")
        }
    }

    /// Whether a body follows the head (no GET or HEAD of a browser has one).
    fn has_body(&self) -> bool {
        self.header("Transfer-Encoding").is_some()
            || self
                .header("Content-Length")
                .is_some_and(|n| n.trim() != "0")
    }
}

/// A whole answer: status, headers and body (`Content-Length` and
/// `Connection` are added when it is written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Response {
    pub fn new(status: u16, body: Vec<u8>) -> Response {
        Response {
            status,
            headers: Vec::new(),
            body,
        }
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Response {
        self.headers.push((name.to_string(), value.to_string()));
        self
    }
}

/// A handler's reply: a whole response, or a function that takes over
/// the connection (and writes the response head itself) until it returns.
pub enum Reply {
    Whole(Response),
    Stream(Box<dyn FnOnce(&mut TcpStream) + Send>),
}

/// What answers requests; called on the connection's thread.
pub type Handler = dyn Fn(&Request) -> Reply + Send + Sync;

/// A listening socket.
pub struct Server {
    listener: TcpListener,
}

impl Server {
    pub fn bind(address: impl ToSocketAddrs) -> io::Result<Server> {
        Ok(Server {
            listener: TcpListener::bind(address)?,
        })
    }

    pub fn port(&self) -> u16 {
        self.listener.local_addr().map_or(0, |a| a.port())
    }

    /// Answers connections with `handler` until the process ends.
    pub fn run(self, handler: Arc<Handler>) {
        for stream in self.listener.incoming() {
            let Ok(stream) = stream else { continue };
            let handler = handler.clone();
            std::thread::spawn(move || {
                let _ = connection(stream, &*handler);
            });
        }
    }

    /// Runs the server on its own thread (tests, and local helpers).
    pub fn spawn(self, handler: Arc<Handler>) -> u16 {
        let port = self.port();
        std::thread::spawn(move || self.run(handler));
        port
    }
}

/// Answers the requests of one connection, one after the other.
fn connection(stream: TcpStream, handler: &Handler) -> io::Result<()> {
    stream.set_read_timeout(Some(IDLE))?;
    stream.set_nodelay(true)?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut writer = stream;
    loop {
        let request = match read_request(&mut reader)? {
            None => return Ok(()),
            Some(Ok(request)) => request,
            Some(Err(status)) => {
                let refused = Response::new(status, reason(status).as_bytes().to_vec());
                return write_response(&mut writer, &refused, false, false);
            }
        };
        // A body is not read, so the connection cannot carry another request.
        let keep = request.keep_alive() && !request.has_body();
        match handler(&request) {
            Reply::Whole(response) => {
                write_response(&mut writer, &response, request.is_head(), keep)?;
                if !keep {
                    return Ok(());
                }
            }
            Reply::Stream(stream) => {
                stream(&mut writer);
                return Ok(());
            }
        }
    }
}

/// The next request on the connection: `None` when the client closed it
/// (or went quiet), an error status for a head that cannot be used.
fn read_request(reader: &mut impl BufRead) -> io::Result<Option<Result<Request, u16>>> {
    let mut head = Vec::new();
    loop {
        let before = head.len();
        let room = (HEAD_MAX + 1).saturating_sub(before) as u64;
        match reader.by_ref().take(room).read_until(b'\n', &mut head) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(e) if is_gone(&e) => return Ok(None),
            Err(e) => return Err(e),
        }
        let line = &head[before..];
        let blank = line == b"\r\n" || line == b"\n";
        if blank && before == 0 {
            // Empty lines before a request are allowed (RFC 9112, 2.2).
            head.clear();
            continue;
        }
        if blank {
            break;
        }
        if head.len() > HEAD_MAX {
            return Ok(Some(Err(431)));
        }
    }
    Ok(Some(parse(&head)))
}

/// The client closed the connection or sent nothing for `IDLE`.
fn is_gone(e: &io::Error) -> bool {
    use io::ErrorKind::*;
    matches!(
        e.kind(),
        WouldBlock | TimedOut | ConnectionReset | ConnectionAborted | UnexpectedEof
    )
}

/// Parses a complete request head.
fn parse(head: &[u8]) -> Result<Request, u16> {
    let mut headers = [httparse::EMPTY_HEADER; HEADERS_MAX];
    let mut parsed = httparse::Request::new(&mut headers);
    match parsed.parse(head) {
        Ok(httparse::Status::Complete(_)) => {}
        Err(httparse::Error::TooManyHeaders) => return Err(431),
        _ => return Err(400),
    }
    let (Some(method), Some(url), Some(version)) = (parsed.method, parsed.path, parsed.version)
    else {
        return Err(400);
    };
    let headers = parsed
        .headers
        .iter()
        .map(|h| {
            let value = String::from_utf8_lossy(h.value).into_owned();
            (h.name.to_string(), value)
        })
        .collect();
    Ok(Request {
        method: method.to_string(),
        url: url.to_string(),
        headers,
        http11: version == 1,
    })
}

/// Writes `response` (its body unless `head_only`).
fn write_response(
    out: &mut impl Write,
    response: &Response,
    head_only: bool,
    keep: bool,
) -> io::Result<()> {
    let status = response.status;
    let mut bytes = format!("HTTP/1.1 {status} {}\r\n", reason(status)).into_bytes();
    for (name, value) in &response.headers {
        bytes.extend_from_slice(format!("{name}: {value}\r\n").as_bytes());
    }
    let bodiless = status == 304 || status == 204 || status < 200;
    if !bodiless {
        bytes.extend_from_slice(format!("Content-Length: {}\r\n", response.body.len()).as_bytes());
    }
    let connection = if keep { "keep-alive" } else { "close" };
    bytes.extend_from_slice(format!("Connection: {connection}\r\n\r\n").as_bytes());
    if !head_only && !bodiless {
        bytes.extend_from_slice(&response.body);
    }
    out.write_all(&bytes)?;
    out.flush()
}

/// The reason phrase of a status this server sends.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        308 => "Permanent Redirect",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Status",
    }
}

#[cfg(test)]
mod tests;
