//! `brug check --external` against a small HTTP server on 127.0.0.1 that
//! answers as the web does: live, dead, HEAD refused, redirected, slow,
//! rate-limited, and a port nobody listens on. No other network is used:
//! the handbook links only to that server, and the runs drop any proxy
//! settings so that every request goes straight to it.

mod common;
use brug::serve::server;
use common::{run, Run};
use std::path::Path;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The requests the server saw, as `METHOD /path`.
type Log = Arc<Mutex<Vec<String>>>;

/// How many requests are being answered, and the most there were at once.
#[derive(Default)]
struct Gauge {
    now: AtomicUsize,
    most: AtomicUsize,
}

impl Gauge {
    fn enter(&self) {
        let now = self.now.fetch_add(1, Ordering::SeqCst) + 1;
        self.most.fetch_max(now, Ordering::SeqCst);
    }

    fn leave(&self) {
        self.now.fetch_sub(1, Ordering::SeqCst);
    }
}

struct Server {
    base: String,
    log: Log,
    /// Requests at once on this server.
    busy: Arc<Gauge>,
}

impl Server {
    /// Starts the server on a free port; it lives as long as the test.
    fn start() -> Server {
        Server::counting(Arc::default())
    }

    /// A server that also counts its requests in `all`, which other
    /// servers may share.
    fn counting(all: Arc<Gauge>) -> Server {
        let log = Log::default();
        let busy = Arc::new(Gauge::default());
        let (seen, own) = (log.clone(), busy.clone());
        // A thread per connection: a slow answer holds up no other.
        let handler = move |request: &server::Request| {
            own.enter();
            all.enter();
            let response = answer(request, &seen);
            // Done before the client can hear back and ask again.
            own.leave();
            all.leave();
            server::Reply::Whole(response)
        };
        let port = server::Server::bind("127.0.0.1:0")
            .unwrap()
            .spawn(Arc::new(handler));
        Server {
            base: format!("http://127.0.0.1:{port}"),
            log,
            busy,
        }
    }

    /// The requests seen so far, and forgets them.
    fn take(&self) -> Vec<String> {
        std::mem::take(&mut *self.log.lock().unwrap())
    }
}

/// The answer to `request` (a route of the paths below), noted in `log`.
fn answer(request: &server::Request, log: &Log) -> server::Response {
    let head = request.is_head();
    let path = request.url.clone();
    log.lock()
        .unwrap()
        .push(format!("{} {path}", request.method));
    let route = path.split('?').next().unwrap_or_default();
    let (status, location) = match route {
        "/live" => (200, None),
        "/dead" => (404, None),
        "/get-only" if head => (405, None),
        "/get-only" => (200, None),
        "/moved" => (301, Some("/live")),
        "/moved-dead" => (308, Some("dead")),
        "/elsewhere" => (302, Some("/live")),
        "/loop" => (302, Some("/loop")),
        "/busy" => (429, None),
        "/pause" => {
            std::thread::sleep(Duration::from_millis(100));
            (200, None)
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(3));
            (200, None)
        }
        _ => (404, None),
    };
    let response = server::Response::new(status, Vec::new());
    match location {
        Some(to) => response.with_header("Location", to),
        None => response,
    }
}

/// A port on 127.0.0.1 that refuses connections.
fn closed_port() -> u16 {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// A new handbook (`brug init`, which checks cleanly) in a temporary folder.
fn handbook() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut init = Command::new(env!("CARGO_BIN_EXE_brug"));
    init.arg("init").arg(dir.path().join("h"));
    run(init).ok();
    dir
}

const NL: &str = "content/modules/eerste-stap.nl.md";
const DE: &str = "content/modules/eerste-stap.de.md";

/// Appends `text` to the page `rel` of the handbook at `root`.
fn append(root: &Path, rel: &str, text: &str) {
    let path = root.join(rel);
    let old = std::fs::read_to_string(&path).unwrap();
    std::fs::write(path, old + text).unwrap();
}

/// `brug check --external ARGS` on the handbook at `root`, without proxies.
fn check(root: &Path, args: &[&str]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
    cmd.args(["check", "--external", "--timeout", "1"])
        .args(args)
        .arg("--root")
        .arg(root);
    for var in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        cmd.env_remove(var).env_remove(var.to_lowercase());
    }
    run(cmd)
}

