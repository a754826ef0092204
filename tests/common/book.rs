//! `BookTest`: one case handbook from `tests/cases/NAME/`, driven by chained
//! calls in the shape of mdBook's test suite — build, look at output files,
//! change a source, build again:
//!
//! ```ignore
//! BookTest::case("german-slug")
//!     .build()
//!     .check_file("de/index.html", &["<a href=\"methoden/konsensprinzip/#vorgehen\">"])
//!     .edit("content/methods/consensus.de.md", |t| t.replace("konsensprinzip", "konsens"))
//!     .build()
//!     .check_no_file("de/methoden/konsensprinzip/index.html");
//! ```
//!
//! Source paths (`edit`, `write`, `remove`) are relative to the handbook
//! root, output paths (`check_file` and the other checks) to `public/`.
//!
//! **Snippets.** A check looks for a snippet of the output with every run
//! of white space (spaces, tabs, line breaks) taken as one space, so that a
//! snippet may span lines of the output, pinning their order, without
//! copying the templates' indentation and blank lines. (`check_stderr`
//! looks for its text as it is: diagnostics are aligned by spaces.)
//!
//! **Expected files.** `tests/cases/NAME/expected/PATH` lists snippets that
//! must each appear in `public/PATH` of a `--no-minify` build, separated by
//! lines that hold only `---`.

use super::{main_of, run, Run};
use brug::serve::engine::Route;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The line between two snippets of an expected file.
const SEPARATOR: &str = "---";

/// A case handbook in a temporary folder and the last `brug` run on it.
pub struct BookTest {
    name: String,
    dir: tempfile::TempDir,
    last: Option<Run>,
    /// `brug serve`'s rebuild engine on the case, once `serve` started it.
    preview: Option<super::preview::Preview>,
}

/// `tests/cases/`, where each folder is a case.
pub fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases")
}

impl BookTest {
    /// A copy of `tests/cases/NAME/` without its `expected/` folder.
    pub fn case(name: &str) -> BookTest {
        let from = cases_dir().join(name);
        assert!(from.join("handbook.toml").is_file(), "no case {name}");
        let dir = tempfile::tempdir().unwrap();
        let walk = walkdir::WalkDir::new(&from)
            .into_iter()
            .filter_entry(|e| e.depth() != 1 || e.file_name() != "expected");
        for entry in walk {
            let entry = entry.unwrap();
            let target = dir.path().join(entry.path().strip_prefix(&from).unwrap());
            if entry.file_type().is_dir() {
                std::fs::create_dir_all(&target).unwrap();
            } else {
                std::fs::copy(entry.path(), &target).unwrap();
            }
        }
        BookTest {
            name: name.to_string(),
            dir,
            last: None,
            preview: None,
        }
    }

    /// The handbook's root folder (where `handbook.toml` is).
    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The last run's result.
    #[track_caller]
    pub fn last(&self) -> &Run {
        self.last.as_ref().expect("brug has not run yet")
    }

    /// Runs `brug ARGS --root ROOT` in the root folder; `check_exit` and
    /// `check_stderr` look at the result.
    pub fn run(&mut self, args: &[&str]) -> &mut Self {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_brug"));
        cmd.args(args)
            .arg("--root")
            .arg(self.root())
            .current_dir(self.root());
        self.last = Some(run(cmd));
        self
    }

    /// `brug build --no-minify`, which must succeed.
    #[track_caller]
    pub fn build(&mut self) -> &mut Self {
        self.run(&["build", "--no-minify"]).check_exit(0)
    }

    /// `brug build --no-minify`, which must fail with exit code 1 (an
    /// error in the handbook, not a crash).
    #[track_caller]
    pub fn build_fails(&mut self) -> &mut Self {
        self.run(&["build", "--no-minify"]).check_exit(1)
    }

    /// The last run exited with `code`.
    #[track_caller]
    pub fn check_exit(&mut self, code: i32) -> &mut Self {
        let last = self.last();
        assert!(
            last.code == code,
            "{}: brug exited with {}, not {code}\n--- stdout\n{}--- stderr\n{}",
            self.name,
            last.code,
            last.stdout,
            last.stderr
        );
        self
    }

    /// The last run's stderr holds `snippet`.
    #[track_caller]
    pub fn check_stderr(&mut self, snippet: &str) -> &mut Self {
        let stderr = &self.last().stderr;
        assert!(
            stderr.contains(snippet),
            "{}: stderr lacks `{snippet}`:\n{stderr}",
            self.name
        );
        self
    }

    /// Each snippet must appear in the output file.
    #[track_caller]
    pub fn check_file(&mut self, path: &str, snippets: &[&str]) -> &mut Self {
        let failures = self.missing(path, snippets);
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
        self
    }

    /// The output file does not hold `snippet`.
    #[track_caller]
    pub fn check_file_lacks(&mut self, path: &str, snippet: &str) -> &mut Self {
        let out = self.output(path).unwrap_or_else(|e| panic!("{e}"));
        if let Some(at) = out.find(snippet) {
            panic!(
                "{}: public/{path} holds `{snippet}`, here:\n{}",
                self.name,
                around(&out.text, at, snippet.len())
            );
        }
        self
    }

    /// Nothing (no file, no folder) is at this output path.
    #[track_caller]
    pub fn check_no_file(&mut self, path: &str) -> &mut Self {
        let file = self.root().join("public").join(path);
        assert!(!file.exists(), "{}: public/{path} exists", self.name);
        self
    }

    /// Rewrites a source file with `change`, which must change something.
    #[track_caller]
    pub fn edit(&mut self, path: &str, change: impl FnOnce(&str) -> String) -> &mut Self {
        let file = self.root().join(path);
        let old = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{path}: {e}"));
        let new = change(&old);
        assert!(
            new != old,
            "{}: the edit of {path} changed nothing",
            self.name
        );
        std::fs::write(file, new).unwrap();
        self
    }

