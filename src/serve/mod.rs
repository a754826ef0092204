//! `brug serve`: the editors' preview. Builds the handbook into memory (it
//! never writes to `public/`), serves it over HTTP, watches `content/`,
//! `themes/`, `i18n/` and `handbook.toml` (`watch`), rebuilds after a
//! change (`engine`) and tells open tabs over Server-Sent Events which
//! files changed (`respond`). A failed build keeps the last good site and
//! shows its diagnostics over the open page.
//!
//! The engine rebuilds only what a change can affect, by one of four
//! routes (`plan`): one page's body, pages edited in place (`affected`),
//! the theme, or everything. Tests apply every kind of edit, check the
//! route, and compare the served site with a fresh build both ways.

mod affected;
pub mod board;
pub mod engine;
pub mod http;
mod plan;
mod reload;
mod respond;
mod served;
pub mod server;
mod watch;

use crate::diagnostics::{render_all, Diagnostic, Severity};
use engine::{Engine, Rebuild, Route};
use http::Files;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{SyncSender, TrySendError};
use std::sync::{Arc, Mutex, RwLock};

/// More changed files than this reload every tab.
const CHANGED_MAX: usize = 500;

/// The board's answer before any build succeeded.
const BOARD_UNAVAILABLE: &str = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>brug</title></head><body><main><h1>No good build yet</h1><p>The translation status appears once the handbook builds.</p></main></body></html>";

/// What `brug serve` was asked for.
#[derive(Debug, Clone)]
pub struct Options {
    pub root: PathBuf,
    pub port: u16,
    pub bind: String,
    pub open: bool,
}

/// The served site, the connected tabs and the rebuild engine.
pub struct State {
    files: RwLock<Arc<Files>>,
    /// The `failed` event while the last build failed.
    failed: RwLock<Option<String>>,
    clients: Mutex<Vec<SyncSender<String>>>,
    /// The diagnostics last printed, so that unchanged warnings are not
    /// repeated after every save.
    shown: Mutex<String>,
    engine: Mutex<Engine>,
    /// The live-reload script with the overlay's texts (`reload`).
    reload: RwLock<Vec<u8>>,
}

impl State {
    fn new(root: &Path) -> State {
        State {
            files: RwLock::default(),
            failed: RwLock::default(),
            clients: Mutex::default(),
            shown: Mutex::default(),
            engine: Mutex::new(Engine::new(root)),
            reload: RwLock::default(),
        }
    }

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

    /// The translation status board (`board`) from the last good build, in
    /// the language named, else the browser's; `None` before one succeeded.
    fn board(&self, named: Option<&str>, accept: Option<&str>) -> Option<String> {
        let engine = self.engine.lock().ok()?;
        let built = engine.kept()?;
        let ui = board::language(&built.hb, named, accept);
        Some(board::page(&built.hb, built.renderer.strings(), ui))
    }

    /// The git history changed (a commit): open status boards reload, since
    /// what `status --diff` finds may have changed; pages stay.
    fn history_changed(&self) {
        self.broadcast("event: reload\ndata: {\"changed\":[],\"history\":true}\n\n");
    }

    /// Serves `files` from now on and tells the tabs which paths changed.
    fn publish(&self, files: &Arc<Files>, changed: &[String]) {
        if let Ok(mut f) = self.files.write() {
            *f = files.clone();
        }
        if changed.len() > CHANGED_MAX {
            self.broadcast("event: reload\ndata: {\"all\":true}\n\n");
        } else if !changed.is_empty() {
            self.broadcast(&format!(
                "event: reload\ndata: {}\n\n",
                serde_json::json!({ "changed": changed })
            ));
        }
    }

    /// The first build. Returns the terminal line.
    fn first_build(&self, root: &Path) -> String {
        reload::refresh(root, self);
        let Ok(mut engine) = self.engine.lock() else {
            return "the rebuild engine is gone".into();
        };
        let rebuild = engine.full(&|files, changed| self.publish(files, changed));
        self.report("first build", &rebuild, true)
    }

    /// Rebuilds after a change to `paths` (below `root`). Returns the
    /// terminal line.
    pub fn rebuild_after(&self, root: &Path, paths: &[PathBuf]) -> String {
        let Ok(mut engine) = self.engine.lock() else {
            return "the rebuild engine is gone".into();
        };
        let rebuild = engine.rebuild(paths, &|files, changed| self.publish(files, changed));
        // A full build follows the strings and handbook.toml, whose texts
        // the overlay shows.
        if rebuild.route == Route::Full {
            reload::refresh(root, self);
        }
        let named = if rebuild.paths.is_empty() {
            paths
        } else {
            &rebuild.paths
        };
        let why = label(root, named);
        self.report(&why, &rebuild, false)
    }

    /// Tells the tabs whether the build failed or is good again, and
    /// returns the terminal line for `rebuild`.
    fn report(&self, why: &str, rebuild: &Rebuild, first: bool) -> String {
        let shown = self.fresh_diagnostics(&rebuild.diagnostics);
        let mut recovered = false;
        if rebuild.failed {
            let event = failed_event(&rebuild.diagnostics);
            if let Ok(mut f) = self.failed.write() {
                *f = Some(event.clone());
            }
            self.broadcast(&event);
        } else if rebuild.route != Route::Nothing {
            let was_failed = self.failed.write().map(|mut f| f.take().is_some());
            recovered = was_failed.unwrap_or(false);
            if recovered && rebuild.changed.is_empty() {
                self.broadcast("event: ok\ndata: {}\n\n");
            }
        }
        // After a failure, a good build is news even when no file changed.
        let again = if recovered {
            "; the site builds again"
        } else {
            ""
        };
        format!("{shown}{}{again}", line(why, rebuild, first))
    }

