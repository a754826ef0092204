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
//!
//! The manifest also records, per file, a hash of what it was made from
//! (a page before minifying) with the size and modification time it was
//! written with. A later build that makes the same source for a file still
//! of that size and time knows it unchanged without minifying it or
//! reading it back.

use crate::text::hash::Fingerprint;
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::UNIX_EPOCH;

use super::MARKER;

/// The marker file's first line; the manifest follows it.
pub const HEADER: &str =
    "This folder is written by brug: every build rewrites what changed and removes what it no longer makes.";
/// The line that starts the file list.
const FILES: &str = "# files: source hash, size, modification time (ns), path";

pub use crate::text::hash::Source;

/// What the manifest knows of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Entry {
    /// The hash of its source, unknown for a file staged by an apply that
    /// did not finish (the next build compares its bytes).
    pub source: Option<Source>,
    /// Its size and modification time as brug wrote it.
    pub size: u64,
    pub modified: u128,
}

/// The manifest: each listed file's entry, by path.
pub type Manifest = BTreeMap<String, Entry>;

/// The source of a file whose job gave none: its bytes, with brug's
/// version and, for a page still to be minified, its minifier (the same
/// page minified or not, or minified otherwise, is a different file).
pub fn source(bytes: &[u8], minify: bool) -> Source {
    let mut h = Fingerprint::default();
    h.part(env!("CARGO_PKG_VERSION").as_bytes())
        .part(match minify {
            true => crate::render::minify::PAGES.as_bytes(),
            false => b"-",
        })
        .part(bytes);
    h.finish()
}

/// Size and modification time of `meta`, as the manifest records them.
pub fn stamp(meta: &std::fs::Metadata) -> (u64, u128) {
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    (meta.len(), modified)
}

/// Whether the file `path` below `out` is still as `entry` says brug
/// wrote it, and was made from `source`.
pub fn still(out: &Path, path: &str, entry: &Entry, source: &Source) -> bool {
    entry.source.as_ref() == Some(source)
        && entry.modified != 0
        && std::fs::symlink_metadata(out.join(path))
            .is_ok_and(|m| m.is_file() && stamp(&m) == (entry.size, entry.modified))
}

/// What a build did to the output folder.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    pub written: usize,
    pub unchanged: usize,
    pub removed: usize,
}

/// The marker file's text for the files of `manifest`.
pub fn marker(manifest: &Manifest) -> String {
    use std::fmt::Write;
    let mut text = format!("{HEADER}\n{FILES}\n");
    for (path, e) in manifest {
        match &e.source {
            Some(s) => s.iter().for_each(|b| {
                let _ = write!(text, "{b:02x}");
            }),
            None => text.push('-'),
        }
        let _ = writeln!(text, " {} {} {path}", e.size, e.modified);
    }
    text
}

/// The files the marker in `out` lists, or `None` when it lists none (a
/// folder written before brug kept this manifest, or a marker that was
/// edited).
pub fn manifest(out: &Path) -> Option<Manifest> {
    let text = std::fs::read_to_string(out.join(MARKER)).ok()?;
    let mut lines = text.lines();
    if lines.next() != Some(HEADER) || lines.next() != Some(FILES) {
        return None;
    }
    lines.map(entry).collect()
}

/// One line of the manifest.
fn entry(line: &str) -> Option<(String, Entry)> {
    let mut parts = line.splitn(4, ' ');
    let (source, size, modified, path) =
        (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
    let source = match source {
        "-" => None,
        hex => Some(unhex(hex)?),
    };
    let entry = Entry {
        source,
        size: size.parse().ok()?,
        modified: modified.parse().ok()?,
    };
    listable(path).then(|| (path.to_string(), entry))
}

fn unhex(hex: &str) -> Option<Source> {
    let mut out = Source::default();
    if hex.len() != 2 * out.len() || !hex.is_ascii() {
        return None;
    }
    for (i, b) in out.iter_mut().enumerate() {
        *b = u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
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
    made: &Manifest,
    interrupt: &mut dyn FnMut() -> bool,
) -> Result<Written> {
    let old = manifest(out).unwrap_or_default();
    // Until the apply ends, a staged file may be the old or the new one.
    let mut union = old.clone();
    union.extend(made.iter().map(|(p, e)| (p.clone(), *e)));
    for path in staged {
        if let Some(e) = union.get_mut(path) {
            e.source = None;
        }
    }
    write_marker(out, &union)?;
    let gone: Vec<&String> = old.keys().filter(|p| !made.contains_key(*p)).collect();
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
    write_marker(out, made)?;
    Ok(Written {
        written: staged.len(),
        unchanged: made.len().saturating_sub(staged.len()),
        removed: gone.len(),
    })
}

/// Writes the marker with `manifest`, atomically.
pub fn write_marker(out: &Path, manifest: &Manifest) -> Result<()> {
    let text = marker(manifest);
    let tmp = out.join(format!("{MARKER}.new"));
    if std::fs::read_to_string(out.join(MARKER)).is_ok_and(|t| t == text) {
        // A build killed between writing and renaming left its copy.
        return match std::fs::remove_file(&tmp) {
            Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
                Err(e).with_context(|| format!("cannot remove {}", tmp.display()))
            }
            _ => Ok(()),
        };
    }
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

/// The size and modification time of the file `path` below `out`, when
/// it holds exactly `bytes`.
pub fn unchanged(out: &Path, path: &str, bytes: &[u8]) -> Option<(u64, u128)> {
    let file = out.join(path);
    match std::fs::symlink_metadata(&file) {
        Ok(m) if m.is_file() && m.len() == bytes.len() as u64 => std::fs::read(&file)
            .is_ok_and(|b| b == bytes)
            .then(|| stamp(&m)),
        _ => None,
    }
}