    /// Writes a source file, creating its folders.
    pub fn write(&mut self, path: &str, text: &str) -> &mut Self {
        let file = self.root().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
        self
    }

    /// Deletes a source file.
    #[track_caller]
    pub fn remove(&mut self, path: &str) -> &mut Self {
        std::fs::remove_file(self.root().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"));
        self
    }

    /// Starts `brug serve`'s rebuild engine on the case, as it is now.
    pub fn serve(&mut self) -> &mut Self {
        self.preview = Some(super::preview::Preview::start(self.dir.path()));
        self
    }

    /// Hands the engine every source changed since `serve` (or the last
    /// check), checks the route it took, and that it serves what a fresh
    /// build makes, both ways.
    #[track_caller]
    pub fn serve_check(&mut self, route: Route) -> &mut Self {
        let step = format!("case {}", self.name);
        let preview = self.preview.as_mut().expect("call serve() first");
        preview.check(route, &step);
        self
    }

    /// Every snippet of every file under the case's `expected/` must appear
    /// in the output of the last build.
    #[track_caller]
    pub fn check_expected(&mut self) -> &mut Self {
        let failures = self.expected_mismatches();
        assert!(failures.is_empty(), "{}", failures.join("\n\n"));
        self
    }

    /// What `check_expected` finds amiss, one message per missing snippet
    /// or file, each naming the case and the path.
    pub fn expected_mismatches(&self) -> Vec<String> {
        let expected = cases_dir().join(&self.name).join("expected");
        let mut failures = Vec::new();
        for entry in walkdir::WalkDir::new(&expected).sort_by_file_name() {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().strip_prefix(&expected).unwrap();
            let path = path.to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let snippets = snippets(&text);
            if snippets.is_empty() {
                failures.push(format!("{}: expected/{path} holds no snippet", self.name));
            }
            failures.extend(self.missing(&path, &snippets));
        }
        failures
    }

    /// An output file, or a message naming the case and path.
    fn output(&self, path: &str) -> Result<Output, String> {
        std::fs::read_to_string(self.root().join("public").join(path))
            .map(Output::new)
            .map_err(|e| format!("{}: public/{path}: {e}", self.name))
    }

    /// One message per snippet that the output file lacks.
    fn missing(&self, path: &str, snippets: &[&str]) -> Vec<String> {
        let out = match self.output(path) {
            Ok(out) => out,
            Err(e) => return vec![e],
        };
        snippets
            .iter()
            .filter(|s| out.find(s).is_none())
            .map(|s| {
                let excerpt = out.excerpt(s);
                format!("{}: public/{path} lacks\n{s}\n{excerpt}", self.name)
            })
            .collect()
    }
}

/// The snippets of an expected file: the text between lines that hold
/// only `---`, trimmed; empty ones are skipped.
fn snippets(text: &str) -> Vec<&str> {
    let mut blocks = Vec::new();
    let (mut start, mut at) = (0, 0);
    for line in text.split_inclusive('\n') {
        if line.trim_end() == SEPARATOR {
            blocks.push(&text[start..at]);
            start = at + line.len();
        }
        at += line.len();
    }
    blocks.push(&text[start..]);
    blocks.retain(|b| !b.trim().is_empty());
    blocks.into_iter().map(str::trim).collect()
}

/// An output file as written, and with its white space squashed.
struct Output {
    text: String,
    flat: String,
    /// For each byte of `flat`, the offset in `text` it comes from.
    from: Vec<usize>,
}

impl Output {
    fn new(text: String) -> Output {
        let mut flat = String::with_capacity(text.len());
        let mut from = Vec::with_capacity(text.len());
        let mut space = false;
        for (i, c) in text.char_indices() {
            if c.is_whitespace() {
                space = !flat.is_empty();
                continue;
            }
            if std::mem::take(&mut space) {
                flat.push(' ');
                from.push(i);
            }
            flat.push(c);
            from.extend(std::iter::repeat_n(i, c.len_utf8()));
        }
        Output { text, flat, from }
    }

    /// Where `snippet` starts in the text, white space squashed in both.
    fn find(&self, snippet: &str) -> Option<usize> {
        let at = self.flat.find(&squash(snippet))?;
        Some(self.from.get(at).copied().unwrap_or(0))
    }

    /// Where the output parts from a missing snippet: the output after the
    /// longest start of the snippet that it holds, or else its `<main>`.
    fn excerpt(&self, snippet: &str) -> String {
        let snippet = squash(snippet);
        let matched = snippet
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take_while(|&end| self.flat.contains(&snippet[..end]))
            .last()
            .unwrap_or(0);
        if matched >= 12 {
            let end = self.flat.find(&snippet[..matched]).unwrap() + matched;
            let at = self.from.get(end).copied().unwrap_or(self.text.len());
            return format!(
                "--- the output matches up to `{}`, then reads:\n{}",
                &snippet[..matched],
                around(&self.text, at, 0)
            );
        }
        let text = &self.text;
        let main = if text.contains("<main") && text.contains("</main>") {
            main_of(text)
        } else {
            text
        };
        let start = around(main, 0, 1500);
        format!("--- no start of it is in the output, which reads:\n{start}")
    }
}

/// `text` with each run of white space as one space, trimmed.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Some 300 bytes of `text` from `at` on (at least `len` of them), cut at
/// character boundaries.
fn around(text: &str, at: usize, len: usize) -> String {
    let start = floor(text, at.saturating_sub(80));
    let end = floor(text, (at + len.max(300)).min(text.len()));
    format!("…{}…", &text[start..end])
}

fn floor(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}
