//! `brug serve` on a fixture handbook, over real HTTP: live-reload events
//! for edits, added, renamed and deleted pages; an overlay event for a bad
//! edit while the last good pages stay; safe paths; HTTP details; and the
//! served site equal to a fresh `brug build --no-minify` after a long
//! sequence of edits of every kind.

mod common;
use common::server::{event, Response, Server};
use common::Fixture;
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const SCRIPT: &str = "<script src=\"/__brug/reload.js\" defer></script>";

#[test]
fn an_edit_reloads_its_page_and_serves_the_new_text() {
    let f = Fixture::new("web");
    let server = Server::start(f.root());
    let page = server.get("/nl/modules/start/");
    assert_eq!(page.status, 200);
    assert!(
        page.text().contains(SCRIPT),
        "the reload script is injected"
    );
    let events = server.events();
    let source = f.read_source("content/modules/start.nl.md");
    f.write(
        "content/modules/start.nl.md",
        format!("{source}\nNieuwe alinea met merkwoord.\n"),
    );
    let data = event(&events, "reload");
    assert!(data.contains("\"nl/modules/start/index.html\""), "{data}");
    assert!(
        !data.contains("de/modules/start/index.html"),
        "only what changed: {data}"
    );
    assert!(server
        .get("/nl/modules/start/")
        .text()
        .contains("merkwoord"));
    let line = server.rebuilt();
    assert!(
        line.contains("content/modules/start.nl.md") && line.contains("1 page(s) re-rendered"),
        "a body edit renders its page only: {line}"
    );
    // public/ is never written, and brug build writes no reload script.
    assert!(!f.root().join("public").exists());
    f.build();
    assert!(!f.page("nl/modules/start/index.html").contains("__brug"));
}

#[test]
fn pages_can_be_added_renamed_and_deleted() {
    let f = Fixture::new("web");
    let server = Server::start(f.root());
    let events = server.events();
    f.write(
        "content/modules/nieuw.nl.md",
        "+++\ntitle = \"Nieuw\"\n+++\nZie [start](start.md).\n",
    );
    let data = event(&events, "reload");
    assert!(data.contains("nl/modules/nieuw/index.html"), "{data}");
    assert_eq!(server.get("/nl/modules/nieuw/").status, 200);
    // Renamed the way editors save: write aside, then rename over.
    std::fs::rename(
        f.root().join("content/modules/nieuw.nl.md"),
        f.root().join("content/modules/hernoemd.nl.md"),
    )
    .unwrap();
    let data = event(&events, "reload");
    assert!(data.contains("nl/modules/hernoemd/index.html"), "{data}");
    assert_eq!(server.get("/nl/modules/hernoemd/").status, 200);
    assert_eq!(server.get("/nl/modules/nieuw/").status, 404);
    f.remove("content/modules/hernoemd.nl.md");
    event(&events, "reload");
    assert_eq!(server.get("/nl/modules/hernoemd/").status, 404);
    // Editors' swap and backup files change nothing.
    f.write("content/modules/.start.nl.md.swp", "x");
    f.write("content/modules/start.nl.md~", "x");
    f.write("content/modules/#start.nl.md#", "x");
    assert!(
        events.recv_timeout(Duration::from_millis(800)).is_err(),
        "no event for temporary files"
    );
}

#[test]
fn a_bad_edit_shows_diagnostics_and_keeps_the_last_good_site() {
    let f = Fixture::new("web");
    let server = Server::start(f.root());
    let events = server.events();
    let good = f.read_source("content/methods/consensus.nl.md");
    f.write(
        "content/methods/consensus.nl.md",
        "+++\ntitle = \"Kapot\n+++\nTekst\n",
    );
    let data = event(&events, "failed");
    assert!(
        data.contains("\"file\":\"content/methods/consensus.nl.md\""),
        "{data}"
    );
    assert!(
        data.contains("\"line\":2") && data.contains("\"hint\""),
        "{data}"
    );
    let page = server.get("/nl/methods/consensus/");
    assert_eq!(page.status, 200, "the last good page is still served");
    assert!(server.rebuilt().contains("failed"));
    // A tab opened now gets the diagnostics at once.
    let late = server.events();
    assert!(event(&late, "failed").contains("Kapot"));
    // Fixed back to the last good text: nothing changed, the overlay goes.
    f.write("content/methods/consensus.nl.md", good);
    event(&events, "ok");
    // The overlay script knows both events, and its texts are the strings'.
    let script = server.get("/__brug/reload.js").text();
    assert!(script.contains("\"failed\"") && script.contains("\"reload\""));
    assert!(script.contains("\"title\":\"Die letzte Änderung enthält Fehler\""));
    let nl = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/nl.ftl"));
    let nl = nl
        .unwrap()
        .replace("serve-close = Sluiten", "serve-close = Dicht");
    f.write("i18n/nl.ftl", nl);
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut script = String::new();
    while Instant::now() < deadline && !script.contains("\"close\":\"Dicht\"") {
        std::thread::sleep(Duration::from_millis(50));
        script = server.get("/__brug/reload.js").text();
    }
    assert!(script.contains("\"close\":\"Dicht\""), "{script}");
}

