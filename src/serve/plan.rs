//! Which rebuild a change needs, found by read-only checks against the
//! kept state. A plan is taken only when its checks prove that the change
//! affects nothing the plan leaves alone; anything else is a full build.
//!
//! - `Body`: one page's body, when its front matter is byte for byte the
//!   same, it links to the same pages and anchors, its heading ids are the
//!   same and it is not the glossary. Only that page, its counterparts
//!   whose outdated notice changed, and its language's search index and
//!   print view can differ.
//! - `Pages`: edits to existing pages that leave every page and URL where
//!   it was (a title, weight, terms, transfer, several files). The engine
//!   assembles the model again from the kept pages (moved, not copied) and
//!   checks that; `affected` names the jobs whose inputs changed.
//! - `Theme`: files under `themes/`, which only templates and assets read.

use crate::analyze::markdown::Rendered;
use crate::build::site::{self, Built};
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Lang, Page, PageId, PairId};
use crate::render::renderer::Renderer;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// How to rebuild after a change.
pub enum Plan {
    /// The changed files came and went: nothing to do.
    Nothing,
    Body(Box<BodyEdit>),
    Pages(Box<PagesEdit>),
    Theme(ThemeEdit),
    Full,
}

/// A body edit of one page, its new text already rendered.
pub struct BodyEdit {
    pub page: PageId,
    pub pair: PairId,
    pub text: String,
    pub hash: String,
    pub rendered: Rendered,
}

/// Edits to existing pages, read again. Whether every page and URL stays
/// where it was is known only once the model is assembled again, which
/// takes the kept pages (the engine does it, and builds in full when not).
pub struct PagesEdit {
    /// The changed files' pages, as read now.
    pub read: Vec<(PageId, Page)>,
    /// Their ids.
    pub pages: Vec<PageId>,
    /// The kept diagnostics about single files, those of the changed
    /// files replaced by theirs.
    pub file_diagnostics: Vec<Diagnostic>,
    /// `affected::search_key` of each changed page, before the change.
    pub search_keys: HashMap<PageId, u64>,
}

/// Changes under `themes/`, with the theme compiled again.
pub struct ThemeEdit {
    pub renderer: Renderer,
    /// Every change is below `themes/default/static/`.
    pub assets_only: bool,
}

/// The changed `paths` that lasted: those that are not `transient`.
pub fn lasting(root: &Path, kept: Option<&Built>, paths: &[PathBuf]) -> Vec<PathBuf> {
    paths
        .iter()
        .filter(|p| !kept.is_some_and(|k| transient(k, root, p)))
        .cloned()
        .collect()
}

/// The plan for the `lasting` changed paths (absolute, below `root`),
/// given the kept state of the last good build (`None` after a failed
/// one).
pub fn plan(root: &Path, kept: Option<&Built>, lasting: &[PathBuf]) -> Plan {
    if lasting.is_empty() {
        return Plan::Nothing;
    }
    let Some(kept) = kept else {
        return Plan::Full;
    };
    if let [path] = lasting {
        if let Some(edit) = body(root, kept, path) {
            return Plan::Body(Box::new(edit));
        }
    }
    if let Some(edit) = pages(root, kept, lasting) {
        return Plan::Pages(Box::new(edit));
    }
    match theme(root, kept, lasting) {
        Some(edit) => Plan::Theme(edit),
        None => Plan::Full,
    }
}

/// Is `path` a file under `content/` that came and went between two
/// rebuilds: one that does not exist now and that the kept model has no
/// page, static file or folder of? Editors save by writing a temporary
/// file and renaming it over the page (`sed -i` leaves `content/x/sedAb12`
/// in the event), and such a name must not turn a one-page edit into a
/// full rebuild.
pub fn transient(kept: &Built, root: &Path, path: &Path) -> bool {
    // A theme or string file that is gone was an override: it mattered.
    if path.exists() || !path.starts_with(root.join("content")) {
        return false;
    }
    let hb = &kept.hb;
    let pages = hb.pages.iter().map(|p| root.join(&p.file));
    let statics = hb.statics.iter().map(|s| s.source.clone());
    !pages.chain(statics).any(|f| f.starts_with(path))
}

/// The kept page of file `path`.
fn page_of(root: &Path, hb: &Handbook, path: &Path) -> Option<PageId> {
    hb.pages.iter().position(|p| root.join(&p.file) == path)
}

