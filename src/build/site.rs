//! The build pipeline, end to end: load → theme and strings → render →
//! write. `check` runs the same steps without writing. Diagnostics from every
//! step are collected; output is written only when there is no error.

use crate::analyze::markdown::LinkStyle;
use crate::build::output;
use crate::diagnostics::Diagnostic;
use crate::model::load::load;
use crate::model::{Handbook, Translation};
use crate::render::{Output, RenderOptions, Site};
use crate::source::strings::Strings;
use crate::source::theme::Theme;
use std::path::Path;
use std::time::{Duration, Instant};

/// What a build or check did, for the one-line summary and for tests.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
    /// (language, pages written) per language.
    pub pages: Vec<(String, usize)>,
    pub missing: usize,
    pub outdated: usize,
    pub files: usize,
    pub written: bool,
    pub elapsed: Duration,
    /// (language, bytes of `search/index-LANG.js`): what a reader loads
    /// before the first search result.
    pub search: Vec<(String, usize)>,
}

impl Report {
    pub fn errors(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).0
    }

    pub fn warnings(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).1
    }
}

/// Where a build's files go.
pub enum Dest<'a> {
    /// Nowhere: `brug check`.
    Check,
    /// A folder, written aside and swapped in when nothing failed.
    Dir(&'a Path),
    /// A function, as each file is ready (`brug serve` keeps them in memory).
    Memory(&'a (dyn Fn(Output) + Sync)),
}

/// Loads, renders and (when `out` is given and nothing failed) writes the site.
pub fn run(root: &Path, out: Option<&Path>, opts: RenderOptions) -> Report {
    match out {
        Some(dir) => run_to(root, Dest::Dir(dir), opts),
        None => run_to(root, Dest::Check, opts),
    }
}

/// Loads and renders the site into `dest`.
pub fn run_to(root: &Path, dest: Dest, opts: RenderOptions) -> Report {
    run_keeping(root, dest, opts).0
}

/// The model and every page's rendered Markdown of a build, for rebuilding
/// a single page later (`brug serve`).
pub struct Kept {
    pub hb: Handbook,
    pub parts: crate::render::Parts,
    /// The diagnostics about single files (`Loaded::file_diagnostics`).
    pub file_diagnostics: Vec<Diagnostic>,
}

/// `run_to`, also handing back the model of a successful in-memory build.
pub fn run_keeping(root: &Path, dest: Dest, opts: RenderOptions) -> (Report, Option<Kept>) {
    let start = Instant::now();
    let out = match dest {
        Dest::Dir(dir) => Some(dir),
        _ => None,
    };
    let mut report = Report::default();
    if let Some(out) = out {
        if inside(out, &root.join("content")) {
            let d = Diagnostic::error(
                out,
                "the output folder is inside content/; every build would copy the previous one",
            )
            .hint("choose an --out outside content/, e.g. the default ROOT/public");
            report.diagnostics.push(d);
            return (report, None);
        }
        if let Err(e) = output::check_target(out) {
            report
                .diagnostics
                .push(Diagnostic::error(out, format!("{e:#}")));
            return (report, None);
        }
    }
    let loaded = load(root);
    report.diagnostics = loaded.diagnostics;
    let file_diagnostics = loaded.file_diagnostics;
    let Some(hb) = loaded.handbook else {
        return (finish(report, start), None);
    };
    summarize(&hb, &mut report);
    let opts = RenderOptions {
        minify: opts.minify && hb.config.minify,
        ..opts
    };
    let Some(site) = prepare(&hb, opts, &mut report.diagnostics) else {
        return (finish(report, start), None);
    };
    if report.errors() > 0 {
        return (finish(report, start), None);
    }
    let search = std::sync::Mutex::new(Vec::new());
    // Notes the size of each search index on its way out.
    let measure = |o: &Output| {
        if let Some(lang) = o
            .path
            .strip_prefix("search/index-")
            .and_then(|p| p.strip_suffix(".js"))
        {
            if let Ok(mut s) = search.lock() {
                s.push((lang.to_string(), o.bytes.len()));
            }
        }
    };
    if let Dest::Memory(keep) = dest {
        let (files, diags) = site.emit(&|o| {
            measure(&o);
            keep(o);
            Ok(())
        });
        report.files = files;
        report.written = diags.is_empty();
        report.diagnostics.extend(diags);
        report.search = search.into_inner().unwrap_or_default();
        report.search.sort();
        let parts = site.into_parts();
        let kept = Kept {
            hb,
            parts,
            file_diagnostics,
        };
        return (finish(report, start), Some(kept));
    }
    match out {
        // check: render everything (template errors surface), keep nothing.
        None => {
            let (files, diags) = site.emit(&|o| {
                measure(&o);
                Ok(())
            });
            report.files = files;
            report.diagnostics.extend(diags);
        }
        Some(out) => {
            let mut job_diags = Vec::new();
            let written = output::write_site(out, |dir| {
                let (files, diags) = output::with_writer(dir, |send| {
                    site.emit(&|o| {
                        measure(&o);
                        send(o)
                    })
                })?;
                report.files = files;
                job_diags = diags;
                match job_diags.is_empty() {
                    true => Ok(()),
                    false => anyhow::bail!("{} file(s) could not be rendered", job_diags.len()),
                }
            });
            report.diagnostics.extend(job_diags);
            match written {
                Ok(()) => report.written = true,
                Err(e) if report.errors() == 0 => report
                    .diagnostics
                    .push(Diagnostic::error(out, format!("{e:#}"))),
                Err(_) => {}
            }
        }
    }
    report.search = search.into_inner().unwrap_or_default();
    report.search.sort();
    (finish(report, start), None)
}

/// Is `path` (which may not exist yet) inside the folder `dir`?
fn inside(path: &Path, dir: &Path) -> bool {
    let Ok(dir) = dir.canonicalize() else {
        return false;
    };
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    // Canonicalize the deepest part that exists, so `..` and links resolve.
    while !existing.exists() {
        match existing.parent() {
            Some(p) => existing = p,
            None => return false,
        }
    }
    existing.canonicalize().is_ok_and(|p| p.starts_with(&dir))
}

/// Sorts the report's diagnostics and notes the time taken.
pub fn finish(mut report: Report, start: Instant) -> Report {
    crate::diagnostics::sort(&mut report.diagnostics);
    report.diagnostics.dedup();
    report.elapsed = start.elapsed();
    report
}

/// The link graph as Graphviz DOT (for `brug check --graph`), with the
/// diagnostics found on the way.
pub fn graph(root: &Path) -> (Option<String>, Vec<Diagnostic>) {
    let loaded = load(root);
    let mut diags = loaded.diagnostics;
    let Some(hb) = loaded.handbook else {
        return (None, diags);
    };
    let dot = prepare(&hb, options(false), &mut diags).map(|site| site.graph.dot(&hb));
    crate::diagnostics::sort(&mut diags);
    (dot, diags)
}

/// Loads theme and strings and prepares the render plan for `hb`; `None`
/// when templates or strings are unusable.
pub fn prepare<'a>(
    hb: &'a Handbook,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
) -> Option<Site<'a>> {
    prepare_reusing(hb, opts, diags, None)
}

