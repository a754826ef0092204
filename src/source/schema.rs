//! Key checking for TOML tables (handbook.toml and front matter): an unknown
//! key is a warning that names the closest known key, with its position.
//! Lenient schemas that silently drop a misspelt key are a classic source of
//! "my setting does nothing" reports; a strict `deny_unknown_fields` would
//! instead make every typo fatal. A warning with a suggestion is the middle way.

use crate::diagnostics::{Diagnostic, Lines};
use std::path::Path;
use toml::de::{DeTable, DeValue};

/// Where a TOML text sits inside its file, so spans can be turned into lines.
pub struct Source<'a> {
    pub file: &'a Path,
    /// The whole file text (normalized line endings), indexed by line.
    pub lines: Lines<'a>,
    /// Byte offset of the TOML text inside the file text.
    pub offset: usize,
}

impl<'a> Source<'a> {
    /// The TOML text at byte `offset` of `text`, the whole text of `file`.
    pub fn new(file: &'a Path, text: &'a str, offset: usize) -> Source<'a> {
        Source {
            file,
            lines: Lines::new(text),
            offset,
        }
    }

    pub fn error_at(&self, span: std::ops::Range<usize>, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(self.file, message).at_line(&self.lines, self.offset + span.start)
    }

    pub fn warning_at(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::warning(self.file, message).at_line(&self.lines, self.offset + span.start)
    }

    /// Turns a TOML parse or type error into a diagnostic at its position.
    pub fn toml_error(&self, err: &toml::de::Error, what: &str) -> Diagnostic {
        let msg = err.message().trim().to_string();
        let diag = match err.span() {
            Some(span) => self.error_at(span, format!("{what}: {msg}")),
            None => Diagnostic::error(self.file, format!("{what}: {msg}"))
                .at_line(&self.lines, self.offset),
        };
        diag.hint("see the front-matter and handbook.toml reference in the README")
    }
}

/// Warns about every key of `table` that is not in `known`. `context` names
/// the table in the message (`front matter`, `[transfer]`, …).
pub fn check_keys(
    src: &Source,
    table: &DeTable,
    known: &[&str],
    context: &str,
    out: &mut Vec<Diagnostic>,
) {
    for key in table.keys() {
        let name: &str = key.get_ref();
        if known.contains(&name) {
            continue;
        }
        let mut d = src.warning_at(key.span(), format!("unknown key `{name}` in {context}"));
        d = match closest(name, known) {
            Some(best) => d.hint(format!("did you mean `{best}`?")),
            None => d.hint(format!("known keys: {}", known.join(", "))),
        };
        out.push(d);
    }
}

/// The sub-table under `key`, if it is a table.
pub fn sub_table<'t, 'i>(table: &'t DeTable<'i>, key: &str) -> Option<&'t DeTable<'i>> {
    match table.get(key).map(|v| v.get_ref()) {
        Some(DeValue::Table(t)) => Some(t),
        _ => None,
    }
}

/// The known key most similar to `name`, if any is similar enough.
pub fn closest<'k>(name: &str, known: &[&'k str]) -> Option<&'k str> {
    known
        .iter()
        .map(|k| (strsim::jaro_winkler(name, k), *k))
        .filter(|(score, _)| *score > 0.75)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_finds_typos_and_ignores_nonsense() {
        let known = ["title", "summary", "weight", "translation_key"];
        assert_eq!(closest("titel", &known), Some("title"));
        assert_eq!(closest("translationkey", &known), Some("translation_key"));
        assert_eq!(closest("zzz", &known), None);
    }

    #[test]
    fn unknown_key_warning_points_at_the_key() {
        let text = "+++\ntitle = \"x\"\nwieght = 3\n+++\n";
        let toml_text = &text[4..text.len() - 4];
        let table = DeTable::parse(toml_text).unwrap();
        let src = Source::new(Path::new("a.nl.md"), text, 4);
        let mut out = Vec::new();
        check_keys(
            &src,
            table.get_ref(),
            &["title", "weight"],
            "front matter",
            &mut out,
        );
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].line, out[0].column), (3, 1));
        assert_eq!(out[0].hint.as_deref(), Some("did you mean `weight`?"));
    }
}
