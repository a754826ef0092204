//! Watching the sources: `content/`, `themes/`, `i18n/` and
//! `handbook.toml`, including folders that are deleted and come back.
//! Editors' temporary and backup files do not count, and a burst of
//! changes (a save through a temporary file, a `git checkout`) is one
//! rebuild once it has been quiet for a moment. The git repository's own
//! folder is watched too (not recursively), for the translation status
//! board: a commit changes what `status --diff` finds but no source.

use super::State;
use crate::source::walk::is_ignored;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::Duration;

/// Changes closer together than this are one (editors' save bursts, a
/// `git checkout` of many files): the rebuild waits until it was quiet
/// this long.
const QUIET: Duration = Duration::from_millis(25);

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
pub(super) struct Watching {
    root: PathBuf,
    /// The repository's git folder, if the handbook is in one.
    git: Option<PathBuf>,
    watcher: notify::RecommendedWatcher,
    rx: Receiver<Batch>,
    /// The watched folders that exist (a deleted one is watched again when
    /// it comes back).
    folders: HashSet<PathBuf>,
}

impl Watching {
    pub(super) fn start(root: &Path) -> anyhow::Result<Watching> {
        let root = root.canonicalize()?;
        let (tx, rx) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        // The root itself (not recursively: public/ and target/ may be
        // large) sees handbook.toml and folders that are deleted and come
        // back.
        watcher.watch(&root, RecursiveMode::NonRecursive)?;
        // A commit writes the index and COMMIT_EDITMSG there; a missing or
        // unwatchable repository only means the board reloads on saves.
        let git = gix::discover(&root)
            .ok()
            .and_then(|repo| repo.git_dir().canonicalize().ok())
            .filter(|dir| watcher.watch(dir, RecursiveMode::NonRecursive).is_ok());
        let mut watching = Watching {
            root,
            git,
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

    /// Rebuilds after each burst of changes, until the watcher stops; a
    /// burst that only touched the git folder reloads the status board.
    pub(super) fn run(mut self, state: &State) {
        while let Some(change) = next_change(&self.root, self.git.as_deref(), &self.rx) {
            match change {
                Change::Sources(paths) => {
                    self.ensure();
                    let paths: Vec<PathBuf> = paths.into_iter().collect();
                    eprintln!("{}", state.rebuild_after(&self.root, &paths));
                }
                Change::History => state.history_changed(),
            }
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

/// What a burst of changes touched.
enum Change {
    /// These sources (a rebuild).
    Sources(HashSet<PathBuf>),
    /// Only the git folder (a commit, a checkout of nothing watched).
    History,
}

/// The next burst's change, once it is over; `None` when the watcher stopped.
fn next_change(root: &Path, git: Option<&Path>, rx: &Receiver<Batch>) -> Option<Change> {
    loop {
        let mut paths = HashSet::new();
        let mut history = false;
        let mut take = |batch: Batch| {
            if let Ok(event) = batch {
                if changes(&event.kind) {
                    history |= git.is_some_and(|g| event.paths.iter().any(|p| p.starts_with(g)));
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
            return Some(Change::Sources(paths));
        }
        if history {
            return Some(Change::History);
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
}
