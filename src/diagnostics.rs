//! Diagnostics as values: every problem brug finds in a handbook is collected
//! here (file, line, column, message, hint), sorted, and printed once, the way
//! rustc prints its errors, so that editors who are not programmers can find
//! and fix the spot.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is. Errors fail `build` and `check`; warnings fail
/// only `check --strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem at one place in one file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Path relative to the handbook root, as the editor sees it.
    pub file: PathBuf,
    /// 1-based; 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based, counted in characters.
    pub column: usize,
    pub message: String,
    /// How to fix it, in one sentence.
    pub hint: Option<String>,
    /// The offending source line (an excerpt around the column when the
    /// line is long), shown under the location.
    pub source_line: Option<String>,
    /// 1-based character position of the column in `source_line`.
    #[serde(skip)]
    pub caret: u32,
}

/// Source lines longer than this many characters are shown as an excerpt:
/// a 12 MB page on one line must not be copied into every diagnostic.
const EXCERPT: usize = 100;

impl Diagnostic {
    pub fn error(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: file.into(),
            line: 0,
            column: 0,
            message: message.into(),
            hint: None,
            source_line: None,
            caret: 0,
        }
    }

    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, message)
        }
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Places the diagnostic at a byte offset of `text`, the whole (normalized)
    /// file, and remembers the source line (or an excerpt) for display.
    pub fn at(mut self, text: &str, offset: usize) -> Self {
        let (line, column) = line_col(text, offset);
        self.line = line;
        self.column = column;
        let offset = floor_boundary(text, offset);
        let start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
        let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
        let src = text[start..end].trim_end_matches('\r');
        let skip = column.saturating_sub(EXCERPT * 2 / 5 + 1);
        let mut excerpt: String = src.chars().skip(skip).take(EXCERPT + 1).collect();
        self.caret = u32::try_from(column - skip).unwrap_or(u32::MAX);
        if excerpt.chars().count() > EXCERPT {
            excerpt = excerpt.chars().take(EXCERPT).chain(['…']).collect();
        }
        if skip > 0 {
            excerpt.insert(0, '…');
            self.caret += 1;
        }
        self.source_line = Some(excerpt);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// rustc-style text: `error: msg`, ` --> file:line:col`, the line, the hint.
    pub fn render(&self) -> String {
        let mut out = String::new();
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(out, "{label}: {}", self.message);
        let file = self.file.display();
        match (self.line, self.column) {
            (0, _) => {
                let _ = writeln!(out, "  --> {file}");
            }
            (l, c) => {
                let _ = writeln!(out, "  --> {file}:{l}:{c}");
            }
        }
        if let Some(src) = &self.source_line {
            let num = self.line.to_string();
            let pad = " ".repeat(num.len());
            let _ = writeln!(out, "{pad} |");
            let _ = writeln!(out, "{num} | {src}");
            let caret = " ".repeat(self.caret.saturating_sub(1) as usize);
            let _ = writeln!(out, "{pad} | {caret}^");
        }
        if let Some(hint) = &self.hint {
            // Lines after the first line up under its text.
            let _ = writeln!(out, "  = help: {}", hint.replace('\n', "\n          "));
        }
        out
    }
}

/// 1-based line and character column of a byte offset (clamped to the text).
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = floor_boundary(text, offset);
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = text[line_start..offset].chars().count() + 1;
    (line, column)
}

/// `offset` clamped to `text` and moved back to a character boundary.
fn floor_boundary(text: &str, offset: usize) -> usize {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Sorts by file, line and column so that output is stable and readable.
pub fn sort(diags: &mut [Diagnostic]) {
    diags.sort_by(|a, b| {
        (&a.file, a.line, a.column, a.severity, &a.message)
            .cmp(&(&b.file, b.line, b.column, b.severity, &b.message))
    });
}

/// Renders all diagnostics, sorted and de-duplicated, as one text.
pub fn render_all(diags: &[Diagnostic]) -> String {
    let mut sorted = diags.to_vec();
    sort(&mut sorted);
    sorted.dedup();
    sorted.iter().map(|d| d.render() + "\n").collect()
}

/// Counts (errors, warnings).
pub fn count(diags: &[Diagnostic]) -> (usize, usize) {
    let errors = diags.iter().filter(|d| d.is_error()).count();
    (errors, diags.len() - errors)
}

/// A path shown relative to the handbook root when possible.
pub fn display_path(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_col_counts_characters_not_bytes() {
        let text = "ab\nüx = 1\n";
        assert_eq!(line_col(text, 0), (1, 1));
        assert_eq!(line_col(text, 3), (2, 1));
        // 'x' follows the two-byte 'ü'
        assert_eq!(line_col(text, 5), (2, 2));
        assert_eq!(line_col(text, 999), (3, 1));
    }

    #[test]
    fn a_long_line_is_shown_as_an_excerpt_around_the_column() {
        let text = format!("+++\n+++\n{}x{}\n", "a".repeat(5000), "b".repeat(5000));
        let d = Diagnostic::error("p.md", "here").at(&text, 8 + 5000);
        assert_eq!((d.line, d.column), (3, 5001));
        let src = d.source_line.as_deref().unwrap();
        assert_eq!(src.chars().count(), 102, "{src}");
        assert!(src.starts_with("…a") && src.ends_with("b…"));
        assert_eq!(src.chars().nth(d.caret as usize - 1), Some('x'));
        let short = Diagnostic::error("p.md", "here").at("ab\ncd\n", 4);
        assert_eq!((short.source_line.as_deref(), short.caret), (Some("cd"), 2));
    }

    #[test]
    fn render_looks_like_rustc() {
        let text = "+++\ntitel = 1\n+++\n";
        let d = Diagnostic::warning("content/a.nl.md", "unknown key `titel`")
            .at(text, 4)
            .hint("did you mean `title`?");
        let shown = d.render();
        assert_eq!(
            shown,
            "warning: unknown key `titel`\n  --> content/a.nl.md:2:1\n  |\n2 | titel = 1\n  | ^\n  = help: did you mean `title`?\n"
        );
    }
}
