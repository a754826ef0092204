//! Test harness: copies a fixture handbook to a temporary folder, runs the
//! real `brug` binary on it, and reads what it wrote. `book` drives the
//! case handbooks of `tests/cases/` the same way, by chained calls.
#![allow(dead_code)]

pub mod book;
pub mod preview;
pub mod server;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Fixture {
    pub dir: tempfile::TempDir,
}

/// The result of one `brug` run.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn ok(&self) -> &Self {
        assert_eq!(self.code, 0, "brug failed:\n{}{}", self.stdout, self.stderr);
        self
    }
}

impl Fixture {
    /// A copy of `tests/fixtures/NAME`.
    pub fn new(name: &str) -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures")
                .join(name),
            dir.path(),
        );
        Fixture { dir }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn write(&self, path: &str, text: impl AsRef<[u8]>) {
        let p = self.root().join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, text).unwrap();
    }

    pub fn read_source(&self, path: &str) -> String {
        std::fs::read_to_string(self.root().join(path)).unwrap()
    }

    pub fn remove(&self, path: &str) {
        std::fs::remove_file(self.root().join(path)).unwrap();
    }

    /// Runs `brug ARGS --root ROOT`.
    pub fn brug(&self, args: &[&str]) -> Run {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
        cmd.args(args).arg("--root").arg(self.root());
        run(cmd)
    }

    /// `brug build --no-minify`, asserting success.
    pub fn build(&self) -> Run {
        let run = self.brug(&["build", "--no-minify"]);
        run.ok();
        run
    }

    /// A file of the output, as text.
    pub fn page(&self, path: &str) -> String {
        std::fs::read_to_string(self.out().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// Every output file and its bytes, to compare whole sites.
    pub fn snapshot(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        snapshot(&self.out())
    }
}

/// Asserts that `run` failed with `message` at `location` (`file:line:`),
/// with a hint.
pub fn failed_at(run: &Run, location: &str, message: &str) {
    assert_eq!(run.code, 1, "should fail:\n{}", run.stderr);
    let err = &run.stderr;
    assert!(
        err.contains(&format!("--> {location}")),
        "no `{location}` in:\n{err}"
    );
    assert!(err.contains(message), "no `{message}` in:\n{err}");
    assert!(err.contains("= help: "), "a hint is given:\n{err}");
}

pub fn run(mut cmd: Command) -> Run {
    let out = cmd.output().expect("brug runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Every file of a fresh `brug build --no-minify` of the handbook at
/// `root`, by site path (`/`-separated), without the output marker.
pub fn fresh_build(root: &Path, step: &str) -> BTreeMap<String, Vec<u8>> {
    let out = tempfile::tempdir().unwrap();
    let fresh = out.path().join("site");
    let run = Command::new(env!("CARGO_BIN_EXE_brug"))
        .args(["build", "--no-minify", "--root"])
        .arg(root)
        .arg("--out")
        .arg(&fresh)
        .output()
        .unwrap();
    assert!(
        run.status.success(),
        "{step}: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    snapshot(&fresh)
        .into_iter()
        .map(|(p, b)| (p.to_string_lossy().replace('\\', "/"), b))
        .filter(|(p, _)| p != ".brug-output")
        .collect()
}

pub fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().to_path_buf(),
                std::fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let target = to.join(entry.path().strip_prefix(from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// Values of `attr="…"` in `html` (unminified output quotes every attribute).
pub fn attrs<'a>(html: &'a str, attr: &str) -> Vec<&'a str> {
    let needle = format!(" {attr}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let start = i + needle.len();
            let end = html[start..].find('"').map_or(html.len(), |e| start + e);
            &html[start..end]
        })
        .collect()
}

/// The `<main>` element of a page.
pub fn main_of(html: &str) -> &str {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page has </main>");
    &html[start..end]
}
