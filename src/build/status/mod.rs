//! Translation status: which pages are missing or outdated in which
//! language (`brug status`), what changed in an outdated translation's
//! original since it was stamped (`--diff`, from the git history), the same
//! as JSON for tools (`--format json`), and stamping finished translations
//! with the hash of their original (`--stamp`), which is what later tells,
//! by content rather than by date, that the original changed again.

pub mod diff;
pub mod history;
pub mod json;
pub mod stamp;
pub mod text;

use crate::model::{Handbook, PageId, Translation};
use diff::Change;
use history::{History, Version, Why, WhyKind};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

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
pub fn expected_file(hb: &Handbook, pair: &crate::model::Pair, lang: usize) -> String {
    let stem = crate::model::join(&pair.dir, &pair.name);
    format!("content/{stem}.{}.md", hb.lang_code(lang))
}

/// How many pairs of each state a language has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    pub complete: usize,
    pub missing: usize,
    pub outdated: usize,
}

/// The counts for language `lang`.
pub fn counts(hb: &Handbook, lang: usize) -> Counts {
    let mut c = Counts::default();
    for pair in &hb.pairs {
        match pair.status[lang] {
            Translation::Current => c.complete += 1,
            Translation::Missing => c.missing += 1,
            Translation::Outdated { .. } => c.outdated += 1,
        }
    }
    c
}

/// An outdated translation and what changed in its original since.
pub struct Outdated {
    pub pair: usize,
    pub lang: usize,
    pub translation: PathBuf,
    pub original: PathBuf,
    /// The version stamped against and the changes since, or why they
    /// cannot be shown.
    pub changes: Result<(Version, Vec<Change>), Why>,
}

/// The outdated translations (those whose page or original is among
/// `only`, when given) with their changes, in pair order.
pub fn outdated(hb: &Handbook, history: &Result<History, Why>, only: &[PageId]) -> Vec<Outdated> {
    let mut out = Vec::new();
    for (pair_id, pair) in hb.pairs.iter().enumerate() {
        let Some(original) = pair.pages[pair.source_lang] else {
            continue;
        };
        for (lang, state) in pair.status.iter().enumerate() {
            let (Translation::Outdated { .. }, Some(page)) = (state, pair.pages[lang]) else {
                continue;
            };
            if !only.is_empty() && !only.contains(&page) && !only.contains(&original) {
                continue;
            }
            out.push(Outdated {
                pair: pair_id,
                lang,
                translation: hb.pages[page].file.clone(),
                original: hb.pages[original].file.clone(),
                changes: changes(hb, history, page, original),
            });
        }
    }
    out
}

/// The changes in `original` since the version `translation` was stamped against.
pub fn changes(
    hb: &Handbook,
    history: &Result<History, Why>,
    translation: PageId,
    original: PageId,
) -> Result<(Version, Vec<Change>), Why> {
    let page = &hb.pages[translation];
    let Some(stamp) = &page.front.translated_from else {
        return Err(Why::new(WhyKind::Unstamped, format!(
            "{} has no translated_from stamp, so brug cannot tell which version it was translated from; \
             once it matches its original, stamp it (brug status --stamp {})",
            page.file.display(),
            page.file.display()
        )));
    };
    let original = &hb.pages[original];
    let version = history
        .as_ref()
        .map_err(Clone::clone)?
        .find(&original.file, stamp)?;
    let changes = diff::diff(
        (&version.title, &version.body),
        (&original.front.title, original.body()),
    );
    Ok((version, changes))
}

/// The pages named by `paths` (relative to the current folder or to the
/// handbook root), or the first path that is not a page.
pub fn pages_at(hb: &Handbook, paths: &[PathBuf]) -> Result<Vec<PageId>, String> {
    paths.iter().map(|p| page_at(hb, p)).collect()
}

/// The page at `path`.
pub fn page_at(hb: &Handbook, path: &Path) -> Result<PageId, String> {
    let candidates: Vec<_> = [path.to_path_buf(), hb.root.join(path)]
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    if candidates.is_empty() {
        return Err(format!("cannot find {}", path.display()));
    }
    hb.pages
        .iter()
        .position(|p| {
            std::fs::canonicalize(hb.root.join(&p.file)).is_ok_and(|c| candidates.contains(&c))
        })
        .ok_or_else(|| format!("{} is not a page of this handbook", path.display()))
}
