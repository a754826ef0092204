//! The one rebuild engine of `brug serve`: classify the changed paths
//! (`plan`), work out what to redo (the plan, and `affected` for pages
//! edited in place), and run those jobs with the job runner that
//! `brug build` uses (`Site::run_all`). The state of the last good build
//! (model, analysis, compiled theme, the pairs each page showed) is kept
//! between changes and replaced by the next one, never patched and undone:
//! a plan's checks are read-only, and a plan that applies builds the next
//! state from the previous one. The route a rebuild took is a value.

use super::affected::{self, After, Before};
use super::http::Files;
use super::plan::{self, BodyEdit, PagesEdit, Plan, ThemeEdit};
use super::served;
use crate::analyze::prepared::{Prepared, Reuse};
use crate::build::site::{self, Built, Dest};
use crate::diagnostics::Diagnostic;
use crate::model::{Handbook, Page, PageId};
use crate::render::{Job, Output, Site};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The route a rebuild took.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    /// The changed files came and went: nothing was rebuilt.
    Nothing,
    /// One page's body: that page, then its language's search index and
    /// print view.
    Body,
    /// Pages edited in place (same pages, same URLs): what they affect.
    Pages,
    /// Templates or assets: every template page, or the assets alone.
    Theme,
    /// Everything, in memory.
    Full,
}

/// What one rebuild did.
#[derive(Debug)]
pub struct Rebuild {
    pub route: Route,
    /// The changed paths it was for: those that lasted (an editor's
    /// temporary file that came and went is not among them).
    pub paths: Vec<PathBuf>,
    /// Jobs of the first step: the pages a reload waits for (for a full
    /// build: all files made).
    pub jobs: usize,
    /// Served files that changed, sorted.
    pub changed: Vec<String>,
    /// For a route in two steps, the files the first one changed (the
    /// pages a reload waits for) and when they were served.
    pub first: Option<(usize, Duration)>,
    /// Errors and warnings (a full build's, or those found on the way).
    pub diagnostics: Vec<Diagnostic>,
    /// The rebuild failed: the last good site is still served.
    pub failed: bool,
    pub elapsed: Duration,
}

impl Rebuild {
    fn new(route: Route, start: Instant) -> Rebuild {
        Rebuild {
            route,
            paths: Vec::new(),
            jobs: 0,
            changed: Vec::new(),
            first: None,
            diagnostics: Vec::new(),
            failed: false,
            elapsed: start.elapsed(),
        }
    }

    pub fn errors(&self) -> usize {
        crate::diagnostics::count(&self.diagnostics).0
    }
}

/// Told of every new version of the served site, with the paths that
/// changed, as soon as it is ready.
pub type Publish<'a> = &'a dyn Fn(&Arc<Files>, &[String]);

/// The served site and the state of the last good build.
pub struct Engine {
    root: PathBuf,
    files: Arc<Files>,
    kept: Option<Built>,
    /// The last rebuild failed: the next one is a full build.
    failed: bool,
}

impl Engine {
    /// An engine for the handbook at `root`, serving nothing yet.
    pub fn new(root: &Path) -> Engine {
        Engine {
            root: root.to_path_buf(),
            files: Arc::default(),
            kept: None,
            failed: false,
        }
    }

    /// The model, analysis and theme of the last good build.
    pub fn kept(&self) -> Option<&Built> {
        self.kept.as_ref()
    }

    /// The served site.
    pub fn files(&self) -> Arc<Files> {
        self.files.clone()
    }

    /// Rebuilds after `paths` (absolute, below the root) changed.
    pub fn rebuild(&mut self, paths: &[PathBuf], publish: Publish) -> Rebuild {
        let start = Instant::now();
        let lasting = plan::lasting(&self.root, self.kept.as_ref(), paths);
        let kept = self.kept.as_ref().filter(|_| !self.failed);
        let mut rebuild = match plan::plan(&self.root, kept, &lasting) {
            Plan::Nothing => Rebuild::new(Route::Nothing, start),
            Plan::Body(edit) => self.body(*edit, publish, start),
            Plan::Pages(edit) => self.pages(*edit, publish, start),
            Plan::Theme(edit) => self.theme(edit, publish, start),
            Plan::Full => self.full(publish),
        };
        if !lasting.is_empty() {
            rebuild.paths = lasting;
        }
        rebuild
    }

    /// Builds everything into memory. On success the new site is served
    /// and its state kept; on failure the last good site and state stay.
    pub fn full(&mut self, publish: Publish) -> Rebuild {
        let start = Instant::now();
        let built = Mutex::new(Vec::new());
        let keep = |o: Output| {
            if let Ok(mut b) = built.lock() {
                b.push(o);
            }
        };
        let (report, kept) =
            site::run_keeping(&self.root, Dest::Memory(&keep), site::options(false));
        let mut rebuild = Rebuild::new(Route::Full, start);
        rebuild.jobs = report.files;
        rebuild.diagnostics = report.diagnostics;
        match kept.filter(|_| report.written && rebuild.errors() == 0) {
            Some(kept) => {
                let files = served::from_outputs(built.into_inner().unwrap_or_default());
                rebuild.changed = self.serve(files, publish);
                self.kept = Some(kept);
                self.failed = false;
            }
            None => {
                self.failed = true;
                rebuild.failed = true;
            }
        }
        rebuild.elapsed = start.elapsed();
        rebuild
    }

