//! Output: writes a finished site aside and swaps it in, so a failed build
//! leaves the previous output byte for byte, and a reader never sees half a
//! site. A folder brug did not create (no marker file) is never emptied.

use crate::render::Output;
use anyhow::{bail, Context, Result};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// The file that marks an output folder as brug's.
pub const MARKER: &str = ".brug-output";

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

/// Writes `files` to a staging folder beside `out`, then swaps it in.
pub fn write_site(out: &Path, files: &[Output]) -> Result<()> {
    check_target(out)?;
    let staging = sibling(out, "new")?;
    if staging.exists() {
        std::fs::remove_dir_all(&staging)
            .with_context(|| format!("cannot remove {}", staging.display()))?;
    }
    let result = write_all(&staging, files).and_then(|()| swap(&staging, out));
    if result.is_err() && staging.exists() {
        let _ = std::fs::remove_dir_all(&staging);
    }
    result
}

fn write_all(dir: &Path, files: &[Output]) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    std::fs::write(
        dir.join(MARKER),
        "This folder is written by brug; it replaces it on every build.\n",
    )
    .with_context(|| format!("cannot write in {}", dir.display()))?;
    files.par_iter().try_for_each(|f| {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&path, &f.bytes).with_context(|| format!("cannot write {}", path.display()))
    })
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
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> Output {
        Output {
            path: path.into(),
            bytes: text.as_bytes().to_vec(),
        }
    }

    #[test]
    fn replaces_own_output_and_refuses_foreign_folders() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(&out, &[file("a/index.html", "1")]).unwrap();
        write_site(&out, &[file("b/index.html", "2")]).unwrap();
        assert!(!out.join("a").exists());
        assert_eq!(
            std::fs::read_to_string(out.join("b/index.html")).unwrap(),
            "2"
        );
        let foreign = tmp.path().join("mine");
        std::fs::create_dir(&foreign).unwrap();
        std::fs::write(foreign.join("thesis.docx"), "x").unwrap();
        let err = write_site(&foreign, &[file("index.html", "x")]).unwrap_err();
        assert!(err.to_string().contains("was not created by brug"));
        assert!(foreign.join("thesis.docx").exists());
        assert_eq!(
            std::fs::read_dir(tmp.path()).unwrap().count(),
            2,
            "no staging folder left behind"
        );
    }
}
