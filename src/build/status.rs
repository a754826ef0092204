//! Translation status: which pages are missing or outdated in which
//! language (`brug status`), and stamping a finished translation with the
//! hash of its original (`brug status --stamp PATH`), which is what later
//! tells, by content rather than by date, that the original changed again.

use crate::model::{Handbook, Translation};
use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::path::Path;

/// The status report as text, one block per language.
pub fn report(hb: &Handbook) -> String {
    let mut out = String::new();
    for lang in 0..hb.config.languages.len() {
        let code = hb.lang_code(lang);
        let present = hb.pairs.iter().filter(|p| p.pages[lang].is_some()).count();
        let mut missing = Vec::new();
        let mut outdated = Vec::new();
        for pair in &hb.pairs {
            match &pair.status[lang] {
                Translation::Missing => {
                    let original = &hb.pages[pair.best_page(lang)];
                    missing.push(format!(
                        "  missing   {}  (exists as {})",
                        expected_file(hb, pair, lang),
                        original.file.display()
                    ));
                }
                Translation::Outdated { reason } => {
                    let page = &hb.pages[pair.pages[lang].unwrap_or_default()];
                    outdated.push(format!("  outdated  {}  ({reason})", page.file.display()));
                }
                Translation::Current => {}
            }
        }
        let _ = writeln!(
            out,
            "{code}: {present} pages, {} missing, {} outdated",
            missing.len(),
            outdated.len()
        );
        for line in missing.iter().chain(&outdated) {
            let _ = writeln!(out, "{line}");
        }
    }
    out
}

/// Where the missing version of `pair` in `lang` would be written.
fn expected_file(hb: &Handbook, pair: &crate::model::Pair, lang: usize) -> String {
    let stem = crate::model::join(&pair.dir, &pair.name);
    format!("content/{stem}.{}.md", hb.lang_code(lang))
}

/// Records in the translation at `path` the hash of its original's current
/// text. Returns the hash written.
pub fn stamp(hb: &Handbook, path: &Path) -> Result<String> {
    // PATH may be relative to the current folder or to the handbook root.
    let candidates: Vec<_> = [path.to_path_buf(), hb.root.join(path)]
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if candidates.is_empty() {
        bail!("cannot find {}", path.display());
    }
    let page_id = hb
        .pages
        .iter()
        .position(|p| {
            std::fs::canonicalize(hb.root.join(&p.file)).is_ok_and(|c| candidates.contains(&c))
        })
        .with_context(|| format!("{} is not a page of this handbook", path.display()))?;
    let page = &hb.pages[page_id];
    let Some(pair) = hb.page_pair(page_id) else {
        bail!(
            "{} has a pairing error; run brug check",
            page.file.display()
        )
    };
    let pair = &hb.pairs[pair];
    if page.lang == pair.source_lang {
        bail!(
            "{} is the original ({}); stamp its translations instead",
            page.file.display(),
            hb.lang_code(page.lang)
        );
    }
    let Some(original) = pair.pages[pair.source_lang] else {
        bail!(
            "{} has no original in {} to compare with",
            page.file.display(),
            hb.lang_code(pair.source_lang)
        )
    };
    let hash = hb.pages[original].hash.clone();
    let file = hb.root.join(&page.file);
    let raw = std::fs::read_to_string(&file)
        .with_context(|| format!("cannot read {}", file.display()))?;
    let new = stamped(raw, &page.file, &hash)?;
    std::fs::write(&file, new).with_context(|| format!("cannot write {}", file.display()))?;
    Ok(hash)
}

/// The page file text `raw` (of `file`) with `translated_from = "HASH"` in
/// its front matter; everything else, line endings and a byte-order mark
/// included, stays as written.
pub fn stamped(raw: String, file: &Path, hash: &str) -> Result<String> {
    let crlf = raw.contains("\r\n");
    let bom = raw.starts_with('\u{feff}');
    let text = crate::source::frontmatter::normalize(raw);
    let split =
        crate::source::frontmatter::split(&text, file).map_err(|d| anyhow::anyhow!(d.message))?;
    // Only a front matter that loads is rewritten: toml_edit panics on
    // some invalid TOML (a dotted key extending a key it could not read).
    if let Err(e) = toml::de::DeTable::parse(split.front) {
        bail!("the front matter is not valid TOML: {}", e.message().trim());
    }
    let mut doc: toml_edit::DocumentMut = split
        .front
        .parse()
        .context("the front matter is not valid TOML")?;
    doc["translated_from"] = toml_edit::value(hash);
    let mut front = doc.to_string();
    if !front.ends_with('\n') {
        front.push('\n');
    }
    let mut new = format!("+++\n{front}+++\n{}", split.body);
    if crlf {
        new = new.replace('\n', "\r\n");
    }
    if bom {
        new.insert(0, '\u{feff}');
    }
    Ok(new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamping_adds_the_hash_and_keeps_the_rest() {
        let text = "\u{feff}+++\r\ntitle = \"A\" # kept\r\n+++\r\nTekst\r\n";
        let new = stamped(text.into(), Path::new("a.de.md"), "abc").unwrap();
        assert_eq!(
            new,
            "\u{feff}+++\r\ntitle = \"A\" # kept\r\ntranslated_from = \"abc\"\r\n+++\r\nTekst\r\n"
        );
    }

    #[test]
    fn a_front_matter_that_does_not_load_is_not_stamped() {
        // Found while fuzzing: toml_edit panics on this invalid TOML (a
        // dotted key extending a key it could not read).
        let text = "+++\ntitl\u{1f}==\ntitl\u{1f}.=\n+++\nTekst\n";
        let err = stamped(text.into(), Path::new("a.de.md"), "abc").unwrap_err();
        assert!(err.to_string().contains("not valid TOML"), "{err}");
    }
}
