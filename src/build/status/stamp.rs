//! Stamping finished translations: `translated_from = "HASH"` written into
//! the front matter, the hash of the original's current text.

use crate::model::{Handbook, PageId};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// The translations at `paths`, checked before anything is written: each
/// must be a page with an original to compare with.
pub fn translations_at(hb: &Handbook, paths: &[PathBuf]) -> Result<Vec<PageId>> {
    let pages = super::pages_at(hb, paths).map_err(anyhow::Error::msg)?;
    for &page in &pages {
        original_of(hb, page)?;
    }
    Ok(pages)
}

/// Every translation whose stamp is not its original's current hash
/// (outdated, or never stamped), for `--all-current`.
pub fn unstamped(hb: &Handbook) -> Vec<PageId> {
    let mut out = Vec::new();
    for pair in &hb.pairs {
        let Some(original) = pair.pages[pair.source_lang] else {
            continue;
        };
        for (lang, page) in pair.pages.iter().enumerate() {
            let Some(page) = *page else { continue };
            let stamp = hb.pages[page].front.translated_from.as_deref();
            if lang != pair.source_lang && stamp != Some(hb.pages[original].hash.as_str()) {
                out.push(page);
            }
        }
    }
    out
}

/// The original of translation `page`, or why it has none to stamp against.
fn original_of(hb: &Handbook, page_id: PageId) -> Result<PageId> {
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
    pair.pages[pair.source_lang].with_context(|| {
        format!(
            "{} has no original in {} to compare with",
            page.file.display(),
            hb.lang_code(pair.source_lang)
        )
    })
}

/// Records in translation `page` the hash of its original's current text.
/// Returns the hash written.
pub fn stamp(hb: &Handbook, page_id: PageId) -> Result<String> {
    let original = original_of(hb, page_id)?;
    let page = &hb.pages[page_id];
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
