//! `brug serve`: the editors' preview. Builds the handbook into memory (it
//! never writes to `public/`), serves it over HTTP, watches `content/`,
//! `themes/`, `i18n/` and `handbook.toml`, rebuilds after a change and tells
//! open tabs over Server-Sent Events which files changed. A failed build
//! keeps the last good site and shows its diagnostics over the open page.
//!
//! A change rebuilds only what it can affect, by one of four paths:
//! - a body edit of one page that leaves its links, anchors and front
//!   matter as they were: that page, then its language's search index;
//! - edits to existing pages that keep every page and URL where it was (a
//!   title, weight, terms, transfer, several files): the handbook is
//!   assembled again from the kept pages, and only the jobs whose inputs
//!   changed run again (`affected`);
//! - changes under `themes/`: every template page with the kept Markdown
//!   and plan, or the assets alone;
//! - anything else (a page added, renamed or deleted, a slug, the strings,
//!   `handbook.toml`): the whole site, in memory, compared with the
//!   previous one file by file.
//!
//! Tests apply every kind of edit, check which path it took, and compare
//! the served site with a fresh build byte for byte.

mod affected;
pub mod http;
mod incremental;
mod reload;

use crate::diagnostics::{render_all, Diagnostic, Severity};
use crate::source::walk::is_ignored;
use http::{Answer, File, Files};
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, SyncSender, TrySendError};
use std::sync::{Arc, Mutex, RwLock};
use std::time::{Duration, Instant};

/// Changes closer together than this are one (editors' save bursts, a
/// `git checkout` of many files): the rebuild waits until it was quiet
/// this long.
const QUIET: Duration = Duration::from_millis(25);
/// More changed files than this reload every tab.
const CHANGED_MAX: usize = 500;

/// What `brug serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    pub bind: String,
    pub open: bool,
}

/// The served site and the connected tabs.
#[derive(Default)]
pub struct State {
    files: RwLock<Arc<Files>>,
    /// The `failed` event while the last build failed.
    failed: RwLock<Option<String>>,
    clients: Mutex<Vec<SyncSender<String>>>,
    /// The diagnostics last printed, so that unchanged warnings are not
    /// repeated after every save.
    shown: Mutex<String>,
    /// The model and rendered Markdown of the last good build.
    kept: Mutex<Option<crate::build::site::Kept>>,
    /// The live-reload script with the overlay's texts (`reload`).
    reload: RwLock<Vec<u8>>,
}

impl State {
    fn files(&self) -> Arc<Files> {
        self.files.read().map(|f| f.clone()).unwrap_or_default()
    }

    /// Sends an event to every tab, forgetting tabs that went away.
    fn broadcast(&self, event: &str) {
        if let Ok(mut clients) = self.clients.lock() {
            clients.retain(|c| {
                !matches!(
                    c.try_send(event.to_string()),
                    Err(TrySendError::Disconnected(_))
                )
            });
        }
    }
}

/// Runs the preview until the process is stopped.
pub fn run(opts: Options) -> anyhow::Result<()> {
    let state = Arc::new(State::default());
    // Watching starts first: a save during the first build is not missed.
    let watching = Watching::start(&opts.root)
        .map_err(|e| anyhow::anyhow!("cannot watch {}: {e:#}", opts.root.display()))?;
    let line = rebuild(&opts.root, &state, "first build");
    eprintln!("{line}");
    let server = tiny_http::Server::http((opts.bind.as_str(), opts.port)).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {}:{}: {e} (is another server using the port? try --port {})",
            opts.bind,
            opts.port,
            opts.port.wrapping_add(1)
        )
    })?;
    let port = server.server_addr().to_ip().map_or(opts.port, |a| a.port());
    let host = if opts.bind.contains(':') {
        format!("[{}]", opts.bind)
    } else {
        opts.bind.clone()
    };
    let url = format!("http://{host}:{port}/");
    if !is_loopback(&opts.bind) {
        eprintln!(
            "warning: --bind {} makes the preview reachable from other machines; it is meant for this one",
            opts.bind
        );
    }
    eprintln!("serving {} at {url} (Ctrl-C stops)", opts.root.display());
    if opts.open {
        open_browser(&url);
    }
    let watcher_state = state.clone();
    std::thread::spawn(move || watching.run(&watcher_state));
    for request in server.incoming_requests() {
        let state = state.clone();
        std::thread::spawn(move || handle(request, &state));
    }
    Ok(())
}

