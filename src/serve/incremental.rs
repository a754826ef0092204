//! The rebuilds of `brug serve` that do less than everything.
//!
//! `body_edit`: an edit to the body of one page. It is taken only when the
//! page's dependencies in the model are provably the same as before: the
//! front matter is byte for byte the same (title, weight, slug, terms,
//! transfer, related: everything other pages show of it), the page links
//! to exactly the same pages and anchors (backlinks, the link graph,
//! glossary uses), its heading ids are the same (other pages' anchors),
//! and it is not the glossary (other pages show its definitions). Then
//! only these outputs can differ: the page itself, its counterparts when
//! the translation state changed (the outdated notice), and what holds
//! every page's body: its language's search index and print view.
//!
//! `pages_edit`: edits to existing pages that leave every page and URL
//! where it was. It assembles the model again and lets `affected` name
//! the jobs whose inputs changed.
//!
//! `theme_edit`: changes under `themes/`, which only templates and assets
//! read.
//!
//! Anything else rebuilds in full.

use super::affected;
use crate::analyze::markdown::{self, Glossing, Rendered};
use crate::build::site::{self, Kept};
use crate::diagnostics::Diagnostic;
use crate::model::{Lang, PairId};
use crate::render::{Job, Output};
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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
    let lang = old.lang;
    let url = hb.pairs[pair].urls[lang].clone()?;
    if is_glossary(&kept.parts.markdown, hb.pairs[pair].pages.iter().flatten()) {
        return None;
    }
    // The page as it is now; the old one is kept to undo.
    let hash = crate::model::pairs::text_hash(&old.front.title, &text[split.body_offset..]);
    let previous = (
        std::mem::replace(&mut hb.pages[id].text, text),
        std::mem::replace(&mut hb.pages[id].hash, hash),
    );
    let status_before = hb.pairs[pair].status.clone();
    crate::model::pairs::compute_status(
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
    let hl = crate::analyze::highlight::Highlighter::default();
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
        reads: std::mem::take(&mut kept.parts.reads),
        stale: Vec::new(),
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

/// Is `path` a file under `content/` that came and went between two
/// rebuilds: one that does not exist now and that the kept model has no
/// page, static file or folder of? Editors save by writing a temporary
/// file and renaming it over the page (`sed -i` leaves `content/x/sedAb12`
/// in the event), and such a name must not turn a one-page edit into a
/// full rebuild.
pub fn transient(kept: &Kept, root: &Path, path: &Path) -> bool {
    // A theme or string file that is gone was an override: it mattered.
    if path.exists() || !path.starts_with(root.join("content")) {
        return false;
    }
    let hb = &kept.hb;
    let pages = hb.pages.iter().map(|p| root.join(&p.file));
    let statics = hb.statics.iter().map(|s| s.source.clone());
    !pages.chain(statics).any(|f| f.starts_with(path))
}

/// What `pages_edit` made beside the pages it handed out first.
pub struct Edit {
    /// Generated pages, search indexes and print views.
    pub later: Vec<Output>,
    /// Generated pages that no longer exist.
    pub removed: Vec<String>,
    /// The build's diagnostics (warnings; an error means no `Edit`).
    pub diagnostics: Vec<Diagnostic>,
    /// How many page files were rendered again.
    pub pages: usize,
}

/// Rebuilds after edits to existing pages (`paths`) that keep every page
/// and URL where it was: a title, weight, summary, terms, transfer or
/// related change, or several bodies at once. The handbook is assembled
/// again from the kept pages and the changed files, their Markdown is
/// rendered again, the graph and overview pages are derived again, and
/// only the jobs `affected` names run. `None` when the change is not of
/// that kind or does not build (the caller rebuilds in full; `kept` may
/// then be gone). `pages` receives the content pages first.
pub fn pages_edit(
    root: &Path,
    kept: &mut Option<Kept>,
    paths: &[PathBuf],
    pages: &dyn Fn(Vec<Output>),
) -> Option<Edit> {
    let k = kept.as_ref()?;
    if k.parts.markdown.len() != k.hb.pages.len() || k.parts.derived.is_none() {
        return None;
    }
    let glossary = glossary_pair(k);
    let mut fresh = Vec::new();
    for path in paths {
        let id =
            k.hb.pages
                .iter()
                .position(|p| root.join(&p.file) == *path)?;
        let pair = k.hb.page_pair(id)?;
        if Some(pair) == glossary {
            return None;
        }
        let (page, diags) = crate::model::load::read_page(root, path, k.hb.pages[id].lang);
        let page = page.filter(|p| !p.front.draft)?;
        if diags.iter().any(Diagnostic::is_error) {
            return None;
        }
        fresh.push((id, page, diags));
    }
    let before_fingerprints = affected::fingerprints(&k.hb);
    let search_keys: HashMap<usize, u64> = fresh
        .iter()
        .map(|(id, _, _)| (*id, affected::search_key(&k.hb, &k.parts.markdown, *id)))
        .collect();
    // From here on the kept model is taken apart; a failure leaves none
    // and the caller's full rebuild makes a new one.
    let Kept {
        hb: mut old,
        parts,
        file_diagnostics,
    } = kept.take()?;
    let changed_files: Vec<&Path> = fresh.iter().map(|(_, p, _)| p.file.as_path()).collect();
    let mut file_diags: Vec<Diagnostic> = file_diagnostics
        .into_iter()
        .filter(|d| !changed_files.contains(&d.file.as_path()))
        .collect();
    let mut page_list = std::mem::take(&mut old.pages);
    let ids: Vec<usize> = fresh.iter().map(|(id, _, _)| *id).collect();
    for (id, page, diags) in fresh {
        page_list[id] = page;
        file_diags.extend(diags);
    }
    let mut diags = file_diags.clone();
    let statics = old.statics.iter().map(|s| s.source.clone()).collect();
    let hb = crate::model::load::assemble(root, old.config.clone(), page_list, statics, &mut diags);
    if !affected::same_pairs(&old, &hb) || diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    let after_fingerprints = affected::fingerprints(&hb);
    let derived = parts.derived?;
    let parts = crate::render::Parts {
        markdown: parts.markdown,
        derived: None,
        reads: parts.reads,
        stale: ids.clone(),
    };
    let site = site::prepare_reusing(&hb, site::options(false), &mut diags, Some(parts))?;
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    let jobs = site.jobs();
    let before = affected::Before {
        hb: &old,
        graph: &derived.graph,
        overviews: &derived.overviews,
        fingerprints: &before_fingerprints,
        search_keys: &search_keys,
    };
    let after = affected::After {
        hb: &hb,
        graph: &site.graph,
        overviews: &site.overviews,
        fingerprints: &after_fingerprints,
        jobs: &jobs,
        glossary: site.glossary.pair,
        markdown: &site.markdown,
    };
    let plan = {
        let reads = site.reads();
        affected::affected(&before, &after, &reads, &ids)
    };
    let run = |jobs: &[Job]| -> Option<Vec<Output>> {
        let done: Vec<Result<Vec<Output>, Diagnostic>> =
            jobs.par_iter().map(|&job| site.run(job)).collect();
        let mut out = Vec::new();
        for d in done {
            out.extend(d.ok()?);
        }
        Some(out)
    };
    pages(run(&plan.pages)?);
    let mut later_jobs = plan.generated.clone();
    for &lang in &plan.search {
        later_jobs.push(Job::SearchIndex(lang));
        later_jobs.extend(
            jobs.iter()
                .filter(|j| matches!(j, Job::SearchText(l, _) if *l == lang)),
        );
    }
    if site.overviews.print.is_some() {
        later_jobs.extend(plan.print.iter().map(|&l| Job::Print(l)));
    }
    let later = run(&later_jobs)?;
    let mut parts = site.into_parts();
    // Generated pages may have gone or been numbered anew.
    let now: std::collections::HashSet<Job> = jobs.into_iter().collect();
    parts.reads.retain(|job, _| now.contains(job));
    *kept = Some(Kept {
        hb,
        parts,
        file_diagnostics: file_diags,
    });
    Some(Edit {
        later,
        removed: plan.removed,
        diagnostics: diags,
        pages: plan.pages.len(),
    })
}

/// Rebuilds after changes under `themes/` only. Templates and assets shape
/// no Markdown, link, overview plan, search index or sitemap: those are
/// kept, and every job that renders a template runs again (only the
/// assets when every change is below `themes/default/static/`). Returns
/// the new files and how many jobs ran; `None` when the change is not of
/// that kind or the templates do not compile (the caller rebuilds in full
/// and reports why; `kept` then holds no Markdown and takes no fast path).
pub fn theme_edit(root: &Path, kept: &mut Kept, paths: &[PathBuf]) -> Option<(Vec<Output>, usize)> {
    let themes = root.join("themes");
    if paths.iter().any(|p| !p.starts_with(&themes))
        || kept.parts.markdown.len() != kept.hb.pages.len()
        || kept.parts.derived.is_none()
    {
        return None;
    }
    let static_dir = themes.join("default").join("static");
    let assets_only = paths
        .iter()
        .all(|p| p.starts_with(&static_dir) && p != &static_dir);
    let parts = crate::render::Parts {
        markdown: std::mem::take(&mut kept.parts.markdown),
        derived: kept.parts.derived.take(),
        reads: std::mem::take(&mut kept.parts.reads),
        stale: Vec::new(),
    };
    let mut diags = Vec::new();
    let site = site::prepare_reusing(&kept.hb, site::options(false), &mut diags, Some(parts))?;
    if diags.iter().any(Diagnostic::is_error) {
        return None;
    }
    let jobs: Vec<Job> = site
        .jobs()
        .into_iter()
        .filter(|job| match job {
            Job::Asset(_) => true,
            Job::Page(..)
            | Job::PageIndex(_)
            | Job::Transfer(_)
            | Job::Taxonomy(..)
            | Job::Term(..)
            | Job::Print(_)
            | Job::LanguageChooser
            | Job::NotFound => !assets_only,
            Job::Sitemap | Job::Static(..) | Job::SearchIndex(_) | Job::SearchText(..) => false,
        })
        .collect();
    let done: Vec<Result<Vec<Output>, Diagnostic>> =
        jobs.par_iter().map(|&job| site.run(job)).collect();
    let parts = site.into_parts();
    let mut out = Vec::new();
    for d in done {
        out.extend(d.ok()?);
    }
    kept.parts = parts;
    Some((out, jobs.len()))
}
