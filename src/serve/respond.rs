//! Answering the preview's requests: files of the in-memory site (with
//! the live-reload script in HTML), the reload script itself, and the
//! Server-Sent Events stream that tells a tab what changed.

use super::http::{self, Answer};
use super::State;
use std::io::Write;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

/// Answers one request.
pub(super) fn handle(request: tiny_http::Request, state: &State) {
    use tiny_http::{Header, Method, Response};
    let header =
        |name: &str, value: &str| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok();
    if !matches!(request.method(), Method::Get | Method::Head) {
        let response = Response::from_string("only GET and HEAD\n").with_status_code(405);
        let _ = request
            .respond(response.with_header(header("Allow", "GET, HEAD").expect("static header")));
        return;
    }
    let if_none_match = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("If-None-Match"))
        .map(|h| h.value.as_str().to_string());
    let files = state.files();
    let answer = http::route(&files, request.url(), if_none_match.as_deref());
    let respond =
        |request: tiny_http::Request, status: u16, bytes: Vec<u8>, headers: Vec<Option<Header>>| {
            let mut response = Response::from_data(bytes).with_status_code(status);
            for h in headers.into_iter().flatten() {
                response.add_header(h);
            }
            let _ = request.respond(response);
        };
    match answer {
        Answer::File(path, status) => {
            let Some(file) = files.get(&path) else {
                return respond(request, 404, Vec::new(), Vec::new());
            };
            let kind = http::content_type(&path);
            let bytes = if kind.starts_with("text/html") {
                http::with_reload_script(&file.bytes)
            } else {
                file.bytes.to_vec()
            };
            let headers = vec![
                header("Content-Type", kind),
                header("ETag", &file.etag),
                header("Cache-Control", "no-cache"),
            ];
            respond(request, status, bytes, headers);
        }
        Answer::NotModified => respond(
            request,
            304,
            Vec::new(),
            vec![header("Cache-Control", "no-cache")],
        ),
        Answer::Redirect(to) => respond(request, 301, Vec::new(), vec![header("Location", &to)]),
        Answer::NotFound => {
            let page = http::with_reload_script(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1></body></html>");
            respond(
                request,
                404,
                page,
                vec![header("Content-Type", "text/html; charset=utf-8")],
            );
        }
        Answer::ReloadScript => respond(
            request,
            200,
            super::reload::served(state),
            vec![
                header("Content-Type", "text/javascript; charset=utf-8"),
                header("Cache-Control", "no-cache"),
            ],
        ),
        Answer::Events => events(request, state),
        Answer::Board(lang) => board(request, state, lang.as_deref()),
    }
}

/// The translation status board, in language `lang` or the browser's.
fn board(request: tiny_http::Request, state: &State, lang: Option<&str>) {
    use tiny_http::{Header, Response};
    let accept = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Accept-Language"))
        .map(|h| h.value.as_str().to_string());
    let (status, html) = match state.board(lang, accept.as_deref()) {
        Some(html) => (200, html),
        None => (503, super::BOARD_UNAVAILABLE.to_string()),
    };
    let mut response =
        Response::from_data(http::with_reload_script(html.as_bytes())).with_status_code(status);
    for (name, value) in [
        ("Content-Type", "text/html; charset=utf-8"),
        ("Cache-Control", "no-store"),
    ] {
        if let Ok(h) = Header::from_bytes(name.as_bytes(), value.as_bytes()) {
            response.add_header(h);
        }
    }
    let _ = request.respond(response);
}

/// Streams events to one tab until it goes away. The connection's writer
/// is used directly: tiny_http's responses buffer, which would hold events.
fn events(request: tiny_http::Request, state: &State) {
    let (tx, rx) = mpsc::sync_channel::<String>(64);
    let pending = state.failed.read().ok().and_then(|f| f.clone());
    if let Ok(mut clients) = state.clients.lock() {
        clients.push(tx);
    }
    let mut writer = request.into_writer();
    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\nretry: 500\n\n";
    if writer
        .write_all(head.as_bytes())
        .and_then(|_| writer.flush())
        .is_err()
    {
        return;
    }
    if let Some(event) = pending {
        if writer
            .write_all(event.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
    loop {
        let message = match rx.recv_timeout(Duration::from_secs(15)) {
            Ok(m) => m,
            // A comment line keeps proxies open and notices closed tabs.
            Err(RecvTimeoutError::Timeout) => ": ping\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return,
        };
        if writer
            .write_all(message.as_bytes())
            .and_then(|_| writer.flush())
            .is_err()
        {
            return;
        }
    }
}