fn is_loopback(bind: &str) -> bool {
    bind == "localhost"
        || bind
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

fn open_browser(url: &str) {
    let (cmd, args): (&str, Vec<&str>) = if cfg!(target_os = "macos") {
        ("open", vec![url])
    } else if cfg!(windows) {
        ("cmd", vec!["/C", "start", "", url])
    } else {
        ("xdg-open", vec![url])
    };
    if let Err(e) = std::process::Command::new(cmd).args(args).spawn() {
        eprintln!("warning: could not open a browser ({cmd}: {e}); open {url} yourself");
    }
}

/// Rebuilds after a change to `paths`: a body edit of one page through the
/// fastest path, edits that keep every page and URL where it was through
/// the next, theme changes through their own, anything else in full.
/// Returns the terminal line.
pub fn rebuild_after(root: &Path, state: &State, paths: &[PathBuf]) -> String {
    let lasting: Vec<PathBuf> = match state.kept.lock().ok().as_deref() {
        Some(Some(kept)) => paths
            .iter()
            .filter(|p| !incremental::transient(kept, root, p))
            .cloned()
            .collect(),
        _ => paths.to_vec(),
    };
    if lasting.is_empty() {
        return format!("{}: came and went; nothing to rebuild", label(root, paths));
    }
    let paths = lasting.as_slice();
    let why = &label(root, paths);
    if let [path] = paths {
        if let Some(line) = body_edit(root, state, path, why) {
            return line;
        }
    }
    if let Some(line) = pages_edit(root, state, paths, why) {
        return line;
    }
    if let Some(line) = theme_edit(root, state, paths, why) {
        return line;
    }
    rebuild(root, state, why)
}

/// Names a change in the terminal: its first path (below `root`), and how
/// many more there are.
fn label(root: &Path, paths: &[PathBuf]) -> String {
    let mut sorted: Vec<String> = paths
        .iter()
        .filter_map(|p| p.strip_prefix(root).ok())
        .map(|p| p.display().to_string())
        .collect();
    sorted.sort();
    match sorted.len() {
        0 => "change".to_string(),
        1 => sorted[0].clone(),
        n => format!("{} and {} more", sorted[0], n - 1),
    }
}

/// The path for edits to existing pages; `None` when it does not apply.
fn pages_edit(root: &Path, state: &State, paths: &[PathBuf], why: &str) -> Option<String> {
    let start = Instant::now();
    if state.failed.read().ok()?.is_some() {
        return None;
    }
    let mut kept = state.kept.lock().ok()?;
    let first = Mutex::new((0, 0));
    let edit = incremental::pages_edit(root, &mut kept, paths, &|pages| {
        let changed = apply(state, pages, &[], &[]);
        if let Ok(mut f) = first.lock() {
            *f = (changed, start.elapsed().as_millis());
        }
    })?;
    let (changed_pages, page_ms) = first.into_inner().unwrap_or_default();
    let changed = apply(state, edit.later, &edit.removed, &[]);
    let mut diags = edit.diagnostics;
    crate::diagnostics::sort(&mut diags);
    diags.dedup();
    Some(format!(
        "{}{why}: {} page(s) rendered again, {changed_pages} changed, in {page_ms} ms; overview pages, search index and print view as needed ({changed} file(s) changed) after {} ms",
        fresh_diagnostics(state, &diags),
        edit.pages,
        start.elapsed().as_millis()
    ))
}

/// The path for changes under `themes/`; `None` when it does not apply.
fn theme_edit(root: &Path, state: &State, paths: &[PathBuf], why: &str) -> Option<String> {
    let start = Instant::now();
    if state.failed.read().ok()?.is_some() {
        return None;
    }
    let mut kept = state.kept.lock().ok()?;
    let (outputs, jobs) = incremental::theme_edit(root, kept.as_mut()?, paths)?;
    // The theme's assets are all in `outputs`: one no longer there is gone.
    let changed = apply(state, outputs, &[], &["static/".to_string()]);
    Some(format!(
        "{why}: {jobs} template page(s) and asset(s) rendered again, {changed} file(s) changed, in {} ms",
        start.elapsed().as_millis()
    ))
}

/// The diagnostics to print: none when they are the ones printed last.
fn fresh_diagnostics(state: &State, diags: &[Diagnostic]) -> String {
    let mut shown = render_all(diags);
    if let Ok(mut last) = state.shown.lock() {
        if *last == shown {
            shown.clear();
        } else {
            last.clone_from(&shown);
        }
    }
    shown
}

/// The fast path for a page's body; `None` when it does not apply.
fn body_edit(root: &Path, state: &State, path: &Path, why: &str) -> Option<String> {
    let start = Instant::now();
    if state.failed.read().ok()?.is_some() {
        return None;
    }
    let mut kept = state.kept.lock().ok()?;
    let kept = kept.as_mut()?;
    let first = Mutex::new((0, 0));
    let index = incremental::body_edit(root, kept, path, &|pages| {
        let changed = apply(state, pages, &[], &[]);
        if let Ok(mut f) = first.lock() {
            *f = (changed, start.elapsed().as_millis());
        }
    })?;
    let (pages, page_ms) = first.into_inner().unwrap_or_default();
    let changed = apply(state, index, &[], &[]);
    Some(format!(
        "{why}: {pages} page(s) re-rendered in {page_ms} ms; search index and print view ({changed} file(s)) after {} ms",
        start.elapsed().as_millis()
    ))
}

/// Puts `outputs` into the served site, takes `removed` out of it, and
/// tells the tabs what changed. `whole` names path prefixes whose every
/// file is in `outputs`: a file below one of them that is not is gone. A
/// language's search index is such a family (its postings shards and text
/// chunks can become fewer). Returns how many files changed.
fn apply(
    state: &State,
    outputs: Vec<crate::render::Output>,
    removed: &[String],
    whole: &[String],
) -> usize {
    let mut files: Files = (*state.files()).clone();
    let new: HashSet<&str> = outputs.iter().map(|o| o.path.as_str()).collect();
    let mut families = whole.to_vec();
    for code in new
        .iter()
        .filter_map(|p| p.strip_prefix("search/index-")?.strip_suffix(".js"))
    {
        families.push(format!("search/post-{code}-"));
        families.push(format!("search/text-{code}-"));
    }
    let left_behind: Vec<String> = files
        .keys()
        .filter(|p| !new.contains(p.as_str()) && families.iter().any(|f| p.starts_with(f)))
        .cloned()
        .collect();
    for path in removed.iter().chain(&left_behind) {
        files.remove(path);
    }
    for o in outputs {
        files.insert(o.path, File::new(o.bytes));
    }
    swap(state, files).len()
}

/// Serves `new` from now on and tells the tabs which files differ from
/// what was served before. Returns those paths, sorted.
fn swap(state: &State, new: Files) -> Vec<String> {
    let old = state.files();
    let mut changed: Vec<String> = new
        .iter()
        .filter(|(p, f)| old.get(*p).is_none_or(|o| o.etag != f.etag))
        .map(|(p, _)| p.clone())
        .chain(old.keys().filter(|p| !new.contains_key(*p)).cloned())
        .collect();
    changed.sort_unstable();
    if let Ok(mut files) = state.files.write() {
        *files = Arc::new(new);
    }
    if changed.len() > CHANGED_MAX {
        state.broadcast("event: reload\ndata: {\"all\":true}\n\n");
    } else if !changed.is_empty() {
        state.broadcast(&format!(
            "event: reload\ndata: {}\n\n",
            serde_json::json!({ "changed": changed })
        ));
    }
    changed
}

/// Builds the site into memory. On success it replaces the served files
/// and tells the tabs what changed; on failure the last good site stays
/// and the tabs show the diagnostics. Returns the line for the terminal.
pub fn rebuild(root: &Path, state: &State, why: &str) -> String {
    let start = Instant::now();
    reload::refresh(root, state);
    let built = Mutex::new(Files::new());
    let keep = |o: crate::render::Output| {
        if let Ok(mut files) = built.lock() {
            files.insert(o.path, File::new(o.bytes));
        }
    };
    let (report, kept) = crate::build::site::run_keeping(
        root,
        crate::build::site::Dest::Memory(&keep),
        crate::build::site::options(false),
    );
    if let Ok(mut k) = state.kept.lock() {
        if kept.is_some() {
            *k = kept;
        }
    }
    let ms = start.elapsed().as_millis();
    let shown = fresh_diagnostics(state, &report.diagnostics);
    if report.errors() > 0 || !report.written {
        let event = failed_event(&report.diagnostics);
        if let Ok(mut f) = state.failed.write() {
            *f = Some(event.clone());
        }
        state.broadcast(&event);
        return format!(
            "{shown}{why}: failed with {} error(s) in {ms} ms; still serving the last good version",
            report.errors()
        );
    }
    let new = built.into_inner().unwrap_or_default();
    let first_build = state.files().is_empty();
    let changed = swap(state, new);
    let count = changed.len();
    let sample = changed
        .iter()
        .take(4)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    let more = if count > 4 { ", …" } else { "" };
    let was_failed = state
        .failed
        .write()
        .map(|mut f| f.take().is_some())
        .unwrap_or(false);
    if count == 0 && was_failed {
        state.broadcast("event: ok\ndata: {}\n\n");
    }
    if first_build {
        return format!("{shown}{why}: {count} files in {ms} ms");
    }
    format!(
        "{shown}{why}: {count} file(s) changed{}{sample}{more}, in {ms} ms",
        if count > 0 { ": " } else { "" }
    )
}

/// The `failed` event: the diagnostics as JSON for the overlay.
fn failed_event(diags: &[Diagnostic]) -> String {
    let list: Vec<serde_json::Value> = diags
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| {
            serde_json::json!({
                "severity": "error",
                "file": d.file.display().to_string(),
                "line": d.line,
                "column": d.column,
                "message": d.message,
                "hint": d.hint,
                "source": d.source_line,
            })
        })
        .collect();
    format!(
        "event: failed\ndata: {}\n\n",
        serde_json::json!({ "diagnostics": list })
    )
}

