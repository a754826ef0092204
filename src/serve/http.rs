//! The preview's HTTP side: maps a request path to a file of the in-memory
//! site, safely (no `..`, no encoded traversal, no backslashes, nothing
//! outside the site: the site is a map, not a folder), with content types,
//! `HEAD`, `ETag`/`304`, the site's `404.html` and no directory listings.
//! HTML gets the live-reload script, which `brug build` never writes.

use std::collections::HashMap;
use std::sync::Arc;

/// One file of the served site.
#[derive(Debug, Clone)]
pub struct File {
    pub bytes: Arc<Vec<u8>>,
    pub etag: String,
}

impl File {
    pub fn new(bytes: Vec<u8>) -> File {
        use sha2::Digest;
        let hex = format!("{:x}", sha2::Sha256::digest(&bytes));
        let etag = format!("\"{}\"", &hex[..16]);
        File {
            bytes: Arc::new(bytes),
            etag,
        }
    }
}

/// Site-relative path → file.
pub type Files = HashMap<String, File>;

/// What the server answers.
#[derive(Debug, PartialEq, Eq)]
pub enum Answer {
    /// A file of the site (path) with this status (200, or 404 for 404.html).
    File(String, u16),
    /// A folder asked for without its slash.
    Redirect(String),
    NotModified,
    /// Nothing: a bare 404 (the site has no 404.html) or a refused path.
    NotFound,
    /// The live-reload script.
    ReloadScript,
    /// The Server-Sent Events stream.
    Events,
    /// The translation status board, in the language named after its path, if any.
    Board(Option<String>),
}

/// The prefix of the preview's own URLs, which no handbook page can have.
pub const OWN: &str = "/__brug/";

/// Answers a GET or HEAD for `url` (path and query, as sent).
pub fn route(files: &Files, url: &str, if_none_match: Option<&str>) -> Answer {
    let path = url.split(['?', '#']).next().unwrap_or_default();
    if path == "/__brug/reload.js" {
        return Answer::ReloadScript;
    }
    if path == "/__brug/events" {
        return Answer::Events;
    }
    if let Some(rest) = path.strip_prefix(super::board::PATH) {
        match rest.trim_matches('/') {
            "" => return Answer::Board(None),
            lang if !lang.contains('/') => return Answer::Board(Some(lang.to_string())),
            _ => {}
        }
    }
    let Some(rel) = safe_path(path) else {
        return not_found(files);
    };
    let key = if rel.is_empty() || rel.ends_with('/') {
        format!("{rel}index.html")
    } else {
        rel.clone()
    };
    if let Some(file) = files.get(&key) {
        if if_none_match.is_some_and(|tags| tags.split(',').any(|t| t.trim() == file.etag)) {
            return Answer::NotModified;
        }
        return Answer::File(key, 200);
    }
    if files.contains_key(&format!("{rel}/index.html")) {
        return Answer::Redirect(format!("/{rel}/"));
    }
    not_found(files)
}

fn not_found(files: &Files) -> Answer {
    if files.contains_key("404.html") {
        Answer::File("404.html".into(), 404)
    } else {
        Answer::NotFound
    }
}

/// The site-relative path of a request path, or `None` for anything that
/// could step outside the site: `..` or `.` segments (also percent-encoded),
/// backslashes, NUL, empty segments, invalid UTF-8.
pub fn safe_path(path: &str) -> Option<String> {
    let rest = path.strip_prefix('/')?;
    let decoded = String::from_utf8(crate::text::urls::percent_decode_bytes(rest)).ok()?;
    if decoded.contains(['\\', '\0']) || decoded.starts_with('/') {
        return None;
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    for (i, s) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if *s == ".." || *s == "." || (s.is_empty() && !last) || s.contains(':') {
            return None;
        }
    }
    Some(decoded)
}