/// An error found only once the handbook is assembled again (an unknown
/// city in a page's front matter that parses): the last good site stays,
/// the fix brings the site back, and the next edit takes the in-place path
/// again.
#[test]
fn a_bad_edit_found_late_keeps_the_last_good_site_and_recovers() {
    let f = Fixture::new("web");
    let server = Server::start(f.root());
    let events = server.events();
    let file = "content/practices/lotsen.nl.md";
    let good = f.read_source(file);
    f.write(
        file,
        good.replacen("from = \"muenster\"", "from = \"atlantis\"", 1)
            .replacen("title = \"Lotsen\"", "title = \"Gidsen\"", 1),
    );
    let data = event(&events, "failed");
    assert!(data.contains("atlantis"), "{data}");
    assert!(server.rebuilt().contains("failed"));
    assert!(server
        .get("/nl/practices/lotsen/")
        .text()
        .contains("Lotsen"));
    f.write(
        file,
        good.replacen("title = \"Lotsen\"", "title = \"Gidsen\"", 1),
    );
    let line = server.rebuilt();
    assert!(!line.contains("failed"), "{line}");
    assert!(server
        .get("/nl/practices/lotsen/")
        .text()
        .contains("Gidsen"));
    assert_served_equals_build(&f, &server, "fixed");
    f.write(file, good);
    let line = server.rebuilt();
    assert!(line.contains("rendered again"), "{line}");
    assert_served_equals_build(&f, &server, "and edited in place again");
}

/// A template that does not compile, over HTTP: the open tab is told and
/// the last good site is still served; removing it serves the site again.
/// (The routes before and after are checked in `serve_engine.rs`.)
#[test]
fn a_broken_template_keeps_the_last_good_site_and_recovers() {
    let f = Fixture::new("web");
    let server = Server::start(f.root());
    let events = server.events();
    f.write("themes/default/templates/page.html", "{% if %}kapot");
    let data = event(&events, "failed");
    assert!(data.contains("template"), "{data}");
    assert!(server.rebuilt().contains("failed"));
    assert_eq!(server.get("/nl/methods/consensus/").status, 200);
    f.remove("themes/default/templates/page.html");
    let line = server.rebuilt();
    assert!(!line.contains("failed"), "{line}");
    assert_served_equals_build(&f, &server, "the broken template removed");
}

#[test]
fn paths_outside_the_site_are_never_served() {
    let f = Fixture::new("web");
    f.write("secret.txt", "geheim");
    let server = Server::start(f.root());
    for path in [
        "/../secret.txt",
        "/../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/nl/%2e%2e/%2e%2e/secret.txt",
        "/..%5csecret.txt",
        "/nl\\..\\..\\secret.txt",
        "//etc/passwd",
        "/content/modules/start.nl.md",
        "/handbook.toml",
    ] {
        let r = server.get(path);
        assert_eq!(r.status, 404, "{path}");
        assert!(
            !r.text().contains("geheim") && !r.text().contains("root:"),
            "{path}"
        );
    }
}