/// The folders and file whose changes matter, below `root`.
fn watched(root: &Path) -> [PathBuf; 4] {
    [
        root.join("content"),
        root.join("themes"),
        root.join("i18n"),
        root.join("handbook.toml"),
    ]
}

/// Does a changed path count? Editors' temporary and backup files do not.
fn relevant(root: &Path, path: &Path) -> bool {
    let Ok(rel) = path.strip_prefix(root) else {
        return false;
    };
    let mut parts = rel.components().map(|c| c.as_os_str().to_string_lossy());
    let Some(first) = parts.next() else {
        return false;
    };
    if !matches!(
        first.as_ref(),
        "content" | "themes" | "i18n" | "handbook.toml"
    ) {
        return false;
    }
    rel.components()
        .all(|c| !is_ignored(&c.as_os_str().to_string_lossy()))
}

/// The watcher on the sources, started before the URL is printed so that
/// no save after that is missed.
struct Watching {
    root: PathBuf,
    watcher: notify::RecommendedWatcher,
    rx: Receiver<Batch>,
    /// The watched folders that exist (a deleted one is watched again when
    /// it comes back).
    folders: HashSet<PathBuf>,
}

impl Watching {
    fn start(root: &Path) -> anyhow::Result<Watching> {
        let root = root.canonicalize()?;
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        // The root itself (not recursively: public/ and target/ may be
        // large) sees handbook.toml and folders that are deleted and come
        // back.
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        let mut watching = Watching {
            root,
            watcher,
            rx,
            folders: HashSet::new(),
        };
        watching.ensure();
        Ok(watching)
    }