    /// Serves `files` from now on; returns the paths that changed.
    fn serve(&mut self, files: Files, publish: Publish) -> Vec<String> {
        let changed = served::changed(&self.files, &files);
        self.files = Arc::new(files);
        publish(&self.files, &changed);
        changed
    }

    /// A body edit: the page's new text, translation state and Markdown
    /// go into the next state; the page (and counterparts whose notice
    /// changed) are served first, its language's search index and print
    /// view after them.
    fn body(&mut self, edit: BodyEdit, publish: Publish, start: Instant) -> Rebuild {
        let Some(mut kept) = self.kept.take() else {
            return self.full(publish);
        };
        let (id, pair) = (edit.page, edit.pair);
        let hb = &mut kept.hb;
        let lang = hb.pages[id].lang;
        let status_before = hb.pairs[pair].status.clone();
        hb.pages[id].text = edit.text;
        hb.pages[id].hash = edit.hash;
        let pairs = std::slice::from_mut(&mut hb.pairs[pair]);
        crate::model::pairs::compute_status(pairs, &hb.pages, &hb.config.languages);
        kept.prepared.markdown[id] = edit.rendered;
        let p = &hb.pairs[pair];
        let first: Vec<Job> = (0..status_before.len())
            .filter(|&l| l == lang || (status_before[l] != p.status[l] && p.urls[l].is_some()))
            .map(|l| Job::Page(pair, l))
            .collect();
        let mut later = search_and_print(&kept, &[lang], &[lang]);
        // The pair's side-by-side views show the body in every language.
        let overviews = &kept.prepared.overviews;
        later.extend(
            (0..status_before.len())
                .filter(|&l| overviews.side_url(&kept.hb.pairs[pair], l).is_some())
                .map(|l| Job::SideBySide(pair, l)),
        );
        let steps = Steps {
            first,
            later,
            removed: Vec::new(),
            whole: Vec::new(),
        };
        self.run(kept, Route::Body, steps, Vec::new(), publish, start)
    }

    /// Pages edited in place: the analysis is made again from the kept
    /// Markdown (the changed pages' rendered anew) and `affected` names
    /// the jobs whose inputs changed.
    fn pages(&mut self, edit: PagesEdit, publish: Publish, start: Instant) -> Rebuild {
        let Some(mut old) = self.kept.take() else {
            return self.full(publish);
        };
        let PagesEdit {
            read,
            pages,
            file_diagnostics,
            search_keys,
        } = edit;
        let before = affected::fingerprints(&old.hb);
        let mut diagnostics = file_diagnostics.clone();
        let Some(hb) = assemble(&self.root, &mut old, read, &mut diagnostics) else {
            // A page or URL moved (or an error only the whole model shows):
            // the kept state is taken apart, and the full build makes it anew.
            return self.full(publish);
        };
        let Prepared {
            markdown,
            graph,
            overviews,
            ..
        } = old.prepared;
        let reuse = Reuse {
            markdown,
            stale: pages.clone(),
            derived: None,
        };
        let links = old.renderer.links();
        let strings = old.renderer.strings();
        let prepared = Prepared::rebuild(&hb, strings, links, reuse, &mut diagnostics);
        if diagnostics.iter().any(Diagnostic::is_error) {
            // Found only now (a broken anchor): the full build says it.
            return self.full(publish);
        }
        let jobs = Site::new(&hb, &prepared, &old.renderer).jobs();
        let plan = affected::affected(
            &Before {
                hb: &old.hb,
                graph: &graph,
                overviews: &overviews,
                fingerprints: &before,
                search_keys: &search_keys,
            },
            &After {
                hb: &hb,
                graph: &prepared.graph,
                overviews: &prepared.overviews,
                fingerprints: &affected::fingerprints(&hb),
                jobs: &jobs,
                glossary: prepared.glossary.pair,
                markdown: &prepared.markdown,
            },
            &old.reads,
            &pages,
        );
        // Generated pages may have gone or been numbered anew.
        let now: std::collections::HashSet<&Job> = jobs.iter().collect();
        let mut reads = old.reads;
        reads.retain(|job, _| now.contains(job));
        let kept = Built {
            hb,
            prepared,
            renderer: old.renderer,
            reads,
            file_diagnostics,
        };
        let mut later = plan.generated;
        later.extend(search_and_print(&kept, &plan.search, &plan.print));
        let steps = Steps {
            first: plan.pages,
            later,
            removed: plan.removed,
            whole: Vec::new(),
        };
        self.run(kept, Route::Pages, steps, diagnostics, publish, start)
    }