/// `prepare`, reusing what an earlier build made from this content
/// (`brug serve`'s fast path).
pub fn prepare_reusing<'a>(
    hb: &'a Handbook,
    opts: RenderOptions,
    diags: &mut Vec<Diagnostic>,
    reuse: Option<crate::render::Parts>,
) -> Option<Site<'a>> {
    let (mut theme, theme_diags) = Theme::load(&hb.root);
    diags.extend(theme_diags);
    let (strings, string_diags) =
        Strings::load(std::mem::take(&mut theme.strings), &hb.config.languages);
    diags.extend(string_diags);
    let (site, site_diags) = Site::prepare_reusing(hb, theme, strings?, opts, reuse);
    diags.extend(site_diags);
    site
}

/// Fills in the report's counts of pages per language and of missing and
/// outdated translations.
pub fn summarize(hb: &Handbook, report: &mut Report) {
    report.pages = (0..hb.config.languages.len())
        .map(|l| {
            (
                hb.lang_code(l).to_string(),
                hb.pairs.iter().filter(|p| p.pages[l].is_some()).count(),
            )
        })
        .collect();
    for pair in &hb.pairs {
        for status in &pair.status {
            match status {
                Translation::Missing => report.missing += 1,
                Translation::Outdated { .. } => report.outdated += 1,
                Translation::Current => {}
            }
        }
    }
}

/// Default render options for `brug build`.
pub fn options(minify: bool) -> RenderOptions {
    RenderOptions {
        minify,
        links: LinkStyle::default(),
    }
}