#[test]
fn http_details_types_head_etags_and_many_clients() {
    let f = Fixture::new("web");
    f.write(
        "content/modules/plaatje.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    f.write("content/modules/letter.woff2", [0u8, 1, 2]);
    f.write("content/modules/verslag.pdf", "%PDF-1.4");
    let server = Server::start(f.root());
    for (path, kind) in [
        ("/nl/modules/plaatje.svg", "image/svg+xml"),
        ("/nl/modules/letter.woff2", "font/woff2"),
        ("/nl/modules/verslag.pdf", "application/pdf"),
        ("/static/site.js", "text/javascript; charset=utf-8"),
        ("/static/site.css", "text/css; charset=utf-8"),
        ("/nl/", "text/html; charset=utf-8"),
    ] {
        let r = server.get(path);
        assert_eq!(
            (r.status, r.header("content-type")),
            (200, Some(kind)),
            "{path}"
        );
    }
    let css = server.get("/static/site.css");
    let etag = css.header("etag").unwrap().to_string();
    assert_eq!(
        server
            .raw("GET", "/static/site.css", &[("If-None-Match", &etag)])
            .status,
        304
    );
    let head = server.raw("HEAD", "/static/site.css", &[]);
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(server.get("/nl").status, 301);
    assert_eq!(server.get("/nl").header("location"), Some("/nl/"));
    let miss = server.get("/nl/bestaat-niet/");
    assert_eq!(miss.status, 404);
    assert!(miss.text().contains("<html"), "the site's 404 page");
    assert_eq!(server.get("/static/").status, 404, "no directory listing");
    assert_eq!(server.raw("POST", "/nl/", &[]).status, 405);
    // 200 clients at once.
    let port = server.port;
    let threads: Vec<_> = (0..200)
        .map(|i| {
            std::thread::spawn(move || {
                let mut s = TcpStream::connect(("127.0.0.1", port)).unwrap();
                s.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
                let path = if i % 2 == 0 {
                    "/nl/"
                } else {
                    "/static/site.css"
                };
                s.write_all(
                    format!("GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                        .as_bytes(),
                )
                .unwrap();
                let mut bytes = Vec::new();
                s.read_to_end(&mut bytes).unwrap();
                Response::parse(&bytes).status
            })
        })
        .collect();
    let ok = threads
        .into_iter()
        .map(|t| t.join().unwrap())
        .filter(|&s| s == 200)
        .count();
    assert_eq!(ok, 200);
}

/// Every file of a fresh `brug build --no-minify` is served byte for byte
/// (HTML apart from the injected script).
fn assert_served_equals_build(f: &Fixture, server: &Server, step: &str) {
    let files = common::fresh_build(f.root(), step);
    assert!(files.len() > 20);
    for (path, bytes) in files {
        let url = format!("/{path}").replace(' ', "%20");
        let r = server.get(&url);
        assert_eq!(r.status, 200, "{step}: {url}");
        let served = if url.ends_with(".html") {
            String::from_utf8(r.body)
                .unwrap()
                .replacen(SCRIPT, "", 1)
                .into_bytes()
        } else {
            r.body
        };
        assert!(served == bytes, "{step}: {url} differs from a fresh build");
    }
}

#[test]
fn a_burst_of_saves_is_one_rebuild_and_content_can_vanish_and_return() {
    let f = Fixture::new("web");
    let server = Server::start(f.root());
    let events = server.events();
    // Like a `git checkout` of fifty files.
    for i in 0..50 {
        f.write(
            &format!("content/modules/stap{i}.nl.md"),
            format!("+++\ntitle = \"Stap {i}\"\n+++\nZie [start](start.md).\n"),
        );
    }
    let data = event(&events, "reload");
    assert!(
        data.contains("stap0/") && data.contains("stap49/"),
        "one rebuild has them all: {data}"
    );
    assert!(
        events.recv_timeout(Duration::from_millis(600)).is_err(),
        "and no second one"
    );
    // The whole content folder goes away, then comes back.
    let content = f.root().join("content");
    let aside = f.root().join("content-aside");
    std::fs::rename(&content, &aside).unwrap();
    event(&events, "failed");
    assert_eq!(
        server.get("/nl/modules/start/").status,
        200,
        "the last good site stays"
    );
    std::fs::rename(&aside, &content).unwrap();
    // Whether the site differs or not, the tabs hear that it is good again.
    let deadline = Instant::now() + Duration::from_secs(20);
    let mut back = false;
    while Instant::now() < deadline && !back {
        if let Ok((name, _)) = events.recv_timeout(Duration::from_millis(100)) {
            back = name == "ok" || name == "reload";
        }
    }
    assert!(back);
    let source = f.read_source("content/modules/start.nl.md");
    f.write(
        "content/modules/start.nl.md",
        format!("{source}\nTerug van weg.\n"),
    );
    event(&events, "reload");
    assert!(
        server
            .get("/nl/modules/start/")
            .text()
            .contains("Terug van weg"),
        "watching again"
    );
}

#[test]
fn ctrl_c_ends_the_server() {
    let f = Fixture::new("web");
    let mut server = Server::start(f.root());
    let status = Command::new("kill")
        .args(["-INT", &server.child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(5);
    while Instant::now() < deadline {
        if server.child.try_wait().unwrap().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("still running after Ctrl-C");
}
