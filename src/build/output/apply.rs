//! Writing only what changed. When the output folder is brug's and lists
//! the files it holds (the marker file's manifest), a build stages only the
//! files whose bytes differ from those there, and applies them after every
//! file built: the manifest first becomes the union of the old and the new
//! file lists, then the files no longer made are removed (and folders left
//! empty), the staged files are renamed into place one by one (each rename
//! atomic), and the manifest becomes the new list. Unchanged files are not
//! touched, so their modification times stay and `rsync`, CDN uploads and
//! backups see only real changes. A build killed during an apply leaves
//! files that are all brug's and all listed; the next build compares every
//! file again and repairs the rest.

use anyhow::{Context, Result};
use std::collections::BTreeSet;
use std::path::Path;

use super::MARKER;

/// The marker file's first line; the manifest follows it.
pub const HEADER: &str =
    "This folder is written by brug: every build rewrites what changed and removes what it no longer makes.";
/// The line that starts the file list.
const FILES: &str = "# files";

/// What a build did to the output folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// The marker file's text for the files `paths`.
pub fn marker(paths: &BTreeSet<String>) -> String {
    let mut text = format!("{HEADER}\n{FILES}\n");
    for p in paths {
        text.push_str(p);
        text.push('\n');
    }
    text
}

/// The files the marker in `out` lists, or `None` when it lists none (a
/// folder written before brug kept a manifest, or a marker that was edited).
pub fn manifest(out: &Path) -> Option<BTreeSet<String>> {
    let text = std::fs::read_to_string(out.join(MARKER)).ok()?;
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) || lines.next() != Some(FILES) {
        return None;
    }
    let paths: BTreeSet<String> = lines.map(str::to_string).collect();
    paths.iter().all(|p| listable(p)).then_some(paths)
}

/// Whether an output path can be one line of the manifest and stays
/// inside the folder.
pub fn listable(path: &str) -> bool {
    !path.is_empty()
        && path != MARKER
        && !path.contains(['\n', '\r', '\\'])
        && !path.starts_with('/')
        && path
            .split('/')
            .all(|part| !part.is_empty() && part != "." && part != "..")
}

/// Applies a build to `out`: `staged` (below `staging`) are the files whose
/// bytes changed, `made` every file the build made that the marker can
/// list. `interrupt` is asked before each step and stops the apply where
/// it says (a test's crash).
pub fn apply(
    out: &Path,
    staging: &Path,
    staged: &[String],
    made: &BTreeSet<String>,
    interrupt: &mut dyn FnMut() -> bool,
) -> Result<Written> {
    let old = manifest(out).unwrap_or_default();
    let union: BTreeSet<String> = old.union(made).cloned().collect();
    write_marker(out, &union)?;
    let gone: Vec<&String> = old.difference(made).collect();
    for path in &gone {
        if interrupt() {
            return Ok(Written::default());
        }
        remove(out, path)?;
    }
    for path in staged {
        if interrupt() {
            return Ok(Written::default());
        }
        let to = out.join(path);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::rename(staging.join(path), &to)
            .with_context(|| format!("cannot move the new {} into place", to.display()))?;
    }
    if interrupt() {
        return Ok(Written::default());
    }
    if old != *made {
        write_marker(out, made)?;
    }
    Ok(Written {
        written: staged.len(),
        unchanged: made.len().saturating_sub(staged.len()),
        removed: gone.len(),
    })
}

/// Writes the marker with the list `paths`, atomically.
pub fn write_marker(out: &Path, paths: &BTreeSet<String>) -> Result<()> {
    let text = marker(paths);
    if std::fs::read_to_string(out.join(MARKER)).is_ok_and(|t| t == text) {
        return Ok(());
    }
    let tmp = out.join(format!("{MARKER}.new"));
    std::fs::write(&tmp, text).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, out.join(MARKER))
        .with_context(|| format!("cannot write {}", out.join(MARKER).display()))
}

/// Removes the file `path` below `out` (if it is still there), then the
/// folders it leaves empty.
fn remove(out: &Path, path: &str) -> Result<()> {
    let file = out.join(path);
    match std::fs::remove_file(&file) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(e).with_context(|| format!("cannot remove {}", file.display())),
    }
    let mut dir = file.parent();
    while let Some(d) = dir.filter(|d| *d != out && d.starts_with(out)) {
        if std::fs::remove_dir(d).is_err() {
            break;
        }
        dir = d.parent();
    }
    Ok(())
}

/// Whether the file `path` below `out` holds exactly `bytes`.
pub fn unchanged(out: &Path, path: &str, bytes: &[u8]) -> bool {
    let file = out.join(path);
    match std::fs::symlink_metadata(&file) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => {
            std::fs::read(&file).is_ok_and(|b| b == bytes)
        }
        _ => false,
    }
}