/// `file:line:column` where `needle` starts in the page `rel`.
fn place(root: &Path, rel: &str, needle: &str) -> String {
    let text = std::fs::read_to_string(root.join(rel)).unwrap();
    let at = text
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} in {rel}"));
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |i| i + 1) + 1;
    format!("{rel}:{line}:{column}")
}

/// The first lines of the diagnostics in `stderr`: `error: …` or `warning: …`.
fn headlines(stderr: &str) -> Vec<&str> {
    stderr
        .lines()
        .filter(|l| l.starts_with("error: ") || l.starts_with("warning: "))
        .collect()
}

/// Asserts that `stderr` holds the diagnostic `headline` placed at `at`.
fn reported(stderr: &str, headline: &str, at: &str) {
    let expected = format!("{headline}\n  --> {at}\n");
    assert!(stderr.contains(&expected), "{expected}\nnot in:\n{stderr}");
}

/// A handbook whose pages link to every route of `s`, and to a closed port.
fn linking(s: &Server) -> (tempfile::TempDir, std::path::PathBuf, String) {
    let dir = handbook();
    let root = dir.path().join("h");
    let b = &s.base;
    let closed = format!("http://127.0.0.1:{}/", closed_port());
    // Pages may show images from the test server.
    append(
        &root,
        "handbook.toml",
        "\n[output]\nexternal_resources = [\"127.0.0.1\"]\n",
    );
    append(
        &root,
        NL,
        &format!(
            "\nZie [levend]({b}/live) en [dood]({b}/dead).\n\n\
             [alleen GET]({b}/get-only), [verhuisd]({b}/moved), [tijdelijk]({b}/elsewhere#deel).\n\n\
             [verhuisd naar dood]({b}/moved-dead)\n\n\
             ![traag]({b}/slow)\n\n\
             [dicht]({closed}) [lus]({b}/loop) [druk]({b}/busy) [mail](mailto:info@example.org)\n"
        ),
    );
    append(
        &root,
        DE,
        &format!("\nSiehe [lebendig]({b}/live#oben) und [tot]({b}/dead).\n"),
    );
    (dir, root, closed)
}

#[test]
fn dead_links_are_errors_at_every_place_they_are_written() {
    let s = Server::start();
    let (_dir, root, closed) = linking(&s);
    let b = &s.base;
    let run = check(&root, &[]);
    let err = &run.stderr;
    assert_eq!(run.code, 1, "{err}");
    let dead = format!("error: the external link {b}/dead answers 404 Not Found");
    reported(err, &dead, &place(&root, NL, "[dood]"));
    reported(err, &dead, &place(&root, DE, "[tot]"));
    reported(
        err,
        &format!(
            "error: the external link {b}/moved-dead redirects to {b}/dead, which answers 404 Not Found"
        ),
        &place(&root, NL, "[verhuisd naar dood]"),
    );
    reported(
        err,
        &format!("error: the external link {b}/slow does not answer within 1 s"),
        &place(&root, NL, "![traag]"),
    );
    reported(
        err,
        &format!("error: the external link {closed} refuses the connection"),
        &place(&root, NL, "[dicht]"),
    );
    reported(
        err,
        &format!("error: the external link {b}/loop redirects more than 10 times"),
        &place(&root, NL, "[lus]"),
    );
    reported(
        err,
        &format!("warning: the external link {b}/moved has moved permanently to {b}/live"),
        &place(&root, NL, "[verhuisd]"),
    );
    reported(
        err,
        &format!("warning: the external link {b}/busy answers 429 Too Many Requests: the server limits requests and says nothing of the page"),
        &place(&root, NL, "[druk]"),
    );
    assert!(err.contains(&format!("  = help: link to {b}/live directly\n")));
    // Live pages (after a refused HEAD or a temporary redirect too) are fine.
    assert_eq!(headlines(err).len(), 8, "{err}");
    assert!(
        err.contains("checked 10 external link(s) (0 from cache): 5 dead"),
        "{err}"
    );
    let log = s.take();
    let count = |entry: &str| log.iter().filter(|l| *l == entry).count();
    // /live once for itself (both pages), once behind each redirect to it.
    assert_eq!(count("HEAD /live"), 3, "{log:?}");
    assert_eq!(count("HEAD /dead"), 2, "itself, and behind /moved-dead");
    assert_eq!(count("GET /get-only"), 1, "GET after the refused HEAD");
    assert!(log.iter().all(|l| !l.contains('#')), "{log:?}");
}