    /// Watches each source folder that exists and is not watched yet.
    fn ensure(&mut self) {
        for dir in &watched(&self.root)[..3] {
            let exists = dir.is_dir();
            if exists
                && !self.folders.contains(dir)
                && self.watcher.watch(dir, RecursiveMode::Recursive).is_ok()
            {
                self.folders.insert(dir.clone());
            } else if !exists {
                self.folders.remove(dir);
            }
        }
    }

    /// Rebuilds after each burst of changes, until the watcher stops.
    fn run(mut self, state: &State) {
        while let Some(paths) = next_change(&self.root, &self.rx) {
            self.ensure();
            let paths: Vec<PathBuf> = paths.into_iter().collect();
            eprintln!("{}", rebuild_after(&self.root, state, &paths));
        }
    }
}

type Batch = notify::Result<notify::Event>;

/// Does an event change a file? Reading (open, close, access) does not:
/// the build itself reads every source.
fn changes(kind: &EventKind) -> bool {
    use notify::event::{MetadataKind, ModifyKind};
    match kind {
        EventKind::Create(_) | EventKind::Remove(_) => true,
        EventKind::Modify(ModifyKind::Metadata(MetadataKind::AccessTime)) => false,
        EventKind::Modify(_) => true,
        _ => false,
    }
}

