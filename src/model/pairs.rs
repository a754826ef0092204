//! Pairing: the language versions of one page form a pair, by path or by
//! `translation_key`. Each pair's state per language (current, outdated,
//! missing) is computed here once; `status`, `check`, the language switch,
//! hreflang and the sitemap all read that one value.

use crate::diagnostics::Diagnostic;
use crate::model::{Lang, Page, Pair, Translation};
use sha2::{Digest, Sha256};
use std::collections::HashMap;

/// Groups pages into pairs. Returns the pairs (without URLs or sections) and
/// the `(stem, lang) → pair` index.
pub fn pair_pages(
    pages: &[Page],
    langs: usize,
    default_source: Lang,
    diags: &mut Vec<Diagnostic>,
) -> (Vec<Pair>, HashMap<(String, Lang), usize>) {
    let mut pairs: Vec<Pair> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    let mut by_stem = HashMap::new();
    for (id, page) in pages.iter().enumerate() {
        let key = page
            .front
            .translation_key
            .clone()
            .unwrap_or_else(|| page.stem());
        let pair = *by_key.entry(key.clone()).or_insert_with(|| {
            pairs.push(Pair {
                key: key.clone(),
                dir: page.dir.clone(),
                name: page.name.clone(),
                pages: vec![None; langs],
                status: vec![Translation::Missing; langs],
                urls: vec![None; langs],
                source_lang: default_source,
                section: 0,
            });
            pairs.len() - 1
        });
        match pairs[pair].pages[page.lang] {
            Some(other) => diags.push(duplicate(page, &pages[other], &key)),
            None => {
                pairs[pair].pages[page.lang] = Some(id);
                by_stem.insert((page.stem(), page.lang), pair);
            }
        }
    }
    (pairs, by_stem)
}

fn duplicate(page: &Page, other: &Page, key: &str) -> Diagnostic {
    let offset = page.text.find("translation_key").unwrap_or(0);
    Diagnostic::error(
        &page.file,
        format!(
            "two pages in the same language belong to `{key}`: this one and {}",
            other.file.display()
        ),
    )
    .at(&page.text, offset)
    .hint("give one of them another translation_key, or remove the duplicate")
}

/// Sets each pair's original language and every language's state.
pub fn compute_status(pairs: &mut [Pair], pages: &[Page], languages: &[String]) {
    for pair in pairs.iter_mut() {
        let override_lang = pair
            .pages
            .iter()
            .flatten()
            .find_map(|&p| pages[p].front.source_language.as_deref())
            .and_then(|code| languages.iter().position(|l| l == code));
        if let Some(lang) = override_lang {
            pair.source_lang = lang;
        }
        let original = pair.pages[pair.source_lang].map(|p| &pages[p]);
        for lang in 0..languages.len() {
            pair.status[lang] = match (pair.pages[lang], original) {
                (None, _) => Translation::Missing,
                (Some(p), Some(orig)) if lang != pair.source_lang => outdated(&pages[p], orig),
                (Some(_), _) => Translation::Current,
            };
        }
    }
}

/// Decides whether `translation` lags behind `original`: by the recorded
/// hash where there is one, by the `updated` dates only where there is not.
fn outdated(translation: &Page, original: &Page) -> Translation {
    if let Some(recorded) = &translation.front.translated_from {
        return if *recorded == original.hash {
            Translation::Current
        } else {
            Translation::Outdated {
                reason: format!(
                    "the original changed since it was translated (hash {recorded}, now {})",
                    original.hash
                ),
            }
        };
    }
    match (translation.front.updated, original.front.updated) {
        (Some(t), Some(o)) if o > t => Translation::Outdated {
            reason: format!(
                "the original was updated on {}, the translation on {}",
                o.iso(),
                t.iso()
            ),
        },
        _ => Translation::Current,
    }
}

/// The short hash of a page's text (title and body) that translations record
/// in `translated_from`. Trailing white space and line endings do not count,
/// so re-saving a file in another editor does not mark translations outdated.
pub fn text_hash(title: &str, body: &str) -> String {
    let mut h = Sha256::new();
    h.update(title.trim().as_bytes());
    h.update(b"\n");
    for line in body.trim().lines() {
        h.update(line.trim_end().as_bytes());
        h.update(b"\n");
    }
    let digest = h.finalize();
    digest[..5].iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_ignores_line_endings_and_trailing_space() {
        let a = text_hash("Titel", "Eerste regel  \nTweede\n");
        let b = text_hash("Titel ", "\nEerste regel\nTweede");
        assert_eq!(a, b);
        assert_eq!(a.len(), 10);
        assert_ne!(a, text_hash("Titel", "Eerste regel\nDerde\n"));
    }
}