#[test]
fn a_second_check_asks_only_what_was_dead_and_refresh_asks_everything() {
    let s = Server::start();
    let (_dir, root, _) = linking(&s);
    assert_eq!(check(&root, &[]).code, 1);
    s.take();
    let cache = std::fs::read_to_string(root.join(".brug/external-links.json")).unwrap();
    let cache: serde_json::Value = serde_json::from_str(&cache).unwrap();
    assert_eq!(cache["links"][format!("{}/live", s.base)]["result"], "live");
    let again = check(&root, &[]);
    assert_eq!(again.code, 1);
    assert!(
        again
            .stderr
            .contains("checked 10 external link(s) (4 from cache): 5 dead"),
        "{}",
        again.stderr
    );
    // The permanent move is still reported, from the cache.
    assert!(again.stderr.contains("has moved permanently to"));
    let log = s.take();
    for live in ["/live", "/get-only", "/moved", "/elsewhere"] {
        assert!(
            log.iter().all(|l| !l.ends_with(&format!(" {live}"))),
            "{live} asked again: {log:?}"
        );
    }
    assert!(log.contains(&"HEAD /dead".to_string()), "{log:?}");
    let refreshed = check(&root, &["--refresh"]);
    assert!(refreshed.stderr.contains("(0 from cache)"));
    assert!(s.take().contains(&"HEAD /live".to_string()));
}

#[test]
fn a_damaged_cache_is_a_warning_and_is_written_anew() {
    let s = Server::start();
    let dir = handbook();
    let root = dir.path().join("h");
    append(&root, NL, &format!("\n[levend]({}/live)\n", s.base));
    std::fs::create_dir_all(root.join(".brug")).unwrap();
    std::fs::write(
        root.join(".brug/external-links.json"),
        "{\"version\": 1, \"li",
    )
    .unwrap();
    let run = check(&root, &["--strict"]);
    assert_eq!(
        run.code, 0,
        "a cache problem fails no check:\n{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "warning: .brug/external-links.json cannot be read (EOF while parsing a string"
        ),
        "{}",
        run.stderr
    );
    assert!(run
        .stderr
        .contains("checked 1 external link(s) (0 from cache): 0 dead"));
    let again = check(&root, &["--strict"]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(again.stderr.contains("(1 from cache)"), "{}", again.stderr);
    assert!(!again.stderr.contains("warning:"), "{}", again.stderr);
    // The cache stays out of the site and out of version control.
    let mut build = Command::new(env!("CARGO_BIN_EXE_brug"));
    build.arg("build").arg("--root").arg(&root);
    run_ok_without(build, &root.join("public"), "external-links");
    let ignore = std::fs::read_to_string(root.join(".brug/.gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "*"), "{ignore}");
}

/// Runs `cmd` successfully and asserts that no file below `out` has
/// `name` in its path.
fn run_ok_without(cmd: Command, out: &Path, name: &str) {
    run(cmd).ok();
    let files = common::snapshot(out);
    assert!(files.keys().all(|p| !p.to_string_lossy().contains(name)));
    assert!(!files.is_empty());
}

#[test]
fn hosts_are_asked_at_once_each_one_request_at_a_time_and_a_second_run_is_quick() {
    let all = Arc::new(Gauge::default());
    let servers: Vec<Server> = (0..5).map(|_| Server::counting(all.clone())).collect();
    let dir = handbook();
    let root = dir.path().join("h");
    let links: String = servers
        .iter()
        .flat_map(|s| (0..10).map(move |i| format!("[{i}]({}/pause?page={i})\n", s.base)))
        .collect();
    append(&root, NL, &format!("\n{links}"));
    let start = Instant::now();
    let first = check(&root, &[]);
    let first_time = start.elapsed();
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(first
        .stderr
        .contains("checked 50 external link(s) (0 from cache): 0 dead"));
    for s in &servers {
        assert_eq!(s.take().len(), 10);
        assert_eq!(
            s.busy.most.load(Ordering::SeqCst),
            1,
            "one request at a time"
        );
    }
    assert!(all.most.load(Ordering::SeqCst) > 1, "hosts at once");
    let start = Instant::now();
    let second = check(&root, &[]);
    let second_time = start.elapsed();
    assert!(
        second.stderr.contains("(50 from cache)"),
        "{}",
        second.stderr
    );
    assert!(servers.iter().all(|s| s.take().is_empty()));
    eprintln!(
        "50 links on 5 hosts, 100 ms each: first check {first_time:?}, cached {second_time:?}"
    );
}
