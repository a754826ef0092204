//! Output: writes a finished site aside before anything in the output
//! changes, so a failed build leaves the previous output byte for byte. A
//! first build is swapped in whole; later ones change only the files whose
//! bytes differ (`apply`). A folder brug did not create (no marker file) is
//! never emptied.

pub mod apply;

use crate::render::{Holds, Output};
use crate::text::hash::HashMap;
use anyhow::{bail, Context, Result};
pub use apply::Source;
pub use apply::Written;
use apply::{Entry, Manifest};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

/// The file that marks an output folder as brug's.
pub const MARKER: &str = ".brug-output";

/// Does `out` hold a build brug made (its marker, which lists its files)?
pub fn holds_a_build(out: &Path) -> bool {
    out.join(MARKER).is_file()
}

/// Refuses an output folder that brug did not create (and that is not empty).
pub fn check_target(out: &Path) -> Result<()> {
    if !out.exists() {
        return Ok(());
    }
    if !out.is_dir() {
        bail!(
            "{} exists and is not a folder; brug will not replace it. Choose another --out",
            out.display()
        );
    }
    if out.join(MARKER).is_file() {
        return Ok(());
    }
    let empty = std::fs::read_dir(out)
        .with_context(|| format!("cannot read {}", out.display()))?
        .next()
        .is_none();
    if !empty {
        bail!(
            "{} exists but was not created by brug (it has no {MARKER} file); brug will not empty it. \
             Move it away, or choose another --out",
            out.display()
        );
    }
    Ok(())
}

/// Where the writer puts each file of a build: a staging folder beside the
/// output, and, when the output is brug's and lists its files, only the
/// files whose bytes differ from those there (`apply`).
pub struct Stage {
    /// The staging folder.
    pub dir: PathBuf,
    /// The output folder the files are compared with, and its manifest.
    base: Option<(PathBuf, Manifest)>,
    /// The manifest's paths by source, for `holds_all`.
    by_source: OnceLock<HashMap<Source, Vec<String>>>,
    made: Mutex<Made>,
}

/// What a build made so far: every file with its entry, and the staged.
#[derive(Default)]
struct Made {
    files: Manifest,
    staged: Vec<String>,
}

/// A file to write: finished, with the hash of its source.
pub struct Pending {
    file: Output,
    source: Source,
}

impl Stage {
    /// Sorts out a file the output holds already, as the manifest or its
    /// bytes say, and notes it as made; otherwise hands it back finished
    /// (a page minified), to be written. A page unchanged since the last
    /// build is neither minified nor read. Runs on the rendering threads.
    pub fn screen(&self, file: Output) -> Result<Option<Pending>> {
        if file.kept {
            // Its job asked `holds` and skipped it.
            let entry = self.base.as_ref().and_then(|(_, old)| old.get(&file.path));
            let entry = *entry.with_context(|| format!("{} is not in the output", file.path))?;
            self.note(file.path, entry, false)?;
            return Ok(None);
        }
        let source = file
            .source
            .unwrap_or_else(|| apply::source(&file.bytes, file.minify));
        if let Some((out, old)) = &self.base {
            if let Some(entry) = old.get(&file.path) {
                if apply::still(out, &file.path, entry, &source) {
                    self.note(file.path, *entry, false)?;
                    return Ok(None);
                }
            }
        }
        let file = file.finished();
        if let Some((out, _)) = &self.base {
            if let Some((size, modified)) = apply::unchanged(out, &file.path, &file.bytes) {
                let entry = Entry {
                    source: Some(source),
                    size,
                    modified,
                };
                self.note(file.path, entry, false)?;
                return Ok(None);
            }
        }
        Ok(Some(Pending { file, source }))
    }

    /// Writes a screened file into the staging folder.
    pub fn write(&self, pending: Pending) -> Result<()> {
        let (size, modified) = write_file(&self.dir, &pending.file)?;
        let entry = Entry {
            source: Some(pending.source),
            size,
            modified,
        };
        self.note(pending.file.path, entry, true)
    }

    /// `screen`, then `write`.
    #[cfg(test)]
    pub fn put(&self, file: Output) -> Result<()> {
        match self.screen(file)? {
            Some(pending) => self.write(pending),
            None => Ok(()),
        }
    }

    fn note(&self, path: String, entry: Entry, staged: bool) -> Result<()> {
        let mut made = self
            .made
            .lock()
            .map_err(|_| anyhow::anyhow!("the writer failed"))?;
        if staged {
            made.staged.push(path.clone());
        }
        made.files.insert(path, entry);
        Ok(())
    }
}

impl Holds for Stage {
    /// A job that finds its file here as brug wrote it skips making it.
    fn holds(&self, path: &str, source: &Source) -> bool {
        self.base.as_ref().is_some_and(|(out, old)| {
            old.get(path)
                .is_some_and(|e| apply::still(out, path, e, source))
        })
    }

    fn holds_all(&self, source: &Source) -> Option<Vec<String>> {
        let (out, old) = self.base.as_ref()?;
        let by_source = self.by_source.get_or_init(|| {
            let mut map: HashMap<Source, Vec<String>> = HashMap::default();
            for (path, e) in old {
                if let Some(s) = e.source {
                    map.entry(s).or_default().push(path.clone());
                }
            }
            map
        });
        let paths = by_source.get(source)?;
        paths
            .iter()
            .all(|p| apply::still(out, p, &old[p], source))
            .then(|| paths.clone())
    }
}

