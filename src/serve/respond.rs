//! Answering the preview's requests: files of the in-memory site (with
//! the live-reload script in HTML), the reload script itself, and the
//! Server-Sent Events stream that tells a tab what changed.

use super::http::{self, Answer};
use super::server::{Reply, Request, Response};
use super::State;
use std::io::Write;
use std::net::TcpStream;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Arc;
use std::time::Duration;

/// Answers one request.
pub(super) fn handle(request: &Request, state: &Arc<State>) -> Reply {
    if !matches!(request.method.as_str(), "GET" | "HEAD") {
        let refused = Response::new(405, b"only GET and HEAD\n".to_vec());
        return Reply::Whole(refused.with_header("Allow", "GET, HEAD"));
    }
    let files = state.files();
    let answer = http::route(&files, &request.url, request.header("If-None-Match"));
    let response = match answer {
        Answer::File(path, status) => {
            let Some(file) = files.get(&path) else {
                return Reply::Whole(Response::new(404, Vec::new()));
            };
            let kind = http::content_type(&path);
            let bytes = if kind.starts_with("text/html") {
                http::with_reload_script(&file.bytes)
            } else {
                file.bytes.to_vec()
            };
            Response::new(status, bytes)
                .with_header("Content-Type", kind)
                .with_header("ETag", &file.etag)
                .with_header("Cache-Control", "no-cache")
        }
        Answer::NotModified => {
            Response::new(304, Vec::new()).with_header("Cache-Control", "no-cache")
        }
        Answer::Redirect(to) => Response::new(301, Vec::new()).with_header("Location", &to),
        Answer::NotFound => {
            let page = http::with_reload_script(b"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>404</title></head><body><h1>404</h1></body></html>");
            Response::new(404, page).with_header("Content-Type", "text/html; charset=utf-8")
        }
        Answer::ReloadScript => Response::new(200, super::reload::served(state))
            .with_header("Content-Type", "text/javascript; charset=utf-8")
            .with_header("Cache-Control", "no-cache"),
        Answer::Events => {
            let state = state.clone();
            return Reply::Stream(Box::new(move |out| events(out, &state)));
        }
        Answer::Board(lang) => board(request, state, lang.as_deref()),
    };
    Reply::Whole(response)
}

/// The translation status board, in language `lang` or the browser's.
fn board(request: &Request, state: &State, lang: Option<&str>) -> Response {
    let accept = request.header("Accept-Language");
    let (status, html) = match state.board(lang, accept) {
        Some(html) => (200, html),
        None => (503, super::BOARD_UNAVAILABLE.to_string()),
    };
    Response::new(status, http::with_reload_script(html.as_bytes()))
        .with_header("Content-Type", "text/html; charset=utf-8")
        .with_header("Cache-Control", "no-store")
}

/// Streams events to one tab until it goes away, each written and flushed
/// as it comes.
fn events(writer: &mut TcpStream, state: &State) {
    let (tx, rx) = mpsc::sync_channel::<String>(64);
    let pending = state.failed.read().ok().and_then(|f| f.clone());
    if let Ok(mut clients) = state.clients.lock() {
        clients.push(tx);
    }
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