/// The body plan for an edit of `path`; `None` when it is not one.
fn body(root: &Path, kept: &Built, path: &Path) -> Option<BodyEdit> {
    let hb = &kept.hb;
    let id = page_of(root, hb, path)?;
    let text =
        crate::source::frontmatter::normalize(String::from_utf8(std::fs::read(path).ok()?).ok()?);
    let split = crate::source::frontmatter::split(&text, &hb.pages[id].file).ok()?;
    let old = &hb.pages[id];
    if split.body_offset != old.body_offset
        || text[..split.body_offset] != old.text[..old.body_offset]
    {
        return None;
    }
    let pair = hb.page_pair(id)?;
    hb.pairs[pair].urls[old.lang].as_ref()?;
    if kept.prepared.glossary.pair == Some(pair) {
        return None;
    }
    let hash = crate::model::pairs::text_hash(&old.front.title, &text[split.body_offset..]);
    let mut page = old.clone();
    page.text = text;
    // Its links resolve against the kept model, which the edit leaves as
    // it is apart from this page's body.
    let hl = crate::analyze::highlight::Highlighter::default();
    let rendered = kept
        .prepared
        .render_page(hb, id, &page, kept.renderer.links(), &hl);
    if !same_dependencies(&kept.prepared.markdown[id], &rendered) {
        return None;
    }
    Some(BodyEdit {
        page: id,
        pair,
        text: page.text,
        hash,
        rendered,
    })
}

/// Did rendering find the same links, anchors and headings as before (and
/// no new problem)? Offsets may differ: text above them changed.
fn same_dependencies(old: &Rendered, new: &Rendered) -> bool {
    let links = |r: &Rendered| -> Vec<(PairId, Lang, Option<String>)> {
        r.links
            .iter()
            .map(|l| (l.pair, l.lang, l.anchor.clone()))
            .collect()
    };
    let local =
        |r: &Rendered| -> Vec<String> { r.local_anchors.iter().map(|(a, _)| a.clone()).collect() };
    new.diagnostics.is_empty()
        && old.diagnostics.is_empty()
        && links(old) == links(new)
        && old.ids == new.ids
        && local(new).iter().all(|a| new.ids.contains(a))
}

/// The pages plan for edits of `paths`; `None` when it does not apply.
fn pages(root: &Path, kept: &Built, paths: &[PathBuf]) -> Option<PagesEdit> {
    let hb = &kept.hb;
    let mut fresh = Vec::new();
    for path in paths {
        let id = page_of(root, hb, path)?;
        let pair = hb.page_pair(id)?;
        if kept.prepared.glossary.pair == Some(pair) {
            return None;
        }
        let (page, diags) = crate::model::load::read_page(root, path, hb.pages[id].lang);
        let page = page.filter(|p| !p.front.draft)?;
        if diags.iter().any(Diagnostic::is_error) {
            return None;
        }
        fresh.push((id, page, diags));
    }
    let search_keys = fresh
        .iter()
        .map(|(id, _, _)| {
            let key = super::affected::search_key(hb, &kept.prepared.markdown, *id);
            (*id, key)
        })
        .collect();
    let changed: Vec<&Path> = fresh.iter().map(|(_, p, _)| p.file.as_path()).collect();
    let mut file_diagnostics: Vec<Diagnostic> = kept
        .file_diagnostics
        .iter()
        .filter(|d| !changed.contains(&d.file.as_path()))
        .cloned()
        .collect();
    let pages = fresh.iter().map(|(id, _, _)| *id).collect();
    let mut read = Vec::new();
    for (id, page, diags) in fresh {
        read.push((id, page));
        file_diagnostics.extend(diags);
    }
    Some(PagesEdit {
        read,
        pages,
        file_diagnostics,
        search_keys,
    })
}

/// The theme plan for `paths`; `None` when one is not under `themes/` or
/// the theme does not compile (the full build then says why).
fn theme(root: &Path, kept: &Built, paths: &[PathBuf]) -> Option<ThemeEdit> {
    let themes = root.join("themes");
    if paths.iter().any(|p| !p.starts_with(&themes)) {
        return None;
    }
    let static_dir = themes.join("default").join("static");
    let assets_only = paths
        .iter()
        .all(|p| p.starts_with(&static_dir) && p != &static_dir);
    let mut diags = Vec::new();
    let renderer = site::renderer(&kept.hb, kept.renderer.opts, &mut diags)?;
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    Some(ThemeEdit {
        renderer,
        assets_only,
    })
}