/// The next set of relevant changed paths, once the burst is over; `None`
/// when the watcher stopped.
fn next_change(root: &Path, rx: &Receiver<Batch>) -> Option<HashSet<PathBuf>> {
    loop {
        let mut paths = HashSet::new();
        let mut take = |batch: Batch| {
            if let Ok(event) = batch {
                if changes(&event.kind) {
                    paths.extend(event.paths.into_iter().filter(|p| relevant(root, p)));
                }
            }
        };
        take(rx.recv().ok()?);
        loop {
            match rx.recv_timeout(QUIET) {
                Ok(batch) => take(batch),
                Err(RecvTimeoutError::Timeout) => break,
                Err(RecvTimeoutError::Disconnected) => return None,
            }
        }
        if !paths.is_empty() {
            return Some(paths);
        }
    }
}

/// Answers one request.
fn handle(request: tiny_http::Request, state: &State) {
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
            reload::served(state),
            vec![
                header("Content-Type", "text/javascript; charset=utf-8"),
                header("Cache-Control", "no-cache"),
            ],
        ),
        Answer::Events => events(request, state),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editors_temporary_files_and_other_folders_do_not_count() {
        let root = Path::new("/h");
        assert!(relevant(root, Path::new("/h/content/a.nl.md")));
        assert!(relevant(root, Path::new("/h/handbook.toml")));
        assert!(relevant(
            root,
            Path::new("/h/themes/default/templates/page.html")
        ));
        for ignored in [
            "/h/content/.a.nl.md.swp",
            "/h/content/a.nl.md~",
            "/h/content/#a.nl.md#",
            "/h/content/.DS_Store",
            "/h/public/nl/index.html",
            "/h/target/x",
            "/h/.git/index",
            "/elsewhere/content/a.nl.md",
        ] {
            assert!(!relevant(root, Path::new(ignored)), "{ignored}");
        }
    }

    #[test]
    fn loopback_binds_need_no_warning() {
        assert!(is_loopback("127.0.0.1") && is_loopback("::1") && is_loopback("localhost"));
        assert!(!is_loopback("0.0.0.0") && !is_loopback("192.168.1.5"));
    }
}
