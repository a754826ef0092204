//! The theme: templates, static assets and interface strings. The default
//! theme and strings are compiled into the binary, so an installed `brug`
//! works in any folder with just `handbook.toml` and `content/`; a handbook's
//! own `themes/default/…` files override them file by file, its `i18n/…`
//! strings message by message.

use crate::diagnostics::Diagnostic;
use crate::source::strings::FtlFile;
use include_dir::{include_dir, Dir};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

static DEFAULT_THEME: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes/default");
static DEFAULT_I18N: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/i18n");

/// Theme files by path relative to the theme folder (`templates/page.html`).
pub struct Theme {
    pub templates: BTreeMap<String, String>,
    pub assets: BTreeMap<String, Vec<u8>>,
    pub strings: Vec<FtlFile>,
}

impl Theme {
    /// The embedded theme with `root`'s overrides applied.
    pub fn load(root: &Path) -> (Theme, Vec<Diagnostic>) {
        let mut diags = Vec::new();
        let mut files: BTreeMap<String, (PathBuf, Vec<u8>)> = BTreeMap::new();
        embedded(&DEFAULT_THEME, &mut files, "themes/default");
        overrides(root, "themes/default", &mut files, &mut diags);
        // Strings are not replaced file by file but merged message by
        // message: both layers go on, the built-in one first.
        let mut builtin_ftl = BTreeMap::new();
        embedded(&DEFAULT_I18N, &mut builtin_ftl, "i18n");
        let mut own_ftl = BTreeMap::new();
        overrides(root, "i18n", &mut own_ftl, &mut diags);
        let ftl = builtin_ftl
            .into_iter()
            .map(|f| (true, f))
            .chain(own_ftl.into_iter().map(|f| (false, f)));

        let mut theme = Theme {
            templates: BTreeMap::new(),
            assets: BTreeMap::new(),
            strings: Vec::new(),
        };
        for (path, (file, bytes)) in files {
            if let Some(name) = path.strip_prefix("templates/") {
                match String::from_utf8(bytes) {
                    Ok(text) => {
                        theme.templates.insert(name.to_string(), text);
                    }
                    Err(_) => {
                        diags.push(Diagnostic::error(file, "the template is not valid UTF-8"))
                    }
                }
            } else if let Some(name) = path.strip_prefix("static/") {
                theme.assets.insert(name.to_string(), bytes);
            }
        }
        for (builtin, (path, (file, bytes))) in ftl {
            let Some(lang) = path.strip_suffix(".ftl") else {
                continue;
            };
            match String::from_utf8(bytes) {
                Ok(text) => theme.strings.push(FtlFile {
                    lang: lang.to_string(),
                    file,
                    text: crate::source::frontmatter::normalize(text),
                    builtin,
                }),
                Err(_) => diags.push(Diagnostic::error(
                    file,
                    "the strings file is not valid UTF-8",
                )),
            }
        }
        (theme, diags)
    }
}

/// Writes the built-in theme (`themes/default/…`) and strings (`i18n/…`)
/// into `dir` for editing, and returns the files written. Refuses, writing
/// nothing, when any of them exists: an edited theme is never overwritten.
pub fn export(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    use anyhow::Context;
    let mut files = BTreeMap::new();
    embedded(&DEFAULT_THEME, &mut files, "themes/default");
    let mut strings = BTreeMap::new();
    embedded(&DEFAULT_I18N, &mut strings, "i18n");
    let all: Vec<(PathBuf, Vec<u8>)> = files.into_values().chain(strings.into_values()).collect();
    let existing: Vec<String> = all
        .iter()
        .filter(|(p, _)| dir.join(p).exists())
        .map(|(p, _)| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        anyhow::bail!(
            "{} already has {}; brug theme export does not overwrite (move them aside first)",
            dir.display(),
            existing.join(", ")
        );
    }
    for (path, bytes) in &all {
        let target = dir.join(path);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .with_context(|| format!("cannot create {}", parent.display()))?;
        }
        std::fs::write(&target, bytes)
            .with_context(|| format!("cannot write {}", target.display()))?;
    }
    Ok(all.into_iter().map(|(p, _)| p).collect())
}

fn embedded(dir: &Dir<'static>, out: &mut BTreeMap<String, (PathBuf, Vec<u8>)>, prefix: &str) {
    for entry in dir.entries() {
        if let Some(d) = entry.as_dir() {
            embedded(d, out, prefix);
        } else if let Some(f) = entry.as_file() {
            let rel = f.path().to_string_lossy().replace('\\', "/");
            out.insert(
                rel.clone(),
                (PathBuf::from(prefix).join(&rel), f.contents().to_vec()),
            );
        }
    }
}

fn overrides(
    root: &Path,
    sub: &str,
    out: &mut BTreeMap<String, (PathBuf, Vec<u8>)>,
    diags: &mut Vec<Diagnostic>,
) {
    let base = root.join(sub);
    if !base.is_dir() {
        return;
    }
    for entry in walkdir::WalkDir::new(&base)
        .sort_by_file_name()
        .into_iter()
        .flatten()
    {
        if !entry.file_type().is_file()
            || crate::source::walk::is_ignored(&entry.file_name().to_string_lossy())
        {
            continue;
        }
        let rel = entry.path().strip_prefix(&base).unwrap_or(entry.path());
        let key = rel
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        let shown = PathBuf::from(sub).join(rel);
        match std::fs::read(entry.path()) {
            Ok(bytes) => {
                out.insert(key, (shown, bytes));
            }
            Err(e) => diags.push(Diagnostic::error(shown, format!("cannot read: {e}"))),
        }
    }
}