    /// A theme change: the new templates render every template page (or
    /// only the assets change) with the kept model and analysis.
    fn theme(&mut self, edit: ThemeEdit, publish: Publish, start: Instant) -> Rebuild {
        let Some(mut kept) = self.kept.take() else {
            return self.full(publish);
        };
        kept.renderer = edit.renderer;
        let jobs = Site::new(&kept.hb, &kept.prepared, &kept.renderer).jobs();
        let first = jobs
            .into_iter()
            .filter(|&job| match job {
                Job::Asset(_) => true,
                job => job.is_template() && !edit.assets_only,
            })
            .collect();
        let steps = Steps {
            first,
            later: Vec::new(),
            removed: Vec::new(),
            // The theme's assets are all in the output: one not there is gone.
            whole: vec!["static/".to_string()],
        };
        self.run(kept, Route::Theme, steps, Vec::new(), publish, start)
    }

    /// Runs the steps with `kept` as the state, serves what they made and
    /// keeps `kept`. A job that fails (a template on new content) leaves
    /// the last good site served and makes the next rebuild a full one.
    fn run(
        &mut self,
        mut kept: Built,
        route: Route,
        steps: Steps,
        diagnostics: Vec<Diagnostic>,
        publish: Publish,
        start: Instant,
    ) -> Rebuild {
        let mut rebuild = Rebuild::new(route, start);
        rebuild.diagnostics = diagnostics;
        rebuild.jobs = steps.first.len();
        let site = Site::new(&kept.hb, &kept.prepared, &kept.renderer);
        let (first, ran) = run_jobs(&site, &steps.first);
        let mut reads = ran.reads;
        let mut failures = ran.diagnostics;
        if failures.is_empty() {
            // Files that go (generated pages, left-over assets) go at once.
            let files = served::patch(&self.files, first, &steps.removed, &steps.whole);
            let changed = self.serve(files, publish);
            rebuild.first = Some((changed.len(), start.elapsed()));
            rebuild.changed = changed;
        }
        if failures.is_empty() && !steps.later.is_empty() {
            let (later, ran) = run_jobs(&site, &steps.later);
            reads.extend(ran.reads);
            failures.extend(ran.diagnostics);
            if failures.is_empty() {
                let files = served::patch(&self.files, later, &[], &[]);
                rebuild.changed.extend(self.serve(files, publish));
                rebuild.changed.sort_unstable();
                rebuild.changed.dedup();
            }
        }
        kept.reads.extend(reads);
        self.kept = Some(kept);
        self.failed = !failures.is_empty();
        rebuild.failed = self.failed;
        rebuild.diagnostics.extend(failures);
        rebuild.elapsed = start.elapsed();
        rebuild
    }
}

/// What a route runs: the jobs a reload waits for, then the rest, and the
/// served files that go.
struct Steps {
    first: Vec<Job>,
    later: Vec<Job>,
    /// Generated pages that no longer exist: they go with the first step.
    removed: Vec<String>,
    /// Path prefixes whose every file the first step makes (see
    /// `served::patch`).
    whole: Vec<String>,
}

/// The model of `old` with the pages of `read` in place of theirs, taking
/// `old`'s pages; `None` when a page or URL is no longer where it was, or
/// the model has an error.
fn assemble(
    root: &Path,
    old: &mut Built,
    read: Vec<(PageId, Page)>,
    diags: &mut Vec<Diagnostic>,
) -> Option<Handbook> {
    let mut pages = std::mem::take(&mut old.hb.pages);
    for (id, page) in read {
        pages[id] = page;
    }
    let statics = old.hb.statics.iter().map(|s| s.source.clone()).collect();
    let config = old.hb.config.clone();
    let hb = crate::model::load::assemble(root, config, pages, statics, diags);
    let fits = affected::same_pairs(&old.hb, &hb) && !diags.iter().any(Diagnostic::is_error);
    fits.then_some(hb)
}

/// The search index jobs of the languages `search` and the print views of
/// `print`.
fn search_and_print(kept: &Built, search: &[usize], print: &[usize]) -> Vec<Job> {
    let site = Site::new(&kept.hb, &kept.prepared, &kept.renderer);
    let mut jobs: Vec<Job> = site
        .jobs()
        .into_iter()
        .filter(|j| matches!(j, Job::SearchIndex(l) | Job::SearchText(l, _) if search.contains(l)))
        .collect();
    if kept.prepared.overviews.print.is_some() {
        jobs.extend(print.iter().map(|&l| Job::Print(l)));
    }
    jobs
}

/// Runs `jobs` with the build's runner, collecting their files.
fn run_jobs(site: &Site, jobs: &[Job]) -> (Vec<Output>, crate::render::Ran) {
    let made = Mutex::new(Vec::new());
    let ran = site.run_all(jobs, &|o| {
        if let Ok(mut m) = made.lock() {
            m.push(o);
        }
        Ok(())
    });
    (made.into_inner().unwrap_or_default(), ran)
}
