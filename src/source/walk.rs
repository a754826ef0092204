//! The walk over `content/`: which files are pages (and in which
//! language), which are static files, and which an editor left behind and
//! brug ignores.

use crate::diagnostics::Diagnostic;
use crate::source::config::{Config, Lang};
use std::path::{Path, PathBuf};

/// Files under `content/`: pages with their language, and static files.
pub fn walk(
    root: &Path,
    content: &Path,
    config: &Config,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<(PathBuf, Lang)>, Vec<PathBuf>) {
    let mut pages = Vec::new();
    let mut statics = Vec::new();
    let walker = walkdir::WalkDir::new(content)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !is_ignored(&e.file_name().to_string_lossy()));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                let path = e
                    .path()
                    .map(|p| rel(root, p))
                    .unwrap_or_else(|| "content".into());
                diags.push(Diagnostic::error(path, format!("cannot read: {e}")));
                continue;
            }
        };
        if !entry.file_type().is_file() {
            continue;
        }
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".md") else {
            statics.push(entry.into_path());
            continue;
        };
        match stem.rsplit_once('.') {
            Some((_, code)) if config.languages.iter().any(|l| l == code) => {
                let lang = config.languages.iter().position(|l| l == code).unwrap_or(0);
                pages.push((entry.into_path(), lang));
            }
            Some((base, code)) if code.len() == 2 => diags.push(
                Diagnostic::warning(rel(root, entry.path()), format!("language `{code}` is not in `languages` of handbook.toml; the file is skipped"))
                    .hint(format!("rename it to {base}.{}.md, or add \"{code}\" to languages", config.default_language)),
            ),
            _ => diags.push(
                Diagnostic::warning(rel(root, entry.path()), "a Markdown file without a language is skipped")
                    .hint(format!("name pages NAME.LANG.md, e.g. {stem}.{}.md", config.default_language)),
            ),
        }
    }
    (pages, statics)
}

/// Hidden files and the temporary files editors leave behind.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

fn rel(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}