/// Builds the site into `out` through `fill`, which gets the stage to put
/// every file on. If `fill` fails, the staging folder is removed and `out`
/// is untouched. Otherwise a fresh or unlisted output is swapped in whole,
/// and a listed one gets only what changed (`apply`).
pub fn write_site(out: &Path, fill: impl FnOnce(&Stage) -> Result<()>) -> Result<Written> {
    write_site_interrupted(out, fill, &mut || false)
}

/// `write_site`, with `interrupt` asked before each step of an apply (tests
/// stop there as a crash would).
pub fn write_site_interrupted(
    out: &Path,
    fill: impl FnOnce(&Stage) -> Result<()>,
    interrupt: &mut dyn FnMut() -> bool,
) -> Result<Written> {
    check_target(out)?;
    let staging = sibling(out, "new")?;
    if staging.exists() {
        std::fs::remove_dir_all(&staging)
            .with_context(|| format!("cannot remove {}", staging.display()))?;
    }
    std::fs::create_dir_all(&staging)
        .with_context(|| format!("cannot create {}", staging.display()))?;
    let stage = Stage {
        dir: staging.clone(),
        base: apply::manifest(out).map(|m| (out.to_path_buf(), m)),
        by_source: OnceLock::new(),
        made: Mutex::default(),
    };
    let result = fill(&stage).and_then(|()| {
        let listed = stage.base.is_some();
        let Made { mut files, staged } = stage.made.into_inner().unwrap_or_default();
        let made = files.len();
        // A path the marker cannot list is written but not listed.
        files.retain(|p, _| apply::listable(p));
        if listed {
            let written = apply::apply(out, &staging, &staged, &files, interrupt)?;
            std::fs::remove_dir_all(&staging)
                .with_context(|| format!("cannot remove {}", staging.display()))?;
            return Ok(written);
        }
        apply::write_marker(&staging, &files)?;
        swap(&staging, out)?;
        Ok(Written {
            written: made,
            ..Written::default()
        })
    });
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

/// Runs `produce` (the parallel renderer) with a sink that hands each file
/// to one writer thread, which puts it on `stage`. A single writer is
/// markedly faster than writing from every rendering thread: parallel
/// mkdir/create in the same folders contend on the file system's directory
/// locks (measured on ext4: 3 s of system time for 20,000 inodes from two
/// threads against under 1 s from one).
pub fn with_writer<T>(
    stage: &Stage,
    produce: impl FnOnce(&(dyn Fn(Output) -> Result<()> + Sync)) -> T,
) -> Result<T> {
    let (tx, rx) = std::sync::mpsc::sync_channel::<Pending>(256);
    std::thread::scope(|scope| {
        let writer = scope.spawn(move || -> Result<()> {
            let mut first_error = None;
            for file in rx {
                if first_error.is_none() {
                    first_error = stage.write(file).err();
                }
            }
            first_error.map_or(Ok(()), Err)
        });
        // Screening (and minifying) runs on the calling threads.
        let send = |file: Output| match stage.screen(file)? {
            Some(pending) => tx
                .send(pending)
                .map_err(|_| anyhow::anyhow!("the writer stopped")),
            None => Ok(()),
        };
        let result = produce(&send);
        drop(tx);
        let written = writer
            .join()
            .map_err(|_| anyhow::anyhow!("the writer thread failed"))?;
        written.map(|()| result)
    })
}

/// Writes one output file below `dir`, creating its folders; returns its
/// size and modification time.
fn write_file(dir: &Path, file: &Output) -> Result<(u64, u128)> {
    use std::io::Write;
    let path = dir.join(&file.path);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    let written = std::fs::File::create(&path).and_then(|mut f| {
        f.write_all(&file.bytes)?;
        f.metadata()
    });
    let meta = written.with_context(|| format!("cannot write {}", path.display()))?;
    Ok(apply::stamp(&meta))
}

fn swap(staging: &Path, out: &Path) -> Result<()> {
    if out.exists() {
        let old = sibling(out, "old")?;
        if old.exists() {
            std::fs::remove_dir_all(&old)
                .with_context(|| format!("cannot remove {}", old.display()))?;
        }
        std::fs::rename(out, &old)
            .with_context(|| format!("cannot move {} aside", out.display()))?;
        if let Err(e) = std::fs::rename(staging, out) {
            let _ = std::fs::rename(&old, out);
            return Err(e)
                .with_context(|| format!("cannot move the new site to {}", out.display()));
        }
        std::fs::remove_dir_all(&old)
            .with_context(|| format!("cannot remove the previous site {}", old.display()))?;
    } else {
        if let Some(parent) = out.parent().filter(|p| !p.as_os_str().is_empty()) {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::rename(staging, out)
            .with_context(|| format!("cannot move the new site to {}", out.display()))?;
    }
    Ok(())
}

/// `.NAME.brug-TAG` beside `out`: same file system, so rename is atomic.
fn sibling(out: &Path, tag: &str) -> Result<PathBuf> {
    let name = out
        .file_name()
        .with_context(|| format!("{} is not a usable output folder", out.display()))?
        .to_string_lossy();
    Ok(out.with_file_name(format!(".{name}.brug-{tag}")))
}

#[cfg(test)]
mod tests;