    /// The diagnostics to print: none when they are the ones printed last.
    fn fresh_diagnostics(&self, diags: &[Diagnostic]) -> String {
        let mut shown = render_all(diags);
        if let Ok(mut last) = self.shown.lock() {
            if *last == shown {
                shown.clear();
            } else {
                last.clone_from(&shown);
            }
        }
        shown
    }
}

/// The terminal line of a rebuild (after its diagnostics).
fn line(why: &str, r: &Rebuild, first: bool) -> String {
    let ms = r.elapsed.as_millis();
    let (first_files, first_ms) = r.first.map_or((0, 0), |(n, t)| (n, t.as_millis()));
    let count = r.changed.len();
    if r.failed {
        return format!(
            "{why}: failed with {} error(s) in {ms} ms; still serving the last good version",
            r.errors().max(1)
        );
    }
    match r.route {
        Route::Nothing => format!("{why}: came and went; nothing to rebuild"),
        Route::Body => format!(
            "{why}: {first_files} page(s) re-rendered in {first_ms} ms; search index and print view ({count} file(s)) after {ms} ms"
        ),
        Route::Pages => format!(
            "{why}: {} page(s) rendered again, {first_files} changed, in {first_ms} ms; overview pages, search index and print view as needed ({count} file(s) changed) after {ms} ms",
            r.jobs
        ),
        Route::Theme => format!(
            "{why}: {} template page(s) and asset(s) rendered again, {count} file(s) changed, in {ms} ms",
            r.jobs
        ),
        Route::Full if first => format!("{why}: {count} files in {ms} ms"),
        Route::Full => {
            let sample: Vec<&str> = r.changed.iter().take(4).map(String::as_str).collect();
            let more = if count > 4 { ", …" } else { "" };
            let colon = if count > 0 { ": " } else { "" };
            format!("{why}: {count} file(s) changed{colon}{}{more}, in {ms} ms", sample.join(", "))
        }
    }
}

/// Runs the preview until the process is stopped.
pub fn run(opts: Options) -> anyhow::Result<()> {
    // Without a handbook there is nothing to preview and nothing to wait
    // for: say so and stop, as `build` does.
    if !opts.root.join("handbook.toml").is_file() {
        anyhow::bail!(
            "no handbook.toml in {}\n  = help: run brug in the folder that holds handbook.toml, pass --root DIR, or start one with `brug init DIR`",
            std::fs::canonicalize(&opts.root).unwrap_or(opts.root.clone()).display()
        );
    }
    let state = Arc::new(State::new(&opts.root));
    // Watching starts first: a save during the first build is not missed.
    let watching = watch::Watching::start(&opts.root)
        .map_err(|e| anyhow::anyhow!("cannot watch {}: {e:#}", opts.root.display()))?;
    eprintln!("{}", state.first_build(&opts.root));
    let server = server::Server::bind((opts.bind.as_str(), opts.port)).map_err(|e| {
        anyhow::anyhow!(
            "cannot listen on {}:{}: {e} (is another server using the port? try --port {})",
            opts.bind,
            opts.port,
            opts.port.wrapping_add(1)
        )
    })?;
    let port = server.port();
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
    eprintln!(
        "translation status: {url}{}",
        board::PATH.trim_start_matches('/')
    );
    if opts.open {
        open_browser(&url);
    }
    let watcher_state = state.clone();
    std::thread::spawn(move || watching.run(&watcher_state));
    let answering = state.clone();
    server.run(Arc::new(move |request: &server::Request| {
        respond::handle(request, &answering)
    }));
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_log_says_when_the_site_builds_again() {
        let dir = tempfile::tempdir().unwrap();
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/basic");
        for e in walkdir::WalkDir::new(&fixture).into_iter().flatten() {
            let to = dir.path().join(e.path().strip_prefix(&fixture).unwrap());
            match e.file_type().is_dir() {
                true => std::fs::create_dir_all(&to).unwrap(),
                false => drop(std::fs::copy(e.path(), &to).unwrap()),
            }
        }
        let root = dir.path();
        let state = State::new(root);
        state.first_build(root);
        let page = root.join("content/modules/start.nl.md");
        let good = std::fs::read_to_string(&page).unwrap();
        std::fs::write(&page, "+++\ntitle = \n+++\n").unwrap();
        let failed = state.rebuild_after(root, std::slice::from_ref(&page));
        assert!(
            failed.contains("still serving the last good version"),
            "{failed}"
        );
        std::fs::write(&page, &good).unwrap();
        let fixed = state.rebuild_after(root, std::slice::from_ref(&page));
        assert!(fixed.ends_with("; the site builds again"), "{fixed}");
        let next = state.rebuild_after(root, std::slice::from_ref(&page));
        assert!(!next.contains("builds again"), "{next}");
    }

    #[test]
    fn loopback_binds_need_no_warning() {
        assert!(is_loopback("127.0.0.1") && is_loopback("::1") && is_loopback("localhost"));
        assert!(!is_loopback("0.0.0.0") && !is_loopback("192.168.1.5"));
    }
}
