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
    /// The offending source line, shown under the location; a long line
    /// only around the column, with `…` where it is cut.
    pub source_line: Option<String>,
    /// The 1-based character column of the caret in `source_line`: `column`,
    /// unless the line was cut (small either way: a long line is cut).
    pub source_column: u16,
}

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
            source_column: 0,
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
    /// file, and remembers the source line for display. Reads the text up to
    /// the offset: for many diagnostics in one text, use `at_line` with the
    /// text's `Lines`.
    pub fn at(self, text: &str, offset: usize) -> Self {
        self.at_line(&Lines::new(text), offset)
    }

    /// Places the diagnostic at a byte offset of the text `lines` indexes.
    pub fn at_line(mut self, lines: &Lines, offset: usize) -> Self {
        let (line, column) = lines.line_col(offset);
        self.line = line;
        self.column = column;
        if let Some((text, start)) = lines.line(line) {
            let at = lines.floor(offset) - start;
            let (shown, caret) = excerpt(text, at.min(text.len()), column);
            self.source_line = Some(shown);
            self.source_column = u16::try_from(caret).unwrap_or(u16::MAX);
        }
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
            let caret = " ".repeat(usize::from(self.source_column).saturating_sub(1));
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
    Lines::new(text).line_col(offset)
}

/// Bytes per block of `Lines::chars`.
const BLOCK: usize = 64;

/// An index of a text: where its lines start and how many characters come
/// before each block of 64 bytes. Turns a byte offset into a line and a
/// character column by a binary search and a look at one block, so that a
/// file with thousands of problems (keys, links, headings) is positioned in
/// linear time, however long its lines.
pub struct Lines<'a> {
    text: &'a str,
    /// Byte offset of the start of each line.
    starts: Vec<usize>,
    /// `chars[k]`: the characters in the first `k * BLOCK` bytes.
    chars: Vec<usize>,
}

impl<'a> Lines<'a> {
    pub fn new(text: &'a str) -> Lines<'a> {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut chars = vec![0];
        let mut total = 0;
        for block in text.as_bytes().chunks(BLOCK) {
            total += char_starts(block);
            chars.push(total);
        }
        Lines {
            text,
            starts,
            chars,
        }
    }

    /// 1-based line and character column of a byte offset (clamped to the text).
    /// The text this indexes.
    pub fn text(&self) -> &'a str {
        self.text
    }

    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = self.floor(offset);
        let line = self.starts.partition_point(|&s| s <= offset);
        let column = self.chars_before(offset) - self.chars_before(self.starts[line - 1]);
        (line, column + 1)
    }

    /// Line `line` (1-based) without its line break, and the byte offset
    /// it starts at; `None` after the last line.
    fn line(&self, line: usize) -> Option<(&'a str, usize)> {
        let start = *self.starts.get(line.checked_sub(1)?)?;
        if start >= self.text.len() {
            return None;
        }
        let text = match self.starts.get(line) {
            Some(&next) => {
                let text = &self.text[start..next - 1];
                text.strip_suffix('\r').unwrap_or(text)
            }
            None => &self.text[start..],
        };
        Some((text, start))
    }

    /// `offset` clamped to the text and moved back to a character boundary.
    fn floor(&self, offset: usize) -> usize {
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }

    /// The characters before byte `offset`, a character boundary.
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        self.chars[block] + char_starts(&self.text.as_bytes()[block * BLOCK..offset])
    }
}

/// How many characters start in `bytes` of UTF-8 (bytes that do not
/// continue a character).
fn char_starts(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Lines longer than this many bytes are shown cut, around the column.
const SHOWN: usize = 120;
/// Characters kept on each side of the column when a line is cut.
const AROUND: usize = 50;

/// What a diagnostic shows of its source `line`: all of it, or, for a long
/// line, the characters around byte `at` with `…` where it was cut; and the
/// caret's column in that (the line's `column` when it is whole). Cutting
/// keeps thousands of diagnostics on one long line from copying it each.
fn excerpt(line: &str, at: usize, column: usize) -> (String, usize) {
    if line.len() <= SHOWN {
        return (line.to_string(), column);
    }
    let start = line[..at]
        .char_indices()
        .rev()
        .nth(AROUND - 1)
        .map_or(0, |(i, _)| i);
    let end = line[at..]
        .char_indices()
        .nth(AROUND)
        .map_or(line.len(), |(i, _)| at + i);
    let mut shown = String::new();
    let mut caret = line[start..at].chars().count() + 1;
    if start > 0 {
        shown.push('…');
        caret += 1;
    }
    shown.push_str(&line[start..end]);
    if end < line.len() {
        shown.push('…');
    }
    (shown, caret)
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
    fn the_line_index_agrees_with_reading_from_the_start() {
        let text = "ab\r\nü€x\n\n".repeat(30) + &"é".repeat(100) + "\nend";
        let lines = Lines::new(&text);
        for offset in 0..=text.len() + 2 {
            let mut o = offset.min(text.len());
            while !text.is_char_boundary(o) {
                o -= 1;
            }
            let before = &text[..o];
            let line = before.matches('\n').count() + 1;
            let start = before.rfind('\n').map_or(0, |i| i + 1);
            let column = text[start..o].chars().count() + 1;
            assert_eq!(lines.line_col(offset), (line, column), "offset {offset}");
            let shown = Diagnostic::error("a", "m")
                .at_line(&lines, offset)
                .source_line;
            let want = text.lines().nth(line - 1).map(str::to_owned);
            assert!(want.as_ref().is_none_or(|w| w.len() > SHOWN) || shown == want);
        }
    }

    #[test]
    fn a_long_line_is_shown_cut_around_the_column() {
        // Found while fuzzing: 10,000 broken links on one line copied the
        // line into each diagnostic, gigabytes for a 170 KB page.
        let text = format!("{}[x](weg.md){}\n", "ä".repeat(500), "b".repeat(500));
        let d = Diagnostic::error("p.nl.md", "weg").at(&text, text.find('[').unwrap());
        assert_eq!((d.line, d.column), (1, 501));
        let shown = d.source_line.as_deref().unwrap();
        assert_eq!(shown.chars().count(), 2 * AROUND + 2);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        let skip = usize::from(d.source_column) - 1;
        let caret: String = shown.chars().skip(skip).take(4).collect();
        assert_eq!(caret, "[x](");
        assert!(d
            .render()
            .contains(&format!("\n  | {}^\n", " ".repeat(AROUND + 1))));
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
