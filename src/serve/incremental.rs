//! The one change `brug serve` does not rebuild whole: an edit to the body
//! of one page. It is taken only when the page's dependencies in the model
//! are provably the same as before: the front matter is byte for byte the
//! same (title, weight, slug, terms, transfer, related: everything other
//! pages show of it), the page links to exactly the same pages and anchors
//! (backlinks, the link graph, glossary uses), its heading ids are the same
//! (other pages' anchors), and it is not the glossary (other pages show its
//! definitions). Then only these outputs can differ: the page itself, its
//! counterparts when the translation state changed (the outdated notice),
//! and what holds every page's body: its language's search index and print
//! view. Anything else rebuilds in full.

use crate::markdown::{self, Glossing, Rendered};
use crate::model::{Lang, PairId};
use crate::render::{Job, Output};
use crate::site::{self, Kept};
use std::collections::HashMap;
use std::path::Path;

/// Renders the body edit of `path` using `kept`; `None` when the change
/// is not one (then `kept` is as it was and the caller rebuilds in full).
/// `pages` receives the re-rendered pages as soon as they are ready (the
/// reload should not wait for the search index); the search index and
/// print view files are returned.
pub fn body_edit(
    root: &Path,
    kept: &mut Kept,
    path: &Path,
    pages: &dyn Fn(Vec<Output>),
) -> Option<Vec<Output>> {
    if kept.parts.markdown.len() != kept.hb.pages.len() {
        return None;
    }
    let hb = &mut kept.hb;
    let id = hb.pages.iter().position(|p| root.join(&p.file) == path)?;
    let text = crate::frontmatter::normalize(String::from_utf8(std::fs::read(path).ok()?).ok()?);
    let split = crate::frontmatter::split(&text, &hb.pages[id].file).ok()?;
    let old = &hb.pages[id];
    if split.body_offset != old.body_offset
        || text[..split.body_offset] != old.text[..old.body_offset]
    {
        return None;
    }
    let pair = hb.page_pair(id)?;
    let lang = old.lang;
    let url = hb.pairs[pair].urls[lang].clone()?;
    if is_glossary(&kept.parts.markdown, hb.pairs[pair].pages.iter().flatten()) {
        return None;
    }
    // The page as it is now; the old one is kept to undo.
    let hash = crate::pairs::text_hash(&old.front.title, &text[split.body_offset..]);
    let previous = (
        std::mem::replace(&mut hb.pages[id].text, text),
        std::mem::replace(&mut hb.pages[id].hash, hash),
    );
    let status_before = hb.pairs[pair].status.clone();
    crate::pairs::compute_status(
        std::slice::from_mut(&mut hb.pairs[pair]),
        &hb.pages,
        &hb.config.languages,
    );
    let undo = |kept: &mut Kept, status| {
        kept.hb.pages[id].text = previous.0.clone();
        kept.hb.pages[id].hash = previous.1.clone();
        kept.hb.pairs[pair].status = status;
    };
    let definitions = definitions(kept);
    let glossing = match glossary_pair(kept) {
        Some(g) => Glossing::Link {
            pair: g,
            definitions: &definitions,
        },
        None => Glossing::Off,
    };
    let hl = crate::highlight::Highlighter::default();
    let opts = site::options(false);
    let fresh = markdown::render(
        &kept.hb,
        &kept.hb.pages[id],
        &url,
        &hl,
        opts.links,
        glossing,
    );
    if !same_dependencies(&kept.parts.markdown[id], &fresh) {
        undo(kept, status_before);
        return None;
    }
    let status_changed: Vec<Lang> = (0..status_before.len())
        .filter(|&l| status_before[l] != kept.hb.pairs[pair].status[l])
        .collect();
    let mut markdown = std::mem::take(&mut kept.parts.markdown);
    let old_rendered = std::mem::replace(&mut markdown[id], fresh);
    let parts = crate::render::Parts {
        markdown,
        derived: kept.parts.derived.take(),
    };
    let mut diags = Vec::new();
    let prepared = site::prepare_reusing(&kept.hb, site::options(false), &mut diags, Some(parts));
    let Some(site_view) = prepared.filter(|_| diags.iter().all(|d| !d.is_error())) else {
        // Cannot happen for an edit with the same dependencies; if it
        // does, the full build reports why.
        return None;
    };
    let mut jobs = vec![Job::Page(pair, lang)];
    for &l in &status_changed {
        if l != lang && kept.hb.pairs[pair].urls[l].is_some() {
            jobs.push(Job::Page(pair, l));
        }
    }
    let run = |jobs: &[Job]| -> Option<Vec<Output>> {
        let mut out = Vec::new();
        for &job in jobs {
            out.extend(site_view.run(job).ok()?);
        }
        Some(out)
    };
    // The page first: the reload should not wait for the rest.
    let rendered_pages = run(&jobs);
    if let Some(outputs) = rendered_pages.clone() {
        pages(outputs);
    }
    // Then what holds every page's body: the search index and the print view.
    let mut later = vec![Job::SearchIndex(lang)];
    later.extend(
        site_view
            .jobs()
            .into_iter()
            .filter(|j| matches!(j, Job::SearchText(l, _) if *l == lang)),
    );
    if site_view.overviews.print.is_some() {
        later.push(Job::Print(lang));
    }
    let index = rendered_pages.as_ref().and_then(|_| run(&later));
    kept.parts = site_view.into_parts();
    let (Some(_), Some(index)) = (rendered_pages, index) else {
        // The caller rebuilds in full, from the model as it was.
        kept.parts.markdown[id] = old_rendered;
        undo(kept, status_before);
        return None;
    };
    Some(index)
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
        && old.definitions.is_empty()
        && new.definitions.is_empty()
}

/// Whether any of a pair's pages is the glossary (it has definitions).
fn is_glossary<'a>(markdown: &[Rendered], mut pages: impl Iterator<Item = &'a usize>) -> bool {
    pages.any(|&p| markdown.get(p).is_some_and(|r| !r.definitions.is_empty()))
}

/// The glossary's pair, recognized by its definitions.
fn glossary_pair(kept: &Kept) -> Option<PairId> {
    let page = kept
        .parts
        .markdown
        .iter()
        .position(|r| !r.definitions.is_empty())?;
    kept.hb.page_pair(page)
}

/// The glossary's definitions per language, as `prepare` found them.
fn definitions(kept: &Kept) -> Vec<HashMap<String, String>> {
    let Some(pair) = glossary_pair(kept) else {
        return Vec::new();
    };
    (0..kept.hb.config.languages.len())
        .map(|l| {
            let page = kept.hb.pairs[pair].best_page(l);
            kept.parts
                .markdown
                .get(page)
                .map(|r| r.definitions.clone())
                .unwrap_or_default()
        })
        .collect()
}