/// The content type of a file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    let ext = path.rsplit_once('.').map_or("", |(_, e)| e);
    match ext.to_ascii_lowercase().as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "txt" | "md" => "text/plain; charset=utf-8",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "woff" => "font/woff",
        "woff2" => "font/woff2",
        "ttf" => "font/ttf",
        "otf" => "font/otf",
        "pdf" => "application/pdf",
        "zip" => "application/zip",
        "csv" => "text/csv; charset=utf-8",
        "mp4" => "video/mp4",
        "webm" => "video/webm",
        "mp3" => "audio/mpeg",
        _ => "application/octet-stream",
    }
}

/// An HTML page with the live-reload script added (before `</head>`, or
/// at the end for a fragment).
pub fn with_reload_script(html: &[u8]) -> Vec<u8> {
    const TAG: &[u8] = b"<script src=\"/__brug/reload.js\" defer></script>";
    let at = find(html, b"</head>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + TAG.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(TAG);
    out.extend_from_slice(&html[at..]);
    out
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Files {
        let mut f = Files::new();
        for p in [
            "index.html",
            "404.html",
            "nl/index.html",
            "nl/a b/index.html",
            "static/site.css",
        ] {
            f.insert(p.into(), File::new(p.as_bytes().to_vec()));
        }
        f
    }

    #[test]
    fn traversal_in_every_spelling_is_refused() {
        for bad in [
            "/../etc/passwd",
            "/nl/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E%2Fetc%2Fpasswd",
            "/nl/%2e%2e/%2e%2e/x",
            "/..%5c..%5cwindows",
            "/nl\\..\\x",
            "//etc/passwd",
            "/./index.html",
            "/C:/x",
            "/%00",
            "/%ff",
        ] {
            assert_eq!(safe_path(bad), None, "{bad}");
            assert_eq!(
                route(&site(), bad, None),
                Answer::File("404.html".into(), 404),
                "{bad}"
            );
        }
        assert_eq!(safe_path("relative"), None);
    }

    #[test]
    fn pages_folders_and_misses() {
        let s = site();
        assert_eq!(route(&s, "/", None), Answer::File("index.html".into(), 200));
        assert_eq!(
            route(&s, "/nl/?q=x", None),
            Answer::File("nl/index.html".into(), 200)
        );
        assert_eq!(route(&s, "/nl", None), Answer::Redirect("/nl/".into()));
        assert_eq!(
            route(&s, "/nl/a%20b/", None),
            Answer::File("nl/a b/index.html".into(), 200)
        );
        assert_eq!(
            route(&s, "/static/", None),
            Answer::File("404.html".into(), 404),
            "no listing"
        );
        let etag = s["static/site.css"].etag.clone();
        assert_eq!(
            route(&s, "/static/site.css", Some(&etag)),
            Answer::NotModified
        );
        assert_eq!(
            route(&s, "/static/site.css", Some("\"other\"")),
            Answer::File("static/site.css".into(), 200)
        );
        assert_eq!(route(&s, "/__brug/events", None), Answer::Events);
        let mut bare = s.clone();
        bare.remove("404.html");
        assert_eq!(route(&bare, "/nope", None), Answer::NotFound);
    }

    #[test]
    fn content_types_and_the_reload_script() {
        assert_eq!(content_type("a/b.JS"), "text/javascript; charset=utf-8");
        assert_eq!(content_type("x.woff2"), "font/woff2");
        assert_eq!(content_type("x.svg"), "image/svg+xml");
        assert_eq!(content_type("x.pdf"), "application/pdf");
        assert_eq!(content_type("x"), "application/octet-stream");
        let html = with_reload_script(b"<html><head><title>t</title></head><body></body></html>");
        let html = String::from_utf8(html).unwrap();
        assert!(html.contains("<script src=\"/__brug/reload.js\" defer></script></head>"));
        assert!(String::from_utf8(with_reload_script(b"<p>x"))
            .unwrap()
            .ends_with("</script>"));
    }
}
